"""Claude Code reports to the webhook: the entry's sensors, event entity and status text."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
import json
import logging
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient
from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import CONF_WEBHOOK_ID, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.util import dt as dt_util
from homeassistant.util.aiohttp import MockRequest, MockStreamReader
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.claude_usage.account import async_forget_account
from custom_components.claude_usage.const import (
    AUTH_TYPE_CLAUDE_CODE,
    CONF_ALLOW_REMOTE,
    CONF_AUTH_TYPE,
    CONF_CLOUDHOOK,
    CONF_ORG_UUID,
    DOMAIN,
)
from custom_components.claude_usage.diagnostics import (
    async_get_config_entry_diagnostics,
)
from custom_components.claude_usage.events import EVENT_WINDOW_RESET
from custom_components.claude_usage.reports import store_key
from custom_components.claude_usage.webhook import async_handle_report
from tests.helpers import Advance

ACCOUNT = "9a1f0c3e-5d4b-4e2a-8f6c-1b2d3e4f5a6b"
WEBHOOK_ID = "5e1f" * 16
FIXTURES = Path(__file__).parent / "fixtures" / "claude_code"
SESSION_USAGE = "sensor.claude_code_session_usage"
SESSION_RESET = "sensor.claude_code_session_reset"
WEEKLY_USAGE = "sensor.claude_code_weekly_usage"
STATUS = "sensor.claude_code_status"
EVENT = "event.claude_code"

type Post = Callable[..., Awaitable[tuple[int, str]]]


def fixture(name: str) -> dict[str, Any]:
    """Return a Claude Code capture of tests/fixtures/claude_code."""
    body: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return body


def status_line(
    session: float = 23.000000000000004,
    weekly: float = 41.2,
    *,
    session_in: timedelta = timedelta(hours=2),
    weekly_in: timedelta = timedelta(days=3),
) -> dict[str, Any]:
    """Return a status line's JSON as Claude Code writes it, limits as given, from now."""
    body = fixture("statusline_rate_limits.json")
    now = dt_util.utcnow()
    body["rate_limits"] = {
        "five_hour": {
            "used_percentage": session,
            "resets_at": int((now + session_in).timestamp()),
        },
        "seven_day": {
            "used_percentage": weekly,
            "resets_at": int((now + weekly_in).timestamp()),
        },
    }
    return body


@pytest.fixture
def claude_code_entry(freezer: FrozenDateTimeFactory) -> MockConfigEntry:
    """Return a Claude Code entry (not yet added), the clock frozen at a whole minute."""
    freezer.move_to(dt_util.utcnow().replace(second=0, microsecond=0))
    return MockConfigEntry(
        domain=DOMAIN,
        title="Claude Code",
        unique_id=ACCOUNT,
        data={
            CONF_AUTH_TYPE: AUTH_TYPE_CLAUDE_CODE,
            CONF_ORG_UUID: ACCOUNT,
            CONF_WEBHOOK_ID: WEBHOOK_ID,
            CONF_CLOUDHOOK: False,
        },
        options={CONF_ALLOW_REMOTE: False},
    )


@pytest.fixture
async def init_claude_code(
    hass: HomeAssistant, claude_code_entry: MockConfigEntry, socket_enabled: None
) -> MockConfigEntry:
    """Set the Claude Code entry up and return it."""
    claude_code_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(claude_code_entry.entry_id)
    await hass.async_block_till_done()
    return claude_code_entry


