"""Run every benchmark and print one table: ``python -m bench`` (or ``scripts/bench``).

Figures are medians of several runs; ratios compare figures of the same run.
Everything listens on 127.0.0.1 only and every process started is stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
from pathlib import Path
import platform
import subprocess
import sys
import tempfile
from typing import Any

from .paint import HISTORY_DAYS
from .realhass import ACCOUNTS, SAMPLES, SETTLE_SECONDS, measure_real_hass

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "custom_components" / "claude_usage" / "www" / "claude-usage-card.js"
INTERVAL_S = 60
# Claude Code runs the status line at most this often while it writes.
STATUS_LINE_S = 0.3


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _log(line: str) -> None:
    sys.stderr.write(f"[bench] {line}\n")
    sys.stderr.flush()


def run_inprocess(results_path: Path) -> dict[str, Any]:
    """Run bench/inprocess.py under pytest; return the figures it wrote."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(ROOT / "bench" / "inprocess.py"),
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=ROOT,
        env={**os.environ, "BENCH_RESULTS": str(results_path)},
        check=True,
        stdout=sys.stderr,
    )
    return dict(json.loads(results_path.read_text()))


def bundle_sizes() -> tuple[int, int]:
    """Return the card bundle's size, raw and gzip-compressed (level 9)."""
    raw = BUNDLE.read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=9, mtime=0))


