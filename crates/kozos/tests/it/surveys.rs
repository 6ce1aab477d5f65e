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
