//! The demo's electronic forms and workflows: each names a demo service by
//! a phrase of its title and one of its sub-services, and is added as that
//! sub-service's first version unless it has one.

use app::domain::request_form::{FormDefinition, check_definition};
use app::domain::workflow::{self, WorkflowDefinition};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait};
use serde::Deserialize;

use crate::entities::{form_version, service};
use crate::requests::versions;

/// One sub-service's form and workflow as the demo file holds them.
#[derive(Deserialize)]
pub struct DemoForm {
    /// A phrase of the service's title.
    pub service: String,
    /// The sub-service's code.
    pub sub_code: String,
    /// Its form.
    pub form: FormDefinition,
    /// Its workflow.
    pub workflow: WorkflowDefinition,
}

/// The demo forms, read.
pub fn forms() -> Result<Vec<DemoForm>, DbErr> {
    serde_json::from_str(include_str!("forms.json")).map_err(|e| DbErr::Custom(format!("demo forms: {e}")))
}

/// Adds each demo form and workflow whose sub-service has none yet; a
/// definition that fails the editor's own checks stops start-up.
pub async fn seed_forms(db: &DatabaseConnection) -> Result<(), DbErr> {
    for demo in forms()? {
        check_definition(&demo.form).map_err(|p| DbErr::Custom(format!("demo form {}: {p:?}", demo.service)))?;
        workflow::check_definition(&demo.workflow)
            .map_err(|p| DbErr::Custom(format!("demo workflow {}: {p:?}", demo.service)))?;
        let services = service::Entity::find().all(db).await?;
        let Some(service) = services.iter().find(|s| s.title.contains(&demo.service)) else {
            continue;
        };
        let present = form_version::Entity::find()
            .filter(form_version::Column::ServiceId.eq(service.id))
            .filter(form_version::Column::SubCode.eq(demo.sub_code.as_str()))
            .count(db)
            .await?;
        if present > 0 {
            continue;
        }
        let txn = db.begin().await?;
        versions::add(&txn, service.id, &demo.sub_code, &demo.form, &demo.workflow, None).await?;
        txn.commit().await?;
    }
    Ok(())
}
