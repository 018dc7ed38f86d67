/**
 * The Claude Usage Lovelace card. It finds the account's sensors in `hass` and composes
 * what they say: why values are missing (`claude-usage-status`), a gauge per window
 * (`claude-usage-gauge`), extra usage (`claude-usage-extra`) and the history graph
 * (`claude-usage-history`). The gauges draw from `hass.states` at once, the graph once its
 * data comes. While the account has a problem, the card keeps the last values the
 * recorder holds, greyed out.
 */

import { html, LitElement, nothing, type PropertyValues } from "lit";

import { EDITOR_TYPE } from "./card-editor";
import { windowColors } from "./colors";
import { resolveConfig, type ResolvedConfig } from "./config";
import {
  accountDiscovery,
  accountEntityIds,
  cardStatus,
  firstDevice,
  NO_ACCOUNT,
  readExtraUsage,
  readWindow,
  rememberIdentity,
  type Account,
} from "./entities";
import { localize, type StringKey } from "./i18n";
import { lastRecordedStates, type Recorded } from "./recorded";
import { accountStatus, type AccountStatus } from "./status";
import { cardStyles } from "./styles";
import type { HomeAssistant } from "./types";
import { WidthController } from "./width-controller";

export const CARD_TYPE = "claude-usage-card";

/** A gauge stays readable down to this width (its countdown wraps onto two lines). */
const MIN_GAUGE_WIDTH = 104;
/** The gap between gauges in a row (`.gauges` in styles.ts). */
const GAUGE_GAP = 8;

/**
 * How many gauges a row holds: as many as fit, in rows as even as can be, so four gauges
 * are 2 x 2 or 4 in a row, never 3 + 1.
 */
export function gaugeColumns(count: number, width: number): number {
  const fit = Math.max(1, Math.floor((width + GAUGE_GAP) / (MIN_GAUGE_WIDTH + GAUGE_GAP)));
  const rows = Math.ceil(Math.max(1, count) / fit);
  return Math.ceil(Math.max(1, count) / rows);
}

const NO_STATUS: AccountStatus = { problem: undefined, retryAt: null, lastUpdate: null };

export class ClaudeUsageCard extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _recorded: { state: true },
  };

  static override styles = cardStyles;

  declare hass: HomeAssistant | undefined;
  declare private _config: ResolvedConfig | undefined;
  /** The last recorded states of the account's sensors, while it has a problem. */
  declare private _recorded: Recorded;

  private _account: Account = NO_ACCOUNT;
  private _status: AccountStatus = NO_STATUS;
  private _recordedKey: string | undefined;
  private readonly _discover = accountDiscovery();
  private readonly _gaugesWidth = new WidthController(this, ".gauges");

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
    this._account = hass && deviceId ? this._discover(hass, deviceId) : NO_ACCOUNT;
    this._status = hass ? accountStatus(hass, this._account) : NO_STATUS;
    this._syncRecorded();
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

  private _t(key: StringKey): string {
    return localize(this.hass?.locale.language, key);
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
    return html`
      <ha-card>
        ${title ? html`<h1 class="card-header">${title}</h1>` : nothing}
        <div class="card-content">
          ${status === "ok" ? nothing : this._renderMessage(status)}
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
