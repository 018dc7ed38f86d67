import { afterEach, describe, expect, it, vi } from "vitest";

import { applyForm, ClaudeUsageCardEditor, editorSchema, formData } from "../src/card-editor";
import { readConfig, resolveConfig } from "../src/config";
import { DEVICE_ID, makeHass } from "./fixtures";
import "./helpers";

type Config = Record<string, unknown>;

interface HaForm extends HTMLElement {
  data: Config;
  schema: { name: string; default?: unknown; schema?: unknown[] }[];
  error: Record<string, string> | undefined;
  computeLabel: (schema: { name: string }) => string;
  computeHelper: (schema: { name: string }) => string | undefined;
}

const editors: HTMLElement[] = [];

afterEach(() => {
  for (const editor of editors.splice(0)) {
    editor.remove();
  }
});

/** An editor as Home Assistant's card editor runs it: config in, config-changed out, and back. */
async function openEditor(config: Config, language = "en") {
  const editor = document.createElement("claude-usage-card-editor") as ClaudeUsageCardEditor;
  editor.hass = makeHass({ language });
  editor.setConfig(config);
  document.body.append(editor);
  editors.push(editor);
  await editor.updateComplete;
  const form = () => editor.shadowRoot!.querySelector("ha-form") as HaForm;
  const changed: Config[] = [];
  editor.addEventListener("config-changed", (event) => {
    const next = (event as CustomEvent<{ config: Config }>).detail.config;
    changed.push(next);
    // Home Assistant hands the new configuration back to the editor (and to the preview).
    editor.setConfig(next);
  });
  /** The user changes one field of the form. */
  const change = async (values: Config) => {
    const value = { ...form().data, ...values };
    form().dispatchEvent(new CustomEvent("value-changed", { detail: { value } }));
    await editor.updateComplete;
  };
  return { editor, form, changed, change };
}

describe("the visual editor", () => {
  it("stays visual while the README's thresholds are typed key by key, with a field error between", async () => {
    const { form, changed, change } = await openEditor({ type: "custom:claude-usage-card" });
    const errors: (string | undefined)[] = [];
    for (const thresholds of [
      { warning: 6 },
      { warning: 60 },
      { warning: 60, critical: 8 },
      { warning: 60, critical: 85 },
    ]) {
      await change({ thresholds });
      errors.push(form().error?.thresholds);
    }
    expect(errors).toEqual([
      undefined,
      undefined,
      "The warning threshold must be lower than the critical one.",
      undefined,
    ]);
    expect(changed.at(-1)).toEqual({
      type: "custom:claude-usage-card",
      thresholds: { warning: 60, critical: 85 },
    });
  });

  it("keeps the preview on the last configuration the card takes while the form shows an error", async () => {
    const { form, changed, change } = await openEditor({ type: "custom:claude-usage-card" });
    await change({ thresholds: { warning: 60 } });
    await change({ thresholds: { warning: 60, critical: 8 } });
    // The form keeps what was typed, with its error; Home Assistant gets nothing of it.
    expect(form().data.thresholds).toEqual({ warning: 60, critical: 8 });
    expect(form().error).toEqual({
      thresholds: "The warning threshold must be lower than the critical one.",
    });
    expect(changed).toEqual([{ type: "custom:claude-usage-card", thresholds: { warning: 60 } }]);
    // Typing on from what the form shows.
    await change({ title: "Mine" });
    expect(changed).toHaveLength(1);
    expect(form().data).toMatchObject({ title: "Mine", thresholds: { warning: 60, critical: 8 } });
    await change({ thresholds: { warning: 60, critical: 85 } });
    expect(changed.at(-1)).toEqual({
      type: "custom:claude-usage-card",
      title: "Mine",
      thresholds: { warning: 60, critical: 85 },
    });
    expect(form().error).toBeUndefined();
    // Every configuration handed on is one the card (and its preview) takes.
    for (const config of changed) {
      expect(() => resolveConfig(config)).not.toThrow();
    }
  });

  it("still shows a configuration from YAML that the card does not take, with its error", async () => {
    const { form } = await openEditor({
      type: "custom:claude-usage-card",
      thresholds: { warning: 95 },
    });
    expect(form().error).toEqual({
      thresholds: "The warning threshold must be lower than the critical one.",
    });
  });

  it("hides the range while the graph is off", async () => {
    const { form } = await openEditor({ type: "custom:claude-usage-card" });
    const grid = form().schema[2] as { schema: { name: string; visible?: unknown }[] };
    expect(grid.schema[0]).toMatchObject({
      name: "default_range",
      visible: { field: "show_graph", operator: "not_eq", value: false },
    });
  });

  it("shows a threshold out of range as a field error too, in the user's language", async () => {
    const { form, change } = await openEditor({ type: "custom:claude-usage-card" }, "de");
    await change({ thresholds: { critical: 850 } });
    expect(form().error).toEqual({ thresholds: "Schwellen sind Prozentwerte von 0 bis 100." });
  });

  it("leaves the visual editor only for options the form cannot show", () => {
    const editor = new ClaudeUsageCardEditor();
    expect(() =>
      editor.setConfig({ type: "x", thresholds: { warning: 60, critical: 8 } }),
    ).not.toThrow();
    expect(() => editor.setConfig({ type: "x", thresholds: 80 })).toThrow(
      "thresholds must be a mapping",
    );
    expect(() => editor.setConfig({ type: "x", default_range: "2d" })).toThrow("default_range");
  });

  it("shows the defaults: 24h, the graph on, the account's name and the thresholds as placeholders", async () => {
    const { form } = await openEditor({ type: "custom:claude-usage-card", device_id: DEVICE_ID });
    expect(form().data).toEqual({
      type: "custom:claude-usage-card",
      device_id: DEVICE_ID,
      default_range: "24h",
      show_graph: true,
    });
    const flat: Record<string, unknown> = {};
    const walk = (items: { name: string; default?: unknown; schema?: unknown[] }[]) => {
      for (const item of items) {
        if (item.schema) walk(item.schema as typeof items);
        else flat[item.name] = item.default;
      }
    };
    walk(form().schema);
    expect(flat).toMatchObject({ title: "Acme", warning: 75, critical: 90 });
    expect(form().computeHelper({ name: "title" })).toBe("Empty: the account's name.");
  });

  it("labels its fields in the user's language and the actions in Home Assistant's", async () => {
    const { form } = await openEditor({ type: "custom:claude-usage-card" }, "fr");
    const labels = [
      "device_id",
      "title",
      "default_range",
      "show_graph",
      "thresholds",
      "warning",
      "critical",
      "interactions",
      "tap_action",
      "hold_action",
    ].map((name) => form().computeLabel({ name }));
    expect(labels).toEqual([
      "Compte",
      "Titre",
      "Période par défaut de l'historique",
      "Afficher le graphique d'historique",
      "Seuils de couleur",
      "Avertissement à partir de",
      "Critique à partir de",
      "Interactions",
      "Tap behavior",
      "Hold behavior",
    ]);
    expect(form().computeHelper({ name: "hold_action" })).toBe(
      "Par défaut, un appui long sur une jauge affiche l'heure exacte de la réinitialisation et le rythme.",
    );
    expect(form().computeHelper({ name: "tap_action" })).toBeUndefined();
  });

  it("lets Home Assistant load ha-form with a built-in card's editor when it is not there yet", () => {
    const getConfigElement = vi.fn();
    customElements.define(
      "hui-button-card",
      class extends HTMLElement {
        static getConfigElement = getConfigElement;
      },
    );
    document.body.append(document.createElement("claude-usage-card-editor"));
    expect(getConfigElement).toHaveBeenCalledTimes(1);
  });
});

