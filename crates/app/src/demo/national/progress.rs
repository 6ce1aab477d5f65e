//! How a long load reports itself: phases with a known number of steps, and the time and
//! rows of each phase for the report at the end.

use std::time::{Duration, Instant};

/// Told of each phase and its steps as the load goes (the CLI draws a progress line).
pub trait Progress {
    /// A phase begins; `total` steps (0: not known).
    fn phase(&mut self, name: &str, total: u64);
    /// `n` more steps of the current phase are done.
    fn advance(&mut self, n: u64);
    /// The current phase is over.
    fn finish(&mut self);
}

/// Reports nothing (tests).
pub struct Quiet;

impl Progress for Quiet {
    fn phase(&mut self, _: &str, _: u64) {}
    fn advance(&mut self, _: u64) {}
    fn finish(&mut self) {}
}

/// One phase of a load: how long it took and how many rows it wrote.
#[derive(Debug, Clone)]
pub struct Phase {
    pub name: &'static str,
    pub rows: u64,
    pub time: Duration,
}

/// What a load did, phase by phase.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub phases: Vec<Phase>,
}

impl Report {
    pub fn total(&self) -> Duration {
        self.phases.iter().map(|p| p.time).sum()
    }
    pub fn rows(&self, name: &str) -> u64 {
        self.phases
            .iter()
            .filter(|p| p.name == name)
            .map(|p| p.rows)
            .sum()
    }
}

/// Times phases into a [`Report`] while telling a [`Progress`].
pub(super) struct Phases<'a> {
    pub(super) progress: &'a mut dyn Progress,
    pub(super) report: Report,
    current: Option<(&'static str, Instant)>,
}

impl<'a> Phases<'a> {
    pub(super) fn new(progress: &'a mut dyn Progress) -> Self {
        Phases {
            progress,
            report: Report::default(),
            current: None,
        }
    }
    pub(super) fn start(&mut self, name: &'static str, total: u64) {
        self.progress.phase(name, total);
        self.current = Some((name, Instant::now()));
    }
    pub(super) fn advance(&mut self, n: u64) {
        self.progress.advance(n);
    }
    pub(super) fn end(&mut self, rows: u64) {
        if let Some((name, at)) = self.current.take() {
            self.progress.finish();
            tracing::info!(
                phase = name,
                rows,
                seconds = at.elapsed().as_secs_f64(),
                "national demo"
            );
            self.report.phases.push(Phase {
                name,
                rows,
                time: at.elapsed(),
            });
        }
    }
}
