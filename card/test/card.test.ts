import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { ClaudeUsageCard, gaugeColumns, nameWidth } from "../src/claude-usage-card";
import { defineWhenAppReady } from "../src/index";
import {
  COWORK,
  DEVICE_ID,
  makeHass,
  NOW,
  OPUS,
  recordedBefore,
  SESSION,
  WEEKLY,
  type HassOptions,
} from "./fixtures";
import {
  FakeResizeObserver,
  fakeTime,
  gaugeElements,
  gauges,
  history,
  HOUR,
  mount,
  plain,
  settle,
  unmountAll,
} from "./helpers";

beforeEach(fakeTime);

afterEach(() => {
  unmountAll();
  vi.useRealTimers();
});

describe("registration", () => {
  it("defines the card and its elements, and offers it in the card picker with a preview", () => {
    expect(customElements.get("claude-usage-card")).toBe(ClaudeUsageCard);
    expect(customElements.get("claude-usage-gauge")).toBeDefined();
    expect(customElements.get("claude-usage-history")).toBeDefined();
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
    expect(
      ClaudeUsageCard.getStubConfig(makeHass({ windows: [], extraEntities: false, status: null })),
    ).toEqual({});
  });

  it("has a visual editor form and sizes for masonry and sections", () => {
    expect(ClaudeUsageCard.getConfigElement().localName).toBe("claude-usage-card-editor");
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

describe("composition", () => {
  it("shows the account's name and one gauge per window, in order", async () => {
    const { root, card } = await mount({ show_graph: false });
    expect(plain(root.querySelector(".card-header")?.textContent)).toBe("Acme");
    expect(gauges(root).map((gauge) => [gauge.key, gauge.name, gauge.percent])).toEqual([
      ["five_hour", "Session usage", "42%"],
      ["seven_day", "Weekly usage", "81%"],
      ["seven_day_opus", "Opus weekly usage", "95%"],
    ]);
    expect(card.getCardSize()).toBe(5);
    expect(root.querySelector("claude-usage-history")).toBeNull();
  });

  it("uses the configured title, and none when it is empty", async () => {
    const titled = await mount({ title: "Claude", show_graph: false });
    expect(plain(titled.root.querySelector(".card-header")?.textContent)).toBe("Claude");
    const untitled = await mount({ title: "", show_graph: false });
    expect(untitled.root.querySelector(".card-header")).toBeNull();
    expect(untitled.root.querySelectorAll("claude-usage-gauge")).toHaveLength(3);
  });

  it("hands the windows, their states and the range to the history graph", async () => {
    const { root } = await mount({ default_range: "6h" });
    const element = root.querySelector("claude-usage-history")!;
    expect(element.range).toBe("6h");
    expect(element.readings.map((reading) => [reading.window.key, reading.utilization])).toEqual([
      ["five_hour", 42],
      ["seven_day", 80.5],
      ["seven_day_opus", 95],
    ]);
    expect(history(root).querySelector(".history-title")?.textContent).toBe("History");
  });

  it("draws the gauges before any history arrives", async () => {
    const { root, hass } = await mount();
    expect(hass.connection.subscriptions).toHaveLength(1);
    expect(gauges(root).map((gauge) => gauge.percent)).toEqual(["42%", "81%", "95%"]);
    expect(plain(history(root).querySelector(".graph")?.textContent)).toBe("Loading…");
  });
});

describe("colours and places", () => {
  it("keeps each window's colour and place when a new window appears", async () => {
    const { root, hass, card } = await mount();
    const swatches = () =>
      [...root.querySelectorAll("claude-usage-gauge")].map((gauge) => [
        gauge.dataset.key,
        gauge.shadowRoot!.querySelector<HTMLElement>(".name .swatch")!.style.background,
      ]);
    const before = swatches();
    expect(before).toEqual([
      ["five_hour", "#4269d0"],
      ["seven_day", "#e500ad"],
      ["seven_day_opus", "#6d00c7"],
    ]);
    card.hass = makeHass({
      windows: [SESSION, WEEKLY, OPUS, COWORK],
      connection: hass.connection,
    });
    await settle(card);
    expect(swatches()).toEqual([...before, ["seven_day_cowork", "#9bafff"]]);
    const legend = [...history(root).querySelectorAll<HTMLElement>(".legend-item .swatch")];
    expect(legend.map((swatch) => swatch.style.background)).toEqual(
      swatches().map(([, color]) => color),
    );
  });
});

describe("gauge grid", () => {
  it.each([
    // count, width, columns
    [4, 500, 4],
    [4, 342, 2],
    [4, 200, 1],
    [3, 342, 3],
    [3, 220, 2],
    [5, 500, 3],
    [6, 500, 3],
    [7, 600, 4],
    [2, 1000, 2],
    [1, 100, 1],
    [0, 500, 1],
  ])("lays %i gauges on %i px in %i columns, rows as even as can be", (count, width, columns) => {
    expect(gaugeColumns(count, width)).toBe(columns);
  });

  it("gives each gauge the width its name's widest word needs, never less than its own", () => {
    const measure = (word: string) => word.length * 7;
    // "Sitzungsnutzung": 15 letters and the swatch before it, 2px padding on each side.
    expect(nameWidth("Sitzungsnutzung", measure)).toBe(105 + 13 + 4);
    expect(nameWidth("Nutzung Opus", measure)).toBe(7 * 7 + 13 + 4);
    expect(nameWidth("Weekly Claude Design usage", measure)).toBe(6 * 7 + 13 + 4);
    expect(gaugeColumns(3, 342, 122)).toBe(2);
    expect(gaugeColumns(3, 342, 60)).toBe(3);
  });

  it("takes fewer columns when a name's word would not fit in a third of a phone", async () => {
    vi.stubGlobal("ResizeObserver", FakeResizeObserver);
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(
      () =>
        ({
          font: "",
          measureText: (text: string) => ({ width: text.length * 8 }),
        }) as unknown as CanvasRenderingContext2D,
    );
    try {
      const long = { ...SESSION, name: "Sitzungsnutzung" };
      const { root, card } = await mount({ show_graph: false }, { windows: [long, WEEKLY, OPUS] });
      const grid = root.querySelector<HTMLElement>(".gauges")!;
      FakeResizeObserver.resize(grid, 342);
      await settle(card);
      await settle(card);
      expect(grid.style.getPropertyValue("--columns")).toBe("2");
      const short = await mount({ show_graph: false });
      const shortGrid = short.root.querySelector<HTMLElement>(".gauges")!;
      FakeResizeObserver.resize(shortGrid, 342);
      await settle(short.card);
      await settle(short.card);
      expect(shortGrid.style.getPropertyValue("--columns")).toBe("3");
    } finally {
      getContext.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it("lays four gauges 2 x 2 on a phone and 4 in a row where there is room", async () => {
    vi.stubGlobal("ResizeObserver", FakeResizeObserver);
    try {
      const { root, card } = await mount(
        { show_graph: false },
        { windows: [SESSION, WEEKLY, OPUS, COWORK] },
      );
      const grid = root.querySelector<HTMLElement>(".gauges")!;
      FakeResizeObserver.resize(grid, 342);
      await settle(card);
      expect(grid.style.getPropertyValue("--columns")).toBe("2");
      FakeResizeObserver.resize(grid, 520);
      await settle(card);
      expect(grid.style.getPropertyValue("--columns")).toBe("4");
      // The dashboard moves the card (masonry columns), then the window gets narrow.
      document.body.append(card);
      FakeResizeObserver.resize(grid, 342);
      await settle(card);
      expect(grid.style.getPropertyValue("--columns")).toBe("2");
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("states", () => {
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
    await settle(card);
    expect(gauges(root)[1]).toMatchObject({
      percent: "—",
      reset: "Usage unavailable",
      level: "level-none",
    });
    expect(root.querySelector("claude-usage-status")).toBeNull();
  });
});

const WINDOW_SENSORS = [
  "sensor.acme_session_usage",
  "sensor.acme_session_reset",
  "sensor.acme_weekly_usage",
  "sensor.acme_weekly_reset",
  "sensor.acme_opus_weekly_usage",
  "sensor.acme_opus_weekly_reset",
];
const EXTRA_SENSORS = [
  "sensor.acme_extra_usage_spent",
  "sensor.acme_extra_usage_limit",
  "sensor.acme_extra_usage_utilization",
];

/** A card opened while the account has `status`, with the recorder holding the last values. */
async function mountDuring(status: string, options: HassOptions = {}, config = {}) {
  const recorded = recordedBefore(makeHass(), [...WINDOW_SENSORS, ...EXTRA_SENSORS]);
  const callWS = vi.fn(async (message: Record<string, unknown>) =>
    message.type === "history/history_during_period" && message.no_attributes === false
      ? recorded
      : {},
  );
  const mounted = await mount(config, { status, callWS, ...options });
  await settle(mounted.card);
  return { ...mounted, callWS };
}

function banner(root: ShadowRoot) {
  return root.querySelector("claude-usage-status")?.shadowRoot?.querySelector(".banner");
}

describe("when claude.ai gives no usage", () => {
  it("names the cause, keeps the gauges at their last values greyed out, and the graph", async () => {
    const { root, callWS } = await mountDuring("cloudflare_blocked", {
      retryAt: "2026-11-28T10:15:00+00:00",
    });
    expect(plain(banner(root)?.textContent)).toBe(
      "Blocked by Cloudflare claude.ai's Cloudflare protection turns Home Assistant's requests away. " +
        "Next try at 11:15. Last values as of 10:00. Open the repair",
    );
    expect(callWS).toHaveBeenCalledWith({
      type: "history/history_during_period",
      start_time: "2026-11-28T09:00:00.000Z",
      entity_ids: [...WINDOW_SENSORS, ...EXTRA_SENSORS],
      minimal_response: false,
      no_attributes: false,
      significant_changes_only: true,
    });
    expect(gauges(root).map((gauge) => [gauge.key, gauge.percent, gauge.reset])).toEqual([
      ["five_hour", "42%", "Resets in 2 hr 14 min"],
      ["seven_day", "81%", "Resets in 2 days 22 hr"],
      ["seven_day_opus", "95%", "No reset scheduled"],
    ]);
    const session = gaugeElements(root)[0]!;
    expect(session.classList.contains("stale")).toBe(true);
    expect(plain(session.getAttribute("aria-label"))).toBe(
      "Session usage: 42%, last value as of 10:00. Resets in 2 hr 14 min. " +
        "Resets Nov 28, 2026, 13:14. Behind pace",
    );
    const extra = root.querySelector("claude-usage-extra")!.shadowRoot!.querySelector(".extra")!;
    expect([plain(extra.textContent), extra.classList.contains("stale")]).toEqual([
      "Extra usage $12.34 of $50.00",
      true,
    ]);
    expect(root.querySelector("claude-usage-history")!.readings).toHaveLength(3);
  });

  it("ends the week's lines where the statistics do, not at the last values", async () => {
    const recorded = recordedBefore(makeHass(), [...WINDOW_SENSORS, ...EXTRA_SENSORS]);
    const callWS = vi.fn(async (message: Record<string, unknown>) => {
      if (message.type === "recorder/statistics_during_period") {
        const start = NOW - 2 * HOUR;
        return message.period === "5minute"
          ? { "sensor.acme_session_usage": [{ start, end: start + 300_000, mean: 42 }] }
          : {};
      }
      return message.type === "history/history_during_period" && message.no_attributes === false
        ? recorded
        : {};
    });
    const { root, card } = await mount(
      { default_range: "7d" },
      { status: "cloudflare_blocked", callWS },
    );
    await settle(card);
    // The statistics span 09:00 to 09:05 UTC of the 2 hours shown: x = 34 to 34 + 260 / 24.
    expect(history(root).querySelector('path.line[data-key="five_hour"]')!.getAttribute("d")).toBe(
      "M34 68.3H44.8",
    );
  });

  it("leads to where the fix is", async () => {
    const { root } = await mountDuring("cloudflare_blocked");
    banner(root)!.querySelector("button")!.click();
    expect(window.location.pathname).toBe("/config/repairs");
    const reauth = await mountDuring("reauth_required");
    expect(plain(banner(reauth.root)?.textContent)).toBe(
      "Sign-in needed claude.ai no longer accepts this account's sign-in. " +
        "Last values as of 10:00. Reauthenticate",
    );
    const navigations: unknown[] = [];
    const listener = (event: Event) => navigations.push((event as CustomEvent).detail);
    window.addEventListener("location-changed", listener);
    banner(reauth.root)!.querySelector("button")!.click();
    window.removeEventListener("location-changed", listener);
    expect(window.location.pathname).toBe("/config/integrations/integration/claude_usage");
    expect(navigations).toEqual([{ replace: false }]);
  });

  it.each([
    ["rate_limited", "Rate limited by claude.ai until 11:30 Last values as of 10:00."],
    ["server_error", "claude.ai answers with errors Next try at 11:30. Last values as of 10:00."],
    ["unreachable", "claude.ai can't be reached Next try at 11:30. Last values as of 10:00."],
  ])("says %s and when the next try is, with no link: nothing to fix", async (status, text) => {
    const { root } = await mountDuring(status, { retryAt: "2026-11-28T10:30:00+00:00" });
    expect(plain(banner(root)?.textContent)).toBe(text);
    expect(banner(root)!.querySelector("button")).toBeNull();
  });

  it("says claude.ai refuses the organization from this network, and leads to the repair", async () => {
    const { root } = await mountDuring("access_denied", {
      retryAt: "2026-11-28T10:30:00+00:00",
    });
    expect(plain(banner(root)?.textContent)).toBe(
      "claude.ai refuses this organization from Home Assistant's network " +
        "Requests from this network (a VPN or a region claude.ai does not serve) are turned away; " +
        "the sign-in itself is fine. Next try at 11:30. Last values as of 10:00. Open the repair",
    );
    expect(banner(root)!.getAttribute("role")).toBe("alert");
    banner(root)!.querySelector("button")!.click();
    expect(window.location.pathname).toBe("/config/repairs");
    const french = await mountDuring("access_denied", { language: "fr" });
    expect(plain(banner(french.root)?.textContent)).toContain(
      "claude.ai refuse cette organisation depuis le réseau de Home Assistant",
    );
  });

  it("offers the link only to administrators, and speaks German", async () => {
    const { root } = await mountDuring("rate_limited", {
      admin: false,
      language: "de",
      lastUpdate: "2026-11-27T20:00:00+00:00",
    });
    expect(plain(banner(root)?.textContent)).toBe(
      "Von claude.ai gedrosselt Letzte Werte von 27. Nov., 21:00.",
    );
    expect(banner(root)!.querySelector("button")).toBeNull();
  });

  it("says usage is unavailable when no Status sensor tells why", async () => {
    const { root } = await mountDuring("unused", { status: null, available: false });
    expect(plain(banner(root)?.textContent)).toBe(
      "Usage unavailable The integration has no usage from claude.ai. Open the integration",
    );
    // Without the Last update sensor: the states since the sensors turned unavailable.
    expect(gauges(root).map((gauge) => gauge.percent)).toEqual(["42%", "81%", "95%"]);
  });

  it("keeps the windows it saw, and is itself again as soon as the values are back", async () => {
    const { root, hass, card } = await mount();
    const during = makeHass({ status: "unreachable", connection: hass.connection });
    card.hass = during;
    await settle(card);
    // Known at once, greyed out once the recorder answered (this one has nothing).
    expect(gauges(root).map((gauge) => gauge.percent)).toEqual(["—", "—", "—"]);
    expect(plain(banner(root)?.textContent)).toContain("claude.ai can't be reached");
    card.hass = makeHass({ connection: hass.connection });
    await settle(card);
    expect(root.querySelector("claude-usage-status")).toBeNull();
    expect(gauges(root).map((gauge) => gauge.percent)).toEqual(["42%", "81%", "95%"]);
    expect(gaugeElements(root).some((gauge) => gauge.classList.contains("stale"))).toBe(false);
    // The history subscription went on all along.
    expect(hass.connection.subscriptions).toHaveLength(1);
  });

  it("shows the cause alone when the recorder cannot tell the windows", async () => {
    const callWS = vi.fn(async () => {
      throw new Error("Unknown command.");
    });
    const { root } = await mount({}, { status: "unreachable", callWS });
    expect(plain(banner(root)?.textContent)).toBe("claude.ai can't be reached");
    expect(root.querySelector("claude-usage-gauge")).toBeNull();
    expect(root.querySelector("claude-usage-history")).toBeNull();
  });
});

describe("updates", () => {
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

describe("extra usage", () => {
  it("shows spent of the monthly limit in the account's currency, and opens more-info on tap", async () => {
    const { root, card } = await mount({ show_graph: false });
    const extra = root.querySelector("claude-usage-extra")!.shadowRoot!;
    const row = extra.querySelector<HTMLElement>(".extra")!;
    expect(plain(row.textContent)).toBe("Extra usage $12.34 of $50.00");
    expect(row.getAttribute("aria-label")).toBe("Extra usage: $12.34 of $50.00: 25%");
    expect(extra.querySelector<HTMLElement>(".bar > div")!.style.width).toBe("24.68%");
    const actions: unknown[] = [];
    card.addEventListener("hass-action", (event) => actions.push((event as CustomEvent).detail));
    row.click();
    expect(actions).toEqual([
      { config: { entity: "sensor.acme_extra_usage_spent" }, action: "tap" },
    ]);
  });

  it("speaks German, and is left out when extra usage is off", async () => {
    const german = await mount({ show_graph: false }, { language: "de" });
    const extra = german.root.querySelector("claude-usage-extra")!.shadowRoot!;
    expect(plain(extra.querySelector(".extra")?.textContent)).toBe(
      "Zusätzliche Nutzung 12,34 $ von 50,00 $",
    );
    const off = await mount({ show_graph: false }, { extraEntities: false });
    expect(off.root.querySelector("claude-usage-extra")).toBeNull();
  });
});

describe("the contract's additions", () => {
  it("waits for Claude Code's first report calmly, with no gauges and the way to the settings", async () => {
    const { root } = await mount(
      {},
      { windows: [], extraEntities: false, status: "waiting_for_report", lastReport: null },
    );
    const note = banner(root)!;
    expect(plain(note.textContent)).toBe(
      "Waiting for Claude Code's first report The lines to paste into ~/.claude/settings.json " +
        "are under Settings > Devices & services > Claude Usage > this entry > Reconfigure. " +
        "The gauges appear with the first report. Open the integration",
    );
    expect([note.classList.contains("note"), note.getAttribute("role")]).toEqual([true, "status"]);
    expect(root.querySelector(".status")).toBeNull();
    expect(root.querySelector("claude-usage-gauge")).toBeNull();
    note.querySelector("button")!.click();
    expect(window.location.pathname).toBe("/config/integrations/integration/claude_usage");
    const german = await mount(
      {},
      {
        windows: [],
        extraEntities: false,
        status: "waiting_for_report",
        lastReport: null,
        language: "de",
        admin: false,
      },
    );
    // Not an administrator: no link, and no path to pages Home Assistant does not show them.
    expect(plain(banner(german.root)?.textContent)).toBe(
      "Warten auf den ersten Bericht von Claude Code Die Zeilen für ~/.claude/settings.json " +
        "findet ein Administrator dieses Home Assistant unter „Neu konfigurieren“ des " +
        "Eintrags. Die Anzeigen erscheinen mit dem ersten Bericht.",
    );
    const user = await mount(
      {},
      {
        windows: [],
        extraEntities: false,
        status: "waiting_for_report",
        lastReport: null,
        admin: false,
      },
    );
    const userNote = banner(user.root)!;
    expect(plain(userNote.textContent)).toBe(
      "Waiting for Claude Code's first report An administrator of this Home Assistant finds " +
        "the lines to paste into ~/.claude/settings.json under the entry's Reconfigure. " +
        "The gauges appear with the first report.",
    );
    expect(userNote.querySelector("button")).toBeNull();
  });

  it("says values are as of Claude Code's last report once it is an hour old, not greyed", async () => {
    const windows = [SESSION, WEEKLY];
    const fresh = await mount(
      { show_graph: false },
      { windows, lastReport: "2026-11-28T09:30:00+00:00" },
    );
    expect(fresh.root.querySelector(".as-of")).toBeNull();
    // The report turns an hour old at 10:30 while the card is open.
    await vi.advanceTimersByTimeAsync(30 * 60_000 + 1);
    await settle(fresh.card);
    expect(plain(fresh.root.querySelector(".as-of")?.textContent)).toBe(
      "As of 10:30 (Claude Code's last report)",
    );
    expect(gaugeElements(fresh.root).some((gauge) => gauge.classList.contains("stale"))).toBe(
      false,
    );
    expect(gauges(fresh.root).map((gauge) => gauge.percent)).toEqual(["42%", "81%"]);
    // Off the page (another dashboard view) when the hour passed, and back.
    const away = await mount(
      { show_graph: false },
      { windows, lastReport: "2026-11-28T09:40:00+00:00" },
    );
    const parent = away.card.parentElement!;
    away.card.remove();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    parent.append(away.card);
    await settle(away.card);
    expect(plain(away.root.querySelector(".as-of")?.textContent)).toBe(
      "As of 10:40 (Claude Code's last report)",
    );
    const german = await mount(
      { show_graph: false },
      { windows, lastReport: "2026-11-27T20:00:00+00:00", language: "de" },
    );
    expect(plain(german.root.querySelector(".as-of")?.textContent)).toBe(
      "Stand 27. Nov., 21:00 (letzter Bericht von Claude Code)",
    );
  });

  it("shows a credit grant: left of what was granted, its expiry, more-info on tap", async () => {
    const { root, card } = await mount(
      { show_graph: false },
      { credit: { remaining: "12.34", limit: "50", expires: "2026-12-31T08:00:00+00:00" } },
    );
    const credit = root.querySelector("claude-usage-credit")!.shadowRoot!;
    const row = credit.querySelector<HTMLElement>(".extra")!;
    expect(plain(row.textContent)).toBe("Credit $12.34 of $50.00 left · expires Dec 31, 2026");
    expect(row.textContent).toContain("left\u00a0· expires");
    expect(plain(row.getAttribute("aria-label"))).toBe(
      "Credit: $12.34 of $50.00 left · expires Dec 31, 2026: 25%",
    );
    expect(credit.querySelector<HTMLElement>(".bar > div")!.style.width).toBe("24.68%");
    const actions: unknown[] = [];
    card.addEventListener("hass-action", (event) => actions.push((event as CustomEvent).detail));
    row.click();
    expect(actions).toEqual([
      { config: { entity: "sensor.acme_credit_remaining" }, action: "tap" },
    ]);
    const german = await mount(
      { show_graph: false },
      {
        language: "de",
        credit: { remaining: "5", limit: "unknown", expires: "unknown" },
      },
    );
    const germanRow = german.root.querySelector("claude-usage-credit")!.shadowRoot!;
    expect(plain(germanRow.querySelector(".extra")?.textContent)).toBe("Guthaben 5,00 $");
    expect(germanRow.querySelector(".bar")).toBeNull();
    const none = await mount({ show_graph: false });
    expect(none.root.querySelector("claude-usage-credit")).toBeNull();
  });

  it("marks the limit that binds first, for the eye and for screen readers", async () => {
    const { root, card } = await mount(
      { show_graph: false },
      {
        windows: [
          { ...SESSION, binding: true },
          { ...WEEKLY, binding: true },
          { ...OPUS, binding: false },
        ],
      },
    );
    const marked = () =>
      gaugeElements(root).map((gauge) => gauge.querySelector("path.binding") !== null);
    expect(marked()).toEqual([false, true, false]);
    const weekly = gaugeElements(root)[1]!;
    expect(plain(weekly.getAttribute("aria-label"))).toBe(
      "Weekly usage: 81%. Binding limit. Resets in 2 days 22 hr. Resets Dec 1, 2026, 09:00. " +
        "Ahead of pace",
    );
    expect(gauges(root)[1]!.title).toBe(
      "Resets Dec 1, 2026, 09:00 · Ahead of pace · Binding limit",
    );
    // Not a status colour: the flag is drawn in the text's colour (styles).
    weekly.dispatchEvent(new Event("touchstart"));
    await vi.advanceTimersByTimeAsync(600);
    weekly.dispatchEvent(new Event("touchend", { cancelable: true }));
    await settle(card);
    expect(gauges(root)[1]!.detail).toBe(
      "Resets Dec 1, 2026, 09:00 · Ahead of pace · Binding limit",
    );
    const unmarked = await mount({ show_graph: false });
    expect(gaugeElements(unmarked.root).some((gauge) => gauge.querySelector("path.binding"))).toBe(
      false,
    );
  });

  it("lowers the flag of a window whose reset has passed, before its new values come", async () => {
    const { root } = await mount(
      { show_graph: false },
      { windows: [{ ...SESSION, binding: true }] },
    );
    const session = () => gaugeElements(root)[0]!;
    expect(session().querySelector("path.binding")).not.toBeNull();
    // The session resets at 12:14:30; no poll comes (a rate limit, say).
    await vi.advanceTimersByTimeAsync(2.5 * 60 * 60_000);
    expect(session().querySelector("path.binding")).toBeNull();
    expect(plain(session().getAttribute("aria-label"))).not.toContain("Binding limit");
  });
});

describe("the card picker", () => {
  it("suggests the card of the account for any of the integration's entities", () => {
    const hass = makeHass({ lastReport: "2026-11-28T09:55:00+00:00" });
    const entry = window.customCards!.find((card) => card.type === "claude-usage-card")!;
    const config = { type: "custom:claude-usage-card", device_id: DEVICE_ID };
    expect(entry.getEntitySuggestion!(hass, "sensor.acme_session_usage")).toEqual({ config });
    expect(entry.getEntitySuggestion!(hass, "event.acme_claude_code")).toEqual({ config });
    expect(entry.getEntitySuggestion!(hass, "sensor.other_usage")).toBeNull();
    expect(entry.getEntitySuggestion!(hass, "light.kitchen")).toBeNull();
  });
});
