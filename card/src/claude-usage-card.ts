/** The Claude Usage Lovelace card: one gauge per usage window, countdowns and a history graph. */

import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from "lit";

import {
  configForm,
  RANGE_HOURS,
  RANGES,
  resolveConfig,
  type Range,
  type ResolvedConfig,
} from "./config";
import {
  cardStatus,
  firstDevice,
  readWindow,
  resetPending,
  windowDiscovery,
  type UsageWindow,
  type WindowState,
} from "./entities";
import {
  formatAxisTime,
  formatDateTime,
  formatDuration,
  formatList,
  formatPercent,
  formatRangeLabel,
  msUntilNextChange,
} from "./format";
import { buildGraph, scales, type GraphGeometry, type GraphSeries } from "./graph";
import {
  decodeStatistics,
  endAt,
  findResets,
  mergeStreamMessage,
  toPoints,
  trimBefore,
  valueAt,
  type HistoryStreamMessage,
  type Point,
  type StateHistory,
  type StatisticsResult,
} from "./history";
import { localize, type StringKey } from "./i18n";
import { LEVEL_COLOR, levelFor } from "./levels";
import { cardStyles } from "./styles";
import { DOMAIN, type HomeAssistant, type UnsubscribeFunc } from "./types";

export const CARD_TYPE = "claude-usage-card";

const HOUR_MS = 3_600_000;
const MAX_TICK_MS = 60_000;
const MIN_TICK_MS = 250;
const LONG_PRESS_MS = 500;
const LONG_PRESS_SHOW_MS = 3000;
const DEFAULT_GRAPH_WIDTH = 300;
/** Long-term statistics gain a 5-minute row every 5 minutes. */
const STATISTICS_REFRESH_MS = 5 * 60_000;
const SETTINGS_PATH = `/config/integrations/integration/${DOMAIN}`;

/** Gauge arc: 240° open at the bottom, in a 100 x 84 view box. */
const ARC = { cx: 50, cy: 48, r: 38, start: 150, sweep: 240 };

const GRAPH_FALLBACK_COLORS = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#9498a0"];

function seriesColor(index: number): string {
  const fallback = GRAPH_FALLBACK_COLORS[index % GRAPH_FALLBACK_COLORS.length];
  return `var(--graph-color-${index + 1}, ${fallback})`;
}

function arcPoint(angle: number): string {
  const radians = (angle * Math.PI) / 180;
  const x = ARC.cx + ARC.r * Math.cos(radians);
  const y = ARC.cy + ARC.r * Math.sin(radians);
  return `${Math.round(x * 100) / 100} ${Math.round(y * 100) / 100}`;
}

/** The SVG path of the gauge arc from 0 to `fraction` (0..1) of the sweep. */
export function arcPath(fraction: number): string {
  const sweep = ARC.sweep * Math.min(1, Math.max(0, fraction));
  const largeArc = sweep > 180 ? 1 : 0;
  return `M${arcPoint(ARC.start)}A${ARC.r} ${ARC.r} 0 ${largeArc} 1 ${arcPoint(ARC.start + sweep)}`;
}

type HistoryStatus = "idle" | "loading" | "ready" | "error";

interface Hover {
  x: number;
  t: number;
}

