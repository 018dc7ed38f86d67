import { describe, expect, it } from "vitest";

import { DEFAULT_THRESHOLDS, readConfig, resolveConfig, thresholdProblem } from "../src/config";
import { levelFor, LEVEL_COLOR } from "../src/levels";

describe("resolveConfig", () => {
  it("fills in defaults", () => {
    expect(resolveConfig({ type: "custom:claude-usage-card", device_id: "abc" })).toEqual({
      deviceId: "abc",
      title: undefined,
      range: "24h",
      showGraph: true,
      thresholds: { warning: 75, critical: 90 },
      actions: {},
    });
  });

  it("takes the range in hours too", () => {
    expect(resolveConfig({ type: "x", hours_to_show: 168 }).range).toBe("7d");
    expect(resolveConfig({ type: "x", hours_to_show: 3, default_range: "3h" }).range).toBe("3h");
  });

  it("accepts every option", () => {
    expect(
      resolveConfig({
        type: "custom:claude-usage-card",
        device_id: "abc",
        title: "Claude",
        default_range: "7d",
        show_graph: false,
        thresholds: { warning: 50, critical: 80 },
        tap_action: { action: "navigate", navigation_path: "/energy" },
        hold_action: { action: "more-info" },
        double_tap_action: { action: "none" },
        grid_options: { columns: 6 },
      }),
    ).toEqual({
      deviceId: "abc",
      title: "Claude",
      range: "7d",
      showGraph: false,
      thresholds: { warning: 50, critical: 80 },
      actions: {
        tap_action: { action: "navigate", navigation_path: "/energy" },
        hold_action: { action: "more-info" },
        double_tap_action: { action: "none" },
      },
    });
    expect(resolveConfig({ type: "x", thresholds: { critical: 99 } }).thresholds).toEqual({
      warning: 75,
      critical: 99,
    });
  });

  it.each([
    [null, "Invalid configuration: expected a mapping of options"],
    [["a"], "Invalid configuration: expected a mapping of options"],
    [{ device_id: 5 }, "device_id must be the id of a Claude Usage device (a non-empty string)"],
    [{ device_id: "" }, "device_id must be the id of a Claude Usage device (a non-empty string)"],
    [{ title: 3 }, "title must be a string"],
    [{ default_range: "1h" }, 'default_range must be one of 3h, 6h, 24h, 7d, got "1h"'],
    [{ default_range: 24 }, "default_range must be one of 3h, 6h, 24h, 7d, got 24"],
    [{ show_graph: "yes" }, "show_graph must be true or false"],
    [{ hours_to_show: 12 }, "hours_to_show must be one of 3, 6, 24, 168, got 12"],
    [{ hours_to_show: "24" }, 'hours_to_show must be one of 3, 6, 24, 168, got "24"'],
    [
      { hours_to_show: 6, default_range: "7d" },
      "Set either default_range or hours_to_show, not both",
    ],
    [{ thresholds: 80 }, "thresholds must be a mapping with warning and critical percentages"],
    [
      { tap_action: "more-info" },
      "tap_action must be a mapping with an action, e.g. action: more-info",
    ],
    [
      { hold_action: { navigation_path: "/" } },
      "hold_action must be a mapping with an action, e.g. action: more-info",
    ],
    [
      { thresholds: { warning: "high" } },
      'thresholds.warning must be a number from 0 to 100, got "high"',
    ],
    [
      { thresholds: { critical: 120 } },
      "thresholds.critical must be a number from 0 to 100, got 120",
    ],
    [{ thresholds: { warning: -1 } }, "thresholds.warning must be a number from 0 to 100, got -1"],
    [
      { thresholds: { warning: 90, critical: 90 } },
      "thresholds.warning (90) must be lower than thresholds.critical (90)",
    ],
    [
      { thresholds: { warning: 95 } },
      "thresholds.warning (95) must be lower than thresholds.critical (90)",
    ],
  ])("rejects %j", (config, message) => {
    expect(() => resolveConfig(config)).toThrow(new Error(message));
  });
});

describe("readConfig and thresholdProblem", () => {
  it("reads thresholds the visual editor passes through while the user types", () => {
    expect(readConfig({ type: "x", thresholds: { warning: 60, critical: 8 } }).thresholds).toEqual({
      warning: 60,
      critical: 8,
    });
    expect(readConfig({ type: "x", thresholds: { critical: 850 } }).thresholds.critical).toBe(850);
    expect(() => readConfig({ type: "x", thresholds: { warning: "6" } })).toThrow(
      'thresholds.warning must be a number from 0 to 100, got "6"',
    );
  });

  it("tells thresholds out of range from thresholds out of order", () => {
    expect(thresholdProblem({ warning: 60, critical: 85 })).toBeUndefined();
    expect(thresholdProblem({ warning: 60, critical: 8 })).toEqual({
      problem: "order",
      warning: 60,
      critical: 8,
    });
    expect(thresholdProblem({ warning: 60, critical: 850 })).toEqual({
      problem: "range",
      name: "critical",
      value: 850,
    });
    expect(thresholdProblem({ warning: -1, critical: 8 })).toMatchObject({ name: "warning" });
  });
});

describe("levelFor", () => {
  const thresholds = DEFAULT_THRESHOLDS;

  it.each([
    [0, null, "ok"],
    [74.9, null, "ok"],
    [75, null, "warning"],
    [89.9, null, "warning"],
    [90, null, "critical"],
    [100, null, "critical"],
    [10, "warning", "warning"],
    [10, "critical", "critical"],
    [80, "critical", "critical"],
    [95, "warning", "critical"],
    [95, "normal", "critical"],
    [null, null, "ok"],
  ] as const)("%s%% with severity %s is %s", (value, severity, level) => {
    expect(levelFor(value, thresholds, severity)).toBe(level);
  });

  it("follows configured thresholds", () => {
    expect(levelFor(55, { warning: 50, critical: 60 }, null)).toBe("warning");
    expect(levelFor(60, { warning: 50, critical: 60 }, null)).toBe("critical");
  });

  it("colours with theme variables only", () => {
    expect(LEVEL_COLOR).toEqual({
      ok: "var(--success-color, #43a047)",
      warning: "var(--warning-color, #ffa600)",
      critical: "var(--error-color, #db4437)",
    });
  });
});
