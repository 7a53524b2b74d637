//! `dnh-screen portfolio`: the aggregated view of many programmes, as a terminal table, JSON,
//! CSV, or Markdown and HTML through the `portfolio.md` / `portfolio.html` templates.
//!
//! Part of the render stage: it words and lays out what `aggregate` computed; it must not
//! compute ratings or read files.

use super::{Lang, Style, i18n, templates};
use crate::aggregate::Portfolio;
use crate::model::{Rating, Report, RiskArea};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
pub struct PortfolioView {
    pub portfolio_version: u32,
    pub lang: &'static str,
    pub t: std::collections::BTreeMap<&'static str, &'static str>,
    pub tool_version: String,
    pub today: String,
    pub checklists: Vec<super::view::ChecklistView>,
    pub programmes: usize,
    pub by_rating: Vec<RatingGroup>,
    pub areas: Vec<Named>,
    pub heat: Vec<HeatRow>,
    pub by_type: Vec<TypeRow>,
    pub frequent: Vec<Frequent>,
    pub budget: Vec<BudgetRow>,
    pub shared_partners: Vec<Partner>,
    pub reviews: Vec<ReviewRow>,
    pub cross: Vec<Cross>,
    pub errors: Vec<String>,
}

#[derive(Serialize)]
pub struct Named {
    pub id: &'static str,
    pub name: &'static str,
}

#[derive(Serialize)]
pub struct ProgrammeRef {
    pub id: String,
    pub title: String,
    pub file: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
}

#[derive(Serialize)]
pub struct RatingGroup {
    pub rating: Rating,
    pub rating_name: &'static str,
    pub count: usize,
    pub programmes: Vec<ProgrammeRef>,
}

#[derive(Serialize)]
pub struct HeatCell {
    pub rating: Option<Rating>,
    pub rating_name: Option<&'static str>,
    pub letter: &'static str,
    /// Programmes rated Substantial or High in this area and region.
    pub count: usize,
}

#[derive(Serialize)]
pub struct HeatRow {
    pub region: String,
    pub programmes: usize,
    pub cells: Vec<HeatCell>,
}

#[derive(Serialize)]
pub struct TypeRow {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub type_name: &'static str,
    pub low: usize,
    pub moderate: usize,
    pub substantial: usize,
    pub high: usize,
}

#[derive(Serialize)]
pub struct Frequent {
    pub rule: String,
    pub title: String,
    pub programmes: usize,
    pub highest: Rating,
    pub highest_name: &'static str,
}

#[derive(Serialize)]
pub struct BudgetRow {
    pub rating: Rating,
    pub rating_name: &'static str,
    pub sums: Vec<BudgetSum>,
}

#[derive(Serialize)]
pub struct BudgetSum {
    pub currency: String,
    pub total: f64,
    pub total_text: String,
    pub programmes: usize,
}

#[derive(Serialize)]
pub struct Partner {
    pub name: String,
    pub concerns: usize,
    pub inconsistent_vetting: bool,
    pub uses: Vec<PartnerUse>,
}

#[derive(Serialize)]
pub struct PartnerUse {
    pub programme: String,
    pub file: String,
    pub line: u32,
    pub vetted: &'static str,
    pub concerns: usize,
}

#[derive(Serialize)]
pub struct ReviewRow {
    pub programme: String,
    pub file: String,
    pub stage: Option<String>,
    pub last: Option<String>,
    pub interval_months: u32,
    pub next: Option<String>,
    pub overdue: bool,
}

#[derive(Serialize)]
pub struct Cross {
    pub rule: String,
    pub title: String,
    pub risk_area: &'static str,
    pub area_title: &'static str,
    pub rating: Rating,
    pub rating_name: &'static str,
    pub impact: u8,
    pub likelihood: u8,
    pub significance: u8,
    pub shared: String,
    pub why: String,
    pub mitigation: String,
    pub involved: Vec<CrossProgramme>,
    pub message: String,
}

#[derive(Serialize)]
pub struct CrossProgramme {
    pub programme: String,
    pub file: String,
    pub role: &'static str,
    pub field: String,
    pub line: u32,
    pub column: u32,
}

fn letter(r: Option<Rating>) -> &'static str {
    match r {
        Some(Rating::High) => "H",
        Some(Rating::Substantial) => "S",
        Some(Rating::Moderate) => "M",
        Some(Rating::Low) => "L",
        None => "·",
    }
}

/// An amount with digits grouped: `4,500,000` (English) or `4 500 000` (French).
pub fn amount(n: f64, lang: Lang) -> String {
    let whole = n.round() as i64;
    let digits = whole.abs().to_string();
    let sep = if lang == Lang::Fr { '\u{202f}' } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if whole < 0 { format!("-{out}") } else { out }
}

