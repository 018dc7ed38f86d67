/** Finding a Claude Usage device's windows in `hass` and reading their current state. */

import { DOMAIN, type HassEntity, type HomeAssistant } from "./types";

export type WindowKind = "session" | "weekly" | "weekly_scoped" | "unknown";

/** One usage limit window of an account: its usage sensor and, when present, its reset sensor. */
export interface UsageWindow {
  key: string;
  kind: WindowKind;
  name: string;
  usageEntityId: string;
  resetEntityId: string | undefined;
}

/** Window kind by the sensors' translation key prefix (the integration's entity contract). */
const KIND_BY_PREFIX: Record<string, WindowKind> = {
  session: "session",
  weekly: "weekly",
  scoped: "weekly_scoped",
  other: "unknown",
};

const KIND_ORDER: Record<WindowKind, number> = {
  session: 0,
  weekly: 1,
  weekly_scoped: 2,
  unknown: 3,
};

const KNOWN_KINDS = new Set<string>(Object.keys(KIND_ORDER));

/** Window keys fixed by the entity contract, used while a sensor has no attributes (unavailable). */
const FIXED_KEYS: Partial<Record<WindowKind, string>> = {
  session: "five_hour",
  weekly: "seven_day",
};

type Metric = "usage" | "reset";

interface Candidate {
  entityId: string;
  metric: Metric;
  kind: WindowKind;
  key: string;
  name: string;
}

function stringAttribute(state: HassEntity, name: string): string | undefined {
  const value = state.attributes[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function metricOf(translationKey: string | undefined, state: HassEntity): Metric | undefined {
  if (translationKey?.endsWith("_usage")) {
    return "usage";
  }
  if (translationKey?.endsWith("_reset")) {
    return "reset";
  }
  if (translationKey === undefined && stringAttribute(state, "window_key") !== undefined) {
    return state.attributes.device_class === "timestamp" ? "reset" : "usage";
  }
  return undefined;
}

/** The entity's own name: the registry's, else the friendly name without the device name. */
export function entityName(hass: HomeAssistant, entityId: string): string {
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

function candidate(hass: HomeAssistant, entityId: string): Candidate | undefined {
  const entry = hass.entities[entityId];
  const state = hass.states[entityId];
  if (entry === undefined || state === undefined) {
    return undefined;
  }
  const metric = metricOf(entry.translation_key, state);
  if (metric === undefined) {
    return undefined;
  }
  const attributeKind = stringAttribute(state, "window_kind");
  const prefix = entry.translation_key?.slice(0, entry.translation_key.lastIndexOf("_"));
  const kind: WindowKind =
    attributeKind !== undefined && KNOWN_KINDS.has(attributeKind)
      ? (attributeKind as WindowKind)
      : (KIND_BY_PREFIX[prefix ?? ""] ?? "unknown");
  // An unavailable sensor carries no attributes; pair it by the rest of its entity id.
  const key =
    stringAttribute(state, "window_key") ??
    FIXED_KEYS[kind] ??
    `entity:${entityId.replace(/_?(usage|reset)(_\d+)?$/, "")}`;
  return { entityId, metric, kind, key, name: entityName(hass, entityId) };
}

/**
 * The windows of one Claude Usage device, ordered session, weekly, per-model weekly
 * (alphabetical by window key, i.e. by model) and other windows.
 */
export function discoverWindows(hass: HomeAssistant, deviceId: string): UsageWindow[] {
  return windowsOf(hass, deviceEntityIds(hass, deviceId));
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

function windowsOf(hass: HomeAssistant, entityIds: string[]): UsageWindow[] {
  const usage = new Map<string, Candidate>();
  const reset = new Map<string, Candidate>();
  for (const entityId of entityIds) {
    const found = candidate(hass, entityId);
    if (found !== undefined) {
      const target = found.metric === "usage" ? usage : reset;
      if (!target.has(found.key)) {
        target.set(found.key, found);
      }
    }
  }
  return [...usage.values()]
    .map((found) => ({
      key: found.key,
      kind: found.kind,
      name: found.name,
      usageEntityId: found.entityId,
      resetEntityId: reset.get(found.key)?.entityId,
    }))
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}

/**
 * A `discoverWindows` that answers with its previous result while nothing it reads changed:
 * the entity and device registries, the device, and the attributes of the device's sensors.
 * Home Assistant keeps an entity's attributes object when only its state changes, so a poll
 * that moves the usage does not discover the windows again.
 */
export function windowDiscovery(): (hass: HomeAssistant, deviceId: string) => UsageWindow[] {
  let last:
    | {
        entities: HomeAssistant["entities"];
        devices: HomeAssistant["devices"];
        deviceId: string;
        entityIds: string[];
        attributes: (HassEntity["attributes"] | undefined)[];
        windows: UsageWindow[];
      }
    | undefined;
  return (hass, deviceId) => {
    const previous = last;
    if (
      previous !== undefined &&
      previous.entities === hass.entities &&
      previous.devices === hass.devices &&
      previous.deviceId === deviceId &&
      previous.entityIds.every(
        (id, index) => hass.states[id]?.attributes === previous.attributes[index],
      )
    ) {
      return previous.windows;
    }
    const entityIds = deviceEntityIds(hass, deviceId);
    last = {
      entities: hass.entities,
      devices: hass.devices,
      deviceId,
      entityIds,
      attributes: entityIds.map((id) => hass.states[id]?.attributes),
      windows: windowsOf(hass, entityIds),
    };
    return last.windows;
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
  available: boolean;
  utilization: number | null;
  severity: string | null;
  resetsAt: Date | null;
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

export function readWindow(hass: HomeAssistant, limit: UsageWindow): WindowState {
  const usage = hass.states[limit.usageEntityId];
  const reset = limit.resetEntityId ? hass.states[limit.resetEntityId] : undefined;
  const severity = usage ? stringAttribute(usage, "severity") : undefined;
  return {
    window: limit,
    available: usage !== undefined && usage.state !== UNAVAILABLE,
    utilization: parseNumber(usage?.state),
    severity: severity ?? null,
    resetsAt: parseTimestamp(reset?.state),
    updatedAt: parseTimestamp(usage?.last_updated),
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

export type CardStatus = "no_device" | "device_not_found" | "no_data" | "unavailable" | "ok";

export function cardStatus(
  hass: HomeAssistant,
  deviceId: string | undefined,
  states: WindowState[],
): CardStatus {
  if (deviceId === undefined) {
    return "no_device";
  }
  if (hass.devices[deviceId] === undefined) {
    return "device_not_found";
  }
  if (states.length === 0) {
    return "no_data";
  }
  if (states.every((state) => !state.available)) {
    return "unavailable";
  }
  if (states.every((state) => state.utilization === null)) {
    return "no_data";
  }
  return "ok";
}
