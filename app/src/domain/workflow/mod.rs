//! Workflows (گردش کار): the steps a sub-service's requests go through, as
//! table 1 of the desk guideline lists them — step title, responsible unit,
//! responsible post and agreed duration — plus what staff may do at each.
//!
//! A definition is data an administrator edits without code changes; its
//! version is the number of the database row that stores it, so a request
//! keeps following the version it was filed under. [`machine`] moves one
//! request through it.

pub mod machine;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::catalogue::form::Problem;
use super::working_days::AgreedDuration;

/// Stands for the request's province in a step's unit or post code, so one
/// definition serves every provincial company ("{province}.desk.officer").
pub const PROVINCE: &str = "{province}";

/// The most steps a workflow holds; more is a mistake, never a real service.
const MOST_STEPS: usize = 30;

/// The longest step title, in characters.
const MOST_TITLE: usize = 200;

/// The longest unit or post code, in characters.
const MOST_CODE: usize = 100;

/// The steps of one sub-service's workflow, first to last.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowDefinition {
    /// The steps in the order a request goes through them; the last decides.
    pub steps: Vec<StepDefinition>,
    /// Whether a final approval verifies the applicant's identity. Identity
    /// verification is a sub-service like any other; this is the one thing
    /// that sets it apart: applicants not yet verified may file it (and only
    /// it), and its approval opens the e-services to them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub verifies_identity: bool,
}

/// One row of table 1: who does what, and in how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepDefinition {
    /// A Latin name, unique in the workflow, that history rows and reports
    /// keep even when the Persian title is reworded.
    pub key: String,
    /// عنوان مرحله, in Persian.
    pub title: String,
    /// واحد مسئول: the unit's code, possibly with [`PROVINCE`].
    pub unit_code: String,
    /// پست سازمانی: the post's code, possibly with [`PROVINCE`].
    pub post_code: String,
    /// مدت زمان انجام: what the applicant is promised for this step.
    pub duration: AgreedDuration,
    /// What staff holding the step may do; anything else is refused.
    pub actions: Vec<StepAction>,
}

crate::domain::catalogue::choices::choices! {
    /// What staff may do at a step, as an administrator ticks it.
    StepAction {
        Approve = "approve", "تأیید و ارسال به مرحله بعد", "Approve and forward";
        ReturnToApplicant = "return_to_applicant", "بازگرداندن برای اصلاح", "Return for correction";
        Refer = "refer", "ارجاع", "Refer";
        Comment = "comment", "ثبت نظر", "Comment";
        AskDocuments = "ask_documents", "درخواست مدارک بیشتر", "Ask for more documents";
        Decide = "decide", "تصمیم نهایی", "Final decision";
    }
}

impl StepDefinition {
    /// The unit and post codes for a request filed in `province`, with
    /// [`PROVINCE`] replaced; codes without it are returned as they are.
    pub fn resolve(&self, province: &str) -> (String, String) {
        (
            self.unit_code.replace(PROVINCE, province),
            self.post_code.replace(PROVINCE, province),
        )
    }

    /// Whether staff holding this step may take `action`.
    pub fn allows(&self, action: StepAction) -> bool {
        self.actions.contains(&action)
    }
}

impl WorkflowDefinition {
    /// The definition as it applies to a request of `province`: every code
    /// resolved, so posts can be compared with the posts staff really hold.
    pub fn for_province(&self, province: &str) -> WorkflowDefinition {
        let steps = self
            .steps
            .iter()
            .map(|step| {
                let (unit_code, post_code) = step.resolve(province);
                StepDefinition {
                    unit_code,
                    post_code,
                    ..step.clone()
                }
            })
            .collect();
        WorkflowDefinition {
            steps,
            verifies_identity: self.verifies_identity,
        }
    }

    /// Whether `step` is the last one, where the final decision is taken.
    pub fn is_last(&self, step: usize) -> bool {
        step + 1 == self.steps.len()
    }
}

