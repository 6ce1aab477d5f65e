//! The records that belong to a programme (partners, agreements, staff, action areas,
//! target groups; activities and the rest next): their back-office pages and API, one
//! generic path for every kind.
//!
//! A kind plugs in by implementing `kozos_app::records::Record` (how it is stored and
//! checked) and [`RecordUi`] here (its addresses, texts and form fields); its routes,
//! its edit, delete-confirmation and delete pages, its nested-path checks and its add
//! form then come from the generic code in `pages.rs`, `path.rs` and `views.rs`.

mod action_areas;
mod agreements;
mod api;
mod pages;
mod partners;
pub mod path;
mod staff;
mod target_groups;
pub mod views;

pub use api::*;

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::programmes::pages::{manage_page, with_organisations, Rejected};
use crate::routes::{r, RouteDef};
use crate::ui::choices::Choices;
use crate::AppState;
use axum::http::Method;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use kozos_app::records::{PartnerAgreement, Record};
use kozos_domain::programme::{ActionArea, Partner, StaffAssignment, TargetGroup};
use kozos_domain::FieldErrors;
use kozos_domain::ProgrammeId;
use maud::Markup;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;

/// What a form's values need to be kept, compared and merged.
pub trait FormValues:
    Serialize + DeserializeOwned + Clone + Default + Send + Sync + 'static
{
}
impl<T: Serialize + DeserializeOwned + Clone + Default + Send + Sync + 'static> FormValues for T {}

/// How a kind of programme record looks in the back office.
pub trait RecordUi: Record<Form: FormValues, NewForm: FormValues, Parent: path::ParentIds> {
    /// Where new ones are posted (`{id}` is the programme, then the parent's id if any).
    const NEW_PATH: &'static str;
    /// A record's edit page; `{id}` is the programme, the last segment the record.
    const EDIT_PATH: &'static str;
    const DELETE_PATH: &'static str;
    /// The address segment between the programme and the record's id (`partners`).
    const SEGMENT: &'static str;
    /// The form's id prefix (`partner`): field ids, error summaries, merge notices.
    const FORM: &'static str;
    const TITLE_KEY: &'static str;
    const CONFIRM_KEY: &'static str;
    /// Does the form pick from the organisations list?
    const NEEDS_ORGANISATIONS: bool = false;

    /// The id of the add form under `parent` (one agreement form per partner).
    fn new_form_id(_parent: Self::Parent) -> String {
        Self::FORM.to_string()
    }
    fn fields(
        ctx: &Ctx,
        form_id: &str,
        form: &Self::Form,
        errors: &FieldErrors,
        c: &Choices,
    ) -> Markup;
    fn new_fields(
        ctx: &Ctx,
        form_id: &str,
        form: &Self::NewForm,
        errors: &FieldErrors,
        c: &Choices,
    ) -> Markup;
    /// What the delete confirmation lists as going with it.
    fn confirm_with(&self, _ctx: &Ctx) -> Vec<String> {
        Vec::new()
    }
    /// How the delete confirmation names it.
    fn confirm_what(&self, _ctx: &Ctx) -> String {
        self.label()
    }

    /// Where a save or delete returns to: the programme's manage page, unless the kind
    /// has its own list (activities).
    fn back(programme: ProgrammeId) -> String {
        format!("/admin/programmes/{programme}")
    }

    /// Where a save or delete of record `id` returns to: [`back`](Self::back), unless the
    /// kind has a page of its own to go to (a plan's need, goal or action: its plan).
    fn back_to(
        _s: &AppState,
        programme: ProgrammeId,
        _id: Self::Id,
    ) -> impl Future<Output = String> + Send {
        std::future::ready(Self::back(programme))
    }

    /// The page an add form comes back on when it was refused, with what was typed.
    fn rejected(
        s: &AppState,
        ctx: &Ctx,
        programme: ProgrammeId,
        rejected: Rejected,
        status: StatusCode,
    ) -> impl Future<Output = Result<Response, WebError>> + Send {
        manage_page(s, ctx, programme, rejected, status)
    }

    /// The pick lists its forms need in `programme`.
    fn choices(
        s: &AppState,
        _ctx: &Ctx,
        _programme: ProgrammeId,
    ) -> impl Future<Output = Result<Choices, WebError>> + Send {
        async move {
            if Self::NEEDS_ORGANISATIONS {
                with_organisations(s, Choices::default()).await
            } else {
                Ok(Choices::default())
            }
        }
    }
}

/// The five routes of one kind: add, edit page and save, delete confirmation and delete.
pub fn routes_of<K: RecordUi>() -> Vec<RouteDef> {
    use Method as M;
    vec![
        r(M::POST, K::NEW_PATH, post(pages::add::<K>)),
        r(M::GET, K::EDIT_PATH, get(pages::edit_page::<K>)),
        r(M::POST, K::EDIT_PATH, post(pages::update::<K>)),
        r(M::GET, K::DELETE_PATH, get(pages::confirm_delete::<K>)),
        r(M::POST, K::DELETE_PATH, post(pages::delete::<K>)),
    ]
}

/// Every back-office route of a programme's records.
pub fn routes() -> Vec<RouteDef> {
    [
        routes_of::<Partner>(),
        routes_of::<PartnerAgreement>(),
        routes_of::<StaffAssignment>(),
        routes_of::<ActionArea>(),
        routes_of::<TargetGroup>(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
