"""Tests of parsing claude.ai's usage and organization payloads."""

from __future__ import annotations

from datetime import UTC, datetime
import logging

import pytest

from custom_components.claude_usage.api import (
    CreditGrant,
    ExtraUsage,
    LimitWindow,
    Organization,
    Severity,
    UnexpectedResponseError,
    WindowKind,
    parse_organizations,
    parse_usage,
)
from custom_components.claude_usage.api.parse import (
    MAX_WINDOWS,
    parse_datetime,
    plan_label,
)

from .conftest import load_fixture


def _keys(payload: object) -> list[str]:
    return [window.key for window in parse_usage(payload).windows]


def test_legacy_flat_shape() -> None:
    """Every flat window becomes a window; nulls and unknown null keys are skipped."""
    usage = parse_usage(load_fixture("usage_legacy.json"))

    assert usage.windows == (
        LimitWindow(
            "five_hour",
            WindowKind.SESSION,
            "Session",
            8.0,
            datetime(2026, 3, 9, 11, tzinfo=UTC),
        ),
        LimitWindow(
            "seven_day",
            WindowKind.WEEKLY,
            "Weekly",
            35.0,
            datetime(2026, 3, 13, 7, 0, tzinfo=UTC),
        ),
        LimitWindow(
            "seven_day_opus",
            WindowKind.WEEKLY_SCOPED,
            "Weekly Opus",
            12.5,
            datetime(2026, 3, 13, 7, tzinfo=UTC),
            model="Opus",
        ),
        LimitWindow(
            "seven_day_sonnet",
            WindowKind.WEEKLY_SCOPED,
            "Weekly Sonnet",
            4.0,
            # A naive time is taken as UTC.
            datetime(2026, 3, 13, 7, tzinfo=UTC),
            model="Sonnet",
        ),
    )
    # Cents to dollars; the missing utilization is worked out.
    assert usage.extra_usage == ExtraUsage(
        is_enabled=True,
        monthly_limit=50.0,
        used_credits=12.34,
        utilization=pytest.approx(24.68),
        currency=None,
    )
    assert usage.window("seven_day_opus") is usage.windows[2]
    assert usage.window("seven_day_oauth_apps") is None
    assert usage.raw == load_fixture("usage_legacy.json")


def test_legacy_nulls_and_codename_keys() -> None:
    """Unknown codename windows keep their key; non-window keys are ignored."""
    usage = parse_usage(load_fixture("usage_legacy_nulls.json"))

    assert [(w.key, w.kind, w.name, w.model) for w in usage.windows] == [
        ("five_hour", WindowKind.SESSION, "Session", None),
        ("seven_day", WindowKind.WEEKLY, "Weekly", None),
        (
            "seven_day_oauth_apps",
            WindowKind.WEEKLY_SCOPED,
            "Weekly OAuth apps",
            "OAuth apps",
        ),
        ("velvet_lantern", WindowKind.UNKNOWN, "Velvet lantern", None),
    ]
    assert usage.windows[0].resets_at is None
    assert usage.windows[1].resets_at == datetime(2026, 3, 13, 7, 0, tzinfo=UTC)
    assert usage.extra_usage is None


def test_current_limits_shape_is_authoritative() -> None:
    """The ``limits`` array wins over the flat keys and gives the same keys."""
    usage = parse_usage(load_fixture("usage_current.json"))

    assert usage.windows == (
        LimitWindow(
            "five_hour",
            WindowKind.SESSION,
            "Session",
            57.3,
            datetime(2026, 8, 4, 14, 0, tzinfo=UTC),
            Severity.NORMAL,
            binding=True,
        ),
        LimitWindow(
            "seven_day",
            WindowKind.WEEKLY,
            "Weekly",
            31.4,
            datetime(2026, 8, 8, 7, 0, tzinfo=UTC),
            Severity.NORMAL,
            binding=False,
        ),
        LimitWindow(
            "seven_day_fable",
            WindowKind.WEEKLY_SCOPED,
            "Weekly Fable",
            88.0,
            datetime(2026, 8, 8, 7, 0, tzinfo=UTC),
            Severity.WARNING,
            model="Fable",
            binding=True,
        ),
    )
    assert usage.extra_usage == ExtraUsage(
        is_enabled=True,
        monthly_limit=20.0,
        used_credits=2.45,
        utilization=12.25,
        currency="USD",
    )


