/** The parts of Home Assistant's frontend `hass` object this card reads. */

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed: string;
  last_updated: string;
}

/** An entry of `hass.entities` (the entity registry's display entries). */
export interface EntityRegistryDisplayEntry {
  entity_id: string;
  name?: string | null;
  device_id?: string | null;
  platform?: string;
  translation_key?: string;
  entity_category?: string | null;
  hidden?: boolean;
}

/** An entry of `hass.devices`. */
export interface DeviceRegistryEntry {
  id: string;
  name: string | null;
  name_by_user: string | null;
  model?: string | null;
}

export interface FrontendLocaleData {
  language: string;
  number_format?: string;
  time_format?: string;
  time_zone?: string;
}

export type UnsubscribeFunc = () => Promise<void> | void;

export interface Connection {
  subscribeMessage<T>(
    callback: (message: T) => void,
    message: Record<string, unknown>,
  ): Promise<UnsubscribeFunc>;
}

/** An item of a name for `formatEntityName`: the entity's own, its device's, its area's, … */
export type EntityNameItem = { type: "entity" | "device" | "area" | "floor" };

export interface HomeAssistant {
  states: Record<string, HassEntity | undefined>;
  entities: Record<string, EntityRegistryDisplayEntry | undefined>;
  devices: Record<string, DeviceRegistryEntry | undefined>;
  locale: FrontendLocaleData;
  /** The server's settings; `language` is the one it names entities in. */
  config: { time_zone: string; language?: string };
  user?: { is_admin: boolean };
  connection: Connection;
  callWS<T>(message: Record<string, unknown>): Promise<T>;
  /** Home Assistant's own translations, e.g. "ui.panel.lovelace.editor.card.generic.tap_action". */
  localize(key: string): string;
  /** Load an integration's translations of a category into `localize` (e.g. "title"). */
  loadBackendTranslation?(category: string, integration?: string): Promise<unknown>;
  /** An entity's name as Home Assistant's own cards show it (frontend 2026.4 and later). */
  formatEntityName?(state: HassEntity, name: EntityNameItem | EntityNameItem[]): string;
}

export const DOMAIN = "claude_usage";
