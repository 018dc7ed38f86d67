import { beforeEach, describe, expect, it, vi } from "vitest";

import {
  accountDiscovery,
  accountEntityIds,
  bindingWindow,
  cardStatus,
  discoverAccount,
  entityName,
  firstDevice,
  forgetIdentities,
  NO_ACCOUNT,
  readCredit,
  readExtraUsage,
  parseTimestamp,
  readWindow,
  rememberIdentity,
} from "../src/entities";
import type { HomeAssistant } from "../src/types";
import {
  COWORK,
  DEVICE_ID,
  makeHass,
  NOW,
  OPUS,
  SESSION,
  WEEKLY,
  type WindowSpec,
} from "./fixtures";

beforeEach(forgetIdentities);

const discoverWindows = (hass: HomeAssistant, deviceId: string) =>
  discoverAccount(hass, deviceId).windows;

describe("discoverAccount", () => {
  it("pairs usage, reset and runs-out sensors by window, ordered by kind, then as registered", () => {
    // Registered Opus, weekly, Cowork, session: per-model windows keep their registry order.
    const hass = makeHass({ windows: [OPUS, WEEKLY, COWORK, SESSION] });
    expect(discoverWindows(hass, DEVICE_ID)).toEqual([
      {
        key: "five_hour",
        kind: "session",
        name: "Session usage",
        usageEntityId: "sensor.acme_session_usage",
        resetEntityId: "sensor.acme_session_reset",
        runsOutEntityId: "sensor.acme_session_runs_out",
      },
      {
        key: "seven_day",
        kind: "weekly",
        name: "Weekly usage",
        usageEntityId: "sensor.acme_weekly_usage",
        resetEntityId: "sensor.acme_weekly_reset",
        runsOutEntityId: "sensor.acme_weekly_runs_out",
      },
      {
        key: "seven_day_opus",
        kind: "weekly_scoped",
        name: "Opus weekly usage",
        usageEntityId: "sensor.acme_opus_weekly_usage",
        resetEntityId: "sensor.acme_opus_weekly_reset",
        runsOutEntityId: "sensor.acme_opus_weekly_runs_out",
      },
      {
        key: "seven_day_cowork",
        kind: "weekly_scoped",
        name: "Cowork weekly usage",
        usageEntityId: "sensor.acme_cowork_weekly_usage",
        resetEntityId: "sensor.acme_cowork_weekly_reset",
        runsOutEntityId: "sensor.acme_cowork_weekly_runs_out",
      },
    ]);
  });

  it("pairs a runs-out sensor by its window_key when it has one, whatever the order", () => {
    // The integration registered Cowork's runs-out sensor before Opus's (say).
    const hass = makeHass({ windows: [OPUS, COWORK] });
    const opusRunsOut = "sensor.acme_opus_weekly_runs_out";
    const coworkRunsOut = "sensor.acme_cowork_weekly_runs_out";
    const withKey = (entityId: string, key: string) => {
      const state = hass.states[entityId]!;
      hass.states[entityId] = { ...state, attributes: { ...state.attributes, window_key: key } };
    };
    withKey(opusRunsOut, "seven_day_cowork");
    withKey(coworkRunsOut, "seven_day_opus");
    expect(
      discoverWindows(hass, DEVICE_ID).map((limit) => [limit.key, limit.runsOutEntityId]),
    ).toEqual([
      ["seven_day_opus", coworkRunsOut],
      ["seven_day_cowork", opusRunsOut],
    ]);
  });

  it("puts unknown windows last and skips extra-usage and other integrations' sensors", () => {
    const other = {
      key: "zeta_window",
      kind: "unknown" as const,
      name: "Zeta usage",
      utilization: "3",
      resetsAt: "unknown",
      objectId: "acme_zeta",
    };
    const hass = makeHass({ windows: [other, SESSION] });
    const windows = discoverWindows(hass, DEVICE_ID);
    expect(windows.map((limit) => [limit.key, limit.kind])).toEqual([
      ["five_hour", "session"],
      ["zeta_window", "unknown"],
    ]);
  });

  it("finds nothing for another device", () => {
    expect(discoverWindows(makeHass(), "device-other")).toEqual([]);
  });

  it("still knows the windows of sensors gone unavailable (no attributes) since it saw them", () => {
    const seen = discoverWindows(makeHass(), DEVICE_ID);
    const hass = makeHass({ available: false });
    expect(discoverAccount(hass, DEVICE_ID)).toMatchObject({ windows: seen, unidentified: [] });
  });

  it("leaves out unavailable sensors it never saw, until the recorder tells their windows", () => {
    const hass = makeHass({ windows: [SESSION, OPUS], available: false });
    expect(discoverAccount(hass, DEVICE_ID)).toMatchObject({
      windows: [],
      unidentified: [
        "sensor.acme_session_usage",
        "sensor.acme_session_reset",
        "sensor.acme_opus_weekly_usage",
        "sensor.acme_opus_weekly_reset",
      ],
    });
    rememberIdentity("sensor.acme_opus_weekly_usage", {
      window_key: "seven_day_opus",
      window_kind: "weekly_scoped",
    });
    expect(discoverAccount(hass, DEVICE_ID)).toMatchObject({
      windows: [{ key: "seven_day_opus", kind: "weekly_scoped" }],
      unidentified: [
        "sensor.acme_session_usage",
        "sensor.acme_session_reset",
        "sensor.acme_opus_weekly_reset",
      ],
    });
  });

  it("takes the kind from the window_kind attribute only", () => {
    // A translation key of a session sensor, attributes of an unknown window.
    const hass = makeHass({ windows: [{ ...SESSION, key: "nine_day", kind: "unknown" }] });
    expect(discoverWindows(hass, DEVICE_ID)).toMatchObject([{ key: "nine_day", kind: "unknown" }]);
    expect(rememberIdentity("sensor.x", { window_key: "odd", window_kind: "monthly" })).toEqual({
      key: "odd",
      kind: "unknown",
    });
  });

  it("falls back to attributes when the registry has no translation key", () => {
    const hass = makeHass({ windows: [SESSION] });
    delete hass.entities["sensor.acme_session_usage"]!.translation_key;
    delete hass.entities["sensor.acme_session_reset"]!.translation_key;
    expect(discoverWindows(hass, DEVICE_ID)).toMatchObject([
      {
        key: "five_hour",
        usageEntityId: "sensor.acme_session_usage",
        resetEntityId: "sensor.acme_session_reset",
      },
    ]);
  });

  it("skips registry entries without a state (disabled entities)", () => {
    const hass = makeHass({ windows: [SESSION, WEEKLY] });
    delete hass.states["sensor.acme_weekly_usage"];
    expect(discoverWindows(hass, DEVICE_ID).map((limit) => limit.key)).toEqual(["five_hour"]);
  });
});

