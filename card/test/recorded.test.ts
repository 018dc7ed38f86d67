import { describe, expect, it, vi } from "vitest";

import { lastRecordedStates } from "../src/recorded";
import { makeHass } from "./fixtures";

describe("lastRecordedStates", () => {
  it("asks for the states since a moment, with attributes, and keeps each entity's last good one", async () => {
    const answer = {
      "sensor.a_usage": [
        { s: "40", a: { window_key: "five_hour" }, lu: 1000 },
        { s: "42", a: { window_key: "five_hour", severity: null }, lu: 1060 },
        { s: "unavailable", a: { friendly_name: "A" }, lu: 1090 },
      ],
      "sensor.a_reset": [{ s: "unknown", a: { window_key: "five_hour" }, lu: 900 }],
      "sensor.b_usage": [{ s: "unavailable", a: {}, lu: 1090 }],
      "sensor.c_usage": [{ s: "7", lu: 1000 }],
    };
    const callWS = vi.fn(async () => answer);
    const hass = makeHass({ callWS });
    const since = new Date("2026-11-28T09:00:00Z");
    const ids = ["sensor.a_usage", "sensor.a_reset", "sensor.b_usage", "sensor.c_usage"];
    expect(await lastRecordedStates(hass, ids, since)).toEqual({
      "sensor.a_usage": {
        state: "42",
        attributes: { window_key: "five_hour", severity: null },
        lastUpdated: new Date(1_060_000),
      },
      "sensor.a_reset": {
        state: "unknown",
        attributes: { window_key: "five_hour" },
        lastUpdated: new Date(900_000),
      },
      "sensor.c_usage": { state: "7", attributes: {}, lastUpdated: new Date(1_000_000) },
    });
    expect(callWS).toHaveBeenCalledWith({
      type: "history/history_during_period",
      start_time: "2026-11-28T09:00:00.000Z",
      entity_ids: ids,
      minimal_response: false,
      no_attributes: false,
      significant_changes_only: true,
    });
  });
});