def test_oddities(caplog: pytest.LogCaptureFixture) -> None:
    """Surface scopes, blank names, >100 %, null resets, bad entries: none is fatal."""
    with caplog.at_level(logging.WARNING):
        usage = parse_usage(load_fixture("usage_oddities.json"))

    assert [
        (w.key, w.kind, w.name, w.model, w.utilization, w.severity)
        for w in usage.windows
    ] == [
        ("five_hour", WindowKind.SESSION, "Session", None, 104.5, Severity.CRITICAL),
        ("seven_day", WindowKind.WEEKLY, "Weekly", None, 0.0, Severity.NORMAL),
        (
            "seven_day_cowork",
            WindowKind.WEEKLY_SCOPED,
            "Weekly Cowork",
            "Cowork",
            14.0,
            Severity.WARNING,
        ),
        (
            "seven_day_scoped",
            WindowKind.WEEKLY_SCOPED,
            "Weekly (scoped)",
            None,
            6.0,
            Severity.NORMAL,
        ),
        (
            "monthly_scoped_fable",
            WindowKind.UNKNOWN,
            "Monthly scoped Fable",
            None,
            40.0,
            None,
        ),
    ]
    assert usage.window("seven_day").resets_at is None
    assert usage.window("monthly_scoped_fable").resets_at is None
    assert usage.extra_usage == ExtraUsage(False, None, None, None, None)
    assert "Skipping usage window seven_day_opus: no percent" in caplog.text
    assert "Skipping usage limit #6: not an object" in caplog.text
    assert "Skipping usage limit #7: no kind" in caplog.text
    assert "unreadable reset time of monthly_scoped_fable" in caplog.text


def test_malformed_windows_are_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    """Polling the same odd payload again does not repeat the warnings."""
    payload = load_fixture("usage_oddities.json")
    with caplog.at_level(logging.WARNING):
        parse_usage(payload)
        first = len(caplog.records)
        parse_usage(payload)
        parse_usage(payload)

    assert first == 4
    assert len(caplog.records) == first


def test_malformed_flat_window_is_skipped(caplog: pytest.LogCaptureFixture) -> None:
    """A flat window without a number keeps the others."""
    payload = {
        "five_hour": {"utilization": "high", "resets_at": None},
        "seven_day": {"utilization": True},
        "seven_day_opus": {"utilization": float("nan")},
        "Seven-Day Sonnet": {"utilization": 5, "resets_at": 1786000000},
        "codename": {"utilization": None},
    }
    with caplog.at_level(logging.WARNING):
        usage = parse_usage(payload)

    assert [(w.key, w.utilization) for w in usage.windows] == [
        ("seven_day_sonnet", 5.0)
    ]
    # 2026-08-06T07:06:40Z, to the nearest minute.
    assert usage.windows[0].resets_at == datetime(2026, 8, 6, 7, 7, tzinfo=UTC)
    assert caplog.text.count("Skipping usage window") == 4


def test_limits_without_usable_entries_fall_back_to_flat_keys() -> None:
    """An empty or useless ``limits`` array does not hide the flat windows."""
    assert _keys({"limits": [], "five_hour": {"utilization": 1}}) == ["five_hour"]
    assert _keys({"limits": ["x"], "seven_day": {"utilization": 1}}) == ["seven_day"]
    assert _keys({"limits": None, "five_hour": {"utilization": 1}}) == ["five_hour"]


def test_duplicate_limits_get_numbered_keys() -> None:
    """Two entries for the same window keep distinct, stable keys."""
    usage = parse_usage(
        {
            "limits": [
                {
                    "kind": "weekly_scoped",
                    "percent": 1,
                    "scope": {"model": {"display_name": "Opus"}},
                },
                {
                    "kind": "weekly_scoped",
                    "percent": 2,
                    "scope": {"model": {"display_name": "Opus"}},
                },
            ]
        }
    )

    assert [(w.key, w.name, w.utilization) for w in usage.windows] == [
        ("seven_day_opus", "Weekly Opus", 1.0),
        ("seven_day_opus_2", "Weekly Opus 2", 2.0),
    ]


