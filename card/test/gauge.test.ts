import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { HOLD_MS } from "../src/action-handler";
import { DETAIL_SHOW_MS, arcPath, pacePath } from "../src/gauge";
import { elapsedShare, paceOf } from "../src/pace";
import { gaugeStyles } from "../src/styles";
import { NOW, OPUS, SESSION, WEEKLY } from "./fixtures";
import {
  fakeTime,
  gaugeElements,
  gauges,
  HOUR,
  mount,
  plain,
  settle,
  styleRule,
  unmountAll,
} from "./helpers";

beforeEach(fakeTime);

afterEach(() => {
  unmountAll();
  vi.useRealTimers();
});

function touch(element: HTMLElement, type: "touchstart" | "touchend") {
  element.dispatchEvent(new Event(type, { cancelable: true }));
}

/** A finger held on the gauge past the hold time, then lifted. */
async function hold(element: HTMLElement) {
  touch(element, "touchstart");
  await vi.advanceTimersByTimeAsync(HOLD_MS + 100);
  touch(element, "touchend");
}

describe("gauges", () => {
  it("shows one gauge per window with level colours, countdowns and absolute times", async () => {
    const { root } = await mount({ show_graph: false });
    expect(gauges(root)).toEqual([
      {
        key: "five_hour",
        level: "level-ok",
        percent: "42%",
        name: "Session usage",
        reset: "Resets in 2 hr 14 min",
        title: "Resets Nov 28, 2026, 13:14 · Behind pace",
        detail: null,
        stroke: "stroke:var(--success-color, #43a047)",
      },
      {
        key: "seven_day",
        level: "level-warning",
        percent: "81%",
        name: "Weekly usage",
        reset: "Resets in 2 days 22 hr",
        title: "Resets Dec 1, 2026, 09:00 · Ahead of pace",
        detail: null,
        stroke: "stroke:var(--warning-color, #ffa600)",
      },
      {
        key: "seven_day_opus",
        level: "level-critical",
        percent: "95%",
        name: "Opus weekly usage",
        reset: "No reset scheduled",
        title: "No reset scheduled",
        detail: null,
        stroke: "stroke:var(--error-color, #db4437)",
      },
    ]);
  });

  it("draws the arc in proportion to utilization", () => {
    expect(arcPath(0)).toBe("M17.09 67A38 38 0 0 1 17.09 67");
    expect(arcPath(0.5)).toBe("M17.09 67A38 38 0 0 1 50 10");
    expect(arcPath(1)).toBe("M17.09 67A38 38 0 1 1 82.91 67");
    expect(arcPath(2)).toBe(arcPath(1));
  });

  it("ticks the countdown every minute, then every second, until the reset", async () => {
    const soon = { ...SESSION, resetsAt: new Date(NOW + 2 * 60_000 + 30_000).toISOString() };
    const { root, card } = await mount({ show_graph: false }, { windows: [soon] });
    const reset = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      await settle(card);
      return gauges(root)[0]!.reset;
    };
    expect(gauges(root)[0]!.reset).toBe("Resets in 2 min");
    expect(await reset(29_000)).toBe("Resets in 2 min");
    expect(await reset(1_001)).toBe("Resets in 1 min");
    expect(await reset(60_000)).toBe("Resets in 59 sec");
    expect(await reset(1_000)).toBe("Resets in 58 sec");
    expect(await reset(60_000)).toBe("Resetting now");
  });

  it("tells assistive tech the exact reset time, also during a hold", async () => {
    const { root, card } = await mount({ show_graph: false });
    const labels = () =>
      gaugeElements(root).map((gauge) => plain(gauge.getAttribute("aria-label")));
    const expected = [
      "Session usage: 42%. Resets in 2 hr 14 min. Resets Nov 28, 2026, 13:14. Behind pace",
      "Weekly usage: 81%. Resets in 2 days 22 hr. Resets Dec 1, 2026, 09:00. Ahead of pace",
      "Opus weekly usage: 95%. No reset scheduled",
    ];
    expect(labels()).toEqual(expected);
    const session = gaugeElements(root)[0]!;
    await hold(session);
    await settle(card);
    expect(gauges(root)[0]!.detail).toBe("Resets Nov 28, 2026, 13:14 · Behind pace");
    expect(labels()[0]).toBe(expected[0]);
  });

  it("shows a pending gauge once the reset time has passed, until the next poll", async () => {
    const full = {
      ...SESSION,
      utilization: "95",
      severity: "critical",
      resetsAt: new Date(NOW + 30_000).toISOString(),
    };
    const { root, hass, card } = await mount({ show_graph: false }, { windows: [full] });
    expect(gauges(root)[0]).toMatchObject({ percent: "95%", level: "level-critical" });
    await vi.advanceTimersByTimeAsync(31_000);
    await settle(card);
    expect(gauges(root)[0]).toMatchObject({
      percent: "—",
      level: "level-none",
      stroke: null,
      reset: "Resetting now",
    });
    const label = () => plain(gaugeElements(root)[0]!.getAttribute("aria-label"));
    expect(label()).toBe("Session usage. Resetting now. Resets Nov 28, 2026, 11:00");

    const usage = hass.states["sensor.acme_session_usage"]!;
    const polledAt = new Date(NOW + 40_000).toISOString();
    card.hass = {
      ...hass,
      states: {
        ...hass.states,
        "sensor.acme_session_usage": {
          ...usage,
          state: "0",
          attributes: { ...usage.attributes, severity: null },
          last_changed: polledAt,
          last_updated: polledAt,
        },
      },
    };
    await settle(card);
    expect(gauges(root)[0]).toMatchObject({ percent: "0%", level: "level-ok" });
    expect(label()).toBe("Session usage: 0%. Resetting now. Resets Nov 28, 2026, 11:00");
  });

  it("ends the pending gauge when the reset sensor moves on", async () => {
    // The usage sensors were last written at 09:00.
    const passed = { ...SESSION, resetsAt: new Date(NOW - 30 * 60_000).toISOString() };
    const before = { ...WEEKLY, resetsAt: new Date(NOW - 90 * 60_000).toISOString() };
    const { root, hass, card } = await mount({ show_graph: false }, { windows: [passed, before] });
    expect(gauges(root).map((gauge) => [gauge.percent, gauge.level, gauge.reset])).toEqual([
      ["—", "level-none", "Resetting now"],
      ["81%", "level-warning", "Resetting now"],
    ]);
    const reset = hass.states["sensor.acme_session_reset"]!;
    card.hass = {
      ...hass,
      states: {
        ...hass.states,
        "sensor.acme_session_reset": { ...reset, state: new Date(NOW + 5 * HOUR).toISOString() },
      },
    };
    await settle(card);
    expect(gauges(root)[0]).toMatchObject({
      percent: "42%",
      level: "level-ok",
      reset: "Resets in 5 hr",
    });
  });

  it("speaks German and French, in the server's time zone", async () => {
    const german = await mount({ show_graph: false }, { language: "de" });
    expect(gauges(german.root).map((gauge) => [gauge.percent, gauge.reset, gauge.title])).toEqual([
      [
        "42 %",
        "Wird in 2 Std., 14 Min. zurückgesetzt",
        "Wird am 28.11.2026, 13:14 zurückgesetzt · Unter dem Soll",
      ],
      [
        "81 %",
        "Wird in 2 Tg., 22 Std. zurückgesetzt",
        "Wird am 01.12.2026, 09:00 zurückgesetzt · Über dem Soll",
      ],
      ["95 %", "Kein Zurücksetzen geplant", "Kein Zurücksetzen geplant"],
    ]);
    const french = await mount(
      { show_graph: false },
      { language: "fr", serverTimeZone: "America/New_York" },
    );
    expect(gauges(french.root)[0]!.reset).toBe("Réinitialisation dans 2 h 14 min");
    expect(gauges(french.root)[0]!.title).toBe(
      "Réinitialisation 28 nov. 2026, 07:14 · En retard sur le rythme régulier",
    );
  });

  it("highlights a gauge on hover only where a pointer can hover", () => {
    expect(styleRule(gaugeStyles, ".gauge:hover")).toBeUndefined();
    expect(styleRule(gaugeStyles, ".gauge:hover", "(hover: hover)")?.background).toBe(
      "var(--secondary-background-color)",
    );
  });
});

