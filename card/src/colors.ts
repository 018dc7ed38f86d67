/**
 * A window's colour in the graph, its legend and beside its gauge's name. It follows the
 * window, not its position, so it stays across polls, reloads and windows that come or go.
 * Taken from Home Assistant's palette (`--color-N`, themable) without its greens, yellows,
 * oranges and reds: those are the gauges' ok / warning / critical colours.
 */

/** Home Assistant's `--color-N` and its default value. */
export const PALETTE: readonly (readonly [number, string])[] = [
  [1, "#4269d0"], // blue
  [5, "#a463f2"], // purple
  [52, "#27d0df"], // cyan
  [6, "#ff8ab7"], // pink
  [53, "#a04a9b"], // plum
  [8, "#97bbf5"], // light blue
  [10, "#094bad"], // dark blue
];

/** The windows claude.ai reports today, each with a colour of its own. */
const KNOWN: Record<string, number> = {
  five_hour: 0,
  seven_day: 1,
  seven_day_opus: 2,
  seven_day_sonnet: 3,
  seven_day_cowork: 4,
  seven_day_oauth_apps: 5,
  seven_day_routines: 6,
};

/** A small stable hash of a window key, for windows that come later. */
function hash(key: string): number {
  let value = 0;
  for (const char of key) {
    value = (value * 31 + char.charCodeAt(0)) >>> 0;
  }
  return value;
}

export function windowColor(key: string): string {
  const [index, fallback] = PALETTE[KNOWN[key] ?? hash(key) % PALETTE.length]!;
  return `var(--color-${index}, ${fallback})`;
}
