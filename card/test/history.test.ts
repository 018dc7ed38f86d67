import { describe, expect, it } from "vitest";

import fixture from "../../tests/fixtures/window_resets.json";
import {
  decodeStatistics,
  downsample,
  endAt,
  findResets,
  mergeStreamMessage,
  samePoll,
  periodEnd,
  toPoints,
  trimBefore,
  valueAt,
  type Point,
  type StatePoint,
} from "../src/history";

const T0 = Date.parse("2026-11-28T00:00:00Z");
const S0 = T0 / 1000;
const MINUTE = 60_000;

describe("mergeStreamMessage", () => {
  it("decodes the first message's compressed states (seconds) into ms", () => {
    const history = mergeStreamMessage(
      {},
      {
        states: {
          "sensor.a_usage": [
            { s: "10", lu: S0, a: {} },
            { s: "12.5", lu: S0 + 60 },
          ],
          "sensor.a_reset": [{ s: "2026-11-28T05:00:00+00:00", lu: S0 + 0.25 }],
        },
        start_time: S0,
        end_time: S0 + 120,
      },
      T0,
    );
    expect(history).toEqual({
      "sensor.a_usage": [
        { t: T0, s: "10" },
        { t: T0 + MINUTE, s: "12.5" },
      ],
      "sensor.a_reset": [{ t: T0 + 250, s: "2026-11-28T05:00:00+00:00" }],
    });
  });

  it("appends live updates and lets them replace overlapping states", () => {
    let history = mergeStreamMessage(
      {},
      {
        states: {
          "sensor.a": [
            { s: "1", lu: S0 },
            { s: "2", lu: S0 + 60 },
            { s: "3", lu: S0 + 120 },
          ],
        },
      },
      T0,
    );
    history = mergeStreamMessage(
      history,
      { states: { "sensor.a": [{ s: "4", lu: S0 + 180 }] } },
      T0,
    );
    expect(history["sensor.a"]!.map((point) => point.s)).toEqual(["1", "2", "3", "4"]);
    history = mergeStreamMessage(
      history,
      { states: { "sensor.a": [{ s: "2b", lu: S0 + 60 }] } },
      T0,
    );
    expect(history["sensor.a"]).toEqual([
      { t: T0, s: "1" },
      { t: T0 + MINUTE, s: "2b" },
    ]);
  });

  it("keeps other entities and ignores empty or malformed states", () => {
    const history = mergeStreamMessage(
      { "sensor.b": [{ t: T0, s: "7" }] },
      // @ts-expect-error: a malformed state from a misbehaving server
      { states: { "sensor.a": [{ s: null, lu: S0 }], "sensor.c": [] } },
      T0,
    );
    expect(history).toEqual({ "sensor.b": [{ t: T0, s: "7" }] });
  });

  it("drops states older than the range but keeps the one still holding at its start", () => {
    const history = mergeStreamMessage(
      {},
      {
        states: {
          "sensor.a": [
            { s: "1", lu: S0 },
            { s: "2", lu: S0 + 60 },
            { s: "3", lu: S0 + 600 },
          ],
        },
      },
      T0 + 5 * MINUTE,
    );
    expect(history["sensor.a"]).toEqual([
      { t: T0 + 5 * MINUTE, s: "2" },
      { t: T0 + 10 * MINUTE, s: "3" },
    ]);
  });
});

describe("trimBefore", () => {
  it("returns the points unchanged when none is older", () => {
    const points = [{ t: 10, v: 1 }];
    expect(trimBefore(points, 5)).toBe(points);
  });

  it("does not duplicate a point exactly at the start", () => {
    expect(
      trimBefore(
        [
          { t: 1, v: 1 },
          { t: 5, v: 2 },
        ],
        5,
      ),
    ).toEqual([{ t: 5, v: 2 }]);
  });
});

describe("endAt", () => {
  it("drops the points from `t` on and ends with a gap at `t`", () => {
    const points: Point[] = [
      { t: 1, v: 10 },
      { t: 5, v: 20 },
      { t: 9, v: 20 },
    ];
    expect(endAt(points, 5)).toEqual([
      { t: 1, v: 10 },
      { t: 5, v: null },
    ]);
    expect(valueAt(endAt(points, 7), 8)).toBeNull();
  });
});

