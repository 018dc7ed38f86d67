"""In-process benchmarks on Home Assistant's test harness (run by ``bench.__main__``).

Run through pytest so that pytest-homeassistant-custom-component provides a real
``HomeAssistant``, a real recorder on an SQLite file and a controllable clock.
Each test writes its figures into the JSON file named by ``BENCH_RESULTS``.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncGenerator
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
import json
import os
from pathlib import Path
import sqlite3
import statistics
import time
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import webhook
from homeassistant.components.recorder import Recorder
from homeassistant.const import CONF_WEBHOOK_ID, EVENT_STATE_CHANGED
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
from homeassistant.util.aiohttp import MockRequest
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

# Import the integration before Home Assistant sets up (see tests/conftest.py).
import custom_components.claude_usage  # noqa: F401
from custom_components.claude_usage.api import parse_credentials
from custom_components.claude_usage.const import (
    AUTH_TYPE_CLAUDE_CODE,
    CONF_ALLOW_REMOTE,
    CONF_AUTH_TYPE,
    CONF_BASE_URL,
    CONF_CLOUDHOOK,
    CONF_COOKIE,
    CONF_ORG_UUID,
    DEFAULT_SCAN_INTERVAL,
    DOMAIN,
)
from custom_components.claude_usage.coordinator import ClaudeUsageCoordinator
from custom_components.claude_usage.forecast import MAX_SAMPLES, MIN_SPACING, Sample
from tests.e2e.harness import FakeClaudeProcess, free_port, http_session
from tests.fake_claude import ORG_UUID, VALID_SESSION_KEY, FakeClaude, usage_json

from .flood import FIXTURES, Reports
from .trace import METRICS, MINUTES_PER_DAY, day_trace, metric_values

DAY_START = datetime(2026, 11, 30, tzinfo=UTC)
CPU_ROUNDS = 25
CPU_WARMUP = 3


def _record(key: str, value: Any) -> None:
    """Merge one figure into the results file."""
    path = Path(os.environ["BENCH_RESULTS"])
    results = json.loads(path.read_text()) if path.exists() else {}
    results[key] = value
    path.write_text(json.dumps(results, indent=2))


@pytest.fixture(autouse=True)
async def enable_event_loop_debug() -> None:
    """Keep the event loop out of debug mode (the harness turns it on for tests)."""
    asyncio.get_running_loop().set_debug(False)


@pytest.fixture
async def fake(socket_enabled: None) -> AsyncGenerator[FakeClaude]:
    """Yield a fake claude.ai in this process, on loopback."""
    server = FakeClaude()
    await server.start()
    yield server
    await server.stop()


def _entry(base_url: str, org_uuid: str, session_key: str) -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN,
        title=f"Org {org_uuid[:8]}",
        unique_id=org_uuid,
        data={
            CONF_COOKIE: parse_credentials(session_key).cookie_header(),
            CONF_ORG_UUID: org_uuid,
            CONF_BASE_URL: base_url,
        },
    )


async def _advance(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, seconds: float
) -> None:
    freezer.tick(timedelta(seconds=seconds))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


# Figure 2: recorder rows and bytes of a simulated day -------------------------


@pytest.fixture
def persistent_database() -> bool:
    """Put the recorder's database in an SQLite file (its size is measured)."""
    return True


def _states_bytes(db_path: Path) -> int:
    """Return the bytes of the pages of the states tables and their indexes."""
    with sqlite3.connect(db_path) as connection:
        (size,) = connection.execute(
            "SELECT coalesce(sum(d.pgsize), 0) FROM dbstat d"
            " JOIN sqlite_master m ON m.name = d.name"
            " WHERE m.tbl_name IN ('states', 'state_attributes', 'states_meta')"
        ).fetchone()
    return int(size)


def _state_rows(db_path: Path, entity_ids: list[str], since: float) -> dict[str, int]:
    """Return the state rows written since ``since``, per entity."""
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT m.entity_id, count(*) FROM states s JOIN states_meta m"
            " ON m.metadata_id = s.metadata_id WHERE s.last_updated_ts >= ?"
            " GROUP BY m.entity_id",
            [since],
        ).fetchall()
    return {
        entity_id: int(count) for entity_id, count in rows if entity_id in entity_ids
    }


