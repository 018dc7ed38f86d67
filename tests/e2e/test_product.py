"""The product end to end: a real ``hass`` process against the fake claude.ai server.

One Home Assistant runs for the whole module and the tests build on each other in
file order: set-up through the REST config flow, then polls, history, faults and
restarts. The integration never polls more often than every 30 s, so each step
waits for the next real poll instead of forcing one.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.e2e.helpers import (
    POLL_WAIT,
    Product,
    entity_ids,
    eventually,
    usage_payload,
    usage_requests,
    wait_next_usage_request,
    wait_state,
)
from tests.fake_claude import ORG_NAME, VALID_SESSION_KEY

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

FRESH_SESSION_KEY = "sk-ant-sid01-" + "FreshLoopbackSessionKey012345678" * 2 + "-TestAA"
FIRST = usage_payload(42.0, 61.5, 23.0)
SECOND = usage_payload(57.0, 64.0, 31.0)


class Shared:
    """What the tests of this module hand on to the next ones."""

    entry_id: str
    entities: dict[str, str]
    history: list[dict[str, Any]]


async def _history(product: Product, entity_id: str) -> list[dict[str, Any]]:
    start = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    result = await product.client.ws(
        "history/history_during_period",
        start_time=start,
        entity_ids=[entity_id],
        minimal_response=True,
        no_attributes=True,
        significant_changes_only=False,
    )
    return list(result.get(entity_id, []))


def _values(rows: list[dict[str, Any]]) -> list[float]:
    """Return the numeric states of history rows (compressed or not), in order."""
    states = [row.get("s", row.get("state")) for row in rows]
    return [
        float(s)
        for s in states
        if s is not None and s not in ("unavailable", "unknown")
    ]


async def _reauth_flows(product: Product) -> list[dict[str, Any]]:
    return [
        flow
        for flow in await product.client.ws("config_entries/flow/progress")
        if flow["handler"] == "claude_usage" and flow["context"]["source"] == "reauth"
    ]


async def _our_issues(product: Product) -> list[dict[str, Any]]:
    issues = (await product.client.ws("repairs/list_issues"))["issues"]
    return [issue for issue in issues if issue["domain"] == "claude_usage"]


async def test_config_flow_rejects_bad_cookies_then_creates_the_entry(
    product: Product,
) -> None:
    """The REST config flow, as the UI drives it: menu, field errors, then an entry."""
    client = product.client
    await product.fake_control("usage", {"payload": FIRST})

    menu = await client.start_flow()
    assert menu["type"] == "menu"
    assert menu["menu_options"] == ["claude_code", "cookie"]
    flow = await client.configure_flow(menu["flow_id"], {"next_step_id": "cookie"})
    assert flow["type"] == "form"
    assert flow["step_id"] == "cookie"
    assert [field["name"] for field in flow["data_schema"]] == ["cookie", "advanced"]

    advanced = {"base_url": product.fake.url}
    result = await client.configure_flow(
        flow["flow_id"], {"cookie": "hello", "advanced": advanced}
    )
    assert result["type"] == "form"
    assert result["errors"] == {"cookie": "invalid_cookie"}
    assert await usage_requests(product) == []

    wrong_key = "sk-ant-sid01-" + "SignedOutLoopbackSessionKey01234" * 2 + "-TestAA"
    result = await client.configure_flow(
        flow["flow_id"], {"cookie": wrong_key, "advanced": advanced}
    )
    assert result["type"] == "form"
    assert result["errors"] == {"base": "invalid_auth"}

    result = await client.configure_flow(
        flow["flow_id"], {"cookie": VALID_SESSION_KEY, "advanced": advanced}
    )
    assert result["type"] == "create_entry"
    assert result["title"] == ORG_NAME
    Shared.entry_id = result["result"]["entry_id"]


async def test_entities_show_the_fake_servers_numbers(product: Product) -> None:
    """Every window and the extra usage become sensors with the served values."""
    Shared.entities = entities = await entity_ids(product, Shared.entry_id)
    assert {
        "five_hour_usage",
        "five_hour_reset",
        "seven_day_usage",
        "seven_day_reset",
        "seven_day_opus_usage",
        "seven_day_opus_reset",
        "extra_usage_used",
        "extra_usage_limit",
        "extra_usage_utilization",
    } <= entities.keys()

    session = await product.client.state(entities["five_hour_usage"])
    assert float(session["state"]) == 42.0
    assert session["attributes"]["unit_of_measurement"] == "%"
    assert session["attributes"]["window_key"] == "five_hour"
    assert (
        float((await product.client.state(entities["seven_day_usage"]))["state"])
        == 61.5
    )
    opus = await product.client.state(entities["seven_day_opus_usage"])
    assert float(opus["state"]) == 23.0
    reset = await product.client.state(entities["five_hour_reset"])
    # Reset times are kept to the nearest minute.
    served = datetime.fromisoformat(FIRST["five_hour"]["resets_at"])
    assert datetime.fromisoformat(reset["state"]) == (
        served + timedelta(seconds=30)
    ).replace(second=0, microsecond=0)
    used = await product.client.state(entities["extra_usage_used"])
    assert float(used["state"]) == 12.34
    assert (
        float((await product.client.state(entities["extra_usage_limit"]))["state"])
        == 50.0
    )

    # The flow's own check supplied the first data: one request so far, not two.
    assert len(await usage_requests(product)) == 1


async def test_options_flow_sets_the_poll_interval(product: Product) -> None:
    """The options flow takes the minimum interval (30 s); the entry reloads with it."""
    client = product.client
    flow = await client.post(
        "/api/config/config_entries/options/flow", {"handler": Shared.entry_id}
    )
    assert flow["step_id"] == "init"
    result = await client.post(
        f"/api/config/config_entries/options/flow/{flow['flow_id']}",
        {"scan_interval": 30},
    )
    assert result["type"] == "create_entry"

    async def loaded() -> bool:
        entries = await client.entries()
        return bool(entries[0]["state"] == "loaded")

    await eventually(loaded, "the entry to reload")


async def test_recorder_keeps_changes_and_skips_unchanged_polls(
    product: Product,
) -> None:
    """A changed usage is a new history row; a poll with the same answer adds none."""
    entity_id = Shared.entities["five_hour_usage"]
    await product.fake_control("usage", {"payload": SECOND})
    await wait_state(product, entity_id, lambda state: state == "57.0")

    async def committed() -> list[dict[str, Any]] | None:
        rows = await _history(product, entity_id)
        return rows if _values(rows)[-1:] == [57.0] else None

    rows = await eventually(committed, "the recorder to commit the change")
    assert _values(rows)[0] == 42.0

    polled = len(await usage_requests(product))
    await wait_next_usage_request(product, polled)
    # Let the recorder commit (commit_interval 1 s) whatever that poll might have written.
    await asyncio.sleep(3)
    assert await _history(product, entity_id) == rows
    Shared.history = rows


async def test_expired_session_starts_reauth_and_a_fresh_cookie_recovers(
    product: Product,
) -> None:
    """claude.ai stops accepting the cookie: unavailable, reauth flow, new cookie, back."""
    entity_id = Shared.entities["five_hour_usage"]
    await product.fake_control("session_keys", {"keys": [FRESH_SESSION_KEY]})
    await wait_state(product, entity_id, lambda state: state == "unavailable")
    flows = await eventually(lambda: _reauth_flows(product), "a reauth flow")
    assert flows[0]["context"]["entry_id"] == Shared.entry_id

    result = await product.client.configure_flow(
        flows[0]["flow_id"], {"cookie": FRESH_SESSION_KEY}
    )
    assert result == {**result, "type": "abort", "reason": "reauth_successful"}
    await wait_state(product, entity_id, lambda state: state == "57.0", timeout=20)
    assert await _reauth_flows(product) == []


async def test_cloudflare_challenge_raises_a_repair_issue_until_it_clears(
    product: Product,
) -> None:
    """A Cloudflare challenge page makes a repair issue; it goes at the next good poll."""
    entity_id = Shared.entities["five_hour_usage"]
    await product.fake_control("fail", {"mode": "cloudflare"})
    issues = await eventually(lambda: _our_issues(product), "the repair issue")
    assert [issue["translation_key"] for issue in issues] == ["cloudflare_blocked"]
    assert (await product.client.state(entity_id))["state"] == "unavailable"

    await product.fake_control("clear", {})

    async def no_issue() -> bool:
        return await _our_issues(product) == []

    # After a failure the integration backs off (twice the interval) before trying again.
    await eventually(no_issue, "the repair issue to go", timeout=2 * POLL_WAIT + 30)
    await wait_state(product, entity_id, lambda state: state == "57.0", timeout=5)


async def test_rate_limit_is_honoured(product: Product) -> None:
    """After a 429 with Retry-After, nothing reaches the server before that time."""
    retry_after = 40
    await product.fake_control(
        "fail", {"mode": "rate_limit", "times": 1, "retry_after": retry_after}
    )
    before = len(await usage_requests(product))
    requests = await wait_next_usage_request(product, before)
    limited = requests[before]
    entity_id = Shared.entities["five_hour_usage"]
    await wait_state(
        product, entity_id, lambda state: state == "unavailable", timeout=5
    )

    # A manual refresh must not get through either.
    await product.client.call_service(
        "homeassistant", "update_entity", {"entity_id": entity_id}
    )
    requests = await wait_next_usage_request(
        product, before + 1, timeout=retry_after + POLL_WAIT
    )
    assert requests[before + 1]["time"] - limited["time"] >= retry_after - 1
    await wait_state(product, entity_id, lambda state: state == "57.0", timeout=5)


async def test_fake_server_restart_is_survived(product: Product) -> None:
    """The server goes away and comes back between polls: no HA restart needed."""
    entity_id = Shared.entities["five_hour_usage"]
    await product.restart_fake()
    # A new process knows only its default session key and serves its default usage
    # (42 %, not the 57 % set before); HA holds the key of the reauth above.
    await product.fake_control("session_keys", {"keys": [FRESH_SESSION_KEY]})
    await wait_state(product, entity_id, lambda state: state == "42.0")


async def test_home_assistant_restart_keeps_entities_and_history(
    product: Product,
) -> None:
    """After a restart the entry loads again, with the same entities and history."""
    entity_id = Shared.entities["five_hour_usage"]
    await product.restart_hass()
    entries = await product.client.entries()
    assert [entry["state"] for entry in entries] == ["loaded"]
    assert await entity_ids(product, Shared.entry_id) == Shared.entities
    state = await wait_state(
        product, entity_id, lambda state: state == "42.0", timeout=20
    )
    assert state["state"] == "42.0"
    history = await _history(product, entity_id)
    assert history[: len(Shared.history)] == Shared.history
