//! Pick lists shared by back-office forms, and how a stored value of a field reads.

use crate::ctx::Ctx;
use crate::ui::components::*;
use kozos_domain::organisation::Organisation;
use kozos_domain::place::{Place, PlaceKind};
use maud::Markup;

/// Pick lists a page's forms need; each is filled only when a form on the page shows it
/// (a real gazetteer has over 3,000 settlements).
#[derive(Default)]
pub struct Choices {
    pub organisations: Vec<(String, String)>,
    /// Settlements and settlement parts (where an organisation is).
    pub settlements: Vec<Place>,
    /// The places tree by level (where a programme is).
    pub places: Vec<Place>,
    /// A programme's beneficiary and partners (who takes part in an activity).
    pub partners: Vec<(String, String)>,
    /// A programme's target groups.
    pub target_groups: Vec<(String, String)>,
    /// A programme's activities (what an action of its plan links to).
    pub activities: Vec<(String, String)>,
    /// Questions of a programme's questionnaires (the findings a plan's need cites).
    pub findings: Vec<(String, String)>,
    /// The catalogue prefix of the `kind` field's values (`kind`: organisations,
    /// `activity-kind`: activities).
    pub kind_prefix: Option<&'static str>,
}

impl Choices {
    pub fn organisations(mut self, orgs: &[Organisation]) -> Self {
        self.organisations = orgs
            .iter()
            .map(|o| (o.id.to_string(), o.name.clone()))
            .collect();
        self
    }
    pub fn settlements(mut self, settlements: Vec<Place>) -> Self {
        self.settlements = settlements;
        self
    }
    pub fn places(mut self, places: Vec<Place>) -> Self {
        self.places = places;
        self
    }

    pub fn place_groups(&self, ctx: &Ctx) -> Vec<(String, Vec<(String, String)>)> {
        groups(ctx, &self.places)
    }

    pub fn settlement_groups(&self, ctx: &Ctx) -> Vec<(String, Vec<(String, String)>)> {
        groups(ctx, &self.settlements)
    }

    /// How a stored value of a pick-list field reads (for the conflict notice).
    pub fn show(&self, ctx: &Ctx, field: &str, value: &str) -> String {
        let find = |list: &[(String, String)]| {
            list.iter()
                .find(|(v, _)| v == value)
                .map(|(_, l)| l.clone())
        };
        let label = match field {
            "beneficiary_id" | "organisation_id" | "parent_id" | "organiser_id" => {
                find(&self.organisations)
            }
            "partner_ids" => Some(
                value
                    .split(", ")
                    .map(|v| find_in(&self.partners, v))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            "target_group_ids" => Some(
                value
                    .split(", ")
                    .map(|v| find_in(&self.target_groups, v))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            "phase" => Some(ctx.t(&format!("phase-{value}"))),
            "forum_format" => Some(ctx.t(&format!("forum-format-{value}"))),
            "public" => Some(ctx.t(if value == "1" {
                "activity-public"
            } else {
                "activity-internal"
            })),
            "settlement_id" => self
                .settlements
                .iter()
                .find(|p| p.id.to_string() == value)
                .map(|p| p.name.clone()),
            "place_id" => self
                .places
                .iter()
                .find(|p| p.id.to_string() == value)
                .map(|p| p.name.clone()),
            "fund" => Some(ctx.t(&format!("fund-{value}"))),
            "role" => Some(ctx.t(&format!("role-{value}"))),
            "position" => Some(ctx.t(&format!("position-{value}"))),
            "sector" => Some(ctx.t(&format!("sector-{value}"))),
            "kind" => Some(ctx.t(&format!("{}-{value}", self.kind_prefix.unwrap_or("kind")))),
            _ => None,
        };
        label.unwrap_or_else(|| value.to_string())
    }
}

fn find_in(list: &[(String, String)], value: &str) -> String {
    list.iter()
        .find(|(v, _)| v == value)
        .map(|(_, l)| l.clone())
        .unwrap_or_else(|| value.to_string())
}

/// Places grouped by level, each group labelled (Ország, Vármegyék, Járások …); empty
/// groups are left out.
fn groups(ctx: &Ctx, places: &[Place]) -> Vec<(String, Vec<(String, String)>)> {
    [
        (PlaceKind::Country, "place-group-country"),
        (PlaceKind::County, "place-group-counties"),
        (PlaceKind::District, "place-group-districts"),
        (PlaceKind::Settlement, "place-group-settlements"),
        (PlaceKind::SettlementPart, "place-group-parts"),
    ]
    .into_iter()
    .map(|(kind, key)| {
        let options: Vec<(String, String)> = places
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| (p.id.to_string(), p.name.clone()))
            .collect();
        (ctx.t(key), options)
    })
    .filter(|(_, options)| !options.is_empty())
    .collect()
}

pub fn enum_options<T: Copy>(
    ctx: &Ctx,
    all: &[T],
    prefix: &str,
    as_str: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| {
            (
                as_str(*v).to_string(),
                ctx.t(&format!("{prefix}-{}", as_str(*v))),
            )
        })
        .collect()
}