def _naive_store(db_path: Path, bodies: list[dict[str, Any]], start: datetime) -> int:
    """Store every poll's values, one row per metric, as a standalone poller does."""
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "CREATE TABLE usage_samples (ts REAL NOT NULL, metric TEXT NOT NULL, value)"
        )
        for minute, body in enumerate(bodies):
            ts = (start + timedelta(minutes=minute)).timestamp()
            connection.executemany(
                "INSERT INTO usage_samples VALUES (?, ?, ?)",
                [(ts, metric, value) for metric, value in metric_values(body)],
            )
        (rows,) = connection.execute("SELECT count(*) FROM usage_samples").fetchone()
    return int(rows)


def _db_path(recorder: Recorder) -> Path:
    return Path(recorder.db_url.removeprefix("sqlite:///"))


async def test_recorder_day(
    recorder_mock: Recorder,
    *,
    enable_custom_integrations: None,
    hass: HomeAssistant,
    fake: FakeClaude,
    freezer: FrozenDateTimeFactory,
    tmp_path: Path,
) -> None:
    """Feed a day of polls through the integration and the recorder; count what is stored."""
    bodies = day_trace(DAY_START)
    freezer.move_to(DAY_START - timedelta(minutes=1))
    fake.set_usage(bodies[0])
    entry = _entry(fake.base_url, ORG_UUID, VALID_SESSION_KEY)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    await async_wait_recording_done(hass)
    db_path = _db_path(recorder_mock)
    entity_ids = [
        item.entity_id
        for item in er.async_entries_for_config_entry(
            er.async_get(hass), entry.entry_id
        )
        if item.disabled_by is None
    ]
    before = await recorder_mock.async_add_executor_job(_states_bytes, db_path)
    requests_before = fake.usage_request_count()

    for body in bodies:
        fake.set_usage(body)
        await _advance(hass, freezer, DEFAULT_SCAN_INTERVAL)
    await async_wait_recording_done(hass)
    polls = fake.usage_request_count() - requests_before
    rows = await recorder_mock.async_add_executor_job(
        _state_rows, db_path, entity_ids, DAY_START.timestamp()
    )
    after = await recorder_mock.async_add_executor_job(_states_bytes, db_path)
    naive_path = tmp_path / "naive.db"
    naive_rows = await hass.async_add_executor_job(
        _naive_store, naive_path, bodies, DAY_START
    )
    naive_bytes = naive_path.stat().st_size
    assert polls == MINUTES_PER_DAY, polls
    _record(
        "recorder",
        {
            "polls": polls,
            "entities": len(entity_ids),
            "metrics": len(METRICS),
            "rows": sum(rows.values()),
            "rows_per_entity": {
                entity_id: rows.get(entity_id, 0) for entity_id in entity_ids
            },
            "bytes": after - before,
            "naive_rows": naive_rows,
            "naive_bytes": naive_bytes,
        },
    )


# Figure 5: requests per hour, normal and during outages -----------------------


async def _count_hour(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, fake: FakeClaude
) -> int:
    before = fake.usage_request_count()
    for _ in range(360):
        await _advance(hass, freezer, 10)
    return fake.usage_request_count() - before


async def test_requests_per_hour(
    enable_custom_integrations: None,
    hass: HomeAssistant,
    fake: FakeClaude,
    freezer: FrozenDateTimeFactory,
) -> None:
    """One hour normal, one of HTTP 500s, one of 429s with Retry-After: count requests."""
    freezer.move_to(DAY_START)
    entry = _entry(fake.base_url, ORG_UUID, VALID_SESSION_KEY)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    normal = await _count_hour(hass, freezer, fake)
    fake.fail("server_error", status=503)
    outage = await _count_hour(hass, freezer, fake)
    fake.clear_failure()
    recovered = await _count_hour(hass, freezer, fake)
    fake.fail("rate_limit", retry_after=600)
    rate_limited = await _count_hour(hass, freezer, fake)
    fake.clear_failure()
    _record(
        "requests",
        {
            "normal": normal,
            "outage_503": outage,
            "after_outage": recovered,
            "rate_limited_429": rate_limited,
        },
    )


