"""Forecast sensors, events and device triggers on the running integration (needs the wiring)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
import shutil
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import automation
from homeassistant.components.websocket_api.automation import (
    async_get_triggers_for_target,
)
from homeassistant.const import STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import (
    config_validation as cv,
    device_registry as dr,
    entity_registry as er,
)
from homeassistant.helpers.trigger import async_validate_trigger_config
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util, yaml as yaml_util
import probatio
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_mock_service,
)

from custom_components.claude_usage.const import DOMAIN
from custom_components.claude_usage.contract import usage_sensor_window_key
from custom_components.claude_usage.events import (
    EVENT_THRESHOLD_CROSSED,
    EVENT_WINDOW_RESET,
)
from tests.fake_claude import ORG_NAME, ORG_UUID, FakeClaude
from tests.helpers import MakeUsage
from tests.test_blueprints import BLUEPRINTS

START = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
SESSION_RESET = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)
NEXT_SESSION_RESET = datetime(2026, 11, 28, 19, 0, tzinfo=UTC)
WEEKLY_RESET = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def usage_payload(
    make_usage: MakeUsage, freezer: FrozenDateTimeFactory
) -> dict[str, Any]:
    """Start at 10:00 UTC with the session at 10 % (reset 14:00)."""
    freezer.move_to(START)
    return make_usage(
        session=(10.0, SESSION_RESET),
        weekly=(18.0, WEEKLY_RESET),
        scoped={"Opus": (7.0, WEEKLY_RESET)},
    )


def _entity_id(hass: HomeAssistant, key: str) -> str:
    """Return the entity id of the sensor with unique_id <org>_<key>."""
    entity_id = er.async_get(hass).async_get_entity_id(
        "sensor", DOMAIN, f"{ORG_UUID}_{key}"
    )
    assert entity_id is not None, key
    return entity_id


type Poll = Callable[..., Awaitable[None]]


@pytest.fixture
def poll_at(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    make_usage: MakeUsage,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> Poll:
    """Return a coroutine: serve the session at a value, move the clock, poll once."""

    async def _poll(
        at: datetime, session: float, resets_at: datetime = SESSION_RESET
    ) -> None:
        fake_claude.set_usage(
            make_usage(
                session=(session, resets_at),
                weekly=(18.0, WEEKLY_RESET),
                scoped={"Opus": (7.0, WEEKLY_RESET)},
            )
        )
        freezer.move_to(at)
        await init_integration.runtime_data.async_refresh()
        await hass.async_block_till_done()

    return _poll


async def test_forecast_sensors(hass: HomeAssistant, poll_at: Poll) -> None:
    """Projected usage and limit time follow the pace, hand-computed, and restart at a reset."""
    projected = _entity_id(hass, "five_hour_projected")
    limit_at = _entity_id(hass, "five_hour_limit_at")

    def _states() -> tuple[str, str]:
        return hass.states.get(projected).state, hass.states.get(limit_at).state

    # One sample: no pace yet.
    assert _states() == (STATE_UNKNOWN, STATE_UNKNOWN)
    state = hass.states.get(projected)
    assert state.attributes["unit_of_measurement"] == "%"
    assert state.name == f"Claude {ORG_NAME} Session forecast"
    assert hass.states.get(limit_at).attributes["device_class"] == "timestamp"

    # 10 -> 20 % in 30 min = 20 %/h: 20 + 20 * 3.5 = 90 % at 14:00; no limit before it.
    await poll_at(START + timedelta(minutes=30), 20.0)
    assert _states() == ("90.0", STATE_UNKNOWN)

    # 10 -> 35 % in 1 h = 25 %/h: 35 + 25 * 3 = 110 % at 14:00; 100 % at 11:00 + 2.6 h
    # = 13:36, shown to five minutes (rounded down, the earlier warning): 13:35.
    await poll_at(START + timedelta(hours=1), 35.0)
    assert _states() == ("110.0", "2026-11-28T13:35:00+00:00")

    # The window resets: one sample of the new window, no pace.
    await poll_at(SESSION_RESET + timedelta(minutes=5), 2.0, NEXT_SESSION_RESET)
    assert _states() == (STATE_UNKNOWN, STATE_UNKNOWN)


async def test_events_from_polls(
    hass: HomeAssistant, init_integration: MockConfigEntry, poll_at: Poll
) -> None:
    """Crossings and resets seen between polls land on the bus once, also after a reload."""
    crossed = async_capture_events(hass, EVENT_THRESHOLD_CROSSED)
    resets = async_capture_events(hass, EVENT_WINDOW_RESET)
    clock = START

    async def poll(session: float, resets_at: datetime = SESSION_RESET) -> None:
        nonlocal clock
        clock += timedelta(minutes=5)
        await poll_at(clock, session, resets_at)

    await poll(40.0)
    await poll(55.0)
    await poll(60.0)
    assert [
        (e.data["window_key"], e.data["threshold"], e.data["direction"])
        for e in crossed
    ] == [("five_hour", 50.0, "up")]
    assert crossed[0].data == {
        "entry_id": init_integration.entry_id,
        "account": f"Claude {ORG_NAME}",
        "window_key": "five_hour",
        "window_name": "Session",
        "old_utilization": 40.0,
        "new_utilization": 55.0,
        "threshold": 50.0,
        "direction": "up",
    }
    crossed.clear()

    # A reload (like a restart) polls again: the first answer is the baseline.
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    await poll(62.0)
    assert crossed == []
    assert resets == []

    await poll(1.0, NEXT_SESSION_RESET)
    assert [e.data["old_utilization"] for e in resets] == [62.0]
    assert resets[0].data["resets_at"] == NEXT_SESSION_RESET.isoformat()
    assert [(e.data["threshold"], e.data["direction"]) for e in crossed] == [
        (50.0, "down")
    ]


async def test_usage_sensors_known_by_unique_id(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The unique id names the window of exactly the usage sensors, as their attributes do."""
    found = {
        entity.entity_id: window_key
        for entity in er.async_entries_for_config_entry(
            er.async_get(hass), init_integration.entry_id
        )
        if entity.domain == "sensor"
        and (window_key := usage_sensor_window_key(ORG_UUID, entity.unique_id))
    }
    assert sorted(found.values()) == ["five_hour", "seven_day", "seven_day_opus"]
    for entity_id, window_key in found.items():
        state = hass.states.get(entity_id)
        assert state.attributes["window_key"] == window_key
        assert state.attributes["unit_of_measurement"] == "%"


