"""The account's Status and Last update sensors: why the values are not current, and since when."""

from __future__ import annotations

from datetime import datetime

from homeassistant.const import STATE_UNAVAILABLE, EntityCategory
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from tests.fake_claude import ORG_UUID, FakeClaude
from tests.helpers import Advance

STATUS = "sensor.claude_example_org_status"
LAST_UPDATE = "sensor.claude_example_org_last_update"
SESSION_USAGE = "sensor.claude_example_org_session_usage"


def _status(hass: HomeAssistant) -> tuple[str, dict[str, object]]:
    state = hass.states.get(STATUS)
    assert state is not None
    return state.state, {
        key: state.attributes[key] for key in ("retry_at", "last_update")
    }


@pytest.mark.parametrize(
    ("mode", "status"),
    [
        ("cloudflare", "cloudflare_blocked"),
        ("server_error", "server_error"),
        ("bad_json", "server_error"),
        ("disconnect", "unreachable"),
        ("rate_limit", "rate_limited"),
    ],
)
async def test_status_names_the_cause_and_the_next_attempt(
    hass: HomeAssistant,
    *,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
    mode: str,
    status: str,
) -> None:
    """A failure shows its cause, when the next request goes out and what the values are from."""
    assert _status(hass) == ("ok", {"retry_at": None, "last_update": None})
    last_good = dt_util.utcnow()
    fake_claude.fail(mode, times=1, retry_after=600)
    await advance_time(60)
    account = init_integration.runtime_data.account
    assert account.not_before is not None
    assert _status(hass) == (
        status,
        {
            "retry_at": account.not_before.isoformat(),
            "last_update": last_good.isoformat(),
        },
    )
    assert hass.states.get(SESSION_USAGE).state == STATE_UNAVAILABLE

    await advance_time((account.not_before - dt_util.utcnow()).total_seconds())
    assert _status(hass) == ("ok", {"retry_at": None, "last_update": None})


async def test_network_down_is_unreachable(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """Nothing answering at all (connection refused) is "unreachable"."""
    await fake_claude.stop()
    await advance_time(60)
    assert _status(hass)[0] == "unreachable"


async def test_sign_in_needed(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """A refused session is "reauth_required", with no next attempt to wait for."""
    fake_claude.valid_session_keys.clear()
    await advance_time(60)
    state, attributes = _status(hass)
    assert state == "reauth_required"
    assert attributes["retry_at"] is None
    assert attributes["last_update"] is not None


async def test_status_written_only_when_it_changes(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """Good polls write nothing; each failed request (a new wait) writes once."""
    changes: list[str] = []

    @callback
    def _changed(event: Event[EventStateChangedData]) -> None:
        new = event.data["new_state"]
        assert new is not None
        changes.append(new.state)

    async_track_state_change_event(hass, [STATUS], _changed)
    for _ in range(5):
        await advance_time(60)
    assert changes == []

    fake_claude.fail("server_error", times=2)
    await advance_time(60)  # fails, next in 120 s
    await advance_time(60)  # waiting: no request, no change
    await advance_time(60)  # fails again, next in 240 s
    await advance_time(240)  # recovers
    assert changes == ["server_error", "server_error", "ok"]


async def test_status_entity(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    init_integration: MockConfigEntry,
) -> None:
    """A diagnostic enum sensor with every status as an option; Last update is off by default."""
    status = entity_registry.async_get(STATUS)
    assert status is not None
    assert status.unique_id == f"{ORG_UUID}_status"
    assert status.entity_category is EntityCategory.DIAGNOSTIC
    assert hass.states.get(STATUS).attributes["options"] == [
        "ok",
        "rate_limited",
        "cloudflare_blocked",
        "reauth_required",
        "server_error",
        "unreachable",
        "access_denied",
        "waiting_for_report",
    ]
    last_update = entity_registry.async_get(LAST_UPDATE)
    assert last_update is not None
    assert last_update.disabled_by is er.RegistryEntryDisabler.INTEGRATION
    assert last_update.entity_category is EntityCategory.DIAGNOSTIC


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_last_update_is_the_last_good_answer(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Advance,
) -> None:
    """Last update moves with every good answer and stays during failures."""
    await advance_time(60)
    good = dt_util.utcnow()
    assert datetime.fromisoformat(hass.states.get(LAST_UPDATE).state) == good
    fake_claude.fail("server_error")
    for _ in range(3):
        await advance_time(120)
    assert hass.states.get(LAST_UPDATE).state == good.isoformat()
    assert _status(hass)[1]["last_update"] == good.isoformat()
