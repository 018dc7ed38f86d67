"""Diagnostics: useful, and without the session cookie."""

from __future__ import annotations

import json

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion
from syrupy.filters import props

from tests.fake_claude import VALID_SESSION_KEY


async def test_diagnostics(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """The entry, the last payload and the coordinator's state, cookie redacted."""
    diagnostics = await get_diagnostics_for_config_entry(
        hass, hass_client, init_integration
    )
    assert VALID_SESSION_KEY not in json.dumps(diagnostics)
    assert diagnostics["entry"]["data"]["cookie"] == "**REDACTED**"
    assert diagnostics == snapshot(
        exclude=props("base_url", "last_fetched", "last_request")
    )
