//! Writes N synthetic but valid programme files, deterministic for a seed, for benchmarks:
//!
//!     cargo run --release --example generate-portfolio -- N SEED DIR [contacts|sensitive]
//!
//! The programmes vary in type, region, context, partners, activities and answers (yes, no,
//! unknown and left out), so screening exercises every rule. Same N and SEED, same files.
//! With `contacts`, each programme also lists two contacts with names of its own, written again
//! in its summary; with `sensitive`, the same files with both contacts marked `sensitive: yes`
//! (so the two runs differ only by the withholding).

use std::fmt::Write as _;
use std::path::PathBuf;

/// xorshift64*: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const TYPES: &[&str] =
    &["ssr", "ddr", "border", "counter_terrorism", "justice", "development", "governance", "reconciliation"];
const REGIONS: &[&str] =
    &["Gao", "Ménaka", "Kidal", "Tombouctou", "Mopti", "Ségou", "Sikasso", "Kayes", "Koulikoro", "Tillabéri", "Sahel"];
const LEVELS: &[&str] = &["low", "medium", "high", "unknown"];
const PRESENCE: &[&str] = &["absent", "weak", "partial", "strong", "unknown"];
const MARKETS: &[&str] =
    &["drugs", "arms", "fuel", "cigarettes", "migrant_smuggling", "kidnapping", "gold", "banditry"];
const PARTNER_KINDS: &[&str] = &[
    "government",
    "security_forces",
    "local_authority",
    "armed_group",
    "civil_society",
    "community",
    "religious_leader",
    "womens_organisation",
    "academia",
    "private_sector",
];
const ROLES: &[&str] = &["implementing", "beneficiary", "co_funder", "subcontractor"];
const ACTIVITIES: &[&str] = &[
    "training",
    "equipment",
    "infrastructure",
    "patrols",
    "checkpoints",
    "trade_restrictions",
    "surveillance",
    "intelligence_sharing",
    "cash_transfers",
    "livelihoods",
    "reintegration",
    "community_dialogue",
    "data_collection",
    "legal_reform",
    "prosecution",
    "awareness",
    "regional_cooperation",
];
const COVERS: &[&str] = &[
    "criminal_markets",
    "power_brokers",
    "livelihoods",
    "corruption",
    "armed_groups",
    "gender",
    "cross_border",
    "state_complicity",
];
const ANSWERS: &[&str] = &["yes", "no", "unknown"];
const MEASURES: &[&str] = &[
    "partner_vetting",
    "civilian_oversight",
    "grievance_mechanism",
    "informant_protection",
    "data_protection",
    "community_consultation",
    "feedback_to_communities",
    "regional_coordination",
    "disengagement_conditions",
    "local_researchers",
];

/// An answer: yes (with or without evidence), no, unknown, or left out.
fn answer(rng: &mut Rng, out: &mut String, indent: &str, name: &str) {
    match rng.below(5) {
        0 => {}
        1 => {
            let _ =
                writeln!(out, "{indent}{name}: {{ answer: yes, evidence: \"design section {}\" }}", rng.below(9) + 1);
        }
        _ => {
            let _ = writeln!(out, "{indent}{name}: {}", rng.pick(ANSWERS));
        }
    }
}

/// A name of its own for every number: four syllables, never a word of the format or a region.
fn person(n: usize) -> String {
    const SYLLABLES: [&str; 20] = [
        "ka", "mo", "ssa", "ti", "dou", "ba", "kel", "ha", "mi", "na", "ou", "ze", "rou", "fa", "si", "la", "gou",
        "de", "bi", "wa",
    ];
    let s = |k: usize| SYLLABLES[(n / 20usize.pow(k as u32)) % 20];
    let given = format!("{}{}", s(0), s(1));
    let family = format!("{}{}", s(2), s(3));
    let cap = |w: &str| w[..1].to_uppercase() + &w[1..];
    format!("{} Ag {}", cap(&given), cap(&family))
}

/// Two contacts of programme `n`, marked sensitive or not.
fn contacts(n: usize, sensitive: bool) -> String {
    let mut out = String::from("contacts:\n");
    for k in 0..2 {
        let _ = writeln!(out, "  - name: {}\n    role: focal point", person(n * 2 + k));
        if sensitive {
            let _ = writeln!(out, "    sensitive: yes");
        }
    }
    out
}