def test_scope_variants() -> None:
    """Model ids, plain-string models and surface objects all name a scoped window."""
    usage = parse_usage(
        {
            "limits": [
                {
                    "kind": "weekly_scoped",
                    "percent": 1,
                    "scope": {"model": {"id": "claude-x", "display_name": ""}},
                },
                {"kind": "weekly_scoped", "percent": 2, "scope": {"model": "Haiku"}},
                {
                    "kind": "weekly_scoped",
                    "percent": 3,
                    "scope": {
                        "model": None,
                        "surface": {"display_name": "Claude Code"},
                    },
                },
                {"kind": "weekly_scoped", "percent": 4, "scope": "odd"},
                {
                    "kind": "weekly_scoped",
                    "utilization": 5,
                    "scope": {"model": None, "surface": "!!!"},
                },
            ]
        }
    )

    assert [(w.key, w.model) for w in usage.windows] == [
        ("seven_day_scoped_2", "!!!"),
        ("seven_day_claude_code", "Claude Code"),
        ("seven_day_claude_x", "claude-x"),
        ("seven_day_haiku", "Haiku"),
        ("seven_day_scoped", None),
    ]


@pytest.mark.parametrize("payload", [None, [], "usage", 3, ["five_hour"]])
def test_usage_payload_not_an_object(payload: object) -> None:
    """Anything but a JSON object is an unexpected answer."""
    with pytest.raises(UnexpectedResponseError, match="not a JSON object"):
        parse_usage(payload)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            {
                "is_enabled": True,
                "monthly_limit": 1000,
                "used_credits": 1500,
                "currency": "EUR",
                "decimal_places": 0,
            },
            ExtraUsage(True, 1000.0, 1500.0, 150.0, "EUR"),
        ),
        (
            {
                "is_enabled": "yes",
                "monthly_limit": 0,
                "used_credits": 10,
                "currency": "dollars",
                "decimal_places": True,
            },
            # Not a bool: as if missing, so what was spent decides.
            ExtraUsage(True, 0.0, 0.1, None, None),
        ),
        (
            {"is_enabled": 1, "monthly_limit": 1000, "used_credits": 0},
            ExtraUsage(False, 10.0, 0.0, 0.0, None),
        ),
        ({"is_enabled": True}, ExtraUsage(True, None, None, None, None)),
        ("off", None),
    ],
)
def test_extra_usage_variants(extra: object, expected: ExtraUsage | None) -> None:
    """Units, currency and derived utilization of extra usage."""
    assert (
        parse_usage({"five_hour": None, "extra_usage": extra}).extra_usage == expected
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "2026-08-04T13:59:59.408434+00:00",
            datetime(2026, 8, 4, 13, 59, 59, 408434, tzinfo=UTC),
        ),
        ("2026-08-04T13:59:59Z", datetime(2026, 8, 4, 13, 59, 59, tzinfo=UTC)),
        (
            "2026-08-04T13:59:59.5Z",
            datetime(2026, 8, 4, 13, 59, 59, 500000, tzinfo=UTC),
        ),
        ("2026-08-04T15:59:59+02:00", datetime(2026, 8, 4, 13, 59, 59, tzinfo=UTC)),
        ("2026-08-04T13:59:59", datetime(2026, 8, 4, 13, 59, 59, tzinfo=UTC)),
        (1786000000, datetime.fromtimestamp(1786000000, UTC)),
        (1786000000500, datetime.fromtimestamp(1786000000.5, UTC)),
        (1e300, None),
        ("soon", None),
        (None, None),
        (True, None),
        ([], None),
    ],
)
def test_parse_datetime(value: object, expected: datetime | None) -> None:
    """Reset times are aware datetimes or None."""
    parsed = parse_datetime(value)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is not None


def test_parse_organizations(caplog: pytest.LogCaptureFixture) -> None:
    """Plans are named; entries without a usable uuid are skipped."""
    with caplog.at_level(logging.WARNING):
        organizations = parse_organizations(load_fixture("organizations.json"))

    assert organizations == [
        Organization(
            "4f9a1c2e-8b3d-4e5f-9a6b-7c8d9e0f1a2b",
            "Max 20x Org",
            ("chat", "claude_max"),
            "Max 20x",
        ),
        Organization(
            "0B1C2D3E-4F50-4617-8293-A4B5C6D7E8F9",
            "Max 5x Org",
            ("chat", "claude_max"),
            "Max 5x",
        ),
        Organization(
            "11111111-2222-4333-8444-555555555555",
            "Pro Org",
            ("chat", "claude_pro"),
            "Pro",
        ),
        Organization(
            "22222222-2222-4333-8444-555555555555",
            "Team Org",
            ("chat", "raven"),
            "Team",
        ),
        Organization(
            "33333333-2222-4333-8444-555555555555",
            "Enterprise Org",
            ("chat", "raven", "claude_enterprise"),
            "Enterprise",
        ),
        Organization(
            "44444444-2222-4333-8444-555555555555", "Free Org", ("chat",), "Free"
        ),
        Organization("55555555-2222-4333-8444-555555555555", "API Org", ("api",), None),
        Organization(
            "66666666-2222-4333-8444-555555555555",
            "66666666-2222-4333-8444-555555555555",
            (),
            None,
        ),
    ]
    assert caplog.text.count("Skipping organization") == 3


