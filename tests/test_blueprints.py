"""The blueprints: each loads into Home Assistant and sends its notification."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
import re
import shutil
from typing import Any
from urllib.parse import unquote

from homeassistant.components import automation
from homeassistant.components.blueprint import BLUEPRINT_SCHEMA, Blueprint
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util, yaml as yaml_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
)

from custom_components.claude_usage.const import CONF_ORG_UUID, DOMAIN
from custom_components.claude_usage.events import EVENT_WINDOW_RESET

BLUEPRINTS = Path(__file__).parent.parent / "blueprints" / "automation" / "claude_usage"
SOURCE_URL = (
    "https://github.com/claude-usage-ha/claude-usage-ha/blob/main/"
    "blueprints/automation/claude_usage/{name}"
)
RAW_URL = (
    "https://raw.githubusercontent.com/claude-usage-ha/claude-usage-ha/main/"
    "blueprints/automation/claude_usage/{name}"
)
ORG = "3f1c2b6e-0d7a-4c55-9e21-7b8a9c0d1e2f"
SESSION = "sensor.acme_session_usage"
OPUS = "sensor.acme_weekly_opus_usage"
SESSION_RESET = "sensor.acme_session_reset"
SESSION_LIMIT_AT = "sensor.acme_session_limit_reached_at"
CLAUDE_CODE = "event.claude_code"
NOTIFY = [{"action": "notify.test", "data": {"message": "{{ message }}"}}]


@pytest.fixture
def notifications(hass: HomeAssistant) -> list[ServiceCall]:
    """Return the calls of notify.test, the blueprints' notification action."""
    return async_mock_service(hass, "notify", "test")


@pytest.fixture
def entry(hass: HomeAssistant, tmp_path: Path) -> MockConfigEntry:
    """Install the blueprints and register the sensors of the account "Acme"."""
    hass.config.config_dir = str(tmp_path)
    shutil.copytree(BLUEPRINTS, hass.config.path("blueprints/automation/claude_usage"))

    entry = MockConfigEntry(
        domain=DOMAIN, title="Acme", unique_id=ORG, data={CONF_ORG_UUID: ORG}
    )
    entry.add_to_hass(hass)
    registry = er.async_get(hass)
    for entity_id, key in (
        (SESSION, "five_hour_usage"),
        (OPUS, "seven_day_opus_usage"),
        (SESSION_RESET, "five_hour_reset"),
        (SESSION_LIMIT_AT, "five_hour_limit_at"),
    ):
        registry.async_get_or_create(
            "sensor",
            DOMAIN,
            f"{ORG}_{key}",
            config_entry=entry,
            suggested_object_id=entity_id.removeprefix("sensor."),
        )
    return entry


async def _use_blueprint(
    hass: HomeAssistant, name: str, inputs: dict[str, Any]
) -> None:
    """Set up one automation from a blueprint of this repository."""
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: {
                "use_blueprint": {"path": f"claude_usage/{name}", "input": inputs}
            }
        },
    )
    await hass.async_block_till_done()
    assert [state.state for state in hass.states.async_all(automation.DOMAIN)] == ["on"]


def _usage(hass: HomeAssistant, entity_id: str, value: float | str) -> None:
    """Set a usage sensor's state as the integration does."""
    window_key = "five_hour" if entity_id == SESSION else "seven_day_opus"
    name = "Acme Session usage" if entity_id == SESSION else "Acme Weekly Opus usage"
    hass.states.async_set(
        entity_id,
        str(value),
        {
            "window_key": window_key,
            "window_kind": "session",
            "unit_of_measurement": "%",
            "friendly_name": name,
        },
    )


async def _messages(hass: HomeAssistant, calls: list[ServiceCall]) -> list[str]:
    """Return the messages sent so far, and forget them."""
    await hass.async_block_till_done()
    messages = [call.data["message"] for call in calls]
    calls.clear()
    return messages


@pytest.mark.parametrize(
    "name",
    [
        "usage_threshold_notify.yaml",
        "window_reset_notify.yaml",
        "forecast_limit_notify.yaml",
        "claude_code_needs_me.yaml",
    ],
)
def test_blueprint_metadata(name: str) -> None:
    """Each blueprint validates and points its source_url at its place in the repository."""
    blueprint = Blueprint(
        yaml_util.load_yaml_dict(BLUEPRINTS / name),
        expected_domain="automation",
        schema=BLUEPRINT_SCHEMA,
    )
    assert blueprint.metadata["source_url"] == SOURCE_URL.format(name=name)
    assert "notify" in blueprint.inputs


def test_readme_imports_every_blueprint() -> None:
    """The README's import buttons: one per blueprint, My Home Assistant, raw file URL."""
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    links = re.findall(
        r"\(https://my\.home-assistant\.io/redirect/blueprint_import/"
        r"\?blueprint_url=([^)]+)\)",
        readme,
    )
    assert sorted(unquote(link) for link in links) == [
        RAW_URL.format(name=path.name) for path in sorted(BLUEPRINTS.glob("*.yaml"))
    ]
    assert all(unquote(link) != link for link in links)  # URL-encoded
    assert "](docs/images/blueprint-usage-threshold.png)" in readme
    assert (
        Path(__file__).parent.parent / "docs/images/blueprint-usage-threshold.png"
    ).is_file()