/// Says what is wrong with a definition, beside which field of the editor:
/// `steps` for the list as a whole and `step{i}.{field}` for step `i`. A
/// definition that passes can carry every request to a decision: each step
/// but the last can forward, and only the last decides.
pub fn check_definition(def: &WorkflowDefinition) -> Result<(), Vec<Problem>> {
    let mut problems = Problems::default();
    if def.steps.is_empty() {
        problems.add("steps", "گردش کار دست‌کم یک مرحله لازم دارد.");
    }
    if def.steps.len() > MOST_STEPS {
        problems.add("steps", "گردش کار بیش از ۳۰ مرحله نمی‌پذیرد.");
    }
    let mut keys = BTreeSet::new();
    for (i, step) in def.steps.iter().enumerate() {
        let field = |name: &str| format!("step{i}.{name}");
        if !is_key(&step.key) {
            problems.add(&field("key"), "نام لاتین مرحله را با حروف کوچک لاتین، رقم و _ بنویسید.");
        } else if !keys.insert(step.key.as_str()) {
            problems.add(&field("key"), "نام لاتین هر مرحله باید یکتا باشد.");
        }
        if step.title.trim().is_empty() || step.title.chars().count() > MOST_TITLE {
            problems.add(&field("title"), "عنوان مرحله را بنویسید (حداکثر ۲۰۰ نویسه).");
        }
        if !is_code(&step.unit_code) {
            problems.add(&field("unit_code"), "کد واحد مسئول را درست وارد کنید.");
        }
        if !is_code(&step.post_code) {
            problems.add(&field("post_code"), "کد پست سازمانی را درست وارد کنید.");
        }
        if matches!(step.duration, AgreedDuration::Hours(0) | AgreedDuration::WorkingDays(0)) {
            problems.add(&field("duration"), "مدت زمان انجام مرحله باید بیشتر از صفر باشد.");
        }
        check_actions(def.is_last(i), step, &field("actions"), &mut problems);
    }
    problems.finish()
}

/// The final decision belongs to the last step alone, and every other step
/// must be able to forward, or requests would stop there for good.
fn check_actions(last: bool, step: &StepDefinition, field: &str, problems: &mut Problems) {
    let (approve, decide) = (step.allows(StepAction::Approve), step.allows(StepAction::Decide));
    if last && !decide {
        problems.add(field, "آخرین مرحله باید «تصمیم نهایی» را مجاز کند.");
    } else if last && approve {
        problems.add(field, "آخرین مرحله مرحلهٔ بعدی ندارد؛ «تأیید و ارسال» را بردارید.");
    } else if !last && decide {
        problems.add(field, "تصمیم نهایی فقط در آخرین مرحله گرفته می‌شود.");
    } else if !last && !approve {
        problems.add(field, "این مرحله باید «تأیید و ارسال به مرحله بعد» را مجاز کند.");
    }
}

/// A step key: lower-case Latin letters, digits and `_`, starting with a letter.
fn is_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.len() <= MOST_CODE
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A unit or post code such as `tehran.desk.officer`, where [`PROVINCE`] may
/// stand for the province and nothing else sits in braces.
fn is_code(code: &str) -> bool {
    let plain = code.replace(PROVINCE, "p");
    !plain.is_empty()
        && code.chars().count() <= MOST_CODE
        && plain
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// The problems found, at most one per field so the editor shows one line.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, field: &str, message: &str) {
        if !self.0.iter().any(|p| p.field == field) {
            self.0.push(Problem {
                field: field.to_owned(),
                message: message.to_owned(),
            });
        }
    }

    fn finish(self) -> Result<(), Vec<Problem>> {
        if self.0.is_empty() { Ok(()) } else { Err(self.0) }
    }
}

#[cfg(test)]
mod tests {
    use super::StepAction::*;
    use super::*;

