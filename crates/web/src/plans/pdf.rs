//! A plan as a PDF in Hungarian (whatever the reader's language): the programme, the
//! plan's kind, status and adoption day, then a table per need: goals, actions, who is
//! responsible, due dates, status and progress. Small enough to draw in the request,
//! like the attendance sheet.

use super::pages::status_line;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::evidence::pages::attachment;
use crate::extract::Path;
use crate::i18n::Lang;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use kozos_app::{catalogue, plans};
use kozos_domain::plan::*;
use kozos_domain::{PlanId, ProgrammeId};

fn document(ctx_hu: &Ctx, programme: &kozos_domain::programme::Programme, p: &Plan) -> Vec<u8> {
    let hu = Lang::Hu;
    let mut lines = vec![format!("Program: {}", programme.title)];
    if let Some(code) = &programme.code {
        lines.push(format!("Projektazonosító: {code}"));
    }
    lines.push(status_line(ctx_hu, p));
    let column = |h: &str, w: f32| kozos_pdf::Column {
        heading: h.to_string(),
        weight: w,
        numeric: false,
    };
    let tables = p
        .needs
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut rows = Vec::new();
            for g in &n.goals {
                let gp = goal_progress(g)
                    .map(|x| format!("{x} %"))
                    .unwrap_or_default();
                rows.push(vec![
                    g.title.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    gp,
                ]);
                for a in &g.actions {
                    let mut owner = a.owner.clone();
                    for (_, partner) in &a.partners {
                        owner.push_str(&format!(", {partner}"));
                    }
                    rows.push(vec![
                        String::new(),
                        a.title.clone(),
                        owner,
                        a.due_on.map(|d| hu.date(d)).unwrap_or_default(),
                        hu.t(&format!("plan-action-status-{}", a.status.as_str())),
                        action_progress(a)
                            .map(|x| format!("{x} %"))
                            .unwrap_or_default(),
                    ]);
                }
            }
            // (a title is one line: the finding that raised the need is on the page)
            let title = format!("{}. szükséglet: {}", i + 1, n.title);
            kozos_pdf::Table {
                title,
                columns: vec![
                    column("Cél", 1.8),
                    column("Intézkedés", 2.2),
                    column("Felelős, partnerek", 1.9),
                    column("Határidő", 1.3),
                    column("Állapot", 1.4),
                    column("Haladás", 1.0),
                ],
                rows,
                empty: "Ehhez a szükséglethez még nincs cél.".into(),
                as_records: false,
            }
        })
        .collect();
    kozos_pdf::table_report(&kozos_pdf::TableReport {
        title: p.title.clone(),
        lines,
        publicity: kozos_app::documents::publicity(programme),
        tables,
    })
}

fn file_name(p: &Plan) -> String {
    format!("terv-{}.pdf", p.id)
}

async fn respond(
    s: &AppState,
    ctx: &Ctx,
    programme: ProgrammeId,
    p: &Plan,
) -> Result<Response, WebError> {
    let page = catalogue::programme_page(&s.app, programme)
        .await
        .map_err(ctx.err())?;
    let hu = Ctx {
        lang: Lang::Hu,
        ..ctx.clone()
    };
    Ok(attachment(
        &file_name(p),
        "application/pdf",
        document(&hu, &page.programme, p),
    ))
}

pub async fn staff(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, plan)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let user = ctx.require_user()?;
    let programme = ProgrammeId(id);
    let p = plans::get(&s.app, user, programme, PlanId(plan)).await?;
    respond(&s, &ctx, programme, &p).await
}

pub async fn public(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, plan)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let programme = ProgrammeId(id);
    let p = plans::public(&s.app, programme, PlanId(plan))
        .await
        .map_err(ctx.err())?;
    respond(&s, &ctx, programme, &p).await
}
