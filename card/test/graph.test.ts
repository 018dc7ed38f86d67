import { describe, expect, it } from "vitest";

import { timeZoneOffset } from "../src/format";
import { graphLayout, graphStart, MIN_SPAN_MS, stepLine, timeTicks } from "../src/graph";
import type { Point } from "../src/history";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const UTC = () => 0;
/** The offset of a time zone as the card reads it. */
const zone = (timeZone: string) => (t: number) =>
  timeZoneOffset(t, {
    locale: {
      language: "en",
      number_format: "language",
      time_format: "24",
      time_zone: "server",
    },
    config: { time_zone: timeZone },
  } as Parameters<typeof timeZoneOffset>[1]);

/** Tick times as ISO text. */
const iso = (ticks: { t: number }[]) => ticks.map((tick) => new Date(tick.t).toISOString());

/** How many separate runs a path has (each starts with a move). */
const runs = (d: string) => d.split("M").length - 1;

describe("graphStart", () => {
  const end = Date.parse("2026-11-28T10:00:00Z");
  const start = end - 24 * HOUR;

  it("keeps the range when the history covers it", () => {
    expect(graphStart([[{ t: start, v: 3 }], []], start, end)).toBe(start);
    expect(graphStart([[], []], start, end)).toBe(start);
  });

  it("starts where a short history begins, so it fills the graph", () => {
    const installed = end - 2 * HOUR;
    expect(
      graphStart(
        [
          [{ t: installed + MINUTE, v: 3 }],
          [
            { t: installed, v: null },
            { t: installed + 30_000, v: 10 },
          ],
        ],
        start,
        end,
      ),
    ).toBe(installed);
  });

  it("spans at least a few minutes when the history has only just begun", () => {
    expect(graphStart([[{ t: end - 30_000, v: 3 }]], start, end)).toBe(end - MIN_SPAN_MS);
  });
});

describe("timeTicks", () => {
  it("puts ticks on round times, not on equal slices of an odd range", () => {
    // 3 hours from 16:49 to 19:49, 300 px wide: an hour is 87 px, room for a label each.
    const start = Date.parse("2026-11-28T16:49:00Z");
    const ticks = timeTicks(start, start + 3 * HOUR, graphLayout(300), UTC);
    expect(iso(ticks)).toEqual([
      "2026-11-28T17:00:00.000Z",
      "2026-11-28T18:00:00.000Z",
      "2026-11-28T19:00:00.000Z",
    ]);
    expect(ticks.map((tick) => tick.day)).toEqual([false, false, false]);
  });

  it("takes a longer step where labels would crowd, and marks midnight as a day", () => {
    const end = Date.parse("2026-11-28T10:21:00Z");
    const phone = timeTicks(end - 24 * HOUR, end, graphLayout(300), UTC);
    expect(iso(phone)).toEqual([
      "2026-11-27T12:00:00.000Z",
      "2026-11-27T18:00:00.000Z",
      "2026-11-28T00:00:00.000Z",
      "2026-11-28T06:00:00.000Z",
    ]);
    expect(phone.map((tick) => tick.day)).toEqual([false, false, true, false]);
    const desktop = timeTicks(end - 24 * HOUR, end, graphLayout(900), UTC);
    // Every 2 hours; 10:00 is too close to the right edge (now) for its label.
    expect(desktop.map((tick) => new Date(tick.t).getUTCHours())).toEqual([
      12, 14, 16, 18, 20, 22, 0, 2, 4, 6, 8,
    ]);
    const week = timeTicks(end - 168 * HOUR, end, graphLayout(500), UTC);
    expect(week.every((tick) => tick.day)).toBe(true);
    expect(week).toHaveLength(7);
  });

  it("leaves room for the labels between the ticks and at the right edge", () => {
    const end = Date.parse("2026-11-28T10:01:00Z");
    for (const [hours, width] of [
      [3, 300],
      [6, 358],
      [24, 420],
      [168, 300],
      [0.2, 300],
    ] as const) {
      const layout = graphLayout(width);
      const ticks = timeTicks(end - hours * HOUR, end, layout, UTC);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      for (let index = 1; index < ticks.length; index += 1) {
        expect(ticks[index]!.x - ticks[index - 1]!.x).toBeGreaterThanOrEqual(56);
      }
      expect(ticks.at(-1)!.x).toBeLessThanOrEqual(width - 22);
    }
  });

  it("ticks on the round times of the display time zone, across daylight saving time", () => {
    // Berlin leaves summer time on Sunday, October 25, 2026 at 03:00 (01:00 UTC).
    const end = Date.parse("2026-10-25T20:30:00Z");
    const berlin = timeTicks(end - 24 * HOUR, end, graphLayout(300), zone("Europe/Berlin"));
    expect(iso(berlin)).toEqual([
      "2026-10-24T22:00:00.000Z", // midnight in Berlin (UTC+2)
      "2026-10-25T05:00:00.000Z", // 06:00 (UTC+1 from here on)
      "2026-10-25T11:00:00.000Z",
      "2026-10-25T17:00:00.000Z",
    ]);
    expect(berlin.map((tick) => tick.day)).toEqual([true, false, false, false]);
    // Kathmandu is 5:45 ahead of UTC: round there is at a quarter past in UTC.
    const start = Date.parse("2026-11-28T04:00:00Z");
    const kathmandu = timeTicks(start, start + 3 * HOUR, graphLayout(300), zone("Asia/Kathmandu"));
    expect(iso(kathmandu)).toEqual([
      "2026-11-28T04:15:00.000Z",
      "2026-11-28T05:15:00.000Z",
      "2026-11-28T06:15:00.000Z",
    ]);
  });
});

