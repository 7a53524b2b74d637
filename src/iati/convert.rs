//! One IATI activity → a programme document (the raw node tree a YAML file would give, with
//! positions in the XML), following `data/iati-mapping.yaml`.
//!
//! Part of the load stage. Only what the activity states is written: design answers IATI does
//! not carry stay absent (information gaps); inferred activity kinds say so and give the words.

use super::mapping::{Mapping, table};
use super::xml::{Elem, RawActivity};
use super::{Options, Outcome};
use crate::load::{Node, NodeKind};
use crate::model::{Date, Loc, Problem, ProblemKind as K};
use std::collections::HashSet;

/// An activity converted: the programme document and what the file should say about it.
#[derive(Debug)]
pub struct Converted {
    /// The programme id: the IATI identifier made safe for a file name (`safe_id`).
    pub id: String,
    pub identifier: String,
    pub node: Node,
    /// How the mapping decided (sectors noted, currencies left aside, kinds inferred).
    pub notes: Vec<String>,
    pub loc: Loc,
    /// The activity's `last-updated-datetime`, to keep the latest of two published copies.
    pub last_updated: Option<String>,
}

/// The children of an activity the mapping reads; the others (results, documents, contacts,
/// policy markers…) are passed over unread.
pub fn reads(child: &str) -> bool {
    matches!(
        child,
        "iati-identifier"
            | "title"
            | "description"
            | "reporting-org"
            | "participating-org"
            | "budget"
            | "transaction"
            | "activity-date"
            | "activity-status"
            | "recipient-country"
            | "sector"
            | "location"
            | "related-activity"
    )
}

impl Converted {
    /// Gives the programme another id (when two identifiers make the same safe id).
    pub fn rename(&mut self, id: &str) {
        if let NodeKind::Map(entries) = &mut self.node.kind
            && let Some((_, value)) = entries.iter_mut().find(|(k, _)| k.key_text().as_deref() == Some("id"))
        {
            value.kind = NodeKind::Str(id.to_string());
        }
        self.notes.push(format!("id `{id}`: `{}` is taken by another identifier", self.id));
        self.id = id.to_string();
    }
}

pub(super) fn text(s: impl Into<String>, loc: Loc) -> Node {
    Node { loc, kind: NodeKind::Str(crate::load::visible(s.into())) }
}

pub(super) fn map(entries: Vec<(&str, Node)>, loc: Loc) -> Node {
    let entries = entries.into_iter().map(|(k, v)| (text(k, v.loc), v)).collect();
    Node { loc, kind: NodeKind::Map(entries) }
}

