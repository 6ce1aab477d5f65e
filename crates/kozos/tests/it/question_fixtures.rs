//! What the role × route table's question rows are tried on.

use crate::harness::*;
use crate::questions::{asked, published, ADMIN, MENTOR, RESIDENT};
use kozos_app::questions::{answer as experts, moderate};
use kozos_domain::community::questions::AnswerForm;

/// Is this one of the question rows' routes (not a questionnaire's questions)?
pub fn is_question_route(route: &str) -> bool {
    ["/questions", "/admin/questions", "/api/v1/questions"]
        .iter()
        .any(|p| route.starts_with(p))
}

/// The records the role × route table's question rows use (`{id}` is chosen per row by
/// [`role_cell`]): Kisbér questions published with the mentor's answer, waiting, and
/// refused; the country's questions published and waiting; a Kecskemét question published
/// with the administrator's answer.
pub async fn role_fixture(t: &TestApp, n: usize) -> Vec<(&'static str, String)> {
    let admin = t.user(ADMIN).await;
    // An earlier row may have blocked the demo resident.
    let mut tx = t.app.db.begin().await.unwrap();
    let me = t.user(RESIDENT).await;
    if let Some(r) = kozos_db::initiatives::residents::of_user(&mut tx, me.id)
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
    tx.commit().await.unwrap();
    let (kisber, kecskemet) = (Some(t.kisber()), Some(t.kecskemet()));
    let a = |body: &str| AnswerForm { body: body.into() };
    let answered = published(t, &format!("Próbakérdés {n}"), kisber).await;
    let mentor = t.user(MENTOR).await;
    let answer = experts::answer(&t.app, &mentor, answered, &a("Próbaválasz"), None)
        .await
        .unwrap();
    let waiting = asked(t, RESIDENT, &format!("Váró kérdés {n}"), kisber).await;
    let refused = asked(t, RESIDENT, &format!("Elutasított kérdés {n}"), kisber).await;
    moderate::refuse(&t.app, &admin, refused, "Próba")
        .await
        .unwrap();
    let national = published(t, &format!("Országos kérdés {n}"), None).await;
    let national_waiting = asked(t, RESIDENT, &format!("Váró országos kérdés {n}"), None).await;
    let elsewhere = published(t, &format!("Kecskeméti kérdés {n}"), kecskemet).await;
    let elsewhere_answer = experts::answer(&t.app, &admin, elsewhere, &a("Válasz"), None)
        .await
        .unwrap();
    vec![
        ("q_published", answered.to_string()),
        ("q_answer", answer.to_string()),
        ("q_waiting", waiting.to_string()),
        ("q_refused", refused.to_string()),
        ("q_national", national.to_string()),
        ("q_national_waiting", national_waiting.to_string()),
        ("q_elsewhere", elsewhere.to_string()),
        ("q_elsewhere_answer", elsewhere_answer.to_string()),
    ]
}

/// A question row's address: `{id}` by the row's fixture (`waiting`, `refused`,
/// `national`, `national_waiting`, `elsewhere` for Kecskemét's; `move` is the waiting
/// Kisbér question filed under Kecskemét), `{answer}` that question's answer, and the
/// programme the edit form names (`{q_programme}`).
pub fn role_cell(
    t: &TestApp,
    path: &mut String,
    fx: &mut std::collections::HashMap<&'static str, String>,
    fixture: &str,
) {
    let which = match fixture {
        "waiting" | "move" => "q_waiting",
        "refused" => "q_refused",
        "national" => "q_national",
        "national_waiting" => "q_national_waiting",
        "elsewhere" => "q_elsewhere",
        _ => "q_published",
    };
    let answer = if fixture == "elsewhere" {
        "q_elsewhere_answer"
    } else {
        "q_answer"
    };
    *path = path
        .replace("{id}", &fx[which])
        .replace("{answer}", &fx[answer]);
    let to = if fixture == "move" {
        t.kecskemet()
    } else {
        t.kisber()
    };
    fx.insert("q_programme", to.to_string());
}

/// The fields a question row's form sends.
pub fn role_form(route: &str, n: usize) -> Vec<(String, String)> {
    let v = |pairs: &[(&str, String)]| {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect::<Vec<_>>()
    };
    match route {
        "/questions/new" => v(&[
            ("title", format!("Próbakérdés űrlapról {n}")),
            ("body", "Hogyan kezdjünk hozzá?".into()),
            ("name", "Vendég Vera".into()),
            ("email", format!("vendeg-kerdes{n}@example.hu")),
        ]),
        "/questions/{id}/answers" => v(&[("body", format!("Próbaválasz {n}"))]),
        "/questions/{id}/answers/{answer}/edit" => v(&[
            ("body", format!("Átírt válasz {n}")),
            ("_version", "1".into()),
        ]),
        "/admin/questions/{id}/edit" => v(&[
            ("title", format!("Javított kérdés {n}")),
            ("body", "Javított szöveg".into()),
            ("programme_id", "{q_programme}".into()),
        ]),
        "/admin/questions/{id}/refuse" | "/admin/questions/{id}/block" => {
            v(&[("reason", "Sértő".into())])
        }
        _ => vec![],
    }
}
