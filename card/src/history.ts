/** Decoding history/statistics websocket messages, reset detection and down-sampling. */

import { startedAnew } from "./resets";

/** A compressed state of a `history/stream` message: state, last updated in seconds. */
export interface CompressedState {
  s: string;
  lu: number;
  lc?: number;
  a?: Record<string, unknown>;
}

export interface HistoryStreamMessage {
  states: Record<string, CompressedState[] | undefined>;
  start_time?: number;
  end_time?: number;
}

/** A row of `recorder/statistics_during_period` (start/end in ms since the epoch). */
export interface StatisticRow {
  start: number | string;
  end?: number | string;
  mean?: number | null;
}

export type StatisticsResult = Record<string, StatisticRow[] | undefined>;

/** A raw state at a time (ms). */
export interface StatePoint {
  t: number;
  s: string;
}

/** A numeric value at a time (ms); null marks a gap (unavailable or unknown). */
export interface Point {
  t: number;
  v: number | null;
}

/** A statistic's mean over a period, from `t` to `end`. */
export interface StatisticPoint extends Point {
  end: number;
}

export type StateHistory = Record<string, StatePoint[]>;

/** Keep the points from `start` on, plus the last earlier one moved to `start` (it still holds there). */
export function trimBefore<T extends { t: number }>(points: T[], start: number): T[] {
  let first = 0;
  while (first < points.length && points[first]!.t < start) {
    first += 1;
  }
  if (first === 0) {
    return points;
  }
  const carried = points[first - 1]!;
  const rest = points.slice(first);
  if (rest.length > 0 && rest[0]!.t === start) {
    return rest;
  }
  return [{ ...carried, t: start }, ...rest];
}

/** The points before `t`, then a gap at `t`: a line drawn from them ends there. */
export function endAt(points: Point[], t: number): Point[] {
  return [...points.filter((point) => point.t < t), { t, v: null }];
}

/**
 * Merge one `history/stream` message into the history so far. The first message holds the
 * whole range; later ones hold new states only. States at or after the first new state's
 * time are replaced by the message's (the recorder and the live feed may overlap), and
 * everything before `start` is dropped except the state that still holds at `start`.
 */
export function mergeStreamMessage(
  history: StateHistory,
  message: HistoryStreamMessage,
  start: number,
): StateHistory {
  const merged: StateHistory = { ...history };
  for (const [entityId, states] of Object.entries(message.states)) {
    if (!states || states.length === 0) {
      continue;
    }
    const incoming = states
      .filter((state) => typeof state.s === "string" && Number.isFinite(state.lu))
      .map((state) => ({ t: Math.round(state.lu * 1000), s: state.s }))
      .sort((a, b) => a.t - b.t);
    if (incoming.length === 0) {
      continue;
    }
    const from = incoming[0]!.t;
    const kept = (merged[entityId] ?? []).filter((point) => point.t < from);
    merged[entityId] = [...kept, ...incoming];
  }
  for (const entityId of Object.keys(merged)) {
    merged[entityId] = trimBefore(merged[entityId]!, start);
  }
  return merged;
}

function toTime(value: number | string): number {
  return typeof value === "number" ? value : Date.parse(value);
}

/**
 * Decode `recorder/statistics_during_period` answers (mean) into points per statistic id;
 * several answers (e.g. hourly, then 5-minute periods) join in time order. The recorder
 * keeps no period in which the sensor had no value (an outage): a gap from the end of the
 * period before, as in Home Assistant's statistics graph.
 */
export function decodeStatistics(...results: StatisticsResult[]): Record<string, StatisticPoint[]> {
  const decoded: Record<string, StatisticPoint[]> = {};
  for (const result of results) {
    for (const [statisticId, rows] of Object.entries(result)) {
      const points = (rows ?? [])
        .map((row) => {
          const t = toTime(row.start);
          return {
            t,
            end: row.end === undefined ? t : toTime(row.end),
            v: typeof row.mean === "number" && Number.isFinite(row.mean) ? row.mean : null,
          };
        })
        .filter((point) => Number.isFinite(point.t));
      decoded[statisticId] = [...(decoded[statisticId] ?? []), ...points].sort((a, b) => a.t - b.t);
    }
  }
  for (const [statisticId, points] of Object.entries(decoded)) {
    decoded[statisticId] = points.flatMap((point, index) => {
      const next = points[index + 1];
      return next !== undefined && next.t > point.end && point.end > point.t
        ? [point, { t: point.end, end: point.end, v: null }]
        : [point];
    });
  }
  return decoded;
}

