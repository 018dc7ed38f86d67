"""A realistic day of claude.ai usage answers, one per minute.

Idle night, three bursts of use (morning, afternoon, evening), the five-hour
session window opening at the first message and resetting five hours later,
the session limit reached once (extra usage then grows), and the weekly Opus
window resetting at 18:00. Percentages are whole numbers, as claude.ai reports
them; reset times jitter by under a second from one answer to the next, as
the live endpoint's do.
"""

from __future__ import annotations

from datetime import datetime, timedelta
import math
from typing import Any

from tests.fake_claude import usage_json

MINUTES_PER_DAY = 1440
# Minutes of the day with someone using Claude: [start, end).
BURSTS = ((9 * 60, 11 * 60 + 30), (13 * 60 + 30, 16 * 60), (20 * 60, 21 * 60 + 30))
SESSION_WINDOW = timedelta(hours=5)
# Per active minute.
SESSION_RATE = 0.75
WEEKLY_RATE = 0.05
OPUS_RATE = 0.04
EXTRA_CENTS_AT_LIMIT = 8
# Values the answers carry per poll: utilization and reset of three windows, and
# the three extra usage figures. A store-every-poll design keeps one row of each.
METRICS = (
    "five_hour.utilization",
    "five_hour.resets_at",
    "seven_day.utilization",
    "seven_day.resets_at",
    "seven_day_opus.utilization",
    "seven_day_opus.resets_at",
    "extra_usage.used_credits",
    "extra_usage.monthly_limit",
    "extra_usage.utilization",
)


def _active(minute: int) -> bool:
    return any(start <= minute < end for start, end in BURSTS)


def day_trace(start: datetime) -> list[dict[str, Any]]:
    """Return the usage bodies of the polls at ``start`` + 0, 1, ..., 1439 minutes."""
    session = 0.0
    session_reset: datetime | None = None
    weekly = 34.0
    weekly_reset = start + timedelta(days=2, hours=9)
    opus = 12.0
    opus_reset = start + timedelta(hours=18)
    extra_cents = 1234
    bodies = []
    for minute in range(MINUTES_PER_DAY):
        now = start + timedelta(minutes=minute)
        if session_reset is not None and now >= session_reset:
            session, session_reset = 0.0, None
        if now >= opus_reset:
            opus, opus_reset = 0.0, opus_reset + timedelta(days=7)
        if _active(minute):
            if session_reset is None:
                session_reset = now + SESSION_WINDOW
            if session >= 100:
                extra_cents += EXTRA_CENTS_AT_LIMIT
            session = min(100.0, session + SESSION_RATE)
            weekly = min(100.0, weekly + WEEKLY_RATE)
            if minute < 12 * 60:
                opus += OPUS_RATE
        jitter = timedelta(microseconds=(minute * 7919) % 1_000_000)
        bodies.append(
            usage_json(
                session=(
                    math.floor(session),
                    None if session_reset is None else session_reset + jitter,
                ),
                weekly=(math.floor(weekly), weekly_reset + jitter),
                scoped={"Opus": (math.floor(opus), opus_reset + jitter)},
                extra_used_cents=extra_cents,
            )
        )
    return bodies


def metric_values(body: dict[str, Any]) -> list[tuple[str, object]]:
    """Return the values of ``METRICS`` in one usage body."""
    opus = next(limit for limit in body["limits"] if limit["kind"] == "weekly_scoped")
    extra = body["extra_usage"]
    values: list[object] = [
        body["five_hour"]["utilization"],
        body["five_hour"]["resets_at"],
        body["seven_day"]["utilization"],
        body["seven_day"]["resets_at"],
        opus["percent"],
        opus["resets_at"],
        extra["used_credits"],
        extra["monthly_limit"],
        extra["utilization"],
    ]
    return list(zip(METRICS, values, strict=True))
