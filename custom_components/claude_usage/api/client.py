"""Client of claude.ai's internal web API, signed in with the browser's session cookie.

Two endpoints, one HTTP request per call and no retries (the caller decides when
to try again; claude.ai locks an account out after a few dozen requests a minute):

- ``GET /api/organizations``: a JSON list of ``{"uuid", "name", "capabilities":
  ["chat", "claude_max", …], "rate_limit_tier": "default_claude_max_20x", …}``.
- ``GET /api/organizations/{uuid}/usage``: see :mod:`.parse` for its shapes.

Requests look like the claude.ai web app's own ``fetch`` calls: ``Accept: */*``,
``anthropic-client-platform: web_claude_ai``, ``anthropic-device-id`` when the
browser's cookie was pasted, same-origin ``Sec-Fetch-*`` and ``Referer``, and a
browser ``User-Agent``: the one pasted with the cookies when there was one
(Cloudflare binds ``cf_clearance`` to it), else :data:`DEFAULT_USER_AGENT`.

Error mapping: Cloudflare's challenge (``cf-mitigated: challenge``, a "Just a
moment..." page, or a 403 that is not JSON) raises
:class:`~.errors.CloudflareChallengeError`; 401, and 403 with a JSON body,
:class:`~.errors.AuthenticationError`; 429 :class:`~.errors.RateLimitedError`
with ``Retry-After`` in seconds (both header forms); 5xx
:class:`~.errors.ServerError`; a timeout :class:`~.errors.ClaudeTimeoutError`;
a connection failure :class:`~.errors.ClaudeConnectionError`; anything else,
including a non-JSON or wrongly shaped body,
:class:`~.errors.UnexpectedResponseError`. Messages name the request and the
HTTP status only.

The caller's ``aiohttp`` session should not share a cookie jar with other code:
aiohttp merges the jar's cookies for claude.ai into the ``Cookie`` header, so a
jar that caught one account's ``Set-Cookie`` would sign another account's
requests. Home Assistant integrations create theirs with
``async_create_clientsession(hass, cookie_jar=aiohttp.DummyCookieJar())``.

Sources (public clients; claude.ai's web API is undocumented):

- ``ncridlig/ha-claude-usage`` ``custom_components/claude_usage/api.py``:
  ``GET /api/organizations`` then ``…/{uuid}/usage`` with the ``sessionKey``
  cookie and a browser User-Agent; 401/403 mean an expired session.
- ``nikolmedo/ClaudePulse`` ``custom_components/claude_pulse/api.py`` and
  ``models.py``: the flat ``five_hour``/``seven_day`` windows, ``resets_at``
  with ``Z``.
- ``durapensa/poc`` ``docs/REAL_API_ENDPOINTS.md``: the web app's
  ``anthropic-client-platform: web_claude_ai`` and ``anthropic-device-id``
  headers, ``Referer``/``Origin`` of ``https://claude.ai``.
- ``Aubrey-M-ops/credit-trader-secondme``
  ``moltmarket-skill-standard/references/api-endpoints.md``: the organization
  list's fields (``uuid``, ``name``, ``capabilities``) and its 401/403 answers.
- Public usage monitors' test fixtures (found by content search): the ``limits``
  array (``kind``, ``group``, ``percent``, ``severity``, ``scope.model.display_name``,
  ``surface``), ``seven_day_cowork``, ``extra_usage`` with ``currency: "USD"`` and
  ``decimal_places: 2`` (``monthly_limit: 2000``, ``used_credits: 245``,
  ``utilization: 12.25``: amounts in cents), and ``rate_limit_tier`` values
  ``default_claude_max_5x``/``default_claude_max_20x``/``default_claude_ai``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import aiohttp

from .cookies import Credentials
from .errors import (
    AuthenticationError,
    CloudflareChallengeError,
    ServerError,
    UnexpectedResponseError,
)
from .http import Response, async_fetch, raise_if_rate_limited, read_json
from .models import Organization, Usage
from .parse import is_uuid, parse_organizations, parse_usage

DEFAULT_BASE_URL = "https://claude.ai"
DEFAULT_TIMEOUT = 30.0
DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"
)
CLIENT_PLATFORM = "web_claude_ai"
_CHALLENGE_MARKERS = ("Just a moment...", "challenge-platform", "cf-chl")
# Enough of an HTML page to find Cloudflare's markers in its head.
_SNIFF_BYTES = 65536


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _is_json(response: Response) -> bool:
    return "json" in response.headers.get("Content-Type", "").lower()


def _is_challenge_page(response: Response) -> bool:
    if "html" not in response.headers.get("Content-Type", "").lower():
        return False
    head = response.body[:_SNIFF_BYTES].decode("utf-8", "replace")
    return any(marker in head for marker in _CHALLENGE_MARKERS)


class ClaudeUsageClient:
    """Reads a claude.ai account's organizations and usage limits."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        credentials: Credentials,
        *,
        base_url: str = DEFAULT_BASE_URL,
        request_timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        """Use the caller's session; ``clock`` turns Retry-After dates into seconds."""
        self._session = session
        self._credentials = credentials
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

    def _headers(self, referer_path: str) -> dict[str, str]:
        headers = {
            "Accept": "*/*",
            "Accept-Language": "en-US,en;q=0.9",
            "anthropic-client-platform": CLIENT_PLATFORM,
            "Cookie": self._credentials.cookie_header(),
            "Referer": f"{self._base_url}{referer_path}",
            "Sec-Fetch-Dest": "empty",
            "Sec-Fetch-Mode": "cors",
            "Sec-Fetch-Site": "same-origin",
            "User-Agent": self._credentials.user_agent or DEFAULT_USER_AGENT,
        }
        if device_id := self._credentials.device_id:
            headers["anthropic-device-id"] = device_id
        return headers

    async def _async_get[T](
        self, path: str, referer_path: str, what: str, parse: Callable[[Any], T]
    ) -> T:
        """Send one GET and parse its JSON; every failure is a typed error."""
        response = await async_fetch(
            self._session,
            "GET",
            f"{self._base_url}{path}",
            headers=self._headers(referer_path),
            timeout=self._request_timeout,
            what=what,
        )
        self._raise_for_status(response, what)
        return read_json(response.body, parse, what)

    def _raise_for_status(self, response: Response, what: str) -> None:
        status = response.status
        if response.headers.get("cf-mitigated", "").lower() == "challenge":
            raise CloudflareChallengeError(
                f"{what}: Cloudflare challenge (HTTP {status})"
            )
        raise_if_rate_limited(response, what, self._clock())
        if _is_challenge_page(response) or (status == 403 and not _is_json(response)):
            raise CloudflareChallengeError(
                f"{what}: Cloudflare challenge (HTTP {status})"
            )
        if status in (401, 403):
            raise AuthenticationError(
                f"{what}: the session was refused (HTTP {status})"
            )
        if status >= 500:
            raise ServerError(f"{what}: server error (HTTP {status})", status=status)
        if status != 200:
            raise UnexpectedResponseError(f"{what}: unexpected HTTP {status}")
