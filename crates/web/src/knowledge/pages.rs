//! The library's public pages.

use super::views;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::extract::{Path, Query};
use crate::ui::layout;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use kozos_app::knowledge;
use kozos_app::knowledge::Filter;
use kozos_domain::community::knowledge::{ItemLanguage, KnowledgeKind};
use kozos_domain::KnowledgeId;
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ListQuery {
    pub kind: Option<String>,
    pub tag: Option<String>,
    pub lang: Option<String>,
    pub page: Option<String>,
}

/// The list's filters, checked: a value that is none of the choices is a bad link.
pub struct Asked {
    pub kind: Option<KnowledgeKind>,
    pub tag: Option<String>,
    pub lang: Option<ItemLanguage>,
    pub page: i64,
}

fn asked(ctx: &Ctx, q: &ListQuery) -> Result<Asked, WebError> {
    let bad = || WebError::bad_request(ctx.lang);
    let opt = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let kind = match opt(&q.kind) {
        None => None,
        Some(k) => Some(KnowledgeKind::parse(&k).ok_or_else(bad)?),
    };
    let lang = match opt(&q.lang) {
        None => None,
        Some(l) => Some(ItemLanguage::parse(&l).ok_or_else(bad)?),
    };
    let tag = opt(&q.tag).map(|t| t.to_lowercase());
    if tag
        .as_ref()
        .is_some_and(|t| t.chars().count() > 40 || t.contains(','))
    {
        return Err(bad());
    }
    let page = match opt(&q.page) {
        None => 1,
        Some(p) => p
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(bad)?,
    };
    Ok(Asked {
        kind,
        tag,
        lang,
        page,
    })
}

pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let a = asked(&ctx, &q)?;
    let (items, total) = knowledge::public_list(
        &s.app,
        Filter {
            kind: a.kind,
            tag: a.tag.clone(),
            language: a.lang,
            ..Default::default()
        },
        a.page,
    )
    .await
    .map_err(ctx.err())?;
    let tags = knowledge::tags(&s.app).await.map_err(ctx.err())?;
    let title = ctx.t("knowledge-title");
    Ok(layout::page(
        &ctx,
        &title,
        views::public_list(&ctx, &a, &items, total, &tags),
    ))
}

pub async fn item(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let k = knowledge::public_item(&s.app, KnowledgeId(id))
        .await
        .map_err(ctx.err())?;
    Ok(layout::page(&ctx, &k.title, views::item(&ctx, &k)))
}
