//! The service card's part of the editor: the service's own fields and one
//! section a sub-service, with rows for fees and inquiries.

use leptos::prelude::*;

use super::widgets::{Check, Choose, Input, Several, Values, last, options};
use crate::domain::catalogue::choices::{
    Channel, Frequency, Level, LifeEvent, Nature, Period, ServiceKind, Stage, Trigger, VisitReason,
};
use crate::domain::catalogue::form::used_rows;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::catalogue::labels::{label, number, pick};

#[component]
pub fn ServiceFields(values: Values) -> impl IntoView {
    let l = values.locale;
    let i18n = use_i18n();
    let v = values.clone();
    let text = move |key: &str, required: bool| view! { <Input values=v.clone() key=key.to_owned() label=label(l, key).to_owned() required /> };
    view! {
        <fieldset class="subform">
            <legend>{t!(i18n, admin_services_general)}</legend>
            {text("title", true)}
            <Input values=values.clone() key="national_id".into() label=label(l, "national_id").into() inputmode="numeric"
                hint=t_string!(i18n, admin_services_national_id_hint).to_owned() />
            {text("provider", true)}
            {text("parent_agency", false)}
            <Input values=values.clone() key="description".into() label=label(l, "description").into() long=true required=true />
            <Choose values=values.clone() key="kind".into() label=label(l, "kind").into() options=options!(l, ServiceKind) />
            {text("audience", false)}
            <Choose values=values.clone() key="nature".into() label=label(l, "nature").into() options=options!(l, Nature) />
            <Choose values=values.clone() key="level".into() label=label(l, "level").into() options=options!(l, Level) />
            <Several values=values.clone() key="life_events".into() label=label(l, "life_events").into() options=options!(l, LifeEvent) />
        </fieldset>
    }
    .into_any()
}

#[component]
pub fn SubServiceFields(values: Values, index: usize, open: bool) -> impl IntoView {
    let l = values.locale;
    let i18n = use_i18n();
    let k = move |name: &str| format!("s{index}.{name}");
    let lines_hint = t_string!(i18n, admin_services_lines_hint).to_owned();
    let v = values.clone();
    let input = move |name: &str, required: bool| {
        view! { <Input values=v.clone() key=k(name) label=label(l, last(name)).to_owned() required /> }
    };
    let v = values.clone();
    let hint = lines_hint.clone();
    let list = move |name: &str, required: bool| {
        view! { <Input values=v.clone() key=k(name) label=label(l, last(name)).to_owned() long=true required hint=hint.clone() /> }
    };
    let legend = format!(
        "{} {}",
        t_string!(i18n, catalogue_sub_service),
        number(l, index as u64 + 1)
    );
    let fee_rows = used_rows(&values.fields, &k("fee")) + 1;
    let int_rows = used_rows(&values.fields, &k("int")) + 1;
    let ext_rows = used_rows(&values.fields, &k("ext")) + 1;
    view! {
        <fieldset class="subform" data-open=open.to_string()>
            <legend>{legend}</legend>
            {view! {
                {input("code", true)}
                {input("title", true)}
                <Input values=values.clone() key=k("description") label=label(l, "description").into() long=true />
                <Choose values=values.clone() key=k("trigger") label=label(l, "trigger").into() options=options!(l, Trigger) />
                {list("documents", false)}
                {list("laws", false)}
                <Input values=values.clone() key=k("recipients") label=label(l, "recipients").into() inputmode="numeric" />
                <Choose values=values.clone() key=k("recipients_per") label=label(l, "recipients_per").into() options=options!(l, Period) />
                {input("average_duration", true)}
                <Choose values=values.clone() key=k("frequency") label=label(l, "frequency").into() options=options!(l, Frequency) />
                <Input values=values.clone() key=k("visits") label=label(l, "visits").into() inputmode="numeric" />
                {input("web_address", false)}
                {input("system_name", false)}
                {list("processes", true)}
            }.into_any()}
            <fieldset class="subform">
                <legend>{label(l, "fees")}</legend>
                {(0..fee_rows).map(|j| {
                    let p = |name: &str| k(&format!("fee{j}.{name}"));
                    view! {
                        <div class="row-group">
                            <Input values=values.clone() key=p("title") label=t_string!(i18n, catalogue_fee_title).to_owned() />
                            <Input values=values.clone() key=p("amount") label=label(l, "amount").into() inputmode="numeric" />
                            <Input values=values.clone() key=p("account") label=label(l, "account").into() />
                            <Input values=values.clone() key=p("legal_basis") label=label(l, "legal_basis").into() />
                        </div>
                    }
                }).collect_view()}
                <Check values=values.clone() key=k("paid_electronically") label=label(l, "paid_electronically").into() />
            </fieldset>
            <fieldset class="subform">
                <legend>{t!(i18n, catalogue_stages)}</legend>
                {Stage::ALL.iter().map(|stage| {
                    let s = |name: &str| k(&format!("{}.{name}", stage.as_str()));
                    view! {
                        <fieldset class="subform">
                            <legend>{pick(l, stage.title_fa(), stage.title_en())}</legend>
                            <Check values=values.clone() key=s("electronic") label=label(l, "electronic").into() />
                            <Several values=values.clone() key=s("channels") label=label(l, "channels").into() options=options!(l, Channel) />
                            <Choose values=values.clone() key=s("visit_reason") label=label(l, "visit_reason").into() options=options!(l, VisitReason) />
                        </fieldset>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="subform">
                <legend>{t!(i18n, catalogue_inquiries)}</legend>
                {(0..int_rows).map(|j| {
                    let p = |name: &str| k(&format!("int{j}.{name}"));
                    view! {
                        <div class="row-group">
                            <Input values=values.clone() key=p("system") label=format!("{} ({})", label(l, "system"), t_string!(i18n, catalogue_same_agency)) />
                            <Input values=values.clone() key=p("fields") label=label(l, "fields").into() />
                            <Check values=values.clone() key=p("online") label=label(l, "online").into() />
                        </div>
                    }
                }).collect_view()}
                {(0..ext_rows).map(|j| {
                    let p = |name: &str| k(&format!("ext{j}.{name}"));
                    view! {
                        <div class="row-group">
                            <Input values=values.clone() key=p("agency") label=label(l, "agency").into() />
                            <Input values=values.clone() key=p("system") label=label(l, "system").into() />
                            <Input values=values.clone() key=p("fields") label=label(l, "fields").into() />
                            <Check values=values.clone() key=p("online") label=label(l, "online").into() />
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="subform">
                <legend>{t!(i18n, catalogue_desk)}</legend>
                {input("desk.address", true)}
                {input("desk.hours", false)}
                {input("desk.unit", true)}
                {list("desk.steps", true)}
                {list("desk.forms", false)}
                {input("desk.responsible", true)}
                {input("desk.contact", true)}
            </fieldset>
        </fieldset>
    }
    .into_any()
}
