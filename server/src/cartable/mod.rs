//! The cartable of every signed-in person, for identity requests and
//! requests on defined workflows alike. Each folder is one indexed query:
//! staff's "awaiting action" reads the requests their posts hold through
//! `idx_requests_cartable`; "in progress" and "finished" are the requests
//! they acted on, through `idx_request_events_actor`. Pages follow a cursor
//! (the last row's date sent and id), never an offset, so the hundredth
//! page costs what the first does.

mod filters;
pub mod participants;
mod rows;
mod scope;

use app::contracts::cartable::Cartables;
use app::contracts::cartable::{CartableFolder, CartablePage, CartableQuery, ServiceOption};
use app::contracts::session::SessionUser;
use app::domain::role::Role;
use app::domain::workflow::machine::Folder;
use app::errors::AppError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entities::{form_version, request, request_participant as participant, service};
use crate::errors::internal;

/// Rows on one page.
pub const PAGE: u64 = 20;

/// The cartable over sea-orm.
pub struct SeaOrmCartable {
    db: DatabaseConnection,
}

impl SeaOrmCartable {
    /// The cartable over `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

/// Where a page starts: after this date sent (staff) and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cursor {
    sent: Option<DateTime<Utc>>,
    id: i32,
}

impl Cursor {
    fn read(text: &str) -> Option<Cursor> {
        let (sent, id) = text.split_once('.').map_or((None, text), |(s, i)| (Some(s), i));
        let sent = match sent {
            Some(micros) => Some(DateTime::from_timestamp_micros(micros.parse().ok()?)?),
            None => None,
        };
        Some(Cursor {
            sent,
            id: id.parse().ok()?,
        })
    }

    fn write(self) -> String {
        match self.sent {
            Some(sent) => format!("{}.{}", sent.timestamp_micros(), self.id),
            None => self.id.to_string(),
        }
    }
}

#[async_trait::async_trait]
impl Cartables for SeaOrmCartable {
    async fn page(&self, who: &SessionUser, query: &CartableQuery) -> Result<CartablePage, AppError> {
        let now = Utc::now();
        let staff = who.role != Role::Applicant;
        let posts = if staff {
            scope::posts_held(&self.db, who.user_id).await?
        } else {
            Vec::new()
        };
        let (filter, problem) = filters::read(query, now);
        let folders = query.folder().map_or_else(|| Folder::ALL.to_vec(), |f| vec![f]);
        let newest_first = query.sort != "oldest";
        let cursor = query.folder().and_then(|_| Cursor::read(&query.after));
        let mut pages = Vec::with_capacity(folders.len());
        let narrowed = query.q.trim() != ""
            || query.service.trim() != ""
            || query.overdue == "overdue"
            || query.from.trim() != ""
            || query.to.trim() != "";
        for folder in folders {
            let (total, found) = if staff && !narrowed {
                staff_folder(&self.db, who, &posts, folder, newest_first, cursor).await?
            } else {
                let condition = Condition::all()
                    .add(scope::folder(who, staff, &posts, folder))
                    .add(filter.clone());
                let total = request::Entity::find()
                    .filter(condition.clone())
                    .count(&self.db)
                    .await
                    .map_err(|e| internal("cartable count", &e))?;
                (total, page_of(&self.db, condition, staff, newest_first, cursor).await?)
            };
            let more = found.len() as u64 > PAGE;
            let found: Vec<request::Model> = found.into_iter().take(PAGE as usize).collect();
            let next = more
                .then(|| found.last())
                .flatten()
                .map(|last| cursor_of(last, staff).write());
            pages.push(CartableFolder {
                folder,
                total,
                rows: rows::build(&self.db, staff, &found, now).await?,
                next,
            });
        }
        Ok(CartablePage {
            folders: pages,
            services: services(&self.db).await?,
            problem,
        })
    }
}

