"""Tests of the one rule of a window starting anew, and of reset time normalisation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from custom_components.claude_usage.api.parse import parse_datetime
from custom_components.claude_usage.api.resets import normalize_resets_at, started_anew

from .conftest import load_fixture

CASES: list[dict[str, Any]] = load_fixture("window_resets.json")["cases"]


def _reading(side: dict[str, Any]) -> tuple[float, datetime | None]:
    resets_at = side["resets_at"]
    return float(side["utilization"]), (
        None if resets_at is None else parse_datetime(resets_at)
    )


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_started_anew_cases(case: dict[str, Any]) -> None:
    """The shared cases (the card runs the same file) give the same answer here."""
    assert (
        started_anew(*_reading(case["old"]), *_reading(case["new"]))
        is case["started_anew"]
    )


def test_normalize_rounds_to_the_minute_in_utc() -> None:
    """Fractions of a second around a full minute give the same reset time."""
    expected = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)
    for moment in (
        datetime(2026, 11, 28, 13, 59, 59, 600000, tzinfo=UTC),
        datetime(2026, 11, 28, 14, 0, 0, 400000, tzinfo=UTC),
        datetime(2026, 11, 28, 15, 0, 20, tzinfo=timezone(timedelta(hours=1))),
        datetime(2026, 11, 28, 14, 0, 10),
    ):
        assert normalize_resets_at(moment) == expected


@pytest.mark.parametrize(
    "moment",
    [
        datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5))),
        datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(1, 1, 1, tzinfo=UTC),
        datetime(1999, 12, 31, 23, 59, tzinfo=UTC),
    ],
)
def test_normalize_refuses_times_out_of_range(moment: datetime) -> None:
    """A reset time that cannot be one (or cannot be shown in UTC) is no reset time."""
    assert normalize_resets_at(moment) is None
