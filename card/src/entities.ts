/**
 * An account's entities in `hass` (the integration's entity contract) and their current
 * state. A window's sensors are known by their `window_key` and `window_kind` attributes;
 * the account's other sensors by their translation key.
 */

import { localName, type NameTranslations } from "./names";
import type { Recorded } from "./recorded";
import { DOMAIN, type HassEntity, type HomeAssistant } from "./types";

export type WindowKind = "session" | "weekly" | "weekly_scoped" | "unknown";

/**
 * One usage limit window of an account: its usage sensor and, when present, its reset and
 * "runs out" sensors.
 */
export interface UsageWindow {
  key: string;
  kind: WindowKind;
  /** The usage sensor's name, in the user's language unless the user renamed it. */
  name: string;
  usageEntityId: string;
  resetEntityId: string | undefined;
  /** When the window's pace reaches its limit (the integration's forecast). */
  runsOutEntityId: string | undefined;
}

const KIND_ORDER: Record<WindowKind, number> = {
  session: 0,
  weekly: 1,
  weekly_scoped: 2,
  unknown: 3,
};

const KNOWN_KINDS = new Set<string>(Object.keys(KIND_ORDER));

/** Which window a sensor belongs to: its `window_key` and `window_kind` attributes. */
export interface WindowIdentity {
  key: string;
  kind: WindowKind;
}

/**
 * The identities seen, by entity id. Home Assistant drops a sensor's attributes while it is
 * unavailable; the card still knows its window from what it saw before, or from the
 * recorder (`rememberIdentity` with a recorded state's attributes).
 */
const identities = new Map<string, WindowIdentity>();
/** Changes whenever an identity is learned, so cached discoveries run again. */
let identitiesLearned = 0;

/** The window of a sensor from its attributes (recorded or current), remembered for later. */
export function rememberIdentity(
  entityId: string,
  attributes: Record<string, unknown> | undefined,
): WindowIdentity | undefined {
  const key = attributes?.window_key;
  const kind = attributes?.window_kind;
  if (typeof key !== "string" || key === "") {
    return identities.get(entityId);
  }
  const known = identities.get(entityId);
  if (known?.key === key && known.kind === kind) {
    return known;
  }
  const identity: WindowIdentity = {
    key,
    kind: typeof kind === "string" && KNOWN_KINDS.has(kind) ? (kind as WindowKind) : "unknown",
  };
  identities.set(entityId, identity);
  identitiesLearned += 1;
  return identity;
}

/** Forget every identity seen (a fresh page, for tests). */
export function forgetIdentities(): void {
  identities.clear();
  identitiesLearned += 1;
}

type Metric = "usage" | "reset";

/** The translation keys' suffixes of a window's sensors, e.g. `scoped_usage`. */
const USAGE_SUFFIX = "_usage";
const RESET_SUFFIX = "_reset";
const RUNS_OUT_SUFFIX = "_limit_reached_at";

function metricOf(translationKey: string | undefined, state: HassEntity): Metric | undefined {
  if (translationKey?.endsWith(USAGE_SUFFIX)) {
    return "usage";
  }
  if (translationKey?.endsWith(RESET_SUFFIX)) {
    return "reset";
  }
  if (translationKey === undefined && typeof state.attributes.window_key === "string") {
    return state.attributes.device_class === "timestamp" ? "reset" : "usage";
  }
  return undefined;
}

/**
 * The entity's own name, without the device's: Home Assistant's `formatEntityName` where
 * the frontend has it (2026.4 and later), else the registry's name or the friendly name.
 */
export function entityName(hass: HomeAssistant, entityId: string): string {
  const state = hass.states[entityId];
  if (hass.formatEntityName && state) {
    const name = hass.formatEntityName(state, { type: "entity" });
    if (name) {
      return name;
    }
  }
  const entry = hass.entities[entityId];
  if (entry?.name) {
    return entry.name;
  }
  const friendly = hass.states[entityId]?.attributes.friendly_name;
  if (typeof friendly !== "string" || friendly === "") {
    return entityId;
  }
  const device = entry?.device_id ? hass.devices[entry.device_id] : undefined;
  const deviceName = device?.name_by_user ?? device?.name;
  if (deviceName && friendly.startsWith(`${deviceName} `)) {
    return friendly.slice(deviceName.length + 1);
  }
  return friendly;
}

