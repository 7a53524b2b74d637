//! The table of labels: every word the human formats use, in both languages, one entry each.
//!
//! Data only. Each entry names its key (what templates write after `t.`), its English and its
//! French; an entry cannot lack a language. `{name}` marks a value filled in by `fill`.

use super::define_labels;

define_labels! {
    File = "file": "File",
        "Fichier";
    Rule = "rule": "Rule",
        "Règle";
    AppliesTo = "applies_to": "Applies to",
        "S'applique à";
    ImpactLikelihood = "impact_likelihood": "Impact × likelihood",
        "Impact × probabilité";
    Title = "title": "Title",
        "Titre";
    RuleListed = "rule_listed": "rule",
        "règle";
    RulesListed = "rules_listed": "rules",
        "règles";
    WhatItChecks = "what_it_checks": "What it checks",
        "Ce qu'elle vérifie";
    Modifiers = "modifiers": "Modifiers",
        "Modulateurs";
    When = "when": "when",
        "si";
    Colon = "colon": ":",
        " :";
    AreaH = "area_h": "Area",
        "Domaine";
    FloorH = "floor_h": "Floor",
        "Plancher";
    Example = "example": "Example that triggers it",
        "Exemple qui la déclenche";
    Contradiction = "contradiction": "contradiction",
        "contradiction";
    ContradictionNote = "contradiction_note": "contradiction: these answers cannot all be true; correct them",
        "contradiction : ces réponses ne peuvent pas être toutes vraies ; à corriger";
    Programme = "programme": "Programme",
        "Programme";
    Type = "type": "Type",
        "Type";
    Rating = "rating": "Rating",
        "Niveau";
    Areas = "areas": "Substantial/High areas",
        "Domaines substantiels/élevés";
    Findings = "findings": "Findings",
        "Constats";
    Gaps = "gaps": "Gaps",
        "Lacunes";
    Score = "score": "score",
        "score";
    FollowUps = "follow_ups": "What this rating asks for",
        "Ce que ce niveau exige";
    FindingsHeading = "findings_heading": "Findings",
        "Constats";
    NoFindings = "no_findings": "No findings.",
        "Aucun constat.";
    Area = "area": "area",
        "domaine";
    Impact = "impact": "impact",
        "impact";
    Likelihood = "likelihood": "likelihood",
        "probabilité";
    TriggeredBy = "triggered_by": "triggered by",
        "déclenché par";
    Why = "why": "why",
        "pourquoi";
    Source = "source": "source",
        "source";
    Mitigation = "mitigation": "what to change",
        "que changer";
    References = "references": "references",
        "références";
    GapFinding = "gap_finding": "information gap: scored as possible, one step less likely",
        "information manquante : considéré comme possible, un cran moins probable";
    Floor = "floor": "never rated below",
        "jamais en dessous de";
    GapsHeading = "gaps_heading": "What the design does not tell us",
        "Ce que la conception ne dit pas";
    UnsupportedHeading = "unsupported_heading": "Claims marked yes without evidence",
        "Réponses « oui » sans justification";
    AcceptancesHeading = "acceptances_heading": "Accepted risks",
        "Risques acceptés";
    AcceptedUntil = "accepted_until": "accepted until",
        "accepté jusqu'au";
    AcceptedNoExpiry = "accepted_no_expiry": "accepted, no expiry date",
        "accepté, sans date d'échéance";
    Expired = "expired": "ACCEPTANCE EXPIRED on",
        "ACCEPTATION EXPIRÉE le";
    ExpiredNote = "expired_note": "no longer applies; counted in the rating",
        "ne s'applique plus ; compté dans le niveau";
    ApprovedBy = "approved_by": "approved by",
        "approuvé par";
    PreparedBy = "prepared_by": "prepared by",
        "préparé par";
    ReviewedBy = "reviewed_by": "reviewed by",
        "revu par";
    Line = "line": "line",
        "ligne";
    Checklist = "checklist": "checklist",
        "liste de contrôle";
    ProgrammesOne = "programmes_one": "programme screened",
        "programme analysé";
    WithheldOne = "withheld_one": "name marked sensitive withheld (shown as [withheld]; --show-sensitive shows it)",
        "nom marqué sensible masqué (remplacé par [withheld] ; --show-sensitive l'affiche)";
    WithheldMany = "withheld_many": "names marked sensitive withheld (shown as [withheld]; --show-sensitive shows them)",
        "noms marqués sensibles masqués (remplacés par [withheld] ; --show-sensitive les affiche)";
    SensitiveShown = "sensitive_shown": "Names marked sensitive are shown (--show-sensitive): do not share this output",
        "Les noms marqués sensibles sont affichés (--show-sensitive) : ne diffusez pas ce document";
    ProgrammesMany = "programmes_many": "programmes screened",
        "programmes analysés";
    ErrorFilesOne = "error_files_one": "file with errors",
        "fichier en erreur";
    ErrorFilesMany = "error_files_many": "files with errors",
        "fichiers en erreur";
    NoProgrammes = "no_programmes": "No programme files found.",
        "Aucun fichier de programme trouvé.";
    NoneScreened = "none_screened": "No programme screened (see the errors above).",
        "Aucun programme analysé (voir les erreurs ci-dessus).";
    ReportTitle = "report_title": "Crime-sensitivity screening",
        "Analyse de sensibilité à la criminalité";
    CombinedTitle = "combined_title": "Crime-sensitivity screening report",
        "Rapport d'analyse de sensibilité à la criminalité";
    ProgrammeType = "programme_type": "Programme type",
        "Type de programme";
    ScreeningDate = "screening_date": "Screening date",
        "Date de l'analyse";
    SourceFile = "source_file": "Source file",
        "Fichier source";
    ProducedWith = "produced_with": "Produced with",
        "Produit avec";
    OnDate = "on_date": "on",
        "le";
    NotStated = "not_stated": "not stated",
        "non renseigné";
    RiskProfile = "risk_profile": "Risk-area profile",
        "Profil par domaine de risque";
    ProfileNote = "profile_note": "Highest significance (impact × likelihood, out of 25) among the open findings of each risk area.",
        "Significativité la plus élevée (impact × probabilité, sur 25) parmi les constats ouverts de chaque domaine de risque.";
    FindingsByArea = "findings_by_area": "What could go wrong, by risk area",
        "Ce qui pourrait mal tourner, par domaine de risque";
    Significance = "significance": "significance",
        "significativité";
    Finding = "finding": "Finding",
        "Constat";
    Highest = "highest": "Highest significance",
        "Significativité maximale";
    Field = "field": "Field",
        "Champ";
    Question = "question": "Question",
        "Question";
    Status = "status": "Status",
        "Statut";
    Until = "until": "Until",
        "Jusqu'au";
    Reason = "reason": "Reason",
        "Motif";
    Approver = "approver": "Approved by",
        "Approuvé par";
    StatusAccepted = "status_accepted": "accepted",
        "accepté";
    StatusExpiredAcceptance = "status_expired_acceptance": "expired: counted again",
        "expiré : de nouveau compté";
    StatusStaleAcceptance = "status_stale_acceptance": "stale: the rule raised no finding; remove it",
        "caduc : la règle n'a relevé aucun constat ; à retirer";
    StatusIgnored = "status_ignored": "ignored (audit mode)",
        "ignoré (mode audit)";
    GapsIntro = "gaps_intro": "Each question is left open by the design. Until it is answered, the screening treats the harm it guards against as possible.",
        "Chaque question est laissée ouverte par la conception. Tant qu'elle reste sans réponse, l'analyse considère comme possible le préjudice qu'elle prévient.";
    NoGaps = "no_gaps": "None: the design answers every question the checklist asked of it.",
        "Aucune : la conception répond à toutes les questions posées par la liste de contrôle.";
    UnsupportedIntro = "unsupported_intro": "These safeguards are answered yes without saying where the design shows them; a reviewer should check each one.",
        "Ces garanties sont déclarées « oui » sans indiquer où la conception les démontre ; un relecteur devrait vérifier chacune d'elles.";
    Summary = "summary": "Summary",
        "Synthèse";
    ErrorsHeading = "errors_heading": "Files not screened",
        "Fichiers non analysés";
    ErrorsOne = "errors_one": "file with errors",
        "fichier en erreur";
    ErrorsMany = "errors_many": "files with errors",
        "fichiers en erreur";
    PortfolioTitle = "portfolio_title": "Portfolio screening",
        "Analyse du portefeuille";
    ProgrammesWord = "programmes_word": "programmes",
        "programmes";
    ByRating = "by_rating": "Programmes by rating",
        "Programmes par niveau";
    Count = "count": "Count",
        "Nombre";
    HeatMap = "heat_map": "Risk areas by region (highest rating among the programmes working there)",
        "Domaines de risque par région (niveau le plus élevé parmi les programmes qui y interviennent)";
    HeatLegend = "heat_legend": "H High · S Substantial · M Moderate · L Low · · no open finding",
        "É Élevé · S Substantiel · M Modéré · F Faible · · aucun constat ouvert";
    Region = "region": "Region",
        "Région";
    ByType = "by_type": "Ratings by programme type",
        "Niveaux par type de programme";
    RatingHigh = "rating_high": "High",
        "Élevé";
    RatingSubstantial = "rating_substantial": "Substantial",
        "Substantiel";
    RatingModerate = "rating_moderate": "Moderate",
        "Modéré";
    RatingLow = "rating_low": "Low",
        "Faible";
    Frequent = "frequent": "Most frequent findings",
        "Constats les plus fréquents";
    HighestRating = "highest_rating": "Highest rating",
        "Niveau le plus élevé";
    BudgetByRating = "budget_by_rating": "Budget by rating (per currency)",
        "Budget par niveau (par devise)";
    Budget = "budget": "Budget",
        "Budget";
    NotAdded = "not_added": "not added (see the errors)",
        "non additionné (voir les erreurs)";
    SharedPartners = "shared_partners": "Partners in several programmes",
        "Partenaires présents dans plusieurs programmes";
    Partner = "partner": "Partner",
        "Partenaire";
    Vetting = "vetting": "Vetting",
        "Vérification";
    Concerns = "concerns": "Concerns",
        "Préoccupations";
    Inconsistent = "inconsistent": "inconsistent",
        "incohérente";
    ReviewsDue = "reviews_due": "Screenings due or overdue",
        "Analyses à refaire ou en retard";
    LastScreening = "last_screening": "Last screening",
        "Dernière analyse";
    NeverStarted = "never_started": "none; started",
        "aucune ; début";
    NextScreening = "next_screening": "Next screening",
        "Prochaine analyse";
    Overdue = "overdue": "overdue",
        "en retard";
    Due = "due": "due",
        "à faire";
    CrossFindings = "cross_findings": "Cross-programme findings",
        "Constats entre programmes";
    None = "none": "None.",
        "Aucun.";
    ThisProgramme = "this_programme": "A programme of the portfolio is such that",
        "Un programme du portefeuille est tel que";
    SharedPartner = "shared_partner": "where the shared partner, in at least one of them, is such that",
        "le partenaire commun étant, dans au moins l'un d'eux, tel que";
    DiffTitle = "diff_title": "Changes",
        "Changements";
    DiffNew = "diff_new": "New findings",
        "Nouveaux constats";
    DiffResolved = "diff_resolved": "Resolved findings",
        "Constats résolus";
    DiffRerated = "diff_rerated": "Re-rated findings",
        "Constats réévalués";
    DiffGapsFilled = "diff_gaps_filled": "Gaps filled",
        "Lacunes comblées";
    DiffGapsOpened = "diff_gaps_opened": "New gaps",
        "Nouvelles lacunes";
    DiffUnchanged = "diff_unchanged": "findings unchanged",
        "constats inchangés";
    More = "more": "more",
        "de plus";
    MoreJson = "more_json": "more: see --format json, csv, md or html",
        "de plus : voir --format json, csv, md ou html";
    Involved = "involved": "Programmes involved",
        "Programmes concernés";
    GapShort = "gap_short": "information gap",
        "information manquante";
    OpenFindings = "open_findings": "open findings",
        "constats ouverts";
    Notice = "notice": "notice",
        "avis";
    ProgrammeFileOne = "programme_file_one": "programme file",
        "fichier de programme";
    ProgrammeFileMany = "programme_file_many": "programme files",
        "fichiers de programme";
    NoticeConfigNotRead = "notice_config_not_read":
        "strict mode: {file} was not read (its fail_on, lang, checklists, templates, baseline and ignore do \
         not apply, and files that git ignores are screened too)",
        "mode strict : {file} n'a pas été lu (ses fail_on, lang, checklists, templates, baseline et ignore ne \
         s'appliquent pas, et les fichiers ignorés par git sont aussi analysés)";
    NoticeFailOnNever = "notice_fail_on_never":
        "`fail_on: never` is set by {origin}: no rating makes this run fail",
        "`fail_on: never` est fixé par {origin} : aucune note ne fait échouer cette exécution";
    NoticeIgnoreLeftOutAll = "notice_ignore_left_out_all":
        "the `ignore` patterns of {config} left out every programme file found ({left_out}): nothing was screened",
        "les motifs `ignore` de {config} ont écarté tous les fichiers de programme trouvés ({left_out}) : rien \
         n'a été analysé";
    NoticeIgnoreLeftOut = "notice_ignore_left_out":
        "the `ignore` patterns of {config} left out {left_out}; {remaining} left to screen",
        "les motifs `ignore` de {config} ont écarté {left_out} ; {remaining} restent à analyser";
    NoticeGitIgnoredLeftOut = "notice_git_ignored_left_out":
        "the repository's git-ignore rules (.gitignore) left out {left_out}; {remaining} left to screen \
         (--strict-config screens them)",
        "les règles git-ignore du dépôt (.gitignore) ont écarté {left_out} ; {remaining} restent à analyser \
         (--strict-config les analyse)";
    NoticeConfigNamesNotScreened = "notice_config_names_not_screened":
        "not screened, named as a configuration file but not the one in use: {files}; rename them to screen them",
        "non analysés, nommés comme un fichier de configuration mais pas celui utilisé : {files} ; renommez-les \
         pour les analyser";
    NoticeBaselineCoversAll = "notice_baseline_covers_all":
        "the baseline {file} (set by {origin}) marks all {known} findings as known: none counts towards fail_on",
        "la référence {file} (fixée par {origin}) marque les {known} constats comme connus : aucun ne compte \
         pour fail_on";
    SharingRegion = "sharing_region":
        "and another programme of the portfolio, in a region they share, is such that:",
        "et un autre programme du portefeuille, dans une région commune, est tel que :";
    SharingPartner = "sharing_partner":
        "and another programme of the portfolio, with a partner they share, is such that:",
        "et un autre programme du portefeuille, avec un partenaire commun, est tel que :";
    SharingNeighbouringRegion = "sharing_neighbouring_region":
        "and another programme of the portfolio, in a neighbouring region, is such that:",
        "et un autre programme du portefeuille, dans une région voisine, est tel que :";
    SharingNoRegion = "sharing_no_region":
        "and no other programme of the portfolio, in a region they share, is such that:",
        "et aucun autre programme du portefeuille, dans une région commune, n'est tel que :";
    SharingNoPartner = "sharing_no_partner":
        "and no other programme of the portfolio, with a partner they share, is such that:",
        "et aucun autre programme du portefeuille, avec un partenaire commun, n'est tel que :";
    SharingNoNeighbouringRegion = "sharing_no_neighbouring_region":
        "and no other programme of the portfolio, in a neighbouring region, is such that:",
        "et aucun autre programme du portefeuille, dans une région voisine, n'est tel que :";
    Mentions = "mentions": "mentions",
        "mentionne";
    InvolvedInline = "involved_inline": "programmes involved",
        "programmes concernés";
    AnswerYes = "answer_yes": "yes",
        "oui";
    AnswerNo = "answer_no": "no",
        "non";
    AnswerUnknown = "answer_unknown": "unknown",
        "inconnu";
    Capped = "capped":
        "capped at {capped} ({uncapped} on its own): a safeguard the design claims ({claims}) is never rated worse \
         than not having it",
        "plafonné à {capped} ({uncapped} sans plafond) : une mesure que le projet déclare ({claims}) n'est jamais \
         jugée plus risquée que son absence";
    ChecklistTitle = "checklist_title": "The dnh-screen checklist",
        "La liste de contrôle de dnh-screen";
    ChecklistIntro = "checklist_intro":
        "Every rule rests on a passage of the 2014 Bamako meeting report on organised crime in Mali and \
         the Sahel (`docs/source/`), quoted verbatim. Conditions are three-valued: a field the design leaves out makes a test unknown, and a rule that is unknown because of a gap still raises its finding, marked as a gap, one step less likely.",
        "Chaque règle repose sur un passage du rapport de la réunion de Bamako de 2014 sur la criminalité \
         organisée au Mali et au Sahel (`docs/source/`), cité mot pour mot. Les conditions ont trois valeurs : un \
         champ que la conception omet rend un test inconnu, et une règle inconnue à cause d'une lacune lève tout de \
         même son constat, marqué comme lacune, un cran moins probable.";
    Unversioned = "unversioned": "unversioned",
        "sans version";
    ChangesHeading = "changes_heading": "What to change first",
        "Ce qu'il faut changer en priorité";
    ChangesIntro = "changes_intro":
        "Each change answers the findings it names, and the first remove the most rating. Each finding is set out below.",
        "Chaque changement répond aux constats qu'il nomme, et les premiers abaissent le plus le niveau. Chaque constat est détaillé plus bas.";
    ChangeH = "change_h": "Change",
        "Changement";
    ChangeAnswers = "change_answers": "answers",
        "répond à";
    ChangeRatingAfter = "change_rating_after": "rating without them",
        "niveau sans eux";
    ChangeOwn = "change_own": "Act on {rule}: {title} (see its mitigation)",
        "Traiter {rule} : {title} (voir sa mesure d'atténuation)";
    ChangeAnswerYes = "change_answer_yes": "Put in place, with evidence, what this asks: {question}",
        "Mettre en place, justification à l'appui, ce que demande cette question : {question}";
    Basis = "basis": "basis",
        "fondement";
    BasisEvidenced = "basis_evidenced": "evidenced",
        "établi";
    BasisUnverified = "basis_unverified": "unverified",
        "non vérifié";
    UnverifiedNote = "unverified_note":
        "unverified: a question to answer, not an established fact; still counted, as a missing answer is never safe",
        "non vérifié : une question à trancher, non un fait établi ; compté tout de même, car une réponse manquante n'est jamais sûre";
    DoesNotShow = "does_not_show": "the design does not show",
        "le projet ne montre pas";
    Completeness = "completeness": "completeness",
        "complétude";
    CompletenessLine = "completeness_line": "{answered} of the {asked} key questions answered ({percent}%)",
        "{answered} des {asked} questions clés ont une réponse ({percent}\u{202f}%)";
}
