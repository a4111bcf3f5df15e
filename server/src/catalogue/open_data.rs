//! The catalogue and the permit register as open data at stable URLs, so
//! other platforms (the national mobile-government platform of seed 003)
//! can list our services: JSON with every field of the cards, and CSV with
//! one row per sub-service or per kind of permit application. Only
//! published cards. Cached for five minutes and answered 304 when the
//! caller's copy is current.

use app::domain::catalogue::{card::ServiceCard, permit::PermitCard};
use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::rows::{parse_card, parse_permit};
use crate::entities::{permit, service};
use crate::state::AppState;

/// A published service as the JSON lists it.
#[derive(Serialize)]
struct ServiceRecord {
    id: i32,
    url: String,
    updated_at: DateTime<Utc>,
    fully_electronic: bool,
    #[serde(flatten)]
    card: ServiceCard,
}

/// A published permit as the JSON lists it.
#[derive(Serialize)]
struct PermitRecord {
    id: i32,
    url: String,
    service_id: Option<i32>,
    updated_at: DateTime<Utc>,
    #[serde(flatten)]
    card: PermitCard,
}

/// `GET /open-data/{services,permits}.{json,csv}`.
pub async fn serve(State(state): State<AppState>, Path(file): Path<String>, headers: HeaderMap) -> Response {
    let base = state
        .config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", state.config.site_addr));
    let base = base.trim_end_matches('/');
    let built = match file.as_str() {
        "services.json" => services(&state.db, base).await.and_then(|r| json(&r)),
        "services.csv" => services(&state.db, base).await.map(|r| services_csv(&r)),
        "permits.json" => permits(&state.db, base).await.and_then(|r| json(&r)),
        "permits.csv" => permits(&state.db, base).await.map(|r| permits_csv(&r)),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    match built {
        Ok(body) => answer(&file, body, &headers),
        Err(error) => {
            tracing::error!(%error, file, "open data failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn services(db: &DatabaseConnection, base: &str) -> Result<Vec<ServiceRecord>, String> {
    let rows = service::Entity::find()
        .filter(service::Column::Published.eq(true))
        .order_by_asc(service::Column::Id)
        .all(db)
        .await
        .map_err(|e| e.to_string())?;
    rows.iter()
        .map(|row| {
            Ok(ServiceRecord {
                id: row.id,
                url: format!("{base}/catalogue/{}", row.id),
                updated_at: row.updated_at,
                fully_electronic: row.fully_electronic,
                card: parse_card(row).map_err(|e| e.to_string())?,
            })
        })
        .collect()
}

async fn permits(db: &DatabaseConnection, base: &str) -> Result<Vec<PermitRecord>, String> {
    let rows = permit::Entity::find()
        .filter(permit::Column::Published.eq(true))
        .order_by_asc(permit::Column::Id)
        .all(db)
        .await
        .map_err(|e| e.to_string())?;
    rows.iter()
        .map(|row| {
            Ok(PermitRecord {
                id: row.id,
                url: format!("{base}/permits/{}", row.id),
                service_id: row.service_id,
                updated_at: row.updated_at,
                card: parse_permit(row).map_err(|e| e.to_string())?,
            })
        })
        .collect()
}

/// The records as JSON; a failure is a 500, never an empty file served as data.
fn json<T: Serialize>(records: &T) -> Result<Vec<u8>, String> {
    serde_json::to_vec_pretty(records).map_err(|e| e.to_string())
}

/// One CSV field, always quoted, quotes doubled (RFC 4180). A cell that a
/// spreadsheet would read as a formula gets a leading apostrophe.
fn field(value: &str) -> String {
    let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let value = if formula { format!("'{value}") } else { value.to_owned() };
    format!("\"{}\"", value.replace('"', "\"\""))
}

fn csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    // A byte-order mark, so spreadsheet programs read the Persian as UTF-8.
    let mut out = String::from("\u{FEFF}");
    out.push_str(&header.iter().map(|h| field(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|v| field(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn services_csv(records: &[ServiceRecord]) -> Vec<u8> {
    let header = [
        "service_id",
        "national_id",
        "service_title",
        "provider",
        "parent_agency",
        "kind",
        "level",
        "life_events",
        "sub_service_code",
        "sub_service_title",
        "average_duration",
        "fees_rials",
        "in_person_visits",
        "electronic_stages",
        "fully_electronic",
        "web_address",
        "url",
    ];
    let rows = records.iter().flat_map(|r| {
        r.card.sub_services.iter().map(move |sub| {
            let events: Vec<&str> = r.card.life_events.iter().map(|e| e.as_str()).collect();
            let stages: Vec<&str> = sub
                .stages
                .iter()
                .filter(|s| s.electronic)
                .map(|s| s.stage.as_str())
                .collect();
            vec![
                r.id.to_string(),
                r.card.national_id.clone(),
                r.card.title.clone(),
                r.card.provider.clone(),
                r.card.parent_agency.clone(),
                r.card.kind.as_str().to_owned(),
                r.card.level.as_str().to_owned(),
                events.join(";"),
                sub.code.clone(),
                sub.title.clone(),
                sub.average_duration.clone(),
                sub.fees
                    .iter()
                    .fold(0u64, |total, f| total.saturating_add(f.amount_rials))
                    .to_string(),
                sub.visits.to_string(),
                stages.join(";"),
                r.fully_electronic.to_string(),
                sub.web_address.clone(),
                r.url.clone(),
            ]
        })
    });
    csv(&header, rows)
}

fn permits_csv(records: &[PermitRecord]) -> Vec<u8> {
    let header = [
        "permit_id",
        "permit_title",
        "issuer",
        "kind",
        "legal_basis",
        "validity",
        "fee_rials",
        "applicants",
        "shared_process",
        "duration",
        "electronic",
        "service_id",
        "url",
    ];
    let rows = records.iter().flat_map(|r| {
        r.card.kinds.iter().map(move |k| {
            let applicants: Vec<&str> = k.applicants.iter().map(|a| a.as_str()).collect();
            vec![
                r.id.to_string(),
                r.card.title.clone(),
                r.card.issuer.clone(),
                k.kind.as_str().to_owned(),
                k.legal_basis.clone(),
                k.validity.clone(),
                k.fee_rials.to_string(),
                applicants.join(";"),
                k.shared_process.to_string(),
                k.duration.clone(),
                k.electronic.to_string(),
                r.service_id.map(|id| id.to_string()).unwrap_or_default(),
                r.url.clone(),
            ]
        })
    });
    csv(&header, rows)
}

/// The body with its type, caching headers and an ETag; 304 when the
/// caller already has it.
fn answer(file: &str, body: Vec<u8>, headers: &HeaderMap) -> Response {
    let digest = Sha256::digest(&body);
    let etag = format!(
        "\"{}\"",
        digest[..16].iter().map(|b| format!("{b:02x}")).collect::<String>()
    );
    let content_type = if file.ends_with(".json") {
        "application/json; charset=utf-8"
    } else {
        "text/csv; charset=utf-8"
    };
    let cache = [
        (header::CACHE_CONTROL, "public, max-age=300"),
        (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
    ];
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .map(|tag| tag.trim().trim_start_matches("W/"))
                .any(|tag| tag == etag || tag == "*")
        });
    if fresh {
        return (StatusCode::NOT_MODIFIED, cache, [(header::ETAG, etag)]).into_response();
    }
    (
        cache,
        [(header::ETAG, etag), (header::CONTENT_TYPE, content_type.to_owned())],
        body,
    )
        .into_response()
}
