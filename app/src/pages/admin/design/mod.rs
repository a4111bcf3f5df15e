//! `/admin/services/{id}/forms/{sub}`: the designer of a sub-service's
//! electronic form and workflow, beside a preview of the form as applicants
//! will see it. It is one plain form: without JavaScript, saving shows the
//! preview of what was saved and a refused publish comes back as typed with
//! each problem beside its input; with JavaScript, the preview and the
//! checks follow every key press.

mod cells;
mod rows;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::catalogue::form::Fields;
use crate::domain::design::{self, RowKind, VERIFIES_IDENTITY, is_blank, row_indexes};
use crate::i18n::{Locale, use_i18n};
use crate::pages::catalogue::labels::{number, pick};
use crate::pages::form_memory::query;
use crate::pages::requests::fields::FormFields;
use crate::pages::requests::progress::StepsDiagram;
use crate::serverfns::design::{DesignPage as Page, VersionView, load_design};
use crate::serverfns::requests::StepProgress;
use cells::{Editing, id_of};
use rows::{FieldRow, StepRow, row_title};

/// The designer of one sub-service, for administrators.
#[component]
pub fn DesignPage() -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let (service_id, sub_code) = use_params_map().with_untracked(|p| {
        (
            p.get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or_default(),
            p.get("sub").unwrap_or_default(),
        )
    });
    let page = OnceResource::new(load_design(service_id, sub_code));
    let refused = query("problems").is_some();
    let saved = query("saved").is_some();
    let discarded = query("discarded").is_some();
    let published = query("published");
    view! {
        <h1>{pick(l, "فرم و گردش کار", "Form and workflow")}</h1>
        <p><A href=format!("/admin/services/{service_id}")>{pick(l, "بازگشت به شناسنامهٔ خدمت", "Back to the service card")}</A></p>
        {saved.then(|| view! { <p class="status-ok" role="status">{pick(l, "پیش‌نویس ذخیره شد.", "Draft saved.")}</p> })}
        {discarded.then(|| view! { <p class="status-ok" role="status">{pick(l, "پیش‌نویس کنار گذاشته شد.", "Draft discarded.")}</p> })}
        {published.map(|n| view! {
            <p class="status-ok" role="status">
                {format!("{} {}", pick(l, "منتشر شد: نسخهٔ", "Published: version"), number(l, n.parse().unwrap_or(0)))}
                {pick(l, ". درخواست‌های پیشین با نسخهٔ خود می‌مانند.", ". Earlier requests keep their own version.")}
            </p>
        })}
        <Suspense>
            {move || page.get().map(|answer| match answer {
                Ok(page) => view! { <Designer page refused locale=l /> }.into_any(),
                Err(e) => view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
    .into_any()
}

/// How many rows of `kind` to draw: every row up to the last one filled,
/// and one blank row to fill, which grows another as it is filled.
fn rows_to_draw(rows: &Fields, kind: RowKind) -> usize {
    row_indexes(rows, kind)
        .into_iter()
        .filter(|&i| !is_blank(rows, kind, i))
        .max()
        .map_or(1, |last| last + 2)
}

#[component]
fn Designer(page: Page, refused: bool, locale: Locale) -> impl IntoView {
    let l = locale;
    let ed = Editing::new(page.rows.clone(), refused);
    let fields = Memo::new(move |_| ed.rows.with(|r| rows_to_draw(r, RowKind::Field)));
    let steps = Memo::new(move |_| ed.rows.with(|r| rows_to_draw(r, RowKind::Step)));
    let versions = match page.form_version {
        Some(n) => format!(
            "{} {}",
            pick(l, "نسخهٔ منتشرشده:", "Published version:"),
            number(l, n as u64)
        ),
        None => pick(
            l,
            "هنوز نسخه‌ای منتشر نشده است؛ تا انتشار، این زیرخدمت درخواست برخط نمی‌پذیرد.",
            "Nothing published yet: until then the sub-service takes no online requests.",
        )
        .to_owned(),
    };
    let draft_note = page.draft.then(|| {
        pick(
            l,
            "آنچه در زیر آمده پیش‌نویسی منتشرنشده است.",
            "What follows is an unpublished draft.",
        )
    });
    let verifies_identity = design::value(&page.rows, VERIFIES_IDENTITY) == "yes";
    let summary = page.problems.clone();
    let name = page.name.clone();
    let discard = page.draft.then(|| {
        view! {
            <form method="post" action="/api/design/discard" class="inline-form">
                <input type="hidden" name="service_id" value=name.service_id.to_string() />
                <input type="hidden" name="sub_code" value=name.sub_code.clone() />
                <button type="submit" class="button button--secondary">{pick(l, "کنار گذاشتن پیش‌نویس", "Discard the draft")}</button>
            </form>
        }
    });
    view! {
        <p class="lead">{name.service.clone()} " — " {name.sub_service.clone()}</p>
        <p>{versions} " " {draft_note}</p>
        {discard}
        {(refused && !summary.is_empty()).then(|| view! {
            <div class="error-summary" role="alert" aria-labelledby="design-problems" tabindex="-1">
                <h2 id="design-problems">{pick(l, "برای انتشار، این موارد را درست کنید", "Fix these to publish")}</h2>
                <ul>
                    {summary.into_iter().map(|(field, message)| view! {
                        <li><a href=format!("#{}", id_of(&field))>{where_is(l, &field)} ": " {message}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        })}
        <div class="design">
            <form method="post" action="/api/design/save" enctype="multipart/form-data" class="form design__editor" novalidate=true>
                <input type="hidden" name="service_id" value=name.service_id.to_string() />
                <input type="hidden" name="sub_code" value=name.sub_code.clone() />
                <section aria-labelledby="design-fields">
                    <h2 id="design-fields">{pick(l, "فیلدهای فرم", "Fields of the form")}</h2>
                    <ListProblem ed key="fields" />
                    <For each=move || 0..fields.get() key=|i| *i let:i>
                        <FieldRow ed i locale=l />
                    </For>
                </section>
                <section aria-labelledby="design-steps">
                    <h2 id="design-steps">{pick(l, "مراحل گردش کار", "Steps of the workflow")}</h2>
                    <ListProblem ed key="steps" />
                    <For each=move || 0..steps.get() key=|i| *i let:i>
                        <StepRow ed i locale=l />
                    </For>
                    <div class="field">
                        <label class="choice__option">
                            <input type="checkbox" name=VERIFIES_IDENTITY value="yes" checked=verifies_identity
                                aria-describedby="design-verifies-identity-help" />
                            {pick(l, "تأیید نهایی این گردش کار، هویت متقاضی را تأیید می‌کند", "A final approval verifies the applicant's identity")}
                        </label>
                        <p class="hint" id="design-verifies-identity-help">{pick(l, "متقاضیانی که هویتشان هنوز تأیید نشده، فقط همین زیرخدمت را می‌توانند درخواست کنند.", "Applicants not yet verified may apply for this sub-service only.")}</p>
                    </div>
                </section>
                <datalist id="design-units">
                    {page.codes.0.clone().into_iter().map(|code| view! { <option value=code></option> }).collect_view()}
                </datalist>
                <datalist id="design-posts">
                    {page.codes.1.clone().into_iter().map(|code| view! { <option value=code></option> }).collect_view()}
                </datalist>
                <noscript><p class="hint">{pick(l, "پس از تغییر نوع یک فیلد، «ذخیرهٔ پیش‌نویس» را بزنید تا تنظیمات همان نوع و پیش‌نمایش تازه نمایش داده شود.", "After changing a field's kind, save the draft to see that kind's settings and a fresh preview.")}</p></noscript>
                <div class="form__actions">
                    <button type="submit" class="button button--secondary">{pick(l, "ذخیرهٔ پیش‌نویس", "Save draft")}</button>
                    <button type="submit" name="publish" value="1" class="button">{pick(l, "انتشار نسخهٔ تازه", "Publish a new version")}</button>
                </div>
            </form>
            <section class="design__preview card" aria-labelledby="design-preview">
                <h2 id="design-preview">{pick(l, "پیش‌نمایش فرم متقاضی", "Preview of the applicant's form")}</h2>
                <p class="hint">{pick(l, "همان فرمی که متقاضی می‌بیند؛ آنچه اینجا نوشته شود فرستاده نمی‌شود.", "The form as applicants see it; nothing typed here is sent.")}</p>
                {move || {
                    let form = ed.rows.with(design::preview);
                    view! {
                        <div class="form">
                            <FormFields form values=Fields::new() files=Vec::new() problems=Signal::stored(Default::default()) />
                        </div>
                    }
                }}
                <h3>{pick(l, "گردش کار", "Workflow")}</h3>
                {move || view! { <StepsDiagram steps=ed.rows.with(preview_steps) /> }}
            </section>
        </div>
        <History history=page.history locale=l />
    }
    .into_any()
}

/// The workflow's steps as the request pages draw them, all still to come.
fn preview_steps(rows: &Fields) -> Vec<StepProgress> {
    design::preview_workflow(rows)
        .steps
        .into_iter()
        .map(|step| StepProgress {
            title: step.title,
            unit: step.unit_code,
            agreed: step.duration.in_persian(),
            state: "to_come".to_owned(),
            took: None,
            overdue: false,
        })
        .collect()
}

/// The published versions, newest first.
#[component]
fn History(history: Vec<VersionView>, locale: Locale) -> impl IntoView {
    let l = locale;
    view! {
        <section class="card" aria-labelledby="design-history">
            <h2 id="design-history">{pick(l, "نسخه‌های منتشرشده", "Published versions")}</h2>
            <div class="table-wrap">
                <table class="history">
                    <thead><tr>
                        <th scope="col">{pick(l, "نسخه", "Version")}</th>
                        <th scope="col">{pick(l, "زمان انتشار", "Published")}</th>
                        <th scope="col">{pick(l, "منتشرکننده", "By")}</th>
                    </tr></thead>
                    <tbody>
                        {history.into_iter().map(|v| view! {
                            <tr>
                                <td>{number(l, u64::try_from(v.number).unwrap_or(0))}</td>
                                <td>{v.at}</td>
                                <td>{if v.by.is_empty() { pick(l, "داده‌های نمایشی", "demo data").to_owned() } else { v.by }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// A problem of a whole list, such as a form without fields.
#[component]
fn ListProblem(ed: Editing, key: &'static str) -> impl IntoView {
    let id = id_of(key);
    view! {
        <p id=id tabindex="-1" class="form__error" hidden=move || ed.problems.with(|p| !p.contains_key(key))>
            {move || ed.problems.with(|p| p.get(key).cloned())}
        </p>
    }
    .into_any()
}

/// Where an input is, for the summary: "فیلد ۲ — label".
fn where_is(l: Locale, field: &str) -> String {
    let mut parts = field.splitn(3, '.');
    match (
        parts.next(),
        parts.next().and_then(|i| i.parse::<usize>().ok()),
        parts.next(),
    ) {
        (Some(list), Some(i), Some(part)) => {
            format!("{} — {}", row_title(l, list == "step", i), part_label(l, part))
        }
        (Some("steps"), _, _) => pick(l, "مراحل گردش کار", "Steps").to_owned(),
        _ => pick(l, "فیلدهای فرم", "Fields").to_owned(),
    }
}

fn part_label(l: Locale, part: &str) -> &'static str {
    match part {
        "label" => pick(l, "عنوان", "label"),
        "name" | "key" => pick(l, "نام لاتین", "Latin name"),
        "type" => pick(l, "نوع", "kind"),
        "options" => pick(l, "گزینه‌ها", "options"),
        "table" => pick(l, "ستون جدول", "table"),
        "when" | "equals" => pick(l, "شرط نمایش", "condition"),
        "title" => pick(l, "عنوان مرحله", "title"),
        "unit" => pick(l, "واحد مسئول", "unit"),
        "post" => pick(l, "پست سازمانی", "post"),
        "duration" => pick(l, "مدت زمان", "duration"),
        "actions" => pick(l, "کارهای مجاز", "actions"),
        _ => pick(l, "تنظیمات نوع", "settings"),
    }
}
