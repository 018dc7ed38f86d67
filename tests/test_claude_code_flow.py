"""Setting up, reconfiguring and removing a Claude Code entry through its flows."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
import json
from typing import Any

from aiohttp.test_utils import TestClient
from homeassistant.components import cloud
from homeassistant.config_entries import SOURCE_USER, ConfigEntry, ConfigEntryState
from homeassistant.const import CONF_NAME, CONF_WEBHOOK_ID
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.network import NoURLAvailableError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.claude_usage import claude_code_setup
from custom_components.claude_usage.claude_code_setup import (
    powershell_command,
    unix_command,
)
from custom_components.claude_usage.const import (
    AUTH_TYPE_CLAUDE_CODE,
    CONF_ALLOW_REMOTE,
    CONF_AUTH_TYPE,
    CONF_CLOUDHOOK,
    CONF_ORG_UUID,
    CONF_SCAN_INTERVAL,
    DOMAIN,
)
from custom_components.claude_usage.reports import store_key
from tests.fake_claude import ORG_UUID, FakeClaude
from tests.helpers import Advance
from tests.test_claude_code import status_line

CLOUDHOOK = "https://hooks.nabu.casa/gAAAAABn_cloudhook-Id_42"


@pytest.fixture
def cloudhooks(hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make Home Assistant Cloud active and connected; return the deleted cloudhooks."""
    hass.config.components.add("cloud")
    deleted: list[str] = []

    async def create(hass: HomeAssistant, webhook_id: str) -> str:
        return CLOUDHOOK

    async def delete(hass: HomeAssistant, webhook_id: str) -> None:
        deleted.append(webhook_id)

    monkeypatch.setattr(cloud, "async_active_subscription", lambda hass: True)
    monkeypatch.setattr(cloud, "async_is_connected", lambda hass: True)
    monkeypatch.setattr(cloud, "async_get_or_create_cloudhook", create)
    monkeypatch.setattr(cloud, "async_delete_cloudhook", delete)
    return deleted


async def _lines(hass: HomeAssistant, **user_input: Any) -> dict[str, Any]:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["menu_options"] == ["claude_code", "cookie"]
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "claude_code"}
    )
    assert result["step_id"] == "claude_code"
    return await hass.config_entries.flow.async_configure(result["flow_id"], user_input)


async def _add(hass: HomeAssistant) -> tuple[ConfigEntry, dict[str, Any]]:
    """Add a Claude Code entry through the flow; return it and the lines step."""
    lines = await _lines(hass, **{CONF_NAME: "Claude Code"})
    entry = (await hass.config_entries.flow.async_configure(lines["flow_id"], {}))[
        "result"
    ]
    await hass.async_block_till_done()
    return entry, lines


async def test_the_flow_ends_on_the_lines_to_paste(
    hass: HomeAssistant, socket_enabled: None
) -> None:
    """Name, local only by default, then the webhook and the lines; submitting stores it."""
    result = await _lines(hass, **{CONF_NAME: "Claude Code", CONF_ALLOW_REMOTE: False})

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "claude_code_lines"
    assert result["last_step"] is True
    placeholders = result["description_placeholders"]
    url = placeholders["url"]
    assert url.startswith("http://") and "/api/webhook/" in url
    settings = json.loads(placeholders["settings"])
    assert settings["statusLine"] == {"type": "command", "command": unix_command(url)}
    assert unix_command(url) == f"curl -sf -m 2 --data-binary @- '{url}'"
    for hook in ("Stop", "Notification"):
        assert settings["hooks"][hook] == [
            {"hooks": [{"type": "command", "command": unix_command(url)}]}
        ]
    windows = json.loads(placeholders["settings_windows"])
    assert windows["statusLine"]["command"] == powershell_command(url)
    assert powershell_command(url).startswith("$input | curl.exe -sf -m 2 ")
    base = url.split("/api/webhook/")[0]
    assert placeholders["install"] == (
        f"curl -fsS {base}/claude_usage/claude-usage-report.sh "
        "-o claude-usage-report.sh && sh claude-usage-report.sh install "
        "&& rm claude-usage-report.sh"
    )

    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Claude Code"
    entry = result["result"]
    assert entry.data == {
        CONF_AUTH_TYPE: AUTH_TYPE_CLAUDE_CODE,
        CONF_WEBHOOK_ID: url.rsplit("/", 1)[1],
        CONF_CLOUDHOOK: False,
        CONF_ORG_UUID: entry.unique_id,
    }
    assert entry.options == {CONF_ALLOW_REMOTE: False}
    assert entry.state is ConfigEntryState.LOADED
    assert hass.states.get("sensor.claude_code_status").state == "waiting_for_report"


