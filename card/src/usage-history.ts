/**
 * The history of an account's windows: a range switch, a step-line graph with reset markers
 * and a tooltip. It owns the data: a `history/stream` subscription for 3 h, 6 h and 24 h,
 * 5-minute long-term statistics and the reset sensors' states (refreshed every few
 * minutes) for 7 days. A marker is where a window started anew (`startedAnew`, the
 * integration's rule), each usage value read with the reset time that held then.
 */

import { html, LitElement, nothing, svg } from "lit";

import { windowColors } from "./colors";
import { RANGE_HOURS, RANGES, type Range, type Thresholds } from "./config";
import { resetPending, type WindowState } from "./entities";
import {
  formatAxisDay,
  formatAxisTime,
  formatDateTime,
  formatList,
  formatPercent,
  formatRangeLabel,
  timeZoneOffset,
} from "./format";
import { buildGraph, graphStart, scales, type GraphGeometry, type GraphSeries } from "./graph";
import {
  decodeStatistics,
  endAt,
  findResets,
  mergeStreamMessage,
  periodEnd,
  samePoll,
  toPoints,
  trimBefore,
  valueAt,
  type HistoryStreamMessage,
  type Point,
  type StateHistory,
  type StatisticPoint,
  type StatisticsResult,
} from "./history";
import { localize, type StringKey } from "./i18n";
import { historyStyles } from "./styles";
import type { HomeAssistant, UnsubscribeFunc } from "./types";
import { WidthController } from "./width-controller";

export const HISTORY_TYPE = "claude-usage-history";

const HOUR_MS = 3_600_000;
/** The graph's right edge (now) moves on once a minute. */
const TICK_MS = 60_000;
const DEFAULT_GRAPH_WIDTH = 300;
/** Long-term statistics gain a 5-minute row every 5 minutes. */
const STATISTICS_REFRESH_MS = 5 * 60_000;

type HistoryStatus = "idle" | "loading" | "ready" | "error";

interface Hover {
  x: number;
  t: number;
}

export class ClaudeUsageHistory extends LitElement {
  static override properties = {
    hass: { attribute: false },
    readings: { attribute: false },
    range: { attribute: false },
    thresholds: { attribute: false },
    _now: { state: true },
    _history: { state: true },
    _statistics: { state: true },
    _status: { state: true },
    _hover: { state: true },
  };

  static override styles = historyStyles;

  declare hass: HomeAssistant | undefined;
  /** The windows to draw, with their current state. */
  declare readings: WindowState[];
  declare range: Range;
  declare thresholds: Thresholds | undefined;
  declare private _now: number;
  declare private _history: StateHistory;
  declare private _statistics: Record<string, StatisticPoint[]>;
  declare private _status: HistoryStatus;
  declare private _hover: Hover | undefined;

  private readonly _graphWidth = new WidthController(this, ".graph");

