"""The Cloudflare repair: Fix explains the block, then opens the entry's cookie form; a good paste fixes it."""

from __future__ import annotations

from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.claude_usage.const import CONF_COOKIE, DOMAIN
from custom_components.claude_usage.issues import Issue, issue_id as entry_issue_id
from custom_components.claude_usage.repairs import async_create_fix_flow
from tests.fake_claude import VALID_SESSION_KEY, FakeClaude
from tests.helpers import Advance

SESSION_USAGE = "sensor.claude_example_org_session_usage"


async def _fix(hass: HomeAssistant, issue_id: str) -> dict:
    """Select Fix: the explanation, a form without fields."""
    manager = repairs_flow_manager(hass)
    assert manager is not None
    result = await manager.async_init(DOMAIN, context={"issue_id": issue_id})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm"
    assert result["data_schema"].schema == {}
    return result


async def _confirm(hass: HomeAssistant, flow_id: str) -> dict:
    """Submit the explanation: the fix hands over to the reconfigure flow."""
    manager = repairs_flow_manager(hass)
    assert manager is not None
    return await manager.async_configure(flow_id, {})


async def test_fix_explains_then_opens_the_cookie_form_and_a_paste_fixes_it(
    hass: HomeAssistant,
    issue_registry: ir.IssueRegistry,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """Fix explains, then hands over to reconfigure's cookie step; the issue goes with the block."""
    assert await async_setup_component(hass, "repairs", {})
    issue_id = entry_issue_id(Issue.CLOUDFLARE_BLOCKED, init_integration)
    fake_claude.fail("cloudflare", times=2)
    await advance_time(60)
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.is_fixable

    result = await _confirm(hass, (await _fix(hass, issue_id))["flow_id"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure"
    flow_type, flow_id = result["next_flow"]
    assert flow_type == "config_flow"
    step = hass.config_entries.flow.async_get(flow_id)
    assert step["step_id"] == "reconfigure_cookie"
    # Handing over changes nothing yet: the issue stays until a good answer.
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None

    curl = (
        f"curl '{fake_claude.base_url}/api/organizations' "
        f"-H 'cookie: sessionKey={VALID_SESSION_KEY}; cf_clearance=abc123'"
    )
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_COOKIE: curl}
    )
    assert result["errors"] == {"base": "cloudflare_still_blocked"}
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_COOKIE: curl}
    )
    await hass.async_block_till_done()
    assert result["reason"] == "reconfigure_successful"
    assert "cf_clearance=abc123" in init_integration.data[CONF_COOKIE]
    assert init_integration.state is ConfigEntryState.LOADED
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert hass.states.get(SESSION_USAGE).state == "42.0"


async def test_entry_removed_while_the_fix_is_open(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """Submitting the explanation of an entry removed meanwhile opens nothing."""
    assert await async_setup_component(hass, "repairs", {})
    fake_claude.fail("cloudflare", times=2)
    await advance_time(60)
    result = await _fix(
        hass, entry_issue_id(Issue.CLOUDFLARE_BLOCKED, init_integration)
    )
    assert await hass.config_entries.async_remove(init_integration.entry_id)

    result = await _confirm(hass, result["flow_id"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "entry_removed"
    assert hass.config_entries.flow.async_progress_by_handler(DOMAIN) == []


async def test_fix_of_a_removed_entry(hass: HomeAssistant) -> None:
    """An issue whose entry is gone has nothing left to fix."""
    assert await async_setup_component(hass, "repairs", {})
    flow = await async_create_fix_flow(hass, "cloudflare_blocked_x", {"entry_id": "x"})
    flow.hass = hass
    result = await flow.async_step_init()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "entry_removed"
