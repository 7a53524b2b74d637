//! `dnh-screen portfolio`: aggregates across programmes and cross-programme findings that
//! name every programme involved, and none that the designs do not support.

mod common;
use common::{Dir, root, run_in};
use serde_json::Value;

fn portfolio(args: &[&str]) -> Value {
    let mut all = vec!["portfolio", "--format", "json", "--today", "2026-11-28"];
    all.extend_from_slice(args);
    let run = run_in(&root(), &all);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run.json()
}

fn cross<'a>(json: &'a Value, rule: &str) -> Vec<&'a Value> {
    json["cross"].as_array().into_iter().flatten().filter(|c| c["rule"] == rule).collect()
}

fn ids(finding: &Value) -> Vec<String> {
    finding["involved"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["programme"].as_str().map(String::from))
        .collect()
}

#[test]
fn cross_programme_findings_name_every_programme_involved() {
    let json = portfolio(&["examples/portfolio"]);
    let pf1 = cross(&json, "PF-001");
    assert_eq!(pf1.len(), 1, "{pf1:?}");
    assert_eq!(pf1[0]["shared"], "Ménaka");
    assert_eq!(ids(pf1[0]), ["ML-MNK-BRD-02", "ML-MNK-DEV-01"]);
    let lines: Vec<u64> =
        pf1[0]["involved"].as_array().into_iter().flatten().filter_map(|i| i["line"].as_u64()).collect();
    assert_eq!(lines, [18, 19], "each programme with the line of the region they share");

    let pf2 = cross(&json, "PF-002");
    assert_eq!(pf2.len(), 1);
    assert_eq!(ids(pf2[0]), ["ML-SIK-BRD-03"]);

    let pf3 = cross(&json, "PF-003");
    let shared: Vec<&str> = pf3.iter().filter_map(|f| f["shared"].as_str()).collect();
    assert_eq!(shared, ["Association des Transporteurs du Nord", "Coordination des Mouvements de l'Azawad (example)"]);
    assert_eq!(ids(pf3[0]), ["ML-GAO-DEV-02", "ML-TBK-GOV-01"]);
    assert_eq!(pf3[0]["rating"], "high", "a floor: never below High");

    let pf4 = cross(&json, "PF-004");
    assert_eq!(pf4.len(), 1);
    assert_eq!(ids(pf4[0]), ["ML-KID-CT-01", "ML-KID-DDR-01"]);
    for c in json["cross"].as_array().into_iter().flatten() {
        assert!(
            c["why"].as_str().is_some_and(|w| !w.is_empty()) && c["mitigation"].as_str().is_some_and(|m| !m.is_empty())
        );
    }
}

