/**
 * An even pace through a window: at any moment, the share of the window that has gone by
 * is the share of the limit that even use would have spent.
 */

import type { WindowKind } from "./entities";

const HOUR_MS = 3_600_000;

/** How long a window lasts: 5 hours for the session, 7 days for weekly windows. */
const WINDOW_LENGTH_MS: Partial<Record<WindowKind, number>> = {
  session: 5 * HOUR_MS,
  weekly: 7 * 24 * HOUR_MS,
  weekly_scoped: 7 * 24 * HOUR_MS,
};

/**
 * The share (0..1) of the window gone by at `now`, from its reset time and length; null for
 * a window of unknown length, without a reset time, or whose reset time has come.
 */
export function elapsedShare(kind: WindowKind, resetsAt: Date | null, now: number): number | null {
  const length = WINDOW_LENGTH_MS[kind];
  if (length === undefined || resetsAt === null) {
    return null;
  }
  const remaining = resetsAt.getTime() - now;
  if (remaining <= 0) {
    return null;
  }
  return Math.min(1, Math.max(0, 1 - remaining / length));
}

export type Pace = "ahead" | "behind" | "on";

/** Ahead of pace: more of the limit used than of the window gone by (in whole percent). */
export function paceOf(utilization: number, share: number): Pace {
  const used = Math.round(utilization);
  const even = Math.round(share * 100);
  return used > even ? "ahead" : used < even ? "behind" : "on";
}
