//! An answer sheet as submitted, checked against its questionnaire: required answers,
//! numbers (a Hungarian decimal comma accepted), dates (`domain::time` via
//! `read_date`), scale values within bounds, choices among the options. Questions whose
//! condition is not met are hidden: whatever was sent for them is dropped.

use super::*;
use crate::validation::{long_text, read_date, required_text, FieldErrors};
use std::collections::BTreeMap;

/// At most this many characters in a short and in a long text answer.
pub const SHORT_MAX: usize = 500;
pub const LONG_MAX: usize = 5000;

/// What was sent, by question (a multiple choice sends its field once per ticked option).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawAnswers(pub BTreeMap<QuestionId, Vec<String>>);

impl RawAnswers {
    /// From form fields named `q<id>`; other fields are not answers and are ignored.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut map: BTreeMap<QuestionId, Vec<String>> = BTreeMap::new();
        for (k, v) in pairs {
            if let Some(id) = k
                .strip_prefix('q')
                .and_then(|n| n.parse::<i64>().ok())
                .filter(|n| *n > 0)
            {
                map.entry(QuestionId(id)).or_default().push(v.clone());
            }
        }
        RawAnswers(map)
    }
    /// The first value sent for a question (what a text box shows again).
    pub fn first(&self, q: QuestionId) -> &str {
        self.0
            .get(&q)
            .and_then(|v| v.first())
            .map(String::as_str)
            .unwrap_or("")
    }
    pub fn includes(&self, q: QuestionId, value: &str) -> bool {
        self.0.get(&q).is_some_and(|v| v.iter().any(|x| x == value))
    }
    /// Back to form fields (for the answers stored with a response).
    pub fn from_answers(answers: &[Answer]) -> Self {
        RawAnswers(
            answers
                .iter()
                .map(|a| (a.question, a.values.clone()))
                .collect(),
        )
    }
}

/// One question's answer as stored: text cleaned, a number with a decimal point, a date
/// as `YYYY-MM-DD`, a scale value, or the chosen options (in the questionnaire's order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub question: QuestionId,
    pub values: Vec<String>,
}

/// Messages by question (catalogue keys).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerErrors(pub Vec<(QuestionId, &'static str)>);

impl AnswerErrors {
    pub fn for_question(&self, q: QuestionId) -> Option<&'static str> {
        self.0.iter().find(|(id, _)| *id == q).map(|(_, k)| *k)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A number as a person types it: `12`, `-3`, `3,5`, `1 250,75`, `3.5`; at most four
/// decimals and twelve whole digits. Answered as text with a decimal point (`3.5`).
pub fn parse_number(value: &str) -> Result<String, &'static str> {
    let v: String = value
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (negative, body) = match v.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, v.as_str()),
    };
    let (whole, frac) = body.split_once([',', '.']).unwrap_or((body, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty()
        || !digits(whole)
        || !digits(frac)
        || body.ends_with([',', '.'])
        || frac.len() > 4
        || whole.len() > 12
    {
        return Err("err-survey-number");
    }
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let frac = frac.trim_end_matches('0');
    let sign = if negative && (whole != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    Ok(if frac.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    })
}

/// Is `q` shown, given the answers so far (conditions name earlier questions only)?
fn shown(q: &Question, answered: &BTreeMap<QuestionId, Vec<String>>) -> bool {
    match &q.condition {
        None => true,
        Some(c) => answered
            .get(&c.question)
            .is_some_and(|v| v.contains(&c.value)),
    }
}

/// Which questions show for what was sent so far (hidden ones are not asked).
pub fn visible(questions: &[Question], raw: &RawAnswers) -> Vec<QuestionId> {
    let mut answered = BTreeMap::new();
    let mut out = Vec::new();
    for q in questions {
        if shown(q, &answered) {
            out.push(q.id);
            if let Some(v) = raw.0.get(&q.id) {
                answered.insert(q.id, v.clone());
            }
        }
    }
    out
}

fn one(values: &[String]) -> Result<Option<&str>, &'static str> {
    let filled: Vec<&str> = values
        .iter()
        .map(|v| v.as_str())
        .filter(|v| !v.trim().is_empty())
        .collect();
    match filled[..] {
        [] => Ok(None),
        [v] => Ok(Some(v)),
        _ => Err("err-survey-one"),
    }
}

fn check(q: &Question, values: &[String]) -> Result<Vec<String>, &'static str> {
    let mut e = FieldErrors::new();
    let out = match q.kind {
        QuestionKind::ShortText => one(values)?
            .map(|v| required_text(&mut e, "answer", v, SHORT_MAX))
            .into_iter()
            .collect(),
        QuestionKind::LongText => one(values)?
            .map(|v| long_text(&mut e, "answer", v, LONG_MAX))
            .into_iter()
            .collect(),
        QuestionKind::Number => match one(values)? {
            Some(v) => vec![parse_number(v)?],
            None => vec![],
        },
        QuestionKind::Date => match one(values)? {
            Some(v) => vec![read_date(v)?.stored()],
            None => vec![],
        },
        QuestionKind::Scale => match one(values)? {
            Some(v) => {
                let n: i64 = v.trim().parse().map_err(|_| "err-survey-scale")?;
                let (lo, hi) = (q.scale_min.unwrap_or(1), q.scale_max.unwrap_or(5));
                if n < lo || n > hi {
                    return Err("err-survey-scale");
                }
                vec![n.to_string()]
            }
            None => vec![],
        },
        QuestionKind::Single | QuestionKind::Multiple => {
            let picked: Vec<&String> = values.iter().filter(|v| !v.is_empty()).collect();
            if picked.iter().any(|v| !q.options.contains(v)) {
                return Err("err-choice");
            }
            if q.kind == QuestionKind::Single && picked.len() > 1 {
                return Err("err-survey-one");
            }
            q.options
                .iter()
                .filter(|o| picked.contains(o))
                .cloned()
                .collect()
        }
    };
    if let Some(k) = e.0.first().map(|x| x.key) {
        return Err(k);
    }
    let out: Vec<String> = out.into_iter().filter(|v| !v.is_empty()).collect();
    if out.is_empty() && q.required {
        return Err("err-required");
    }
    Ok(out)
}

