/** The width of an element in a Lit element's shadow root, kept up to date. */

import type { ReactiveController, ReactiveControllerHost } from "lit";

export class WidthController implements ReactiveController {
  /** In CSS pixels; undefined until the element was laid out. */
  width: number | undefined;
  private observer: ResizeObserver | undefined;
  private observed: Element | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly selector: string,
  ) {
    host.addController(this);
  }

  /** A dashboard moves its cards around (masonry columns): observe again once back. */
  hostConnected(): void {
    this.watch();
  }

  hostUpdated(): void {
    this.watch();
  }

  private watch(): void {
    const element = this.host.renderRoot.querySelector(this.selector) ?? undefined;
    if (element === this.observed || typeof ResizeObserver === "undefined") {
      return;
    }
    this.observer ??= new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (width > 0 && width !== this.width) {
        this.width = width;
        this.host.requestUpdate();
      }
    });
    this.observer.disconnect();
    this.observed = element;
    if (element) {
      this.observer.observe(element);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observed = undefined;
  }
}
