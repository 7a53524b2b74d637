//! Aggregate stage for portfolios: a finished report → what a donor reads across programmes:
//! ratings, a risk area × region heat map, ratings by type, frequent findings, budget by
//! rating (per currency, never mixed), partners shared across programmes, screenings due,
//! and the cross-programme findings.
//!
//! Pure functions of the report and the day; nothing here reads files or evaluates rules
//! (cross-programme findings come from `evaluate::portfolio`).

use crate::model::amount::{Amount, LARGEST, Unread};
use crate::model::{Date, PortfolioFinding, Problem, ProblemKind, ProgrammeType, Rating, Report, RiskArea, Screening};
use crate::text::words::fold;
use std::collections::BTreeMap;

/// One row of the heat map: a region and, per risk area, the highest rating among the
/// programmes working there, with how many are rated Substantial or High in that area.
#[derive(Clone, Debug)]
pub struct HeatRow {
    pub region: String,
    pub programmes: usize,
    pub cells: Vec<(Option<Rating>, usize)>,
}

/// A partner named by several programmes, vetted differently by them or with concerns.
#[derive(Clone, Debug)]
pub struct SharedPartner {
    /// Where it is first named: (screening, partner) positions.
    pub first: (usize, usize),
    /// Every (screening, partner) naming it.
    pub uses: Vec<(usize, usize)>,
    pub inconsistent_vetting: bool,
    pub concerns: usize,
}

/// A programme whose next crime-sensitivity screening is due or overdue.
#[derive(Clone, Debug)]
pub struct Review {
    /// The screening's position in the report.
    pub programme: usize,
    /// The last screening, else the start the interval is counted from.
    pub last: Option<Date>,
    /// No screening date is stated: `last` is the start.
    pub never_screened: bool,
    pub interval: u32,
    pub next: Option<Date>,
    pub overdue: bool,
}

/// Budget totals of one rating: (currency, total, programmes); the total is `None` when it
/// cannot be added exactly (a problem in `Portfolio::budget_errors` says which amount).
pub type BudgetSums = Vec<(String, Option<Amount>, usize)>;

/// Everything a portfolio report shows.
#[derive(Clone, Debug)]
pub struct Portfolio {
    pub by_rating: Vec<(Rating, Vec<usize>)>,
    pub heat: Vec<HeatRow>,
    pub by_type: Vec<(ProgrammeType, [usize; 4])>,
    /// (rule id, programmes raising it, highest rating).
    pub frequent: Vec<(String, usize, Rating)>,
    /// Per rating: (currency, total, programmes).
    pub budget: Vec<(Rating, BudgetSums)>,
    /// The amounts that cannot be added exactly, and the sums that would pass the largest
    /// amount added: each names the programme file and the line of its amount.
    pub budget_errors: Vec<Problem>,
    pub shared_partners: Vec<SharedPartner>,
    pub reviews: Vec<Review>,
    pub cross: Vec<PortfolioFinding>,
}

/// Aggregates a report; `cross` are the cross-programme findings.
pub fn portfolio(report: &Report, cross: Vec<PortfolioFinding>) -> Portfolio {
    let s = &report.screenings;
    let (budget, budget_errors) = budget(s);
    Portfolio {
        by_rating: [Rating::High, Rating::Substantial, Rating::Moderate, Rating::Low]
            .iter()
            .map(|r| (*r, (0..s.len()).filter(|i| s[*i].rating == *r).collect()))
            .collect(),
        heat: heat(s),
        by_type: ProgrammeType::ALL
            .iter()
            .filter(|t| s.iter().any(|p| p.kind == **t))
            .map(|t| {
                let mut counts = [0; 4];
                for p in s.iter().filter(|p| p.kind == *t) {
                    counts[p.rating as usize] += 1;
                }
                (*t, counts)
            })
            .collect(),
        frequent: frequent(report, s),
        budget,
        budget_errors,
        shared_partners: shared_partners(s),
        reviews: reviews(s, report.today),
        cross,
    }
}

fn heat(screenings: &[Screening]) -> Vec<HeatRow> {
    let mut rows: BTreeMap<String, (String, Vec<&Screening>)> = BTreeMap::new();
    for s in screenings {
        if s.facts.regions.is_empty() {
            rows.entry("\u{10ffff}".into()).or_insert_with(|| ("(no region)".into(), Vec::new())).1.push(s);
        }
        let mut seen = std::collections::HashSet::new();
        for (region, _) in &s.facts.regions {
            let key = fold(region);
            if !seen.contains(&key) {
                rows.entry(key.clone()).or_insert_with(|| (region.clone(), Vec::new())).1.push(s);
                seen.insert(key);
            }
        }
    }
    rows.into_values()
        .map(|(region, programmes)| HeatRow {
            region,
            programmes: programmes.len(),
            cells: RiskArea::ALL
                .iter()
                .map(|area| {
                    let ratings: Vec<Rating> = programmes
                        .iter()
                        .filter_map(|p| p.risk_areas.iter().find(|(a, _)| a == area).map(|(_, r)| *r))
                        .collect();
                    (ratings.iter().max().copied(), ratings.iter().filter(|r| **r >= Rating::Substantial).count())
                })
                .collect(),
        })
        .collect()
}

