import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { arcPath, ClaudeUsageCard, defineWhenAppReady } from "../src/claude-usage-card";
import type { HistoryStreamMessage } from "../src/history";
import { cardStyles } from "../src/styles";
import {
  COWORK,
  DEVICE_ID,
  FakeConnection,
  makeHass,
  NOW,
  OPUS,
  SESSION,
  WEEKLY,
  type HassOptions,
} from "./fixtures";

const HOUR = 3_600_000;

function plain(text: string | null | undefined): string {
  return (text ?? "")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const mounted: ClaudeUsageCard[] = [];

async function mount(config: Record<string, unknown> = {}, options: HassOptions = {}) {
  const hass = makeHass(options);
  const card = document.createElement("claude-usage-card");
  card.setConfig({ type: "custom:claude-usage-card", device_id: DEVICE_ID, ...config });
  card.hass = hass;
  document.body.append(card);
  mounted.push(card);
  await settle(card);
  return { card, hass, root: card.shadowRoot! };
}

/** Let pending promises (subscriptions, callWS) and Lit updates run. */
async function settle(card: ClaudeUsageCard) {
  for (let round = 0; round < 3; round += 1) {
    await Promise.resolve();
    await card.updateComplete;
  }
}

function gauges(root: ShadowRoot) {
  return [...root.querySelectorAll<HTMLElement>(".gauge")].map((gauge) => ({
    key: gauge.dataset.key,
    level: [...gauge.classList].find((name) => name.startsWith("level-")),
    percent: plain(gauge.querySelector(".percent")?.textContent),
    name: plain(gauge.querySelector(".name")?.textContent),
    reset: plain(gauge.querySelector(".reset")?.textContent),
    title: plain(gauge.getAttribute("title")),
    stroke: gauge.querySelector<SVGPathElement>(".value")?.getAttribute("style") ?? null,
  }));
}

function streamMessage(states: HistoryStreamMessage["states"]): HistoryStreamMessage {
  return { states, start_time: (NOW - 24 * HOUR) / 1000, end_time: NOW / 1000 };
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ["setTimeout", "clearTimeout", "Date"] });
});

afterEach(() => {
  for (const card of mounted.splice(0)) {
    card.remove();
  }
  vi.useRealTimers();
});

describe("registration", () => {
  it("defines the element and offers it in the card picker with a preview", () => {
    expect(customElements.get("claude-usage-card")).toBe(ClaudeUsageCard);
    expect(window.customCards).toContainEqual(
      expect.objectContaining({ type: "claude-usage-card", name: "Claude Usage", preview: true }),
    );
  });

  it("waits for Home Assistant's registry when the app has not booted yet", async () => {
    // The page has <home-assistant> but the app bundle, which swaps window.customElements for
    // its scoped-registry polyfill and then defines that element, has not run yet.
    const root = document.createElement("home-assistant");
    document.body.append(root);
    const swapped = { get: () => undefined } as unknown as CustomElementRegistry;
    const seen: CustomElementRegistry[] = [];
    try {
      defineWhenAppReady(() => seen.push(window.customElements));
      await Promise.resolve();
      expect(seen).toEqual([]);
      const original = window.customElements;
      customElements.define("home-assistant", class extends HTMLElement {});
      Object.defineProperty(window, "customElements", { value: swapped, configurable: true });
      try {
        await original.whenDefined("home-assistant");
        await Promise.resolve();
        expect(seen).toEqual([swapped]);
      } finally {
        Object.defineProperty(window, "customElements", { value: original, configurable: true });
      }
    } finally {
      root.remove();
    }
  });

  it("defines at once when the app already runs", () => {
    const seen: number[] = [];
    defineWhenAppReady(() => seen.push(1));
    expect(seen).toEqual([1]);
  });

  it("stubs a config with the first Claude Usage device", () => {
    expect(ClaudeUsageCard.getStubConfig(makeHass())).toEqual({ device_id: DEVICE_ID });
    expect(ClaudeUsageCard.getStubConfig(makeHass({ windows: [], extraEntities: false }))).toEqual(
      {},
    );
  });

  it("has a visual editor form and sizes for masonry and sections", () => {
    expect(ClaudeUsageCard.getConfigForm().schema[0]).toMatchObject({ name: "device_id" });
    const card = new ClaudeUsageCard();
    card.setConfig({ type: "custom:claude-usage-card", show_graph: false });
    expect(card.getCardSize()).toBe(3);
    expect(card.getGridOptions()).toEqual({ columns: 12, rows: "auto", min_columns: 6 });
  });

  it("throws a clear error for a bad config", () => {
    const card = new ClaudeUsageCard();
    expect(() =>
      card.setConfig({ type: "custom:claude-usage-card", thresholds: { warning: 95 } }),
    ).toThrow("thresholds.warning (95) must be lower than thresholds.critical (90)");
  });
});

