//! The service catalogue and permit register through the service, on SQLite
//! and PostgreSQL: the demo cards, search however Persian is typed, filters,
//! administrators' edits with history, drafts kept out of public view, and
//! the open data over HTTP.

mod support;

use support::demo_user;

use app::contracts::catalogue::Catalogue;
use app::contracts::catalogue::{CardKind, CatalogueQuery};
use app::domain::catalogue::form::{Fields, card_from_fields, card_to_fields};
use app::domain::catalogue::permit_form::{permit_from_fields, permit_to_fields};
use app::errors::AppError;
use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use http_body_util::BodyExt;
use server::catalogue::SeaOrmCatalogue;
use server::{config::Config, demo, http::router, state::AppState};
use tower::ServiceExt;

const SERVICE: CardKind = CardKind::Service;
const PERMIT: CardKind = CardKind::Permit;

fn query(q: &str) -> CatalogueQuery {
    CatalogueQuery {
        q: q.to_owned(),
        ..Default::default()
    }
}

async fn titles(catalogue: &SeaOrmCatalogue, query: &CatalogueQuery) -> Vec<String> {
    catalogue
        .search(query)
        .await
        .expect("search")
        .services
        .into_iter()
        .map(|s| s.title)
        .collect()
}

fn set(fields: &mut Fields, key: &str, value: &str) {
    fields.insert(key.to_owned(), vec![value.to_owned()]);
}

#[test]
fn every_demo_card_is_complete_by_the_editor_rules() {
    let cards = demo::catalogue_cards().expect("demo services parse");
    assert_eq!(cards.len(), 6);
    for card in cards {
        assert_eq!(
            card_from_fields(&card_to_fields(&card)),
            Ok(card.clone()),
            "{}",
            card.title
        );
    }
    let permits = demo::catalogue_permits().expect("demo permits parse");
    assert_eq!(permits.len(), 2);
    for permit in permits {
        assert_eq!(
            permit_from_fields(&permit_to_fields(&permit)),
            Ok(permit.clone()),
            "{}",
            permit.title
        );
    }
}

#[tokio::test]
async fn the_catalogue_finds_persian_however_it_is_typed_and_filters() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data");
        let catalogue = SeaOrmCatalogue::new(t.db.clone());

        let found = titles(&catalogue, &query("جواز تاسيس")).await;
        assert!(
            found.iter().any(|title| title.contains("جواز تاسیس")),
            "{}: Arabic ي finds the permit service: {found:?}",
            t.engine
        );
        assert_eq!(found, titles(&catalogue, &query("جواز تاسیس")).await);
        assert_eq!(titles(&catalogue, &query("شهرکها")).await.len(), 2, "no ZWNJ typed");
        assert_eq!(
            titles(&catalogue, &query("زمين شهرک")).await.len(),
            1,
            "two words, any order"
        );
        assert!(titles(&catalogue, &query("پرواز")).await.is_empty());
        assert_eq!(titles(&catalogue, &query("")).await.len(), 6);

        let g2g = CatalogueQuery {
            kind: "g2g".into(),
            ..Default::default()
        };
        assert_eq!(titles(&catalogue, &g2g).await.len(), 1, "{}", t.engine);
        let business = CatalogueQuery {
            event: "business".into(),
            ..Default::default()
        };
        assert!(!titles(&catalogue, &business).await.is_empty());
        let unknown = CatalogueQuery {
            event: "moonwalk".into(),
            ..Default::default()
        };
        assert!(
            titles(&catalogue, &unknown).await.is_empty(),
            "an unknown event matches nothing"
        );
        let electronic = CatalogueQuery {
            electronic: true,
            ..Default::default()
        };
        let all_electronic = titles(&catalogue, &electronic).await;
        assert!(all_electronic.len() < 6, "{}: {all_electronic:?}", t.engine);

        let page = catalogue.search(&query("")).await.expect("search");
        assert!(page.providers.len() >= 2);

        let permits = catalogue.permits("جواز").await.expect("permits");
        assert_eq!(permits.len(), 1);
        let linked = permits[0].service.clone().expect("issued by a service");
        let service = catalogue.service(None, linked.id).await.expect("public");
        assert_eq!(service.permits.len(), 1, "the service links its permit");
    }
}

