//! Needs assessment: questionnaires built by staff, interviews typed in by volunteers,
//! public surveys answered by residents (anonymous once per form, signed in once), and
//! the results staff and the auditor read.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;
use kozos_app::records::{self, Record};
use kozos_app::surveys::{self, InterviewForm};
use kozos_app::AppError;
use kozos_domain::survey::*;
use kozos_domain::{ProgrammeId, QuestionId, QuestionnaireId};

pub const COORDINATOR: &str = "koordinator@demo.kozos.hu";
pub const VOLUNTEER: &str = "onkentes@demo.kozos.hu";
pub const RESIDENT: &str = "lakos@demo.kozos.hu";
pub const AUDITOR: &str = "auditor@demo.kozos.hu";
pub const PM: &str = "projektmenedzser@demo.kozos.hu";

/// A questionnaire of Kisbér with a yes/no question, a number shown only after "Igen",
/// a scale, a multiple choice and a free text; opened for answers.
pub async fn questionnaire(t: &TestApp, mode: &str) -> (QuestionnaireId, Vec<QuestionId>) {
    let coord = t.user(COORDINATOR).await;
    let p = ProgrammeId(t.kisber());
    let form = QuestionnaireForm {
        title: "Kisbéri lakossági kérdőív".into(),
        intro: "Mit gondol a városról?".into(),
        mode: mode.into(),
        status: "open".into(),
    };
    let id = records::create::<Questionnaire>(&t.app, &coord, p, p, &form, None)
        .await
        .unwrap();
    let mut ids = Vec::new();
    let add = |f: QuestionForm| {
        let coord = coord.clone();
        let app = t.app.clone();
        async move {
            records::create::<Question>(&app, &coord, p, id, &f, None)
                .await
                .unwrap()
        }
    };
    ids.push(
        add(QuestionForm {
            kind: "single".into(),
            label: "Részt vett már városi rendezvényen?".into(),
            required: "on".into(),
            options: "Igen\nNem".into(),
            ..Default::default()
        })
        .await,
    );
    ids.push(
        add(QuestionForm {
            kind: "number".into(),
            label: "Hány rendezvényen az elmúlt évben?".into(),
            required: "on".into(),
            condition_question: ids[0].to_string(),
            condition_value: "Igen".into(),
            ..Default::default()
        })
        .await,
    );
    ids.push(
        add(QuestionForm {
            kind: "scale".into(),
            label: "Mennyire érzi magát kisbérinek?".into(),
            scale_min: "1".into(),
            scale_max: "5".into(),
            ..Default::default()
        })
        .await,
    );
    ids.push(
        add(QuestionForm {
            kind: "multiple".into(),
            label: "Mely intézményeket látogatja?".into(),
            options: "Könyvtár\nMúzeum\nMűvelődési ház".into(),
            ..Default::default()
        })
        .await,
    );
    ids.push(
        add(QuestionForm {
            kind: "long_text".into(),
            label: "Mi hiányzik leginkább?".into(),
            ..Default::default()
        })
        .await,
    );
    let mut f = form;
    f.status = "open".into();
    records::update::<Questionnaire>(&t.app, &coord, p, id, &f, None)
        .await
        .unwrap();
    (id, ids)
}

pub fn raw(pairs: &[(QuestionId, &str)]) -> RawAnswers {
    RawAnswers::from_pairs(
        &pairs
            .iter()
            .map(|(q, v)| (format!("q{q}"), v.to_string()))
            .collect::<Vec<_>>(),
    )
}

fn interview() -> InterviewForm {
    InterviewForm {
        interviewer: "Önkéntes Ödön".into(),
        interviewed_on: "2018.10.12.".into(),
    }
}