describe("gauges", () => {
  it("shows one gauge per window with level colours, countdowns and absolute times", async () => {
    const { root, card } = await mount({ show_graph: false });
    expect(plain(root.querySelector(".card-header")?.textContent)).toBe("Acme");
    expect(gauges(root)).toEqual([
      {
        key: "five_hour",
        level: "level-ok",
        percent: "42%",
        name: "Session usage",
        reset: "Resets in 2 hr 14 min",
        title: "Resets Nov 28, 2026, 13:14",
        stroke: "stroke:var(--success-color, #43a047)",
      },
      {
        key: "seven_day",
        level: "level-warning",
        percent: "81%",
        name: "Weekly usage",
        reset: "Resets in 2 days 22 hr",
        title: "Resets Dec 1, 2026, 09:00",
        stroke: "stroke:var(--warning-color, #ffa600)",
      },
      {
        key: "seven_day_opus",
        level: "level-critical",
        percent: "95%",
        name: "Opus weekly usage",
        reset: "No reset scheduled",
        title: "No reset scheduled",
        stroke: "stroke:var(--error-color, #db4437)",
      },
    ]);
    expect(card.getCardSize()).toBe(5);
  });

  it("uses the configured title, and none when it is empty", async () => {
    const titled = await mount({ title: "Claude", show_graph: false });
    expect(plain(titled.root.querySelector(".card-header")?.textContent)).toBe("Claude");
    const untitled = await mount({ title: "", show_graph: false });
    expect(untitled.root.querySelector(".card-header")).toBeNull();
    expect(untitled.root.querySelectorAll(".gauge")).toHaveLength(3);
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
    expect(gauges(root)[0]!.reset).toBe("Resets in 2 min");
    await vi.advanceTimersByTimeAsync(29_000);
    await card.updateComplete;
    expect(gauges(root)[0]!.reset).toBe("Resets in 2 min");
    await vi.advanceTimersByTimeAsync(1_001);
    await card.updateComplete;
    expect(gauges(root)[0]!.reset).toBe("Resets in 1 min");
    await vi.advanceTimersByTimeAsync(60_000);
    await card.updateComplete;
    expect(gauges(root)[0]!.reset).toBe("Resets in 59 sec");
    await vi.advanceTimersByTimeAsync(1_000);
    await card.updateComplete;
    expect(gauges(root)[0]!.reset).toBe("Resets in 58 sec");
    await vi.advanceTimersByTimeAsync(60_000);
    await card.updateComplete;
    expect(gauges(root)[0]!.reset).toBe("Resetting now");
  });

  it("tells assistive tech the exact reset time, also during a long press", async () => {
    const { root, card } = await mount({ show_graph: false });
    const labels = () =>
      [...root.querySelectorAll(".gauge")].map((gauge) => plain(gauge.getAttribute("aria-label")));
    const expected = [
      "Session usage: 42%. Resets in 2 hr 14 min. Resets Nov 28, 2026, 13:14",
      "Weekly usage: 81%. Resets in 2 days 22 hr. Resets Dec 1, 2026, 09:00",
      "Opus weekly usage: 95%. No reset scheduled",
    ];
    expect(labels()).toEqual(expected);
    const session = root.querySelector<HTMLElement>(".gauge")!;
    session.dispatchEvent(new PointerEvent("pointerdown", { pointerType: "touch" }));
    await vi.advanceTimersByTimeAsync(600);
    await card.updateComplete;
    expect(gauges(root)[0]!.reset).toBe("Resets Nov 28, 2026, 13:14");
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
    await card.updateComplete;
    expect(gauges(root)[0]).toMatchObject({
      percent: "—",
      level: "level-none",
      stroke: null,
      reset: "Resetting now",
    });
    const gauge = root.querySelector(".gauge")!;
    expect(plain(gauge.getAttribute("aria-label"))).toBe(
      "Session usage. Resetting now. Resets Nov 28, 2026, 11:00",
    );

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
    await card.updateComplete;
    expect(gauges(root)[0]).toMatchObject({ percent: "0%", level: "level-ok" });
    expect(plain(gauge.getAttribute("aria-label"))).toBe(
      "Session usage: 0%. Resetting now. Resets Nov 28, 2026, 11:00",
    );
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
    await card.updateComplete;
    expect(gauges(root)[0]).toMatchObject({
      percent: "42%",
      level: "level-ok",
      reset: "Resets in 5 hr",
    });
  });

  it("speaks German and French, in the server's time zone", async () => {
    const german = await mount({ show_graph: false }, { language: "de" });
    expect(gauges(german.root).map((gauge) => [gauge.percent, gauge.reset, gauge.title])).toEqual([
      ["42 %", "Zurücksetzung in 2 Std., 14 Min.", "Zurücksetzung 28.11.2026, 13:14"],
      ["81 %", "Zurücksetzung in 2 Tg., 22 Std.", "Zurücksetzung 01.12.2026, 09:00"],
      ["95 %", "Keine Zurücksetzung geplant", "Keine Zurücksetzung geplant"],
    ]);
    const french = await mount(
      { show_graph: false },
      { language: "fr", serverTimeZone: "America/New_York" },
    );
    expect(gauges(french.root)[0]!.reset).toBe("Réinitialisation dans 2 h 14 min");
    expect(gauges(french.root)[0]!.title).toBe("Réinitialisation 28 nov. 2026, 07:14");
  });

  it("opens more-info for the usage sensor on tap and Enter", async () => {
    const { root, card } = await mount({ show_graph: false });
    const opened: string[] = [];
    card.addEventListener("hass-more-info", (event) => {
      opened.push((event as CustomEvent<{ entityId: string }>).detail.entityId);
    });
    const [, weekly] = root.querySelectorAll<HTMLElement>(".gauge");
    weekly!.click();
    weekly!.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    weekly!.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
    expect(opened).toEqual(["sensor.acme_weekly_usage", "sensor.acme_weekly_usage"]);
  });

  it("shows the absolute reset time on a long press instead of opening more-info", async () => {
    const { root, card } = await mount({ show_graph: false });
    const opened = vi.fn();
    card.addEventListener("hass-more-info", opened);
    const session = root.querySelector<HTMLElement>(".gauge")!;
    session.dispatchEvent(new PointerEvent("pointerdown", { pointerType: "touch" }));
    await vi.advanceTimersByTimeAsync(600);
    await card.updateComplete;
    expect(gauges(root)[0]!.reset).toBe("Resets Nov 28, 2026, 13:14");
    session.dispatchEvent(new PointerEvent("pointerup", { pointerType: "touch" }));
    session.click();
    expect(opened).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3000);
    await card.updateComplete;
    expect(gauges(root)[0]!.reset).toBe("Resets in 2 hr 14 min");
    // A short touch is a tap.
    session.dispatchEvent(new PointerEvent("pointerdown", { pointerType: "touch" }));
    await vi.advanceTimersByTimeAsync(100);
    session.dispatchEvent(new PointerEvent("pointerup", { pointerType: "touch" }));
    session.click();
    expect(opened).toHaveBeenCalledTimes(1);
  });
});

