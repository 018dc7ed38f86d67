"""Load generator for the Claude Code webhook: ``python -m bench.flood`` (run by bench.realhass).

Reads its settings as one JSON line on stdin (the webhook URL is a password, so
it is not put on a command line), writes ``ready``, waits for a ``go`` line, then
posts status-line reports as Claude Code writes them from ``connections``
concurrent workers for ``seconds``, each
report on a new connection as ``curl`` sends it, and writes one JSON line with
what it measured.

Report number ``n`` carries the session percentage ``SESSION + n / 1000``. With
``changing``, the reports are numbers ``first``, ``first + 1``, ... (every one a
change, and a later flood goes on rising); else all are number ``first``, which
is posted once before ``ready`` so that the flood itself changes nothing.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from itertools import count
import json
from pathlib import Path
import statistics
import sys
import time
from typing import Any

import aiohttp

# What Claude Code hands its status line and hooks, as captured.
FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "claude_code"
SESSION = 10.0
# Stands for the session's percentage in the report; replaced in its serialized form.
MARK = "session-percentage"
PLACEHOLDER = json.dumps(MARK).encode()


class Reports:
    """Status lines' JSON as Claude Code writes them, with resets after ``now``."""

    def __init__(self, now: datetime) -> None:
        """Serialize the report once, with the session percentage left to fill in."""
        body = json.loads(
            (FIXTURES / "statusline_rate_limits.json").read_text(encoding="utf-8")
        )
        body["rate_limits"] = {
            "five_hour": {
                "used_percentage": MARK,
                "resets_at": int((now + timedelta(hours=2)).timestamp()),
            },
            "seven_day": {
                "used_percentage": 41.2,
                "resets_at": int((now + timedelta(days=3)).timestamp()),
            },
        }
        self._template = json.dumps(body).encode()

    def number(self, number: int) -> bytes:
        """Return report number ``number``."""
        return self._template.replace(
            PLACEHOLDER, f"{SESSION + number / 1000:.3f}".encode()
        )


async def _post(session: aiohttp.ClientSession, url: str, body: bytes) -> bool:
    """Post one report; return whether it was taken (200)."""
    try:
        async with session.post(url, data=body) as response:
            await response.read()
            return response.status == 200
    except aiohttp.ClientError:
        return False


async def flood(
    session: aiohttp.ClientSession,
    reports: Reports,
    url: str,
    seconds: float,
    connections: int,
    *,
    changing: bool,
    first: int,
) -> dict[str, Any]:
    """Post reports for ``seconds``; return the counts, latencies and own CPU time."""
    same = reports.number(first)
    numbers = count(first)
    sent = 0
    latencies: list[float] = []

    async def worker(deadline: float) -> None:
        nonlocal sent
        while time.perf_counter() < deadline:
            sent += 1
            body = reports.number(next(numbers)) if changing else same
            start = time.perf_counter()
            if await _post(session, url, body):
                latencies.append(time.perf_counter() - start)

    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker(wall + seconds) for _ in range(connections)))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    latencies.sort()
    return {
        "sent": sent,
        "reports": len(latencies),
        "errors": sent - len(latencies),
        "seconds": wall,
        "reports_per_s": len(latencies) / wall,
        "latency_median_s": statistics.median(latencies) if latencies else None,
        "latency_p95_s": (
            statistics.quantiles(latencies, n=20)[18] if len(latencies) > 1 else None
        ),
        "cpu_s": cpu,
    }


async def run(settings: dict[str, Any]) -> dict[str, Any]:
    """Settle an unchanged flood's value, say ``ready``, wait for ``go``, flood.

    The reset times are counted from ``now`` (Unix seconds), the same for every
    flood of a run, so that they change nothing either.
    """
    url: str = settings["url"]
    reports = Reports(datetime.fromtimestamp(settings["now"], UTC))
    changing, first = bool(settings["changing"]), int(settings["first"])
    connections = int(settings["connections"])
    connector = aiohttp.TCPConnector(force_close=True, limit=connections)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        if not changing and not await _post(session, url, reports.number(first)):
            raise RuntimeError("the webhook did not take a report")
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        if sys.stdin.readline().strip() != "go":
            raise RuntimeError("no go")
        return await flood(
            session,
            reports,
            url,
            float(settings["seconds"]),
            connections,
            changing=changing,
            first=first,
        )


def main() -> None:
    """Read the settings from stdin, flood, print the figures as one JSON line."""
    result = asyncio.run(run(json.loads(sys.stdin.readline())))
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
