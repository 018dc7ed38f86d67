"""Checking a way to sign in before it is stored: shared by the config and repair flows.

Every request of a flow goes through a :class:`RequestPacer`, which remembers a
429 (the flow's own, or the one the account's entry is waiting out) and sends
nothing until it has passed. A usage answer fetched here is kept for the entry's
first poll. :func:`form_errors` turns every failure into the form errors shown.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .account import async_get_account, async_rate_limited_until, rate_limit_wait
from .api import (
    DEFAULT_BASE_URL,
    AuthenticationError,
    ClaudeConnectionError,
    ClaudeOAuthClient,
    ClaudeUsageClient,
    ClaudeUsageError,
    CloudflareChallengeError,
    CodeWithoutStateError,
    Credentials,
    EmptyCodeError,
    InvalidAuthorizationCodeError,
    InvalidCookieError,
    InvalidGrantError,
    OAuthError,
    OAuthProfile,
    OAuthTokens,
    Organization,
    PkceChallenge,
    RateLimitedError,
    ServerError,
    StateMismatchError,
    build_authorize_url,
    generate_pkce,
    parse_pasted_code,
)
from .const import (
    AUTH_TYPE_COOKIE,
    AUTH_TYPE_OAUTH,
    CONF_AUTH_TYPE,
    CONF_BASE_URL,
    CONF_CODE,
    CONF_COOKIE,
    CONF_OAUTH_TOKENS,
    CONF_ORG_UUID,
    CONF_PLAN,
    CONF_USER_AGENT,
)
from .oauth_client import oauth_client, oauth_endpoints
from .session import async_get_session


class NoOrganizationsError(ClaudeUsageError):
    """The session can see no organization at all."""


class RequestPacer:
    """A flow's memory of a 429: no request before claude.ai's wait has passed."""

    def __init__(self) -> None:
        """Start without a wait."""
        self._until: datetime | None = None

    async def async_request[T](
        self,
        hass: HomeAssistant,
        request: Callable[[], Awaitable[T]],
        *,
        waits_for: str | None = None,
        holds: str | None = None,
    ) -> T:
        """Send ``request`` unless a wait runs (the flow's, or organization ``waits_for``'s).

        A 429 makes the flow wait, and organization ``holds``'s entry too.
        """
        now = dt_util.utcnow()
        account_until = async_rate_limited_until(hass, waits_for) if waits_for else None
        if any(
            until is not None and now < until for until in (self._until, account_until)
        ):
            raise RateLimitedError("Waiting for an earlier 429 to pass")
        try:
            return await request()
        except RateLimitedError as err:
            self._until = now + rate_limit_wait(err, timedelta(0), timedelta(0))
            if holds is not None:
                async_get_account(hass, holds).hold(self._until)
            raise


def cookie_client(
    hass: HomeAssistant, credentials: Credentials, base_url: str
) -> ClaudeUsageClient:
    """Return a claude.ai client of pasted credentials."""
    return ClaudeUsageClient(async_get_session(hass), credentials, base_url=base_url)


@dataclass(slots=True)
class CookieCheck:
    """A pasted cookie and the organizations it lists (the same paste reuses them)."""

    credentials: Credentials
    base_url: str
    organizations: dict[str, Organization]

    @classmethod
    async def async_check(
        cls,
        hass: HomeAssistant,
        pacer: RequestPacer,
        credentials: Credentials,
        base_url: str,
        org_uuid: str | None,
    ) -> CookieCheck:
        """List the organizations a cookie can see; raise when there is none.

        ``org_uuid`` is the organization of the entry being signed in again: its
        entry's wait holds here too (a 429 on the list does not hold the entry).
        """
        client = cookie_client(hass, credentials, base_url)
        found = await pacer.async_request(
            hass, client.async_get_organizations, waits_for=org_uuid
        )
        if not found:
            raise NoOrganizationsError("The session sees no organization")
        return cls(credentials, base_url, {org.uuid: org for org in found})

    def matches(self, credentials: Credentials, base_url: str) -> bool:
        """Tell whether this check is of the same paste for the same server."""
        return (self.credentials, self.base_url) == (credentials, base_url)


@dataclass(slots=True)
class SignInAttempt:
    """One sign-in with Claude: its PKCE pair and what a pasted code already brought.

    The code is single use: after a failure further on (profile, usage), the same
    paste again reuses the tokens it was traded for.
    """

    base_url: str = DEFAULT_BASE_URL
    pkce: PkceChallenge = field(default_factory=generate_pkce)
    code: str = ""
    tokens: OAuthTokens | None = None
    profile: OAuthProfile | None = None

    @property
    def authorize_url(self) -> str:
        """The link the user opens to approve access."""
        return build_authorize_url(
            self.pkce, authorize_url=oauth_endpoints(self.base_url).authorize_url
        )

    async def async_sign_in(
        self,
        hass: HomeAssistant,
        pacer: RequestPacer,
        pasted: str,
        org_uuid: str | None,
    ) -> tuple[ClaudeOAuthClient, OAuthTokens, OAuthProfile]:
        """Trade the pasted code for tokens and read whom they belong to.

        ``org_uuid``: the organization of the entry signed in again, whose wait holds.
        """
        client = oauth_client(hass, self.base_url)
        tokens = self.tokens
        if tokens is None or pasted != self.code:
            code, state = parse_pasted_code(pasted, expected_state=self.pkce.state)
            self.tokens = self.profile = None
            tokens = await pacer.async_request(
                hass,
                lambda: client.async_exchange_code(code, state, self.pkce),
                waits_for=org_uuid,
            )
            self.tokens, self.code = tokens, pasted
        profile = self.profile
        if profile is None:
            profile = self.profile = await pacer.async_request(
                hass,
                lambda: client.async_get_profile(tokens.access_token),
                waits_for=org_uuid,
            )
        return client, tokens, profile


async def async_check_usage(
    hass: HomeAssistant,
    pacer: RequestPacer,
    read: Callable[[], Awaitable[Any]],
    org_uuid: str,
) -> None:
    """Read the usage once; keep it for the entry's first poll, which then asks nothing."""
    usage = await pacer.async_request(hass, read, waits_for=org_uuid, holds=org_uuid)
    async_get_account(hass, org_uuid).succeeded(usage, dt_util.utcnow())


