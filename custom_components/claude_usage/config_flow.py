"""Config flow of the Claude Usage integration: paste a session cookie."""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
import logging
from typing import Any, override

from homeassistant.config_entries import (
    SOURCE_REAUTH,
    SOURCE_RECONFIGURE,
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlowWithReload,
)
from homeassistant.core import callback
from homeassistant.data_entry_flow import AbortFlow, section
from homeassistant.helpers.selector import (
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)
import probatio

from .api import (
    DEFAULT_BASE_URL,
    ClaudeUsageError,
    Credentials,
    Organization,
    parse_credentials,
)
from .api.http import server_url
from .const import (
    AUTH_TYPE_COOKIE,
    CONF_BASE_URL,
    CONF_COOKIE,
    CONF_ORG_UUID,
    CONF_ORGANIZATION,
    CONF_SCAN_INTERVAL,
    DEFAULT_SCAN_INTERVAL,
    DOMAIN,
    MAX_SCAN_INTERVAL,
    MIN_SCAN_INTERVAL,
)
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


def _server_url(user_input: Mapping[str, Any]) -> str | None:
    """Return the folded-away server URL of a form, or None when it is not one."""
    try:
        return server_url(user_input[SECTION_ADVANCED][CONF_BASE_URL])
    except ValueError:
        return None


class ClaudeUsageConfigFlow(ConfigFlow, domain=DOMAIN):
    """Set up one Claude organization."""

    VERSION = 1

    def __init__(self) -> None:
        """Start with nothing checked."""
        self._pacer = RequestPacer()
        # The cookie pasted last, if any: a Cloudflare block despite its
        # cf_clearance needs another fix than one without.
        self._pasted: Credentials | None = None
        self._cookie: CookieCheck | None = None

    @staticmethod
    @callback
    @override
    def async_get_options_flow(config_entry: ConfigEntry) -> ClaudeUsageOptionsFlow:
        """Return the options flow."""
        return ClaudeUsageOptionsFlow()

    # Steps ------------------------------------------------------------------

    @override
    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Offer the ways to connect."""
        return self.async_show_menu(step_id="user", menu_options=[AUTH_TYPE_COOKIE])

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
        """Offer the ways this entry can get its usage."""
        return self.async_show_menu(
            step_id="reconfigure",
            menu_options=["reconfigure_cookie"],
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


class ClaudeUsageOptionsFlow(OptionsFlowWithReload):
    """Change the poll interval; the entry reloads to apply it."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the poll interval: whole seconds in range, or a translated error."""
        errors: dict[str, str] = {}
        if user_input is not None:
            interval = user_input[CONF_SCAN_INTERVAL]
            if (
                interval == int(interval)
                and MIN_SCAN_INTERVAL <= interval <= MAX_SCAN_INTERVAL
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