both!(
    a_volunteer_types_in_an_interview_and_hidden_answers_are_dropped,
    |t: TestApp| async move {
        let (id, q) = questionnaire(&t, "interview").await;
        let p = ProgrammeId(t.kisber());
        let vol = t.user(VOLUNTEER).await;
        // "Nem": the count question is hidden, so what was sent for it is not kept
        let sheet = raw(&[
            (q[0], "Nem"),
            (q[1], "7"),
            (q[2], "4"),
            (q[4], "Egy ifjúsági klub."),
        ]);
        let r = surveys::enter_interview(&t.app, &vol, p, id, &interview(), &sheet, Some("k1"))
            .await
            .unwrap()
            .unwrap();
        // the same form sent again records nothing more
        let again = surveys::enter_interview(&t.app, &vol, p, id, &interview(), &sheet, Some("k1"))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(r, again);
        let coord = t.user(COORDINATOR).await;
        let res = surveys::results(&t.app, &coord, p, id).await.unwrap();
        assert_eq!(res.questionnaire.responses, 1);
        assert_eq!(res.questions[1].answered, 0, "hidden answer dropped");
        assert_eq!(res.questions[0].bars[1].count, 1);
        assert_eq!(res.questions[4].texts, vec!["Egy ifjúsági klub."]);

        // "Igen" shows the count question, and it is required; a comma decimal is read
        let refused = surveys::enter_interview(
            &t.app,
            &vol,
            p,
            id,
            &interview(),
            &raw(&[(q[0], "Igen")]),
            None,
        )
        .await
        .unwrap()
        .unwrap_err();
        assert_eq!(refused.answers.for_question(q[1]), Some("err-required"));
        let bad_day = InterviewForm {
            interviewer: String::new(),
            interviewed_on: "2099-01-01".into(),
        };
        let refused = surveys::enter_interview(
            &t.app,
            &vol,
            p,
            id,
            &bad_day,
            &raw(&[(q[0], "Igen"), (q[1], "3,5")]),
            None,
        )
        .await
        .unwrap()
        .unwrap_err();
        assert_eq!(
            refused.fields.for_field("interviewer"),
            Some("err-required")
        );
        assert_eq!(
            refused.fields.for_field("interviewed_on"),
            Some("err-date-future")
        );
        assert!(refused.answers.is_empty(), "{:?}", refused.answers);
        surveys::enter_interview(
            &t.app,
            &vol,
            p,
            id,
            &interview(),
            &raw(&[(q[0], "Igen"), (q[1], "3,5"), (q[2], "2")]),
            None,
        )
        .await
        .unwrap()
        .unwrap();
        let res = surveys::results(&t.app, &coord, p, id).await.unwrap();
        assert_eq!(res.questionnaire.responses, 2);
        assert_eq!(res.questions[1].mean, Some(3.5));
        assert_eq!(res.questions[2].median, Some(3.0));
        assert_eq!(res.questions[0].bars[0].per_mille, 500);

        // the volunteer types answers in but does not read results or build questions
        assert!(matches!(
            surveys::results(&t.app, &vol, p, id).await,
            Err(AppError::Forbidden)
        ));
        let add =
            records::create::<Question>(&t.app, &vol, p, id, &QuestionForm::default(), None).await;
        assert!(matches!(add, Err(AppError::Forbidden)));
    }
);

both!(
    answered_questions_are_frozen_in_type_and_options,
    |t: TestApp| async move {
        let (id, q) = questionnaire(&t, "interview").await;
        let p = ProgrammeId(t.kisber());
        let coord = t.user(COORDINATOR).await;
        // before answers, a condition naming a later question is refused
        let mut first = records::get::<Question>(&t.app, &coord, p, q[0])
            .await
            .unwrap()
            .to_form();
        let mut later = first.clone();
        later.condition_question = q[3].to_string();
        later.condition_value = "Könyvtár".into();
        let e = records::update::<Question>(&t.app, &coord, p, q[0], &later, None).await;
        assert!(
            matches!(e, Err(AppError::Invalid(e)) if e.for_field("condition_question") == Some("err-survey-condition-later"))
        );
        // removing the option another question depends on is refused
        first.options = "Nem\nTalán".into();
        let e = records::update::<Question>(&t.app, &coord, p, q[0], &first, None).await;
        assert!(
            matches!(e, Err(AppError::Invalid(e)) if e.for_field("options") == Some("err-survey-condition-used"))
        );

        let vol = t.user(VOLUNTEER).await;
        surveys::enter_interview(
            &t.app,
            &vol,
            p,
            id,
            &interview(),
            &raw(&[(q[0], "Nem")]),
            None,
        )
        .await
        .unwrap()
        .unwrap();
        let mut multiple = records::get::<Question>(&t.app, &coord, p, q[3])
            .await
            .unwrap()
            .to_form();
        multiple.kind = "single".into();
        let e = records::update::<Question>(&t.app, &coord, p, q[3], &multiple, None).await;
        assert!(
            matches!(e, Err(AppError::Invalid(e)) if e.for_field("kind") == Some("err-survey-frozen-kind"))
        );
        let mut fewer = records::get::<Question>(&t.app, &coord, p, q[3])
            .await
            .unwrap()
            .to_form();
        fewer.options = "Könyvtár\nMúzeum".into();
        let e = records::update::<Question>(&t.app, &coord, p, q[3], &fewer, None).await;
        assert!(
            matches!(e, Err(AppError::Invalid(e)) if e.for_field("options") == Some("err-survey-frozen-options"))
        );
        // a corrected label and a new option are fine
        let mut more = records::get::<Question>(&t.app, &coord, p, q[3])
            .await
            .unwrap()
            .to_form();
        more.label = "Mely kisbéri intézményeket látogatja?".into();
        more.options.push_str("\nSportcsarnok");
        records::update::<Question>(&t.app, &coord, p, q[3], &more, None)
            .await
            .unwrap();
        // nor may a question or the questionnaire with answers go
        assert!(matches!(
            records::delete::<Question>(&t.app, &coord, p, q[4]).await,
            Err(AppError::Invalid(_))
        ));
        assert!(matches!(
            records::delete::<Questionnaire>(&t.app, &coord, p, id).await,
            Err(AppError::Invalid(_))
        ));
    }
);

