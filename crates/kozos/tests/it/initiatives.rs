//! Initiatives as residents, visitors, coordinators and moderators meet them: proposing
//! (signed in, or by a visitor confirming by mail through the real outbox), one support
//! per person, comments and reports, stage moves with their reasons and workshops,
//! support given and outcomes, moderation, and what a resident may not touch.

use crate::both;
use crate::harness::*;
use kozos_app::initiatives::{manage, moderation, residents as act};
use kozos_app::residents::{Acted, Acting};
use kozos_app::AppError;
use kozos_domain::initiative::*;
use kozos_domain::{ActivityId, InitiativeId, ProgrammeId};

pub const RESIDENT: &str = "lakos@demo.kozos.hu";
pub const COORD: &str = "koordinator@demo.kozos.hu";

pub fn proposal(title: &str) -> InitiativeForm {
    InitiativeForm {
        title: title.into(),
        summary: "A régi iskolakertben közösségi kertet alakítanánk ki, ahol a gyerekek és az idősek együtt dolgoznak.".into(),
    }
}

/// A proposal by the demo resident in Kisbér.
pub async fn proposed(t: &TestApp, title: &str) -> InitiativeId {
    let lakos = t.user(RESIDENT).await;
    match act::propose(
        &t.app,
        ProgrammeId(t.kisber()),
        Acting::User(&lakos),
        &proposal(title),
        None,
        "hu",
    )
    .await
    .unwrap()
    {
        Acted::Done(id) => id,
        Acted::MailSent => panic!("a signed-in resident acts at once"),
    }
}

pub async fn activity_of(t: &TestApp, programme: i64) -> ActivityId {
    ActivityId(
        sqlx::query_scalar::<_, i64>("SELECT MIN(id) FROM activities WHERE programme_id = $1")
            .bind(programme)
            .fetch_one(&t.app.db.pool)
            .await
            .unwrap(),
    )
}

fn key(e: AppError, field: &str) -> &'static str {
    match e {
        AppError::Invalid(f) => f
            .for_field(field)
            .unwrap_or_else(|| panic!("no error on {field}: {f:?}")),
        other => panic!("expected a refused form, got {other:?}"),
    }
}

pub fn mv(to: &str, reason: &str, activity: Option<ActivityId>) -> MoveForm {
    MoveForm {
        to: to.into(),
        reason: reason.into(),
        activity_id: activity.map(|a| a.0.to_string()).unwrap_or_default(),
    }
}

pub async fn current(t: &TestApp, id: InitiativeId) -> Initiative {
    let coord = t.user(COORD).await;
    manage::get(&t.app, &coord, ProgrammeId(t.kisber()), id)
        .await
        .unwrap()
}