describe("accountDiscovery", () => {
  it("reuses its result until the registries, the device or its sensors' attributes change", () => {
    const discover = (hass: HomeAssistant, deviceId: string) => account(hass, deviceId).windows;
    const account = accountDiscovery();
    const hass: HomeAssistant = makeHass({ windows: [SESSION, WEEKLY] });
    const first = discover(hass, DEVICE_ID);
    expect(first).toEqual(discoverWindows(hass, DEVICE_ID));
    const usage = hass.states["sensor.acme_session_usage"]!;
    const polled: HomeAssistant = {
      ...hass,
      states: {
        ...hass.states,
        "sensor.acme_session_usage": { ...usage, state: "50" },
        "light.kitchen": undefined,
      },
    };
    expect(discover(polled, DEVICE_ID)).toBe(first);

    const unnamed: HomeAssistant = {
      ...polled,
      entities: {
        ...polled.entities,
        "sensor.acme_session_usage": {
          ...polled.entities["sensor.acme_session_usage"]!,
          name: null,
        },
      },
    };
    expect(discover(unnamed, DEVICE_ID)).not.toBe(first);
    const renamed: HomeAssistant = {
      ...unnamed,
      states: {
        ...unnamed.states,
        "sensor.acme_session_usage": {
          ...usage,
          attributes: { ...usage.attributes, friendly_name: "Acme Five hours" },
        },
      },
    };
    const second = discover(renamed, DEVICE_ID);
    expect(second[0]!.name).toBe("Five hours");
    expect(discover(renamed, DEVICE_ID)).toBe(second);

    const gone: HomeAssistant = { ...renamed, states: { ...renamed.states } };
    delete gone.states["sensor.acme_weekly_usage"];
    const shrunk = discover(gone, DEVICE_ID);
    expect(shrunk.map((limit) => limit.key)).toEqual(["five_hour"]);
    expect(discover(gone, DEVICE_ID)).toBe(shrunk);
    expect(discover({ ...gone, devices: { ...gone.devices } }, DEVICE_ID)).not.toBe(shrunk);
    expect(discover(gone, "device-other")).toEqual([]);
  });

  it("runs again when an identity is learned", () => {
    const account = accountDiscovery();
    const hass = makeHass({ windows: [SESSION], available: false });
    expect(account(hass, DEVICE_ID).windows).toEqual([]);
    rememberIdentity("sensor.acme_session_usage", {
      window_key: "five_hour",
      window_kind: "session",
    });
    expect(account(hass, DEVICE_ID).windows.map((limit) => limit.key)).toEqual(["five_hour"]);
  });
});

