"""The pace forecast rebuilt from the recorder after a restart (needs the wiring)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.claude_usage.account import async_forget_account
from custom_components.claude_usage.const import DOMAIN
from tests.fake_claude import ORG_UUID, FakeClaude
from tests.helpers import MakeUsage

START = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
SESSION_RESET = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)
WEEKLY_RESET = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    recorder_mock: Recorder, enable_custom_integrations: None
) -> None:
    """Start the recorder before Home Assistant, then allow custom integrations."""


def _usage(make_usage: MakeUsage, session: float) -> dict[str, Any]:
    return make_usage(
        session=(session, SESSION_RESET),
        weekly=(18.0, WEEKLY_RESET),
        scoped={"Opus": (7.0, WEEKLY_RESET)},
    )


@pytest.fixture
def usage_payload(
    make_usage: MakeUsage, freezer: FrozenDateTimeFactory
) -> dict[str, Any]:
    """Start at 10:00 UTC with the session at 10 % (reset 14:00)."""
    freezer.move_to(START)
    return _usage(make_usage, 10.0)


def _entity_id(hass: HomeAssistant, key: str) -> str:
    entity_id = er.async_get(hass).async_get_entity_id(
        "sensor", DOMAIN, f"{ORG_UUID}_{key}"
    )
    assert entity_id is not None, key
    return entity_id


async def test_forecast_seeded_from_the_recorder_after_a_restart(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    make_usage: MakeUsage,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """A restart forgets the samples; the recorded usage brings the pace back at once."""
    fake_claude.set_usage(_usage(make_usage, 20.0))
    freezer.move_to(START + timedelta(minutes=30))
    await init_integration.runtime_data.async_refresh()
    await hass.async_block_till_done()
    await async_wait_recording_done(hass)

    # A restart: the entry unloads and what was kept about the organization is gone.
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    await hass.async_block_till_done()
    async_forget_account(hass, ORG_UUID)

    fake_claude.set_usage(_usage(make_usage, 35.0))
    freezer.move_to(START + timedelta(hours=1))
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    # The seed runs as a background task of the entry.
    await hass.async_block_till_done(wait_background_tasks=True)
    await async_wait_recording_done(hass)
    await hass.async_block_till_done(wait_background_tasks=True)

    # Recorded 10 % at 10:00 and 20 % at 10:30, live 35 % at 11:00: 25 %/h,
    # 35 + 25 * 3 = 110 % at 14:00, 100 % at 11:00 + 2.6 h = 13:36, shown as 13:35.
    assert hass.states.get(_entity_id(hass, "five_hour_projected")).state == "110.0"
    assert hass.states.get(_entity_id(hass, "five_hour_limit_at")).state == (
        "2026-11-28T13:35:00+00:00"
    )
