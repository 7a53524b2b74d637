//! The words of the human formats (headings, labels, rating names) in English and French.
//!
//! A table, shared by the terminal table, the details view and the templates, so every
//! format says the same thing in the same words. Rule texts live in the rule files.

use super::Lang;
use crate::model::{Rating, RiskArea};

/// (key, English, French).
const LABELS: &[(&str, &str, &str)] = &[
    ("file", "File", "Fichier"),
    ("rule", "Rule", "Règle"),
    ("applies_to", "Applies to", "S'applique à"),
    ("impact_likelihood", "Impact × likelihood", "Impact × probabilité"),
    ("title", "Title", "Titre"),
    ("rules_listed", "rules", "règles"),
    ("what_it_checks", "What it checks", "Ce qu'elle vérifie"),
    ("modifiers", "Modifiers", "Modulateurs"),
    ("when", "when", "si"),
    ("colon", ":", " :"),
    ("area_h", "Area", "Domaine"),
    ("floor_h", "Floor", "Plancher"),
    ("example", "Example that triggers it", "Exemple qui la déclenche"),
    ("contradiction", "contradiction", "contradiction"),
    (
        "contradiction_note",
        "contradiction: these answers cannot all be true; correct them",
        "contradiction : ces réponses ne peuvent pas être toutes vraies ; à corriger",
    ),
    ("programme", "Programme", "Programme"),
    ("type", "Type", "Type"),
    ("rating", "Rating", "Niveau"),
    ("areas", "Substantial/High areas", "Domaines substantiels/élevés"),
    ("findings", "Findings", "Constats"),
    ("gaps", "Gaps", "Lacunes"),
    ("score", "score", "score"),
    ("follow_ups", "What this rating asks for", "Ce que ce niveau exige"),
    ("findings_heading", "Findings", "Constats"),
    ("no_findings", "No findings.", "Aucun constat."),
    ("area", "area", "domaine"),
    ("impact", "impact", "impact"),
    ("likelihood", "likelihood", "probabilité"),
    ("triggered_by", "triggered by", "déclenché par"),
    ("why", "why", "pourquoi"),
    ("source", "source", "source"),
    ("mitigation", "what to change", "que changer"),
    ("references", "references", "références"),
    (
        "gap_finding",
        "information gap: scored as possible, one step less likely",
        "information manquante : considéré comme possible, un cran moins probable",
    ),
    ("floor", "never rated below", "jamais en dessous de"),
    ("gaps_heading", "What the design does not tell us", "Ce que la conception ne dit pas"),
    ("unsupported_heading", "Claims marked yes without evidence", "Réponses « oui » sans justification"),
    ("acceptances_heading", "Accepted risks", "Risques acceptés"),
    ("accepted_until", "accepted until", "accepté jusqu'au"),
    ("accepted_no_expiry", "accepted, no expiry date", "accepté, sans date d'échéance"),
    ("expired", "ACCEPTANCE EXPIRED on", "ACCEPTATION EXPIRÉE le"),
    ("expired_note", "no longer applies; counted in the rating", "ne s'applique plus ; compté dans le niveau"),
    ("approved_by", "approved by", "approuvé par"),
    ("prepared_by", "prepared by", "préparé par"),
    ("reviewed_by", "reviewed by", "revu par"),
    ("line", "line", "ligne"),
    ("checklist", "checklist", "liste de contrôle"),
    ("programmes_one", "programme screened", "programme analysé"),
    ("programmes_many", "programmes screened", "programmes analysés"),
    ("error_files_one", "file with errors", "fichier en erreur"),
    ("error_files_many", "files with errors", "fichiers en erreur"),
    ("no_programmes", "No programme files found.", "Aucun fichier de programme trouvé."),
];

/// The label for `key` in `lang`; the key itself when there is none.
pub fn label(key: &str, lang: Lang) -> &str {
    LABELS.iter().find(|(k, _, _)| *k == key).map_or(key, |(_, en, fr)| if lang == Lang::Fr { fr } else { en })
}

/// `3 programmes screened`: a count with the label for one or many (`key_one`, `key_many`).
pub fn count(n: usize, key: &str, lang: Lang) -> String {
    let suffix = if n == 1 { "_one" } else { "_many" };
    format!("{n} {}", label(&format!("{key}{suffix}"), lang))
}

/// Every label in `lang`, for templates.
pub fn labels(lang: Lang) -> std::collections::BTreeMap<&'static str, &'static str> {
    LABELS.iter().map(|(k, en, fr)| (*k, if lang == Lang::Fr { *fr } else { *en })).collect()
}

pub fn rating(r: Rating, lang: Lang) -> &'static str {
    match (r, lang) {
        (Rating::Low, Lang::En) => "Low",
        (Rating::Moderate, Lang::En) => "Moderate",
        (Rating::Substantial, Lang::En) => "Substantial",
        (Rating::High, Lang::En) => "High",
        (Rating::Low, Lang::Fr) => "Faible",
        (Rating::Moderate, Lang::Fr) => "Modéré",
        (Rating::Substantial, Lang::Fr) => "Substantiel",
        (Rating::High, Lang::Fr) => "Élevé",
    }
}

pub fn area(a: RiskArea, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return a.title();
    }
    match a {
        RiskArea::Analysis => "Compréhension des dynamiques criminelles",
        RiskArea::Livelihoods => "Moyens de subsistance et économie informelle",
        RiskArea::Corruption => "Corruption et complicité de l'État",
        RiskArea::Legitimacy => "Gouvernance de la sécurité et confiance",
        RiskArea::Settlement => "Fauteurs de troubles et règlements politiques",
        RiskArea::Targeting => "Ciblage de la lutte antiterroriste",
        RiskArea::CommunitySafety => "Sécurité des communautés et des informateurs",
        RiskArea::Displacement => "Déplacement entre frontières et régions",
        RiskArea::Ownership => "Appropriation locale et débat public",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_both_languages() {
        for (key, en, fr) in LABELS {
            assert!(!en.is_empty() && !fr.is_empty(), "{key}");
        }
        assert_eq!(label("findings", Lang::Fr), "Constats");
        assert_eq!(label("no-such-key", Lang::Fr), "no-such-key");
    }
}
