/** Locale-aware formatting of percentages, durations and times (Intl only). */

import type { HomeAssistant } from "./types";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A constructor of Intl formatters that keeps one formatter per locale and options: building
 * one is far slower than formatting with it, and every render formats many values.
 */
function cachedFormatter<Options extends object, Formatter>(
  create: (locale: string | undefined, options: Options) => Formatter,
): (locale: string | undefined, options: Options) => Formatter {
  const cache = new Map<string, Formatter>();
  return (locale, options) => {
    const key = `${locale ?? ""}|${JSON.stringify(options)}`;
    let formatter = cache.get(key);
    if (formatter === undefined) {
      formatter = create(locale, options);
      cache.set(key, formatter);
    }
    return formatter;
  };
}

const numberFormat = cachedFormatter(
  (locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);
const dateTimeFormat = cachedFormatter(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);
const listFormat = cachedFormatter(
  (locale, options: Intl.ListFormatOptions) => new Intl.ListFormat(locale, options),
);

/** The time zone to display times in: the server's when the user chose so, else the browser's. */
export function displayTimeZone(
  hass: Pick<HomeAssistant, "locale" | "config">,
): string | undefined {
  return hass.locale.time_zone === "server" ? hass.config.time_zone : undefined;
}

/**
 * Whether the browser's own locale shows a 12-hour clock, tested the way Home Assistant's
 * frontend does (`useAmPm`): 22:00 reads "10" there.
 */
function browserUsesAmPm(): boolean {
  return dateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" })
    .format(new Date(2023, 0, 1, 22))
    .includes("10");
}

/**
 * The clock of the user's profile: 12 or 24 hours, the browser's ("system"), or the
 * language's own (undefined lets Intl pick it). An hour cycle rather than `hour12`, as Home
 * Assistant's frontend does: with `hour12: true` Intl picks h11 for languages such as German
 * and shows noon as "0:14 PM", and with `hour12: false` English shows midnight as "24:14".
 */
function hourCycle(hass: Pick<HomeAssistant, "locale">): "h12" | "h23" | undefined {
  switch (hass.locale.time_format) {
    case "12":
      return "h12";
    case "24":
      return "h23";
    case "system":
      return browserUsesAmPm() ? "h12" : "h23";
    default:
      return undefined;
  }
}

export function formatPercent(value: number, language: string): string {
  return numberFormat(language, {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(value / 100);
}

type DurationUnit = "day" | "hour" | "minute" | "second";

/** A no-break space: a line may break between quantities, never inside one ("1 hr"). */
const NO_BREAK_SPACE = "\u00a0";

/**
 * A countdown duration in the two largest units, rounded down: "2 hr 14 min",
 * "3 days 4 hr", "14 min", "45 sec", each quantity's number and unit held together by a
 * no-break space. Non-positive durations give "".
 */
export function formatDuration(ms: number, language: string): string {
  if (!(ms > 0)) {
    return "";
  }
  const total = Math.floor(ms / SECOND);
  let parts: [number, DurationUnit][];
  if (ms < MINUTE) {
    parts = [[total, "second"]];
  } else if (ms < HOUR) {
    parts = [[Math.floor(ms / MINUTE), "minute"]];
  } else if (ms < DAY) {
    parts = [
      [Math.floor(ms / HOUR), "hour"],
      [Math.floor((ms % HOUR) / MINUTE), "minute"],
    ];
  } else {
    parts = [
      [Math.floor(ms / DAY), "day"],
      [Math.floor((ms % DAY) / HOUR), "hour"],
    ];
  }
  const words = parts
    .filter(([value], index) => index === 0 || value > 0)
    .map(([value, unit]) =>
      numberFormat(language, { style: "unit", unit, unitDisplay: "short" })
        .format(value)
        .replaceAll(" ", NO_BREAK_SPACE),
    );
  return listFormat(language, { type: "unit", style: "narrow" }).format(words);
}

/**
 * Milliseconds until a countdown of `remaining` ms shows a different text (it rounds
 * down): just past the next whole second below one minute, else the next whole minute.
 */
export function msUntilNextChange(remaining: number): number {
  if (remaining <= 0) {
    return Number.POSITIVE_INFINITY;
  }
  const step = remaining < MINUTE ? SECOND : MINUTE;
  return (remaining % step) + 1;
}

/** Date and time for tooltips, e.g. "Nov 28, 2026, 2:14 PM", in the display time zone. */
export function formatDateTime(date: Date, hass: Pick<HomeAssistant, "locale" | "config">): string {
  return dateTimeFormat(hass.locale.language, {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: hourCycle(hass),
    timeZone: displayTimeZone(hass),
  }).format(date);
}

/** A day, e.g. "Dec 31, 2026", in the display time zone. */
export function formatDay(date: Date, hass: Pick<HomeAssistant, "locale" | "config">): string {
  return dateTimeFormat(hass.locale.language, {
    dateStyle: "medium",
    timeZone: displayTimeZone(hass),
  }).format(date);
}

/**
 * A moment near now, short: the time alone when it is today, else with the day ("Nov 27,
 * 14:02"), in the display time zone.
 */
export function formatMoment(
  date: Date,
  hass: Pick<HomeAssistant, "locale" | "config">,
  now: number,
): string {
  const timeZone = displayTimeZone(hass);
  const day = dateTimeFormat(hass.locale.language, { dateStyle: "short", timeZone });
  const sameDay = day.format(date) === day.format(now);
  return dateTimeFormat(hass.locale.language, {
    month: sameDay ? undefined : "short",
    day: sameDay ? undefined : "numeric",
    hour: "numeric",
    minute: "2-digit",
    hourCycle: hourCycle(hass),
    timeZone,
  }).format(date);
}

/** An axis label: the time of day, e.g. "6:00 PM", "18:00", in the display time zone. */
export function formatAxisTime(date: Date, hass: Pick<HomeAssistant, "locale" | "config">): string {
  return dateTimeFormat(hass.locale.language, {
    hour: "numeric",
    minute: "2-digit",
    hourCycle: hourCycle(hass),
    timeZone: displayTimeZone(hass),
  }).format(date);
}

/** An axis label at midnight: the day, e.g. "Nov 28", "28. Nov.", in the display time zone. */
export function formatAxisDay(date: Date, hass: Pick<HomeAssistant, "locale" | "config">): string {
  return dateTimeFormat(hass.locale.language, {
    month: "short",
    day: "numeric",
    timeZone: displayTimeZone(hass),
  }).format(date);
}

/**
 * How far the display time zone's clock is ahead of UTC at `t` (ms): its wall-clock time
 * is `t` plus this.
 */
export function timeZoneOffset(t: number, hass: Pick<HomeAssistant, "locale" | "config">): number {
  const parts = dateTimeFormat("en-US", {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
    timeZone: displayTimeZone(hass),
  }).formatToParts(t);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((item) => item.type === type)!.value);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - (t - (((t % SECOND) + SECOND) % SECOND));
}

/** "3h", "7d" style labels for the range switch; "3 hours", "7 days" with `unitDisplay` long. */
export function formatRangeLabel(
  hours: number,
  language: string,
  unitDisplay: "narrow" | "long" = "narrow",
): string {
  const [value, unit] = hours % 24 === 0 && hours > 24 ? [hours / 24, "day"] : [hours, "hour"];
  return numberFormat(language, { style: "unit", unit, unitDisplay }).format(value);
}

/**
 * An amount of money: in the currency's own way when `unit` is an ISO 4217 code ("$12.34",
 * "12,34 $US"), else with two decimals and the unit, if any.
 */
export function formatMoney(value: number, unit: string | undefined, language: string): string {
  if (unit !== undefined && /^[A-Z]{3}$/.test(unit)) {
    return numberFormat(language, { style: "currency", currency: unit }).format(value);
  }
  const amount = numberFormat(language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
  return unit ? `${amount} ${unit}` : amount;
}

/** "a, b, c" in the language's way of listing values. */
export function formatList(items: string[], language: string): string {
  return listFormat(language, { type: "unit", style: "short" }).format(items);
}