/// The label a field has on the form `form` (its id prefix), for the conflict notice: the
/// same words the person sees next to the field.
pub fn field_label(ctx: &Ctx, form: &str, field: &str) -> String {
    let key = match (form, field) {
        // where a form labels a field its own way
        ("group", "description") => "field-description-short",
        ("area", "name") => "field-area-name",
        ("activity" | "series", "kind") => "field-activity-kind",
        ("activity", "title") => "field-activity-title",
        ("activity" | "series", "description") => "field-activity-description",
        ("series", "name") => "field-series-name",
        ("person", "name") => "field-person-name",
        ("person", "organisation_id") => "field-person-organisation",
        (_, "email") => "field-email",
        (_, "phone") => "field-phone",
        (_, "birth_year") => "field-birth-year",
        (_, "age_band") => "field-age-band",
        (_, field) => shared_label(field),
    };
    ctx.t(key)
}

fn shared_label(field: &str) -> &'static str {
    match field {
        "title" => "field-title",
        "code" => "field-code",
        "beneficiary_id" => "field-beneficiary",
        "place_id" => "field-place",
        "grant_huf" => "field-grant",
        "aid_intensity" => "field-aid",
        "fund" => "field-fund",
        "start_date" => "field-start",
        "end_date" => "field-end",
        "intermediate_body" => "field-ib",
        "description" => "field-description",
        "organisation_id" => "field-organisation",
        "role" => "field-partner-role",
        "signed_on" => "field-signed-on",
        "scope" => "field-scope",
        "position" => "field-position",
        "note" => "field-note",
        "settlements" => "field-settlements",
        "boundary" => "field-boundary",
        "planned_size" => "field-planned-size",
        "sector" => "field-sector",
        "kind" => "field-kind",
        "settlement_id" => "field-settlement",
        "parent_id" => "field-parent-org",
        "website" => "field-website",
        "phase" => "field-phase",
        "forum_format" => "field-forum-format",
        "starts_at" => "field-starts-at",
        "ends_at" => "field-ends-at",
        "settlement" => "field-settlement",
        "address" => "field-address",
        "organiser_id" => "field-organiser",
        "partner_ids" => "field-partner-orgs",
        "target_group_ids" => "field-target-groups",
        "public" => "field-public",
        "capacity" => "field-capacity",
        "registration_opens" => "field-registration-opens",
        "registration_closes" => "field-registration-closes",
        "frequency" => "field-frequency",
        "interval" => "field-interval",
        "weekdays" => "field-weekdays",
        "month_day" => "field-month-day",
        "nth" => "field-nth",
        "nth_weekday" => "field-nth-weekday",
        "first_date" => "field-first-date",
        "until_date" => "field-until-date",
        "exceptions" => "field-exceptions",
        "start_time" => "field-start-time",
        "end_time" => "field-end-time",
        _ => "field-name",
    }
}

pub fn notice(ctx: &Ctx, form: &str, state: &FormState, choices: &Choices) -> Markup {
    conflict_notice(
        ctx,
        &state.changes,
        &|f| field_label(ctx, form, f),
        &|f, v| choices.show(ctx, f, v),
    )
}
