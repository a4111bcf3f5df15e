//! A staff command as the case page's forms post it: the action's name, one
//! free text (reason, note, comment, documents asked for or the decision's
//! reasoning) and, for a referral, the post. The server function hands the
//! three fields here, so the names the page posts and the commands they mean
//! are one table, tested beside the commands.

use super::Command;

impl Command {
    /// The staff command `action` names, carrying `text` and `post_code`
    /// where it needs them; `None` for a name no staff form posts.
    pub fn from_staff_form(action: &str, text: String, post_code: String) -> Option<Command> {
        Some(match action {
            "approve" => Command::Approve,
            "return_to_applicant" => Command::ReturnToApplicant { reason: text },
            "refer" => Command::Refer { post_code, note: text },
            "comment" => Command::Comment { text },
            "ask_documents" => Command::AskDocuments { what: text },
            "grant" | "refuse" => Command::Decide {
                approve: action == "grant",
                reasoning: text,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Command;
    use crate::domain::workflow::StepAction;

    fn posted(action: &str) -> Option<Command> {
        Command::from_staff_form(action, "متن".to_owned(), "tehran.desk".to_owned())
    }

    #[test]
    fn every_action_a_staff_form_posts_is_the_command_it_names_with_its_text() {
        let expected = [
            ("approve", StepAction::Approve, None),
            ("return_to_applicant", StepAction::ReturnToApplicant, Some("متن")),
            ("refer", StepAction::Refer, Some("متن")),
            ("comment", StepAction::Comment, Some("متن")),
            ("ask_documents", StepAction::AskDocuments, Some("متن")),
            ("grant", StepAction::Decide, Some("متن")),
            ("refuse", StepAction::Decide, Some("متن")),
        ];
        for (action, step_action, text) in expected {
            let command = posted(action).unwrap_or_else(|| panic!("{action} is a staff command"));
            assert_eq!(command.action(), Some(step_action), "{action}");
            assert_eq!(command.text(), text, "{action}");
        }
        assert_eq!(
            posted("refer"),
            Some(Command::Refer {
                post_code: "tehran.desk".to_owned(),
                note: "متن".to_owned()
            })
        );
        assert_eq!(
            posted("refuse"),
            Some(Command::Decide {
                approve: false,
                reasoning: "متن".to_owned()
            })
        );
    }

    #[test]
    fn the_applicants_commands_and_unknown_names_are_not_staff_commands() {
        for action in ["submit", "resubmit", "withdraw", "", "APPROVE", "approve "] {
            assert_eq!(posted(action), None, "{action:?}");
        }
    }
}
