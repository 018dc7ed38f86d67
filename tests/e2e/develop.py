"""See the product: the fake claude.ai server, a real Home Assistant, the card.

Run by ``scripts/develop``. Starts the fake server in its demo scenario and ``hass``
on http://127.0.0.1:8123 with the config folder ``.dev/config`` (kept across runs),
onboards a dev user, adds the integration through the real config flow and saves a
dashboard with the card, then waits for Ctrl-C and stops both processes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
from pathlib import Path
import signal
import sys
from typing import Any

from tests.e2e.harness import (
    CARD_TYPE,
    HOST,
    ROOT,
    FakeClaudeProcess,
    HarnessError,
    HomeAssistantClient,
    HomeAssistantProcess,
    async_start_home_assistant,
    http_session,
    port_in_use,
)
from tests.fake_claude import VALID_SESSION_KEY

DEV_USER = "dev"
DEV_PASSWORD = "dev"
DEV_NAME = "Developer"
DASHBOARD = "claude-usage"


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/develop",
        description="Run the fake claude.ai server and Home Assistant with the integration.",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("CLAUDE_USAGE_HA_PORT", "8123")),
        help="Home Assistant's port on 127.0.0.1 (default 8123, env CLAUDE_USAGE_HA_PORT)",
    )
    parser.add_argument(
        "--fake-port",
        type=int,
        default=int(os.environ.get("CLAUDE_USAGE_FAKE_PORT", "8765")),
        help="the fake claude.ai server's port (default 8765, env CLAUDE_USAGE_FAKE_PORT)",
    )
    parser.add_argument(
        "--speed",
        type=float,
        default=float(os.environ.get("CLAUDE_USAGE_DEMO_SPEED", "60")),
        help="how much faster than real time the demo runs (default 60, env CLAUDE_USAGE_DEMO_SPEED)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=Path(
            os.environ.get("CLAUDE_USAGE_DEV_CONFIG", ROOT / ".dev" / "config")
        ),
        help="Home Assistant's config folder (default .dev/config, env CLAUDE_USAGE_DEV_CONFIG)",
    )
    return parser.parse_args(argv)


def _say(message: str) -> None:
    sys.stdout.write(f"[develop] {message}\n")
    sys.stdout.flush()


async def _run(args: argparse.Namespace) -> None:
    for name, port in (
        ("Home Assistant", args.port),
        ("the fake server", args.fake_port),
    ):
        if port_in_use(port):
            raise HarnessError(
                f"port {port} on {HOST} is already in use (wanted for {name}); stop "
                "whatever listens there (another scripts/develop?) or pick another port "
                "with --port / --fake-port"
            )
    config_dir = args.config.resolve()
    fake = FakeClaudeProcess(
        args.fake_port, config_dir.parent / "fake_claude.log", speed=args.speed
    )
    hass = HomeAssistantProcess(config_dir, args.port, commit_interval=5)
    async with http_session() as session:
        client = HomeAssistantClient(session, hass.url)
        try:
            _say(
                f"starting the fake claude.ai server on {fake.url} (demo, speed x{args.speed:g})"
            )
            await fake.async_start(session)
            _say(f"starting Home Assistant on {hass.url} with {config_dir}")
            if await async_start_home_assistant(
                hass, client, name=DEV_NAME, username=DEV_USER, password=DEV_PASSWORD
            ):
                _say(f"onboarded the dev user {DEV_USER!r}")
            entry = await _ensure_entry(client, fake)
            device = await client.device_of(entry["entry_id"])
            await client.ensure_dashboard(
                DASHBOARD,
                "Claude usage",
                [{"type": CARD_TYPE, "device_id": device["id"]}],
            )
            _say(
                "ready\n\n"
                f"  Home Assistant:  {hass.url}\n"
                f"  Dashboard:       {hass.url}/{DASHBOARD}/usage\n"
                f"  Login:           {DEV_USER} / {DEV_PASSWORD}\n"
                f"  Fake claude.ai:  {fake.url} (control API under /_fake/)\n"
                f"  Logs:            {hass.log_file}, {fake.log_path}\n"
                "\n  Press Ctrl-C to stop.\n"
            )
            while True:
                fake.check()
                if hass.restart_requested:
                    # Asked for in the UI (Settings > restart) or by Home Assistant.
                    _say("Home Assistant restarts")
                    await hass.async_restart(session)
                    _say(f"Home Assistant is back on {hass.url}")
                hass.check()
                await asyncio.sleep(1)
        finally:
            await client.close()
            _say("stopping Home Assistant")
            await hass.async_stop()
            _say("stopping the fake server")
            await fake.async_stop()


async def _ensure_entry(
    client: HomeAssistantClient, fake: FakeClaudeProcess
) -> dict[str, Any]:
    """Return the integration's entry, adding it through the config flow if missing."""
    if entries := await client.entries():
        return entries[0]
    flow = await client.start_cookie_flow()
    result = await client.configure_flow(
        flow["flow_id"],
        {"cookie": VALID_SESSION_KEY, "advanced": {"base_url": fake.url}},
    )
    if result["type"] != "create_entry":
        raise HarnessError(f"the config flow did not create an entry: {result}")
    _say(f"added the integration: {result['title']}")
    return dict(result["result"])


def main(argv: list[str] | None = None) -> int:
    """Run until Ctrl-C; return the exit code."""
    args = _parse_args(argv)

    async def run() -> None:
        # Ctrl-C (or SIGTERM) cancels whatever is under way, start-up included;
        # _run's cleanup then stops both processes.
        task = asyncio.current_task()
        assert task is not None
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, task.cancel)
        with contextlib.suppress(asyncio.CancelledError):
            await _run(args)

    try:
        asyncio.run(run())
    except HarnessError as err:
        sys.stderr.write(f"[develop] error: {err}\n")
        return 1
    _say("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
