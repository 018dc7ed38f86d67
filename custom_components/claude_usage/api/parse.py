"""Turn claude.ai's JSON into the typed models; pure functions, no I/O.

Both usage shapes (flat windows, the ``limits`` array) give the same window keys;
``docs/api.md`` describes them. A malformed window is skipped (logged once per key
per process) while the others still count; unknown keys and kinds never raise.
An answer that is no usage answer at all (an error object, unrelated JSON) raises
:class:`~.errors.UnexpectedResponseError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
import logging
import math
import re
from typing import Any

from .errors import UnexpectedResponseError
from .models import (
    CreditGrant,
    ExtraUsage,
    LimitWindow,
    Organization,
    Severity,
    Usage,
    WindowKind,
)
from .resets import normalize_resets_at

_LOGGER = logging.getLogger(__name__)

SESSION_KEY = "five_hour"
WEEKLY_KEY = "seven_day"
_SCOPED_PREFIX = f"{WEEKLY_KEY}_"
_NOT_WINDOWS = frozenset({"extra_usage", "limits", "spend"})
# The fields of a credit grant (``iguana_necktie``, ``omelette_promotional``, ...): money.
_CREDIT_FIELDS = ("limit_dollars", "used_dollars", "remaining_dollars")
_MODEL_NAMES = {"oauth_apps": "OAuth apps"}
_SEVERITY_ALIASES = {"warn": Severity.WARNING}
_ORDER = {
    WindowKind.SESSION: 0,
    WindowKind.WEEKLY: 1,
    WindowKind.WEEKLY_SCOPED: 2,
    WindowKind.UNKNOWN: 3,
}
_UUID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE
)
_DEFAULT_DECIMAL_PLACES = 2
_MAX_DECIMAL_PLACES = 6
# More windows than this in one answer is not claude.ai; the rest are dropped.
MAX_WINDOWS = 50
_ERROR_TYPE = re.compile(r"[a-z_]{1,64}")
# Epoch numbers above this are milliseconds (it is year 5138 in seconds).
_EPOCH_MILLISECONDS = 1e11

_logged: set[str] = set()


def is_uuid(value: object) -> bool:
    """Tell whether ``value`` is a UUID string (what organization ids are)."""
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


def _log_once(key: str, message: str, *args: object) -> None:
    """Log a payload oddity once per ``key`` per process, not on every poll."""
    if key in _logged:
        return
    _logged.add(key)
    _LOGGER.warning(message, *args)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def finite_number(value: object) -> float | None:
    """Return a JSON number as a finite float; None for anything else (bool, NaN, 10**400)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer beyond any float
        return None
    # + 0.0 makes -0.0 plain 0.0 (a frontend would show "-0 %").
    return number + 0.0 if math.isfinite(number) else None


def _currency(value: object) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z]{3}", value):
        return value.upper()
    return None


def _decimal_places(value: object) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 0 <= value <= _MAX_DECIMAL_PLACES
    ):
        return _DEFAULT_DECIMAL_PLACES
    return value


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def parse_datetime(value: object) -> datetime | None:
    """Read a reset time: ISO 8601 (``Z``, fractions, naive = UTC) or epoch (s or ms).

    Returns ``None`` for ``null`` and for anything unreadable.
    """
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    if (number := finite_number(value)) is not None:
        if abs(number) > _EPOCH_MILLISECONDS:
            number /= 1000
        try:
            return datetime.fromtimestamp(number, UTC)
        except OverflowError, OSError, ValueError:
            return None
    return None


def _resets_at(key: str, value: object) -> datetime | None:
    moment = parse_datetime(value)
    if moment is not None:
        moment = normalize_resets_at(moment)
    if moment is None and value is not None:
        _log_once(f"resets_at:{key}", "Ignoring an unreadable reset time of %s", key)
    return moment


def _severity(value: object) -> Severity | None:
    if not isinstance(value, str):
        return None
    if value in _SEVERITY_ALIASES:
        return _SEVERITY_ALIASES[value]
    try:
        return Severity(value)
    except ValueError:
        return None


def _model_name(slug: str) -> str:
    return _MODEL_NAMES.get(slug, slug.replace("_", " ").capitalize())


