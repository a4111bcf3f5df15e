//! The roles of `product.md`. A user holds one role; staff roles also hold
//! posts in units, which is what workflow steps name.

use serde::{Deserialize, Serialize};

/// What a signed-in person may do in the service desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Applies for services; the only role open to self sign-up.
    Applicant,
    /// Runs a province's desk: verifies identities, answers and refers requests.
    DeskOfficer,
    /// Follows up the requests referred to one specialty domain.
    DomainExpert,
    /// Second-level reviewer for national services.
    MinistryExpert,
    /// Files requests for walk-in applicants at a counter.
    CounterClerk,
    /// Reads the performance reports of their units.
    Manager,
    /// Manages the organisation, users, services, forms and workflows.
    Administrator,
}

impl Role {
    /// Every role, in the order menus and demo listings show them.
    pub const ALL: [Role; 7] = [
        Role::Applicant,
        Role::DeskOfficer,
        Role::DomainExpert,
        Role::MinistryExpert,
        Role::CounterClerk,
        Role::Manager,
        Role::Administrator,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Applicant => "applicant",
            Role::DeskOfficer => "desk_officer",
            Role::DomainExpert => "domain_expert",
            Role::MinistryExpert => "ministry_expert",
            Role::CounterClerk => "counter_clerk",
            Role::Manager => "manager",
            Role::Administrator => "administrator",
        }
    }

    /// Reads a stored name; unknown names are refused rather than guessed.
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// The Persian title staff know the role by.
    pub fn title_fa(self) -> &'static str {
        match self {
            Role::Applicant => "خدمت‌گیرنده",
            Role::DeskOfficer => "مسئول میز خدمت",
            Role::DomainExpert => "کارشناس حوزه تخصصی",
            Role::MinistryExpert => "کارشناس وزارت",
            Role::CounterClerk => "کارمند باجه",
            Role::Manager => "مدیر",
            Role::Administrator => "راهبر سامانه",
        }
    }

    /// Staff work a cartable and need a post; applicants do not.
    pub fn is_staff(self) -> bool {
        self != Role::Applicant
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_survives_a_round_trip_through_its_stored_name() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("superuser"), None);
    }

    #[test]
    fn only_applicants_are_not_staff() {
        assert_eq!(Role::ALL.iter().filter(|r| !r.is_staff()).count(), 1);
        assert!(!Role::Applicant.is_staff());
    }
}
