/**
 * The Claude Usage Lovelace card. It finds the account's sensors in `hass` and composes
 * what they say: why values are missing (`claude-usage-status`), a gauge per window
 * (`claude-usage-gauge`), extra usage and a credit grant (`claude-usage-extra`,
 * `claude-usage-credit`) and the history graph (`claude-usage-history`). The gauges draw
 * from `hass.states` at once, the graph once its data comes. While the account has a
 * problem, the card keeps the last values the recorder holds, greyed out. Windows are
 * named in the user's language once the integration's translations came.
 */

import { html, LitElement, nothing, type PropertyValues } from "lit";

import { EDITOR_TYPE } from "./card-editor";
import { windowColors } from "./colors";
import { resolveConfig, type ResolvedConfig } from "./config";
import {
  accountDiscovery,
  accountEntityIds,
  bindingWindow,
  cardStatus,
  firstDevice,
  NO_ACCOUNT,
  readCredit,
  readExtraUsage,
  readWindow,
  rememberIdentity,
  type Account,
} from "./entities";
import { formatMoment } from "./format";
import { cardLanguage, localize, type StringKey } from "./i18n";
import { nameTranslations, type NameTranslations } from "./names";
import { lastRecordedStates, type Recorded } from "./recorded";
import { accountStatus, REPORT_AGE_MS, reportAsOf, type AccountStatus } from "./status";
import { cardStyles } from "./styles";
import type { HomeAssistant } from "./types";
import { WidthController } from "./width-controller";

export const CARD_TYPE = "claude-usage-card";

/** A gauge stays readable down to this width (its countdown wraps onto two lines). */
const MIN_GAUGE_WIDTH = 104;
/** The gap between gauges in a row (`.gauges` in styles.ts). */
const GAUGE_GAP = 8;
/** What a name's first word has before it: the colour swatch and its margin (styles.ts). */
const SWATCH_WIDTH = 13;
/** The gauge's padding on each side (styles.ts). */
const GAUGE_PADDING = 2;

/**
 * The width a gauge needs so that no word of its name breaks ("Sitzungsnutzung" is wider
 * than a third of a phone): its widest word, the first one after the colour swatch, as
 * `measure` finds them in the name's font.
 */
export function nameWidth(name: string, measure: (text: string) => number): number {
  const words = name.split(/\s+/).filter((word) => word !== "");
  const widths = words.map((word, index) => measure(word) + (index === 0 ? SWATCH_WIDTH : 0));
  return Math.ceil(Math.max(0, ...widths)) + 2 * GAUGE_PADDING;
}

/**
 * How many gauges a row holds: as many as fit, each at least `minWidth` wide, in rows as
 * even as can be, so four gauges are 2 x 2 or 4 in a row, never 3 + 1.
 */
export function gaugeColumns(
  count: number,
  width: number,
  minWidth: number = MIN_GAUGE_WIDTH,
): number {
  const gauge = Math.max(MIN_GAUGE_WIDTH, minWidth);
  const fit = Math.max(1, Math.floor((width + GAUGE_GAP) / (gauge + GAUGE_GAP)));
  const rows = Math.ceil(Math.max(1, count) / fit);
  return Math.ceil(Math.max(1, count) / rows);
}

const NO_STATUS: AccountStatus = {
  problem: undefined,
  retryAt: null,
  lastUpdate: null,
  lastReport: null,
};

