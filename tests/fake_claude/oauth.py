"""Claude's OAuth endpoints, faked: authorize, token (code exchange, rotating refresh), profile, usage.

Mount on an aiohttp application with :meth:`FakeClaudeOAuth.add_routes`. Paths are
those of the real hosts, so one fake base URL serves as authorize URL
(``<base>/oauth/authorize``), token URL (``<base>/v1/oauth/token``) and API base:

- ``GET /oauth/authorize``: checks the client's parameters like claude.ai does and
  answers with the text Claude's callback page shows, ``code#state``.
- ``POST /v1/oauth/token``: ``authorization_code`` with PKCE (S256) verification,
  single-use codes; ``refresh_token`` with rotation (the presented refresh token
  dies, a reused or revoked one gets ``invalid_grant``).
- ``GET /api/oauth/profile`` and ``GET /api/oauth/usage``: Bearer token and
  ``anthropic-beta: oauth-2025-04-20`` required; expired or unknown tokens get 401.
  The organization is the web fake's (``ORG_UUID``); :class:`FakeClaude` hands in
  its own usage answer, so ``set_usage``, raw bodies and the demo scenario apply here too.
- The usage endpoint answers any request whose ``User-Agent`` is not
  ``claude-code/<version>`` with 429, ``retry-after: 0`` and the real error body,
  before it looks at the token, as the real one does (anthropics/claude-code #30930,
  #31021; jarrodwatts/claude-hud PR #177).

Failure scenarios (:meth:`FakeClaudeOAuth.fail`) are the web fake's (see
:mod:`.failures`), on the API endpoints (``api``), the usage endpoint alone
(``usage``) or the token endpoint (``token``); a ``rate_limit`` sends
``Retry-After`` only when one is given. Control: :meth:`issue_code`, :meth:`revoke_refresh_tokens`,
:meth:`expire_access_tokens`, the counters, and the same over HTTP under
``/_fake/oauth/``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
import hashlib
import re
import secrets
from typing import Any, Literal

from aiohttp import web

from .failures import FailureMode, FailureSwitch, Voice, failure_response
from .payloads import ORG_NAME, ORG_UUID, error_json

OAUTH_CLIENT_ID = "9d1c250a-e61b-44d9-88ed-5944d1962f5e"
OAUTH_BETA = "oauth-2025-04-20"
OAUTH_ACCOUNT_UUID = "7a1f0c2e-5b7d-4e8a-9c3f-0d2b4a6e8f10"
OAUTH_EMAIL = "ada@example.com"
ACCESS_TOKEN_LIFETIME = 28800
# The only User-Agent the usage endpoint serves; any other gets RATE_LIMITED_BODY.
CLAUDE_CODE_USER_AGENT = re.compile(r"claude-code/\d+(\.\d+)*")
RATE_LIMITED_BODY = {
    "error": {
        "message": "Rate limited. Please try again later.",
        "type": "rate_limit_error",
    }
}

Target = Literal["api", "usage", "token"]
OAUTH_VOICE = Voice(
    auth=("authentication_error", "OAuth token has expired"),
    forbidden=("permission_error", "Missing scope user:profile"),
    default_retry_after=None,
)


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _oauth_error(status: int, error: str, description: str) -> web.Response:
    return web.json_response(
        {"error": error, "error_description": description}, status=status
    )


def _api_error(status: int, kind: str, message: str) -> web.Response:
    return web.json_response(error_json(kind, message), status=status)


@dataclass(slots=True)
class _IssuedCode:
    challenge: str
    state: str
    redirect_uri: str
    scope: str


class FakeClaudeOAuth:
    """In-memory OAuth server with Claude's behaviour and switchable failures."""

    def __init__(
        self,
        *,
        usage: Callable[[], web.StreamResponse],
        organization_uuid: str = ORG_UUID,
        organization_name: str = ORG_NAME,
        client_id: str = OAUTH_CLIENT_ID,
        access_token_lifetime: int = ACCESS_TOKEN_LIFETIME,
    ) -> None:
        """Start with no codes and no tokens issued; ``usage()`` gives the usage answer."""
        self.usage = usage
        self.organization_uuid = organization_uuid
        self.organization_name = organization_name
        self.client_id = client_id
        self.access_token_lifetime = access_token_lifetime
        self.token_request_count = 0
        self.exchange_count = 0
        self.refresh_count = 0
        self.refused_refresh_count = 0
        self.usage_request_count = 0
        self.profile_request_count = 0
        # (path, User-Agent) of every request to the token, profile and usage endpoints.
        self.user_agents: list[tuple[str, str | None]] = []
        self._codes: dict[str, _IssuedCode] = {}
        self._access_tokens: set[str] = set()
        self._refresh_tokens: set[str] = set()
        self.failures = FailureSwitch(targets=("api", "usage", "token"))

    def add_routes(self, app: web.Application) -> None:
        """Mount the OAuth endpoints and their control routes."""
        app.router.add_get("/oauth/authorize", self._authorize)
        app.router.add_post("/v1/oauth/token", self._token)
        app.router.add_get("/api/oauth/profile", self._profile)
        app.router.add_get("/api/oauth/usage", self._usage)
        app.router.add_post("/_fake/oauth/fail", self._control_fail)
        app.router.add_post("/_fake/oauth/clear", self._control_clear)
        app.router.add_post("/_fake/oauth/revoke", self._control_revoke)
        app.router.add_post("/_fake/oauth/expire", self._control_expire)
        app.router.add_get("/_fake/oauth/counters", self._control_counters)

    # Control ------------------------------------------------------------------

    def issue_code(
        self,
        challenge: str,
        state: str,
        *,
        redirect_uri: str = "https://platform.claude.com/oauth/code/callback",
        scope: str = "user:profile user:inference",
    ) -> str:
        """Issue an authorization code as if the user approved; return ``code#state``."""
        code = secrets.token_urlsafe(24)
        self._codes[code] = _IssuedCode(challenge, state, redirect_uri, scope)
        return f"{code}#{state}"

    def revoke_refresh_tokens(self) -> None:
        """Invalidate every refresh token issued so far (user signed out elsewhere)."""
        self._refresh_tokens.clear()

    def expire_access_tokens(self) -> None:
        """Make every access token issued so far answer 401."""
        self._access_tokens.clear()

    def fail(
        self,
        mode: FailureMode,
        *,
        target: Target = "api",
        times: int | None = None,
        status: int | None = None,
        retry_after: float | str | None = None,
        delay: float | None = None,
    ) -> None:
        """Fail the next ``times`` requests to ``target`` (all of them when None)."""
        self.failures.set(
            mode,
            target=target,
            times=times,
            status=status,
            retry_after=retry_after,
            delay=delay,
        )

    def clear_failure(self) -> None:
        """Answer normally again."""
        self.failures.clear()

    # Endpoints ----------------------------------------------------------------

    async def _authorize(self, request: web.Request) -> web.Response:
        query = request.query
        if query.get("client_id") != self.client_id:
            return web.Response(status=400, text="Invalid client_id")
        if query.get("response_type") != "code" or query.get("code") != "true":
            return web.Response(status=400, text="Invalid response_type")
        if query.get("code_challenge_method") != "S256" or not query.get(
            "code_challenge"
        ):
            return web.Response(status=400, text="PKCE (S256) is required")
        if not query.get("state") or not query.get("redirect_uri"):
            return web.Response(status=400, text="Missing state or redirect_uri")
        pasted = self.issue_code(
            query["code_challenge"],
            query["state"],
            redirect_uri=query["redirect_uri"],
            scope=query.get("scope", ""),
        )
        return web.Response(text=pasted)

    def _record(self, request: web.Request) -> None:
        self.user_agents.append((request.path, request.headers.get("User-Agent")))

    async def _token(self, request: web.Request) -> web.StreamResponse:
        self.token_request_count += 1
        self._record(request)
        failure = await self._take_failure("token", request)
        if failure is not None:
            return failure
        try:
            body = await request.json()
        except ValueError:
            return _oauth_error(400, "invalid_request", "Invalid request format")
        if not isinstance(body, dict) or body.get("client_id") != self.client_id:
            return _oauth_error(400, "invalid_client", "Unknown client")
        grant_type = body.get("grant_type")
        if grant_type == "authorization_code":
            return self._exchange(body)
        if grant_type == "refresh_token":
            return self._refresh(body)
        return _oauth_error(400, "unsupported_grant_type", "Unsupported grant type")

    def _exchange(self, body: dict[str, Any]) -> web.Response:
        code, verifier = body.get("code"), body.get("code_verifier")
        if not isinstance(code, str) or not isinstance(verifier, str):
            return _oauth_error(
                400, "invalid_request", "code and code_verifier required"
            )
        issued = self._codes.pop(code, None)
        if (
            issued is None
            or body.get("state") != issued.state
            or body.get("redirect_uri") != issued.redirect_uri
            or _challenge(verifier) != issued.challenge
        ):
            return _oauth_error(400, "invalid_grant", "Invalid authorization code")
        self.exchange_count += 1
        return self._issue_tokens(issued.scope)

    def _refresh(self, body: dict[str, Any]) -> web.Response:
        refresh_token = body.get("refresh_token")
        if (
            not isinstance(refresh_token, str)
            or refresh_token not in self._refresh_tokens
        ):
            self.refused_refresh_count += 1
            return _oauth_error(
                400, "invalid_grant", "Refresh token not found or invalid"
            )
        self._refresh_tokens.discard(refresh_token)
        self.refresh_count += 1
        return self._issue_tokens("user:profile user:inference")

    def _issue_tokens(self, scope: str) -> web.Response:
        access_token = f"sk-ant-oat01-fake-{secrets.token_urlsafe(32)}"
        refresh_token = f"sk-ant-ort01-fake-{secrets.token_urlsafe(32)}"
        self._access_tokens.add(access_token)
        self._refresh_tokens.add(refresh_token)
        return web.json_response(
            {
                "token_type": "Bearer",
                "access_token": access_token,
                "refresh_token": refresh_token,
                "expires_in": self.access_token_lifetime,
                "scope": scope,
                "organization": {
                    "uuid": self.organization_uuid,
                    "name": self.organization_name,
                },
                "account": {"uuid": OAUTH_ACCOUNT_UUID, "email_address": OAUTH_EMAIL},
            }
        )

    async def _profile(self, request: web.Request) -> web.StreamResponse:
        self.profile_request_count += 1
        self._record(request)
        refused = await self._check_api_request(request)
        if refused is not None:
            return refused
        return web.json_response(
            {
                "account": {
                    "uuid": OAUTH_ACCOUNT_UUID,
                    "full_name": "Ada Lovelace",
                    "display_name": "Ada",
                    "email": OAUTH_EMAIL,
                    "has_claude_max": True,
                    "has_claude_pro": False,
                },
                "organization": {
                    "uuid": self.organization_uuid,
                    "name": self.organization_name,
                    "billing_type": "stripe_subscription",
                    "rate_limit_tier": "default_claude_max_5x",
                    "subscription_status": "active",
                    "organization_type": "claude_max",
                },
            }
        )

    async def _usage(self, request: web.Request) -> web.StreamResponse:
        self.usage_request_count += 1
        self._record(request)
        refused = await self._take_failure("usage", request)
        if refused is not None:
            return refused
        if not CLAUDE_CODE_USER_AGENT.fullmatch(request.headers.get("User-Agent", "")):
            return web.json_response(
                RATE_LIMITED_BODY, status=429, headers={"retry-after": "0"}
            )
        refused = await self._check_api_request(request)
        if refused is not None:
            return refused
        return self.usage()

    async def _check_api_request(
        self, request: web.Request
    ) -> web.StreamResponse | None:
        failure = await self._take_failure("api", request)
        if failure is not None:
            return failure
        if request.headers.get("anthropic-beta") != OAUTH_BETA:
            return _api_error(
                400, "invalid_request_error", "OAuth requires the oauth beta header"
            )
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme != "Bearer" or token not in self._access_tokens:
            return _api_error(401, "authentication_error", "Invalid bearer token")
        return None

    async def _take_failure(
        self, target: Target, request: web.Request
    ) -> web.StreamResponse | None:
        failure = self.failures.take(target)
        if failure is None:
            return None
        return await failure_response(
            failure, request, OAUTH_VOICE, ["not", "an", "object"]
        )

    # HTTP control ---------------------------------------------------------------

    async def _control_fail(self, request: web.Request) -> web.Response:
        return self.failures.set_from_json(await request.json())

    async def _control_clear(self, request: web.Request) -> web.Response:
        self.clear_failure()
        return web.json_response({"ok": True})

    async def _control_revoke(self, request: web.Request) -> web.Response:
        self.revoke_refresh_tokens()
        return web.json_response({"ok": True})

    async def _control_expire(self, request: web.Request) -> web.Response:
        self.expire_access_tokens()
        return web.json_response({"ok": True})

    async def _control_counters(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "token_requests": self.token_request_count,
                "exchanges": self.exchange_count,
                "refreshes": self.refresh_count,
                "refused_refreshes": self.refused_refresh_count,
                "usage_requests": self.usage_request_count,
                "profile_requests": self.profile_request_count,
            }
        )
