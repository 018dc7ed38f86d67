/**
 * Why an account's sensors have no current values, from its Status sensor (the
 * integration's entity contract), when claude.ai last answered, and where the fix is.
 */

import { parseTimestamp, type Account } from "./entities";
import { DOMAIN, type HomeAssistant } from "./types";

/** The Status sensor's states other than `ok`. */
const STATUS_PROBLEMS = [
  "rate_limited",
  "cloudflare_blocked",
  "reauth_required",
  "server_error",
  "unreachable",
] as const;

/** A Status sensor's problem, or `unavailable`: no usage, and no Status sensor to say why. */
export type Problem = (typeof STATUS_PROBLEMS)[number] | "unavailable";

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
}

export function accountStatus(hass: HomeAssistant, account: Account): AccountStatus {
  const { status: statusId, last_update: lastUpdateId } = account.sensors;
  const status = statusId ? hass.states[statusId] : undefined;
  const retryAt = status?.attributes.retry_at;
  const lastUpdate = status?.attributes.last_update;
  let problem: Problem | undefined;
  if (STATUS_PROBLEMS.includes(status?.state as (typeof STATUS_PROBLEMS)[number])) {
    problem = status!.state as Problem;
  } else if (status?.state !== "ok" && windowsUnavailable(hass, account)) {
    problem = "unavailable";
  }
  return {
    problem,
    retryAt: typeof retryAt === "string" ? parseTimestamp(retryAt) : null,
    lastUpdate:
      (typeof lastUpdate === "string" ? parseTimestamp(lastUpdate) : null) ??
      parseTimestamp(lastUpdateId ? hass.states[lastUpdateId]?.state : undefined),
  };
}

function windowsUnavailable(hass: HomeAssistant, account: Account): boolean {
  const ids = [...account.windows.map((limit) => limit.usageEntityId), ...account.unidentified];
  return ids.length > 0 && ids.every((id) => hass.states[id]?.state === "unavailable");
}

/**
 * Where the fix is: the repair for a Cloudflare block, else the integration's page (where
 * Home Assistant offers to reauthenticate).
 */
export function fixPath(problem: Problem): string {
  return problem === "cloudflare_blocked"
    ? "/config/repairs"
    : `/config/integrations/integration/${DOMAIN}`;
}
