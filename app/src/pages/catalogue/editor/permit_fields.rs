//! The permit card's part of the editor: the permit itself, form 1's rows
//! (one a kind of application) and form 2's rows (one an agency inquired),
//! each group with one spare row to add another.

use leptos::prelude::*;

use super::widgets::{Check, Choose, Input, Several, Values, id_of, options};
use crate::domain::catalogue::form::used_rows;
use crate::domain::catalogue::permit::{Applicant, PermitAction};
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::catalogue::labels::{label_in, row_name};
use crate::serverfns::catalogue::{CardKind, CardLink};

/// The permit's label for a field name.
fn name(values: &Values, field: &str) -> String {
    label_in(CardKind::Permit, values.locale, field).to_owned()
}

#[component]
pub fn PermitFields(values: Values, services: Vec<CardLink>) -> impl IntoView {
    let i18n = use_i18n();
    let kinds = used_rows(&values.fields, "k") + 1;
    let inquiries = used_rows(&values.fields, "q") + 1;
    view! {
        <fieldset class="subform">
            <legend>{t!(i18n, admin_permits_general)}</legend>
            <Input values=values.clone() key="title".into() label=name(&values, "title") required=true />
            <Input values=values.clone() key="issuer".into() label=name(&values, "issuer") required=true />
            <Input values=values.clone() key="description".into() label=name(&values, "description") long=true />
            <IssuingService values=values.clone() services />
        </fieldset>
        <fieldset class="subform">
            <legend>{t!(i18n, admin_permits_kinds)}</legend>
            {(0..kinds).map(|i| view! { <KindRow values=values.clone() index=i /> }).collect_view()}
        </fieldset>
        <fieldset class="subform">
            <legend>{t!(i18n, admin_permits_inquiries)}</legend>
            {(0..inquiries).map(|i| view! { <InquiryRow values=values.clone() index=i /> }).collect_view()}
        </fieldset>
    }
    .into_any()
}

/// The catalogue's service that issues the permit, linked both ways.
#[component]
fn IssuingService(values: Values, services: Vec<CardLink>) -> impl IntoView {
    let id = id_of("service");
    let error = values.problem("service");
    let error_id = format!("{id}-error");
    let chosen = values.one("service");
    let has_error = error.is_some();
    view! {
        <div class="field" class:field--invalid=has_error>
            <label for=id.clone()>{name(&values, "service")}</label>
            <select id=id name="service" aria-invalid=has_error.then_some("true") aria-describedby=has_error.then(|| error_id.clone())>
                <option value="">"—"</option>
                {services.into_iter().map(|s| {
                    let value = s.id.to_string();
                    let selected = chosen == value;
                    view! { <option value=value selected=selected>{s.title}</option> }
                }).collect_view()}
            </select>
            {error.map(|m| view! { <p class="field__error" id=error_id>{m}</p> })}
        </div>
    }
    .into_any()
}

/// Form 1's row `index`: one kind of application.
#[component]
fn KindRow(values: Values, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let l = values.locale;
    let k = move |field: &str| format!("k{index}.{field}");
    let lines = t_string!(i18n, admin_services_lines_hint).to_owned();
    view! {
        <fieldset class="subform">
            <legend>{row_name(CardKind::Permit, l, &format!("k{index}"))}</legend>
            <Choose values=values.clone() key=k("kind") label=name(&values, "kind") options=options!(l, PermitAction) />
            <Input values=values.clone() key=k("legal_basis") label=name(&values, "legal_basis") required=true />
            <Input values=values.clone() key=k("documents") label=name(&values, "documents") long=true required=true hint=lines.clone() />
            <Input values=values.clone() key=k("validity") label=name(&values, "validity") />
            <Input values=values.clone() key=k("fee") label=name(&values, "fee") inputmode="numeric" />
            <Several values=values.clone() key=k("applicants") label=name(&values, "applicants") options=options!(l, Applicant) />
            <Check values=values.clone() key=k("shared") label=name(&values, "shared") />
            <Input values=values.clone() key=k("supervisors") label=name(&values, "supervisors") long=true hint=lines />
            <Input values=values.clone() key=k("duration") label=name(&values, "duration") required=true />
            <Check values=values.clone() key=k("electronic") label=name(&values, "electronic") />
            <Input values=values.clone() key=k("notes") label=name(&values, "notes") long=true />
        </fieldset>
    }
    .into_any()
}

/// Form 2's row `index`: one agency inquired.
#[component]
fn InquiryRow(values: Values, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let l = values.locale;
    let q = move |field: &str| format!("q{index}.{field}");
    let lines = t_string!(i18n, admin_services_lines_hint).to_owned();
    view! {
        <fieldset class="subform">
            <legend>{row_name(CardKind::Permit, l, &format!("q{index}"))}</legend>
            <Input values=values.clone() key=q("agency") label=name(&values, "agency") />
            <Input values=values.clone() key=q("subject") label=name(&values, "subject") />
            <Input values=values.clone() key=q("documents") label=name(&values, "documents") long=true hint=lines />
            <Input values=values.clone() key=q("fee") label=name(&values, "fee") inputmode="numeric" />
            <Input values=values.clone() key=q("validity") label=name(&values, "validity") />
            <Input values=values.clone() key=q("duration") label=name(&values, "duration") />
            <Check values=values.clone() key=q("electronic") label=name(&values, "electronic") />
            <Input values=values.clone() key=q("notes") label=name(&values, "notes") long=true />
        </fieldset>
    }
    .into_any()
}