describe("entityName", () => {
  it("prefers the registry name, else strips the device name from the friendly name", () => {
    const hass = makeHass({ windows: [SESSION] });
    expect(entityName(hass, "sensor.acme_session_usage")).toBe("Session usage");
    hass.entities["sensor.acme_session_usage"]!.name = null;
    expect(entityName(hass, "sensor.acme_session_usage")).toBe("Session usage");
    hass.states["sensor.acme_session_usage"]!.attributes.friendly_name = "Something else";
    expect(entityName(hass, "sensor.acme_session_usage")).toBe("Something else");
    delete hass.states["sensor.acme_session_usage"]!.attributes.friendly_name;
    expect(entityName(hass, "sensor.acme_session_usage")).toBe("sensor.acme_session_usage");
  });
});

describe("firstDevice", () => {
  it("picks the first Claude Usage device by name", () => {
    const hass = makeHass();
    expect(firstDevice(hass)).toBe(DEVICE_ID);
    hass.devices["device-b"] = { id: "device-b", name: "Aardvark", name_by_user: null };
    hass.entities["sensor.b_usage"] = {
      entity_id: "sensor.b_usage",
      platform: "claude_usage",
      device_id: "device-b",
    };
    expect(firstDevice(hass)).toBe("device-b");
  });

  it("is undefined without any", () => {
    expect(
      firstDevice(makeHass({ windows: [], extraEntities: false, status: null })),
    ).toBeUndefined();
  });
});

describe("the account's other sensors", () => {
  it("finds the status, last update and extra usage sensors by translation key", () => {
    expect(discoverAccount(makeHass({ lastUpdateSensor: true }), DEVICE_ID).sensors).toEqual({
      status: "sensor.acme_status",
      last_update: "sensor.acme_last_update",
      extra_usage_used: "sensor.acme_extra_usage_spent",
      extra_usage_limit: "sensor.acme_extra_usage_limit",
      extra_usage_utilization: "sensor.acme_extra_usage_utilization",
    });
    expect(
      discoverAccount(makeHass({ status: null, extraEntities: false }), DEVICE_ID).sensors,
    ).toEqual({});
  });

  it("reads extra usage in the account's currency, when turned on", () => {
    const hass = makeHass();
    const account = discoverAccount(hass, DEVICE_ID);
    expect(readExtraUsage(hass, account)).toEqual({
      entityId: "sensor.acme_extra_usage_spent",
      used: 12.34,
      limit: 50,
      utilization: 24.68,
      unit: "USD",
      stale: false,
    });
    delete hass.states["sensor.acme_extra_usage_spent"]!.attributes.unit_of_measurement;
    hass.states["sensor.acme_extra_usage_limit"]!.state = "unknown";
    expect(readExtraUsage(hass, account)).toMatchObject({ limit: null, unit: undefined });
    hass.states["sensor.acme_extra_usage_spent"]!.state = "unavailable";
    expect(readExtraUsage(hass, account)).toBeUndefined();
    const recorded = {
      "sensor.acme_extra_usage_spent": {
        state: "10",
        attributes: { unit_of_measurement: "EUR" },
        lastUpdated: new Date(),
      },
    };
    expect(readExtraUsage(hass, account, recorded)).toMatchObject({
      used: 10,
      unit: "EUR",
      stale: true,
    });
    expect(readExtraUsage(hass, NO_ACCOUNT)).toBeUndefined();
  });
});

