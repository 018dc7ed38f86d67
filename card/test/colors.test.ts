import { describe, expect, it } from "vitest";

import { PALETTE, windowColor } from "../src/colors";

/** The hue (0..360) of a #rrggbb colour. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const max = Math.max(r!, g!, b!);
  const delta = max - Math.min(r!, g!, b!);
  const sector =
    max === r ? ((g! - b!) / delta) % 6 : max === g ? (b! - r!) / delta + 2 : (r! - g!) / delta + 4;
  return (sector * 60 + 360) % 360;
}

describe("windowColor", () => {
  it("gives each window of today's API a colour of its own", () => {
    const keys = [
      "five_hour",
      "seven_day",
      "seven_day_opus",
      "seven_day_sonnet",
      "seven_day_cowork",
      "seven_day_oauth_apps",
      "seven_day_routines",
    ];
    expect(new Set(keys.map(windowColor)).size).toBe(keys.length);
    expect(windowColor("five_hour")).toBe("var(--color-1, #4269d0)");
    expect(windowColor("seven_day_opus")).toBe("var(--color-52, #27d0df)");
  });

  it("follows the window, not its position, also for windows that come later", () => {
    expect(windowColor("seven_day_future")).toBe(windowColor("seven_day_future"));
    expect(PALETTE.map(([index]) => `var(--color-${index}`)).toContainEqual(
      windowColor("seven_day_future").split(",")[0],
    );
  });

  it("never uses a green, yellow, orange or red: the gauges' status colours", () => {
    for (const [, hex] of PALETTE) {
      // Reds, oranges and yellows lie below 70°, greens up to about 165°, reds again from 345°.
      expect({ hex, cyanToPink: hue(hex) > 165 && hue(hex) < 345 }).toEqual({
        hex,
        cyanToPink: true,
      });
    }
  });
});
