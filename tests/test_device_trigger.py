"""Device triggers: listed per window, and each firing once per crossing."""

from __future__ import annotations

from enum import StrEnum
import json
from pathlib import Path
from typing import Any
from unittest.mock import patch

from homeassistant.components import automation
from homeassistant.components.device_automation import (
    DeviceAutomationType,
    InvalidDeviceAutomationConfig,
)
from homeassistant.components.device_automation.exceptions import EntityNotFound
from homeassistant.components.homeassistant.triggers import event as event_trigger
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.setup import async_setup_component
import probatio
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_get_device_automation_capabilities,
    async_get_device_automations,
    async_mock_service,
)

from custom_components.claude_usage import device_trigger
from custom_components.claude_usage.const import CONF_ORG_UUID, DOMAIN
from custom_components.claude_usage.events import EVENT_WINDOW_RESET

ORG = "3f1c2b6e-0d7a-4c55-9e21-7b8a9c0d1e2f"
SESSION = "sensor.acme_session_usage"
OPUS = "sensor.acme_weekly_opus_usage"


@pytest.fixture
def entry(hass: HomeAssistant) -> MockConfigEntry:
    """Return the config entry of the account "Acme"."""
    entry = MockConfigEntry(
        domain=DOMAIN, title="Acme", unique_id=ORG, data={CONF_ORG_UUID: ORG}
    )
    entry.add_to_hass(hass)
    return entry


@pytest.fixture
def device(hass: HomeAssistant, entry: MockConfigEntry) -> dr.DeviceEntry:
    """Return the account's device with its sensors in the entity registry."""
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=entry.entry_id,
        identifiers={(DOMAIN, ORG)},
        entry_type=dr.DeviceEntryType.SERVICE,
        manufacturer="Anthropic",
        name="Acme",
    )
    registry = er.async_get(hass)
    for key, translation_key, entity_id in (
        ("five_hour_usage", "session_usage", SESSION),
        ("five_hour_reset", "session_reset", "sensor.acme_session_reset"),
        ("seven_day_opus_usage", "scoped_usage", OPUS),
        ("extra_usage_utilization", "extra_usage_utilization", None),
    ):
        registry.async_get_or_create(
            "sensor",
            DOMAIN,
            f"{ORG}_{key}",
            config_entry=entry,
            device_id=device.id,
            translation_key=translation_key,
            suggested_object_id=entity_id.removeprefix("sensor.")
            if entity_id
            else None,
        )
    return device


@pytest.fixture
def calls(hass: HomeAssistant) -> list[ServiceCall]:
    """Return the calls of the service test.automation, the automations' action."""
    return async_mock_service(hass, "test", "automation")


def _set_usage(hass: HomeAssistant, entity_id: str, value: float | str) -> None:
    """Set a usage sensor's state with the attributes of the entity contract."""
    window_key = "five_hour" if entity_id == SESSION else "seven_day_opus"
    hass.states.async_set(
        entity_id,
        str(value),
        {
            "window_key": window_key,
            "window_kind": "session",
            "unit_of_measurement": "%",
        },
    )


def _threshold_field(name: str, default: float = 90) -> list[dict[str, Any]]:
    """Return the threshold field of usage_above / usage_below, as the editor gets it."""
    return [
        {
            "name": name,
            "required": True,
            "default": default,
            "selector": {
                "number": {
                    "min": 0.0,
                    "max": 100.0,
                    "step": 1.0,
                    "unit_of_measurement": "%",
                    "mode": "box",
                }
            },
        }
    ]


STATE_TEMPLATE = (
    "{{ trigger.type }} {{ trigger.entity_id }}"
    " {{ trigger.from_state.state }} -> {{ trigger.to_state.state }}"
)
EVENT_TEMPLATE = (
    "{{ trigger.event.event_type }} {{ trigger.event.data.window_key }}"
    " {{ trigger.event.data.new_utilization }}"
)


async def _automation(
    hass: HomeAssistant,
    device: dr.DeviceEntry,
    entity_id: str,
    type_: str,
    fired: str = STATE_TEMPLATE,
    **options: float,
) -> None:
    """Set up one automation with a device trigger of this integration."""
    registry_id = er.async_get(hass).async_get(entity_id)
    assert registry_id is not None
    trigger: dict[str, Any] = {
        "platform": "device",
        "domain": DOMAIN,
        "device_id": device.id,
        "entity_id": registry_id.id,
        "type": type_,
        **options,
    }
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: {
                "trigger": trigger,
                "action": {
                    "service": "test.automation",
                    "data_template": {"fired": fired},
                },
            }
        },
    )
    await hass.async_block_till_done()


