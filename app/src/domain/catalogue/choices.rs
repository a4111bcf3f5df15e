//! The check boxes of the service card form. Each choice has a stored name
//! (in URLs, JSON and CSV) and the Persian and English labels of the form;
//! an unknown name is refused, never guessed.

use serde::{Deserialize, Serialize};

/// Declares one group of check boxes.
macro_rules! choices {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $stored:literal, $fa:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            #[default]
            $(#[serde(rename = $stored)] $variant,)+
        }

        impl $name {
            /// Every choice, in the form's order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stored name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $stored,)+ }
            }

            /// Reads a stored name.
            pub fn parse(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|c| c.as_str() == name)
            }

            /// The form's Persian label.
            pub fn title_fa(self) -> &'static str {
                match self { $($name::$variant => $fa,)+ }
            }

            /// The English label.
            pub fn title_en(self) -> &'static str {
                match self { $($name::$variant => $en,)+ }
            }
        }
    };
}

pub(crate) use choices;

choices! {
    /// نوع خدمت.
    ServiceKind {
        G2c = "g2c", "خدمت به شهروندان (G2C)", "To citizens (G2C)";
        G2b = "g2b", "خدمت به کسب و کار (G2B)", "To businesses (G2B)";
        G2g = "g2g", "خدمت به دیگر دستگاه‌های دولتی (G2G)", "To other agencies (G2G)";
    }
}

choices! {
    /// ماهیت خدمت.
    Nature {
        Sovereign = "sovereign", "حاکمیتی", "Sovereign";
        NonSovereign = "non_sovereign", "تصدی‌گری", "Non-sovereign";
    }
}

choices! {
    /// سطح خدمت.
    Level {
        National = "national", "ملی", "National";
        Regional = "regional", "منطقه‌ای", "Regional";
        Provincial = "provincial", "استانی", "Provincial";
        City = "city", "شهری", "City";
        Rural = "rural", "روستایی", "Rural";
    }
}

choices! {
    /// رویداد مرتبط.
    LifeEvent {
        Birth = "birth", "تولد", "Birth";
        Education = "education", "آموزش", "Education";
        Health = "health", "سلامت", "Health";
        Tax = "tax", "مالیات", "Tax";
        Business = "business", "کسب و کار", "Business";
        SocialSecurity = "social_security", "تامین اجتماعی", "Social security";
        Property = "property", "ثبت مالکیت", "Property registration";
        Utilities = "utilities", "تاسیسات شهری", "Urban utilities";
        Insurance = "insurance", "بیمه", "Insurance";
        Marriage = "marriage", "ازدواج", "Marriage";
        Retirement = "retirement", "بازنشستگی", "Retirement";
        Certificates = "certificates", "گواهینامه‌ها و مجوزها", "Certificates and permits";
        Death = "death", "فوت", "Death";
        Other = "other", "سایر", "Other";
    }
}

choices! {
    /// نحوه آغاز خدمت.
    Trigger {
        Request = "request", "تقاضای گیرنده خدمت", "The applicant's request";
        SetTime = "set_time", "فرارسیدن زمانی مشخص", "A set time";
        Event = "event", "رخداد رویدادی مشخص", "A given event";
        AgencyDecision = "agency_decision", "تشخیص دستگاه", "The agency's decision";
        Other = "other", "سایر", "Other";
    }
}

choices! {
    /// The period recipients are counted over.
    Period {
        Month = "month", "ماه", "month";
        Season = "season", "فصل", "season";
        Year = "year", "سال", "year";
    }
}

choices! {
    /// تواتر.
    Frequency {
        Once = "once", "یکبار برای همیشه", "Once for good";
        Monthly = "monthly", "یکبار در ماه", "Once a month";
        Seasonal = "seasonal", "یکبار در فصل", "Once a season";
        Yearly = "yearly", "یکبار در سال", "Once a year";
        AsNeeded = "as_needed", "به هنگام نیاز", "When needed";
    }
}

choices! {
    /// The four stages of a service.
    Stage {
        Informing = "informing", "اطلاع‌رسانی", "Informing";
        Request = "request", "درخواست", "Request";
        Production = "production", "تولید خدمت", "Production";
        Delivery = "delivery", "تحویل خدمت", "Delivery";
    }
}

choices! {
    /// The channels an electronic stage uses.
    Channel {
        Web = "web", "اینترنتی (وبگاه دستگاه)", "Web";
        MobileApp = "mobile_app", "تلفن همراه (برنامه کاربردی)", "Mobile app";
        Email = "email", "پست الکترونیک", "E-mail";
        Post = "post", "ارسال پستی", "Post";
        CallCentre = "call_centre", "مرکز تماس", "Call centre";
        Sms = "sms", "پیامک", "SMS";
        Counter = "counter", "دفاتر پیشخوان", "Counter offices";
    }
}

choices! {
    /// Why a stage needs a visit in person.
    VisitReason {
        PersonAuthentication = "person", "احراز اصالت فرد", "Authenticating the person";
        DocumentAuthentication = "document", "احراز اصالت مدرک", "Authenticating a document";
        NoInfrastructure = "infrastructure", "نبود زیرساخت ارتباطی مناسب", "Missing infrastructure";
        Other = "other", "سایر", "Other";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_survives_a_round_trip_through_its_stored_name_and_unknown_names_are_refused() {
        for kind in ServiceKind::ALL {
            assert_eq!(ServiceKind::parse(kind.as_str()), Some(*kind));
        }
        for event in LifeEvent::ALL {
            assert_eq!(LifeEvent::parse(event.as_str()), Some(*event));
            let json = serde_json::to_string(event).expect("json");
            assert_eq!(json, format!("\"{}\"", event.as_str()), "JSON uses the stored name");
        }
        assert_eq!(Level::parse("galactic"), None);
        assert!(serde_json::from_str::<Channel>("\"pigeon\"").is_err());
    }
}
