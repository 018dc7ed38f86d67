"""Fixtures shared by all tests."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator
from datetime import UTC, datetime, timedelta
from typing import Any
from unittest.mock import PropertyMock, patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowManager
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.syrupy import HomeAssistantSnapshotExtension
from syrupy.assertion import SnapshotAssertion

# Import our package before Home Assistant sets up, so that the test harness's own
# testing_config/custom_components does not shadow it.
import custom_components.claude_usage  # noqa: F401
from custom_components.claude_usage.api import parse_credentials
from custom_components.claude_usage.const import (
    CONF_BASE_URL,
    CONF_COOKIE,
    CONF_ORG_UUID,
    DOMAIN,
)
from tests.fake_claude import (
    ORG_NAME,
    ORG_UUID,
    VALID_SESSION_KEY,
    FakeClaude,
    usage_json,
)
from tests.flow_strings import MANAGERS, check_flow_result
from tests.helpers import Advance, MakeUsage


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load custom integrations in every test."""


@pytest.fixture
async def fake_claude(socket_enabled: None) -> AsyncGenerator[FakeClaude]:
    """Yield a fake claude.ai listening on 127.0.0.1 (fresh per test).

    ``socket_enabled`` lets the test create sockets at all; pytest-socket still
    refuses connections to any host but 127.0.0.1.
    """
    fake = FakeClaude()
    await fake.start()
    yield fake
    await fake.stop()


# The integration's tests: a config entry of the fake's organization, set up.

SESSION_RESET = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)
WEEKLY_RESET = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def make_usage() -> MakeUsage:
    """Return a builder of usage bodies (claude.ai's current shape), fixed reset times.

    By default: session 42 %, weekly 18 %, weekly Opus 7 % without a reset time,
    extra usage 12.34 of 50.00 USD. Keyword arguments replace parts, as in
    ``tests.fake_claude.usage_json``.
    """

    def _make(**changes: Any) -> dict[str, Any]:
        arguments: dict[str, Any] = {
            "session": (42.0, SESSION_RESET),
            "weekly": (18.0, WEEKLY_RESET),
            "scoped": {"Opus": (7.0, None)},
        }
        return usage_json(**(arguments | changes))

    return _make


@pytest.fixture
def usage_payload(make_usage: MakeUsage) -> dict[str, Any]:
    """Return the usage the fake serves to ``init_integration``; parametrize to change it."""
    return make_usage()


@pytest.fixture
def mock_config_entry(
    fake_claude: FakeClaude, freezer: FrozenDateTimeFactory
) -> MockConfigEntry:
    """Return a config entry of the fake's organization (not yet added to hass).

    It freezes the clock first, at a whole second, so that what the entry
    schedules runs on the frozen clock ``advance_time`` moves, at whole seconds.
    """
    freezer.move_to(dt_util.utcnow().replace(microsecond=0) + timedelta(seconds=1))
    return MockConfigEntry(
        domain=DOMAIN,
        title=ORG_NAME,
        unique_id=ORG_UUID,
        data={
            CONF_COOKIE: parse_credentials(VALID_SESSION_KEY).cookie_header(),
            CONF_ORG_UUID: ORG_UUID,
            CONF_BASE_URL: fake_claude.base_url,
        },
    )


@pytest.fixture
async def init_integration(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    mock_config_entry: MockConfigEntry,
    usage_payload: dict[str, Any],
) -> MockConfigEntry:
    """Set the integration up against the fake claude.ai and return its entry."""
    fake_claude.set_usage(usage_payload)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


@pytest.fixture
def advance_time(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> Advance:
    """Return a coroutine function that moves the clock on and runs what fell due."""

    async def _advance(seconds: float) -> None:
        freezer.tick(timedelta(seconds=seconds))
        async_fire_time_changed(hass)
        # Polls run as background tasks of the config entry.
        await hass.async_block_till_done(wait_background_tasks=True)

    return _advance


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Serialize like Home Assistant core; snapshots go to tests/snapshots/."""
    return snapshot.use_extension(HomeAssistantSnapshotExtension)


@pytest.fixture(autouse=True)
def check_every_flow_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check the strings of every step any test's flows show (tests/flow_strings.py)."""
    configure = FlowManager.async_configure

    async def _configure(
        self: FlowManager[Any, Any, Any], flow_id: str, user_input: Any = None
    ) -> Any:
        context = dict(self.async_get(flow_id)["context"])
        result = await configure(self, flow_id, user_input)
        check_flow_result(self.hass, self, result, context)
        return result

    monkeypatch.setattr(FlowManager, "async_configure", _configure)
    for manager in MANAGERS:
        init = manager.async_init

        async def _init(
            self: FlowManager[Any, Any, Any],
            handler: Any,
            *,
            _init: Any = init,
            **kwargs: Any,
        ) -> Any:
            result = await _init(self, handler, **kwargs)
            check_flow_result(self.hass, self, result, kwargs.get("context") or {})
            return result

        monkeypatch.setattr(manager, "async_init", _init)


@pytest.fixture
def entity_registry_enabled_by_default() -> Generator[None]:
    """Enable the entities that are off by default (as HA core's fixture of that name)."""
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        new_callable=PropertyMock,
        return_value=True,
    ):
        yield
