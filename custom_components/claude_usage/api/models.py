"""Typed models of what the claude.ai API returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class WindowKind(StrEnum):
    """What kind of rolling limit a window is."""

    SESSION = "session"
    WEEKLY = "weekly"
    WEEKLY_SCOPED = "weekly_scoped"
    UNKNOWN = "unknown"


class Severity(StrEnum):
    """How close a window is to its limit, as claude.ai itself rates it."""

    NORMAL = "normal"
    WARNING = "warning"
    CRITICAL = "critical"


@dataclass(frozen=True, slots=True)
class LimitWindow:
    """One rolling usage limit.

    ``key`` is stable across polls and across the two payload shapes: the session
    window is always ``five_hour``, the all-models weekly window ``seven_day``, a
    per-model weekly window ``seven_day_<slug of the model or surface>``, and an
    unknown window keeps the slug of its own key or kind.
    """

    key: str
    kind: WindowKind
    name: str
    utilization: float
    resets_at: datetime | None
    severity: Severity | None = None
    model: str | None = None
    # claude.ai's ``is_active``: the limit that binds now (None when the answer does not say).
    binding: bool | None = None


@dataclass(frozen=True, slots=True)
class ExtraUsage:
    """Paid usage beyond the plan's limits ("extra usage" credits).

    ``monthly_limit`` and ``used_credits`` are in major units of ``currency``
    (dollars, not the cents claude.ai sends); ``currency`` is an ISO 4217 code, or
    None when the payload does not say. ``utilization`` is a percentage.
    """

    is_enabled: bool
    monthly_limit: float | None
    used_credits: float | None
    utilization: float | None
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class CreditGrant:
    """Money claude.ai granted the account (e.g. a promotional credit), in dollars.

    Not a percentage window: ``remaining`` of ``granted`` is left until ``expires_at``.
    Several grants in one answer are added up (the earliest expiry counts).
    """

    granted: float | None
    used: float | None
    remaining: float | None
    expires_at: datetime | None
    currency: str = "USD"


@dataclass(frozen=True, slots=True)
class Usage:
    """Everything one usage request returned, in a stable order (session, weekly, scoped, other)."""

    windows: tuple[LimitWindow, ...]
    extra_usage: ExtraUsage | None = None
    credit: CreditGrant | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def window(self, key: str) -> LimitWindow | None:
        """Return the window with this key, if the payload had it."""
        return next((window for window in self.windows if window.key == key), None)


@dataclass(frozen=True, slots=True)
class Organization:
    """A Claude organization the session can see."""

    uuid: str
    name: str
    capabilities: tuple[str, ...] = ()
    plan: str | None = None
