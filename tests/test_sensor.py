"""The sensors: one pair per limit window, extra usage, windows coming and going."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE, STATE_UNKNOWN, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.claude_usage.const import DOMAIN
from tests.fake_claude import ORG_UUID, FakeClaude
from tests.helpers import Advance, MakeUsage


def _entity_id(hass: HomeAssistant, key: str) -> str:
    """Return the entity id of the sensor whose unique_id is <org uuid>_<key>."""
    entity_id = er.async_get(hass).async_get_entity_id(
        "sensor", DOMAIN, f"{ORG_UUID}_{key}"
    )
    assert entity_id is not None, key
    return entity_id


def _state(hass: HomeAssistant, key: str) -> str:
    state = hass.states.get(_entity_id(hass, key))
    assert state is not None, key
    return state.state


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_sensors(
    hass: HomeAssistant,
    *,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    fake_claude: FakeClaude,
    mock_config_entry: MockConfigEntry,
    usage_payload: dict[str, Any],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Every window gets usage, reset and forecast sensors; extra usage gets three.

    The account gets a status sensor and a last update sensor (off by default).
    """
    freezer.move_to("2026-11-28T10:00:00+00:00")
    fake_claude.set_usage(usage_payload)
    mock_config_entry.add_to_hass(hass)
    with patch("custom_components.claude_usage.PLATFORMS", [Platform.SENSOR]):
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        await hass.async_block_till_done()
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.fixture
def usage_payload(make_usage: MakeUsage, request: pytest.FixtureRequest) -> Any:
    """Return the default usage, changed by the test's ``extra_usage`` parameter."""
    payload = make_usage()
    if (extra_usage := getattr(request, "param", None)) is not None:
        payload["extra_usage"] = extra_usage
    return payload


