//! Builders for the records a test needs beyond the demo, made through the public use
//! cases (so they are authorised, validated and audited like a person's request):
//!
//! ```ignore
//! let pid = t.new_programme().title("Kiegészítő program").create().await;
//! let org = t.new_organisation().name("Helyi Kör").settlement(t.settlement("Kisbér").await)
//!     .create().await;
//! ```
//!
//! By default the demo administrator (a country-wide grant) makes them; `.by(email)` makes
//! them as another demo account, and `.try_create()` returns the use case's answer for
//! tests about refusals. Unnamed records get distinct names, so several can be made.

#![allow(dead_code)] // a toolbox: not every test uses every setter

use crate::harness::TestApp;
use kozos_domain::organisation::OrganisationForm;
use kozos_domain::programme::ProgrammeForm;
use kozos_domain::user::User;
use kozos_domain::{OrganisationId, PlaceId, ProgrammeId};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Who makes the records unless a builder is told otherwise: the demo administrator.
pub const ADMIN: &str = "admin@demo.kozos.hu";

/// A number for a default name, distinct within the process (one test per process under
/// nextest, many under `cargo test`).
fn next() -> usize {
    static N: AtomicUsize = AtomicUsize::new(1);
    N.fetch_add(1, Ordering::Relaxed)
}

/// Who makes a record: a demo account by e-mail, or a user the test already holds.
enum By {
    Email(String),
    User(User),
}

impl By {
    async fn user(self, t: &TestApp) -> User {
        match self {
            By::Email(email) => t.user(&email).await,
            By::User(user) => user,
        }
    }
}

impl TestApp {
    /// A programme to create: `t.new_programme().title("…").create().await`.
    pub fn new_programme(&self) -> NewProgramme<'_> {
        NewProgramme {
            t: self,
            by: By::Email(ADMIN.to_string()),
            form: ProgrammeForm {
                title: format!("Próba program {}", next()),
                ..Default::default()
            },
        }
    }

    /// An organisation to create (a civil NGO unless told otherwise).
    pub fn new_organisation(&self) -> NewOrganisation<'_> {
        NewOrganisation {
            t: self,
            by: By::Email(ADMIN.to_string()),
            form: OrganisationForm {
                name: format!("Próba Egyesület {}", next()),
                sector: "civil".into(),
                kind: "ngo".into(),
                ..Default::default()
            },
        }
    }

    /// A settlement of the demo's places by its name.
    pub async fn settlement(&self, name: &str) -> PlaceId {
        kozos_app::catalogue::settlements(&self.app)
            .await
            .expect("settlements")
            .into_iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("no settlement named {name:?}"))
            .id
    }
}

#[must_use = "a builder does nothing until .create()"]
pub struct NewProgramme<'a> {
    t: &'a TestApp,
    by: By,
    form: ProgrammeForm,
}

impl NewProgramme<'_> {
    /// Made as this demo account instead of the administrator.
    pub fn by(mut self, email: &str) -> Self {
        self.by = By::Email(email.to_string());
        self
    }
    /// Made as this user (saves looking the account up again).
    pub fn by_user(mut self, user: &User) -> Self {
        self.by = By::User(user.clone());
        self
    }
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.form.title = title.into();
        self
    }
    /// The project ID, as typed.
    pub fn code(mut self, code: impl Into<String>) -> Self {
        self.form.code = code.into();
        self
    }
    pub fn beneficiary(mut self, id: OrganisationId) -> Self {
        self.form.beneficiary_id = id.to_string();
        self
    }
    pub fn place(mut self, id: PlaceId) -> Self {
        self.form.place_id = id.to_string();
        self
    }
    /// The grant in forints, as a clerk types it ("12 000 000").
    pub fn grant_huf(mut self, amount: impl Into<String>) -> Self {
        self.form.grant_huf = amount.into();
        self
    }
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.form.description = text.into();
        self
    }
    /// Any other field of the form.
    pub fn with(mut self, f: impl FnOnce(&mut ProgrammeForm)) -> Self {
        f(&mut self.form);
        self
    }
    /// What `programmes::create` answers.
    pub async fn try_create(self) -> kozos_app::Result<ProgrammeId> {
        let user = self.by.user(self.t).await;
        kozos_app::programmes::create(&self.t.app, &user, &self.form, None).await
    }
    /// The new programme's id; panics, naming the form, if it was refused.
    pub async fn create(self) -> ProgrammeId {
        let form = self.form.clone();
        self.try_create()
            .await
            .unwrap_or_else(|e| panic!("create programme {form:?}: {e:?}"))
    }
}

#[must_use = "a builder does nothing until .create()"]
pub struct NewOrganisation<'a> {
    t: &'a TestApp,
    by: By,
    form: OrganisationForm,
}

impl NewOrganisation<'_> {
    /// Made as this demo account instead of the administrator.
    pub fn by(mut self, email: &str) -> Self {
        self.by = By::Email(email.to_string());
        self
    }
    /// Made as this user (saves looking the account up again).
    pub fn by_user(mut self, user: &User) -> Self {
        self.by = By::User(user.clone());
        self
    }
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.form.name = name.into();
        self
    }
    /// `civil`, `public`, `church`, … as the form's select sends it.
    pub fn sector(mut self, sector: &str) -> Self {
        self.form.sector = sector.to_string();
        self
    }
    /// `ngo`, `municipality`, … as the form's select sends it.
    pub fn kind(mut self, kind: &str) -> Self {
        self.form.kind = kind.to_string();
        self
    }
    pub fn settlement(mut self, id: PlaceId) -> Self {
        self.form.settlement_id = id.to_string();
        self
    }
    pub fn parent(mut self, id: OrganisationId) -> Self {
        self.form.parent_id = id.to_string();
        self
    }
    pub fn website(mut self, url: impl Into<String>) -> Self {
        self.form.website = url.into();
        self
    }
    /// What `organisations::create` answers.
    pub async fn try_create(self) -> kozos_app::Result<OrganisationId> {
        let user = self.by.user(self.t).await;
        kozos_app::organisations::create(&self.t.app, &user, &self.form, None).await
    }
    /// The new organisation's id; panics, naming the form, if it was refused.
    pub async fn create(self) -> OrganisationId {
        let form = self.form.clone();
        self.try_create()
            .await
            .unwrap_or_else(|e| panic!("create organisation {form:?}: {e:?}"))
    }
}
