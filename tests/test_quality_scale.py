"""quality_scale.yaml names hassfest's rules, meets the manifest's tier, and the code agrees.

hassfest validates quality_scale.yaml only for integrations in HA core
(``validate_iqs_file`` returns at once for a custom one), so this is a port of
``script/hassfest/quality_scale.py`` of home-assistant/core as stored at commit
008538e822535b1d6155c91f6642127afa184ed1 (the rules with ``docs-triggers`` and
``docs-conditions``, as the developer docs' tiers list them in 2026) and of the
checks in ``script/hassfest/quality_scale_validation/`` that read the code of a
rule marked done: config-flow, unique-config-entry, test-before-setup,
runtime-data (with the typed ConfigEntry strict-typing asks for),
reconfiguration-flow and discovery, wired in that commit, and parallel-updates,
config-entry-unloading, reauthentication-flow and diagnostics, wired in earlier
ones (commit b36f31273eb1c4c13074cf02d1767e68a8e4d3ae). strict-typing's own check
(HA core's ``.strict-typing`` file) becomes: mypy runs strict on the integration.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
import json
from pathlib import Path
import re
import tomllib
from typing import Any

from homeassistant.const import Platform
from homeassistant.util.yaml import load_yaml_dict
import probatio as vol
import pytest

ROOT = Path(__file__).parent.parent
FOLDER = ROOT / "custom_components/claude_usage"
MANIFEST: dict[str, Any] = json.loads((FOLDER / "manifest.json").read_text())
QUALITY_SCALE: dict[str, Any] = dict(load_yaml_dict(str(FOLDER / "quality_scale.yaml")))

TIERS = ["bronze", "silver", "gold", "platinum"]
RULES: dict[str, list[str]] = {
    "bronze": [
        "action-setup",
        "appropriate-polling",
        "brands",
        "common-modules",
        "config-flow",
        "config-flow-test-coverage",
        "dependency-transparency",
        "docs-actions",
        "docs-conditions",
        "docs-high-level-description",
        "docs-installation-instructions",
        "docs-removal-instructions",
        "docs-triggers",
        "entity-event-setup",
        "entity-unique-id",
        "has-entity-name",
        "runtime-data",
        "test-before-configure",
        "test-before-setup",
        "unique-config-entry",
    ],
    "silver": [
        "action-exceptions",
        "config-entry-unloading",
        "docs-configuration-parameters",
        "docs-installation-parameters",
        "entity-unavailable",
        "integration-owner",
        "log-when-unavailable",
        "parallel-updates",
        "reauthentication-flow",
        "test-coverage",
    ],
    "gold": [
        "devices",
        "diagnostics",
        "discovery",
        "discovery-update-info",
        "docs-data-update",
        "docs-examples",
        "docs-known-limitations",
        "docs-supported-devices",
        "docs-supported-functions",
        "docs-troubleshooting",
        "docs-use-cases",
        "dynamic-devices",
        "entity-category",
        "entity-device-class",
        "entity-disabled-by-default",
        "entity-translations",
        "exception-translations",
        "icon-translations",
        "reconfiguration-flow",
        "repair-issues",
        "stale-devices",
    ],
    "platinum": ["async-dependency", "inject-websession", "strict-typing"],
}

SCHEMA = vol.Schema(
    {
        vol.Required("rules"): vol.Schema(
            {
                vol.Optional(rule): vol.Any(
                    vol.In(["todo", "done"]),
                    vol.Schema(
                        {
                            vol.Required("status"): vol.In(["todo", "done"]),
                            vol.Required("comment"): str,
                        }
                    ),
                    vol.Schema(
                        {vol.Required("status"): "exempt", vol.Required("comment"): str}
                    ),
                )
                for rules in RULES.values()
                for rule in rules
            }
        )
    }
)


def _status(rule: str) -> str:
    value = QUALITY_SCALE["rules"][rule]
    return str(value["status"] if isinstance(value, dict) else value)


@dataclass(frozen=True)
class Integration:
    """What hassfest's checks read: the project root, the integration's folder, its manifest."""

    root: Path
    folder: Path
    manifest: dict[str, Any]
    rules_done: frozenset[str]

    def module(self, name: str) -> ast.Module:
        """Return a module of the integration, parsed (an empty one when it is missing)."""
        path = self.folder / f"{name}.py"
        return ast.parse(path.read_text(encoding="utf-8") if path.exists() else "")


def _async_function(module: ast.Module, name: str) -> ast.AsyncFunctionDef | None:
    return next(
        (
            item
            for item in module.body
            if isinstance(item, ast.AsyncFunctionDef) and item.name == name
        ),
        None,
    )


def _calls(node: ast.AST, name: str) -> bool:
    return any(
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == name
        for call in ast.walk(node)
    )


def _defines(module: ast.Module, name: str) -> bool:
    return any(
        isinstance(item, ast.AsyncFunctionDef) and item.name == name
        for item in ast.walk(module)
    )


def _raised_name(expression: ast.expr) -> str:
    match expression:
        case ast.Name(id=name):
            return name
        case ast.Call(func=func):
            return _raised_name(func)
        case ast.Attribute(value=value):
            return _raised_name(value)
    raise AssertionError(expression)


def _typed_entry(
    function: ast.FunctionDef | ast.AsyncFunctionDef, position: int
) -> bool:
    """Tell whether the entry argument is annotated with the integration's ConfigEntry."""
    annotation = function.args.args[position - 1].annotation
    return isinstance(annotation, ast.Name) and bool(
        re.match(r"^[A-Za-z]+ConfigEntry$", annotation.id)
    )


