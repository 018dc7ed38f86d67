import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import {
  forgetTranslations,
  localName,
  matchTemplate,
  nameTranslations,
  type NameTranslations,
} from "../src/names";
import { makeHass, OPUS, SESSION, WEEKLY, type WindowSpec } from "./fixtures";
import { fakeTime, gauges, history, mount, plain, unmountAll } from "./helpers";

const KEY = "component.claude_usage.entity.sensor";

/** The integration's entity names (translations/*.json), as `frontend/get_translations` gives them. */
const RESOURCES: Record<string, Record<string, string>> = {
  en: {
    [`${KEY}.session_usage.name`]: "Session usage",
    [`${KEY}.weekly_usage.name`]: "Weekly usage",
    [`${KEY}.scoped_usage.name`]: "Weekly {model} usage",
  },
  de: {
    [`${KEY}.session_usage.name`]: "Sitzungsnutzung",
    [`${KEY}.weekly_usage.name`]: "Wochennutzung",
    [`${KEY}.scoped_usage.name`]: "Wochennutzung {model}",
  },
  fr: {
    [`${KEY}.session_usage.name`]: "Utilisation session",
    [`${KEY}.weekly_usage.name`]: "Utilisation semaine",
    [`${KEY}.scoped_usage.name`]: "Utilisation semaine {model}",
  },
};

/** Home Assistant's answer to `frontend/get_translations` (entity names only). */
const getTranslations = vi.fn(async (message: Record<string, unknown>) =>
  message.type === "frontend/get_translations"
    ? { resources: RESOURCES[message.language as string] ?? {} }
    : {},
);

/** The windows as an English Home Assistant names them. */
const ENGLISH: WindowSpec[] = [SESSION, WEEKLY, { ...OPUS, name: "Weekly Opus usage" }];

beforeEach(() => {
  getTranslations.mockClear();
  forgetTranslations();
});

afterEach(() => {
  unmountAll();
  vi.useRealTimers();
});

describe("matchTemplate", () => {
  it("reads the placeholders of a filled-in template", () => {
    expect(matchTemplate("Weekly {model} usage", "Weekly Opus usage")).toEqual({ model: "Opus" });
    expect(matchTemplate("Weekly {model} usage", "Weekly Claude Design usage")).toEqual({
      model: "Claude Design",
    });
    expect(matchTemplate("Session usage", "Session usage")).toEqual({});
    expect(matchTemplate("{a} and {a}", "x and x")).toEqual({ a: "x" });
  });

  it("does not match what the user named otherwise", () => {
    expect(matchTemplate("Weekly {model} usage", "My Opus gauge")).toBeUndefined();
    expect(matchTemplate("Session usage", "Session usage (work)")).toBeUndefined();
    expect(matchTemplate("{a} and {a}", "x and y")).toBeUndefined();
    // Characters special in patterns are text in a template.
    expect(matchTemplate("Usage (5 h) {x}", "Usage (5 h) now")).toEqual({ x: "now" });
    expect(matchTemplate("Usage (5 h)", "Usage 5 h")).toBeUndefined();
  });
});

describe("localName", () => {
  const translations: NameTranslations = { server: RESOURCES.en!, user: RESOURCES.de! };

  it("gives the integration's names in the user's language, placeholders kept", () => {
    const hass = makeHass({ windows: ENGLISH });
    const name = (entityId: string, shown: string) =>
      localName(hass, entityId, shown, translations);
    expect(name("sensor.acme_session_usage", "Session usage")).toBe("Sitzungsnutzung");
    expect(name("sensor.acme_opus_weekly_usage", "Weekly Opus usage")).toBe("Wochennutzung Opus");
  });

  it("keeps a name the user chose, and any name without a translation", () => {
    const hass = makeHass({ windows: ENGLISH });
    expect(localName(hass, "sensor.acme_session_usage", "Work session", translations)).toBe(
      "Work session",
    );
    expect(localName(hass, "sensor.acme_session_usage", "Session usage", undefined)).toBe(
      "Session usage",
    );
    // A window kind this card's translations do not have yet.
    expect(localName(hass, "sensor.acme_session_reset", "Session reset", translations)).toBe(
      "Session reset",
    );
    delete hass.entities["sensor.acme_session_usage"]!.translation_key;
    expect(localName(hass, "sensor.acme_session_usage", "Session usage", translations)).toBe(
      "Session usage",
    );
  });
});

