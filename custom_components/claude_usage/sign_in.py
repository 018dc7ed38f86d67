"""Checking a session cookie before it is stored, for the config flow (new, reauth, reconfigure).

Every request of a flow goes through a :class:`RequestPacer`, which remembers a
429 (the flow's own, or the one the account's entry is waiting out) and sends
nothing until it has passed. A usage answer fetched here is kept for the entry's
first poll, and what claude.ai renews of the cookie meanwhile is stored with it.
:func:`form_errors` turns every failure into the form errors shown.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .account import async_get_account, async_rate_limited_until, rate_limit_wait
from .api import (
    DEFAULT_BASE_URL,
    AuthenticationError,
    ClaudeConnectionError,
    ClaudeUsageClient,
    ClaudeUsageError,
    CloudflareChallengeError,
    Credentials,
    InvalidCookieError,
    Organization,
    OrganizationAccessDeniedError,
    RateLimitedError,
    ServerError,
)
from .const import (
    AUTH_TYPE_COOKIE,
    CONF_AUTH_TYPE,
    CONF_BASE_URL,
    CONF_COOKIE,
    CONF_ORG_UUID,
    CONF_PLAN,
    CONF_USER_AGENT,
)
from .renewal import async_get_renewals
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
    """Return a claude.ai client of pasted credentials, sharing its session's renewals."""
    renewals = async_get_renewals(hass, credentials.session_key)
    renewals.pasted(credentials)
    return ClaudeUsageClient(
        async_get_session(hass), credentials, base_url=base_url, renewals=renewals
    )


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


def _cloudflare_error(credentials: Credentials | None) -> str:
    """Name what to do about a Cloudflare block: a paste with cf_clearance, or a fresh one."""
    if credentials is not None and "cf_clearance" in credentials.cookies:
        return "cloudflare_still_blocked"
    return "cloudflare_blocked"


def form_errors(
    err: ClaudeUsageError, credentials: Credentials | None = None
) -> dict[str, str]:
    """Return the form errors of a failed check (field -> error key).

    ``credentials`` are the pasted cookies: a Cloudflare block despite a
    ``cf_clearance`` among them needs another fix.
    """
    match err:
        case InvalidCookieError():
            return {CONF_COOKIE: "invalid_cookie"}
        case NoOrganizationsError():
            return {"base": "no_organizations"}
        case OrganizationAccessDeniedError():
            return {"base": "access_denied"}
        case AuthenticationError():
            return {"base": "invalid_auth"}
        case CloudflareChallengeError():
            return {"base": _cloudflare_error(credentials)}
        case RateLimitedError():
            return {"base": "rate_limited"}
        case ServerError() | ClaudeConnectionError():
            return {"base": "cannot_connect"}
    return {"base": "unexpected_response"}
