"""Config flow of the Claude Usage integration: Claude Code reports, or a session cookie."""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
import logging
from typing import Any, override
import uuid

from homeassistant.config_entries import (
    SOURCE_REAUTH,
    SOURCE_RECONFIGURE,
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
)
from homeassistant.const import CONF_NAME, CONF_WEBHOOK_ID
from homeassistant.core import callback
from homeassistant.data_entry_flow import AbortFlow, section
from homeassistant.helpers.selector import (
    BooleanSelector,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)
import probatio

from .account import is_claude_code_entry
from .api import (
    DEFAULT_BASE_URL,
    ClaudeUsageError,
    Credentials,
    Organization,
    parse_credentials,
)
from .api.http import server_url
from .claude_code_setup import (
    ReportWebhook,
    async_drop_cloudhook,
    async_drop_webhook,
    async_entry_webhook,
    async_new_webhook,
    cloud_ready,
    lines,
)
from .const import (
    AUTH_TYPE_CLAUDE_CODE,
    AUTH_TYPE_COOKIE,
    CONF_ALLOW_REMOTE,
    CONF_AUTH_TYPE,
    CONF_BASE_URL,
    CONF_COOKIE,
    CONF_ORG_UUID,
    CONF_ORGANIZATION,
    DOMAIN,
)
from .coordinator import ClaudeUsageConfigEntry
from .options_flow import ClaudeUsageOptionsFlow
from .sign_in import (
    CookieCheck,
    RequestPacer,
    async_check_usage,
    cookie_client,
    cookie_entry_data,
    form_errors,
)

_LOGGER = logging.getLogger(__name__)

COOKIE_SCHEMA = probatio.Schema(
    {probatio.Required(CONF_COOKIE): TextSelector(TextSelectorConfig(multiline=True))}
)
# The server URL only matters for development (a fake claude.ai); it stays folded away.
SECTION_ADVANCED = "advanced"
ADVANCED_SCHEMA = {
    probatio.Required(SECTION_ADVANCED): section(
        probatio.Schema(
            {
                probatio.Required(CONF_BASE_URL, default=DEFAULT_BASE_URL): (
                    TextSelector(TextSelectorConfig(type=TextSelectorType.URL))
                )
            }
        ),
        {"collapsed": True},
    )
}
COOKIE_USER_SCHEMA = COOKIE_SCHEMA.extend(ADVANCED_SCHEMA)
# The device of a Claude Code entry is named after this ("Claude Code" by default).
DEFAULT_CLAUDE_CODE_NAME = "Claude Code"
ALLOW_REMOTE_SCHEMA = {
    probatio.Required(CONF_ALLOW_REMOTE, default=False): BooleanSelector()
}


def _server_url(user_input: Mapping[str, Any]) -> str | None:
    """Return the folded-away server URL of a form, or None when it is not one."""
    try:
        return server_url(user_input[SECTION_ADVANCED][CONF_BASE_URL])
    except ValueError:
        return None