both!(
    public_answers_once_per_form_and_once_per_signed_in_person,
    |t: TestApp| async move {
        let (id, q) = questionnaire(&t, "public").await;
        let sheet = raw(&[
            (q[0], "Igen"),
            (q[1], "2"),
            (q[3], "Könyvtár"),
            (q[3], "Múzeum"),
        ]);
        let a = surveys::answer_public(&t.app, None, id, &sheet, Some("anon-1"))
            .await
            .unwrap()
            .unwrap();
        let again = surveys::answer_public(&t.app, None, id, &sheet, Some("anon-1"))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(a, again, "a resend of one form is one sheet");
        surveys::answer_public(&t.app, None, id, &sheet, Some("anon-2"))
            .await
            .unwrap()
            .unwrap();
        let resident = t.user(RESIDENT).await;
        surveys::answer_public(&t.app, Some(&resident), id, &sheet, Some("r-1"))
            .await
            .unwrap()
            .unwrap();
        let second = surveys::answer_public(&t.app, Some(&resident), id, &sheet, Some("r-2")).await;
        assert!(
            matches!(second, Err(AppError::Invalid(e)) if e.for_field("form") == Some("err-survey-answered-once"))
        );
        assert!(
            surveys::public(&t.app, Some(&resident), id)
                .await
                .unwrap()
                .1
        );

        let coord = t.user(COORDINATOR).await;
        let p = ProgrammeId(t.kisber());
        let res = surveys::results(&t.app, &coord, p, id).await.unwrap();
        assert_eq!(res.questionnaire.responses, 3);
        let multi = &res.questions[3];
        assert_eq!(
            (
                multi.bars[0].count,
                multi.bars[1].count,
                multi.bars[2].count
            ),
            (3, 3, 0)
        );

        // a closed survey takes no more answers; a draft is not public at all
        let mut f = records::get::<Questionnaire>(&t.app, &coord, p, id)
            .await
            .unwrap()
            .to_form();
        f.status = "closed".into();
        records::update::<Questionnaire>(&t.app, &coord, p, id, &f, None)
            .await
            .unwrap();
        let closed = surveys::answer_public(&t.app, None, id, &sheet, Some("anon-3")).await;
        assert!(
            matches!(closed, Err(AppError::Invalid(e)) if e.for_field("form") == Some("err-survey-closed"))
        );
        // with answers, it cannot go back to draft
        f.status = "draft".into();
        let back = records::update::<Questionnaire>(&t.app, &coord, p, id, &f, None).await;
        assert!(
            matches!(back, Err(AppError::Invalid(e)) if e.for_field("status") == Some("err-survey-frozen-draft"))
        );

        let (draft, _) = {
            let form = QuestionnaireForm {
                title: "Vázlat".into(),
                mode: "public".into(),
                ..Default::default()
            };
            (
                records::create::<Questionnaire>(&t.app, &coord, p, p, &form, None)
                    .await
                    .unwrap(),
                (),
            )
        };
        assert!(matches!(
            surveys::public(&t.app, None, draft).await,
            Err(AppError::NotFound)
        ));
        let _ = StatusCode::OK;
    }
);

