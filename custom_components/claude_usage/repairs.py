"""Fix flows of the repair issues: a Cloudflare block is fixed by pasting a cookie again."""

from __future__ import annotations

from typing import Any

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.components.repairs.const import FlowType
from homeassistant.config_entries import SOURCE_RECONFIGURE
from homeassistant.core import HomeAssistant
import probatio

from .const import DOMAIN


class CloudflareFixFlow(RepairsFlow):
    """Explain the block, then lead to the entry's cookie form (reconfigure).

    The issue stays until the next good poll, so it only goes once the block did.
    """

    def __init__(self, entry_id: str) -> None:
        """Fix the entry the issue is about."""
        self._entry_id = entry_id

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Start with the explanation."""
        return await self.async_step_confirm()

    async def async_step_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Say what blocks the entry; on submit, open its reconfigure flow's cookie step."""
        if self.hass.config_entries.async_get_entry(self._entry_id) is None:
            return self.async_abort(reason="entry_removed")
        if user_input is None:
            # The frontend fills the text's placeholders from the issue's own.
            return self.async_show_form(
                step_id="confirm", data_schema=probatio.Schema({})
            )
        flows = self.hass.config_entries.flow
        result = await flows.async_init(
            DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": self._entry_id}
        )
        result = await flows.async_configure(
            result["flow_id"], {"next_step_id": "reconfigure_cookie"}
        )
        return self.async_abort(
            reason="reconfigure", next_flow=(FlowType.CONFIG_FLOW, result["flow_id"])
        )


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, str | int | float | None] | None
) -> RepairsFlow:
    """Return the fix flow of a Cloudflare issue (the only fixable one)."""
    return CloudflareFixFlow(str((data or {})["entry_id"]))
