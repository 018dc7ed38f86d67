"""Binary sensors of the Claude Usage integration: "limit reached" per limit window."""

from __future__ import annotations

from homeassistant.components.binary_sensor import BinarySensorEntity
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .api import LimitWindow, WindowKind
from .coordinator import ClaudeUsageConfigEntry, ClaudeUsageCoordinator
from .entity import ClaudeUsageEntity
from .forecast import LIMIT
from .sensor import TRANSLATION_PREFIX

# The coordinator does all the fetching.
PARALLEL_UPDATES = 0

LIMIT_REACHED_KEY = "limit_reached"


def _build_binary_sensors(
    coordinator: ClaudeUsageCoordinator,
) -> list[ClaudeLimitReachedBinarySensor]:
    """Return one "limit reached" binary sensor per window of the current data."""
    return [
        ClaudeLimitReachedBinarySensor(coordinator, window)
        for window in coordinator.data.windows
    ]


async def async_setup_entry(
    hass: HomeAssistant,
    entry: ClaudeUsageConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the binary sensors, add those of new windows, drop stale ones."""
    coordinator = entry.runtime_data
    sensors = _build_binary_sensors(coordinator)
    known = {sensor.unique_id for sensor in sensors}

    # As for the sensors: a window gone at setup time leaves the registry.
    entity_registry = er.async_get(hass)
    for entity_entry in er.async_entries_for_config_entry(
        entity_registry, entry.entry_id
    ):
        if (
            entity_entry.domain == Platform.BINARY_SENSOR
            and entity_entry.unique_id not in known
        ):
            entity_registry.async_remove(entity_entry.entity_id)

    @callback
    def _async_add_new_binary_sensors() -> None:
        new = [
            sensor
            for sensor in _build_binary_sensors(coordinator)
            if sensor.unique_id not in known
        ]
        if new:
            known.update(sensor.unique_id for sensor in new)
            async_add_entities(new)

    async_add_entities(sensors)
    entry.async_on_unload(coordinator.async_add_listener(_async_add_new_binary_sensors))


class ClaudeLimitReachedBinarySensor(ClaudeUsageEntity, BinarySensorEntity):
    """On while a window's utilization is at or above 100 %."""

    def __init__(
        self, coordinator: ClaudeUsageCoordinator, window: LimitWindow
    ) -> None:
        """Create the binary sensor of ``window``."""
        super().__init__(coordinator, f"{window.key}_{LIMIT_REACHED_KEY}")
        self.window_key = window.key
        self._attr_translation_key = (
            f"{TRANSLATION_PREFIX[window.kind]}_{LIMIT_REACHED_KEY}"
        )
        if window.kind is WindowKind.WEEKLY_SCOPED:
            self._attr_translation_placeholders = {"model": window.model or window.name}
        elif window.kind is WindowKind.UNKNOWN:
            self._attr_translation_placeholders = {"window": window.name}

    @property
    def _window(self) -> LimitWindow | None:
        """Return the window in the latest data, if it still exists."""
        return self.coordinator.data.window(self.window_key)

    @property
    def available(self) -> bool:
        """Return whether the last poll succeeded and still reported the window."""
        return super().available and self._window is not None

    @property
    def is_on(self) -> bool:
        """Return whether the window's utilization reached the limit."""
        window = self._window
        return window is not None and window.utilization >= LIMIT
