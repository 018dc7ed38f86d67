"""Fixtures of the end-to-end tests: real processes, no in-process Home Assistant.

These tests drive a ``hass`` subprocess and the fake claude.ai server over loopback
HTTP, so they do not use the ``hass`` fixture. pytest-homeassistant-custom-component
blocks sockets in every test; the fixtures here let them through (127.0.0.1 only).
CLAUDE_USAGE_E2E_HA=newest runs them against the newest Home Assistant release
(``.venv-ha-newest``) instead of the pinned one; the summary names the version that ran.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

from playwright.async_api import Browser, Page, async_playwright
import pytest
import pytest_asyncio
import pytest_socket

from tests.e2e.harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    FakeClaudeProcess,
    HomeAssistantClient,
    HomeAssistantProcess,
    async_start_home_assistant,
    deprecation_reports,
    free_port,
    http_session,
)
from tests.e2e.helpers import ARTIFACTS, PASSWORD, USERNAME, Product
from tests.e2e.ui import DESKTOP

# The Home Assistant versions this session ran, each with its `hass` (for the summary).
_RAN: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Name the Home Assistant the end-to-end tests ran against."""
    for version, hass in _RAN.items():
        terminalreporter.write_line(f"e2e: Home Assistant {version} ({hass})")


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Replace the suite-wide autouse fixture: it would start an in-process hass."""


@pytest.fixture(autouse=True)
def verify_cleanup() -> None:
    """Replace the per-test leak check of in-process hass runs, which these are not.

    The processes and the browser live for the whole module by design (their
    fixtures stop them); the check would flag the event loop's executor threads.
    """


@pytest.fixture(autouse=True)
def sockets(socket_enabled: None) -> None:
    """Let the tests open sockets (only ever to 127.0.0.1) despite pytest-socket."""


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def product(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Product]:
    """Start the fake server and an onboarded Home Assistant, once per test module.

    Both run in their own process groups and are stopped here whatever the tests do.
    Home Assistant must report the version that CLAUDE_USAGE_E2E_HA chose, and its log
    must not report a deprecated use by the integration.
    """
    # Set up within the first test, before its function-scoped `socket_enabled`.
    pytest_socket.enable_socket()
    base: Path = tmp_path_factory.mktemp("e2e")
    async with http_session() as session:
        fake = FakeClaudeProcess(
            free_port(), base / "fake_claude.log", scenario="static"
        )
        hass = HomeAssistantProcess(base / "config", free_port())
        client = HomeAssistantClient(session, hass.url)
        try:
            await fake.async_start(session)
            await async_start_home_assistant(
                hass, client, name="End to end", username=USERNAME, password=PASSWORD
            )
            version = (await client.get("/api/config"))["version"]
            _RAN[version] = str(hass.install.hass)
            # CLAUDE_USAGE_E2E_HA chose this Home Assistant; it must be the one running.
            assert version == hass.install.version, (hass.install, version)
            yield Product(session, fake, hass, client)
        finally:
            await client.close()
            await hass.async_stop()
            await fake.async_stop()
        assert deprecation_reports(hass.config_dir) == []


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser() -> AsyncIterator[Browser]:
    """Start Debian's Chromium, headless (never a downloaded browser)."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            await browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Return the folder for screenshots (git-ignored), printed once per session."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    print(f"\nE2E artifacts: {ARTIFACTS}")  # noqa: T201
    return ARTIFACTS


@pytest_asyncio.fixture(loop_scope="module")
async def page(
    browser: Browser, product: Product, artifacts: Path
) -> AsyncIterator[Page]:
    """Yield a logged-in desktop browser page on the integrations dashboard.

    Modules with pages of their own (other sizes, other start pages) define their own.
    """
    # Set up within a test's setup, before its function-scoped `socket_enabled`.
    pytest_socket.enable_socket()
    context = await browser.new_context(viewport=DESKTOP)
    page = await context.new_page()
    await page.goto(
        await product.client.browser_login_url(
            USERNAME, PASSWORD, "/config/integrations/dashboard"
        ),
        wait_until="networkidle",
    )
    try:
        yield page
    finally:
        await context.close()
