import { beforeEach, describe, expect, it } from "vitest";

import { discoverAccount, forgetIdentities } from "../src/entities";
import { accountStatus, fixPath } from "../src/status";
import { DEVICE_ID, LAST_UPDATE, makeHass, type HassOptions } from "./fixtures";

beforeEach(forgetIdentities);

function status(options: HassOptions) {
  const hass = makeHass(options);
  return accountStatus(hass, discoverAccount(hass, DEVICE_ID));
}

describe("accountStatus", () => {
  it("has no problem while the Status sensor says ok", () => {
    expect(status({})).toEqual({ problem: undefined, retryAt: null, lastUpdate: null });
    // The Last update sensor, when the user enabled it.
    expect(status({ lastUpdateSensor: true }).lastUpdate).toEqual(new Date(LAST_UPDATE));
  });

  it("takes the time of the kept values from the Status sensor, else the Last update sensor", () => {
    expect(
      status({ status: "unreachable", lastUpdate: "2026-11-28T08:00:00+00:00" }).lastUpdate,
    ).toEqual(new Date("2026-11-28T08:00:00Z"));
    const hass = makeHass({ status: "unreachable", lastUpdateSensor: true });
    hass.states["sensor.acme_status"]!.attributes.last_update = null;
    expect(accountStatus(hass, discoverAccount(hass, DEVICE_ID)).lastUpdate).toEqual(
      new Date(LAST_UPDATE),
    );
  });

  it.each(["rate_limited", "cloudflare_blocked", "reauth_required", "server_error", "unreachable"])(
    "names the Status sensor's %s and when the next request goes out",
    (value) => {
      expect(status({ status: value, retryAt: "2026-11-28T10:30:00+00:00" })).toEqual({
        problem: value,
        retryAt: new Date("2026-11-28T10:30:00Z"),
        lastUpdate: new Date(LAST_UPDATE),
      });
    },
  );

  it("says usage is unavailable when the sensors are and no Status sensor tells why", () => {
    expect(status({ available: false })).toMatchObject({
      problem: "unavailable",
      lastUpdate: null,
    });
    expect(status({ available: false, status: "starting" }).problem).toBe("unavailable");
    expect(status({ status: null }).problem).toBeUndefined();
    expect(status({ windows: [], status: null }).problem).toBeUndefined();
  });
});

describe("fixPath", () => {
  it("leads to the repair for Cloudflare, else to the integration (where reauth shows)", () => {
    expect(fixPath("cloudflare_blocked")).toBe("/config/repairs");
    expect(fixPath("reauth_required")).toBe("/config/integrations/integration/claude_usage");
    expect(fixPath("rate_limited")).toBe("/config/integrations/integration/claude_usage");
    expect(fixPath("unavailable")).toBe("/config/integrations/integration/claude_usage");
  });
});
