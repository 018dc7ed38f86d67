"""JSON bodies the fake claude.ai serves: organizations, usage, errors and the demo scenario."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
import random
import time
from typing import Any

VALID_SESSION_KEY = "sk-ant-sid01-" + "FakeLoopbackSessionKey0123456789" * 2 + "-TestAA"
ORG_UUID = "4f9a1c2e-8b3d-4e5f-9a6b-7c8d9e0f1a2b"
ORG_NAME = "Example Org"
SECOND_ORG_UUID = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"
SECOND_ORG_NAME = "Second Org"

SESSION_WINDOW = timedelta(hours=5)
WEEKLY_WINDOW = timedelta(days=7)
MONTH = timedelta(days=30)


def organization_json(
    uuid: str = ORG_UUID,
    name: str = ORG_NAME,
    *,
    capabilities: tuple[str, ...] = ("chat", "claude_max"),
    rate_limit_tier: str = "default_claude_max_20x",
) -> dict[str, Any]:
    """Return one entry of ``GET /api/organizations`` as claude.ai lists it."""
    return {
        "uuid": uuid,
        "name": name,
        "capabilities": list(capabilities),
        "rate_limit_tier": rate_limit_tier,
        "billing_type": "stripe_subscription",
        "settings": {},
        "active_flags": [],
        "created_at": "2025-01-15T09:30:00.000000+00:00",
        "updated_at": "2026-06-01T12:00:00.000000+00:00",
    }


def error_json(error_type: str, message: str) -> dict[str, Any]:
    """Return claude.ai's error body."""
    return {"type": "error", "error": {"type": error_type, "message": message}}


def _severity(percent: float) -> str:
    if percent >= 90:
        return "critical"
    if percent >= 75:
        return "warning"
    return "normal"


def _limit(
    kind: str, percent: float, resets_at: datetime | None, model: str | None = None
) -> dict[str, Any]:
    return {
        "kind": kind,
        "group": "session" if kind == "session" else "weekly",
        "percent": round(percent, 1),
        "severity": _severity(percent),
        "resets_at": resets_at.isoformat() if resets_at else None,
        "is_active": kind == "session",
        "scope": None
        if model is None
        else {"model": {"id": None, "display_name": model}, "surface": None},
    }


def usage_json(
    *,
    session: tuple[float, datetime | None],
    weekly: tuple[float, datetime | None],
    scoped: dict[str, tuple[float, datetime | None]],
    extra_used_cents: int = 1234,
    extra_limit_cents: int = 5000,
) -> dict[str, Any]:
    """Return a usage body in the current shape: flat keys plus the ``limits`` array."""

    def flat(window: tuple[float, datetime | None]) -> dict[str, Any]:
        percent, resets_at = window
        return {
            "utilization": round(percent, 1),
            "resets_at": resets_at.isoformat() if resets_at else None,
        }

    return {
        "five_hour": flat(session),
        "seven_day": flat(weekly),
        "seven_day_opus": None,
        "seven_day_sonnet": None,
        "seven_day_oauth_apps": None,
        "iguana_necktie": None,
        "limits": [
            _limit("session", *session),
            _limit("weekly_all", *weekly),
            *(
                _limit("weekly_scoped", percent, resets_at, model)
                for model, (percent, resets_at) in scoped.items()
            ),
        ],
        "extra_usage": {
            "is_enabled": True,
            "monthly_limit": extra_limit_cents,
            "used_credits": extra_used_cents,
            "utilization": round(extra_used_cents / extra_limit_cents * 100, 2),
            "currency": "USD",
        },
    }


def default_usage_json(now: datetime | None = None) -> dict[str, Any]:
    """Return the usage served when a test sets none: session, weekly, one scoped window."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    weekly_reset = now + timedelta(days=3, hours=4)
    return usage_json(
        session=(42.0, now + timedelta(hours=2, minutes=13)),
        weekly=(61.5, weekly_reset),
        scoped={"Opus": (23.0, weekly_reset)},
    )


def _progress(name: str, index: int, fraction: float, slots: int) -> float:
    """Share (0..1) of a window's usage spent after ``fraction`` of it: bursts, then quiet."""
    rng = random.Random(f"{name}:{index}")
    weights = [rng.random() ** 4 for _ in range(slots)]
    position = fraction * slots
    done = int(position)
    spent = sum(weights[:done])
    if done < slots:
        spent += weights[done] * (position - done)
    return spent / sum(weights)


def _peak(name: str, index: int, low: float, high: float) -> float:
    return random.Random(f"peak:{name}:{index}").uniform(low, high)


@dataclass
class DemoScenario:
    """Usage that rises in bursts and windows that reset, optionally ``speed`` times faster.

    The 5-hour window starts 40 % through and the weekly ones 55 % through, so
    there is something to see at once. Usage follows the simulated time; reset times
    are real times (at speed 60 the 5-hour window resets every 5 real minutes).
    """

    speed: float = 1.0
    clock: Callable[[], float] = time.monotonic
    epoch: datetime = field(default_factory=lambda: datetime.now(UTC))
    started: float = field(init=False)

    def __post_init__(self) -> None:
        """Start the simulated time at ``epoch`` now."""
        self.started = self.clock()

    def now(self) -> datetime:
        """Return the scenario's simulated time."""
        return self.epoch + timedelta(
            seconds=(self.clock() - self.started) * self.speed
        )

    def _window(
        self,
        name: str,
        length: timedelta,
        offset: float,
        peak: tuple[float, float],
        slots: int,
    ) -> tuple[float, datetime]:
        elapsed = (self.now() - self.epoch) + length * offset
        index = int(elapsed / length)
        fraction = (elapsed - length * index) / length
        # Reset times are wall-clock times, so a dashboard's countdown reaches zero when
        # the window does: the rest of the window takes 1/speed as long in real time.
        real_now = self.epoch + timedelta(seconds=self.clock() - self.started)
        resets_at = real_now + length * (1 - fraction) / self.speed
        percent = _peak(name, index, *peak) * _progress(name, index, fraction, slots)
        return percent, resets_at.replace(microsecond=0)

    def usage_json(self) -> dict[str, Any]:
        """Return the usage body at the scenario's current time."""
        weekly = self._window("weekly", WEEKLY_WINDOW, 0.55, (60, 95), 42)
        month_percent, _ = self._window("month", MONTH, 0.3, (30, 80), 60)
        return usage_json(
            session=self._window("session", SESSION_WINDOW, 0.4, (50, 105), 30),
            weekly=weekly,
            scoped={
                "Opus": (
                    self._window("opus", WEEKLY_WINDOW, 0.55, (30, 90), 42)[0],
                    weekly[1],
                ),
                "Sonnet": (
                    self._window("sonnet", WEEKLY_WINDOW, 0.55, (20, 70), 42)[0],
                    weekly[1],
                ),
            },
            extra_used_cents=round(5000 * month_percent / 100),
        )
