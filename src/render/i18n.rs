//! The words of the human formats (headings, labels, rating names) in English and French.
//!
//! A table, shared by the terminal table, the details view and the templates, so every
//! format says the same thing in the same words. Rule texts live in the rule files.

use super::Lang;
use crate::model::{ProgrammeType, Rating, RiskArea};

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
    (
        "withheld_one",
        "name marked sensitive withheld (shown as [withheld]; --show-sensitive shows it)",
        "nom marqué sensible masqué (remplacé par [withheld] ; --show-sensitive l'affiche)",
    ),
    (
        "withheld_many",
        "names marked sensitive withheld (shown as [withheld]; --show-sensitive shows them)",
        "noms marqués sensibles masqués (remplacés par [withheld] ; --show-sensitive les affiche)",
    ),
    (
        "sensitive_shown",
        "Names marked sensitive are shown (--show-sensitive): do not share this output",
        "Les noms marqués sensibles sont affichés (--show-sensitive) : ne diffusez pas ce document",
    ),
    ("programmes_many", "programmes screened", "programmes analysés"),
    ("error_files_one", "file with errors", "fichier en erreur"),
    ("error_files_many", "files with errors", "fichiers en erreur"),
    ("no_programmes", "No programme files found.", "Aucun fichier de programme trouvé."),
    (
        "none_screened",
        "No programme screened (see the errors above).",
        "Aucun programme analysé (voir les erreurs ci-dessus).",
    ),
    ("report_title", "Crime-sensitivity screening", "Analyse de sensibilité à la criminalité"),
    ("combined_title", "Crime-sensitivity screening report", "Rapport d'analyse de sensibilité à la criminalité"),
    ("programme_type", "Programme type", "Type de programme"),
    ("screening_date", "Screening date", "Date de l'analyse"),
    ("source_file", "Source file", "Fichier source"),
    ("produced_with", "Produced with", "Produit avec"),
    ("on_date", "on", "le"),
    ("not_stated", "not stated", "non renseigné"),
    ("risk_profile", "Risk-area profile", "Profil par domaine de risque"),
    (
        "profile_note",
        "Highest significance (impact × likelihood, out of 25) among the open findings of each risk area.",
        "Significativité la plus élevée (impact × probabilité, sur 25) parmi les constats ouverts de chaque domaine de risque.",
    ),
    ("findings_by_area", "What could go wrong, by risk area", "Ce qui pourrait mal tourner, par domaine de risque"),
    ("significance", "significance", "significativité"),
    ("finding", "Finding", "Constat"),
    ("highest", "Highest significance", "Significativité maximale"),
    ("field", "Field", "Champ"),
    ("question", "Question", "Question"),
    ("status", "Status", "Statut"),
    ("until", "Until", "Jusqu'au"),
    ("reason", "Reason", "Motif"),
    ("approver", "Approved by", "Approuvé par"),
    ("status_accepted", "accepted", "accepté"),
    ("status_expired_acceptance", "expired: counted again", "expiré : de nouveau compté"),
    (
        "status_stale_acceptance",
        "stale: the rule raised no finding; remove it",
        "caduc : la règle n'a relevé aucun constat ; à retirer",
    ),
    ("status_ignored", "ignored (audit mode)", "ignoré (mode audit)"),
    (
        "gaps_intro",
        "Each question is left open by the design. Until it is answered, the screening treats the harm it guards against as possible.",
        "Chaque question est laissée ouverte par la conception. Tant qu'elle reste sans réponse, l'analyse considère comme possible le préjudice qu'elle prévient.",
    ),
    (
        "no_gaps",
        "None: the design answers every question the checklist asked of it.",
        "Aucune : la conception répond à toutes les questions posées par la liste de contrôle.",
    ),
    (
        "unsupported_intro",
        "These safeguards are answered yes without saying where the design shows them; a reviewer should check each one.",
        "Ces garanties sont déclarées « oui » sans indiquer où la conception les démontre ; un relecteur devrait vérifier chacune d'elles.",
    ),
    ("summary", "Summary", "Synthèse"),
    ("errors_heading", "Files not screened", "Fichiers non analysés"),
    ("errors_one", "file with errors", "fichier en erreur"),
    ("errors_many", "files with errors", "fichiers en erreur"),
    ("portfolio_title", "Portfolio screening", "Analyse du portefeuille"),
    ("programmes_word", "programmes", "programmes"),
    ("by_rating", "Programmes by rating", "Programmes par niveau"),
    ("count", "Count", "Nombre"),
    (
        "heat_map",
        "Risk areas by region (highest rating among the programmes working there)",
        "Domaines de risque par région (niveau le plus élevé parmi les programmes qui y interviennent)",
    ),
    (
        "heat_legend",
        "H High · S Substantial · M Moderate · L Low · · no open finding",
        "H Élevé · S Substantiel · M Modéré · L Faible · · aucun constat ouvert",
    ),
    ("region", "Region", "Région"),
    ("by_type", "Ratings by programme type", "Niveaux par type de programme"),
    ("rating_high", "High", "Élevé"),
    ("rating_substantial", "Substantial", "Substantiel"),
    ("rating_moderate", "Moderate", "Modéré"),
    ("rating_low", "Low", "Faible"),
    ("frequent", "Most frequent findings", "Constats les plus fréquents"),
    ("highest_rating", "Highest rating", "Niveau le plus élevé"),
    ("budget_by_rating", "Budget by rating (per currency)", "Budget par niveau (par devise)"),
    ("budget", "Budget", "Budget"),
    ("not_added", "not added (see the errors)", "non additionné (voir les erreurs)"),
    ("shared_partners", "Partners in several programmes", "Partenaires présents dans plusieurs programmes"),
    ("partner", "Partner", "Partenaire"),
    ("vetting", "Vetting", "Vérification"),
    ("concerns", "Concerns", "Préoccupations"),
    ("inconsistent", "inconsistent", "incohérente"),
    ("reviews_due", "Screenings due or overdue", "Analyses à refaire ou en retard"),
    ("last_screening", "Last screening", "Dernière analyse"),
    ("never_started", "none; started", "aucune ; début"),
    ("next_screening", "Next screening", "Prochaine analyse"),
    ("overdue", "overdue", "en retard"),
    ("due", "due", "à faire"),
    ("cross_findings", "Cross-programme findings", "Constats entre programmes"),
    ("none", "None.", "Aucun."),
    ("this_programme", "A programme of the portfolio is such that", "Un programme du portefeuille est tel que"),
    (
        "shared_partner",
        "where the shared partner, in at least one of them, is such that",
        "le partenaire commun étant, dans au moins l'un d'eux, tel que",
    ),
    ("diff_title", "Changes", "Changements"),
    ("diff_new", "New findings", "Nouveaux constats"),
    ("diff_resolved", "Resolved findings", "Constats résolus"),
    ("diff_rerated", "Re-rated findings", "Constats réévalués"),
    ("diff_gaps_filled", "Gaps filled", "Lacunes comblées"),
    ("diff_gaps_opened", "New gaps", "Nouvelles lacunes"),
    ("diff_unchanged", "findings unchanged", "constats inchangés"),
    ("more", "more", "de plus"),
    ("more_json", "more: see --format json, csv, md or html", "de plus : voir --format json, csv, md ou html"),
    ("involved", "Programmes involved", "Programmes concernés"),
    ("gap_short", "information gap", "information manquante"),
    ("open_findings", "open findings", "constats ouverts"),
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