pub fn build(report: &Report, p: &Portfolio, lang: Lang) -> PortfolioView {
    let code = lang.code();
    let s = &report.screenings;
    let reference = |i: usize| ProgrammeRef {
        id: s[i].id.clone(),
        title: s[i].title.clone(),
        file: s[i].file.clone(),
        kind: s[i].kind.as_str(),
    };
    let title = |rule: &str| report.rule(rule).map_or(String::new(), |r| r.title.get(code).to_string());
    PortfolioView {
        portfolio_version: 1,
        lang: code,
        t: i18n::labels(lang),
        tool_version: report.tool_version.clone(),
        today: report.today.to_string(),
        checklists: report
            .checklists
            .iter()
            .map(|c| super::view::ChecklistView {
                id: c.id.clone(),
                version: c.version.clone(),
                title: c.title.clone(),
            })
            .collect(),
        programmes: s.len(),
        by_rating: p
            .by_rating
            .iter()
            .map(|(r, ids)| RatingGroup {
                rating: *r,
                rating_name: i18n::rating(*r, lang),
                count: ids.len(),
                programmes: ids.iter().map(|i| reference(*i)).collect(),
            })
            .collect(),
        areas: RiskArea::ALL.iter().map(|a| Named { id: a.as_str(), name: i18n::area(*a, lang) }).collect(),
        heat: p
            .heat
            .iter()
            .map(|row| HeatRow {
                region: row.region.clone(),
                programmes: row.programmes,
                cells: row
                    .cells
                    .iter()
                    .map(|(r, n)| HeatCell {
                        rating: *r,
                        rating_name: r.map(|r| i18n::rating(r, lang)),
                        letter: letter(*r),
                        count: *n,
                    })
                    .collect(),
            })
            .collect(),
        by_type: p
            .by_type
            .iter()
            .map(|(t, c)| TypeRow {
                kind: t.as_str(),
                type_name: i18n::programme_type(*t, lang),
                low: c[0],
                moderate: c[1],
                substantial: c[2],
                high: c[3],
            })
            .collect(),
        frequent: p
            .frequent
            .iter()
            .map(|(rule, n, r)| Frequent {
                rule: rule.clone(),
                title: title(rule),
                programmes: *n,
                highest: *r,
                highest_name: i18n::rating(*r, lang),
            })
            .collect(),
        budget: p
            .budget
            .iter()
            .map(|(r, sums)| BudgetRow {
                rating: *r,
                rating_name: i18n::rating(*r, lang),
                sums: sums
                    .iter()
                    .map(|(c, t, n)| BudgetSum {
                        currency: c.clone(),
                        total: *t,
                        total_text: amount(*t, lang),
                        programmes: *n,
                    })
                    .collect(),
            })
            .collect(),
        shared_partners: p
            .shared_partners
            .iter()
            .map(|sp| Partner {
                name: sp.name.clone(),
                concerns: sp.concerns,
                inconsistent_vetting: sp.inconsistent_vetting,
                uses: sp
                    .uses
                    .iter()
                    .map(|(id, file, loc, vetted, concerns)| PartnerUse {
                        programme: id.clone(),
                        file: file.clone(),
                        line: loc.line,
                        vetted: vetted.map_or("not stated", |a| a.as_str()),
                        concerns: *concerns,
                    })
                    .collect(),
            })
            .collect(),
        reviews: p
            .reviews
            .iter()
            .map(|r| ReviewRow {
                programme: r.id.clone(),
                file: r.file.clone(),
                stage: r.stage.clone(),
                last: r.last.map(|d| d.to_string()),
                interval_months: r.interval,
                next: r.next.map(|d| d.to_string()),
                overdue: r.overdue,
            })
            .collect(),
        cross: p.cross.iter().map(|f| cross(report, f, lang)).collect(),
        errors: report.errors.iter().map(|e| e.to_string()).collect(),
    }
}