# Figure 1: CPU time per coordinator refresh -----------------------------------


def _org_uuid(index: int) -> str:
    return f"{index:08x}-0000-4000-8000-{index:012x}"


def _session_key(index: int) -> str:
    return f"{VALID_SESSION_KEY[:-6]}{index:04d}AA"


def _body(round_: int, index: int) -> dict[str, Any]:
    reset = DAY_START + timedelta(hours=3)
    return usage_json(
        session=((round_ + index) % 100, reset),
        weekly=(30 + round_ % 50, reset + timedelta(days=3)),
        scoped={"Opus": (10 + round_ % 40, reset + timedelta(days=3))},
        extra_used_cents=1000 + round_,
    )


@pytest.mark.parametrize("accounts", [1, 20])
async def test_refresh_cpu(
    enable_custom_integrations: None,
    hass: HomeAssistant,
    socket_enabled: None,
    tmp_path: Path,
    accounts: int,
) -> None:
    """CPU time of refreshing every coordinator (fetch, parse, state writes)."""
    fake = FakeClaudeProcess(free_port(), tmp_path / "fake.log", scenario="static")
    async with http_session() as session:
        await fake.async_start(session)
        try:
            keys = [_session_key(index) for index in range(accounts)]
            await fake.control(session, "session_keys", {"keys": keys})
            entries = []
            for index, key in enumerate(keys):
                await fake.control(
                    session,
                    "usage",
                    {"org_uuid": _org_uuid(index), "payload": _body(0, index)},
                )
                entry = _entry(fake.url, _org_uuid(index), key)
                entry.add_to_hass(hass)
                assert await hass.config_entries.async_setup(entry.entry_id)
                entries.append(entry)
            await hass.async_block_till_done(wait_background_tasks=True)
            coordinators: list[ClaudeUsageCoordinator] = [
                entry.runtime_data for entry in entries
            ]
            cpu: list[float] = []
            wall: list[float] = []
            for round_ in range(1, CPU_WARMUP + CPU_ROUNDS + 1):
                for index in range(accounts):
                    await fake.control(
                        session,
                        "usage",
                        {"org_uuid": _org_uuid(index), "payload": _body(round_, index)},
                    )
                cpu_start, wall_start = time.process_time(), time.perf_counter()
                await asyncio.gather(*(c.async_refresh() for c in coordinators))
                await hass.async_block_till_done()
                if round_ > CPU_WARMUP:
                    cpu.append(time.process_time() - cpu_start)
                    wall.append(time.perf_counter() - wall_start)
            assert all(c.last_update_success for c in coordinators)
            for entry in entries:
                assert await hass.config_entries.async_unload(entry.entry_id)
        finally:
            await fake.async_stop()
    _record(
        f"cpu_{accounts}",
        {
            "accounts": accounts,
            "rounds": CPU_ROUNDS,
            "cpu_per_round_s": statistics.median(cpu),
            "wall_per_round_s": statistics.median(wall),
        },
    )


# Figure 6: CPU time per Claude Code report ------------------------------------

REPORT_ROUNDS = 300
REPORT_WARMUP = 30
# Changed reports taken with as many forecast samples as a window keeps.
CAP_ROUNDS = 100
CAP_WARMUP = 10
WEBHOOK_ID = "be7c" * 16
# The kinds of report, each taken once per round in this order (interleaved, so
# that a change in the machine's load touches them alike).
REPORT_KINDS = ("changed", "unchanged", "no_rate_limits", "hook")


def _fill_samples(coordinator: ClaudeUsageCoordinator) -> None:
    """Put older samples in front of every window's, up to as many as it keeps.

    As the forecast is seeded from the recorder at a start: a rising utilization,
    one sample every MIN_SPACING before the oldest one kept (the age bound of a
    window may keep fewer than MAX_SAMPLES).
    """
    tracker = coordinator.forecast
    for window in coordinator.data.windows:
        kept = tracker.samples(window.key)
        oldest = kept[0]
        missing = MAX_SAMPLES - len(kept)
        tracker.seed(
            window,
            [
                Sample(
                    time=oldest.time - MIN_SPACING * (missing - index),
                    utilization=oldest.utilization * index / missing,
                    resets_at=window.resets_at,
                )
                for index in range(missing)
            ],
        )


