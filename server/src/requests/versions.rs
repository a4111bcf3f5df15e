//! The numbered versions of each sub-service's form and workflow. Rows are
//! only added: a new version gets the next number, and a request keeps the
//! ids of the versions it was filed with.

use app::domain::request_form::FormDefinition;
use app::domain::workflow::WorkflowDefinition;
use app::errors::AppError;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::entities::{form_version, workflow_version};
use crate::errors::internal;

/// The newest form and workflow of a sub-service, if it has both.
pub async fn latest(
    db: &impl ConnectionTrait,
    service_id: i32,
    sub_code: &str,
) -> Result<Option<(form_version::Model, workflow_version::Model)>, AppError> {
    let form = form_version::Entity::find()
        .filter(form_version::Column::ServiceId.eq(service_id))
        .filter(form_version::Column::SubCode.eq(sub_code))
        .order_by_desc(form_version::Column::Number)
        .one(db)
        .await
        .map_err(|e| internal("form version", &e))?;
    let workflow = workflow_version::Entity::find()
        .filter(workflow_version::Column::ServiceId.eq(service_id))
        .filter(workflow_version::Column::SubCode.eq(sub_code))
        .order_by_desc(workflow_version::Column::Number)
        .one(db)
        .await
        .map_err(|e| internal("workflow version", &e))?;
    Ok(form.zip(workflow))
}

/// A stored form, read; a row that no longer reads is a server fault.
pub fn form_of(row: &form_version::Model) -> Result<FormDefinition, AppError> {
    serde_json::from_str(&row.definition).map_err(|e| internal("form definition", &e))
}

/// A stored workflow, read.
pub fn workflow_of(row: &workflow_version::Model) -> Result<WorkflowDefinition, AppError> {
    serde_json::from_str(&row.definition).map_err(|e| internal("workflow definition", &e))
}

/// Adds the next version of a sub-service's form and workflow; the caller
/// has checked both definitions.
pub async fn add(
    db: &impl ConnectionTrait,
    service_id: i32,
    sub_code: &str,
    form: &FormDefinition,
    workflow: &WorkflowDefinition,
    by: Option<i32>,
) -> Result<(), DbErr> {
    // Serialised first: a definition that cannot be written is refused whole,
    // never stored as an empty text beside a version number.
    let form_text = serde_json::to_string(form).map_err(|e| DbErr::Custom(format!("form definition: {e}")))?;
    let workflow_text =
        serde_json::to_string(workflow).map_err(|e| DbErr::Custom(format!("workflow definition: {e}")))?;
    let now = Utc::now();
    let next_form = form_version::Entity::find()
        .filter(form_version::Column::ServiceId.eq(service_id))
        .filter(form_version::Column::SubCode.eq(sub_code))
        .order_by_desc(form_version::Column::Number)
        .one(db)
        .await?
        .map_or(1, |row| row.number + 1);
    form_version::ActiveModel {
        service_id: Set(service_id),
        sub_code: Set(sub_code.to_owned()),
        number: Set(next_form),
        definition: Set(form_text),
        created_by: Set(by),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let next_workflow = workflow_version::Entity::find()
        .filter(workflow_version::Column::ServiceId.eq(service_id))
        .filter(workflow_version::Column::SubCode.eq(sub_code))
        .order_by_desc(workflow_version::Column::Number)
        .one(db)
        .await?
        .map_or(1, |row| row.number + 1);
    workflow_version::ActiveModel {
        service_id: Set(service_id),
        sub_code: Set(sub_code.to_owned()),
        number: Set(next_workflow),
        definition: Set(workflow_text),
        created_by: Set(by),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
