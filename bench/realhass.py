"""Benchmarks on a real ``hass`` process (tests/e2e/harness.py starts it on loopback).

Memory: the resident set of Home Assistant without the integration, with one
account and with twenty, each after a fresh start. Then floods of Claude Code
reports (bench/flood.py, in another process) to a Claude Code entry's webhook,
and the card's paint time (bench/paint.py), on the same Home Assistant. The fake
claude.ai runs in this process and serves twenty organizations.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count
import json
import os
from pathlib import Path
import statistics
import sys
import time
from typing import Any

import aiohttp
from playwright.async_api import Error as PlaywrightError

from tests.e2e.harness import (
    HarnessError,
    HomeAssistantClient,
    HomeAssistantProcess,
    async_start_home_assistant,
    free_port,
    http_session,
)
from tests.fake_claude import FakeClaude, organization_json

from .paint import DASHBOARD, dashboard_cards, history_end, measure_paint, seed_history
from .trace import day_trace

USERNAME = "bench"
PASSWORD = "bench-password"  # noqa: S105
ACCOUNTS = 20
# After Home Assistant reports RUNNING: let the first polls, the recorder's first
# commits and start-up tasks finish before reading the resident set.
SETTLE_SECONDS = 20
SAMPLES = 5
ROOT = Path(__file__).resolve().parents[1]
# Concurrent connections of the load generator that floods the webhook.
CONNECTIONS = 4


def org_uuid(index: int) -> str:
    """Return the uuid of the fake's organization number ``index``."""
    return f"{index:08x}-1111-4000-8000-{index:012x}"


def org_name(index: int) -> str:
    """Return the name of the fake's organization number ``index``."""
    return f"Bench Org {index:02d}"


