/**
 * Hand-made `hass` objects shaped like the integration's entity contract (README, "Entity
 * contract", with the additions of binding windows, credit grants, Claude Code entries and
 * their Status states): per window a usage, reset, forecast and runs-out sensor and an
 * at-limit binary sensor, registered as the integration does (all windows' usage and
 * reset sensors, then their forecasts); per account Status, Last update, extra usage, a
 * credit grant, and on entries fed by Claude Code its event entity.
 */

import { vi } from "vitest";

import type { Connection, HassEntity, HomeAssistant, UnsubscribeFunc } from "../src/types";

export const DEVICE_ID = "device-acme";
export const NOW = Date.parse("2026-11-28T10:00:00Z");

export interface WindowSpec {
  key: string;
  kind: "session" | "weekly" | "weekly_scoped" | "unknown";
  name: string;
  utilization: string;
  resetsAt: string;
  severity?: string | null;
  /** The usage sensor's `binding` attribute: claude.ai's `is_active`; null when not said. */
  binding?: boolean | null;
  /** The "runs out" sensor's state (`unknown` when the pace does not reach the limit). */
  runsOut?: string;
  objectId: string;
}

export const SESSION: WindowSpec = {
  key: "five_hour",
  kind: "session",
  name: "Session usage",
  utilization: "42.0",
  resetsAt: "2026-11-28T12:14:30+00:00",
  severity: null,
  objectId: "acme_session",
};

export const WEEKLY: WindowSpec = {
  key: "seven_day",
  kind: "weekly",
  name: "Weekly usage",
  utilization: "80.5",
  resetsAt: "2026-12-01T08:00:00+00:00",
  severity: "warning",
  objectId: "acme_weekly",
};

export const OPUS: WindowSpec = {
  key: "seven_day_opus",
  kind: "weekly_scoped",
  name: "Opus weekly usage",
  utilization: "95",
  resetsAt: "unknown",
  severity: null,
  objectId: "acme_opus_weekly",
};

export const COWORK: WindowSpec = {
  key: "seven_day_cowork",
  kind: "weekly_scoped",
  name: "Cowork weekly usage",
  utilization: "10",
  resetsAt: "2026-12-02T08:00:00+00:00",
  severity: null,
  objectId: "acme_cowork_weekly",
};

const PREFIX = { session: "session", weekly: "weekly", weekly_scoped: "scoped", unknown: "other" };

function state(entityId: string, value: string, attributes: Record<string, unknown>): HassEntity {
  return {
    entity_id: entityId,
    state: value,
    attributes,
    last_changed: "2026-11-28T09:00:00+00:00",
    last_updated: "2026-11-28T09:00:00+00:00",
  };
}

export interface Subscription {
  callback: (message: unknown) => void;
  message: Record<string, unknown>;
  unsubscribed: boolean;
}

/** Records `subscribeMessage` calls and whether each subscription was ended. */
export class FakeConnection implements Connection {
  subscriptions: Subscription[] = [];
  error: Error | undefined;

  subscribeMessage<T>(
    callback: (message: T) => void,
    message: Record<string, unknown>,
  ): Promise<UnsubscribeFunc> {
    if (this.error) {
      return Promise.reject(this.error);
    }
    const subscription: Subscription = {
      callback: callback as (message: unknown) => void,
      message,
      unsubscribed: false,
    };
    this.subscriptions.push(subscription);
    return Promise.resolve(async () => {
      subscription.unsubscribed = true;
    });
  }

  get active(): Subscription[] {
    return this.subscriptions.filter((subscription) => !subscription.unsubscribed);
  }
}

export interface HassOptions {
  windows?: WindowSpec[];
  language?: string;
  timeZone?: "local" | "server";
  serverTimeZone?: string;
  available?: boolean;
  callWS?: (message: Record<string, unknown>) => Promise<unknown>;
  connection?: FakeConnection;
  /** Extra usage sensors and another integration's sensor on the device. */
  extraEntities?: boolean;
  admin?: boolean;
  /** The Status sensor's state; null: no Status sensor. Default: "ok" unless `available` is false. */
  status?: string | null;
  /** The Status sensor's `retry_at` attribute. */
  retryAt?: string | null;
  /** When claude.ai last answered: the Status sensor's `last_update` while not ok. */
  lastUpdate?: string;
  /** Whether the Last update sensor (disabled by default) is enabled. */
  lastUpdateSensor?: boolean;
  /** A credit grant: remaining, granted and expiry states (its sensors exist only then). */
  credit?: { remaining: string; limit: string; expires: string };
  /**
   * An entry fed by Claude Code's reports: the Status sensor's `last_report` (null before
   * the first report), its event entity, and no `last_update`.
   */
  lastReport?: string | null;
  /** Home Assistant's (the server's) language, which it names entities in. */
  serverLanguage?: string;
  /** Home Assistant's `formatEntityName` (frontend 2026.4 and later). */
  formatEntityName?: HomeAssistant["formatEntityName"];
}

