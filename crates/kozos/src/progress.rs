//! A one-line progress display on standard error for long commands (`demo --scale
//! national`): the phase, its steps done of the total, a percentage and the rate,
//! redrawn with `\r` at most five times a second; a finished phase keeps its line.

use kozos_app::demo::national::Progress;
use std::io::Write;
use std::time::{Duration, Instant};

pub struct Line {
    name: String,
    total: u64,
    done: u64,
    started: Instant,
    drawn: Option<Instant>,
}

impl Default for Line {
    fn default() -> Self {
        Line {
            name: String::new(),
            total: 0,
            done: 0,
            started: Instant::now(),
            drawn: None,
        }
    }
}

impl Line {
    fn draw(&mut self, last: bool) {
        let now = Instant::now();
        if !last
            && self
                .drawn
                .is_some_and(|d| now - d < Duration::from_millis(200))
        {
            return;
        }
        self.drawn = Some(now);
        let secs = self.started.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            self.done as f64 / secs
        } else {
            0.0
        };
        let share = if self.total > 0 {
            format!(
                " {:5.1}%",
                100.0 * self.done.min(self.total) as f64 / self.total as f64
            )
        } else {
            String::new()
        };
        let of = if self.total > 0 {
            format!("/{}", self.total)
        } else {
            String::new()
        };
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r{:<22} {}{of}{share}  {:.0}/s  {:.1} s\x1b[K",
            self.name, self.done, rate, secs
        );
        if last {
            let _ = writeln!(err);
        }
        let _ = err.flush();
    }
}

impl Progress for Line {
    fn phase(&mut self, name: &str, total: u64) {
        *self = Line {
            name: name.to_string(),
            total,
            ..Line::default()
        };
        self.draw(false);
    }
    fn advance(&mut self, n: u64) {
        self.done += n;
        self.draw(false);
    }
    fn finish(&mut self) {
        self.draw(true);
    }
}