fn list(items: Vec<Node>, loc: Loc) -> Node {
    Node { loc, kind: NodeKind::Seq(items) }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The narrative of `elem` in the wanted language, else the activity's default, else the first.
fn narrative(elem: &Elem, wanted: &str, default: &str) -> Option<(String, Loc)> {
    let narratives: Vec<&Elem> = elem.all("narrative").filter(|n| !n.text.trim().is_empty()).collect();
    let lang = |n: &Elem| n.attr("xml:lang").map(str::to_lowercase);
    narratives
        .iter()
        .find(|n| lang(n).as_deref() == Some(wanted))
        .or_else(|| narratives.iter().find(|n| lang(n).is_none_or(|l| l == default)))
        .or_else(|| narratives.first())
        .map(|n| (collapse(&n.text), n.loc))
}

/// Converts one activity, or says why it is not a programme.
pub fn activity(raw: &RawActivity, display: &str, options: &Options) -> Outcome {
    let a = &raw.elem;
    if let Some(why) = &raw.refused {
        return Outcome::Skipped(Problem::new(display, a.loc, K::ActivityTooLarge(why.clone())));
    }
    let version = a.attr("version").or(raw.version.as_deref()).unwrap_or("2.03");
    if version.starts_with('1') {
        return Outcome::Skipped(Problem::new(
            display,
            a.loc,
            K::UnsupportedIatiVersion(format!(
                "IATI version {version} activity not supported (versions 2.01 to 2.03 are read)"
            )),
        ));
    }
    let Some(id_elem) = a.child("iati-identifier").filter(|e| !e.text.trim().is_empty()) else {
        return Outcome::Skipped(Problem::new(
            display,
            a.loc,
            K::NoIatiIdentifier("activity without an <iati-identifier>".into()),
        ));
    };
    let identifier = id_elem.text.trim().to_string();
    let mapping = table();
    let countries = countries(a);
    let sectors = sectors(a);
    if !options.countries.is_empty()
        && !countries.iter().any(|(c, _)| options.countries.iter().any(|w| w.eq_ignore_ascii_case(c)))
    {
        return Outcome::NotSelected("country");
    }
    if !options.sectors.is_empty()
        && !sectors.iter().any(|s| options.sectors.iter().any(|p| s.code.starts_with(p.as_str())))
    {
        return Outcome::NotSelected("sector");
    }
    let wanted = if options.lang.is_empty() { "en".to_string() } else { options.lang.to_lowercase() };
    let default = a.attr("xml:lang").map(str::to_lowercase).unwrap_or_else(|| "en".into());
    let mut notes = Vec::new();
    let id = super::safe_id::safe_id(&identifier);
    let mut fields: Vec<(&str, Node)> =
        vec![("format", Node { loc: a.loc, kind: NodeKind::Int(1) }), ("id", text(&id, id_elem.loc))];
    let title = a.child("title").and_then(|t| narrative(t, &wanted, &default));
    match title {
        Some((t, loc)) => fields.push(("title", text(t, loc))),
        None => {
            notes.push("the activity has no title: its identifier stands in for it".into());
            fields.push(("title", text(&identifier, id_elem.loc)));
        }
    }
    fields.push(("type", programme_type(&sectors, mapping, a.loc, &mut notes)));
    let descriptions: Vec<&Elem> = a.all("description").filter(|d| d.attr("type").is_none_or(|t| t == "1")).collect();
    let summary = descriptions.iter().find_map(|d| narrative(d, &wanted, &default));
    if let Some((s, loc)) = &summary {
        fields.push(("summary", text(s, *loc)));
    }
    let reporting = a.child("reporting-org");
    let reporting_name =
        reporting.and_then(|r| narrative(r, &wanted, &default).map(|n| n.0).or(r.attr("ref").map(str::to_string)));
    if let (Some(name), Some(r)) = (&reporting_name, reporting) {
        fields.push(("donor", text(name, r.loc)));
    }
    let orgs: Vec<&Elem> = a.all("participating-org").collect();
    if let Some(imp) = orgs
        .iter()
        .filter(|o| o.attr("role") == Some("4"))
        .filter_map(|o| org_name(o, &wanted, &default).map(|n| (n, o.loc)))
        .find(|(n, _)| !mapping.is_generic_name(n))
    {
        fields.push(("implementer", text(imp.0, imp.1)));
    }
    match super::budget::budget(a, &mut notes) {
        Ok(Some(budget)) => fields.push(("budget", budget)),
        Ok(None) => {}
        Err((loc, why)) => return Outcome::Skipped(Problem::new(display, loc, K::IatiAmountNotRead(why))),
    }
    let start = date(a, &["2", "1"]);
    let end = date(a, &["4", "3"]);
    if let Some((d, loc)) = &start {
        fields.push(("start", text(d.to_string(), *loc)));
    }
    if let (Some((s, _)), Some((e, loc))) = (&start, &end) {
        let months = s.months_until(e.last_day()) + i32::from(e.last_day().day > s.first_day().day);
        if months >= 1 {
            fields.push(("duration_months", Node { loc: *loc, kind: NodeKind::Int(i64::from(months)) }));
        }
    }
    if let Some(status) = a.child("activity-status")
        && let Some(stage) = status.attr("code").and_then(|c| mapping.activity_status.get(c))
    {
        fields.push(("stage", text(stage, status.loc)));
    }
    let mut location = Vec::new();
    if !countries.is_empty() {
        let loc = countries[0].1;
        location.push(("countries", list(countries.iter().map(|(c, l)| text(c, *l)).collect(), loc)));
    }
    let regions = regions(a, &countries, (&wanted, &default), &mut notes);
    if !regions.is_empty() {
        let loc = regions[0].loc;
        location.push(("regions", list(regions, loc)));
    }
    if !location.is_empty() {
        let loc = location[0].1.loc;
        fields.push(("location", map(location, loc)));
    }
    let partners = partners(&orgs, reporting, mapping, (&wanted, &default), &mut notes);
    if !partners.is_empty() {
        let loc = partners[0].loc;
        fields.push(("partners", list(partners, loc)));
    }
    let activities = inferred(a, mapping, &default, &mut notes);
    if !activities.is_empty() {
        let loc = activities[0].loc;
        fields.push(("activities", list(activities, loc)));
    }
    if let Some(parent) = a.all("related-activity").find(|r| r.attr("type") == Some("1")).and_then(|r| r.attr("ref")) {
        notes.push(format!(
            "part of activity {parent} (its parent in IATI): where both are screened, its budget may be counted twice"
        ));
    }
    let last_updated = a.attr("last-updated-datetime").map(str::to_string);
    Outcome::Programme(Converted { id, identifier, node: map(fields, a.loc), notes, loc: a.loc, last_updated })
}

fn org_name(o: &Elem, wanted: &str, default: &str) -> Option<String> {
    narrative(o, wanted, default).map(|n| n.0).or_else(|| o.attr("ref").map(str::to_string))
}

/// Recipient countries of the activity, or of its transactions when only there.
fn countries(a: &Elem) -> Vec<(String, Loc)> {
    let code = |e: &Elem| {
        e.attr("code")
            .map(|c| c.trim().to_uppercase())
            .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
            .map(|c| (c, e.loc))
    };
    let mut out: Vec<(String, Loc)> = a.all("recipient-country").filter_map(code).collect();
    if out.is_empty() {
        out = a.all("transaction").flat_map(|t| t.all("recipient-country")).filter_map(code).collect();
    }
    let mut seen = HashSet::new();
    out.retain(|(c, _)| seen.insert(c.clone()));
    out
}

/// A sector of vocabulary 1 (DAC five-digit) or 2 (DAC three-digit).
#[derive(Debug)]
pub struct Sector {
    pub code: String,
    pub percentage: Option<f64>,
    pub loc: Loc,
}

fn sectors(a: &Elem) -> Vec<Sector> {
    let read = |e: &Elem| {
        let vocabulary = e.attr("vocabulary").unwrap_or("1");
        let code = e.attr("code")?.trim().to_string();
        matches!(vocabulary, "1" | "2").then(|| Sector {
            code,
            percentage: e.attr("percentage").and_then(|p| p.trim().parse().ok()),
            loc: e.loc,
        })
    };
    let mut out: Vec<Sector> = a.all("sector").filter_map(read).collect();
    if out.is_empty() {
        out = a.all("transaction").flat_map(|t| t.all("sector")).filter_map(read).collect();
    }
    out
}

/// The type of the sector with the largest percentage (the first among equals); others noted.
fn programme_type(sectors: &[Sector], mapping: &Mapping, loc: Loc, notes: &mut Vec<String>) -> Node {
    let Some(main) = sectors.iter().enumerate().max_by(|(i, a), (j, b)| {
        let (pa, pb) = (a.percentage.unwrap_or(0.0), b.percentage.unwrap_or(0.0));
        pa.partial_cmp(&pb).unwrap_or(std::cmp::Ordering::Equal).then(j.cmp(i))
    }) else {
        notes.push("no DAC sector (vocabulary 1 or 2): the type is `development`".into());
        return text("development", loc);
    };
    let main = main.1;
    let kind = mapping.sector_type(&main.code);
    let pct = |s: &Sector| s.percentage.map(|p| format!(" ({p}%)")).unwrap_or_default();
    notes.push(format!("type `{kind}` from DAC sector {}{}", main.code, pct(main)));
    let others: Vec<String> = sectors
        .iter()
        .filter(|s| !std::ptr::eq(*s, main))
        .map(|s| format!("{}{} → {}", s.code, pct(s), mapping.sector_type(&s.code)))
        .collect();
    if !others.is_empty() {
        notes.push(format!("other sectors: {}", others.join(", ")));
    }
    text(kind, main.loc)
}

/// The first date of the given IATI date types, in order of preference.
fn date(a: &Elem, types: &[&str]) -> Option<(Date, Loc)> {
    types.iter().find_map(|t| {
        a.all("activity-date").filter(|d| d.attr("type") == Some(t)).find_map(|d| {
            let iso = d.attr("iso-date")?;
            Date::parse(iso.get(..10).unwrap_or(iso)).filter(|d| d.day.is_some()).map(|date| (date, d.loc))
        })
    })
}

/// Location names, once each; a location that is one of the recipient countries itself (by
/// name, or by its feature designation) is not a region.
fn regions(
    a: &Elem,
    countries: &[(String, Loc)],
    (wanted, default): (&str, &str),
    notes: &mut Vec<String>,
) -> Vec<Node> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for l in a.all("location") {
        let Some((name, loc)) = l.child("name").and_then(|n| narrative(n, wanted, default)) else { continue };
        if !seen.insert(name.clone()) {
            continue;
        }
        let is_country =
            l.child("feature-designation").and_then(|f| f.attr("code")).is_some_and(|c| c.starts_with("PCL"))
                || countries.iter().any(|(code, _)| super::mapping::is_country_name(code, &name));
        if is_country {
            notes.push(format!("location \"{name}\" is a country, not a region: left out of the regions"));
            continue;
        }
        out.push(text(name, loc));
    }
    out
}

