import { describe, expect, it } from "vitest";

import { PALETTE, windowColors } from "../src/colors";
import { LEVEL_COLOR } from "../src/levels";
import { ciede2000, contrast, deltaE2000, deltaOklab, oklab, oklchHue } from "./color-difference";

/** Any two colours of an account's windows differ at least this much (CIEDE2000). */
const MIN_DELTA_E2000 = 22;
/** The same in OKLab (times 100), which rates some blues and cyans closer than CIEDE2000. */
const MIN_DELTA_OKLAB = 15;
/** Each colour differs at least this much (CIEDE2000) from every gauge status colour. */
const MIN_STATUS_DELTA_E2000 = 30;
/** Home Assistant's card backgrounds (`--card-background-color`), light and dark theme. */
const CARD_BACKGROUNDS = { light: "#ffffff", dark: "#1c1c1c" };
/** A thin line or a small dot in a window's colour stands out this much from either. */
const MIN_CONTRAST = 2;

/** Today's windows, each with a colour of its own. */
const KNOWN = [
  "five_hour",
  "seven_day",
  "seven_day_fable",
  "seven_day_opus",
  "seven_day_sonnet",
  "seven_day_cowork",
  "seven_day_oauth_apps",
  "seven_day_routines",
];

/** The fallback colour of a `var(--name, #rrggbb)`. */
const fallback = (color: string) => /#[0-9a-f]{6}/i.exec(color)![0];

/** Every pair of the colours, each once. */
function pairs(colors: readonly string[]): [string, string][] {
  return colors.flatMap((first, index) =>
    colors.slice(index + 1).map((second): [string, string] => [first, second]),
  );
}

describe("colour differences (the measures the palette is held to)", () => {
  it("computes CIEDE2000 as Sharma, Wu and Dalal's test data", () => {
    const data: [[number, number, number], [number, number, number], number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
    ];
    for (const [first, second, expected] of data) {
      expect(ciede2000(first, second)).toBeCloseTo(expected, 4);
    }
    expect(deltaE2000("#ffffff", "#000000")).toBeCloseTo(100, 0);
  });

  it("computes OKLab and WCAG contrast as their references do", () => {
    // CSS Color 4: red is oklch(62.8% 0.2577 29.23), blue oklch(45.2% 0.313 264.05).
    const [l, a, b] = oklab("#ff0000");
    expect([l, Math.hypot(a, b), oklchHue("#ff0000")].map((v) => v.toFixed(2))).toEqual([
      "0.63",
      "0.26",
      "29.23",
    ]);
    expect(oklchHue("#0000ff")).toBeCloseTo(264.05, 1);
    expect(deltaOklab("#ffffff", "#000000")).toBeCloseTo(100, 3);
    expect(contrast("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});

describe("palette", () => {
  it("has colours far apart from each other", () => {
    const close = pairs(PALETTE)
      .map(([first, second]) => ({
        first,
        second,
        de2000: deltaE2000(first, second),
        oklab: deltaOklab(first, second),
      }))
      .filter((pair) => pair.de2000 < MIN_DELTA_E2000 || pair.oklab < MIN_DELTA_OKLAB);
    expect(close).toEqual([]);
  });

  it("never comes near a gauge's green, yellow, orange or red", () => {
    const status = Object.values(LEVEL_COLOR).map(fallback);
    expect(status).toEqual(["#43a047", "#ffa600", "#db4437"]);
    for (const color of PALETTE) {
      const nearest = Math.min(...status.map((level) => deltaE2000(color, level)));
      // Greens, yellows, oranges and reds lie between about 20° and 180° of OKLCH hue.
      const hue = oklchHue(color);
      expect({
        color,
        far: nearest >= MIN_STATUS_DELTA_E2000,
        hue: hue >= 180 || hue < 10,
      }).toEqual({ color, far: true, hue: true });
    }
  });

  it("is seen on a light and on a dark card", () => {
    for (const color of PALETTE) {
      const ratios = Object.values(CARD_BACKGROUNDS).map((background) =>
        contrast(color, background),
      );
      expect({ color, seen: ratios.every((ratio) => ratio >= MIN_CONTRAST) }).toEqual({
        color,
        seen: true,
      });
    }
  });
});

describe("windowColors", () => {
  it("gives each of today's windows a colour of its own, whatever else the account has", () => {
    const all = windowColors(KNOWN);
    expect(new Set(all.values()).size).toBe(KNOWN.length);
    expect(all.get("five_hour")).toBe("#4269d0");
    for (const key of KNOWN) {
      expect(windowColors([key]).get(key)).toBe(all.get(key));
      expect(windowColors([...KNOWN].reverse()).get(key)).toBe(all.get(key));
    }
  });

  it("gives weekly, Fable and Cowork usage colours clearly apart", () => {
    const colors = windowColors(["five_hour", "seven_day", "seven_day_fable", "seven_day_cowork"]);
    for (const [first, second] of pairs([...colors.values()])) {
      expect(deltaE2000(first, second)).toBeGreaterThanOrEqual(MIN_DELTA_E2000);
    }
  });

  it("gives a window that comes later a colour no other window of the account has", () => {
    // Windows the card does not know yet, beside today's: each stays apart from the others.
    const later = ["seven_day_haiku", "seven_day_design", "seven_day_claude_code"];
    for (const extra of later) {
      for (const others of [KNOWN.slice(0, 2), KNOWN.slice(0, 5), KNOWN.slice(0, 7)]) {
        const colors = windowColors([...others, extra]);
        expect(new Set(colors.values()).size).toBe(others.length + 1);
      }
    }
    const both = windowColors(["five_hour", "seven_day", ...later]);
    expect(new Set(both.values()).size).toBe(5);
  });

  it("keeps a later window's colour when windows with other colours come and go", () => {
    const alone = windowColors(["five_hour", "seven_day_haiku"]).get("seven_day_haiku");
    const taken = new Set(["#4269d0", alone]);
    // Today's windows whose colours differ from the later window's come and go.
    const others = KNOWN.filter((key) => !taken.has(windowColors([key]).get(key)));
    expect(windowColors([...others, "seven_day_haiku"]).get("seven_day_haiku")).toBe(alone);
    expect(windowColors([others[0]!, "seven_day_haiku"]).get("seven_day_haiku")).toBe(alone);
  });

  it("still colours every window when an account has more windows than colours", () => {
    const keys = [...KNOWN, "seven_day_haiku", "seven_day_design"];
    const colors = windowColors(keys);
    expect(keys.every((key) => PALETTE.includes(colors.get(key)!))).toBe(true);
  });
});
