//! One field of the form and one step of the workflow, as rows of the
//! designer. The settings of a field's kind show only for that kind; the
//! buttons that move or remove a row are the form's own submit buttons,
//! so they work the same with or without JavaScript.

use leptos::prelude::*;

use super::cells::{Cell, Editing, Pick, Ticks, Typing};
use crate::domain::design::{KINDS, settings_of, value};
use crate::domain::workflow::StepAction;
use crate::i18n::Locale;
use crate::pages::catalogue::labels::{number, pick};

/// The heading of row `i`: "فیلد ۳" or "مرحله ۳".
pub fn row_title(locale: Locale, step: bool, i: usize) -> String {
    let word = match step {
        true => pick(locale, "مرحله", "Step"),
        false => pick(locale, "فیلد", "Field"),
    };
    format!("{word} {}", number(locale, i as u64 + 1))
}

/// A field of the form, or a column of one of its tables.
#[component]
pub fn FieldRow(ed: Editing, i: usize, locale: Locale) -> impl IntoView {
    let l = locale;
    let k = move |part: &str| format!("field.{i}.{part}");
    let kind_key = k("type");
    let kind = Memo::new(move |_| ed.rows.with(|r| value(r, &kind_key).to_owned()));
    let off = move |setting: &'static str| {
        Signal::derive(move || kind.with(|k| !settings_of(if k.is_empty() { "text" } else { k }).contains(&setting)))
    };
    let kinds: Vec<(&'static str, String)> = KINDS
        .iter()
        .map(|(v, fa, en)| (*v, pick(l, fa, en).to_owned()))
        .collect();
    let title = row_title(l, false, i);
    let heading = format!("d-field-{i}");
    let labelled = heading.clone();
    view! {
        <fieldset class="subform design-row" aria-labelledby=labelled>
            <legend id=heading>{title.clone()}</legend>
            <div class="design-row__grid">
                <Cell ed key=k("label") label=pick(l, "عنوانی که متقاضی می‌خواند", "Label the applicant reads").into() />
                <Cell ed key=k("name") label=pick(l, "نام لاتین", "Latin name").into() typing=Typing::Latin
                    hint=pick(l, "حرف کوچک لاتین، رقم و _؛ پس از انتشار تغییر ندهید.", "Lower-case Latin, digits and _; keep it once published.").into() />
                <Pick ed key=k("type") label=pick(l, "نوع", "Kind").into() options=kinds />
                <Ticks ed key=k("required") legend=pick(l, "الزام", "Required").into()
                    options=vec![("yes", pick(l, "پر کردن آن الزامی است", "Must be filled").to_owned())] />
            </div>
            <Cell ed key=k("help") label=pick(l, "راهنما", "Help").into() />
            <div class="design-row__grid">
                <Cell ed key=k("max_chars") label=pick(l, "بیشترین نویسه‌ها", "Most characters").into() typing=Typing::Latin hidden=off("max_chars") />
                <Cell ed key=k("min") label=pick(l, "کمینه", "Least").into() typing=Typing::Latin hidden=off("min") />
                <Cell ed key=k("max") label=pick(l, "بیشینه", "Most").into() typing=Typing::Latin hidden=off("max") />
                <Cell ed key=k("min_rows") label=pick(l, "کمترین سطرها", "Fewest rows").into() typing=Typing::Latin hidden=off("min_rows") />
                <Cell ed key=k("max_rows") label=pick(l, "بیشترین سطرها", "Most rows").into() typing=Typing::Latin hidden=off("max_rows") />
                <Cell ed key=k("allowed") label=pick(l, "پسوندهای مجاز", "Allowed extensions").into() typing=Typing::Latin
                    hint=pick(l, "مانند pdf, jpg", "such as pdf, jpg").into() hidden=off("allowed") />
                <Cell ed key=k("max_mb") label=pick(l, "حجم هر پرونده (مگابایت)", "Size of each file (MB)").into() typing=Typing::Latin hidden=off("max_mb") />
                <Cell ed key=k("max_files") label=pick(l, "بیشترین تعداد پرونده", "Most files").into() typing=Typing::Latin hidden=off("max_files") />
            </div>
            <Cell ed key=k("options") label=pick(l, "گزینه‌ها", "Options").into() typing=Typing::Lines hidden=off("options")
                hint=pick(l, "هر گزینه در یک سطر، به شکل «مقدار = عنوان»؛ مانند: 1 = فروردین", "One a line, as “value = label”, e.g. 1 = January").into() />
            <details class="design-row__more">
                <summary>{pick(l, "جدول و شرط نمایش", "Table and condition")}</summary>
                <div class="design-row__grid">
                    <Cell ed key=k("table") label=pick(l, "ستونِ جدول", "Column of table").into() typing=Typing::Latin
                        hint=pick(l, "نام لاتین جدولی که این فیلد یکی از ستون‌های آن است؛ برای فیلد عادی خالی بگذارید.", "The Latin name of the table this is a column of; empty for a plain field.").into() />
                    <Cell ed key=k("when") label=pick(l, "فقط وقتی این فیلد پر است", "Only when this field is filled").into() typing=Typing::Latin
                        hint=pick(l, "نام لاتین فیلدی پیش از این.", "The Latin name of an earlier field.").into() />
                    <Cell ed key=k("equals") label=pick(l, "و مقدارش این است", "and its value is").into() typing=Typing::Latin
                        hint=pick(l, "خالی: هر مقداری. برای بله/خیر: yes یا no.", "Empty: any value. For yes/no: yes or no.").into() />
                </div>
            </details>
            <RowButtons row=format!("field.{i}") title locale />
        </fieldset>
    }
    .into_any()
}

