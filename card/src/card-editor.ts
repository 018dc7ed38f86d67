/**
 * The card's visual editor: Home Assistant's `ha-form` with the card's options, their
 * defaults shown (the account's name as the title's placeholder, 24h, the thresholds), and
 * thresholds that are out of order or range while the user types shown as a field error,
 * so the editor stays visual.
 */

import { html, LitElement, nothing } from "lit";

import {
  DEFAULT_THRESHOLDS,
  readConfig,
  RANGES,
  thresholdProblem,
  type ResolvedConfig,
} from "./config";
import { localize, type StringKey } from "./i18n";
import { DOMAIN, type HomeAssistant } from "./types";

export const EDITOR_TYPE = "claude-usage-card-editor";

type Config = Record<string, unknown>;

/** The editor's own labels; Home Assistant's own label the actions. */
const LABELS: Record<string, StringKey> = {
  device_id: "editor_device_id",
  title: "editor_title",
  default_range: "editor_default_range",
  show_graph: "editor_show_graph",
  thresholds: "editor_thresholds",
  warning: "editor_warning",
  critical: "editor_critical",
};

const HELPERS: Record<string, StringKey> = {
  title: "editor_title_helper",
  hold_action: "editor_hold_action_helper",
};

const PERCENT = {
  number: { min: 0, max: 100, step: 1, mode: "box", unit_of_measurement: "%" },
};

/** The form; `accountName` is the title's placeholder (what an empty title shows). */
export function editorSchema(accountName: string | undefined) {
  return [
    {
      name: "device_id",
      required: true,
      selector: { device: { filter: { integration: DOMAIN } } },
    },
    { name: "title", default: accountName, selector: { text: {} } },
    {
      type: "grid",
      name: "",
      flatten: true,
      schema: [
        {
          name: "default_range",
          selector: {
            select: {
              mode: "dropdown",
              options: RANGES.map((range) => ({ value: range, label: range })),
            },
          },
        },
        { name: "show_graph", selector: { boolean: {} } },
      ],
    },
    {
      type: "expandable",
      name: "thresholds",
      schema: [
        {
          type: "grid",
          name: "",
          flatten: true,
          schema: [
            // The defaults show as placeholders: a field emptied to type anew stays empty.
            { name: "warning", default: DEFAULT_THRESHOLDS.warning, selector: PERCENT },
            { name: "critical", default: DEFAULT_THRESHOLDS.critical, selector: PERCENT },
          ],
        },
      ],
    },
    {
      type: "expandable",
      name: "interactions",
      flatten: true,
      schema: [
        { name: "tap_action", selector: { ui_action: { default_action: "more-info" } } },
        { name: "hold_action", selector: { ui_action: {} } },
        { name: "double_tap_action", selector: { ui_action: { default_action: "none" } } },
      ],
    },
  ];
}

/**
 * What the form shows: the configuration with the range and the graph switch filled in (a
 * dropdown and a switch have no placeholder; the title and thresholds show theirs).
 */
export function formData(config: Config, resolved: ResolvedConfig): Config {
  const { hours_to_show: _hours, ...rest } = config;
  return { ...rest, default_range: resolved.range, show_graph: resolved.showGraph };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The configuration after the user changed the form from `shown` to `next`: only what the
 * user changed is written, so defaults stay out of the YAML. An emptied title goes back to
 * the account's name; a range picked replaces `hours_to_show`.
 */
export function applyForm(config: Config, shown: Config, next: Config): Config {
  const result: Config = { ...config };
  for (const key of new Set([...Object.keys(shown), ...Object.keys(next)])) {
    if (same(shown[key], next[key])) {
      continue;
    }
    if (next[key] === undefined || (key === "title" && next[key] === "")) {
      delete result[key];
    } else {
      result[key] = next[key];
    }
    if (key === "default_range") {
      delete result.hours_to_show;
    }
  }
  return result;
}

/**
 * `ha-form` comes with Home Assistant's own editors, which load it when first opened; a
 * built-in card's editor brings it along, as Mushroom's editors do.
 */
function loadHaForm(): void {
  if (!customElements.get("ha-form")) {
    const button = customElements.get("hui-button-card") as
      (CustomElementConstructor & { getConfigElement?: () => unknown }) | undefined;
    void button?.getConfigElement?.();
  }
}

export class ClaudeUsageCardEditor extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
  };

  declare hass: HomeAssistant | undefined;
  declare private _config: Config | undefined;

  /** Takes any configuration the form can show; throws (to YAML) only for one it cannot. */
  setConfig(config: Config): void {
    readConfig(config);
    this._config = config;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadHaForm();
  }

  private _t(key: StringKey): string {
    return localize(this.hass?.locale.language, key);
  }

  private readonly _computeLabel = (schema: { name: string }): string =>
    schema.name in LABELS
      ? this._t(LABELS[schema.name]!)
      : this.hass!.localize(`ui.panel.lovelace.editor.card.generic.${schema.name}`) || schema.name;

  private readonly _computeHelper = (schema: { name: string }): string | undefined =>
    schema.name in HELPERS ? this._t(HELPERS[schema.name]!) : undefined;

  protected override render() {
    const { hass, _config: config } = this;
    if (!hass || !config) {
      return nothing;
    }
    const resolved = readConfig(config);
    const device = resolved.deviceId ? hass.devices[resolved.deviceId] : undefined;
    const problem = thresholdProblem(resolved.thresholds);
    const data = formData(config, resolved);
    return html`
      <ha-form
        .hass=${hass}
        .data=${data}
        .schema=${editorSchema(device?.name_by_user ?? device?.name ?? undefined)}
        .error=${
          problem
            ? { thresholds: this._t(problem.problem === "range" ? "editor_range" : "editor_order") }
            : undefined
        }
        .computeLabel=${this._computeLabel}
        .computeHelper=${this._computeHelper}
        @value-changed=${(event: CustomEvent<{ value: Config }>) => {
          event.stopPropagation();
          const next = applyForm(config, data, event.detail.value);
          this.dispatchEvent(
            new CustomEvent("config-changed", {
              detail: { config: next },
              bubbles: true,
              composed: true,
            }),
          );
        }}
      ></ha-form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "claude-usage-card-editor": ClaudeUsageCardEditor;
  }
}
