//! Reads one rule file into a `Rule`, reporting every mistake with its line and column.
//!
//! Part of the checklist stage. It checks the rule's shape and vocabulary; it must not
//! decide whether a rule is wise, nor evaluate it.

use super::condition::{self, Scope};
use crate::load::Node;
use crate::model::ProblemKind as K;
use crate::model::rule::{PortfolioMatch, Sharing, Source};
use crate::model::{Body, Modifier, OnProgramme, ProgrammeType, Rating, RiskArea, Rule, RuleKind};
use crate::validate::reader::{self, Map, Sink};

/// The keys every kind of rule has.
pub const COMMON_KEYS: &[&str] = &[
    "id",
    "kind",
    "title",
    "risk_area",
    "when",
    "impact",
    "likelihood",
    "floor",
    "rationale",
    "source",
    "mitigation",
    "references",
];
/// The keys only rules evaluated on one programme (`risk`, `contradiction`) honour.
pub const PROGRAMME_KEYS: &[&str] = &["applies_to", "modifiers"];
/// The keys only `kind: portfolio` rules honour.
pub const PORTFOLIO_KEYS: &[&str] = &["other", "sharing", "partner_where", "other_must"];

/// Reads a rule. `stem` is the file name without extension, which must equal the id;
/// `folder` the name of the folder holding it, which must be its risk area when it is one.
pub fn read(node: &Node, stem: &str, folder: Option<&str>, checklist: &str, sink: &mut Sink) -> Option<Rule> {
    let before = sink.problems.len();
    let all: Vec<&str> = [COMMON_KEYS, PROGRAMME_KEYS, PORTFOLIO_KEYS].concat();
    let map = Map::open(node, &all, "rule", sink)?;

    let id = map.require("id", sink).and_then(|n| {
        let id = reader::text(n, "id", sink)?;
        if !valid_id(&id) {
            sink.push(
                n.loc,
                K::InvalidRule(format!("rule id `{id}` must be letters, a dash and three digits, like `LIV-001`")),
            );
            return None;
        }
        if id != stem {
            sink.push(n.loc, K::InvalidRule(format!("rule id `{id}` does not match its file name `{stem}`")));
        }
        Some(id)
    });
    let kind = match map.get("kind") {
        None => Some(RuleKind::Risk),
        Some(n) => reader::choice(n, "kind", &["risk", "contradiction", "portfolio"], parse_kind, sink),
    };
    // Each kind has the keys it honours; a key of another kind is an error, never ignored.
    let body = match kind {
        Some(RuleKind::Portfolio) => {
            for key in PROGRAMME_KEYS {
                if map.has(key) {
                    sink.push(map.key_loc(key), K::InvalidRule(not_for_portfolio(key)));
                }
            }
            portfolio(&map, sink).map(Body::Portfolio)
        }
        Some(kind) => {
            for key in PORTFOLIO_KEYS {
                if map.has(key) {
                    sink.push(map.key_loc(key), K::InvalidRule(format!("`{key}` belongs to `kind: portfolio` rules")));
                }
            }
            on_programme(&map, kind == RuleKind::Contradiction, sink).map(Body::Programme)
        }
        None => None,
    };
    let title = map.require("title", sink).and_then(|n| reader::bilingual(n, "title", sink));
    let risk_area = map.require("risk_area", sink).and_then(|n| {
        let area = reader::choice(n, "risk_area", RiskArea::NAMES, RiskArea::parse, sink)?;
        if let Some(folder) = folder
            && RiskArea::parse(folder).is_some_and(|f| f != area)
        {
            sink.push(
                n.loc,
                K::InvalidRule(format!("rule in folder `{folder}` has risk area `{area}`; move it or fix the area")),
            );
        }
        Some(area)
    });
    let when = map.require("when", sink).and_then(|n| condition::parse(n, Scope::Programme, sink));
    let impact = map.require("impact", sink).and_then(|n| reader::integer(n, "impact", 1, 5, sink));
    let likelihood = map.require("likelihood", sink).and_then(|n| reader::integer(n, "likelihood", 1, 5, sink));
    let floor = map.get("floor").and_then(|n| rating(n, "floor", sink));
    let rationale = map.require("rationale", sink).and_then(|n| reader::bilingual(n, "rationale", sink));
    let source = map.require("source", sink).and_then(|n| source(n, sink));
    let mitigation = map.require("mitigation", sink).and_then(|n| reader::bilingual(n, "mitigation", sink));
    let references = map
        .get("references")
        .map(|n| reader::items(n).into_iter().filter_map(|i| reader::text(i, "references", sink)).collect())
        .unwrap_or_default();

    if sink.problems.len() > before {
        return None;
    }
    Some(Rule {
        id: id?,
        title: title?,
        risk_area: risk_area?,
        when: when?,
        impact: impact? as u8,
        likelihood: likelihood? as u8,
        floor,
        rationale: rationale?,
        source: source?,
        mitigation: mitigation?,
        references,
        body: body?,
        checklist: checklist.to_string(),
        file: sink.file.to_string(),
        loc: node.loc,
    })
}

fn parse_kind(text: &str) -> Option<RuleKind> {
    match text {
        "risk" => Some(RuleKind::Risk),
        "contradiction" => Some(RuleKind::Contradiction),
        "portfolio" => Some(RuleKind::Portfolio),
        _ => None,
    }
}