both!(
    stages_move_by_the_rules_and_keep_who_when_and_where,
    |t: TestApp| async move {
        let p = ProgrammeId(t.kisber());
        let coord = t.user(COORD).await;
        let id = proposed(&t, "Közösségi kert a régi iskolakertben").await;
        let workshop = activity_of(&t, t.kisber()).await;
        let elsewhere = activity_of(&t, t.kecskemet()).await;

        // Skipping stages without a reason is refused and writes nothing.
        let v = current(&t, id).await.version;
        let e = manage::move_stage(&t.app, &coord, p, id, &mv("selected", "", None), v)
            .await
            .unwrap_err();
        assert_eq!(key(e, "reason"), "err-initiative-skip-reason");
        // A workshop of another programme is refused.
        let e = manage::move_stage(
            &t.app,
            &coord,
            p,
            id,
            &mv("explored", "", Some(elsewhere)),
            v,
        )
        .await
        .unwrap_err();
        assert_eq!(key(e, "activity_id"), "err-choice");
        let i = current(&t, id).await;
        assert_eq!((i.stage, i.version), (Stage::Proposed, v));

        // One step needs no reason; the move keeps the workshop and who moved it.
        manage::move_stage(
            &t.app,
            &coord,
            p,
            id,
            &mv("explored", "", Some(workshop)),
            v,
        )
        .await
        .unwrap();
        // The form opened before that move is stale now.
        let e = manage::move_stage(&t.app, &coord, p, id, &mv("analysed", "", None), v)
            .await
            .unwrap_err();
        assert!(matches!(e, AppError::Conflict), "{e:?}");
        let v = current(&t, id).await.version;
        let e = manage::move_stage(&t.app, &coord, p, id, &mv("set_aside", " ", None), v)
            .await
            .unwrap_err();
        assert_eq!(key(e, "reason"), "err-initiative-set-aside-reason");
        manage::move_stage(
            &t.app,
            &coord,
            p,
            id,
            &mv("set_aside", "A telek nem szabad 2027-ig.", None),
            v,
        )
        .await
        .unwrap();
        let page = kozos_app::initiatives::page(&t.app, None, p, id)
            .await
            .unwrap();
        assert_eq!(page.initiative.stage, Stage::SetAside);
        assert_eq!(page.moves.len(), 2);
        assert_eq!(
            (page.moves[0].from, page.moves[0].to),
            (Stage::Proposed, Stage::Explored)
        );
        assert_eq!(page.moves[0].activity, Some(workshop));
        assert_eq!(
            page.moves[0].moved_by_name.as_deref(),
            Some("Koordinátor Kata")
        );
        assert_eq!(
            page.moves[1].reason.as_deref(),
            Some("A telek nem szabad 2027-ig.")
        );

        // A resident or a coordinator of another programme may not move it.
        let lakos = t.user(RESIDENT).await;
        let v = current(&t, id).await.version;
        let e = manage::move_stage(&t.app, &lakos, p, id, &mv("proposed", "újra", None), v)
            .await
            .unwrap_err();
        assert!(matches!(e, AppError::Forbidden), "{e:?}");
        let e = manage::move_stage(
            &t.app,
            &coord,
            ProgrammeId(t.kecskemet()),
            id,
            &mv("proposed", "újra", None),
            v,
        )
        .await
        .unwrap_err();
        assert!(
            matches!(e, AppError::Forbidden | AppError::NotFound),
            "{e:?}"
        );
    }
);

both!(
    one_support_per_person_and_a_duplicate_says_so,
    |t: TestApp| async move {
        let p = ProgrammeId(t.kisber());
        let id = proposed(&t, "Hántai buszmegálló felújítása").await;
        let lakos = t.user(RESIDENT).await;
        let coord = t.user(COORD).await;
        assert_eq!(
            act::support(&t.app, p, id, Acting::User(&lakos), "hu")
                .await
                .unwrap(),
            Acted::Done(())
        );
        let e = act::support(&t.app, p, id, Acting::User(&lakos), "hu")
            .await
            .unwrap_err();
        assert_eq!(key(e, "form"), "err-initiative-already-supported");
        act::support(&t.app, p, id, Acting::User(&coord), "hu")
            .await
            .unwrap();
        assert_eq!(current(&t, id).await.supports, 2);
        assert!(act::withdraw(&t.app, &lakos, p, id).await.unwrap());
        assert!(!act::withdraw(&t.app, &lakos, p, id).await.unwrap());
        assert_eq!(current(&t, id).await.supports, 1);
        // Another programme's URL does not reach it.
        let e = act::support(
            &t.app,
            ProgrammeId(t.kecskemet()),
            id,
            Acting::User(&lakos),
            "hu",
        )
        .await
        .unwrap_err();
        assert!(matches!(e, AppError::NotFound), "{e:?}");
    }
);

