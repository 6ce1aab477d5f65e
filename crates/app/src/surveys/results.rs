//! A questionnaire's results: per question how many answered, counts and shares of each
//! option (or scale value), mean and median of numbers, and free-text answers listed.

use super::load;
use crate::programmes::authorise;
use crate::{App, Result};
use kozos_db::programmes::{self as db, Response};
use kozos_db::DbError;
use kozos_domain::policy::Action;
use kozos_domain::survey::*;
use kozos_domain::user::User;
use kozos_domain::{ProgrammeId, QuestionId, QuestionnaireId};

/// Free-text answers shown per page.
pub const TEXT_PAGE: i64 = 20;

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub count: i64,
    /// Share of those who answered the question, in tenths of a percent.
    pub per_mille: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult {
    pub question: Question,
    pub answered: i64,
    /// Options (choices) or scale values, in order, each with its count.
    pub bars: Vec<Bar>,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// The first page of free-text answers, newest first.
    pub texts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub questionnaire: Questionnaire,
    pub questions: Vec<QuestionResult>,
}

fn per_mille(n: i64, of: i64) -> i64 {
    if of == 0 {
        0
    } else {
        (n * 1000 + of / 2) / of
    }
}

fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// The results page's figures (staff in scope and the auditor).
pub async fn results(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: QuestionnaireId,
) -> Result<Results> {
    authorise(app, user, Action::ViewCommunityProcess, programme).await?;
    let q = load(app, Some(programme), id).await?;
    let counts = db::answer_counts(&app.db.pool, id).await?;
    let answered = db::answered_counts(&app.db.pool, id).await?;
    let mut out = Vec::new();
    for question in &q.questions {
        let n = answered
            .iter()
            .find(|(x, _)| *x == question.id)
            .map(|(_, n)| *n)
            .unwrap_or(0);
        let mine: Vec<(&String, i64)> = counts
            .iter()
            .filter(|(x, _, _)| *x == question.id)
            .map(|(_, v, c)| (v, *c))
            .collect();
        let count_of = |v: &str| {
            mine.iter()
                .find(|(x, _)| x.as_str() == v)
                .map(|(_, c)| *c)
                .unwrap_or(0)
        };
        let labels: Vec<String> = match question.kind {
            QuestionKind::Single | QuestionKind::Multiple => question.options.clone(),
            QuestionKind::Scale => {
                let (lo, hi) = (
                    question.scale_min.unwrap_or(1),
                    question.scale_max.unwrap_or(5),
                );
                (lo..=hi).map(|v| v.to_string()).collect()
            }
            _ => Vec::new(),
        };
        let bars = labels
            .into_iter()
            .map(|label| {
                let count = count_of(&label);
                Bar {
                    per_mille: per_mille(count, n),
                    label,
                    count,
                }
            })
            .collect();
        let (mut mean, mut med) = (None, None);
        if matches!(question.kind, QuestionKind::Number | QuestionKind::Scale) {
            let mut values: Vec<f64> = Vec::new();
            for (v, c) in &mine {
                if let Ok(x) = v.parse::<f64>() {
                    values.extend(std::iter::repeat_n(x, *c as usize));
                }
            }
            values.sort_by(|a, b| a.total_cmp(b));
            if !values.is_empty() {
                mean = Some(values.iter().sum::<f64>() / values.len() as f64);
            }
            med = median(&values);
        }
        let texts = if question.kind.is_text() {
            db::text_answers(&app.db.pool, question.id, TEXT_PAGE, 0).await?
        } else {
            Vec::new()
        };
        out.push(QuestionResult {
            question: question.clone(),
            answered: n,
            bars,
            mean,
            median: med,
            texts,
        });
    }
    Ok(Results {
        questionnaire: q,
        questions: out,
    })
}

/// A page (from 0) of a free-text question's answers, newest first.
pub async fn text_answers(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: QuestionnaireId,
    question: QuestionId,
    page: i64,
) -> Result<(Questionnaire, Question, Vec<String>)> {
    authorise(app, user, Action::ViewCommunityProcess, programme).await?;
    let q = load(app, Some(programme), id).await?;
    let question = q
        .question(question)
        .filter(|x| x.kind.is_text())
        .cloned()
        .ok_or(crate::AppError::NotFound)?;
    let page = page.clamp(0, 100_000);
    let texts = db::text_answers(&app.db.pool, question.id, TEXT_PAGE, page * TEXT_PAGE).await?;
    Ok((q, question, texts))
}

/// Every answer sheet, for the XLSX and CSV exports (one row per sheet).
pub async fn all_responses(
    app: &App,
    user: &User,
    programme: ProgrammeId,
    id: QuestionnaireId,
) -> Result<(Questionnaire, Vec<Response>)> {
    authorise(app, user, Action::ViewCommunityProcess, programme).await?;
    let q = load(app, Some(programme), id).await?;
    let mut conn = app.db.pool.acquire().await.map_err(DbError::from)?;
    let rows = db::responses(&mut conn, id, 1_000_000, 0).await?;
    Ok((q, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_shares() {
        assert_eq!(median(&[1.0, 2.0, 10.0]), Some(2.0));
        assert_eq!(median(&[1.0, 2.0, 3.0, 10.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        assert_eq!(per_mille(1, 3), 333);
        assert_eq!(per_mille(2, 3), 667);
        assert_eq!(per_mille(0, 0), 0);
    }
}
