"""Setting up, unloading and removing a config entry."""

from __future__ import annotations

import json
from pathlib import Path

from aiohttp import DummyCookieJar
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import EVENT_HOMEASSISTANT_CLOSE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.claude_usage.account import DATA_ACCOUNTS
from custom_components.claude_usage.const import CONF_COOKIE, CONF_USER_AGENT, DOMAIN
from custom_components.claude_usage.coordinator import ClaudeUsageCoordinator
from custom_components.claude_usage.frontend import DATA_CARD_URL
from custom_components.claude_usage.issues import Issue, issue_id as entry_issue_id
from custom_components.claude_usage.session import async_get_session
from tests.fake_claude import ORG_UUID, VALID_SESSION_KEY, FakeClaude
from tests.helpers import Advance


async def test_load_and_unload(
    hass: HomeAssistant, fake_claude: FakeClaude, init_integration: MockConfigEntry
) -> None:
    """The entry loads with one request, serves the card, and unloads."""
    entry = init_integration
    assert entry.state is ConfigEntryState.LOADED
    assert isinstance(entry.runtime_data, ClaudeUsageCoordinator)
    assert fake_claude.usage_request_count() == 1
    assert hass.data[DATA_CARD_URL].startswith("/claude_usage/claude-usage-card.js?v=")

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.NOT_LOADED


async def test_user_agent_and_session(
    hass: HomeAssistant, fake_claude: FakeClaude, mock_config_entry: MockConfigEntry
) -> None:
    """Requests carry the stored browser User-Agent, over a session without cookie jar."""
    user_agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry,
        data={**mock_config_entry.data, CONF_USER_AGENT: user_agent},
    )
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert fake_claude.requests[-1].headers["User-Agent"] == user_agent

    session = async_get_session(hass)
    assert session is async_get_session(hass)
    assert isinstance(session.cookie_jar, DummyCookieJar)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_CLOSE)
    await hass.async_block_till_done()
    assert session.closed


async def test_setup_retries_when_claude_fails(
    hass: HomeAssistant, fake_claude: FakeClaude, mock_config_entry: MockConfigEntry
) -> None:
    """A failing first refresh leaves the entry to be retried."""
    fake_claude.fail("server_error")
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert mock_config_entry.state is ConfigEntryState.SETUP_RETRY
    assert mock_config_entry.reason == (
        "claude.ai answered with server error 500. The next attempt is in 120 seconds"
    )


async def test_setup_retry_waits_for_retry_after(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    mock_config_entry: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """Setup retries do not ask claude.ai before a 429's Retry-After has passed."""
    fake_claude.fail("rate_limit", times=1, retry_after=600)
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert mock_config_entry.state is ConfigEntryState.SETUP_RETRY
    assert fake_claude.usage_request_count() == 1

    elapsed = 0
    while mock_config_entry.state is not ConfigEntryState.LOADED:
        assert elapsed < 1800, "the entry never loaded"
        await advance_time(10)
        elapsed += 10
        if elapsed < 600:
            assert fake_claude.usage_request_count() == 1
    assert fake_claude.usage_request_count() == 2


async def test_setup_authentication_failure_starts_reauth(
    hass: HomeAssistant, fake_claude: FakeClaude, mock_config_entry: MockConfigEntry
) -> None:
    """A session claude.ai refuses at setup asks the user to sign in again."""
    fake_claude.valid_session_keys.discard(VALID_SESSION_KEY)
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert mock_config_entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == ["reauth"]


async def test_setup_unreadable_cookie_starts_reauth(
    hass: HomeAssistant, fake_claude: FakeClaude, mock_config_entry: MockConfigEntry
) -> None:
    """A stored cookie that cannot be read asks for a new one without any request."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title=mock_config_entry.title,
        unique_id=ORG_UUID,
        data={**mock_config_entry.data, CONF_COOKIE: "nonsense"},
    )
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == ["reauth"]
    assert fake_claude.requests == []


async def test_remove_entry_forgets_organization(
    hass: HomeAssistant,
    issue_registry: ir.IssueRegistry,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """Removing the entry drops its kept state and its repair issue."""
    fake_claude.fail("cloudflare")
    await advance_time(60)
    issue_id = entry_issue_id(Issue.CLOUDFLARE_BLOCKED, init_integration)
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    assert ORG_UUID in hass.data[DATA_ACCOUNTS]

    assert await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert ORG_UUID not in hass.data[DATA_ACCOUNTS]


def test_translation_matches_strings() -> None:
    """translations/en.json is strings.json, word for word."""
    folder = Path(__file__).parent.parent / "custom_components" / "claude_usage"
    strings = json.loads((folder / "strings.json").read_text())
    assert json.loads((folder / "translations" / "en.json").read_text()) == strings
