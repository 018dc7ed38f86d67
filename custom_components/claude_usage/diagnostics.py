"""Diagnostics of the Claude Usage integration; no cookie or webhook id ever leaves."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.const import CONF_WEBHOOK_ID
from homeassistant.core import HomeAssistant

from .const import CONF_COOKIE, CONF_USER_AGENT
from .coordinator import ClaudeUsageConfigEntry

# A personal organization is named after the account's email ("<email>'s Organization").
TO_REDACT = {"title", CONF_COOKIE, CONF_USER_AGENT, CONF_WEBHOOK_ID}


def _isoformat(value: datetime | None) -> str | None:
    """Return a datetime as ISO 8601, or None."""
    return value.isoformat() if value is not None else None


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: ClaudeUsageConfigEntry
) -> dict[str, Any]:
    """Return the entry (redacted), the last payload and the coordinator's state."""
    coordinator = entry.runtime_data
    account = coordinator.account
    last_exception = coordinator.last_exception
    return {
        "entry": async_redact_data(
            {
                "title": entry.title,
                "data": dict(entry.data),
                "options": dict(entry.options),
            },
            TO_REDACT,
        ),
        "coordinator": {
            "last_update_success": coordinator.last_update_success,
            "update_interval": (
                interval.total_seconds()
                if (interval := coordinator.update_interval)
                else None
            ),
            "last_exception": (
                type(last_exception).__name__ if last_exception is not None else None
            ),
            "status": account.status.value,
            "last_fetched": _isoformat(account.fetched_at),
            "last_request": _isoformat(account.last_request),
            "next_request_not_before": _isoformat(account.not_before),
            "consecutive_failures": account.failures,
            "last_report": _isoformat(account.last_report),
        },
        "payload": async_redact_data(dict(coordinator.data.raw), TO_REDACT),
    }
