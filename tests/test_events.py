"""Window reset and threshold crossed events: detection and what lands on the bus."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from homeassistant.core import HomeAssistant
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.claude_usage.api.models import LimitWindow, Usage, WindowKind
from custom_components.claude_usage.const import DOMAIN, LOGGER
from custom_components.claude_usage.events import (
    EVENT_THRESHOLD_CROSSED,
    EVENT_WINDOW_RESET,
    Direction,
    ThresholdCrossed,
    WindowReset,
    async_fire_events,
    async_track_usage_events,
    detect_changes,
    is_window_reset,
)

RESET = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
NEXT_RESET = RESET + timedelta(hours=5)


def session(utilization: float, resets_at: datetime | None = RESET) -> LimitWindow:
    """Return the 5-hour window at ``utilization`` %."""
    return LimitWindow(
        key="five_hour",
        kind=WindowKind.SESSION,
        name="Current session",
        utilization=utilization,
        resets_at=resets_at,
    )


def opus(utilization: float) -> LimitWindow:
    """Return the weekly Opus window at ``utilization`` %."""
    return LimitWindow(
        key="seven_day_opus",
        kind=WindowKind.WEEKLY_SCOPED,
        name="Weekly Opus",
        utilization=utilization,
        resets_at=RESET + timedelta(days=3),
        model="Opus",
    )


def usage(*windows: LimitWindow) -> Usage:
    """Return a poll with these windows."""
    return Usage(windows=windows)


def test_first_poll_fires_nothing() -> None:
    """After a restart there is no previous poll: nothing is repeated."""
    assert detect_changes(None, usage(session(95))) == []


def test_same_side_fires_nothing() -> None:
    """Polls that stay between two thresholds, or above all, fire nothing."""
    assert detect_changes(usage(session(60)), usage(session(70))) == []
    assert detect_changes(usage(session(70)), usage(session(70))) == []
    assert detect_changes(usage(session(100)), usage(session(104))) == []


def test_crossing_up_one_threshold() -> None:
    """74 -> 75 reaches 75: an up crossing; 75 -> 76 then fires nothing."""
    new = session(75)
    assert detect_changes(usage(session(74)), usage(new)) == [
        ThresholdCrossed(new, 74, 75.0, Direction.UP)
    ]
    assert detect_changes(usage(new), usage(session(76))) == []


def test_crossing_up_several_thresholds_lowest_first() -> None:
    """A jump from 40 to 100 crosses 50, 75, 90 and 100 in that order."""
    new = session(100)
    assert detect_changes(usage(session(40)), usage(new)) == [
        ThresholdCrossed(new, 40, threshold, Direction.UP)
        for threshold in (50.0, 75.0, 90.0, 100.0)
    ]


def test_crossing_down_without_reset() -> None:
    """A small fall below 90 (same reset time) crosses down but is no reset."""
    new = session(88)
    assert detect_changes(usage(session(90)), usage(new)) == [
        ThresholdCrossed(new, 90, 90.0, Direction.DOWN)
    ]


def test_reset_by_reset_time_fires_reset_and_down_crossings() -> None:
    """95 % -> 3 % with the reset time 5 h later: the reset, then 90, 75, 50 down."""
    new = session(3, NEXT_RESET)
    assert detect_changes(usage(session(95)), usage(new)) == [
        WindowReset(new, 95),
        ThresholdCrossed(new, 95, 90.0, Direction.DOWN),
        ThresholdCrossed(new, 95, 75.0, Direction.DOWN),
        ThresholdCrossed(new, 95, 50.0, Direction.DOWN),
    ]


def test_reset_by_reset_time_with_little_usage() -> None:
    """2 % -> 1 % is a reset when the reset time jumps, not when it jitters."""
    assert is_window_reset(session(2), session(1, NEXT_RESET))
    assert detect_changes(usage(session(2)), usage(session(1, NEXT_RESET))) == [
        WindowReset(session(1, NEXT_RESET), 2)
    ]
    jitter = RESET + timedelta(seconds=50)
    assert detect_changes(usage(session(2)), usage(session(1, jitter))) == []


def test_reset_by_a_large_fall_alone() -> None:
    """A fall of ten points or more is a reset even with the reset time unchanged."""
    assert is_window_reset(session(30), session(20))
    assert not is_window_reset(session(30), session(21))


def test_reset_when_the_window_runs_out() -> None:
    """The reset time vanishes and utilization falls: the window ran out."""
    assert is_window_reset(session(4), session(0, None))
    assert not is_window_reset(session(0), session(0, None))
    # A first use in a new window gets a reset time: not another reset.
    assert not is_window_reset(session(0, None), session(1, NEXT_RESET))


def test_windows_are_compared_by_key() -> None:
    """Each window fires on its own; a window new in this poll fires nothing."""
    previous = usage(session(10))
    current = usage(session(20), opus(100))
    assert detect_changes(previous, current) == []
    new_opus = opus(91)
    events = detect_changes(usage(session(49), opus(80)), usage(session(50), new_opus))
    assert events == [
        ThresholdCrossed(session(50), 49, 50.0, Direction.UP),
        ThresholdCrossed(new_opus, 80, 90.0, Direction.UP),
    ]


def test_custom_thresholds() -> None:
    """Thresholds can be given in any order."""
    new = session(85)
    assert detect_changes(usage(session(10)), usage(new), thresholds=(80, 20)) == [
        ThresholdCrossed(new, 10, 20, Direction.UP),
        ThresholdCrossed(new, 10, 80, Direction.UP),
    ]


async def test_fire_events_payloads(hass: HomeAssistant) -> None:
    """The bus gets one event per change, with entry, account, window and values."""
    entry = MockConfigEntry(domain=DOMAIN, title="Acme", unique_id="org-1")
    personal = MockConfigEntry(
        domain=DOMAIN, title="jane@example.com's Organization", unique_id="org-2"
    )
    entry.add_to_hass(hass)
    resets = async_capture_events(hass, EVENT_WINDOW_RESET)
    crossings = async_capture_events(hass, EVENT_THRESHOLD_CROSSED)

    new = session(3, NEXT_RESET)
    async_fire_events(
        hass,
        entry,
        [WindowReset(new, 95), ThresholdCrossed(new, 95, 90.0, Direction.DOWN)],
    )
    async_fire_events(hass, entry, [WindowReset(session(0, None), 4)])
    # An email address is personal data: never in an event the recorder keeps.
    async_fire_events(hass, personal, [WindowReset(session(0, None), 4)])
    await hass.async_block_till_done()

    assert [event.data for event in resets] == [
        {
            "entry_id": entry.entry_id,
            "account": "Claude Acme",
            "window_key": "five_hour",
            "window_name": "Current session",
            "old_utilization": 95,
            "new_utilization": 3,
            "resets_at": NEXT_RESET.isoformat(),
        },
        {
            "entry_id": entry.entry_id,
            "account": "Claude Acme",
            "window_key": "five_hour",
            "window_name": "Current session",
            "old_utilization": 4,
            "new_utilization": 0,
            "resets_at": None,
        },
        {
            "entry_id": personal.entry_id,
            "account": "Claude Personal",
            "window_key": "five_hour",
            "window_name": "Current session",
            "old_utilization": 4,
            "new_utilization": 0,
            "resets_at": None,
        },
    ]
    assert [event.data for event in crossings] == [
        {
            "entry_id": entry.entry_id,
            "account": "Claude Acme",
            "window_key": "five_hour",
            "window_name": "Current session",
            "old_utilization": 95,
            "new_utilization": 3,
            "threshold": 90.0,
            "direction": "down",
        }
    ]


async def test_track_usage_events_follows_the_coordinator(hass: HomeAssistant) -> None:
    """Each new poll fires once; failed polls and the baseline fire nothing."""
    polls = [
        usage(session(88)),
        usage(session(91)),
        usage(session(91)),
        usage(session(99)),
        usage(session(2, NEXT_RESET)),
    ]

    async def _next_usage() -> Usage:
        if not polls:
            raise ValueError("no more polls")
        return polls.pop(0)

    entry = MockConfigEntry(domain=DOMAIN, title="Acme", unique_id="org-1")
    entry.add_to_hass(hass)
    coordinator = DataUpdateCoordinator[Usage](
        hass,
        LOGGER,
        config_entry=entry,
        name="test",
        update_method=_next_usage,
        update_interval=None,
        always_update=False,
    )
    await coordinator.async_refresh()
    entry.runtime_data = coordinator
    resets = async_capture_events(hass, EVENT_WINDOW_RESET)
    crossings = async_capture_events(hass, EVENT_THRESHOLD_CROSSED)
    unsubscribe = async_track_usage_events(hass, entry)

    def _fired() -> list[tuple[str, float | None, str | None]]:
        fired = [("reset", None, None) for _ in resets]
        fired += [
            ("crossed", event.data["threshold"], event.data["direction"])
            for event in crossings
        ]
        resets.clear()
        crossings.clear()
        return fired

    await coordinator.async_refresh()  # 88 -> 91
    await hass.async_block_till_done()
    assert _fired() == [("crossed", 90.0, "up")]

    await coordinator.async_refresh()  # 91 -> 91
    await hass.async_block_till_done()
    assert _fired() == []

    await coordinator.async_refresh()  # 91 -> 99
    await hass.async_block_till_done()
    assert _fired() == []

    await coordinator.async_refresh()  # 99 -> reset at 2 %
    await hass.async_block_till_done()
    assert _fired() == [
        ("reset", None, None),
        ("crossed", 90.0, "down"),
        ("crossed", 75.0, "down"),
        ("crossed", 50.0, "down"),
    ]

    await coordinator.async_refresh()  # fails: the data stays
    await hass.async_block_till_done()
    assert not coordinator.last_update_success
    assert _fired() == []

    unsubscribe()
    polls.append(usage(session(60, NEXT_RESET)))
    await coordinator.async_refresh()
    await hass.async_block_till_done()
    assert _fired() == []