/** Numeric points of a sensor's states; non-numeric states become gaps. */
export function toPoints(states: StatePoint[]): Point[] {
  return states.map(({ t, s }) => {
    const value = s.trim() === "" ? Number.NaN : Number(s);
    return { t, v: Number.isFinite(value) ? value : null };
  });
}

/** The value that holds at time `t` (history is a step function), or null. */
export function valueAt(points: Point[], t: number): number | null {
  let value: number | null = null;
  for (const point of points) {
    if (point.t > t) {
      break;
    }
    value = point.v;
  }
  return value;
}

/**
 * A poll writes a window's usage sensor, then its reset sensor, within a moment: a usage
 * state pairs with the reset time that holds this long after it.
 */
const SAME_POLL_MS = 5_000;

/** `findResets`' pairing of a sensor state: the reset time of the same poll. */
export const samePoll = (point: Point): number => point.t + SAME_POLL_MS;

/** `findResets`' pairing of a statistic: the reset time at the end of its period. */
export const periodEnd = (point: StatisticPoint): number => point.end;

/** Reset markers of one window closer than this are one reset (a 5-minute mean smears one). */
const RESET_MERGE_MS = 10 * 60_000;

/** The reset time (ms) a reset sensor's state says; null for none ("unknown"). */
function resetTime(state: StatePoint): number | null {
  const time = Date.parse(state.s);
  return Number.isNaN(time) ? null : time;
}

/**
 * Times at which a window started anew (`startedAnew`, the integration's rule): each usage
 * point is read with the reset time that held at `pairedAt(point)` (a moment later for a
 * state, the same poll; the end of its period for a statistic), and compared with the
 * reading before it. "unavailable" reset states carry no news and are skipped.
 */
export function findResets<P extends Point>(
  usage: P[],
  resetStates: StatePoint[],
  pairedAt: (point: P) => number,
): number[] {
  const resets = resetStates.filter((state) => state.s !== "unavailable");
  const times: number[] = [];
  let next = 0;
  let resetsAt: number | null = null;
  let previous: { utilization: number; resetsAt: number | null } | undefined;
  for (const point of usage) {
    while (next < resets.length && resets[next]!.t <= pairedAt(point)) {
      resetsAt = resetTime(resets[next]!);
      next += 1;
    }
    if (point.v === null) {
      continue;
    }
    if (
      previous !== undefined &&
      startedAnew(previous.utilization, previous.resetsAt, point.v, resetsAt)
    ) {
      times.push(point.t);
    }
    previous = { utilization: point.v, resetsAt };
  }
  return times.filter((time, index) => index === 0 || time - times[index - 1]! > RESET_MERGE_MS);
}

/**
 * Down-sample to at most 4 points per bucket (`buckets` equal slices of [start, end]):
 * each bucket keeps its first, minimum, maximum and last point, in time order, and its
 * first gap. Spikes and drops survive, so the line looks the same at that pixel width.
 */
export function downsample(points: Point[], start: number, end: number, buckets: number): Point[] {
  if (buckets < 1 || end <= start || points.length <= buckets * 4) {
    return points;
  }
  const width = (end - start) / buckets;
  const bucketOf = (t: number) =>
    Math.min(buckets - 1, Math.max(0, Math.floor((t - start) / width)));
  const result: Point[] = [];
  let index = 0;
  while (index < points.length) {
    const bucket = bucketOf(points[index]!.t);
    const first = index;
    let min = -1;
    let max = -1;
    let gap = -1;
    while (index < points.length && bucketOf(points[index]!.t) === bucket) {
      const value = points[index]!.v;
      if (value === null) {
        gap = gap < 0 ? index : gap;
      } else {
        if (min < 0 || value < points[min]!.v!) {
          min = index;
        }
        if (max < 0 || value > points[max]!.v!) {
          max = index;
        }
      }
      index += 1;
    }
    const chosen = new Set([first, min, max, gap, index - 1].filter((i) => i >= 0));
    for (const i of [...chosen].sort((a, b) => a - b)) {
      result.push(points[i]!);
    }
  }
  return result;
}