#[tokio::test]
async fn an_administrator_edits_a_fee_keeps_history_and_nobody_else_can() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data");
        let catalogue = SeaOrmCatalogue::new(t.db.clone());
        let admin = demo_user(&t.db, "admin").await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let id = catalogue.search(&query("جواز تاسیس")).await.expect("search").services[0].id;

        assert_eq!(catalogue.editor(&officer, SERVICE, id).await, Err(AppError::Forbidden));
        assert_eq!(catalogue.admin_list(&officer, SERVICE).await, Err(AppError::Forbidden));
        let editor = catalogue.editor(&admin, SERVICE, id).await.expect("editor");
        let mut fields = editor.fields.clone();
        set(&mut fields, "revision", &editor.revision.to_string());
        assert_eq!(
            catalogue.save(&officer, SERVICE, id, fields.clone()).await,
            Err(AppError::Forbidden)
        );

        // A negative fee is refused beside its field and kept as typed; the
        // public card does not change.
        let before = catalogue.service(None, id).await.expect("public").card;
        let mut bad = fields.clone();
        set(&mut bad, "s0.fee0.amount", "-1000");
        let refused = catalogue.save(&admin, SERVICE, id, bad).await.expect_err("refused");
        assert_eq!(
            refused.message_for("s0.fee0.amount").as_deref(),
            Some("عدد نمی‌تواند منفی باشد"),
            "{}",
            t.engine
        );
        let shown = catalogue.editor(&admin, SERVICE, id).await.expect("editor");
        assert_eq!(shown.fields["s0.fee0.amount"], ["-1000"], "kept as typed");
        assert!(shown.problems.iter().any(|(f, _)| f == "s0.fee0.amount"));
        assert_eq!(catalogue.service(None, id).await.expect("public").card, before);
        assert!(
            catalogue
                .admin_list(&admin, SERVICE)
                .await
                .expect("list")
                .iter()
                .any(|r| r.id == id && r.pending)
        );

        set(&mut fields, "s0.fee0.amount", "۳٬۵۰۰٬۰۰۰");
        catalogue
            .save(&admin, SERVICE, id, fields.clone())
            .await
            .expect("saved");
        let after = catalogue.service(None, id).await.expect("public").card;
        assert_eq!(after.sub_services[0].fees[0].amount_rials, 3_500_000, "{}", t.engine);
        let editor = catalogue.editor(&admin, SERVICE, id).await.expect("editor");
        assert!(editor.problems.is_empty(), "the refused edit is gone");
        assert_eq!(editor.revision, 2);
        let latest = &editor.history[0];
        assert_eq!(latest.action, "edited");
        assert_eq!(latest.changed, ["s0.fee0.amount"]);
        assert!(latest.by.contains("شریف‌زاده"), "{latest:?}");

        // An edit made on an old copy is refused: someone saved since.
        let mut late = fields.clone();
        set(&mut late, "s0.fee0.amount", "4000000");
        let stale = catalogue.save(&admin, SERVICE, id, late).await.expect_err("stale");
        assert!(stale.message_for("form").is_some());
        let kept = catalogue.editor(&admin, SERVICE, id).await.expect("editor");
        assert!(kept.pending, "{}: what was typed is kept", t.engine);
        assert_eq!(kept.fields["s0.fee0.amount"], ["4000000"]);
        let refused = catalogue.set_published(&admin, SERVICE, id, true).await;
        assert!(
            refused
                .expect_err("unsaved edit first")
                .message_for("publish")
                .is_some()
        );
    }
}