/** The account's sensors besides the windows', by translation key. */
export const ACCOUNT_SENSORS = [
  "status",
  "last_update",
  "extra_usage_used",
  "extra_usage_limit",
  "extra_usage_utilization",
  "credit_remaining",
  "credit_limit",
  "credit_expires",
] as const;
export type AccountSensor = (typeof ACCOUNT_SENSORS)[number];

/** The entities of one account (a Claude Usage device) that the card reads. */
export interface Account {
  /**
   * Ordered session, weekly, per-model weekly, other; each kind in registry order, so a
   * window keeps its place when a new one appears (it is registered after the others).
   */
  windows: UsageWindow[];
  /** Window sensors whose window is not known (unavailable since before the card saw them). */
  unidentified: string[];
  /** Entity ids of the account's other sensors. */
  sensors: Partial<Record<AccountSensor, string>>;
}

export const NO_ACCOUNT: Account = { windows: [], unidentified: [], sensors: {} };

/** Every entity the card shows of the account. */
export function accountEntityIds(account: Account): string[] {
  return [
    ...account.windows.flatMap((limit) =>
      [limit.usageEntityId, limit.resetEntityId, limit.runsOutEntityId].filter(
        (id): id is string => id !== undefined,
      ),
    ),
    ...account.unidentified,
    ...Object.values(account.sensors),
  ];
}

/** The ids of the device's Claude Usage entities, in registry order. */
function deviceEntityIds(hass: HomeAssistant, deviceId: string): string[] {
  const ids: string[] = [];
  for (const entry of Object.values(hass.entities)) {
    if (entry?.platform === DOMAIN && entry.device_id === deviceId) {
      ids.push(entry.entity_id);
    }
  }
  return ids;
}

interface FoundUsage {
  entityId: string;
  identity: WindowIdentity;
  order: number;
  /** The translation key without its suffix: `session`, `weekly`, `scoped` or `other`. */
  family: string | undefined;
}

/**
 * The "runs out" sensor of each usage sensor, for those whose `window_key` is not known
 * (the sensor is unavailable): the integration registers the windows' sensors of a kind in
 * the same order, so the n-th `scoped_limit_reached_at` belongs to the n-th `scoped_usage`.
 */
function runsOutSensors(found: FoundUsage[], runsOut: Map<string, string[]>): Map<string, string> {
  const paired = new Map<string, string>();
  const taken = new Map<string, number>();
  for (const { entityId, family } of found) {
    if (family === undefined) continue;
    const index = taken.get(family) ?? 0;
    taken.set(family, index + 1);
    const candidate = runsOut.get(family)?.[index];
    if (candidate) paired.set(entityId, candidate);
  }
  return paired;
}

