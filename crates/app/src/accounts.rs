//! Administrators manage accounts and their grants (who may do what on which part of the tree).

use crate::{App, AppError, Result};
use kozos_db::{audit, places, programmes, users, DbError};
use kozos_domain::policy::{allows, Action, Target};
use kozos_domain::user::{normalise_email, Grant, Role, Scope, User};
use kozos_domain::validation::required_text;
use kozos_domain::{FieldErrors, GrantId, UserId};

fn require_admin(user: &User) -> Result<()> {
    if allows(&user.grants, Action::ManageUsers, &Target::country()) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Debug, Clone)]
pub struct Account {
    pub user: User,
    /// Each grant with a readable scope ("Komárom-Esztergom", a programme's title …).
    pub grants: Vec<(GrantId, Grant, String)>,
}

/// A scope as chosen in a form: `country`, `place:12`, `programme:3`, `organisation:7`.
pub fn parse_scope(s: &str) -> Option<Scope> {
    match s.trim().split_once(':') {
        Some((kind, id)) => Scope::from_parts(kind, Some(id.parse().ok()?)),
        None => Scope::from_parts(s.trim(), None),
    }
}

pub fn scope_value(s: Scope) -> String {
    match s.id() {
        Some(id) => format!("{}:{id}", s.kind_str()),
        None => s.kind_str().to_string(),
    }
}

/// The readable name of a scope, or `None` when what it names does not exist.
async fn scope_label(app: &App, s: Scope) -> Result<Option<String>> {
    Ok(match s {
        Scope::Country => Some(crate::gazetteer::COUNTRY.to_string()),
        Scope::Place(p) => places::get(&app.db, p).await?.map(|p| p.name),
        Scope::Programme(p) => programmes::get(&app.db, p).await?.map(|p| p.title),
        Scope::Organisation(o) => kozos_db::organisations::get(&app.db, o)
            .await?
            .map(|o| o.name),
    })
}

pub async fn list(app: &App, actor: &User) -> Result<Vec<Account>> {
    require_admin(actor)?;
    let mut out = Vec::new();
    for user in users::list(&app.db).await? {
        let mut grants = Vec::new();
        for (gid, g) in users::grants_with_ids(&app.db, user.id).await? {
            let label = scope_label(app, g.scope)
                .await?
                .unwrap_or_else(|| "–".into());
            grants.push((gid, g, label));
        }
        out.push(Account { user, grants });
    }
    Ok(out)
}

/// What an administrator typed to create an account or add a grant.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct AccountForm {
    pub email: String,
    pub name: String,
    pub password: String,
    pub role: String,
    pub scope: String,
}

async fn validate_grant(
    app: &App,
    e: &mut FieldErrors,
    role: &str,
    scope: &str,
) -> Result<Option<Grant>> {
    let role = Role::parse(role.trim());
    if role.is_none() {
        e.add("role", "err-choice");
    }
    let scope = parse_scope(scope);
    match scope {
        None => e.add("scope", "err-choice"),
        Some(s) => {
            if scope_label(app, s).await?.is_none() {
                e.add("scope", "err-choice");
            }
        }
    }
    Ok(role.zip(scope).map(|(role, scope)| Grant { role, scope }))
}

