"""The coordinator against the fake claude.ai: polling, failures, backoff, Retry-After."""

from __future__ import annotations

import asyncio
from datetime import timedelta
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.claude_usage.account import async_rate_limited_until
from custom_components.claude_usage.api import Usage
from custom_components.claude_usage.const import (
    CONF_COOKIE,
    CONF_ORG_UUID,
    CONF_SCAN_INTERVAL,
    DOMAIN,
)
from custom_components.claude_usage.issues import Issue, issue_id as entry_issue_id
from tests.fake_claude import ORG_UUID, SECOND_ORG_UUID, VALID_SESSION_KEY, FakeClaude
from tests.helpers import Advance, add_sibling_organization, run_until

SESSION_USAGE = "sensor.claude_example_org_session_usage"


async def _wait_for_next_request(
    fake: FakeClaude, advance: Advance, *, step: float = 1, limit: float = 1800
) -> float:
    """Advance the clock in steps until the fake sees one more usage request; return the wait."""
    count = fake.usage_request_count()
    waited = 0.0
    while fake.usage_request_count() == count:
        assert waited < limit, "no request within the limit"
        await advance(step)
        waited += step
    assert fake.usage_request_count() == count + 1
    return waited


async def test_one_request_per_interval(
    fake_claude: FakeClaude, init_integration: MockConfigEntry, advance_time: Advance
) -> None:
    """Every 60 s by default, one usage request, nothing in between."""
    assert fake_claude.usage_request_count() == 1
    for _ in range(3):
        assert await _wait_for_next_request(fake_claude, advance_time) == 60


