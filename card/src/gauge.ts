/**
 * One window's gauge: the arc of its utilization, a marker where an even pace through the
 * window would be, a mark on the limit that binds first, its name and a countdown to its
 * reset that ticks by itself. Tap, hold and double tap run the card's actions on the
 * window's usage sensor; without a `hold_action`, a hold shows the exact reset time and the
 * pace over the arc for a few seconds, so nothing around it moves.
 */

import { html, LitElement, nothing, svg, type PropertyValues } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";

import {
  actionHandler,
  fireAction,
  hasAction,
  type ActionsConfig,
  type GestureAction,
} from "./action-handler";
import type { Thresholds } from "./config";
import { resetPending, type UsageWindow, type WindowState } from "./entities";
import {
  formatDateTime,
  formatDuration,
  formatMoment,
  formatPercent,
  msUntilNextChange,
} from "./format";
import { localize, type StringKey } from "./i18n";
import { LEVEL_COLOR, levelFor } from "./levels";
import { elapsedShare, paceOf, type Pace } from "./pace";
import { gaugeStyles } from "./styles";
import type { HomeAssistant } from "./types";

export const GAUGE_TYPE = "claude-usage-gauge";

const MAX_TICK_MS = 60_000;
const MIN_TICK_MS = 250;
/** How long a hold shows the exact reset time. */
export const DETAIL_SHOW_MS = 3000;

const PACE_TEXT: Record<Pace, StringKey> = {
  ahead: "pace_ahead",
  behind: "pace_behind",
  on: "pace_on",
};

/** Gauge arc: 240° open at the bottom, in a 100 x 84 view box. */
const ARC = { cx: 50, cy: 48, r: 38, start: 150, sweep: 240 };

/** How far the pace marker reaches inside and outside the arc's middle (its stroke is 9). */
const PACE_REACH = 7;

/** Parts of the hold detail: a line may break after a "·", never before one. */
const DETAIL_SEPARATOR = "\u00a0· ";

/** The binding mark: a small flag in the arc's top right corner. */
const BINDING_FLAG = "M86 3v15M86 3.5l10 3.75l-10 3.75z";

function arcPoint(angle: number, radius: number = ARC.r): string {
  const radians = (angle * Math.PI) / 180;
  const x = ARC.cx + radius * Math.cos(radians);
  const y = ARC.cy + radius * Math.sin(radians);
  return `${Math.round(x * 100) / 100} ${Math.round(y * 100) / 100}`;
}

/** The angle of `fraction` (0..1) of the sweep. */
function arcAngle(fraction: number): number {
  return ARC.start + ARC.sweep * Math.min(1, Math.max(0, fraction));
}

/** The SVG path of the gauge arc from 0 to `fraction` (0..1) of the sweep. */
export function arcPath(fraction: number): string {
  const sweep = arcAngle(fraction) - ARC.start;
  const largeArc = sweep > 180 ? 1 : 0;
  return `M${arcPoint(ARC.start)}A${ARC.r} ${ARC.r} 0 ${largeArc} 1 ${arcPoint(ARC.start + sweep)}`;
}

/** The pace marker: a short line across the arc at `fraction` (0..1) of the sweep. */
export function pacePath(fraction: number): string {
  const angle = arcAngle(fraction);
  return `M${arcPoint(angle, ARC.r - PACE_REACH)}L${arcPoint(angle, ARC.r + PACE_REACH)}`;
}

export class ClaudeUsageGauge extends LitElement {
  static override properties = {
    hass: { attribute: false },
    window: { attribute: false },
    reading: { attribute: false },
    thresholds: { attribute: false },
    actions: { attribute: false },
    asOf: { attribute: false },
    color: { attribute: false },
    binding: { type: Boolean },
    _now: { state: true },
    _detail: { state: true },
  };

  static override styles = gaugeStyles;

  declare hass: Pick<HomeAssistant, "locale" | "config"> | undefined;
  declare window: UsageWindow | undefined;
  declare reading: WindowState | undefined;
  declare thresholds: Thresholds | undefined;
  declare actions: ActionsConfig;
  /** When claude.ai last answered: the time of a stale reading's values. */
  declare asOf: Date | null | undefined;
  /** The window's colour in the graph (`windowColors`), beside its name. */
  declare color: string | undefined;
  /** Whether this window's limit will stop the user first (see `bindingWindow`). */
  declare binding: boolean;
  declare private _now: number;
  declare private _detail: boolean;

