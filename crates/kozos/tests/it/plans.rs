//! The local action plan: needs raised by findings → goals → actions → the programme's
//! activities; progress from the activities held; versions, publishing, the public page
//! and the Hungarian PDF.

use crate::both;
use crate::harness::*;
use crate::surveys::{questionnaire, COORDINATOR, PM, RESIDENT};
use axum::http::StatusCode;
use kozos_app::records::{self, Record};
use kozos_app::{plans, AppError};
use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::plan::*;
use kozos_domain::{ActivityId, PlanActionId, PlanId, ProgrammeId};

async fn activity(t: &TestApp, programme: ProgrammeId, title: &str, day: &str) -> ActivityId {
    let admin = t.user("admin@demo.kozos.hu").await;
    records::create::<Activity>(
        &t.app,
        &admin,
        programme,
        programme,
        &ActivityForm {
            title: title.into(),
            kind: "community_conversation".into(),
            starts_at: format!("{day}T17:00"),
            ends_at: format!("{day}T19:00"),
            settlement: "Kisbér".into(),
            public: "1".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap()
}

/// Kisbér's plan: one need (raised by a survey question) → one goal → an action carried
/// out by a held and a coming activity, and a done action. Returns the plan and the
/// action with activities.
pub async fn kisber_plan(t: &TestApp, published: bool) -> (PlanId, PlanActionId) {
    let coord = t.user(COORDINATOR).await;
    let p = ProgrammeId(t.kisber());
    let (_, q) = questionnaire(t, "interview").await;
    let plan = records::create::<Plan>(
        &t.app,
        &coord,
        p,
        p,
        &PlanForm {
            title: "Kisbér helyi cselekvési terve".into(),
            kind: "local_action_plan".into(),
            status: "adopted".into(),
            adopted_on: "2019-03-28".into(),
            published: if published { "1".into() } else { String::new() },
        },
        None,
    )
    .await
    .unwrap();
    let need = records::create::<Need>(
        &t.app,
        &coord,
        p,
        plan,
        &NeedForm {
            title: "Kevés a közösségi alkalom a fiataloknak".into(),
            description: "Az interjúk szerint a fiatalok nem találnak programot.".into(),
            finding: q[4].to_string(),
        },
        None,
    )
    .await
    .unwrap();
    let goal = records::create::<Goal>(
        &t.app,
        &coord,
        p,
        need,
        &GoalForm {
            title: "Rendszeres ifjúsági programok".into(),
        },
        None,
    )
    .await
    .unwrap();
    let held = activity(t, p, "Filmklub – első vetítés", "2019-05-10").await;
    let coming = activity(t, p, "Filmklub – téli vetítés", "2026-12-10").await;
    let action = records::create::<PlanAction>(
        &t.app,
        &coord,
        p,
        goal,
        &ActionForm {
            title: "Filmklub indítása".into(),
            owner: "Kisbéri Művelődési Ház".into(),
            due_on: "2019-12-31".into(),
            status: "in_progress".into(),
            budget_line: "Rendezvények".into(),
            activities: vec![held.to_string(), coming.to_string()],
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    records::create::<PlanAction>(
        &t.app,
        &coord,
        p,
        goal,
        &ActionForm {
            title: "Ifjúsági kerekasztal".into(),
            owner: "Koordinátor".into(),
            status: "done".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    (plan, action)
}

both!(
    progress_of_an_action_and_its_goal_follows_the_activities,
    |t: TestApp| async move {
        let (plan, action) = kisber_plan(&t, false).await;
        let p = ProgrammeId(t.kisber());
        let coord = t.user(COORDINATOR).await;
        let read = plans::get(&t.app, &coord, p, plan).await.unwrap();
        let goal = &read.needs[0].goals[0];
        let a = goal.actions.iter().find(|a| a.id == action).unwrap();
        assert_eq!(a.activities.len(), 2);
        assert_eq!(action_progress(a), Some(50), "one of two held");
        assert_eq!(goal_progress(goal), Some(75), "with a done action");
        assert!(read.needs[0]
            .finding
            .as_ref()
            .unwrap()
            .1
            .contains("Mi hiányzik"));

        // the page shows it
        let mut c = t.signed_in(COORDINATOR).await;
        let page = c
            .get(&format!("/admin/programmes/{}/plans/{plan}", p))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("value=\"50\""), "{}", page.body);
        assert!(page.body.contains("value=\"75\""), "{}", page.body);

        // another programme's activity cannot be linked
        let k = ProgrammeId(t.kecskemet());
        let foreign = activity(&t, k, "Kecskeméti családi nap", "2019-06-01").await;
        let admin = t.user("admin@demo.kozos.hu").await;
        let mut f = records::get::<PlanAction>(&t.app, &admin, p, action)
            .await
            .unwrap()
            .to_form();
        f.activities.push(foreign.to_string());
        let e = records::update::<PlanAction>(&t.app, &admin, p, action, &f, None).await;
        assert!(
            matches!(e, Err(AppError::Invalid(e)) if e.for_field("activities") == Some("err-choice"))
        );
        // nor is another programme's plan reachable through this one's id
        assert!(matches!(
            plans::get(&t.app, &admin, k, plan).await,
            Err(AppError::NotFound)
        ));
    }
);

both!(
    a_published_plan_is_public_a_draft_is_not_found,
    |t: TestApp| async move {
        let (plan, _) = kisber_plan(&t, false).await;
        let p = t.kisber();
        let mut anon = t.client();
        let url = format!("/programmes/{p}/plans/{plan}");
        assert_eq!(anon.get(&url).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            anon.get(&format!("{url}/plan.pdf")).await.status,
            StatusCode::NOT_FOUND
        );
        let coord = t.user(COORDINATOR).await;
        let pid = ProgrammeId(p);
        let mut f = records::get::<Plan>(&t.app, &coord, pid, plan)
            .await
            .unwrap()
            .to_form();
        f.published = "1".into();
        records::update::<Plan>(&t.app, &coord, pid, plan, &f, None)
            .await
            .unwrap();
        let page = anon.get(&url).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Filmklub indítása"), "{}", page.body);
        assert!(
            !page.body.contains("/edit"),
            "no back-office links in public"
        );
        // the resident and the auditor of another programme read no back-office plan
        let mut resident = t.signed_in(RESIDENT).await;
        assert_eq!(
            resident
                .get(&format!("/admin/programmes/{p}/plans/{plan}"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );

        // the PDF, as pdftotext reads it, in Hungarian
        let pdf = anon.get(&format!("{url}/plan.pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert!(pdf.bytes.starts_with(b"%PDF"));
        let text = crate::evidence::pdftotext(&pdf.bytes);
        assert!(text.contains("Kisbér helyi cselekvési terve"), "{text}");
        assert!(
            text.contains("1. szükséglet: Kevés a közösségi alkalom a fiataloknak"),
            "{text}"
        );
        assert!(text.contains("Filmklub indítása"), "{text}");
        assert!(text.contains("Folyamatban"), "{text}");
        assert!(text.contains("Elfogadva"), "{text}");
    }
);

both!(
    renewing_copies_the_plan_and_adopting_the_copy_marks_the_old_renewed,
    |t: TestApp| async move {
        let (plan, _) = kisber_plan(&t, true).await;
        let p = ProgrammeId(t.kisber());
        let pm = t.user(PM).await;
        let new = plans::renew(&t.app, &pm, p, plan, Some("r1"))
            .await
            .unwrap();
        assert_eq!(
            plans::renew(&t.app, &pm, p, plan, Some("r1"))
                .await
                .unwrap(),
            new,
            "one copy per form"
        );
        let copy = plans::get(&t.app, &pm, p, new).await.unwrap();
        assert_eq!(copy.status, PlanStatus::Draft);
        assert!(!copy.published);
        assert_eq!(copy.previous_id, Some(plan));
        assert_eq!(copy.needs[0].goals[0].actions.len(), 2);
        assert_eq!(copy.needs[0].goals[0].actions[0].activities.len(), 2);
        let mut f = copy.to_form();
        f.title = "Kisbér helyi esélyegyenlőségi programja (megújított)".into();
        f.status = "adopted".into();
        f.adopted_on = "2021-06-30".into();
        records::update::<Plan>(&t.app, &pm, p, new, &f, None)
            .await
            .unwrap();
        let old = plans::get(&t.app, &pm, p, plan).await.unwrap();
        assert_eq!(old.status, PlanStatus::Renewed);
        let ids: Vec<PlanId> = plans::list(&t.app, &pm, p)
            .await
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect();
        assert!(
            ids.contains(&plan) && ids.contains(&new),
            "both versions stay readable"
        );
        // XSS in a title is shown escaped
        let mut f = plans::get(&t.app, &pm, p, new).await.unwrap().to_form();
        f.title = "<script>alert(1)</script>".into();
        f.published = "1".into();
        records::update::<Plan>(&t.app, &pm, p, new, &f, None)
            .await
            .unwrap();
        let page = t
            .client()
            .get(&format!("/programmes/{}/plans/{new}", p))
            .await;
        assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.body.contains("<script>alert(1)"));
    }
);

/// For the role × route table: a plan of `programme` with a need, a goal and an action
/// (published unless `draft`).
pub async fn role_fixture(
    t: &TestApp,
    programme: ProgrammeId,
    draft: bool,
) -> (i64, i64, i64, i64) {
    let admin = t.user("admin@demo.kozos.hu").await;
    let p = programme;
    let plan = records::create::<Plan>(
        &t.app,
        &admin,
        p,
        p,
        &PlanForm {
            title: "Próbaterv".into(),
            kind: "local_action_plan".into(),
            status: "adopted".into(),
            adopted_on: "2019-03-28".into(),
            published: if draft { String::new() } else { "1".into() },
        },
        None,
    )
    .await
    .unwrap();
    let need = records::create::<Need>(
        &t.app,
        &admin,
        p,
        plan,
        &NeedForm {
            title: "Szükséglet".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    let goal = records::create::<Goal>(
        &t.app,
        &admin,
        p,
        need,
        &GoalForm {
            title: "Cél".into(),
        },
        None,
    )
    .await
    .unwrap();
    let action = records::create::<PlanAction>(
        &t.app,
        &admin,
        p,
        goal,
        &ActionForm {
            title: "Intézkedés".into(),
            owner: "Koordinátor".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    (plan.0, need.0, goal.0, action.0)
}

both!(
    the_demo_has_kisbers_interviews_survey_and_plans,
    |t: TestApp| async move {
        let p = ProgrammeId(t.kisber());
        let coord = t.user(COORDINATOR).await;
        let list = kozos_app::surveys::list(&t.app, &coord, p).await.unwrap();
        let interviews = list
            .iter()
            .find(|q| q.mode == kozos_domain::survey::SurveyMode::Interview)
            .unwrap();
        assert_eq!(interviews.responses, 32);
        let res = kozos_app::surveys::results(&t.app, &coord, p, interviews.id)
            .await
            .unwrap();
        assert_eq!(res.questions[0].answered, 32);
        let plans = plans::list(&t.app, &coord, p).await.unwrap();
        let local = plans
            .iter()
            .find(|x| x.kind == PlanKind::LocalActionPlan)
            .unwrap();
        let local = plans::get(&t.app, &coord, p, local.id).await.unwrap();
        let linked: usize = local
            .needs
            .iter()
            .flat_map(|n| &n.goals)
            .flat_map(|g| &g.actions)
            .map(|a| a.activities.len())
            .sum();
        assert!(
            linked > 5,
            "actions carried by the demo's activities: {linked}"
        );
        let eop: Vec<_> = plans
            .iter()
            .filter(|x| x.kind == PlanKind::EqualOpportunity)
            .collect();
        assert_eq!(eop.len(), 2);
        assert!(eop.iter().any(|x| x.status == PlanStatus::Renewed));
        assert!(eop
            .iter()
            .any(|x| x.previous_id.is_some() && x.status == PlanStatus::Adopted));
    }
);

both!(
    situation_pictures_keep_every_version_and_one_baseline,
    |t: TestApp| async move {
        let p = ProgrammeId(t.kisber());
        let coord = t.user(COORDINATOR).await;
        let (q, _) = questionnaire(&t, "interview").await;
        let form = |title: &str, day: &str, baseline: bool| PictureForm {
            title: title.into(),
            as_of: day.into(),
            needs: "<script>alert(1)</script> Kevés a közös program.".into(),
            resources: "Wass Albert Művelődési Központ".into(),
            sources: vec![q.to_string()],
            baseline: if baseline { "1".into() } else { String::new() },
            ..Default::default()
        };
        let first = records::create::<SituationPicture>(
            &t.app,
            &coord,
            p,
            p,
            &form("Kisbér helyzetképe", "2018-11-30", true),
            None,
        )
        .await
        .unwrap();
        let second = records::create::<SituationPicture>(
            &t.app,
            &coord,
            p,
            p,
            &form("Kisbér helyzetképe", "2021-11-30", false),
            None,
        )
        .await
        .unwrap();
        let mine = async || -> Vec<SituationPicture> {
            plans::pictures(&t.app, &coord, p, None)
                .await
                .unwrap()
                .into_iter()
                .filter(|x| x.id == first || x.id == second)
                .collect()
        };
        let all = mine().await;
        assert_eq!(all.len(), 2, "both versions kept");
        assert_eq!(all[0].id, second, "newest first");
        assert!(all.iter().find(|x| x.id == first).unwrap().baseline);
        assert_eq!(all[0].sources.len(), 1);
        // marking the newer one the baseline unmarks the older (and the demo's)
        let mut f = all[0].to_form();
        f.baseline = "1".into();
        records::update::<SituationPicture>(&t.app, &coord, p, second, &f, None)
            .await
            .unwrap();
        let every = plans::pictures(&t.app, &coord, p, None).await.unwrap();
        let baselines: Vec<_> = every.iter().filter(|x| x.baseline).map(|x| x.id).collect();
        assert_eq!(baselines, vec![second]);
        // another programme's questionnaire cannot be a source
        let k = ProgrammeId(t.kecskemet());
        let admin = t.user("admin@demo.kozos.hu").await;
        let e = records::create::<SituationPicture>(
            &t.app,
            &admin,
            k,
            k,
            &form("Kecskemét", "2019-04-01", false),
            None,
        )
        .await;
        assert!(
            matches!(e, Err(AppError::Invalid(e)) if e.for_field("sources") == Some("err-choice"))
        );
        // the page escapes what was typed; the auditor of Kecskemét does not read it
        let mut c = t.signed_in(COORDINATOR).await;
        let page = c
            .get(&format!("/admin/programmes/{}/situation/{first}", p))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        let new = c
            .get(&format!("/admin/programmes/{}/situation?from={first}", p))
            .await;
        assert!(
            new.body
                .contains("Wass Albert Művelődési Központ</textarea>"),
            "a new version starts from the old"
        );
        let mut auditor = t.signed_in(crate::surveys::AUDITOR).await;
        assert_eq!(
            auditor
                .get(&format!("/admin/programmes/{}/situation/{first}", p))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            c.get(&format!("/admin/programmes/{}/situation/{first}", k))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
);

/// For the role × route table: a situation picture of `programme`.
pub async fn picture_fixture(t: &TestApp, programme: ProgrammeId) -> i64 {
    let admin = t.user("admin@demo.kozos.hu").await;
    records::create::<SituationPicture>(
        &t.app,
        &admin,
        programme,
        programme,
        &PictureForm {
            title: "Próba helyzetkép".into(),
            as_of: "2018-11-30".into(),
            needs: "Közös programok".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap()
    .0
}

both!(
    saving_a_part_of_a_plan_returns_to_that_plan,
    |t: TestApp| async move {
        let p = t.kisber();
        let (plan, action) = kisber_plan(&t, false).await;
        let coord_user = t.user(COORDINATOR).await;
        let stored = plans::get(&t.app, &coord_user, ProgrammeId(p), plan)
            .await
            .unwrap();
        let goal = stored.needs[0].goals[0].id;
        let here = format!("/admin/programmes/{p}/plans/{plan}");
        let mut coord = t.signed_in(COORDINATOR).await;
        let added = coord
            .post_form(
                &format!("/admin/programmes/{p}/goals/{goal}/actions"),
                &[
                    ("title", "Nyári tábor"),
                    ("owner", "Ifjúsági klub"),
                    ("status", "planned"),
                ],
            )
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.text());
        assert_eq!(
            added.location(),
            here,
            "an added action leads back to its plan"
        );
        let edited = coord
            .post_form(
                &format!("/admin/programmes/{p}/goals/{goal}/edit"),
                &[("title", "Rendszeres ifjúsági programok és tábor")],
            )
            .await;
        assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.text());
        assert_eq!(edited.location(), here, "so does a saved goal");
        let deleted = coord
            .post_form(
                &format!("/admin/programmes/{p}/plan-actions/{action}/delete"),
                &[],
            )
            .await;
        assert_eq!(deleted.status, StatusCode::SEE_OTHER);
        assert_eq!(deleted.location(), here, "and a deleted action");
        let page = coord.get(&here).await.text();
        assert!(page.contains("Nyári tábor") && !page.contains(">Filmklub indítása<"));
    }
);