@pytest.mark.parametrize(
    "usage_payload",
    [
        {
            "is_enabled": True,
            "monthly_limit": 5000,
            "used_credits": 1234,
            "utilization": 24.68,
        }
    ],
    indirect=True,
)
async def test_extra_usage_without_currency(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Without a currency the credits are plain numbers: no unit, no device class."""
    state = hass.states.get(_entity_id(hass, "extra_usage_used"))
    assert state is not None
    assert state.state == "12.34"
    assert "unit_of_measurement" not in state.attributes
    assert "device_class" not in state.attributes
    assert _state(hass, "extra_usage_limit") == "50.0"


@pytest.mark.parametrize(
    "usage_payload",
    [
        {
            "is_enabled": False,
            "monthly_limit": None,
            "used_credits": None,
            "utilization": None,
        }
    ],
    indirect=True,
)
async def test_extra_usage_disabled(
    entity_registry: er.EntityRegistry, init_integration: MockConfigEntry
) -> None:
    """Extra usage turned off: no extra usage sensors at all."""
    unique_ids = {
        entry.unique_id
        for entry in er.async_entries_for_config_entry(
            entity_registry, init_integration.entry_id
        )
        if entry.domain == "sensor"
    }
    assert unique_ids == {
        f"{ORG_UUID}_{window}_{metric}"
        for window in ("five_hour", "seven_day", "seven_day_opus")
        for metric in ("usage", "reset", "projected", "limit_at")
    } | {f"{ORG_UUID}_status", f"{ORG_UUID}_last_update"}


async def test_extra_usage_turned_off_later(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    make_usage: MakeUsage,
) -> None:
    """Extra usage turned off while running: its sensors become unavailable."""
    assert _state(hass, "extra_usage_used") == "12.34"
    fake_claude.set_usage({**make_usage(), "extra_usage": None})
    await advance_time(60)
    assert _state(hass, "extra_usage_used") == STATE_UNAVAILABLE
    assert _state(hass, "extra_usage_utilization") == STATE_UNAVAILABLE
    assert _state(hass, "five_hour_usage") == "42.0"


async def test_new_window_appears_without_reload(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    make_usage: MakeUsage,
) -> None:
    """A window claude.ai starts reporting (a new model) gets its sensors at once."""
    reset = datetime.fromisoformat("2026-12-01T00:00:00+00:00")
    fake_claude.set_usage(
        make_usage(scoped={"Opus": (7.0, None), "Sonnet": (55.0, reset)})
    )
    await advance_time(60)
    usage = hass.states.get(_entity_id(hass, "seven_day_sonnet_usage"))
    assert usage is not None
    assert usage.state == "55.0"
    assert usage.name == "Claude Example Org Weekly Sonnet usage"
    assert _state(hass, "seven_day_sonnet_reset") == "2026-12-01T00:00:00+00:00"


async def test_unknown_window(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    make_usage: MakeUsage,
) -> None:
    """A window of a kind the integration does not know is named after claude.ai's label."""
    payload = make_usage()
    payload["limits"].append(
        {"kind": "monthly_tokens", "percent": 3.0, "resets_at": None, "scope": None}
    )
    fake_claude.set_usage(payload)
    await advance_time(60)
    state = hass.states.get(_entity_id(hass, "monthly_tokens_usage"))
    assert state is not None
    assert state.state == "3.0"
    assert state.name == "Claude Example Org Monthly tokens usage"
    assert state.attributes["window_kind"] == "unknown"


async def test_vanished_window_keeps_its_entities(
    hass: HomeAssistant,
    *,
    entity_registry: er.EntityRegistry,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    make_usage: MakeUsage,
) -> None:
    """A window no longer reported turns unavailable; a reload keeps its entities.

    claude.ai sends ``null`` for an unused window: its entities keep their ids and
    what the user changed (name, area), and come back with the window.
    """
    opus_usage = _entity_id(hass, "seven_day_opus_usage")
    entity_registry.async_update_entity(opus_usage, name="Opus this week")
    fake_claude.set_usage(make_usage(scoped={}))
    await advance_time(60)
    assert hass.states.get(opus_usage).state == STATE_UNAVAILABLE
    assert _state(hass, "five_hour_usage") == "42.0"

    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    entry = entity_registry.async_get(opus_usage)
    assert entry is not None
    assert entry.name == "Opus this week"
    assert _state(hass, "five_hour_usage") == "42.0"

    fake_claude.set_usage(make_usage())
    await advance_time(60)
    assert _entity_id(hass, "seven_day_opus_usage") == opus_usage
    assert hass.states.get(opus_usage).name == "Opus this week"
    assert hass.states.get(opus_usage).state == "7.0"


async def test_reset_unknown_without_time(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A window without a reset time has an unknown reset sensor."""
    assert _state(hass, "seven_day_opus_reset") == STATE_UNKNOWN


async def test_reset_time_jitter_is_ignored(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    make_usage: MakeUsage,
) -> None:
    """A reset time moving by seconds keeps the state; a new window's reset replaces it."""
    first = _state(hass, "five_hour_reset")
    reset = datetime.fromisoformat(first)

    fake_claude.set_usage(make_usage(session=(42.0, reset + timedelta(seconds=20))))
    await advance_time(60)
    assert _state(hass, "five_hour_reset") == first

    fake_claude.set_usage(make_usage(session=(42.0, reset + timedelta(hours=5))))
    await advance_time(60)
    assert _state(hass, "five_hour_reset") == (reset + timedelta(hours=5)).isoformat()


async def test_credit_grant_is_money_not_a_window(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    make_usage: MakeUsage,
) -> None:
    """A credit grant appears as money left, granted and its expiry; no window of it."""
    fake_claude.set_usage(
        {
            **make_usage(),
            "iguana_necktie": {
                "utilization": 40.0,
                "resets_at": "2026-12-31T23:59:59+00:00",
                "limit_dollars": 50.0,
                "used_dollars": 20.0,
                "remaining_dollars": 30.0,
            },
        }
    )
    await advance_time(60)

    remaining = hass.states.get(_entity_id(hass, "credit_remaining"))
    assert remaining is not None
    assert remaining.state == "30.0"
    assert remaining.attributes["unit_of_measurement"] == "USD"
    assert remaining.attributes["device_class"] == "monetary"
    assert remaining.name == "Claude Example Org Credit remaining"
    assert _state(hass, "credit_limit") == "50.0"
    assert _state(hass, "credit_expires") == "2027-01-01T00:00:00+00:00"
    assert not [
        entry
        for entry in er.async_entries_for_config_entry(
            er.async_get(hass), init_integration.entry_id
        )
        if "iguana" in entry.unique_id
    ]

    fake_claude.set_usage(make_usage())
    await advance_time(60)
    assert _state(hass, "credit_remaining") == STATE_UNAVAILABLE


async def test_binding_limit_attribute(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """claude.ai's is_active is the usage sensor's ``binding`` attribute."""
    assert hass.states.get(_entity_id(hass, "five_hour_usage")).attributes["binding"]
    weekly = hass.states.get(_entity_id(hass, "seven_day_usage"))
    assert weekly.attributes["binding"] is False
    reset = hass.states.get(_entity_id(hass, "five_hour_reset"))
    assert "binding" not in reset.attributes
