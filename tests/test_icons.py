"""icons.json gives every entity, every Status state and every trigger an icon of MDI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import hass_frontend
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
import yaml

from custom_components.claude_usage.account import Status
from custom_components.claude_usage.binary_sensor import LIMIT_REACHED_KEY
from custom_components.claude_usage.const import (
    AUTH_TYPE_CLAUDE_CODE,
    CONF_AUTH_TYPE,
    CONF_ORG_UUID,
    DOMAIN,
)
from custom_components.claude_usage.entity import TRANSLATION_PREFIX
from custom_components.claude_usage.event import ClaudeCodeEventEntity
from custom_components.claude_usage.reports import ReportCoordinator
from custom_components.claude_usage.sensor import (
    ACCOUNT_SENSORS,
    BLOCK_SENSORS,
    FORECAST_SENSORS,
    WINDOW_SENSORS,
)

FOLDER = Path(__file__).parent.parent / "custom_components/claude_usage"
ICONS: dict[str, Any] = json.loads((FOLDER / "icons.json").read_text(encoding="utf-8"))
# The icon names the installed frontend knows (Material Design Icons).
MDI = {
    icon["name"]
    for icon in json.loads(
        (Path(hass_frontend.where()) / "static/mdi/iconList.json").read_text()
    )
}


def _translation_keys(hass: HomeAssistant) -> dict[str, set[str]]:
    """Return the translation key of every entity the code can create, by platform."""
    prefixes = TRANSLATION_PREFIX.values()
    window_metrics = [d.key for d in WINDOW_SENSORS]
    window_metrics += [d.metric for d in FORECAST_SENSORS]
    entry = MockConfigEntry(
        domain=DOMAIN,
        data={CONF_AUTH_TYPE: AUTH_TYPE_CLAUDE_CODE, CONF_ORG_UUID: "account"},
    )
    event = ClaudeCodeEventEntity(ReportCoordinator(hass, entry))
    return {
        "sensor": {f"{p}_{metric}" for p in prefixes for metric in window_metrics}
        | {str(d.translation_key) for d in (*BLOCK_SENSORS, *ACCOUNT_SENSORS)},
        "binary_sensor": {f"{p}_{LIMIT_REACHED_KEY}" for p in prefixes},
        "event": {str(event.translation_key)},
    }


async def test_every_entity_has_an_icon(hass: HomeAssistant) -> None:
    """Each translation key of the code has an icon, and icons.json names no other."""
    keys = _translation_keys(hass)
    assert {platform: set(icons) for platform, icons in ICONS["entity"].items()} == keys


def test_every_status_has_an_icon() -> None:
    """The Status sensor shows its cause: an icon per state, the default for ok."""
    status = ICONS["entity"]["sensor"]["status"]
    assert set(status["state"]) == {s.value for s in Status} - {Status.OK}


def test_every_trigger_has_an_icon() -> None:
    """The triggers of triggers.yaml (its keys without a leading dot) have icons."""
    triggers = yaml.safe_load((FOLDER / "triggers.yaml").read_text(encoding="utf-8"))
    assert set(ICONS["triggers"]) == {k for k in triggers if not k.startswith(".")}


def test_icons_exist_and_states_differ_from_their_default() -> None:
    """Each icon is an mdi: icon the frontend has; no state repeats its default (hassfest)."""
    for platform, entities in ICONS["entity"].items():
        for key, icons in entities.items():
            named = [icons["default"], *icons.get("state", {}).values()]
            assert all(name.removeprefix("mdi:") in MDI for name in named), key
            assert all(name.startswith("mdi:") for name in named), key
            assert icons["default"] not in icons.get("state", {}).values(), (
                f"{platform}.{key}"
            )
    for key, icons in ICONS["triggers"].items():
        assert icons["trigger"].removeprefix("mdi:") in MDI, key