async def _drive(
    hass: HomeAssistant, calls: list[ServiceCall], entity_id: str, *values: float | str
) -> list[str]:
    """Set the sensor to each value in turn; return what fired, and forget it."""
    for value in values:
        _set_usage(hass, entity_id, value)
        await hass.async_block_till_done()
    fired = [call.data["fired"] for call in calls]
    calls.clear()
    return fired


async def test_usage_sensor_known_by_its_unique_id_alone(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    device: dr.DeviceEntry,
    calls: list[ServiceCall],
) -> None:
    """A window's usage sensor is found by its unique id, whatever its translation key."""
    cowork = er.async_get(hass).async_get_or_create(
        "sensor",
        DOMAIN,
        f"{ORG}_seven_day_cowork_usage",
        config_entry=entry,
        device_id=device.id,
        suggested_object_id="acme_cowork_usage",
    )
    triggers = await async_get_device_automations(
        hass, DeviceAutomationType.TRIGGER, device.id
    )
    assert sorted(t["type"] for t in triggers if t["entity_id"] == cowork.id) == [
        "limit_reached",
        "usage_above",
        "usage_below",
        "window_reset",
    ]

    await _automation(hass, device, cowork.entity_id, "window_reset", EVENT_TEMPLATE)
    base = {"entry_id": entry.entry_id, "account": "Acme", "new_utilization": 1.0}
    hass.bus.async_fire(EVENT_WINDOW_RESET, {**base, "window_key": "five_hour"})
    hass.bus.async_fire(EVENT_WINDOW_RESET, {**base, "window_key": "seven_day_cowork"})
    await hass.async_block_till_done()
    assert [call.data["fired"] for call in calls] == [
        "claude_usage_window_reset seven_day_cowork 1.0"
    ]


async def test_window_key_of_other_entities_is_none(
    hass: HomeAssistant, entry: MockConfigEntry, device: dr.DeviceEntry
) -> None:
    """Only a window's usage sensor has a window key: not its reset sensor, not a binary sensor."""
    registry = er.async_get(hass)
    usage = registry.async_get_or_create(
        "sensor", DOMAIN, f"{ORG}_five_hour_usage", config_entry=entry
    )
    others = [
        registry.async_get_or_create(
            "sensor", DOMAIN, f"{ORG}_five_hour_reset", config_entry=entry
        ),
        registry.async_get_or_create(
            "binary_sensor", DOMAIN, f"{ORG}_five_hour_usage", config_entry=entry
        ),
        registry.async_get_or_create(
            "sensor", DOMAIN, f"{ORG}_status", config_entry=entry
        ),
        registry.async_get_or_create("sensor", "other", f"{ORG}_five_hour_usage"),
    ]
    assert device_trigger.window_key_of(hass, usage) == "five_hour"
    assert [device_trigger.window_key_of(hass, o) for o in others] == [None] * 4


async def test_triggers_listed_per_usage_sensor(
    hass: HomeAssistant, device: dr.DeviceEntry
) -> None:
    """Every window's usage sensor gets the four triggers; other sensors none."""
    registry = er.async_get(hass)
    triggers = await async_get_device_automations(
        hass, DeviceAutomationType.TRIGGER, device.id
    )
    expected = [
        {
            "platform": "device",
            "domain": DOMAIN,
            "device_id": device.id,
            "entity_id": entity.id,
            "type": type_,
            **threshold,
            "metadata": {"secondary": False},
        }
        for entity in (registry.async_get(SESSION), registry.async_get(OPUS))
        if entity is not None
        for type_, threshold in (
            ("usage_above", {"above": 90}),
            ("usage_below", {"below": 90}),
            ("window_reset", {}),
            ("limit_reached", {}),
        )
    ]
    assert len(expected) == 8
    assert sorted(triggers, key=repr) == sorted(expected, key=repr)
    # Saved as listed (the threshold untouched), each trigger is valid as it is.
    for trigger in triggers:
        del trigger["metadata"]
        assert device_trigger.TRIGGER_SCHEMA(trigger) == trigger


