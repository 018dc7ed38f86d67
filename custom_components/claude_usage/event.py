"""The Claude Code event entity: Claude finished, or needs the user (from its hooks)."""

from __future__ import annotations

from typing import override

from homeassistant.components.event import EventEntity
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import (
    async_dispatcher_connect,
    async_dispatcher_send,
)
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .api.claude_code import HookEvent
from .coordinator import ClaudeUsageConfigEntry, ClaudeUsageCoordinator
from .entity import ClaudeUsageEntity

# The webhook dispatches, the entity fires.
PARALLEL_UPDATES = 0


def _signal(entry_id: str) -> str:
    return f"claude_usage_hook_{entry_id}"


@callback
def async_dispatch_hook(hass: HomeAssistant, entry_id: str, event: HookEvent) -> None:
    """Hand a hook's event to the entry's event entity."""
    async_dispatcher_send(hass, _signal(entry_id), event)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: ClaudeUsageConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the event entity of a Claude Code entry."""
    async_add_entities([ClaudeCodeEventEntity(entry.runtime_data)])


class ClaudeCodeEventEntity(ClaudeUsageEntity, EventEntity):
    """Fires ``finished`` (the Stop hook) and ``needs_input`` (a waiting notification).

    The device's main entity: it takes the device's name ("Claude Code").
    """

    _attr_name = None
    _attr_translation_key = "claude_code"
    _attr_event_types = [event.value for event in HookEvent]

    def __init__(self, coordinator: ClaudeUsageCoordinator) -> None:
        """Create the event entity of the entry's device."""
        super().__init__(coordinator, "claude_code")

    async def async_added_to_hass(self) -> None:
        """Listen to the hooks the webhook receives for this entry."""
        await super().async_added_to_hass()
        self.async_on_remove(
            async_dispatcher_connect(
                self.hass,
                _signal(self.coordinator.config_entry.entry_id),
                self._async_fired,
            )
        )

    @callback
    @override
    def _handle_coordinator_update(self) -> None:
        """Write nothing: new usage is no event of Claude Code's."""

    @callback
    def _async_fired(self, event: HookEvent) -> None:
        self._trigger_event(event.value)
        self.async_write_ha_state()

    @property
    def available(self) -> bool:
        """Return True: hooks arrive whatever the usage does."""
        return True
