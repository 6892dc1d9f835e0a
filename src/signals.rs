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
        // Plugin hosts run in sessions of their own, out of the terminal's reach: they
        // (and whatever they forked) are stopped here, whichever way the program goes on.
        let stop = STOP.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(stop) = stop {
            // A render in progress ends at once with its plugin stopped.
            huibao_host::stop_plugin_processes();
            if stop.send(()).is_ok() {
                return;
            }
        }
        // The call in progress waits for the exit rather than report a crash.
        huibao_host::stop_plugin_processes_for_exit();
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