describe("decodeStatistics", () => {
  it("decodes means over their periods (ms timestamps, ISO strings, missing means)", () => {
    expect(
      decodeStatistics({
        "sensor.a_usage": [
          { start: T0 + 5 * MINUTE, end: T0 + 10 * MINUTE, mean: 12.5 },
          { start: T0, end: T0 + 5 * MINUTE, mean: 10 },
          { start: "2026-11-28T00:10:00Z", mean: null },
        ],
        "sensor.b_usage": undefined,
      }),
    ).toEqual({
      "sensor.a_usage": [
        { t: T0, end: T0 + 5 * MINUTE, v: 10 },
        { t: T0 + 5 * MINUTE, end: T0 + 10 * MINUTE, v: 12.5 },
        { t: T0 + 10 * MINUTE, end: T0 + 10 * MINUTE, v: null },
      ],
      "sensor.b_usage": [],
    });
  });

  it("joins hourly and 5-minute answers in time order", () => {
    const HOUR = 60 * MINUTE;
    expect(
      decodeStatistics(
        { "sensor.a_usage": [{ start: T0, end: T0 + HOUR, mean: 20 }] },
        {
          "sensor.a_usage": [{ start: T0 + HOUR, end: T0 + HOUR + 5 * MINUTE, mean: 30 }],
          "sensor.b_usage": [{ start: T0 + HOUR, end: T0 + HOUR + 5 * MINUTE, mean: 5 }],
        },
      ),
    ).toEqual({
      "sensor.a_usage": [
        { t: T0, end: T0 + HOUR, v: 20 },
        { t: T0 + HOUR, end: T0 + HOUR + 5 * MINUTE, v: 30 },
      ],
      "sensor.b_usage": [{ t: T0 + HOUR, end: T0 + HOUR + 5 * MINUTE, v: 5 }],
    });
  });

  it("leaves a gap where the recorder kept no period (an outage)", () => {
    const period = (minutes: number, mean: number) => ({
      start: T0 + minutes * MINUTE,
      end: T0 + (minutes + 5) * MINUTE,
      mean,
    });
    expect(
      decodeStatistics({
        "sensor.a_usage": [period(0, 10), period(5, 12), period(30, 40), period(35, 41)],
      }),
    ).toEqual({
      "sensor.a_usage": [
        { t: T0, end: T0 + 5 * MINUTE, v: 10 },
        { t: T0 + 5 * MINUTE, end: T0 + 10 * MINUTE, v: 12 },
        { t: T0 + 10 * MINUTE, end: T0 + 10 * MINUTE, v: null },
        { t: T0 + 30 * MINUTE, end: T0 + 35 * MINUTE, v: 40 },
        { t: T0 + 35 * MINUTE, end: T0 + 40 * MINUTE, v: 41 },
      ],
    });
  });
});

describe("toPoints and valueAt", () => {
  it("turns non-numeric states into gaps", () => {
    expect(
      toPoints([
        { t: 1, s: "4.5" },
        { t: 2, s: "unavailable" },
        { t: 3, s: "" },
        { t: 4, s: "0" },
      ]),
    ).toEqual([
      { t: 1, v: 4.5 },
      { t: 2, v: null },
      { t: 3, v: null },
      { t: 4, v: 0 },
    ]);
  });

  it("reads the step value holding at a time", () => {
    const points = [
      { t: 10, v: 1 },
      { t: 20, v: 2 },
      { t: 30, v: null },
    ];
    expect(valueAt(points, 5)).toBeNull();
    expect(valueAt(points, 10)).toBe(1);
    expect(valueAt(points, 25)).toBe(2);
    expect(valueAt(points, 35)).toBeNull();
  });
});