def _flat_window(key: str, value: Mapping[str, Any]) -> LimitWindow | None:
    utilization = finite_number(value.get("utilization"))
    if utilization is None:
        _log_once(f"window:{key}", "Skipping usage window %s: no utilization", key)
        return None
    resets_at = _resets_at(key, value.get("resets_at"))
    if key == SESSION_KEY:
        return LimitWindow(key, WindowKind.SESSION, "Session", utilization, resets_at)
    if key == WEEKLY_KEY:
        return LimitWindow(key, WindowKind.WEEKLY, "Weekly", utilization, resets_at)
    if key.startswith(_SCOPED_PREFIX):
        model = _model_name(key.removeprefix(_SCOPED_PREFIX))
        return LimitWindow(
            key,
            WindowKind.WEEKLY_SCOPED,
            f"Weekly {model}",
            utilization,
            resets_at,
            model=model,
        )
    return LimitWindow(
        key, WindowKind.UNKNOWN, _model_name(key), utilization, resets_at
    )


def _flat_windows(payload: Mapping[str, Any]) -> Iterator[LimitWindow]:
    for raw_key, value in payload.items():
        if (
            raw_key in _NOT_WINDOWS
            or not isinstance(value, Mapping)
            or _is_credit_grant(value)
        ):
            continue
        key = _slug(raw_key)
        if not _is_window_key(key) and "utilization" not in value:
            continue
        if key and (window := _flat_window(key, value)) is not None:
            yield window


def _named(value: object) -> str | None:
    """Return the name of a scope's model or surface: a text, or an object's display name or id."""
    if isinstance(value, Mapping):
        return _text(value.get("display_name")) or _text(value.get("id"))
    return _text(value)


def _scope(scope: object) -> tuple[str | None, str]:
    """Return what a scoped limit is about: its label and the slug its key ends in.

    A model ("Fable"), a surface ("Cowork"), or both ("Fable (Claude Code)",
    ``fable_claude_code``): a limit of one model on one surface and the same
    model's limit on every surface get keys of their own, whatever their order.
    """
    if not isinstance(scope, Mapping):
        return None, ""
    model = _named(scope.get("model"))
    surface = _named(scope.get("surface"))
    if surface is not None and surface == surface.lower():
        surface = surface.capitalize()
    slug = "_".join(filter(None, (_slug(model or ""), _slug(surface or ""))))
    if model is not None and surface is not None:
        return f"{model} ({surface})", slug
    return model or surface, slug


def _limit_window(index: int, entry: object) -> LimitWindow | None:
    if not isinstance(entry, Mapping):
        _log_once(f"limit:{index}", "Skipping usage limit #%d: not an object", index)
        return None
    kind = entry.get("kind")
    label, scope_slug = _scope(entry.get("scope"))
    if kind == "session":
        key, window_kind, name = SESSION_KEY, WindowKind.SESSION, "Session"
    elif kind == "weekly_all":
        key, window_kind, name = WEEKLY_KEY, WindowKind.WEEKLY, "Weekly"
    elif kind == "weekly_scoped":
        window_kind = WindowKind.WEEKLY_SCOPED
        key = f"{_SCOPED_PREFIX}{scope_slug or 'scoped'}"
        name = f"Weekly {label}" if label else "Weekly (scoped)"
    elif isinstance(kind, str) and _slug(kind):
        window_kind = WindowKind.UNKNOWN
        key = "_".join(filter(None, (_slug(kind), scope_slug)))
        name = " ".join(filter(None, (_model_name(_slug(kind)), label)))
    else:
        _log_once(f"limit:{index}", "Skipping usage limit #%d: no kind", index)
        return None
    utilization = finite_number(entry.get("percent"))
    if utilization is None:
        utilization = finite_number(entry.get("utilization"))
    if utilization is None:
        _log_once(f"window:{key}", "Skipping usage window %s: no percent", key)
        return None
    return LimitWindow(
        key,
        window_kind,
        name,
        utilization,
        _resets_at(key, entry.get("resets_at")),
        severity=_severity(entry.get("severity")),
        model=label if window_kind is WindowKind.WEEKLY_SCOPED else None,
        binding=active if isinstance(active := entry.get("is_active"), bool) else None,
    )


def _limit_windows(limits: list[Any]) -> Iterator[LimitWindow]:
    for index, entry in enumerate(limits):
        if _is_credit_grant(entry):
            continue
        if (window := _limit_window(index, entry)) is not None:
            yield window


