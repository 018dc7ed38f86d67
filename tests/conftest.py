"""Fixtures shared by all tests."""

from __future__ import annotations

import pytest

# Import our package before Home Assistant sets up, so that the test harness's own
# testing_config/custom_components does not shadow it.
import custom_components.claude_usage  # noqa: F401


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load custom integrations in every test."""
