"""Device triggers of a Claude account: per window usage above/below, reset, limit reached.

Each trigger belongs to one window's usage sensor (its ``entity_id``), so the
per-model weekly windows have their own.

``usage_above``, ``usage_below`` and ``limit_reached`` fire once per crossing of
their threshold (``above`` of the first, ``below`` of the second, 0 to 100 %),
judged between the sensor's last two numeric states: ``usage_above`` fires when
the previous value was at or below the threshold and the new one is above it,
``usage_below`` the other way round, ``limit_reached`` when the value reaches
100 % from below. Unlike a ``numeric_state`` trigger, a sensor that turns
unavailable for a poll (a failed request, a reload) and comes back on the same
side does not fire again; and when the trigger attaches while the sensor has no
value yet (Home Assistant starting), the first value is the baseline.

``window_reset`` fires on the ``claude_usage_window_reset`` event of the
sensor's config entry and window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from homeassistant.components.device_automation import (
    DEVICE_TRIGGER_BASE_SCHEMA,
    async_get_entity_registry_entry_or_raise,
)
from homeassistant.components.device_automation.exceptions import (
    InvalidDeviceAutomationConfig,
)
from homeassistant.components.homeassistant.triggers import event as event_trigger
from homeassistant.components.sensor import DOMAIN as SENSOR_DOMAIN
from homeassistant.const import (
    CONF_ABOVE,
    CONF_BELOW,
    CONF_DEVICE_ID,
    CONF_DOMAIN,
    CONF_ENTITY_ID,
    CONF_EVENT,
    CONF_PLATFORM,
    CONF_TYPE,
    PERCENTAGE,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HassJob,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers import (
    config_validation as cv,
    entity_registry as er,
    selector,
)
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.helpers.trigger import TriggerActionType, TriggerInfo
from homeassistant.helpers.typing import ConfigType
import probatio

from .const import CONF_ORG_UUID, DOMAIN
from .contract import usage_sensor_window_key
from .events import ATTR_ENTRY_ID, ATTR_WINDOW_KEY, EVENT_WINDOW_RESET
from .forecast import LIMIT

TRIGGER_USAGE_ABOVE: Final = "usage_above"
TRIGGER_USAGE_BELOW: Final = "usage_below"
TRIGGER_WINDOW_RESET: Final = "window_reset"
TRIGGER_LIMIT_REACHED: Final = "limit_reached"
TRIGGER_TYPES: Final = (
    TRIGGER_USAGE_ABOVE,
    TRIGGER_USAGE_BELOW,
    TRIGGER_WINDOW_RESET,
    TRIGGER_LIMIT_REACHED,
)

# The threshold of usage_above is its `above`, of usage_below its `below`, in
# percent: extra fields of the trigger, as in Home Assistant's own numeric device
# triggers. The automation editor finds a trigger among the listed ones by its ids,
# type and subtype, not by its extra fields, so a changed threshold keeps it known.
THRESHOLD_KEYS: Final = {
    TRIGGER_USAGE_ABOVE: CONF_ABOVE,
    TRIGGER_USAGE_BELOW: CONF_BELOW,
}
# Automations saved before kept the threshold in the subtype; they still work.
CONF_SUBTYPE: Final = "subtype"
DEFAULT_THRESHOLD: Final = 90
THRESHOLD_SELECTOR: Final = selector.NumberSelector(
    selector.NumberSelectorConfig(
        min=0,
        max=LIMIT,
        step=1,
        unit_of_measurement=PERCENTAGE,
        mode=selector.NumberSelectorMode.BOX,
    )
)


def _threshold(config: ConfigType) -> ConfigType:
    """Require the threshold of usage_above / usage_below, refuse it elsewhere.

    A threshold saved as the subtype moves to ``above`` / ``below``; a value of
    those (set in the editor since) wins over it.
    """
    trigger_type = config[CONF_TYPE]
    key = THRESHOLD_KEYS.get(trigger_type)
    allowed = {key, CONF_SUBTYPE} if key else set()
    for given in (CONF_ABOVE, CONF_BELOW, CONF_SUBTYPE):
        if given in config and given not in allowed:
            raise probatio.Invalid(
                f"Trigger type {trigger_type} takes no threshold '{given}'",
                path=[given],
            )
    if key is None:
        return config
    config = dict(config)
    legacy = config.pop(CONF_SUBTYPE, None)
    if key not in config:
        if legacy is None:
            raise probatio.Invalid(
                f"Trigger type {trigger_type} needs threshold '{key}'", path=[key]
            )
        config[key] = legacy
    return config


TRIGGER_SCHEMA: Final = probatio.All(
    DEVICE_TRIGGER_BASE_SCHEMA.extend(
        {
            probatio.Required(CONF_ENTITY_ID): cv.entity_id_or_uuid,
            probatio.Required(CONF_TYPE): probatio.In(TRIGGER_TYPES),
            probatio.Optional(CONF_ABOVE): THRESHOLD_SELECTOR,
            probatio.Optional(CONF_BELOW): THRESHOLD_SELECTOR,
            probatio.Optional(CONF_SUBTYPE): THRESHOLD_SELECTOR,
        }
    ),
    _threshold,
)


def _org_uuid(hass: HomeAssistant, entry: er.RegistryEntry) -> str | None:
    """Return the organization of an entity's config entry, None when it has none."""
    if entry.config_entry_id is None or (
        (config_entry := hass.config_entries.async_get_entry(entry.config_entry_id))
        is None
    ):
        return None
    org_uuid: str = config_entry.data[CONF_ORG_UUID]
    return org_uuid