#[test]
fn no_cross_programme_finding_is_invented() {
    let dir = Dir::new();
    dir.write("a.yaml", "id: A\ntitle: Ban in Gao\ntype: border\nlocation: { regions: [Gao] }\nactivities: [{ kind: trade_restrictions }]\nmeasures: { regional_coordination: yes }\n");
    dir.write("b.yaml", "id: B\ntitle: Livelihoods in Kayes\ntype: development\nlocation: { regions: [Kayes] }\nactivities: [{ kind: livelihoods }]\n");
    dir.write("c.yaml", "id: C\ntitle: DDR in Mopti\ntype: ddr\npartners: [{ name: Movement X, kind: armed_group, role: beneficiary }]\n");
    dir.write("d.yaml", "id: D\ntitle: CT in Mopti\ntype: counter_terrorism\npartners: [{ name: Movement Y, kind: armed_group, role: implementing }]\n");
    let run = run_in(dir.path(), &["portfolio", ".", "--format", "json", "--today", "2026-11-28"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.json()["cross"],
        Value::Array(Vec::new()),
        "different regions, different armed groups: nothing to report"
    );
}

#[test]
fn aggregates_for_a_donor() {
    let json = portfolio(&["examples"]);
    let total = json["programmes"].as_u64().unwrap_or(0);
    let by_rating: u64 = json["by_rating"].as_array().into_iter().flatten().filter_map(|g| g["count"].as_u64()).sum();
    assert_eq!(by_rating, total);
    assert!(total >= 15);

    let budget = json["budget"].as_array().cloned().unwrap_or_default();
    let high = budget.iter().find(|b| b["rating"] == "high").cloned().unwrap_or_default();
    let currencies: Vec<&str> =
        high["sums"].as_array().into_iter().flatten().filter_map(|s| s["currency"].as_str()).collect();
    assert!(
        currencies.contains(&"EUR") && currencies.contains(&"USD"),
        "sums per currency, never mixed: {currencies:?}"
    );

    let partners = json["shared_partners"].as_array().cloned().unwrap_or_default();
    let atn =
        partners.iter().find(|p| p["name"] == "Association des Transporteurs du Nord").cloned().unwrap_or_default();
    assert_eq!(atn["inconsistent_vetting"], true);
    assert_eq!(atn["concerns"], 1);
    assert_eq!(atn["uses"].as_array().map(Vec::len), Some(2));

    let heat = json["heat"].as_array().cloned().unwrap_or_default();
    let menaka = heat.iter().find(|r| r["region"] == "Ménaka").cloned().unwrap_or_default();
    assert_eq!(menaka["cells"].as_array().map(Vec::len), Some(9));
    assert_eq!(menaka["cells"][1]["rating"], "high", "livelihoods is High in Ménaka");
    let types: Vec<&str> =
        json["by_type"].as_array().into_iter().flatten().filter_map(|t| t["type"].as_str()).collect();
    assert!(types.contains(&"border") && types.contains(&"ddr"));
    let frequent = json["frequent"].as_array().cloned().unwrap_or_default();
    assert!(!frequent.is_empty() && frequent.len() <= 10);
    let counts: Vec<u64> = frequent.iter().filter_map(|f| f["programmes"].as_u64()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most frequent first");
}

#[test]
fn screenings_due_and_overdue() {
    let dir = Dir::new();
    dir.write("old.yaml", "id: OLD\ntitle: T\ntype: ssr\nstage: implementation\nscreening: { date: 2025-01-10 }\nmeasures: { crime_monitoring: { review_months: 6 } }\n");
    dir.write("soon.yaml", "id: SOON\ntitle: T\ntype: ssr\nstage: implementation\nstart: 2026-01-01\n");
    dir.write("fresh.yaml", "id: FRESH\ntitle: T\ntype: ssr\nstage: implementation\nscreening: { date: 2026-11-01 }\n");
    dir.write("closed.yaml", "id: CLOSED\ntitle: T\ntype: ssr\nstage: closed\nstart: 2020-01-01\n");
    let run = run_in(dir.path(), &["portfolio", ".", "--format", "json", "--today", "2026-11-28"]);
    let reviews = run.json()["reviews"].as_array().cloned().unwrap_or_default();
    let by_id = |id: &str| reviews.iter().find(|r| r["programme"] == id).cloned();
    assert_eq!(
        by_id("OLD").map(|r| (r["next"].clone(), r["overdue"].clone())),
        Some(("2025-07-10".into(), true.into()))
    );
    assert_eq!(
        by_id("SOON").map(|r| (r["next"].clone(), r["overdue"].clone())),
        Some(("2027-01-01".into(), false.into()))
    );
    assert!(by_id("FRESH").is_none() && by_id("CLOSED").is_none());
}

#[test]
fn every_portfolio_format_renders() {
    for (format, start) in [
        ("table", "Portfolio screening"),
        ("md", "# Portfolio screening"),
        ("html", "<!DOCTYPE html>"),
        ("csv", "file,programme,"),
    ] {
        let run = run_in(&root(), &["portfolio", "examples/portfolio", "--format", format, "--today", "2026-11-28"]);
        assert_eq!(run.status, 0, "{format}: {}", run.stderr);
        assert!(run.stdout.starts_with(start), "{format}: {}", &run.stdout[..80.min(run.stdout.len())]);
    }
    let html =
        run_in(&root(), &["portfolio", "examples/portfolio", "--format", "html", "--today", "2026-11-28"]).stdout;
    assert!(!html.contains("<script") && html.contains("class=\"heat\""));
    let fr = run_in(&root(), &["portfolio", "examples/portfolio", "--lang", "fr", "--today", "2026-11-28"]).stdout;
    assert!(fr.starts_with("Analyse du portefeuille") && fr.contains("Constats entre programmes"), "{fr}");
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let run = |threads: &str| {
        let out = assert_cmd::Command::cargo_bin("dnh-screen")
            .expect("binary")
            .current_dir(root())
            .env("RAYON_NUM_THREADS", threads)
            .args(["portfolio", "examples", "--format", "json", "--today", "2026-11-28"])
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("8"));
}

/// Budget totals are exact, or not given with an error naming the file and line of the amount
/// that cannot be added (before, three amounts of 1.7e308 showed 9,223,372,036,854,775,807 EUR
/// with a JSON total of null, and 1e41 a JSON total of 1e+41 beside that same text).
#[test]
fn budget_totals_are_exact_or_refused_naming_the_amount() {
    let dir = Dir::new();
    let with = |id: &str, amount: &str| {
        common::STRONG.replace("id: ML-SIK-DEV-99", &format!("id: {id}\nbudget: {{ amount: {amount}, currency: EUR }}"))
    };
    for i in 1..=3 {
        dir.write(&format!("huge/p{i}.yaml"), &with(&format!("HUGE-{i}"), "1.7e308"));
    }
    dir.write("digits/p.yaml", &with("DIGITS", "99999999999999999999999999999999999999999"));
    dir.write("sum/a.yaml", &with("SUM-A", "50000000000000000"));
    dir.write("sum/b.yaml", &with("SUM-B", "50000000000000000"));
    dir.write("cents/a.yaml", &with("CENTS-A", "0.1"));
    dir.write("cents/b.yaml", &with("CENTS-B", "0.2"));
    dir.write("cents/c.yaml", &with("CENTS-C", "4500000"));
    let run = |folder: &str, format: &str, lang: &str| {
        run_in(dir.path(), &["portfolio", folder, "--format", format, "--lang", lang, "--today", "2026-11-28"])
    };
    let sums = |json: &Value| -> Vec<Value> {
        json["budget"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|b| b["sums"].as_array().cloned().unwrap_or_default())
            .collect()
    };
    let largest = "more than the largest amount added (92233720368547758.07)";
    for (folder, files, says) in [
        ("huge", vec!["p1.yaml", "p2.yaml", "p3.yaml"], format!("`budget.amount` is {largest}")),
        ("digits", vec!["p.yaml"], format!("`budget.amount` is {largest}")),
        ("sum", vec!["b.yaml"], format!("adds up, with this amount, to {largest}: it is not added")),
    ] {
        let json = run(folder, "json", "en");
        assert_eq!(json.status, 2, "{}", json.stderr);
        for file in &files {
            let line = format!("error[DNH210]: {folder}/{file}:3:19: ");
            assert!(
                json.stderr.lines().any(|l| l.starts_with(&line) && l.contains(&says)),
                "{line}{says}\n{}",
                json.stderr
            );
        }
        assert_eq!(json.stderr.lines().count(), files.len(), "{}", json.stderr);
        let body = json.json();
        assert_eq!(body["errors"].as_array().map(Vec::len), Some(files.len()));
        let sums = sums(&body);
        assert_eq!(sums.len(), 1, "{sums:?}");
        assert!(sums[0]["total"].is_null(), "{sums:?}");
        assert_eq!(sums[0]["total_text"], "not added (see the errors)");
        for format in ["table", "md", "html"] {
            let shown = run(folder, format, "en").stdout;
            assert!(shown.contains("EUR not added (see the errors)"), "{format}: {shown}");
            assert!(!shown.contains("9,223,372") && !shown.contains("e+"), "{format}: {shown}");
        }
    }
    let cents = run("cents", "json", "en");
    assert_eq!(cents.status, 0, "{}", cents.stderr);
    let sums = sums(&cents.json());
    assert_eq!(sums.len(), 1, "{sums:?}");
    assert_eq!(sums[0]["total"], 4_500_000.3);
    assert_eq!(sums[0]["total_text"], "4,500,000.30");
    assert_eq!(sums[0]["programmes"], 3);
    assert!(run("cents", "table", "en").stdout.contains("4,500,000.30 EUR"));
    assert!(run("cents", "md", "fr").stdout.contains("4\u{202f}500\u{202f}000,30 EUR"));
}