async def test_device_trigger_on_the_running_integration(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    poll_at: Poll,
) -> None:
    """usage_above 50 and window_reset fire once each, not after an outage or a reload.

    usage_above saved with the threshold in its subtype (before it became the
    ``above`` field) fires alike.
    """
    calls: list[ServiceCall] = async_mock_service(hass, "test", "automation")
    [device] = dr.async_entries_for_config_entry(
        dr.async_get(hass), init_integration.entry_id
    )
    usage = er.async_get(hass).async_get(_entity_id(hass, "five_hour_usage"))
    assert usage is not None
    base = {
        "platform": "device",
        "domain": DOMAIN,
        "device_id": device.id,
        "entity_id": usage.id,
    }
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: [
                {
                    "trigger": {**base, "type": "usage_above", "above": 50},
                    "action": {
                        "service": "test.automation",
                        "data": {"fired": "above"},
                    },
                },
                {
                    # As saved before the threshold became an extra field.
                    "trigger": {**base, "type": "usage_above", "subtype": 50},
                    "action": {
                        "service": "test.automation",
                        "data": {"fired": "above (saved as subtype)"},
                    },
                },
                {
                    "trigger": {**base, "type": "window_reset"},
                    "action": {
                        "service": "test.automation",
                        "data": {"fired": "reset"},
                    },
                },
            ]
        },
    )
    clock = START

    async def poll(session: float, resets_at: datetime = SESSION_RESET) -> list[str]:
        nonlocal clock
        clock += timedelta(minutes=5)
        await poll_at(clock, session, resets_at)
        fired = sorted(call.data["fired"] for call in calls)
        calls.clear()
        return fired

    above = ["above", "above (saved as subtype)"]
    assert await poll(55.0) == above
    assert await poll(60.0) == []

    fake_claude.fail("server_error", status=500, times=1)
    assert await poll(60.0) == []
    assert hass.states.get(usage.entity_id).state == STATE_UNAVAILABLE
    clock += timedelta(minutes=30)
    assert await poll(65.0) == []

    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert await poll(66.0) == []

    assert await poll(3.0, NEXT_SESSION_RESET) == ["reset"]
    assert await poll(70.0, NEXT_SESSION_RESET) == above


