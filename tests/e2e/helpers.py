"""Helpers shared by the end-to-end test modules."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp

from tests.e2e.harness import (
    ROOT,
    FakeClaudeProcess,
    HomeAssistantClient,
    HomeAssistantProcess,
    ha_choice,
    wait_for,
)
from tests.fake_claude import VALID_SESSION_KEY, usage_json

USERNAME = "e2e"
# Screenshots of a run against the newest Home Assistant go to a folder of their own.
ARTIFACTS = ROOT / "artifacts" / ("e2e" if ha_choice() == "pinned" else "e2e-ha-newest")
PASSWORD = "e2e-password"
# The integration polls at most every 30 s (its minimum interval); a poll is due
# within this long after any moment.
POLL_WAIT = 45


@dataclass
class Product:
    """The running product: the fake server, Home Assistant and a client of each."""

    session: aiohttp.ClientSession
    fake: FakeClaudeProcess
    hass: HomeAssistantProcess
    client: HomeAssistantClient

    async def fake_control(self, path: str, payload: object = None) -> object:
        """Call the fake server's control API."""
        return await self.fake.control(self.session, path, payload)

    async def restart_hass(self) -> None:
        """Stop Home Assistant cleanly and start it again on the same config folder."""
        await self.client.close()
        await self.hass.async_stop()
        await self.hass.async_start(self.session)
        await self.client.login(USERNAME, PASSWORD)
        await self.client.wait_running(self.hass)

    async def restart_fake(self) -> None:
        """Stop the fake server and start a new one on the same port."""
        await self.fake.async_stop()
        await self.fake.async_start(self.session)


def usage_payload(
    session: float,
    weekly: float,
    opus: float,
    *,
    session_resets_in: timedelta = timedelta(hours=2, minutes=13),
    extra_used_cents: int = 1234,
) -> dict[str, Any]:
    """Return a claude.ai usage body with these percentages."""
    now = datetime.now(UTC).replace(microsecond=0)
    weekly_reset = now + timedelta(days=3, hours=4)
    return usage_json(
        session=(session, now + session_resets_in),
        weekly=(weekly, weekly_reset),
        scoped={"Opus": (opus, weekly_reset)},
        extra_used_cents=extra_used_cents,
    )


async def add_entry(product: Product) -> dict[str, Any]:
    """Add the integration against the fake server through the config flow."""
    client = product.client
    flow = await client.start_cookie_flow()
    result = await client.configure_flow(
        flow["flow_id"],
        {"cookie": VALID_SESSION_KEY, "advanced": {"base_url": product.fake.url}},
    )
    assert result["type"] == "create_entry", result
    return dict(result["result"])


async def entity_ids(product: Product, entry_id: str) -> dict[str, str]:
    """Map the unique ids of the entry's entities (without the account id) to entity ids."""

    async def registered() -> dict[str, str]:
        return {
            entity["unique_id"].split("_", 1)[1]: entity["entity_id"]
            for entity in await product.client.entities_of(entry_id)
        }

    return dict(await wait_for(registered, timeout=30, what="the entities"))


async def usage_requests(product: Product) -> list[dict[str, Any]]:
    """Return the usage requests the fake server has answered, oldest first."""
    requests = await product.fake_control("requests")
    assert isinstance(requests, list)
    return [r for r in requests if r["path"].endswith("/usage")]


async def wait_state(
    product: Product,
    entity_id: str,
    predicate: Callable[[str], bool],
    *,
    timeout: float = POLL_WAIT,
) -> dict[str, Any]:
    """Wait until the entity's state satisfies ``predicate``; return the state object."""

    async def matches() -> dict[str, Any] | None:
        state = await product.client.state(entity_id)
        return state if predicate(state["state"]) else None

    result: dict[str, Any] = await wait_for(
        matches, timeout=timeout, what=f"{entity_id} to change", interval=0.5
    )
    return result


async def wait_next_usage_request(
    product: Product, after: int, *, timeout: float = POLL_WAIT
) -> list[dict[str, Any]]:
    """Wait until the fake has answered more than ``after`` usage requests."""

    async def more() -> list[dict[str, Any]] | None:
        requests = await usage_requests(product)
        return requests if len(requests) > after else None

    result: list[dict[str, Any]] = await wait_for(
        more, timeout=timeout, what="the next poll", interval=0.5
    )
    return result


async def eventually(
    probe: Callable[[], Awaitable[Any]], what: str, *, timeout: float = POLL_WAIT
) -> Any:
    """Wait until ``probe`` returns something truthy."""
    return await wait_for(probe, timeout=timeout, what=what, interval=0.5)