@pytest.mark.parametrize(
    ("tier", "capabilities", "plan"),
    [
        ("default_claude_max_20x", (), "Max 20x"),
        ("v2_default_claude_max_5x", ("chat",), "Max 5x"),
        (None, ("chat", "claude_max"), "Max"),
        ("default_claude_pro", (), "Pro"),
        (None, ("chat", "claude_team"), "Team"),
        ("enterprise_tier", ("chat",), "Enterprise"),
        (None, (), None),
    ],
)
def test_plan_label(
    tier: object, capabilities: tuple[str, ...], plan: str | None
) -> None:
    """A human plan name from the rate limit tier and capabilities."""
    assert plan_label(tier, capabilities) == plan


@pytest.mark.parametrize("payload", [{}, None, "orgs"])
def test_organizations_payload_not_a_list(payload: object) -> None:
    """Anything but a JSON list is an unexpected answer."""
    with pytest.raises(UnexpectedResponseError, match="not a JSON list"):
        parse_organizations(payload)


def test_duplicate_window_keys_stay_unique() -> None:
    """foo, foo, foo_2: the second foo takes the first free number, foo_2 keeps its key."""
    limits = [
        {"kind": "foo", "percent": 1},
        {"kind": "foo", "percent": 2},
        {"kind": "foo_2", "percent": 3},
    ]
    usage = parse_usage({"limits": limits})
    assert sorted((w.key, w.utilization) for w in usage.windows) == [
        ("foo", 1.0),
        ("foo_2", 3.0),
        ("foo_3", 2.0),
    ]
    flat = parse_usage(
        {
            "Seven Day Opus": {"utilization": 1},
            "seven_day_opus": {"utilization": 2},
            "seven_day_opus_2": {"utilization": 3},
        }
    )
    assert sorted(w.key for w in flat.windows) == [
        "seven_day_opus",
        "seven_day_opus_2",
        "seven_day_opus_3",
    ]


def test_at_most_fifty_windows(caplog: pytest.LogCaptureFixture) -> None:
    """An answer with 51 windows keeps 50 and says so once."""
    limits = [{"kind": f"kind_{index}", "percent": index} for index in range(51)]
    with caplog.at_level(logging.WARNING):
        parse_usage({"limits": limits})
        usage = parse_usage({"limits": limits})
    assert len(usage.windows) == MAX_WINDOWS == 50
    assert caplog.text.count("more than 50 windows") == 1


def test_unused_windows_only_is_a_usage_answer() -> None:
    """All windows null (nothing used yet) is a usage answer with no window, not an error."""
    usage = parse_usage({"five_hour": None, "seven_day": None, "seven_day_opus": None})
    assert usage.windows == ()
    assert parse_usage({"limits": []}).windows == ()


@pytest.mark.parametrize(
    "resets_at",
    ["9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00Z", 1e15, -1],
)
def test_reset_time_out_of_range_is_none(resets_at: object) -> None:
    """A reset time that cannot be one is none (the window itself stays)."""
    usage = parse_usage({"five_hour": {"utilization": 5, "resets_at": resets_at}})
    assert usage.windows[0].utilization == 5.0
    assert usage.windows[0].resets_at is None


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (
            {
                "spend": {
                    "used": {"amount_minor": 1234, "currency": "eur", "exponent": 2},
                    "limit": {"amount_minor": 5000, "currency": "eur", "exponent": 2},
                    "percent": 24.7,
                    "enabled": True,
                }
            },
            ExtraUsage(True, 50.0, 12.34, 24.7, "EUR"),
        ),
        (
            {
                "spend": {
                    "used": {"amount_minor": 150, "currency": "JPY", "exponent": 0},
                    "limit": {"amount_minor": 600, "currency": "JPY", "exponent": 0},
                    "enabled": True,
                }
            },
            ExtraUsage(True, 600.0, 150.0, 25.0, "JPY"),
        ),
        (
            {"spend": {"used": {"amount_minor": "12"}, "limit": None, "enabled": 1}},
            ExtraUsage(False, None, None, None, None),
        ),
        # spend, when present, comes first; extra_usage fills what it lacks.
        (
            {
                "extra_usage": {"is_enabled": False, "monthly_limit": 700},
                "spend": {"enabled": True, "percent": 5},
            },
            ExtraUsage(True, 7.0, None, 5.0, None),
        ),
        # Neither says whether it is on: it is on when something was spent.
        (
            {
                "extra_usage": {"monthly_limit": 5000, "used_credits": 0},
                "spend": {"used": {"amount_minor": 0}},
            },
            ExtraUsage(False, 50.0, 0.0, 0.0, None),
        ),
        ({"spend": "on"}, None),
    ],
)
def test_spend_block(payload: dict[str, object], expected: ExtraUsage | None) -> None:
    """The newer spend block is read whenever present, beside or instead of extra_usage."""
    assert parse_usage({"five_hour": None, **payload}).extra_usage == expected


