"""Device names: entity ids start with claude_ and never carry an email address."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.claude_usage.entity import device_name
from tests.fake_claude import FakeClaude


@pytest.mark.parametrize(
    ("organization", "device"),
    [
        ("jane.doe@example.com's Organization", "Claude Personal"),
        ("Organisation de jean@exemple.fr", "Claude Personal"),
        ("Acme Research", "Claude Acme Research"),
        ("Claude Team Acme", "Claude Team Acme"),
        ("claude-lovers", "claude-lovers"),
    ],
)
def test_device_name(organization: str, device: str) -> None:
    """A personal organization is "Claude Personal"; others get "Claude" once."""
    assert device_name(organization) == device


async def test_personal_organization_entity_ids(
    hass: HomeAssistant,
    *,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
    fake_claude: FakeClaude,
    mock_config_entry: MockConfigEntry,
    usage_payload: dict[str, Any],
) -> None:
    """The entry keeps its title; the device and every entity id leave the email out."""
    fake_claude.set_usage(usage_payload)
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry, title="jane.doe@example.com's Organization"
    )
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    entities = er.async_entries_for_config_entry(
        entity_registry, mock_config_entry.entry_id
    )
    assert "sensor.claude_personal_session_usage" in {e.entity_id for e in entities}
    for entity in entities:
        assert entity.entity_id.split(".")[1].startswith("claude_personal_")
        assert "jane" not in entity.entity_id
        assert "example" not in entity.entity_id
    (device,) = dr.async_entries_for_config_entry(
        device_registry, mock_config_entry.entry_id
    )
    assert device.name == "Claude Personal"
    state = hass.states.get("sensor.claude_personal_session_usage")
    assert state.name == "Claude Personal Session usage"
    assert "jane" not in str(state.attributes)