both!(
    results_are_for_staff_in_scope_and_the_auditor_of_the_programme,
    |t: TestApp| async move {
        let (id, _) = questionnaire(&t, "interview").await;
        let p = ProgrammeId(t.kisber());
        for who in [
            COORDINATOR,
            PM,
            "fejleszto@demo.kozos.hu",
            "megyei@demo.kozos.hu",
        ] {
            let u = t.user(who).await;
            assert!(surveys::results(&t.app, &u, p, id).await.is_ok(), "{who}");
        }
        // the auditor of Kecskemét reads Kecskemét's, not Kisbér's
        let auditor = t.user(AUDITOR).await;
        assert!(matches!(
            surveys::results(&t.app, &auditor, p, id).await,
            Err(AppError::Forbidden)
        ));
        let resident = t.user(RESIDENT).await;
        assert!(matches!(
            surveys::results(&t.app, &resident, p, id).await,
            Err(AppError::Forbidden)
        ));
        // another programme's id with this questionnaire is not found
        let admin = t.user("admin@demo.kozos.hu").await;
        let other = ProgrammeId(t.kecskemet());
        assert!(matches!(
            surveys::results(&t.app, &admin, other, id).await,
            Err(AppError::NotFound)
        ));
    }
);

/// For the role × route table: an open interview questionnaire of `programme` with one
/// optional free-text question, and a public survey of it, open (or still a draft).
pub async fn role_fixture(t: &TestApp, programme: ProgrammeId, draft: bool) -> (i64, i64, i64) {
    let admin = t.user("admin@demo.kozos.hu").await;
    let p = programme;
    let make = |mode: &str, status: &str| QuestionnaireForm {
        title: format!("Próba {mode}"),
        mode: mode.into(),
        status: status.into(),
        ..Default::default()
    };
    let survey =
        records::create::<Questionnaire>(&t.app, &admin, p, p, &make("interview", ""), None)
            .await
            .unwrap();
    let text = QuestionForm {
        kind: "long_text".into(),
        label: "Mi hiányzik?".into(),
        ..Default::default()
    };
    let question = records::create::<Question>(&t.app, &admin, p, survey, &text, None)
        .await
        .unwrap();
    records::update::<Questionnaire>(&t.app, &admin, p, survey, &make("interview", "open"), None)
        .await
        .unwrap();
    let public = records::create::<Questionnaire>(&t.app, &admin, p, p, &make("public", ""), None)
        .await
        .unwrap();
    records::create::<Question>(&t.app, &admin, p, public, &text, None)
        .await
        .unwrap();
    if !draft {
        records::update::<Questionnaire>(&t.app, &admin, p, public, &make("public", "open"), None)
            .await
            .unwrap();
    }
    (survey.0, question.0, public.0)
}

/// The form on a page (found by `hint` in its action) with some fields set; radio and
/// checkbox values are added as a browser sends them.
async fn fill(
    c: &mut Client,
    page: &str,
    hint: &str,
    set: &[(String, &str)],
) -> (String, Vec<(String, String)>) {
    let html = c.get(page).await;
    assert_eq!(html.status, StatusCode::OK, "GET {page}: {}", html.body);
    let (action, mut fields) = form_values(&html.body, hint).expect("the form");
    for (k, v) in set {
        fields.retain(|(n, _)| n != k);
        fields.push((k.clone(), v.to_string()));
    }
    (action, fields)
}

async fn post(c: &mut Client, action: &str, fields: &[(String, String)]) -> Resp {
    let body = serde_urlencoded::to_string(fields).unwrap();
    c.request(
        axum::http::Method::POST,
        action,
        Some("application/x-www-form-urlencoded"),
        body,
    )
    .await
}

