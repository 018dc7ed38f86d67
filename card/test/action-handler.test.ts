import { html, render } from "lit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import {
  actionHandler,
  DOUBLE_TAP_MS,
  HOLD_MS,
  type ActionHandlerOptions,
} from "../src/action-handler";

let container: HTMLElement;

function bind(options: ActionHandlerOptions) {
  const actions: string[] = [];
  render(
    html`<div
      .actionHandler=${actionHandler(options)}
      @action=${(event: CustomEvent<{ action: string }>) => actions.push(event.detail.action)}
    ></div>`,
    container,
  );
  return { element: container.firstElementChild as HTMLElement, actions };
}

function fire(element: HTMLElement, type: string) {
  const event = new Event(type, { cancelable: true });
  element.dispatchEvent(event);
  return event;
}

beforeEach(() => {
  vi.useFakeTimers();
  container = document.createElement("div");
  document.body.append(container);
});

afterEach(() => {
  container.remove();
  vi.useRealTimers();
});

describe("actionHandler", () => {
  it("tells a tap from a hold, and keeps the touch's own click from counting", () => {
    const { element, actions } = bind({ hasHold: true });
    fire(element, "touchstart");
    vi.advanceTimersByTime(HOLD_MS - 1);
    expect(fire(element, "touchend").defaultPrevented).toBe(true);
    fire(element, "touchstart");
    vi.advanceTimersByTime(HOLD_MS);
    fire(element, "touchend");
    fire(element, "mousedown");
    vi.advanceTimersByTime(HOLD_MS + 100);
    element.click();
    expect(actions).toEqual(["tap", "hold", "hold"]);
  });

  it("is a tap however long the press without a hold action", () => {
    const { element, actions } = bind({});
    fire(element, "mousedown");
    vi.advanceTimersByTime(2000);
    element.click();
    expect(actions).toEqual(["tap"]);
  });

  it("ignores a touch that moved (a scroll)", () => {
    const { element, actions } = bind({ hasHold: true });
    fire(element, "touchstart");
    fire(element, "touchmove");
    vi.advanceTimersByTime(HOLD_MS);
    fire(element, "touchend");
    expect(actions).toEqual([]);
  });

  it("waits for a second tap only with a double tap action", () => {
    const { element, actions } = bind({ hasDoubleClick: true });
    element.click();
    element.click();
    expect(actions).toEqual(["double_tap"]);
    element.click();
    expect(actions).toEqual(["double_tap"]);
    vi.advanceTimersByTime(DOUBLE_TAP_MS);
    expect(actions).toEqual(["double_tap", "tap"]);
  });

  it("taps on Enter and Space, without scrolling the page", () => {
    const { element, actions } = bind({ hasHold: true });
    for (const key of ["Enter", " ", "a"]) {
      const event = new KeyboardEvent("keydown", { key, cancelable: true });
      element.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(key !== "a");
    }
    expect(actions).toEqual(["tap", "tap"]);
  });

  it("keeps the browser's menu closed on a long press", () => {
    const { element } = bind({ hasHold: true });
    expect(fire(element, "contextmenu").defaultPrevented).toBe(true);
  });

  it("takes new options without binding twice", () => {
    bind({});
    const { element, actions } = bind({ hasDoubleClick: true });
    element.click();
    expect(actions).toEqual([]);
    vi.advanceTimersByTime(DOUBLE_TAP_MS);
    expect(actions).toEqual(["tap"]);
  });
});