  private _tickTimer: ReturnType<typeof setTimeout> | undefined;
  private _detailTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.actions = {};
    this.binding = false;
    this._now = Date.now();
    this._detail = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._now = Date.now();
    this._scheduleTick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._tickTimer);
    clearTimeout(this._detailTimer);
    this._tickTimer = undefined;
    this._detail = false;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has("reading")) {
      this._scheduleTick();
    }
  }

  /** Re-render when the countdown's text changes, and at least every minute. */
  private _scheduleTick(): void {
    clearTimeout(this._tickTimer);
    if (!this.isConnected) {
      return;
    }
    const resetsAt = this.reading?.resetsAt;
    const delay = resetsAt
      ? Math.min(MAX_TICK_MS, msUntilNextChange(resetsAt.getTime() - Date.now()))
      : MAX_TICK_MS;
    this._tickTimer = setTimeout(
      () => {
        this._now = Date.now();
        this._scheduleTick();
      },
      Math.max(MIN_TICK_MS, delay),
    );
  }

  private _t(key: StringKey, values?: Record<string, string>): string {
    return localize(this.hass?.locale.language, key, values);
  }

  private _onAction(event: CustomEvent<{ action: GestureAction }>): void {
    const action = event.detail.action;
    if (action === "hold" && this.actions.hold_action === undefined) {
      this._detail = true;
      clearTimeout(this._detailTimer);
      this._detailTimer = setTimeout(() => {
        this._detail = false;
      }, DETAIL_SHOW_MS);
      return;
    }
    fireAction(this, this.window!.usageEntityId, this.actions, action);
  }

  protected override render() {
    const { hass, window: limit, reading, thresholds } = this;
    if (!hass || !limit || !reading || !thresholds) {
      return nothing;
    }
    const { resetsAt } = reading;
    const language = hass.locale.language;
    const pending = resetPending(reading, this._now);
    const utilization = pending ? null : reading.utilization;
    const level = levelFor(utilization, thresholds, reading.severity);
    const color = utilization === null ? "var(--disabled-text-color, #9e9e9e)" : LEVEL_COLOR[level];
    const absolute = resetsAt
      ? this._t("resets_at", { time: formatDateTime(resetsAt, hass) })
      : undefined;
    let countdown: string;
    if (!reading.available) {
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
    const share = utilization === null ? null : elapsedShare(limit.kind, resetsAt, this._now);
    const pace = share === null ? undefined : this._t(PACE_TEXT[paceOf(utilization!, share)]);
    // A window whose reset has passed binds nothing until its new values come.
    const bound = this.binding && !pending;
    const binding = bound ? this._t("binding") : undefined;
    const detail = [absolute, pace, binding]
      .filter((part) => part !== undefined)
      .join(DETAIL_SEPARATOR);
    const showDetail = reading.available && detail !== "" && this._detail;
    const value = utilization === null ? "—" : formatPercent(utilization, language);
    // A greyed gauge shows the last value; screen readers hear since when.
    const asOf =
      reading.stale && this.asOf
        ? `, ${this._t("value_as_of", { time: formatMoment(this.asOf, hass, this._now) })}`
        : "";
    // Screen readers get the detail too, which others see on hover or hold.
    const label = [
      pending ? limit.name : `${limit.name}: ${value}${asOf}`,
      binding,
      countdown,
      absolute,
      pace,
    ]
      .filter((part) => part !== undefined)
      .join(". ");
    const { tap_action, hold_action, double_tap_action } = this.actions;
    return html`
      <div
        class="gauge level-${utilization === null ? "none" : level} ${reading.stale ? "stale" : ""}"
        role="button"
        tabindex=${ifDefined(tap_action === undefined || hasAction(tap_action) ? "0" : undefined)}
        aria-label=${label}
        title=${detail || countdown}
        .actionHandler=${actionHandler({
          hasHold: hold_action === undefined || hasAction(hold_action),
          hasDoubleClick: hasAction(double_tap_action),
        })}
        @action=${this._onAction}
      >
        <div class="face ${showDetail ? "showing-detail" : ""}">
          <svg viewBox="0 0 100 84" aria-hidden="true">
            <path class="track" d=${arcPath(1)}></path>
            ${
              utilization !== null && utilization > 0
                ? svg`<path class="value" style="stroke:${color}" d=${arcPath(utilization / 100)}></path>`
                : nothing
            }
            ${share === null ? nothing : svg`<path class="pace" d=${pacePath(share)}></path>`}
            ${bound ? svg`<path class="binding" d=${BINDING_FLAG}></path>` : nothing}
            <text class="percent" x="50" y="54">${value}</text>
          </svg>
          ${showDetail ? html`<div class="detail" aria-hidden="true">${detail}</div>` : nothing}
        </div>
        <div class="name">
          <span class="swatch" style="background:${this.color}"></span>${limit.name}
        </div>
        <div class="reset">${countdown}</div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "claude-usage-gauge": ClaudeUsageGauge;
  }
}