fn frequent(report: &Report, screenings: &[Screening]) -> Vec<(String, usize, Rating)> {
    let mut counts: BTreeMap<u16, (usize, Rating)> = BTreeMap::new();
    for s in screenings {
        for r in &s.raised {
            let e = counts.entry(r.rule).or_insert((0, Rating::Low));
            e.0 += 1;
            e.1 = e.1.max(r.rating);
        }
    }
    let mut list: Vec<(String, usize, Rating)> =
        counts.into_iter().filter_map(|(i, (n, m))| report.rule_at(i).map(|r| (r.id.clone(), n, m))).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    list.truncate(10);
    list
}

/// Budgets summed exactly per rating and currency, in checked decimal arithmetic: a total is
/// exact, or it is not given and a problem names the amount that cannot be added.
fn budget(screenings: &[Screening]) -> (Vec<(Rating, BudgetSums)>, Vec<Problem>) {
    let mut errors = Vec::new();
    let sums = [Rating::High, Rating::Substantial, Rating::Moderate, Rating::Low]
        .iter()
        .map(|r| {
            let mut sums: BTreeMap<String, (Option<Amount>, usize)> = BTreeMap::new();
            for s in screenings.iter().filter(|s| s.rating == *r) {
                let Some((amount, currency)) = &s.facts.budget else { continue };
                let e = sums.entry(currency.clone()).or_insert((Some(Amount::ZERO), 0));
                e.1 += 1;
                let group = format!("the {currency} budget of the programmes rated {}", r.as_str());
                let problem =
                    |message: String| Problem::new(&s.file, s.facts.budget_loc, ProblemKind::BudgetNotAdded(message));
                match exact(*amount) {
                    Err(why) => {
                        errors.push(problem(format!("`budget.amount` {why}: {group} is not added")));
                        e.0 = None;
                    }
                    Ok(a) => {
                        if let Some(total) = e.0 {
                            e.0 = total.checked_add(a).ok();
                            if e.0.is_none() {
                                errors.push(problem(format!(
                                    "{group} adds up, with this amount, to more than the largest amount added \
                                     ({LARGEST}): it is not added"
                                )));
                            }
                        }
                    }
                }
            }
            (*r, sums.into_iter().map(|(c, (t, n))| (c, t, n)).collect())
        })
        .collect();
    (sums, errors)
}

/// Why a programme's amount is not added to the sums by rating.
#[derive(Debug, thiserror::Error)]
enum NotAdded {
    #[error("is more than the largest amount added ({LARGEST})")]
    TooLarge,
    #[error("is not a finite amount")]
    NotFinite,
    #[error("{0} has more than 15 significant digits, more than are read exactly")]
    TooPrecise(String),
}

/// A programme's amount, exactly as written, or why it is not added: more than the largest
/// amount added, or more significant digits than a number read from YAML holds exactly (15).
fn exact(amount: f64) -> Result<Amount, NotAdded> {
    // Every whole number below 2^53 is held exactly.
    let whole = amount.fract() == 0.0 && amount.abs() < 9_007_199_254_740_992.0;
    let written = if whole { (amount as i64).to_string() } else { format!("{amount}") };
    let significant = written.trim_start_matches('-').replace('.', "");
    let significant = significant.trim_start_matches('0').trim_end_matches('0');
    match Amount::parse(&written) {
        Err(Unread::TooLarge | Unread::TooSmall) => Err(NotAdded::TooLarge),
        Err(_) => Err(NotAdded::NotFinite),
        Ok(_) if !whole && significant.len() > 15 => Err(NotAdded::TooPrecise(written)),
        Ok(a) => Ok(a),
    }
}

fn shared_partners(screenings: &[Screening]) -> Vec<SharedPartner> {
    let mut by_name: BTreeMap<String, SharedPartner> = BTreeMap::new();
    for (i, s) in screenings.iter().enumerate() {
        for (n, p) in s.facts.partners.iter().enumerate() {
            let entry = by_name.entry(crate::evaluate::portfolio::partner_key(&s.facts, n)).or_insert_with(|| {
                SharedPartner { first: (i, n), uses: Vec::new(), inconsistent_vetting: false, concerns: 0 }
            });
            entry.uses.push((i, n));
            entry.concerns += usize::from(p.concerns);
        }
    }
    let vetted = |(i, n): (usize, usize)| screenings[i].facts.partners[n].vetted;
    by_name
        .into_values()
        .filter(|p| {
            let mut ids: Vec<usize> = p.uses.iter().map(|u| u.0).collect();
            ids.dedup();
            ids.len() > 1
        })
        .map(|mut p| {
            let first = vetted(p.uses[0]);
            p.inconsistent_vetting = p.uses.iter().any(|u| vetted(*u) != first);
            p
        })
        // What a donor needs to see: the same partner vetted differently, or with concerns.
        .filter(|p| p.inconsistent_vetting || p.concerns > 0)
        .collect()
}

fn reviews(screenings: &[Screening], today: Date) -> Vec<Review> {
    let soon = today.add_months(2);
    screenings
        .iter()
        .enumerate()
        .filter(|(_, s)| s.facts.stage != Some("closed"))
        .filter_map(|(programme, s)| {
            let last = s.screening_date.or(s.facts.start);
            let interval = s.facts.review_months.unwrap_or(12);
            let next = last.map(|d| d.first_day().add_months(interval));
            let (due, overdue) = match next {
                Some(n) => (n <= soon, n < today),
                None => (true, true),
            };
            let never_screened = s.screening_date.is_none();
            due.then_some(Review { programme, last, never_screened, interval, next, overdue })
        })
        .collect()
}
