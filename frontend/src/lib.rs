//! Browser entry point. Everything the client does lives in `app`; this crate
//! only wakes the server-rendered page up and registers the offline worker.

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the hydration script that the server puts in every page.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    register_service_worker();
    leptos::mount::hydrate_body(app::App);
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
