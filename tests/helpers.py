"""Helpers shared by the integration's tests."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest

# The conftest fixtures ``advance_time`` and ``make_usage`` return these.
type Advance = Callable[[float], Awaitable[None]]
type MakeUsage = Callable[..., dict[str, Any]]


async def run_until(
    freezer: FrozenDateTimeFactory, condition: Callable[[], bool]
) -> None:
    """Let the loop (and the frozen clock, in 10 ms steps) run until ``condition``."""
    for _ in range(2000):
        if condition():
            return
        freezer.tick(timedelta(milliseconds=10))
        await asyncio.sleep(0)
    pytest.fail("the condition never came true")