#[tokio::test]
async fn a_new_service_stays_out_of_public_view_until_complete_and_published() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data");
        let catalogue = SeaOrmCatalogue::new(t.db.clone());
        let admin = demo_user(&t.db, "admin").await;
        let applicant = demo_user(&t.db, "applicant").await;
        let id = catalogue.create(&admin, SERVICE).await.expect("created");

        assert_eq!(
            catalogue.service(None, id).await,
            Err(AppError::NotFound),
            "{}",
            t.engine
        );
        assert_eq!(catalogue.service(Some(&applicant), id).await, Err(AppError::NotFound));
        assert!(
            catalogue.service(Some(&admin), id).await.is_ok(),
            "administrators preview"
        );
        let incomplete = catalogue.set_published(&admin, SERVICE, id, true).await;
        assert!(incomplete.expect_err("incomplete").message_for("publish").is_some());

        // Filled from a demo card under a new title, then published.
        let mut fields = card_to_fields(&demo::catalogue_cards().expect("cards")[1]);
        set(&mut fields, "title", "خدمت <script>alert(1)</script> آزمایشی");
        set(&mut fields, "revision", "1");
        catalogue.save(&admin, SERVICE, id, fields).await.expect("saved");
        assert_eq!(catalogue.service(None, id).await, Err(AppError::NotFound));
        catalogue
            .set_published(&admin, SERVICE, id, true)
            .await
            .expect("published");
        let public = catalogue.service(None, id).await.expect("public");
        assert_eq!(
            public.card.title, "خدمت <script>alert(1)</script> آزمایشی",
            "kept as text"
        );
        assert_eq!(titles(&catalogue, &query("آزمايشي")).await.len(), 1);

        catalogue
            .set_published(&admin, SERVICE, id, false)
            .await
            .expect("withdrawn");
        assert_eq!(catalogue.service(None, id).await, Err(AppError::NotFound));
        let history = catalogue.editor(&admin, SERVICE, id).await.expect("editor").history;
        let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
        assert_eq!(actions, ["unpublished", "published", "edited", "created"]);
        assert_eq!(
            catalogue.set_published(&applicant, SERVICE, id, true).await,
            Err(AppError::Forbidden)
        );
    }
}

#[tokio::test]
async fn an_administrator_registers_a_permit_linked_to_the_service_that_issues_it() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data");
        let catalogue = SeaOrmCatalogue::new(t.db.clone());
        let admin = demo_user(&t.db, "admin").await;
        let officer = demo_user(&t.db, "desk.tehran").await;
        let service = catalogue.search(&query("جواز تاسیس")).await.expect("search").services[0].id;
        assert_eq!(catalogue.create(&officer, PERMIT).await, Err(AppError::Forbidden));
        let id = catalogue.create(&admin, PERMIT).await.expect("created");
        assert_eq!(
            catalogue.permit(None, id).await,
            Err(AppError::NotFound),
            "{}",
            t.engine
        );
        let publish = catalogue.set_published(&admin, PERMIT, id, true).await;
        assert!(publish.expect_err("empty").message_for("publish").is_some());

        // Filled from a demo permit; a negative fee, an unknown kind and a
        // service that does not exist are each named and kept as typed.
        let mut fields = permit_to_fields(&demo::catalogue_permits().expect("permits")[0]);
        set(&mut fields, "title", "مجوز آزمایشی بهره‌برداری");
        set(&mut fields, "revision", "1");
        let mut bad = fields.clone();
        set(&mut bad, "k0.fee", "-1");
        set(&mut bad, "k0.kind", "seize");
        set(&mut bad, "service", "999999");
        let refused = catalogue.save(&admin, PERMIT, id, bad).await.expect_err("refused");
        assert_eq!(refused.message_for("k0.fee").as_deref(), Some("عدد نمی‌تواند منفی باشد"));
        assert!(refused.message_for("k0.kind").is_some());
        assert!(refused.message_for("service").is_some(), "{}", t.engine);
        let shown = catalogue.editor(&admin, PERMIT, id).await.expect("editor");
        assert_eq!(shown.fields["k0.kind"], ["seize"], "kept as typed");
        assert!(shown.services.iter().any(|s| s.id == service));

        set(&mut fields, "service", &service.to_string());
        catalogue.save(&admin, PERMIT, id, fields).await.expect("saved");
        assert_eq!(
            catalogue.permit(None, id).await,
            Err(AppError::NotFound),
            "still a draft"
        );
        assert!(
            catalogue.permit(Some(&admin), id).await.is_ok(),
            "administrators preview"
        );
        catalogue
            .set_published(&admin, PERMIT, id, true)
            .await
            .expect("published");

        let page = catalogue.permit(None, id).await.expect("public");
        assert_eq!(page.service.map(|s| s.id), Some(service));
        let found = catalogue.permits("آزمايشي").await.expect("register");
        assert_eq!(found.len(), 1, "{}: found with Arabic ي", t.engine);
        let issuing = catalogue.service(None, service).await.expect("service");
        assert!(issuing.permits.iter().any(|p| p.id == id), "linked both ways");
        let history = catalogue.editor(&admin, PERMIT, id).await.expect("editor").history;
        let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
        assert_eq!(actions, ["published", "edited", "created"]);
        assert!(history[1].changed.contains(&"title".to_owned()));
        assert_eq!(
            catalogue.set_published(&officer, PERMIT, id, false).await,
            Err(AppError::Forbidden)
        );
    }
}