both!(
    a_resident_answers_the_public_page_anonymously_and_a_refused_sheet_keeps_what_was_typed,
    |t: TestApp| async move {
        let (id, q) = questionnaire(&t, "public").await;
        let page = format!("/surveys/{id}");
        let mut anon = t.client();
        let html = anon.get(&page).await;
        assert_eq!(html.status, StatusCode::OK);
        // the count question says when it is asked
        assert!(
            html.body.contains(&format!("data-when-q=\"q{}\"", q[0])),
            "{}",
            html.body
        );
        assert!(html.body.contains("Csak ha erre"), "{}", html.body);
        // "Igen" without the count it then asks for: refused, the typed text kept
        let (action, fields) = fill(
            &mut anon,
            &page,
            "/surveys/",
            &[
                (format!("q{}", q[0]), "Igen"),
                (format!("q{}", q[4]), "Egy uszoda & játszótér"),
            ],
        )
        .await;
        let r = post(&mut anon, &action, &fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Kötelező mező."), "{}", r.body);
        assert!(r.body.contains("Egy uszoda &amp; játszótér"), "{}", r.body);
        assert!(
            r.body.contains(&format!("href=\"#sheet-q{}\"", q[1])),
            "{}",
            r.body
        );
        // the same sheet with the count (a decimal comma) goes through, once
        let mut fields = fields;
        fields.push((format!("q{}", q[1]), "2,5".into()));
        let r = post(&mut anon, &action, &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), format!("/surveys/{id}/thanks"));
        let again = post(&mut anon, &action, &fields).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        let coord = t.user(COORDINATOR).await;
        let res = surveys::results(&t.app, &coord, ProgrammeId(t.kisber()), id)
            .await
            .unwrap();
        assert_eq!(res.questionnaire.responses, 1, "a resent form is one sheet");
        assert_eq!(res.questions[1].mean, Some(2.5));

        // a signed-in resident answers once, then is told so
        let mut resident = t.signed_in(RESIDENT).await;
        let (action, fields) = fill(
            &mut resident,
            &page,
            "/surveys/",
            &[(format!("q{}", q[0]), "Nem")],
        )
        .await;
        assert_eq!(
            post(&mut resident, &action, &fields).await.status,
            StatusCode::SEE_OTHER
        );
        let html = resident.get(&page).await;
        assert!(html.body.contains("már kitöltötte"), "{}", html.body);
        assert!(form_values(&html.body, "/surveys/").is_none());
    }
);

both!(
    results_page_and_exports_show_the_answers_and_escape_what_was_typed,
    |t: TestApp| async move {
        let (id, q) = questionnaire(&t, "interview").await;
        let p = t.kisber();
        let vol = t.user(VOLUNTEER).await;
        let xss = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        for (i, answer) in ["Igen", "Nem", "Igen"].iter().enumerate() {
            let mut sheet = vec![(q[0], *answer), (q[3], "Könyvtár"), (q[4], xss)];
            if *answer == "Igen" {
                sheet.push((q[1], if i == 0 { "4" } else { "=1+1" }));
            }
            let r = surveys::enter_interview(
                &t.app,
                &vol,
                ProgrammeId(p),
                id,
                &interview(),
                &raw(&sheet),
                None,
            )
            .await
            .unwrap();
            if i == 2 {
                // a formula is not a number
                assert_eq!(
                    r.unwrap_err().answers.for_question(q[1]),
                    Some("err-survey-number")
                );
            } else {
                r.unwrap();
            }
        }
        let mut coord = t.signed_in(COORDINATOR).await;
        let base = format!("/admin/programmes/{p}/surveys/{id}");
        let r = coord.get(&format!("{base}/results")).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("<svg"), "a chart");
        assert!(r.body.contains("<table"), "its table");
        assert!(r.body.contains("50,0 %"), "{}", r.body);
        assert!(
            !r.body.contains("<script>alert"),
            "stored XSS must be escaped"
        );
        assert!(!r.body.contains("<img src=x"), "stored XSS must be escaped");
        assert!(r.body.contains("&lt;script&gt;alert"), "{}", r.body);

        // CSV: BOM, `;`, one row per sheet, one column per question, text not formulas
        let csv = coord.get(&format!("{base}/results.csv")).await;
        assert_eq!(csv.status, StatusCode::OK);
        let text = String::from_utf8(csv.bytes.to_vec()).unwrap();
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(
            lines[0].contains("Részt vett már városi rendezvényen?"),
            "{text}"
        );
        assert!(lines[1].contains(";Igen;4;"), "{text}");

        // XLSX: read back with an independent reader
        let x = coord.get(&format!("{base}/results.xlsx")).await;
        assert_eq!(x.status, StatusCode::OK);
        assert!(x.bytes.starts_with(b"PK"));
        use calamine::{Data, Reader, Xlsx};
        let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(x.bytes.to_vec())).unwrap();
        let range = wb.worksheet_range("Válaszok").unwrap();
        let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0][4],
            Data::String("Részt vett már városi rendezvényen?".into())
        );
        assert_eq!(rows[1][4], Data::String("Igen".into()));
        assert_eq!(rows[1][5], Data::Float(4.0), "numbers are numbers");
        assert_eq!(
            rows[1][8],
            Data::String(xss.into()),
            "text kept as typed, as text"
        );
        assert_eq!(rows[2][2], Data::String("Önkéntes Ödön".into()));

        // another programme's staff: 403; this programme's id with another's survey: 404
        let mut auditor = t.signed_in(AUDITOR).await;
        assert_eq!(
            auditor.get(&format!("{base}/results")).await.status,
            StatusCode::FORBIDDEN
        );
        let k = t.kecskemet();
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let foreign = format!("/admin/programmes/{k}/surveys/{id}/results");
        assert_eq!(admin.get(&foreign).await.status, StatusCode::NOT_FOUND);
        let foreign_q = format!(
            "/admin/programmes/{p}/surveys/{}/questions/{}/edit",
            id.0 + 1000,
            q[0]
        );
        assert_eq!(admin.get(&foreign_q).await.status, StatusCode::NOT_FOUND);
    }
);

