import { afterEach, describe, expect, it, vi } from "vitest";

import {
  displayTimeZone,
  formatAxisDay,
  formatAxisTime,
  formatDateTime,
  formatDuration,
  formatList,
  formatMoney,
  formatPercent,
  formatRangeLabel,
  msUntilNextChange,
  timeZoneOffset,
} from "../src/format";
import { localize } from "../src/i18n";

/** ICU puts (narrow) no-break spaces between numbers and units; compare with plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function locale(
  language: string,
  timeZone: "local" | "server",
  serverZone: string,
  timeFormat = "language",
) {
  return {
    locale: { language, time_zone: timeZone, time_format: timeFormat },
    config: { time_zone: serverZone },
  };
}

describe("formatDuration", () => {
  it.each([
    ["en", 2 * HOUR + 14 * MINUTE + 59_000, "2 hr 14 min"],
    ["de", 2 * HOUR + 14 * MINUTE, "2 Std., 14 Min."],
    ["fr", 2 * HOUR + 14 * MINUTE, "2 h 14 min"],
    ["en", 3 * DAY + 4 * HOUR + 30 * MINUTE, "3 days 4 hr"],
    ["de", 3 * DAY + 4 * HOUR, "3 Tg., 4 Std."],
    ["fr", 3 * DAY + 4 * HOUR, "3 j 4 h"],
    ["en", 14 * MINUTE + 59_000, "14 min"],
    ["en", 45_400, "45 sec"],
    ["de", 45_000, "45 Sek."],
    ["fr", 45_000, "45 s"],
  ])("%s %d ms -> %s", (language, ms, expected) => {
    expect(plain(formatDuration(ms, language))).toBe(expected);
  });

  it("drops a zero second unit", () => {
    expect(plain(formatDuration(5 * HOUR, "en"))).toBe("5 hr");
    expect(plain(formatDuration(2 * DAY + 20 * MINUTE, "en"))).toBe("2 days");
  });

  it.each(["en", "de", "fr"])(
    "holds each quantity together: a line breaks only between them (%s)",
    (language) => {
      const text = formatDuration(DAY + 13 * HOUR, language);
      // A plain space only ever comes before the next quantity's number.
      expect(plain(text)).toMatch(/^1 \D+ 13 \D+$/);
      expect(text).not.toMatch(/ \D|\d /);
    },
  );

  it("is empty once the time has come", () => {
    expect(formatDuration(0, "en")).toBe("");
    expect(formatDuration(-5000, "en")).toBe("");
    expect(formatDuration(Number.NaN, "en")).toBe("");
  });

  it("reads as a sentence in every language", () => {
    expect(
      plain(
        localize("en", "resets_in", { duration: formatDuration(2 * HOUR + 14 * MINUTE, "en") }),
      ),
    ).toBe("Resets in 2 hr 14 min");
    expect(localize("de-AT", "resets_in", { duration: "2 Std." })).toBe(
      "Wird in 2 Std. zurückgesetzt",
    );
    expect(localize("fr", "resets_in", { duration: "2 h" })).toBe("Réinitialisation dans 2 h");
    expect(localize("xx", "no_reset")).toBe("No reset scheduled");
  });
});

describe("msUntilNextChange", () => {
  it("ticks on the minute while at least a minute remains", () => {
    expect(msUntilNextChange(2 * HOUR + 14 * MINUTE + 12_345)).toBe(12_346);
    expect(msUntilNextChange(5 * MINUTE)).toBe(1);
    expect(msUntilNextChange(5 * MINUTE - 1)).toBe(MINUTE);
  });

  it("ticks every second in the last minute", () => {
    expect(msUntilNextChange(45_250)).toBe(251);
    expect(msUntilNextChange(2999)).toBe(1000);
  });

  it("stops after the reset", () => {
    expect(msUntilNextChange(0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("dates and times", () => {
  const instant = new Date("2026-11-28T12:14:30Z");

  it("uses the server's time zone when the user chose it", () => {
    expect(displayTimeZone(locale("en", "server", "America/New_York"))).toBe("America/New_York");
    expect(plain(formatDateTime(instant, locale("en", "server", "America/New_York", "12")))).toBe(
      "Nov 28, 2026, 7:14 AM",
    );
    expect(formatDateTime(instant, locale("de", "server", "Europe/Berlin"))).toBe(
      "28.11.2026, 13:14",
    );
    expect(plain(formatDateTime(instant, locale("fr", "server", "Asia/Tokyo")))).toBe(
      "28 nov. 2026, 21:14",
    );
  });

  it("uses the browser's time zone otherwise", () => {
    expect(displayTimeZone(locale("en", "local", "Asia/Tokyo"))).toBeUndefined();
    const expected = new Intl.DateTimeFormat("de", {
      dateStyle: "medium",
      timeStyle: "short",
    }).format(instant);
    expect(formatDateTime(instant, locale("de", "local", "Asia/Tokyo"))).toBe(expected);
  });

  it("labels axis ticks with the time, or the day at midnight, in the display time zone", () => {
    expect(formatAxisTime(instant, locale("en", "server", "UTC", "24"))).toBe("12:14");
    expect(plain(formatAxisTime(instant, locale("en", "server", "UTC", "12")))).toBe("12:14 PM");
    expect(formatAxisTime(instant, locale("de", "server", "Europe/Berlin"))).toBe("13:14");
    const midnight = new Date("2026-11-28T23:00:00Z");
    expect(formatAxisDay(midnight, locale("en", "server", "UTC"))).toBe("Nov 28");
    expect(formatAxisDay(midnight, locale("de", "server", "Europe/Berlin"))).toBe("29. Nov.");
    expect(formatAxisDay(midnight, locale("fr", "server", "Europe/Paris"))).toBe("29 nov.");
  });

  it("tells how far the display time zone's clock is ahead of UTC", () => {
    const winter = Date.parse("2026-01-15T12:00:00.250Z");
    const summer = Date.parse("2026-07-15T12:00:00Z");
    expect(timeZoneOffset(winter, locale("en", "server", "UTC"))).toBe(0);
    expect(timeZoneOffset(winter, locale("en", "server", "Europe/Berlin"))).toBe(HOUR);
    expect(timeZoneOffset(summer, locale("en", "server", "Europe/Berlin"))).toBe(2 * HOUR);
    expect(timeZoneOffset(summer, locale("en", "server", "America/New_York"))).toBe(-4 * HOUR);
    expect(timeZoneOffset(winter, locale("en", "server", "Asia/Kathmandu"))).toBe(
      5 * HOUR + 45 * MINUTE,
    );
    expect(timeZoneOffset(winter, locale("en", "local", "Asia/Kathmandu"))).toBe(
      0 - new Date(winter).getTimezoneOffset() * MINUTE,
    );
  });

  it("shows noon as 12 and midnight as 0 whatever clock the language has", () => {
    const noon = new Date("2026-11-28T12:14:30Z");
    const midnight = new Date("2026-11-28T00:14:30Z");
    expect(plain(formatAxisTime(noon, locale("de", "server", "UTC", "12")))).toBe("12:14 PM");
    expect(plain(formatDateTime(noon, locale("fr", "server", "UTC", "12")))).toBe(
      "28 nov. 2026, 12:14 PM",
    );
    expect(plain(formatAxisTime(noon, locale("nl", "server", "UTC", "12")))).toBe("12:14 p.m.");
    expect(formatAxisTime(midnight, locale("en", "server", "UTC", "24"))).toBe("00:14");
  });

  it("formats percentages and range labels per language", () => {
    expect(formatPercent(42.4, "en")).toBe("42%");
    expect(plain(formatPercent(80.5, "de"))).toBe("81 %");
    expect(plain(formatPercent(7, "fr"))).toBe("7 %");
    expect(formatRangeLabel(3, "en")).toBe("3h");
    expect(formatRangeLabel(168, "en")).toBe("7d");
    expect(formatRangeLabel(24, "fr")).toBe("24h");
    expect(formatRangeLabel(168, "en", "long")).toBe("7 days");
    expect(formatRangeLabel(3, "de", "long")).toBe("3 Stunden");
    expect(formatList(["a 1%", "b 2%", "c 3%"], "en")).toBe("a 1%, b 2%, c 3%");
    expect(formatList(["a", "b"], "fr")).toBe("a et b");
  });
});

const originalIntl = { NumberFormat: Intl.NumberFormat, DateTimeFormat: Intl.DateTimeFormat };

describe("formatter cache", () => {
  const built: string[] = [];

  afterEach(() => {
    Object.assign(Intl, originalIntl);
    built.length = 0;
  });

  /** Count the Intl formatters built from now on. */
  function countConstructions() {
    Object.assign(Intl, {
      NumberFormat: class extends originalIntl.NumberFormat {
        constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
          super(...args);
          built.push("number");
        }
      },
      DateTimeFormat: class extends originalIntl.DateTimeFormat {
        constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
          super(...args);
          built.push("date");
        }
      },
    });
  }
  it("builds one formatter per locale and options", () => {
    countConstructions();
    const instant = new Date("2026-11-28T12:14:30Z");
    const hass = locale("nl", "server", "Europe/Amsterdam");
    expect(formatPercent(10, "nl")).toBe(formatPercent(10, "nl"));
    expect(formatPercent(20, "nl")).not.toBe(formatPercent(30, "nl"));
    expect(formatDateTime(instant, hass)).toBe(formatDateTime(instant, hass));
    formatAxisTime(instant, hass);
    formatAxisTime(new Date(instant.getTime() + HOUR), hass);
    expect(built).toEqual(["number", "date", "date"]);
    formatPercent(10, "sv");
    formatDateTime(instant, locale("nl", "server", "Asia/Tokyo"));
    expect(built).toEqual(["number", "date", "date", "number", "date"]);
  });
});

