"""Sign in with Claude: OAuth 2.0 authorization code + PKCE, the way Claude Code does it.

:func:`generate_pkce` and :func:`build_authorize_url` give the link the user
opens; :func:`parse_pasted_code` reads the ``code#state`` Claude then shows;
:class:`ClaudeOAuthClient` trades it for tokens and reads the profile and the
usage; :class:`OAuthTokenManager` keeps the access token fresh and hands every
rotated pair to the caller at once (refresh tokens are single use). The
endpoints, parameters and their public sources are in ``docs/api.md``. No
token, verifier or code ever appears in a log line, an exception message or a
``repr``.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
import hashlib
import logging
import re
import secrets
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import aiohttp

from .errors import (
    AccessTokenRejectedError,
    AuthenticationError,
    ClaudeUsageError,
    CodeWithoutStateError,
    EmptyCodeError,
    InvalidAuthorizationCodeError,
    InvalidGrantError,
    OAuthError,
    StateMismatchError,
    UnexpectedResponseError,
)
from .http import Response, async_fetch, raise_for_common_errors, read_json, utcnow
from .models import Usage
from .parse import finite_number, parse_usage, plan_label

_LOGGER = logging.getLogger(__name__)

CLAUDE_CODE_CLIENT_ID = "9d1c250a-e61b-44d9-88ed-5944d1962f5e"
OAUTH_AUTHORIZE_URL = "https://claude.ai/oauth/authorize"
OAUTH_TOKEN_URL = "https://platform.claude.com/v1/oauth/token"
OAUTH_REDIRECT_URI = "https://platform.claude.com/oauth/code/callback"
OAUTH_API_BASE_URL = "https://api.anthropic.com"
OAUTH_SCOPES: tuple[str, ...] = ("user:profile", "user:inference")
OAUTH_BETA = "oauth-2025-04-20"
# Every OAuth request says it is Claude Code. The usage endpoint puts any other
# User-Agent in a bucket that answers 429 (``retry-after: 0``) to every request,
# whatever the interval, while the same token gets 200 with this one
# (anthropics/claude-code issues #30930, #31021; docs/api.md has the sources).
CLAUDE_CODE_USER_AGENT = "claude-code/2.1.80"
OAUTH_REQUEST_TIMEOUT = 30.0
TOKEN_REFRESH_MARGIN = timedelta(minutes=5)
# What an access token's lifetime is taken to be: ``expires_in`` within these bounds,
# DEFAULT_TOKEN_LIFETIME when the answer gives no finite positive number.
MIN_TOKEN_LIFETIME = timedelta(minutes=10)
MAX_TOKEN_LIFETIME = timedelta(days=30)
DEFAULT_TOKEN_LIFETIME = timedelta(hours=1)

# Authorization codes, states and PKCE values are base64url text.
_URL_SAFE = re.compile(r"[A-Za-z0-9._~-]+")
_ERROR_CODE = re.compile(r"[a-z_]{1,64}")


@dataclass(frozen=True, slots=True)
class OAuthEndpoints:
    """Where the authorize page, the token endpoint and the OAuth API live."""

    authorize_url: str = OAUTH_AUTHORIZE_URL
    token_url: str = OAUTH_TOKEN_URL
    api_base_url: str = OAUTH_API_BASE_URL

    @classmethod
    def single_host(cls, base_url: str) -> OAuthEndpoints:
        """All three on one host under their real paths, as the fake server serves them."""
        base = base_url.rstrip("/")
        return cls(f"{base}/oauth/authorize", f"{base}/v1/oauth/token", base)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def pkce_challenge(verifier: str) -> str:
    """Return the S256 code challenge of a PKCE verifier (RFC 7636)."""
    return _b64url(hashlib.sha256(verifier.encode("ascii")).digest())


@dataclass(frozen=True, slots=True)
class PkceChallenge:
    """One sign-in attempt's PKCE pair and state; the verifier stays out of ``repr``."""

    verifier: str = field(repr=False)
    challenge: str
    state: str


def generate_pkce() -> PkceChallenge:
    """Make a fresh verifier (43 characters), its S256 challenge and a separate state."""
    verifier = secrets.token_urlsafe(32)
    return PkceChallenge(
        verifier=verifier,
        challenge=pkce_challenge(verifier),
        state=secrets.token_urlsafe(32),
    )