/// Why a key of a programme rule is refused in a portfolio rule.
fn not_for_portfolio(key: &str) -> String {
    let why = match key {
        "applies_to" => "a portfolio rule looks at every programme of the portfolio, whatever its type",
        _ => "a portfolio finding is rated on the rule's own impact and likelihood",
    };
    format!("`{key}` does not belong to `kind: portfolio` rules: {why}; remove it")
}

/// The body of a `risk` or `contradiction` rule: the types it applies to, its modifiers.
fn on_programme(map: &Map, contradiction: bool, sink: &mut Sink) -> Option<OnProgramme> {
    let applies_to = match map.get("applies_to") {
        None => {
            sink.push(
                map.key_loc("applies_to"),
                K::MissingField("missing required field `applies_to` (programme types, or [all])".into()),
            );
            None
        }
        Some(n) => applies_to(n, sink),
    };
    let modifiers = map.get("modifiers").map(|n| modifiers(n, sink)).unwrap_or_default();
    Some(OnProgramme { contradiction, applies_to: applies_to?, modifiers })
}

/// The cross-programme part of a `kind: portfolio` rule.
fn portfolio(map: &Map, sink: &mut Sink) -> Option<PortfolioMatch> {
    let other = map.require("other", sink).and_then(|n| condition::parse(n, Scope::Programme, sink));
    let sharing = map
        .require("sharing", sink)
        .and_then(|n| reader::choice(n, "sharing", &["region", "partner", "neighbouring_region"], parse_sharing, sink));
    let partner_where = match map.get("partner_where") {
        Some(n) if sharing == Some(Sharing::Partner) => {
            Some(condition::parse(n, Scope::Item(crate::model::rule::ListName::Partners), sink)?)
        }
        Some(n) => {
            sink.push(n.loc, K::InvalidRule("`partner_where` goes with `sharing: partner`".into()));
            return None;
        }
        None => None,
    };
    let other_exists = match map.get("other_must") {
        None => Some(true),
        Some(n) => reader::choice(
            n,
            "other_must",
            &["exist", "not_exist"],
            |s| match s {
                "exist" => Some(true),
                "not_exist" => Some(false),
                _ => None,
            },
            sink,
        ),
    };
    Some(PortfolioMatch { other: other?, sharing: sharing?, partner_where, other_exists: other_exists? })
}

fn parse_sharing(text: &str) -> Option<Sharing> {
    match text {
        "region" => Some(Sharing::Region),
        "partner" => Some(Sharing::Partner),
        "neighbouring_region" => Some(Sharing::NeighbouringRegion),
        _ => None,
    }
}

/// `AREA-NNN`: two to five capital letters, a dash, three digits.
pub fn valid_id(id: &str) -> bool {
    match id.split_once('-') {
        Some((letters, digits)) => {
            (2..=5).contains(&letters.len())
                && letters.bytes().all(|b| b.is_ascii_uppercase())
                && digits.len() == 3
                && digits.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

fn applies_to(node: &Node, sink: &mut Sink) -> Option<Option<Vec<ProgrammeType>>> {
    let items = reader::items(node);
    if items.len() == 1 && items[0].as_str() == Some("all") {
        return Some(None);
    }
    let mut names = ProgrammeType::NAMES.to_vec();
    names.push("all");
    let mut types = Vec::new();
    for item in items {
        let t = reader::choice(item, "applies_to", &names, ProgrammeType::parse, sink)?;
        types.push(t);
    }
    if types.is_empty() {
        sink.push(node.loc, K::InvalidRule("`applies_to` must name at least one programme type, or be [all]".into()));
        return None;
    }
    Some(Some(types))
}

fn rating(node: &Node, what: &str, sink: &mut Sink) -> Option<Rating> {
    reader::choice(node, what, Rating::NAMES, Rating::parse, sink)
}

fn modifiers(node: &Node, sink: &mut Sink) -> Vec<Modifier> {
    let mut out = Vec::new();
    for item in reader::items(node) {
        let Some(map) = Map::open(item, &["when", "impact", "likelihood", "floor"], "modifier", sink) else {
            continue;
        };
        let when = map.require("when", sink).and_then(|n| condition::parse(n, Scope::Programme, sink));
        let impact = map.get("impact").map(|n| reader::integer(n, "impact", -4, 4, sink));
        let likelihood = map.get("likelihood").map(|n| reader::integer(n, "likelihood", -4, 4, sink));
        let floor = map.get("floor").map(|n| rating(n, "floor", sink));
        if impact.is_none() && likelihood.is_none() && floor.is_none() {
            sink.push(item.loc, K::InvalidRule("a modifier must change `impact`, `likelihood` or `floor`".into()));
            continue;
        }
        let (Some(when), Some(impact), Some(likelihood), Some(floor)) =
            (when, impact.unwrap_or(Some(0)), likelihood.unwrap_or(Some(0)), floor.unwrap_or(Some(Rating::Low)))
        else {
            continue;
        };
        let floor = map.get("floor").map(|_| floor);
        out.push(Modifier { when, impact: impact as i8, likelihood: likelihood as i8, floor });
    }
    out
}

fn source(node: &Node, sink: &mut Sink) -> Option<Source> {
    let map = Map::open(node, &["section", "quote", "fr"], "source", sink)?;
    let section = map.require("section", sink).and_then(|n| reader::text(n, "source.section", sink));
    let quote = map.require("quote", sink).and_then(|n| reader::text(n, "source.quote", sink));
    let fr = map.get("fr").and_then(|n| reader::text(n, "source.fr", sink));
    Some(Source { section: section?, quote: quote?, fr })
}
