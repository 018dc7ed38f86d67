"""Helpers shared by the integration's tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
import pytest


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