async def test_with_home_assistant_cloud_a_cloudhook(
    hass: HomeAssistant, cloudhooks: list[str], socket_enabled: None
) -> None:
    """A laptop away from home can report through the cloudhook; no local-only switch."""
    result = await _lines(hass, **{CONF_NAME: "  "})

    assert result["description_placeholders"]["url"] == CLOUDHOOK
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    entry = result["result"]
    assert result["title"] == "Claude Code"
    assert entry.data[CONF_CLOUDHOOK] is True

    assert await hass.config_entries.async_remove(entry.entry_id)
    assert cloudhooks == [entry.data[CONF_WEBHOOK_ID]]


async def test_a_flow_closed_before_saving_forgets_its_cloudhook(
    hass: HomeAssistant, cloudhooks: list[str]
) -> None:
    """Closing the dialog on the lines leaves no cloudhook behind in the cloud account."""
    result = await _lines(hass, **{CONF_NAME: "Claude Code"})
    assert result["description_placeholders"]["url"] == CLOUDHOOK
    assert cloudhooks == []

    hass.config_entries.flow.async_abort(result["flow_id"])
    await hass.async_block_till_done()

    assert len(cloudhooks) == 1


async def test_removal_when_the_cloud_is_gone(
    hass: HomeAssistant,
    cloudhooks: list[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    socket_enabled: None,
) -> None:
    """Logged out of Home Assistant Cloud: the entry is removed all the same, quietly."""
    entry, _ = await _add(hass)

    async def not_available(hass: HomeAssistant, webhook_id: str) -> None:
        raise cloud.CloudNotAvailable

    monkeypatch.setattr(cloud, "async_delete_cloudhook", not_available)
    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()

    assert hass.config_entries.async_entries(DOMAIN) == []
    assert "Traceback" not in caplog.text
    assert "Error" not in caplog.text


async def test_the_form_asks_local_only_only_without_the_cloud(
    hass: HomeAssistant, cloudhooks: list[str]
) -> None:
    """With Home Assistant Cloud the reports come through it: nothing to choose."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "claude_code"}
    )
    assert [str(key) for key in result["data_schema"].schema] == [CONF_NAME]


async def _reconfigure(hass: HomeAssistant, entry: Any) -> dict[str, Any]:
    return await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": "reconfigure", "entry_id": entry.entry_id}
    )


async def _post(client: TestClient, webhook_id: str, body: object) -> tuple[int, str]:
    response = await client.post(f"/api/webhook/{webhook_id}", json=body)
    return response.status, await response.text()


async def test_reconfigure_shows_the_lines_again_or_a_new_webhook(
    hass: HomeAssistant,
    hass_client_no_auth: Callable[[], Awaitable[TestClient]],
    socket_enabled: None,
) -> None:
    """The same lines change nothing; a new webhook id replaces the old one, which dies."""
    entry, lines = await _add(hass)
    old_url = lines["description_placeholders"]["url"]
    old_id = entry.data[CONF_WEBHOOK_ID]
    client = await hass_client_no_auth()

    result = await _reconfigure(hass, entry)
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["claude_code_lines", "claude_code_new_webhook"]
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "claude_code_lines"}
    )
    assert result["description_placeholders"]["url"] == old_url
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["reason"] == "lines_shown"

    result = await _reconfigure(hass, entry)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "claude_code_new_webhook"}
    )
    new_url = result["description_placeholders"]["url"]
    assert new_url != old_url
    # Not saved yet: the old address still works.
    assert (await _post(client, old_id, status_line()))[1].startswith("Session 23%")
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    await hass.async_block_till_done()

    assert result["reason"] == "reconfigure_successful"
    new_id = entry.data[CONF_WEBHOOK_ID]
    assert new_url.endswith(new_id)
    assert entry.options == {CONF_ALLOW_REMOTE: False}
    assert await _post(client, old_id, status_line(session=50)) == (200, "")
    assert hass.states.get("sensor.claude_code_session_usage").state == "23.0"
    assert (await _post(client, new_id, status_line(session=50)))[0] == 200
    assert hass.states.get("sensor.claude_code_session_usage").state == "50.0"


async def test_a_cookie_entry_switches_to_claude_code_and_keeps_its_entities(
    hass: HomeAssistant,
    *,
    init_integration: MockConfigEntry,
    fake_claude: FakeClaude,
    advance_time: Advance,
    entity_registry: er.EntityRegistry,
    issue_registry: ir.IssueRegistry,
    hass_client_no_auth: Callable[[], Awaitable[TestClient]],
) -> None:
    """Same account, same device and entity ids; the cookie, its issues and the polling go."""
    session_usage = "sensor.claude_example_org_session_usage"
    unique_id = entity_registry.async_get(session_usage).unique_id
    # Cloudflare blocks: the README's advice is to switch to Claude Code.
    fake_claude.fail("cloudflare")
    await advance_time(60)
    assert [issue.translation_key for issue in issue_registry.issues.values()] == [
        "cloudflare_blocked"
    ]
    result = await _reconfigure(hass, init_integration)
    assert result["menu_options"] == ["reconfigure_claude_code", "reconfigure_cookie"]
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "reconfigure_claude_code"}
    )
    assert result["step_id"] == "reconfigure_claude_code"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_ALLOW_REMOTE: True}
    )
    assert result["step_id"] == "claude_code_lines"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    await hass.async_block_till_done()

    assert result["reason"] == "reconfigure_successful"
    assert init_integration.state is ConfigEntryState.LOADED, init_integration.reason
    assert init_integration.data[CONF_AUTH_TYPE] == AUTH_TYPE_CLAUDE_CODE
    assert init_integration.data[CONF_ORG_UUID] == ORG_UUID
    assert "cookie" not in init_integration.data
    assert init_integration.options == {CONF_ALLOW_REMOTE: True}
    assert CONF_SCAN_INTERVAL not in init_integration.options
    client = await hass_client_no_auth()
    status, text = await _post(
        client, init_integration.data[CONF_WEBHOOK_ID], status_line(session=7)
    )
    assert status == 200
    assert text.startswith("Session 7% · resets in ")
    assert hass.states.get(session_usage).state == "7.0"
    assert entity_registry.async_get(session_usage).unique_id == unique_id
    assert issue_registry.issues == {}


async def test_options_accept_reports_from_outside(
    hass: HomeAssistant, socket_enabled: None
) -> None:
    """The options of a Claude Code entry: reports from outside the home network."""
    entry, _ = await _add(hass)

    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["step_id"] == "reports"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_ALLOW_REMOTE: True}
    )
    await hass.async_block_till_done()

    assert entry.options == {CONF_ALLOW_REMOTE: True}
    assert entry.state is ConfigEntryState.LOADED


async def test_removal_forgets_the_stored_values(
    hass: HomeAssistant,
    hass_client_no_auth: Callable[[], Awaitable[TestClient]],
    hass_storage: dict[str, Any],
    advance_time: Advance,
    socket_enabled: None,
) -> None:
    """Removing the entry deletes what it stored."""
    entry, _ = await _add(hass)
    client = await hass_client_no_auth()
    await _post(client, entry.data[CONF_WEBHOOK_ID], status_line())
    await advance_time(10)
    assert store_key(entry.entry_id) in hass_storage
    # A report whose values wait to be written (10 s) when the entry goes.
    await _post(client, entry.data[CONF_WEBHOOK_ID], status_line(session=30))

    assert await hass.config_entries.async_remove(entry.entry_id)
    await advance_time(20)

    assert store_key(entry.entry_id) not in hass_storage


async def test_without_a_known_url_the_lines_use_homeassistant_local(
    hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Home Assistant knows no URL of its own: the lines name homeassistant.local."""

    def no_url(*args: object, **kwargs: object) -> str:
        raise NoURLAvailableError

    monkeypatch.setattr(claude_code_setup, "get_url", no_url)
    result = await _lines(hass, **{CONF_NAME: "Claude Code"})
    assert result["description_placeholders"]["url"].startswith(
        "http://homeassistant.local:8123/api/webhook/"
    )
