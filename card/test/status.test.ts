import { beforeEach, describe, expect, it } from "vitest";

import { discoverAccount, forgetIdentities } from "../src/entities";
import { accountStatus, fixFor, REPORT_AGE_MS, reportAsOf } from "../src/status";
import { DEVICE_ID, LAST_UPDATE, makeHass, type HassOptions } from "./fixtures";

beforeEach(forgetIdentities);

function status(options: HassOptions) {
  const hass = makeHass(options);
  return accountStatus(hass, discoverAccount(hass, DEVICE_ID));
}

describe("accountStatus", () => {
  it("has no problem while the Status sensor says ok", () => {
    expect(status({})).toEqual({
      problem: undefined,
      retryAt: null,
      lastUpdate: null,
      lastReport: null,
    });
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

  it.each([
    "rate_limited",
    "cloudflare_blocked",
    "access_denied",
    "reauth_required",
    "server_error",
    "unreachable",
  ])("names the Status sensor's %s and when the next request goes out", (value) => {
    expect(status({ status: value, retryAt: "2026-11-28T10:30:00+00:00" })).toEqual({
      problem: value,
      retryAt: new Date("2026-11-28T10:30:00Z"),
      lastUpdate: new Date(LAST_UPDATE),
      lastReport: null,
    });
  });

  it("waits for Claude Code's first report on an entry fed by its reports", () => {
    expect(status({ windows: [], status: "waiting_for_report", lastReport: null })).toEqual({
      problem: "waiting_for_report",
      retryAt: null,
      lastUpdate: null,
      lastReport: null,
    });
  });

  it("takes Claude Code's last report, and says values are as of it once it is an hour old", () => {
    const report = "2026-11-28T08:30:00+00:00";
    const current = status({ lastReport: report });
    expect(current).toMatchObject({ problem: undefined, lastUpdate: null });
    expect(current.lastReport).toEqual(new Date(report));
    const reported = Date.parse(report);
    expect(reportAsOf(current, reported + REPORT_AGE_MS)).toBeNull();
    expect(reportAsOf(current, reported + REPORT_AGE_MS + 1)).toEqual(new Date(report));
    // A problem says why itself; entries fed by claude.ai have no last report.
    expect(reportAsOf({ ...current, problem: "unavailable" }, Date.now())).toBeNull();
    expect(reportAsOf(status({}), Date.now())).toBeNull();
  });

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

describe("fixFor", () => {
  it("leads to the repair or the integration where there is a fix, nowhere where there is none", () => {
    const integration = "/config/integrations/integration/claude_usage";
    expect(fixFor("cloudflare_blocked")).toEqual({ path: "/config/repairs", label: "fix_repair" });
    expect(fixFor("access_denied")).toEqual({ path: "/config/repairs", label: "fix_repair" });
    expect(fixFor("reauth_required")).toEqual({ path: integration, label: "fix_reauthenticate" });
    expect(fixFor("waiting_for_report")).toEqual({ path: integration, label: "fix_integration" });
    expect(fixFor("unavailable")).toEqual({ path: integration, label: "fix_integration" });
    expect(fixFor("rate_limited")).toBeUndefined();
    expect(fixFor("server_error")).toBeUndefined();
    expect(fixFor("unreachable")).toBeUndefined();
  });
});