def window_key_of(hass: HomeAssistant, entry: er.RegistryEntry) -> str | None:
    """Return the window key of a window's usage sensor, None for any other entity."""
    if (
        entry.platform != DOMAIN
        or entry.domain != SENSOR_DOMAIN
        or (org_uuid := _org_uuid(hass, entry)) is None
    ):
        return None
    return usage_sensor_window_key(org_uuid, entry.unique_id)


async def async_get_triggers(
    hass: HomeAssistant, device_id: str
) -> list[dict[str, str | int]]:
    """List the triggers of every window's usage sensor, thresholds at their default."""
    registry = er.async_get(hass)
    return [
        {
            CONF_PLATFORM: "device",
            CONF_DEVICE_ID: device_id,
            CONF_DOMAIN: DOMAIN,
            CONF_ENTITY_ID: entry.id,
            CONF_TYPE: trigger_type,
            **(
                {key: DEFAULT_THRESHOLD}
                if (key := THRESHOLD_KEYS.get(trigger_type))
                else {}
            ),
        }
        for entry in er.async_entries_for_device(registry, device_id)
        if window_key_of(hass, entry) is not None
        for trigger_type in TRIGGER_TYPES
    ]


async def async_get_trigger_capabilities(
    hass: HomeAssistant, config: ConfigType
) -> dict[str, probatio.Schema]:
    """Ask usage_above / usage_below for the threshold: 0 to 100 %, 90 unless changed.

    A trigger saved with the threshold in its subtype shows that one.
    """
    if (key := THRESHOLD_KEYS.get(config[CONF_TYPE])) is None:
        return {}
    default = config.get(CONF_SUBTYPE, DEFAULT_THRESHOLD)
    return {
        "extra_fields": probatio.Schema(
            {probatio.Required(key, default=default): THRESHOLD_SELECTOR}
        )
    }


def _usage_sensor(hass: HomeAssistant, entity_id: str) -> tuple[er.RegistryEntry, str]:
    """Return a window's usage sensor and its window key, or raise when it is none."""
    entry = async_get_entity_registry_entry_or_raise(hass, entity_id)
    placeholders = {"entity_id": entry.entity_id}
    if entry.platform == DOMAIN and _org_uuid(hass, entry) is None:
        raise InvalidDeviceAutomationConfig(
            translation_domain=DOMAIN,
            translation_key="no_account",
            translation_placeholders=placeholders,
        )
    if (window_key := window_key_of(hass, entry)) is None:
        raise InvalidDeviceAutomationConfig(
            translation_domain=DOMAIN,
            translation_key="not_a_usage_sensor",
            translation_placeholders=placeholders,
        )
    return entry, window_key