function accountOf(
  hass: HomeAssistant,
  entityIds: string[],
  translations: NameTranslations | undefined,
): Account {
  const usage = new Map<string, FoundUsage>();
  const found: FoundUsage[] = [];
  const reset = new Map<string, string>();
  const runsOut = new Map<string, string[]>();
  const runsOutByKey = new Map<string, string>();
  const unidentified: string[] = [];
  const sensors: Account["sensors"] = {};
  entityIds.forEach((entityId, order) => {
    const state = hass.states[entityId];
    const translationKey = hass.entities[entityId]?.translation_key;
    if (ACCOUNT_SENSORS.includes(translationKey as AccountSensor)) {
      sensors[translationKey as AccountSensor] ??= entityId;
      return;
    }
    if (state && translationKey?.endsWith(RUNS_OUT_SUFFIX)) {
      const family = translationKey.slice(0, -RUNS_OUT_SUFFIX.length);
      runsOut.set(family, [...(runsOut.get(family) ?? []), entityId]);
      const key = state.attributes.window_key;
      if (typeof key === "string") runsOutByKey.set(key, entityId);
      return;
    }
    const metric = state && metricOf(translationKey, state);
    if (!metric) {
      return;
    }
    const identity = rememberIdentity(entityId, state.attributes);
    if (identity === undefined) {
      unidentified.push(entityId);
    } else if (metric === "usage") {
      const family = translationKey?.slice(0, -USAGE_SUFFIX.length);
      const entry = { entityId, identity, order, family };
      found.push(entry);
      if (!usage.has(identity.key)) usage.set(identity.key, entry);
    } else if (!reset.has(identity.key)) {
      reset.set(identity.key, entityId);
    }
  });
  const runsOutOf = runsOutSensors(found, runsOut);
  const windows = [...usage.values()]
    .sort((a, b) => KIND_ORDER[a.identity.kind] - KIND_ORDER[b.identity.kind] || a.order - b.order)
    .map(({ entityId, identity }) => ({
      ...identity,
      name: localName(hass, entityId, entityName(hass, entityId), translations),
      usageEntityId: entityId,
      resetEntityId: reset.get(identity.key),
      runsOutEntityId: runsOutByKey.get(identity.key) ?? runsOutOf.get(entityId),
    }));
  return { windows, unidentified, sensors };
}

/**
 * The account of one Claude Usage device; with `translations`, its windows are named in
 * the user's language.
 */
export function discoverAccount(
  hass: HomeAssistant,
  deviceId: string,
  translations?: NameTranslations,
): Account {
  return accountOf(hass, deviceEntityIds(hass, deviceId), translations);
}

/**
 * A `discoverAccount` that answers with its previous result while nothing it reads changed:
 * the entity and device registries, the device, the attributes of the device's sensors, the
 * identities known and the name translations. Home Assistant keeps an entity's attributes
 * object when only its state changes, so a poll that moves the usage does not discover the
 * account again.
 */
export function accountDiscovery(): (
  hass: HomeAssistant,
  deviceId: string,
  translations?: NameTranslations,
) => Account {
  let last:
    | {
        entities: HomeAssistant["entities"];
        devices: HomeAssistant["devices"];
        deviceId: string;
        translations: NameTranslations | undefined;
        learned: number;
        entityIds: string[];
        attributes: (HassEntity["attributes"] | undefined)[];
        account: Account;
      }
    | undefined;
  return (hass, deviceId, translations) => {
    const previous = last;
    if (
      previous !== undefined &&
      previous.entities === hass.entities &&
      previous.devices === hass.devices &&
      previous.deviceId === deviceId &&
      previous.translations === translations &&
      previous.learned === identitiesLearned &&
      previous.entityIds.every(
        (id, index) => hass.states[id]?.attributes === previous.attributes[index],
      )
    ) {
      return previous.account;
    }
    const entityIds = deviceEntityIds(hass, deviceId);
    const account = accountOf(hass, entityIds, translations);
    last = {
      entities: hass.entities,
      devices: hass.devices,
      deviceId,
      translations,
      learned: identitiesLearned,
      entityIds,
      attributes: entityIds.map((id) => hass.states[id]?.attributes),
      account,
    };
    return account;
  };
}

/** The first device (by name) that has Claude Usage entities, for the card picker's stub config. */
export function firstDevice(hass: HomeAssistant): string | undefined {
  const ids = new Set<string>();
  for (const entry of Object.values(hass.entities)) {
    if (entry?.platform === DOMAIN && entry.device_id) {
      ids.add(entry.device_id);
    }
  }
  const name = (id: string) => hass.devices[id]?.name_by_user ?? hass.devices[id]?.name ?? id;
  return [...ids].sort((a, b) => name(a).localeCompare(name(b)) || a.localeCompare(b))[0];
}

const UNAVAILABLE = "unavailable";
const UNKNOWN = "unknown";