export class ClaudeUsageCard extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _recorded: { state: true },
    _names: { state: true },
  };

  static override styles = cardStyles;

  declare hass: HomeAssistant | undefined;
  declare private _config: ResolvedConfig | undefined;
  /** The last recorded states of the account's sensors, while it has a problem. */
  declare private _recorded: Recorded;
  /** What it takes to name the windows in the user's language, once loaded. */
  declare private _names: NameTranslations | undefined;

  private _account: Account = NO_ACCOUNT;
  private _status: AccountStatus = NO_STATUS;
  private _recordedKey: string | undefined;
  private _namesKey: string | undefined;
  /** Renders again when Claude Code's last report turns an hour old. */
  private _reportTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly _discover = accountDiscovery();
  private readonly _gaugesWidth = new WidthController(this, ".gauges");
  /** The width the windows' names need (`nameWidth`), measured once they are drawn. */
  private _nameWidth = MIN_GAUGE_WIDTH;
  /** The names and font `_nameWidth` was measured for. */
  private _measured: string | undefined;
  private _canvas: HTMLCanvasElement | undefined;

  constructor() {
    super();
    this._recorded = {};
  }

  static getConfigElement(): HTMLElement {
    return document.createElement(EDITOR_TYPE);
  }

  static getStubConfig(hass: HomeAssistant): Record<string, unknown> {
    const deviceId = firstDevice(hass);
    return deviceId ? { device_id: deviceId } : {};
  }

  setConfig(config: unknown): void {
    this._config = resolveConfig(config);
  }

  getCardSize(): number {
    const windows = Math.max(1, this._account.windows.length);
    return 1 + Math.ceil(windows / 2) * 2 + (this._config?.showGraph === false ? 0 : 4);
  }

  getGridOptions() {
    return { columns: 12, rows: "auto", min_columns: 6 };
  }

  /** Render only for a change the card shows: its own sensors, registries, locale. */
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
    return accountEntityIds(this._account).some((id) => old.states[id] !== hass.states[id]);
  }

  protected override willUpdate(): void {
    const hass = this.hass;
    const deviceId = this._config?.deviceId;
    this._syncNames();
    this._account = hass && deviceId ? this._discover(hass, deviceId, this._names) : NO_ACCOUNT;
    this._status = hass ? accountStatus(hass, this._account) : NO_STATUS;
    this._syncRecorded();
    this._syncReportTimer();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      // Back on a dashboard view: the report timer was cleared, names may have failed.
      this._namesKey = undefined;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._reportTimer);
    this._reportTimer = undefined;
  }

  /** Ask for the translations that name the windows in the user's language, when it changes. */
  private _syncNames(): void {
    const hass = this.hass;
    if (!hass) {
      return;
    }
    const language = cardLanguage(hass.locale.language);
    const key = `${hass.config.language}|${language}`;
    if (key === this._namesKey) {
      return;
    }
    this._namesKey = key;
    this._names = undefined;
    void nameTranslations(hass, language).then((names) => {
      if (key === this._namesKey) {
        this._names = names;
      }
    });
  }

  /** While Claude Code's last report is younger than an hour, render again when it is not. */
  private _syncReportTimer(): void {
    clearTimeout(this._reportTimer);
    this._reportTimer = undefined;
    const { problem, lastReport } = this._status;
    if (problem !== undefined || lastReport === null || !this.isConnected) {
      return;
    }
    const due = lastReport.getTime() + REPORT_AGE_MS - Date.now();
    if (due >= 0) {
      this._reportTimer = setTimeout(() => this.requestUpdate(), due + 1);
    }
  }

  /**
   * While the account has a problem, ask the recorder once for the last states of its
   * unavailable sensors: since the last good answer, else since they turned unavailable.
   * Their attributes also tell the windows of sensors the card never saw available.
   */
  private _syncRecorded(): void {
    const hass = this.hass;
    const { problem, lastUpdate } = this._status;
    const ids = accountEntityIds(this._account).filter(
      (id) => hass?.states[id]?.state === "unavailable",
    );
    if (!hass || !problem || ids.length === 0) {
      this._recordedKey = undefined;
      if (Object.keys(this._recorded).length > 0) {
        this._recorded = {};
      }
      return;
    }
    const turnedUnavailable = Math.min(
      ...ids.map((id) => Date.parse(hass.states[id]!.last_changed)),
    );
    const since = lastUpdate ?? new Date(turnedUnavailable - 1);
    const key = `${ids.join(",")}|${since.getTime()}`;
    if (key === this._recordedKey) {
      return;
    }
    this._recordedKey = key;
    lastRecordedStates(hass, ids, since).then(
      (recorded) => {
        if (key === this._recordedKey) {
          for (const [entityId, state] of Object.entries(recorded)) {
            rememberIdentity(entityId, state?.attributes);
          }
          this._recorded = recorded;
        }
      },
      // Without the recorder, the gauges of the windows known show "—".
      () => undefined,
    );
  }

  private _t(key: StringKey, values?: Record<string, string>): string {
    return localize(this.hass?.locale.language, key, values);
  }

  protected override render() {
    const hass = this.hass;
    const config = this._config;
    if (!hass || !config) {
      return nothing;
    }
    const { problem } = this._status;
    const states = this._account.windows.map((limit) => readWindow(hass, limit, this._recorded));
    const status = cardStatus(hass, config.deviceId, states, problem !== undefined);
    const device = config.deviceId ? hass.devices[config.deviceId] : undefined;
    const title = config.title ?? device?.name_by_user ?? device?.name ?? "Claude Usage";
    const extra = readExtraUsage(hass, this._account, this._recorded);
    const colors = windowColors(states.map((reading) => reading.window.key));
    const credit = readCredit(hass, this._account, this._recorded);
    const now = Date.now();
    const binding = bindingWindow(states, now);
    const asOf = reportAsOf(this._status, now);
    return html`
      <ha-card>
        ${title ? html`<h1 class="card-header">${title}</h1>` : nothing}
        <div class="card-content">
          ${status === "ok" ? nothing : this._renderMessage(status)}
          ${
            asOf && states.length > 0
              ? html`<div class="as-of">
                  ${this._t("as_of_report", { time: formatMoment(asOf, hass, now) })}
                </div>`
              : nothing
          }
          ${
            problem
              ? html`<claude-usage-status
                  .hass=${hass}
                  .status=${this._status}
                  ?stale=${states.some((reading) => reading.stale)}
                ></claude-usage-status>`
              : nothing
          }
          ${
            status === "ok" && states.length > 0
              ? html`<div
                  class="gauges"
                  style="--columns:${gaugeColumns(
                    states.length,
                    this._gaugesWidth.width ?? Number.POSITIVE_INFINITY,
                    this._nameWidth,
                  )}"
                >
                  ${states.map(
                    (reading) =>
                      html`<claude-usage-gauge
                        data-key=${reading.window.key}
                        .hass=${hass}
                        .window=${reading.window}
                        .reading=${reading}
                        .thresholds=${config.thresholds}
                        .actions=${config.actions}
                        .asOf=${this._status.lastUpdate}
                        .color=${colors.get(reading.window.key)}
                        ?binding=${reading.window.key === binding}
                      ></claude-usage-gauge>`,
                  )}
                </div>`
              : nothing
          }
          ${
            status === "ok" && extra
              ? html`<claude-usage-extra .hass=${hass} .usage=${extra}></claude-usage-extra>`
              : nothing
          }
          ${
            status === "ok" && credit
              ? html`<claude-usage-credit .hass=${hass} .credit=${credit}></claude-usage-credit>`
              : nothing
          }
          ${
            status === "ok" && config.showGraph && states.length > 0
              ? html`<claude-usage-history
                  .hass=${hass}
                  .readings=${states}
                  .range=${config.range}
                  .thresholds=${config.thresholds}
                ></claude-usage-history>`
              : nothing
          }
        </div>
      </ha-card>
    `;
  }

  protected override updated(): void {
    void this._measureNames();
  }

  /**
   * Measure the widest word of the windows' names in the font a gauge draws them in, once
   * the gauges are drawn and again when the names, the font or the web fonts change.
   */
  private async _measureNames(): Promise<void> {
    const gauge = this.renderRoot.querySelector("claude-usage-gauge");
    await gauge?.updateComplete;
    const name = gauge?.shadowRoot?.querySelector(".name");
    const context = name && (this._canvas ??= document.createElement("canvas")).getContext("2d");
    if (!name || !context) {
      return;
    }
    const style = getComputedStyle(name);
    const font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const names = this._account.windows.map((limit) => limit.name);
    const key = `${font}|${names.join("|")}`;
    if (key === this._measured) {
      return;
    }
    this._measured = key;
    context.font = font;
    const width = Math.max(
      MIN_GAUGE_WIDTH,
      ...names.map((text) => nameWidth(text, (word) => context.measureText(word).width)),
    );
    if (width !== this._nameWidth) {
      this._nameWidth = width;
      this.requestUpdate();
    }
    // A web font still loading draws the names wider or narrower once it is there.
    if (document.fonts?.status === "loading") {
      void document.fonts.ready.then(() => {
        if (this._measured === key) {
          this._measured = undefined;
          this.requestUpdate();
        }
      });
    }
  }

  private _renderMessage(status: "no_device" | "device_not_found" | "no_data") {
    switch (status) {
      case "no_device":
        return html`<div class="status">${this._t("pick_account")}</div>`;
      case "device_not_found":
        return html`<div class="status warning">${this._t("account_not_found")}</div>`;
      default:
        return html`<div class="status">${this._t("no_data")}</div>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "claude-usage-card": ClaudeUsageCard;
  }
}
