"""Config flow of the Claude Usage integration: Sign in with Claude, or paste a session cookie."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
import logging
from typing import Any, override

from homeassistant.config_entries import (
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlowWithReload,
)
from homeassistant.core import callback
from homeassistant.data_entry_flow import section
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
from homeassistant.util import dt as dt_util
import probatio

from .api import (
    DEFAULT_BASE_URL,
    AuthenticationError,
    ClaudeConnectionError,
    ClaudeOAuthClient,
    ClaudeUsageClient,
    ClaudeUsageError,
    CloudflareChallengeError,
    Credentials,
    InvalidAuthorizationCodeError,
    InvalidCookieError,
    InvalidGrantError,
    OAuthProfile,
    OAuthTokens,
    Organization,
    PkceChallenge,
    RateLimitedError,
    ServerError,
    StateMismatchError,
    build_authorize_url,
    generate_pkce,
    parse_credentials,
    parse_pasted_code,
)
from .api.http import server_url
from .const import (
    AUTH_TYPE_COOKIE,
    AUTH_TYPE_OAUTH,
    CONF_AUTH_TYPE,
    CONF_BASE_URL,
    CONF_CODE,
    CONF_COOKIE,
    CONF_OAUTH_TOKENS,
    CONF_ORG_UUID,
    CONF_ORGANIZATION,
    CONF_PLAN,
    CONF_SCAN_INTERVAL,
    CONF_USER_AGENT,
    DEFAULT_SCAN_INTERVAL,
    DOMAIN,
    MAX_SCAN_INTERVAL,
    MIN_SCAN_INTERVAL,
)
from .coordinator import (
    async_get_session,
    async_rate_limited_until,
    async_remember_rate_limit,
    async_remember_usage,
    is_oauth_entry,
    oauth_endpoints,
    rate_limit_wait,
)

_LOGGER = logging.getLogger(__name__)

COOKIE_SELECTOR = TextSelector(TextSelectorConfig(multiline=True))
COOKIE_SCHEMA = probatio.Schema({probatio.Required(CONF_COOKIE): COOKIE_SELECTOR})
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
CODE_SCHEMA = probatio.Schema({probatio.Required(CONF_CODE): TextSelector()})
# Empty code allowed: submitting another server URL alone shows that server's link.
OAUTH_USER_SCHEMA = probatio.Schema(
    {probatio.Optional(CONF_CODE): TextSelector()}
).extend(ADVANCED_SCHEMA)


def _server_url(user_input: dict[str, Any]) -> str | None:
    """Return the folded-away server URL of a form, or None when it is not one."""
    try:
        return server_url(user_input[SECTION_ADVANCED][CONF_BASE_URL])
    except ValueError:
        return None


def _error_key(err: ClaudeUsageError) -> str:
    """Return the form error shown for an API error."""
    match err:
        case AuthenticationError():
            return "invalid_auth"
        case CloudflareChallengeError():
            return "cloudflare_blocked"
        case RateLimitedError():
            return "rate_limited"
        case ServerError() | ClaudeConnectionError():
            return "cannot_connect"
    return "unknown"


_CODE_ERRORS = frozenset({"invalid_code", "state_mismatch"})


def _oauth_error_key(err: ClaudeUsageError) -> str:
    """Return the form error shown for a failed sign-in with Claude."""
    match err:
        case StateMismatchError():
            return "state_mismatch"
        case InvalidAuthorizationCodeError() | InvalidGrantError():
            return "invalid_code"
        case RateLimitedError():
            return "rate_limited"
        case ServerError() | ClaudeConnectionError() | CloudflareChallengeError():
            return "cannot_connect"
    return "unknown"


class ClaudeUsageConfigFlow(ConfigFlow, domain=DOMAIN):
    """Set up one claude.ai organization."""

    VERSION = 1

    def __init__(self) -> None:
        """Start with nothing validated."""
        self._credentials: Credentials | None = None
        self._base_url = DEFAULT_BASE_URL
        self._organizations: dict[str, Organization] = {}
        self._organizations_base_url = DEFAULT_BASE_URL
        self._pkce: PkceChallenge | None = None
        self._tokens: OAuthTokens | None = None
        self._profile: OAuthProfile | None = None
        # The pasted code the tokens came from: resubmitting it after a failed usage
        # check retries only that check (the code itself is single-use).
        self._signed_in_code: str | None = None
        # A 429 seen by this flow: no request before this time.
        self._not_before: datetime | None = None

    @staticmethod
    @callback
    @override
    def async_get_options_flow(config_entry: ConfigEntry) -> ClaudeUsageOptionsFlow:
        """Return the options flow."""
        return ClaudeUsageOptionsFlow()

    @override
    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Offer the two ways to connect: Sign in with Claude, or a session cookie."""
        return self.async_show_menu(
            step_id="user", menu_options=[AUTH_TYPE_OAUTH, AUTH_TYPE_COOKIE]
        )

    async def async_step_oauth(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show the sign-in link, take the code Claude shows, create the entry."""
        errors: dict[str, str] = {}
        if user_input is not None:
            base_url = _server_url(user_input)
            if base_url is None:
                errors["base"] = "invalid_url"
            elif base_url != self._base_url:
                # The link on screen leads to another server: show this server's.
                self._base_url = base_url
                self._pkce = None
                self._signed_in_code = None
            elif error := await self._async_sign_in(user_input.get(CONF_CODE, "")):
                errors[CONF_CODE if error in _CODE_ERRORS else "base"] = error
            else:
                assert self._profile is not None
                await self.async_set_unique_id(self._profile.organization_uuid)
                self._abort_if_unique_id_configured()
                if (error := await self._async_validate_oauth_usage()) is None:
                    return self.async_create_entry(
                        title=self._profile.organization_name,
                        data=self._oauth_entry_data(),
                    )
                errors["base"] = error
        return self.async_show_form(
            step_id="oauth",
            data_schema=self.add_suggested_values_to_schema(
                OAUTH_USER_SCHEMA, {SECTION_ADVANCED: {CONF_BASE_URL: self._base_url}}
            ),
            errors=errors,
            description_placeholders={"authorize_url": self._authorize_url()},
        )

    async def async_step_cookie(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the cookie, then list the organizations it can see."""
        errors: dict[str, str] = {}
        if user_input is not None:
            base_url = _server_url(user_input)
            if base_url is None:
                errors["base"] = "invalid_url"
            elif error := await self._async_load_organizations(
                user_input[CONF_COOKIE], base_url
            ):
                errors[CONF_COOKIE if error == "invalid_cookie" else "base"] = error
            elif len(self._organizations) > 1:
                return await self.async_step_organization()
            else:
                organization = next(iter(self._organizations.values()))
                await self.async_set_unique_id(organization.uuid)
                self._abort_if_unique_id_configured()
                if (error := await self._async_validate_usage(organization)) is None:
                    return self._async_create(organization)
                errors["base"] = error

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
        """Pick one of several organizations."""
        errors: dict[str, str] = {}
        if user_input is not None:
            organization = self._organizations[user_input[CONF_ORGANIZATION]]
            await self.async_set_unique_id(organization.uuid)
            self._abort_if_unique_id_configured()
            if (error := await self._async_validate_usage(organization)) is None:
                return self._async_create(organization)
            errors["base"] = error

        assert self._credentials is not None
        default = self._credentials.last_active_org
        if default not in self._organizations:
            default = next(iter(self._organizations))
        schema = probatio.Schema(
            {
                probatio.Required(CONF_ORGANIZATION, default=default): SelectSelector(
                    SelectSelectorConfig(
                        options=[
                            SelectOptionDict(value=org.uuid, label=org.name)
                            for org in self._organizations.values()
                        ],
                        mode=SelectSelectorMode.LIST,
                    )
                )
            }
        )
        return self.async_show_form(
            step_id="organization", data_schema=schema, errors=errors
        )

    async def async_step_reauth(
        self, entry_data: Mapping[str, Any]
    ) -> ConfigFlowResult:
        """Start reauthentication when claude.ai refuses the stored session."""
        if is_oauth_entry(self._get_reauth_entry()):
            return await self.async_step_reauth_oauth()
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for a new cookie of the same account."""
        return await self._async_step_new_cookie(
            "reauth_confirm", self._get_reauth_entry(), user_input
        )

    async def async_step_reauth_oauth(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Sign in with Claude again, with the same account."""
        return await self._async_step_new_sign_in(
            "reauth_oauth", self._get_reauth_entry(), user_input
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Offer to sign in with Claude again or to paste a cookie; either may switch."""
        return self.async_show_menu(
            step_id="reconfigure",
            menu_options=["reconfigure_oauth", "reconfigure_cookie"],
            description_placeholders={"title": self._get_reconfigure_entry().title},
        )

    async def async_step_reconfigure_cookie(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Replace the cookie on demand, e.g. to add cf_clearance."""
        return await self._async_step_new_cookie(
            "reconfigure_cookie", self._get_reconfigure_entry(), user_input
        )

    async def async_step_reconfigure_oauth(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Sign in with Claude again on demand, with the same account."""
        return await self._async_step_new_sign_in(
            "reconfigure_oauth", self._get_reconfigure_entry(), user_input
        )

    async def _async_step_new_sign_in(
        self, step_id: str, entry: ConfigEntry, user_input: dict[str, Any] | None
    ) -> ConfigFlowResult:
        """Sign an entry in with Claude (again), then replace its data and reload it."""
        self._base_url = entry.data.get(CONF_BASE_URL, DEFAULT_BASE_URL)
        errors: dict[str, str] = {}
        if user_input is not None:
            if self._waiting(entry.data[CONF_ORG_UUID]):
                errors["base"] = "rate_limited"
            elif error := await self._async_sign_in(user_input[CONF_CODE]):
                errors[CONF_CODE if error in _CODE_ERRORS else "base"] = error
            elif self._profile_org() != entry.data[CONF_ORG_UUID]:
                return self.async_abort(reason="wrong_account")
            elif (error := await self._async_validate_oauth_usage()) is None:
                return self.async_update_reload_and_abort(
                    entry, data=self._oauth_entry_data()
                )
            else:
                errors["base"] = error
        return self.async_show_form(
            step_id=step_id,
            data_schema=CODE_SCHEMA,
            errors=errors,
            description_placeholders={
                "title": entry.title,
                "authorize_url": self._authorize_url(),
            },
        )

    def _authorize_url(self) -> str:
        """Return the sign-in link of this attempt; one PKCE pair per server."""
        if self._pkce is None:
            self._pkce = generate_pkce()
        return build_authorize_url(
            self._pkce, authorize_url=oauth_endpoints(self._base_url).authorize_url
        )

    def _oauth_client(self) -> ClaudeOAuthClient:
        """Return an OAuth client of the server being signed in to."""
        endpoints = oauth_endpoints(self._base_url)
        return ClaudeOAuthClient(
            async_get_session(self.hass),
            token_url=endpoints.token_url,
            api_base_url=endpoints.api_base_url,
        )

    async def _async_sign_in(self, pasted: str) -> str | None:
        """Trade the pasted code for tokens and read whom they belong to; return an error key.

        The code of an exchange that already succeeded is not traded again (it is
        single-use): only what failed after it is asked again.
        """
        assert self._pkce is not None
        same_code = self._tokens is not None and pasted == self._signed_in_code
        if same_code and self._profile is not None:
            return None
        if self._waiting():
            return "rate_limited"
        client = self._oauth_client()
        try:
            if not same_code:
                self._tokens = self._profile = None
                code, state = parse_pasted_code(pasted, expected_state=self._pkce.state)
                self._tokens = await client.async_exchange_code(code, state, self._pkce)
                self._signed_in_code = pasted
            assert self._tokens is not None
            self._profile = await client.async_get_profile(self._tokens.access_token)
        except ClaudeUsageError as err:
            _LOGGER.debug("Sign in with Claude failed: %s", err)
            self._note_rate_limit(err)
            return _oauth_error_key(err)
        except Exception:
            _LOGGER.exception("Unexpected error signing in with Claude")
            return "unknown"
        return None

    def _profile_org(self) -> str:
        """Return the organization of the signed-in account."""
        assert self._profile is not None
        return self._profile.organization_uuid

    async def _async_validate_oauth_usage(self) -> str | None:
        """Fetch the usage once with the new tokens; keep it for the first refresh."""
        assert self._tokens is not None
        if self._waiting(self._profile_org()):
            return "rate_limited"
        try:
            usage = await self._oauth_client().async_get_usage(
                self._tokens.access_token
            )
        except ClaudeUsageError as err:
            _LOGGER.debug("Reading the usage after signing in failed: %s", err)
            self._note_rate_limit(err, self._profile_org())
            return _oauth_error_key(err)
        except Exception:
            _LOGGER.exception("Unexpected error fetching the usage")
            return "unknown"
        async_remember_usage(self.hass, self._profile_org(), usage)
        return None

    def _oauth_entry_data(self) -> dict[str, Any]:
        """Return the config entry data of a successful sign-in."""
        assert self._tokens is not None
        assert self._profile is not None
        return {
            CONF_AUTH_TYPE: AUTH_TYPE_OAUTH,
            CONF_OAUTH_TOKENS: self._tokens.as_dict(),
            CONF_ORG_UUID: self._profile.organization_uuid,
            **self._server_and_plan(self._profile.plan),
        }

    def _server_and_plan(self, plan: str | None) -> dict[str, Any]:
        """Return the server URL (unless claude.ai) and the plan (when known) to store."""
        data: dict[str, Any] = {}
        if self._base_url != DEFAULT_BASE_URL:
            data[CONF_BASE_URL] = self._base_url
        if plan is not None:
            data[CONF_PLAN] = plan
        return data

    async def _async_step_new_cookie(
        self, step_id: str, entry: ConfigEntry, user_input: dict[str, Any] | None
    ) -> ConfigFlowResult:
        """Validate a new cookie for an existing entry, then replace its data and reload it."""
        errors: dict[str, str] = {}
        if user_input is not None:
            self._base_url = entry.data.get(CONF_BASE_URL, DEFAULT_BASE_URL)
            if self._waiting(entry.data[CONF_ORG_UUID]):
                errors["base"] = "rate_limited"
            elif error := await self._async_load_organizations(user_input[CONF_COOKIE]):
                errors[CONF_COOKIE if error == "invalid_cookie" else "base"] = error
            elif (
                organization := self._organizations.get(entry.data[CONF_ORG_UUID])
            ) is None:
                return self.async_abort(reason="wrong_account")
            elif (error := await self._async_validate_usage(organization)) is None:
                return self.async_update_reload_and_abort(
                    entry, data=self._entry_data(organization)
                )
            else:
                errors["base"] = error
        return self.async_show_form(
            step_id=step_id,
            data_schema=COOKIE_SCHEMA,
            errors=errors,
            description_placeholders={
                "title": entry.title,
                "url": entry.data.get(CONF_BASE_URL, DEFAULT_BASE_URL),
            },
        )

    async def _async_load_organizations(
        self, text: str, base_url: str | None = None
    ) -> str | None:
        """Parse the pasted cookie and fetch its organizations; return an error key.

        The same cookie for the same server again reuses the organizations it listed.
        """
        if base_url is not None:
            self._base_url = base_url
        try:
            credentials = parse_credentials(text)
        except InvalidCookieError:
            return "invalid_cookie"
        if (
            self._organizations
            and credentials == self._credentials
            and self._base_url == self._organizations_base_url
        ):
            return None
        self._credentials = credentials
        self._organizations = {}
        if self._waiting():
            return "rate_limited"
        try:
            organizations = await self._client().async_get_organizations()
        except ClaudeUsageError as err:
            self._note_rate_limit(err)
            return _error_key(err)
        except Exception:
            _LOGGER.exception("Unexpected error listing the organizations")
            return "unknown"
        if not organizations:
            return "no_organizations"
        self._organizations = {org.uuid: org for org in organizations}
        self._organizations_base_url = self._base_url
        return None

    async def _async_validate_usage(self, organization: Organization) -> str | None:
        """Fetch the organization's usage once; keep it for the first refresh."""
        if self._waiting(organization.uuid):
            return "rate_limited"
        try:
            usage = await self._client().async_get_usage(organization.uuid)
        except ClaudeUsageError as err:
            self._note_rate_limit(err, organization.uuid)
            return _error_key(err)
        except Exception:
            _LOGGER.exception("Unexpected error fetching the usage")
            return "unknown"
        async_remember_usage(self.hass, organization.uuid, usage)
        return None

    def _waiting(self, org_uuid: str | None = None) -> bool:
        """Tell whether a 429 (seen here, or by the organization's entry) still holds."""
        now = dt_util.utcnow()
        if self._not_before is not None and now < self._not_before:
            return True
        if org_uuid is None:
            return False
        until = async_rate_limited_until(self.hass, org_uuid)
        return until is not None and now < until

    def _note_rate_limit(
        self, err: ClaudeUsageError, org_uuid: str | None = None
    ) -> None:
        """After a 429, wait as claude.ai asked before this flow asks again.

        A 429 on an organization's usage holds for its entry's polls too.
        """
        if not isinstance(err, RateLimitedError):
            return
        self._not_before = dt_util.utcnow() + rate_limit_wait(
            err, timedelta(0), timedelta(0)
        )
        if org_uuid is not None:
            async_remember_rate_limit(self.hass, org_uuid, self._not_before)

    def _client(self) -> ClaudeUsageClient:
        """Return a client of the credentials being validated."""
        assert self._credentials is not None
        return ClaudeUsageClient(
            async_get_session(self.hass),
            self._credentials,
            base_url=self._base_url,
        )

    def _entry_data(self, organization: Organization) -> dict[str, Any]:
        """Return the config entry data of the validated credentials."""
        assert self._credentials is not None
        data: dict[str, Any] = {
            CONF_AUTH_TYPE: AUTH_TYPE_COOKIE,
            CONF_COOKIE: self._credentials.cookie_header(),
            CONF_ORG_UUID: organization.uuid,
        }
        if self._credentials.user_agent is not None:
            data[CONF_USER_AGENT] = self._credentials.user_agent
        return data | self._server_and_plan(organization.plan)

    @callback
    def _async_create(self, organization: Organization) -> ConfigFlowResult:
        """Create the entry of a validated organization."""
        return self.async_create_entry(
            title=organization.name, data=self._entry_data(organization)
        )


class ClaudeUsageOptionsFlow(OptionsFlowWithReload):
    """Change the poll interval; the entry reloads to apply it."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the poll interval."""
        if user_input is not None:
            return self.async_create_entry(
                data={CONF_SCAN_INTERVAL: int(user_input[CONF_SCAN_INTERVAL])}
            )
        schema = probatio.Schema(
            {
                probatio.Required(CONF_SCAN_INTERVAL): NumberSelector(
                    NumberSelectorConfig(
                        min=MIN_SCAN_INTERVAL,
                        max=MAX_SCAN_INTERVAL,
                        step=1,
                        unit_of_measurement="s",
                        mode=NumberSelectorMode.BOX,
                    )
                )
            }
        )
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(
                schema,
                {
                    CONF_SCAN_INTERVAL: self.config_entry.options.get(
                        CONF_SCAN_INTERVAL, DEFAULT_SCAN_INTERVAL
                    )
                },
            ),
        )
