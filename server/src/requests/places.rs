//! Whether the units and posts a workflow names exist in the organisation,
//! checked before it is published: a step naming a post nobody can hold
//! would leave every request stuck there. A code with `{province}` must
//! exist for every open provincial company.

use std::collections::BTreeSet;

use app::domain::catalogue::form::Problem;
use app::domain::workflow::{PROVINCE, WorkflowDefinition};
use app::errors::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entities::{organisation_unit as unit, post};
use crate::errors::internal;

/// The open organisation's codes, for checking and for the designer's
/// suggestions.
pub struct Places {
    units: BTreeSet<String>,
    posts: BTreeSet<String>,
    /// Open provincial companies: code and Persian name.
    provinces: Vec<(String, String)>,
}

impl Places {
    /// Reads the open units, posts and provincial companies.
    pub async fn read(db: &impl ConnectionTrait) -> Result<Self, AppError> {
        let units = unit::Entity::find()
            .filter(unit::Column::RetiredAt.is_null())
            .all(db)
            .await
            .map_err(|e| internal("units", &e))?;
        let posts = post::Entity::find()
            .filter(post::Column::RetiredAt.is_null())
            .all(db)
            .await
            .map_err(|e| internal("posts", &e))?;
        Ok(Self {
            provinces: units
                .iter()
                .filter(|u| u.kind == unit::KIND_PROVINCIAL_COMPANY)
                .map(|u| (u.code.clone(), u.name_fa.clone()))
                .collect(),
            units: units.into_iter().map(|u| u.code).collect(),
            posts: posts.into_iter().map(|p| p.code).collect(),
        })
    }

    /// The problems of `workflow`'s steps, at `step.{i}.unit` and `step.{i}.post`.
    pub fn check(&self, workflow: &WorkflowDefinition) -> Vec<Problem> {
        let mut out = Vec::new();
        for (i, step) in workflow.steps.iter().enumerate() {
            let unit = self.missing(&step.unit_code, &self.units, "واحدی");
            let post = self.missing(&step.post_code, &self.posts, "پستی");
            for (part, message) in [("unit", unit), ("post", post)] {
                if let Some(message) = message {
                    out.push(Problem {
                        field: format!("step.{i}.{part}"),
                        message,
                    });
                }
            }
        }
        out
    }

    fn missing(&self, code: &str, known: &BTreeSet<String>, what: &str) -> Option<String> {
        if !code.contains(PROVINCE) {
            return (!known.contains(code)).then(|| format!("{what} با این کد در سازمان نیست"));
        }
        let lacking: Vec<&str> = self
            .provinces
            .iter()
            .filter(|(province, _)| !known.contains(&code.replace(PROVINCE, province)))
            .map(|(_, name)| name.as_str())
            .collect();
        match lacking.len() {
            0 => None,
            n if n == self.provinces.len() => Some(format!("{what} با این کد در هیچ شرکت استانی نیست")),
            _ => Some(format!(
                "{what} با این کد در این شرکت‌های استانی نیست: {}",
                lacking.join("، ")
            )),
        }
    }

    /// Codes to suggest, with each province's own written as `{province}`.
    pub fn suggestions(&self) -> (Vec<String>, Vec<String>) {
        let general = |codes: &BTreeSet<String>| -> Vec<String> {
            let mut out: BTreeSet<String> = BTreeSet::new();
            for code in codes {
                let generic = self.provinces.iter().find_map(|(p, _)| {
                    code.strip_prefix(&format!("{p}."))
                        .map(|rest| format!("{PROVINCE}.{rest}"))
                });
                out.insert(generic.unwrap_or_else(|| code.clone()));
            }
            out.into_iter().collect()
        };
        (general(&self.units), general(&self.posts))
    }
}
