"""strings.json and every translation pass hassfest's translation rules (tests/hassfest_translations.py)."""

from __future__ import annotations

from collections.abc import Callable
import copy
import json
from pathlib import Path
import re
from typing import Any

import homeassistant
import probatio as vol
import pytest

from tests.hassfest_translations import STRINGS_SCHEMA, hassfest_errors

FOLDER = Path(__file__).parent.parent / "custom_components/claude_usage"
FILES = [
    "strings.json",
    *sorted(
        f"translations/{path.name}" for path in (FOLDER / "translations").glob("*.json")
    ),
]
STRINGS: dict[str, Any] = json.loads(
    (FOLDER / "strings.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("name", FILES)
def test_strings_pass_hassfest(name: str) -> None:
    """What the hassfest action checks (strings.json, en.json), and de and fr too."""
    strings = json.loads((FOLDER / name).read_text(encoding="utf-8"))
    errors = hassfest_errors(strings)
    assert errors is None, errors


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Return a change of a copy of strings.json: ``value`` at ``path`` (dotted)."""

    def change(strings: dict[str, Any]) -> None:
        *parents, key = path.split(".")
        node = strings
        for parent in parents:
            node = node.setdefault(parent, {})
        node[key] = value

    return change


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def change(strings: dict[str, Any]) -> None:
        *parents, key = path.split(".")
        node = strings
        for parent in parents:
            node = node[parent]
        del node[key]

    return change


ISSUE = "issues.cloudflare_blocked"
STEP = "config.step.cookie"
SENSOR = "entity.sensor.status"
TRIGGER_FIELD = "triggers.usage_crossed_threshold.fields.threshold"

# Each change breaks one rule; the message is what the port says (a regular expression).
BROKEN: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "fixable issue with a description": (
        _set(f"{ISSUE}.description", "Cloudflare blocks {title}."),
        "two or more values in the same group of exclusion 'fixable'",
    ),
    "fix flow without steps": (
        _drop(f"{ISSUE}.fix_flow.step"),
        f"required key not provided at '{ISSUE}.fix_flow.step'",
    ),
    "issue without title": (
        _drop(f"{ISSUE}.title"),
        f"required key not provided at '{ISSUE}.title'",
    ),
    "issue with an unknown key": (
        _set(f"{ISSUE}.learn_more", "Read more"),
        f"not a valid option.* at '{ISSUE}.learn_more'",
    ),
    "step with a misspelt key": (
        _set(f"{STEP}.descripton", "Paste it"),
        f"not a valid option.* at '{STEP}.descripton'",
    ),
    "field description of no field": (
        _set(f"{STEP}.data_description.cookies", "The cookies"),
        "data_description key cookies is not in data of step cookie",
    ),
    "URL in a text": (
        _set("config.error.invalid_url", "Leave it at https://claude.ai."),
        "the string should not contain URLs",
    ),
    "placeholder in a state": (
        _set(f"{SENSOR}.state.ok", "OK for {title}"),
        f"placeholders are not supported in this value at '{SENSOR}.state.ok'",
    ),
    "placeholder that is no identifier": (
        _set("config.abort.already_configured", "{organization-name} is set up."),
        "placeholders must be valid identifiers",
    ),
    "placeholder in single quotes": (
        _set("config.abort.already_configured", "'{organization}' is set up."),
        "placeholders inside single quotes",
    ),
    "HTML": (
        _set("config.abort.reauth_successful", "Signed in <b>again</b>."),
        "the string should not contain HTML",
    ),
    "trailing space": (
        _set("config.abort.reauth_successful", "Signed in again. "),
        "leading or trailing spaces",
    ),
    "combined reference": (
        _set("config.abort.reauth_successful", "Done: [%key:common::done%]"),
        "combined translations",
    ),
    "trigger field without description": (
        _drop(f"{TRIGGER_FIELD}.description"),
        f"required key not provided at '{TRIGGER_FIELD}.description'",
    ),
    "selector option key that is no translation key": (
        _set("selector.behavior.options.Each", "Each"),
        "Invalid translation key 'Each'",
    ),
    "selector with an unknown key": (
        _set("selector.behavior.labels", {"each": "Each"}),
        "not a valid option.* at 'selector.behavior.labels'",
    ),
    "entity key that is no translation key": (
        _set("entity.sensor.Session_usage", {"name": "Session usage"}),
        "Invalid translation key 'Session_usage'",
    ),
    "exception key that is no slug": (
        _set("exceptions.rate-limited", {"message": "Slow down."}),
        "invalid slug rate-limited",
    ),
    "title in config": (
        _set("config.title", "Claude Usage"),
        "config.title has moved to the root of strings.json",
    ),
    "unknown section": (
        _set("services_help", {"name": "Help"}),
        "not a valid option.* at 'services_help'",
    ),
}


@pytest.mark.parametrize(("change", "message"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_copy_fails(
    change: Callable[[dict[str, Any]], None], message: str
) -> None:
    """Each rule catches its mistake, alone, in a copy of the good strings.json."""
    assert hassfest_errors(STRINGS) is None
    strings = copy.deepcopy(STRINGS)
    change(strings)
    errors = hassfest_errors(strings)
    assert errors is not None
    assert len(errors.splitlines()) == 1, errors
    assert re.search(message, errors), errors


# What hassfest has allowed since the version this port follows, seen in the strings
# Home Assistant 2026.10 and 2026.11 ship: an issue's short title, an issue with a
# title only, triggers' and conditions' fields without a description, links in a
# preview feature's description, and two new top-level keys. The port keeps the
# stricter rule in each case.
LATER_RELAXATIONS = re.compile(
    r"issues\.\w+\.short_title: not a valid option"
    r"|issues\.\w+: at least one of \['description', 'fix_flow'\] is required"
    r"|(triggers|conditions)\.\w+\.fields\.\w+\.description: required key not provided"
    r"|preview_features\.\w+\.description: the string should not contain URLs.*"
    r"|integration_(category|connectivity): not a valid option"
)


def test_port_rejects_nothing_home_assistant_ships_but_later_relaxations() -> None:
    """The port is not stricter than hassfest beyond what hassfest relaxed later."""
    components = Path(homeassistant.__file__).parent / "components"
    checked = 0
    for path in sorted(components.glob("*/strings.json")):
        if path.parent.name in ("auth", "onboarding", "homeassistant_hardware"):
            continue  # hassfest checks these three with schemas of their own
        checked += 1
        try:
            STRINGS_SCHEMA(json.loads(path.read_text(encoding="utf-8")))
        except vol.MultipleInvalid as err:
            for error in err.errors:
                where = ".".join(str(part) for part in error.path)
                assert LATER_RELAXATIONS.fullmatch(f"{where}: {error.msg}"), (
                    f"{path.parent.name}: {where}: {error.msg}"
                )
    assert checked > 1000
