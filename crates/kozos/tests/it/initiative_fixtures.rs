//! What the role × route table's initiative rows are tried on.

use crate::harness::*;
use crate::initiatives::{proposal, RESIDENT};
use kozos_app::initiatives::{manage, residents as act};
use kozos_app::residents::{Acted, Acting};
use kozos_domain::initiative::*;
use kozos_domain::{InitiativeId, ProgrammeId};

/// The records the role × route table's initiative rows need in `programme`: an
/// initiative proposed by the demo resident (`{initiative}`, at `{initiative_version}`),
/// the resident's comment on it (`{comment}`, reported by another resident), a comment
/// by a second resident (`{resident}`, the one moderators may block), and support given
/// (`{assistance}`).
pub async fn role_fixture(t: &TestApp, programme: i64, n: usize) -> Vec<(&'static str, String)> {
    let p = ProgrammeId(programme);
    let lakos = t.user(RESIDENT).await;
    let other = t.user("celpont@kisber.hu").await;
    let admin = t.user("admin@demo.kozos.hu").await;
    // Earlier rows may have blocked them.
    let mut tx = t.app.db.begin().await.unwrap();
    for u in [&lakos, &other] {
        if let Some(r) = kozos_db::initiatives::residents::of_user(&mut tx, u.id)
            .await
            .unwrap()
        {
            kozos_db::initiatives::residents::set_blocked(
                &mut tx,
                r.id,
                None,
                admin.id,
                t.app.clock.instant(),
            )
            .await
            .unwrap();
        }
    }
    tx.commit().await.unwrap();
    let Acted::Done(id) = act::propose(
        &t.app,
        p,
        Acting::User(&lakos),
        &proposal(&format!("Próbakezdeményezés {n}")),
        None,
        "hu",
    )
    .await
    .unwrap() else {
        unreachable!()
    };
    let comment = |who: kozos_domain::user::User, body: String| async move {
        match act::comment(
            &t.app,
            p,
            id,
            Acting::User(&who),
            &CommentForm { body },
            None,
            "hu",
        )
        .await
        .unwrap()
        {
            Acted::Done(c) => c,
            Acted::MailSent => unreachable!(),
        }
    };
    let c = comment(lakos.clone(), format!("Próba hozzászólás {n}")).await;
    comment(other.clone(), format!("Másik hozzászólás {n}")).await;
    act::report(&t.app, p, id, c, Acting::User(&other), "hu")
        .await
        .unwrap();
    let a = manage::add_assistance(
        &t.app,
        &admin,
        p,
        id,
        &AssistanceForm {
            kind: "mentoring".into(),
            given_on: "2026-11-01".into(),
            given_by: "Próba Mentor".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    let i = manage::get(&t.app, &admin, p, id).await.unwrap();
    let mut conn = t.app.db.pool.acquire().await.unwrap();
    let resident = kozos_db::initiatives::residents::of_user(&mut conn, other.id)
        .await
        .unwrap()
        .unwrap();
    vec![
        ("initiative", id.0.to_string()),
        ("initiative_version", i.version.to_string()),
        ("comment", c.0.to_string()),
        ("assistance", a.0.to_string()),
        ("resident", resident.id.0.to_string()),
    ]
}

/// A confirmation link's token for a visitor's support of `initiative`.
pub async fn confirm_token(t: &TestApp, programme: i64, initiative: &str, n: usize) -> String {
    let visitor = VisitorForm {
        name: "Vendég Vera".into(),
        email: format!("vendeg{n}@example.hu"),
    };
    let id = InitiativeId(initiative.parse().unwrap());
    act::support(
        &t.app,
        ProgrammeId(programme),
        id,
        Acting::Visitor(&visitor),
        "hu",
    )
    .await
    .unwrap();
    kozos_app::jobs::drain(&t.app).await.unwrap();
    let mails = kozos_db::participation::outbox::to_address(&t.app.db, &visitor.email)
        .await
        .unwrap();
    let body = &mails[0].body_text;
    let start = body.find("/confirm/").unwrap() + "/confirm/".len();
    body[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}