def _check_config_flow(integration: Integration) -> list[str]:
    errors = []
    if not integration.manifest.get("config_flow"):
        errors.append("no config_flow in the manifest")
    if not (integration.folder / "config_flow.py").exists():
        errors.append("no config_flow.py")
    return errors


def _check_unique_config_entry(integration: Integration) -> list[str]:
    flow = integration.module("config_flow")
    if _calls(flow, "_async_abort_entries_match") or (
        _calls(flow, "async_set_unique_id")
        and _calls(flow, "_abort_if_unique_id_configured")
    ):
        return []
    return ["the config flow lets one account be set up twice"]


def _check_test_before_setup(integration: Integration) -> list[str]:
    setup = _async_function(integration.module("__init__"), "async_setup_entry")
    raises = {"ConfigEntryNotReady", "ConfigEntryAuthFailed", "ConfigEntryError"}
    if (setup is not None and _calls(setup, "async_config_entry_first_refresh")) or any(
        isinstance(node, ast.Raise)
        and node.exc is not None
        and _raised_name(node.exc) in raises
        for path in integration.folder.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    ):
        return []
    return ["setup raises none of ConfigEntryNotReady/AuthFailed/Error"]


def _check_runtime_data(integration: Integration) -> list[str]:
    """Set in async_setup_entry; with strict-typing done, a typed entry where HA hands one."""
    setup = _async_function(integration.module("__init__"), "async_setup_entry")
    if setup is None or len(setup.args.args) != 2:
        return ["no async_setup_entry(hass, entry)"]
    entry = setup.args.args[1].arg
    errors = []
    if not any(
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == entry
        and node.attr == "runtime_data"
        and isinstance(node.ctx, ast.Store)
        for node in ast.walk(setup)
    ):
        errors.append("async_setup_entry does not set entry.runtime_data")
    if "strict-typing" not in integration.rules_done:
        return errors
    functions = {
        "__init__": [
            "async_migrate_entry",
            "async_remove_config_entry_device",
            "async_remove_entry",
            "async_setup_entry",
            "async_unload_entry",
        ],
        "diagnostics": [
            "async_get_config_entry_diagnostics",
            "async_get_device_diagnostics",
        ],
    } | {platform.value: ["async_setup_entry"] for platform in Platform}
    for name, function_names in functions.items():
        module = integration.module(name)
        for function_name in function_names:
            function = _async_function(module, function_name)
            if function is not None and not _typed_entry(function, 2):
                errors.append(f"{name}.{function_name}: untyped ConfigEntry")
    for node in integration.module("config_flow").body:
        if isinstance(node, ast.ClassDef):
            errors.extend(
                f"config_flow.{function.name}: untyped ConfigEntry"
                for function in node.body
                if isinstance(function, ast.FunctionDef)
                and function.name == "async_get_options_flow"
                and not _typed_entry(function, 1)
            )
    return errors


def _check_parallel_updates(integration: Integration) -> list[str]:
    return [
        f"{platform}.py sets no PARALLEL_UPDATES"
        for platform in Platform
        if (integration.folder / f"{platform}.py").exists()
        and not any(
            isinstance(item, ast.Assign)
            and isinstance(item.targets[0], ast.Name)
            and item.targets[0].id == "PARALLEL_UPDATES"
            for item in integration.module(platform).body
        )
    ]


def _check_config_entry_unloading(integration: Integration) -> list[str]:
    if _async_function(integration.module("__init__"), "async_unload_entry"):
        return []
    return ["no async_unload_entry"]


def _check_reauthentication_flow(integration: Integration) -> list[str]:
    if _defines(integration.module("config_flow"), "async_step_reauth"):
        return []
    return ["no async_step_reauth"]


