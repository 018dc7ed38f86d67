"""The webhook Claude Code reports to: bounded, validated, never a traceback.

POST only (405 otherwise); the body must be a JSON object of at most 64 KiB
(else 400 with one short reason, also for a body its Content-Encoding does not
decode). A status line's report is answered with the status text (200,
plain text); a report without ``rate_limits`` (before a session's first answer,
or a user on an API key) changes nothing and gets the text of the last values.
A hook's report fires the event entity and gets an empty 200. The webhook id is
a password: Home Assistant's webhook component names it in its warnings about a
wrong method or a remote request to a local-only webhook, so this module checks
both itself, quietly (the webhook is registered for every method, not local only).
"""

from __future__ import annotations

from functools import partial
from http import HTTPStatus
from ipaddress import ip_address
import json

from aiohttp import web
from aiohttp.hdrs import METH_GET, METH_POST, METH_PUT
from homeassistant.components import webhook
from homeassistant.const import CONF_WEBHOOK_ID
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.network import is_cloud_connection
from homeassistant.util import dt as dt_util, network as network_util

from .api.claude_code import MAX_REPORT_BYTES, InvalidReportError, parse_report
from .const import CONF_ALLOW_REMOTE, CONF_CLOUDHOOK, DOMAIN, LOGGER
from .coordinator import ClaudeUsageConfigEntry
from .event import async_dispatch_hook
from .reports import ReportCoordinator
from .status_line import async_status_text


@callback
def async_register_webhook(
    hass: HomeAssistant, entry: ClaudeUsageConfigEntry, coordinator: ReportCoordinator
) -> None:
    """Take the entry's reports until it unloads.

    Local only unless the user accepts reports from outside, or a cloudhook
    (Home Assistant Cloud) brings them.
    """
    webhook_id: str = entry.data[CONF_WEBHOOK_ID]
    local_only = not (
        entry.data.get(CONF_CLOUDHOOK, False)
        or entry.options.get(CONF_ALLOW_REMOTE, False)
    )
    webhook.async_register(
        hass,
        DOMAIN,
        entry.title,
        webhook_id,
        partial(async_handle_report, coordinator, local_only),
        allowed_methods=[METH_GET, METH_POST, METH_PUT],
    )
    entry.async_on_unload(partial(webhook.async_unregister, hass, webhook_id))


async def async_handle_report(
    coordinator: ReportCoordinator,
    local_only: bool,
    hass: HomeAssistant,
    webhook_id: str,
    request: web.Request,
) -> web.Response:
    """Take one report of Claude Code; nothing escapes (Home Assistant would log the id)."""
    try:
        return await _async_take(coordinator, local_only, hass, request)
    except Exception:  # noqa: BLE001 - Home Assistant would log the webhook id
        LOGGER.exception("A Claude Code report could not be taken")
        return web.Response(status=HTTPStatus.INTERNAL_SERVER_ERROR)


async def _async_take(
    coordinator: ReportCoordinator,
    local_only: bool,
    hass: HomeAssistant,
    request: web.Request,
) -> web.Response:
    if request.method != METH_POST:
        return web.Response(status=HTTPStatus.METHOD_NOT_ALLOWED)
    if local_only and not _from_home(hass, request):
        # As Home Assistant answers it: 200, giving nothing away.
        LOGGER.debug("A Claude Code report from outside the home network was refused")
        return web.Response(status=HTTPStatus.OK)
    try:
        body = await _read(request)
    except web.RequestPayloadError:  # e.g. a Content-Encoding it does not decode to
        return _refuse("unreadable body")
    if body is None:
        return _refuse(f"larger than {MAX_REPORT_BYTES // 1024} KiB")
    now = dt_util.utcnow()
    try:
        report = parse_report(json.loads(body), now)
    except ValueError, RecursionError:
        return _refuse("not JSON")
    except InvalidReportError as err:
        return _refuse(str(err))
    if report.hook:
        if report.event is not None:
            async_dispatch_hook(hass, coordinator.config_entry.entry_id, report.event)
        return web.Response(status=HTTPStatus.OK)
    coordinator.async_take_report(report, now)
    text = await async_status_text(hass, coordinator.data, now)
    return web.Response(text=f"{text}\n", content_type="text/plain", charset="utf-8")


def _from_home(hass: HomeAssistant, request: web.Request) -> bool:
    """Tell whether a request came from the home network (not the cloud, not outside)."""
    if is_cloud_connection(hass) or request.remote is None:
        return False
    try:
        return network_util.is_local(ip_address(request.remote))
    except ValueError:
        return False


async def _read(request: web.Request) -> bytes | None:
    """Read the body, at most MAX_REPORT_BYTES of it; None when it is larger."""
    # Once: a cloudhook's MockRequest makes a new reader on every access.
    stream = request.content
    body = b""
    while len(body) <= MAX_REPORT_BYTES:
        chunk = await stream.read(MAX_REPORT_BYTES + 1 - len(body))
        if not chunk:
            return body
        body += chunk
    return None


def _refuse(reason: str) -> web.Response:
    LOGGER.debug("A Claude Code report was refused: %s", reason)
    return web.Response(
        status=HTTPStatus.BAD_REQUEST,
        text=f"{reason}\n",
        content_type="text/plain",
        charset="utf-8",
    )