def build_authorize_url(
    pkce: PkceChallenge,
    *,
    authorize_url: str = OAUTH_AUTHORIZE_URL,
    client_id: str = CLAUDE_CODE_CLIENT_ID,
    redirect_uri: str = OAUTH_REDIRECT_URI,
    scopes: tuple[str, ...] = OAUTH_SCOPES,
) -> str:
    """Return the link the user opens to approve access (manual-code variant)."""
    query = urlencode(
        {
            "code": "true",
            "client_id": client_id,
            "response_type": "code",
            "redirect_uri": redirect_uri,
            "scope": " ".join(scopes),
            "code_challenge": pkce.challenge,
            "code_challenge_method": "S256",
            "state": pkce.state,
        }
    )
    return f"{authorize_url}?{query}"


def parse_pasted_code(text: str, *, expected_state: str) -> tuple[str, str]:
    """Split what the user pasted into ``(code, state)`` and check the state.

    Accepts ``code#state`` as Claude's callback page shows it, with surrounding
    whitespace, or the whole callback URL (``…?code=…&state=…``). Raises
    :class:`InvalidAuthorizationCodeError` when the text is neither, and
    :class:`StateMismatchError` when the code was issued for another attempt.
    """
    pasted = text.strip()
    if not pasted:
        raise EmptyCodeError("Nothing was pasted")
    if pasted.startswith(("https://", "http://")):
        try:
            query = parse_qs(urlsplit(pasted).query)
        except ValueError as err:  # e.g. an unclosed IPv6 bracket
            raise InvalidAuthorizationCodeError(
                "The pasted link is not a valid URL"
            ) from err
        code = query.get("code", [""])[0]
        state = query.get("state", [""])[0]
    else:
        code, _, state = pasted.partition("#")
    if not code:
        raise InvalidAuthorizationCodeError(
            "Paste the whole code Claude shows, in the form code#state"
        )
    if not state:
        raise CodeWithoutStateError("The code lacks the part after #")
    if not _URL_SAFE.fullmatch(code) or not _URL_SAFE.fullmatch(state):
        raise InvalidAuthorizationCodeError(
            "The pasted code contains characters an authorization code never has"
        )
    if not secrets.compare_digest(state, expected_state):
        raise StateMismatchError(
            "The pasted code belongs to a different sign-in attempt; "
            "open the current link and paste the code it shows"
        )
    return code, state


