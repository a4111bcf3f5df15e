//! What a page reads back of a plain form post: the values and errors a
//! post without JavaScript left behind, and the page's query parameters.
//! Every area's pages use these, so they sit beside the areas, not in one.

use std::collections::HashMap;

use leptos::prelude::WithUntracked as _;

/// What a plain form post of `form` left behind when it came back with
/// errors; empty in the browser, where nothing typed is ever lost.
pub fn remembered(form: &str) -> HashMap<String, String> {
    #[cfg(feature = "ssr")]
    {
        crate::serverfns::form_memory::recall(form)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = form;
        HashMap::new()
    }
}

/// Like [`remembered`], for a page the browser hydrates while it shows the
/// errors: the server's values travel with the page, so the browser draws
/// the same errors and hydration matches.
pub fn remembered_shared(form: &str) -> HashMap<String, String> {
    leptos::prelude::SharedValue::new(|| remembered(form)).into_inner()
}

/// A query parameter of the current page, if present.
pub fn query(name: &'static str) -> Option<String> {
    leptos_router::hooks::use_query_map().with_untracked(|q| q.get(name))
}