    fn step(key: &str, actions: &[StepAction]) -> StepDefinition {
        StepDefinition {
            key: key.to_owned(),
            title: "بررسی درخواست".to_owned(),
            unit_code: "{province}.desk".to_owned(),
            post_code: "{province}.desk.officer".to_owned(),
            duration: AgreedDuration::WorkingDays(2),
            actions: actions.to_vec(),
        }
    }

    fn two_steps() -> WorkflowDefinition {
        WorkflowDefinition {
            steps: vec![
                step("reception", &[Approve, ReturnToApplicant, Refer, Comment]),
                step("decision", &[Decide, Comment]),
            ],
            ..Default::default()
        }
    }

    fn fields(def: &WorkflowDefinition) -> Vec<String> {
        check_definition(def)
            .expect_err("the definition has problems")
            .into_iter()
            .map(|p| p.field)
            .collect()
    }

    #[test]
    fn a_workflow_that_forwards_and_then_decides_is_accepted() {
        assert_eq!(check_definition(&two_steps()), Ok(()));
        let one_step = WorkflowDefinition {
            steps: vec![step("decision", &[Decide])],
            ..Default::default()
        };
        assert_eq!(check_definition(&one_step), Ok(()));
    }

    #[test]
    fn a_workflow_without_steps_is_refused() {
        assert_eq!(fields(&WorkflowDefinition::default()), ["steps"]);
    }

    #[test]
    fn step_keys_must_be_latin_and_unique() {
        let mut def = two_steps();
        def.steps[1].key = "reception".to_owned();
        assert_eq!(fields(&def), ["step1.key"]);
        def.steps[1].key = "تصمیم".to_owned();
        assert_eq!(fields(&def), ["step1.key"]);
    }

    #[test]
    fn titles_and_codes_must_be_filled_and_braces_only_name_the_province() {
        let mut def = two_steps();
        def.steps[0].title = "  ".to_owned();
        def.steps[0].unit_code = String::new();
        def.steps[1].post_code = "{city}.desk.officer".to_owned();
        assert_eq!(fields(&def), ["step0.title", "step0.unit_code", "step1.post_code"]);
    }

    #[test]
    fn a_step_without_time_is_refused() {
        let mut def = two_steps();
        def.steps[0].duration = AgreedDuration::Hours(0);
        assert_eq!(fields(&def), ["step0.duration"]);
    }

    #[test]
    fn only_the_last_step_decides_and_every_other_step_forwards() {
        let mut def = two_steps();
        def.steps[0].actions.push(Decide);
        def.steps[1].actions = vec![Comment];
        assert_eq!(fields(&def), ["step0.actions", "step1.actions"]);

        let mut def = two_steps();
        def.steps[0].actions = vec![Comment, Refer];
        def.steps[1].actions.push(Approve);
        assert_eq!(fields(&def), ["step0.actions", "step1.actions"]);
    }

    #[test]
    fn the_province_placeholder_resolves_to_the_requests_province() {
        let def = two_steps();
        assert_eq!(
            def.steps[0].resolve("tehran"),
            ("tehran.desk".to_owned(), "tehran.desk.officer".to_owned())
        );
        let national = StepDefinition {
            post_code: "ministry.statistics.expert".to_owned(),
            ..step("review", &[Approve])
        };
        assert_eq!(national.resolve("tehran").1, "ministry.statistics.expert");
        assert_eq!(def.for_province("isfahan").steps[1].post_code, "isfahan.desk.officer");
    }

    #[test]
    fn a_definition_survives_a_round_trip_through_json_with_stored_action_names() {
        let def = two_steps();
        let json = serde_json::to_string(&def).expect("json");
        assert!(json.contains("\"return_to_applicant\""), "{json}");
        assert_eq!(
            serde_json::from_str::<WorkflowDefinition>(&json).expect("read back"),
            def
        );
        for action in StepAction::ALL {
            assert_eq!(StepAction::parse(action.as_str()), Some(*action));
        }
    }
}
