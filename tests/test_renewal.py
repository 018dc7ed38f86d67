"""claude.ai renews the session cookie with Set-Cookie: the entries keep every renewal.

A pasted ``sessionKey`` expires 28 days after it was issued; claude.ai hands out a
new one in ``Set-Cookie`` (steipete/CodexBar PR #1537), and a client that ignores it
loses the account at its next restart (prime-radiant-inc/agentic-usage-meter #15).
"""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.claude_usage.api import parse_credentials
from custom_components.claude_usage.const import (
    CONF_COOKIE,
    CONF_ORG_UUID,
    CONF_USER_AGENT,
    DOMAIN,
)
from custom_components.claude_usage.renewal import async_get_renewals
from tests.fake_claude import ORG_UUID, VALID_SESSION_KEY, FakeClaude
from tests.helpers import Advance, add_sibling_organization

NEW_KEY = "sk-ant-sid01-" + "RenewedLoopbackSessionKey987654" * 2 + "-TestAA"
NEWER_KEY = "sk-ant-sid01-" + "RenewedAgainLoopbackSessionKey1" * 2 + "-TestAA"
SESSION_USAGE = "sensor.claude_example_org_session_usage"


def _stored_key(entry: MockConfigEntry) -> str:
    return parse_credentials(entry.data[CONF_COOKIE]).session_key


def _sent_key_of(request: Any) -> str:
    return parse_credentials(request.headers["Cookie"]).session_key


def _sent_key(fake: FakeClaude) -> str:
    return _sent_key_of(fake.requests[-1])


async def test_renewed_key_is_saved_and_used(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A renewal is stored in the entry at once and signs every later request.

    The fake refuses the old key after the renewal, so a reload that went back to
    the pasted key would fail; it does not, and no log line shows a key.
    """
    fake_claude.renew_session(NEW_KEY, grace=0, cf_bm="bm-1700000000-1.0.1.1-x")
    await advance_time(60)
    assert _stored_key(init_integration) == NEW_KEY
    assert "__cf_bm=bm-1700000000-1.0.1.1-x" in init_integration.data[CONF_COOKIE]

    await advance_time(60)
    assert _sent_key(fake_claude) == NEW_KEY
    assert hass.states.get(SESSION_USAGE).state == "42.0"

    # A restart (reload) starts from what is stored.
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await advance_time(60)
    assert init_integration.state is ConfigEntryState.LOADED
    assert _sent_key(fake_claude) == NEW_KEY
    # It renews again later.
    fake_claude.renew_session(NEWER_KEY, grace=0)
    await advance_time(60)
    await advance_time(60)
    assert _stored_key(init_integration) == NEWER_KEY
    assert _sent_key(fake_claude) == NEWER_KEY
    assert hass.states.get(SESSION_USAGE).state == "42.0"
    for key in (VALID_SESSION_KEY, NEW_KEY, NEWER_KEY):
        assert key not in caplog.text


async def test_renewal_keeps_the_entrys_other_cookies_and_user_agent(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    mock_config_entry: MockConfigEntry,
    advance_time: Advance,
    usage_payload: dict[str, Any],
) -> None:
    """Only the renewed cookies change; cf_clearance and the User-Agent stay."""
    fake_claude.set_usage(usage_payload)
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry,
        data={
            **mock_config_entry.data,
            CONF_COOKIE: f"sessionKey={VALID_SESSION_KEY}; cf_clearance=cl-1; "
            f"lastActiveOrg={ORG_UUID}",
            CONF_USER_AGENT: "Mozilla/5.0 (X11) Firefox/145.0",
        },
    )
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    fake_claude.renew_session(NEW_KEY, grace=0)
    await advance_time(60)

    assert mock_config_entry.data[CONF_COOKIE] == (
        f"sessionKey={NEW_KEY}; cf_clearance=cl-1; lastActiveOrg={ORG_UUID}"
    )
    assert mock_config_entry.data[CONF_USER_AGENT] == "Mozilla/5.0 (X11) Firefox/145.0"
    await advance_time(60)
    assert fake_claude.requests[-1].headers["User-Agent"] == (
        "Mozilla/5.0 (X11) Firefox/145.0"
    )


async def test_organizations_of_one_cookie_share_the_renewal(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    usage_payload: dict[str, Any],
) -> None:
    """The renewal one organization's poll received is stored in, and signs, its sibling."""
    sibling = await add_sibling_organization(
        hass, fake_claude, init_integration, usage_payload
    )
    unrelated = MockConfigEntry(
        domain=DOMAIN,
        title="Elsewhere",
        unique_id="c0ffee00-0000-4000-8000-000000000000",
        data={
            **init_integration.data,
            CONF_COOKIE: "sessionKey=sk-ant-sid01-AnotherSessionAltogether-AA",
            CONF_ORG_UUID: "c0ffee00-0000-4000-8000-000000000000",
        },
    )
    unrelated.add_to_hass(hass)
    # An entry without a cookie (made with the withdrawn Sign in with Claude).
    MockConfigEntry(domain=DOMAIN, data={CONF_ORG_UUID: ORG_UUID}).add_to_hass(hass)
    # Both organizations ask at once: the old key still works for the sibling's
    # request that crossed the renewal, as claude.ai lets an old key live a while.
    fake_claude.renew_session(NEW_KEY, grace=1)

    await advance_time(60)

    assert _stored_key(init_integration) == NEW_KEY
    assert _stored_key(sibling) == NEW_KEY
    assert _stored_key(unrelated) == "sk-ant-sid01-AnotherSessionAltogether-AA"
    await advance_time(60)
    assert hass.states.get(SESSION_USAGE).state == "42.0"
    assert hass.states.get("sensor.claude_second_org_session_usage").state == "42.0"
    assert all(
        _sent_key_of(request) == NEW_KEY for request in fake_claude.requests[-2:]
    )


async def test_cloudflare_renewal_alone_is_saved(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Cloudflare's own cookies are kept when renewed, also without a new session key."""
    key = _stored_key(init_integration)
    renewals = async_get_renewals(hass, key)

    renewals.take(parse_credentials(key), {"__cf_bm": "bm-2", "cf_clearance": "cl-3"})

    assert init_integration.data[CONF_COOKIE] == (
        f"sessionKey={key}; cf_clearance=cl-3; __cf_bm=bm-2"
    )
    assert async_get_renewals(hass, key) is renewals