@pytest.mark.parametrize(
    "name", ["usage_threshold_notify.yaml", "window_reset_notify.yaml"]
)
async def test_blueprint_sensor_input_offers_percentages_only(
    hass: HomeAssistant, init_integration: MockConfigEntry, name: str
) -> None:
    """The usage sensor input offers the account's % sensors: no money, no times.

    The entity selector's filter is applied as the frontend's entity picker does:
    the integration and domain from the registry, the unit from the state.
    """
    blueprint = yaml_util.load_yaml_dict(BLUEPRINTS / name)["blueprint"]
    [entity_filter] = blueprint["input"]["usage_sensor"]["selector"]["entity"]["filter"]
    offered = sorted(
        entity.unique_id.removeprefix(f"{ORG_UUID}_")
        for entity in er.async_entries_for_config_entry(
            er.async_get(hass), init_integration.entry_id
        )
        if entity.disabled_by is None
        and entity.platform == entity_filter["integration"]
        and entity.domain == entity_filter["domain"]
        and hass.states.get(entity.entity_id).attributes.get("unit_of_measurement")
        == entity_filter["unit_of_measurement"]
    )
    assert offered == [
        "extra_usage_utilization",
        "five_hour_projected",
        "five_hour_usage",
        "seven_day_opus_projected",
        "seven_day_opus_usage",
        "seven_day_projected",
        "seven_day_usage",
    ]


async def test_blueprints_on_the_running_integration(
    hass: HomeAssistant,
    tmp_path: Path,
    init_integration: MockConfigEntry,
    poll_at: Poll,
) -> None:
    """The three blueprints, on the integration's own entities and events, each notify once."""
    notifications = async_mock_service(hass, "notify", "test")
    hass.config.config_dir = str(tmp_path)
    shutil.copytree(BLUEPRINTS, hass.config.path("blueprints/automation/claude_usage"))
    usage = _entity_id(hass, "five_hour_usage")
    notify = [{"action": "notify.test", "data": {"message": "{{ message }}"}}]

    def blueprint(name: str, inputs: dict[str, Any]) -> dict[str, Any]:
        return {
            "use_blueprint": {
                "path": f"claude_usage/{name}",
                "input": {**inputs, "notify": notify},
            }
        }

    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: [
                blueprint(
                    "usage_threshold_notify.yaml",
                    {"usage_sensor": usage, "threshold": 50},
                ),
                blueprint("window_reset_notify.yaml", {"usage_sensor": usage}),
                blueprint(
                    "forecast_limit_notify.yaml",
                    {
                        "limit_sensor": _entity_id(hass, "five_hour_limit_at"),
                        "reset_sensor": _entity_id(hass, "five_hour_reset"),
                    },
                ),
            ]
        },
    )
    await hass.async_block_till_done()

    async def poll(
        at: datetime, session: float, resets_at: datetime = SESSION_RESET
    ) -> list[str]:
        await poll_at(at, session, resets_at)
        messages = sorted(call.data["message"] for call in notifications)
        notifications.clear()
        return messages

    def hhmm(value: datetime) -> str:
        return dt_util.as_local(value).strftime("%H:%M")

    assert await poll(START + timedelta(minutes=30), 20.0) == []
    # 10 -> 55 % in an hour: above 50 %, and at 45 %/h the limit comes at 12:00.
    assert await poll(START + timedelta(hours=1), 55.0) == [
        (
            f"At this pace, Claude {ORG_NAME} Session runs out"
            f" {hhmm(START + timedelta(hours=2))},"
            f" before the reset at {hhmm(SESSION_RESET)}."
        ),
        f"Claude {ORG_NAME} Session usage is at 55% (above 50%).",
    ]
    assert await poll(START + timedelta(hours=1, minutes=5), 60.0) == []
    assert await poll(
        SESSION_RESET + timedelta(minutes=5), 2.0, NEXT_SESSION_RESET
    ) == [f"Claude {ORG_NAME}: Session started anew, usage is at 2% (was 60%)."]


