"""Helpers shared by the integration's tests."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.claude_usage.const import CONF_ORG_UUID, DOMAIN
from tests.fake_claude import (
    SECOND_ORG_NAME,
    SECOND_ORG_UUID,
    FakeClaude,
    organization_json,
)

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


async def add_sibling_organization(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    entry: MockConfigEntry,
    usage: dict[str, Any],
) -> MockConfigEntry:
    """Give the fake a second organization of ``entry``'s session; set up its entry."""
    fake_claude.organizations.append(
        organization_json(SECOND_ORG_UUID, SECOND_ORG_NAME)
    )
    fake_claude.set_usage(usage, SECOND_ORG_UUID)
    sibling = MockConfigEntry(
        domain=DOMAIN,
        title=SECOND_ORG_NAME,
        unique_id=SECOND_ORG_UUID,
        data={**entry.data, CONF_ORG_UUID: SECOND_ORG_UUID},
    )
    sibling.add_to_hass(hass)
    assert await hass.config_entries.async_setup(sibling.entry_id)
    return sibling