def _most_samples(coordinator: ClaudeUsageCoordinator) -> int:
    """Return the most samples a window of the coordinator keeps."""
    return max(
        len(coordinator.forecast.samples(window.key))
        for window in coordinator.data.windows
    )


async def test_report_cpu(
    enable_custom_integrations: None, hass: HomeAssistant
) -> None:
    """CPU time of taking one Claude Code report (parse, compare, state writes).

    First every kind of report, interleaved, while the forecast keeps only the
    samples of these reports; then changed reports with every window's samples
    filled up to what it keeps.
    """
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Claude Code",
        unique_id=_org_uuid(1),
        data={
            CONF_AUTH_TYPE: AUTH_TYPE_CLAUDE_CODE,
            CONF_ORG_UUID: _org_uuid(1),
            CONF_WEBHOOK_ID: WEBHOOK_ID,
            CONF_CLOUDHOOK: False,
        },
        options={CONF_ALLOW_REMOTE: False},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    coordinator: ClaudeUsageCoordinator = entry.runtime_data
    now = dt_util.utcnow()
    reports = Reports(now)
    bodies = {
        "no_rate_limits": (FIXTURES / "statusline_no_rate_limits.json").read_bytes(),
        "hook": (FIXTURES / "hook_stop.json").read_bytes(),
    }
    written: list[str] = []

    @callback
    def _written(event: Event[EventStateChangedData]) -> None:
        written.append(event.data["entity_id"])

    hass.bus.async_listen(EVENT_STATE_CHANGED, _written)

    async def take(body: bytes) -> float:
        """Hand one report to the webhook; return the CPU time it took."""
        request = MockRequest(body, "bench", method="POST", remote="127.0.0.1")
        start = time.process_time()
        response = await webhook.async_handle_webhook(hass, WEBHOOK_ID, request)
        await hass.async_block_till_done()
        cpu = time.process_time() - start
        assert response.status == HTTPStatus.OK, response.status
        return cpu

    def status_line(report: int) -> bytes:
        # The session's percentage rises a tenth of a point a report, as it does in use.
        return reports.number(100 * report)

    await take(status_line(0))
    cpu: dict[str, list[float]] = {kind: [] for kind in (*REPORT_KINDS, "capped")}
    writes: dict[str, Counter[str]] = {kind: Counter() for kind in cpu}
    rounds = dict.fromkeys(REPORT_KINDS, REPORT_ROUNDS) | {"capped": CAP_ROUNDS}

    async def measure(kind: str, body: bytes, *, warm_up: bool) -> None:
        written.clear()
        taken = await take(body)
        if not warm_up:
            cpu[kind].append(taken)
            writes[kind].update(written)

    for round_ in range(1, REPORT_WARMUP + REPORT_ROUNDS + 1):
        bodies["changed"] = bodies["unchanged"] = status_line(round_)
        for kind in REPORT_KINDS:
            await measure(kind, bodies[kind], warm_up=round_ <= REPORT_WARMUP)
    samples = {"changed": _most_samples(coordinator)}
    _fill_samples(coordinator)
    for round_ in range(1, CAP_WARMUP + CAP_ROUNDS + 1):
        report = REPORT_WARMUP + REPORT_ROUNDS + round_
        await measure("capped", status_line(report), warm_up=round_ <= CAP_WARMUP)
    samples["capped"] = _most_samples(coordinator)
    assert await hass.config_entries.async_unload(entry.entry_id)
    _record(
        "reports",
        {
            "rounds": REPORT_ROUNDS,
            "warmup": REPORT_WARMUP,
            "cap_rounds": CAP_ROUNDS,
            "cap_warmup": CAP_WARMUP,
            "samples_kept": samples,
            **{
                kind: {
                    "cpu_per_report_s": statistics.median(cpu[kind]),
                    "writes_per_report": writes[kind].total() / rounds[kind],
                    "writes": dict(sorted(writes[kind].items())),
                }
                for kind in cpu
            },
        },
    )
