//! Whether the client has finished hydrating the page the server sent.
//!
//! Lazy routes hydrate asynchronously: the browser fetches the route's code
//! first, and effects may run while it arrives, before the part of the page
//! after the route (the footer) is hydrated. Anything that shows itself only
//! once the client runs must wait for this signal rather than for its first
//! effect, or it changes the page under the hydration and breaks it.

use leptos::prelude::*;

thread_local! {
    static FINISHED: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// True once the whole page is hydrated; always false on the server, which
/// never hydrates (and must not share one signal between requests).
pub fn finished() -> Signal<bool> {
    if cfg!(feature = "ssr") {
        Signal::stored(false)
    } else {
        FINISHED.with(|signal| signal.read_only().into())
    }
}

/// Called by the browser entry point when hydration is complete.
pub fn mark_finished() {
    FINISHED.with(|signal| signal.set(true));
}
