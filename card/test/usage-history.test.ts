import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { historyStyles } from "../src/styles";
import {
  COWORK,
  DEVICE_ID,
  FakeConnection,
  makeHass,
  NOW,
  OPUS,
  SESSION,
  WEEKLY,
} from "./fixtures";
import {
  FakeResizeObserver,
  fakeTime,
  history,
  HOUR,
  mount,
  plain,
  settle,
  streamMessage,
  styleRule,
  unmountAll,
} from "./helpers";

/** The periods of the statistics requests of a `callWS` mock, in order. */
function statisticsCalls(callWS: { mock: { calls: unknown[][] } }) {
  return callWS.mock.calls
    .map(([message]) => message as { type: string; period?: string })
    .filter((message) => message.type === "recorder/statistics_during_period")
    .map((message) => message.period);
}

/**
 * A `callWS` answering 5-minute statistics requests with `statistics`, hourly ones with
 * `hourly`, and history requests with `resets`.
 */
function weekData(statistics: () => Promise<unknown>, resets: unknown = {}, hourly: unknown = {}) {
  return vi.fn(async (message: Record<string, unknown>) => {
    if (message.type !== "recorder/statistics_during_period") {
      return resets;
    }
    return message.period === "5minute" ? statistics() : hourly;
  });
}

beforeEach(fakeTime);

