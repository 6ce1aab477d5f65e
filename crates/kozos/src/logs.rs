//! Log lines leave the request path: each is formatted where it happens and appended to a
//! buffer in memory; a dedicated thread writes the buffer to standard error every few
//! milliseconds, in one write for many lines. A slow disk or terminal no longer holds a
//! request up, and logging wakes no thread per line. Nothing is dropped: when the buffer
//! is far behind, loggers wait for the writer to take it.

use std::io::Write;
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};
use std::time::Duration;
use tracing_subscriber::fmt::MakeWriter;

/// How long a line waits at most before it is written.
const INTERVAL: Duration = Duration::from_millis(20);
/// Bytes waiting at most; beyond that loggers wait.
const LIMIT: usize = 8 * 1024 * 1024;

struct Shared {
    pending: Mutex<Vec<u8>>,
    /// Signalled when the writer took the pending lines.
    taken: Condvar,
    /// The batch being written, swapped with `pending` (both keep their capacity, so a
    /// busy server does not grow a new buffer every few milliseconds). Held while
    /// writing, so batches reach standard error in order.
    output: Mutex<Vec<u8>>,
}

static SHARED: OnceLock<Shared> = OnceLock::new();

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn shared() -> &'static Shared {
    SHARED.get_or_init(|| {
        std::thread::Builder::new()
            .name("log-writer".into())
            .spawn(|| loop {
                std::thread::sleep(INTERVAL);
                write_pending();
            })
            .expect("log writer thread");
        Shared {
            pending: Mutex::new(Vec::with_capacity(64 * 1024)),
            taken: Condvar::new(),
            output: Mutex::new(Vec::with_capacity(64 * 1024)),
        }
    })
}

/// Take what is pending and write it (the writer thread, or [`flush`]).
fn write_pending() {
    let s = shared();
    let mut batch = lock(&s.output);
    std::mem::swap(&mut *batch, &mut *lock(&s.pending));
    s.taken.notify_all();
    if !batch.is_empty() {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(&batch);
        let _ = err.flush();
        batch.clear();
        if batch.capacity() > 1024 * 1024 {
            batch.shrink_to(64 * 1024); // after a burst
        }
    }
}

/// Write every line logged so far: before the process exits or writes to standard error
/// itself.
pub fn flush() {
    if SHARED.get().is_some() {
        write_pending();
    }
}

/// Write pending lines before a panic's message, so they appear in order.
pub fn flush_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        flush();
        previous(info);
    }));
}

/// The writer the log subscriber formats into.
#[derive(Clone, Copy, Default)]
pub struct Background;

/// One event's output, appended to the pending lines under their lock.
pub struct Line(MutexGuard<'static, Vec<u8>>);

impl Write for Line {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Background {
    type Writer = Line;
    fn make_writer(&'a self) -> Line {
        let s = shared();
        let pending = lock(&s.pending);
        let pending = s
            .taken
            .wait_while(pending, |p| p.len() > LIMIT)
            .unwrap_or_else(|e| e.into_inner());
        Line(pending)
    }
}
