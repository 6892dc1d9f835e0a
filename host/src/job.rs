//! Windows: the plugin process in a Job Object, so that its memory is bounded and that
//! stopping it stops everything it started.
//!
//! Unix bounds a plugin host with `setrlimit` in the child itself; Windows has no such
//! call, so the parent puts the child in a job before it runs a single instruction: the
//! child is created suspended, assigned to a new job that limits each of its processes
//! to [`PLUGIN_MEMORY`] of committed memory and kills them all when the job's last
//! handle closes (`JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE`), then resumed. [`Job::stop`] (at
//! the deadline, or when the answer is in) and dropping the [`Job`] end the plugin host
//! and any process it started, so none is left behind; should huibao itself die, the
//! system closes its handle and the job's processes die with it.

use super::isolate::PLUGIN_MEMORY;
use std::os::windows::io::AsRawHandle;
use std::os::windows::process::CommandExt;
use std::process::{Child, Command};
use windows_sys::Win32::Foundation::{CloseHandle, HANDLE};
use windows_sys::Win32::System::JobObjects::{
    AssignProcessToJobObject, CreateJobObjectW, JobObjectExtendedLimitInformation,
    SetInformationJobObject, TerminateJobObject, JOBOBJECT_EXTENDED_LIMIT_INFORMATION,
    JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
    JOB_OBJECT_LIMIT_PROCESS_MEMORY,
};
use windows_sys::Win32::System::Threading::CREATE_SUSPENDED;

#[link(name = "ntdll")]
unsafe extern "system" {
    /// Resumes every thread of a process created suspended (the child has one).
    fn NtResumeProcess(process: HANDLE) -> i32;
}

/// A Job Object holding one plugin host; dropping it ends every process in it.
pub(crate) struct Job(HANDLE);

// SAFETY: a job handle may be used and closed from any thread.
unsafe impl Send for Job {}

impl Job {
    /// A new job with the plugin host's limits, and `command` set to start suspended
    /// so that [`Job::adopt`] assigns the child before it runs. `None` (and `command`
    /// unchanged) where no job can be made: the child then runs uncontained, stopped
    /// at its deadline by `Child::kill` alone.
    pub(crate) fn for_command(command: &mut Command) -> Option<Job> {
        // SAFETY: no security attributes, no name; the handle is owned by the Job.
        let handle = unsafe { CreateJobObjectW(std::ptr::null(), std::ptr::null()) };
        if handle.is_null() {
            return None;
        }
        let job = Job(handle);
        // SAFETY: all-zero is a valid value of this plain C struct.
        let mut limits: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = unsafe { std::mem::zeroed() };
        limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
            | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION
            | JOB_OBJECT_LIMIT_PROCESS_MEMORY;
        limits.ProcessMemoryLimit = PLUGIN_MEMORY as usize;
        // SAFETY: the pointer and size describe `limits`, alive across the call.
        let set = unsafe {
            SetInformationJobObject(
                job.0,
                JobObjectExtendedLimitInformation,
                (&raw const limits).cast(),
                std::mem::size_of_val(&limits) as u32,
            )
        };
        if set == 0 {
            return None;
        }
        command.creation_flags(CREATE_SUSPENDED);
        Some(job)
    }

    /// Puts `child` (started suspended by a command from [`Job::for_command`]) in the
    /// job and lets it run. The child runs even where it cannot be assigned (then
    /// uncontained); `false` says so.
    pub(crate) fn adopt(&self, child: &Child) -> bool {
        let process = child.as_raw_handle() as HANDLE;
        // SAFETY: both handles are open for the duration of the calls.
        let assigned = unsafe { AssignProcessToJobObject(self.0, process) } != 0;
        // SAFETY: the child's handle is open; resuming a process resumes its threads.
        unsafe { NtResumeProcess(process) };
        assigned
    }

    /// Ends every process in the job (the plugin host and all it started).
    pub(crate) fn stop(&self) {
        // SAFETY: the handle is open; exit code 1 for processes ended this way.
        unsafe { TerminateJobObject(self.0, 1) };
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        // SAFETY: the handle is ours and closed once; closing the last handle of a job
        // with KILL_ON_JOB_CLOSE ends its processes.
        unsafe { CloseHandle(self.0) };
    }
}