afterEach(() => {
  unmountAll();
  vi.useRealTimers();
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
    const graph = history(root);
    expect(plain(graph.querySelector(".graph")?.textContent)).toBe("Loading…");
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
    await settle(card);
    const lines = [...graph.querySelectorAll<SVGPathElement>("path.line")];
    expect(lines.map((line) => line.dataset.key)).toEqual([
      "five_hour",
      "seven_day",
      "seven_day_opus",
    ]);
    expect(lines[0]!.getAttribute("d")).toMatch(/^M\d/);
    expect(lines[2]!.getAttribute("d")).toBe("");
    expect(graph.querySelector("svg.chart")!.getAttribute("aria-label")).toBe(
      "History, last 24 hours: Session usage 42%, Weekly usage 81%, Opus weekly usage no data",
    );
    const markers = [...graph.querySelectorAll<SVGGElement>(".reset-marker")];
    expect(markers.map((marker) => marker.dataset.key)).toEqual(["five_hour"]);
    expect(plain(markers[0]!.querySelector("title")?.textContent)).toBe(
      "Reset · Nov 28, 2026, 09:00",
    );
    const before = lines[1]!.getAttribute("d");
    hass.connection.subscriptions[0]!.callback({
      states: { "sensor.acme_weekly_usage": [{ s: "20", lu: NOW / 1000 - 60 }] },
    });
    await settle(card);
    expect(graph.querySelector('path.line[data-key="seven_day"]')!.getAttribute("d")).not.toBe(
      before,
    );
    expect(graph.querySelectorAll(".reset-marker")).toHaveLength(2);
    expect(
      [...graph.querySelectorAll(".legend-item")].map((item) => plain(item.textContent)),
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
    await settle(card);
    expect(plain(history(root).querySelector("svg.chart")!.getAttribute("aria-label"))).toBe(
      "Verlauf der letzten 6 Stunden: Session usage 12 %, Weekly usage 35 % und Opus weekly usage 95 %",
    );
  });

  it("shows values and time under the pointer", async () => {
    const { root, hass, card } = await mount();
    const graph = history(root);
    const base = (NOW - 12 * HOUR) / 1000;
    hass.connection.subscriptions[0]!.callback(
      streamMessage({
        "sensor.acme_session_usage": [
          { s: "30", lu: base },
          { s: "60", lu: base + 6 * 3600 },
        ],
      }),
    );
    await settle(card);
    const chart = graph.querySelector<SVGSVGElement>("svg.chart")!;
    // 300 px wide: the plot spans x = 34..294 for 24 h, so x = 294 is now.
    chart.dispatchEvent(new PointerEvent("pointermove", { clientX: 294 }));
    await settle(card);
    expect(plain(graph.querySelector(".tooltip")?.textContent)).toBe(
      "Nov 28, 2026, 11:00 Session usage: 60% Weekly usage: — Opus weekly usage: —",
    );
    chart.dispatchEvent(new PointerEvent("pointerleave"));
    await settle(card);
    expect(graph.querySelector(".tooltip")).toBeNull();
  });

  it("keeps the tooltip of a tap on a phone until a tap elsewhere", async () => {
    const { root, hass, card } = await mount();
    const graph = history(root);
    hass.connection.subscriptions[0]!.callback(
      streamMessage({ "sensor.acme_session_usage": [{ s: "30", lu: (NOW - 12 * HOUR) / 1000 }] }),
    );
    await settle(card);
    const chart = graph.querySelector<SVGSVGElement>("svg.chart")!;
    const touch = (type: string, target: EventTarget = chart) =>
      target.dispatchEvent(
        new PointerEvent(type, {
          pointerType: "touch",
          clientX: 200,
          bubbles: true,
          composed: true,
        }),
      );
    const tooltip = () => plain(graph.querySelector(".tooltip")?.textContent);
    // A tap: down, up, and (a finger has no hover) leave at once.
    touch("pointerdown");
    touch("pointerup");
    touch("pointerleave");
    await settle(card);
    expect(tooltip()).toMatch(/^Nov 28, 2026, \d\d:\d\d Session usage: 30%/);
    // Another tap on the graph keeps it; a tap elsewhere takes it away.
    touch("pointerdown");
    await settle(card);
    expect(tooltip()).not.toBe("");
    touch("pointerdown", document.body);
    await settle(card);
    expect(graph.querySelector(".tooltip")).toBeNull();
    // A swipe that scrolls the page (the browser cancels the pointer) takes it away too.
    touch("pointerdown");
    await settle(card);
    expect(tooltip()).not.toBe("");
    touch("pointercancel");
    await settle(card);
    expect(graph.querySelector(".tooltip")).toBeNull();
  });

  it("ends a resetting window's line at the reset time instead of carrying its old value on", async () => {
    // The usage sensors were last written at 09:00; the session window reset at 09:30.
    const passed = { ...SESSION, resetsAt: new Date(NOW - 30 * 60_000).toISOString() };
    const callWS = weekData(async () => ({
      "sensor.acme_session_usage": [
        { start: NOW - 2 * HOUR, end: NOW - 2 * HOUR + 300_000, mean: 42 },
      ],
      "sensor.acme_weekly_usage": [
        { start: NOW - 2 * HOUR, end: NOW - 2 * HOUR + 300_000, mean: 80 },
      ],
    }));
    const { root, hass, card } = await mount({}, { windows: [passed, WEEKLY], callWS });
    const graph = history(root);
    hass.connection.subscriptions[0]!.callback(
      streamMessage({
        "sensor.acme_session_usage": [
          { s: "70", lu: (NOW - 3 * HOUR) / 1000 },
          { s: "42", lu: (NOW - HOUR) / 1000 },
        ],
        "sensor.acme_weekly_usage": [{ s: "80.5", lu: (NOW - HOUR) / 1000 }],
      }),
    );
    await settle(card);
    const line = (key: string) =>
      graph.querySelector(`path.line[data-key="${key}"]`)!.getAttribute("d");
    // 300 px wide: the plot spans x = 34..294 for the 3 h of history there are, so 09:30 is
    // x = 34 + 260 × 2.5 / 3 = 250.7 and now x = 294.
    expect(line("five_hour")).toMatch(/H250\.7$/);
    expect(line("seven_day")).toMatch(/H294$/);
    const chart = graph.querySelector<SVGSVGElement>("svg.chart")!;
    chart.dispatchEvent(new PointerEvent("pointermove", { clientX: 294 }));
    await settle(card);
    expect(plain(graph.querySelector(".tooltip")?.textContent)).toBe(
      "Nov 28, 2026, 11:00 Session usage: — Weekly usage: 81%",
    );

    graph.querySelector<HTMLButtonElement>('button[data-range="7d"]')!.click();
    await settle(card);
    // 7 days, of which the statistics hold the last 2 hours: 09:30 is x = 34 + 260 × 1.5 / 2 = 229.
    expect(line("five_hour")).toMatch(/H229$/);
    expect(line("seven_day")).toMatch(/H294$/);
  });

  it("fills the graph with a new install's few minutes of history, on round ticks", async () => {
    const { root, hass, card } = await mount();
    const graph = history(root);
    hass.connection.subscriptions[0]!.callback(
      streamMessage({
        "sensor.acme_session_usage": [
          { s: "30", lu: (NOW - 8 * 60_000) / 1000 },
          { s: "35", lu: (NOW - 4 * 60_000) / 1000 },
        ],
        "sensor.acme_weekly_usage": [{ s: "60", lu: (NOW - 8 * 60_000) / 1000 }],
      }),
    );
    await settle(card);
    // 24 h chosen, 8 minutes recorded: the graph spans the last 10 minutes (10:50 to 11:00
    // in Berlin), so the lines run from 10:52 (x = 34 + 260 × 2 / 10 = 86) to now (x = 294).
    const line = (key: string) =>
      graph.querySelector(`path.line[data-key="${key}"]`)!.getAttribute("d");
    expect(line("five_hour")).toMatch(/^M86 \S+H190V\S+H294$/);
    expect(line("seven_day")).toMatch(/^M86 \S+H294$/);
    const labels = [...graph.querySelectorAll('.chart text.axis[text-anchor="middle"]')];
    expect(labels.map((label) => label.textContent)).toEqual(["10:50", "10:55"]);
    expect(graph.querySelectorAll(".chart line.tick")).toHaveLength(2);
  });

  it("draws the only value there is as a dot", async () => {
    // A new install on the 7-day range: no statistics yet, only the current value.
    const { root, card } = await mount(
      { default_range: "7d" },
      { callWS: weekData(async () => ({})) },
    );
    await settle(card);
    const dots = [...history(root).querySelectorAll<SVGCircleElement>("circle.dot")];
    expect(dots.map((dot) => [dot.dataset.key, dot.getAttribute("cx")])).toEqual([
      ["five_hour", "294"],
      ["seven_day", "294"],
      ["seven_day_opus", "294"],
    ]);
    expect(dots[0]!.style.fill).toBe("#4269d0");
  });

  it("leaves a gap in the week where the recorder kept no statistics", async () => {
    const periods = (from: number, to: number, mean: number) =>
      Array.from({ length: (to - from) / 300_000 }, (_, index) => ({
        start: from + index * 300_000,
        end: from + (index + 1) * 300_000,
        mean,
      }));
    // An outage from 5 h to 1 h ago.
    const callWS = weekData(async () => ({
      "sensor.acme_session_usage": [
        ...periods(NOW - 6 * HOUR, NOW - 5 * HOUR, 20),
        ...periods(NOW - HOUR, NOW - 300_000, 40),
      ],
    }));
    const { root, card } = await mount({ default_range: "7d" }, { callWS });
    await settle(card);
    // The statistics begin 6 h ago: 5 h ago is x = 34 + 260 / 6 = 77.3, 1 h ago x = 250.7.
    const d = history(root).querySelector('path.line[data-key="five_hour"]')!.getAttribute("d")!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).toContain("H77.3M250.7 70.4H");
  });

  it("says when the range has no history yet, and when history is unavailable", async () => {
    const { root, hass, card } = await mount();
    hass.connection.subscriptions[0]!.callback(streamMessage({}));
    await settle(card);
    expect(plain(history(root).querySelector(".graph")?.textContent)).toBe(
      "No history in this range yet",
    );

    const connection = new FakeConnection();
    connection.error = new Error("Unknown command.");
    const failing = await mount({}, { connection });
    expect(plain(history(failing.root).querySelector(".graph")?.textContent)).toBe(
      "History unavailable",
    );
  });

  it("says when long-term statistics are unavailable", async () => {
    const callWS = weekData(async () => {
      throw new Error("Unknown command.");
    });
    const { root, card } = await mount({ default_range: "7d" }, { callWS });
    await settle(card);
    expect(statisticsCalls(callWS)).toEqual(["hour", "5minute"]);
    expect(plain(history(root).querySelector(".graph")?.textContent)).toBe("History unavailable");
  });

  it("resubscribes when the range changes and uses long-term statistics for 7 days", async () => {
    const callWS = weekData(async () => ({
      "sensor.acme_session_usage": [
        { start: NOW - 48 * HOUR, end: NOW - 48 * HOUR + 300_000, mean: 80 },
        { start: NOW - 47 * HOUR, end: NOW - 47 * HOUR + 300_000, mean: 3 },
      ],
    }));
    const { root, hass, card } = await mount({}, { callWS });
    const graph = history(root);
    const first = hass.connection.subscriptions[0]!;

    graph.querySelector<HTMLButtonElement>('button[data-range="6h"]')!.click();
    await settle(card);
    expect(first.unsubscribed).toBe(true);
    expect(hass.connection.active).toHaveLength(1);
    expect(hass.connection.active[0]!.message.start_time).toBe(
      new Date(NOW - 6 * HOUR).toISOString(),
    );
    expect(graph.querySelector('button[data-range="6h"]')!.getAttribute("aria-pressed")).toBe(
      "true",
    );

    graph.querySelector<HTMLButtonElement>('button[data-range="7d"]')!.click();
    await settle(card);
    expect(hass.connection.active).toHaveLength(0);
    const statistic_ids = [
      "sensor.acme_session_usage",
      "sensor.acme_weekly_usage",
      "sensor.acme_opus_weekly_usage",
    ];
    // Hourly means up to a day ago, 5-minute means since.
    expect(callWS).toHaveBeenCalledWith({
      type: "recorder/statistics_during_period",
      start_time: new Date(NOW - 168 * HOUR).toISOString(),
      end_time: new Date(NOW - 24 * HOUR).toISOString(),
      statistic_ids,
      period: "hour",
      types: ["mean"],
    });
    expect(callWS).toHaveBeenCalledWith({
      type: "recorder/statistics_during_period",
      start_time: new Date(NOW - 24 * HOUR).toISOString(),
      statistic_ids,
      period: "5minute",
      types: ["mean"],
    });
    expect(callWS).toHaveBeenCalledWith({
      type: "history/history_during_period",
      start_time: new Date(NOW - 168 * HOUR).toISOString(),
      entity_ids: [
        "sensor.acme_session_reset",
        "sensor.acme_weekly_reset",
        "sensor.acme_opus_weekly_reset",
      ],
      minimal_response: true,
      no_attributes: true,
      significant_changes_only: true,
    });
    const markers = [...graph.querySelectorAll<SVGGElement>(".reset-marker")];
    expect(markers.map((marker) => marker.dataset.key)).toEqual(["five_hour"]);
    expect(graph.querySelectorAll("path.line")).toHaveLength(3);
    expect(plain(graph.querySelector(".chart text.axis:last-of-type")?.textContent)).not.toBe("");
  });

  it("marks the week's new windows from the reset sensors' history", async () => {
    const bucket = (hours: number, mean: number) => ({
      start: NOW - hours * HOUR,
      end: NOW - hours * HOUR + 300_000,
      mean,
    });
    // Weekly usage hardly moves, but its reset time moved on by a week 30 hours ago.
    const callWS = weekData(
      async () => ({ "sensor.acme_weekly_usage": [bucket(31, 4), bucket(30, 3), bucket(29, 5)] }),
      {
        "sensor.acme_weekly_reset": [
          { s: "2026-11-27T08:00:00+00:00", lu: (NOW - 40 * HOUR) / 1000 },
          { s: "2026-12-04T08:00:00+00:00", lu: (NOW - 30 * HOUR + 60_000) / 1000 },
        ],
      },
    );
    const { root, card } = await mount({ default_range: "7d" }, { callWS });
    await settle(card);
    const markers = [...history(root).querySelectorAll<SVGGElement>(".reset-marker")];
    expect(markers.map((marker) => marker.dataset.key)).toEqual(["seven_day"]);
    expect(plain(markers[0]!.querySelector("title")?.textContent)).toBe(
      "Reset · Nov 27, 2026, 05:00",
    );
  });

  it("refreshes the 7-day statistics every 5 minutes and keeps them when a refresh fails", async () => {
    const rows = (mean: number) => ({
      "sensor.acme_session_usage": [{ start: NOW - 2 * HOUR, end: NOW - 2 * HOUR + 300_000, mean }],
    });
    const statistics = vi
      .fn<() => Promise<unknown>>()
      .mockResolvedValueOnce(rows(10))
      .mockResolvedValueOnce(rows(90))
      .mockRejectedValueOnce(new Error("Connection lost"));
    const callWS = weekData(statistics);
    const { root, card } = await mount({ default_range: "7d" }, { callWS });
    const graph = history(root);
    const session = () => graph.querySelector('path.line[data-key="five_hour"]')!.getAttribute("d");
    const first = session();
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    await settle(card);
    expect(statistics).toHaveBeenCalledTimes(1);
    // The next tick after 5 minutes (the graph moves on once a minute).
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await settle(card);
    expect(statistics).toHaveBeenCalledTimes(2);
    const second = session();
    expect(second).not.toBe(first);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await settle(card);
    expect(statistics).toHaveBeenCalledTimes(3);
    expect(graph.querySelector("path.line")).not.toBeNull();
    expect(plain(graph.querySelector(".graph-message")?.textContent)).toBe("");
  });

  it("ignores messages of an ended subscription", async () => {
    const { root, hass, card } = await mount();
    const graph = history(root);
    const first = hass.connection.subscriptions[0]!;
    graph.querySelector<HTMLButtonElement>('button[data-range="3h"]')!.click();
    await settle(card);
    first.callback(
      streamMessage({ "sensor.acme_session_usage": [{ s: "30", lu: NOW / 1000 - 60 }] }),
    );
    await settle(card);
    expect(plain(graph.querySelector(".graph")?.textContent)).toBe("Loading…");
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
    await vi.advanceTimersByTimeAsync(0);
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
    await vi.advanceTimersByTimeAsync(0);
    await settle(card);
    expect(hass.connection.subscriptions).toHaveLength(1);
    expect(hass.connection.active).toHaveLength(0);
  });

  it("keeps its data when the dashboard moves the card (masonry columns)", async () => {
    const callWS = weekData(async () => ({}));
    const { card } = await mount({ default_range: "7d" }, { callWS });
    const column = document.createElement("div");
    document.body.append(column);
    column.append(card);
    await vi.advanceTimersByTimeAsync(0);
    await settle(card);
    expect(statisticsCalls(callWS)).toEqual(["hour", "5minute"]);
    column.remove();
  });
});

