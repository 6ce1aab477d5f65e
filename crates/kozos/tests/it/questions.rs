//! Ask the experts as its people meet it: a resident's question is seen by nobody but
//! them and its moderators until it is published; an expert's answer is found by search
//! (inflected, without accents), listed at the Information Point and in its feed, and
//! mailed about to the asker; a refusal's reason reaches the asker alone; a visitor's
//! question waits for the mailed link; residents neither answer nor moderate, and a
//! coordinator moderates only their own programme's questions.

use crate::both;
use crate::harness::*;
use crate::initiative_pages::link_mailed_to;
use axum::http::StatusCode;
use kozos_app::questions::{answer as experts, ask, moderate};
use kozos_app::residents::{Acted, Acting};
use kozos_db::participation::outbox;
use kozos_domain::community::questions::{AnswerForm, QuestionForm};
use kozos_domain::ExpertQuestionId;

pub(crate) const RESIDENT: &str = "lakos@demo.kozos.hu";
const COORD: &str = "koordinator@demo.kozos.hu";
pub(crate) const MENTOR: &str = "mentor@demo.kozos.hu";
const NATIONAL: &str = "orszagos@demo.kozos.hu";
pub(crate) const ADMIN: &str = "admin@demo.kozos.hu";

async fn id_titled(t: &TestApp, title: &str) -> Vec<i64> {
    sqlx::query_scalar("SELECT id FROM questions WHERE title = $1 ORDER BY id")
        .bind(title)
        .fetch_all(&t.app.db.pool)
        .await
        .unwrap()
}