describe("stepLine", () => {
  const layout = graphLayout(300);
  const end = Date.parse("2026-11-28T10:00:00Z");

  it("breaks the line at an outage, with the values on both sides as lines", () => {
    // 3 hours; claude.ai answers nothing from 08:00 to 09:00.
    const start = end - 3 * HOUR;
    const points: Point[] = [
      { t: start, v: 10 },
      { t: start + 30 * MINUTE, v: 20 },
      { t: end - 2 * HOUR, v: null },
      { t: end - HOUR, v: 40 },
      { t: end - 30 * MINUTE, v: 50 },
    ];
    const { d, dots } = stepLine(points, start, end, layout);
    expect(d).toBe("M34 101.6H77.3V91.2H120.7M207.3 70.4H250.7V60H294");
    expect(dots).toEqual([]);
  });

  it("draws a line through gaps too narrow to see, not scattered dots", () => {
    // 24 hours of polls every minute that failed every other time (an outage flickering
    // out): each answer holds a minute, a fifth of a pixel at this width.
    const start = end - 24 * HOUR;
    const points: Point[] = Array.from({ length: 24 * 60 }, (_, index) => ({
      t: start + index * MINUTE,
      v: index % 2 === 0 ? 30 + (index % 7) : null,
    }));
    const { d, dots } = stepLine(points, start, end, layout);
    expect(runs(d)).toBe(1);
    expect(dots).toEqual([]);
  });

  it("draws a value that held too briefly for a line as a dot", () => {
    const start = end - 24 * HOUR;
    const points: Point[] = [
      { t: start, v: null },
      { t: end - 12 * HOUR, v: 50 },
      { t: end - 12 * HOUR + MINUTE, v: null },
    ];
    expect(stepLine(points, start, end, layout)).toEqual({
      d: "M164 60H164.2",
      dots: [{ x: 164, y: 60 }],
    });
    // The first value after an install, a moment ago.
    expect(stepLine([{ t: end, v: 20 }], end - MIN_SPAN_MS, end, layout).dots).toEqual([
      { x: 294, y: 91.2 },
    ]);
  });
});
