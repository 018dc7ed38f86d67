/**
 * What the recorder holds of sensors that are unavailable now: their last state before,
 * with its attributes (which Home Assistant drops while a sensor is unavailable).
 */

import type { CompressedState } from "./history";
import type { HomeAssistant } from "./types";

export interface RecordedState {
  state: string;
  attributes: Record<string, unknown>;
  lastUpdated: Date;
}

export type Recorded = Record<string, RecordedState | undefined>;

/** The last state of each entity since `since` that was not "unavailable". */
export async function lastRecordedStates(
  hass: HomeAssistant,
  entityIds: string[],
  since: Date,
): Promise<Recorded> {
  const history = await hass.callWS<Record<string, CompressedState[] | undefined>>({
    type: "history/history_during_period",
    start_time: since.toISOString(),
    entity_ids: entityIds,
    minimal_response: false,
    no_attributes: false,
    significant_changes_only: true,
  });
  const recorded: Recorded = {};
  for (const [entityId, states] of Object.entries(history)) {
    const last = (states ?? []).findLast((state) => state.s !== "unavailable");
    if (last) {
      recorded[entityId] = {
        state: last.s,
        attributes: last.a ?? {},
        lastUpdated: new Date(last.lu * 1000),
      };
    }
  }
  return recorded;
}