def _unique(found: Iterator[LimitWindow]) -> list[LimitWindow]:
    """Give every window its own key, and keep at most MAX_WINDOWS of them.

    A key seen again gets the first free numbered key (``foo_2``, ``foo_3``, …);
    keys the answer itself uses are never taken, so they stay the same from poll
    to poll.
    """
    windows = list(found)
    taken = {window.key for window in windows}
    seen: set[str] = set()
    unique: list[LimitWindow] = []
    for window in windows:
        if len(unique) == MAX_WINDOWS:
            _log_once(
                "windows:too_many",
                "The usage answer has more than %d windows; the rest are ignored",
                MAX_WINDOWS,
            )
            break
        if window.key not in seen:
            seen.add(window.key)
            unique.append(window)
            continue
        count = 2
        while (key := f"{window.key}_{count}") in taken:
            count += 1
        taken.add(key)
        seen.add(key)
        unique.append(replace(window, key=key, name=f"{window.name} {count}"))
    return unique


def _is_credit_grant(value: object) -> bool:
    """Tell whether an object of the answer is a credit grant (dollars), not a window."""
    return isinstance(value, Mapping) and any(key in value for key in _CREDIT_FIELDS)


def _credit(payload: Mapping[str, Any]) -> CreditGrant | None:
    """Add up the credit grants of an answer (top-level objects and ``limits`` entries).

    Amounts are dollars; a grant without ``remaining_dollars`` has what is left
    of its limit; ``resets_at`` is when it expires (the earliest one counts).
    """
    limits = payload.get("limits")
    grants = [
        value
        for value in (*payload.values(), *(limits if isinstance(limits, list) else ()))
        if _is_credit_grant(value)
    ]
    if not grants:
        return None
    granted = used = remaining = None
    expiries: list[datetime] = []
    for grant in grants:
        limit = finite_number(grant.get("limit_dollars"))
        spent = finite_number(grant.get("used_dollars"))
        left = finite_number(grant.get("remaining_dollars"))
        if left is None and limit is not None:
            left = max(limit - (spent or 0.0), 0.0)
        granted = _add(granted, limit)
        used = _add(used, spent)
        remaining = _add(remaining, left)
        if (expires := _resets_at("credit", grant.get("resets_at"))) is not None:
            expiries.append(expires)
    return CreditGrant(
        granted=granted,
        used=used,
        remaining=remaining,
        expires_at=min(expiries, default=None),
    )


def _add(total: float | None, value: float | None) -> float | None:
    if value is None:
        return total
    return value if total is None else total + value


def _enabled(value: Mapping[str, Any], key: str) -> bool | None:
    flag = value.get(key)
    return flag if isinstance(flag, bool) else None


@dataclass(frozen=True, slots=True)
class _Paid:
    """One block of paid usage as the answer has it; any part may be missing."""

    enabled: bool | None
    limit: float | None
    used: float | None
    utilization: float | None
    currency: str | None


def _extra_usage(value: object) -> _Paid | None:
    """Read ``extra_usage``: amounts in minor units, ``decimal_places`` of them."""
    if not isinstance(value, Mapping):
        return None
    scale = 10 ** _decimal_places(value.get("decimal_places"))
    limit = finite_number(value.get("monthly_limit"))
    used = finite_number(value.get("used_credits"))
    utilization = finite_number(value.get("utilization"))
    if utilization is None and limit and used is not None:
        utilization = used / limit * 100
    return _Paid(
        enabled=_enabled(value, "is_enabled"),
        limit=None if limit is None else limit / scale,
        used=None if used is None else used / scale,
        utilization=utilization,
        currency=_currency(value.get("currency")),
    )


def _money(value: object) -> tuple[float, str | None] | None:
    """Read ``{"amount_minor", "currency", "exponent"}`` as (major units, currency)."""
    if not isinstance(value, Mapping):
        return None
    if (amount := finite_number(value.get("amount_minor"))) is None:
        return None
    scale = 10 ** _decimal_places(value.get("exponent"))
    return amount / scale, _currency(value.get("currency"))


def _spend(value: object) -> _Paid | None:
    """Read the newer ``spend`` block (``used``/``limit`` money, ``percent``, ``enabled``)."""
    if not isinstance(value, Mapping):
        return None
    used = _money(value.get("used"))
    limit = _money(value.get("limit"))
    utilization = finite_number(value.get("percent"))
    if utilization is None and limit is not None and limit[0] and used is not None:
        utilization = used[0] / limit[0] * 100
    return _Paid(
        enabled=_enabled(value, "enabled"),
        limit=None if limit is None else limit[0],
        used=None if used is None else used[0],
        utilization=utilization,
        currency=(used and used[1]) or (limit and limit[1]) or None,
    )


