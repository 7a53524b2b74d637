//! The minijinja environment: the templates built into the binary, overridden by name from a
//! user's folder (`--templates DIR`), rendering the report and rule views.
//!
//! Part of the render stage. Programme text reaches templates only as data, never as
//! template source; HTML templates are autoescaped, and Markdown ones escape programme text
//! with the `md` and `mdcell` filters. Templates cannot read files or the network.

use super::view::ReportView;
use minijinja::{AutoEscape, Environment};
use std::path::Path;

/// Renders the template `name` with the report view, built-in templates only.
pub fn render(name: &str, view: &ReportView) -> Result<String, String> {
    render_value(name, view)
}

/// Renders the template `name` with any serializable context, built-in templates only.
pub fn render_value<S: serde::Serialize>(name: &str, context: &S) -> Result<String, String> {
    render_with(None, name, context)
}

/// Renders `name` with `context`; templates in `overrides` replace built-in ones by name.
pub fn render_with<S: serde::Serialize>(overrides: Option<&Path>, name: &str, context: &S) -> Result<String, String> {
    let env = environment(overrides)?;
    let template = env.get_template(name).map_err(|e| describe(&e))?;
    template.render(minijinja::value::Serde(context)).map_err(|e| describe(&e))
}

fn environment(overrides: Option<&Path>) -> Result<Environment<'static>, String> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| if name.ends_with(".html") { AutoEscape::Html } else { AutoEscape::None });
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env.add_filter("md", md);
    env.add_filter("mdcell", md);
    for (name, source) in crate::checklist::TEMPLATE_FILES {
        env.add_template(name, source).map_err(|e| describe(&e))?;
    }
    if let Some(dir) = overrides {
        for (name, source) in user_templates(dir)? {
            env.add_template_owned(name, source).map_err(|e| describe(&e))?;
        }
        // A template from elsewhere gets a budget of steps (and so of time and memory): a loop
        // without end stops with an error instead of holding the run.
        env.set_fuel(Some(TEMPLATE_FUEL));
    }
    Ok(env)
}

/// Steps a user's template may take in one render: far more than the built-in templates need
/// for a portfolio of 100,000 programmes.
pub const TEMPLATE_FUEL: u64 = 20_000_000;

/// The largest template file read.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// The templates of a user's folder: every file, named by its path relative to the folder.
fn user_templates(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let shown = crate::load::discover::display_path(dir);
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("{shown}: cannot read template folder: {}", crate::load::io_reason(&e)))?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.metadata().map_or(0, |m| m.len()) > MAX_TEMPLATE_BYTES {
            return Err(format!("{shown}/{name}: template is larger than {MAX_TEMPLATE_BYTES} bytes"));
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{shown}/{name}: cannot read template: {}", crate::load::io_reason(&e)))?;
        out.push((name, text));
    }
    out.sort();
    Ok(out)
}

/// Programme text made safe for Markdown (the `md` filter), for renderers that write
/// Markdown without a template.
pub fn md_escape(value: &str) -> String {
    md(value)
}

/// Programme text made safe for Markdown: one line, and every character Markdown could read
/// as formatting or HTML escaped with a backslash.
fn md(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for (i, word) in value.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '{' | '}' | '!' | '~') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A template error names the template and line (minijinja's message carries both).
fn describe(e: &minijinja::Error) -> String {
    let mut text = format!("template error: {e}");
    if let Some(detail) = e.detail()
        && !text.contains(detail)
    {
        text.push_str(&format!(": {detail}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn markdown_escaping_keeps_text_as_text() {
        assert_eq!(md("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(md("a | b\nc"), "a \\| b c");
        assert_eq!(md("{{ 7*7 }}"), "\\{\\{ 7\\*7 \\}\\}");
        assert_eq!(md("trade_restrictions"), "trade\\_restrictions");
    }
}
