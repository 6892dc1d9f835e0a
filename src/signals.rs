//! Ctrl-C, SIGTERM and SIGHUP: one handler for the whole program.
//!
//! By default a signal finishes (or undoes) the set of outputs being replaced, removes
//! this process's temporaries and exits 130. A command that stops cleanly by itself (the
//! live preview) asks for the signal instead with [`take_stop`].

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Mutex;

/// Where the next signal is sent instead of exiting.
static STOP: Mutex<Option<Sender<()>>> = Mutex::new(None);

/// Installs the handler; call once, first thing.
pub(crate) fn install() -> Result<(), ctrlc::Error> {
    ctrlc::set_handler(|| {
        let stop = STOP.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(stop) = stop {
            if stop.send(()).is_ok() {
                return;
            }
        }
        huibao_pipeline::abandon_writes();
        std::process::exit(i32::from(crate::exit::INTERRUPTED));
    })
}

/// The next signal arrives on the returned channel instead of ending the program; a
/// second signal (or one after the receiver is gone) ends it as usual.
pub(crate) fn take_stop() -> Receiver<()> {
    let (tx, rx) = channel();
    *STOP.lock().unwrap_or_else(|e| e.into_inner()) = Some(tx);
    rx
}