describe("nameTranslations", () => {
  it("asks for the integration's names in both languages once, only when they differ", async () => {
    const hass = makeHass({ callWS: getTranslations });
    expect(await nameTranslations(hass, "en")).toBeUndefined();
    expect(hass.callWS).not.toHaveBeenCalled();
    expect(await nameTranslations(hass, "de")).toEqual({
      server: RESOURCES.en,
      user: RESOURCES.de,
    });
    expect(hass.callWS).toHaveBeenCalledWith({
      type: "frontend/get_translations",
      language: "de",
      category: "entity",
      integration: ["claude_usage"],
    });
    await nameTranslations(hass, "de");
    expect(hass.callWS).toHaveBeenCalledTimes(2);
  });

  it("names nothing anew when Home Assistant cannot say", async () => {
    const hass = makeHass({
      callWS: async () => {
        throw new Error("Unknown command.");
      },
    });
    expect(await nameTranslations(hass, "fr")).toEqual({ server: {}, user: {} });
    expect(await nameTranslations({ ...hass, config: { time_zone: "UTC" } }, "fr")).toBeUndefined();
  });

  it("asks again after a failure, which it does not keep", async () => {
    const flaky = vi.fn(async (message: Record<string, unknown>) => {
      if (flaky.mock.calls.length === 1) {
        throw new Error("Connection lost");
      }
      return getTranslations(message);
    });
    const hass = makeHass({ callWS: flaky });
    expect(await nameTranslations(hass, "de")).toEqual({ server: {}, user: RESOURCES.de });
    expect(await nameTranslations(hass, "de")).toEqual({
      server: RESOURCES.en,
      user: RESOURCES.de,
    });
    expect(flaky).toHaveBeenCalledTimes(3);
  });
});

describe("the card in the user's language", () => {
  beforeEach(fakeTime);

  it("names the windows in German on an English Home Assistant, the graph's legend too", async () => {
    const { root } = await mount({}, { windows: ENGLISH, language: "de", callWS: getTranslations });
    expect(gauges(root).map((gauge) => gauge.name)).toEqual([
      "Sitzungsnutzung",
      "Wochennutzung",
      "Wochennutzung Opus",
    ]);
    expect(
      [...history(root).querySelectorAll(".legend-item")].map((item) => plain(item.textContent)),
    ).toEqual(["Sitzungsnutzung", "Wochennutzung", "Wochennutzung Opus"]);
  });

  it("keeps the names the user gave, and speaks French too", async () => {
    const renamed = ENGLISH.map((spec) =>
      spec.key === "seven_day" ? { ...spec, name: "All models" } : spec,
    );
    const { root } = await mount(
      { show_graph: false },
      { windows: renamed, language: "fr", callWS: getTranslations },
    );
    expect(gauges(root).map((gauge) => gauge.name)).toEqual([
      "Utilisation session",
      "All models",
      "Utilisation semaine Opus",
    ]);
  });

  it("names the windows the server's way on a Home Assistant in the user's language", async () => {
    const { root } = await mount(
      { show_graph: false },
      { windows: ENGLISH, language: "en-GB", callWS: getTranslations },
    );
    expect(gauges(root).map((gauge) => gauge.name)).toEqual([
      "Session usage",
      "Weekly usage",
      "Weekly Opus usage",
    ]);
    expect(getTranslations).not.toHaveBeenCalled();
  });
});