export const LAST_UPDATE = "2026-11-28T09:00:00+00:00";

/** A few of Home Assistant's own English translations. */
const HA_TRANSLATIONS: Record<string, string> = {
  "ui.panel.lovelace.editor.card.generic.interactions": "Interactions",
  "ui.panel.lovelace.editor.card.generic.tap_action": "Tap behavior",
  "ui.panel.lovelace.editor.card.generic.hold_action": "Hold behavior",
  "ui.panel.lovelace.editor.card.generic.double_tap_action": "Double tap behavior",
};

/** The Status sensor's states (the integration's `enum` options). */
export const STATUS_OPTIONS = [
  "ok",
  "rate_limited",
  "cloudflare_blocked",
  "access_denied",
  "reauth_required",
  "server_error",
  "unreachable",
  "waiting_for_report",
];

/** A hass object with one Claude Usage device ("Acme") holding the given windows. */
export function makeHass(
  options: HassOptions = {},
): HomeAssistant & { connection: FakeConnection } {
  const windows = options.windows ?? [SESSION, WEEKLY, OPUS];
  const status =
    options.status === undefined ? (options.available === false ? null : "ok") : options.status;
  // While the status is not ok, the window, extra usage and credit sensors are unavailable.
  const available = (options.available ?? true) && (status === null || status === "ok");
  const states: HomeAssistant["states"] = {};
  const entities: HomeAssistant["entities"] = {};
  const add = (
    entityId: string,
    translationKey: string,
    value: string,
    attributes: Record<string, unknown>,
    extra: Partial<NonNullable<HomeAssistant["entities"][string]>> = {},
  ) => {
    states[entityId] = state(entityId, value, attributes);
    entities[entityId] = {
      entity_id: entityId,
      platform: "claude_usage",
      device_id: DEVICE_ID,
      translation_key: translationKey,
      ...extra,
    };
  };
  const value = (live: string) => (available ? live : "unavailable");
  // The integration registers every window's usage and reset sensors, then their forecasts.
  for (const spec of windows) {
    const identity = available ? { window_key: spec.key, window_kind: spec.kind } : {};
    add(
      `sensor.${spec.objectId}_usage`,
      `${PREFIX[spec.kind]}_usage`,
      value(spec.utilization),
      {
        ...identity,
        ...(available ? { severity: spec.severity ?? null, binding: spec.binding ?? null } : {}),
        unit_of_measurement: "%",
        state_class: "measurement",
        friendly_name: `Acme ${spec.name}`,
      },
      { name: spec.name },
    );
    const reset = spec.name.replace("usage", "reset");
    add(
      `sensor.${spec.objectId}_reset`,
      `${PREFIX[spec.kind]}_reset`,
      value(spec.resetsAt),
      { ...identity, device_class: "timestamp", friendly_name: `Acme ${reset}` },
      { name: reset },
    );
  }
  for (const spec of windows) {
    const forecast = spec.name.replace("usage", "forecast");
    add(
      `sensor.${spec.objectId}_forecast`,
      `${PREFIX[spec.kind]}_projected`,
      value("90"),
      { unit_of_measurement: "%", friendly_name: `Acme ${forecast}` },
      { name: forecast },
    );
    const runsOut = spec.name.replace("usage", "runs out");
    add(
      `sensor.${spec.objectId}_runs_out`,
      `${PREFIX[spec.kind]}_limit_reached_at`,
      value(spec.runsOut ?? "unknown"),
      { device_class: "timestamp", friendly_name: `Acme ${runsOut}` },
      { name: runsOut },
    );
  }
  for (const spec of windows) {
    const atLimit = spec.name.replace("usage", "at limit");
    add(
      `binary_sensor.${spec.objectId}_at_limit`,
      `${PREFIX[spec.kind]}_limit_reached`,
      value(Number(spec.utilization) >= 100 ? "on" : "off"),
      { friendly_name: `Acme ${atLimit}` },
      { name: atLimit },
    );
  }
  const claudeCode = options.lastReport !== undefined;
  if (status !== null) {
    add(
      "sensor.acme_status",
      "status",
      status,
      {
        device_class: "enum",
        options: STATUS_OPTIONS,
        retry_at: options.retryAt ?? null,
        last_update: status === "ok" || claudeCode ? null : (options.lastUpdate ?? LAST_UPDATE),
        ...(claudeCode ? { last_report: options.lastReport } : {}),
        friendly_name: "Acme Status",
      },
      { entity_category: "diagnostic" },
    );
    if (options.lastUpdateSensor) {
      add(
        "sensor.acme_last_update",
        "last_update",
        options.lastUpdate ?? LAST_UPDATE,
        { device_class: "timestamp", friendly_name: "Acme Last update" },
        { entity_category: "diagnostic" },
      );
    }
  }
  const money = { device_class: "monetary", unit_of_measurement: "USD" };
  if (options.extraEntities ?? true) {
    add("sensor.acme_extra_usage_spent", "extra_usage_used", value("12.34"), {
      ...money,
      friendly_name: "Acme Extra usage spent",
    });
    add("sensor.acme_extra_usage_limit", "extra_usage_limit", value("50.0"), {
      ...money,
      friendly_name: "Acme Extra usage limit",
    });
    add("sensor.acme_extra_usage_utilization", "extra_usage_utilization", value("24.68"), {
      unit_of_measurement: "%",
      friendly_name: "Acme Extra usage utilization",
    });
    states["sensor.other_usage"] = state("sensor.other_usage", "5", { window_key: "five_hour" });
    entities["sensor.other_usage"] = {
      entity_id: "sensor.other_usage",
      platform: "other_integration",
      device_id: DEVICE_ID,
      translation_key: "session_usage",
    };
  }
  if (options.credit) {
    add("sensor.acme_credit_remaining", "credit_remaining", value(options.credit.remaining), {
      ...money,
      friendly_name: "Acme Credit remaining",
    });
    add("sensor.acme_credit_granted", "credit_limit", value(options.credit.limit), {
      ...money,
      friendly_name: "Acme Credit granted",
    });
    add("sensor.acme_credit_expires", "credit_expires", value(options.credit.expires), {
      device_class: "timestamp",
      friendly_name: "Acme Credit expires",
    });
  }
  if (claudeCode) {
    add("event.acme_claude_code", "claude_code", "unknown", {
      event_types: ["finished", "needs_input"],
      event_type: null,
      friendly_name: "Acme Claude Code",
    });
  }
  return {
    states,
    entities,
    devices: {
      [DEVICE_ID]: { id: DEVICE_ID, name: "Acme", name_by_user: null, model: "max" },
      "device-other": { id: "device-other", name: "Kitchen", name_by_user: null },
    },
    locale: {
      language: options.language ?? "en",
      number_format: "language",
      time_format: "24",
      time_zone: options.timeZone ?? "server",
    },
    config: {
      time_zone: options.serverTimeZone ?? "Europe/Berlin",
      language: options.serverLanguage ?? "en",
    },
    user: { is_admin: options.admin ?? true },
    connection: options.connection ?? new FakeConnection(),
    callWS: vi.fn(options.callWS ?? (async () => ({}))) as HomeAssistant["callWS"],
    localize: (key: string) => HA_TRANSLATIONS[key] ?? "",
    ...(options.formatEntityName ? { formatEntityName: options.formatEntityName } : {}),
  };
}

/**
 * The recorder's answer to `history/history_during_period` for the sensors of an account
 * that had `before`'s states until it stopped answering at 09:05: each sensor's state with
 * its attributes, then "unavailable".
 */
export function recordedBefore(before: HomeAssistant, entityIds: string[]) {
  const answer: Record<string, { s: string; a: Record<string, unknown>; lu: number }[]> = {};
  for (const entityId of entityIds) {
    const state = before.states[entityId];
    if (state) {
      answer[entityId] = [
        { s: state.state, a: state.attributes, lu: Date.parse(LAST_UPDATE) / 1000 },
        { s: "unavailable", a: {}, lu: Date.parse("2026-11-28T09:05:00Z") / 1000 },
      ];
    }
  }
  return answer;
}