describe("layout", () => {
  it("draws the graph as wide as its box", async () => {
    vi.stubGlobal("ResizeObserver", FakeResizeObserver);
    try {
      const { root, hass, card } = await mount();
      hass.connection.subscriptions[0]!.callback(
        streamMessage({ "sensor.acme_session_usage": [{ s: "30", lu: (NOW - HOUR) / 1000 }] }),
      );
      await settle(card);
      const graph = history(root);
      FakeResizeObserver.resize(graph.querySelector(".graph")!, 512);
      await settle(card);
      expect(graph.querySelector("svg.chart")!.getAttribute("viewBox")).toBe("0 0 512 132");
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("gives the range buttons room for a finger and a focus ring that is not clipped", async () => {
    const { root } = await mount();
    const graph = history(root);
    const buttons = [...graph.querySelectorAll<HTMLButtonElement>(".range")];
    expect(buttons.map((button) => getComputedStyle(button).minHeight)).toEqual(
      buttons.map(() => "32px"),
    );
    expect(getComputedStyle(graph.querySelector(".ranges")!).overflow).not.toBe("hidden");
    const ring = styleRule(historyStyles, ".range:focus-visible");
    expect(ring).toBeDefined();
    expect([ring!.outlineStyle, ring!.outlineWidth, ring!.outlineOffset]).toEqual([
      "solid",
      "2px",
      "2px",
    ]);
  });

  it("keeps the tooltip inside the graph and wraps long names on a phone", async () => {
    const { root, hass, card } = await mount();
    const graph = history(root);
    hass.connection.subscriptions[0]!.callback(
      streamMessage({ "sensor.acme_session_usage": [{ s: "30", lu: (NOW - HOUR) / 1000 }] }),
    );
    await settle(card);
    const chart = graph.querySelector<SVGSVGElement>("svg.chart")!;
    const tooltipAt = async (clientX: number) => {
      chart.dispatchEvent(new PointerEvent("pointermove", { clientX }));
      await settle(card);
      const tooltip = graph.querySelector<HTMLElement>(".tooltip")!;
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
    expect(styleRule(historyStyles, ".tooltip")!.left).toBe("calc(var(--x) + 4px)");
    expect(styleRule(historyStyles, '.tooltip[data-align="end"]')!.right).toBe(
      "calc(100% - var(--x) + 4px)",
    );
    expect(getComputedStyle(graph.querySelector(".legend-item")!).overflowWrap).toBe("anywhere");
  });
});