/// A step of the workflow: table 1 of the desk guideline, and what staff may do.
#[component]
pub fn StepRow(ed: Editing, i: usize, locale: Locale) -> impl IntoView {
    let l = locale;
    let k = move |part: &str| format!("step.{i}.{part}");
    let actions: Vec<(&'static str, String)> = StepAction::ALL
        .iter()
        .map(|a| (a.as_str(), pick(l, a.title_fa(), a.title_en()).to_owned()))
        .collect();
    let per = vec![
        ("days", pick(l, "روز کاری", "working days").to_owned()),
        ("hours", pick(l, "ساعت اداری", "office hours").to_owned()),
    ];
    let code_hint = pick(
        l,
        "برای واحد هر استان، {province} بنویسید؛ مانند {province}.desk.officer",
        "Write {province} for each province's unit, e.g. {province}.desk.officer",
    );
    let title = row_title(l, true, i);
    let heading = format!("d-step-{i}");
    let labelled = heading.clone();
    view! {
        <fieldset class="subform design-row" aria-labelledby=labelled>
            <legend id=heading>{title.clone()}</legend>
            <div class="design-row__grid">
                <Cell ed key=k("title") label=pick(l, "عنوان مرحله", "Step title").into() />
                <Cell ed key=k("key") label=pick(l, "نام لاتین", "Latin name").into() typing=Typing::Latin />
                <Cell ed key=k("unit") label=pick(l, "کد واحد مسئول", "Responsible unit code").into() typing=Typing::Latin hint=code_hint.into() list="design-units" />
                <Cell ed key=k("post") label=pick(l, "کد پست سازمانی", "Post code").into() typing=Typing::Latin hint=code_hint.into() list="design-posts" />
                <Cell ed key=k("duration") label=pick(l, "مدت زمان انجام", "Agreed duration").into() typing=Typing::Latin />
                <Pick ed key=k("per") label=pick(l, "یکای مدت", "Counted in").into() options=per />
            </div>
            <Ticks ed key=k("actions") legend=pick(l, "کارهای مجاز در این مرحله", "Allowed actions").into() options=actions />
            <RowButtons row=format!("step.{i}") title locale />
        </fieldset>
    }
    .into_any()
}

/// Move up and remove: submit buttons named after the row.
#[component]
fn RowButtons(row: String, title: String, locale: Locale) -> impl IntoView {
    let up = format!("{} {title}", pick(locale, "بالا بردن", "Move up"));
    let remove = format!("{} {title}", pick(locale, "حذف", "Remove"));
    view! {
        <div class="design-row__buttons">
            <button type="submit" name="up" value=row.clone() class="button button--secondary">{up}</button>
            <button type="submit" name="remove" value=row class="button button--secondary">{remove}</button>
        </div>
    }
    .into_any()
}
