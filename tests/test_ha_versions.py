"""The Home Assistant versions the project names agree with the ones its tests run.

The pinned Home Assistant is the one in this venv (pytest-homeassistant-custom-component
pins it); the newest release is pinned in requirements_ha_newest.txt and runs the
end-to-end tests from .venv-ha-newest (``scripts/setup --ha newest``).
"""

from __future__ import annotations

import json
from pathlib import Path
import re
import sys

import homeassistant
from homeassistant.const import __version__ as PINNED_VERSION
import pytest

from tests.e2e.harness import (
    DEPRECATION_REPORT,
    NEWEST_REQUIREMENTS,
    NEWEST_VENV,
    HarnessError,
    deprecation_reports,
    ha_choice,
    pinned_version,
    pins_of,
    requirement_pins,
    selected_home_assistant,
)

ROOT = Path(__file__).parent.parent
# Pins of requirements_test.txt that are tools of ours, not requirements of Home Assistant.
TOOLS = {"pytest-homeassistant-custom-component", "ruff", "mypy", "playwright"}


def _release(version: str) -> tuple[int, ...]:
    """Return the numeric parts of a version (2026.11.0 -> (2026, 11, 0))."""
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def _home_assistant_pins(package: Path) -> dict[str, set[str]]:
    """Return what a Home Assistant package pins: core constraints and every manifest."""
    pins: dict[str, set[str]] = {}
    lines = (package / "package_constraints.txt").read_text().splitlines()
    for manifest in package.glob("components/*/manifest.json"):
        lines += json.loads(manifest.read_text()).get("requirements", [])
    # The auth modules (TOTP, notify) name theirs in code.
    for module in package.glob("auth/mfa_modules/*.py"):
        lines += re.findall(r'"([\w.-]+==[\w.]+)"', module.read_text())
    for name, version in pins_of(lines):
        pins.setdefault(name, set()).add(version)
    return pins


def _assert_pinned_as_in(requirements: Path, package: Path) -> None:
    """Every pin of the file (tools aside) is a version that Home Assistant pins."""
    known = _home_assistant_pins(package)
    pins = {
        name: version
        for name, version in requirement_pins(requirements).items()
        if name not in TOOLS and name != "homeassistant"
    }
    assert pins
    wrong = {
        name: (version, sorted(known.get(name, ())))
        for name, version in pins.items()
        if version not in known.get(name, ())
    }
    assert wrong == {}, f"{requirements.name}: (ours, Home Assistant's) {wrong}"


def test_requirements_test_pins_what_the_pinned_home_assistant_pins() -> None:
    """The UI and component requirements match HA 2026.10's manifests and constraints."""
    _assert_pinned_as_in(
        ROOT / "requirements_test.txt", Path(homeassistant.__file__).parent
    )


def test_newest_requirements_pin_what_the_newest_home_assistant_pins() -> None:
    """The same for the newest release, against the package in .venv-ha-newest."""
    packages = sorted(NEWEST_VENV.glob("lib/python*/site-packages/homeassistant"))
    if not packages:
        pytest.skip(f"{NEWEST_VENV} is missing; run scripts/setup --ha newest")
    package = packages[-1]
    version = pinned_version(NEWEST_REQUIREMENTS, "homeassistant")
    assert (package.parent / f"homeassistant-{version}.dist-info").is_dir()
    _assert_pinned_as_in(NEWEST_REQUIREMENTS, package)


def test_newest_is_newer_than_pinned() -> None:
    """The second venv holds a newer release than the one the whole suite runs."""
    newest = pinned_version(NEWEST_REQUIREMENTS, "homeassistant")
    assert _release(newest) > _release(PINNED_VERSION)


def test_minimum_version_is_the_oldest_tested() -> None:
    """hacs.json and the README name the pinned release's month as the minimum."""
    year, month, _ = _release(PINNED_VERSION)
    hacs = json.loads((ROOT / "hacs.json").read_text())
    assert hacs["homeassistant"] == f"{year}.{month}.0"
    readme = (ROOT / "README.md").read_text()
    newest = pinned_version(NEWEST_REQUIREMENTS, "homeassistant")
    assert (
        f"Requires Home Assistant {year}.{month} or newer (tested with "
        f"{PINNED_VERSION} and {newest})." in readme
    )


def test_harness_chooses_the_pinned_home_assistant_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without CLAUDE_USAGE_E2E_HA the hass beside this interpreter runs."""
    monkeypatch.delenv("CLAUDE_USAGE_E2E_HA", raising=False)
    install = selected_home_assistant()
    assert install.choice == ha_choice() == "pinned"
    assert install.hass == Path(sys.executable).with_name("hass")
    assert install.version == PINNED_VERSION


def test_harness_chooses_the_newest_home_assistant(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """CLAUDE_USAGE_E2E_HA=newest runs .venv-ha-newest's hass, or says how to make it."""
    monkeypatch.setenv("CLAUDE_USAGE_E2E_HA", "newest")
    monkeypatch.setattr("tests.e2e.harness.NEWEST_VENV", tmp_path)
    with pytest.raises(HarnessError, match="run scripts/setup --ha newest"):
        selected_home_assistant()
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "hass").touch()
    install = selected_home_assistant()
    assert install.choice == "newest"
    assert install.hass == tmp_path / "bin" / "hass"
    assert install.version == pinned_version(NEWEST_REQUIREMENTS, "homeassistant")


def test_harness_refuses_an_unknown_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    """A typo in CLAUDE_USAGE_E2E_HA fails instead of quietly testing the pinned one."""
    monkeypatch.setenv("CLAUDE_USAGE_E2E_HA", "latest")
    with pytest.raises(HarnessError, match="expected 'pinned' or 'newest'"):
        ha_choice()


def test_pinned_version_needs_the_package(tmp_path: Path) -> None:
    """A requirements file without the package is an error, not a blank version."""
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(
        "# pins homeassistant==2026.10.4 through a plugin\n"
        "home_assistant_frontend==20261028.4  # the UI\n"
    )
    assert pinned_version(requirements, "home-assistant-frontend") == "20261028.4"
    with pytest.raises(HarnessError, match="pins no homeassistant"):
        pinned_version(requirements, "homeassistant")


def test_deprecation_reports_find_home_assistants_messages(tmp_path: Path) -> None:
    """The lines report_usage and the deprecation helpers log about the integration."""
    frame = (
        "2026-11-05 10:00:00.000 WARNING (MainThread) [homeassistant.helpers.frame] "
        "Detected that custom integration 'claude_usage' calls async_show_form without "
        "passing a step_id at custom_components/claude_usage/config_flow.py, line 1: "
        "x. This will stop working in Home Assistant 2027.5.0, please report it"
    )
    constant = (
        "2026-11-05 10:00:00.000 WARNING (MainThread) [homeassistant.const] The "
        "deprecated constant X was used from claude_usage. Use Y instead"
    )
    other = (
        "2026-11-05 10:00:00.000 WARNING (SyncWorker_0) [homeassistant.loader] We found "
        "a custom integration claude_usage which has not been tested by Home Assistant."
    )
    (tmp_path / "home-assistant.log.1").write_text(f"{frame}\n{other}\n")
    (tmp_path / "home-assistant.log").write_text(f"{constant}\n")
    assert DEPRECATION_REPORT.search(other) is None
    assert deprecation_reports(tmp_path) == [constant, frame]