export interface WindowState {
  window: UsageWindow;
  /** Whether it has a value: its own, or the last recorded one (`stale`). */
  available: boolean;
  /** Whether the values are the last recorded ones, from before the sensor became unavailable. */
  stale: boolean;
  utilization: number | null;
  severity: string | null;
  /**
   * Whether claude.ai marks the window as a limit that binds now (the usage sensor's
   * `binding` attribute); null when its answer does not say.
   */
  binding: boolean | null;
  resetsAt: Date | null;
  /** When the window's pace reaches its limit; null when it does not before the reset. */
  runsOutAt: Date | null;
  /** When the usage sensor was last written. */
  updatedAt: Date | null;
}

function parseNumber(state: string | undefined): number | null {
  if (state === undefined || state === "" || state === UNAVAILABLE || state === UNKNOWN) {
    return null;
  }
  const value = Number(state);
  return Number.isFinite(value) ? value : null;
}

/** Parse a timestamp sensor's state; null for unknown/unavailable or garbage. */
export function parseTimestamp(state: string | undefined): Date | null {
  if (state === undefined || state === UNAVAILABLE || state === UNKNOWN || state === "") {
    return null;
  }
  const time = Date.parse(state);
  return Number.isNaN(time) ? null : new Date(time);
}

interface Value {
  state: string;
  attributes: Record<string, unknown>;
  updatedAt: Date | null;
  stale: boolean;
}

/** An entity's state; while it is unavailable, its last recorded state when there is one. */
function valueOf(hass: HomeAssistant, entityId: string, recorded: Recorded): Value | undefined {
  const live = hass.states[entityId];
  const old = recorded[entityId];
  if (live?.state === UNAVAILABLE && old !== undefined) {
    return {
      state: old.state,
      attributes: old.attributes,
      updatedAt: old.lastUpdated,
      stale: true,
    };
  }
  return live
    ? {
        state: live.state,
        attributes: live.attributes,
        updatedAt: parseTimestamp(live.last_updated),
        stale: false,
      }
    : undefined;
}

export function readWindow(
  hass: HomeAssistant,
  limit: UsageWindow,
  recorded: Recorded = {},
): WindowState {
  const usage = valueOf(hass, limit.usageEntityId, recorded);
  const reset = limit.resetEntityId ? valueOf(hass, limit.resetEntityId, recorded) : undefined;
  const runsOut = limit.runsOutEntityId
    ? valueOf(hass, limit.runsOutEntityId, recorded)
    : undefined;
  const severity = usage?.attributes.severity;
  const binding = usage?.attributes.binding;
  return {
    window: limit,
    available: usage !== undefined && usage.state !== UNAVAILABLE,
    stale: usage?.stale ?? false,
    utilization: parseNumber(usage?.state),
    severity: typeof severity === "string" && severity !== "" ? severity : null,
    binding: typeof binding === "boolean" ? binding : null,
    resetsAt: parseTimestamp(reset?.state),
    runsOutAt: parseTimestamp(runsOut?.state),
    updatedAt: usage?.updatedAt ?? null,
  };
}

/**
 * The window that will stop the user first: only when claude.ai marks at least one window
 * as binding, the one among those with the highest usage; of equal ones, the one that runs
 * out first (one that does not run out before its reset comes last), then the first shown.
 * Windows without a current value (their reset has come, `now`) take no part.
 */
export function bindingWindow(states: WindowState[], now: number): string | undefined {
  const runsOut = (state: WindowState) => state.runsOutAt?.getTime() ?? Number.POSITIVE_INFINITY;
  let best: WindowState | undefined;
  for (const state of states) {
    if (state.binding !== true || state.utilization === null || resetPending(state, now)) {
      continue;
    }
    if (
      best === undefined ||
      state.utilization > best.utilization! ||
      (state.utilization === best.utilization && runsOut(state) < runsOut(best))
    ) {
      best = state;
    }
  }
  return best?.window.key;
}

