"""Base entity of the Claude Usage integration."""

from __future__ import annotations

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .api import DEFAULT_BASE_URL
from .const import CONF_BASE_URL, CONF_PLAN, DOMAIN, MANUFACTURER
from .coordinator import ClaudeUsageCoordinator


class ClaudeUsageEntity(CoordinatorEntity[ClaudeUsageCoordinator]):
    """An entity of one organization's device."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: ClaudeUsageCoordinator, key: str) -> None:
        """Attach the entity to its organization's device."""
        super().__init__(coordinator)
        org_uuid = coordinator.org_uuid
        entry = coordinator.config_entry
        base_url = entry.data.get(CONF_BASE_URL, DEFAULT_BASE_URL)
        self._attr_unique_id = f"{org_uuid}_{key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, org_uuid)},
            entry_type=DeviceEntryType.SERVICE,
            manufacturer=MANUFACTURER,
            model=entry.data.get(CONF_PLAN),
            name=entry.title,
            configuration_url=f"{base_url}/settings/usage",
        )
