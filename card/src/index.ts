/**
 * The bundle's entry: defines the card and its elements once Home Assistant's custom
 * element registry is in place, and offers the card in the card picker, also for any of
 * the integration's entities picked there.
 */

import { ClaudeUsageCardEditor, EDITOR_TYPE } from "./card-editor";
import { CARD_TYPE, ClaudeUsageCard } from "./claude-usage-card";
import { ClaudeUsageCredit, ClaudeUsageExtra, CREDIT_TYPE, EXTRA_TYPE } from "./extra-usage";
import { ClaudeUsageGauge, GAUGE_TYPE } from "./gauge";
import { localize } from "./i18n";
import { ClaudeUsageStatus, STATUS_TYPE } from "./status-banner";
import { DOMAIN, type HomeAssistant } from "./types";
import { ClaudeUsageHistory, HISTORY_TYPE } from "./usage-history";

/** A card the card picker offers for an entity (frontend 2026.6 and later). */
export interface CardSuggestion {
  label?: string;
  config: Record<string, unknown>;
}

declare global {
  interface Window {
    customCards?: {
      type: string;
      name: string;
      description: string;
      preview?: boolean;
      documentationURL?: string;
      getEntitySuggestion?: (
        hass: HomeAssistant,
        entityId: string,
      ) => CardSuggestion | CardSuggestion[] | null;
    }[];
  }
}

/**
 * The card picker's suggestion for an entity: the card of its account, for any entity of
 * the integration's devices; none for other entities.
 */
export function entitySuggestion(hass: HomeAssistant, entityId: string): CardSuggestion | null {
  const entry = hass.entities[entityId];
  if (entry?.platform !== DOMAIN || !entry.device_id) {
    return null;
  }
  return { config: { type: `custom:${CARD_TYPE}`, device_id: entry.device_id } };
}

/**
 * Run `define` once the page's custom element registry is the one Home Assistant keeps.
 *
 * Home Assistant's app bundle swaps `window.customElements` for a scoped-registry polyfill
 * while it boots, and extra modules such as this card load in parallel with it. A card
 * defined before the swap lands in the registry that is thrown away, and the dashboard says
 * "Custom element doesn't exist". The app's root element, `<home-assistant>` in the page, is
 * defined after the swap; until then the card waits for it. Elsewhere (no such element, or
 * the app already running) it defines at once.
 */
export function defineWhenAppReady(define: () => void, doc: Document = document): void {
  const appPending =
    doc.querySelector("home-assistant") !== null && !window.customElements.get("home-assistant");
  if (!appPending) {
    define();
    return;
  }
  void window.customElements.whenDefined("home-assistant").then(define);
}

defineWhenAppReady(() => {
  if (customElements.get(CARD_TYPE)) return;
  customElements.define(GAUGE_TYPE, ClaudeUsageGauge);
  customElements.define(HISTORY_TYPE, ClaudeUsageHistory);
  customElements.define(EXTRA_TYPE, ClaudeUsageExtra);
  customElements.define(CREDIT_TYPE, ClaudeUsageCredit);
  customElements.define(STATUS_TYPE, ClaudeUsageStatus);
  customElements.define(EDITOR_TYPE, ClaudeUsageCardEditor);
  customElements.define(CARD_TYPE, ClaudeUsageCard);
  window.customCards = window.customCards ?? [];
  window.customCards.push({
    type: CARD_TYPE,
    name: "Claude Usage",
    description: localize(document.documentElement.lang || navigator.language, "card_description"),
    preview: true,
    documentationURL: "https://github.com/claude-usage-ha/claude-usage-ha",
    getEntitySuggestion: entitySuggestion,
  });
});
