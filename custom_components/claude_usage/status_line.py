"""The one-line status text the webhook answers Claude Code's status line with.

Session and week with their resets, in Home Assistant's language (the
``common`` strings), e.g. "Session 42% · resets in 2 h 13 min | Week 18% ·
resets in 3 d 4 h". ``curl`` prints it, so the user's status line shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from homeassistant.core import HomeAssistant
from homeassistant.helpers.translation import async_get_translations

from .api import LimitWindow, Usage
from .api.parse import SESSION_KEY, WEEKLY_KEY
from .const import DOMAIN

_LABELS = {SESSION_KEY: "status_session", WEEKLY_KEY: "status_week"}
_SEPARATOR = " | "


async def async_status_text(hass: HomeAssistant, usage: Usage, now: datetime) -> str:
    """Return the status text of ``usage`` in Home Assistant's language."""
    strings = await async_get_translations(
        hass, hass.config.language, "common", [DOMAIN]
    )

    def text(key: str, **placeholders: str) -> str:
        return strings[f"component.{DOMAIN}.common.{key}"].format(**placeholders)

    def window_text(window: LimitWindow) -> str:
        shown = text(_LABELS[window.key], percent=str(round(window.utilization)))
        if window.resets_at is None:
            return shown
        return text(
            "status_resets",
            window=shown,
            duration=_duration(text, max(window.resets_at - now, timedelta(0))),
        )

    parts = [window_text(w) for w in usage.windows if w.key in _LABELS]
    return _SEPARATOR.join(parts) if parts else text("status_none")


def _duration(text: Callable[..., str], left: timedelta) -> str:
    """Say how long until a reset: days and hours, hours and minutes, or minutes."""
    minutes = int(left.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return text("status_days", days=str(days), hours=str(hours))
    if hours:
        return text("status_hours", hours=str(hours), minutes=str(minutes))
    return text("status_minutes", minutes=str(minutes))
