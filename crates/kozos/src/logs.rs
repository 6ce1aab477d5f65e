//! Log lines leave the request path: each is formatted where it happens and handed to a
//! dedicated thread that writes standard error through a buffer, flushed whenever it has
//! nothing more to write. A slow disk or terminal no longer holds a request up, and a busy
//! server makes one write for many lines instead of one per line. Nothing is dropped: when
//! the thread falls far behind, loggers wait for it.

use std::io::Write;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TryRecvError};
use std::sync::OnceLock;
use std::time::Duration;
use tracing_subscriber::fmt::MakeWriter;

/// Lines waiting to be written, at most (a logger waits beyond that).
const QUEUE: usize = 16 * 1024;

enum Msg {
    Line(Vec<u8>),
    /// Write everything before this, then answer.
    Flush(SyncSender<()>),
}

static QUEUED: OnceLock<SyncSender<Msg>> = OnceLock::new();

/// The writer the log subscriber formats into; starts the writing thread on first use.
#[derive(Clone, Copy, Default)]
pub struct Background;

/// One log line being formatted; queued when dropped.
pub struct Line {
    buf: Vec<u8>,
    queue: &'static SyncSender<Msg>,
}

impl Write for Line {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for Line {
    fn drop(&mut self) {
        if !self.buf.is_empty() {
            let _ = self.queue.send(Msg::Line(std::mem::take(&mut self.buf)));
        }
    }
}

fn queue() -> &'static SyncSender<Msg> {
    QUEUED.get_or_init(|| {
        let (tx, rx) = sync_channel(QUEUE);
        std::thread::Builder::new()
            .name("log-writer".into())
            .spawn(move || write_lines(rx))
            .expect("log writer thread");
        tx
    })
}

impl<'a> MakeWriter<'a> for Background {
    type Writer = Line;
    fn make_writer(&'a self) -> Line {
        Line {
            buf: Vec::with_capacity(256),
            queue: queue(),
        }
    }
}

fn write_lines(rx: Receiver<Msg>) {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stderr());
    loop {
        let msg = match rx.try_recv() {
            Ok(m) => m,
            Err(TryRecvError::Empty) => {
                let _ = out.flush();
                match rx.recv() {
                    Ok(m) => m,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        match msg {
            Msg::Line(line) => {
                let _ = out.write_all(&line);
            }
            Msg::Flush(done) => {
                let _ = out.flush();
                let _ = done.send(());
            }
        }
    }
    let _ = out.flush();
}

/// Wait (a few seconds at most) until every line logged so far is written: before the
/// process exits or writes to standard error itself.
pub fn flush() {
    let Some(queue) = QUEUED.get() else {
        return;
    };
    if std::thread::current().name() == Some("log-writer") {
        return;
    }
    let (done, written) = sync_channel(1);
    if queue.send(Msg::Flush(done)).is_ok() {
        let _ = written.recv_timeout(Duration::from_secs(5));
    }
}

/// Write queued lines before a panic's message, so they appear in order.
pub fn flush_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        flush();
        previous(info);
    }));
}