def test_summaries_need_no_subtype() -> None:
    """The editor fills {entity_name} and {subtype}; the triggers have no subtype.

    The threshold is an extra field, shown below the trigger; the editor finds a
    trigger among the listed ones by its subtype, so a threshold there would make
    a changed one unknown ("Unknown action").
    """
    strings = json.loads(
        (Path(device_trigger.__file__).parent / "strings.json").read_text()
    )["device_automation"]["trigger_type"]
    summaries = {
        type_: text.format(entity_name="Session usage")
        for type_, text in strings.items()
    }
    assert summaries == {
        "usage_above": "Session usage rises above the threshold",
        "usage_below": "Session usage drops below the threshold",
        "window_reset": "Session usage resets",
        "limit_reached": "Session usage reaches the limit",
    }


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        ({"type": "usage_above", "above": 90}, _threshold_field("above")),
        ({"type": "usage_below", "below": 90}, _threshold_field("below")),
        # Saved with the threshold in the subtype: the field starts at that one.
        ({"type": "usage_above", "subtype": 80}, _threshold_field("above", 80)),
        ({"type": "window_reset"}, []),
        ({"type": "limit_reached"}, []),
    ],
)
async def test_trigger_capabilities(
    hass: HomeAssistant,
    device: dr.DeviceEntry,
    trigger: dict[str, Any],
    expected: list[dict[str, Any]],
) -> None:
    """usage_above / usage_below ask for a threshold: 0 to 100 %, 90 unless changed."""
    entity = er.async_get(hass).async_get(SESSION)
    assert entity is not None
    capabilities = await async_get_device_automation_capabilities(
        hass,
        DeviceAutomationType.TRIGGER,
        {
            "platform": "device",
            "domain": DOMAIN,
            "device_id": device.id,
            "entity_id": entity.id,
            **trigger,
        },
    )
    assert capabilities.get("extra_fields") == expected


async def test_usage_above_fires_once_per_crossing(
    hass: HomeAssistant, device: dr.DeviceEntry, calls: list[ServiceCall]
) -> None:
    """Above 90: once on the way up, not on later polls, an outage or the value itself."""
    _set_usage(hass, SESSION, 85)
    await _automation(hass, device, SESSION, "usage_above", above=90)

    assert await _drive(hass, calls, SESSION, 90, 91, 95, 99) == [
        f"usage_above {SESSION} 90 -> 91"
    ]
    # A failed poll makes the sensor unavailable; coming back above fires nothing.
    assert await _drive(hass, calls, SESSION, STATE_UNAVAILABLE, 96) == []
    # Across a reset: down to 2 %, then up again is a new crossing.
    assert await _drive(hass, calls, SESSION, 2, 40, 93, 94) == [
        f"usage_above {SESSION} 40 -> 93"
    ]
    # Crossing back and forth fires every time it goes up.
    assert await _drive(hass, calls, SESSION, 80, 92, 85, 97) == [
        f"usage_above {SESSION} 80 -> 92",
        f"usage_above {SESSION} 85 -> 97",
    ]


async def test_usage_above_after_restart_mid_window(
    hass: HomeAssistant, device: dr.DeviceEntry, calls: list[ServiceCall]
) -> None:
    """Attached while already above (Home Assistant restarted): no fire until it dips."""
    _set_usage(hass, SESSION, 95)
    await _automation(hass, device, SESSION, "usage_above", above=90)
    assert await _drive(hass, calls, SESSION, 96, 97) == []
    assert await _drive(hass, calls, SESSION, 3, 91) == [
        f"usage_above {SESSION} 3 -> 91"
    ]


async def test_usage_above_attached_before_the_sensor_exists(
    hass: HomeAssistant, device: dr.DeviceEntry, calls: list[ServiceCall]
) -> None:
    """The sensor's first value after a start is the baseline, whatever it is."""
    await _automation(hass, device, SESSION, "usage_above", above=90)
    assert await _drive(hass, calls, SESSION, 95, 96) == []
    assert await _drive(hass, calls, SESSION, 50, 95) == [
        f"usage_above {SESSION} 50 -> 95"
    ]


async def test_usage_below_fires_once_per_crossing(
    hass: HomeAssistant, device: dr.DeviceEntry, calls: list[ServiceCall]
) -> None:
    """Below 50: fires on the way down only; trigger.below names the threshold."""
    _set_usage(hass, SESSION, 60)
    fired = STATE_TEMPLATE + " below {{ trigger.below }} above {{ trigger.above }}"
    await _automation(hass, device, SESSION, "usage_below", fired, below=50)
    assert await _drive(hass, calls, SESSION, 50, 49, 30, STATE_UNAVAILABLE, 20) == [
        f"usage_below {SESSION} 50 -> 49 below 50.0 above None"
    ]
    assert await _drive(hass, calls, SESSION, 70, 45) == [
        f"usage_below {SESSION} 70 -> 45 below 50.0 above None"
    ]