fn cross(report: &Report, f: &crate::model::PortfolioFinding, lang: Lang) -> Cross {
    let code = lang.code();
    let rule = report.rule(&f.rule);
    let title = rule.map_or(String::new(), |r| r.title.get(code).to_string());
    let names: Vec<String> = f.involved.iter().map(|i| format!("{} ({}:{})", i.id, i.file, i.loc.line)).collect();
    let (joiner, about) = if lang == Lang::Fr { ("programmes concernés", "") } else { ("programmes involved", "") };
    Cross {
        rule: f.rule.clone(),
        title: title.clone(),
        risk_area: f.risk_area.as_str(),
        area_title: i18n::area(f.risk_area, lang),
        rating: f.rating,
        rating_name: i18n::rating(f.rating, lang),
        impact: f.impact,
        likelihood: f.likelihood,
        significance: f.significance,
        shared: f.shared.clone(),
        why: rule.map_or(String::new(), |r| r.rationale.get(code).to_string()),
        mitigation: rule.map_or(String::new(), |r| r.mitigation.get(code).to_string()),
        involved: f
            .involved
            .iter()
            .map(|i| CrossProgramme {
                programme: i.id.clone(),
                file: i.file.clone(),
                role: i.role.as_str(),
                field: i.field.clone(),
                line: i.loc.line,
                column: i.loc.column,
            })
            .collect(),
        message: format!("{title} ({}{about}) — {joiner}: {}", f.shared, names.join(", ")),
    }
}

/// The portfolio as JSON.
pub fn json(view: &PortfolioView) -> String {
    let mut text = serde_json::to_string_pretty(view).unwrap_or_default();
    text.push('\n');
    text
}

/// The portfolio through a template (`portfolio.md`, `portfolio.html`).
pub fn document(view: &PortfolioView, template: &str, overrides: Option<&Path>) -> Result<String, String> {
    templates::render_with(overrides, template, view)
}

/// One CSV row per programme: its rating, type, regions, budget, area ratings, next review.
pub fn csv(report: &Report, view: &PortfolioView) -> String {
    use super::csv::cell;
    let mut header: Vec<String> =
        ["file", "programme", "title", "type", "rating", "score", "regions", "budget", "currency", "findings", "gaps"]
            .map(String::from)
            .to_vec();
    header.extend(RiskArea::ALL.iter().map(|a| a.as_str().to_string()));
    header.push("next_screening".into());
    let mut out = header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(",") + "\r\n";
    for s in &report.screenings {
        let mut row = vec![
            s.file.clone(),
            s.id.clone(),
            s.title.clone(),
            s.kind.to_string(),
            s.rating.to_string(),
            s.score.to_string(),
            s.facts.regions.iter().map(|(r, _)| r.as_str()).collect::<Vec<_>>().join("; "),
            s.facts.budget.as_ref().map_or(String::new(), |(a, _)| crate::model::programme::format_number(*a)),
            s.facts.budget.as_ref().map_or(String::new(), |(_, c)| c.clone()),
            s.counting().count().to_string(),
            s.gaps.len().to_string(),
        ];
        for area in RiskArea::ALL {
            row.push(s.risk_areas.iter().find(|(a, _)| a == area).map_or(String::new(), |(_, r)| r.to_string()));
        }
        let review = view.reviews.iter().find(|r| r.programme == s.id);
        row.push(review.map_or(String::new(), |r| {
            format!(
                "{}{}",
                r.next.clone().unwrap_or_else(|| "unknown".into()),
                if r.overdue { " (overdue)" } else { "" }
            )
        }));
        out.push_str(&(row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",") + "\r\n"));
    }
    out
}

