"""Entries made with the withdrawn Sign in with Claude: no request, one repair, nothing lost."""

from __future__ import annotations

import inspect
from typing import Any

from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.claude_usage import issues
from custom_components.claude_usage.const import (
    AUTH_TYPE_COOKIE,
    CONF_AUTH_TYPE,
    CONF_BASE_URL,
    CONF_COOKIE,
    CONF_OAUTH_TOKENS,
    CONF_ORG_UUID,
    CONF_PLAN,
    DOMAIN,
)
from custom_components.claude_usage.issues import Issue, issue_id
from tests.fake_claude import ORG_NAME, ORG_UUID, VALID_SESSION_KEY, FakeClaude

SESSION_USAGE = "sensor.claude_example_org_session_usage"
TOKENS = {
    "access_token": "sk-ant-oat01-legacy-access",
    "refresh_token": "sk-ant-ort01-legacy-refresh",
    "expires_at": 1796680000.0,
}


@pytest.fixture
def legacy_entry(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> MockConfigEntry:
    """Return an entry Sign in with Claude made, with the device and a sensor it had."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title=ORG_NAME,
        unique_id=ORG_UUID,
        data={
            CONF_AUTH_TYPE: "oauth",
            CONF_OAUTH_TOKENS: TOKENS,
            CONF_ORG_UUID: ORG_UUID,
            CONF_BASE_URL: fake_claude.base_url,
            CONF_PLAN: "Max 5x",
        },
    )
    entry.add_to_hass(hass)
    device = device_registry.async_get_or_create(
        config_entry_id=entry.entry_id,
        identifiers={(DOMAIN, ORG_UUID)},
        name="Claude Example Org",
    )
    entity_registry.async_get_or_create(
        "sensor",
        DOMAIN,
        f"{ORG_UUID}_five_hour_usage",
        config_entry=entry,
        device_id=device.id,
        suggested_object_id="claude_example_org_session_usage",
    )
    return entry


async def test_no_request_tokens_dropped_one_repair(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    legacy_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Setting up sends nothing, deletes the tokens and raises a fixable repair."""
    assert not await hass.config_entries.async_setup(legacy_entry.entry_id)
    await hass.async_block_till_done()

    assert legacy_entry.state is ConfigEntryState.SETUP_ERROR
    assert "Sign in with Claude, which is withdrawn" in caplog.text
    assert CONF_OAUTH_TOKENS not in legacy_entry.data
    assert legacy_entry.data[CONF_ORG_UUID] == ORG_UUID
    assert fake_claude.requests == []
    issue = issue_registry.async_get_issue(
        DOMAIN, issue_id(Issue.SIGN_IN_WITHDRAWN, legacy_entry)
    )
    assert issue is not None
    assert issue.is_fixable
    assert issue.translation_placeholders == {"title": ORG_NAME}
    assert "Traceback" not in caplog.text
    for token in TOKENS.values():
        assert str(token) not in caplog.text

    # Again after a restart: still nothing sent, still one repair.
    assert not await hass.config_entries.async_reload(legacy_entry.entry_id)
    assert fake_claude.requests == []
    assert len(issue_registry.issues) == 1


async def test_fix_leads_to_a_cookie_and_keeps_the_entities(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    legacy_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    """Fix explains, opens reconfigure; a cookie of the same organization brings it back."""
    assert await async_setup_component(hass, "repairs", {})
    await hass.config_entries.async_setup(legacy_entry.entry_id)
    manager = repairs_flow_manager(hass)
    assert manager is not None

    result = await manager.async_init(
        DOMAIN,
        context={"issue_id": issue_id(Issue.SIGN_IN_WITHDRAWN, legacy_entry)},
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm"
    result = await manager.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.ABORT
    _, flow_id = result["next_flow"]
    menu = hass.config_entries.flow.async_get(flow_id)
    assert menu["step_id"] == "reconfigure"

    result = await hass.config_entries.flow.async_configure(
        flow_id, {"next_step_id": "reconfigure_cookie"}
    )
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_COOKIE: VALID_SESSION_KEY}
    )
    await hass.async_block_till_done()

    assert result["reason"] == "reconfigure_successful"
    assert legacy_entry.state is ConfigEntryState.LOADED
    assert legacy_entry.data[CONF_AUTH_TYPE] == AUTH_TYPE_COOKIE
    assert CONF_OAUTH_TOKENS not in legacy_entry.data
    assert not issue_registry.issues
    # The same organization: the entity the sign-in made is the one that updates.
    assert hass.states.get(SESSION_USAGE).state == "42.0"
    entity = entity_registry.async_get(SESSION_USAGE)
    assert entity is not None
    assert entity.config_entry_id == legacy_entry.entry_id


async def test_removing_the_entry_removes_its_repair(
    hass: HomeAssistant,
    legacy_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
) -> None:
    """The repair goes with the entry (on Home Assistant 2026.10 too)."""
    await hass.config_entries.async_setup(legacy_entry.entry_id)
    assert issue_registry.issues

    await hass.config_entries.async_remove(legacy_entry.entry_id)

    assert not issue_registry.issues


async def test_issues_are_linked_to_the_entry_where_home_assistant_can(
    hass: HomeAssistant,
    legacy_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With 2026.11's config_entry_id, the issue is linked so HA clears it with the entry."""
    calls: list[dict[str, Any]] = []
    original = ir.async_create_issue
    assert "config_entry_id" not in inspect.signature(original).parameters

    def create(
        hass: HomeAssistant,
        domain: str,
        issue_id: str,
        *,
        config_entry_id: str | None = None,
        **kwargs: Any,
    ) -> None:
        calls.append({"config_entry_id": config_entry_id})
        original(hass, domain, issue_id, **kwargs)

    monkeypatch.setattr(issues.ir, "async_create_issue", create)
    await hass.config_entries.async_setup(legacy_entry.entry_id)

    assert calls == [{"config_entry_id": legacy_entry.entry_id}]
