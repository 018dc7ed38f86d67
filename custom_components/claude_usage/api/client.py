"""Client of claude.ai's internal web API, signed in with the browser's session cookie.

One request per call and no retries: the caller decides when to try again. The
requests look like the claude.ai web app's own (headers in ``docs/api.md``), with
the browser's User-Agent when one was pasted with the cookies. Use an ``aiohttp``
session without a shared cookie jar (``DummyCookieJar``): a jar would sign one
account's requests with another account's cookies. What claude.ai renews with
``Set-Cookie`` goes into the client's :class:`~.cookies.CookieRenewals` (shared
by the clients of one session) and signs the next request.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
import json
from typing import Any

import aiohttp

from .cookies import CookieRenewals, Credentials, set_cookie_values
from .errors import (
    AuthenticationError,
    OrganizationAccessDeniedError,
    UnexpectedResponseError,
)
from .http import Response, async_fetch, raise_for_common_errors, read_json, utcnow
from .models import Organization, Usage
from .parse import is_uuid, parse_organizations, parse_usage

DEFAULT_BASE_URL = "https://claude.ai"
DEFAULT_TIMEOUT = 30.0
DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"
)
CLIENT_PLATFORM = "web_claude_ai"
# What a 403 says when claude.ai refuses the organization from this network (a VPN,
# a datacenter or a region it does not serve), not the session.
_NETWORK_REFUSALS = ("for organization", "unable to serve")


class ClaudeUsageClient:
    """Reads a claude.ai account's organizations and usage limits."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        credentials: Credentials,
        *,
        base_url: str = DEFAULT_BASE_URL,
        request_timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], datetime] = utcnow,
        renewals: CookieRenewals | None = None,
    ) -> None:
        """Use the caller's session; ``clock`` turns Retry-After dates into seconds.

        ``renewals``: shared with the other clients of the same session, if any.
        """
        self._session = session
        self._credentials = credentials
        self._renewals = renewals if renewals is not None else CookieRenewals()
        self._base_url = base_url.rstrip("/")
        self._request_timeout = request_timeout
        self._clock = clock

    def __repr__(self) -> str:
        """Show where the client talks to, never the credentials."""
        return f"ClaudeUsageClient(base_url={self._base_url!r})"

    @property
    def base_url(self) -> str:
        """The claude.ai (or test server) address without a trailing slash."""
        return self._base_url

    @property
    def credentials(self) -> Credentials:
        """The cookies the next request is signed with, renewals included."""
        return self._credentials.with_cookies(self._renewals.cookies)

    async def async_get_organizations(self) -> list[Organization]:
        """Return the organizations this session can see (one request)."""
        return await self._async_get(
            "/api/organizations", "/", "Organizations request", parse_organizations
        )

    async def async_get_usage(self, org_uuid: str) -> Usage:
        """Return the usage windows of one organization (one request)."""
        if not is_uuid(org_uuid):
            raise ValueError("The organization id is not a UUID")
        return await self._async_get(
            f"/api/organizations/{org_uuid.lower()}/usage",
            "/settings/usage",
            "Usage request",
            parse_usage,
        )

    def _headers(self, credentials: Credentials, referer_path: str) -> dict[str, str]:
        headers = {
            "Accept": "*/*",
            "Accept-Language": "en-US,en;q=0.9",
            "anthropic-client-platform": CLIENT_PLATFORM,
            "Cookie": credentials.cookie_header(),
            "Referer": f"{self._base_url}{referer_path}",
            "Sec-Fetch-Dest": "empty",
            "Sec-Fetch-Mode": "cors",
            "Sec-Fetch-Site": "same-origin",
            "User-Agent": credentials.user_agent or DEFAULT_USER_AGENT,
        }
        if device_id := credentials.device_id:
            headers["anthropic-device-id"] = device_id
        return headers

    async def _async_get[T](
        self, path: str, referer_path: str, what: str, parse: Callable[[Any], T]
    ) -> T:
        """Send one GET and parse its JSON; every failure is a typed error.

        Renewed cookies are taken from any answer, good or not, before anything
        else is read from it.
        """
        credentials = self.credentials
        response = await async_fetch(
            self._session,
            "GET",
            f"{self._base_url}{path}",
            headers=self._headers(credentials, referer_path),
            timeout=self._request_timeout,
            what=what,
        )
        now = self._clock()
        self._renewals.take(
            credentials,
            set_cookie_values(response.headers.getall("Set-Cookie", ()), now),
        )
        _raise_for_status(response, what, now)
        return read_json(response.body, parse, what)


def _raise_for_status(response: Response, what: str, now: datetime) -> None:
    """Raise the typed error of a failed answer; a 200 passes."""
    raise_for_common_errors(response, what, now)
    if response.status == 403 and _refuses_network(response.body):
        raise OrganizationAccessDeniedError(
            f"{what}: claude.ai refused the organization from this network (HTTP 403)"
        )
    if response.status in (401, 403):
        raise AuthenticationError(
            f"{what}: the session was refused (HTTP {response.status})"
        )
    if response.status != 200:
        raise UnexpectedResponseError(f"{what}: unexpected HTTP {response.status}")


def _refuses_network(body: bytes) -> bool:
    """Tell whether a 403's JSON is a ``permission_error`` about the network, not the session.

    "Invalid authorization for organization" and "We are unable to serve your
    request" come with a valid cookie from VPN and region exits; a session that
    expired is refused as "Invalid authorization".
    """
    try:
        error = json.loads(body).get("error")
    except ValueError, AttributeError, RecursionError:
        return False
    if not isinstance(error, dict) or error.get("type") != "permission_error":
        return False
    message = error.get("message")
    return isinstance(message, str) and any(
        refusal in message.lower() for refusal in _NETWORK_REFUSALS
    )
