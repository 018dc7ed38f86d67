import { describe, expect, it } from "vitest";

import fixture from "../../tests/fixtures/window_resets.json";
import { startedAnew } from "../src/resets";

interface Reading {
  utilization: number;
  resets_at: string | null;
}

function ms(reading: Reading): number | null {
  return reading.resets_at === null ? null : Date.parse(reading.resets_at);
}

describe("startedAnew", () => {
  it("has the shared cases", () => {
    expect(fixture.cases.length).toBeGreaterThan(10);
  });

  // The same file drives tests/api/test_resets.py: the card and the integration agree.
  it.each(fixture.cases.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    const old = entry.old as Reading;
    const next = entry.new as Reading;
    expect(startedAnew(old.utilization, ms(old), next.utilization, ms(next))).toBe(
      entry.started_anew,
    );
  });
});
