//! Browser entry point. Everything the client does lives in `app`; this crate
//! only wakes the server-rendered page up and registers the offline worker.
//! Hydration is lazy: each route's code is a chunk of its own that the
//! server preloads for the page it rendered.

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the hydration script that the server puts in every page.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    register_service_worker();
    // What `leptos::mount::hydrate_lazy` does, plus telling the page when
    // hydration is over: the route's chunk arrives asynchronously, and
    // `app::hydration` holds back what must not change the page before then.
    // An Err only means the executor was already set up.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let body = leptos::prelude::document().body().expect("a page has a body");
        leptos::mount::hydrate_from_async(body, app::App).await.forget();
        app::hydration::mark_finished();
    });
}

/// The worker caches the shell so the app opens on a flaky phone connection
/// and can be installed; a browser without service workers just skips it.
fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    // The promise's outcome is irrelevant to the page: a failed registration
    // only means the app is not available offline.
    let _ = container.register("/sw.js");
}
