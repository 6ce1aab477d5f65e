//! About 80 mentors of the communities (the EFOP project had 72 and trained 84): demo
//! accounts with the `mentor` role on their county, shared out by the counties'
//! population. Their e-mail is `mentor001@demo.kozos.hu` …, the password the demo's.

use super::dice::{apportion, Dice};
use super::settlements::Settlement;
use crate::{App, Result};
use kozos_domain::user::{Grant, Role, Scope};
use kozos_domain::PlaceId;

pub(super) async fn ensure(
    app: &App,
    n: u64,
    settlements: &[Settlement],
    d: &mut Dice,
) -> Result<u64> {
    if n == 0 {
        return Ok(0);
    }
    let mut counties: Vec<(PlaceId, f64)> = Vec::new();
    for s in settlements {
        match counties.iter_mut().find(|(c, _)| *c == s.county) {
            Some(c) => c.1 += f64::from(s.population),
            None => counties.push((s.county, f64::from(s.population))),
        }
    }
    let shares = apportion(n, &counties.iter().map(|c| c.1).collect::<Vec<_>>());
    // One Argon2 hash for all of them, as the demo's own accounts.
    let hash = crate::auth::hash_password(super::super::DEMO_PASSWORD.to_string()).await?;
    let mut made = 0;
    for ((county, _), share) in counties.iter().zip(shares) {
        for _ in 0..share {
            made += 1;
            let name = format!(
                "{} {}",
                d.pick(super::super::participants::SURNAMES),
                d.pick(super::super::participants::GIVEN)
            );
            let grant = Grant {
                role: Role::Mentor,
                scope: Scope::Place(*county),
            };
            crate::auth::upsert_user_with_hash(
                app,
                &format!("mentor{made:03}@demo.kozos.hu"),
                &name,
                &hash,
                &[grant],
                true,
            )
            .await?;
        }
    }
    Ok(made)
}
