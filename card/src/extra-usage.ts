/**
 * Paid extra usage beyond the plan: spent of the monthly limit, in the account's currency,
 * with a bar of the share spent. A tap opens the spent sensor's more-info.
 */

import { html, LitElement, nothing } from "lit";

import { actionHandler, fireAction } from "./action-handler";
import type { ExtraUsage } from "./entities";
import { formatMoney, formatPercent } from "./format";
import { localize } from "./i18n";
import { extraStyles } from "./styles";
import type { HomeAssistant } from "./types";

export const EXTRA_TYPE = "claude-usage-extra";

export class ClaudeUsageExtra extends LitElement {
  static override properties = {
    hass: { attribute: false },
    usage: { attribute: false },
  };

  static override styles = extraStyles;

  declare hass: Pick<HomeAssistant, "locale"> | undefined;
  declare usage: ExtraUsage | undefined;

  protected override render() {
    const { hass, usage } = this;
    if (!hass || !usage) {
      return nothing;
    }
    const language = hass.locale.language;
    const used = formatMoney(usage.used, usage.unit, language);
    const value =
      usage.limit === null
        ? used
        : localize(language, "extra_usage_of", {
            used,
            limit: formatMoney(usage.limit, usage.unit, language),
          });
    const share = usage.utilization ?? (usage.limit ? (usage.used / usage.limit) * 100 : null);
    const title = localize(language, "extra_usage");
    return html`
      <div
        class="extra ${usage.stale ? "stale" : ""}"
        role="button"
        tabindex="0"
        aria-label=${[title, value, share === null ? undefined : formatPercent(share, language)]
          .filter((part) => part !== undefined)
          .join(": ")}
        .actionHandler=${actionHandler({})}
        @action=${() => fireAction(this, usage.entityId, {}, "tap")}
      >
        <div class="extra-text">
          <span class="extra-title">${title}</span>
          <span class="extra-value">${value}</span>
        </div>
        ${
          share === null
            ? nothing
            : html`<div class="bar" aria-hidden="true">
                <div style="width:${Math.min(100, Math.max(0, share))}%"></div>
              </div>`
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "claude-usage-extra": ClaudeUsageExtra;
  }
}
