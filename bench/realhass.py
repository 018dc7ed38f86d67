"""Benchmarks on a real ``hass`` process (tests/e2e/harness.py starts it on loopback).

Memory: the resident set of Home Assistant without the integration, with one
account and with twenty, each after a fresh start. Then the card's paint time
(bench/paint.py) on the same Home Assistant. The fake claude.ai runs in this
process and serves twenty organizations.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
import statistics
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
    workdir: Path, memory_runs: int, paint_runs: int
) -> dict[str, Any]:
    """Measure memory (0, 1 and ``ACCOUNTS`` accounts), then the card's paint time.

    Returns RSS medians in bytes per number of accounts and the paint timings, or
    the reason the paint timings could not be taken.
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