both!(
    the_builder_adds_a_conditional_question_and_a_refused_one_keeps_what_was_typed,
    |t: TestApp| async move {
        let (id, q) = questionnaire(&t, "interview").await;
        let p = t.kisber();
        let mut coord = t.signed_in(COORDINATOR).await;
        let page = format!("/admin/programmes/{p}/surveys/{id}");
        let (action, fields) = fill(
            &mut coord,
            &page,
            "/questions",
            &[
                ("kind".into(), "short_text"),
                ("label".into(), "<b>Melyik</b> rendezvényen?"),
                ("condition_question".into(), &q[0].to_string()),
                ("condition_value".into(), "Talán"),
            ],
        )
        .await;
        let r = post(&mut coord, &action, &fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(
            r.body.contains("&lt;b&gt;Melyik&lt;/b&gt; rendezvényen?"),
            "{}",
            r.body
        );
        assert!(r.body.contains("Ez nem válaszlehetősége"), "{}", r.body);
        let mut fields = fields;
        fields.retain(|(k, _)| k != "condition_value");
        fields.push(("condition_value".into(), "Igen".into()));
        let r = post(&mut coord, &action, &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let html = coord.get(&page).await;
        assert!(html
            .body
            .contains("&lt;b&gt;Melyik&lt;/b&gt; rendezvényen?"));
        assert!(!html.body.contains("<b>Melyik</b>"));
        // the volunteer's interview page shows it with its condition
        let mut vol = t.signed_in(VOLUNTEER).await;
        let entry = vol.get(&format!("{page}/interviews/new")).await;
        assert_eq!(entry.status, StatusCode::OK, "{}", entry.body);
        assert!(
            entry.body.contains("data-when-v=\"Igen\""),
            "{}",
            entry.body
        );
        assert_eq!(
            vol.get(&format!("{page}/results")).await.status,
            StatusCode::FORBIDDEN
        );
    }
);

both!(
    an_indicator_counts_surveys_answered_at_once,
    |t: TestApp| async move {
        let p = ProgrammeId(t.kisber());
        let pm = t.user(PM).await;
        let ind = kozos_app::indicators::create(
            &t.app,
            &pm,
            p,
            &kozos_domain::indicator::IndicatorForm {
                code: "KERDOIV".into(),
                name_hu: "Kitöltött kérdőívek".into(),
                source: "surveys_answered".into(),
                target: "100".into(),
                ..Default::default()
            },
            None,
            None,
        )
        .await
        .unwrap();
        let value = async || {
            kozos_app::indicators::dashboard(&t.app, &pm, p, None)
                .await
                .unwrap()
                .lines
                .into_iter()
                .find(|l| l.indicator.id == ind)
                .unwrap()
                .to_date
        };
        // the demo's 32 interviews and 12 survey answers are counted from the start
        let before = value().await;
        assert_eq!(before, 44);
        let (id, q) = questionnaire(&t, "public").await;
        surveys::answer_public(&t.app, None, id, &raw(&[(q[0], "Nem")]), Some("i-1"))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            value().await,
            before + 1,
            "counted in the writing transaction"
        );
    }
);
