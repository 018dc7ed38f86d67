"""Events on Home Assistant's bus when a window resets or crosses a threshold.

``detect_changes`` compares two consecutive polls (pure); ``async_fire_events``
puts what it found on the bus; ``async_track_usage_events`` runs both after every
coordinator update of a config entry.

Semantics:
- A window *reset* is what :func:`~.api.resets.started_anew` says: its reset time
  moved forward by an hour or more, its utilization fell by 10 points or more, or
  its reset time vanished while its utilization fell (the window ran out and no
  new one started yet).
- A threshold is crossed *up* when the previous poll was below it and the new
  one is at or above it (so 100 means "limit reached"), and *down* when the
  previous poll was at or above it and the new one is below it. The two polls are
  compared as they are, also across a reset: a reset from 95 % to 3 % fires the
  reset and down crossings of 90, 75 and 50.
- Each crossing fires once: polls that stay on the same side fire nothing.
- Only windows present in both polls are compared. The first poll after Home
  Assistant starts (or the entry is reloaded) has nothing to compare with and
  fires nothing, so a restart never repeats a crossing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback

from .api.models import LimitWindow, Usage
from .api.resets import started_anew
from .coordinator import ClaudeUsageConfigEntry
from .entity import device_name

EVENT_WINDOW_RESET: Final = "claude_usage_window_reset"
EVENT_THRESHOLD_CROSSED: Final = "claude_usage_threshold_crossed"

# Utilization (%) thresholds that fire claude_usage_threshold_crossed.
DEFAULT_THRESHOLDS: Final = (50.0, 75.0, 90.0, 100.0)

ATTR_ENTRY_ID: Final = "entry_id"
ATTR_ACCOUNT: Final = "account"
ATTR_WINDOW_KEY: Final = "window_key"
ATTR_WINDOW_NAME: Final = "window_name"
ATTR_OLD_UTILIZATION: Final = "old_utilization"
ATTR_NEW_UTILIZATION: Final = "new_utilization"
ATTR_RESETS_AT: Final = "resets_at"
ATTR_THRESHOLD: Final = "threshold"
ATTR_DIRECTION: Final = "direction"


class Direction(StrEnum):
    """Which way a threshold was crossed."""

    UP = "up"
    DOWN = "down"


@dataclass(frozen=True, slots=True)
class WindowReset:
    """A window started anew between two polls."""

    window: LimitWindow
    old_utilization: float


@dataclass(frozen=True, slots=True)
class ThresholdCrossed:
    """A window's utilization went from one side of a threshold to the other."""

    window: LimitWindow
    old_utilization: float
    threshold: float
    direction: Direction


type WindowEvent = WindowReset | ThresholdCrossed


def is_window_reset(old: LimitWindow, new: LimitWindow) -> bool:
    """Return whether ``new`` is a later window than ``old`` (same key)."""
    return started_anew(old.utilization, old.resets_at, new.utilization, new.resets_at)


def detect_changes(
    previous: Usage | None,
    current: Usage,
    thresholds: Iterable[float] = DEFAULT_THRESHOLDS,
) -> list[WindowEvent]:
    """Return the resets and crossings from ``previous`` to ``current``.

    Per window, in the order of ``current.windows``: the reset first, then up
    crossings from the lowest threshold, then down crossings from the highest.
    """
    if previous is None:
        return []
    ordered = sorted(thresholds)
    events: list[WindowEvent] = []
    for window in current.windows:
        if (old := previous.window(window.key)) is None:
            continue
        before, after = old.utilization, window.utilization
        if is_window_reset(old, window):
            events.append(WindowReset(window=window, old_utilization=before))
        events.extend(
            ThresholdCrossed(window, before, threshold, Direction.UP)
            for threshold in ordered
            if before < threshold <= after
        )
        events.extend(
            ThresholdCrossed(window, before, threshold, Direction.DOWN)
            for threshold in reversed(ordered)
            if after < threshold <= before
        )
    return events


@callback
def async_fire_events(
    hass: HomeAssistant,
    entry: ClaudeUsageConfigEntry,
    events: Sequence[WindowEvent],
) -> None:
    """Fire ``claude_usage_window_reset`` / ``claude_usage_threshold_crossed`` events."""
    for event in events:
        window = event.window
        data: dict[str, object] = {
            ATTR_ENTRY_ID: entry.entry_id,
            ATTR_ACCOUNT: device_name(entry.title),
            ATTR_WINDOW_KEY: window.key,
            ATTR_WINDOW_NAME: window.name,
            ATTR_OLD_UTILIZATION: event.old_utilization,
            ATTR_NEW_UTILIZATION: window.utilization,
        }
        if isinstance(event, WindowReset):
            data[ATTR_RESETS_AT] = (
                window.resets_at.isoformat() if window.resets_at is not None else None
            )
            hass.bus.async_fire(EVENT_WINDOW_RESET, data)
        else:
            data[ATTR_THRESHOLD] = event.threshold
            data[ATTR_DIRECTION] = event.direction.value
            hass.bus.async_fire(EVENT_THRESHOLD_CROSSED, data)


@callback
def async_track_usage_events(
    hass: HomeAssistant, entry: ClaudeUsageConfigEntry
) -> CALLBACK_TYPE:
    """Fire the events of every new usage of the entry's coordinator; returns the unsubscribe.

    Call after the first refresh: its data is the baseline and fires nothing.
    """
    coordinator = entry.runtime_data
    previous: Usage | None = coordinator.data

    @callback
    def _async_check_usage() -> None:
        nonlocal previous
        current = coordinator.data
        if current is previous:
            return
        async_fire_events(hass, entry, detect_changes(previous, current))
        previous = current

    return coordinator.async_add_listener(_async_check_usage)
