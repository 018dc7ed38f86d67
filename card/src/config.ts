/** The card's configuration: validation, defaults and the visual editor's form. */

import type { ActionConfig, ActionsConfig } from "./action-handler";
import { localize, type StringKey } from "./i18n";
import { DOMAIN } from "./types";

export const RANGES = ["3h", "6h", "24h", "7d"] as const;
export type Range = (typeof RANGES)[number];

export const RANGE_HOURS: Record<Range, number> = { "3h": 3, "6h": 6, "24h": 24, "7d": 168 };

export interface Thresholds {
  warning: number;
  critical: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { warning: 75, critical: 90 };

export interface CardConfig {
  type: string;
  device_id?: string;
  title?: string;
  default_range?: Range;
  /** The same as `default_range` in hours (3, 6, 24 or 168), as in Home Assistant's history cards. */
  hours_to_show?: number;
  show_graph?: boolean;
  thresholds?: Partial<Thresholds>;
  tap_action?: ActionConfig;
  hold_action?: ActionConfig;
  double_tap_action?: ActionConfig;
}

/** A validated configuration with every default filled in. */
export interface ResolvedConfig {
  deviceId: string | undefined;
  title: string | undefined;
  range: Range;
  showGraph: boolean;
  thresholds: Thresholds;
  /** What a tap, hold or double tap on a gauge does (Home Assistant's actions). */
  actions: ActionsConfig;
}

const ACTION_OPTIONS = ["tap_action", "hold_action", "double_tap_action"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function threshold(value: unknown, name: keyof Thresholds): number {
  if (value === undefined || value === null) {
    return DEFAULT_THRESHOLDS[name];
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new Error(
      `thresholds.${name} must be a number from 0 to 100, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Validate a card configuration; throws an Error naming the bad option. */
export function resolveConfig(config: unknown): ResolvedConfig {
  if (!isRecord(config)) {
    throw new Error("Invalid configuration: expected a mapping of options");
  }
  const { device_id, title, default_range, hours_to_show, show_graph, thresholds } = config;
  if (device_id !== undefined && (typeof device_id !== "string" || device_id === "")) {
    throw new Error("device_id must be the id of a Claude Usage device (a non-empty string)");
  }
  if (title !== undefined && typeof title !== "string") {
    throw new Error("title must be a string");
  }
  if (default_range !== undefined && !RANGES.includes(default_range as Range)) {
    throw new Error(
      `default_range must be one of ${RANGES.join(", ")}, got ${JSON.stringify(default_range)}`,
    );
  }
  let range = (default_range as Range | undefined) ?? "24h";
  if (hours_to_show !== undefined) {
    const byHours = RANGES.find((candidate) => RANGE_HOURS[candidate] === hours_to_show);
    if (byHours === undefined) {
      throw new Error(
        `hours_to_show must be one of 3, 6, 24, 168, got ${JSON.stringify(hours_to_show)}`,
      );
    }
    if (default_range !== undefined && default_range !== byHours) {
      throw new Error("Set either default_range or hours_to_show, not both");
    }
    range = byHours;
  }
  if (show_graph !== undefined && typeof show_graph !== "boolean") {
    throw new Error("show_graph must be true or false");
  }
  if (thresholds !== undefined && !isRecord(thresholds)) {
    throw new Error("thresholds must be a mapping with warning and critical percentages");
  }
  const resolved: Thresholds = {
    warning: threshold(thresholds?.warning, "warning"),
    critical: threshold(thresholds?.critical, "critical"),
  };
  if (resolved.warning >= resolved.critical) {
    throw new Error(
      `thresholds.warning (${resolved.warning}) must be lower than thresholds.critical (${resolved.critical})`,
    );
  }
  const actions: ActionsConfig = {};
  for (const name of ACTION_OPTIONS) {
    const action = config[name];
    if (action === undefined) {
      continue;
    }
    if (!isRecord(action) || typeof action.action !== "string") {
      throw new Error(`${name} must be a mapping with an action, e.g. action: more-info`);
    }
    actions[name] = action as ActionConfig;
  }
  return {
    deviceId: device_id,
    title,
    range,
    showGraph: show_graph ?? true,
    thresholds: resolved,
    actions,
  };
}

/** The editor's own labels; Home Assistant labels the rest (the actions). */
const EDITOR_LABELS: Record<string, StringKey> = {
  device_id: "editor_device_id",
  title: "editor_title",
  default_range: "editor_default_range",
  show_graph: "editor_show_graph",
  thresholds: "editor_thresholds",
  warning: "editor_warning",
  critical: "editor_critical",
};

function editorLanguage(): string {
  return document.documentElement.lang || navigator.language || "en";
}

/** The ha-form schema of the visual editor (`static getConfigForm()`). */
export function configForm(language: string = editorLanguage()) {
  const label = (key: StringKey) => localize(language, key);
  const percent = { number: { min: 0, max: 100, step: 1, mode: "box", unit_of_measurement: "%" } };
  return {
    schema: [
      {
        name: "device_id",
        required: true,
        selector: { device: { filter: { integration: DOMAIN } } },
      },
      { name: "title", selector: { text: {} } },
      {
        type: "grid",
        name: "",
        flatten: true,
        schema: [
          {
            name: "default_range",
            default: "24h",
            selector: {
              select: {
                mode: "dropdown",
                options: RANGES.map((range) => ({ value: range, label: range })),
              },
            },
          },
          { name: "show_graph", default: true, selector: { boolean: {} } },
        ],
      },
      {
        type: "expandable",
        name: "thresholds",
        title: label("editor_thresholds"),
        schema: [
          {
            type: "grid",
            name: "",
            flatten: true,
            schema: [
              { name: "warning", default: DEFAULT_THRESHOLDS.warning, selector: percent },
              { name: "critical", default: DEFAULT_THRESHOLDS.critical, selector: percent },
            ],
          },
        ],
      },
      {
        // Labelled by Home Assistant ("Interactions", "Tap behavior", ...).
        type: "expandable",
        name: "interactions",
        flatten: true,
        schema: [
          { name: "tap_action", selector: { ui_action: { default_action: "more-info" } } },
          { name: "hold_action", selector: { ui_action: {} } },
          { name: "double_tap_action", selector: { ui_action: { default_action: "none" } } },
        ],
      },
    ],
    computeLabel: (schema: { name: string }) =>
      schema.name in EDITOR_LABELS ? label(EDITOR_LABELS[schema.name]!) : undefined,
    computeHelper: (schema: { name: string }) =>
      schema.name === "hold_action" ? label("editor_hold_action_helper") : undefined,
    assertConfig: (config: unknown) => {
      resolveConfig(config);
    },
  };
}
