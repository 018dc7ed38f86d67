"""Binary sensors of the Claude Usage integration: "limit reached" per limit window."""

from __future__ import annotations

from homeassistant.components.binary_sensor import BinarySensorEntity
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .api import LimitWindow
from .coordinator import ClaudeUsageConfigEntry, ClaudeUsageCoordinator
from .entity import ClaudeWindowEntity, async_add_window_entities
from .forecast import LIMIT

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
    """Set up the binary sensors, and those of windows that appear later."""
    async_add_window_entities(entry, _build_binary_sensors, async_add_entities)


class ClaudeLimitReachedBinarySensor(ClaudeWindowEntity, BinarySensorEntity):
    """On while a window's utilization is at or above 100 %."""

    def __init__(
        self, coordinator: ClaudeUsageCoordinator, window: LimitWindow
    ) -> None:
        """Create the binary sensor of ``window``."""
        super().__init__(coordinator, window, LIMIT_REACHED_KEY, LIMIT_REACHED_KEY)

    @property
    def is_on(self) -> bool:
        """Return whether the window's utilization reached the limit."""
        window = self._window
        return window is not None and window.utilization >= LIMIT