async def test_limit_reached_fires_once_per_window(
    hass: HomeAssistant, device: dr.DeviceEntry, calls: list[ServiceCall]
) -> None:
    """Reaching 100 % fires; staying there, an outage, or more usage do not."""
    _set_usage(hass, SESSION, 98)
    await _automation(hass, device, SESSION, "limit_reached")
    assert await _drive(hass, calls, SESSION, 99.5, 100, 100, 101) == [
        f"limit_reached {SESSION} 99.5 -> 100"
    ]
    assert await _drive(hass, calls, SESSION, STATE_UNAVAILABLE, 100) == []
    # The next window reaches the limit again.
    assert await _drive(hass, calls, SESSION, 1, 100) == [
        f"limit_reached {SESSION} 1 -> 100"
    ]


async def test_per_model_window_has_its_own_triggers(
    hass: HomeAssistant, device: dr.DeviceEntry, calls: list[ServiceCall]
) -> None:
    """A trigger on the Opus window ignores the session window."""
    _set_usage(hass, SESSION, 10)
    _set_usage(hass, OPUS, 10)
    await _automation(hass, device, OPUS, "usage_above", above=75)
    assert await _drive(hass, calls, SESSION, 80) == []
    assert await _drive(hass, calls, OPUS, 80) == [f"usage_above {OPUS} 10 -> 80"]


async def test_text_state_is_ignored(
    hass: HomeAssistant, device: dr.DeviceEntry, calls: list[ServiceCall]
) -> None:
    """A state that is not a number is skipped: the crossing counts from 80."""
    _set_usage(hass, SESSION, 80)
    await _automation(hass, device, SESSION, "usage_above", above=90)
    assert await _drive(hass, calls, SESSION, "garbage", 95) == [
        f"usage_above {SESSION} garbage -> 95"
    ]


@pytest.mark.parametrize(
    ("saved", "crossing"),
    [
        # As saved before the threshold became an extra field: subtype 90.
        (
            {"type_": "usage_above", "subtype": 90},
            ((85, 91, 96), "85 -> 91 above 90.0"),
        ),
        (
            {"type_": "usage_below", "subtype": 90},
            ((95, 89, 80), "95 -> 89 below 90.0"),
        ),
        # Changed in the editor since: the threshold field wins over the subtype.
        (
            {"type_": "usage_above", "subtype": 90, "above": 95},
            ((85, 91, 96), "91 -> 96 above 95.0"),
        ),
    ],
)
async def test_threshold_saved_as_subtype_still_fires(
    hass: HomeAssistant,
    device: dr.DeviceEntry,
    calls: list[ServiceCall],
    saved: dict[str, Any],
    crossing: tuple[tuple[float, ...], str],
) -> None:
    """Automations saved with the threshold in the subtype keep firing at it."""
    fired = (
        "{{ trigger.from_state.state }} -> {{ trigger.to_state.state }}"
        " {% if trigger.above is not none %}above {{ trigger.above }}{% endif %}"
        "{% if trigger.below is not none %}below {{ trigger.below }}{% endif %}"
    )
    (first, *later), expected = crossing
    _set_usage(hass, SESSION, first)
    await _automation(hass, device, SESSION, fired=fired, **saved)
    assert await _drive(hass, calls, SESSION, *later) == [expected]


class EventTriggerArgument(StrEnum):
    """Home Assistant 2026.11's keys of the event trigger, for 2026.10's tests."""

    CONTEXT = "context"
    EVENT_DATA = "event_data"
    EVENT_TYPE = "event_type"
    PLATFORM = "platform"