describe("pace", () => {
  it("places the marker at the share of the window gone by: start, middle and end", () => {
    // The arc starts at 150° (bottom left), passes 270° (top) and ends at 30° (bottom right).
    expect(pacePath(0)).toBe("M23.15 63.5L11.03 70.5");
    expect(pacePath(0.5)).toBe("M50 17L50 3");
    expect(pacePath(1)).toBe("M76.85 63.5L88.97 70.5");
    // The marker crosses the arc where the arc of the same share ends.
    expect(arcPath(0.5).endsWith(" 50 10")).toBe(true);
  });

  it.each([
    // kind, hours until the reset, share of the window gone by
    ["session", 5, 0],
    ["session", 2.5, 0.5],
    ["session", 0.0001, 1],
    ["weekly", 84, 0.5],
    ["weekly_scoped", 168, 0],
    ["weekly", 200, 0],
  ] as const)("%s resetting in %f h is %f through its window", (kind, hours, share) => {
    expect(elapsedShare(kind, new Date(NOW + hours * HOUR), NOW)).toBeCloseTo(share, 4);
  });

  it("has no marker without a reset time, once it has come, or for a window of unknown length", () => {
    expect(elapsedShare("session", null, NOW)).toBeNull();
    expect(elapsedShare("session", new Date(NOW), NOW)).toBeNull();
    expect(elapsedShare("unknown", new Date(NOW + HOUR), NOW)).toBeNull();
  });

  it("reads ahead of pace above the even share, behind below it, in whole percent", () => {
    expect(paceOf(42, 0.3)).toBe("ahead");
    expect(paceOf(20, 0.3)).toBe("behind");
    expect(paceOf(30.4, 0.296)).toBe("on");
  });

  it("draws the marker on each gauge with a reset time, and moves it on with time", async () => {
    const half = { ...SESSION, resetsAt: new Date(NOW + 2.5 * HOUR).toISOString() };
    const { root, card } = await mount({ show_graph: false }, { windows: [half, WEEKLY, OPUS] });
    const markers = () =>
      gaugeElements(root).map((gauge) => gauge.querySelector(".pace")?.getAttribute("d") ?? null);
    expect(markers()).toEqual([pacePath(0.5), pacePath(1 - 70 / 168), null]);
    await vi.advanceTimersByTimeAsync(HOUR + 1000);
    await settle(card);
    expect(markers()[0]).toBe(pacePath(0.7));
  });
});