describe("the system time format", () => {
  const instant = new Date("2026-11-28T15:14:30Z");

  afterEach(() => {
    Object.assign(Intl, originalIntl);
  });

  /** An axis label of a fresh format module in a browser whose own locale is `browser`. */
  async function axisLabel(language: string, browser: string, at = instant): Promise<string> {
    Object.assign(Intl, {
      DateTimeFormat: class extends originalIntl.DateTimeFormat {
        constructor(locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) {
          super(locales ?? browser, options);
        }
      },
    });
    vi.resetModules();
    const format = await import("../src/format");
    return plain(format.formatAxisTime(at, locale(language, "server", "UTC", "system")));
  }

  it("follows the browser's clock, not the language's", async () => {
    expect(await axisLabel("de", "en-US")).toBe("3:14 PM");
    expect(await axisLabel("en", "de-DE")).toBe("15:14");
  });

  it("shows noon as 12 in a language whose own 12-hour clock counts from 0", async () => {
    expect(await axisLabel("de", "en-US", new Date("2026-11-28T12:14:30Z"))).toBe("12:14 PM");
  });
});

describe("formatMoney", () => {
  it.each([
    [12.34, "USD", "en", "$12.34"],
    [12.34, "USD", "de", "12,34 $"],
    [12.34, "EUR", "fr", "12,34 €"],
    [50, "EUR", "en", "€50.00"],
    [7.5, "credits", "en", "7.50 credits"],
    [7.5, undefined, "de", "7,50"],
    [7.5, "XYZ", "en", "XYZ 7.50"],
  ])("%f %s in %s is %s", (value, unit, language, expected) => {
    expect(plain(formatMoney(value, unit, language))).toBe(expected);
  });
});