@dataclass(frozen=True, slots=True)
class OAuthTokens:
    """An access/refresh token pair and whom it belongs to; the tokens stay out of ``repr``."""

    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_at: datetime
    scopes: tuple[str, ...] = ()
    account_uuid: str | None = None
    organization_uuid: str | None = None
    organization_name: str | None = None

    def expires_within(self, margin: timedelta, *, now: datetime) -> bool:
        """Tell whether the access token expires before ``now + margin``."""
        return self.expires_at <= now + margin

    def as_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable form for storage (config entry data)."""
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_at": self.expires_at.isoformat(),
            "scopes": list(self.scopes),
            "account_uuid": self.account_uuid,
            "organization_uuid": self.organization_uuid,
            "organization_name": self.organization_name,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OAuthTokens:
        """Rebuild tokens stored with :meth:`as_dict`; raise :class:`OAuthError` if incomplete."""
        access_token = data.get("access_token")
        refresh_token = data.get("refresh_token")
        expires_at = data.get("expires_at")
        scopes = data.get("scopes", [])
        if not (
            isinstance(access_token, str)
            and access_token
            and isinstance(refresh_token, str)
            and refresh_token
            and isinstance(expires_at, str)
            and isinstance(scopes, list)
            and all(isinstance(scope, str) for scope in scopes)
        ):
            raise OAuthError("The stored OAuth tokens are incomplete")
        try:
            expiry = datetime.fromisoformat(expires_at)
        except ValueError as err:
            raise OAuthError("The stored OAuth token expiry is not a date") from err
        if expiry.tzinfo is None:
            raise OAuthError("The stored OAuth token expiry has no time zone")
        return cls(
            access_token=access_token,
            refresh_token=refresh_token,
            expires_at=expiry,
            scopes=tuple(scopes),
            account_uuid=_optional_str(data.get("account_uuid")),
            organization_uuid=_optional_str(data.get("organization_uuid")),
            organization_name=_optional_str(data.get("organization_name")),
        )


@dataclass(frozen=True, slots=True)
class OAuthProfile:
    """The account and organization an access token belongs to (``/api/oauth/profile``)."""

    account_uuid: str
    email: str | None
    organization_uuid: str
    organization_name: str
    plan: str | None = None


def _optional_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _json_object(payload: object) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise UnexpectedResponseError("The answer is not a JSON object")
    return payload


def token_lifetime(expires_in: object) -> timedelta:
    """Return how long a new access token is taken to last, whatever ``expires_in`` holds.

    A finite positive number of seconds, clamped to [MIN_TOKEN_LIFETIME,
    MAX_TOKEN_LIFETIME]; anything else (missing, text, NaN, infinity, zero)
    DEFAULT_TOKEN_LIFETIME. It never fails: the token endpoint has already
    rotated the pair when this runs, and the new pair must be kept.
    """
    seconds = finite_number(expires_in)
    if seconds is None or seconds <= 0:
        return DEFAULT_TOKEN_LIFETIME
    seconds = min(
        max(seconds, MIN_TOKEN_LIFETIME.total_seconds()),
        MAX_TOKEN_LIFETIME.total_seconds(),
    )
    return timedelta(seconds=seconds)


def _error_code(payload: object) -> str | None:
    if not isinstance(payload, dict):
        return None
    error = payload.get("error")
    if isinstance(error, dict):
        error = error.get("type")
    if isinstance(error, str) and _ERROR_CODE.fullmatch(error):
        return error
    return None


def _oauth_error_code(response: Response) -> str | None:
    """Return the OAuth/API error code of an error answer, if it is a plain identifier."""
    try:
        return read_json(response.body, _error_code, "Error answer")
    except UnexpectedResponseError:
        return None


def _plan(organization: Mapping[str, Any], account: Mapping[str, Any]) -> str | None:
    """Name the plan like the cookie client does; fall back to the account's flags."""
    organization_type = organization.get("organization_type")
    signals = (organization_type,) if isinstance(organization_type, str) else ()
    if plan := plan_label(organization.get("rate_limit_tier"), signals):
        return plan
    if account.get("has_claude_max") is True:
        return "Max"
    if account.get("has_claude_pro") is True:
        return "Pro"
    return None


def parse_profile(payload: object) -> OAuthProfile:
    """Parse the body of ``GET /api/oauth/profile``."""
    payload = _json_object(payload)
    account = payload.get("account")
    organization = payload.get("organization")
    if not isinstance(account, dict) or not isinstance(organization, dict):
        raise UnexpectedResponseError("Profile request: no account or organization")
    account_uuid = _optional_str(account.get("uuid"))
    organization_uuid = _optional_str(organization.get("uuid"))
    organization_name = _optional_str(organization.get("name"))
    if account_uuid is None or organization_uuid is None or not organization_name:
        raise UnexpectedResponseError(
            "Profile request: the account or organization has no id"
        )
    return OAuthProfile(
        account_uuid=account_uuid,
        email=_optional_str(account.get("email"))
        or _optional_str(account.get("email_address")),
        organization_uuid=organization_uuid,
        organization_name=organization_name,
        plan=_plan(organization, account),
    )


