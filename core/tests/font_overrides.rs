//! A report that names its own font for a role keeps the role's stand-ins after it: the
//! named family wins where installed, and where it is not, the bundled 仿宋/黑体/楷体 set the
//! text instead of whatever face the machine has.

use huibao_core::style::{FontRole, Style};
use huibao_core::{load_source, SourceFile};

fn style_of(fonts: &str) -> Style {
    let text = format!(
        "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2022\"\ndate = 2023-01-10\n\n[style]\n{fonts}\n\n[summary]\ntext = \"园区经济运行平稳。\"\n"
    );
    load_source(SourceFile::new("r.toml", text))
        .unwrap_or_else(|e| panic!("{e}"))
        .style
}

#[test]
fn named_families_come_first_and_every_role_keeps_its_stand_ins() {
    let preset = Style::gbt9704();
    for (key, role) in [
        ("body", FontRole::Body),
        ("title", FontRole::Title),
        ("heading1", FontRole::Heading1),
        ("heading2", FontRole::Heading2),
        ("table", FontRole::Table),
    ] {
        let style = style_of(&format!(
            "fonts.{key} = {{ families = [\"方正仿宋_GBK\", \"仿宋\"], size_pt = 16 }}"
        ));
        let families = &style.font(role).families;
        assert_eq!(
            &families[..2],
            ["方正仿宋_GBK", "仿宋"],
            "{key}: the report's order first"
        );
        let preset_families = &preset.font(role).families;
        for f in preset_families {
            assert!(
                families.contains(f),
                "{key}: stand-in {f} dropped: {families:?}"
            );
        }
        let once = families.iter().filter(|f| f.as_str() == "仿宋").count();
        assert_eq!(once, 1, "{key}: a family named twice: {families:?}");
        assert_eq!(
            families.len(),
            2 + preset_families
                .iter()
                .filter(|f| f.as_str() != "仿宋")
                .count()
        );
    }
}
