//! The page served: the last good HTML with the latest errors above it and a small
//! script that reloads it after each render. The HTML written to disk never has them.

use crate::Shown;
use huibao_pipeline::Diagnostic;

/// Reloads the page when the server names a newer render than the one shown.
const RELOAD: &str = r#"<script id="huibao-preview-reload">
(function () {
  var shown = "GENERATION";
  var events = new EventSource("/events");
  events.onmessage = function (e) {
    if (e.data !== shown) { events.close(); location.reload(); }
  };
})();
</script>
"#;

/// Errors above the page, never printed.
const ERROR_STYLE: &str = "<style>#huibao-preview-errors{position:sticky;top:0;z-index:10;\
margin:0;padding:12px 16px;background:#fff0f0;border-bottom:2px solid #c00;color:#900;\
font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap}\
@media print{#huibao-preview-errors{display:none}}</style>";

/// The page as served now.
pub(crate) fn compose(shown: &Shown) -> String {
    let reload = RELOAD.replace("GENERATION", &shown.generation.to_string());
    let banner = if shown.errors.is_empty() {
        String::new()
    } else {
        let mut b = String::from(ERROR_STYLE);
        b.push_str("<pre id=\"huibao-preview-errors\" role=\"alert\">");
        for e in &shown.errors {
            b.push_str(&huibao_xml::escape(e));
            b.push('\n');
        }
        b.push_str("</pre>\n");
        b
    };
    let Some(html) = &shown.html else {
        return format!(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
             <title>{}</title></head>\n<body>\n{banner}{reload}</body></html>\n",
            huibao_xml::escape(&huibao_i18n::t!("preview-title"))
        );
    };
    let mut page = String::with_capacity(html.len() + banner.len() + reload.len());
    // After the opening <body …> tag: the banner; before </body>: the script.
    let body_open = html
        .find("<body")
        .and_then(|at| html[at..].find('>').map(|end| at + end + 1));
    let body_close = html.rfind("</body>");
    match (body_open, body_close) {
        (Some(open), Some(close)) if open <= close => {
            page.push_str(&html[..open]);
            page.push('\n');
            page.push_str(&banner);
            page.push_str(&html[open..close]);
            page.push_str(&reload);
            page.push_str(&html[close..]);
        }
        _ => {
            page.push_str(&banner);
            page.push_str(html);
            page.push_str(&reload);
        }
    }
    page
}

/// A diagnostic for the page: "file:line:column: error: … (fix)" and the line it
/// points at.
pub(crate) fn diagnostic(d: &Diagnostic) -> String {
    let mut s = d.one_line();
    if let (Some(file), Some((line, _))) = (&d.file, d.line_column()) {
        if let Some(text) = file.text.lines().nth(line.saturating_sub(1)) {
            s.push_str(&format!("\n  {line:>4} | {text}"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_go_above_the_last_good_page_and_the_script_at_its_end() {
        let shown = Shown {
            html: Some(
                "<!DOCTYPE html><html><head></head><body class=\"report\"><main>前湾新区管委会</main></body></html>"
                    .into(),
            ),
            errors: vec!["park.toml:3:10: error: period “2022-H3” <unknown>".into()],
            generation: 7,
        };
        let page = compose(&shown);
        let banner = page.find("huibao-preview-errors\" role").unwrap();
        let body = page.find("<body class=\"report\">").unwrap();
        let main = page.find("<main>前湾新区管委会</main>").unwrap();
        let script = page.find("<script id=\"huibao-preview-reload\">").unwrap();
        assert!(body < banner && banner < main && main < script);
        assert!(page.contains("“2022-H3” &lt;unknown&gt;"));
        assert!(page.contains("var shown = \"7\";"));
        assert!(page.ends_with("</body></html>"));
        // No good page yet: the errors alone.
        let first = compose(&Shown {
            html: None,
            ..shown
        });
        assert!(first.contains("park.toml:3:10: error"));
        assert!(first.contains("EventSource(\"/events\")"));
    }
}