/// A question asked by `email` (at once: a signed-in account).
pub(crate) async fn asked(
    t: &TestApp,
    email: &str,
    title: &str,
    programme: Option<i64>,
) -> ExpertQuestionId {
    let who = t.user(email).await;
    let form = QuestionForm {
        title: title.into(),
        body: "Hogyan fogjunk hozzá, és kit hívjunk meg először?".into(),
        programme_id: programme.map(|p| p.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    match ask::ask(&t.app, Acting::User(&who), &form, None, "hu")
        .await
        .unwrap()
    {
        Acted::Done(id) => id,
        Acted::MailSent => panic!("a signed-in account asks at once"),
    }
}

pub(crate) async fn published(
    t: &TestApp,
    title: &str,
    programme: Option<i64>,
) -> ExpertQuestionId {
    let id = asked(t, RESIDENT, title, programme).await;
    moderate::publish(&t.app, &t.user(ADMIN).await, id)
        .await
        .unwrap();
    id
}

async fn token(t: &TestApp, email: &str) -> String {
    kozos_app::auth::create_api_token(&t.app, email, "test")
        .await
        .unwrap()
}

async fn search_total(c: &mut Client, q: &str) -> i64 {
    let r = c
        .get(&format!("/api/v1/search?q={}&kind=question", enc(q)))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json()["total"].as_i64().unwrap()
}

both!(
    a_question_waits_is_published_answered_and_found,
    |t: TestApp| async move {
        let p = t.kisber();
        let title = "Közösségi kert a lakótelepen: hogyan kezdjük?";
        let mut lakos = t.signed_in(RESIDENT).await;
        let prog = p.to_string();
        let r = lakos
            .post_form(
                "/questions/new",
                &[
                    ("title", title),
                    (
                        "body",
                        "A panelházak közötti füves területen szeretnénk közösen kertészkedni.",
                    ),
                    ("programme_id", &prog),
                    ("settlement", "Kisbér"),
                    ("tags", "Kert, lakótelep"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        assert_eq!(r.location(), "/questions/mine");
        let id = id_titled(&t, title).await[0];
        let page = format!("/questions/{id}");

        // Waiting: its asker sees it on their own list; nobody else sees it anywhere.
        let mine = lakos.get("/questions/mine").await.text();
        assert!(
            mine.contains(title) && mine.contains("Moderálásra vár"),
            "{mine}"
        );
        let mut anon = t.client();
        assert_eq!(anon.get(&page).await.status, StatusCode::NOT_FOUND);
        assert_eq!(lakos.get(&page).await.status, StatusCode::NOT_FOUND);
        assert!(!anon.get("/questions").await.text().contains(title));
        assert_eq!(search_total(&mut anon, "panelhazak").await, 0);
        let mut mentor = t.signed_in(MENTOR).await;
        mentor.bearer = Some(token(&t, MENTOR).await);
        assert_eq!(
            search_total(&mut mentor, "panelhazak").await,
            0,
            "not a moderator"
        );
        let mut coord = t.signed_in(COORD).await;
        coord.bearer = Some(token(&t, COORD).await);
        assert_eq!(
            search_total(&mut coord, "panelhazak").await,
            1,
            "its moderator"
        );
        assert_eq!(coord.get(&page).await.status, StatusCode::OK);
        assert!(coord.get("/admin/questions").await.text().contains(title));

        // Published by the coordinator from the queue.
        let r = coord
            .post_form(&format!("/admin/questions/{id}/publish"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        assert!(!coord.get("/admin/questions").await.text().contains(title));
        let shown = anon.get(&page).await;
        assert_eq!(shown.status, StatusCode::OK);
        assert!(shown.text().contains("Még nincs válasz"));
        assert!(
            !shown.text().contains("Válasz közzététele"),
            "no answer form for visitors"
        );

        // The mentor answers; the asker is mailed once.
        let r = mentor
            .post_form(
                &format!("{page}/answers"),
                &[(
                    "body",
                    "Hívjátok össze a **kertészkedőket** egy szombati bejárásra, és kérjétek meg a közös képviselőt, hogy kérdezze meg a lakókat.",
                )],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        kozos_app::jobs::drain(&t.app).await.unwrap();
        let mails = outbox::to_address(&t.app.db, RESIDENT).await.unwrap();
        let answered: Vec<_> = mails
            .iter()
            .filter(|m| m.subject == "Válasz érkezett a kérdésedre")
            .collect();
        assert_eq!(answered.len(), 1);
        assert!(answered[0].body_text.contains(&page) && answered[0].body_text.contains(title));
        let html = anon.get(&page).await.text();
        assert!(html.contains("<strong>kertészkedőket</strong>"));
        assert!(
            html.contains("<strong>Mentor Mária</strong>, mentor"),
            "{html}"
        );

        // Found without accents, by another form of the answer's word.
        let found = anon
            .get("/api/v1/search?q=kerteszkedo&kind=question")
            .await
            .json();
        assert_eq!(found["total"], 1, "{found}");
        assert_eq!(found["results"][0]["path"], page);
        let listed = anon.get("/questions?answered=yes").await.text();
        assert!(listed.contains(title));
        assert!(anon
            .get(&format!("/programmes/{p}"))
            .await
            .text()
            .contains(title));

        // At the Information Point of the programme and of its settlement, and in the feeds.
        let href = format!("href=\"{page}\"");
        assert!(anon
            .get(&format!("/programmes/{p}/info"))
            .await
            .text()
            .contains(&href));
        let feed = anon.get(&format!("/programmes/{p}/info.atom")).await.text();
        assert!(
            feed.contains(title) && feed.contains(&format!("/questions/{id}</id>")),
            "{feed}"
        );
        let kisber = t.settlement("Kisbér").await;
        assert!(anon
            .get(&format!("/places/{kisber}/info"))
            .await
            .text()
            .contains(&href));
        assert!(anon
            .get(&format!("/places/{kisber}/info.atom"))
            .await
            .text()
            .contains(title));

        let api = anon.get(&format!("/api/v1/questions/{id}")).await.json();
        assert_eq!(api["answers"][0]["author"], "Mentor Mária");
        assert_eq!(api["answers"][0]["role"], "mentor");
        assert_eq!(api["tags"][0], "kert");
    }
);

both!(
    a_refused_question_shows_its_reason_to_its_asker_only,
    |t: TestApp| async move {
        let title = "Kinek adhatom meg a szomszédom telefonszámát?";
        let id = asked(&t, RESIDENT, title, Some(t.kisber())).await;
        let mut coord = t.signed_in(COORD).await;
        let refuse = format!("/admin/questions/{id}/refuse");
        // A refusal needs its reason.
        let r = coord.post_form(&refuse, &[("reason", " ")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Kötelező mező."));
        let reason = "Más ember személyes adatait nem tesszük közzé.";
        let r = coord.post_form(&refuse, &[("reason", reason)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());

        let mine = t
            .signed_in(RESIDENT)
            .await
            .get("/questions/mine")
            .await
            .text();
        assert!(mine.contains(title) && mine.contains(reason), "{mine}");
        let mut mentor = t.signed_in(MENTOR).await;
        assert!(!mentor.get("/questions/mine").await.text().contains(reason));
        assert_eq!(
            mentor.get(&format!("/questions/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            t.client()
                .get(&format!("/api/v1/questions/{id}"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let indexed: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM search_docs WHERE kind = 'question' AND ref_id = $1",
        )
        .bind(id.0)
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap();
        assert_eq!(indexed, 0, "a refused question leaves the index");
        kozos_app::jobs::drain(&t.app).await.unwrap();
        let mails = outbox::to_address(&t.app.db, RESIDENT).await.unwrap();
        assert!(mails
            .iter()
            .any(|m| m.subject == "A kérdésedet nem tettük közzé" && m.body_text.contains(reason)));
    }
);

both!(
    a_visitors_question_waits_for_the_mailed_link,
    |t: TestApp| async move {
        let title = "Lehet-e kiskorú önkéntes a falunapon?";
        let to = "kerdezo@example.hu";
        let mut v = t.client();
        let r = v
            .post_form(
                "/questions/new",
                &[
                    ("title", title),
                    ("body", "A 16 éves lányom segítene a falunap szervezésében."),
                    ("name", "Kérdező Klára"),
                    ("email", to),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        assert!(
            id_titled(&t, title).await.is_empty(),
            "nothing until the link is opened"
        );
        let link = link_mailed_to(&t, to).await;
        // Opening the link asks; the button asks the question.
        let shown = v.get(&link).await;
        assert_eq!(shown.status, StatusCode::OK);
        assert!(
            id_titled(&t, title).await.is_empty(),
            "opening alone does nothing"
        );
        let r = v.post_form(&link, &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location(), "/questions");
        assert_eq!(id_titled(&t, title).await.len(), 1);
        // Confirmed again, it does nothing twice.
        let r = v.post_form(&link, &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(id_titled(&t, title).await.len(), 1);
        let id = id_titled(&t, title).await[0];
        let q = moderate::moderated(&t.app, &t.user(ADMIN).await, ExpertQuestionId(id))
            .await
            .unwrap();
        assert_eq!(q.asker_name, "Kérdező Klára");
        assert_eq!(q.programme_id, None, "a national question");
    }
);

both!(
    residents_neither_answer_nor_moderate_and_scopes_hold,
    |t: TestApp| async move {
        let kisber = published(&t, "Mikor érdemes fórumot tartani?", Some(t.kisber())).await;
        let mut lakos = t.signed_in(RESIDENT).await;
        let r = lakos
            .post_form(
                &format!("/questions/{kisber}/answers"),
                &[("body", "Szerintem tavasszal.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        for path in [
            format!("/admin/questions/{kisber}/publish"),
            format!("/admin/questions/{kisber}/refuse"),
        ] {
            let r = lakos.post_form(&path, &[("reason", "Nem tetszik.")]).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        }
        assert_eq!(
            lakos.get("/admin/questions").await.status,
            StatusCode::FORBIDDEN
        );

        // Kisbér's coordinator does not reach Kecskemét's questions, nor the country's.
        let waiting = asked(
            &t,
            RESIDENT,
            "Hol kérhetünk termet a klubnak?",
            Some(t.kecskemet()),
        )
        .await;
        let national = asked(&t, RESIDENT, "Hogyan mérjük a közösség fejlődését?", None).await;
        let mut coord = t.signed_in(COORD).await;
        let queue = coord.get("/admin/questions").await.text();
        assert!(!queue.contains("Hol kérhetünk termet") && !queue.contains("Hogyan mérjük"));
        for id in [waiting, national] {
            let r = coord
                .post_form(&format!("/admin/questions/{id}/publish"), &[])
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN);
            assert_eq!(
                coord.get(&format!("/questions/{id}")).await.status,
                StatusCode::NOT_FOUND
            );
        }
        // Filing a Kisbér question under Kecskemét is refused: authorised where it goes too.
        let own = asked(
            &t,
            RESIDENT,
            "Kell-e engedély a közösségi kerthez?",
            Some(t.kisber()),
        )
        .await;
        let edit = format!("/admin/questions/{own}/edit");
        let (_, mut values) = form_values(&coord.get(&edit).await.text(), "/edit").unwrap();
        for f in values.iter_mut() {
            if f.0 == "programme_id" {
                f.1 = t.kecskemet().to_string();
            }
        }
        let body = serde_urlencoded::to_string(&values).unwrap();
        let r = coord
            .request(
                axum::http::Method::POST,
                &edit,
                Some("application/x-www-form-urlencoded"),
                body,
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // The national coordinator moderates the country's; any expert answers them.
        let nat = t.user(NATIONAL).await;
        moderate::publish(&t.app, &nat, national).await.unwrap();
        let mentor = t.user(MENTOR).await;
        let a = AnswerForm {
            body: "Helyzetképpel kezdjétek.".into(),
        };
        experts::answer(&t.app, &mentor, national, &a, None)
            .await
            .unwrap();
        // A mentor of another county does not answer Kecskemét's.
        moderate::publish(&t.app, &nat, waiting).await.unwrap();
        let e = experts::answer(&t.app, &mentor, waiting, &a, None)
            .await
            .unwrap_err();
        assert!(matches!(e, kozos_app::AppError::Forbidden), "{e:?}");
    }
);

both!(
    answers_are_rendered_inert_and_forms_keep_what_was_typed,
    |t: TestApp| async move {
        let id = published(&t, "Mit tegyünk, ha senki sem jön el?", Some(t.kisber())).await;
        let mut mentor = t.signed_in(MENTOR).await;
        let r = mentor
            .post_form(
                &format!("/questions/{id}/answers"),
                &[("body", "Ne adjátok fel! <script>alert(1)</script> [kattints](javascript:alert(2)) <img src=x onerror=alert(3)>")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        let html = t.client().get(&format!("/questions/{id}")).await.text();
        assert!(html.contains("Ne adjátok fel!"));
        assert!(
            !html.contains("<script>alert") && !html.contains("<img src=x"),
            "{html}"
        );
        assert!(!html.contains("javascript:alert(2)\""), "{html}");
        assert!(!html.to_lowercase().contains("href=\"javascript:"));

        // An empty title is refused with its message; the text typed is kept; markup in a
        // question is refused.
        let mut lakos = t.signed_in(RESIDENT).await;
        let body = "Milyen gyakran tartsunk közösségi beszélgetést?";
        let r = lakos
            .post_form("/questions/new", &[("title", " "), ("body", body)])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let text = r.text();
        assert!(
            text.contains("Kötelező mező.") && text.contains(body),
            "{text}"
        );
        let r = lakos
            .post_form(
                "/questions/new",
                &[("title", "Kérdés"), ("body", "<b>Segítség</b>")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.text().contains("&lt;b&gt;Segítség&lt;/b&gt;"),
            "kept, escaped"
        );

        // A form sent twice (the same one-time key) asks once.
        let (_, values) =
            form_values(&lakos.get("/questions/new").await.text(), "/questions/new").unwrap();
        let mut values: Vec<(String, String)> = values
            .into_iter()
            .filter(|(k, _)| k != "title" && k != "body")
            .collect();
        let title = "Hogyan hívjuk meg az időseket?";
        values.push(("title".into(), title.into()));
        values.push(("body".into(), "Sokan nem használnak internetet.".into()));
        let body = serde_urlencoded::to_string(&values).unwrap();
        for _ in 0..2 {
            let r = lakos
                .request(
                    axum::http::Method::POST,
                    "/questions/new",
                    Some("application/x-www-form-urlencoded"),
                    body.clone(),
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        }
        assert_eq!(id_titled(&t, title).await.len(), 1);
    }
);
