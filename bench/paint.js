// Injected into every page before Home Assistant's scripts run (bench/paint.py).
// Marks, per card element name, performance.now() when the card's `hass` is first
// set and when the first frame starts after each of its milestones: our card's gauges
// painted and graph complete, the built-in history-graph card's chart painted.
(() => {
  const marks = {};
  // The usage sensors the history-graph card shows (USAGE_SENSORS in bench/paint.py).
  const ENTITIES = 3;
  window.__benchMarks = marks;

  const deepAll = (root, selector, found = []) => {
    if (!root) return found;
    found.push(...root.querySelectorAll(selector));
    for (const element of root.querySelectorAll("*")) {
      if (element.shadowRoot) deepAll(element.shadowRoot, selector, found);
    }
    return found;
  };

  const shadow = (element, selector) => [...(element.shadowRoot?.querySelectorAll(selector) ?? [])];

  // The milestones of each card, each marked at the first frame after it is reached.
  const milestones = {
    "claude-usage-card": {
      // A gauge per window, each drawn with its value.
      gauges: (card) => {
        const gauges = shadow(card, "claude-usage-gauge");
        return (
          gauges.length > 0 &&
          gauges.every((gauge) => (shadow(gauge, ".percent")[0]?.textContent ?? "") !== "")
        );
      },
      // And a line with points (a step path: M, then H/V) per window.
      graph: (card) => {
        const gauges = shadow(card, "claude-usage-gauge").length;
        const lines = shadow(card, "claude-usage-history").flatMap((graph) =>
          shadow(graph, ".graph path.line"),
        );
        const drawn = lines.filter((line) => (line.getAttribute("d") || "").includes("H"));
        return gauges > 0 && lines.length === gauges && drawn.length === lines.length;
      },
    },
    "hui-history-graph-card": {
      // Its chart has an ECharts drawing surface and a series with points per entity.
      painted: (card) => {
        const charts = deepAll(card.shadowRoot, "ha-chart-base");
        if (charts.length === 0) return false;
        const series = charts.flatMap((chart) => {
          if (!chart.chart || deepAll(chart.shadowRoot, "canvas, svg").length === 0) return [];
          return chart.chart.getOption()?.series ?? [];
        });
        const drawn = series.filter((item) => (item.data?.length ?? 0) >= 2);
        return drawn.length >= ENTITIES;
      },
    },
  };

  const watch = (card, name) => {
    const pending = new Set(Object.keys(milestones[name]));
    const tick = () => {
      for (const milestone of pending) {
        if (milestones[name][milestone](card)) {
          pending.delete(milestone);
          requestAnimationFrame(() => {
            marks[name][milestone] = performance.now();
          });
        }
      }
      if (pending.size > 0) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };

  // Wrap the `hass` setter of each card's class as soon as it is defined (before
  // Home Assistant creates the card, which waits for the same definition). Home
  // Assistant swaps `window.customElements` for a scoped-registry polyfill while it
  // boots (its root element `home-assistant` is defined after the swap), so both
  // the page's first registry and the one in place then are watched.
  const wrapped = new Set();
  const wrap = (name) => {
    const constructor = window.customElements.get(name);
    if (!constructor || wrapped.has(name)) return;
    wrapped.add(name);
    let proto = constructor.prototype;
    let descriptor;
    while (proto && !(descriptor = Object.getOwnPropertyDescriptor(proto, "hass"))) {
      proto = Object.getPrototypeOf(proto);
    }
    if (!descriptor || !descriptor.set) {
      marks[name] = { error: "no hass setter" };
      return;
    }
    Object.defineProperty(constructor.prototype, "hass", {
      configurable: true,
      enumerable: descriptor.enumerable,
      get() {
        return descriptor.get.call(this);
      },
      set(value) {
        if (value && !marks[name]) {
          marks[name] = { hassSet: performance.now() };
          watch(this, name);
        }
        descriptor.set.call(this, value);
      },
    });
  };
  const watchRegistry = (registry) => {
    for (const name of Object.keys(milestones)) {
      registry.whenDefined(name).then(() => wrap(name));
    }
  };
  watchRegistry(window.customElements);
  window.customElements
    .whenDefined("home-assistant")
    .then(() => watchRegistry(window.customElements));
})();