async fn get(app: &axum::Router, path: &str, etag: Option<&str>) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut request = Request::get(path);
    if let Some(etag) = etag {
        request = request.header(header::IF_NONE_MATCH, etag);
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.expect("body").to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn the_catalogue_and_register_are_open_data_in_json_and_csv_with_caching() {
    for t in support::databases().await {
        demo::seed(&t.db).await.expect("demo data");
        let catalogue = SeaOrmCatalogue::new(t.db.clone());
        let admin = demo_user(&t.db, "admin").await;
        let draft = catalogue.create(&admin, SERVICE).await.expect("a draft");
        let config = Config::from_lookup(|key| (key == "MIZEKHEDMAT_MODE").then(|| "demo".to_owned()))
            .expect("demo configuration");
        let leptos = config.leptos_options();
        let app = router(AppState::new(config, t.db.clone(), leptos));

        let (status, headers, body) = get(&app, "/open-data/services.json", None).await;
        assert_eq!(status, StatusCode::OK, "{}", t.engine);
        assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=300");
        assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
        let services: Vec<serde_json::Value> = serde_json::from_str(&body).expect("JSON");
        assert_eq!(services.len(), 6, "published only");
        assert!(services.iter().all(|s| s["id"] != draft));
        let permit_service = services
            .iter()
            .find(|s| s["title"].as_str().is_some_and(|t| t.contains("جواز تاسیس")))
            .expect("listed");
        assert!(permit_service["sub_services"][0]["fees"][0]["amount_rials"].as_u64() > Some(0));

        let etag = headers[header::ETAG].to_str().expect("etag").to_owned();
        let (status, _, body) = get(&app, "/open-data/services.json", Some(&etag)).await;
        assert_eq!(status, StatusCode::NOT_MODIFIED);
        assert!(body.is_empty());

        let (status, headers, csv) = get(&app, "/open-data/services.csv", None).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .expect("type")
                .starts_with("text/csv")
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert!(lines[0].starts_with("\u{FEFF}\"service_id\""));
        let sub_services: usize = services
            .iter()
            .map(|s| s["sub_services"].as_array().map_or(0, Vec::len))
            .sum();
        assert_eq!(lines.len(), 1 + sub_services, "one row per sub-service");

        let (_, _, permits) = get(&app, "/open-data/permits.json", None).await;
        let permits: Vec<serde_json::Value> = serde_json::from_str(&permits).expect("JSON");
        assert_eq!(permits.len(), 2);
        let (_, _, permits_csv) = get(&app, "/open-data/permits.csv", None).await;
        assert!(permits_csv.contains("\"issue\""));
        let (status, _, _) = get(&app, "/open-data/secrets.json", None).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}