/// Participating organisations other than the reporting one, once each.
fn partners(
    orgs: &[&Elem],
    reporting: Option<&Elem>,
    mapping: &Mapping,
    (wanted, default): (&str, &str),
    notes: &mut Vec<String>,
) -> Vec<Node> {
    let reporting_ref = reporting.and_then(|r| r.attr("ref"));
    let reporting_name = reporting.and_then(|r| narrative(r, wanted, default)).map(|n| n.0.to_lowercase());
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    // Implementing organisations first, so an organisation named twice keeps that role.
    let mut ordered: Vec<&&Elem> = orgs.iter().filter(|o| o.attr("role") == Some("4")).collect();
    ordered.extend(orgs.iter().filter(|o| o.attr("role") != Some("4")));
    for o in ordered {
        let Some(name) = org_name(o, wanted, default) else { continue };
        if mapping.is_generic_name(&name) {
            notes.push(format!("participating organisation named only by its category (\"{name}\") left out"));
            continue;
        }
        let is_reporting =
            o.attr("ref").is_some_and(|r| Some(r) == reporting_ref) || Some(name.to_lowercase()) == reporting_name;
        // The reporting organisation is the donor, unless it also implements.
        if is_reporting && o.attr("role") != Some("4") {
            continue;
        }
        // Once each, by name or by an organisation identifier (not a bare number: some
        // publishers put a category code there).
        let by_ref = o.attr("ref").filter(|r| !r.bytes().all(|b| b.is_ascii_digit())).map(|r| format!("ref:{r}"));
        if seen.contains(&name.to_lowercase()) || by_ref.as_ref().is_some_and(|r| seen.contains(r)) {
            continue;
        }
        seen.insert(name.to_lowercase());
        seen.extend(by_ref);
        let mut entries = vec![("name", text(&name, o.loc))];
        if let Some(kind) = o.attr("type").and_then(|t| mapping.organisation_kinds.get(t)) {
            entries.push(("kind", text(kind, o.loc)));
        }
        if let Some(role) = o.attr("role").and_then(|r| mapping.organisation_roles.get(r)) {
            entries.push(("role", text(role, o.loc)));
        }
        out.push(map(entries, o.loc));
    }
    out
}

