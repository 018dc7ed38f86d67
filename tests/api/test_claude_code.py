"""Reading what Claude Code hands its status line and hooks: every rule, every odd value."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import math
from typing import Any

import pytest

from custom_components.claude_usage.api import LimitWindow, WindowKind
from custom_components.claude_usage.api.claude_code import (
    HookEvent,
    InvalidReportError,
    Report,
    newer_version,
    parse_report,
)

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
IN_2H = int((NOW + timedelta(hours=2)).timestamp())
IN_3D = int((NOW + timedelta(days=3)).timestamp())


def status_line(**rate_limits: Any) -> dict[str, Any]:
    """Return a status line's JSON as Claude Code writes it (paths and ids made up)."""
    return {
        "hook_event_name": None,
        "session_id": "4b1c1f5e-0000-4000-8000-000000000001",
        "transcript_path": "/home/someone/.claude/projects/p/4b1c1f5e.jsonl",
        "cwd": "/home/someone/src/project",
        "model": {"id": "claude-opus-4-5", "display_name": "Opus"},
        "workspace": {"current_dir": "/home/someone/src/project"},
        "version": "2.1.80",
        "cost": {"total_cost_usd": 0.42},
        "context_window": {"used_percentage": 12},
        "rate_limits": rate_limits,
    } | ({} if rate_limits else {"rate_limits": None})


def _windows(body: dict[str, Any]) -> list[tuple[str, float, datetime | None]]:
    del body["hook_event_name"]
    return [
        (w.key, w.utilization, w.resets_at) for w in parse_report(body, NOW).windows
    ]


def test_a_status_line_report() -> None:
    """rate_limits becomes the session and weekly windows; the version is kept."""
    body = status_line(
        five_hour={"used_percentage": 23.5, "resets_at": IN_2H},
        seven_day={"used_percentage": 41, "resets_at": IN_3D},
    )
    del body["hook_event_name"]

    report = parse_report(body, NOW)

    assert report == Report(
        windows=(
            LimitWindow(
                "five_hour",
                WindowKind.SESSION,
                "Session",
                23.5,
                NOW + timedelta(hours=2),
            ),
            LimitWindow(
                "seven_day", WindowKind.WEEKLY, "Weekly", 41.0, NOW + timedelta(days=3)
            ),
        ),
        version="2.1.80",
    )


@pytest.mark.parametrize(
    "resets_at",
    [
        IN_2H,
        IN_2H * 1000,
        float(IN_2H),
        (NOW + timedelta(hours=2)).isoformat(),
        "2026-12-07T14:00:00Z",
        "2026-12-07T14:00:00",
    ],
    ids=["seconds", "milliseconds", "float", "iso", "iso-z", "iso-naive"],
)
def test_reset_time_forms(resets_at: object) -> None:
    """Unix seconds, Unix milliseconds or ISO 8601 text: the same reset time."""
    body = status_line(five_hour={"used_percentage": 5, "resets_at": resets_at})
    assert _windows(body) == [("five_hour", 5.0, NOW + timedelta(hours=2))]


@pytest.mark.parametrize(
    "window",
    [
        {"used_percentage": -0.1, "resets_at": IN_2H},
        {"used_percentage": 1000.5, "resets_at": IN_2H},
        {"used_percentage": float("nan"), "resets_at": IN_2H},
        {"used_percentage": float("inf"), "resets_at": IN_2H},
        {"used_percentage": 10**400, "resets_at": IN_2H},
        {"used_percentage": True, "resets_at": IN_2H},
        {"used_percentage": "23", "resets_at": IN_2H},
        {"used_percentage": None, "resets_at": IN_2H},
        {"resets_at": IN_2H},
        {"used_percentage": 5},
        {"used_percentage": 5, "resets_at": None},
        {"used_percentage": 5, "resets_at": "tomorrow"},
        {"used_percentage": 5, "resets_at": True},
        {"used_percentage": 5, "resets_at": 10**400},
        {
            "used_percentage": 5,
            "resets_at": (NOW - timedelta(days=1, seconds=1)).timestamp(),
        },
        {
            "used_percentage": 5,
            "resets_at": (NOW + timedelta(hours=6, seconds=1)).timestamp(),
        },
        {"used_percentage": 0, "resets_at": (NOW + timedelta(days=7)).timestamp()},
        ["used_percentage", 5],
        "five",
        None,
    ],
)
def test_a_window_that_breaks_a_rule_is_left_out(window: object) -> None:
    """A window breaking a rule is ignored; the other window still counts."""
    body = status_line(
        five_hour=window, seven_day={"used_percentage": 41, "resets_at": IN_3D}
    )
    assert [key for key, *_ in _windows(body)] == ["seven_day"]