def test_extra_usage_without_is_enabled_beside_spend_in_use() -> None:
    """extra_usage lacking is_enabled beside a spend block that spent: extra usage is on.

    The shape of Javis603/token-monitor #258.
    """
    usage = parse_usage(load_fixture("usage_spend_without_is_enabled.json"))

    assert usage.extra_usage == ExtraUsage(True, 50.0, 18.7, 37.4, "USD")


@pytest.mark.parametrize("reverse", [False, True])
def test_a_model_on_one_surface_and_on_all_have_their_own_keys(reverse: bool) -> None:
    """Fable in Claude Code and Fable everywhere: two windows, keyed the same in any order."""
    payload = load_fixture("usage_scoped_surface.json")
    if reverse:
        payload["limits"].reverse()

    usage = parse_usage(payload)

    assert [(w.key, w.name, w.model, w.utilization) for w in usage.windows[2:]] == [
        ("seven_day_fable", "Weekly Fable", "Fable", 55.0),
        (
            "seven_day_fable_claude_code",
            "Weekly Fable (Claude Code)",
            "Fable (Claude Code)",
            91.0,
        ),
    ]


def test_is_active_marks_the_binding_limit() -> None:
    """is_active becomes ``binding``; a flat answer or an odd value says nothing."""
    usage = parse_usage(load_fixture("usage_scoped_surface.json"))
    assert {w.key: w.binding for w in usage.windows} == {
        "five_hour": False,
        "seven_day": False,
        "seven_day_fable": False,
        "seven_day_fable_claude_code": True,
    }
    assert parse_usage(load_fixture("usage_legacy.json")).windows[0].binding is None
    odd = parse_usage({"limits": [{"kind": "session", "percent": 1, "is_active": 1}]})
    assert odd.windows[0].binding is None


def test_a_credit_grant_is_money_not_a_window() -> None:
    """iguana_necktie with dollars is a credit grant; it gets no window (no forecast)."""
    usage = parse_usage(load_fixture("usage_credit_grant.json"))

    assert [w.key for w in usage.windows] == [
        "five_hour",
        "seven_day",
        "seven_day_sonnet",
    ]
    assert usage.credit == CreditGrant(
        granted=50.0,
        used=20.0,
        remaining=30.0,
        expires_at=datetime(2027, 1, 1, 0, 0, tzinfo=UTC),
    )
    assert parse_usage(load_fixture("usage_current.json")).credit is None


def test_credit_grants_add_up_from_flat_keys_and_limits() -> None:
    """Several grants add up; a missing remainder is what is left of the limit."""
    usage = parse_usage(
        {
            "five_hour": {"utilization": 1},
            "omelette_promotional": {
                "limit_dollars": 20,
                "used_dollars": 25,
                "resets_at": "2026-12-01T00:00:00Z",
            },
            "limits": [
                {"kind": "session", "percent": 1},
                {
                    "kind": "credit_grant",
                    "percent": 60,
                    "limit_dollars": 10,
                    "remaining_dollars": 4,
                    "resets_at": "2026-11-15T00:00:00Z",
                },
                {"kind": "odd", "used_dollars": "lots", "resets_at": "never"},
            ],
        }
    )

    assert [w.key for w in usage.windows] == ["five_hour"]
    assert usage.credit == CreditGrant(
        granted=30.0,
        used=25.0,
        remaining=4.0,
        expires_at=datetime(2026, 11, 15, 0, 0, tzinfo=UTC),
    )