describe("states", () => {
  it("asks to reauthenticate when the sensors are unavailable", async () => {
    const { root } = await mount({}, { available: false });
    expect(root.querySelector(".gauge")).toBeNull();
    const alert = root.querySelector('[role="alert"]');
    expect(plain(alert?.textContent)).toBe(
      "Usage unavailable The session may have expired: reauthenticate in Settings. Open Settings",
    );
    const navigations: unknown[] = [];
    const listener = (event: Event) => navigations.push((event as CustomEvent).detail);
    window.addEventListener("location-changed", listener);
    alert!.querySelector("button")!.click();
    window.removeEventListener("location-changed", listener);
    expect(window.location.pathname).toBe("/config/integrations/integration/claude_usage");
    expect(navigations).toEqual([{ replace: false }]);
  });

  it("offers the settings link only to administrators", async () => {
    const { root } = await mount({}, { available: false, admin: false });
    const alert = root.querySelector('[role="alert"]');
    expect(plain(alert?.textContent)).toBe(
      "Usage unavailable The session may have expired: reauthenticate in Settings.",
    );
    expect(alert!.querySelector("button")).toBeNull();
  });

  it("says when there is no data yet", async () => {
    const { root } = await mount({}, { windows: [] });
    expect(plain(root.querySelector(".status")?.textContent)).toBe("No data yet");
    const unknown = await mount({}, { windows: [{ ...SESSION, utilization: "unknown" }] });
    expect(plain(unknown.root.querySelector(".status")?.textContent)).toBe("No data yet");
  });

  it("asks for an account, or says it is gone", async () => {
    const none = await mount({ device_id: undefined });
    expect(plain(none.root.querySelector(".status")?.textContent)).toBe(
      "Pick a Claude account in the card editor.",
    );
    const gone = await mount({ device_id: "device-deleted", title: "Mine" });
    expect(plain(gone.root.querySelector(".status")?.textContent)).toBe(
      "Claude account not found.",
    );
    expect(plain(gone.root.querySelector(".card-header")?.textContent)).toBe("Mine");
  });

  it("marks a single unavailable window while the others work", async () => {
    const { root, hass, card } = await mount({ show_graph: false });
    card.hass = {
      ...hass,
      states: {
        ...hass.states,
        "sensor.acme_weekly_usage": {
          ...hass.states["sensor.acme_weekly_usage"]!,
          state: "unavailable",
        },
      },
    };
    await card.updateComplete;
    expect(gauges(root)[1]).toMatchObject({
      percent: "—",
      reset: "Usage unavailable",
      level: "level-none",
    });
  });
});