@pytest.fixture(params=["2026.10", "2026.11"])
def event_trigger_api(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Run with the event trigger's keys of Home Assistant 2026.10, then of 2026.11."""
    if request.param == "2026.11":
        monkeypatch.setattr(
            event_trigger, "EventTriggerArgument", EventTriggerArgument, raising=False
        )
    else:
        monkeypatch.delattr(event_trigger, "EventTriggerArgument", raising=False)
    return str(request.param)


async def test_window_reset_fires_on_the_event_of_its_window(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    device: dr.DeviceEntry,
    calls: list[ServiceCall],
    event_trigger_api: str,
) -> None:
    """The reset trigger of the session window fires on that window's event only.

    Its event trigger is keyed by EventTriggerArgument where Home Assistant has it.
    """
    spy = []
    build = device_trigger._event_trigger_config

    def _spied(*args: Any) -> dict[str, Any]:
        config = build(*args)
        spy.append({type(key) for key in config})
        return config

    with patch.object(device_trigger, "_event_trigger_config", _spied):
        await _automation(hass, device, SESSION, "window_reset", EVENT_TEMPLATE)
    assert spy == [{EventTriggerArgument} if event_trigger_api == "2026.11" else {str}]

    base = {"entry_id": entry.entry_id, "account": "Acme", "old_utilization": 95.0}
    hass.bus.async_fire(EVENT_WINDOW_RESET, {**base, "window_key": "seven_day_opus"})
    hass.bus.async_fire(
        EVENT_WINDOW_RESET, {**base, "entry_id": "other", "window_key": "five_hour"}
    )
    await hass.async_block_till_done()
    assert calls == []

    hass.bus.async_fire(
        EVENT_WINDOW_RESET, {**base, "window_key": "five_hour", "new_utilization": 0.0}
    )
    await hass.async_block_till_done()
    assert [call.data["fired"] for call in calls] == [
        "claude_usage_window_reset five_hour 0.0"
    ]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"type": "usage_above"}, "Trigger type usage_above needs threshold 'above'"),
        ({"type": "usage_below"}, "usage_below needs threshold 'below'"),
        ({"type": "usage_above", "below": 5}, "usage_above takes no threshold 'below'"),
        ({"type": "usage_below", "above": 5}, "usage_below takes no threshold 'above'"),
        ({"type": "limit_reached", "above": 5}, "takes no threshold 'above'"),
        ({"type": "window_reset", "subtype": 5}, "takes no threshold 'subtype'"),
        ({"type": "usage_above", "above": 150}, "Value 150.0 is too large"),
        ({"type": "usage_below", "below": -1}, "Value -1.0 is too small"),
        ({"type": "usage_above", "subtype": 101}, "Value 101.0 is too large"),
        ({"type": "usage_above", "above": "lots"}, "expected float"),
        ({"type": "usage_above", "above": 90, "for": 5}, "not a valid option at 'for'"),
        ({"type": "usage_sideways"}, "value must be one of"),
    ],
)
def test_invalid_trigger_config(config: dict[str, Any], message: str) -> None:
    """Bad trigger configurations fail with a message naming the problem."""
    with pytest.raises(probatio.Invalid, match=message):
        device_trigger.TRIGGER_SCHEMA(
            {
                "platform": "device",
                "domain": DOMAIN,
                "device_id": "abc",
                "entity_id": SESSION,
                **config,
            }
        )


async def test_attach_to_another_entity_fails(
    hass: HomeAssistant, device: dr.DeviceEntry
) -> None:
    """Only a window's usage sensor can carry these triggers."""
    config = device_trigger.TRIGGER_SCHEMA(
        {
            "platform": "device",
            "domain": DOMAIN,
            "device_id": device.id,
            "entity_id": "sensor.acme_session_reset",
            "type": "limit_reached",
        }
    )
    info: Any = {"trigger_data": {}, "variables": {}, "name": "test"}
    with pytest.raises(InvalidDeviceAutomationConfig) as err:
        await device_trigger.async_attach_trigger(hass, config, lambda *_: None, info)
    assert err.value.translation_key == "not_a_usage_sensor"
    assert err.value.translation_placeholders == {
        "entity_id": "sensor.acme_session_reset"
    }
    with pytest.raises(EntityNotFound):
        await device_trigger.async_attach_trigger(
            hass, {**config, "entity_id": "sensor.nothing"}, lambda *_: None, info
        )


async def test_window_reset_of_an_orphaned_sensor_fails(hass: HomeAssistant) -> None:
    """A usage sensor left without its config entry cannot tell its account."""
    entity = er.async_get(hass).async_get_or_create(
        "sensor", DOMAIN, f"{ORG}_five_hour_usage", translation_key="session_usage"
    )
    config = device_trigger.TRIGGER_SCHEMA(
        {
            "platform": "device",
            "domain": DOMAIN,
            "device_id": "abc",
            "entity_id": entity.id,
            "type": "window_reset",
        }
    )
    info: Any = {"trigger_data": {}, "variables": {}, "name": "test"}
    with pytest.raises(InvalidDeviceAutomationConfig) as err:
        await device_trigger.async_attach_trigger(hass, config, lambda *_: None, info)
    assert err.value.translation_key == "no_account"
    assert err.value.translation_placeholders == {"entity_id": entity.entity_id}
