"""Options of an entry: the poll interval of a cookie, or where Claude Code may report from."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlowResult, OptionsFlowWithReload
from homeassistant.helpers.selector import (
    BooleanSelector,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
)
import probatio

from .account import is_claude_code_entry
from .const import (
    CONF_ALLOW_REMOTE,
    CONF_SCAN_INTERVAL,
    DEFAULT_SCAN_INTERVAL,
    MAX_SCAN_INTERVAL,
    MIN_SCAN_INTERVAL,
)


class ClaudeUsageOptionsFlow(OptionsFlowWithReload):
    """Change an entry's options; the entry reloads to apply them."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the poll interval: whole seconds in range, or a translated error."""
        if is_claude_code_entry(self.config_entry):
            return await self.async_step_reports()
        errors: dict[str, str] = {}
        if user_input is not None:
            interval = user_input[CONF_SCAN_INTERVAL]
            # The range first: infinity and NaN (which the selector lets through) fail it.
            if MIN_SCAN_INTERVAL <= interval <= MAX_SCAN_INTERVAL and interval == int(
                interval
            ):
                return self.async_create_entry(data={CONF_SCAN_INTERVAL: int(interval)})
            errors[CONF_SCAN_INTERVAL] = "scan_interval"
        # No min/max in the selector: its own check would show an untranslated
        # "Value 10.0 is too small"; the range is checked above.
        schema = probatio.Schema(
            {
                probatio.Required(CONF_SCAN_INTERVAL): NumberSelector(
                    NumberSelectorConfig(
                        step=1, unit_of_measurement="s", mode=NumberSelectorMode.BOX
                    )
                )
            }
        )
        current = self.config_entry.options.get(
            CONF_SCAN_INTERVAL, DEFAULT_SCAN_INTERVAL
        )
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(
                schema, user_input or {CONF_SCAN_INTERVAL: current}
            ),
            errors=errors,
        )

    async def async_step_reports(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask whether Claude Code may report from outside the home network."""
        if user_input is not None:
            return self.async_create_entry(
                data={CONF_ALLOW_REMOTE: user_input[CONF_ALLOW_REMOTE]}
            )
        schema = probatio.Schema(
            {probatio.Required(CONF_ALLOW_REMOTE): BooleanSelector()}
        )
        current = self.config_entry.options.get(CONF_ALLOW_REMOTE, False)
        return self.async_show_form(
            step_id="reports",
            data_schema=self.add_suggested_values_to_schema(
                schema, {CONF_ALLOW_REMOTE: current}
            ),
        )