describe("history", () => {
  it("subscribes to the history stream of all usage and reset sensors", async () => {
    const { hass } = await mount();
    expect(hass.connection.subscriptions).toHaveLength(1);
    expect(hass.connection.subscriptions[0]!.message).toEqual({
      type: "history/stream",
      entity_ids: [
        "sensor.acme_session_usage",
        "sensor.acme_weekly_usage",
        "sensor.acme_opus_weekly_usage",
        "sensor.acme_session_reset",
        "sensor.acme_weekly_reset",
        "sensor.acme_opus_weekly_reset",
      ],
      start_time: new Date(NOW - 24 * HOUR).toISOString(),
      minimal_response: true,
      no_attributes: true,
      significant_changes_only: true,
    });
  });

  it("draws the streamed history with reset markers and live updates", async () => {
    const { root, hass, card } = await mount();
    expect(plain(root.querySelector(".graph")?.textContent)).toBe("Loading…");
    const base = (NOW - 3 * HOUR) / 1000;
    hass.connection.subscriptions[0]!.callback(
      streamMessage({
        "sensor.acme_session_usage": [
          { s: "70", lu: base },
          { s: "5", lu: base + 3600 },
          { s: "42", lu: base + 7200 },
        ],
        "sensor.acme_weekly_usage": [{ s: "80.5", lu: base }],
        "sensor.acme_session_reset": [{ s: "2026-11-28T08:00:00+00:00", lu: base }],
      }),
    );
    await card.updateComplete;
    const lines = [...root.querySelectorAll<SVGPathElement>("path.line")];
    expect(lines.map((line) => line.dataset.key)).toEqual([
      "five_hour",
      "seven_day",
      "seven_day_opus",
    ]);
    expect(lines[0]!.getAttribute("d")).toMatch(/^M\d/);
    expect(lines[2]!.getAttribute("d")).toBe("");
    expect(root.querySelector("svg.chart")!.getAttribute("aria-label")).toBe(
      "History, last 24 hours: Session usage 42%, Weekly usage 81%, Opus weekly usage no data",
    );
    const markers = [...root.querySelectorAll<SVGGElement>(".reset-marker")];
    expect(markers.map((marker) => marker.dataset.key)).toEqual(["five_hour"]);
    expect(plain(markers[0]!.querySelector("title")?.textContent)).toBe(
      "Reset · Nov 28, 2026, 09:00",
    );
    const before = lines[1]!.getAttribute("d");
    hass.connection.subscriptions[0]!.callback({
      states: { "sensor.acme_weekly_usage": [{ s: "20", lu: NOW / 1000 - 60 }] },
    });
    await card.updateComplete;
    expect(root.querySelector('path.line[data-key="seven_day"]')!.getAttribute("d")).not.toBe(
      before,
    );
    expect(root.querySelectorAll(".reset-marker")).toHaveLength(2);
    expect(
      [...root.querySelectorAll(".legend-item")].map((item) => plain(item.textContent)),
    ).toEqual(["Session usage", "Weekly usage", "Opus weekly usage"]);
  });

  it("describes the range and the latest values in the user's language", async () => {
    const { root, hass, card } = await mount({ default_range: "6h" }, { language: "de" });
    hass.connection.subscriptions[0]!.callback(
      streamMessage({
        "sensor.acme_session_usage": [
          { s: "70", lu: (NOW - 5 * HOUR) / 1000 },
          { s: "12.4", lu: (NOW - HOUR) / 1000 },
        ],
        "sensor.acme_weekly_usage": [{ s: "35", lu: (NOW - 2 * HOUR) / 1000 }],
        "sensor.acme_opus_weekly_usage": [{ s: "95", lu: (NOW - 2 * HOUR) / 1000 }],
      }),
    );
    await card.updateComplete;
    expect(plain(root.querySelector("svg.chart")!.getAttribute("aria-label"))).toBe(
      "Verlauf der letzten 6 Stunden: Session usage 12 %, Weekly usage 35 % und Opus weekly usage 95 %",
    );
  });

  it("shows values and time under the pointer", async () => {
    const { root, hass, card } = await mount();
    const base = (NOW - 12 * HOUR) / 1000;
    hass.connection.subscriptions[0]!.callback(
      streamMessage({
        "sensor.acme_session_usage": [
          { s: "30", lu: base },
          { s: "60", lu: base + 6 * 3600 },
        ],
      }),
    );
    await card.updateComplete;
    const chart = root.querySelector<SVGSVGElement>("svg.chart")!;
    // 300 px wide: the plot spans x = 34..294 for 24 h, so x = 294 is now.
    chart.dispatchEvent(new PointerEvent("pointermove", { clientX: 294 }));
    await card.updateComplete;
    expect(plain(root.querySelector(".tooltip")?.textContent)).toBe(
      "Nov 28, 2026, 11:00 Session usage: 60% Weekly usage: — Opus weekly usage: —",
    );
    chart.dispatchEvent(new PointerEvent("pointerleave"));
    await card.updateComplete;
    expect(root.querySelector(".tooltip")).toBeNull();
  });

  it("ends a resetting window's line at the reset time instead of carrying its old value on", async () => {
    // The usage sensors were last written at 09:00; the session window reset at 09:30.
    const passed = { ...SESSION, resetsAt: new Date(NOW - 30 * 60_000).toISOString() };
    const callWS = vi.fn(async () => ({
      "sensor.acme_session_usage": [
        { start: NOW - 2 * HOUR, end: NOW - 2 * HOUR + 300_000, mean: 42 },
      ],
      "sensor.acme_weekly_usage": [
        { start: NOW - 2 * HOUR, end: NOW - 2 * HOUR + 300_000, mean: 80 },
      ],
    }));
    const { root, hass, card } = await mount({}, { windows: [passed, WEEKLY], callWS });
    hass.connection.subscriptions[0]!.callback(
      streamMessage({
        "sensor.acme_session_usage": [
          { s: "70", lu: (NOW - 3 * HOUR) / 1000 },
          { s: "42", lu: (NOW - HOUR) / 1000 },
        ],
        "sensor.acme_weekly_usage": [{ s: "80.5", lu: (NOW - HOUR) / 1000 }],
      }),
    );
    await card.updateComplete;
    const line = (key: string) =>
      root.querySelector(`path.line[data-key="${key}"]`)!.getAttribute("d");
    // 300 px wide: the plot spans x = 34..294 for 24 h, so 09:30 is x = 288.6 and now x = 294.
    expect(line("five_hour")).toMatch(/H288\.6$/);
    expect(line("seven_day")).toMatch(/H294$/);
    const chart = root.querySelector<SVGSVGElement>("svg.chart")!;
    chart.dispatchEvent(new PointerEvent("pointermove", { clientX: 294 }));
    await card.updateComplete;
    expect(plain(root.querySelector(".tooltip")?.textContent)).toBe(
      "Nov 28, 2026, 11:00 Session usage: — Weekly usage: 81%",
    );

    root.querySelector<HTMLButtonElement>('button[data-range="7d"]')!.click();
    await settle(card);
    // 7 days: 09:30 is x = 34 + 260 × 167.5 / 168 = 293.2.
    expect(line("five_hour")).toMatch(/H293\.2$/);
    expect(line("seven_day")).toMatch(/H294$/);
  });

  it("says when the range has no history yet, and when history is unavailable", async () => {
    const { root, hass, card } = await mount();
    hass.connection.subscriptions[0]!.callback(streamMessage({}));
    await card.updateComplete;
    expect(plain(root.querySelector(".graph")?.textContent)).toBe("No history in this range yet");

    const connection = new FakeConnection();
    connection.error = new Error("Unknown command.");
    const failing = await mount({}, { connection });
    expect(plain(failing.root.querySelector(".graph")?.textContent)).toBe("History unavailable");
  });

  it("says when long-term statistics are unavailable", async () => {
    const callWS = vi.fn(async () => {
      throw new Error("Unknown command.");
    });
    const { root, card } = await mount({ default_range: "7d" }, { callWS });
    await settle(card);
    expect(callWS).toHaveBeenCalledTimes(1);
    expect(plain(root.querySelector(".graph")?.textContent)).toBe("History unavailable");
  });

  it("resubscribes when the range changes and uses 5-minute statistics for 7 days", async () => {
    const callWS = vi.fn(async () => ({
      "sensor.acme_session_usage": [
        { start: NOW - 48 * HOUR, end: NOW - 48 * HOUR + 300_000, mean: 80 },
        { start: NOW - 47 * HOUR, end: NOW - 47 * HOUR + 300_000, mean: 3 },
      ],
    }));
    const { root, hass, card } = await mount({}, { callWS });
    const first = hass.connection.subscriptions[0]!;

    root.querySelector<HTMLButtonElement>('button[data-range="6h"]')!.click();
    await settle(card);
    expect(first.unsubscribed).toBe(true);
    expect(hass.connection.active).toHaveLength(1);
    expect(hass.connection.active[0]!.message.start_time).toBe(
      new Date(NOW - 6 * HOUR).toISOString(),
    );
    expect(root.querySelector('button[data-range="6h"]')!.getAttribute("aria-pressed")).toBe(
      "true",
    );

    root.querySelector<HTMLButtonElement>('button[data-range="7d"]')!.click();
    await settle(card);
    expect(hass.connection.active).toHaveLength(0);
    expect(callWS).toHaveBeenCalledWith({
      type: "recorder/statistics_during_period",
      start_time: new Date(NOW - 168 * HOUR).toISOString(),
      statistic_ids: [
        "sensor.acme_session_usage",
        "sensor.acme_weekly_usage",
        "sensor.acme_opus_weekly_usage",
      ],
      period: "5minute",
      types: ["mean"],
    });
    const markers = [...root.querySelectorAll<SVGGElement>(".reset-marker")];
    expect(markers.map((marker) => marker.dataset.key)).toEqual(["five_hour"]);
    expect(root.querySelectorAll("path.line")).toHaveLength(3);
    expect(plain(root.querySelector(".chart text.axis:last-of-type")?.textContent)).not.toBe("");
  });

  it("refreshes the 7-day statistics every 5 minutes and keeps them when a refresh fails", async () => {
    const rows = (mean: number) => ({
      "sensor.acme_session_usage": [{ start: NOW - 2 * HOUR, end: NOW - 2 * HOUR + 300_000, mean }],
    });
    const callWS = vi
      .fn<(message: Record<string, unknown>) => Promise<unknown>>()
      .mockResolvedValueOnce(rows(10))
      .mockResolvedValueOnce(rows(90))
      .mockRejectedValueOnce(new Error("Connection lost"));
    const { root, card } = await mount({ default_range: "7d" }, { callWS });
    const session = () => root.querySelector('path.line[data-key="five_hour"]')!.getAttribute("d");
    const first = session();
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    await settle(card);
    expect(callWS).toHaveBeenCalledTimes(1);
    // The next tick after 5 minutes (ticks follow the countdowns, at least once a minute).
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await settle(card);
    expect(callWS).toHaveBeenCalledTimes(2);
    const second = session();
    expect(second).not.toBe(first);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await settle(card);
    expect(callWS).toHaveBeenCalledTimes(3);
    expect(root.querySelector("path.line")).not.toBeNull();
    expect(plain(root.querySelector(".graph-message")?.textContent)).toBe("");
  });

  it("ignores messages of an ended subscription", async () => {
    const { root, hass, card } = await mount();
    const first = hass.connection.subscriptions[0]!;
    root.querySelector<HTMLButtonElement>('button[data-range="3h"]')!.click();
    await settle(card);
    first.callback(
      streamMessage({ "sensor.acme_session_usage": [{ s: "30", lu: NOW / 1000 - 60 }] }),
    );
    await card.updateComplete;
    expect(plain(root.querySelector(".graph")?.textContent)).toBe("Loading…");
  });

  it("resubscribes when the device's windows change", async () => {
    const { hass, card } = await mount();
    const grown = makeHass({
      windows: [SESSION, WEEKLY, OPUS, COWORK],
      connection: hass.connection,
    });
    card.hass = grown;
    await settle(card);
    expect(hass.connection.subscriptions).toHaveLength(2);
    expect(hass.connection.subscriptions[0]!.unsubscribed).toBe(true);
    expect(hass.connection.active[0]!.message.entity_ids).toContain(
      "sensor.acme_cowork_weekly_usage",
    );
  });

  it("does not subscribe without the graph", async () => {
    const { hass } = await mount({ show_graph: false });
    expect(hass.connection.subscriptions).toHaveLength(0);
  });
});

