/** Gauge colours: thresholds and the API's own severity, whichever is worse. */

import type { Thresholds } from "./config";

export type Level = "ok" | "warning" | "critical";

const RANK: Record<Level, number> = { ok: 0, warning: 1, critical: 2 };

export function levelFor(
  utilization: number | null,
  thresholds: Thresholds,
  severity: string | null,
): Level {
  let byValue: Level = "ok";
  if (utilization !== null && utilization >= thresholds.critical) {
    byValue = "critical";
  } else if (utilization !== null && utilization >= thresholds.warning) {
    byValue = "warning";
  }
  const bySeverity: Level = severity === "critical" || severity === "warning" ? severity : "ok";
  return RANK[bySeverity] > RANK[byValue] ? bySeverity : byValue;
}

export const LEVEL_COLOR: Record<Level, string> = {
  ok: "var(--success-color, #43a047)",
  warning: "var(--warning-color, #ffa600)",
  critical: "var(--error-color, #db4437)",
};
