"""Checks of the files HACS and Home Assistant read."""

import json
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_manifest_and_hacs_agree() -> None:
    """The manifest names the domain of its folder and HACS sees the same name."""
    manifest = json.loads(
        (ROOT / "custom_components/claude_usage/manifest.json").read_text()
    )
    hacs = json.loads((ROOT / "hacs.json").read_text())
    assert manifest["domain"] == "claude_usage"
    assert manifest["iot_class"] == "cloud_polling"
    assert manifest["integration_type"] == "service"
    assert manifest["config_flow"] is True
    assert hacs["name"] == manifest["name"] == "Claude Usage"
