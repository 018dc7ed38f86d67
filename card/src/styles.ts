import { css } from "lit";

// Only Home Assistant theme variables, so the card follows light and dark themes.

/** The card: header, content, status messages and the grid of gauges. */
export const cardStyles = css`
  :host {
    display: block;
  }
  ha-card {
    height: 100%;
    overflow: hidden;
  }
  .card-header {
    margin: 0;
    padding: 12px 16px 0;
    font-size: var(--ha-font-size-l, 1.2rem);
    font-weight: var(--ha-font-weight-normal, 400);
    color: var(--ha-card-header-color, var(--primary-text-color));
  }
  .card-content {
    padding: 12px 16px 16px;
  }
  /*
   * --columns: gaugeColumns() in claude-usage-card.ts, from the width measured. Each gauge
   * spans three rows (arc, name, countdown) and shares them with the gauges beside it, so a
   * name on two lines moves the countdowns of its whole row alike.
   */
  .gauges {
    display: grid;
    grid-template-columns: repeat(var(--columns), minmax(0, 1fr));
    grid-auto-rows: auto;
    gap: 0 8px;
    /* Each gauge keeps 12px below it (gaugeStyles); the last row's goes. */
    margin-bottom: -12px;
  }
  .as-of {
    margin-bottom: 8px;
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 12px);
  }
  .status {
    padding: 8px 0;
    color: var(--secondary-text-color);
  }
  .status.warning {
    color: var(--primary-text-color);
    border-left: 4px solid var(--warning-color);
    padding-left: 12px;
  }
`;

/** One gauge (`claude-usage-gauge`): three rows of the card's grid, shared across a row. */
export const gaugeStyles = css`
  :host {
    display: grid;
    grid-row: span 3;
    grid-template-rows: subgrid;
    margin-bottom: 12px;
  }
  .gauge {
    display: grid;
    grid-row: span 3;
    grid-template-rows: subgrid;
    justify-items: center;
    align-items: start;
    text-align: center;
    cursor: pointer;
    border-radius: 12px;
    padding: 4px 2px 6px;
    outline: none;
    -webkit-tap-highlight-color: transparent;
    user-select: none;
  }
  .gauge:focus-visible {
    box-shadow: 0 0 0 2px var(--primary-color);
  }
  @media (hover: hover) {
    .gauge:hover {
      background: var(--secondary-background-color);
    }
  }
  /* The last value, from before claude.ai stopped answering. */
  .gauge.stale svg,
  .gauge.stale .swatch {
    filter: grayscale(1);
    opacity: 0.55;
  }
  .face {
    position: relative;
    width: 100%;
    max-width: 132px;
  }
  .gauge svg {
    width: 100%;
    display: block;
  }
  /*
   * The hold detail, over the arc: it covers the face down to the name (which reaches 10px
   * into it, see .name) and moves nothing around it.
   */
  .detail {
    position: absolute;
    inset: 0 0 10px;
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 2px;
    border-radius: 8px;
    background: color-mix(in srgb, var(--card-background-color, #fff) 90%, transparent);
    color: var(--primary-text-color);
    font-size: var(--ha-font-size-s, 12px);
    line-height: 1.3;
    text-wrap: balance;
    overflow-wrap: anywhere;
  }
  .gauge path {
    fill: none;
    stroke-width: 9;
    stroke-linecap: round;
  }
  .gauge .track {
    stroke: var(--divider-color);
  }
  .gauge .value {
    transition: stroke 0.3s;
  }
  /* Where an even pace through the window would be. */
  .gauge .pace {
    stroke: var(--primary-text-color);
    stroke-width: 2;
    stroke-linecap: butt;
  }
  /* The limit that binds first: a small flag, in the text's colour, never a status colour. */
  .gauge .binding {
    fill: var(--primary-text-color);
    stroke: var(--primary-text-color);
    stroke-width: 1.5;
    stroke-linejoin: round;
  }
  .percent {
    fill: var(--primary-text-color);
    font-size: 19px;
    font-weight: 500;
    text-anchor: middle;
  }
  .name,
  .reset {
    /* Narrow gauges (three on a phone) wrap into even lines, not a lone last word. */
    text-wrap: balance;
  }
  .name {
    margin-top: -10px;
    overflow-wrap: anywhere;
    font-weight: 500;
    color: var(--primary-text-color);
    font-size: var(--ha-font-size-m, 14px);
    line-height: 1.3;
  }
  /* The window's colour in the history graph. */
  .name .swatch {
    display: inline-block;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    margin-right: 5px;
    vertical-align: 1px;
  }
  .reset {
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 12px);
    line-height: 1.3;
    font-variant-numeric: tabular-nums;
  }
`;

