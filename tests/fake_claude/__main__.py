"""Run the fake claude.ai: ``python -m tests.fake_claude [--scenario demo] [--speed N]``."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from .payloads import ORG_UUID, VALID_SESSION_KEY, DemoScenario
from .server import FakeClaude


def _say(line: str) -> None:
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.fake_claude", description=__doc__
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=int, default=8765, help="port (default 8765; 0 = any free)"
    )
    parser.add_argument(
        "--scenario",
        choices=("static", "demo"),
        default="static",
        help="static: fixed usage; demo: usage that rises and windows that reset",
    )
    parser.add_argument(
        "--speed", type=float, default=1.0, help="demo time runs this many times faster"
    )
    arguments = parser.parse_args()
    if arguments.speed <= 0:
        parser.error("--speed must be positive")
    return arguments


async def _serve(arguments: argparse.Namespace) -> None:
    scenario = (
        DemoScenario(speed=arguments.speed) if arguments.scenario == "demo" else None
    )
    fake = FakeClaude(scenario=scenario)
    await fake.start(arguments.host, arguments.port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    _say(f"Fake claude.ai listening on {fake.base_url}")
    _say(f"Session key: {VALID_SESSION_KEY}")
    _say(f"Organization: {ORG_UUID}")
    try:
        await stop.wait()
    finally:
        await fake.stop()
    _say("Fake claude.ai stopped")


def main() -> None:
    """Serve until SIGINT or SIGTERM."""
    asyncio.run(_serve(_arguments()))


if __name__ == "__main__":
    main()
