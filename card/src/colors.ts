/**
 * A window's colour in the graph, its legend and beside its gauge's name. A window the card
 * knows keeps its own colour across polls, reloads and other windows that come or go; a
 * window it does not know takes a colour no other window of the account has.
 *
 * The palette is chosen so that any two of its colours are far apart (CIEDE2000 and OKLab,
 * checked in colors.test.ts), each stands out at least 2:1 from a light and from a dark card,
 * and none is near a green, yellow, orange or red: those are the gauges' ok / warning /
 * critical colours. WCAG's 3:1 for graphics on both cards would leave only mid-tones, too
 * few of them far enough apart for eight windows; every colour is named beside it (the
 * legend, the gauge's name), so no window is told by its colour alone. The
 * colours are fixed rather than Home Assistant's themable `--color-N`: a theme could make
 * two of those alike.
 */

export const PALETTE: readonly string[] = [
  "#4269d0", // blue
  "#e500ad", // magenta
  "#12adba", // teal
  "#6d00c7", // violet
  "#f69ac4", // pink
  "#9bafff", // periwinkle
  "#006772", // dark teal
  "#703e5c", // plum
];

/** The windows claude.ai reports today, each with a colour of its own. */
const KNOWN: Record<string, number> = {
  five_hour: 0,
  seven_day: 1,
  seven_day_fable: 2,
  seven_day_opus: 3,
  seven_day_sonnet: 4,
  seven_day_cowork: 5,
  seven_day_oauth_apps: 6,
  seven_day_routines: 7,
};

/** A small stable hash of a window key, for windows that come later. */
function hash(key: string): number {
  let value = 0;
  for (const char of key) {
    value = (value * 31 + char.charCodeAt(0)) >>> 0;
  }
  return value;
}

/**
 * The colours of one account's windows, by window key. A window claude.ai reports today has
 * its own colour. A window that comes later takes the colour its key hashes to, or the next
 * one no other window of the account has (windows in key order), so no two windows share a
 * colour while the palette lasts.
 */
export function windowColors(keys: readonly string[]): Map<string, string> {
  const slots = new Map<string, number>();
  const used = new Set<number>();
  for (const key of keys) {
    const slot = KNOWN[key];
    if (slot !== undefined) {
      slots.set(key, slot);
      used.add(slot);
    }
  }
  for (const key of [...new Set(keys)].filter((key) => !slots.has(key)).sort()) {
    const first = hash(key) % PALETTE.length;
    let slot = first;
    for (let step = 0; step < PALETTE.length; step += 1) {
      const candidate = (first + step) % PALETTE.length;
      if (!used.has(candidate)) {
        slot = candidate;
        break;
      }
    }
    slots.set(key, slot);
    used.add(slot);
  }
  return new Map([...slots].map(([key, slot]) => [key, PALETTE[slot]!]));
}