describe("actions", () => {
  function collect(card: HTMLElement) {
    const actions: unknown[] = [];
    card.addEventListener("hass-action", (event) => actions.push((event as CustomEvent).detail));
    return actions;
  }

  it("lets Home Assistant run the tap action (more-info by default) on tap and Enter", async () => {
    const { root, card } = await mount({ show_graph: false });
    const actions = collect(card);
    const weekly = gaugeElements(root)[1]!;
    weekly.click();
    weekly.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", cancelable: true }));
    weekly.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
    const tap = { config: { entity: "sensor.acme_weekly_usage" }, action: "tap" };
    expect(actions).toEqual([tap, tap]);
  });

  it("hands the configured actions to Home Assistant", async () => {
    const tap_action = { action: "navigate", navigation_path: "/energy" };
    const hold_action = { action: "more-info" };
    const double_tap_action = { action: "toggle" };
    const { root, card } = await mount({
      show_graph: false,
      tap_action,
      hold_action,
      double_tap_action,
    });
    const actions = collect(card);
    const session = gaugeElements(root)[0]!;
    await hold(session);
    session.click();
    session.click();
    session.click();
    await vi.advanceTimersByTimeAsync(300);
    const config = {
      entity: "sensor.acme_session_usage",
      tap_action,
      hold_action,
      double_tap_action,
    };
    expect(actions).toEqual([
      { config, action: "hold" },
      { config, action: "double_tap" },
      { config, action: "tap" },
    ]);
    await settle(card);
    expect(gauges(root)[0]!.reset).toBe("Resets in 2 hr 14 min");
  });

  it("shows the exact reset time for a few seconds on a hold instead of an action", async () => {
    const { root, card } = await mount({ show_graph: false });
    const actions = collect(card);
    const session = gaugeElements(root)[0]!;
    expect(gauges(root)[0]!.detail).toBeNull();
    await hold(session);
    await settle(card);
    // Over the arc: the countdown below stays as it was, so nothing around the gauge moves.
    expect(gauges(root)[0]).toMatchObject({
      detail: "Resets Nov 28, 2026, 13:14 · Behind pace",
      reset: "Resets in 2 hr 14 min",
    });
    // The "·" sticks to what it follows: a line never starts with it.
    expect(session.querySelector(".detail")!.textContent).toContain("13:14\u00a0· Behind pace");
    expect(actions).toEqual([]);
    await vi.advanceTimersByTimeAsync(DETAIL_SHOW_MS);
    await settle(card);
    expect(gauges(root)[0]).toMatchObject({ detail: null, reset: "Resets in 2 hr 14 min" });
    // A short touch is a tap.
    touch(session, "touchstart");
    await vi.advanceTimersByTimeAsync(100);
    touch(session, "touchend");
    expect(actions).toEqual([{ config: { entity: "sensor.acme_session_usage" }, action: "tap" }]);
  });

  it("does nothing on a hold set to none, and is not focusable with a tap set to none", async () => {
    const { root, card } = await mount({
      show_graph: false,
      tap_action: { action: "none" },
      hold_action: { action: "none" },
    });
    const actions = collect(card);
    const session = gaugeElements(root)[0]!;
    expect(session.hasAttribute("tabindex")).toBe(false);
    await hold(session);
    await settle(card);
    expect(gauges(root)[0]!.reset).toBe("Resets in 2 hr 14 min");
    expect(actions).toEqual([
      {
        config: {
          entity: "sensor.acme_session_usage",
          tap_action: { action: "none" },
          hold_action: { action: "none" },
        },
        action: "tap",
      },
    ]);
  });
});
