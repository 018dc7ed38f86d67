"""Tests of the fake claude.ai itself: its control API, scenario and command line."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import UTC, datetime, timedelta
import signal
import sys
from typing import Any

import aiohttp
import pytest

from tests.fake_claude import (
    ORG_UUID,
    SECOND_ORG_UUID,
    VALID_SESSION_KEY,
    DemoScenario,
    FakeClaude,
)

COOKIE = {"Cookie": f"sessionKey={VALID_SESSION_KEY}"}
USAGE_PATH = f"/api/organizations/{ORG_UUID}/usage"


@pytest.fixture
async def http() -> AsyncGenerator[aiohttp.ClientSession]:
    """Yield a plain aiohttp session."""
    async with aiohttp.ClientSession() as session:
        yield session


async def _get(
    http: aiohttp.ClientSession,
    fake: FakeClaude,
    path: str,
    *,
    key: str = VALID_SESSION_KEY,
) -> tuple[int, Any]:
    async with http.get(
        f"{fake.base_url}{path}", headers={"Cookie": f"sessionKey={key}"}
    ) as response:
        return response.status, await response.json(content_type=None)


async def _post(
    http: aiohttp.ClientSession, fake: FakeClaude, path: str, body: Any
) -> tuple[int, Any]:
    async with http.post(f"{fake.base_url}{path}", json=body) as response:
        return response.status, await response.json()


async def test_health_and_loopback(
    fake_claude: FakeClaude, http: aiohttp.ClientSession
) -> None:
    """The fake listens on 127.0.0.1 and says it is up."""
    assert fake_claude.base_url.startswith("http://127.0.0.1:")
    assert await _get(http, fake_claude, "/_fake/health") == (200, {"status": "ok"})


async def test_not_running() -> None:
    """A fake that was never started has no address."""
    with pytest.raises(RuntimeError, match="not running"):
        _ = FakeClaude().base_url


async def test_control_fail_and_clear(
    fake_claude: FakeClaude, http: aiohttp.ClientSession
) -> None:
    """Failures set over HTTP apply to API requests until cleared or used up."""
    assert await _post(
        http,
        fake_claude,
        "/_fake/fail",
        {"mode": "rate_limit", "times": 1, "retry_after": 7},
    ) == (200, {"ok": True})
    async with http.get(
        f"{fake_claude.base_url}{USAGE_PATH}", headers=COOKIE
    ) as response:
        assert response.status == 429
        assert response.headers["Retry-After"] == "7"
    assert (await _get(http, fake_claude, USAGE_PATH))[0] == 200

    await _post(
        http, fake_claude, "/_fake/fail", {"mode": "server_error", "status": 503}
    )
    assert (await _get(http, fake_claude, USAGE_PATH))[0] == 503
    assert (await _get(http, fake_claude, "/api/organizations"))[0] == 503
    assert await _post(http, fake_claude, "/_fake/clear", {}) == (200, {"ok": True})
    assert (await _get(http, fake_claude, USAGE_PATH))[0] == 200


@pytest.mark.parametrize(
    "body", [{"mode": "explode"}, {"times": 1}, {"mode": "auth", "times": 0}]
)
async def test_control_fail_rejects_bad_input(
    fake_claude: FakeClaude, http: aiohttp.ClientSession, body: dict[str, Any]
) -> None:
    """An unknown mode, a missing mode or a zero count is a 400."""
    status, answer = await _post(http, fake_claude, "/_fake/fail", body)

    assert status == 400
    assert "error" in answer


async def test_control_usage(
    fake_claude: FakeClaude, http: aiohttp.ClientSession
) -> None:
    """Usage set over HTTP is served, per organization."""
    assert await _post(
        http,
        fake_claude,
        "/_fake/usage",
        {"payload": {"five_hour": {"utilization": 1}}},
    ) == (200, {"ok": True})
    await _post(
        http,
        fake_claude,
        "/_fake/usage",
        {"org_uuid": SECOND_ORG_UUID, "payload": {"seven_day": {"utilization": 2}}},
    )

    assert await _get(http, fake_claude, USAGE_PATH) == (
        200,
        {"five_hour": {"utilization": 1}},
    )
    assert await _get(
        http, fake_claude, f"/api/organizations/{SECOND_ORG_UUID}/usage"
    ) == (200, {"seven_day": {"utilization": 2}})
    assert (await _post(http, fake_claude, "/_fake/usage", {"org_uuid": ORG_UUID}))[
        0
    ] == 400


async def test_control_session_keys(
    fake_claude: FakeClaude, http: aiohttp.ClientSession
) -> None:
    """Replacing the valid keys expires the old one."""
    new_key = "sk-ant-sid01-another-fake-key-AA"
    assert await _post(
        http, fake_claude, "/_fake/session_keys", {"keys": [new_key]}
    ) == (200, {"ok": True})

    status, body = await _get(http, fake_claude, USAGE_PATH)
    assert status == 401
    assert body["error"]["message"] == "Invalid authorization"
    assert (await _get(http, fake_claude, USAGE_PATH, key=new_key))[0] == 200
    assert (await _post(http, fake_claude, "/_fake/session_keys", {"keys": "x"}))[
        0
    ] == 400


async def test_control_requests(
    fake_claude: FakeClaude, http: aiohttp.ClientSession
) -> None:
    """API requests are recorded with their headers; control requests are not."""
    await _get(http, fake_claude, "/api/organizations")
    await _get(http, fake_claude, USAGE_PATH)

    status, recorded = await _get(http, fake_claude, "/_fake/requests")

    assert status == 200
    assert [(r["method"], r["path"]) for r in recorded] == [
        ("GET", "/api/organizations"),
        ("GET", USAGE_PATH),
    ]
    assert recorded[1]["headers"]["Cookie"] == f"sessionKey={VALID_SESSION_KEY}"
    assert fake_claude.usage_request_count() == 1
    assert fake_claude.usage_request_count(SECOND_ORG_UUID) == 0


def test_fail_rejects_bad_arguments() -> None:
    """The Python API checks its arguments too."""
    fake = FakeClaude()
    with pytest.raises(ValueError, match="Unknown failure mode"):
        fake.fail("explode")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="times"):
        fake.fail("auth", times=0)


def test_demo_scenario_rises_and_resets() -> None:
    """Usage rises within a window, drops at its reset, and the reset moves on by 5 h.

    Reset times are real times: at speed 60, 5 simulated hours are 5 real minutes.
    """
    clock = [0.0]
    epoch = datetime(2026, 11, 28, tzinfo=UTC)
    scenario = DemoScenario(speed=60, clock=lambda: clock[0], epoch=epoch)

    def at(minutes: float) -> dict[str, Any]:
        clock[0] = minutes  # at speed 60 one real second is one simulated minute
        return scenario.usage_json()

    samples = [at(minutes) for minutes in range(0, 180, 10)]
    session = [sample["five_hour"]["utilization"] for sample in samples]
    assert session == sorted(session)
    assert session[-1] > session[0]
    first_reset = datetime.fromisoformat(samples[0]["five_hour"]["resets_at"])
    assert first_reset == epoch + timedelta(minutes=3)

    after = at(185)
    assert after["five_hour"]["utilization"] < session[-1]
    assert datetime.fromisoformat(
        after["five_hour"]["resets_at"]
    ) == first_reset + timedelta(minutes=5)
    scoped = [limit for limit in after["limits"] if limit["kind"] == "weekly_scoped"]
    assert [limit["scope"]["model"]["display_name"] for limit in scoped] == [
        "Opus",
        "Sonnet",
    ]
    assert after["extra_usage"]["is_enabled"] is True
    weekly_reset = datetime.fromisoformat(after["seven_day"]["resets_at"])
    assert weekly_reset - epoch == timedelta(days=7) * 0.45 / 60


def test_fake_serves_the_scenario() -> None:
    """A fake started with a scenario serves it unless a test set usage."""
    fake = FakeClaude(scenario=DemoScenario(speed=1))
    assert fake.usage_payload()["limits"][0]["kind"] == "session"
    fake.set_usage({"five_hour": None})
    assert fake.usage_payload() == {"five_hour": None}


async def test_command_line(socket_enabled: None) -> None:
    """``python -m tests.fake_claude`` prints its URL, serves, and stops on SIGTERM."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.fake_claude",
        "--port",
        "0",
        "--scenario",
        "demo",
        "--speed",
        "3600",
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    first_line = (await asyncio.wait_for(process.stdout.readline(), 30)).decode()
    base_url = first_line.rsplit(" ", 1)[-1].strip()
    assert base_url.startswith("http://127.0.0.1:")
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{base_url}{USAGE_PATH}", headers=COOKIE) as response,
    ):
        body = await response.json()
    assert [limit["kind"] for limit in body["limits"]][:2] == ["session", "weekly_all"]

    process.send_signal(signal.SIGTERM)
    rest = (await asyncio.wait_for(process.stdout.read(), 30)).decode()
    assert await process.wait() == 0
    assert rest.endswith("Fake claude.ai stopped\n")


async def test_command_line_rejects_bad_speed() -> None:
    """A speed that is not positive is a usage error."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.fake_claude",
        "--speed",
        "0",
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await process.communicate()
    assert process.returncode == 2
    assert b"--speed must be positive" in stderr