def _machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return (
        f"{cpu}, {os.cpu_count()} cores, Linux {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def _kib(size: float) -> str:
    return f"{size / 1024:,.1f} KiB"


def _mib(size: float) -> str:
    return f"{size / 1024 / 1024:,.1f} MiB"


def _table(rows: list[tuple[str, str, str]]) -> list[str]:
    lines = ["| Figure | Value | How it was measured |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {how} |" for name, value, how in rows]
    return lines


def build_rows(
    figures: dict[str, Any], real: dict[str, Any] | None
) -> list[tuple[str, str, str]]:
    """Turn the measured figures into table rows."""
    rows: list[tuple[str, str, str]] = []
    cpu_1, cpu_n = figures["cpu_1"], figures["cpu_20"]
    per_1 = cpu_1["cpu_per_round_s"]
    per_n = cpu_n["cpu_per_round_s"]
    how_cpu = (
        f"`time.process_time()` around `async_refresh()` of every coordinator plus "
        f"`async_block_till_done()`, in-process Home Assistant (test harness, event "
        f"loop debug off, no recorder); the fake claude.ai runs in another process on "
        f"loopback so its CPU is not counted; answers change every round so all sensors "
        f"write a state; median of {cpu_1['rounds']} rounds after 3 warm-up rounds"
    )
    rows.append(("Poll CPU, 1 account", f"{per_1 * 1000:.2f} ms per refresh", how_cpu))
    rows.append(
        (
            f"Poll CPU, {cpu_n['accounts']} accounts",
            f"{per_n * 1000:.1f} ms per round ({per_n / cpu_n['accounts'] * 1000:.2f} ms per account)",
            "same method, all coordinators refreshed concurrently",
        )
    )
    rows.append(
        (
            "Share of one core at the 60 s default",
            (
                f"{per_1 / INTERVAL_S * 100:.4f} % (1 account), "
                f"{per_n / INTERVAL_S * 100:.3f} % ({cpu_n['accounts']} accounts)"
            ),
            "CPU per poll round / 60 s",
        )
    )
    rows += _report_rows(figures["reports"])
    rows += _flood_rows(real)
    rec = figures["recorder"]
    mirror = {
        entity_id: count
        for entity_id, count in rec["rows_per_entity"].items()
        if entity_id.startswith("sensor.")
        and not entity_id.endswith(
            ("_forecast", "_runs_out", "_status", "_last_update")
        )
    }
    mirror_rows = sum(mirror.values())
    how_rec = (
        f"{rec['polls']} polls (one simulated day, 60 s apart, simulated clock) of a "
        "usage trace (idle night, 3 bursts, session limit hit once, session and weekly "
        "Opus resets, sub-second reset-time jitter) through the real integration and "
        "recorder (SQLite file); rows in `states` for the entry's "
        f"{rec['entities']} entities; bytes = growth of the pages of `states`, "
        "`state_attributes`, `states_meta` and their indexes (SQLite `dbstat`); "
        "5-minute statistics not included"
    )
    rows.append(
        (
            "Recorder rows per day, all entities",
            f"{rec['rows']:,} rows, {_kib(rec['bytes'])}",
            how_rec,
        )
    )
    rows.append(
        (
            "Recorder rows per day, sensors that mirror the API",
            f"{mirror_rows:,} rows ({len(mirror)} sensors)",
            (
                "usage, reset and extra usage sensors only (without the forecast sensors "
                "and binary sensors derived from them)"
            ),
        )
    )
    rows.append(
        (
            "Naive store-every-poll design",
            f"{rec['naive_rows']:,} rows, {_kib(rec['naive_bytes'])}",
            (
                f"one SQLite row (timestamp, metric name, value) per poll for each of the "
                f"{rec['metrics']} values an answer carries, same trace, no index; file size"
            ),
        )
    )
    rows.append(
        (
            "Rows: naive / ours",
            (
                f"{rec['naive_rows'] / rec['rows']:.1f}x fewer (all entities), "
                f"{rec['naive_rows'] / mirror_rows:.1f}x fewer (mirroring sensors); "
                f"bytes {rec['naive_bytes'] / rec['bytes']:.1f}x fewer"
            ),
            "target: at least 10x fewer rows",
        )
    )
    memory = None if real is None else real["memory"]
    if memory is not None:
        rss = memory["rss"]
        base = rss["0"]
        rows.append(
            (
                "Memory, 1 account",
                f"+{_mib(rss['1'] - base)} (HA alone {_mib(base)})",
                (
                    f"VmRSS of a real `hass` process (/proc), {memory['runs']} run(s) per "
                    f"setting, each after a restart + {SETTLE_SECONDS} s settling, median of {SAMPLES} samples "
                    "1 s apart; minus the same HA (same config folder, onboarded) "
                    "without any entry, where the integration is not loaded"
                ),
            )
        )
        rows.append(
            (
                f"Memory, {ACCOUNTS} accounts",
                f"+{_mib(rss[str(ACCOUNTS)] - base)}",
                "same method",
            )
        )
    else:
        reason = "--skip-hass" if real is None else "--memory-runs 0"
        rows.append(("Memory", f"not measured ({reason})", ""))
    raw, packed = bundle_sizes()
    rows.append(
        (
            "Card bundle",
            f"{_kib(raw)} raw, {_kib(packed)} gzip",
            "`custom_components/claude_usage/www/claude-usage-card.js`, gzip level 9",
        )
    )
    rows += _paint_rows(real)
    req = figures["requests"]
    rows.append(
        (
            "API requests per hour",
            (
                f"{req['normal']} normal; {req['outage_503']} during an hour of HTTP 503; "
                f"{req['rate_limited_429']} during an hour of 429 (Retry-After 600); "
                f"{req['after_outage']} in the hour after the 503 outage ended"
            ),
            (
                "in-process coordinator against the fake claude.ai, simulated clock moved in "
                "10 s steps, `fake.usage_request_count()`; target: at most 60 per hour "
                "normally, fewer while failing"
            ),
        )
    )
    return rows


def _writes(per_report: float) -> str:
    return f"{per_report:.2f} state writes per report"


def _report_rows(reports: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Rows of the CPU time one Claude Code report takes, in-process."""

    def ms(kind: str) -> float:
        return float(reports[kind]["cpu_per_report_s"]) * 1000

    def writes(kind: str) -> float:
        return float(reports[kind]["writes_per_report"])

    kept, capped = reports["samples_kept"]["changed"], reports["samples_kept"]["capped"]
    how = (
        "`time.process_time()` around handing one report to Home Assistant's webhook "
        "component (`webhook.async_handle_webhook` with a `MockRequest`, as a cloudhook "
        "arrives: the integration's handler without Home Assistant's HTTP server) plus "
        "`async_block_till_done()`, in-process Home Assistant (test harness, event loop "
        "debug off, no recorder); a status line's JSON as Claude Code writes it "
        "(`tests/fixtures/claude_code`) with the values the entry already has; state "
        "writes = `state_changed` events; the four kinds of report taken in turn each "
        f"round, median of {reports['rounds']} rounds after {reports['warmup']} warm-up "
        "rounds"
    )
    return [
        (
            "Report CPU, unchanged values",
            f"{ms('unchanged'):.3f} ms per report; {_writes(writes('unchanged'))}",
            how,
        ),
        (
            "Report CPU, a changed value",
            (
                f"{ms('changed'):.2f} ms per report ({_writes(writes('changed'))}) "
                f"with {kept} samples kept per window; {ms('capped'):.2f} ms "
                f"({_writes(writes('capped'))}) with {capped}, the most a window keeps"
            ),
            (
                "same; the session's percentage a tenth of a point higher each round "
                "(its usage sensor writes; the change goes into each window's pace "
                "forecast, which keeps one sample per 30 s); then older samples 30 s "
                "apart put in front, as the recorder seeds them at a start, up to what "
                f"a window keeps (48 hours), and {reports['cap_rounds']} more changed "
                f"reports after {reports['cap_warmup']} warm-up"
            ),
        ),
        (
            "Report CPU, no `rate_limits`",
            f"{ms('no_rate_limits'):.3f} ms per report; "
            + _writes(writes("no_rate_limits")),
            (
                "same; `statusline_no_rate_limits.json` (before a session's first "
                "answer): answered with the last values' status text"
            ),
        ),
        (
            "Report CPU, hook",
            f"{ms('hook'):.3f} ms per report; {_writes(writes('hook'))}",
            "same; `hook_stop.json`: fires the event entity",
        ),
        (
            "Share of one core, a status line every 300 ms",
            (
                f"{ms('unchanged') / STATUS_LINE_S / 10:.3f} % (unchanged values); "
                f"{ms('changed') / STATUS_LINE_S / 10:.2f} % ({kept} samples kept) and "
                f"{ms('capped') / STATUS_LINE_S / 10:.2f} % ({capped}) if every report "
                "changed a value"
            ),
            (
                "CPU per report / 0.3 s: one Claude Code session, whose status line "
                "runs at most every 300 ms (Claude Code's status line docs)"
            ),
        ),
    ]


def _flood_rows(real: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    """Rows of the floods of reports a real Home Assistant took."""
    if real is None or "reports" not in real:
        reason = (
            "--skip-hass"
            if real is None
            else real.get("reports_error", "--report-runs 0")
        )
        return [("Reports per second", f"not measured ({reason})", "")]
    floods = real["reports"]

    def figures(run: dict[str, Any]) -> str:
        errors = f", {run['errors']} failed" if run["errors"] else ""
        return (
            f"{run['reports_per_s']:,.0f} reports/s{errors} (latency median "
            f"{run['latency_median_s'] * 1000:.1f} ms, p95 "
            f"{run['latency_p95_s'] * 1000:.1f} ms); hass "
            f"{run['hass_cpu_share'] * 100:.0f} % of one core, "
            f"{run['hass_cpu_per_report_s'] * 1000:.2f} ms CPU per report; "
            f"load generator {run['generator_cpu_share'] * 100:.0f} % of one core"
        )

    unchanged, changing = floods["unchanged"], floods["changing"]
    how = (
        f"a real `hass` (the one of the memory figures: {ACCOUNTS} accounts polling, "
        "recorder on, the integration's log level at warning) with a Claude Code entry "
        "made through the config flow (REST); `bench/flood.py` in another process "
        f"(aiohttp, {floods['connections']} workers, each posting its next report when "
        "the answer came, on a new connection as `curl` does) posts status-line "
        f"reports to the webhook URL the flow shows for {floods['seconds']:g} s; hass "
        "CPU = utime + stime of its process, all threads (`/proc/PID/stat`), over the "
        "flood; state writes = `state_changed` events of the entry's entities, counted "
        "over a websocket subscription; runs of the two kinds alternate, the run with "
        f"the median reports/s of {floods['runs']}; hass, the load generator and "
        "anything else running share the machine's cores"
    )
    return [
        (
            "Reports per second, unchanged values",
            f"{figures(unchanged)}; {_writes(unchanged['writes_per_report'])}",
            how,
        ),
        (
            "Reports per second, a changed value each",
            (
                f"{figures(changing)}; {_writes(changing['writes_per_report'])}, at "
                f"most {changing['max_writes_per_entity_per_report']:.2f} per entity"
            ),
            (
                "same; every report's session percentage a thousandth of a point "
                "higher than the one before"
            ),
        ),
    ]


def _paint_rows(real: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    if real is None:
        return [("Card paint time", "not measured (--skip-hass)", "")]
    if "paint" not in real:
        return [("Card paint time", f"not measured ({real['paint_error']})", "")]
    paint = real["paint"]
    how = (
        "headless Chromium (Playwright, /usr/bin/chromium), one dashboard view with the "
        "card (7-day range: hourly statistics up to a day ago, 5-minute since, and the "
        "reset sensors' states) and a history-graph card of the same "
        f"3 usage sensors ({HISTORY_DAYS * 24} h); {HISTORY_DAYS} days of 1-minute polls "
        "seeded into the recorder's SQLite file (state rows per change, 5-minute and "
        "hourly statistics); an init script wraps each card's `hass` setter and marks "
        "`performance.now()` at the first set and at the first animation frame after "
        "each milestone (ours: every gauge drawn with its value; then a line with points "
        "per window; built-in: every ECharts chart has its series data and a drawing "
        f"surface); fresh page load per run, median of {paint['runs']} runs; both cards "
        "load at the same time; ratio = median of the per-load ratios (ours / built-in); "
        f"{len(paint.get('discarded', []))} load(s) retried because a mark was missing"
    )
    rows = []
    for rate, label in ((1, "normal CPU"), (4, "4x CPU throttling")):
        timing = paint[f"rate_{rate}"]
        builtin = timing["hui-history-graph-card"]
        for milestone, name, target in (
            ("gauges", "Card gauges painted", 0.5),
            ("graph", "Card graph complete", 1.0),
        ):
            rows.append(
                (
                    f"{name}, {label}",
                    (
                        f"{timing[milestone]:.0f} ms (history-graph card: {builtin:.0f} ms;"
                        f" ratio {timing[f'{milestone}_ratio']:.2f})"
                    ),
                    (how if rate == 1 and milestone == "gauges" else "same")
                    + (
                        ", with CDP `Emulation.setCPUThrottlingRate` 4"
                        if rate == 4
                        else ""
                    )
                    + f"; target: ratio at most {target}",
                )
            )
    return rows


def main() -> None:
    """Measure everything and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--memory-runs", type=int, default=3, help="hass starts per memory setting"
    )
    parser.add_argument(
        "--paint-runs", type=int, default=21, help="page loads per CPU throttling rate"
    )
    parser.add_argument(
        "--report-runs",
        type=int,
        default=3,
        help="floods of the Claude Code webhook per kind (unchanged, changing); 0: none",
    )
    parser.add_argument(
        "--report-seconds", type=float, default=10, help="seconds of each flood"
    )
    parser.add_argument(
        "--skip-hass",
        action="store_true",
        help="only the in-process figures (no hass process, no Chromium)",
    )
    arguments = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="claude-usage-bench-") as tmp:
        workdir = Path(tmp)
        _log("in-process benchmarks (poll and report CPU, recorder, requests)")
        figures = run_inprocess(workdir / "results.json")
        real: dict[str, Any] | None = None
        if not arguments.skip_hass:
            _log(
                f"real hass: memory ({arguments.memory_runs} start(s) per setting), "
                f"Claude Code reports ({arguments.report_runs} flood(s) of "
                f"{arguments.report_seconds:g} s per kind), then card paint in "
                f"Chromium ({arguments.paint_runs} loads per rate)"
            )
            real = asyncio.run(
                measure_real_hass(
                    workdir,
                    arguments.memory_runs,
                    arguments.paint_runs,
                    arguments.report_seconds,
                    arguments.report_runs,
                )
            )
    rows = build_rows(figures, real)
    _out(f"Machine: {_machine()}")
    # Other work on the machine moves the figures: its load, as `uptime` shows it.
    _out(
        f"Load average (1 minute): {load_before:.2f} before the run, "
        f"{os.getloadavg()[0]:.2f} at its end (its own processes included)"
    )
    _out()
    for line in _table(rows):
        _out(line)


if __name__ == "__main__":
    main()
