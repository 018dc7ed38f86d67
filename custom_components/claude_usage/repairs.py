"""Fix flows of the repair issues: each hands over to the entry's reconfigure flow.

A Cloudflare block is fixed by pasting a cookie again (reconfigure's cookie
step); an entry made with the withdrawn Sign in with Claude chooses a new way in
(reconfigure's menu).
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.components.repairs.const import FlowType
from homeassistant.config_entries import SOURCE_RECONFIGURE
from homeassistant.core import HomeAssistant
import probatio

from .const import DOMAIN
from .issues import Issue


class ReconfigureFixFlow(RepairsFlow):
    """Lead from the repair straight to the entry's reconfigure flow.

    ``next_step_id`` picks a step of reconfigure's menu (None shows the menu).
    A Cloudflare issue stays until the next good poll, so it only goes once the
    block did.
    """

    def __init__(self, entry_id: str, next_step_id: str | None) -> None:
        """Fix the entry the issue is about."""
        self._entry_id = entry_id
        self._next_step_id = next_step_id

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Explain the issue first."""
        return await self.async_step_confirm()

    async def async_step_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Say what happened and what to do; then open the entry's reconfigure flow."""
        if (entry := self.hass.config_entries.async_get_entry(self._entry_id)) is None:
            return self.async_abort(reason="entry_removed")
        if user_input is None:
            return self.async_show_form(
                step_id="confirm",
                data_schema=probatio.Schema({}),
                description_placeholders={"title": entry.title},
            )
        flows = self.hass.config_entries.flow
        result = await flows.async_init(
            DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": self._entry_id}
        )
        if self._next_step_id is not None:
            result = await flows.async_configure(
                result["flow_id"], {"next_step_id": self._next_step_id}
            )
        return self.async_abort(
            reason="reconfigure", next_flow=(FlowType.CONFIG_FLOW, result["flow_id"])
        )


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, str | int | float | None] | None
) -> RepairsFlow:
    """Return the fix flow of a fixable issue: Cloudflare, or the withdrawn sign-in."""
    data = data or {}
    cookie_step = data.get("issue") == Issue.CLOUDFLARE_BLOCKED
    return ReconfigureFixFlow(
        str(data["entry_id"]), "reconfigure_cookie" if cookie_step else None
    )
