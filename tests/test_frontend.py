"""The integration serves the card's JavaScript and registers it on every dashboard."""

from __future__ import annotations

import hashlib
from pathlib import Path

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.claude_usage import frontend
from custom_components.claude_usage.frontend import (
    CARD_PATH,
    CARD_URL,
    DATA_CARD_URL,
    async_register_card,
)


@pytest.fixture
async def frontend_setup(hass: HomeAssistant) -> None:
    """Set up Home Assistant's frontend (and with it http) as on a real instance."""
    assert await async_setup_component(hass, "frontend", {})


def _card_urls(hass: HomeAssistant) -> list[str]:
    return [
        url for url in hass.data[DATA_EXTRA_MODULE_URL].urls if url.startswith(CARD_URL)
    ]


@pytest.mark.usefixtures("frontend_setup")
async def test_serves_the_bundle(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    """The static path returns the committed bundle as JavaScript."""
    await async_register_card(hass)
    client = await hass_client()

    response = await client.get(CARD_URL)

    assert response.status == 200
    assert response.content_type in {"application/javascript", "text/javascript"}
    body = await response.read()
    assert body == CARD_PATH.read_bytes()
    assert b"claude-usage-card" in body


@pytest.mark.usefixtures("frontend_setup")
async def test_registers_extra_module_once(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator
) -> None:
    """Repeated calls (integration reloads in one run) add the module exactly once."""
    await async_register_card(hass)
    version = hashlib.sha256(CARD_PATH.read_bytes()).hexdigest()[:16]
    expected = f"{CARD_URL}?v={version}"
    assert _card_urls(hass) == [expected]
    assert hass.data[DATA_CARD_URL] == expected

    # Open dashboards follow the extra modules live; later calls must announce nothing.
    ws = await hass_ws_client(hass)
    await ws.send_json({"id": 1, "type": "frontend/subscribe_extra_js"})
    assert (await ws.receive_json())["success"]

    await async_register_card(hass)
    await async_register_card(hass)

    assert _card_urls(hass) == [expected]
    # Messages arrive in order: no "added" event came before the pong.
    await ws.send_json({"id": 2, "type": "ping"})
    assert (await ws.receive_json()) == {"id": 2, "type": "pong"}


@pytest.mark.usefixtures("frontend_setup")
async def test_version_follows_bundle_contents(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cache-busting query is a hash of the served file, so a new build gets a new URL."""
    bundle = tmp_path / "claude-usage-card.js"
    bundle.write_text("console.log('build 2');\n")
    monkeypatch.setattr(frontend, "CARD_PATH", bundle)

    await async_register_card(hass)

    version = hashlib.sha256(b"console.log('build 2');\n").hexdigest()[:16]
    assert _card_urls(hass) == [f"{CARD_URL}?v={version}"]
    client = await hass_client()
    response = await client.get(CARD_URL)
    assert await response.text() == "console.log('build 2');\n"


@pytest.mark.usefixtures("frontend_setup")
async def test_missing_bundle_fails_and_can_retry(
    hass: HomeAssistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing bundle raises and leaves nothing registered, so a later call can succeed."""
    monkeypatch.setattr(frontend, "CARD_PATH", tmp_path / "missing.js")

    with pytest.raises(FileNotFoundError):
        await async_register_card(hass)

    assert DATA_CARD_URL not in hass.data
    assert _card_urls(hass) == []

    monkeypatch.setattr(frontend, "CARD_PATH", CARD_PATH)
    await async_register_card(hass)
    assert len(_card_urls(hass)) == 1
