//! Test plugin `faulty`: well-formed per the ABI, but it fails on request — it returns an
//! error, panics, never returns, aborts the process, raises SIGSEGV, prints to stdout,
//! or forks processes that outlive it — as the config's `mode` says.

use huibao_plugin_api::{export_plugin, PluginError, Request, Section};
use serde::Deserialize;

#[derive(Deserialize)]
struct Config {
    mode: String,
}

fn generate(request: &Request) -> Result<Section, PluginError> {
    let config: Config = request.config_as()?;
    match config.mode.as_str() {
        "error" => Err(PluginError::new(
            "基金“某某产业子基金”的规模不能小于已投资金额",
        )),
        "panic" => {
            let funds: Vec<u32> = Vec::new();
            // An out-of-bounds index: the kind of bug a real plugin has.
            let first = funds[std::hint::black_box(3)];
            Ok(Section::new(format!("{first}")))
        }
        "loop" => loop {
            // Never returns, as a plugin stuck in an endless loop or a wait.
            std::thread::sleep(std::time::Duration::from_millis(50));
        },
        "abort" => {
            eprintln!("faulty: 资金数据不一致，调用 abort()");
            std::process::abort()
        }
        "hog" => {
            // Asks for 64 GiB (never touched): fails where memory is limited.
            let hoard = vec![0u8; std::hint::black_box(64 << 30)];
            Ok(Section::new("测试章节").paragraph(format!("占用{}字节。", hoard.len())))
        }
        "huge" => Ok(Section::new("测试章节").paragraph("长".repeat(2 << 20))),
        "segv" => {
            eprintln!("faulty: 指针越界，触发段错误");
            #[cfg(unix)]
            // SAFETY: raising a signal touches no memory.
            unsafe {
                libc::raise(libc::SIGSEGV);
            }
            Ok(Section::new("测试章节").paragraph("不应到达这里。"))
        }
        "fork-hang" => {
            // Two children that would run for ten minutes — one in the plugin's process
            // group, one in a session of its own (setsid) — then a hang.
            fork_sleeper(false, 600);
            fork_sleeper(true, 600);
            loop {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
        }
        "fork-answer" => {
            // A helper that lives on for a while holding stdout, in a session of its own;
            // the answer is given at once.
            fork_sleeper(true, 30);
            fork_sleeper(false, 30);
            Ok(Section::new("测试章节").paragraph("派生辅助进程后正常返回。"))
        }
        "print" => {
            // Noise on stdout, as a plugin with a stray println!.
            println!("调试输出 {{\"status\": 9}}");
            Ok(Section::new("测试章节").paragraph("打印之后正常返回。"))
        }
        _ => Ok(Section::new("测试章节").paragraph(format!(
            "{}{}运行正常。",
            request.context.organization, request.context.period.name
        ))),
    }
}

/// Forks a child that sleeps `seconds` and exits, after `setsid` when `own_session`.
#[cfg(unix)]
fn fork_sleeper(own_session: bool, seconds: u32) {
    // SAFETY: the child calls only async-signal-safe functions (setsid, sleep, _exit).
    unsafe {
        if libc::fork() == 0 {
            if own_session {
                libc::setsid();
            }
            libc::sleep(seconds);
            libc::_exit(0);
        }
    }
}

#[cfg(not(unix))]
fn fork_sleeper(_: bool, _: u32) {}

export_plugin! {
    name: "faulty",
    version: "0.0.1",
    schema: r#"{
        "type": "object",
        "additionalProperties": false,
        "required": ["mode"],
        "properties": {
            "mode": { "enum": ["ok", "error", "panic", "loop", "abort", "segv", "fork-hang", "fork-answer", "print", "hog", "huge"] },
            "count": { "type": "integer", "minimum": 0 },
            "funds": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": { "type": "string" },
                        "size": { "type": "number", "minimum": 0 }
                    }
                }
            }
        }
    }"#,
    generate: generate,
}
