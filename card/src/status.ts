/**
 * Why an account's sensors have no current values, from its Status sensor (the
 * integration's entity contract), when claude.ai last answered, and where the fix is.
 */

import { parseTimestamp, type Account } from "./entities";
import type { StringKey } from "./i18n";
import { DOMAIN, type HomeAssistant } from "./types";

/** The Status sensor's states other than `ok`. */
const STATUS_PROBLEMS = [
  "rate_limited",
  "cloudflare_blocked",
  "access_denied",
  "reauth_required",
  "server_error",
  "unreachable",
  "waiting_for_report",
] as const;

/** A Status sensor's problem, or `unavailable`: no usage, and no Status sensor to say why. */
export type Problem = (typeof STATUS_PROBLEMS)[number] | "unavailable";

/** An entry fed by Claude Code's reports says "as of" its last report once it is this old. */
export const REPORT_AGE_MS = 3_600_000;

export interface AccountStatus {
  /** Why the account's sensors have no current values; undefined while they have. */
  problem: Problem | undefined;
  /** When the integration asks claude.ai again (the Status sensor's `retry_at`). */
  retryAt: Date | null;
  /**
   * When claude.ai last answered: the Status sensor's `last_update` while it is not ok,
   * else the Last update sensor (disabled by default).
   */
  lastUpdate: Date | null;
  /**
   * When Claude Code last reported (the Status sensor's `last_report`), on entries fed by
   * its reports; null on the others.
   */
  lastReport: Date | null;
}

export function accountStatus(hass: HomeAssistant, account: Account): AccountStatus {
  const { status: statusId, last_update: lastUpdateId } = account.sensors;
  const status = statusId ? hass.states[statusId] : undefined;
  const timestamp = (value: unknown) => (typeof value === "string" ? parseTimestamp(value) : null);
  let problem: Problem | undefined;
  if (STATUS_PROBLEMS.includes(status?.state as (typeof STATUS_PROBLEMS)[number])) {
    problem = status!.state as Problem;
  } else if (status?.state !== "ok" && windowsUnavailable(hass, account)) {
    problem = "unavailable";
  }
  return {
    problem,
    retryAt: timestamp(status?.attributes.retry_at),
    lastUpdate:
      timestamp(status?.attributes.last_update) ??
      parseTimestamp(lastUpdateId ? hass.states[lastUpdateId]?.state : undefined),
    lastReport: timestamp(status?.attributes.last_report),
  };
}

/**
 * The time to say the values are "as of": the last report of Claude Code, while the
 * values are current but that report is older than an hour (Claude Code reports only
 * while it runs); else null.
 */
export function reportAsOf(status: AccountStatus, now: number): Date | null {
  const { problem, lastReport } = status;
  return problem === undefined && lastReport !== null && now - lastReport.getTime() > REPORT_AGE_MS
    ? lastReport
    : null;
}

function windowsUnavailable(hass: HomeAssistant, account: Account): boolean {
  const ids = [...account.windows.map((limit) => limit.usageEntityId), ...account.unidentified];
  return ids.length > 0 && ids.every((id) => hass.states[id]?.state === "unavailable");
}

/** The page of the integration's entries, where reauthentication and Reconfigure are. */
const INTEGRATION_PAGE = `/config/integrations/integration/${DOMAIN}`;

/** Where the fix of a problem is, and the link's text. */
export interface Fix {
  path: string;
  label: StringKey;
}

const FIXES: Partial<Record<Problem, Fix>> = {
  cloudflare_blocked: { path: "/config/repairs", label: "fix_repair" },
  access_denied: { path: "/config/repairs", label: "fix_repair" },
  // Home Assistant offers the new sign-in on the integration's page.
  reauth_required: { path: INTEGRATION_PAGE, label: "fix_reauthenticate" },
  // Claude Code's settings are under the entry's Reconfigure.
  waiting_for_report: { path: INTEGRATION_PAGE, label: "fix_integration" },
  // Nothing says why: the entry's state there may.
  unavailable: { path: INTEGRATION_PAGE, label: "fix_integration" },
};

/**
 * Where the fix is, for problems that have one. A rate limit, claude.ai's errors and an
 * unreachable claude.ai pass by themselves: there is nothing to do, so no link.
 */
export function fixFor(problem: Problem): Fix | undefined {
  return FIXES[problem];
}