def rss_bytes(pid: int) -> int:
    """Return the resident set size of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise HarnessError(f"no VmRSS for process {pid}")


@dataclass
class RealHass:
    """A running Home Assistant and a logged-in client of it."""

    process: HomeAssistantProcess
    client: HomeAssistantClient

    async def restart(self, session: aiohttp.ClientSession) -> None:
        """Stop Home Assistant and start it again on the same folder."""
        await self.client.close()
        await self.process.async_stop()
        await self.process.async_start(session)
        await self.client.login(USERNAME, PASSWORD)
        await self.client.wait_running(self.process)

    async def add_account(self, fake: FakeClaude, index: int) -> None:
        """Add organization ``index`` through the config flow, as a user does."""
        client = self.client
        flow = await client.start_flow()
        if flow["type"] == "menu":
            flow = await client.configure_flow(
                flow["flow_id"], {"next_step_id": "cookie"}
            )
        result = await client.configure_flow(
            flow["flow_id"],
            {
                "cookie": next(iter(fake.valid_session_keys)),
                "advanced": {"base_url": fake.base_url},
            },
        )
        if result.get("step_id") == "organization":
            result = await client.configure_flow(
                flow["flow_id"], {"organization": org_uuid(index)}
            )
        if result.get("type") != "create_entry":
            raise HarnessError(f"config flow did not create an entry: {result}")

    async def resident_set(self) -> int:
        """Wait for start-up to settle; return the median of a few RSS samples."""
        await asyncio.sleep(SETTLE_SECONDS)
        assert self.process.proc is not None
        samples = []
        for _ in range(SAMPLES):
            samples.append(rss_bytes(self.process.proc.pid))
            await asyncio.sleep(1)
        return int(statistics.median(samples))


async def start_fake() -> FakeClaude:
    """Start a fake claude.ai serving ``ACCOUNTS`` organizations to one cookie."""
    fake = FakeClaude()
    fake.organizations = [
        organization_json(uuid=org_uuid(index), name=org_name(index))
        for index in range(ACCOUNTS)
    ]
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    # Mid-morning: a session window open, all windows and extra usage present.
    body = day_trace(today)[10 * 60]
    for index in range(ACCOUNTS):
        fake.set_usage(body, org_uuid(index))
    await fake.start()
    return fake


async def measure_real_hass(
    workdir: Path,
    memory_runs: int,
    paint_runs: int,
    report_seconds: float,
    report_runs: int,
) -> dict[str, Any]:
    """Measure memory (0, 1 and ``ACCOUNTS`` accounts), reports, the card's paint time.

    Returns RSS medians in bytes per number of accounts, the floods of Claude Code
    reports (after the memory figures: the Claude Code entry is not in them) and
    the paint timings, or the reason the paint timings could not be taken.
    """
    started = datetime.now(UTC)
    fake = await start_fake()
    process = HomeAssistantProcess(workdir / "config", free_port())
    try:
        async with http_session() as session:
            client = HomeAssistantClient(session, process.url)
            real = RealHass(process, client)
            await async_start_home_assistant(
                process, client, name="Bench", username=USERNAME, password=PASSWORD
            )
            samples: dict[int, list[int]] = {}
            added = 0
            for accounts in (0, 1, ACCOUNTS):
                while added < accounts:
                    await real.add_account(fake, added)
                    added += 1
                for _ in range(memory_runs):
                    await real.restart(session)
                    samples.setdefault(accounts, []).append(await real.resident_set())
            results: dict[str, Any] = {
                "memory": {
                    "runs": memory_runs,
                    "rss": {
                        str(n): statistics.median(values)
                        for n, values in samples.items()
                    },
                }
                if samples
                else None
            }
            if report_runs:
                try:
                    results["reports"] = await measure_reports(
                        real, session, report_seconds, report_runs
                    )
                except (HarnessError, TimeoutError) as err:
                    results["reports_error"] = (
                        f"{type(err).__name__}: {err}".splitlines()[0]
                    )
            try:
                results["paint"] = await _paint(real, session, started, paint_runs)
            except (HarnessError, PlaywrightError, TimeoutError) as err:
                results["paint_error"] = f"{type(err).__name__}: {err}".splitlines()[0]
            await client.close()
    finally:
        await process.async_stop()
        await fake.stop()
    return results


async def _paint(
    real: RealHass, session: aiohttp.ClientSession, started: datetime, runs: int
) -> dict[str, Any]:
    """Seed seven days of history for the first account, then time the cards."""
    client, process = real.client, real.process
    entry = next(
        entry for entry in await client.entries() if entry["title"] == org_name(0)
    )
    entity_ids = {
        entity["unique_id"].removeprefix(f"{org_uuid(0)}_"): entity["entity_id"]
        for entity in await client.entities_of(entry["entry_id"])
    }
    device = await client.device_of(entry["entry_id"])
    await client.close()
    await process.async_stop()
    seeded = seed_history(
        process.config_dir / "home-assistant_v2.db", entity_ids, history_end(started)
    )
    await process.async_start(session)
    await client.login(USERNAME, PASSWORD)
    await client.wait_running(process)
    await client.ensure_dashboard(
        DASHBOARD, "Bench", dashboard_cards(device["id"], entity_ids)
    )
    login_url = await client.browser_login_url(
        USERNAME, PASSWORD, f"/{DASHBOARD}/usage"
    )
    return {"seeded_rows": seeded, **await measure_paint(login_url, runs)}


# Claude Code reports: how many a second Home Assistant takes ------------------

INTEGRATION_LOGGER = "custom_components.claude_usage"


def cpu_seconds(pid: int) -> float:
    """Return the CPU time (user + system, all threads) a process has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # utime and stime: fields 14 and 15 of proc_pid_stat(5), counted from the state (3).
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class StateWrites:
    """Counts the ``state_changed`` events of some entities, over the websocket."""

    def __init__(self, session: aiohttp.ClientSession, url: str, token: str) -> None:
        """Describe the subscription; ``start()`` opens it."""
        self._session, self._url, self._token = session, url, token
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None
        self._pong = asyncio.Event()
        self._ids = count(1)
        self.entity_ids: set[str] = set()
        self.counts: Counter[str] = Counter()

    async def start(self) -> None:
        """Log in on a websocket of its own and subscribe to ``state_changed``."""
        ws = await self._session.ws_connect(f"{self._url}/api/websocket")
        await ws.receive_json(timeout=30)
        await ws.send_json({"type": "auth", "access_token": self._token})
        if (auth := await ws.receive_json(timeout=30))["type"] != "auth_ok":
            raise HarnessError(f"websocket authentication failed: {auth['type']}")
        await ws.send_json(
            {
                "id": next(self._ids),
                "type": "subscribe_events",
                "event_type": "state_changed",
            }
        )
        if not (await ws.receive_json(timeout=30))["success"]:
            raise HarnessError("subscribe_events failed")
        self._ws = ws
        self._reader = asyncio.create_task(self._read(ws))

    async def _read(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        async for message in ws:
            if message.type is not aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(message.data)
            if data["type"] == "event":
                entity_id = data["event"]["data"]["entity_id"]
                if entity_id in self.entity_ids:
                    self.counts[entity_id] += 1
            elif data["type"] == "pong":
                self._pong.set()

    async def caught_up(self) -> None:
        """Return once every event Home Assistant sent before now has been counted.

        A ping's pong comes after the events queued before it on the same socket,
        and a report's state is written before the webhook answers.
        """
        assert self._ws is not None
        self._pong.clear()
        await self._ws.send_json({"id": next(self._ids), "type": "ping"})
        await asyncio.wait_for(self._pong.wait(), 30)

    async def stop(self) -> None:
        """Close the websocket."""
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            await self._reader


async def add_claude_code(client: HomeAssistantClient) -> tuple[str, str]:
    """Add a Claude Code entry through the config flow; return its id and webhook URL."""
    flow = await client.start_flow()
    flow = await client.configure_flow(flow["flow_id"], {"next_step_id": "claude_code"})
    flow = await client.configure_flow(
        flow["flow_id"], {"name": "Claude Code", "allow_remote": False}
    )
    if flow.get("step_id") != "claude_code_lines":
        raise HarnessError(f"config flow did not show the lines: {flow.get('step_id')}")
    url: str = flow["description_placeholders"]["url"]
    created = await client.configure_flow(flow["flow_id"], {})
    if created.get("type") != "create_entry":
        raise HarnessError(f"config flow did not create an entry: {created['type']}")
    return created["result"]["entry_id"], url


async def flood(
    writes: StateWrites, pid: int, settings: dict[str, Any]
) -> dict[str, Any]:
    """Run bench/flood.py in another process; add Home Assistant's CPU and state writes."""
    generator = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.flood",
        cwd=ROOT,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert generator.stdin is not None
    assert generator.stdout is not None
    try:
        generator.stdin.write(json.dumps(settings).encode() + b"\n")
        await generator.stdin.drain()
        if (await generator.stdout.readline()).strip() != b"ready":
            raise HarnessError("the load generator did not start")
        await writes.caught_up()
        before = writes.counts.copy()
        cpu, wall = cpu_seconds(pid), time.perf_counter()
        generator.stdin.write(b"go\n")
        generator.stdin.close()
        line = await generator.stdout.readline()
        cpu, wall = cpu_seconds(pid) - cpu, time.perf_counter() - wall
        if await generator.wait() != 0 or not line:
            raise HarnessError("the load generator failed")
    finally:
        if generator.returncode is None:
            generator.kill()
            await generator.wait()
    result: dict[str, Any] = json.loads(line)
    if not (reports := result["reports"]):
        raise HarnessError("the webhook took no report")
    await writes.caught_up()
    written = writes.counts - before
    return {
        **result,
        "hass_cpu_share": cpu / wall,
        "hass_cpu_per_report_s": cpu / reports,
        "generator_cpu_share": result["cpu_s"] / result["seconds"],
        "writes": dict(sorted(written.items())),
        "writes_per_report": written.total() / reports,
        "max_writes_per_entity_per_report": max(written.values(), default=0) / reports,
    }


async def measure_reports(
    real: RealHass, session: aiohttp.ClientSession, seconds: float, runs: int
) -> dict[str, Any]:
    """Add a Claude Code entry, then flood its webhook with unchanged and changing reports.

    Runs alternate (unchanged, changing, ...); each kind's figures are those of
    its run with the median reports per second.
    """
    client, process = real.client, real.process
    assert process.proc is not None
    pid = process.proc.pid
    entry_id, url = await add_claude_code(client)
    # The harness logs the integration's debug lines; a user's Home Assistant does not.
    await client.call_service("logger", "set_level", {INTEGRATION_LOGGER: "warning"})
    token: str = await client.ws(
        "auth/long_lived_access_token", client_name="bench", lifespan=1
    )
    writes = StateWrites(session, process.url, token)
    await writes.start()
    base = {
        "url": url,
        "connections": CONNECTIONS,
        "now": time.time(),
        "seconds": seconds,
    }
    try:
        # The first report (number 0) makes the window sensors; this flood warms up.
        await flood(writes, pid, base | {"seconds": 2, "changing": False, "first": 0})
        writes.entity_ids = {
            entity["entity_id"] for entity in await client.entities_of(entry_id)
        }
        sent = 1
        runs_of: dict[str, list[dict[str, Any]]] = {"unchanged": [], "changing": []}
        for _ in range(runs):
            # The last report sent (the session's highest percentage), over and over.
            unchanged = base | {"changing": False, "first": sent - 1}
            runs_of["unchanged"].append(await flood(writes, pid, unchanged))
            changing = await flood(
                writes, pid, base | {"changing": True, "first": sent}
            )
            sent += changing["sent"]
            runs_of["changing"].append(changing)
    finally:
        await writes.stop()
    return {
        "runs": runs,
        "seconds": seconds,
        "connections": CONNECTIONS,
        **{
            kind: sorted(values, key=lambda run: run["reports_per_s"])[len(values) // 2]
            for kind, values in runs_of.items()
        },
    }
