// Injected into every page before Home Assistant's scripts run (bench/paint.py).
// Marks, per card element name, performance.now() when the card's `hass` is first
// set and when the first frame after the card became complete starts.
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

  const complete = {
    // Gauges drawn, and a line with points (a step path: M, then H/V) per window.
    "claude-usage-card": (card) => {
      const root = card.shadowRoot;
      if (!root) return false;
      const gauges = root.querySelectorAll(".gauge").length;
      const lines = [...root.querySelectorAll(".graph path.line")];
      const drawn = lines.filter((line) => (line.getAttribute("d") || "").includes("H"));
      return gauges > 0 && lines.length === gauges && drawn.length === lines.length;
    },
    // Its chart has an ECharts drawing surface and a series with points per entity.
    "hui-history-graph-card": (card) => {
      const charts = deepAll(card.shadowRoot, "ha-chart-base");
      if (charts.length === 0) return false;
      const series = charts.flatMap((chart) => {
        if (!chart.chart || deepAll(chart.shadowRoot, "canvas, svg").length === 0) return [];
        return chart.chart.getOption()?.series ?? [];
      });
      const drawn = series.filter((item) => (item.data?.length ?? 0) >= 2);
      return drawn.length >= ENTITIES;
    },
  };

  const watch = (card, name) => {
    const tick = () => {
      if (complete[name](card)) {
        requestAnimationFrame(() => {
          marks[name].painted = performance.now();
        });
        return;
      }
      requestAnimationFrame(tick);
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
    for (const name of Object.keys(complete)) {
      registry.whenDefined(name).then(() => wrap(name));
    }
  };
  watchRegistry(window.customElements);
  window.customElements
    .whenDefined("home-assistant")
    .then(() => watchRegistry(window.customElements));
})();
