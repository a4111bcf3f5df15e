//! The service worker, stamped with the build it belongs to.
//!
//! The client's files keep their names from one release to the next, and a
//! split client is many files whose chunks only fit the main module they were
//! cut from. So the worker's cache is named after the build (a digest of
//! every file in `pkg/`), the worker precaches that build's entry files
//! (the main module, its scripts and the style sheet; each page's chunks are
//! stored the first time a page needs them, so installing the worker never
//! downloads the staff's screens onto an applicant's phone), and every page
//! says which build rendered it: the worker answers a page's
//! client files from its cache only when the page and the cache are of the
//! same build, and a new build's worker replaces the old cache in one step.

use std::path::Path;

use axum::{
    body::Body,
    extract::Request,
    http::{HeaderName, HeaderValue, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};

/// The response header naming the build that rendered a page.
pub const BUILD_HEADER: HeaderName = HeaderName::from_static("x-mizekhedmat-build");

const BUILD_PLACEHOLDER: &str = "__MIZEKHEDMAT_BUILD__";
const FILES_PLACEHOLDER: &str = "/* __MIZEKHEDMAT_CLIENT_FILES__ */";

/// The client build being served and the worker script that caches it.
#[derive(Clone)]
pub struct ClientBuild {
    id: HeaderValue,
    script: bytes::Bytes,
}

impl ClientBuild {
    /// Reads the site folder once at start-up. Without a built client (unit
    /// tests, a bare checkout) the build is called `none` and nothing is
    /// precached but what the template lists itself.
    pub fn read(site_root: &str) -> Self {
        let site = Path::new(site_root);
        let files = client_files(&site.join("pkg"));
        let id = build_id(&site.join("pkg"), &files);
        let template = std::fs::read_to_string(site.join("sw.js")).unwrap_or_default();
        let listed = files
            .iter()
            .filter(|name| !is_chunk(name))
            .map(|name| format!("'/pkg/{name}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let script = template
            .replace(BUILD_PLACEHOLDER, &id)
            .replace(FILES_PLACEHOLDER, &listed);
        Self {
            id: HeaderValue::from_str(&id).unwrap_or(HeaderValue::from_static("none")),
            script: script.into(),
        }
    }

    /// `GET /sw.js`. Never cached by HTTP: the browser compares the script
    /// byte for byte to notice a new build.
    pub fn script(&self) -> Response {
        (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/javascript; charset=utf-8"),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            self.script.clone(),
        )
            .into_response()
    }
}

/// Adds the build header to every response but the client's WebAssembly
/// pieces (the worker reads it from pages; a page loads a hundred pieces).
pub async fn stamp(
    axum::extract::State(build): axum::extract::State<ClientBuild>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let client_code = super::security::is_client_code(request.uri().path());
    let mut response = next.run(request).await;
    if client_code {
        return response;
    }
    response.headers_mut().insert(BUILD_HEADER, build.id.clone());
    response
}

/// The client's own files, without the precompressed copies and the split
/// manifest (which only the server reads), sorted so the digest is stable.
fn client_files(pkg: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(pkg) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| [".js", ".wasm", ".css"].iter().any(|end| name.ends_with(end)))
        .collect();
    names.sort();
    names
}

/// A piece of the split client that only some pages load: a page's own code
/// (`split_…`) or code shared by some pages (`chunk_…`).
fn is_chunk(name: &str) -> bool {
    name.starts_with("chunk_") || name.starts_with("split_")
}

fn build_id(pkg: &Path, files: &[String]) -> String {
    if files.is_empty() {
        return "none".to_owned();
    }
    let mut digest = Sha256::new();
    for name in files {
        digest.update(name.as_bytes());
        digest.update(std::fs::read(pkg.join(name)).unwrap_or_default());
    }
    digest
        .finalize()
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let site = tempfile::tempdir().expect("temporary folder");
        std::fs::create_dir(site.path().join("pkg")).expect("pkg folder");
        std::fs::write(
            site.path().join("sw.js"),
            "const BUILD = '__MIZEKHEDMAT_BUILD__';\nconst FILES = [/* __MIZEKHEDMAT_CLIENT_FILES__ */];\n",
        )
        .expect("template");
        for (name, body) in files {
            std::fs::write(site.path().join("pkg").join(name), body).expect("client file");
        }
        site
    }

    fn script_of(build: &ClientBuild) -> String {
        String::from_utf8(build.script.to_vec()).expect("utf-8 script")
    }

    #[test]
    fn the_worker_precaches_the_entry_files_and_names_its_build() {
        let site = site_with(&[
            ("app.wasm", "a"),
            ("app.js", "b"),
            ("app.wasm.br", "c"),
            ("chunk_1.wasm", "d"),
            ("split___login_route_view_1.wasm", "e"),
        ]);
        let build = ClientBuild::read(site.path().to_str().expect("path"));
        let script = script_of(&build);
        let id = build.id.to_str().expect("ascii id");
        assert_eq!(id.len(), 16);
        assert!(script.contains(&format!("const BUILD = '{id}';")));
        assert!(script.contains("const FILES = ['/pkg/app.js', '/pkg/app.wasm'];"));
    }

    #[test]
    fn a_changed_chunk_is_a_new_build() {
        let before = ClientBuild::read(
            site_with(&[("app.wasm", "a"), ("chunk_1.wasm", "d")])
                .path()
                .to_str()
                .expect("path"),
        );
        let after = ClientBuild::read(
            site_with(&[("app.wasm", "a"), ("chunk_1.wasm", "e")])
                .path()
                .to_str()
                .expect("path"),
        );
        let again = ClientBuild::read(
            site_with(&[("app.wasm", "a"), ("chunk_1.wasm", "e")])
                .path()
                .to_str()
                .expect("path"),
        );
        assert_ne!(before.id, after.id);
        assert_eq!(after.id, again.id);
    }

    #[test]
    fn without_a_built_client_the_build_is_none() {
        let site = tempfile::tempdir().expect("temporary folder");
        let build = ClientBuild::read(site.path().to_str().expect("path"));
        assert_eq!(build.id, "none");
    }
}
