"""When a limit window starts anew, and what a reset time is: one rule for every reader.

The forecast, the reset events and the card (``card/src/resets.ts`` mirrors
:func:`started_anew`; both run the cases in ``tests/fixtures/window_resets.json``)
all ask this module. Reset times are normalised once, when a usage answer is parsed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# A reset time that moves forward by at least this much belongs to a new window: the
# next 5-hour window resets at least five hours after the previous one, while one
# window's reset time only jitters by seconds between answers.
RESET_SHIFT = timedelta(hours=1)

# A fall of utilization by at least this many points is a new window, whatever the
# reset time says (inside one window usage only adds up; smaller dips are rounding).
RESET_MIN_DROP = 10.0

# Reset times outside these bounds are not reset times (and some, such as year 9999
# in a negative UTC offset, cannot even be converted to UTC).
_EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
_LATEST = datetime(2999, 12, 31, tzinfo=UTC)


def normalize_resets_at(moment: datetime) -> datetime | None:
    """Return a reset time in UTC to the nearest minute, or None when out of range.

    claude.ai sends the same reset time with a different fraction of a second in
    every answer; rounded, it stays the same value from poll to poll.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:
        return None
    if not _EARLIEST <= moment <= _LATEST:
        return None
    return (moment + timedelta(seconds=30)).replace(second=0, microsecond=0)


def started_anew(
    old_utilization: float,
    old_resets_at: datetime | None,
    new_utilization: float,
    new_resets_at: datetime | None,
) -> bool:
    """Return whether the second reading of a window belongs to a later window.

    True when its reset time moved forward by RESET_SHIFT or more, when its
    utilization fell by RESET_MIN_DROP points or more, or when its reset time
    vanished while its utilization fell (the window ran out, no new one started).
    """
    if (
        old_resets_at is not None
        and new_resets_at is not None
        and new_resets_at - old_resets_at >= RESET_SHIFT
    ):
        return True
    if old_utilization - new_utilization >= RESET_MIN_DROP:
        return True
    return (
        old_resets_at is not None
        and new_resets_at is None
        and new_utilization < old_utilization
    )