def _check_reconfiguration_flow(integration: Integration) -> list[str]:
    if _defines(integration.module("config_flow"), "async_step_reconfigure"):
        return []
    return ["no async_step_reconfigure"]


def _check_diagnostics(integration: Integration) -> list[str]:
    diagnostics = integration.module("diagnostics")
    if _async_function(diagnostics, "async_get_config_entry_diagnostics") or (
        _async_function(diagnostics, "async_get_device_diagnostics")
    ):
        return []
    return ["no diagnostics"]


def _check_discovery(integration: Integration) -> list[str]:
    keys = ("bluetooth", "dhcp", "homekit", "mqtt", "ssdp", "usb", "zeroconf")
    steps = {f"async_step_{key}" for key in (*keys, "discovery", "hassio")}
    flow = integration.module("config_flow")
    if any(key in integration.manifest for key in keys) or any(
        _defines(flow, step) for step in steps
    ):
        return []
    return ["no discovery"]


def _check_strict_typing(integration: Integration) -> list[str]:
    """Mypy runs strict on the whole integration (api/ included); scripts/test runs it."""
    pyproject = integration.root / "pyproject.toml"
    config = tomllib.loads(pyproject.read_text()) if pyproject.exists() else {}
    mypy = config.get("tool", {}).get("mypy", {})
    folder = str(integration.folder.relative_to(integration.root))
    if mypy.get("strict") is True and mypy.get("files") == [folder]:
        return []
    return [f"mypy is not strict on {folder}"]


CHECKS: dict[str, Callable[[Integration], list[str]]] = {
    "config-flow": _check_config_flow,
    "config-entry-unloading": _check_config_entry_unloading,
    "diagnostics": _check_diagnostics,
    "discovery": _check_discovery,
    "parallel-updates": _check_parallel_updates,
    "reauthentication-flow": _check_reauthentication_flow,
    "reconfiguration-flow": _check_reconfiguration_flow,
    "runtime-data": _check_runtime_data,
    "strict-typing": _check_strict_typing,
    "test-before-setup": _check_test_before_setup,
    "unique-config-entry": _check_unique_config_entry,
}


def test_schema_and_every_rule_of_hassfest() -> None:
    """Every rule hassfest knows, no other, each done, todo or exempt with a reason."""
    SCHEMA(QUALITY_SCALE)
    assert sorted(QUALITY_SCALE["rules"]) == sorted(
        rule for rules in RULES.values() for rule in rules
    )


def test_the_manifest_tier_is_met() -> None:
    """The manifest's tier and every tier below it have all their rules done or exempt."""
    tier = MANIFEST["quality_scale"]
    missing = [
        rule
        for below in TIERS[: TIERS.index(tier) + 1]
        for rule in RULES[below]
        if _status(rule) not in ("done", "exempt")
    ]
    assert missing == []


def test_rules_marked_done_hold_in_the_code() -> None:
    """Hassfest's checks of the code of a rule marked done find nothing wrong."""
    done = frozenset(rule for rule in QUALITY_SCALE["rules"] if _status(rule) == "done")
    integration = Integration(ROOT, FOLDER, MANIFEST, done)
    errors = {
        rule: found
        for rule, check in CHECKS.items()
        if rule in done and (found := check(integration))
    }
    assert errors == {}


BROKEN = {
    "__init__.py": "async def async_setup_entry(hass, entry: ConfigEntry):\n    pass\n",
    "config_flow.py": (
        "class Flow(ConfigFlow):\n"
        "    def async_get_options_flow(config_entry: ConfigEntry):\n"
        "        pass\n"
    ),
    "sensor.py": "",
}


@pytest.mark.parametrize("rule", sorted(CHECKS))
def test_each_check_finds_a_broken_integration(rule: str, tmp_path: Path) -> None:
    """Each check reports an integration that breaks its rule: the checks can fail."""
    folder = tmp_path / "custom_components/broken"
    folder.mkdir(parents=True)
    for name, text in BROKEN.items():
        (folder / name).write_text(text)
    if rule == "config-flow":
        (folder / "config_flow.py").unlink()
    integration = Integration(tmp_path, folder, {}, frozenset({"strict-typing"}))
    assert CHECKS[rule](integration)


def test_the_readme_sections_named_exist() -> None:
    """Every docs-* rule names README sections, and each "<section>" is a heading there."""
    headings = set(
        re.findall(r"^#+ (.+)$", (ROOT / "README.md").read_text(), re.MULTILINE)
    )
    for rule, value in QUALITY_SCALE["rules"].items():
        if rule.startswith("docs-") and _status(rule) == "done":
            named = set(re.findall(r'"([^"]+)"', value["comment"]))
            assert named, rule
            assert named <= headings, rule
