"""The "limit reached" binary sensors: one per window, on at 100 %."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from homeassistant.const import STATE_OFF, STATE_ON, STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.claude_usage.const import DOMAIN
from tests.fake_claude import ORG_NAME, ORG_UUID, FakeClaude
from tests.helpers import MakeUsage

SESSION_RESET = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)
NEXT_SESSION_RESET = datetime(2026, 11, 28, 19, 0, tzinfo=UTC)
WEEKLY_RESET = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def usage_payload(make_usage: MakeUsage) -> dict[str, Any]:
    """Serve a session at its limit, the weekly window at 18 %, Opus at 99.5 %."""
    return make_usage(
        session=(100.0, SESSION_RESET),
        weekly=(18.0, WEEKLY_RESET),
        scoped={"Opus": (99.5, WEEKLY_RESET)},
    )


def _entity_id(hass: HomeAssistant, window_key: str) -> str:
    """Return the entity id of a window's "limit reached" binary sensor."""
    entity_id = er.async_get(hass).async_get_entity_id(
        "binary_sensor", DOMAIN, f"{ORG_UUID}_{window_key}_limit_reached"
    )
    assert entity_id is not None, window_key
    return entity_id


async def _poll(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Poll claude.ai once, as the coordinator's schedule would."""
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()


def _state(hass: HomeAssistant, window_key: str) -> str:
    state = hass.states.get(_entity_id(hass, window_key))
    assert state is not None
    return state.state


async def test_one_binary_sensor_per_window(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """On at 100 %, off below; named like the window's sensors."""
    names = {}
    for window_key, expected in (
        ("five_hour", STATE_ON),
        ("seven_day", STATE_OFF),
        ("seven_day_opus", STATE_OFF),
    ):
        state = hass.states.get(_entity_id(hass, window_key))
        assert state is not None
        assert state.state == expected
        # No window_key attribute: the card would take it for a usage sensor.
        assert "window_key" not in state.attributes
        assert "device_class" not in state.attributes
        names[window_key] = state.name
    assert names == {
        "five_hour": f"Claude {ORG_NAME} Session at limit",
        "seven_day": f"Claude {ORG_NAME} Weekly at limit",
        "seven_day_opus": f"Claude {ORG_NAME} Weekly Opus at limit",
    }

    entity = er.async_get(hass).async_get(_entity_id(hass, "seven_day_opus"))
    assert entity is not None
    assert entity.translation_key == "scoped_limit_reached"
    assert entity.config_entry_id == init_integration.entry_id


async def test_follows_the_polls(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    make_usage: MakeUsage,
    init_integration: MockConfigEntry,
) -> None:
    """A reset turns it off, reaching 100 % turns it on, a failed poll makes it unavailable."""
    fake_claude.set_usage(
        make_usage(
            session=(3.0, NEXT_SESSION_RESET),
            weekly=(18.0, WEEKLY_RESET),
            scoped={"Opus": (100.0, WEEKLY_RESET)},
        )
    )
    await _poll(hass, init_integration)
    assert _state(hass, "five_hour") == STATE_OFF
    assert _state(hass, "seven_day_opus") == STATE_ON

    fake_claude.fail("server_error", status=500)
    await _poll(hass, init_integration)
    assert _state(hass, "five_hour") == STATE_UNAVAILABLE


async def test_unknown_window(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    usage_payload: dict[str, Any],
    init_integration: MockConfigEntry,
) -> None:
    """A window of a kind the integration does not know is named after claude.ai's label."""
    payload = {**usage_payload, "limits": [*usage_payload["limits"]]}
    payload["limits"].append(
        {"kind": "monthly_tokens", "percent": 100.0, "resets_at": None, "scope": None}
    )
    fake_claude.set_usage(payload)
    await _poll(hass, init_integration)
    state = hass.states.get(_entity_id(hass, "monthly_tokens"))
    assert state is not None
    assert state.state == STATE_ON
    assert state.name == f"Claude {ORG_NAME} Monthly tokens at limit"


async def test_windows_come_and_go(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    make_usage: MakeUsage,
    init_integration: MockConfigEntry,
) -> None:
    """A new window gets its binary sensor at once; a vanished one stays in the registry."""
    fake_claude.set_usage(
        make_usage(
            session=(100.0, SESSION_RESET),
            weekly=(18.0, WEEKLY_RESET),
            scoped={"Sonnet": (100.0, WEEKLY_RESET)},
        )
    )
    await _poll(hass, init_integration)
    assert _state(hass, "seven_day_sonnet") == STATE_ON
    opus = _entity_id(hass, "seven_day_opus")
    assert _state(hass, "seven_day_opus") == STATE_UNAVAILABLE

    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    registry = er.async_get(hass)
    assert registry.async_get(opus) is not None
    assert _state(hass, "five_hour") == STATE_ON
    assert registry.async_get_entity_id("sensor", DOMAIN, f"{ORG_UUID}_five_hour_usage")