describe("findResets", () => {
  const reset = (minute: number, s: string): StatePoint => ({ t: T0 + minute * MINUTE, s });

  it("marks a fall of 10 points or more, ignoring gaps and smaller dips", () => {
    const points: Point[] = [
      { t: T0, v: 40 },
      { t: T0 + MINUTE, v: 60 },
      { t: T0 + 2 * MINUTE, v: null },
      { t: T0 + 3 * MINUTE, v: 51 },
      { t: T0 + 60 * MINUTE, v: 2 },
      { t: T0 + 61 * MINUTE, v: 5 },
    ];
    expect(findResets(points, [], samePoll)).toEqual([T0 + 60 * MINUTE]);
  });

  it("reads each value with the reset time of the same poll, written a moment later", () => {
    const usage: Point[] = [
      { t: T0, v: 30 },
      { t: T0 + 120 * MINUTE, v: 29 },
      { t: T0 + 200 * MINUTE, v: 31 },
      { t: T0 + 300 * MINUTE, v: 30 },
    ];
    const resets = [
      reset(0, "2026-11-28T02:00:00+00:00"),
      // The same poll as the value of minute 120, 40 ms later: a new window.
      { t: T0 + 120 * MINUTE + 40, s: "2026-11-28T07:00:00+00:00" },
      reset(250, "unavailable"),
      // 40 minutes later: the same window.
      reset(300, "2026-11-28T07:40:00+00:00"),
    ];
    expect(findResets(usage, resets, samePoll)).toEqual([T0 + 120 * MINUTE]);
  });

  it("marks a reset time that vanished while usage fell", () => {
    const usage: Point[] = [
      { t: T0, v: 4 },
      { t: T0 + 60 * MINUTE, v: 0 },
    ];
    const resets = [reset(0, "2026-11-28T01:00:00+00:00"), reset(60, "unknown")];
    expect(findResets(usage, resets, samePoll)).toEqual([T0 + 60 * MINUTE]);
  });

  it("reads a 5-minute mean with the reset time at the end of its period, one marker per reset", () => {
    const usage = [0, 5, 10, 15].map((minute, index) => ({
      t: T0 + minute * MINUTE,
      end: T0 + (minute + 5) * MINUTE,
      v: [80, 45, 2, 3][index]!,
    }));
    const resets = [reset(0, "2026-11-28T00:30:00+00:00"), reset(7, "2026-11-28T05:07:00+00:00")];
    expect(findResets(usage, resets, periodEnd)).toEqual([T0 + 5 * MINUTE]);
  });

  it("finds nothing in steadily rising usage", () => {
    expect(
      findResets(
        [
          { t: 1, v: 1 },
          { t: 2, v: 5 },
          { t: 3, v: 5 },
        ],
        [],
        samePoll,
      ),
    ).toEqual([]);
  });

  // The graph's markers follow the integration's rule: every shared case, as a history.
  it.each(fixture.cases.map((entry) => [entry.name, entry] as const))(
    "agrees with the integration: %s",
    (_name, entry) => {
      const usage: Point[] = [
        { t: T0, v: entry.old.utilization },
        { t: T0 + 60 * MINUTE, v: entry.new.utilization },
      ];
      const resets: StatePoint[] = [
        reset(0, entry.old.resets_at ?? "unknown"),
        { t: T0 + 60 * MINUTE + 40, s: entry.new.resets_at ?? "unknown" },
      ];
      expect(findResets(usage, resets, samePoll)).toEqual(
        entry.started_anew ? [T0 + 60 * MINUTE] : [],
      );
    },
  );
});

describe("downsample", () => {
  function noisy(count: number): Point[] {
    // Deterministic pseudo-random walk with a spike, a drop and a gap.
    let value = 50;
    return Array.from({ length: count }, (_, index) => {
      value = Math.min(100, Math.max(0, value + (((index * 7919) % 13) - 6)));
      if (index === 1234) return { t: T0 + index * 1000, v: 100 };
      if (index === 2345) return { t: T0 + index * 1000, v: 0 };
      if (index === 3000) return { t: T0 + index * 1000, v: null };
      return { t: T0 + index * 1000, v: value };
    });
  }

  it("leaves short series alone", () => {
    const points = noisy(40);
    expect(downsample(points, T0, T0 + 40_000, 10)).toBe(points);
  });

  it("keeps at most first, min, max, gap and last per pixel, in time order", () => {
    const points = noisy(5000);
    const result = downsample(points, T0, T0 + 5_000_000, 100);
    expect(result.length).toBeLessThanOrEqual(100 * 5);
    expect(result.length).toBeGreaterThanOrEqual(100);
    for (let index = 1; index < result.length; index += 1) {
      expect(result[index]!.t).toBeGreaterThan(result[index - 1]!.t);
    }
    expect(result[0]).toBe(points[0]);
    expect(result.at(-1)).toBe(points.at(-1));
    // The spike, the drop and the gap survive.
    expect(result).toContain(points[1234]);
    expect(result).toContain(points[2345]);
    expect(result).toContain(points[3000]);
    // Every kept point is an original point.
    for (const point of result) {
      expect(points).toContain(point);
    }
  });

  it("keeps each bucket's extremes", () => {
    const points = noisy(5000);
    const buckets = 50;
    const result = downsample(points, T0, T0 + 5_000_000, buckets);
    const width = 5_000_000 / buckets;
    for (let bucket = 0; bucket < buckets; bucket += 1) {
      const inBucket = (point: Point) => Math.floor((point.t - T0) / width) === bucket;
      const values = (list: Point[]) =>
        list.filter(inBucket).flatMap((point) => (point.v === null ? [] : [point.v]));
      expect(Math.max(...values(result))).toBe(Math.max(...values(points)));
      expect(Math.min(...values(result))).toBe(Math.min(...values(points)));
    }
  });

  it("clamps points outside the range into the edge buckets", () => {
    const points = noisy(1000).map((point, index) => ({
      ...point,
      t: T0 - 500_000 + index * 1000,
    }));
    const result = downsample(points, T0, T0 + 1_000_000, 10);
    expect(result[0]).toBe(points[0]);
    expect(result.length).toBeLessThanOrEqual(50);
  });
});
