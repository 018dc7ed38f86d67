"""Setting up a Claude Code entry: its webhook, and the lines the user pastes.

As Home Assistant's own webhook integrations do: a cloudhook when Home Assistant
Cloud is active (so a laptop away from home can report), otherwise the local
webhook URL. The lines go into Claude Code's ``~/.claude/settings.json``: its
``statusLine`` command and its ``Stop`` and ``Notification`` hooks post what
Claude Code hands them to the webhook with ``curl`` (``curl.exe`` in PowerShell,
which Claude Code uses on Windows without Git Bash), or the small ``sh`` reporter
Home Assistant serves sends the limits alone.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
import json
from typing import Any

from homeassistant.components import cloud, webhook
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_WEBHOOK_ID
from homeassistant.core import HomeAssistant
from homeassistant.helpers.network import NoURLAvailableError, get_url

from .const import CONF_CLOUDHOOK
from .frontend import REPORTER_URL

# Where the lines point when Home Assistant knows no URL of its own.
FALLBACK_URL = "http://homeassistant.local:8123"
# curl gives up after this many seconds: the status line never waits longer.
CURL_TIMEOUT = 2


@dataclass(frozen=True, slots=True)
class ReportWebhook:
    """A webhook Claude Code reports to; its id (and so its URL) is a password."""

    webhook_id: str
    url: str
    cloudhook: bool

    def entry_data(self) -> dict[str, Any]:
        """Return what the entry keeps of it."""
        return {CONF_WEBHOOK_ID: self.webhook_id, CONF_CLOUDHOOK: self.cloudhook}


def cloud_ready(hass: HomeAssistant) -> bool:
    """Tell whether Home Assistant Cloud can carry a cloudhook now."""
    return (
        "cloud" in hass.config.components
        and cloud.async_active_subscription(hass)
        and cloud.async_is_connected(hass)
    )


def _local_base(hass: HomeAssistant) -> str:
    """Return the address Claude Code's computer reaches Home Assistant at."""
    try:
        return get_url(hass, allow_cloud=False)
    except NoURLAvailableError:
        return FALLBACK_URL


async def _async_url(hass: HomeAssistant, webhook_id: str, cloudhook: bool) -> str:
    if cloudhook:
        return await cloud.async_get_or_create_cloudhook(hass, webhook_id)
    return f"{_local_base(hass)}{webhook.async_generate_path(webhook_id)}"


async def async_new_webhook(hass: HomeAssistant) -> ReportWebhook:
    """Return a new webhook: a cloudhook when Home Assistant Cloud is ready."""
    webhook_id = webhook.async_generate_id()
    cloudhook = cloud_ready(hass)
    return ReportWebhook(
        webhook_id, await _async_url(hass, webhook_id, cloudhook), cloudhook
    )


async def async_entry_webhook(hass: HomeAssistant, entry: ConfigEntry) -> ReportWebhook:
    """Return the webhook an entry has (its cloudhook while the cloud is ready)."""
    webhook_id: str = entry.data[CONF_WEBHOOK_ID]
    cloudhook = bool(entry.data.get(CONF_CLOUDHOOK)) and cloud_ready(hass)
    return ReportWebhook(
        webhook_id, await _async_url(hass, webhook_id, cloudhook), cloudhook
    )


async def async_drop_webhook(hass: HomeAssistant, data: dict[str, Any]) -> None:
    """Forget the cloudhook of a webhook an entry no longer uses."""
    if data.get(CONF_CLOUDHOOK):
        await async_drop_cloudhook(hass, data[CONF_WEBHOOK_ID])


async def async_drop_cloudhook(hass: HomeAssistant, webhook_id: str) -> None:
    """Forget a cloudhook; with Home Assistant Cloud gone there is none to forget."""
    with contextlib.suppress(cloud.CloudNotAvailable):
        await cloud.async_delete_cloudhook(hass, webhook_id)


def unix_command(url: str) -> str:
    """Return the command for macOS, Linux and Windows with Git Bash (sh runs it)."""
    return f"curl -sf -m {CURL_TIMEOUT} --data-binary @- '{url}'"


def powershell_command(url: str) -> str:
    """Return the command for Windows without Git Bash (``powershell -Command`` runs it)."""
    return f"$input | curl.exe -sf -m {CURL_TIMEOUT} --data-binary '@-' {url}"


def settings_json(command: str) -> str:
    """Return the settings.json lines: the status line and the two hooks, one command.

    One line per setting, so that they read (and copy) well in a narrow dialog.
    """
    line = json.dumps({"type": "command", "command": command})
    hook = json.dumps([{"hooks": [{"type": "command", "command": command}]}])
    return (
        "{\n"
        f'  "statusLine": {line},\n'
        '  "hooks": {\n'
        f'    "Stop": {hook},\n'
        f'    "Notification": {hook}\n'
        "  }\n"
        "}"
    )


def lines(hass: HomeAssistant, report_webhook: ReportWebhook) -> dict[str, str]:
    """Return the placeholders of the step that shows the lines to paste.

    The sh reporter's installer asks for the webhook URL at a prompt, so it stays
    out of the shell's history.
    """
    url = report_webhook.url
    script = "claude-usage-report.sh"
    return {
        "url": url,
        "settings": settings_json(unix_command(url)),
        "settings_windows": settings_json(powershell_command(url)),
        "install": (
            f"curl -fsS {_local_base(hass)}{REPORTER_URL} -o {script} && "
            f"sh {script} install && rm {script}"
        ),
    }
