"""The recorder: polls that change nothing write nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

from homeassistant.components.recorder import Recorder
from homeassistant.components.recorder.db_schema import States, StatesMeta
from homeassistant.components.recorder.util import session_scope
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from sqlalchemy import func

from custom_components.claude_usage.const import DOMAIN
from tests.fake_claude import ORG_UUID, FakeClaude
from tests.helpers import Advance, MakeUsage


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    recorder_mock: Recorder, enable_custom_integrations: None
) -> None:
    """Start the recorder before Home Assistant, then allow custom integrations."""


def _state_rows(hass: HomeAssistant, entity_ids: list[str]) -> dict[str, int]:
    """Return how many state rows the recorder holds per entity."""
    with session_scope(hass=hass, read_only=True) as session:
        return dict(
            session.query(StatesMeta.entity_id, func.count(States.state_id))
            .join(States, States.metadata_id == StatesMeta.metadata_id)
            .filter(StatesMeta.entity_id.in_(entity_ids))
            .group_by(StatesMeta.entity_id)
            .all()
        )


async def test_unchanged_polls_write_no_state_rows(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    *,
    entity_registry: er.EntityRegistry,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    make_usage: MakeUsage,
) -> None:
    """Ten polls whose answers only jitter the reset time write no state row.

    Ten minutes of polls come first: the pace forecast needs them before it
    shows a value, a real change of those sensors.
    """
    entity_ids = [
        entry.entity_id
        for entry in er.async_entries_for_config_entry(
            entity_registry, init_integration.entry_id
        )
        if entry.disabled_by is None
    ]
    session_usage = entity_registry.async_get_entity_id(
        "sensor", DOMAIN, f"{ORG_UUID}_five_hour_usage"
    )
    reset_entity = entity_registry.async_get_entity_id(
        "sensor", DOMAIN, f"{ORG_UUID}_five_hour_reset"
    )
    assert session_usage is not None
    assert reset_entity is not None
    reset = datetime.fromisoformat(hass.states.get(reset_entity).state)

    async def poll(jitter: float, utilization: float = 42.0) -> None:
        payload = make_usage(session=(utilization, reset + timedelta(seconds=jitter)))
        fake_claude.set_usage(payload)
        await advance_time(60)

    for second in range(11):
        await poll(second % 3)
    await async_wait_recording_done(hass)
    rows = await recorder_mock.async_add_executor_job(_state_rows, hass, entity_ids)
    assert set(rows) == set(entity_ids)

    for second in range(10):
        await poll(second % 3)
    assert fake_claude.usage_request_count() == 22
    await async_wait_recording_done(hass)
    assert (
        await recorder_mock.async_add_executor_job(_state_rows, hass, entity_ids)
        == rows
    )

    await poll(0, utilization=43.0)
    await async_wait_recording_done(hass)
    after = await recorder_mock.async_add_executor_job(_state_rows, hass, entity_ids)
    assert after[session_usage] == rows[session_usage] + 1
