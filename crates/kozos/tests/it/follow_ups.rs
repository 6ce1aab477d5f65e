//! A memo's follow-ups taken into the action plan, as a coordinator does it: each goes
//! under a chosen goal once, keeps who and by when, shows where it went, survives the
//! plan's renewal; a stale or foreign submission is refused and nothing is made.

use crate::both;
use crate::harness::*;
use crate::plans::kisber_plan;
use crate::surveys::{COORDINATOR, RESIDENT};
use axum::http::StatusCode;
use kozos_app::records;
use kozos_domain::activity::{Activity, ActivityForm};
use kozos_domain::community::memo::{Memo, MemoForm};
use kozos_domain::{MemoId, PlanId, ProgrammeId};

async fn memo_with_follow_ups(t: &TestApp) -> MemoId {
    let coord = t.user(COORDINATOR).await;
    let p = ProgrammeId(t.kisber());
    let a = records::create::<Activity>(
        &t.app,
        &coord,
        p,
        p,
        &ActivityForm {
            title: "Fórum a piactérről".into(),
            kind: "participatory_forum".into(),
            starts_at: "2026-11-10T17:00".into(),
            ends_at: "2026-11-10T19:00".into(),
            settlement: "Kisbér".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    records::create::<Memo>(
        &t.app,
        &coord,
        p,
        a,
        &MemoForm {
            title: "Emlékeztető – piactér".into(),
            moderator: "Kovács Anna".into(),
            body: "A piactér árnyékot kér.".into(),
            follow_ups: "Fásítási terv a piactérre; Tóth Péter; 2027. 03. 15.\nPadok kérése az önkormányzattól".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap()
}

async fn action_count(t: &TestApp, plan: PlanId) -> usize {
    let coord = t.user(COORDINATOR).await;
    kozos_app::plans::get(&t.app, &coord, ProgrammeId(t.kisber()), plan)
        .await
        .unwrap()
        .needs
        .iter()
        .flat_map(|n| &n.goals)
        .map(|g| g.actions.len())
        .sum()
}

/// The goal option's value on the follow-ups page, by the goal's title.
fn goal_option(html: &str, goal: &str) -> String {
    let at = html
        .find(&format!("› {goal}</option>"))
        .expect("the goal is offered");
    let open = html[..at].rfind("<option value=\"").unwrap() + "<option value=\"".len();
    html[open..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

both!(
    a_follow_up_becomes_a_plan_action_once,
    |t: TestApp| async move {
        let p = t.kisber();
        let memo = memo_with_follow_ups(&t).await;
        let (plan, _) = kisber_plan(&t, false).await;
        let mut coord = t.signed_in(COORDINATOR).await;
        let page_url = format!("/admin/programmes/{p}/memos/{memo}/follow-ups");

        // The memo board says how many follow-ups are in a plan.
        let board = coord
            .get(&format!("/admin/programmes/{p}/memos"))
            .await
            .text();
        assert!(
            board.contains("Teendők a tervbe (0 / 2 bekerült)"),
            "{board}"
        );

        let page = coord.get(&page_url).await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.text();
        assert!(html.contains("Fásítási terv a piactérre") && html.contains("Padok kérése"));
        let goal = goal_option(&html, "Rendszeres ifjúsági programok");

        let take =
            |task: &'static str, goal: String| vec![("task", task.to_string()), ("goal", goal)];
        let fields = take("Fásítási terv a piactérre", goal.clone());
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = coord.post_form(&page_url, &refs).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        assert_eq!(r.location(), page_url);
        // A double click: still one action.
        let again = coord.post_form(&page_url, &refs).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);

        let plan_page = coord
            .get(&format!("/admin/programmes/{p}/plans/{plan}"))
            .await
            .text();
        assert_eq!(
            plan_page
                .matches("<th scope=\"row\">Fásítási terv a piactérre")
                .count(),
            1,
            "{plan_page}"
        );
        assert!(plan_page.contains("Tóth Péter"), "the owner comes along");
        assert!(plan_page.contains("2027. 03. 15."), "and the due date");
        assert!(
            plan_page.contains(&format!("/memos/{memo}/follow-ups")),
            "the action links its memo"
        );

        // Without an owner, the meeting's moderator carries it until the plan names someone.
        let fields = take("Padok kérése az önkormányzattól", goal.clone());
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            coord.post_form(&page_url, &refs).await.status,
            StatusCode::SEE_OTHER
        );
        let plan = kozos_app::plans::get(&t.app, &t.user(COORDINATOR).await, ProgrammeId(p), plan)
            .await
            .unwrap();
        let benches = plan
            .needs
            .iter()
            .flat_map(|n| &n.goals)
            .flat_map(|g| &g.actions)
            .find(|a| a.title == "Padok kérése az önkormányzattól")
            .expect("the second follow-up is an action");
        assert_eq!(benches.owner, "Kovács Anna");

        let html = coord.get(&page_url).await.text();
        assert_eq!(html.matches("A tervben:").count(), 2, "{html}");
        assert!(html.contains("Kisbér helyi cselekvési terve</a> › Rendszeres ifjúsági programok"));
        let board = coord
            .get(&format!("/admin/programmes/{p}/memos"))
            .await
            .text();
        assert!(
            board.contains("Teendők a tervbe (2 / 2 bekerült)"),
            "{board}"
        );

        // Renewing the plan keeps where its actions came from.
        let renewed = kozos_app::plans::renew(
            &t.app,
            &t.user(COORDINATOR).await,
            ProgrammeId(p),
            plan.id,
            None,
        )
        .await
        .unwrap();
        assert_ne!(renewed, plan.id);
        let html = coord.get(&page_url).await.text();
        assert_eq!(
            html.matches("A tervben:").count(),
            4,
            "both versions hold both: {html}"
        );
    }
);

both!(
    stale_foreign_and_unchosen_follow_ups_make_nothing,
    |t: TestApp| async move {
        let p = t.kisber();
        let memo = memo_with_follow_ups(&t).await;
        let (plan, _) = kisber_plan(&t, false).await;
        let (_, _, foreign_goal, _) =
            crate::plans::role_fixture(&t, ProgrammeId(t.kecskemet()), true).await;
        let mut coord = t.signed_in(COORDINATOR).await;
        let page_url = format!("/admin/programmes/{p}/memos/{memo}/follow-ups");
        let goal = goal_option(
            &coord.get(&page_url).await.text(),
            "Rendszeres ifjúsági programok",
        );
        let before = action_count(&t, plan).await;

        // No goal chosen: said so, at the follow-up.
        let r = coord
            .post_form(
                &page_url,
                &[("task", "Fásítási terv a piactérre"), ("goal", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r
            .text()
            .contains("Válaszd ki, melyik cél alá kerüljön a teendő."));

        // The memo was edited meanwhile and the follow-up is gone.
        let r = coord
            .post_form(
                &page_url,
                &[("task", "Szökőkút a piactérre"), ("goal", goal.as_str())],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(r.text().contains("közben megváltozott"));

        // Another programme's goal, under this programme's memo.
        let r = coord
            .post_form(
                &page_url,
                &[
                    ("task", "Fásítási terv a piactérre"),
                    ("goal", &foreign_goal.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);

        // Another programme's address for this memo.
        let elsewhere = format!(
            "/admin/programmes/{}/memos/{memo}/follow-ups",
            t.kecskemet()
        );
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        assert_eq!(admin.get(&elsewhere).await.status, StatusCode::NOT_FOUND);

        // A resident is not let in.
        let mut resident = t.signed_in(RESIDENT).await;
        assert_eq!(resident.get(&page_url).await.status, StatusCode::FORBIDDEN);
        let r = resident
            .post_form(
                &page_url,
                &[
                    ("task", "Fásítási terv a piactérre"),
                    ("goal", goal.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        assert_eq!(action_count(&t, plan).await, before, "nothing was added");
    }
);