/** The extra usage sensors' values. */
export interface ExtraUsage {
  /** The spent sensor, for more-info. */
  entityId: string;
  used: number;
  limit: number | null;
  /** Percent of the limit spent. */
  utilization: number | null;
  /** An ISO 4217 code (e.g. "USD") or another unit; undefined when claude.ai names none. */
  unit: string | undefined;
  /** Whether the values are the last recorded ones. */
  stale: boolean;
}

/** The account's extra usage, when it has it turned on (its sensors exist and have values). */
export function readExtraUsage(
  hass: HomeAssistant,
  account: Account,
  recorded: Recorded = {},
): ExtraUsage | undefined {
  const { extra_usage_used: usedId, extra_usage_limit, extra_usage_utilization } = account.sensors;
  const spent = usedId ? valueOf(hass, usedId, recorded) : undefined;
  const used = parseNumber(spent?.state);
  if (!usedId || !spent || used === null) {
    return undefined;
  }
  const value = (entityId: string | undefined) =>
    parseNumber(entityId ? valueOf(hass, entityId, recorded)?.state : undefined);
  // An unavailable sensor keeps its unit, and a recorded state has it too.
  const unit = spent.attributes.unit_of_measurement;
  return {
    entityId: usedId,
    used,
    limit: value(extra_usage_limit),
    utilization: value(extra_usage_utilization),
    unit: typeof unit === "string" && unit !== "" ? unit : undefined,
    stale: spent.stale,
  };
}

/** A credit claude.ai granted the account, e.g. $50 that expire on a date. */
export interface Credit {
  /** The remaining sensor, for more-info. */
  entityId: string;
  remaining: number;
  /** How much was granted. */
  limit: number | null;
  expiresAt: Date | null;
  /** An ISO 4217 code (e.g. "USD") or another unit; undefined when claude.ai names none. */
  unit: string | undefined;
  /** Whether the values are the last recorded ones. */
  stale: boolean;
}

/** The account's credit grant, when it has one (its sensors exist and have values). */
export function readCredit(
  hass: HomeAssistant,
  account: Account,
  recorded: Recorded = {},
): Credit | undefined {
  const { credit_remaining: remainingId, credit_limit, credit_expires } = account.sensors;
  const left = remainingId ? valueOf(hass, remainingId, recorded) : undefined;
  const remaining = parseNumber(left?.state);
  if (!remainingId || !left || remaining === null) {
    return undefined;
  }
  const unit = left.attributes.unit_of_measurement;
  const state = (entityId: string | undefined) =>
    entityId ? valueOf(hass, entityId, recorded)?.state : undefined;
  return {
    entityId: remainingId,
    remaining,
    limit: parseNumber(state(credit_limit)),
    expiresAt: parseTimestamp(state(credit_expires)),
    unit: typeof unit === "string" && unit !== "" ? unit : undefined,
    stale: left.stale,
  };
}

/**
 * Whether the window's reset time has come but its usage sensor has not been written since:
 * its value is still the old window's until the next poll brings the new one.
 */
export function resetPending(state: WindowState, now: number): boolean {
  const { resetsAt, updatedAt } = state;
  return (
    state.available &&
    resetsAt !== null &&
    resetsAt.getTime() <= now &&
    (updatedAt === null || updatedAt < resetsAt)
  );
}

export type CardStatus = "no_device" | "device_not_found" | "no_data" | "ok";

/**
 * What the card shows: a hint to pick an account, that it is gone, that it has no data yet,
 * or its windows ("ok": also while a problem keeps them at their last values).
 */
export function cardStatus(
  hass: HomeAssistant,
  deviceId: string | undefined,
  states: WindowState[],
  problem: boolean,
): CardStatus {
  if (deviceId === undefined) {
    return "no_device";
  }
  if (hass.devices[deviceId] === undefined) {
    return "device_not_found";
  }
  if (!problem && states.every((state) => state.utilization === null)) {
    return "no_data";
  }
  return "ok";
}