  private _key: string | undefined;
  private _generation = 0;
  private _statisticsAt = 0;
  private _subscription: Promise<UnsubscribeFunc> | undefined;
  private _tickTimer: ReturnType<typeof setTimeout> | undefined;
  private _stopTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.readings = [];
    this.range = "24h";
    this._now = Date.now();
    this._history = {};
    this._statistics = {};
    this._status = "idle";
  }

  override connectedCallback(): void {
    super.connectedCallback();
    clearTimeout(this._stopTimer);
    this._now = Date.now();
    this._scheduleTick();
    document.addEventListener("pointerdown", this._onPointerElsewhere, true);
    // Resubscribe when the card comes back (e.g. switching dashboard views).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._tickTimer);
    this._tickTimer = undefined;
    document.removeEventListener("pointerdown", this._onPointerElsewhere, true);
    // A dashboard moves its cards around (masonry columns) while it lays them out: the
    // data stays when the element is back at once, instead of being requested again.
    this._stopTimer = setTimeout(() => this._stop(), 0);
  }

  protected override willUpdate(): void {
    this._sync();
  }

  private _t(key: StringKey, values?: Record<string, string>): string {
    return localize(this.hass?.locale.language, key, values);
  }

  private _scheduleTick(): void {
    clearTimeout(this._tickTimer);
    this._tickTimer = setTimeout(() => {
      this._now = Date.now();
      if (
        this.hass &&
        this.range === "7d" &&
        this._key !== undefined &&
        this._now - this._statisticsAt >= STATISTICS_REFRESH_MS
      ) {
        this._fetchWeek(this.hass, this._generation);
      }
      this._scheduleTick();
    }, TICK_MS);
  }

  private _usageIds(): string[] {
    return this.readings.map((reading) => reading.window.usageEntityId);
  }

  private _resetIds(): string[] {
    return this.readings.flatMap((reading) =>
      reading.window.resetEntityId ? [reading.window.resetEntityId] : [],
    );
  }

  private _stop(): void {
    this._generation += 1;
    this._key = undefined;
    const subscription = this._subscription;
    this._subscription = undefined;
    subscription?.then((unsubscribe) => unsubscribe()).catch(() => undefined);
  }

  /** Subscribe (or fetch) anew when the range or the windows' sensors change. */
  private _sync(): void {
    const hass = this.hass;
    if (!this.isConnected || !hass || this.readings.length === 0) {
      if (this._key !== undefined) {
        this._stop();
      }
      return;
    }
    const usageIds = this._usageIds();
    const resetIds = this._resetIds();
    const range = this.range;
    const key = `${range}|${usageIds.join(",")}|${resetIds.join(",")}`;
    if (key === this._key) {
      return;
    }
    this._stop();
    this._key = key;
    const generation = this._generation;
    this._history = {};
    this._statistics = {};
    this._status = "loading";
    if (range === "7d") {
      this._fetchWeek(hass, generation);
      return;
    }
    const hours = RANGE_HOURS[range];
    this._subscription = hass.connection.subscribeMessage<HistoryStreamMessage>(
      (message) => {
        if (generation === this._generation) {
          this._history = mergeStreamMessage(this._history, message, Date.now() - hours * HOUR_MS);
          this._status = "ready";
        }
      },
      {
        type: "history/stream",
        entity_ids: [...usageIds, ...resetIds],
        start_time: new Date(Date.now() - hours * HOUR_MS).toISOString(),
        minimal_response: true,
        no_attributes: true,
        significant_changes_only: true,
      },
    );
    this._subscription.catch(() => {
      if (generation === this._generation) {
        this._status = "error";
      }
    });
  }

  /**
   * Load the week's means, hourly up to a day ago and every 5 minutes since (a 5-minute
   * line for the whole week is four times the data for the same pixels), and the reset
   * sensors' states of the week for the reset markers. Called again every few minutes
   * while the 7-day range is shown; a failed refresh keeps the data already drawn.
   */
  private _fetchWeek(hass: HomeAssistant, generation: number): void {
    const now = Date.now();
    this._statisticsAt = now;
    const start = now - RANGE_HOURS["7d"] * HOUR_MS;
    const weekStart = new Date(start - (start % HOUR_MS)).toISOString();
    const dayAgo = now - 24 * HOUR_MS;
    const dayStart = new Date(dayAgo - (dayAgo % HOUR_MS)).toISOString();
    const statistics = (period: string, from: string, to?: string) =>
      hass.callWS<StatisticsResult>({
        type: "recorder/statistics_during_period",
        start_time: from,
        ...(to === undefined ? {} : { end_time: to }),
        statistic_ids: this._usageIds(),
        period,
        types: ["mean"],
      });
    Promise.all([statistics("hour", weekStart, dayStart), statistics("5minute", dayStart)]).then(
      (results) => {
        if (generation === this._generation) {
          this._statistics = decodeStatistics(...results);
          this._status = "ready";
        }
      },
      () => {
        if (generation === this._generation && this._status === "loading") {
          this._status = "error";
        }
      },
    );
    hass
      .callWS<HistoryStreamMessage["states"]>({
        type: "history/history_during_period",
        start_time: weekStart,
        entity_ids: this._resetIds(),
        minimal_response: true,
        no_attributes: true,
        significant_changes_only: true,
      })
      .then(
        (states) => {
          if (generation === this._generation) {
            this._history = mergeStreamMessage({}, { states }, Date.parse(weekStart));
          }
        },
        // Without them, the week is drawn without reset markers.
        () => undefined,
      );
  }

  private _setRange(range: Range): void {
    this.range = range;
    this._hover = undefined;
  }

  /**
   * The tooltip follows a mouse and goes when it leaves. A finger has no hover: a tap shows
   * the tooltip until the next tap elsewhere, and a swipe that scrolls the page hides it.
   */
  private _onPointerLeave(event: PointerEvent): void {
    if (event.pointerType !== "touch") {
      this._hover = undefined;
    }
  }

  private readonly _onPointerElsewhere = (event: PointerEvent): void => {
    const chart = this.renderRoot.querySelector(".chart");
    if (this._hover && !(chart && event.composedPath().includes(chart))) {
      this._hover = undefined;
    }
  };

  private _onPointer(event: PointerEvent, geometry: GraphGeometry, start: number, end: number) {
    const chart = event.currentTarget as Element;
    const rect = chart.getBoundingClientRect();
    const scale = rect.width > 0 ? geometry.layout.width / rect.width : 1;
    const x = (event.clientX - rect.left) * scale;
    const { layout } = geometry;
    const clamped = Math.min(layout.right, Math.max(layout.left, x));
    this._hover = { x: clamped, t: scales(layout, start, end).t(clamped) };
  }

  private _series(start: number, end: number): GraphSeries[] {
    const colors = windowColors(this.readings.map((reading) => reading.window.key));
    return this.readings.map((reading) => {
      const { window: limit } = reading;
      const resetStates = (limit.resetEntityId && this._history[limit.resetEntityId]) || [];
      let points: Point[];
      let resets: number[];
      if (this.range === "7d") {
        const means = [...(this._statistics[limit.usageEntityId] ?? [])];
        const last = means[means.length - 1];
        if (reading.utilization !== null && !reading.stale) {
          means.push({ t: end, end, v: reading.utilization });
        } else if (last !== undefined) {
          // No value now (an outage): the line ends where the statistics do.
          means.push({ t: last.end, end: last.end, v: null });
        }
        resets = findResets(means, resetStates, periodEnd);
        points = means;
      } else {
        points = toPoints(trimBefore(this._history[limit.usageEntityId] ?? [], start));
        resets = findResets(points, resetStates, samePoll);
      }
      // While the window resets, its sensor still holds the old window's value: the line
      // ends at the reset time instead of carrying that value on to now.
      if (resetPending(reading, end)) {
        points = endAt(points, reading.resetsAt!.getTime());
      }
      return { key: limit.key, name: limit.name, color: colors.get(limit.key)!, points, resets };
    });
  }

  protected override render() {
    const hass = this.hass;
    if (!hass || !this.thresholds) {
      return nothing;
    }
    const language = hass.locale.language;
    const end = this._now;
    const rangeStart = end - RANGE_HOURS[this.range] * HOUR_MS;
    const series = this._series(rangeStart, end);
    const start = graphStart(
      series.map((item) => item.points),
      rangeStart,
      end,
    );
    const hasData = series.some((item) => item.points.some((point) => point.v !== null));
    return html`
      <div class="history-header">
        <span class="history-title">${this._t("history")}</span>
        <div class="ranges" role="group" aria-label=${this._t("range")}>
          ${RANGES.map(
            (range) =>
              html`<button
                class="range"
                aria-pressed=${range === this.range ? "true" : "false"}
                data-range=${range}
                @click=${() => this._setRange(range)}
              >
                ${formatRangeLabel(RANGE_HOURS[range], language)}
              </button>`,
          )}
        </div>
      </div>
      <div class="graph">
        ${
          this._status === "error"
            ? html`<div class="graph-message">${this._t("history_unavailable")}</div>`
            : this._status === "loading"
              ? html`<div class="graph-message">${this._t("loading")}</div>`
              : !hasData
                ? html`<div class="graph-message">${this._t("no_history")}</div>`
                : this._renderGraph(series, start, end)
        }
      </div>
      <div class="legend">
        ${series.map(
          (item) =>
            html`<span class="legend-item"
              ><span class="swatch" style="background:${item.color}"></span>${item.name}</span
            >`,
        )}
      </div>
    `;
  }

  /** What the graph shows, for screen readers: the range and each window's latest value. */
  private _graphLabel(series: GraphSeries[], end: number): string {
    const language = this.hass!.locale.language;
    const values = series.map((item) => {
      const value = valueAt(item.points, end);
      return `${item.name} ${value === null ? this._t("no_value") : formatPercent(value, language)}`;
    });
    return this._t("history_label", {
      range: formatRangeLabel(RANGE_HOURS[this.range], language, "long"),
      values: formatList(values, language),
    });
  }

  private _renderGraph(series: GraphSeries[], start: number, end: number) {
    const hass = this.hass!;
    const language = hass.locale.language;
    const width = this._graphWidth.width ?? DEFAULT_GRAPH_WIDTH;
    const geometry = buildGraph(series, start, end, width, this.thresholds!, (t) =>
      timeZoneOffset(t, hass),
    );
    const { layout } = geometry;
    const hover = this._hover;
    const nearReset = hover
      ? geometry.markers.find((marker) => Math.abs(marker.x - hover.x) <= 4)
      : undefined;
    const onPointer = (event: PointerEvent) => this._onPointer(event, geometry, start, end);
    return html`
      <svg
        class="chart"
        viewBox="0 0 ${layout.width} ${layout.height}"
        width=${layout.width}
        height=${layout.height}
        role="img"
        aria-label=${this._graphLabel(series, end)}
        @pointermove=${onPointer}
        @pointerdown=${onPointer}
        @pointerleave=${this._onPointerLeave}
        @pointercancel=${() => {
          this._hover = undefined;
        }}
      >
        ${geometry.yTicks.map(
          (
            tick,
          ) => svg`<line class="grid" x1=${layout.left} x2=${layout.right} y1=${tick.y} y2=${tick.y}></line>
            <text class="axis" x=${layout.left - 4} y=${tick.y + 3} text-anchor="end">${formatPercent(tick.value, language)}</text>`,
        )}
        ${geometry.thresholds.map(
          (line) =>
            svg`<line class="threshold ${line.level}" x1=${layout.left} x2=${layout.right} y1=${line.y} y2=${line.y}></line>`,
        )}
        ${geometry.xTicks.map(
          (
            tick,
          ) => svg`<line class="tick" x1=${tick.x} x2=${tick.x} y1=${layout.bottom} y2=${layout.bottom + 3}></line>
            <text class="axis" x=${tick.x} y=${layout.height - 4} text-anchor="middle"
              >${tick.day ? formatAxisDay(new Date(tick.t), hass) : formatAxisTime(new Date(tick.t), hass)}</text
            >`,
        )}
        ${geometry.lines.map(
          (line) =>
            svg`<path class="line" data-key=${line.key} style="stroke:${line.color}" d=${line.d}></path>`,
        )}
        ${geometry.dots.map(
          (dot) =>
            svg`<circle class="dot" data-key=${dot.key} cx=${dot.x} cy=${dot.y} r="2.5" style="fill:${dot.color}"></circle>`,
        )}
        ${geometry.markers.map(
          (marker) => svg`<g class="reset-marker" data-key=${marker.key}>
              <line x1=${marker.x} x2=${marker.x} y1=${layout.top} y2=${layout.bottom} style="stroke:${marker.color}"></line>
              <circle cx=${marker.x} cy=${layout.bottom} r="3" style="fill:${marker.color}"></circle>
              <title>${this._t("reset_marker")} · ${formatDateTime(new Date(marker.t), hass)}</title>
            </g>`,
        )}
        ${
          hover
            ? svg`<line class="cursor" x1=${hover.x} x2=${hover.x} y1=${layout.top} y2=${layout.bottom}></line>`
            : nothing
        }
      </svg>
      ${
        hover
          ? html`<div
              class="tooltip"
              style="--x:${Math.round((hover.x / layout.width) * 100)}%"
              data-align=${hover.x > layout.width / 2 ? "end" : "start"}
            >
              <div class="tooltip-time">${formatDateTime(new Date(hover.t), hass)}</div>
              ${series.map((item) => {
                const value = valueAt(item.points, hover.t);
                return html`<div class="tooltip-row">
                  <span class="swatch" style="background:${item.color}"></span>${item.name}:
                  <strong>${value === null ? "—" : formatPercent(value, language)}</strong>
                </div>`;
              })}
              ${nearReset ? html`<div class="tooltip-row">${this._t("reset_marker")}</div>` : nothing}
            </div>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "claude-usage-history": ClaudeUsageHistory;
  }
}