class ClaudeOAuthClient:
    """Talks to Claude's OAuth token endpoint and the OAuth-authenticated API."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        token_url: str = OAUTH_TOKEN_URL,
        api_base_url: str = OAUTH_API_BASE_URL,
        client_id: str = CLAUDE_CODE_CLIENT_ID,
        redirect_uri: str = OAUTH_REDIRECT_URI,
        request_timeout: float = OAUTH_REQUEST_TIMEOUT,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        """Use the caller's session (Home Assistant's shared one in the integration)."""
        self._session = session
        self._token_url = token_url
        self._api_base_url = api_base_url.rstrip("/")
        self._client_id = client_id
        self._redirect_uri = redirect_uri
        self._request_timeout = request_timeout
        self._clock = clock

    async def async_exchange_code(
        self, code: str, state: str, pkce: PkceChallenge
    ) -> OAuthTokens:
        """Trade the pasted authorization code for the first token pair."""
        payload = await self._async_token_request(
            {
                "grant_type": "authorization_code",
                "code": code,
                "state": state,
                "client_id": self._client_id,
                "redirect_uri": self._redirect_uri,
                "code_verifier": pkce.verifier,
            },
            "Code exchange",
        )
        return self._tokens_from(payload, "Code exchange")

    async def async_refresh(self, refresh_token: str) -> OAuthTokens:
        """Trade a refresh token for a new pair; the old refresh token is dead afterwards."""
        payload = await self._async_token_request(
            {
                "grant_type": "refresh_token",
                "refresh_token": refresh_token,
                "client_id": self._client_id,
            },
            "Token refresh",
        )
        return self._tokens_from(payload, "Token refresh", refresh_token)

    async def async_get_profile(self, access_token: str) -> OAuthProfile:
        """Return the account and organization the access token belongs to."""
        return await self._async_api_get(
            "/api/oauth/profile", access_token, "Profile request", parse_profile
        )

    async def async_get_usage(self, access_token: str) -> Usage:
        """Return the subscription's usage windows (one request)."""
        return await self._async_api_get(
            "/api/oauth/usage", access_token, "Usage request", parse_usage
        )

    def _tokens_from(
        self,
        payload: Mapping[str, Any],
        what: str,
        previous_refresh_token: str | None = None,
    ) -> OAuthTokens:
        """Build the token pair of a token answer.

        A refresh answer without a new refresh token keeps the one it was given
        (RFC 6749, section 6); ``expires_in`` never makes this fail (see
        :func:`token_lifetime`).
        """
        access_token = _optional_str(payload.get("access_token"))
        refresh_token = (
            _optional_str(payload.get("refresh_token")) or previous_refresh_token
        )
        if access_token is None or refresh_token is None:
            raise UnexpectedResponseError(f"{what}: the answer has no token pair")
        scope = payload.get("scope")
        account = payload.get("account")
        organization = payload.get("organization")
        account = account if isinstance(account, dict) else {}
        organization = organization if isinstance(organization, dict) else {}
        return OAuthTokens(
            access_token=access_token,
            refresh_token=refresh_token,
            expires_at=self._clock() + token_lifetime(payload.get("expires_in")),
            scopes=tuple(scope.split()) if isinstance(scope, str) else (),
            account_uuid=_optional_str(account.get("uuid")),
            organization_uuid=_optional_str(organization.get("uuid")),
            organization_name=_optional_str(organization.get("name")),
        )

    async def _async_token_request(
        self, body: Mapping[str, str], what: str
    ) -> dict[str, Any]:
        response = await self._async_request(
            "POST",
            self._token_url,
            headers={
                "Accept": "application/json",
                "User-Agent": CLAUDE_CODE_USER_AGENT,
            },
            json_body=body,
            what=what,
        )
        raise_for_common_errors(response, what, self._clock())
        if response.status == 200:
            return read_json(response.body, _json_object, what)
        error = _oauth_error_code(response)
        if error == "invalid_grant":
            raise InvalidGrantError(f"{what} was refused (invalid_grant)")
        if 400 <= response.status < 500:
            raise OAuthError(
                f"{what} failed: HTTP {response.status} ({error or 'no error code'})"
            )
        raise UnexpectedResponseError(f"{what}: unexpected HTTP {response.status}")

    async def _async_api_get[T](
        self, path: str, access_token: str, what: str, parse: Callable[[Any], T]
    ) -> T:
        response = await self._async_request(
            "GET",
            f"{self._api_base_url}{path}",
            headers={
                "Accept": "application/json",
                "Authorization": f"Bearer {access_token}",
                "anthropic-beta": OAUTH_BETA,
                "User-Agent": CLAUDE_CODE_USER_AGENT,
            },
            json_body=None,
            what=what,
        )
        raise_for_common_errors(response, what, self._clock())
        if response.status == 200:
            return read_json(response.body, parse, what)
        if response.status == 401:
            raise AccessTokenRejectedError(f"{what}: the access token was refused")
        if response.status == 403:
            raise AuthenticationError(
                f"{what}: access denied ({_oauth_error_code(response) or 'HTTP 403'})"
            )
        raise UnexpectedResponseError(f"{what}: unexpected HTTP {response.status}")

    async def _async_request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str],
        json_body: Mapping[str, str] | None,
        what: str,
    ) -> Response:
        return await async_fetch(
            self._session,
            method,
            url,
            headers=headers,
            timeout=self._request_timeout,
            what=what,
            json_body=json_body,
        )


