"""Turn claude.ai's JSON into the typed models; pure functions, no I/O.

The usage endpoint answers in two shapes, and this module gives both the same
window keys (see :class:`~.models.LimitWindow`):

- legacy flat windows: ``five_hour``, ``seven_day``, ``seven_day_<model>`` (``opus``,
  ``sonnet``, ``oauth_apps``, ``cowork``, …) and codename keys such as
  ``iguana_necktie``, each ``{"utilization": 8.0, "resets_at": "…"}`` or ``null``;
- the current ``limits`` array, authoritative when it yields any window:
  ``{"kind": "session"|"weekly_all"|"weekly_scoped", "percent": 57.3,
  "severity": "normal"|"warning"|"critical", "resets_at": "…"|null,
  "scope": null|{"model": {"id": …, "display_name": "Fable"}, "surface": …}}``.

``extra_usage`` amounts come in minor units (cents): ``monthly_limit: 2000`` with
``used_credits: 245`` is ``utilization: 12.25``; a ``decimal_places`` field, when
present, says how many. :class:`~.models.ExtraUsage` carries major units (dollars).

A malformed window is skipped (logged once per key per process); the others
still count. Unknown keys and kinds never raise.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
import logging
import math
import re
from typing import Any

from .errors import UnexpectedResponseError
from .models import ExtraUsage, LimitWindow, Organization, Severity, Usage, WindowKind

_LOGGER = logging.getLogger(__name__)

SESSION_KEY = "five_hour"
WEEKLY_KEY = "seven_day"
_SCOPED_PREFIX = f"{WEEKLY_KEY}_"
_NOT_WINDOWS = frozenset({"extra_usage", "limits"})
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


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


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
    if (number := _number(value)) is not None:
        if abs(number) > _EPOCH_MILLISECONDS:
            number /= 1000
        try:
            return datetime.fromtimestamp(number, UTC)
        except OverflowError, OSError, ValueError:
            return None
    return None


def _resets_at(key: str, value: object) -> datetime | None:
    moment = parse_datetime(value)
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
    utilization = _number(value.get("utilization"))
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
        if raw_key in _NOT_WINDOWS or not isinstance(value, Mapping):
            continue
        key = _slug(raw_key)
        known = key in (SESSION_KEY, WEEKLY_KEY) or key.startswith(_SCOPED_PREFIX)
        if not known and "utilization" not in value:
            continue
        if key and (window := _flat_window(key, value)) is not None:
            yield window


def _scope_label(scope: object) -> str | None:
    """Return what a scoped limit is about: the model's name, else the surface."""
    if not isinstance(scope, Mapping):
        return None
    model = scope.get("model")
    if isinstance(model, Mapping):
        if name := _text(model.get("display_name")) or _text(model.get("id")):
            return name
    elif name := _text(model):
        return name
    surface = scope.get("surface")
    if isinstance(surface, Mapping):
        surface = surface.get("display_name") or surface.get("id")
    if name := _text(surface):
        return name if name != name.lower() else name.capitalize()
    return None


def _limit_window(index: int, entry: object) -> LimitWindow | None:
    if not isinstance(entry, Mapping):
        _log_once(f"limit:{index}", "Skipping usage limit #%d: not an object", index)
        return None
    kind = entry.get("kind")
    label = _scope_label(entry.get("scope"))
    if kind == "session":
        key, window_kind, name = SESSION_KEY, WindowKind.SESSION, "Session"
    elif kind == "weekly_all":
        key, window_kind, name = WEEKLY_KEY, WindowKind.WEEKLY, "Weekly"
    elif kind == "weekly_scoped":
        window_kind = WindowKind.WEEKLY_SCOPED
        key = f"{_SCOPED_PREFIX}{_slug(label or '') or 'scoped'}"
        name = f"Weekly {label}" if label else "Weekly (scoped)"
    elif isinstance(kind, str) and _slug(kind):
        window_kind = WindowKind.UNKNOWN
        key = "_".join(filter(None, (_slug(kind), _slug(label or ""))))
        name = " ".join(filter(None, (_model_name(_slug(kind)), label)))
    else:
        _log_once(f"limit:{index}", "Skipping usage limit #%d: no kind", index)
        return None
    utilization = _number(entry.get("percent"))
    if utilization is None:
        utilization = _number(entry.get("utilization"))
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
    )


def _limit_windows(limits: list[Any]) -> Iterator[LimitWindow]:
    for index, entry in enumerate(limits):
        if (window := _limit_window(index, entry)) is not None:
            yield window


def _unique(windows: Iterator[LimitWindow]) -> list[LimitWindow]:
    """Keep the first window of each key; later ones get a numbered key."""
    seen: dict[str, int] = {}
    unique: list[LimitWindow] = []
    for window in windows:
        count = seen.get(window.key, 0) + 1
        seen[window.key] = count
        if count == 1:
            unique.append(window)
            continue
        key = f"{window.key}_{count}"
        unique.append(
            LimitWindow(
                key,
                window.kind,
                f"{window.name} {count}",
                window.utilization,
                window.resets_at,
                window.severity,
                window.model,
            )
        )
    return unique


def _extra_usage(value: object) -> ExtraUsage | None:
    if not isinstance(value, Mapping):
        return None
    decimal_places = value.get("decimal_places")
    if (
        isinstance(decimal_places, bool)
        or not isinstance(decimal_places, int)
        or not 0 <= decimal_places <= 6
    ):
        decimal_places = _DEFAULT_DECIMAL_PLACES
    scale = 10**decimal_places
    limit = _number(value.get("monthly_limit"))
    used = _number(value.get("used_credits"))
    utilization = _number(value.get("utilization"))
    if utilization is None and limit and used is not None:
        utilization = used / limit * 100
    currency = value.get("currency")
    return ExtraUsage(
        is_enabled=value.get("is_enabled") is True,
        monthly_limit=None if limit is None else limit / scale,
        used_credits=None if used is None else used / scale,
        utilization=utilization,
        currency=currency.upper()
        if isinstance(currency, str) and re.fullmatch(r"[A-Za-z]{3}", currency)
        else None,
    )


def parse_usage(payload: object) -> Usage:
    """Parse the body of ``GET /api/organizations/{uuid}/usage``."""
    if not isinstance(payload, dict):
        raise UnexpectedResponseError("Usage request: the answer is not a JSON object")
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
        extra_usage=_extra_usage(payload.get("extra_usage")),
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