describe("applyForm", () => {
  const form = (config: Config) => formData(config, readConfig(config));

  it("writes only what the user changed, not the defaults shown", () => {
    const config = { type: "x", device_id: "a" };
    expect(applyForm(config, form(config), { ...form(config), title: "Mine" })).toEqual({
      type: "x",
      device_id: "a",
      title: "Mine",
    });
  });

  it("goes back to the account's name when the title is emptied", () => {
    const config = { type: "x", title: "Mine" };
    expect(applyForm(config, form(config), { ...form(config), title: "" })).toEqual({ type: "x" });
    expect(applyForm(config, form(config), { ...form(config), title: undefined })).toEqual({
      type: "x",
    });
  });

  it("replaces hours_to_show with the range picked, and keeps it otherwise", () => {
    const config = { type: "x", hours_to_show: 168 };
    expect(form(config).default_range).toBe("7d");
    expect(applyForm(config, form(config), { ...form(config), default_range: "6h" })).toEqual({
      type: "x",
      default_range: "6h",
    });
    expect(applyForm(config, form(config), { ...form(config), show_graph: false })).toEqual({
      type: "x",
      hours_to_show: 168,
      show_graph: false,
    });
  });

  it("takes actions as the action editor gives them", () => {
    const config = { type: "x" };
    const tap_action = { action: "navigate", navigation_path: "/energy" };
    expect(applyForm(config, form(config), { ...form(config), tap_action })).toEqual({
      type: "x",
      tap_action,
    });
  });

  it("names the ranges as the card's switch does, in the user's language", () => {
    const options = (language: string) => {
      const grid = editorSchema("Acme", language)[2] as unknown as {
        schema: { selector: { select?: { options: { value: string; label: string }[] } } }[];
      };
      return grid.schema[0]!.selector.select!.options;
    };
    expect(options("en")).toEqual([
      { value: "3h", label: "3 hours" },
      { value: "6h", label: "6 hours" },
      { value: "24h", label: "24 hours" },
      { value: "7d", label: "7 days" },
    ]);
    expect(options("de").map((option) => option.label)).toEqual([
      "3 Stunden",
      "6 Stunden",
      "24 Stunden",
      "7 Tage",
    ]);
  });

  it("loads the integration's title once, so the account picker names it", async () => {
    const load = vi.fn(async () => undefined);
    const editor = document.createElement("claude-usage-card-editor") as ClaudeUsageCardEditor;
    editor.hass = { ...makeHass(), loadBackendTranslation: load };
    editor.setConfig({ type: "custom:claude-usage-card" });
    document.body.append(editor);
    editors.push(editor);
    await editor.updateComplete;
    editor.hass = { ...editor.hass };
    await editor.updateComplete;
    expect(load.mock.calls).toEqual([["title", "claude_usage"]]);
  });

  it("builds its schema with the account's name as the title's placeholder", () => {
    expect(editorSchema("Acme")[1]).toEqual({
      name: "title",
      default: "Acme",
      selector: { text: {} },
    });
  });
});