@pytest.fixture
async def post(
    init_claude_code: MockConfigEntry,
    hass_client_no_auth: Callable[[], Awaitable[TestClient]],
) -> Post:
    """Return a function that posts a report to the webhook: (status, text)."""
    client = await hass_client_no_auth()

    async def _post(
        body: object,
        *,
        method: str = "POST",
        webhook_id: str = WEBHOOK_ID,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        response = await client.request(
            method, f"/api/webhook/{webhook_id}", data=data, headers=headers
        )
        return response.status, await response.text()

    return _post


def _logged(caplog: pytest.LogCaptureFixture) -> str:
    """Return what was logged at INFO or above, and everything the integration logged.

    Home Assistant's webhook and http components name the URL in DEBUG lines of
    their own; aiohttp's access log trips over the frozen clock (no time zone).
    """
    return "\n".join(
        record.getMessage() + (record.exc_text or "")
        for record in caplog.records
        if record.name != "aiohttp.access"
        and (
            record.levelno >= logging.INFO
            or record.name.startswith("custom_components")
        )
    )


def _state(hass: HomeAssistant, entity_id: str) -> str:
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    return state.state


def _writes(hass: HomeAssistant) -> list[str]:
    """Start recording the entity ids whose state is written; return the list."""
    written: list[str] = []

    @callback
    def _record(event: Event[Any]) -> None:
        written.append(event.data["entity_id"])

    hass.bus.async_listen("state_changed", _record)
    return written


async def test_waiting_for_the_first_report(
    hass: HomeAssistant,
    init_claude_code: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
) -> None:
    """Before any report: Status waiting, no window yet, the event entity ready."""
    status = hass.states.get(STATUS)
    assert status.state == "waiting_for_report"
    assert status.attributes["last_report"] is None
    assert hass.states.get(SESSION_USAGE) is None
    assert _state(hass, EVENT) == STATE_UNKNOWN
    device = device_registry.async_get_device_by_identifier(
        (DOMAIN, ACCOUNT), init_claude_code.entry_id
    )
    assert device is not None
    assert device.name == "Claude Code"


async def test_a_report_fills_the_sensors_and_answers_the_status_line(
    hass: HomeAssistant, post: Post
) -> None:
    """The status line's report sets the windows; the answer is the one-line status."""
    status, text = await post(status_line())

    assert status == 200
    assert text == "Session 23% · resets in 2 h 0 min | Week 41% · resets in 3 d 0 h\n"
    assert _state(hass, SESSION_USAGE) == "23.0"
    assert _state(hass, WEEKLY_USAGE) == "41.2"
    assert _state(hass, SESSION_RESET) == (
        (dt_util.utcnow() + timedelta(hours=2)).isoformat()
    )
    status_state = hass.states.get(STATUS)
    assert status_state.state == "ok"
    assert status_state.attributes["last_report"] == dt_util.utcnow().isoformat()
    assert hass.states.get(SESSION_USAGE).attributes["binding"] is None


async def test_a_report_without_rate_limits_changes_nothing(
    hass: HomeAssistant, post: Post
) -> None:
    """Before a session's first answer: 200 and the text of the last values, no write."""
    assert (await post({}))[1] == "Claude usage: no values yet\n"
    assert _state(hass, STATUS) == "waiting_for_report"
    await post(status_line())
    written = _writes(hass)

    for name in ("statusline_no_rate_limits.json", "statusline_rate_limits_null.json"):
        status, text = await post(fixture(name))
        assert status == 200
        assert text.startswith("Session 23% · resets in 2 h 0 min | Week 41%")
    await hass.async_block_till_done()

    assert written == []


async def test_a_flood_of_reports_writes_once_per_change(
    hass: HomeAssistant, post: Post, freezer: FrozenDateTimeFactory
) -> None:
    """Reports several times a second write nothing until a value changes.

    Then the changed window's sensors only; the Status hears of reports that change
    nothing at most every ten minutes (its last_report).
    """
    await post(status_line())
    written = _writes(hass)
    for _ in range(30):
        freezer.tick(timedelta(seconds=0.2))
        await post(status_line())
    await hass.async_block_till_done()
    assert written == []

    await post(status_line(session=24))
    await hass.async_block_till_done()
    assert SESSION_USAGE in written
    assert WEEKLY_USAGE not in written
    assert STATUS not in written
    assert len(written) == len(set(written))

    written.clear()
    freezer.tick(timedelta(minutes=10))
    await post(
        status_line(
            session=24,
            session_in=timedelta(hours=2) - timedelta(minutes=10),
            weekly_in=timedelta(days=3) - timedelta(minutes=10),
        )
    )
    await hass.async_block_till_done()
    assert written == [STATUS]
    assert hass.states.get(STATUS).attributes["last_report"] == (
        dt_util.utcnow().isoformat()
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"{not json", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[" * 60_000, "not JSON"),
        (b"[]", "not a JSON object"),
        (b'"text"', "not a JSON object"),
        (b"null", "not a JSON object"),
        (b"", "not JSON"),
        (b" " * (64 * 1024 + 1), "larger than 64 KiB"),
    ],
)
async def test_a_bad_body_gets_400_and_changes_nothing(
    hass: HomeAssistant,
    post: Post,
    caplog: pytest.LogCaptureFixture,
    body: bytes,
    reason: str,
) -> None:
    """400 with one short reason; no value lost, no traceback, no webhook id logged."""
    await post(status_line())
    written = _writes(hass)

    assert await post(body) == (400, f"{reason}\n")

    await hass.async_block_till_done()
    assert written == []
    assert _state(hass, SESSION_USAGE) == "23.0"
    assert not [r for r in caplog.records if r.exc_info and r.name != "aiohttp.access"]
    assert WEBHOOK_ID not in _logged(caplog)


async def test_a_body_it_cannot_decode_gets_400(
    hass: HomeAssistant, post: Post, caplog: pytest.LogCaptureFixture
) -> None:
    """A Content-Encoding the body is not in: 400, not a 500 and a traceback of ours."""
    await post(status_line())

    assert await post(b"not gzip", headers={"Content-Encoding": "gzip"}) == (
        400,
        "unreadable body\n",
    )

    assert _state(hass, SESSION_USAGE) == "23.0"
    assert "could not be taken" not in caplog.text
    assert WEBHOOK_ID not in _logged(caplog)


async def test_the_largest_report_is_taken(post: Post) -> None:
    """A report of exactly 64 KiB is still a report."""
    body = json.dumps(status_line()).encode()
    body = body[:-1] + b" " * (64 * 1024 - len(body)) + b"}"
    assert len(body) == 64 * 1024
    assert (await post(body))[0] == 200


@pytest.mark.parametrize("method", ["GET", "PUT"])
async def test_post_only(
    post: Post, method: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Another method gets 405, quietly: Home Assistant would log the webhook id."""
    assert (await post(status_line(), method=method))[0] == 405
    assert WEBHOOK_ID not in _logged(caplog)


async def test_a_window_that_breaks_a_rule_loses_nothing(
    hass: HomeAssistant, post: Post
) -> None:
    """An impossible window is ignored; the other one counts, the old value stays."""
    await post(status_line())
    body = status_line(session=2000, weekly=50)

    status, _ = await post(body)

    assert status == 200
    assert _state(hass, SESSION_USAGE) == "23.0"
    assert _state(hass, WEEKLY_USAGE) == "50.0"


@pytest.mark.parametrize(
    ("name", "event_type"),
    [
        ("hook_stop.json", "finished"),
        ("hook_notification_permission_prompt.json", "needs_input"),
        ("hook_notification_idle_prompt.json", "needs_input"),
        ("hook_notification_elicitation_dialog.json", "needs_input"),
        ("hook_notification_auth_success.json", None),
    ],
)
async def test_hooks_fire_the_event_entity(
    hass: HomeAssistant, post: Post, name: str, event_type: str | None
) -> None:
    """Stop fires finished, a waiting notification needs_input; the answer is empty."""
    assert await post(fixture(name)) == (200, "")
    await hass.async_block_till_done()

    state = hass.states.get(EVENT)
    if event_type is None:
        assert state.state == STATE_UNKNOWN
    else:
        assert state.state == dt_util.utcnow().isoformat(timespec="milliseconds")
        assert state.attributes["event_type"] == event_type
    assert "message" not in state.attributes
    assert _state(hass, STATUS) == "waiting_for_report"


async def test_the_values_come_back_after_a_restart(
    hass: HomeAssistant,
    post: Post,
    init_claude_code: MockConfigEntry,
    advance_time: Advance,
    hass_storage: dict[str, Any],
) -> None:
    """The last report's values are stored and back at once, not unknown until Claude runs."""
    await post(status_line())
    await advance_time(10)
    stored = hass_storage[store_key(init_claude_code.entry_id)]["data"]
    assert stored["windows"]["five_hour"]["utilization"] == 23.000000000000004
    assert stored["version"] == "2.1.88"

    assert await hass.config_entries.async_unload(init_claude_code.entry_id)
    async_forget_account(hass, ACCOUNT)  # what a restart forgets
    assert await hass.config_entries.async_setup(init_claude_code.entry_id)
    await hass.async_block_till_done()

    assert _state(hass, SESSION_USAGE) == "23.0"
    assert _state(hass, WEEKLY_USAGE) == "41.2"
    status = hass.states.get(STATUS)
    assert status.state == "ok"
    assert status.attributes["last_report"] == stored["reported_at"]


async def test_a_window_starts_anew_at_its_reset_time(
    hass: HomeAssistant, post: Post, advance_time: Advance
) -> None:
    """No newer report: at the reset time the window is 0 % and the reset event fires."""
    resets: list[Event[Any]] = []
    hass.bus.async_listen(EVENT_WINDOW_RESET, resets.append)
    await post(status_line(session=91, session_in=timedelta(minutes=10)))

    await advance_time(9 * 60 + 59)
    assert _state(hass, SESSION_USAGE) == "91.0"
    await advance_time(1)

    assert _state(hass, SESSION_USAGE) == "0.0"
    assert _state(hass, SESSION_RESET) == STATE_UNKNOWN
    assert _state(hass, WEEKLY_USAGE) == "41.2"
    assert [event.data["window_key"] for event in resets] == ["five_hour"]
    assert (await post({}))[1].startswith("Session 0% | Week 41%")


async def test_old_news_from_another_session_changes_nothing(
    hass: HomeAssistant, post: Post, advance_time: Advance
) -> None:
    """Less usage of a window, an earlier window, or a window over: nothing moves."""
    events: list[Event[Any]] = []
    hass.bus.async_listen(EVENT_WINDOW_RESET, events.append)
    await post(status_line(session=55, weekly=41.2))
    written = _writes(hass)

    # Another terminal heard of the same windows earlier (reset times within a minute).
    assert (await post(status_line(session=40, weekly=30)))[0] == 200
    # ...or of an earlier weekly window, or a session that is over.
    await post(status_line(session=55, weekly=80, weekly_in=timedelta(days=1)))
    await post(status_line(session=90, session_in=timedelta(minutes=-5)))
    await hass.async_block_till_done()

    assert _state(hass, SESSION_USAGE) == "55.0"
    assert _state(hass, WEEKLY_USAGE) == "41.2"
    assert [w for w in written if not w.endswith("status")] == []
    assert events == []

    # The session resets; a session still reporting the old one does not bring it back.
    await advance_time(2 * 60 * 60)
    assert _state(hass, SESSION_USAGE) == "0.0"
    same_week = timedelta(days=3, hours=-2)
    await post(
        status_line(session=55, session_in=timedelta(seconds=-30), weekly_in=same_week)
    )
    assert _state(hass, SESSION_USAGE) == "0.0"
    # The next window, with less usage than the last one had, is news.
    await post(
        status_line(
            session=3,
            session_in=timedelta(hours=5),
            weekly_in=same_week,
        )
    )
    assert _state(hass, SESSION_USAGE) == "3.0"
    assert [event.data["window_key"] for event in events] == ["five_hour"]


async def test_the_window_that_passed_stays_over(
    hass: HomeAssistant, post: Post, advance_time: Advance
) -> None:
    """Another session puts the passed reset time a minute later: still that window."""
    resets: list[Event[Any]] = []
    hass.bus.async_listen(EVENT_WINDOW_RESET, resets.append)
    await post(status_line(session=91, session_in=timedelta(minutes=10)))
    await advance_time(10 * 60)
    assert _state(hass, SESSION_USAGE) == "0.0"

    # 40 s after the reset, to the minute: a minute later than the one that passed.
    await post(status_line(session=91, session_in=timedelta(seconds=40)))
    assert _state(hass, SESSION_USAGE) == "0.0"
    await post(status_line(session=2, session_in=timedelta(hours=5)))

    assert _state(hass, SESSION_USAGE) == "2.0"
    assert [event.data["window_key"] for event in resets] == ["five_hour"]


async def test_more_usage_of_the_same_window_is_taken(
    hass: HomeAssistant, post: Post
) -> None:
    """The same window with more usage (its reset time a few seconds off) is news."""
    await post(status_line(session=20))
    await post(status_line(session=21, session_in=timedelta(hours=2, seconds=40)))
    assert _state(hass, SESSION_USAGE) == "21.0"


async def test_a_window_started_early_is_news(hass: HomeAssistant, post: Post) -> None:
    """claude.ai resets a window before its time: the next one, with less usage, counts."""
    resets: list[Event[Any]] = []
    hass.bus.async_listen(EVENT_WINDOW_RESET, resets.append)
    await post(status_line(session=80))

    await post(status_line(session=1, session_in=timedelta(hours=5)))
    await hass.async_block_till_done()

    assert _state(hass, SESSION_USAGE) == "1.0"
    assert [event.data["window_key"] for event in resets] == ["five_hour"]


async def test_a_reset_that_passed_during_a_restart_is_taken_at_once(
    hass: HomeAssistant,
    post: Post,
    init_claude_code: MockConfigEntry,
    advance_time: Advance,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Values restored after their reset time start anew at the setup."""
    await post(status_line(session=91, session_in=timedelta(minutes=10)))
    await advance_time(10)
    assert await hass.config_entries.async_unload(init_claude_code.entry_id)
    async_forget_account(hass, ACCOUNT)
    freezer.tick(timedelta(hours=1))

    assert await hass.config_entries.async_setup(init_claude_code.entry_id)
    await hass.async_block_till_done()

    assert _state(hass, SESSION_USAGE) == "0.0"


async def test_reports_from_outside_are_refused_unless_allowed(
    hass: HomeAssistant, init_claude_code: MockConfigEntry
) -> None:
    """Local only by default: a report from the internet changes nothing (200, as HA does)."""
    coordinator = init_claude_code.runtime_data
    body = json.dumps(status_line()).encode()

    def request(remote: str | None) -> Any:
        return MockRequest(body, mock_source="test", method="POST", remote=remote)

    for remote in ("8.8.8.8", None, "not an address"):
        response = await async_handle_report(
            coordinator, True, hass, WEBHOOK_ID, request(remote)
        )
        assert (response.status, response.text) == (200, None)
    assert hass.states.get(SESSION_USAGE) is None

    response = await async_handle_report(
        coordinator, False, hass, WEBHOOK_ID, request("8.8.8.8")
    )
    assert response.status == 200
    assert _state(hass, SESSION_USAGE) == "23.0"


async def test_the_webhook_id_is_never_shown(
    hass: HomeAssistant,
    post: Post,
    init_claude_code: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Not in a log line, an entity id, an attribute or the diagnostics."""
    await post(status_line())
    await post(b"[]")
    await post(fixture("hook_stop.json"))

    diagnostics = await async_get_config_entry_diagnostics(hass, init_claude_code)

    assert WEBHOOK_ID not in _logged(caplog)
    assert WEBHOOK_ID not in json.dumps(diagnostics, default=str)
    assert diagnostics["entry"]["data"][CONF_WEBHOOK_ID] == "**REDACTED**"
    for entry in er.async_entries_for_config_entry(
        entity_registry, init_claude_code.entry_id
    ):
        assert WEBHOOK_ID not in entry.entity_id
        state = hass.states.get(entry.entity_id)
        if state is not None:
            assert WEBHOOK_ID not in json.dumps(dict(state.attributes), default=str)


async def test_the_status_text_speaks_home_assistants_language(
    hass: HomeAssistant, post: Post
) -> None:
    """German Home Assistant, German status line."""
    hass.config.language = "de"
    text = (await post(status_line(weekly_in=timedelta(minutes=42))))[1]
    assert text == "Sitzung 23 % · neu in 2 Std. 0 Min. | Woche 41 % · neu in 42 Min.\n"


async def test_the_version_shows_on_the_device(
    hass: HomeAssistant,
    post: Post,
    init_claude_code: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
) -> None:
    """The reported Claude Code version is the device's software version."""
    await post(status_line())
    device = device_registry.async_get_device_by_identifier(
        (DOMAIN, ACCOUNT), init_claude_code.entry_id
    )
    assert device is not None
    assert device.sw_version == "2.1.88"
    body = status_line()
    body["version"] = "2.1.90"
    await post(body)
    assert device_registry.async_get(device.id).sw_version == "2.1.90"

    # Another computer still on 2.1.88 reports in turn: the device stays on 2.1.90.
    updates: list[Event[Any]] = []
    hass.bus.async_listen(dr.EVENT_DEVICE_REGISTRY_UPDATED, updates.append)
    for _ in range(3):
        await post(status_line())
        await post(body)
    await hass.async_block_till_done()
    assert device_registry.async_get(device.id).sw_version == "2.1.90"
    assert updates == []


async def test_an_unused_status_while_unloaded(
    hass: HomeAssistant, post: Post, init_claude_code: MockConfigEntry
) -> None:
    """After the entry unloads the webhook is gone: Home Assistant answers 200, empty."""
    await post(status_line())
    assert await hass.config_entries.async_unload(init_claude_code.entry_id)
    assert await post(status_line(session=50)) == (200, "")
    assert _state(hass, SESSION_USAGE) == STATE_UNAVAILABLE


async def test_a_failure_of_its_own_never_logs_the_webhook_id(
    hass: HomeAssistant,
    post: Post,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Should taking a report fail, Home Assistant never sees it (it would name the id)."""

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("custom_components.claude_usage.webhook.parse_report", broken)

    assert (await post(status_line()))[0] == 500
    assert "A Claude Code report could not be taken" in caplog.text
    assert WEBHOOK_ID not in _logged(caplog)


class _BodyOnItsWay(MockRequest):
    """A POST whose body is still on its way until ``arrived`` is set."""

    def __init__(self, body: bytes) -> None:
        super().__init__(body, mock_source="test", method="POST")
        self.reading = asyncio.Event()
        self.arrived = asyncio.Event()
        self._reader = _SlowReader(self)

    @property
    def content(self) -> MockStreamReader:
        return self._reader


class _SlowReader(MockStreamReader):
    def __init__(self, request: _BodyOnItsWay) -> None:
        super().__init__(request._content)
        self._request = request

    async def read(self, byte_count: int = -1) -> bytes:
        self._request.reading.set()
        await self._request.arrived.wait()
        return await super().read(byte_count)


async def test_a_report_on_its_way_at_the_removal_is_not_taken(
    hass: HomeAssistant,
    post: Post,
    init_claude_code: MockConfigEntry,
    hass_storage: dict[str, Any],
    advance_time: Advance,
) -> None:
    """Removed while a body arrives: nothing stored again, no wake-up left behind."""
    coordinator = init_claude_code.runtime_data
    request = _BodyOnItsWay(json.dumps(status_line()).encode())
    handling = hass.async_create_task(
        async_handle_report(coordinator, False, hass, WEBHOOK_ID, request)
    )
    await request.reading.wait()

    assert await hass.config_entries.async_remove(init_claude_code.entry_id)
    request.arrived.set()
    response = await handling
    await advance_time(60)

    assert response.status == 200
    assert store_key(init_claude_code.entry_id) not in hass_storage


async def test_odd_stored_values_are_left_out(
    hass: HomeAssistant,
    claude_code_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    socket_enabled: None,
) -> None:
    """A store someone edited: what cannot be read is left out, the rest restored."""
    hass_storage[store_key(claude_code_entry.entry_id)] = {
        "version": 1,
        "key": store_key(claude_code_entry.entry_id),
        "data": {
            "windows": {
                "five_hour": {"utilization": "lots", "resets_at": None},
                "seven_day": "full",
                "seven_day_opus": {"utilization": 5, "resets_at": None},
                "fourteen_day": {"utilization": 5, "resets_at": None},
            },
            "reported_at": "yesterday",
            "version": 2,
        },
    }
    claude_code_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(claude_code_entry.entry_id)
    await hass.async_block_till_done()

    assert hass.states.get(SESSION_USAGE) is None
    assert _state(hass, STATUS) == "waiting_for_report"
    hass_storage[store_key(claude_code_entry.entry_id)]["data"]["windows"] = [1]
    assert await hass.config_entries.async_reload(claude_code_entry.entry_id)
    assert _state(hass, STATUS) == "waiting_for_report"


async def test_a_wake_up_before_any_reset_changes_nothing(
    hass: HomeAssistant, post: Post, init_claude_code: MockConfigEntry
) -> None:
    """A reset timer that finds no window due sleeps on until the next reset."""
    await post(status_line())
    written = _writes(hass)
    init_claude_code.runtime_data._async_reset_due(dt_util.utcnow())
    await hass.async_block_till_done()
    assert written == []
    assert _state(hass, SESSION_USAGE) == "23.0"


async def test_a_version_before_the_device_exists(
    hass: HomeAssistant,
    post: Post,
    init_claude_code: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
) -> None:
    """A report that names a version while the device is gone changes no device."""
    device = device_registry.async_get_device_by_identifier(
        (DOMAIN, ACCOUNT), init_claude_code.entry_id
    )
    device_registry.async_remove_device(device.id)
    assert (await post(status_line()))[0] == 200
    assert init_claude_code.runtime_data.version == "2.1.88"


async def test_a_reload_keeps_the_values(
    hass: HomeAssistant, post: Post, init_claude_code: MockConfigEntry
) -> None:
    """Saving options reloads the entry: the values stay, before any save reached disk."""
    await post(status_line())
    hass.config_entries.async_update_entry(
        init_claude_code, options={CONF_ALLOW_REMOTE: True}
    )
    assert await hass.config_entries.async_reload(init_claude_code.entry_id)
    await hass.async_block_till_done()

    assert _state(hass, SESSION_USAGE) == "23.0"
    assert _state(hass, STATUS) == "ok"