async def test_triggers_for_the_account_as_target(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Add trigger > By target lists the usage triggers for the account and its sensors.

    The editor asks the websocket command get_triggers_for_target, which answers
    with this function.
    """
    [device] = dr.async_entries_for_config_entry(
        dr.async_get(hass), init_integration.entry_id
    )
    hass.states.async_set("sensor.outside", "12", {"unit_of_measurement": "%"})
    assert await async_setup_component(hass, automation.DOMAIN, {})

    async def triggers_for(target: dict[str, Any]) -> list[str]:
        found = await async_get_triggers_for_target(hass, target, expand_group=True)
        return sorted(t for t in found if t.startswith(f"{DOMAIN}."))

    ours = ["claude_usage.usage_crossed_threshold", "claude_usage.window_reset"]
    assert await triggers_for({"device_id": [device.id]}) == ours
    assert (
        await triggers_for({"entity_id": [_entity_id(hass, "five_hour_usage")]}) == ours
    )
    assert await triggers_for({"entity_id": ["sensor.outside"]}) == []


async def test_target_triggers_on_the_running_integration(
    hass: HomeAssistant, init_integration: MockConfigEntry, poll_at: Poll
) -> None:
    """For the account as target: above 50 % once per crossing, and each reset."""
    calls: list[ServiceCall] = async_mock_service(hass, "test", "automation")
    [device] = dr.async_entries_for_config_entry(
        dr.async_get(hass), init_integration.entry_id
    )
    fired = {
        "service": "test.automation",
        "data": {"fired": "{{ trigger.entity_id }}"},
    }
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: [
                {
                    "triggers": {
                        "trigger": f"{DOMAIN}.usage_crossed_threshold",
                        "target": {"device_id": device.id},
                        "options": {
                            "threshold": {"type": "above", "value": {"number": 50}}
                        },
                    },
                    "actions": {
                        **fired,
                        "data": {"fired": "above {{ trigger.entity_id }}"},
                    },
                },
                {
                    "triggers": {
                        "trigger": f"{DOMAIN}.window_reset",
                        "target": {"device_id": device.id},
                    },
                    "actions": {
                        **fired,
                        "data": {
                            "fired": "reset {{ trigger.entity_id }}"
                            " {{ trigger.event.data.new_utilization }}"
                        },
                    },
                },
                {
                    "triggers": {
                        "trigger": f"{DOMAIN}.window_reset",
                        "target": {
                            "entity_id": _entity_id(hass, "seven_day_opus_usage")
                        },
                    },
                    "actions": {**fired, "data": {"fired": "opus reset"}},
                },
            ]
        },
    )
    await hass.async_block_till_done()
    session = _entity_id(hass, "five_hour_usage")
    clock = START

    async def poll(value: float, resets_at: datetime = SESSION_RESET) -> list[str]:
        nonlocal clock
        clock += timedelta(minutes=5)
        await poll_at(clock, value, resets_at)
        result = [call.data["fired"] for call in calls]
        calls.clear()
        return result

    assert await poll(40.0) == []
    assert await poll(55.0) == [f"above {session}"]
    assert await poll(60.0) == []
    assert await poll(3.0, NEXT_SESSION_RESET) == [f"reset {session} 3.0"]
    assert await poll(51.0, NEXT_SESSION_RESET) == [f"above {session}"]


async def _validate_window_reset(hass: HomeAssistant, target: dict[str, Any]) -> Any:
    """Validate a window_reset trigger for ``target`` as an automation's trigger."""
    [config] = await async_validate_trigger_config(
        hass, [{"platform": f"{DOMAIN}.window_reset", "target": target}]
    )
    return config


async def test_window_reset_target_without_exclude(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Home Assistant 2026.10 has no exclude: a target is what it names."""
    monkeypatch.delattr(cv, "exclude_requires_target", raising=False)
    session = _entity_id(hass, "five_hour_usage")
    config = await _validate_window_reset(hass, {"entity_id": session})
    assert config["target"] == {"entity_id": [session]}


async def test_window_reset_target_exclude_needs_a_target(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With Home Assistant 2026.11's cv.exclude_requires_target, window_reset uses it.

    2026.10 has neither the check nor exclude, so the check is simulated: it sees
    each target, and what it refuses fails the trigger. The end-to-end test against
    2026.11 shows the real one refusing an exclude with nothing to take it from.
    """
    # Simulated: refuses a target without a device (2026.11's refuses one with
    # only an exclude).
    checked: list[dict[str, Any]] = []

    def exclude_requires_target(value: dict[str, Any]) -> dict[str, Any]:
        checked.append(value)
        if not value.get("device_id"):
            raise probatio.Invalid("an exclude block requires a target to exclude from")
        return value

    monkeypatch.setattr(
        cv, "exclude_requires_target", exclude_requires_target, raising=False
    )
    [device] = dr.async_entries_for_config_entry(
        dr.async_get(hass), init_integration.entry_id
    )
    config = await _validate_window_reset(hass, {"device_id": device.id})
    assert config["target"] == {"device_id": [device.id]}
    assert checked == [{"device_id": [device.id]}]
    with pytest.raises(probatio.Invalid, match="requires a target to exclude from"):
        await _validate_window_reset(hass, {"entity_id": "sensor.any"})