pub async fn create(
    app: &App,
    actor: &User,
    f: &AccountForm,
    once: Option<&str>,
) -> Result<UserId> {
    require_admin(actor)?;
    let mut e = FieldErrors::new();
    let email = normalise_email(&f.email);
    if email.is_none() {
        e.add(
            "email",
            if f.email.trim().is_empty() {
                "err-required"
            } else {
                "err-email"
            },
        );
    }
    let name = required_text(&mut e, "name", &f.name, 200);
    if let Err(key) = kozos_domain::password::check(&f.password, &f.email) {
        e.add("password", key);
    }
    let grant = validate_grant(app, &mut e, &f.role, &f.scope).await?;
    let (Some(email), Some(grant)) = (email, grant) else {
        return Err(AppError::Invalid(e));
    };
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let hash = crate::auth::hash_password(f.password.clone()).await?;
    let once = crate::write::Once::new("user", once, &(&email, &name, grant));
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    if let Some(id) = once.claim(app, &mut tx, actor).await? {
        return Ok(UserId(id));
    }
    let id = users::insert(&mut tx, &email, &name, &hash, false, &now).await?;
    users::add_grant(&mut tx, id, grant).await?;
    once.complete(&mut tx, actor, id.0).await?;
    audit::record(
        &mut tx,
        &now,
        Some(actor.id),
        "create",
        "user",
        Some(id.0),
        &email,
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(id)
}

pub async fn add_grant(app: &App, actor: &User, id: UserId, f: &AccountForm) -> Result<()> {
    require_admin(actor)?;
    users::get(&app.db, id).await?.ok_or(AppError::NotFound)?;
    let mut e = FieldErrors::new();
    let grant = validate_grant(app, &mut e, &f.role, &f.scope).await?;
    let Some(grant) = grant.filter(|_| e.is_empty()) else {
        return Err(AppError::Invalid(e));
    };
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    users::add_grant(&mut tx, id, grant).await?;
    audit::record(
        &mut tx,
        &now,
        Some(actor.id),
        "add_grant",
        "user",
        Some(id.0),
        &format!("{} {}", grant.role.as_str(), scope_value(grant.scope)),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// A grant as its removal page shows it: the account, the role and the scope's name.
pub async fn grant_for_removal(
    app: &App,
    actor: &User,
    id: UserId,
    grant: GrantId,
) -> Result<(User, Grant, String)> {
    require_admin(actor)?;
    let user = users::get(&app.db, id).await?.ok_or(AppError::NotFound)?;
    let (_, g) = users::grants_with_ids(&app.db, id)
        .await?
        .into_iter()
        .find(|(gid, _)| *gid == grant)
        .ok_or(AppError::NotFound)?;
    let label = scope_label(app, g.scope)
        .await?
        .unwrap_or_else(|| "–".into());
    Ok((user, g, label))
}

/// Remove a grant; the last country-wide administrator grant stays (nobody could manage
/// accounts any more).
pub async fn remove_grant(app: &App, actor: &User, id: UserId, grant: GrantId) -> Result<()> {
    require_admin(actor)?;
    let grants = users::grants_with_ids(&app.db, id).await?;
    let (_, g) = grants
        .iter()
        .find(|(gid, _)| *gid == grant)
        .ok_or(AppError::NotFound)?;
    let now = app.now_text();
    let mut tx = app.db.begin().await?;
    if g.role == Role::Administrator
        && g.scope == Scope::Country
        && users::count_country_admins(&mut tx).await? <= 1
    {
        return Err(AppError::invalid("grant", "err-last-admin"));
    }
    users::delete_grant(&mut tx, id, grant).await?;
    audit::record(
        &mut tx,
        &now,
        Some(actor.id),
        "remove_grant",
        "user",
        Some(id.0),
        &format!("{} {}", g.role.as_str(), scope_value(g.scope)),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// The scopes an administrator can choose from, grouped: the country, the counties, the
/// programmes and the organisations (value, label).
pub struct ScopeChoices {
    pub counties: Vec<(String, String)>,
    pub programmes: Vec<(String, String)>,
    pub organisations: Vec<(String, String)>,
}

pub async fn scope_choices(app: &App, actor: &User) -> Result<ScopeChoices> {
    require_admin(actor)?;
    let country = places::children(&app.db, None).await?;
    let counties = match country.first() {
        Some(c) => crate::catalogue::place_children(app, Some(c.id)).await?,
        None => vec![],
    };
    Ok(ScopeChoices {
        counties: counties
            .iter()
            .map(|p| (scope_value(Scope::Place(p.id)), p.name.clone()))
            .collect(),
        programmes: crate::catalogue::search_programmes(app, None)
            .await?
            .iter()
            .map(|p| (scope_value(Scope::Programme(p.id)), p.title.clone()))
            .collect(),
        organisations: crate::catalogue::organisations(app, None)
            .await?
            .iter()
            .map(|o| (scope_value(Scope::Organisation(o.id)), o.name.clone()))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kozos_domain::{OrganisationId, PlaceId, ProgrammeId};

    #[test]
    fn scope_values_round_trip() {
        for s in [
            Scope::Country,
            Scope::Place(PlaceId(3)),
            Scope::Programme(ProgrammeId(1)),
            Scope::Organisation(OrganisationId(9)),
        ] {
            assert_eq!(parse_scope(&scope_value(s)), Some(s));
        }
        assert_eq!(parse_scope("place:"), None);
        assert_eq!(parse_scope("galaxy"), None);
    }
}
