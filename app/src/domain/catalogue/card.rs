//! The service identity card (شناسنامه خدمت) of the official form, field by
//! field as seed 001 explains them. A service carries the classification
//! the catalogue filters on; each of its sub-services carries the rest of
//! the form, since a sub-service is what people apply for.

use serde::{Deserialize, Serialize};

use super::choices::{Channel, Frequency, Level, LifeEvent, Nature, Period, ServiceKind, Stage, Trigger, VisitReason};

/// A service: what the catalogue lists and filters on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCard {
    /// عنوان خدمت.
    pub title: String,
    /// شناسه خدمت: the national id given by the planning organisation;
    /// empty until it is given.
    #[serde(default)]
    pub national_id: String,
    /// نام دستگاه اجرایی: the agency that provides it.
    pub provider: String,
    /// نام دستگاه مادر.
    #[serde(default)]
    pub parent_agency: String,
    /// شرح خدمت.
    pub description: String,
    /// G2C, G2B or G2G.
    pub kind: ServiceKind,
    /// نوع مخاطبین, e.g. "واحدهای صنعتی".
    #[serde(default)]
    pub audience: String,
    /// حاکمیتی or تصدی‌گری.
    pub nature: Nature,
    /// National, regional, provincial, city or rural.
    pub level: Level,
    /// The life events it belongs to.
    #[serde(default)]
    pub life_events: Vec<LifeEvent>,
    /// Its sub-services, in order; at least one.
    pub sub_services: Vec<SubServiceCard>,
}

/// A sub-service: the unit people apply for, with every remaining field of
/// the form and the desk's information sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubServiceCard {
    /// شناسه زیرخدمت; unique within the service.
    pub code: String,
    /// Its title.
    pub title: String,
    /// What happens, in a few sentences.
    #[serde(default)]
    pub description: String,
    /// نحوه آغاز خدمت.
    pub trigger: Trigger,
    /// مدارک لازم, one per item.
    #[serde(default)]
    pub documents: Vec<String>,
    /// قوانین و مقررات بالادستی, one per item.
    #[serde(default)]
    pub laws: Vec<String>,
    /// آمار تعداد خدمت‌گیرندگان and the period it counts.
    #[serde(default)]
    pub recipients: Option<Recipients>,
    /// متوسط مدت زمان ارائه خدمت, as people say it ("یک ساعت").
    pub average_duration: String,
    /// تواتر.
    pub frequency: Frequency,
    /// تعداد بار مراجعه حضوری.
    pub visits: u32,
    /// هزینه ارائه خدمت; empty when it is free.
    #[serde(default)]
    pub fees: Vec<Fee>,
    /// Whether the fee is paid electronically.
    #[serde(default)]
    pub paid_electronically: bool,
    /// آدرس دقیق خدمت در وبگاه.
    #[serde(default)]
    pub web_address: String,
    /// نام سامانه.
    #[serde(default)]
    pub system_name: String,
    /// How each of the four stages is reached, in the order of `Stage::ALL`.
    pub stages: Vec<StageAccess>,
    /// Inquiries to other systems of the same agency.
    #[serde(default)]
    pub internal_inquiries: Vec<Inquiry>,
    /// Inquiries to other agencies.
    #[serde(default)]
    pub external_inquiries: Vec<Inquiry>,
    /// عناوین فرایندهای خدمت, in order; drawn as the process diagram.
    pub processes: Vec<String>,
    /// The desk's information sheet.
    pub desk: DeskSheet,
}

/// How many people receive the service in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipients {
    pub count: u64,
    pub per: Period,
}

/// One fee: an amount, where it is paid and why it is charged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fee {
    /// What it pays for, e.g. "هزینه کارشناسی".
    pub title: String,
    /// In rials; never negative.
    pub amount_rials: u64,
    /// شماره حساب (IBAN or account number); empty when paid at a gateway.
    #[serde(default)]
    pub account: String,
    /// The law or decision that allows charging it.
    #[serde(default)]
    pub legal_basis: String,
}

/// How one stage of the service is reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageAccess {
    pub stage: Stage,
    /// Whether it happens electronically.
    pub electronic: bool,
    /// The channels, when electronic.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// Why people must come in person, when it is not electronic.
    #[serde(default)]
    pub visit_reason: Option<VisitReason>,
}

/// An inquiry the service makes to another system.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inquiry {
    /// The other agency; empty for a system of the same agency.
    #[serde(default)]
    pub agency: String,
    /// The system asked.
    pub system: String,
    /// The fields exchanged.
    pub fields: String,
    /// Online (true) or in batches (false).
    pub online: bool,
}

/// The desk's information sheet for one sub-service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskSheet {
    /// Where the desk is.
    pub address: String,
    /// When it is open.
    #[serde(default)]
    pub hours: String,
    /// The unit that provides it.
    pub unit: String,
    /// The steps of the work, in order.
    pub steps: Vec<String>,
    /// Forms to fill.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Who answers for it.
    pub responsible: String,
    /// How to reach them (telephone, e-mail).
    pub contact: String,
}

impl ServiceCard {
    /// Whether every stage of every sub-service is electronic.
    pub fn fully_electronic(&self) -> bool {
        !self.sub_services.is_empty()
            && self
                .sub_services
                .iter()
                .all(|s| s.stages.len() == Stage::ALL.len() && s.stages.iter().all(|a| a.electronic))
    }
}
