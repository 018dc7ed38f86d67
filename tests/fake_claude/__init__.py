"""A fake claude.ai for tests and ``scripts/develop``; it only ever listens on loopback.

Python: ``fake = FakeClaude(); await fake.start(); fake.base_url; await fake.stop()``.
Command line: ``python -m tests.fake_claude --host 127.0.0.1 --port 8765 --scenario demo
--speed 60``. Control over HTTP under ``/_fake/`` (see :class:`FakeClaude`).
"""

from .failures import FAILURE_MODES, FailureMode
from .payloads import (
    ORG_NAME,
    ORG_UUID,
    SECOND_ORG_NAME,
    SECOND_ORG_UUID,
    VALID_SESSION_KEY,
    DemoScenario,
    default_usage_json,
    error_json,
    organization_json,
    usage_json,
)
from .server import FakeClaude, RecordedRequest

__all__ = [
    "FAILURE_MODES",
    "ORG_NAME",
    "ORG_UUID",
    "SECOND_ORG_NAME",
    "SECOND_ORG_UUID",
    "VALID_SESSION_KEY",
    "DemoScenario",
    "FailureMode",
    "FakeClaude",
    "RecordedRequest",
    "default_usage_json",
    "error_json",
    "organization_json",
    "usage_json",
]
