/**
 * Money beside the plan, each a row with a bar; a tap opens its sensor's more-info:
 * paid extra usage (spent of the monthly limit) and a credit claude.ai granted (left of
 * what was granted, and when it expires).
 */

import { html, LitElement, nothing } from "lit";

import { actionHandler, fireAction } from "./action-handler";
import type { Credit, ExtraUsage } from "./entities";
import { formatDay, formatMoney, formatPercent } from "./format";
import { localize } from "./i18n";
import { extraStyles } from "./styles";
import type { HomeAssistant } from "./types";

export const EXTRA_TYPE = "claude-usage-extra";
export const CREDIT_TYPE = "claude-usage-credit";

interface Meter {
  entityId: string;
  title: string;
  value: string;
  /** Percent the bar fills; null: no bar. */
  share: number | null;
  stale: boolean;
}

function renderMeter(host: HTMLElement, language: string, meter: Meter) {
  const { entityId, title, value, share, stale } = meter;
  return html`
    <div
      class="extra ${stale ? "stale" : ""}"
      role="button"
      tabindex="0"
      aria-label=${[title, value, share === null ? undefined : formatPercent(share, language)]
        .filter((part) => part !== undefined)
        .join(": ")}
      .actionHandler=${actionHandler({})}
      @action=${() => fireAction(host, entityId, {}, "tap")}
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

/** Paid extra usage beyond the plan: spent of the monthly limit, the bar the share spent. */
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
    return renderMeter(this, language, {
      entityId: usage.entityId,
      title: localize(language, "extra_usage"),
      value:
        usage.limit === null
          ? used
          : localize(language, "extra_usage_of", {
              used,
              limit: formatMoney(usage.limit, usage.unit, language),
            }),
      share: usage.utilization ?? (usage.limit ? (usage.used / usage.limit) * 100 : null),
      stale: usage.stale,
    });
  }
}

/** A credit claude.ai granted: left of what was granted and its expiry, the bar the share left. */
export class ClaudeUsageCredit extends LitElement {
  static override properties = {
    hass: { attribute: false },
    credit: { attribute: false },
  };

  static override styles = extraStyles;

  declare hass: Pick<HomeAssistant, "locale" | "config"> | undefined;
  declare credit: Credit | undefined;

  protected override render() {
    const { hass, credit } = this;
    if (!hass || !credit) {
      return nothing;
    }
    const language = hass.locale.language;
    const remaining = formatMoney(credit.remaining, credit.unit, language);
    const left =
      credit.limit === null
        ? remaining
        : localize(language, "credit_left", {
            remaining,
            limit: formatMoney(credit.limit, credit.unit, language),
          });
    const expires = credit.expiresAt
      ? localize(language, "credit_expires", { date: formatDay(credit.expiresAt, hass) })
      : undefined;
    return renderMeter(this, language, {
      entityId: credit.entityId,
      title: localize(language, "credit"),
      value: expires ? `${left}\u00a0· ${expires}` : left,
      share: credit.limit ? (credit.remaining / credit.limit) * 100 : null,
      stale: credit.stale,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "claude-usage-extra": ClaudeUsageExtra;
    "claude-usage-credit": ClaudeUsageCredit;
  }
}