/// Check an answer sheet: the answers to the questions that show, or every message by
/// question. Answers to hidden or unknown questions are dropped, never stored.
pub fn validate(questions: &[Question], raw: &RawAnswers) -> Result<Vec<Answer>, AnswerErrors> {
    let mut errors = AnswerErrors::default();
    let mut answered: BTreeMap<QuestionId, Vec<String>> = BTreeMap::new();
    let mut out = Vec::new();
    for q in questions {
        if !shown(q, &answered) {
            continue;
        }
        let sent = raw.0.get(&q.id).map(Vec::as_slice).unwrap_or(&[]);
        match check(q, sent) {
            Ok(values) if values.is_empty() => {}
            Ok(values) => {
                answered.insert(q.id, values.clone());
                out.push(Answer {
                    question: q.id,
                    values,
                });
            }
            Err(k) => {
                // a refused choice still decides what follows, as the person sees it
                answered.insert(q.id, sent.to_vec());
                errors.0.push((q.id, k));
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::super::definition::tests::question;
    use super::*;

    fn pairs(p: &[(&str, &str)]) -> RawAnswers {
        RawAnswers::from_pairs(
            &p.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>(),
        )
    }

    fn sheet() -> Vec<Question> {
        let mut lives = question(1, 1, QuestionKind::Single, &["Igen", "Nem"]);
        lives.required = true;
        let mut since = question(2, 2, QuestionKind::Number, &[]);
        since.required = true;
        since.condition = Some(Condition {
            question: QuestionId(1),
            value: "Igen".into(),
        });
        let mut scale = question(3, 3, QuestionKind::Scale, &[]);
        scale.scale_min = Some(1);
        scale.scale_max = Some(5);
        let date = question(4, 4, QuestionKind::Date, &[]);
        let multi = question(
            5,
            5,
            QuestionKind::Multiple,
            &["Könyvtár", "Múzeum", "Sport"],
        );
        let text = question(6, 6, QuestionKind::LongText, &[]);
        vec![lives, since, scale, date, multi, text]
    }

    #[test]
    fn numbers_take_a_decimal_comma() {
        assert_eq!(parse_number("3,5"), Ok("3.5".into()));
        assert_eq!(parse_number("1 250,50"), Ok("1250.5".into()));
        assert_eq!(parse_number("-0"), Ok("0".into()));
        assert_eq!(parse_number("007"), Ok("7".into()));
        for bad in ["", "3,", "1e5", "három", "1,23456", "--1", "1.2.3"] {
            assert_eq!(parse_number(bad), Err("err-survey-number"), "{bad}");
        }
    }

    #[test]
    fn a_full_sheet_is_stored_in_canonical_form() {
        let raw = pairs(&[
            ("q1", "Igen"),
            ("q2", "12,5"),
            ("q3", "4"),
            ("q4", "2018.10.12."),
            ("q5", "Sport"),
            ("q5", "Könyvtár"),
            ("q6", "  Több közösségi program kellene.  "),
            ("_csrf", "x"),
        ]);
        let a = validate(&sheet(), &raw).unwrap();
        let v = |id: i64| {
            a.iter()
                .find(|x| x.question == QuestionId(id))
                .unwrap()
                .values
                .clone()
        };
        assert_eq!(v(2), vec!["12.5"]);
        assert_eq!(v(4), vec!["2018-10-12"]);
        assert_eq!(v(5), vec!["Könyvtár", "Sport"]);
        assert_eq!(v(6), vec!["Több közösségi program kellene."]);
    }

    #[test]
    fn hidden_questions_are_not_required_and_their_answers_are_dropped() {
        let raw = pairs(&[("q1", "Nem"), ("q2", "12")]);
        let a = validate(&sheet(), &raw).unwrap();
        assert_eq!(a.len(), 1);
        assert!(a.iter().all(|x| x.question != QuestionId(2)));
        assert_eq!(visible(&sheet(), &raw).len(), 5);
        // shown, it is required
        let e = validate(&sheet(), &pairs(&[("q1", "Igen")])).unwrap_err();
        assert_eq!(e.for_question(QuestionId(2)), Some("err-required"));
    }

    #[test]
    fn refused_answers_are_named_by_question() {
        let raw = pairs(&[
            ("q1", "Talán"),
            ("q3", "9"),
            ("q4", "2018.13.40."),
            ("q5", "Uszoda"),
        ]);
        let e = validate(&sheet(), &raw).unwrap_err();
        assert_eq!(e.for_question(QuestionId(1)), Some("err-choice"));
        assert_eq!(e.for_question(QuestionId(3)), Some("err-survey-scale"));
        assert_eq!(e.for_question(QuestionId(4)), Some("err-date"));
        assert_eq!(e.for_question(QuestionId(5)), Some("err-choice"));
        let e = validate(&sheet(), &pairs(&[("q1", "Igen"), ("q1", "Nem")])).unwrap_err();
        assert_eq!(e.for_question(QuestionId(1)), Some("err-survey-one"));
        let long = "a".repeat(LONG_MAX + 1);
        let e = validate(&sheet(), &pairs(&[("q1", "Nem"), ("q6", &long)])).unwrap_err();
        assert_eq!(e.for_question(QuestionId(6)), Some("err-too-long"));
    }
}
