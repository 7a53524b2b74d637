//! The minijinja environment: the templates built into the binary, overridden by name from a
//! user's folder (`--templates DIR`), rendering the report and rule views.
//!
//! Part of the render stage. Programme text reaches templates only as data, never as
//! template source; HTML templates are autoescaped, and Markdown ones escape programme text
//! with the `md` and `mdcell` filters. Templates cannot read files or the network.
//!
//! Debug builds (those the tests run) render the built-in templates with minijinja's strict
//! undefined behaviour: a template that names a label (`t.key`) or a field that does not
//! exist fails every test that renders it, instead of printing nothing. Release builds, and
//! every organisation's template folder, stay lenient.

mod budget;
mod folder;

use super::view::ReportView;
use crate::model::ProblemKind as K;
use budget::{Bounded, Budget};
use minijinja::{AutoEscape, Environment};
use std::path::Path;

pub use budget::{FUEL_BASE, FUEL_PER_PROGRAMME, OUTPUT_BASE, OUTPUT_PER_PROGRAMME};
pub use folder::{MAX_FOLDER_BYTES, MAX_TEMPLATE_BYTES};

/// Renders the template `name` with the report view, built-in templates only.
pub fn render(name: &str, view: &ReportView) -> Result<String, K> {
    render_value(name, view)
}

/// Renders the template `name` with any serializable context, built-in templates only.
pub fn render_value<S: serde::Serialize>(name: &str, context: &S) -> Result<String, K> {
    render_with(None, name, context, 0)
}

/// Renders `name` with `context` over `programmes` programmes; templates in `overrides`
/// replace built-in ones by name, and a render that uses a folder is held to a `Budget`.
pub fn render_with<S: serde::Serialize>(
    overrides: Option<&Path>,
    name: &str,
    context: &S,
    programmes: usize,
) -> Result<String, K> {
    let Some(dir) = overrides else {
        let env = built_in().as_ref().map_err(Clone::clone)?;
        let template = env.get_template(name).map_err(|e| describe(&e))?;
        return template.render(minijinja::value::Serde(context)).map_err(|e| describe(&e));
    };
    let budget = Budget::for_programmes(programmes);
    let env = environment(Some(dir), Some(budget))?;
    let template = env.get_template(name).map_err(|e| describe(&e))?;
    let mut out = Bounded::new(budget.output);
    let shown = overrides.map(crate::text::display_path).unwrap_or_default();
    let programmes_named = if programmes == 1 { "1 programme".to_string() } else { format!("{programmes} programmes") };
    match template.render_captured_to(minijinja::value::Serde(context), &mut out) {
        Ok(_) => String::from_utf8(out.bytes)
            .map_err(|_| K::Template(format!("template error: {name} wrote text that is not UTF-8"))),
        Err(_) if out.exceeded => Err(K::Template(format!(
            "template error: {name} (templates of {shown}) wrote more than {} bytes, the limit for \
             {programmes_named} ({} MiB + {} KiB per programme); nothing was written",
            budget.output,
            budget::OUTPUT_BASE >> 20,
            budget::OUTPUT_PER_PROGRAMME >> 10
        ))),
        Err(e) if e.kind() == minijinja::ErrorKind::OutOfFuel => Err(K::Template(format!(
            "template error: {name} (templates of {shown}) took more than {} steps, the limit for \
             {programmes_named} ({} + {} per programme; data a template builds costs a step per 64 \
             bytes){}; nothing was written",
            budget.fuel,
            budget::FUEL_BASE,
            budget::FUEL_PER_PROGRAMME,
            e.line().map(|l| format!(", stopped at line {l} of {}", e.name().unwrap_or(name))).unwrap_or_default()
        ))),
        Err(e) => Err(describe(&e)),
    }
}

/// The environment of the built-in templates, made once per run: every render without a
/// template folder shares it.
fn built_in() -> &'static Result<Environment<'static>, K> {
    static BUILT_IN: std::sync::OnceLock<Result<Environment<'static>, K>> = std::sync::OnceLock::new();
    BUILT_IN.get_or_init(|| {
        let mut env = environment(None, None)?;
        if cfg!(debug_assertions) {
            env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        }
        Ok(env)
    })
}

fn environment(overrides: Option<&Path>, budget: Option<Budget>) -> Result<Environment<'static>, K> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else if name.ends_with(".txt") {
            AutoEscape::Custom(std::borrow::Cow::Borrowed(ONE_LINE))
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Custom(n) if n == ONE_LINE) && !value.is_safe() {
            out.write_str(&one_line(&value.to_string()))?;
            Ok(())
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
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
    for (name, source) in crate::assets::TEMPLATE_FILES {
        env.add_template(name, source).map_err(|e| describe(&e))?;
    }
    if let Some(dir) = overrides {
        for (name, source) in folder::read(dir)? {
            env.add_template_owned(name, source).map_err(|e| describe(&e))?;
        }
    }
    // A template from elsewhere gets a budget of steps (and so of time and memory): a loop
    // without end stops with an error instead of holding the run.
    env.set_fuel(budget.map(|b| b.fuel));
    Ok(env)
}

/// The escaping of text templates (`.txt`, the terminal details): every value on one line.
const ONE_LINE: &str = "one-line";

/// A value as a text template writes it: a line break inside it is written `\n`, so a title
/// or a reason cannot start a line that looks like one of the tool's own.
fn one_line(value: &str) -> String {
    let breaks = |c: char| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}');
    if !value.contains(breaks) {
        return value.to_string();
    }
    value.trim_end_matches(breaks).replace("\r\n", "\n").replace(breaks, "\\n")
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
fn describe(e: &minijinja::Error) -> K {
    let mut text = format!("template error: {e}");
    if let Some(detail) = e.detail()
        && !text.contains(detail)
    {
        text.push_str(&format!(": {detail}"));
    }
    K::Template(text)
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

    #[test]
    fn text_values_stay_on_one_line() {
        assert_eq!(super::one_line("a\nerror: b\r\nc\n"), "a\\nerror: b\\nc");
        assert_eq!(super::one_line("Ménaka : oui"), "Ménaka : oui");
    }
}
