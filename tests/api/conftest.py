"""Fixtures of the API client tests."""

from __future__ import annotations

from collections.abc import Generator
import json
from pathlib import Path
from typing import Any

import pytest

from custom_components.claude_usage.api import parse

FIXTURES = Path(__file__).parent.parent / "fixtures"


def load_fixture(name: str) -> Any:
    """Return the parsed JSON of ``tests/fixtures/<name>``."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def fresh_log_once() -> Generator[None]:
    """Let every test see the parser's once-per-process warnings again."""
    parse._logged.clear()
    yield
    parse._logged.clear()
