/**
 * Tap, hold and double tap on an element, told apart the way Home Assistant's own cards do
 * (its `actionHandler` directive): a press of half a second is a hold, a second tap within
 * 250 ms a double tap (only waited for when the card has a double tap action), Enter and
 * Space a tap. The element then receives an `action` event, `detail: { action }`, which the
 * card answers with Home Assistant's `hass-action` event (see `fireAction`).
 */

import { noChange } from "lit";
import {
  Directive,
  directive,
  type AttributePart,
  type DirectiveParameters,
} from "lit/directive.js";

export type GestureAction = "tap" | "hold" | "double_tap";

export interface ActionHandlerOptions {
  hasHold?: boolean;
  hasDoubleClick?: boolean;
}

/** An action of a card's `tap_action`, `hold_action` or `double_tap_action`. */
export interface ActionConfig {
  action: string;
  [key: string]: unknown;
}

/** The action options of a card configuration, as Home Assistant's cards take them. */
export interface ActionsConfig {
  tap_action?: ActionConfig;
  hold_action?: ActionConfig;
  double_tap_action?: ActionConfig;
}

export const HOLD_MS = 500;
export const DOUBLE_TAP_MS = 250;

/** Whether an action is configured and does something (`action: none` does not). */
export function hasAction(config: ActionConfig | undefined): boolean {
  return config !== undefined && config.action !== "none";
}

/**
 * Let Home Assistant run the card's action for `action` on `entity`: its `handleAction`
 * takes the `hass-action` event, runs `tap_action` / `hold_action` / `double_tap_action`
 * (confirmation included) and opens more-info for an action that is not configured.
 */
export function fireAction(
  node: HTMLElement,
  entity: string,
  actions: ActionsConfig,
  action: GestureAction,
): void {
  node.dispatchEvent(
    new CustomEvent("hass-action", {
      detail: { config: { entity, ...actions }, action },
      bubbles: true,
      composed: true,
    }),
  );
}

class Gestures {
  options: ActionHandlerOptions = {};
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private doubleTapTimer: ReturnType<typeof setTimeout> | undefined;
  private held = false;
  private cancelled = false;

  constructor(private readonly element: Element) {
    element.addEventListener("touchstart", this.start, { passive: true });
    element.addEventListener("touchend", this.end);
    element.addEventListener("touchcancel", this.cancel);
    element.addEventListener("touchmove", this.cancel, { passive: true });
    element.addEventListener("mousedown", this.start, { passive: true });
    element.addEventListener("click", this.end);
    element.addEventListener("keydown", this.key as EventListener);
    // A long press on touch must not open the browser's context menu.
    element.addEventListener("contextmenu", (event) => event.preventDefault());
  }

  private readonly start = (): void => {
    this.cancelled = false;
    this.held = false;
    clearTimeout(this.holdTimer);
    if (this.options.hasHold) {
      this.holdTimer = setTimeout(() => {
        this.held = true;
      }, HOLD_MS);
    }
  };

  /** A finger that moves scrolls the page: no tap, no hold. */
  private readonly cancel = (): void => {
    this.cancelled = true;
    clearTimeout(this.holdTimer);
  };

  private readonly end = (event: Event): void => {
    if (event.type === "touchend" && this.cancelled) {
      return;
    }
    // After a touch, the browser's own click must not count as a second tap.
    if (event.cancelable) {
      event.preventDefault();
    }
    clearTimeout(this.holdTimer);
    if (this.options.hasHold && this.held) {
      this.held = false;
      this.fire("hold");
    } else if (this.options.hasDoubleClick) {
      if (this.doubleTapTimer === undefined) {
        this.doubleTapTimer = setTimeout(() => {
          this.doubleTapTimer = undefined;
          this.fire("tap");
        }, DOUBLE_TAP_MS);
      } else {
        clearTimeout(this.doubleTapTimer);
        this.doubleTapTimer = undefined;
        this.fire("double_tap");
      }
    } else {
      this.fire("tap");
    }
  };

  private readonly key = (event: KeyboardEvent): void => {
    if (event.key === "Enter" || event.key === " ") {
      this.end(event);
    }
  };

  private fire(action: GestureAction): void {
    this.element.dispatchEvent(new CustomEvent("action", { detail: { action } }));
  }
}

const bound = new WeakMap<Element, Gestures>();

/** `<div .actionHandler=${actionHandler({ hasHold })} @action=${...}>` */
export const actionHandler = directive(
  class extends Directive {
    override update(part: AttributePart, [options]: DirectiveParameters<this>) {
      let gestures = bound.get(part.element);
      if (gestures === undefined) {
        gestures = new Gestures(part.element);
        bound.set(part.element, gestures);
      }
      gestures.options = options;
      return noChange;
    }

    render(_options: ActionHandlerOptions) {
      return noChange;
    }
  },
);

declare global {
  interface HTMLElementEventMap {
    action: CustomEvent<{ action: GestureAction }>;
  }
}