describe("lifecycle", () => {
  it("ends the subscription and the timers when removed, and resumes when re-added", async () => {
    const { hass, card } = await mount();
    expect(hass.connection.active).toHaveLength(1);
    expect(vi.getTimerCount()).toBeGreaterThan(0);

    card.remove();
    await settle(card);
    expect(hass.connection.active).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);

    document.body.append(card);
    await settle(card);
    expect(hass.connection.active).toHaveLength(1);
    expect(hass.connection.subscriptions).toHaveLength(2);
  });

  it("ends a subscription that resolves after removal", async () => {
    const { hass, card } = await mount({ show_graph: false });
    card.setConfig({ type: "custom:claude-usage-card", device_id: DEVICE_ID });
    card.hass = { ...hass };
    await card.updateComplete;
    card.remove();
    await settle(card);
    expect(hass.connection.subscriptions).toHaveLength(1);
    expect(hass.connection.active).toHaveLength(0);
  });

  it("re-renders only for its own entities", async () => {
    const { hass, card } = await mount({ show_graph: false });
    const render = vi.spyOn(card as unknown as { render: () => unknown }, "render");
    card.hass = { ...hass, states: { ...hass.states, "light.kitchen": undefined } };
    await card.updateComplete;
    expect(render).not.toHaveBeenCalled();
    card.hass = {
      ...hass,
      states: {
        ...hass.states,
        "sensor.acme_session_usage": { ...hass.states["sensor.acme_session_usage"]!, state: "50" },
      },
    };
    await card.updateComplete;
    expect(render).toHaveBeenCalledTimes(1);
  });
});