both!(
    markup_in_residents_text_is_refused_with_a_message,
    |t: TestApp| async move {
        let p = ProgrammeId(t.kisber());
        let lakos = t.user(RESIDENT).await;
        let e = act::propose(
            &t.app,
            p,
            Acting::User(&lakos),
            &proposal("<script>alert(1)</script>"),
            None,
            "hu",
        )
        .await
        .unwrap_err();
        assert_eq!(key(e, "title"), "err-text-markup");
        let id = proposed(&t, "Padok a főtérre").await;
        let e = act::comment(
            &t.app,
            p,
            id,
            Acting::User(&lakos),
            &CommentForm {
                body: "<img src=x onerror=alert(1)>".into(),
            },
            None,
            "hu",
        )
        .await
        .unwrap_err();
        assert_eq!(key(e, "body"), "err-text-markup");
    }
);

both!(residents_change_only_their_own, |t: TestApp| async move {
    let p = ProgrammeId(t.kisber());
    let lakos = t.user(RESIDENT).await;
    let other = t.user("onkentes@demo.kozos.hu").await;
    let id = proposed(&t, "Kerékpártároló az iskolánál").await;
    let v = current(&t, id).await.version;
    let changed = proposal("Kerékpártároló és pumpa az iskolánál");
    let e = act::edit(&t.app, &other, p, id, &changed, v)
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::Forbidden), "{e:?}");
    assert!(matches!(
        act::delete(&t.app, &other, p, id).await.unwrap_err(),
        AppError::Forbidden
    ));
    act::edit(&t.app, &lakos, p, id, &changed, v).await.unwrap();
    assert_eq!(
        current(&t, id).await.title,
        "Kerékpártároló és pumpa az iskolánál"
    );
    // Once it has moved on, the proposer no longer edits it.
    let coord = t.user(COORD).await;
    let v = current(&t, id).await.version;
    manage::move_stage(&t.app, &coord, p, id, &mv("explored", "", None), v)
        .await
        .unwrap();
    let v = current(&t, id).await.version;
    assert!(matches!(
        act::edit(&t.app, &lakos, p, id, &proposal("Más"), v)
            .await
            .unwrap_err(),
        AppError::Forbidden
    ));

    let c = match act::comment(
        &t.app,
        p,
        id,
        Acting::User(&lakos),
        &CommentForm {
            body: "Jó ötlet!".into(),
        },
        None,
        "hu",
    )
    .await
    .unwrap()
    {
        Acted::Done(c) => c,
        Acted::MailSent => unreachable!(),
    };
    let form = CommentForm {
        body: "Átírva".into(),
    };
    let e = act::edit_comment(&t.app, &other, p, id, c, &form, 1)
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::Forbidden), "{e:?}");
    assert!(matches!(
        act::delete_comment(&t.app, &other, p, id, c)
            .await
            .unwrap_err(),
        AppError::Forbidden
    ));
    act::edit_comment(&t.app, &lakos, p, id, c, &form, 1)
        .await
        .unwrap();
    act::delete_comment(&t.app, &lakos, p, id, c).await.unwrap();
});