/// Activity kinds inferred from words of the title and descriptions, marked as inferred.
fn inferred(a: &Elem, mapping: &Mapping, default: &str, notes: &mut Vec<String>) -> Vec<Node> {
    // Every English or French narrative (the word lists are in those languages), whichever
    // language the programme's text was taken in.
    let readable = |n: &&Elem| {
        let lang = n.attr("xml:lang").map_or_else(|| default.to_string(), str::to_lowercase);
        let base = lang.split('-').next().unwrap_or_default();
        base == "en" || base == "fr"
    };
    let elems = a.child("title").into_iter().chain(a.all("description"));
    let texts: Vec<(String, Loc)> = elems
        .flat_map(|e| e.all("narrative"))
        .filter(readable)
        .filter(|n| !n.text.trim().is_empty())
        .map(|n| (collapse(&n.text), n.loc))
        .collect();
    let all: String = texts.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(" \u{2029} ");
    let loc = texts.first().map_or(a.loc, |(_, l)| *l);
    let found = mapping.inferred_kinds(&all);
    if !found.is_empty() {
        notes.push("activities: inferred from words of the title and descriptions (each says which)".into());
    }
    found
        .into_iter()
        .map(|(kind, words)| {
            let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
            map(
                vec![
                    ("kind", text(kind, loc)),
                    (
                        "inferred_from",
                        text(format!("words in the IATI title or description: {}", quoted.join(", ")), loc),
                    ),
                ],
                loc,
            )
        })
        .collect()
}