def _numeric_value(state: State | None) -> float | None:
    """Return a state's number, or None for no state, unavailable, unknown, or text."""
    if state is None or state.state in (STATE_UNAVAILABLE, STATE_UNKNOWN):
        return None
    try:
        return float(state.state)
    except ValueError:
        return None


def _crossing(config: ConfigType) -> Callable[[float, float], bool]:
    """Return whether going from one value to the next crosses the trigger's threshold."""
    if config[CONF_TYPE] == TRIGGER_LIMIT_REACHED:
        return lambda old, new: old < LIMIT <= new
    threshold: float = config[THRESHOLD_KEYS[config[CONF_TYPE]]]
    if config[CONF_TYPE] == TRIGGER_USAGE_ABOVE:
        return lambda old, new: old <= threshold < new
    return lambda old, new: old >= threshold > new


def _event_trigger_config(event_type: str, event_data: dict[str, Any]) -> ConfigType:
    """Return the config of Home Assistant's event trigger for these events.

    Its keys are the event trigger's own EventTriggerArgument where Home Assistant
    has it (2026.11 on: the CONF_ names give way to it), else the same names.
    """
    argument = getattr(event_trigger, "EventTriggerArgument", None)
    if argument is None:  # Home Assistant 2026.10
        return {
            CONF_PLATFORM: CONF_EVENT,
            "event_type": event_type,
            "event_data": event_data,
        }
    return {
        argument.PLATFORM: CONF_EVENT,
        argument.EVENT_TYPE: event_type,
        argument.EVENT_DATA: event_data,
    }


async def async_attach_trigger(
    hass: HomeAssistant,
    config: ConfigType,
    action: TriggerActionType,
    trigger_info: TriggerInfo,
) -> CALLBACK_TYPE:
    """Attach a trigger to its window's usage sensor or to its reset event."""
    entry, window_key = _usage_sensor(hass, config[CONF_ENTITY_ID])

    if config[CONF_TYPE] == TRIGGER_WINDOW_RESET:
        event_config = event_trigger.TRIGGER_SCHEMA(
            _event_trigger_config(
                EVENT_WINDOW_RESET,
                {ATTR_ENTRY_ID: entry.config_entry_id, ATTR_WINDOW_KEY: window_key},
            )
        )
        return await event_trigger.async_attach_trigger(
            hass, event_config, action, trigger_info, platform_type="device"
        )

    entity_id = entry.entity_id
    crossed = _crossing(config)
    job = HassJob(action, f"claude_usage device trigger {trigger_info}")
    trigger_data = trigger_info["trigger_data"]
    last_value = _numeric_value(hass.states.get(entity_id))

    @callback
    def _async_state_changed(event: Event[EventStateChangedData]) -> None:
        nonlocal last_value
        new_state = event.data["new_state"]
        if new_state is None or (value := _numeric_value(new_state)) is None:
            return
        previous, last_value = last_value, value
        if previous is None or not crossed(previous, value):
            return
        payload: dict[str, Any] = {
            **trigger_data,
            CONF_PLATFORM: "device",
            CONF_DOMAIN: DOMAIN,
            CONF_DEVICE_ID: config[CONF_DEVICE_ID],
            CONF_TYPE: config[CONF_TYPE],
            CONF_ENTITY_ID: entity_id,
            # The validated config holds the threshold of its type only.
            CONF_ABOVE: config.get(CONF_ABOVE),
            CONF_BELOW: config.get(CONF_BELOW),
            "from_state": event.data["old_state"],
            "to_state": new_state,
            "description": f"{config[CONF_TYPE]} of {entity_id}",
        }
        hass.async_run_hass_job(job, {"trigger": payload}, new_state.context)

    return async_track_state_change_event(hass, [entity_id], _async_state_changed)