fn programme(rng: &mut Rng, n: usize) -> String {
    let kind = rng.pick(TYPES);
    let region = rng.pick(REGIONS);
    let mut out = String::new();
    let _ = writeln!(out, "format: 1\nid: GEN-{n:06}\ntitle: Synthetic {kind} programme {n} in {region}\ntype: {kind}");
    let _ = writeln!(
        out,
        "summary: >\n  A synthetic programme in {region} that works with local partners on {} and {}.",
        rng.pick(ACTIVITIES),
        rng.pick(MARKETS)
    );
    let _ = writeln!(
        out,
        "budget: {{ amount: {}, currency: {} }}",
        (rng.below(90) + 1) * 50_000,
        rng.pick(&["EUR", "XOF", "USD"])
    );
    let _ = writeln!(
        out,
        "start: 20{}-{:02}-01\nduration_months: {}",
        24 + rng.below(4),
        rng.below(12) + 1,
        12 + rng.below(4) * 12
    );
    let _ = writeln!(out, "stage: {}", rng.pick(&["concept", "design", "approved", "implementation"]));
    let _ = writeln!(out, "location:\n  countries: [ML]\n  regions: [{region}]");
    answer(rng, &mut out, "  ", "border_areas");
    answer(rng, &mut out, "  ", "remote");
    let _ = writeln!(out, "context:\n  informal_economy_dependence: {}", rng.pick(LEVELS));
    let _ = writeln!(out, "  illicit_markets: [{}, {}]", rng.pick(MARKETS), rng.pick(MARKETS));
    answer(rng, &mut out, "  ", "armed_groups_present");
    let _ = writeln!(out, "  state_presence: {}\n  trust_in_security_forces: {}", rng.pick(PRESENCE), rng.pick(LEVELS));
    let _ = writeln!(out, "  arms_availability: {}\n  corruption_risk: {}", rng.pick(LEVELS), rng.pick(LEVELS));
    if rng.chance(80) {
        let _ = writeln!(
            out,
            "analysis:\n  political_economy:\n    done: {}",
            rng.pick(&["yes", "no", "planned", "unknown"])
        );
        let _ = writeln!(
            out,
            "    date: 20{}-{:02}\n    by: {}",
            20 + rng.below(7),
            rng.below(12) + 1,
            rng.pick(&["local", "international", "mixed"])
        );
        let _ = writeln!(out, "    covers: [{}, {}]", rng.pick(COVERS), rng.pick(COVERS));
        let _ = writeln!(out, "  community_perception:\n    surveys: {}", rng.below(4));
        answer(rng, &mut out, "    ", "results_shared_with_communities");
    }
    let _ = writeln!(out, "partners:");
    for p in 0..(1 + rng.below(4)) {
        let _ = writeln!(
            out,
            "  - name: Partner {} of {region}\n    kind: {}\n    role: {}",
            (n * 7 + p) % 400,
            rng.pick(PARTNER_KINDS),
            rng.pick(ROLES)
        );
        answer(rng, &mut out, "    ", "vetted");
        if rng.chance(5) {
            let _ = writeln!(out, "    concerns: [\"named in a report on escort fees\"]");
        }
    }
    let _ = writeln!(out, "activities:");
    for _ in 0..(1 + rng.below(4)) {
        let _ = writeln!(out, "  - kind: {}\n    description: Synthetic activity in {region}", rng.pick(ACTIVITIES));
    }
    let _ = writeln!(out, "measures:");
    for m in MEASURES {
        answer(rng, &mut out, "  ", m);
    }
    let _ = writeln!(
        out,
        "  anti_corruption: [{}]",
        rng.pick(&["audits", "cash_controls", "e_payments", "procurement_oversight"])
    );
    let _ = writeln!(out, "  alternative_livelihoods:");
    answer(rng, &mut out, "    ", "provided");
    answer(rng, &mut out, "    ", "competitive_with_illicit_income");
    let _ = writeln!(
        out,
        "  crime_monitoring:\n    indicators: [{}]\n    review_months: {}",
        if rng.chance(50) { "market prices" } else { "" },
        6 + rng.below(3) * 6
    );
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(4).map(String::as_str);
    let (Some(n), Some(seed), Some(dir), None | Some("contacts" | "sensitive")) = (
        args.get(1).and_then(|a| a.parse::<usize>().ok()),
        args.get(2).and_then(|a| a.parse::<u64>().ok()),
        args.get(3).map(PathBuf::from),
        mode,
    ) else {
        eprintln!("usage: generate-portfolio N SEED DIR [contacts|sensitive]");
        std::process::exit(2);
    };
    let mut rng = Rng(seed.max(1));
    for i in 0..n {
        // 1,000 files per folder, as a large portfolio would be organised.
        let folder = dir.join(format!("{:03}", i / 1000));
        if i % 1000 == 0
            && let Err(e) = std::fs::create_dir_all(&folder)
        {
            eprintln!("cannot create {}: {e}", folder.display());
            std::process::exit(2);
        }
        let mut text = programme(&mut rng, i);
        if mode.is_some() {
            // The summary names both contacts, as a design's narrative would.
            text = text.replacen(
                "summary: >\n",
                &format!("summary: >\n  Meetings with {} and {}.\n", person(i * 2), person(i * 2 + 1)),
                1,
            );
            text.push_str(&contacts(i, mode == Some("sensitive")));
        }
        if let Err(e) = std::fs::write(folder.join(format!("GEN-{i:06}.yaml")), text) {
            eprintln!("cannot write: {e}");
            std::process::exit(2);
        }
    }
}
