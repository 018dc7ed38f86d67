/** Mounting the card in happy-dom and reading what its elements show. */

import { vi } from "vitest";

// Defines the card and its elements.
import "../src/index";
import type { ClaudeUsageCard } from "../src/claude-usage-card";
import { forgetIdentities } from "../src/entities";
import { forgetTranslations } from "../src/names";
import type { HistoryStreamMessage } from "../src/history";
import type { ClaudeUsageHistory } from "../src/usage-history";
import { DEVICE_ID, makeHass, NOW, type HassOptions } from "./fixtures";

export const HOUR = 3_600_000;

/** Text with ICU's (narrow) no-break spaces as plain spaces and runs of space collapsed. */
export function plain(text: string | null | undefined): string {
  return (text ?? "")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const mounted: HTMLElement[] = [];

export async function mount(config: Record<string, unknown> = {}, options: HassOptions = {}) {
  const hass = makeHass(options);
  const card = document.createElement("claude-usage-card");
  card.setConfig({ type: "custom:claude-usage-card", device_id: DEVICE_ID, ...config });
  card.hass = hass;
  document.body.append(card);
  mounted.push(card);
  await settle(card);
  return { card, hass, root: card.shadowRoot! };
}

/**
 * Remove what `mount` added and forget the windows seen and the translations asked for: a
 * fresh page (call in afterEach).
 */
export function unmountAll(): void {
  for (const element of mounted.splice(0)) {
    element.remove();
  }
  forgetIdentities();
  forgetTranslations();
}

/** Let pending promises (subscriptions, callWS) and the Lit updates of every element run. */
export async function settle(card: ClaudeUsageCard) {
  for (let round = 0; round < 3; round += 1) {
    await Promise.resolve();
    await card.updateComplete;
    for (const element of children(card)) {
      await element.updateComplete;
    }
  }
}

function children(card: ClaudeUsageCard) {
  return [
    ...card.shadowRoot!.querySelectorAll("claude-usage-gauge"),
    ...card.shadowRoot!.querySelectorAll("claude-usage-history"),
  ];
}

/** The inner `.gauge` of each gauge element, in order. */
export function gaugeElements(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll("claude-usage-gauge")].map((gauge) =>
    gauge.shadowRoot!.querySelector<HTMLElement>(".gauge")!,
  );
}

export function gauges(root: ShadowRoot) {
  return [...root.querySelectorAll<HTMLElement>("claude-usage-gauge")].map((host) => {
    const gauge = host.shadowRoot!.querySelector<HTMLElement>(".gauge")!;
    return {
      key: host.dataset.key,
      level: [...gauge.classList].find((name) => name.startsWith("level-")),
      percent: plain(gauge.querySelector(".percent")?.textContent),
      name: plain(gauge.querySelector(".name")?.textContent),
      reset: plain(gauge.querySelector(".reset")?.textContent),
      /** The hold detail over the arc, while it shows. */
      detail: gauge.querySelector(".detail")
        ? plain(gauge.querySelector(".detail")!.textContent)
        : null,
      title: plain(gauge.getAttribute("title")),
      stroke: gauge.querySelector<SVGPathElement>(".value")?.getAttribute("style") ?? null,
    };
  });
}

/** The history element's shadow root. */
export function history(root: ShadowRoot): ShadowRoot {
  return root.querySelector<ClaudeUsageHistory>("claude-usage-history")!.shadowRoot!;
}

export function streamMessage(states: HistoryStreamMessage["states"]): HistoryStreamMessage {
  return { states, start_time: (NOW - 24 * HOUR) / 1000, end_time: NOW / 1000 };
}

export function fakeTime(): void {
  vi.useFakeTimers({ now: NOW, toFake: ["setTimeout", "clearTimeout", "Date"] });
}

/** The declarations of a style rule for `selector` in `styles`, inside `@media media` if given. */
export function styleRule(
  styles: { cssText: string },
  selector: string,
  media?: string,
): CSSStyleDeclaration | undefined {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles.cssText);
  const rules = media
    ? [...sheet.cssRules]
        .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule)
        .filter((rule) => rule.media.mediaText === media)
        .flatMap((rule) => [...rule.cssRules])
    : [...sheet.cssRules];
  return rules
    .filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule)
    .find((rule) => rule.selectorText === selector)?.style;
}

/** A ResizeObserver whose observed elements a test resizes (happy-dom's never reports). */
export class FakeResizeObserver {
  static instances: FakeResizeObserver[] = [];
  readonly observed = new Set<Element>();

  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.instances.push(this);
  }

  observe(element: Element): void {
    this.observed.add(element);
  }

  unobserve(element: Element): void {
    this.observed.delete(element);
  }

  disconnect(): void {
    this.observed.clear();
  }

  /** Report `element` as `width` pixels wide to whoever observes it. */
  static resize(element: Element, width: number): void {
    for (const observer of FakeResizeObserver.instances) {
      if (observer.observed.has(element)) {
        const entry = { target: element, contentRect: { width } } as unknown as ResizeObserverEntry;
        observer.callback([entry], observer as unknown as ResizeObserver);
      }
    }
  }
}
