//! The module graph read from the source (`crate::name` in each top-level module): it follows
//! the layer order below, so it has no cycle, and the edges
//! that were removed must not return. The command line is known only to `app` (and the
//! binary's `main`); the model knows only the text functions, and they know nothing of the
//! crate; no stage knows `app` or `cli`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each top-level module of `src/` and the top-level modules it names as `crate::name`.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in all {
        let relative = path.strip_prefix(&src).expect("under src");
        let first = relative.components().next().expect("a name").as_os_str().to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        let text = std::fs::read_to_string(&path).expect("readable source");
        let used = graph.entry(module.clone()).or_default();
        for (at, _) in text.match_indices("crate::") {
            let rest = &text[at + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !name.is_empty() && name != module {
                used.insert(name);
            }
        }
        // `use crate::{a, b::c}` names several modules at once.
        for (at, _) in text.match_indices("crate::{") {
            let inside = text[at + "crate::{".len()..].split('}').next().unwrap_or("");
            for part in inside.split(',') {
                let name: String = part.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if !name.is_empty() && name != module && name != "self" {
                    used.insert(name);
                }
            }
        }
    }
    graph
}

#[test]
fn the_graph_is_read_from_the_source() {
    let graph = graph();
    for module in ["app", "cli", "model", "render", "load", "evaluate"] {
        assert!(graph.contains_key(module), "{module} is a module: {:?}", graph.keys());
    }
    assert!(graph["app"].contains("cli"), "app reads the command line");
}

#[test]
fn only_app_knows_the_command_line() {
    for (module, used) in graph() {
        if !matches!(module.as_str(), "app" | "main" | "lib" | "cli") {
            assert!(!used.contains("cli"), "{module} names crate::cli: {used:?}");
        }
        if module != "main" && module != "lib" {
            assert!(!used.contains("app"), "{module} names crate::app: {used:?}");
        }
    }
}

#[test]
fn the_model_knows_only_the_text_functions() {
    let graph = graph();
    let used: Vec<&String> = graph["model"].iter().filter(|m| *m != "text").collect();
    assert!(used.is_empty(), "the model names {used:?}");
}

#[test]
fn the_text_functions_know_nothing_of_the_crate() {
    let graph = graph();
    assert!(graph["text"].is_empty(), "text names {:?}", graph["text"]);
}

/// Discovery gets its file classifier from the caller: loading knows neither the
/// configuration nor IATI (both read files through it).
#[test]
fn loading_knows_neither_the_configuration_nor_iati() {
    let graph = graph();
    for above in ["config", "iati"] {
        assert!(!graph["load"].contains(above), "load names crate::{above}: {:?}", graph["load"]);
    }
}

/// The condition language (`lang`: each field test's parser, evaluation and description) sits
/// below the stages that use it: the checklist parses with it, and the evaluator and the
/// renderers reach it through the model's `FieldTest`. It names none of them.
#[test]
fn the_condition_language_sits_below_the_stages_that_use_it() {
    let graph = graph();
    assert!(graph["checklist"].contains("lang"), "the checklist parses with the language");
    for above in ["checklist", "evaluate", "render", "score", "app", "cli"] {
        assert!(!graph["lang"].contains(above), "lang names crate::{above}: {:?}", graph["lang"]);
    }
    for below in ["load", "model", "schema", "validate", "text"] {
        assert!(!graph[below].contains("lang"), "{below} names crate::lang: {:?}", graph[below]);
    }
}

/// The layers, lowest first. A module may name only modules of lower layers, so the graph
/// has no cycle; a new module must be given its place here.
const LAYERS: &[&[&str]] = &[
    &["text"],
    &["model"],
    &["load", "assets", "output"],
    &["schema", "baseline"],
    &["redact"],
    &["validate"],
    &["lang", "config"],
    &["checklist"],
    &["evaluate", "iati"],
    &["score", "aggregate"],
    &["render"],
    &["cli"],
    &["app"],
    &["fuzzing", "lib", "main"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

#[test]
fn every_module_names_only_modules_of_lower_layers() {
    let graph = graph();
    let mut wrong = Vec::new();
    for (module, used) in &graph {
        let Some(at) = layer(module) else {
            wrong.push(format!("{module} has no layer: give it one in tests/layers.rs"));
            continue;
        };
        for other in used.iter().filter(|o| graph.contains_key(*o)) {
            if layer(other).is_none_or(|below| below >= at) {
                wrong.push(format!("{module} (layer {at}) names crate::{other} (layer {:?})", layer(other)));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_layer_order_catches_a_cycle() {
    // What the test above would say of validate naming lang (lang names validate).
    let (validate, lang) = (layer("validate").expect("placed"), layer("lang").expect("placed"));
    assert!(lang > validate && graph()["lang"].contains("validate"), "lang sits above validate and names it");
}
