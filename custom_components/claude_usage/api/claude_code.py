"""What Claude Code hands its status line and its hooks, read as a report. No I/O.

Since 2.1.80 Claude Code pipes JSON to its ``statusLine`` command on every update:
``session_id``, ``transcript_path``, ``cwd``, ``model``, ``workspace``, ``version``,
``cost``, ``context_window``, and, for claude.ai subscribers after a session's
first answer, ``rate_limits: {"five_hour": {"used_percentage", "resets_at"},
"seven_day": {...}}`` (``resets_at`` in Unix seconds; one public write-up shows
ISO 8601 text). Its hooks get JSON with ``hook_event_name`` (``Stop``,
``Notification`` with a ``notification_type``, ...).

Only ``rate_limits``, ``version``, ``hook_event_name`` and ``notification_type``
are read; everything else (paths, the session id, a notification's message) is
ignored. A window that breaks a rule is left out; nothing else of a report can
fail but the body not being a JSON object.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
import re

from .errors import ClaudeUsageError
from .models import LimitWindow, WindowKind
from .parse import SESSION_KEY, WEEKLY_KEY, finite_number, parse_datetime
from .resets import normalize_resets_at

#: A report larger than this is no report of Claude Code's (its JSON is a few KiB).
MAX_REPORT_BYTES = 64 * 1024
# used_percentage beyond this is no percentage (a window may run past 100 %).
MAX_PERCENTAGE = 1000.0
# A reset time must lie in this range around the time the report arrives: from a day
# ago (old news, told apart later) to at most its window's length ahead, give or take an
# hour of clock difference (a session's reset a week ahead is no session's).
RESETS_FROM = timedelta(days=1)
CLOCK_SLACK = timedelta(hours=1)
_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]{0,31}")

# The windows of rate_limits, as the usage sensors know them, and their lengths.
WINDOWS: dict[str, tuple[WindowKind, str]] = {
    SESSION_KEY: (WindowKind.SESSION, "Session"),
    WEEKLY_KEY: (WindowKind.WEEKLY, "Weekly"),
}
WINDOW_LENGTHS: dict[str, timedelta] = {
    SESSION_KEY: timedelta(hours=5),
    WEEKLY_KEY: timedelta(days=7),
}
# Notifications that wait for the user (an unnamed one counts: older versions sent
# no type, and then only for these).
_NEEDS_INPUT = frozenset({"permission_prompt", "idle_prompt", "elicitation_dialog"})


def newer_version(reported: str, known: str | None) -> bool:
    """Return whether a reported Claude Code version is newer than the one known.

    By the numbers it starts with (2.1.90 after 2.1.88); computers on different
    versions reporting in turn then do not swap the device's version back and forth.
    """
    return known is None or _release(reported) > _release(known)


def _release(version: str) -> tuple[int, ...]:
    match = re.match(r"[0-9]+(?:\.[0-9]+)*", version)
    return tuple(int(part) for part in match.group().split(".")) if match else ()


class InvalidReportError(ClaudeUsageError):
    """The report is not a JSON object (or is too large); the message is a short reason."""


class HookEvent(StrEnum):
    """What a hook report tells (the Claude Code event entity's event types)."""

    FINISHED = "finished"
    NEEDS_INPUT = "needs_input"


@dataclass(frozen=True, slots=True)
class Report:
    """What one report of Claude Code says that the integration uses.

    ``hook`` is True for a hook's report (then ``event`` may name what happened);
    a status line's report carries ``windows`` (none before a session's first
    answer, or for a user on an API key) and ``version``.
    """

    windows: tuple[LimitWindow, ...] = ()
    version: str | None = None
    hook: bool = False
    event: HookEvent | None = None


def parse_report(body: object, now: datetime) -> Report:
    """Read a status line's or a hook's JSON; raise InvalidReportError unless an object."""
    if not isinstance(body, dict):
        raise InvalidReportError("not a JSON object")
    version = body.get("version")
    version = (
        version if isinstance(version, str) and _VERSION.fullmatch(version) else None
    )
    if "hook_event_name" in body:
        return Report(version=version, hook=True, event=_hook_event(body))
    limits = body.get("rate_limits")
    windows = (
        tuple(
            window
            for key, value in limits.items()
            if (window := _window(key, value, now)) is not None
        )
        if isinstance(limits, dict)
        else ()
    )
    return Report(windows=windows, version=version)


def _hook_event(body: dict[object, object]) -> HookEvent | None:
    name = body.get("hook_event_name")
    if name == "Stop":
        return HookEvent.FINISHED
    if name == "Notification":
        kind = body.get("notification_type")
        if kind is None or (isinstance(kind, str) and kind in _NEEDS_INPUT):
            return HookEvent.NEEDS_INPUT
    return None


def _window(key: object, value: object, now: datetime) -> LimitWindow | None:
    """Return a window of rate_limits, or None when it breaks a rule."""
    if key not in WINDOWS or not isinstance(value, dict):
        return None
    used = finite_number(value.get("used_percentage"))
    if used is None or not 0 <= used <= MAX_PERCENTAGE:
        return None
    resets_at = parse_datetime(value.get("resets_at"))
    until = now + WINDOW_LENGTHS[str(key)] + CLOCK_SLACK
    if resets_at is None or not now - RESETS_FROM <= resets_at <= until:
        return None
    kind, name = WINDOWS[str(key)]
    return LimitWindow(str(key), kind, name, used, normalize_resets_at(resets_at))
