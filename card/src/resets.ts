/**
 * When a limit window starts anew: the integration's one rule
 * (`custom_components/claude_usage/api/resets.py`, `started_anew`), mirrored for the card.
 * Both run every case of `tests/fixtures/window_resets.json`.
 */

/** A reset time that moves forward by at least this much belongs to a new window. */
const RESET_SHIFT_MS = 3_600_000;

/** A fall of utilization by at least this many points is a new window. */
const RESET_MIN_DROP = 10;

/**
 * Whether the second reading of a window belongs to a later window: its reset time moved
 * forward by RESET_SHIFT_MS or more, its utilization fell by RESET_MIN_DROP points or more,
 * or its reset time vanished while its utilization fell. Reset times are in ms, null when none.
 */
export function startedAnew(
  oldUtilization: number,
  oldResetsAt: number | null,
  newUtilization: number,
  newResetsAt: number | null,
): boolean {
  if (oldResetsAt !== null && newResetsAt !== null && newResetsAt - oldResetsAt >= RESET_SHIFT_MS) {
    return true;
  }
  if (oldUtilization - newUtilization >= RESET_MIN_DROP) {
    return true;
  }
  return oldResetsAt !== null && newResetsAt === null && newUtilization < oldUtilization;
}