/// What became of the names marked sensitive, when there are any: how many are withheld, or
/// a warning that they are shown.
pub fn sensitive_notice(marked: usize, shown: bool, lang: Lang) -> Option<String> {
    match marked {
        0 => None,
        _ if shown => Some(label("sensitive_shown", lang).to_string()),
        n => Some(count(n, "withheld", lang)),
    }
}

/// Why a finding on a claimed safeguard is rated below its significance.
pub fn capped(capped_at: Rating, uncapped: Rating, claims: &[String], lang: Lang) -> String {
    let claims: Vec<String> = claims.iter().map(|c| format!("`{c}`")).collect();
    let claims = claims.join(", ");
    match lang {
        Lang::En => format!(
            "capped at {} ({} on its own): a safeguard the design claims ({claims}) is never rated worse than not having it",
            rating(capped_at, lang),
            rating(uncapped, lang)
        ),
        Lang::Fr => format!(
            "plafonné à {} ({} sans plafond) : une mesure que le projet déclare ({claims}) n'est jamais jugée plus risquée que son absence",
            rating(capped_at, lang),
            rating(uncapped, lang)
        ),
    }
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

pub fn programme_type(t: ProgrammeType, lang: Lang) -> &'static str {
    match (t, lang) {
        (ProgrammeType::Ssr, Lang::En) => "Security sector reform",
        (ProgrammeType::Ddr, Lang::En) => "Disarmament, demobilisation and reintegration",
        (ProgrammeType::Border, Lang::En) => "Border management",
        (ProgrammeType::CounterTerrorism, Lang::En) => "Counter-terrorism",
        (ProgrammeType::Justice, Lang::En) => "Criminal justice",
        (ProgrammeType::Development, Lang::En) => "Development",
        (ProgrammeType::Governance, Lang::En) => "Governance",
        (ProgrammeType::Reconciliation, Lang::En) => "Reconciliation and dialogue",
        (ProgrammeType::Ssr, Lang::Fr) => "Réforme du secteur de la sécurité",
        (ProgrammeType::Ddr, Lang::Fr) => "Désarmement, démobilisation et réintégration",
        (ProgrammeType::Border, Lang::Fr) => "Gestion des frontières",
        (ProgrammeType::CounterTerrorism, Lang::Fr) => "Lutte contre le terrorisme",
        (ProgrammeType::Justice, Lang::Fr) => "Justice pénale",
        (ProgrammeType::Development, Lang::Fr) => "Développement",
        (ProgrammeType::Governance, Lang::Fr) => "Gouvernance",
        (ProgrammeType::Reconciliation, Lang::Fr) => "Réconciliation et dialogue",
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
