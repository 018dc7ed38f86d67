"""Every step a flow shows must find its strings, with every placeholder they name.

Home Assistant's frontend renders a missing placeholder as "Translation [formatjs
Error: MISSING_VALUE] ..." instead of the title, and shows Markdown literally where
it does not render it. It renders (as seen in its 2026.10 bundle):

- form step title: plain text, with the step's description placeholders;
- menu step title and a form's submit button: plain text, *without* any placeholder;
- descriptions, field descriptions and abort reasons: Markdown, with placeholders;
- section descriptions, menu options and form errors: plain text, with placeholders.

``check_flow_result`` applies these rules to one flow result; the test suite runs it
on every result of every flow (config, reauth, reconfigure, options, repairs).
"""

from __future__ import annotations

from collections.abc import Mapping
import json
from pathlib import Path
import re
from typing import Any

from homeassistant.components.repairs.issue_handler import RepairsFlowManager
from homeassistant.config_entries import ConfigEntriesFlowManager, OptionsFlowManager
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowManager, FlowResultType
from homeassistant.helpers import issue_registry as ir

from custom_components.claude_usage.const import DOMAIN

STRINGS: dict[str, Any] = json.loads(
    (
        Path(__file__).parent.parent / "custom_components/claude_usage/strings.json"
    ).read_text(encoding="utf-8")
)
PLACEHOLDER = re.compile(r"\{(\w+)\}")
MARKDOWN = re.compile(r"`|\*\*|\[[^\]]*\]\(")
OPENED_ISSUES = "flow_strings_opened_issues"


def check_text(
    text: str | None, provided: set[str], *, markdown: bool, where: str
) -> None:
    """Check one string: its placeholders are provided; no Markdown where none renders."""
    if text is None:
        return
    missing = set(PLACEHOLDER.findall(text)) - provided
    assert not missing, f"{where}: placeholders {missing} are not provided"
    if not markdown:
        assert not MARKDOWN.search(text), f"{where}: Markdown is not rendered here"


def _strings_of(
    hass: HomeAssistant,
    manager: FlowManager[Any, Any, Any],
    result: Mapping[str, Any],
    context: Mapping[str, Any],
) -> tuple[dict[str, Any], set[str]] | None:
    """Return the strings section of the flow and the placeholders it gets for free."""
    handler = result.get("handler")
    if isinstance(manager, OptionsFlowManager):
        entry = hass.config_entries.async_get_entry(str(handler))
        return (STRINGS["options"], set()) if entry and entry.domain == DOMAIN else None
    if handler != DOMAIN:
        return None
    if isinstance(manager, ConfigEntriesFlowManager):
        return STRINGS["config"], set()
    if isinstance(manager, RepairsFlowManager):
        # The frontend keeps the issue it opened the fix from, also once it is gone.
        opened: dict[str, ir.IssueEntry] = hass.data.setdefault(OPENED_ISSUES, {})
        issue_id = context["issue_id"]
        if (issue := ir.async_get(hass).async_get_issue(DOMAIN, issue_id)) is not None:
            opened[issue_id] = issue
        issue = opened[issue_id]
        key = issue.translation_key or issue.issue_id
        return STRINGS["issues"][key]["fix_flow"], set(
            issue.translation_placeholders or {}
        )
    return None


def check_flow_result(
    hass: HomeAssistant,
    manager: FlowManager[Any, Any, Any],
    result: Mapping[str, Any],
    context: Mapping[str, Any],
) -> None:
    """Check the strings a flow result shows (see the module docstring)."""
    if (found := _strings_of(hass, manager, result, context)) is None:
        return
    strings, provided = found
    provided |= set(result.get("description_placeholders") or {})
    kind = result["type"]
    if kind is FlowResultType.ABORT:
        # Home Assistant's own abort texts (its translation domain) would replace ours.
        assert result.get("translation_domain") in (None, DOMAIN), result
        reason = result["reason"]
        assert reason in strings.get("abort", {}), f"abort {reason} has no string"
        check_text(
            strings["abort"][reason], provided, markdown=True, where=f"abort {reason}"
        )
        return
    if kind not in (FlowResultType.FORM, FlowResultType.MENU):
        return
    step_id = result["step_id"]
    step = strings["step"][step_id]
    where = f"step {step_id}"
    is_menu = kind is FlowResultType.MENU
    check_text(
        step.get("title"),
        set() if is_menu else provided,
        markdown=False,
        where=f"{where} title",
    )
    check_text(
        step.get("description"), provided, markdown=True, where=f"{where} description"
    )
    if is_menu:
        for option in result["menu_options"]:
            check_text(
                step["menu_options"][option],
                provided,
                markdown=False,
                where=f"{where} option {option}",
            )
        return
    check_text(step.get("submit"), set(), markdown=False, where=f"{where} submit")
    for text in step.get("data_description", {}).values():
        check_text(text, provided, markdown=True, where=f"{where} data_description")
    for name, section in step.get("sections", {}).items():
        check_text(
            section.get("description"),
            provided,
            markdown=False,
            where=f"{where} section {name}",
        )
        for text in section.get("data_description", {}).values():
            check_text(text, provided, markdown=True, where=f"{where} section {name}")
    for error in (result.get("errors") or {}).values():
        assert error in strings.get("error", {}), f"error {error} has no string"
        check_text(
            strings["error"][error], provided, markdown=False, where=f"error {error}"
        )


MANAGERS = (ConfigEntriesFlowManager, OptionsFlowManager, RepairsFlowManager)
