/**
 * The card's visual editor: Home Assistant's `ha-form` with the card's options, their
 * defaults shown (the account's name as the title's placeholder, 24h, the thresholds), and
 * thresholds that are out of order or range while the user types shown as a field error,
 * so the editor stays visual. Such a configuration stays in the form: the preview (and
 * Save) keep the last one the card takes.
 *
 * An editor of its own rather than `getConfigForm()`: Home Assistant's form editor shows
 * no field errors (its only check, `assertConfig`, sends the user to YAML when it throws),
 * hands every keystroke to the preview (which then shows a configuration error), and its
 * schema is static, so the title's placeholder could not be the account's name.
 */

import { html, LitElement, nothing } from "lit";

import {
  DEFAULT_THRESHOLDS,
  RANGE_HOURS,
  readConfig,
  RANGES,
  thresholdProblem,
  type ResolvedConfig,
} from "./config";
import { formatRangeLabel } from "./format";
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

/**
 * The form; `accountName` is the title's placeholder (what an empty title shows), the
 * ranges are named in `language` ("24 hours", "7 Tage") as the card's switch names them.
 */
export function editorSchema(accountName: string | undefined, language = "en") {
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
          // Without the graph, no range to choose (conditions since Home Assistant 2026.8).
          visible: { field: "show_graph", operator: "not_eq", value: false },
          selector: {
            select: {
              mode: "dropdown",
              options: RANGES.map((range) => ({
                value: range,
                label: formatRangeLabel(RANGE_HOURS[range], language, "long"),
              })),
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
    _draft: { state: true },
  };

  declare hass: HomeAssistant | undefined;
  declare private _config: Config | undefined;
  /**
   * What the user typed that the card does not take (thresholds out of order or range):
   * shown in the form with its error, never handed on.
   */
  declare private _draft: Config | undefined;

  /** Takes any configuration the form can show; throws (to YAML) only for one it cannot. */
  setConfig(config: Config): void {
    readConfig(config);
    this._config = config;
    this._draft = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadHaForm();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // The account picker names each account's integration: "Claude Usage", from the
    // integration's title, which a dashboard has not loaded (it shows "claude_usage").
    if (changed.has("hass") && this.hass && !changed.get("hass")) {
      void this.hass.loadBackendTranslation?.("title", DOMAIN);
    }
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

  /**
   * Hand a changed configuration to Home Assistant (the preview, Save and YAML), unless the
   * card would not take it: then keep it here, with its error, until the user goes on typing.
   */
  private _changed(next: Config): void {
    if (thresholdProblem(readConfig(next).thresholds)) {
      this._draft = next;
      return;
    }
    this._draft = undefined;
    this._config = next;
    this.dispatchEvent(
      new CustomEvent("config-changed", {
        detail: { config: next },
        bubbles: true,
        composed: true,
      }),
    );
  }

  protected override render() {
    const { hass } = this;
    const config = this._draft ?? this._config;
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
        .schema=${editorSchema(
          device?.name_by_user ?? device?.name ?? undefined,
          hass.locale.language,
        )}
        .error=${
          problem
            ? { thresholds: this._t(problem.problem === "range" ? "editor_range" : "editor_order") }
            : undefined
        }
        .computeLabel=${this._computeLabel}
        .computeHelper=${this._computeHelper}
        @value-changed=${(event: CustomEvent<{ value: Config }>) => {
          event.stopPropagation();
          this._changed(applyForm(config, data, event.detail.value));
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