def test_a_weekly_reset_beyond_a_week_is_left_out() -> None:
    """A week and an hour ahead is the weekly window's bound."""
    body = status_line(
        five_hour={"used_percentage": 5, "resets_at": IN_2H},
        seven_day={
            "used_percentage": 5,
            "resets_at": (NOW + timedelta(days=7, hours=1, seconds=1)).timestamp(),
        },
    )
    assert [key for key, *_ in _windows(body)] == ["five_hour"]


@pytest.mark.parametrize(
    ("window", "used", "resets_at"),
    [
        ("five_hour", 0, NOW - timedelta(days=1)),
        ("five_hour", 1000, NOW + timedelta(hours=6)),
        ("seven_day", 1000, NOW + timedelta(days=7, hours=1)),
    ],
)
def test_the_bounds_are_allowed(window: str, used: float, resets_at: datetime) -> None:
    """0 and 1000 %, one day ago and the window's length and an hour ahead are good."""
    body = status_line(
        **{window: {"used_percentage": used, "resets_at": resets_at.timestamp()}}
    )
    assert (window, float(used)) in [(key, value) for key, value, _ in _windows(body)]


def test_minus_zero_is_zero() -> None:
    """-0.0 % is 0 %, never shown as "-0 %"."""
    body = status_line(five_hour={"used_percentage": -0.0, "resets_at": IN_2H})
    [(_, used, _)] = [w for w in _windows(body) if w[0] == "five_hour"]
    assert math.copysign(1.0, used) == 1.0


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"rate_limits": None},
        {"rate_limits": {}},
        {"rate_limits": []},
        {"rate_limits": "full"},
        {"rate_limits": {"fourteen_day": {"used_percentage": 1, "resets_at": IN_2H}}},
        {"session_id": "x", "cwd": "/home/someone/src"},
    ],
)
def test_no_usable_rate_limits_is_a_report_without_windows(
    body: dict[str, Any],
) -> None:
    """Before a session's first answer (or on an API key): a report, but no windows."""
    assert parse_report(body, NOW) == Report()


@pytest.mark.parametrize(
    "version",
    ["", " 2.1.80", "2.1.80\n", "x" * 33, 2.1, None, "../../etc", "2.1.80; rm"],
)
def test_odd_versions_are_not_kept(version: object) -> None:
    """Only a short version text of letters, digits, dots, plus and minus is kept."""
    assert parse_report({"version": version}, NOW).version is None


@pytest.mark.parametrize("body", [[], "report", 3, None, True, [{"rate_limits": {}}]])
def test_a_report_must_be_a_json_object(body: object) -> None:
    """Anything but an object is refused with one short reason."""
    with pytest.raises(InvalidReportError, match="^not a JSON object$"):
        parse_report(body, NOW)


@pytest.mark.parametrize(
    ("body", "event"),
    [
        ({"hook_event_name": "Stop", "stop_hook_active": False}, HookEvent.FINISHED),
        (
            {
                "hook_event_name": "Notification",
                "notification_type": "permission_prompt",
            },
            HookEvent.NEEDS_INPUT,
        ),
        (
            {"hook_event_name": "Notification", "notification_type": "idle_prompt"},
            HookEvent.NEEDS_INPUT,
        ),
        (
            {
                "hook_event_name": "Notification",
                "notification_type": "elicitation_dialog",
            },
            HookEvent.NEEDS_INPUT,
        ),
        ({"hook_event_name": "Notification"}, HookEvent.NEEDS_INPUT),
        (
            {"hook_event_name": "Notification", "notification_type": "auth_success"},
            None,
        ),
        ({"hook_event_name": "Notification", "notification_type": 3}, None),
        (
            {"hook_event_name": "Notification", "notification_type": ["idle_prompt"]},
            None,
        ),
        ({"hook_event_name": "Notification", "notification_type": {"a": 1}}, None),
        ({"hook_event_name": "PreToolUse"}, None),
        ({"hook_event_name": None}, None),
        ({"hook_event_name": ["Stop"]}, None),
    ],
)
def test_hook_reports(body: dict[str, Any], event: HookEvent | None) -> None:
    """Stop is finished, a waiting notification is needs_input; the message is never read."""
    body |= {
        "session_id": "x",
        "message": "Claude needs your permission to use Bash",
        "rate_limits": {"five_hour": {"used_percentage": 1, "resets_at": IN_2H}},
    }
    report = parse_report(body, NOW)
    assert report == Report(hook=True, event=event)


@pytest.mark.parametrize(
    ("reported", "known", "newer"),
    [
        ("2.1.88", None, True),
        ("2.1.90", "2.1.88", True),
        ("2.1.88", "2.1.90", False),
        ("2.1.100", "2.1.99", True),
        ("2.2", "2.1.90", True),
        ("2.1.90", "2.1.90", False),
        ("2.1.90-beta", "2.1.90", False),
        ("2.1.90", "beta", True),
        ("beta", "2.1.90", False),
    ],
)
def test_a_newer_version(reported: str, known: str | None, newer: bool) -> None:
    """By the numbers a version starts with; the same numbers are no newer version."""
    assert newer_version(reported, known) is newer