/** The declarations of the card's style rule for `selector`, inside `@media media` if given. */
function styleRule(selector: string, media?: string): CSSStyleDeclaration | undefined {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cardStyles.cssText);
  const rules = media
    ? [...sheet.cssRules]
        .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule)
        .filter((rule) => rule.media.mediaText === media)
        .flatMap((rule) => [...rule.cssRules])
    : [...sheet.cssRules];
  return rules
    .filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule)
    .find((rule) => rule.selectorText === selector)?.style;
}

describe("layout", () => {
  it("gives the range buttons room for a finger and a focus ring that is not clipped", async () => {
    const { root } = await mount();
    const buttons = [...root.querySelectorAll<HTMLButtonElement>(".range")];
    expect(buttons.map((button) => getComputedStyle(button).minHeight)).toEqual(
      buttons.map(() => "32px"),
    );
    expect(getComputedStyle(root.querySelector(".ranges")!).overflow).not.toBe("hidden");
    const ring = styleRule(".range:focus-visible");
    expect(ring).toBeDefined();
    expect([ring!.outlineStyle, ring!.outlineWidth, ring!.outlineOffset]).toEqual([
      "solid",
      "2px",
      "2px",
    ]);
  });

  it("keeps the tooltip inside the graph and wraps long names on a phone", async () => {
    const { root, hass, card } = await mount();
    hass.connection.subscriptions[0]!.callback(
      streamMessage({ "sensor.acme_session_usage": [{ s: "30", lu: (NOW - HOUR) / 1000 }] }),
    );
    await card.updateComplete;
    const chart = root.querySelector<SVGSVGElement>("svg.chart")!;
    const tooltipAt = async (clientX: number) => {
      chart.dispatchEvent(new PointerEvent("pointermove", { clientX }));
      await card.updateComplete;
      const tooltip = root.querySelector<HTMLElement>(".tooltip")!;
      const style = getComputedStyle(tooltip);
      return {
        x: tooltip.getAttribute("style"),
        align: tooltip.dataset.align,
        maxWidth: style.maxWidth,
        nowrap: style.whiteSpace === "nowrap",
        overflowWrap: style.overflowWrap,
      };
    };
    const wrapping = {
      maxWidth: "min(260px, 100%)",
      nowrap: false,
      overflowWrap: "anywhere",
    };
    expect(await tooltipAt(60)).toEqual({ x: "--x:20%", align: "start", ...wrapping });
    expect(await tooltipAt(294)).toEqual({ x: "--x:98%", align: "end", ...wrapping });
    expect(styleRule(".tooltip")!.left).toBe("calc(var(--x) + 4px)");
    expect(styleRule('.tooltip[data-align="end"]')!.right).toBe("calc(100% - var(--x) + 4px)");
    for (const selector of [".name", ".legend-item"]) {
      expect(getComputedStyle(root.querySelector(selector)!).overflowWrap).toBe("anywhere");
    }
  });

  it("highlights a gauge on hover only where a pointer can hover", () => {
    expect(styleRule(".gauge:hover")).toBeUndefined();
    expect(styleRule(".gauge:hover", "(hover: hover)")?.background).toBe(
      "var(--secondary-background-color)",
    );
  });
});
