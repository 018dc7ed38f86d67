"""The entity contract: what cards, triggers and templates may rely on, in one place.

A window's entities have the unique id ``<account>_<window_key>_<metric>`` and carry
the attributes ``window_key`` and ``window_kind`` (Home Assistant drops them while an
entity is unavailable; the unique id stays).
"""

from __future__ import annotations

from typing import Final

ATTR_WINDOW_KEY: Final = "window_key"
ATTR_WINDOW_KIND: Final = "window_kind"
ATTR_SEVERITY: Final = "severity"
# True on the window whose limit binds now (claude.ai's ``is_active``), else False or None.
ATTR_BINDING: Final = "binding"

# The metric of a window's usage sensor (see sensor.py).
USAGE_METRIC: Final = "usage"


def window_unique_id(org_uuid: str, window_key: str, metric: str) -> str:
    """Return the unique id of a window's entity: ``<org_uuid>_<window_key>_<metric>``."""
    return f"{org_uuid}_{window_key}_{metric}"


def usage_sensor_window_key(org_uuid: str, unique_id: str) -> str | None:
    """Return the window key of a window's usage sensor, None for any other unique id."""
    window_key = unique_id.removeprefix(f"{org_uuid}_").removesuffix(f"_{USAGE_METRIC}")
    if window_key and window_unique_id(org_uuid, window_key, USAGE_METRIC) == unique_id:
        return window_key
    return None
