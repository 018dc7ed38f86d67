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

export interface GraphGeometry {
  layout: GraphLayout;
  lines: { key: string; color: string; d: string }[];
  markers: { key: string; color: string; x: number; t: number }[];
  thresholds: { level: "warning" | "critical"; y: number }[];
  xTicks: { x: number; t: number }[];
  yTicks: { y: number; value: number }[];
}

export const GRAPH_HEIGHT = 132;

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

/** An SVG path of a step line (each value holds until the next), broken at gaps, up to `end`. */
export function stepPath(points: Point[], start: number, end: number, layout: GraphLayout): string {
  const { x, y } = scales(layout, start, end);
  const parts: string[] = [];
  let open = false;
  for (const point of points) {
    if (point.t > end) {
      break;
    }
    const px = x(Math.max(start, point.t));
    if (point.v === null) {
      if (open) {
        parts.push(`H${px}`);
      }
      open = false;
      continue;
    }
    const py = y(point.v);
    parts.push(open ? `H${px}V${py}` : `M${px} ${py}`);
    open = true;
  }
  if (open) {
    parts.push(`H${x(end)}`);
  }
  return parts.join("");
}

export function buildGraph(
  series: GraphSeries[],
  start: number,
  end: number,
  width: number,
  thresholds: Thresholds,
): GraphGeometry {
  const layout = graphLayout(width);
  const { x, y } = scales(layout, start, end);
  const buckets = Math.max(1, Math.floor(layout.right - layout.left));
  const tickCount = width < 400 ? 3 : 5;
  return {
    layout,
    lines: series.map((item) => ({
      key: item.key,
      color: item.color,
      d: stepPath(downsample(item.points, start, end, buckets), start, end, layout),
    })),
    markers: series.flatMap((item) =>
      item.resets
        .filter((t) => t > start && t <= end)
        .map((t) => ({ key: item.key, color: item.color, x: x(t), t })),
    ),
    thresholds: [
      { level: "warning" as const, y: y(thresholds.warning) },
      { level: "critical" as const, y: y(thresholds.critical) },
    ],
    xTicks: Array.from({ length: tickCount }, (_, index) => {
      const t = start + ((end - start) * index) / (tickCount - 1);
      return { x: x(t), t };
    }),
    yTicks: [0, 50, 100].map((value) => ({ y: y(value), value })),
  };
}
