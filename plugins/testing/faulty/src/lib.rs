//! Test plugin `faulty`: well-formed per the ABI, but it fails on request — it returns an
//! error, panics, never returns, aborts the process or prints to stdout — as the
//! config's `mode` says.

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

export_plugin! {
    name: "faulty",
    version: "0.0.1",
    schema: r#"{
        "type": "object",
        "additionalProperties": false,
        "required": ["mode"],
        "properties": {
            "mode": { "enum": ["ok", "error", "panic", "loop", "abort", "print", "hog", "huge"] },
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
