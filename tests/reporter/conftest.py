"""Fixtures of the reporter's tests: the stub webhook, the tools, Claude Code's side."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from pathlib import Path

import pytest

from .claude_code import ClaudeCode, Tools
from .webhook_stub import WEBHOOK_ID, WebhookStub

# The script under each shell and awk it must work with; BusyBox as on Alpine.
VARIANTS = [
    Tools("dash", "mawk"),
    Tools("bash", "gawk"),
    Tools("posh", "mawk"),
    Tools("busybox", "busybox"),
]


@pytest.fixture
async def webhook(socket_enabled: None) -> AsyncGenerator[WebhookStub]:
    """Yield the stub webhook (``.url``; ``.reports()`` is what arrived)."""
    stub = WebhookStub()
    await stub.start()
    yield stub
    await stub.stop()


@pytest.fixture(params=VARIANTS, ids=str)
def tools(request: pytest.FixtureRequest) -> Tools:
    """Each shell and awk in turn (skipped where the machine lacks one)."""
    variant: Tools = request.param
    if (missing := variant.missing()) is not None:
        pytest.skip(f"{missing} is not installed")
    return variant


@pytest.fixture
async def claude(tmp_path: Path, tools: Tools) -> AsyncGenerator[ClaudeCode]:
    """Yield Claude Code's side in an empty home folder.

    At the end it waits for every background report and checks that no output of any
    run showed the webhook id.
    """
    home = tmp_path / "home"
    home.mkdir()
    claude = ClaudeCode(home, tools.make_bin(tmp_path / "bin"))
    yield claude
    await claude.close()
    for run in claude.runs:
        assert WEBHOOK_ID not in run.stdout + run.stderr, run.argv