describe("readWindow and cardStatus", () => {
  it("reads utilization, severity and reset time", () => {
    const hass = makeHass();
    const [session, weekly, opus] = discoverWindows(hass, DEVICE_ID).map((limit) =>
      readWindow(hass, limit),
    );
    expect(session).toMatchObject({ available: true, utilization: 42, severity: null });
    expect(session!.resetsAt?.toISOString()).toBe("2026-11-28T12:14:30.000Z");
    expect(weekly).toMatchObject({ utilization: 80.5, severity: "warning" });
    expect(opus).toMatchObject({ utilization: 95, resetsAt: null });
    expect(session!.stale).toBe(false);
  });

  it("tells the card's states apart", () => {
    const hass = makeHass();
    const states = discoverWindows(hass, DEVICE_ID).map((limit) => readWindow(hass, limit));
    expect(cardStatus(hass, undefined, states, false)).toBe("no_device");
    expect(cardStatus(hass, "device-gone", states, false)).toBe("device_not_found");
    expect(cardStatus(hass, DEVICE_ID, [], false)).toBe("no_data");
    expect(cardStatus(hass, DEVICE_ID, states, false)).toBe("ok");
    const unknown = makeHass({ windows: [{ ...SESSION, utilization: "unknown" }] });
    const unknownStates = discoverWindows(unknown, DEVICE_ID).map((limit) =>
      readWindow(unknown, limit),
    );
    expect(unknownStates[0]).toMatchObject({ available: true, utilization: null });
    expect(cardStatus(unknown, DEVICE_ID, unknownStates, false)).toBe("no_data");
    // A problem shows the windows with their last values (or none yet) and says why.
    expect(cardStatus(unknown, DEVICE_ID, [], true)).toBe("ok");
  });

  it("reads the last recorded values of an unavailable sensor, marked stale", () => {
    const seen = makeHass();
    const [session] = discoverWindows(seen, DEVICE_ID);
    const hass = makeHass({ status: "unreachable" });
    expect(readWindow(hass, session!)).toMatchObject({
      available: false,
      stale: false,
      utilization: null,
    });
    const recorded = {
      "sensor.acme_session_usage": {
        state: "42.0",
        attributes: { severity: "warning" },
        lastUpdated: new Date("2026-11-28T08:59:00Z"),
      },
      "sensor.acme_session_reset": {
        state: "2026-11-28T12:14:00+00:00",
        attributes: {},
        lastUpdated: new Date("2026-11-28T08:00:00Z"),
      },
    };
    expect(readWindow(hass, session!, recorded)).toEqual({
      window: session,
      available: true,
      stale: true,
      utilization: 42,
      severity: "warning",
      binding: null,
      resetsAt: new Date("2026-11-28T12:14:00Z"),
      runsOutAt: null,
      updatedAt: new Date("2026-11-28T08:59:00Z"),
    });
    // Live values win once the sensor is back.
    expect(readWindow(seen, session!, recorded)).toMatchObject({ stale: false, utilization: 42 });
    expect(readWindow(seen, session!, recorded).severity).toBeNull();
  });

  it("parses timestamps strictly", () => {
    expect(parseTimestamp("2026-11-28T12:00:00+00:00")?.getTime()).toBe(
      Date.parse("2026-11-28T12:00:00Z"),
    );
    expect(parseTimestamp("unknown")).toBeNull();
    expect(parseTimestamp("unavailable")).toBeNull();
    expect(parseTimestamp("")).toBeNull();
    expect(parseTimestamp(undefined)).toBeNull();
    expect(parseTimestamp("soon")).toBeNull();
  });
});

