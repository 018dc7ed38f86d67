"""Sign in with Claude end to end: a real ``hass`` process against the fake's OAuth endpoints.

The REST config flow as the UI drives it: the menu, the sign-in form pointed at the
fake server, the link opened as a browser would (the fake answers with the
``code#state`` Claude's page shows), the code pasted back, then the entities.
"""

from __future__ import annotations

import pytest

from tests.e2e.helpers import Product, entity_ids, usage_payload, wait_state
from tests.fake_claude import ORG_NAME

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]


async def test_sign_in_with_claude_adds_the_entry(product: Product) -> None:
    """Menu, link, pasted code: the entry loads and its sensors show the fake's numbers."""
    client = product.client
    await product.fake_control("usage", {"payload": usage_payload(42.0, 61.5, 23.0)})

    flow = await client.start_flow()
    assert flow["type"] == "menu"
    assert flow["menu_options"] == ["oauth", "cookie"]
    flow = await client.configure_flow(flow["flow_id"], {"next_step_id": "oauth"})
    assert flow["type"] == "form"
    assert flow["step_id"] == "oauth"
    assert flow["description_placeholders"]["authorize_url"].startswith(
        "https://claude.ai/oauth/authorize?"
    )

    # Another server URL without a code: the form comes back with that server's link.
    advanced = {"base_url": product.fake.url}
    flow = await client.configure_flow(flow["flow_id"], {"advanced": advanced})
    assert flow["type"] == "form"
    assert flow["errors"] in ({}, None)
    link = flow["description_placeholders"]["authorize_url"]
    assert link.startswith(f"{product.fake.url}/oauth/authorize?")

    async with product.session.get(link) as response:
        assert response.status == 200
        pasted = await response.text()
    result = await client.configure_flow(
        flow["flow_id"], {"code": pasted, "advanced": advanced}
    )
    assert result["type"] == "create_entry", result
    assert result["title"] == ORG_NAME

    entities = await entity_ids(product, result["result"]["entry_id"])
    state = await wait_state(
        product, entities["five_hour_usage"], lambda value: value == "42.0"
    )
    assert state["attributes"]["window_kind"] == "session"
    counters = await product.fake_control("oauth/counters")
    assert isinstance(counters, dict)
    assert counters["exchanges"] == 1
    assert counters["refused_refreshes"] == 0
    assert counters["usage_requests"] >= 1