def _paid_usage(payload: Mapping[str, Any]) -> ExtraUsage | None:
    """Read extra usage from ``spend`` and ``extra_usage``, whichever are there.

    ``spend`` is read whenever present and its values come first; ``extra_usage``
    fills what it lacks. Turned on is what either says; when neither says, extra
    usage is on when something was spent.
    """
    spend = _spend(payload.get("spend"))
    extra = _extra_usage(payload.get("extra_usage"))
    parts = [part for part in (spend, extra) if part is not None]
    if not parts:
        return None

    def first[T](read: Callable[[_Paid], T | None]) -> T | None:
        return next((v for part in parts if (v := read(part)) is not None), None)

    used = first(lambda part: part.used)
    enabled = first(lambda part: part.enabled)
    return ExtraUsage(
        is_enabled=enabled if enabled is not None else bool(used),
        monthly_limit=first(lambda part: part.limit),
        used_credits=used,
        utilization=first(lambda part: part.utilization),
        currency=first(lambda part: part.currency),
    )


def _is_window_key(raw_key: str) -> bool:
    key = _slug(raw_key)
    return key in (SESSION_KEY, WEEKLY_KEY) or key.startswith(_SCOPED_PREFIX)


def _check_usage_answer(payload: Mapping[str, Any]) -> None:
    """Raise unless the answer is a usage answer: a ``limits`` list or a known window key.

    Unused windows are ``null`` (``"seven_day_opus": null``) and still make an
    answer a usage answer; an error object or unrelated JSON does not.
    """
    if payload.get("type") == "error":
        error = payload.get("error")
        kind = error.get("type") if isinstance(error, Mapping) else None
        named = kind if isinstance(kind, str) and _ERROR_TYPE.fullmatch(kind) else None
        raise UnexpectedResponseError(
            f"Usage request: the answer is an error ({named or 'no error type'})"
        )
    if not isinstance(payload.get("limits"), list) and not any(
        isinstance(key, str) and _is_window_key(key) for key in payload
    ):
        raise UnexpectedResponseError("Usage request: the answer holds no usage window")


def parse_usage(payload: object) -> Usage:
    """Parse the body of ``GET /api/organizations/{uuid}/usage``."""
    if not isinstance(payload, dict):
        raise UnexpectedResponseError("Usage request: the answer is not a JSON object")
    _check_usage_answer(payload)
    windows: list[LimitWindow] = []
    limits = payload.get("limits")
    if isinstance(limits, list):
        windows = _unique(_limit_windows(limits))
    if not windows:
        windows = _unique(_flat_windows(payload))
    windows.sort(
        key=lambda window: (
            _ORDER[window.kind],
            window.kind is WindowKind.WEEKLY_SCOPED and window.model is None,
            window.name.casefold(),
        )
    )
    return Usage(
        windows=tuple(windows),
        extra_usage=_paid_usage(payload),
        credit=_credit(payload),
        raw=payload,
    )


def plan_label(rate_limit_tier: object, capabilities: tuple[str, ...]) -> str | None:
    """Return a human plan name ("Max 20x", "Pro", …) from the tier and capabilities."""
    tier = rate_limit_tier.lower() if isinstance(rate_limit_tier, str) else ""
    signals = (tier, *(capability.lower() for capability in capabilities))
    if any("enterprise" in signal for signal in signals):
        return "Enterprise"
    if any("raven" in signal or "claude_team" in signal for signal in signals):
        return "Team"
    if match := re.search(r"claude_max_(\d+)x", tier):
        return f"Max {match.group(1)}x"
    if any("claude_max" in signal for signal in signals):
        return "Max"
    if any("claude_pro" in signal for signal in signals):
        return "Pro"
    if "chat" in capabilities:
        return "Free"
    return None


def parse_organizations(payload: object) -> list[Organization]:
    """Parse the body of ``GET /api/organizations``; entries without a uuid are skipped."""
    if not isinstance(payload, list):
        raise UnexpectedResponseError(
            "Organizations request: the answer is not a JSON list"
        )
    organizations: list[Organization] = []
    for index, entry in enumerate(payload):
        if not isinstance(entry, Mapping) or not is_uuid(entry.get("uuid")):
            _log_once(
                f"organization:{index}",
                "Skipping organization #%d: it has no uuid",
                index,
            )
            continue
        uuid = str(entry["uuid"])
        raw_capabilities = entry.get("capabilities")
        capabilities = (
            tuple(item for item in raw_capabilities if isinstance(item, str))
            if isinstance(raw_capabilities, list)
            else ()
        )
        organizations.append(
            Organization(
                uuid=uuid,
                name=_text(entry.get("name")) or uuid,
                capabilities=capabilities,
                plan=plan_label(entry.get("rate_limit_tier"), capabilities),
            )
        )
    return organizations