fn table(style: Style) -> Table {
    let mut table = Table::new();
    table.load_style(if style.color { presets::UTF8_FULL_CONDENSED } else { presets::ASCII_MARKDOWN });
    table.set_content_arrangement(if style.color { ContentArrangement::Dynamic } else { ContentArrangement::Disabled });
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

fn colour(cell: Cell, r: Option<Rating>, style: Style) -> Cell {
    match (r, style.color) {
        (Some(Rating::High), true) => cell.fg(Color::Red),
        (Some(Rating::Substantial), true) => cell.fg(Color::DarkYellow),
        (Some(Rating::Moderate), true) => cell.fg(Color::Yellow),
        (Some(Rating::Low), true) => cell.fg(Color::Green),
        _ => cell,
    }
}

/// The portfolio on the terminal: compact tables, one per section.
pub fn terminal(view: &PortfolioView, style: Style) -> String {
    let t = &view.t;
    let label = |k: &str| t.get(k).copied().unwrap_or(k).to_string();
    let mut out = format!("{} — {} {}\n\n", label("portfolio_title"), view.programmes, label("programmes_word"));

    out.push_str(&format!("{}\n", label("by_rating")));
    let mut by_rating = table(style);
    by_rating.set_header([label("rating"), label("count"), label("programmes_word")]);
    for g in &view.by_rating {
        let ids: Vec<&str> = g.programmes.iter().map(|p| p.id.as_str()).collect();
        by_rating.add_row(vec![
            colour(Cell::new(g.rating_name), Some(g.rating), style),
            Cell::new(g.count),
            Cell::new(ids.join(", ")),
        ]);
    }
    out.push_str(&format!("{by_rating}\n\n{}\n", label("heat_map")));
    let mut heat = table(style);
    let mut head = vec![label("region")];
    head.extend(RiskArea::ALL.iter().map(|a| a.as_str().to_string()));
    heat.set_header(head);
    for row in &view.heat {
        let mut cells = vec![Cell::new(format!("{} ({})", row.region, row.programmes))];
        cells.extend(row.cells.iter().map(|c| colour(Cell::new(c.letter), c.rating, style)));
        heat.add_row(cells);
    }
    out.push_str(&format!("{heat}\n{}\n\n{}\n", label("heat_legend"), label("by_type")));
    let mut types = table(style);
    types.set_header([label("type"), "High".into(), "Substantial".into(), "Moderate".into(), "Low".into()]);
    for r in &view.by_type {
        types.add_row(vec![
            Cell::new(r.kind),
            Cell::new(r.high),
            Cell::new(r.substantial),
            Cell::new(r.moderate),
            Cell::new(r.low),
        ]);
    }
    out.push_str(&format!("{types}\n\n{}\n", label("frequent")));
    let mut frequent = table(style);
    frequent.set_header([label("rule"), label("programmes_word"), label("highest_rating"), label("title")]);
    for f in &view.frequent {
        frequent.add_row(vec![
            Cell::new(&f.rule),
            Cell::new(f.programmes),
            colour(Cell::new(f.highest_name), Some(f.highest), style),
            Cell::new(&f.title),
        ]);
    }
    out.push_str(&format!("{frequent}\n\n{}\n", label("budget_by_rating")));
    let mut budget = table(style);
    budget.set_header([label("rating"), label("budget"), label("programmes_word")]);
    for b in view.budget.iter().filter(|b| !b.sums.is_empty()) {
        for s in &b.sums {
            budget.add_row(vec![
                colour(Cell::new(b.rating_name), Some(b.rating), style),
                Cell::new(format!("{} {}", s.total_text, s.currency)),
                Cell::new(s.programmes),
            ]);
        }
    }
    out.push_str(&format!("{budget}\n\n{}\n", label("shared_partners")));
    if view.shared_partners.is_empty() {
        out.push_str(&format!("{}\n", label("none")));
    } else {
        let mut partners = table(style);
        partners.set_header([label("partner"), label("programmes_word"), label("vetting"), label("concerns")]);
        for p in &view.shared_partners {
            let uses: Vec<String> = p.uses.iter().map(|u| format!("{} ({}:{})", u.programme, u.file, u.line)).collect();
            let vetting: Vec<&str> = p.uses.iter().map(|u| u.vetted).collect();
            let mut flag = vetting.join(" / ");
            if p.inconsistent_vetting {
                flag.push_str(&format!(" — {}", label("inconsistent")));
            }
            partners.add_row(vec![
                Cell::new(&p.name),
                Cell::new(uses.join("\n")),
                Cell::new(flag),
                Cell::new(p.concerns),
            ]);
        }
        out.push_str(&format!("{partners}\n"));
    }
    out.push_str(&format!("\n{}\n", label("reviews_due")));
    if view.reviews.is_empty() {
        out.push_str(&format!("{}\n", label("none")));
    } else {
        let mut reviews = table(style);
        reviews.set_header([label("programme"), label("last_screening"), label("next_screening"), label("status")]);
        for r in &view.reviews {
            let status = if r.overdue { label("overdue") } else { label("due") };
            reviews.add_row(vec![
                Cell::new(format!("{} ({})", r.programme, r.file)),
                Cell::new(r.last.clone().unwrap_or_else(|| label("not_stated"))),
                Cell::new(r.next.clone().unwrap_or_else(|| label("not_stated"))),
                Cell::new(status),
            ]);
        }
        out.push_str(&format!("{reviews}\n"));
    }
    out.push_str(&format!("\n{}\n", label("cross_findings")));
    if view.cross.is_empty() {
        out.push_str(&format!("{}\n", label("none")));
    }
    for c in &view.cross {
        out.push_str(&format!(
            "[{} {}] {} {} — {}\n",
            c.rating_name.to_uppercase(),
            c.significance,
            c.rule,
            c.title,
            c.shared
        ));
        for p in &c.involved {
            out.push_str(&format!("    - {} {}:{}:{} ({})\n", p.programme, p.file, p.line, p.column, p.field));
        }
        out.push_str(&format!(
            "    {}{} {}\n    {}{} {}\n",
            label("why"),
            label("colon"),
            c.why,
            label("mitigation"),
            label("colon"),
            c.mitigation
        ));
    }
    out
}
