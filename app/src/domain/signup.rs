//! The sign-up form's rules, run in the browser before posting and again on
//! the server: every field is checked and every problem reported at once,
//! beside its field.

use crate::domain::{
    email::Email, mobile::Mobile, national_id::NationalId, normalize::digits_only, password::check_new_password,
    person_name::parse_persian_name, username::parse_username,
};

/// A problem with one field of a form, in Persian.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The form field's name.
    pub field: &'static str,
    /// What to fix.
    pub message: String,
}

impl FieldProblem {
    fn new(field: &'static str, message: impl ToString) -> Self {
        Self {
            field,
            message: message.to_string(),
        }
    }
}

/// The sign-up form as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignUpInput {
    pub username: String,
    pub password: String,
    pub repeat_password: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub mobile: String,
    pub national_id: String,
}

/// A sign-up that passed every rule, normalised for storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignUp {
    pub username: String,
    pub password: String,
    pub email: Email,
    pub first_name: String,
    pub last_name: String,
    pub mobile: Mobile,
    pub national_id: NationalId,
}

impl SignUpInput {
    /// Checks every field; the error lists each field's problem.
    pub fn validate(&self) -> Result<SignUp, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let p = &mut problems;
        let username = keep(p, "username", parse_username(&self.username));
        let email = keep(p, "email", Email::parse(&self.email));
        let first_name = keep(p, "first_name", parse_persian_name(&self.first_name));
        let last_name = keep(p, "last_name", parse_persian_name(&self.last_name));
        let mobile = keep(p, "mobile", Mobile::parse(&self.mobile));
        let national_id = keep(p, "national_id", NationalId::parse(&self.national_id));
        let identifiers = [
            self.username.trim().to_lowercase(),
            digits_only(&self.mobile),
            digits_only(&self.national_id),
        ];
        let identifiers: Vec<&str> = identifiers
            .iter()
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .collect();
        if let Err(e) = check_new_password(&self.password, &self.repeat_password, &identifiers) {
            let field = if e.field() == "repeat_password" {
                "repeat_password"
            } else {
                "password"
            };
            problems.push(FieldProblem::new(field, e));
        }
        match (username, email, first_name, last_name, mobile, national_id) {
            (Some(username), Some(email), Some(first_name), Some(last_name), Some(mobile), Some(national_id))
                if problems.is_empty() =>
            {
                Ok(SignUp {
                    username,
                    password: self.password.clone(),
                    email,
                    first_name,
                    last_name,
                    mobile,
                    national_id,
                })
            }
            _ => Err(problems),
        }
    }
}

/// The value of a field that passed, or its problem noted in `problems`.
fn keep<T, E: ToString>(problems: &mut Vec<FieldProblem>, field: &'static str, result: Result<T, E>) -> Option<T> {
    result.map_err(|e| problems.push(FieldProblem::new(field, e))).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> SignUpInput {
        SignUpInput {
            username: "Sara.Test".into(),
            password: "a long enough passphrase".into(),
            repeat_password: "a long enough passphrase".into(),
            email: "sara@example.ir".into(),
            first_name: "سارا".into(),
            last_name: "آزمون".into(),
            mobile: "۰۹۱۲۰۰۰۰۰۰۱".into(),
            national_id: "0012345679".into(),
        }
    }

    #[test]
    fn a_complete_form_is_accepted_and_normalised() {
        let signup = valid().validate().expect("valid");
        assert_eq!(signup.username, "sara.test");
        assert_eq!(signup.mobile.as_str(), "09120000001");
    }

    #[test]
    fn every_bad_field_is_reported_at_once_beside_its_own_name() {
        let input = SignUpInput {
            national_id: "1234567890".into(),
            mobile: "0912".into(),
            repeat_password: "something else".into(),
            first_name: "Sara".into(),
            ..valid()
        };
        let fields: Vec<_> = input.validate().expect_err("invalid").iter().map(|p| p.field).collect();
        assert_eq!(fields, ["first_name", "mobile", "national_id", "repeat_password"]);
    }

    #[test]
    fn a_password_equal_to_the_mobile_number_is_refused() {
        let input = SignUpInput {
            password: "09120000001".into(),
            repeat_password: "09120000001".into(),
            ..valid()
        };
        let problems = input.validate().expect_err("invalid");
        assert_eq!(problems.iter().map(|p| p.field).collect::<Vec<_>>(), ["password"]);
    }
}