describe("the contract's additions", () => {
  const read = (hass: HomeAssistant) =>
    discoverWindows(hass, DEVICE_ID).map((limit) => readWindow(hass, limit));

  it("reads binding and when a window runs out", () => {
    const hass = makeHass({
      windows: [
        { ...SESSION, binding: true, runsOut: "2026-11-28T11:35:00+00:00" },
        { ...WEEKLY, binding: false },
        OPUS,
      ],
    });
    expect(read(hass).map((state) => [state.binding, state.runsOutAt])).toEqual([
      [true, new Date("2026-11-28T11:35:00Z")],
      [false, null],
      [null, null],
    ]);
    // The card renders again, and asks the recorder, when a "runs out" sensor changes.
    expect(accountEntityIds(discoverAccount(hass, DEVICE_ID))).toEqual(
      expect.arrayContaining(["sensor.acme_session_runs_out", "sensor.acme_weekly_runs_out"]),
    );
  });

  it("marks the binding window with the highest usage, only when claude.ai marks one", () => {
    const states = (windows: WindowSpec[]) => read(makeHass({ windows }));
    // Flat answers and Claude Code reports do not say.
    expect(bindingWindow(states([SESSION, WEEKLY, OPUS]), NOW)).toBeUndefined();
    expect(
      bindingWindow(
        states([
          { ...SESSION, binding: false },
          { ...OPUS, binding: false },
        ]),
        NOW,
      ),
    ).toBeUndefined();
    // Opus uses more, but only the session and the weekly window bind now.
    expect(
      bindingWindow(
        states([
          { ...SESSION, binding: true },
          { ...WEEKLY, binding: true },
          { ...OPUS, binding: false },
        ]),
        NOW,
      ),
    ).toBe("seven_day");
    // Of equal ones, the one that runs out first; one that does not run out comes last.
    const full = { utilization: "100", binding: true };
    expect(
      bindingWindow(
        states([
          { ...SESSION, ...full },
          { ...WEEKLY, ...full, runsOut: "2026-11-28T09:40:00+00:00" },
          { ...OPUS, ...full, runsOut: "2026-11-28T09:20:00+00:00" },
        ]),
        NOW,
      ),
    ).toBe("seven_day_opus");
    expect(
      bindingWindow(
        states([
          { ...SESSION, ...full },
          { ...WEEKLY, ...full },
        ]),
        NOW,
      ),
    ).toBe("five_hour");
  });

  it("leaves out a binding window whose reset has come, or that has no value", () => {
    const hass = makeHass({
      windows: [
        { ...SESSION, binding: true, utilization: "99", resetsAt: "2026-11-28T09:30:00+00:00" },
        { ...WEEKLY, binding: true },
        { ...OPUS, binding: true, utilization: "unknown" },
      ],
    });
    expect(bindingWindow(read(hass), NOW)).toBe("seven_day");
  });

  it("reads a credit grant, when there is one", () => {
    const credit = { remaining: "12.34", limit: "50.0", expires: "2026-12-31T08:00:00+00:00" };
    const hass = makeHass({ credit });
    const account = discoverAccount(hass, DEVICE_ID);
    expect(account.sensors).toMatchObject({
      credit_remaining: "sensor.acme_credit_remaining",
      credit_limit: "sensor.acme_credit_granted",
      credit_expires: "sensor.acme_credit_expires",
    });
    expect(readCredit(hass, account)).toEqual({
      entityId: "sensor.acme_credit_remaining",
      remaining: 12.34,
      limit: 50,
      expiresAt: new Date("2026-12-31T08:00:00Z"),
      unit: "USD",
      stale: false,
    });
    hass.states["sensor.acme_credit_granted"]!.state = "unknown";
    hass.states["sensor.acme_credit_expires"]!.state = "unknown";
    delete hass.states["sensor.acme_credit_remaining"]!.attributes.unit_of_measurement;
    expect(readCredit(hass, account)).toMatchObject({
      limit: null,
      expiresAt: null,
      unit: undefined,
    });
    const recorded = {
      "sensor.acme_credit_remaining": {
        state: "10",
        attributes: { unit_of_measurement: "EUR" },
        lastUpdated: new Date(),
      },
    };
    const during = makeHass({ credit, status: "unreachable" });
    expect(readCredit(during, account, recorded)).toMatchObject({
      remaining: 10,
      unit: "EUR",
      stale: true,
    });
    expect(readCredit(during, account)).toBeUndefined();
    expect(readCredit(makeHass(), discoverAccount(makeHass(), DEVICE_ID))).toBeUndefined();
  });

  it("ignores the event entity of an entry fed by Claude Code", () => {
    const hass = makeHass({ windows: [SESSION, WEEKLY], lastReport: "2026-11-28T09:55:00+00:00" });
    expect(hass.states["event.acme_claude_code"]).toBeDefined();
    const account = discoverAccount(hass, DEVICE_ID);
    expect(account.windows.map((limit) => limit.key)).toEqual(["five_hour", "seven_day"]);
    expect(account.unidentified).toEqual([]);
    expect(accountEntityIds(account)).not.toContain("event.acme_claude_code");
  });
});

describe("entityName with Home Assistant's formatEntityName", () => {
  it("names the entity as Home Assistant's own cards do, where the frontend can", () => {
    const formatEntityName = vi.fn(() => "Session, as Home Assistant says");
    const hass = makeHass({ windows: [SESSION], formatEntityName });
    expect(entityName(hass, "sensor.acme_session_usage")).toBe("Session, as Home Assistant says");
    expect(formatEntityName).toHaveBeenCalledWith(hass.states["sensor.acme_session_usage"], {
      type: "entity",
    });
    // Nothing to say (an entity named after its device alone): the registry's name.
    formatEntityName.mockReturnValue("");
    expect(entityName(hass, "sensor.acme_session_usage")).toBe("Session usage");
  });
});
