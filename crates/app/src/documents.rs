//! The printed documents' shared parts: the funding publicity block every EU-funded
//! project must print (Hungarian, whatever the reader's language: these are the
//! project's official papers) and the public address their QR codes point to.

use kozos_domain::programme::Programme;
use kozos_pdf::Publicity;

/// The publicity block for a programme's documents: only for an EU-funded project (a
/// project ID and an EU fund); a domestic grant prints no EU emblem.
pub fn publicity(p: &Programme) -> Option<Publicity> {
    let code = p.code.clone()?;
    let fund = p.fund.filter(|f| f.is_eu())?;
    Some(Publicity {
        line: programme_line(&code).to_string(),
        project_id: code,
        title: p.title.clone(),
        beneficiary: p.beneficiary_name.clone().unwrap_or_default(),
        fund: fund.hungarian().to_string(),
    })
}

/// The development plan a project ID belongs to, as its documents name it: the 2007–2013
/// operative programmes (TÁMOP, TIOP, regional OPs) ran under the Új Széchenyi Terv, the
/// 2014–2020 ones under Széchenyi 2020, those of 2021–2027 ("…_PLUSZ") under Széchenyi
/// Terv Plusz.
fn programme_line(code: &str) -> &'static str {
    let op = code.split('-').next().unwrap_or_default();
    if op.ends_with("PLUSZ") {
        "Széchenyi Terv Plusz"
    } else if [
        "TÁMOP", "TIOP", "KMOP", "ÉAOP", "ÉMOP", "DAOP", "DDOP", "KDOP", "NYDOP", "GOP", "KEOP",
    ]
    .contains(&op)
    {
        "Új Széchenyi Terv"
    } else {
        "Széchenyi 2020"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_follows_the_plan_period() {
        assert_eq!(
            programme_line("TOP-5.3.1-16-KO1-2017-00005"),
            "Széchenyi 2020"
        );
        assert_eq!(programme_line("EFOP-1.3.1-15-2015-00001"), "Széchenyi 2020");
        assert_eq!(
            programme_line("TÁMOP-5.4.4-09/1-2010-0001"),
            "Új Széchenyi Terv"
        );
        assert_eq!(
            programme_line("TOP_PLUSZ-3.3.2-21-BK1-2022-00001"),
            "Széchenyi Terv Plusz"
        );
    }
}
