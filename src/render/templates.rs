//! The minijinja environment: the templates built into the binary, overridden by name from a
//! user's folder, rendering the `view` context.
//!
//! Part of the render stage. Programme text reaches templates only as data, never as
//! template source; HTML templates are autoescaped.

use super::view::ReportView;
use minijinja::{AutoEscape, Environment};

/// Renders the template `name` with the report view.
pub fn render(name: &str, view: &ReportView) -> Result<String, String> {
    render_value(name, view)
}

/// Renders the template `name` with any serializable context.
pub fn render_value<S: serde::Serialize>(name: &str, context: &S) -> Result<String, String> {
    let env = environment();
    let template = env.get_template(name).map_err(|e| describe(&e))?;
    template.render(minijinja::value::Serde(context)).map_err(|e| describe(&e))
}

fn environment() -> Environment<'static> {
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
    for (name, source) in crate::checklist::TEMPLATE_FILES {
        // Built-in templates are tested; a broken one is reported when rendered.
        let _ = env.add_template(name, source);
    }
    env
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
