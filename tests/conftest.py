"""Fixtures shared by all tests."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import pytest

# Import our package before Home Assistant sets up, so that the test harness's own
# testing_config/custom_components does not shadow it.
import custom_components.claude_usage  # noqa: F401
from tests.fake_claude import FakeClaude


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load custom integrations in every test."""


@pytest.fixture
async def fake_claude(socket_enabled: None) -> AsyncGenerator[FakeClaude]:
    """Yield a fake claude.ai listening on 127.0.0.1 (fresh per test).

    ``socket_enabled`` lets the test create sockets at all; pytest-socket still
    refuses connections to any host but 127.0.0.1.
    """
    fake = FakeClaude()
    await fake.start()
    yield fake
    await fake.stop()
