//! `kozos demo --scale national`: the national data set's size on the command line, and
//! its load with a progress line and the time of each phase.

/// How big the national data set is (to shrink it for a quick try).
#[derive(clap::Args, Clone)]
pub struct NationalSize {
    #[arg(long, default_value_t = 1_000_000)]
    people: u64,
    #[arg(long, default_value_t = 100_000)]
    activities: u64,
    #[arg(long, default_value_t = 10_000_000)]
    attendance: u64,
    #[arg(long, default_value_t = 1_000)]
    programmes: u64,
    #[arg(long, default_value_t = 80)]
    mentors: u64,
    #[arg(long, default_value_t = 360)]
    communities: u64,
    /// The seed of the generated data (the same seed, the same data).
    #[arg(long, default_value_t = 2017)]
    seed: u64,
}

impl NationalSize {
    pub fn options(&self) -> kozos_app::demo::national::Options {
        kozos_app::demo::national::Options {
            people: self.people,
            activities: self.activities,
            attendance: self.attendance,
            programmes: self.programmes.max(1),
            mentors: self.mentors,
            communities: self.communities,
            seed: self.seed,
        }
    }
}

/// Load the national data set (refused when one is loaded already) and print its phases.
pub async fn load(app: &kozos_app::App, size: &NationalSize) -> Result<(), String> {
    use kozos_app::demo::national;
    if let Some(mark) = national::loaded(app).await.map_err(|e| e.to_string())? {
        return Err(national::refusal(&mark));
    }
    let report = national::load(app, &size.options(), &mut crate::progress::Line::default())
        .await
        .map_err(|e| match e {
            kozos_app::AppError::Internal(m) => m,
            other => format!("{other:?}"),
        })?;
    for p in &report.phases {
        println!(
            "{:<22} {:>10} rows {:>9.1} s",
            p.name,
            p.rows,
            p.time.as_secs_f64()
        );
    }
    println!(
        "national demo loaded in {:.1} s; accounts use the password `{}`",
        report.total().as_secs_f64(),
        kozos_app::demo::DEMO_PASSWORD
    );
    Ok(())
}
