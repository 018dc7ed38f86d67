"""Checks of the files HACS and Home Assistant read."""

import json
from pathlib import Path
import re

from PIL import Image

ROOT = Path(__file__).parent.parent


def test_manifest_and_hacs_agree() -> None:
    """The manifest names the domain of its folder and HACS sees the same name."""
    manifest = json.loads(
        (ROOT / "custom_components/claude_usage/manifest.json").read_text()
    )
    hacs = json.loads((ROOT / "hacs.json").read_text())
    assert manifest["domain"] == "claude_usage"
    # One class per integration, that of its main way in: Claude Code reports are
    # pushed and need the internet (Claude Code learns the limits from Anthropic), as
    # Geofency's app-to-webhook reports are cloud_push; cookie entries poll claude.ai.
    assert manifest["iot_class"] == "cloud_push"
    assert manifest["integration_type"] == "service"
    assert manifest["config_flow"] is True
    assert hacs["name"] == manifest["name"] == "Claude Usage"


def test_hacs_json_has_only_keys_hacs_accepts() -> None:
    """HACS's publishing rules list these keys (no more `render_readme`: HACS 2 renders it)."""
    allowed = {
        "content_in_root",
        "country",
        "filename",
        "hacs",
        "hide_default_branch",
        "homeassistant",
        "name",
        "persistent_directory",
        "zip_release",
    }
    assert set(json.loads((ROOT / "hacs.json").read_text())) <= allowed


def test_manifest_has_what_hacs_requires() -> None:
    """HACS: documentation, issue tracker, code owners, name, version; owners are handles."""
    manifest = json.loads(
        (ROOT / "custom_components/claude_usage/manifest.json").read_text()
    )
    repository = "https://github.com/claude-usage-ha/claude-usage-ha"
    assert manifest["documentation"] == repository
    assert manifest["issue_tracker"] == f"{repository}/issues"
    assert re.fullmatch(r"\d+\.\d+\.\d+", manifest["version"])
    # A person (@login) or a team (@organization/team), as GitHub's CODEOWNERS names them.
    assert manifest["codeowners"] == ["@claude-usage-ha/maintainers"]
    for owner in manifest["codeowners"]:
        assert re.fullmatch(
            r"@[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}(/[A-Za-z0-9][A-Za-z0-9_-]*)?", owner
        ), owner


def test_license_is_mit() -> None:
    """HACS reviewers ask for a license; the project is MIT licensed."""
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n\nCopyright (c) 2026 ")
    assert "Permission is hereby granted, free of charge" in text


def test_brand_images_follow_home_assistants_rules() -> None:
    """PNG, transparent, trimmed; square icon, landscape logo, dark_ logo (brands rules).

    home-assistant/brands: icon 256x256 (@2x 512x512); logo's shortest side at most
    256 (@2x 512), the largest allowed preferred. The icon's tile reads on dark too.
    """
    brand = ROOT / "custom_components/claude_usage/brand"
    sizes = {}
    for path in sorted(brand.glob("*.png")):
        with Image.open(path) as image:
            assert image.format == "PNG", path.name
            assert image.mode == "RGBA", path.name
            assert image.getchannel("A").getextrema()[0] == 0, f"{path.name}: opaque"
            assert image.getbbox() == (0, 0, *image.size), f"{path.name}: not trimmed"
            sizes[path.name] = image.size
    assert sorted(sizes) == [
        "dark_logo.png",
        "dark_logo@2x.png",
        "icon.png",
        "icon@2x.png",
        "logo.png",
        "logo@2x.png",
    ]
    assert sizes["icon.png"] == (256, 256)
    assert sizes["icon@2x.png"] == (512, 512)
    width, height = sizes["logo.png"]
    assert height == 256 < width
    assert sizes["logo@2x.png"] == (2 * width, 2 * height)
    assert sizes["dark_logo.png"] == sizes["logo.png"]
    assert sizes["dark_logo@2x.png"] == sizes["logo@2x.png"]
