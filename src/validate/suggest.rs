//! "Did you mean" suggestions and readable lists of valid values, for error messages.
//!
//! Pure string helpers shared by programme and rule validation. Nothing here knows a format.

pub use crate::text::did_you_mean;

/// `a, b or c`, each in backticks.
pub fn one_of(values: &[&str]) -> String {
    match values {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [init @ .., last] => {
            let head: Vec<String> = init.iter().map(|v| format!("`{v}`")).collect();
            format!("{} or `{last}`", head.join(", "))
        }
    }
}

/// A message for a value not in a closed list: suggestion first, then every valid value.
pub fn unknown_value(what: &str, value: &str, valid: &[&str]) -> String {
    let mut message = format!("{what} has unknown value `{value}`");
    match yes_or_no(value, valid).or_else(|| did_you_mean(value, valid.iter().copied())) {
        Some(s) => message.push_str(&format!("; did you mean `{s}`?")),
        None => message.push('.'),
    }
    message.push_str(&format!(" Valid values: {}.", valid.join(", ")));
    message
}

/// The answer a YAML 1.1 boolean (`on`, `off`) or a quoted `"true"` means, when `yes` and
/// `no` are valid values: `on` is `yes`, whatever spelling is closer.
fn yes_or_no<'a>(value: &str, valid: &[&'a str]) -> Option<&'a str> {
    let meant = match value.to_lowercase().as_str() {
        "on" | "true" | "y" => "yes",
        "off" | "false" | "n" => "no",
        _ => return None,
    };
    valid.iter().copied().find(|v| *v == meant)
}

/// A message for a key not in a mapping's fields.
pub fn unknown_field(key: &str, within: &str, valid: &[&str]) -> String {
    let place = if within.is_empty() { String::new() } else { format!(" in `{within}`") };
    match did_you_mean(key, valid.iter().copied()) {
        Some(s) => format!("unknown field `{key}`{place}; did you mean `{s}`?"),
        None => format!("unknown field `{key}`{place}; expected one of: {}", valid.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let fields = ["measures", "partners", "activities", "context"];
        assert_eq!(did_you_mean("measurse", fields), Some("measures"));
        assert_eq!(did_you_mean("partner", fields), Some("partners"));
        assert_eq!(did_you_mean("budget", fields), None);
        assert_eq!(did_you_mean("boarder", ["border", "ssr"]), Some("border"));
        assert_eq!(did_you_mean("Yes", ["yes", "no"]), Some("yes"));
    }

    #[test]
    fn lists_values() {
        assert_eq!(one_of(&["yes", "no", "unknown"]), "`yes`, `no` or `unknown`");
        assert!(unknown_value("`type`", "boarder", &["border", "ssr"]).contains("did you mean `border`?"));
        let answers = ["yes", "no", "unknown"];
        assert!(unknown_value("`remote`", "on", &answers).contains("did you mean `yes`?"));
        assert!(unknown_value("`remote`", "OFF", &answers).contains("did you mean `no`?"));
        assert!(!unknown_value("`kind`", "on", &["training", "media"]).contains("did you mean"));
    }
}