def _server_and_plan(base_url: str, plan: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if base_url != DEFAULT_BASE_URL:
        data[CONF_BASE_URL] = base_url
    if plan is not None:
        data[CONF_PLAN] = plan
    return data


def cookie_entry_data(
    credentials: Credentials, organization: Organization, base_url: str
) -> dict[str, Any]:
    """Return the entry data of a checked cookie (only the cookies that matter)."""
    data: dict[str, Any] = {
        CONF_AUTH_TYPE: AUTH_TYPE_COOKIE,
        CONF_COOKIE: credentials.cookie_header(),
        CONF_ORG_UUID: organization.uuid,
    }
    if credentials.user_agent is not None:
        data[CONF_USER_AGENT] = credentials.user_agent
    return data | _server_and_plan(base_url, organization.plan)


def oauth_entry_data(
    tokens: OAuthTokens, profile: OAuthProfile, base_url: str
) -> dict[str, Any]:
    """Return the entry data of a checked sign-in with Claude."""
    return {
        CONF_AUTH_TYPE: AUTH_TYPE_OAUTH,
        CONF_OAUTH_TOKENS: tokens.as_dict(),
        CONF_ORG_UUID: profile.organization_uuid,
    } | _server_and_plan(base_url, profile.plan)


def _cloudflare_error(credentials: Credentials | None) -> str:
    """Name what to do about a Cloudflare block: a sign-in cannot fix it, a paste can."""
    if credentials is None:
        return "cannot_connect"
    if "cf_clearance" in credentials.cookies:
        return "cloudflare_still_blocked"
    return "cloudflare_blocked"


def form_errors(
    err: ClaudeUsageError, credentials: Credentials | None = None
) -> dict[str, str]:
    """Return the form errors of a failed check (field -> error key).

    ``credentials`` are the pasted cookies, when the check was of a cookie: a
    Cloudflare block despite a ``cf_clearance`` among them needs another fix.
    """
    match err:
        case EmptyCodeError():
            return {CONF_CODE: "code_empty"}
        case CodeWithoutStateError():
            return {CONF_CODE: "code_incomplete"}
        case StateMismatchError():
            return {CONF_CODE: "state_mismatch"}
        case InvalidAuthorizationCodeError() | InvalidGrantError():
            return {CONF_CODE: "invalid_code"}
        case InvalidCookieError():
            return {CONF_COOKIE: "invalid_cookie"}
        case NoOrganizationsError():
            return {"base": "no_organizations"}
        case AuthenticationError():
            return {"base": "invalid_auth" if credentials else "oauth_refused"}
        case CloudflareChallengeError():
            return {"base": _cloudflare_error(credentials)}
        case RateLimitedError():
            return {"base": "rate_limited"}
        case ServerError() | ClaudeConnectionError():
            return {"base": "cannot_connect"}
        case OAuthError():
            # The token endpoint refused the exchange for another reason.
            return {CONF_CODE: "invalid_code"}
    return {"base": "unexpected_response"}
