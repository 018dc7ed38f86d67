/**
 * The Claude Usage Lovelace card. It finds the account's windows in `hass` and composes a
 * gauge per window (`claude-usage-gauge`) and the history graph (`claude-usage-history`),
 * which draw themselves: the gauges from `hass.states` at once, the graph once its data comes.
 */

import { html, LitElement, nothing, type PropertyValues } from "lit";

import type { ActionsConfig } from "./action-handler";
import { configForm, resolveConfig, type ResolvedConfig } from "./config";
import {
  accountDiscovery,
  accountEntityIds,
  cardStatus,
  firstDevice,
  NO_ACCOUNT,
  readExtraUsage,
  readWindow,
  type Account,
} from "./entities";
import { ClaudeUsageExtra, EXTRA_TYPE } from "./extra-usage";
import { ClaudeUsageGauge, GAUGE_TYPE } from "./gauge";
import { localize, type StringKey } from "./i18n";
import { cardStyles } from "./styles";
import { DOMAIN, type HomeAssistant } from "./types";
import { ClaudeUsageHistory, HISTORY_TYPE } from "./usage-history";
import { WidthController } from "./width-controller";

export const CARD_TYPE = "claude-usage-card";

const SETTINGS_PATH = `/config/integrations/integration/${DOMAIN}`;

/** A gauge stays readable down to this width (its countdown wraps onto two lines). */
export const MIN_GAUGE_WIDTH = 104;
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

export class ClaudeUsageCard extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
  };

  static override styles = cardStyles;

  declare hass: HomeAssistant | undefined;
  declare private _config: ResolvedConfig | undefined;

  private _account: Account = NO_ACCOUNT;
  private _discover = accountDiscovery();
  private readonly _gaugesWidth = new WidthController(this, ".gauges");

  static getConfigForm() {
    return configForm();
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
    this._account =
      this.hass && this._config?.deviceId
        ? this._discover(this.hass, this._config.deviceId)
        : NO_ACCOUNT;
  }

  private _t(key: StringKey): string {
    return localize(this.hass?.locale.language, key);
  }

  private _openSettings(): void {
    window.history.pushState(null, "", SETTINGS_PATH);
    window.dispatchEvent(
      new CustomEvent("location-changed", { detail: { replace: false }, composed: true }),
    );
  }

  protected override render() {
    const hass = this.hass;
    const config = this._config;
    if (!hass || !config) {
      return nothing;
    }
    const states = this._account.windows.map((limit) => readWindow(hass, limit));
    const status = cardStatus(hass, config.deviceId, this._account, states);
    const device = config.deviceId ? hass.devices[config.deviceId] : undefined;
    const title = config.title ?? device?.name_by_user ?? device?.name ?? "Claude Usage";
    const actions: ActionsConfig = config.actions;
    return html`
      <ha-card>
        ${title ? html`<h1 class="card-header">${title}</h1>` : nothing}
        <div class="card-content">
          ${
            status === "ok"
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
                          .actions=${actions}
                        ></claude-usage-gauge>`,
                    )}
                  </div>
                  ${this._renderExtra(hass)}
                  ${
                    config.showGraph
                      ? html`<claude-usage-history
                          .hass=${hass}
                          .readings=${states}
                          .range=${config.range}
                          .thresholds=${config.thresholds}
                        ></claude-usage-history>`
                      : nothing
                  }`
              : this._renderStatus(status)
          }
        </div>
      </ha-card>
    `;
  }

  private _renderExtra(hass: HomeAssistant) {
    const usage = readExtraUsage(hass, this._account);
    return usage
      ? html`<claude-usage-extra .hass=${hass} .usage=${usage}></claude-usage-extra>`
      : nothing;
  }

  private _renderStatus(status: ReturnType<typeof cardStatus>) {
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
  customElements.define(GAUGE_TYPE, ClaudeUsageGauge);
  customElements.define(HISTORY_TYPE, ClaudeUsageHistory);
  customElements.define(EXTRA_TYPE, ClaudeUsageExtra);
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