class OAuthTokenManager:
    """Keeps one entry's tokens fresh: one refresh at a time, rotation saved at once.

    The access token is refreshed when it expires within ``refresh_margin`` and
    once after the API answers 401 to it, never after a 429: a 429 is a quota
    signal, and every refresh burns the single-use refresh token. Callers that
    need a refresh while one is running wait for it and share its result, or its
    error. ``on_tokens_updated`` is called with each new pair before anyone can
    use it, so the caller persists the rotated refresh token at once. Once the
    token endpoint refuses the refresh token (``invalid_grant``) the manager sends
    no more refreshes and keeps raising :class:`InvalidGrantError`: the user has
    to sign in again, which gives a new manager.
    """

    def __init__(
        self,
        client: ClaudeOAuthClient,
        tokens: OAuthTokens,
        *,
        on_tokens_updated: Callable[[OAuthTokens], None],
        refresh_margin: timedelta = TOKEN_REFRESH_MARGIN,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        """Start from the stored tokens."""
        self._client = client
        self._tokens = tokens
        self._on_tokens_updated = on_tokens_updated
        self._refresh_margin = refresh_margin
        self._clock = clock
        self._lock = asyncio.Lock()
        self._attempts = 0  # refreshes finished, successful or not
        self._last_error: ClaudeUsageError | None = None
        self._refused = False

    @property
    def tokens(self) -> OAuthTokens:
        """The current token pair."""
        return self._tokens

    async def async_get_access_token(self) -> str:
        """Return an access token that is valid for at least the refresh margin."""
        tokens = self._tokens
        if not tokens.expires_within(self._refresh_margin, now=self._clock()):
            return tokens.access_token
        return (await self._async_refresh(tokens, "it expires soon")).access_token

    async def async_handle_unauthorized(self, rejected_access_token: str) -> str:
        """Refresh once after a 401 to ``rejected_access_token``; return the token to retry with.

        When another caller already replaced that token, its successor is returned
        without a new refresh.
        """
        tokens = self._tokens
        if tokens.access_token != rejected_access_token:
            return tokens.access_token
        return (await self._async_refresh(tokens, "the API refused it")).access_token

    async def async_request[T](self, request: Callable[[str], Awaitable[T]]) -> T:
        """Call ``request(access_token)``; after a 401 refresh once and call it again."""
        access_token = await self.async_get_access_token()
        try:
            return await request(access_token)
        except AccessTokenRejectedError:
            retry_token = await self.async_handle_unauthorized(access_token)
        return await request(retry_token)

    async def _async_refresh(self, stale: OAuthTokens, reason: str) -> OAuthTokens:
        attempts_seen = self._attempts
        async with self._lock:
            if self._tokens is not stale:
                return self._tokens
            if self._refused:
                raise InvalidGrantError(
                    "The refresh token was refused earlier; sign in again"
                )
            if self._attempts != attempts_seen and self._last_error is not None:
                # A refresh finished while we waited and failed: share its error.
                raise self._last_error
            _LOGGER.debug("Refreshing the Claude OAuth access token: %s", reason)
            try:
                fresh = await self._client.async_refresh(stale.refresh_token)
            except InvalidGrantError as err:
                self._refused = True
                self._last_error = err
                raise
            except ClaudeUsageError as err:
                self._last_error = err
                raise
            finally:
                self._attempts += 1
            self._last_error = None
            fresh = replace(
                fresh,
                account_uuid=fresh.account_uuid or stale.account_uuid,
                organization_uuid=fresh.organization_uuid or stale.organization_uuid,
                organization_name=fresh.organization_name or stale.organization_name,
            )
            self._tokens = fresh
            self._on_tokens_updated(fresh)
            _LOGGER.debug(
                "Refreshed the Claude OAuth access token; it expires at %s",
                fresh.expires_at.isoformat(),
            )
            return fresh
