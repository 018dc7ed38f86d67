"""Card paint timings in headless Chromium, against HA's history-graph card.

Seven days of one-minute polls of the usage trace go straight into the
recorder's SQLite file while Home Assistant is stopped: the state rows the
integration would have written (a row per change) and the 5-minute and hourly
statistics of the usage sensors (mean, min, max of each period). One dashboard
view holds the card (7-day range, which reads the hourly and 5-minute statistics) and a
history-graph card of the same usage sensors (168 hours). An init script wraps
the ``hass`` setter of both card elements and marks, with ``performance.now()``,
when ``hass`` is first set and the first animation frame after the card is
complete (see bench/paint.js); every run is a fresh page load.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
import sqlite3
import statistics
import time
from typing import Any

from playwright.async_api import (
    TimeoutError as PlaywrightTimeoutError,
    async_playwright,
)

from tests.e2e.harness import CARD_TYPE, CHROMIUM, CHROMIUM_ARGS, HarnessError

from .trace import day_trace

HISTORY_DAYS = 7
CARD = "claude-usage-card"
BUILTIN = "hui-history-graph-card"
# Our card's milestones (bench/paint.js): the gauges painted, the graph complete.
CARD_MILESTONES = ("gauges", "graph")
FIGURES = (*CARD_MILESTONES, BUILTIN)
DASHBOARD = "bench-paint"
LOAD_ATTEMPTS = 3
LOAD_TIMEOUT_MS = 30_000
PAINT_SCRIPT = Path(__file__).with_name("paint.js")
# Usage sensors (unique id suffix) and how to read their value from an answer.
USAGE_SENSORS = {
    "five_hour_usage": lambda body: body["five_hour"]["utilization"],
    "seven_day_usage": lambda body: body["seven_day"]["utilization"],
    "seven_day_opus_usage": lambda body: next(
        limit["percent"] for limit in body["limits"] if limit["kind"] == "weekly_scoped"
    ),
}


def _minutes(end: datetime) -> list[tuple[datetime, dict[str, Any]]]:
    """Return (time, answer) of every minute of the ``HISTORY_DAYS`` days before ``end``."""
    start = end - timedelta(days=HISTORY_DAYS)
    first_day = start.replace(hour=0, minute=0)
    bodies: list[tuple[datetime, dict[str, Any]]] = []
    for day in range(HISTORY_DAYS + 1):
        day_start = first_day + timedelta(days=day)
        for minute, body in enumerate(day_trace(day_start)):
            moment = day_start + timedelta(minutes=minute)
            if start <= moment < end:
                bodies.append((moment, body))
    return bodies


def _statistics_rows(
    values: list[tuple[datetime, float]], period: timedelta
) -> list[tuple[float, float, float, float]]:
    """Return (start, mean, min, max) of every whole ``period`` of the values."""
    seconds = period.total_seconds()
    buckets: dict[float, list[float]] = {}
    for moment, value in values:
        ts = moment.timestamp()
        buckets.setdefault(ts - ts % seconds, []).append(value)
    return [
        (start, statistics.fmean(group), min(group), max(group))
        for start, group in sorted(buckets.items())
        if len(group) == round(seconds / 60)
    ]


def seed_history(db_path: Path, entity_ids: dict[str, str], end: datetime) -> int:
    """Write seven days of history of the usage sensors before ``end``; return rows."""
    minutes = _minutes(end)
    written = 0
    now = time.time()
    with sqlite3.connect(db_path) as connection:
        for suffix, read in USAGE_SENSORS.items():
            entity_id = entity_ids[suffix]
            row = connection.execute(
                "SELECT s.metadata_id, s.attributes_id FROM states s JOIN states_meta m"
                " ON m.metadata_id = s.metadata_id WHERE m.entity_id = ?"
                " ORDER BY s.last_updated_ts DESC LIMIT 1",
                [entity_id],
            ).fetchone()
            if row is None:
                raise HarnessError(f"no recorded state of {entity_id}")
            metadata_id, attributes_id = row
            values = [(moment, float(read(body))) for moment, body in minutes]
            changes = []
            previous: float | None = None
            for moment, value in values:
                if value != previous:
                    changes.append((f"{value:g}", moment.timestamp()))
                    previous = value
            connection.executemany(
                "INSERT INTO states (state, last_updated_ts, metadata_id,"
                " attributes_id, origin_idx) VALUES (?, ?, ?, ?, 0)",
                [(state, ts, metadata_id, attributes_id) for state, ts in changes],
            )
            written += len(changes)
            meta = connection.execute(
                "SELECT id FROM statistics_meta WHERE statistic_id = ?", [entity_id]
            ).fetchone()
            if meta is None:
                meta = (
                    connection.execute(
                        "INSERT INTO statistics_meta (statistic_id, source,"
                        " unit_of_measurement, unit_class, has_mean, has_sum, name,"
                        " mean_type) VALUES (?, 'recorder', '%', NULL, 1, 0, NULL, 1)",
                        [entity_id],
                    ).lastrowid,
                )
            for table, period in (
                ("statistics_short_term", timedelta(minutes=5)),
                ("statistics", timedelta(hours=1)),
            ):
                rows = _statistics_rows(values, period)
                connection.executemany(
                    f"INSERT INTO {table} (created_ts, metadata_id, start_ts,"  # noqa: S608
                    " mean, min, max) VALUES (?, ?, ?, ?, ?, ?)",
                    [(now, meta[0], *row) for row in rows],
                )
                written += len(rows)
    return written


def dashboard_cards(device_id: str, entity_ids: dict[str, str]) -> list[dict[str, Any]]:
    """Return the card and the built-in history graph of the same sensors."""
    return [
        {"type": CARD_TYPE, "device_id": device_id, "default_range": "7d"},
        {
            "type": "history-graph",
            "hours_to_show": HISTORY_DAYS * 24,
            "entities": [entity_ids[suffix] for suffix in USAGE_SENSORS],
        },
    ]


async def measure_paint(login_url: str, runs: int) -> dict[str, Any]:
    """Return median milliseconds from ``hass`` set to each milestone, per throttle.

    Per CPU rate: our card's gauges painted and graph complete, the history-graph
    card's chart painted, and each of ours as a median of per-load ratios to it.
    """
    results: dict[str, Any] = {"runs": runs}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        try:
            context = await browser.new_context(viewport={"width": 1280, "height": 900})
            await context.add_init_script(path=str(PAINT_SCRIPT))
            page = await context.new_page()
            # Logs in, keeps the tokens and loads the dashboard once (warm-up).
            await page.goto(login_url)
            await page.wait_for_function(
                f"() => window.__benchMarks?.['{CARD}']?.graph !== undefined",
                timeout=LOAD_TIMEOUT_MS * LOAD_ATTEMPTS,
            )
            cdp = await context.new_cdp_session(page)
            for rate in (1, 4):
                await cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
                timings: dict[str, list[float]] = {name: [] for name in FIGURES}
                ratios: dict[str, list[float]] = {name: [] for name in CARD_MILESTONES}
                for _ in range(runs):
                    marks = await _load(page, results)
                    builtin = marks[BUILTIN]["painted"] - marks[BUILTIN]["hassSet"]
                    timings[BUILTIN].append(builtin)
                    for milestone in CARD_MILESTONES:
                        ours = marks[CARD][milestone] - marks[CARD]["hassSet"]
                        timings[milestone].append(ours)
                        # Both cards of one load met the same machine load.
                        ratios[milestone].append(ours / builtin)
                results[f"rate_{rate}"] = {
                    name: statistics.median(values) for name, values in timings.items()
                } | {
                    f"{name}_ratio": statistics.median(values)
                    for name, values in ratios.items()
                }
            await cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
        finally:
            await browser.close()
    return results


async def _load(page: Any, results: dict[str, Any]) -> dict[str, Any]:
    """Reload the page until both cards were marked (at most ``LOAD_ATTEMPTS``).

    A load where a mark is missing (the card never completed, or the card's
    class was wrapped only after its ``hass`` was set) is retried and counted.
    """
    for attempt in range(1, LOAD_ATTEMPTS + 1):
        await page.reload()
        try:
            return await _wait_marks(page)
        except PlaywrightTimeoutError:
            marks = await page.evaluate("() => window.__benchMarks")
            results.setdefault("discarded", []).append(marks)
            if attempt == LOAD_ATTEMPTS:
                raise HarnessError(
                    f"cards not marked on {attempt} loads: {marks}"
                ) from None
    raise AssertionError("unreachable")


async def _wait_marks(page: Any) -> dict[str, Any]:
    await page.wait_for_function(
        "() => { const m = window.__benchMarks; return m && "
        f"m['{CARD}']?.gauges !== undefined && m['{CARD}']?.graph !== undefined"
        f" && m['{BUILTIN}']?.painted !== undefined; }}",
        timeout=LOAD_TIMEOUT_MS,
    )
    marks: dict[str, Any] = await page.evaluate("() => window.__benchMarks")
    return marks


def history_end(started: datetime) -> datetime:
    """Return where seeded history ends: before Home Assistant first ran, whole 5 min."""
    end = started.astimezone(UTC) - timedelta(minutes=10)
    return end.replace(minute=end.minute - end.minute % 5, second=0, microsecond=0)
