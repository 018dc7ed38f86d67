/** The card's configuration: validation and defaults. */

import type { ActionConfig, ActionsConfig } from "./action-handler";

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
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(rangeMessage(name, value));
  }
  return value;
}

function rangeMessage(name: keyof Thresholds, value: unknown): string {
  return `thresholds.${name} must be a number from 0 to 100, got ${JSON.stringify(value)}`;
}

/**
 * What is wrong with thresholds of the right type: one outside 0..100, or warning not
 * below critical. A user typing "85" into the visual editor passes through "8".
 */
export type ThresholdProblem =
  | { problem: "range"; name: keyof Thresholds; value: number }
  | { problem: "order"; warning: number; critical: number };

export function thresholdProblem(thresholds: Thresholds): ThresholdProblem | undefined {
  for (const name of ["warning", "critical"] as const) {
    const value = thresholds[name];
    if (value < 0 || value > 100) {
      return { problem: "range", name, value };
    }
  }
  const { warning, critical } = thresholds;
  return warning >= critical ? { problem: "order", warning, critical } : undefined;
}

/** Validate a card configuration; throws an Error naming the bad option. */
export function resolveConfig(config: unknown): ResolvedConfig {
  const resolved = readConfig(config);
  const problem = thresholdProblem(resolved.thresholds);
  if (problem?.problem === "range") {
    throw new Error(rangeMessage(problem.name, problem.value));
  }
  if (problem?.problem === "order") {
    throw new Error(
      `thresholds.warning (${problem.warning}) must be lower than thresholds.critical (${problem.critical})`,
    );
  }
  return resolved;
}

/**
 * Read a card configuration whose every option has the right type (else throw an Error
 * naming it), without judging the thresholds' values (`thresholdProblem`).
 */
export function readConfig(config: unknown): ResolvedConfig {
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
    thresholds: {
      warning: threshold(thresholds?.warning, "warning"),
      critical: threshold(thresholds?.critical, "critical"),
    },
    actions,
  };
}