export class ClaudeUsageCard extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _range: { state: true },
    _now: { state: true },
    _history: { state: true },
    _statistics: { state: true },
    _historyStatus: { state: true },
    _hover: { state: true },
    _pressed: { state: true },
    _width: { state: true },
  };

  static override styles = cardStyles;

  declare hass: HomeAssistant | undefined;
  declare private _config: ResolvedConfig | undefined;
  declare private _range: Range;
  declare private _now: number;
  declare private _history: StateHistory;
  declare private _statistics: Record<string, Point[]>;
  declare private _historyStatus: HistoryStatus;
  declare private _hover: Hover | undefined;
  declare private _pressed: string | undefined;
  declare private _width: number;

  private _windows: UsageWindow[] = [];
  private _discoverWindows = windowDiscovery();
  private _historyKey: string | undefined;
  private _generation = 0;
  private _statisticsAt = 0;
  private _subscription: Promise<UnsubscribeFunc> | undefined;
  private _tickTimer: ReturnType<typeof setTimeout> | undefined;
  private _pressTimer: ReturnType<typeof setTimeout> | undefined;
  private _longPressed = false;
  private _resizeObserver: ResizeObserver | undefined;
  private _observed: HTMLElement | undefined;

  constructor() {
    super();
    this._range = "24h";
    this._now = Date.now();
    this._history = {};
    this._statistics = {};
    this._historyStatus = "idle";
    this._width = DEFAULT_GRAPH_WIDTH;
  }

  static getConfigForm() {
    return configForm();
  }

  static getStubConfig(hass: HomeAssistant): Record<string, unknown> {
    const deviceId = firstDevice(hass);
    return deviceId ? { device_id: deviceId } : {};
  }

  setConfig(config: unknown): void {
    const resolved = resolveConfig(config);
    if (this._config?.range !== resolved.range) {
      this._range = resolved.range;
    }
    this._config = resolved;
  }

  getCardSize(): number {
    const windows = Math.max(1, this._windows.length);
    return 1 + Math.ceil(windows / 2) * 2 + (this._config?.showGraph === false ? 0 : 4);
  }

  getGridOptions() {
    return { columns: 12, rows: "auto", min_columns: 6 };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._now = Date.now();
    this._scheduleTick();
    // Resubscribe to history when the card comes back (e.g. switching dashboard views).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._tickTimer);
    clearTimeout(this._pressTimer);
    this._tickTimer = undefined;
    this._resizeObserver?.disconnect();
    this._observed = undefined;
    this._stopHistory();
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    if (changed.size !== 1 || !changed.has("hass")) {
      return true;
    }
    const old = changed.get("hass") as HomeAssistant | undefined;
    const hass = this.hass;
    if (old === undefined || hass === undefined) {
      return true;
    }
    if (
      old.entities !== hass.entities ||
      old.devices !== hass.devices ||
      old.locale !== hass.locale ||
      old.config !== hass.config
    ) {
      return true;
    }
    return this._windows.some(
      (limit) =>
        old.states[limit.usageEntityId] !== hass.states[limit.usageEntityId] ||
        (limit.resetEntityId !== undefined &&
          old.states[limit.resetEntityId] !== hass.states[limit.resetEntityId]),
    );
  }

  protected override willUpdate(): void {
    this._windows =
      this.hass && this._config?.deviceId
        ? this._discoverWindows(this.hass, this._config.deviceId)
        : [];
    this._syncHistory();
  }

  protected override updated(changed: PropertyValues): void {
    this._observeSize();
    if (changed.has("hass") || changed.has("_config")) {
      this._scheduleTick();
    }
  }

  private _t(key: StringKey, values?: Record<string, string>): string {
    return localize(this.hass?.locale.language, key, values);
  }

  // --- timers -------------------------------------------------------------------------

  /** Re-render when a countdown's text changes (and at least every minute for the graph). */
  private _scheduleTick(): void {
    clearTimeout(this._tickTimer);
    if (!this.isConnected) {
      return;
    }
    const now = Date.now();
    let delay = MAX_TICK_MS;
    if (this.hass) {
      for (const limit of this._windows) {
        const resetsAt = readWindow(this.hass, limit).resetsAt;
        if (resetsAt) {
          delay = Math.min(delay, msUntilNextChange(resetsAt.getTime() - now));
        }
      }
    }
    this._tickTimer = setTimeout(
      () => {
        this._now = Date.now();
        if (
          this.hass &&
          this._range === "7d" &&
          this._historyKey !== undefined &&
          this._now - this._statisticsAt >= STATISTICS_REFRESH_MS
        ) {
          const usageIds = this._windows.map((limit) => limit.usageEntityId);
          this._fetchStatistics(this.hass, usageIds, this._generation);
        }
        this._scheduleTick();
      },
      Math.max(MIN_TICK_MS, delay),
    );
  }

  // --- history ------------------------------------------------------------------------

  private _stopHistory(): void {
    this._generation += 1;
    this._historyKey = undefined;
    const subscription = this._subscription;
    this._subscription = undefined;
    subscription?.then((unsubscribe) => unsubscribe()).catch(() => undefined);
  }

  private _syncHistory(): void {
    const hass = this.hass;
    if (!this.isConnected || !hass || !this._config?.showGraph || this._windows.length === 0) {
      if (this._historyKey !== undefined) {
        this._stopHistory();
      }
      return;
    }
    const usageIds = this._windows.map((limit) => limit.usageEntityId);
    const resetIds = this._windows.flatMap((limit) =>
      limit.resetEntityId ? [limit.resetEntityId] : [],
    );
    const range = this._range;
    const key = `${range}|${usageIds.join(",")}|${resetIds.join(",")}`;
    if (key === this._historyKey) {
      return;
    }
    this._stopHistory();
    this._historyKey = key;
    const generation = this._generation;
    this._history = {};
    this._statistics = {};
    this._historyStatus = "loading";
    if (range === "7d") {
      this._fetchStatistics(hass, usageIds, generation);
      return;
    }
    const hours = RANGE_HOURS[range];
    this._subscription = hass.connection.subscribeMessage<HistoryStreamMessage>(
      (message) => {
        if (generation === this._generation) {
          this._history = mergeStreamMessage(this._history, message, Date.now() - hours * HOUR_MS);
          this._historyStatus = "ready";
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
        this._historyStatus = "error";
      }
    });
  }

  /**
   * Load the 5-minute means of the last 7 days. Called again every few minutes while the
   * 7-day range is shown; a failed refresh keeps the data already drawn.
   */
  private _fetchStatistics(hass: HomeAssistant, usageIds: string[], generation: number): void {
    this._statisticsAt = Date.now();
    hass
      .callWS<StatisticsResult>({
        type: "recorder/statistics_during_period",
        start_time: new Date(Date.now() - RANGE_HOURS["7d"] * HOUR_MS).toISOString(),
        statistic_ids: usageIds,
        period: "5minute",
        types: ["mean"],
      })
      .then(
        (result) => {
          if (generation === this._generation) {
            this._statistics = decodeStatistics(result);
            this._historyStatus = "ready";
          }
        },
        () => {
          if (generation === this._generation && this._historyStatus === "loading") {
            this._historyStatus = "error";
          }
        },
      );
  }

  private _observeSize(): void {
    const graph = this.renderRoot.querySelector<HTMLElement>(".graph") ?? undefined;
    if (graph === this._observed || typeof ResizeObserver === "undefined") {
      return;
    }
    this._resizeObserver ??= new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (width > 0 && width !== this._width) {
        this._width = width;
      }
    });
    this._resizeObserver.disconnect();
    this._observed = graph;
    if (graph) {
      this._resizeObserver.observe(graph);
    }
  }

  // --- actions ------------------------------------------------------------------------

  private _moreInfo(entityId: string): void {
    this.dispatchEvent(
      new CustomEvent("hass-more-info", { detail: { entityId }, bubbles: true, composed: true }),
    );
  }

  private _openSettings(): void {
    window.history.pushState(null, "", SETTINGS_PATH);
    window.dispatchEvent(
      new CustomEvent("location-changed", { detail: { replace: false }, composed: true }),
    );
  }

  private _onGaugeClick(limit: UsageWindow): void {
    if (this._longPressed) {
      this._longPressed = false;
      return;
    }
    this._moreInfo(limit.usageEntityId);
  }

  private _onGaugeKey(event: KeyboardEvent, limit: UsageWindow): void {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this._moreInfo(limit.usageEntityId);
    }
  }

  /** A long press on touch shows the absolute reset time for a few seconds instead of opening more-info. */
  private _onGaugePointerDown(event: PointerEvent, limit: UsageWindow): void {
    this._longPressed = false;
    if (event.pointerType !== "touch") {
      return;
    }
    clearTimeout(this._pressTimer);
    this._pressTimer = setTimeout(() => {
      this._longPressed = true;
      this._pressed = limit.key;
      this._pressTimer = setTimeout(() => {
        this._pressed = undefined;
      }, LONG_PRESS_SHOW_MS);
    }, LONG_PRESS_MS);
  }

  private _onGaugePointerEnd(): void {
    if (!this._longPressed) {
      clearTimeout(this._pressTimer);
    }
  }

  private _setRange(range: Range): void {
    this._range = range;
    this._hover = undefined;
  }

  private _onGraphPointer(
    event: PointerEvent,
    geometry: GraphGeometry,
    start: number,
    end: number,
  ) {
    const svgElement = event.currentTarget as Element;
    const rect = svgElement.getBoundingClientRect();
    const scale = rect.width > 0 ? geometry.layout.width / rect.width : 1;
    const x = (event.clientX - rect.left) * scale;
    const { layout } = geometry;
    const clamped = Math.min(layout.right, Math.max(layout.left, x));
    this._hover = { x: clamped, t: scales(layout, start, end).t(clamped) };
  }

  // --- rendering ----------------------------------------------------------------------

  protected override render(): TemplateResult | typeof nothing {
    const hass = this.hass;
    const config = this._config;
    if (!hass || !config) {
      return nothing;
    }
    const states = this._windows.map((limit) => readWindow(hass, limit));
    const status = cardStatus(hass, config.deviceId, states);
    const device = config.deviceId ? hass.devices[config.deviceId] : undefined;
    const title = config.title ?? device?.name_by_user ?? device?.name ?? "Claude Usage";
    return html`
      <ha-card>
        ${title ? html`<h1 class="card-header">${title}</h1>` : nothing}
        <div class="card-content">
          ${
            status === "ok"
              ? html`<div class="gauges">${states.map((state) => this._renderGauge(state))}</div>
                  ${config.showGraph ? this._renderHistory(states) : nothing}`
              : this._renderStatus(status)
          }
        </div>
      </ha-card>
    `;
  }

  private _renderStatus(status: ReturnType<typeof cardStatus>): TemplateResult {
    switch (status) {
      case "no_device":
        return html`<div class="status">${this._t("pick_account")}</div>`;
      case "device_not_found":
        return html`<div class="status warning">${this._t("account_not_found")}</div>`;
      case "unavailable":
        return html`<div class="status warning" role="alert">
          <strong>${this._t("unavailable")}</strong>
          <span>${this._t("reauthenticate")}</span>
          ${
            this.hass?.user?.is_admin
              ? html`<button class="link" @click=${this._openSettings}>
                  ${this._t("open_settings")}
                </button>`
              : nothing
          }
        </div>`;
      default:
        return html`<div class="status">${this._t("no_data")}</div>`;
    }
  }

  private _renderGauge(state: WindowState): TemplateResult {
    const hass = this.hass!;
    const config = this._config!;
    const { window: limit, resetsAt } = state;
    const pending = resetPending(state, this._now);
    const utilization = pending ? null : state.utilization;
    const language = hass.locale.language;
    const level = levelFor(utilization, config.thresholds, state.severity);
    const color = utilization === null ? "var(--disabled-text-color, #9e9e9e)" : LEVEL_COLOR[level];
    const absolute = resetsAt
      ? this._t("resets_at", { time: formatDateTime(resetsAt, hass) })
      : undefined;
    let countdown: string;
    if (!state.available) {
      countdown = this._t("unavailable");
    } else if (!resetsAt) {
      countdown = this._t("no_reset");
    } else {
      const remaining = resetsAt.getTime() - this._now;
      countdown =
        remaining > 0
          ? this._t("resets_in", { duration: formatDuration(remaining, language) })
          : this._t("resetting");
    }
    const resetText =
      state.available && absolute && this._pressed === limit.key ? absolute : countdown;
    const value = utilization === null ? "—" : formatPercent(utilization, language);
    // Screen readers get the exact reset time too, which others see on hover or long press.
    const label = [pending ? limit.name : `${limit.name}: ${value}`, countdown, absolute]
      .filter((part) => part !== undefined)
      .join(". ");
    return html`
      <div
        class="gauge level-${utilization === null ? "none" : level}"
        role="button"
        tabindex="0"
        data-key=${limit.key}
        aria-label=${label}
        title=${absolute ?? resetText}
        @click=${() => this._onGaugeClick(limit)}
        @keydown=${(event: KeyboardEvent) => this._onGaugeKey(event, limit)}
        @pointerdown=${(event: PointerEvent) => this._onGaugePointerDown(event, limit)}
        @pointerup=${this._onGaugePointerEnd}
        @pointercancel=${this._onGaugePointerEnd}
        @pointerleave=${this._onGaugePointerEnd}
        @contextmenu=${(event: Event) => event.preventDefault()}
      >
        <svg viewBox="0 0 100 84" aria-hidden="true">
          <path class="track" d=${arcPath(1)}></path>
          ${
            utilization !== null && utilization > 0
              ? svg`<path class="value" style="stroke:${color}" d=${arcPath(utilization / 100)}></path>`
              : nothing
          }
          <text class="percent" x="50" y="54">${value}</text>
        </svg>
        <div class="name">${limit.name}</div>
        <div class="reset">${resetText}</div>
      </div>
    `;
  }

  private _series(states: WindowState[], start: number, end: number): GraphSeries[] {
    return states.map((state, index) => {
      const { window: limit } = state;
      let points: Point[];
      let resets: number[];
      if (this._range === "7d") {
        points = [...(this._statistics[limit.usageEntityId] ?? [])];
        if (state.utilization !== null) {
          points.push({ t: end, v: state.utilization });
        }
        resets = findResets(points);
      } else {
        points = toPoints(trimBefore(this._history[limit.usageEntityId] ?? [], start));
        const resetStates = limit.resetEntityId ? this._history[limit.resetEntityId] : undefined;
        resets = findResets(points, resetStates);
      }
      // While the window resets, its sensor still holds the old window's value: the line
      // ends at the reset time instead of carrying that value on to now.
      if (resetPending(state, end)) {
        points = endAt(points, state.resetsAt!.getTime());
      }
      return {
        key: limit.key,
        name: limit.name,
        color: seriesColor(index),
        points,
        resets,
      };
    });
  }

  private _renderHistory(states: WindowState[]): TemplateResult {
    const hass = this.hass!;
    const language = hass.locale.language;
    const end = this._now;
    const start = end - RANGE_HOURS[this._range] * HOUR_MS;
    const series = this._series(states, start, end);
    const hasData = series.some((item) => item.points.some((point) => point.v !== null));
    const geometry = buildGraph(series, start, end, this._width, this._config!.thresholds);
    const multiDay = this._range === "7d";
    return html`
      <div class="history">
        <div class="history-header">
          <span class="history-title">${this._t("history")}</span>
          <div class="ranges" role="group" aria-label=${this._t("range")}>
            ${RANGES.map(
              (range) =>
                html`<button
                  class="range"
                  aria-pressed=${range === this._range ? "true" : "false"}
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
            this._historyStatus === "error"
              ? html`<div class="graph-message">${this._t("history_unavailable")}</div>`
              : this._historyStatus === "loading"
                ? html`<div class="graph-message">${this._t("loading")}</div>`
                : !hasData
                  ? html`<div class="graph-message">${this._t("no_history")}</div>`
                  : this._renderGraph(geometry, series, start, end, multiDay)
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
      range: formatRangeLabel(RANGE_HOURS[this._range], language, "long"),
      values: formatList(values, language),
    });
  }

  private _renderGraph(
    geometry: GraphGeometry,
    series: GraphSeries[],
    start: number,
    end: number,
    multiDay: boolean,
  ): TemplateResult {
    const hass = this.hass!;
    const language = hass.locale.language;
    const { layout } = geometry;
    const hover = this._hover;
    const nearReset = hover
      ? geometry.markers.find((marker) => Math.abs(marker.x - hover.x) <= 4)
      : undefined;
    return html`
      <svg
        class="chart"
        viewBox="0 0 ${layout.width} ${layout.height}"
        width=${layout.width}
        height=${layout.height}
        role="img"
        aria-label=${this._graphLabel(series, end)}
        @pointermove=${(event: PointerEvent) => this._onGraphPointer(event, geometry, start, end)}
        @pointerdown=${(event: PointerEvent) => this._onGraphPointer(event, geometry, start, end)}
        @pointerleave=${() => {
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
          (tick, index) => svg`<text
              class="axis"
              x=${tick.x}
              y=${layout.height - 4}
              text-anchor=${index === 0 ? "start" : index === geometry.xTicks.length - 1 ? "end" : "middle"}
            >${formatAxisTime(new Date(tick.t), hass, multiDay)}</text>`,
        )}
        ${geometry.lines.map(
          (line) =>
            svg`<path class="line" data-key=${line.key} style="stroke:${line.color}" d=${line.d}></path>`,
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
  interface Window {
    customCards?: {
      type: string;
      name: string;
      description: string;
      preview?: boolean;
      documentationURL?: string;
    }[];
  }
  interface HTMLElementTagNameMap {
    "claude-usage-card": ClaudeUsageCard;
  }
}

/**
 * Run `define` once the page's custom element registry is the one Home Assistant keeps.
 *
 * Home Assistant's app bundle swaps `window.customElements` for a scoped-registry polyfill
 * while it boots, and extra modules such as this card load in parallel with it. A card
 * defined before the swap lands in the registry that is thrown away, and the dashboard says
 * "Custom element doesn't exist". The app's root element, `<home-assistant>` in the page, is
 * defined after the swap; until then the card waits for it. Elsewhere (no such element, or
 * the app already running) it defines at once.
 */
export function defineWhenAppReady(define: () => void, doc: Document = document): void {
  const appPending =
    doc.querySelector("home-assistant") !== null && !window.customElements.get("home-assistant");
  if (!appPending) {
    define();
    return;
  }
  void window.customElements.whenDefined("home-assistant").then(define);
}

defineWhenAppReady(() => {
  if (customElements.get(CARD_TYPE)) return;
  customElements.define(CARD_TYPE, ClaudeUsageCard);
  window.customCards = window.customCards ?? [];
  window.customCards.push({
    type: CARD_TYPE,
    name: "Claude Usage",
    description: localize(document.documentElement.lang || navigator.language, "card_description"),
    preview: true,
    documentationURL: "https://github.com/claude-usage-ha/claude-usage-ha",
  });
});
