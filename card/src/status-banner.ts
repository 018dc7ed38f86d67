/**
 * Why the account has no current values (rate limited until …, blocked by Cloudflare,
 * refused from this network, sign-in needed, claude.ai unreachable, or still waiting for
 * Claude Code's first report), since when its values are, and, for administrators, a link
 * to where the fix is when there is one.
 */

import { html, LitElement, nothing } from "lit";

import { formatMoment } from "./format";
import { localize, type StringKey } from "./i18n";
import { fixFor, type AccountStatus, type Problem } from "./status";
import { statusStyles } from "./styles";
import type { HomeAssistant } from "./types";

export const STATUS_TYPE = "claude-usage-status";

const TITLE: Record<Problem, StringKey> = {
  rate_limited: "problem_rate_limited",
  cloudflare_blocked: "problem_cloudflare_blocked",
  access_denied: "problem_access_denied",
  reauth_required: "problem_reauth_required",
  server_error: "problem_server_error",
  unreachable: "problem_unreachable",
  waiting_for_report: "problem_waiting_for_report",
  unavailable: "problem_unavailable",
};

const DETAIL: Partial<Record<Problem, StringKey>> = {
  cloudflare_blocked: "problem_cloudflare_blocked_detail",
  access_denied: "problem_access_denied_detail",
  reauth_required: "problem_reauth_required_detail",
  waiting_for_report: "problem_waiting_for_report_detail",
  unavailable: "problem_unavailable_detail",
};

/**
 * The details for users who are not administrators, where the admin's says where to go
 * (Home Assistant shows the integration's pages to administrators only).
 */
const USER_DETAIL: Partial<Record<Problem, StringKey>> = {
  waiting_for_report: "problem_waiting_for_report_detail_user",
};

/** Not an error: an entry waiting for its first report says so calmly. */
const NOTES = new Set<Problem>(["waiting_for_report"]);

/** Open a page of Home Assistant's frontend, as its own links do. */
function navigate(path: string): void {
  window.history.pushState(null, "", path);
  window.dispatchEvent(
    new CustomEvent("location-changed", { detail: { replace: false }, composed: true }),
  );
}

export class ClaudeUsageStatus extends LitElement {
  static override properties = {
    hass: { attribute: false },
    status: { attribute: false },
    stale: { type: Boolean },
  };

  static override styles = statusStyles;

  declare hass: Pick<HomeAssistant, "locale" | "config" | "user"> | undefined;
  declare status: AccountStatus | undefined;
  /** Whether the card shows the last values it has. */
  declare stale: boolean;

  constructor() {
    super();
    this.stale = false;
  }

  protected override render() {
    const { hass, status } = this;
    const problem = status?.problem;
    if (!hass || !status || !problem) {
      return nothing;
    }
    const t = (key: StringKey, values?: Record<string, string>) =>
      localize(hass.locale.language, key, values);
    const now = Date.now();
    const admin = hass.user?.is_admin ?? false;
    const detail = (admin ? undefined : USER_DETAIL[problem]) ?? DETAIL[problem];
    const fix = admin ? fixFor(problem) : undefined;
    const note = NOTES.has(problem);
    const retry = status.retryAt && status.retryAt.getTime() > now ? status.retryAt : null;
    const retryTime = retry ? formatMoment(retry, hass, now) : undefined;
    // Rate limited until …; the others try again at ….
    const title =
      problem === "rate_limited" && retryTime
        ? t("problem_rate_limited_until", { time: retryTime })
        : t(TITLE[problem]);
    return html`
      <div class="banner ${note ? "note" : ""}" role=${note ? "status" : "alert"}>
        <strong>${title}</strong>
        ${detail ? html`<span>${t(detail)}</span>` : nothing}
        ${
          retryTime && problem !== "rate_limited"
            ? html`<span>${t("retry_at", { time: retryTime })}</span>`
            : nothing
        }
        ${
          this.stale && status.lastUpdate
            ? html`<span class="as-of">
                ${t("values_as_of", { time: formatMoment(status.lastUpdate, hass, now) })}
              </span>`
            : nothing
        }
        ${
          fix
            ? html`<button class="link" @click=${() => navigate(fix.path)}>${t(fix.label)}</button>`
            : nothing
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "claude-usage-status": ClaudeUsageStatus;
  }
}
