"""Triggers of the windows' usage sensors, for a target (an account, a window's sensor).

Home Assistant's automation editor opens "Add trigger" on "By target": pick the
Claude account (or one of its usage sensors) and these are listed. The device
triggers (device_trigger.py) stay under "By type > Device".

``usage_crossed_threshold`` is Home Assistant's own numeric "crossed threshold"
trigger, limited to the usage sensors of the target: it fires when a window's
usage enters the threshold's range (above, below, between or outside) from a
number outside it. ``window_reset`` fires on the ``claude_usage_window_reset``
event of a window whose usage sensor is in the target.
"""

from __future__ import annotations

from typing import Any, Final, override

from homeassistant.components.sensor import DOMAIN as SENSOR_DOMAIN
from homeassistant.const import CONF_OPTIONS, CONF_TARGET, PERCENTAGE
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import (
    config_validation as cv,
    entity_registry as er,
    target as target_helpers,
)
from homeassistant.helpers.automation import DomainSpec
from homeassistant.helpers.trigger import (
    EntityNumericalStateCrossedThresholdTriggerBase,
    Trigger,
    TriggerActionRunner,
    TriggerConfig,
    TriggerNotTriggeredReporter,
)
from homeassistant.helpers.typing import ConfigType
import probatio

from .device_trigger import window_key_of
from .events import ATTR_ENTRY_ID, ATTR_WINDOW_KEY, EVENT_WINDOW_RESET


@callback
def _usage_sensors(hass: HomeAssistant, entity_ids: set[str]) -> set[str]:
    """Return the windows' usage sensors among ``entity_ids``."""
    registry = er.async_get(hass)
    return {
        entity_id
        for entity_id in entity_ids
        if (entry := registry.async_get(entity_id)) is not None
        and window_key_of(hass, entry) is not None
    }


class UsageCrossedThresholdTrigger(EntityNumericalStateCrossedThresholdTriggerBase):
    """A window's usage enters the threshold's range."""

    _domain_specs = {SENSOR_DOMAIN: DomainSpec()}
    _valid_unit = PERCENTAGE

    @override
    def entity_filter(self, entities: set[str]) -> set[str]:
        """Keep only the windows' usage sensors of the target."""
        return _usage_sensors(self._hass, super().entity_filter(entities))


def _window_reset_schema() -> probatio.Schema:
    """Return the schema of window_reset: a target, and no options.

    A target may leave out some of what it names (``exclude``) since Home Assistant
    2026.11, whose cv.exclude_requires_target refuses an exclude with nothing to
    take it from; Home Assistant 2026.10 has neither.
    """
    target: Any = cv.TARGET_FIELDS
    if (
        exclude_requires_target := getattr(cv, "exclude_requires_target", None)
    ) is not None:
        target = probatio.All(target, exclude_requires_target)
    return probatio.Schema(
        {
            probatio.Required(CONF_TARGET): target,
            probatio.Optional(CONF_OPTIONS, default={}): {},
        }
    )


class WindowResetTrigger(Trigger):
    """A window whose usage sensor is in the target starts anew."""

    @override
    @classmethod
    async def async_validate_config(
        cls, hass: HomeAssistant, config: ConfigType
    ) -> ConfigType:
        """Validate the target."""
        validated: ConfigType = _window_reset_schema()(config)
        return validated

    def __init__(self, hass: HomeAssistant, config: TriggerConfig) -> None:
        """Keep the target; its sensors are looked up at each reset."""
        super().__init__(hass, config)
        assert config.target is not None
        self._target = target_helpers.TargetSelection(config.target)

    def _resets_a_target_window(self, event: Event[dict[str, Any]]) -> str | None:
        """Return the usage sensor of the event's window if it is in the target."""
        entities = target_helpers.async_extract_referenced_entity_ids(
            self._hass, self._target
        )
        registry = er.async_get(self._hass)
        for entity_id in entities.referenced | entities.indirectly_referenced:
            if (
                (entry := registry.async_get(entity_id)) is not None
                and entry.config_entry_id == event.data[ATTR_ENTRY_ID]
                and window_key_of(self._hass, entry) == event.data[ATTR_WINDOW_KEY]
            ):
                return entity_id
        return None

    @override
    async def async_attach_runner(
        self,
        run_action: TriggerActionRunner,
        did_not_trigger: TriggerNotTriggeredReporter | None = None,
    ) -> CALLBACK_TYPE:
        """Run the action on each reset of a target window."""

        @callback
        def _async_reset(event: Event[dict[str, Any]]) -> None:
            if (entity_id := self._resets_a_target_window(event)) is None:
                return
            run_action(
                {"entity_id": entity_id, "event": event},
                f"reset of {entity_id}",
                event.context,
            )

        return self._hass.bus.async_listen(EVENT_WINDOW_RESET, _async_reset)


TRIGGERS: Final[dict[str, type[Trigger]]] = {
    "usage_crossed_threshold": UsageCrossedThresholdTrigger,
    "window_reset": WindowResetTrigger,
}


async def async_get_triggers(hass: HomeAssistant) -> dict[str, type[Trigger]]:
    """Return the triggers of the windows' usage sensors."""
    return TRIGGERS