/** The history graph, its range switch, tooltip and legend (`claude-usage-history`). */
export const historyStyles = css`
  :host {
    display: block;
    margin-top: 16px;
    border-top: 1px solid var(--divider-color);
    padding-top: 10px;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .history-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    flex-wrap: wrap;
  }
  .history-title {
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 12px);
    text-transform: uppercase;
    letter-spacing: 0.05em;
  }
  .ranges {
    display: inline-flex;
    border: 1px solid var(--divider-color);
    border-radius: 17px;
  }
  .range {
    min-height: 32px;
    background: none;
    border: none;
    padding: 0 12px;
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 12px);
  }
  .range:first-child {
    border-radius: 16px 0 0 16px;
  }
  .range:last-child {
    border-radius: 0 16px 16px 0;
  }
  .range + .range {
    border-left: 1px solid var(--divider-color);
  }
  .range[aria-pressed="true"] {
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
  }
  /* A ring apart from the button, with a gap in the card's colour: seen on a pressed button too. */
  .range:focus-visible {
    position: relative;
    z-index: 1;
    outline-width: 2px;
    outline-style: solid;
    outline-color: var(--primary-color);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--card-background-color, var(--ha-card-background, #fff));
  }
  .graph {
    position: relative;
    margin-top: 8px;
    min-height: 132px;
    touch-action: pan-y;
  }
  .chart {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  .graph-message {
    display: flex;
    align-items: center;
    justify-content: center;
    height: 132px;
    color: var(--secondary-text-color);
  }
  .grid {
    stroke: var(--divider-color);
    stroke-width: 1;
  }
  .threshold {
    stroke-width: 1;
    stroke-dasharray: 4 4;
  }
  .threshold.warning {
    stroke: var(--warning-color);
  }
  .threshold.critical {
    stroke: var(--error-color);
  }
  .axis {
    fill: var(--secondary-text-color);
    font-size: 10px;
  }
  .tick {
    stroke: var(--divider-color);
    stroke-width: 1;
  }
  .line {
    fill: none;
    stroke-width: 2;
    stroke-linejoin: round;
  }
  .reset-marker line {
    stroke-width: 1;
    stroke-dasharray: 2 3;
  }
  .cursor {
    stroke: var(--secondary-text-color);
    stroke-width: 1;
  }
  /* Beside the cursor (--x), on the side with more room; as wide as that side allows. */
  .tooltip {
    position: absolute;
    top: 0;
    left: calc(var(--x) + 4px);
    box-sizing: border-box;
    max-width: min(260px, 100%);
    overflow-wrap: anywhere;
    pointer-events: none;
    background: var(--card-background-color, var(--ha-card-background));
    color: var(--primary-text-color);
    border: 1px solid var(--divider-color);
    border-radius: 8px;
    padding: 6px 8px;
    font-size: var(--ha-font-size-s, 12px);
    box-shadow: var(--ha-card-box-shadow, 0 2px 6px rgba(0, 0, 0, 0.2));
    z-index: 1;
  }
  .tooltip[data-align="end"] {
    left: auto;
    right: calc(100% - var(--x) + 4px);
  }
  .tooltip-time {
    color: var(--secondary-text-color);
    margin-bottom: 2px;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    margin-top: 6px;
    font-size: var(--ha-font-size-s, 12px);
    color: var(--secondary-text-color);
  }
  .legend-item {
    display: inline-flex;
    align-items: center;
    overflow-wrap: anywhere;
  }
  .swatch {
    display: inline-block;
    flex-shrink: 0;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    margin-right: 4px;
    vertical-align: middle;
  }
`;

/** Extra usage (`claude-usage-extra`). */
export const extraStyles = css`
  :host {
    display: block;
    margin-top: 12px;
  }
  .extra {
    cursor: pointer;
    border-radius: 8px;
    padding: 4px 6px;
    outline: none;
    -webkit-tap-highlight-color: transparent;
  }
  .extra:focus-visible {
    box-shadow: 0 0 0 2px var(--primary-color);
  }
  @media (hover: hover) {
    .extra:hover {
      background: var(--secondary-background-color);
    }
  }
  .extra-text {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 8px;
    font-size: var(--ha-font-size-m, 14px);
    line-height: 1.4;
  }
  .extra-title {
    color: var(--primary-text-color);
    font-weight: 500;
  }
  .extra-value {
    color: var(--secondary-text-color);
    font-variant-numeric: tabular-nums;
  }
  .bar {
    margin-top: 4px;
    height: 4px;
    border-radius: 2px;
    background: var(--divider-color);
    overflow: hidden;
  }
  .bar > div {
    height: 100%;
    border-radius: 2px;
    background: var(--primary-color);
  }
  /* The last values, from before claude.ai stopped answering. */
  .stale .bar {
    filter: grayscale(1);
    opacity: 0.55;
  }
`;

/** Why the account has no current values (`claude-usage-status`). */
export const statusStyles = css`
  :host {
    display: block;
    margin-bottom: 12px;
  }
  .banner {
    display: flex;
    flex-direction: column;
    gap: 4px;
    align-items: flex-start;
    padding: 8px 12px;
    border-left: 4px solid var(--warning-color);
    border-radius: 4px;
    background: color-mix(in srgb, var(--warning-color) 12%, transparent);
    color: var(--primary-text-color);
    font-size: var(--ha-font-size-m, 14px);
    line-height: 1.4;
  }
  /* Not an error: waiting for Claude Code's first report. */
  .banner.note {
    border-left-color: var(--info-color, var(--primary-color));
    background: color-mix(in srgb, var(--info-color, var(--primary-color)) 10%, transparent);
  }
  .as-of {
    color: var(--secondary-text-color);
  }
  button.link {
    font: inherit;
    cursor: pointer;
    background: none;
    border: none;
    padding: 0;
    color: var(--primary-color);
    text-decoration: underline;
  }
`;
