/** Geometry of the history graph: step lines, reset markers, threshold lines and ticks. */

import type { Thresholds } from "./config";
import { downsample, type Point } from "./history";

export interface GraphSeries {
  key: string;
  name: string;
  color: string;
  points: Point[];
  resets: number[];
}

export interface GraphLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A time tick: at midnight (`day`) it is labelled with the date, else with the time. */
export interface TimeTick {
  x: number;
  t: number;
  day: boolean;
}

export interface GraphGeometry {
  layout: GraphLayout;
  lines: { key: string; color: string; d: string }[];
  /** Values that held too briefly to draw a line of (e.g. a single poll between outages). */
  dots: { key: string; color: string; x: number; y: number }[];
  markers: { key: string; color: string; x: number; t: number }[];
  thresholds: { level: "warning" | "critical"; y: number }[];
  xTicks: TimeTick[];
  yTicks: { y: number; value: number }[];
}

export const GRAPH_HEIGHT = 132;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The shortest time the graph spans when the history begins late in the range. */
export const MIN_SPAN_MS = 10 * MINUTE;

/** Tick steps, each a whole number of minutes, hours or days of the display time zone. */
const TICK_STEPS = [
  ...[1, 2, 5, 10, 15, 30].map((minutes) => minutes * MINUTE),
  ...[1, 2, 3, 6, 12].map((hours) => hours * HOUR),
  ...[1, 2, 7].map((days) => days * DAY),
];

/** Room for one axis label ("12:00 PM", "28. Nov.") and the space beside it. */
const TICK_SPACING_PX = 56;
/** About half an axis label: a label centred on its tick stays inside the graph. */
const TICK_LABEL_HALF_PX = 22;
/** A gap narrower than this is not seen as one; the value before it holds across. */
const MIN_GAP_PX = 2;
/** A run of values narrower and flatter than this is drawn as a dot. */
const MIN_LINE_PX = 2;

export function graphLayout(width: number): GraphLayout {
  return {
    width,
    height: GRAPH_HEIGHT,
    left: 34,
    right: width - 6,
    top: 8,
    bottom: GRAPH_HEIGHT - 20,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** x pixel of time `t` and y pixel of utilization `v` (0 to 100 %, clamped). */
export function scales(layout: GraphLayout, start: number, end: number) {
  const span = Math.max(1, end - start);
  return {
    x: (t: number) => round(layout.left + ((t - start) / span) * (layout.right - layout.left)),
    y: (v: number) =>
      round(layout.bottom - (Math.min(100, Math.max(0, v)) / 100) * (layout.bottom - layout.top)),
    t: (x: number) =>
      start +
      ((Math.min(layout.right, Math.max(layout.left, x)) - layout.left) /
        Math.max(1, layout.right - layout.left)) *
        span,
  };
}

/**
 * Where the graph starts: the range's start, or, when the history begins later (a new
 * install), where it begins, so that a short history fills the graph; it still spans at
 * least `MIN_SPAN_MS`.
 */
export function graphStart(series: Point[][], start: number, end: number): number {
  const first = Math.min(...series.flatMap((points) => (points.length ? [points[0]!.t] : [])));
  if (!Number.isFinite(first) || first <= start) {
    return start;
  }
  return Math.max(start, Math.min(first, end - MIN_SPAN_MS));
}

/**
 * Ticks on round times of the display time zone (`offset` gives how far its clock is ahead
 * of UTC at a time): the smallest step of whole minutes, hours or days that leaves room for
 * each label.
 */
export function timeTicks(
  start: number,
  end: number,
  layout: GraphLayout,
  offset: (t: number) => number,
): TimeTick[] {
  const { x } = scales(layout, start, end);
  const pixels = layout.right - layout.left;
  const step =
    TICK_STEPS.find(
      (candidate) => (candidate / Math.max(1, end - start)) * pixels >= TICK_SPACING_PX,
    ) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  // Walk the display time zone's wall clock; each wall time back to UTC with the offset
  // that holds there (daylight saving time moves it).
  const toUtc = (wall: number) => wall - offset(wall - offset(wall));
  const ticks: TimeTick[] = [];
  for (let wall = Math.ceil((start + offset(start)) / step) * step; ; wall += step) {
    const t = toUtc(wall);
    if (t > end) {
      break;
    }
    const previous = ticks[ticks.length - 1];
    if (
      t >= start &&
      (previous === undefined || t > previous.t) &&
      x(t) <= layout.width - TICK_LABEL_HALF_PX
    ) {
      ticks.push({ x: x(t), t, day: (t + offset(t)) % DAY === 0 });
    }
  }
  return ticks;
}

/**
 * An SVG path of a step line (each value holds until the next), broken at gaps, up to `end`.
 * A gap too narrow to see at this scale does not break it, so a line with brief outages
 * stays a line; a run of values too short to see is returned as a dot.
 */
export function stepLine(
  points: Point[],
  start: number,
  end: number,
  layout: GraphLayout,
): { d: string; dots: { x: number; y: number }[] } {
  const { x, y } = scales(layout, start, end);
  const parts: string[] = [];
  const dots: { x: number; y: number }[] = [];
  let run: { x: number; y: number; low: number; high: number } | undefined;
  let gapAt: number | undefined;
  const close = (at: number) => {
    parts.push(`H${at}`);
    if (at - run!.x < MIN_LINE_PX && run!.high - run!.low < MIN_LINE_PX) {
      dots.push({ x: run!.x, y: run!.y });
    }
    run = undefined;
  };
  for (const point of points) {
    if (point.t > end) {
      break;
    }
    const px = x(Math.max(start, point.t));
    if (point.v === null) {
      if (run && gapAt === undefined) {
        gapAt = px;
      }
      continue;
    }
    const py = y(point.v);
    if (run && gapAt !== undefined && px - gapAt >= MIN_GAP_PX) {
      close(gapAt);
    }
    gapAt = undefined;
    if (run) {
      parts.push(`H${px}V${py}`);
      run.low = Math.min(run.low, py);
      run.high = Math.max(run.high, py);
    } else {
      parts.push(`M${px} ${py}`);
      run = { x: px, y: py, low: py, high: py };
    }
  }
  if (run) {
    close(gapAt ?? x(end));
  }
  return { d: parts.join(""), dots };
}

export function buildGraph(
  series: GraphSeries[],
  start: number,
  end: number,
  width: number,
  thresholds: Thresholds,
  offset: (t: number) => number,
): GraphGeometry {
  const layout = graphLayout(width);
  const { x, y } = scales(layout, start, end);
  const buckets = Math.max(1, Math.floor(layout.right - layout.left));
  const lines = series.map((item) => ({
    item,
    ...stepLine(downsample(item.points, start, end, buckets), start, end, layout),
  }));
  return {
    layout,
    lines: lines.map(({ item, d }) => ({ key: item.key, color: item.color, d })),
    dots: lines.flatMap(({ item, dots }) =>
      dots.map((dot) => ({ key: item.key, color: item.color, ...dot })),
    ),
    markers: series.flatMap((item) =>
      item.resets
        .filter((t) => t > start && t <= end)
        .map((t) => ({ key: item.key, color: item.color, x: x(t), t })),
    ),
    thresholds: [
      { level: "warning" as const, y: y(thresholds.warning) },
      { level: "critical" as const, y: y(thresholds.critical) },
    ],
    xTicks: timeTicks(start, end, layout, offset),
    yTicks: [0, 50, 100].map((value) => ({ y: y(value), value })),
  };
}
