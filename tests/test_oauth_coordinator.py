"""Entries signed in with Claude: token refresh, rotation, reauth, against the fake's OAuth."""

from __future__ import annotations

import asyncio
from datetime import timedelta
import json
import logging
from typing import Any

import aiohttp
from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.claude_usage.api import InvalidGrantError
from custom_components.claude_usage.const import CONF_CODE, CONF_OAUTH_TOKENS, DOMAIN
from custom_components.claude_usage.coordinator import cloudflare_issue_id
from custom_components.claude_usage.oauth_client import OAuthUsageClient
from tests.conftest import fake_oauth_client
from tests.fake_claude import ORG_UUID, FakeClaude
from tests.helpers import Advance, run_until

SESSION_USAGE = "sensor.claude_example_org_session_usage"


def _tokens(entry: MockConfigEntry) -> dict[str, Any]:
    return dict(entry.data[CONF_OAUTH_TOKENS])


def _secrets(entry: MockConfigEntry) -> set[str]:
    tokens = _tokens(entry)
    return {tokens["access_token"], tokens["refresh_token"]}


async def _set_up(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def test_refresh_before_expiry(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    oauth_config_entry: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """The access token is renewed 5 minutes before it expires, saved, without a reload."""
    expires_at = dt_util.utcnow() + timedelta(minutes=10)
    oauth_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        oauth_config_entry,
        data={
            **oauth_config_entry.data,
            CONF_OAUTH_TOKENS: _tokens(oauth_config_entry)
            | {"expires_at": expires_at.isoformat()},
        },
    )
    await _set_up(hass, oauth_config_entry)
    coordinator = oauth_config_entry.runtime_data
    first = _tokens(oauth_config_entry)
    assert fake_claude.oauth.usage_request_count == 1

    for _ in range(4):
        await advance_time(60)
    assert fake_claude.oauth.refresh_count == 0
    assert fake_claude.oauth.usage_request_count == 5

    await advance_time(60)  # 5 minutes before the expiry
    assert fake_claude.oauth.refresh_count == 1
    assert fake_claude.oauth.usage_request_count == 6
    second = _tokens(oauth_config_entry)
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert second["organization_uuid"] == ORG_UUID
    # Saving the rotated tokens did not reload the entry.
    assert oauth_config_entry.state is ConfigEntryState.LOADED
    assert oauth_config_entry.runtime_data is coordinator
    assert hass.states.get(SESSION_USAGE).state == "42.0"

    await advance_time(60)
    assert fake_claude.oauth.refresh_count == 1


async def test_refresh_after_401(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_oauth_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """An access token the API refuses is refreshed once and the request retried."""
    first = _tokens(init_oauth_integration)
    fake_claude.oauth.expire_access_tokens()
    await advance_time(60)
    assert fake_claude.oauth.refresh_count == 1
    assert fake_claude.oauth.usage_request_count == 3  # refused, then retried
    assert _tokens(init_oauth_integration)["refresh_token"] != first["refresh_token"]
    assert hass.states.get(SESSION_USAGE).state == "42.0"


@pytest.mark.parametrize("lifetime", [float("nan"), float("inf"), 1e300, "soon"])
async def test_odd_token_lifetime_keeps_the_rotated_pair(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_oauth_integration: MockConfigEntry,
    advance_time: Advance,
    lifetime: object,
) -> None:
    """A refresh answer with an expires_in of NaN, Infinity or 1e300 still saves the new pair.

    The token endpoint rotated the pair already: losing it would mean signing in again.
    """
    first = _tokens(init_oauth_integration)
    fake_claude.oauth.access_token_lifetime = lifetime  # type: ignore[assignment]
    fake_claude.oauth.expire_access_tokens()
    await advance_time(60)
    assert fake_claude.oauth.refresh_count == 1
    saved = _tokens(init_oauth_integration)
    assert saved["refresh_token"] != first["refresh_token"]
    assert hass.states.get(SESSION_USAGE).state == "42.0"

    # The saved pair is the live one: the next refresh uses it and works.
    fake_claude.oauth.expire_access_tokens()
    await advance_time(60)
    assert fake_claude.oauth.refresh_count == 2
    assert fake_claude.oauth.refused_refresh_count == 0
    assert hass.states.get(SESSION_USAGE).state == "42.0"


async def test_no_refresh_on_429(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_oauth_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """A 429 waits for Retry-After and never spends the refresh token."""
    first = _tokens(init_oauth_integration)
    fake_claude.oauth.fail("rate_limit", times=1, retry_after=600)
    await advance_time(60)
    coordinator = init_oauth_integration.runtime_data
    assert coordinator.last_exception.translation_key == "rate_limited"
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE
    assert fake_claude.oauth.usage_request_count == 2

    for _ in range(9):
        await advance_time(60)
    assert fake_claude.oauth.usage_request_count == 2
    await advance_time(60)
    assert fake_claude.oauth.usage_request_count == 3
    assert hass.states.get(SESSION_USAGE).state == "42.0"
    assert fake_claude.oauth.token_request_count == 1  # the fixture's code exchange
    assert _tokens(init_oauth_integration) == first


async def test_rotation_survives_restart(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_oauth_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """After a refresh and a restart the stored (rotated) refresh token is the one used."""
    entry = init_oauth_integration
    old_refresh_token = _tokens(entry)["refresh_token"]
    fake_claude.oauth.expire_access_tokens()
    await advance_time(60)
    assert fake_claude.oauth.refresh_count == 1

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    # The token the entry started with is dead: reusing it would fail.
    with pytest.raises(InvalidGrantError):
        await fake_oauth_client(hass, fake_claude).async_refresh(old_refresh_token)
    assert fake_claude.oauth.refused_refresh_count == 1

    fake_claude.oauth.expire_access_tokens()
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    await advance_time(60)
    assert fake_claude.oauth.refresh_count == 2
    assert fake_claude.oauth.refused_refresh_count == 1
    assert hass.states.get(SESSION_USAGE).state == "42.0"


async def _poll_into_slow_refresh(
    hass: HomeAssistant, fake: FakeClaude, freezer: FrozenDateTimeFactory
) -> None:
    """Start a poll that meets a refused token and waits on a slow token endpoint."""
    fake.oauth.expire_access_tokens()
    fake.oauth.fail("slow", target="token", times=1, delay=1)
    freezer.tick(timedelta(seconds=60))
    async_fire_time_changed(hass)
    await run_until(freezer, lambda: fake.oauth.token_request_count == 2)
    assert fake.oauth.refresh_count == 0


async def test_removal_during_refresh(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_oauth_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Removing the entry while a refresh is under way lets it end quietly."""
    entry = init_oauth_integration
    await _poll_into_slow_refresh(hass, fake_claude, freezer)
    assert await hass.config_entries.async_remove(entry.entry_id)
    await run_until(freezer, lambda: fake_claude.oauth.refresh_count == 1)
    await run_until(freezer, lambda: fake_claude.oauth.usage_request_count == 3)
    await hass.async_block_till_done()
    assert hass.config_entries.async_get_entry(entry.entry_id) is None
    assert "Traceback" not in caplog.text


async def test_reload_during_refresh_waits_for_it(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_oauth_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A reload while a refresh is under way neither cuts it off nor asks again."""
    entry = init_oauth_integration
    client = entry.runtime_data.client
    await _poll_into_slow_refresh(hass, fake_claude, freezer)

    reload = hass.async_create_task(hass.config_entries.async_reload(entry.entry_id))
    # The cancelled poll's request, refused, then retried with the refreshed token;
    # the new coordinator reuses the last usage (a request went out just now).
    await run_until(
        freezer,
        lambda: reload.done() and fake_claude.oauth.usage_request_count == 3,
    )
    assert reload.result()
    await hass.async_block_till_done(wait_background_tasks=True)
    assert fake_claude.oauth.usage_request_count == 3
    assert entry.state is ConfigEntryState.LOADED
    assert entry.runtime_data.client is client
    assert fake_claude.oauth.token_request_count == 2
    assert fake_claude.oauth.refresh_count == 1
    assert fake_claude.oauth.refused_refresh_count == 0
    assert _tokens(entry) == client.manager.tokens.as_dict()
    assert hass.states.get(SESSION_USAGE).state == "42.0"


async def test_concurrent_refreshes_collapse(
    fake_claude: FakeClaude, init_oauth_integration: MockConfigEntry
) -> None:
    """Requests that all meet a refused token share one refresh."""
    client = init_oauth_integration.runtime_data.client
    assert isinstance(client, OAuthUsageClient)
    fake_claude.oauth.expire_access_tokens()
    usages = await asyncio.gather(*(client.async_get_usage(ORG_UUID) for _ in range(4)))
    assert len(usages) == 4
    assert fake_claude.oauth.refresh_count == 1
    assert _tokens(init_oauth_integration) == client.manager.tokens.as_dict()


async def test_revoked_refresh_token_starts_reauth(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_oauth_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """A refresh token Claude refuses asks the user to sign in again, once."""
    fake_claude.oauth.revoke_refresh_tokens()
    fake_claude.oauth.expire_access_tokens()
    await advance_time(60)
    assert fake_claude.oauth.refused_refresh_count == 1
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == ["reauth"]
    assert flows[0]["step_id"] == "reauth_oauth"

    for _ in range(3):
        await advance_time(60)
    assert fake_claude.oauth.refused_refresh_count == 1  # no more refreshes

    # Signing in again brings the entry back.
    result = await hass.config_entries.flow.async_configure(flows[0]["flow_id"])
    link = result["description_placeholders"]["authorize_url"]
    async with aiohttp.ClientSession() as session, session.get(link) as response:
        pasted = await response.text()
    result = await hass.config_entries.flow.async_configure(
        flows[0]["flow_id"], {CONF_CODE: pasted}
    )
    await hass.async_block_till_done()
    assert result["reason"] == "reauth_successful"
    assert init_oauth_integration.state is ConfigEntryState.LOADED


async def test_authentication_failure_at_setup(
    hass: HomeAssistant, fake_claude: FakeClaude, oauth_config_entry: MockConfigEntry
) -> None:
    """Tokens Claude refuses at setup ask the user to sign in with Claude again."""
    fake_claude.oauth.revoke_refresh_tokens()
    fake_claude.oauth.expire_access_tokens()
    await _set_up(hass, oauth_config_entry)
    assert oauth_config_entry.state is ConfigEntryState.SETUP_ERROR
    assert oauth_config_entry.reason == (
        "Claude no longer accepts the sign-in; sign in with Claude again"
    )
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["step_id"] for flow in flows] == ["reauth_oauth"]


@pytest.mark.parametrize(
    "tokens",
    [None, {}, {"access_token": "a", "refresh_token": "r", "expires_at": "soon"}],
    ids=["missing", "empty", "unreadable-expiry"],
)
async def test_unreadable_tokens_start_reauth(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    oauth_config_entry: MockConfigEntry,
    tokens: dict[str, Any] | None,
) -> None:
    """Stored tokens that cannot be read ask for a new sign-in without any request."""
    data = dict(oauth_config_entry.data)
    if tokens is None:
        del data[CONF_OAUTH_TOKENS]
    else:
        data[CONF_OAUTH_TOKENS] = tokens
    entry = MockConfigEntry(
        domain=DOMAIN, title=oauth_config_entry.title, unique_id=ORG_UUID, data=data
    )
    requests_before = fake_claude.oauth.token_request_count
    await _set_up(hass, entry)
    assert entry.state is ConfigEntryState.SETUP_ERROR
    assert (
        entry.reason == "The stored sign-in cannot be read; sign in with Claude again"
    )
    assert fake_claude.oauth.token_request_count == requests_before
    assert fake_claude.oauth.usage_request_count == 0


async def test_refresh_refused_otherwise_backs_off(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_oauth_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """A refresh refused for another reason than invalid_grant backs off and retries."""
    fake_claude.oauth.client_id = "someone-else"
    fake_claude.oauth.expire_access_tokens()
    await advance_time(60)
    coordinator = init_oauth_integration.runtime_data
    assert coordinator.last_exception.translation_key == "token_refresh_failed"
    assert init_oauth_integration.state is ConfigEntryState.LOADED
    assert hass.config_entries.flow.async_progress_by_handler(DOMAIN) == []

    fake_claude.oauth.client_id = "9d1c250a-e61b-44d9-88ed-5944d1962f5e"
    await advance_time(120)
    assert coordinator.last_update_success
    assert fake_claude.oauth.refresh_count == 1


async def test_cloudflare_repair_for_oauth(
    hass: HomeAssistant,
    issue_registry: ir.IssueRegistry,
    fake_claude: FakeClaude,
    init_oauth_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """A Cloudflare challenge on the OAuth API raises its own repair issue."""
    fake_claude.oauth.fail("cloudflare", times=1)
    await advance_time(60)
    issue = issue_registry.async_get_issue(
        DOMAIN, cloudflare_issue_id(init_oauth_integration)
    )
    assert issue is not None
    assert issue.translation_key == "cloudflare_blocked_oauth"
    assert issue.translation_placeholders == {
        "title": "Example Org",
        "url": fake_claude.base_url,
    }
    assert fake_claude.oauth.refresh_count == 0


async def test_tokens_never_logged_nor_in_diagnostics(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    *,
    fake_claude: FakeClaude,
    oauth_config_entry: MockConfigEntry,
    advance_time: Advance,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Neither the debug log nor the diagnostics show an access or refresh token."""
    caplog.set_level(logging.DEBUG)
    secrets = _secrets(oauth_config_entry)
    await _set_up(hass, oauth_config_entry)
    fake_claude.oauth.expire_access_tokens()
    await advance_time(60)
    assert fake_claude.oauth.refresh_count == 1
    secrets |= _secrets(oauth_config_entry)
    assert len(secrets) == 4
    assert "Refreshing the Claude OAuth access token" in caplog.text

    diagnostics = await get_diagnostics_for_config_entry(
        hass, hass_client, oauth_config_entry
    )
    assert diagnostics["entry"]["data"][CONF_OAUTH_TOKENS] == "**REDACTED**"
    assert diagnostics["entry"]["data"]["auth_type"] == "oauth"
    dumped = json.dumps(diagnostics)
    for secret in secrets:
        assert secret not in caplog.text
        assert secret not in dumped