class ClaudeUsageConfigFlow(ConfigFlow, domain=DOMAIN):
    """Set up one Claude account: fed by Claude Code reports, or polled with a cookie."""

    VERSION = 1

    def __init__(self) -> None:
        """Start with nothing checked."""
        self._pacer = RequestPacer()
        # The cookie pasted last, if any: a Cloudflare block despite its
        # cf_clearance needs another fix than one without.
        self._pasted: Credentials | None = None
        self._cookie: CookieCheck | None = None
        # Claude Code: the entry's name, its webhook (shown before it is stored)
        # and whether it may report from outside the home network.
        self._name = DEFAULT_CLAUDE_CODE_NAME
        self._webhook: ReportWebhook | None = None
        self._allow_remote = False
        # A cloudhook this flow made that no entry has (yet): forgotten with the flow.
        self._unsaved_cloudhook: str | None = None

    @callback
    @override
    def async_remove(self) -> None:
        """Forget a cloudhook made for an entry that was never stored."""
        if self._unsaved_cloudhook is not None:
            self.hass.async_create_task(
                async_drop_cloudhook(self.hass, self._unsaved_cloudhook)
            )

    async def _async_new_webhook(self) -> ReportWebhook:
        """Return a new webhook (a flow makes one at most), noting an unsaved cloudhook."""
        webhook = await async_new_webhook(self.hass)
        self._unsaved_cloudhook = webhook.webhook_id if webhook.cloudhook else None
        return webhook

    @staticmethod
    @callback
    @override
    def async_get_options_flow(
        config_entry: ClaudeUsageConfigEntry,
    ) -> ClaudeUsageOptionsFlow:
        """Return the options flow."""
        return ClaudeUsageOptionsFlow()

    # Steps ------------------------------------------------------------------

    @override
    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Offer the ways to connect: Claude Code reports first (official), or a cookie."""
        return self.async_show_menu(
            step_id="user", menu_options=[AUTH_TYPE_CLAUDE_CODE, AUTH_TYPE_COOKIE]
        )

    async def async_step_claude_code(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Name the account Claude Code reports for, and say where it may report from."""
        if user_input is not None:
            self._name = user_input[CONF_NAME].strip() or DEFAULT_CLAUDE_CODE_NAME
            self._allow_remote = user_input.get(CONF_ALLOW_REMOTE, False)
            return await self.async_step_claude_code_lines()
        self._webhook = await self._async_new_webhook()
        schema: dict[Any, Any] = {
            probatio.Required(
                CONF_NAME, default=DEFAULT_CLAUDE_CODE_NAME
            ): TextSelector()
        }
        if not self._webhook.cloudhook:
            schema |= ALLOW_REMOTE_SCHEMA
        return self.async_show_form(
            step_id="claude_code", data_schema=probatio.Schema(schema)
        )

    async def async_step_claude_code_lines(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show the webhook and the lines to paste; submitting stores the entry."""
        if self._webhook is None:  # reconfigure: the lines of the entry's webhook
            self._webhook = await async_entry_webhook(
                self.hass, self._get_reconfigure_entry()
            )
        if user_input is None:
            return self.async_show_form(
                step_id="claude_code_lines",
                description_placeholders=lines(self.hass, self._webhook),
                last_step=True,
            )
        data = {
            CONF_AUTH_TYPE: AUTH_TYPE_CLAUDE_CODE,
            **self._webhook.entry_data(),
        }
        options = {CONF_ALLOW_REMOTE: self._allow_remote}
        self._unsaved_cloudhook = None
        if self.source != SOURCE_RECONFIGURE:
            await self.async_set_unique_id(account_id := str(uuid.uuid4()))
            return self.async_create_entry(
                title=self._name,
                data={**data, CONF_ORG_UUID: account_id},
                options=options,
            )
        entry = self._get_reconfigure_entry()
        if entry.data.get(CONF_WEBHOOK_ID) == self._webhook.webhook_id:
            return self.async_abort(reason="lines_shown")
        if is_claude_code_entry(entry):
            await async_drop_webhook(self.hass, dict(entry.data))
            options = dict(entry.options)
        return self.async_update_reload_and_abort(
            entry,
            data={**data, CONF_ORG_UUID: entry.data[CONF_ORG_UUID]},
            options=options,
            reason="reconfigure_successful",
        )

    async def async_step_cookie(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the cookie, then set up its organization (or ask which one)."""
        errors: dict[str, str] = {}
        if user_input is not None:
            base_url = _server_url(user_input)
            if base_url is None:
                errors["base"] = "invalid_url"
            elif result := await self._async_attempt(
                self._async_use_cookie(user_input[CONF_COOKIE], base_url), errors
            ):
                return result
        return self.async_show_form(
            step_id="cookie",
            data_schema=self.add_suggested_values_to_schema(
                COOKIE_USER_SCHEMA, user_input
            ),
            errors=errors,
            description_placeholders={"url": DEFAULT_BASE_URL},
        )

    async def async_step_organization(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pick one of the organizations the cookie can see."""
        if (cookie := self._cookie) is None:
            return await self.async_step_cookie()
        organizations = cookie.organizations
        errors: dict[str, str] = {}
        if user_input is not None and (
            result := await self._async_attempt(
                self._async_create_with_cookie(
                    cookie, organizations[user_input[CONF_ORGANIZATION]]
                ),
                errors,
            )
        ):
            return result
        default = cookie.credentials.last_active_org
        if default not in organizations:
            default = next(iter(organizations))
        options = [
            SelectOptionDict(value=org.uuid, label=org.name)
            for org in organizations.values()
        ]
        schema = probatio.Schema(
            {
                probatio.Required(CONF_ORGANIZATION, default=default): SelectSelector(
                    SelectSelectorConfig(options=options, mode=SelectSelectorMode.LIST)
                )
            }
        )
        return self.async_show_form(
            step_id="organization", data_schema=schema, errors=errors
        )

    async def async_step_reauth(
        self, entry_data: Mapping[str, Any]
    ) -> ConfigFlowResult:
        """Start reauthentication when claude.ai refuses the stored cookie."""
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for a new cookie of the same account."""
        return await self._async_step_new_cookie("reauth_confirm", user_input)

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Offer what can change: Claude Code's lines and webhook, or the way in."""
        entry = self._existing_entry()
        if is_claude_code_entry(entry):
            return await self.async_step_reconfigure_claude_code_menu()
        return self.async_show_menu(
            step_id="reconfigure",
            menu_options=["reconfigure_claude_code", "reconfigure_cookie"],
            description_placeholders={"title": entry.title},
        )

    async def async_step_reconfigure_claude_code_menu(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Offer a Claude Code entry its lines again, or a new webhook."""
        return self.async_show_menu(
            step_id="reconfigure_claude_code_menu",
            menu_options=["claude_code_lines", "claude_code_new_webhook"],
            description_placeholders={"title": self._existing_entry().title},
        )

    async def async_step_claude_code_new_webhook(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Issue a new webhook id for Claude Code (the old one stops working when saved)."""
        self._webhook = await self._async_new_webhook()
        return await self.async_step_claude_code_lines()

    async def async_step_reconfigure_claude_code(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Switch the entry to Claude Code reports (same account, same entities)."""
        if user_input is not None:
            self._allow_remote = user_input.get(CONF_ALLOW_REMOTE, False)
            self._webhook = await self._async_new_webhook()
            return await self.async_step_claude_code_lines()
        return self.async_show_form(
            step_id="reconfigure_claude_code",
            data_schema=probatio.Schema(
                {} if cloud_ready(self.hass) else ALLOW_REMOTE_SCHEMA
            ),
            description_placeholders={"title": self._existing_entry().title},
        )

    async def async_step_reconfigure_cookie(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Replace the cookie, e.g. with one that carries cf_clearance."""
        return await self._async_step_new_cookie("reconfigure_cookie", user_input)

    async def _async_step_new_cookie(
        self, step_id: str, user_input: dict[str, Any] | None
    ) -> ConfigFlowResult:
        """Take a new cookie for an existing entry (the form keeps the paste on errors)."""
        entry = self._existing_entry()
        base_url = entry.data.get(CONF_BASE_URL, DEFAULT_BASE_URL)
        errors: dict[str, str] = {}
        if user_input is not None and (
            result := await self._async_attempt(
                self._async_use_cookie(user_input[CONF_COOKIE], base_url), errors
            )
        ):
            return result
        return self.async_show_form(
            step_id=step_id,
            data_schema=self.add_suggested_values_to_schema(COOKIE_SCHEMA, user_input),
            errors=errors,
            description_placeholders={"title": entry.title, "url": base_url},
        )

    # Checking and creating ------------------------------------------------------

    async def _async_attempt(
        self, attempt: Awaitable[ConfigFlowResult], errors: dict[str, str]
    ) -> ConfigFlowResult | None:
        """Run a check-and-create; on failure put its form errors in ``errors``."""
        try:
            return await attempt
        except ClaudeUsageError as err:
            _LOGGER.debug("Checking the cookie failed: %s", err)
            errors.update(form_errors(err, self._pasted))
        except AbortFlow:
            raise
        except Exception:
            _LOGGER.exception("Unexpected error checking the cookie")
            errors["base"] = "unknown"
        return None

    async def _async_use_cookie(self, text: str, base_url: str) -> ConfigFlowResult:
        """Check a pasted cookie and set up its organization (or ask which one)."""
        self._pasted = credentials = parse_credentials(text)
        org_uuid = self._entry_org()
        cookie = self._cookie
        if cookie is None or not cookie.matches(credentials, base_url):
            self._cookie = cookie = await CookieCheck.async_check(
                self.hass, self._pacer, credentials, base_url, org_uuid
            )
        if org_uuid is not None:
            if org_uuid not in cookie.organizations:
                raise AbortFlow("wrong_account")
            return await self._async_create_with_cookie(
                cookie, cookie.organizations[org_uuid]
            )
        if len(cookie.organizations) > 1:
            return await self.async_step_organization()
        return await self._async_create_with_cookie(
            cookie, next(iter(cookie.organizations.values()))
        )

    async def _async_create_with_cookie(
        self, cookie: CookieCheck, organization: Organization
    ) -> ConfigFlowResult:
        """Read the organization's usage with the checked cookie, then store the entry."""
        await self._async_claim(organization.uuid, organization.name)
        client = cookie_client(self.hass, cookie.credentials, cookie.base_url)
        await async_check_usage(
            self.hass,
            self._pacer,
            lambda: client.async_get_usage(organization.uuid),
            organization.uuid,
        )
        return self._async_finish(
            organization.name,
            cookie_entry_data(client.credentials, organization, cookie.base_url),
        )

    async def _async_claim(self, org_uuid: str, name: str) -> None:
        """Make sure the organization is the flow's to set up: no entry of it yet.

        Reauth and reconfigure keep their organization (``_async_use_cookie``
        checked that the cookie sees it).
        """
        if self._entry_org() is not None:
            return
        await self.async_set_unique_id(org_uuid)
        self._abort_if_unique_id_configured(
            description_placeholders={"organization": name}
        )

    @callback
    def _async_finish(self, title: str, data: dict[str, Any]) -> ConfigFlowResult:
        """Create the entry, or replace the existing entry's data and reload it."""
        if self.source in (SOURCE_REAUTH, SOURCE_RECONFIGURE):
            # A reason of our own: by default the frontend shows Home Assistant's string.
            return self.async_update_reload_and_abort(
                self._existing_entry(), data=data, reason=f"{self.source}_successful"
            )
        return self.async_create_entry(title=title, data=data)

    def _entry_org(self) -> str | None:
        """Return the organization of the entry signed in again, None for a new one."""
        if self.source in (SOURCE_REAUTH, SOURCE_RECONFIGURE):
            org_uuid: str = self._existing_entry().data[CONF_ORG_UUID]
            return org_uuid
        return None

    def _existing_entry(self) -> ConfigEntry:
        """Return the entry a reauth or reconfigure flow works on."""
        if self.source == SOURCE_REAUTH:
            return self._get_reauth_entry()
        return self._get_reconfigure_entry()