@pytest.mark.usefixtures("entry")
async def test_usage_threshold_notify(
    hass: HomeAssistant, notifications: list[ServiceCall]
) -> None:
    """Above 80 %: one notification per crossing, none after an outage."""
    _usage(hass, SESSION, 70)
    _usage(hass, OPUS, 70)
    await _use_blueprint(
        hass,
        "usage_threshold_notify.yaml",
        {"usage_sensor": SESSION, "threshold": 80, "notify": NOTIFY},
    )

    _usage(hass, SESSION, 79)
    _usage(hass, OPUS, 95)
    assert await _messages(hass, notifications) == []

    _usage(hass, SESSION, 81.4)
    _usage(hass, SESSION, 90)
    assert await _messages(hass, notifications) == [
        "Acme Session usage is at 81% (above 80%)."
    ]

    _usage(hass, SESSION, "unavailable")
    _usage(hass, SESSION, 91)
    assert await _messages(hass, notifications) == []

    # A reset, then the next window crosses again.
    _usage(hass, SESSION, 2)
    _usage(hass, SESSION, 85)
    assert await _messages(hass, notifications) == [
        "Acme Session usage is at 85% (above 80%)."
    ]


async def test_window_reset_notify(
    hass: HomeAssistant, entry: MockConfigEntry, notifications: list[ServiceCall]
) -> None:
    """The reset event of the chosen window notifies; other windows and accounts do not."""
    _usage(hass, SESSION, 3)
    _usage(hass, OPUS, 50)
    await _use_blueprint(
        hass, "window_reset_notify.yaml", {"usage_sensor": SESSION, "notify": NOTIFY}
    )
    data = {
        "entry_id": entry.entry_id,
        "account": "Acme",
        "window_key": "five_hour",
        "window_name": "Current session",
        "old_utilization": 95.0,
        "new_utilization": 3.0,
    }
    hass.bus.async_fire(EVENT_WINDOW_RESET, {**data, "window_key": "seven_day_opus"})
    hass.bus.async_fire(EVENT_WINDOW_RESET, {**data, "entry_id": "another_account"})
    assert await _messages(hass, notifications) == []

    hass.bus.async_fire(EVENT_WINDOW_RESET, data)
    assert await _messages(hass, notifications) == [
        "Acme: Current session started anew, usage is at 3% (was 95%)."
    ]


@pytest.mark.usefixtures("entry")
async def test_forecast_limit_notify(
    hass: HomeAssistant, notifications: list[ServiceCall]
) -> None:
    """A limit time before the reset notifies once, until the forecast clears again."""
    reset_at = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    limit_at = datetime(2026, 11, 2, 14, 30, tzinfo=UTC)
    later_limit_at = datetime(2026, 11, 2, 14, 40, tzinfo=UTC)
    attributes = {"device_class": "timestamp"}

    def _limit(value: datetime | str) -> None:
        state = value.isoformat() if isinstance(value, datetime) else value
        hass.states.async_set(
            SESSION_LIMIT_AT,
            state,
            {**attributes, "friendly_name": "Acme Session limit reached at"},
        )

    hass.states.async_set(
        SESSION_RESET,
        reset_at.isoformat(),
        {**attributes, "friendly_name": "Acme Session reset"},
    )
    _limit("unknown")
    await _use_blueprint(
        hass,
        "forecast_limit_notify.yaml",
        {
            "limit_sensor": SESSION_LIMIT_AT,
            "reset_sensor": SESSION_RESET,
            "notify": NOTIFY,
        },
    )
    assert await _messages(hass, notifications) == []

    def _hhmm(value: datetime) -> str:
        return dt_util.as_local(value).strftime("%H:%M")

    _limit(limit_at)
    _limit(later_limit_at)
    assert await _messages(hass, notifications) == [
        (
            f"At this pace, Acme Session limit reached at {_hhmm(limit_at)},"
            f" before the reset at {_hhmm(reset_at)}."
        )
    ]

    # A limit time after the reset, then unknown: no notification.
    _limit(datetime(2026, 11, 2, 16, 0, tzinfo=UTC))
    _limit("unknown")
    assert await _messages(hass, notifications) == []

    # The pace picks up again: one more notification.
    _limit(limit_at)
    assert len(await _messages(hass, notifications)) == 1


def _event(hass: HomeAssistant, state: str, event_type: str | None = None) -> None:
    """Set the Claude Code event entity's state as Home Assistant's event entity does."""
    attributes = {} if event_type is None else {"event_type": event_type}
    hass.states.async_set(CLAUDE_CODE, state, attributes)


@pytest.mark.parametrize("when_finished", [False, True])
async def test_claude_code_needs_me(
    hass: HomeAssistant,
    notifications: list[ServiceCall],
    tmp_path: Path,
    when_finished: bool,
) -> None:
    """A waiting notification notifies; finished only when asked; no restored state."""
    hass.config.config_dir = str(tmp_path)
    shutil.copytree(BLUEPRINTS, hass.config.path("blueprints/automation/claude_usage"))
    _event(hass, "unknown")
    await _use_blueprint(
        hass,
        "claude_code_needs_me.yaml",
        {"claude_code": CLAUDE_CODE, "when_finished": when_finished, "notify": NOTIFY},
    )

    _event(hass, "2026-12-07T12:00:00.000+00:00", "needs_input")
    assert await _messages(hass, notifications) == ["Claude Code needs you."]
    _event(hass, "2026-12-07T12:01:00.000+00:00", "finished")
    assert await _messages(hass, notifications) == (
        ["Claude Code finished."] if when_finished else []
    )
    # Unavailable (a reload), then back with the last event: no notification.
    _event(hass, "unavailable")
    _event(hass, "2026-12-07T12:01:00.000+00:00", "needs_input")
    assert await _messages(hass, notifications) == []
    _event(hass, "2026-12-07T12:02:00.000+00:00", "needs_input")
    assert await _messages(hass, notifications) == ["Claude Code needs you."]