both!(moderators_hide_restore_and_block, |t: TestApp| async move {
    let p = ProgrammeId(t.kisber());
    let lakos = t.user(RESIDENT).await;
    let coord = t.user(COORD).await;
    let other = t.user("onkentes@demo.kozos.hu").await;
    let id = proposed(&t, "Közösségi hűtő a piacon").await;
    let Acted::Done(c) = act::comment(
        &t.app,
        p,
        id,
        Acting::User(&lakos),
        &CommentForm {
            body: "Csúnya szavak".into(),
        },
        None,
        "hu",
    )
    .await
    .unwrap() else {
        unreachable!()
    };
    act::report(&t.app, p, id, c, Acting::User(&other), "hu")
        .await
        .unwrap();
    let e = act::report(&t.app, p, id, c, Acting::User(&other), "hu")
        .await
        .unwrap_err();
    assert_eq!(key(e, "form"), "err-comment-already-reported");
    let q = moderation::queue(&t.app, &coord, p).await.unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!((q[0].comment.id, q[0].comment.reports), (c, 1));
    assert!(matches!(
        moderation::queue(&t.app, &lakos, p).await.unwrap_err(),
        AppError::Forbidden
    ));

    let e = moderation::set_hidden(&t.app, &coord, p, c, Some("  "))
        .await
        .unwrap_err();
    assert_eq!(key(e, "reason"), "err-required");
    moderation::set_hidden(&t.app, &coord, p, c, Some("Sértő kifejezés"))
        .await
        .unwrap();
    let page = kozos_app::initiatives::page(&t.app, None, p, id)
        .await
        .unwrap();
    assert_eq!(
        page.comments[0].hidden_reason.as_deref(),
        Some("Sértő kifejezés")
    );
    assert!(
        moderation::queue(&t.app, &coord, p)
            .await
            .unwrap()
            .is_empty(),
        "a decision resolves the reports"
    );
    moderation::set_hidden(&t.app, &coord, p, c, None)
        .await
        .unwrap();
    let page = kozos_app::initiatives::page(&t.app, None, p, id)
        .await
        .unwrap();
    assert_eq!(page.comments[0].hidden_reason, None);

    // Blocked: no more proposals or comments.
    moderation::set_blocked(
        &t.app,
        &coord,
        p,
        page.comments[0].author,
        Some("Ismételt sértegetés"),
    )
    .await
    .unwrap();
    let e = act::propose(
        &t.app,
        p,
        Acting::User(&lakos),
        &proposal("Még egy"),
        None,
        "hu",
    )
    .await
    .unwrap_err();
    assert_eq!(key(e, "form"), "err-resident-blocked");
    let e = act::comment(
        &t.app,
        p,
        id,
        Acting::User(&lakos),
        &CommentForm {
            body: "Újra".into(),
        },
        None,
        "hu",
    )
    .await
    .unwrap_err();
    assert_eq!(key(e, "form"), "err-resident-blocked");
});

both!(
    support_given_and_outcome_are_recorded,
    |t: TestApp| async move {
        let p = ProgrammeId(t.kisber());
        let coord = t.user(COORD).await;
        let id = proposed(&t, "Kisbéri Ifjúsági Egyesület").await;
        let form = AssistanceForm {
            kind: "mentoring".into(),
            given_on: "2026-11-10".into(),
            amount: "5000".into(),
            given_by: "Fejlesztő Ferenc".into(),
            ..Default::default()
        };
        let e = manage::add_assistance(&t.app, &coord, p, id, &form, None)
            .await
            .unwrap_err();
        assert_eq!(key(e, "amount"), "err-initiative-amount-money-only");
        let money = AssistanceForm {
            kind: "money".into(),
            amount: "150 000 Ft".into(),
            ..form.clone()
        };
        manage::add_assistance(&t.app, &coord, p, id, &money, Some("k1"))
            .await
            .unwrap();
        manage::add_assistance(&t.app, &coord, p, id, &money, Some("k1"))
            .await
            .unwrap();
        assert_eq!(
            current(&t, id).await.assistance,
            1,
            "the one-time key made one record"
        );

        let v = current(&t, id).await.version;
        let e = manage::set_outcome(
            &t.app,
            &coord,
            p,
            id,
            &OutcomeForm {
                outcome: "ngo_founded".into(),
                name: "".into(),
            },
            v,
        )
        .await
        .unwrap_err();
        assert_eq!(key(e, "name"), "err-required");
        let ngo = OutcomeForm {
            outcome: "ngo_founded".into(),
            name: "Kisbéri Ifjúsági Egyesület".into(),
        };
        manage::set_outcome(&t.app, &coord, p, id, &ngo, v)
            .await
            .unwrap();
        let i = current(&t, id).await;
        assert_eq!(i.outcome, Outcome::NgoFounded);
        let org = kozos_db::organisations::get(
            &t.app.db,
            i.outcome_organisation.expect("an organisation"),
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(org.name, "Kisbéri Ifjúsági Egyesület");
    }
);
