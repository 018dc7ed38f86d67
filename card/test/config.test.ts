import { describe, expect, it } from "vitest";

import { configForm, DEFAULT_THRESHOLDS, resolveConfig } from "../src/config";
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

describe("configForm", () => {
  it("offers a device picker limited to Claude Usage and asserts configs", () => {
    const form = configForm("en");
    expect(form.schema[0]).toEqual({
      name: "device_id",
      required: true,
      selector: { device: { filter: { integration: "claude_usage" } } },
    });
    expect(JSON.stringify(form.schema)).toContain('"value":"7d"');
    expect(() => form.assertConfig({ type: "x", default_range: "2d" })).toThrow("default_range");
    expect(() => form.assertConfig({ type: "x", device_id: "abc" })).not.toThrow();
  });

  it("labels every field in the user's language", () => {
    const names = [
      "device_id",
      "title",
      "default_range",
      "show_graph",
      "thresholds",
      "warning",
      "critical",
    ];
    expect(names.map((name) => configForm("de").computeLabel({ name }))).toEqual([
      "Konto",
      "Titel",
      "Standardzeitraum des Verlaufs",
      "Verlaufsdiagramm anzeigen",
      "Farbschwellen",
      "Warnung ab (%)",
      "Kritisch ab (%)",
    ]);
    expect(configForm("fr").computeLabel({ name: "device_id" })).toBe("Compte");
    expect(configForm("en").computeLabel({ name: "" })).toBeUndefined();
  });

  it("leaves the action fields to Home Assistant's labels, and explains the default hold", () => {
    const form = configForm("en");
    const interactions = form.schema.find((item) => item.name === "interactions");
    expect(interactions).toMatchObject({ type: "expandable", flatten: true });
    for (const name of ["interactions", "tap_action", "hold_action", "double_tap_action"]) {
      expect(form.computeLabel({ name })).toBeUndefined();
    }
    expect(form.computeHelper({ name: "hold_action" })).toBe(
      "By default, holding a gauge shows its exact reset time.",
    );
    expect(configForm("de").computeHelper({ name: "hold_action" })).toContain("langes Drücken");
    expect(form.computeHelper({ name: "tap_action" })).toBeUndefined();
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

describe("configForm defaults", () => {
  it("shows the defaults the card applies (ha-form uses them as placeholders)", () => {
    const fields = JSON.parse(JSON.stringify(configForm("en").schema)) as unknown[];
    const flat: Record<string, unknown> = {};
    const walk = (items: unknown[]) => {
      for (const item of items as { name: string; default?: unknown; schema?: unknown[] }[]) {
        if (item.schema) walk(item.schema);
        else flat[item.name] = item.default;
      }
    };
    walk(fields);
    const resolved = resolveConfig({ type: "x" });
    expect(flat).toEqual({
      device_id: undefined,
      title: undefined,
      default_range: resolved.range,
      show_graph: resolved.showGraph,
      warning: resolved.thresholds.warning,
      critical: resolved.thresholds.critical,
      tap_action: undefined,
      hold_action: undefined,
      double_tap_action: undefined,
    });
  });
});
