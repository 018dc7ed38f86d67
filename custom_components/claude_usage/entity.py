"""Base entity of the Claude Usage integration."""

from __future__ import annotations

from collections.abc import Callable, Sequence
import re
from typing import Any

from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .api import DEFAULT_BASE_URL, LimitWindow, WindowKind
from .const import CONF_BASE_URL, CONF_PLAN, DOMAIN, MANUFACTURER
from .contract import ATTR_WINDOW_KEY, ATTR_WINDOW_KIND, window_unique_id
from .coordinator import ClaudeUsageConfigEntry, ClaudeUsageCoordinator

# A personal organization is named after the account's email ("jane@example.com's
# Organization"): that name must not end up in a device name or an entity id.
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")


def device_name(organization_name: str) -> str:
    """Name an organization's device so its entity ids start with ``claude_``.

    "Claude Personal" for a personal organization (named after an email address),
    else "Claude <organization>", without doubling a leading "Claude".
    """
    if _EMAIL.search(organization_name):
        return "Claude Personal"
    if organization_name.casefold().startswith("claude"):
        return organization_name
    return f"Claude {organization_name}"


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
            name=device_name(entry.title),
            configuration_url=f"{base_url}/settings/usage",
        )


# Translation keys are "<prefix>_<metric>", e.g. "scoped_usage".
TRANSLATION_PREFIX: dict[WindowKind, str] = {
    WindowKind.SESSION: "session",
    WindowKind.WEEKLY: "weekly",
    WindowKind.WEEKLY_SCOPED: "scoped",
    WindowKind.UNKNOWN: "other",
}


class ClaudeWindowEntity(ClaudeUsageEntity):
    """An entity of one limit window; unavailable while the window is not reported."""

    def __init__(
        self,
        coordinator: ClaudeUsageCoordinator,
        window: LimitWindow,
        key: str,
        metric: str,
    ) -> None:
        """Create entity ``key`` of ``window``, named by the translation of ``metric``."""
        super().__init__(coordinator, f"{window.key}_{key}")
        self._attr_unique_id = window_unique_id(coordinator.org_uuid, window.key, key)
        self.window_key = window.key
        self._window_kind = window.kind
        self._attr_translation_key = f"{TRANSLATION_PREFIX[window.kind]}_{metric}"
        if window.kind is WindowKind.WEEKLY_SCOPED:
            # "Weekly {model} usage"; a scoped limit that names no model is "scoped".
            self._attr_translation_placeholders = {"model": window.model or "scoped"}
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

    def window_attributes(self) -> dict[str, Any]:
        """Return what identifies the window, for a sensor's attributes (static).

        The binary sensors carry none: the card takes an entity with a window key
        and no translation key for one of the window's usage or reset sensors.
        """
        return {
            ATTR_WINDOW_KEY: self.window_key,
            ATTR_WINDOW_KIND: self._window_kind.value,
        }


@callback
def async_add_window_entities(
    entry: ClaudeUsageConfigEntry,
    build: Callable[[ClaudeUsageCoordinator], Sequence[ClaudeUsageEntity]],
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add a platform's entities, and those of windows that appear later.

    A window missing from an answer (claude.ai sends ``null`` for an unused one)
    keeps its registry entries, with their names, areas and automations: its
    entities are unavailable, and come back with the window. A user can delete an
    entity the integration no longer provides in Home Assistant's entity settings.
    """
    coordinator = entry.runtime_data
    entities = build(coordinator)
    known = {entity.unique_id for entity in entities}

    @callback
    def _async_add_new_entities() -> None:
        new = [entity for entity in build(coordinator) if entity.unique_id not in known]
        if new:
            known.update(entity.unique_id for entity in new)
            async_add_entities(new)

    async_add_entities(entities)
    entry.async_on_unload(coordinator.async_add_listener(_async_add_new_entities))