async def test_manual_refresh_storm(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """update_entity reaches claude.ai at most once per 30 s, however often it is called."""
    assert await async_setup_component(hass, "homeassistant", {})

    async def storm() -> None:
        for _ in range(20):
            await hass.services.async_call(
                "homeassistant",
                "update_entity",
                {"entity_id": SESSION_USAGE},
                blocking=True,
            )
        await hass.async_block_till_done()

    await storm()
    assert fake_claude.usage_request_count() == 1  # the setup's request is too recent

    await advance_time(31)
    await storm()
    assert fake_claude.usage_request_count() == 2  # one request for twenty calls

    await advance_time(29)
    assert fake_claude.usage_request_count() == 2  # the debouncer adds nothing later
    await storm()
    assert fake_claude.usage_request_count() == 2


async def test_reload_storm_reuses_fresh_usage(
    hass: HomeAssistant, fake_claude: FakeClaude, init_integration: MockConfigEntry
) -> None:
    """Reloading the entry again and again does not ask claude.ai again."""
    for _ in range(5):
        assert await hass.config_entries.async_reload(init_integration.entry_id)
        await hass.async_block_till_done()
    assert fake_claude.usage_request_count() == 1
    assert hass.states.get(SESSION_USAGE).state == "42.0"


async def test_reload_during_poll_asks_no_again(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    advance_time: Advance,
) -> None:
    """A reload that cancels a poll in flight reuses the last usage instead of asking again."""

    fake_claude.fail("slow", times=1, delay=5)
    freezer.tick(timedelta(seconds=60))
    async_fire_time_changed(hass)
    await run_until(freezer, lambda: fake_claude.usage_request_count() == 2)

    reload = hass.async_create_task(
        hass.config_entries.async_reload(init_integration.entry_id)
    )
    await run_until(freezer, reload.done)
    assert reload.result()
    await hass.async_block_till_done()
    assert fake_claude.usage_request_count() == 2
    assert hass.states.get(SESSION_USAGE).state == "42.0"
    assert await _wait_for_next_request(fake_claude, advance_time) == 60


@pytest.mark.parametrize(
    "case", [("server_error", 120), ("rate_limit", 600)], ids=["backoff", "429"]
)
async def test_reload_during_a_wait_keeps_what_was_known(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    case: tuple[str, int],
) -> None:
    """Saving options (a reload) during a wait is no failed setup; the wait is honoured.

    The entities stay as before the reload (unavailable, their last values in the
    recorder), the Status keeps its cause, and one request goes out when the wait ends.
    """
    mode, wait = case
    status = "sensor.claude_example_org_status"
    fake_claude.fail(mode, times=1, retry_after=600)  # type: ignore[arg-type]
    await advance_time(60)
    cause = hass.states.get(status).state
    assert cause != "ok"
    retry_at = hass.states.get(status).attributes["retry_at"]

    hass.config_entries.async_update_entry(
        init_integration, options={CONF_SCAN_INTERVAL: 120}
    )
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()

    assert init_integration.state is ConfigEntryState.LOADED
    assert fake_claude.usage_request_count() == 2
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE
    assert hass.states.get(status).state == cause
    assert hass.states.get(status).attributes["retry_at"] == retry_at
    assert await _wait_for_next_request(fake_claude, advance_time) == wait
    assert hass.states.get(SESSION_USAGE).state == "42.0"
    assert hass.states.get(status).state == "ok"


@pytest.mark.parametrize("forbidden", [False, True], ids=["401", "403-json"])
async def test_authentication_failure_starts_reauth(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    forbidden: bool,
) -> None:
    """A refused session makes the sensors unavailable, starts reauth and stops polling."""
    if forbidden:
        fake_claude.fail("forbidden")
    else:
        fake_claude.valid_session_keys.discard(VALID_SESSION_KEY)
    await advance_time(60)
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE
    coordinator = init_integration.runtime_data
    assert coordinator.last_exception.translation_key == "authentication_failed"
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == ["reauth"]
    count = fake_claude.usage_request_count()
    await advance_time(3600)
    assert fake_claude.usage_request_count() == count

    # Manual refreshes wait for the new sign-in too.
    assert await async_setup_component(hass, "homeassistant", {})
    await hass.services.async_call(
        "homeassistant", "update_entity", {"entity_id": SESSION_USAGE}, blocking=True
    )
    await hass.async_block_till_done()
    assert fake_claude.usage_request_count() == count


async def test_timeout(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """A request without an answer for 30 s fails and backs off like a connection error."""
    fake_claude.fail("slow", times=1, delay=600)
    freezer.tick(60)
    async_fire_time_changed(hass)
    # Let the request reach the fake; the frozen clock rules out timed sleeps.
    for _ in range(1000):
        if fake_claude.usage_request_count() == 2:
            break
        await asyncio.sleep(0)
    assert fake_claude.usage_request_count() == 2
    freezer.tick(31)
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    coordinator = init_integration.runtime_data
    assert coordinator.last_exception.translation_key == "connection_error"
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE

    assert await _wait_for_next_request(fake_claude, advance_time) == 120
    assert hass.states.get(SESSION_USAGE).state == "42.0"


async def test_cloudflare_repair_issue(
    hass: HomeAssistant,
    issue_registry: ir.IssueRegistry,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """A Cloudflare block raises a repair issue that goes away after the next success."""
    issue_id = entry_issue_id(Issue.CLOUDFLARE_BLOCKED, init_integration)
    fake_claude.fail("cloudflare")
    await advance_time(60)
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "cloudflare_blocked"
    assert issue.translation_placeholders == {"title": init_integration.title}
    coordinator = init_integration.runtime_data
    assert coordinator.last_exception.translation_key == "cloudflare_blocked"

    fake_claude.clear_failure()
    assert await _wait_for_next_request(fake_claude, advance_time) == 120
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert hass.states.get(SESSION_USAGE).state == "42.0"


async def test_organization_refused_from_this_network(
    hass: HomeAssistant,
    issue_registry: ir.IssueRegistry,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """A 403 "Invalid authorization for organization" is no expired cookie.

    Its own status and repair, the backoff, and no reauthentication: the cookie stays.
    """
    status = "sensor.claude_example_org_status"
    issue_id = entry_issue_id(Issue.ACCESS_DENIED, init_integration)
    cookie = init_integration.data[CONF_COOKIE]
    fake_claude.fail("access_denied")
    await advance_time(60)

    assert hass.states.get(status).state == "access_denied"
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert not issue.is_fixable
    assert issue.translation_placeholders == {"title": init_integration.title}
    assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert init_integration.state is ConfigEntryState.LOADED
    assert init_integration.data[CONF_COOKIE] == cookie
    assert await _wait_for_next_request(fake_claude, advance_time) == 120
    assert await _wait_for_next_request(fake_claude, advance_time) == 240
    assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)

    fake_claude.clear_failure()
    await _wait_for_next_request(fake_claude, advance_time)
    assert hass.states.get(status).state == "ok"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert hass.states.get(SESSION_USAGE).state == "42.0"


@pytest.mark.parametrize(
    ("retry_after", "expected_wait"),
    [(600, 600), ("", 300), ("inf", 300), ("0", 300), (5, 60)],
    ids=[
        "retry-after",
        "unreadable-retry-after",
        "infinite-retry-after",
        "retry-after-zero-is-no-hint",
        "retry-after-below-interval",
    ],
)
async def test_rate_limit_honours_retry_after(
    hass: HomeAssistant,
    *,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    retry_after: int | str,
    expected_wait: int,
) -> None:
    """After a 429 the next request waits Retry-After (5 min if absent, one interval at least)."""
    assert await async_setup_component(hass, "homeassistant", {})
    fake_claude.fail("rate_limit", times=1, retry_after=retry_after)
    await advance_time(60)
    assert fake_claude.usage_request_count() == 2
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE
    coordinator = init_integration.runtime_data
    assert coordinator.last_exception.translation_key == "rate_limited"

    await advance_time(45)
    await hass.services.async_call(
        "homeassistant", "update_entity", {"entity_id": SESSION_USAGE}, blocking=True
    )
    assert fake_claude.usage_request_count() == 2  # a manual refresh must wait too

    assert await _wait_for_next_request(fake_claude, advance_time) == expected_wait - 45
    assert hass.states.get(SESSION_USAGE).state == "42.0"
    assert await _wait_for_next_request(fake_claude, advance_time) == 60


async def test_rate_limit_wait_capped_at_a_day(
    fake_claude: FakeClaude, init_integration: MockConfigEntry, advance_time: Advance
) -> None:
    """An absurd Retry-After waits a day, not forever (and does not overflow)."""
    fake_claude.fail("rate_limit", times=1, retry_after="1e12")
    await advance_time(60)
    coordinator = init_integration.runtime_data
    assert coordinator.last_exception.translation_key == "rate_limited"
    assert coordinator.last_exception.translation_placeholders == {"wait": "86400"}
    await advance_time(86_399)
    assert fake_claude.usage_request_count() == 2
    assert await _wait_for_next_request(fake_claude, advance_time) == 1


@pytest.mark.parametrize("retry_after", ["", "0"])
async def test_repeated_rate_limits_wait_longer(
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    retry_after: str,
) -> None:
    """429s without a usable Retry-After wait 5 minutes, then the backoff once it is longer.

    ``retry-after: 0`` is what Anthropic's endpoints have sent with persistent 429s.
    """
    fake_claude.fail("rate_limit", retry_after=retry_after)
    await advance_time(60)
    waits = [
        await _wait_for_next_request(fake_claude, advance_time, step=10)
        for _ in range(4)
    ]
    assert waits == [300, 300, 480, 900]


async def test_rate_limit_holds_the_sessions_other_organizations(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    usage_payload: dict[str, Any],
) -> None:
    """claude.ai limits the session: a 429 for one organization pauses its siblings too."""
    await advance_time(30)
    sibling = await add_sibling_organization(
        hass, fake_claude, init_integration, usage_payload
    )
    await hass.async_block_till_done()
    assert fake_claude.usage_request_count(SECOND_ORG_UUID) == 1
    # An entry whose cookie cannot be read (it waits for reauthentication) is skipped.
    MockConfigEntry(
        domain=DOMAIN,
        unique_id="unreadable",
        data={CONF_COOKIE: "not a cookie", CONF_ORG_UUID: "unreadable"},
    ).add_to_hass(hass)

    fake_claude.fail("rate_limit", times=1, retry_after=600)
    await advance_time(30)
    assert fake_claude.usage_request_count(ORG_UUID) == 2
    assert init_integration.runtime_data.last_exception.translation_key == (
        "rate_limited"
    )
    # The sibling's polls (every 60 s, 30 s after the first entry's) wait too.
    for _ in range(9):
        await advance_time(60)
    assert fake_claude.usage_request_count(SECOND_ORG_UUID) == 1
    assert sibling.runtime_data.last_exception.translation_key == "waiting"
    # The wait left, in seconds (not a raw timestamp: the message is shown as is).
    assert sibling.runtime_data.last_exception.translation_placeholders == {
        "wait": "540"
    }
    assert async_rate_limited_until(hass, "unreadable") is None
    await advance_time(60)
    assert fake_claude.usage_request_count(SECOND_ORG_UUID) == 2
    assert sibling.runtime_data.last_update_success


async def test_server_errors_back_off(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """Consecutive 5xx double the wait up to 15 minutes; a success restores 60 s."""
    fake_claude.fail("server_error", status=503)
    await advance_time(60)
    coordinator = init_integration.runtime_data
    assert coordinator.last_exception.translation_key == "server_error"
    assert coordinator.last_exception.translation_placeholders == {
        "status": "503",
        "wait": "120",
    }
    waits = [
        await _wait_for_next_request(fake_claude, advance_time, step=10)
        for _ in range(5)
    ]
    assert waits == [120, 240, 480, 900, 900]

    fake_claude.clear_failure()
    assert await _wait_for_next_request(fake_claude, advance_time, step=10) == 900
    assert hass.states.get(SESSION_USAGE).state == "42.0"
    assert await _wait_for_next_request(fake_claude, advance_time) == 60


@pytest.mark.parametrize(
    ("mode", "translation_key"),
    [
        ("disconnect", "connection_error"),
        ("bad_json", "unexpected_response"),
        ("bad_shape", "unexpected_response"),
        ("server_error", "server_error"),
    ],
)
async def test_failure_modes(
    hass: HomeAssistant,
    *,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    mode: str,
    translation_key: str,
) -> None:
    """Each failure makes the sensors unavailable with a translated error, then recovers."""
    fake_claude.fail(mode, times=1)
    await advance_time(60)
    coordinator = init_integration.runtime_data
    assert not coordinator.last_update_success
    assert coordinator.last_exception.translation_domain == DOMAIN
    assert coordinator.last_exception.translation_key == translation_key
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE

    assert await _wait_for_next_request(fake_claude, advance_time) == 120
    assert coordinator.last_update_success
    assert hass.states.get(SESSION_USAGE).state == "42.0"


async def test_unavailability_logged_once(
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Three failures in a row log one error; the recovery logs one line."""
    fake_claude.fail("server_error", times=3)
    for _ in range(3):
        await _wait_for_next_request(fake_claude, advance_time, step=10)
    await _wait_for_next_request(fake_claude, advance_time, step=10)
    assert caplog.text.count("Error fetching claude_usage data") == 1
    assert caplog.text.count("Fetching claude_usage data recovered") == 1


ODD_ANSWERS = {
    "deeply-nested": b"[" * 100_000 + b"]" * 100_000,
    "error-object": (
        b'{"type": "error", "error": {"type": "overloaded_error", "message": "x"}}'
    ),
    "unrelated-json": b'{"unexpected": true}',
    "empty-object": b"{}",
    "too-large": b" " * (1024 * 1024 + 1),
}


@pytest.mark.parametrize("body", ODD_ANSWERS.values(), ids=ODD_ANSWERS.keys())
async def test_odd_answers_back_off_and_lose_nothing(
    hass: HomeAssistant,
    *,
    issue_registry: ir.IssueRegistry,
    entity_registry: er.EntityRegistry,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    usage_payload: dict[str, Any],
    body: bytes,
) -> None:
    """A 200 that is no usage answer is an unexpected answer: the backoff goes on.

    The Cloudflare repair and the failure count stay, and a reload removes no entity.
    """
    entities = er.async_entries_for_config_entry(
        entity_registry, init_integration.entry_id
    )
    fake_claude.fail("cloudflare", times=1)
    await advance_time(60)
    fake_claude.set_usage_body(body)
    assert await _wait_for_next_request(fake_claude, advance_time, step=10) == 120
    coordinator = init_integration.runtime_data
    assert coordinator.last_exception.translation_key == "unexpected_response"
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE
    assert issue_registry.async_get_issue(
        DOMAIN, entry_issue_id(Issue.CLOUDFLARE_BLOCKED, init_integration)
    )
    assert await _wait_for_next_request(fake_claude, advance_time, step=10) == 240

    # A reload during the wait retries the setup later, and removes no entity.
    await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert (
        er.async_entries_for_config_entry(entity_registry, init_integration.entry_id)
        == entities
    )
    fake_claude.set_usage(usage_payload)
    await _wait_for_next_request(fake_claude, advance_time, step=10)
    await hass.async_block_till_done()
    assert init_integration.state is ConfigEntryState.LOADED
    assert hass.states.get(SESSION_USAGE).state == "42.0"
    assert not issue_registry.async_get_issue(
        DOMAIN, entry_issue_id(Issue.CLOUDFLARE_BLOCKED, init_integration)
    )


class _BrokenClient:
    """A client whose request fails in a way no branch of the coordinator names."""

    base_url = "http://127.0.0.1"

    async def async_get_usage(self, org_uuid: str) -> Usage:
        raise RuntimeError("a bug, not an answer")


async def test_unforeseen_error_backs_off_without_traceback(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An error of no known type backs off like a server error, logged once, no traceback."""
    coordinator = init_integration.runtime_data
    client, coordinator.client = coordinator.client, _BrokenClient()
    for wait in (60, 120, 240):
        await advance_time(wait)
        assert coordinator.last_exception.translation_key == "unexpected_response"
    assert coordinator.last_exception.translation_placeholders == {"wait": "480"}
    assert not [
        record
        for record in caplog.records
        if record.levelno >= logging.INFO and record.exc_info
    ]
    assert caplog.text.count("Error fetching claude_usage data") == 1

    coordinator.client = client
    await advance_time(480)
    assert hass.states.get(SESSION_USAGE).state == "42.0"


async def test_network_down_retries_every_interval(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """A request that never left (connection refused) is retried at the normal interval.

    After a short outage of the home's network the values are back within one interval.
    """
    host, port = fake_claude.base_url.removeprefix("http://").split(":")
    await fake_claude.stop()
    coordinator = init_integration.runtime_data
    for _ in range(5):
        await advance_time(60)
        assert coordinator.last_exception.translation_key == "connection_error"
        assert coordinator.last_exception.translation_placeholders == {"wait": "60"}
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE

    await fake_claude.start(host, int(port))
    assert await _wait_for_next_request(fake_claude, advance_time) == 60
    assert hass.states.get(SESSION_USAGE).state == "42.0"


async def test_the_refresh_that_ends_a_wait_asks_once(
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A refresh less than a second before a wait ends asks claude.ai; no hot retry.

    Home Assistant runs the refresh at the end of a wait up to a second early (it
    cuts the loop's time to the second); handing the rest back as a retry of a few
    milliseconds fired again and again (about 45 times in 2 ms).
    """
    coordinator = init_integration.runtime_data
    fake_claude.fail("rate_limit", times=1, retry_after=600)
    await advance_time(60)
    count = fake_claude.usage_request_count()

    freezer.tick(timedelta(seconds=598))
    await coordinator.async_refresh()
    assert fake_claude.usage_request_count() == count
    assert coordinator.last_exception.translation_key == "waiting"
    assert coordinator.last_exception.retry_after == 2

    freezer.tick(timedelta(seconds=1.4))
    await coordinator.async_refresh()
    assert fake_claude.usage_request_count() == count + 1
    assert coordinator.last_update_success


async def test_an_expired_cookie_always_asks_to_reauthenticate(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """A reconfigure flow left open (the repair's dialog closed with ×) does not hide reauth.

    Home Assistant starts no reauthentication while a reconfigure flow of the entry
    lives; the coordinator closes such a flow when claude.ai refuses the cookie.
    """
    flows = hass.config_entries.flow
    result = await flows.async_init(
        DOMAIN,
        context={"source": "reconfigure", "entry_id": init_integration.entry_id},
    )
    await flows.async_configure(
        result["flow_id"], {"next_step_id": "reconfigure_cookie"}
    )
    fake_claude.valid_session_keys.clear()

    await advance_time(60)

    sources = [
        flow["context"]["source"] for flow in flows.async_progress_by_handler(DOMAIN)
    ]
    assert sources == ["reauth"]