/// A staff folder without search or filters, read along its index: the
/// awaiting folder one post and status at a time (each already in date
/// order), the others from the participants table. Totals come from the
/// same indexes.
async fn staff_folder(
    db: &DatabaseConnection,
    who: &SessionUser,
    posts: &[i32],
    folder: Folder,
    newest_first: bool,
    cursor: Option<Cursor>,
) -> Result<(u64, Vec<request::Model>), AppError> {
    if folder == Folder::Awaiting {
        let mut total = 0;
        let mut found = Vec::new();
        for post in posts {
            for status in scope::HELD {
                let held = Condition::all()
                    .add(request::Column::HolderPostId.eq(*post))
                    .add(request::Column::Status.eq(status));
                total += request::Entity::find()
                    .filter(held.clone())
                    .count(db)
                    .await
                    .map_err(|e| internal("cartable count", &e))?;
                found.extend(page_of(db, held, true, newest_first, cursor).await?);
            }
        }
        found.sort_by_key(|r| (r.submitted_at, r.id));
        if newest_first {
            found.reverse();
        }
        found.truncate(PAGE as usize + 1);
        return Ok((total, found));
    }
    let finished = folder == Folder::Finished;
    let mine = Condition::all()
        .add(participant::Column::UserId.eq(who.user_id))
        .add(participant::Column::Finished.eq(finished));
    let total = participant::Entity::find()
        .filter(mine.clone())
        .count(db)
        .await
        .map_err(|e| internal("cartable count", &e))?;
    let order = if newest_first {
        sea_orm::Order::Desc
    } else {
        sea_orm::Order::Asc
    };
    let mut select = participant::Entity::find().filter(mine);
    if let Some(Cursor { sent: Some(sent), id }) = cursor {
        let (past_sent, past_id) = if newest_first {
            (
                participant::Column::SubmittedAt.lt(sent),
                participant::Column::RequestId.lt(id),
            )
        } else {
            (
                participant::Column::SubmittedAt.gt(sent),
                participant::Column::RequestId.gt(id),
            )
        };
        select = select.filter(
            Condition::any().add(past_sent).add(
                Condition::all()
                    .add(participant::Column::SubmittedAt.eq(sent))
                    .add(past_id),
            ),
        );
    }
    let ids: Vec<i32> = select
        .order_by(participant::Column::SubmittedAt, order.clone())
        .order_by(participant::Column::RequestId, order)
        .limit(PAGE + 1)
        .all(db)
        .await
        .map_err(|e| internal("cartable participants", &e))?
        .into_iter()
        .map(|p| p.request_id)
        .collect();
    let mut found = request::Entity::find()
        .filter(request::Column::Id.is_in(ids.clone()))
        .all(db)
        .await
        .map_err(|e| internal("cartable page", &e))?;
    found.sort_by_key(|r| ids.iter().position(|id| *id == r.id));
    Ok((total, found))
}

fn cursor_of(row: &request::Model, staff: bool) -> Cursor {
    Cursor {
        sent: if staff { row.submitted_at } else { None },
        id: row.id,
    }
}

/// One page and one row more, to know whether another page follows. Staff
/// pages go by date sent, then id; an applicant's (drafts have no date
/// sent) by id, which grows with each request.
async fn page_of(
    db: &DatabaseConnection,
    condition: Condition,
    staff: bool,
    newest_first: bool,
    cursor: Option<Cursor>,
) -> Result<Vec<request::Model>, AppError> {
    let order = if newest_first {
        sea_orm::Order::Desc
    } else {
        sea_orm::Order::Asc
    };
    let mut select = request::Entity::find().filter(condition);
    if let Some(cursor) = cursor {
        let past_id = if newest_first {
            request::Column::Id.lt(cursor.id)
        } else {
            request::Column::Id.gt(cursor.id)
        };
        select = match (staff, cursor.sent) {
            (true, Some(sent)) => {
                let past_sent = if newest_first {
                    request::Column::SubmittedAt.lt(sent)
                } else {
                    request::Column::SubmittedAt.gt(sent)
                };
                select.filter(
                    Condition::any()
                        .add(past_sent)
                        .add(Condition::all().add(request::Column::SubmittedAt.eq(sent)).add(past_id)),
                )
            }
            _ => select.filter(past_id),
        };
    }
    if staff {
        select = select.order_by(request::Column::SubmittedAt, order.clone());
    }
    select
        .order_by(request::Column::Id, order)
        .limit(PAGE + 1)
        .all(db)
        .await
        .map_err(|e| internal("cartable page", &e))
}

/// Services whose requests are filed on forms, for the filter.
async fn services(db: &DatabaseConnection) -> Result<Vec<ServiceOption>, AppError> {
    let with_forms = Query::select()
        .column(form_version::Column::ServiceId)
        .from(form_version::Entity)
        .to_owned();
    Ok(service::Entity::find()
        .filter(Expr::col(service::Column::Id).in_subquery(with_forms))
        .order_by_asc(service::Column::Id)
        .all(db)
        .await
        .map_err(|e| internal("cartable services", &e))?
        .into_iter()
        .map(|s| ServiceOption {
            id: s.id,
            title: s.title,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_what_it_wrote_and_nonsense_reads_as_none() {
        let sent = DateTime::from_timestamp_micros(1_763_900_000_123_456);
        for cursor in [Cursor { sent, id: 42 }, Cursor { sent: None, id: 7 }] {
            assert_eq!(Cursor::read(&cursor.write()), Some(cursor));
        }
        for nonsense in ["", "x", "1.x", "x.1", "99999999999999999999.1"] {
            assert_eq!(Cursor::read(nonsense), None, "{nonsense}");
        }
    }
}
