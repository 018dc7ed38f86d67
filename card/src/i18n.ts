/** The card's strings in English, German and French; anything else falls back to English. */

const en = {
  resets_in: "Resets in {duration}",
  resetting: "Resetting now",
  resets_at: "Resets {time}",
  pace_ahead: "Ahead of pace",
  pace_behind: "Behind pace",
  pace_on: "On pace",
  no_reset: "No reset scheduled",
  unavailable: "Usage unavailable",
  reauthenticate: "The session may have expired: reauthenticate in Settings.",
  open_settings: "Open Settings",
  no_data: "No data yet",
  pick_account: "Pick a Claude account in the card editor.",
  account_not_found: "Claude account not found.",
  extra_usage: "Extra usage",
  extra_usage_of: "{used} of {limit}",
  history: "History",
  history_label: "History, last {range}: {values}",
  no_value: "no data",
  history_unavailable: "History unavailable",
  no_history: "No history in this range yet",
  loading: "Loading…",
  reset_marker: "Reset",
  range: "Range",
  editor_device_id: "Account",
  editor_title: "Title",
  editor_default_range: "Default history range",
  editor_show_graph: "Show history graph",
  editor_thresholds: "Color thresholds",
  editor_warning: "Warning from (%)",
  editor_critical: "Critical from (%)",
  editor_hold_action_helper: "By default, holding a gauge shows its exact reset time.",
  card_description: "Claude.ai usage limits with live reset countdowns and history.",
};

export type StringKey = keyof typeof en;

const de: Record<StringKey, string> = {
  resets_in: "Zurücksetzung in {duration}",
  resetting: "Wird gerade zurückgesetzt",
  resets_at: "Zurücksetzung {time}",
  pace_ahead: "Schneller als gleichmäßig",
  pace_behind: "Langsamer als gleichmäßig",
  pace_on: "Gleichmäßiges Tempo",
  no_reset: "Keine Zurücksetzung geplant",
  unavailable: "Nutzung nicht verfügbar",
  reauthenticate: "Die Sitzung ist vielleicht abgelaufen: in den Einstellungen erneut anmelden.",
  open_settings: "Einstellungen öffnen",
  no_data: "Noch keine Daten",
  pick_account: "Wähle im Karteneditor ein Claude-Konto aus.",
  account_not_found: "Claude-Konto nicht gefunden.",
  extra_usage: "Zusätzliche Nutzung",
  extra_usage_of: "{used} von {limit}",
  history: "Verlauf",
  history_label: "Verlauf der letzten {range}: {values}",
  no_value: "keine Daten",
  history_unavailable: "Verlauf nicht verfügbar",
  no_history: "Noch kein Verlauf in diesem Zeitraum",
  loading: "Wird geladen…",
  reset_marker: "Zurückgesetzt",
  range: "Zeitraum",
  editor_device_id: "Konto",
  editor_title: "Titel",
  editor_default_range: "Standardzeitraum des Verlaufs",
  editor_show_graph: "Verlaufsdiagramm anzeigen",
  editor_thresholds: "Farbschwellen",
  editor_warning: "Warnung ab (%)",
  editor_critical: "Kritisch ab (%)",
  editor_hold_action_helper:
    "Standardmäßig zeigt langes Drücken auf eine Anzeige den genauen Zeitpunkt der Zurücksetzung.",
  card_description: "Claude.ai-Nutzungslimits mit Countdown bis zur Zurücksetzung und Verlauf.",
};

const fr: Record<StringKey, string> = {
  resets_in: "Réinitialisation dans {duration}",
  resetting: "Réinitialisation en cours",
  resets_at: "Réinitialisation {time}",
  pace_ahead: "En avance sur le rythme régulier",
  pace_behind: "En retard sur le rythme régulier",
  pace_on: "Au rythme régulier",
  no_reset: "Aucune réinitialisation prévue",
  unavailable: "Utilisation indisponible",
  reauthenticate: "La session a peut-être expiré : réauthentifiez-vous dans les Paramètres.",
  open_settings: "Ouvrir les Paramètres",
  no_data: "Pas encore de données",
  pick_account: "Choisissez un compte Claude dans l'éditeur de carte.",
  account_not_found: "Compte Claude introuvable.",
  extra_usage: "Utilisation supplémentaire",
  extra_usage_of: "{used} sur {limit}",
  history: "Historique",
  history_label: "Historique sur {range} : {values}",
  no_value: "pas de données",
  history_unavailable: "Historique indisponible",
  no_history: "Pas encore d'historique sur cette période",
  loading: "Chargement…",
  reset_marker: "Réinitialisation",
  range: "Période",
  editor_device_id: "Compte",
  editor_title: "Titre",
  editor_default_range: "Période par défaut de l'historique",
  editor_show_graph: "Afficher le graphique d'historique",
  editor_thresholds: "Seuils de couleur",
  editor_warning: "Avertissement à partir de (%)",
  editor_critical: "Critique à partir de (%)",
  editor_hold_action_helper:
    "Par défaut, un appui long sur une jauge affiche l'heure exacte de la réinitialisation.",
  card_description: "Limites d'utilisation de Claude.ai avec compte à rebours et historique.",
};

const DICTIONARIES: Record<string, Record<StringKey, string>> = { en, de, fr };

/** Return the string for `key` in `language` ("de", "de-CH", ...), English when unknown. */
export function localize(
  language: string | undefined,
  key: StringKey,
  values: Record<string, string> = {},
): string {
  const base = (language ?? "en").toLowerCase().split(/[-_]/)[0] ?? "en";
  const template = (DICTIONARIES[base] ?? en)[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
