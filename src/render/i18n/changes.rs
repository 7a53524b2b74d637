//! The words of a consolidated change: each safeguard's change as an instruction, in English
//! and French. A table, not logic; a safeguard it lacks is worded from its question.

use super::super::Lang;
use super::{Label, fill};

/// Each safeguard (dotted path, list positions folded) as the change that puts it in place.
static CHANGES: &[(&str, &str, &str)] = &[
    (
        "measures.partner_vetting",
        "Vet every partner for links to criminal networks and corruption, and record each result",
        "Vérifier les liens de chaque partenaire avec les réseaux criminels et la corruption, et consigner chaque résultat",
    ),
    (
        "partners[].vetted",
        "Vet every partner for links to criminal networks and corruption, and record each result",
        "Vérifier les liens de chaque partenaire avec les réseaux criminels et la corruption, et consigner chaque résultat",
    ),
    (
        "measures.civilian_oversight",
        "Put the security actors the programme supports under civilian oversight (parliament, civil society, communities)",
        "Placer les acteurs de sécurité appuyés par le programme sous un contrôle civil (parlement, société civile, communautés)",
    ),
    (
        "measures.grievance_mechanism",
        "Open a grievance mechanism to the people the programme affects",
        "Ouvrir un mécanisme de recours aux personnes que le programme affecte",
    ),
    (
        "measures.informant_protection",
        "Protect the people who give the programme information",
        "Protéger les personnes qui fournissent des informations au programme",
    ),
    (
        "measures.data_protection",
        "Protect the personal data the programme collects",
        "Protéger les données personnelles que le programme collecte",
    ),
    (
        "measures.alternative_livelihoods.provided",
        "Provide alternative livelihoods to the people whose income the programme affects",
        "Offrir des moyens de subsistance alternatifs aux personnes dont le programme affecte les revenus",
    ),
    (
        "measures.alternative_livelihoods.competitive_with_illicit_income",
        "Make the alternative livelihoods able to compete with illicit income",
        "Rendre les moyens de subsistance alternatifs capables de rivaliser avec les revenus illicites",
    ),
    (
        "measures.alternative_livelihoods.reaches_all_affected",
        "Extend the alternative livelihoods to everyone whose income the programme cuts",
        "Étendre les moyens de subsistance alternatifs à toutes les personnes dont le programme coupe les revenus",
    ),
    (
        "measures.community_consultation",
        "Consult the affected communities on the design",
        "Consulter les communautés concernées sur la conception",
    ),
    (
        "measures.feedback_to_communities",
        "Report back to the communities on what the programme learns and does",
        "Rendre compte aux communautés de ce que le programme apprend et fait",
    ),
    (
        "measures.regional_coordination",
        "Coordinate with neighbouring areas and countries so that criminal flows do not move there",
        "Se coordonner avec les zones et pays voisins pour que les flux criminels ne s'y déplacent pas",
    ),
    (
        "measures.disengagement_conditions",
        "Make support and accommodation conditional on disengagement from illicit activity",
        "Subordonner l'appui et l'accommodement au désengagement des activités illicites",
    ),
    (
        "measures.local_researchers",
        "Involve local researchers in the programme's analysis",
        "Associer des chercheurs locaux à l'analyse du programme",
    ),
    (
        "analysis.political_economy.done",
        "Carry out a political economy analysis of crime before approval",
        "Réaliser une analyse d'économie politique de la criminalité avant l'approbation",
    ),
    ("analysis.conflict.done", "Carry out a conflict analysis", "Réaliser une analyse de conflit"),
    (
        "analysis.community_perception.results_shared_with_communities",
        "Share the survey results with the communities surveyed",
        "Restituer les résultats des enquêtes aux communautés interrogées",
    ),
];

/// A change that puts safeguards in place, as an instruction in `lang`.
/// Several safeguards (a change that needs them together) are joined with `; ` (` ; ` in French).
pub fn safeguard_change(safeguards: &[String], lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for path in safeguards {
        let part = one(path, lang);
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    // Within the sentence, each further instruction's first letter in lower case.
    for part in parts.iter_mut().skip(1) {
        let mut chars = part.chars();
        *part = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
    }
    parts.join(if lang == Lang::Fr { " ; " } else { "; " })
}

fn one(path: &str, lang: Lang) -> String {
    if let Some((_, en, fr)) = CHANGES.iter().find(|(p, _, _)| *p == path) {
        return if lang == Lang::Fr { fr } else { en }.to_string();
    }
    let question = crate::schema::question(&path.replace("[]", "[0]"), lang.code()).unwrap_or(path);
    fill(Label::ChangeAnswerYes, lang, &[("question", question)])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every safeguard of the format has its change worded in both languages.
    #[test]
    fn every_safeguard_has_a_change() {
        let mut missing = Vec::new();
        let mut visit = |path: String, spec: &crate::schema::FieldSpec| {
            if spec.safeguard && !CHANGES.iter().any(|(p, en, fr)| *p == path && !en.is_empty() && !fr.is_empty()) {
                missing.push(path);
            }
        };
        for path in crate::schema::paths(crate::schema::ROOT) {
            if let Some(spec) = crate::schema::find(crate::schema::ROOT, &path) {
                visit(path, spec);
            }
        }
        for spec in crate::schema::PARTNER.iter().chain(crate::schema::ACTIVITY).chain(crate::schema::CONTACT) {
            visit(format!("partners[].{}", spec.name), spec);
        }
        missing.retain(|p| !p.starts_with("partners[]") || p == "partners[].vetted");
        assert!(missing.is_empty(), "{missing:?}");
    }
}
