"""The repair issues of an entry: their ids, and creating them linked to the entry.

Home Assistant 2026.11 links an issue to its config entry (``config_entry_id``)
and clears it with the entry; on 2026.10, which lacks it, ``__init__`` deletes
them when the entry is removed.
"""

from __future__ import annotations

from enum import StrEnum
import inspect
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import DOMAIN


class Issue(StrEnum):
    """The repair issues an entry can raise (their translation keys)."""

    # Cloudflare answers with a challenge page: a cookie with cf_clearance fixes it.
    CLOUDFLARE_BLOCKED = "cloudflare_blocked"
    # claude.ai refuses the organization from this network (a VPN or region).
    ACCESS_DENIED = "access_denied"
    # The entry was made with Sign in with Claude, which is withdrawn.
    SIGN_IN_WITHDRAWN = "sign_in_withdrawn"


FIXABLE: frozenset[Issue] = frozenset(
    {Issue.CLOUDFLARE_BLOCKED, Issue.SIGN_IN_WITHDRAWN}
)


def issue_id(issue: Issue, entry: ConfigEntry) -> str:
    """Return the id of an entry's issue: ``<issue>_<entry_id>``."""
    return f"{issue}_{entry.entry_id}"


@callback
def async_create_entry_issue(
    hass: HomeAssistant, entry: ConfigEntry, issue: Issue
) -> None:
    """Raise (or refresh) an issue of the entry, named after the entry's title."""
    linked: dict[str, Any] = {}
    if "config_entry_id" in inspect.signature(ir.async_create_issue).parameters:
        linked["config_entry_id"] = entry.entry_id
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id(issue, entry),
        is_fixable=issue in FIXABLE,
        data={"entry_id": entry.entry_id, "issue": str(issue)},
        severity=ir.IssueSeverity.ERROR,
        translation_key=issue,
        translation_placeholders={"title": entry.title},
        **linked,
    )


@callback
def async_delete_entry_issues(
    hass: HomeAssistant, entry: ConfigEntry, *issues: Issue
) -> None:
    """Delete the entry's issues of these kinds (all kinds when none are named)."""
    for issue in issues or tuple(Issue):
        ir.async_delete_issue(hass, DOMAIN, issue_id(issue, entry))
