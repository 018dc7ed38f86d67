"""Sign in with Claude: the OAuth client and token manager against the fake over loopback HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
import logging
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from aiohttp import ClientSession, web
import pytest

from custom_components.claude_usage.api.errors import (
    AccessTokenRejectedError,
    AuthenticationError,
    ClaudeConnectionError,
    ClaudeTimeoutError,
    ClaudeUnreachableError,
    ClaudeUsageError,
    CloudflareChallengeError,
    CodeWithoutStateError,
    EmptyCodeError,
    InvalidAuthorizationCodeError,
    InvalidGrantError,
    OAuthError,
    RateLimitedError,
    ServerError,
    StateMismatchError,
    UnexpectedResponseError,
)
from custom_components.claude_usage.api.oauth import (
    CLAUDE_CODE_USER_AGENT,
    ClaudeOAuthClient,
    OAuthEndpoints,
    OAuthProfile,
    OAuthTokenManager,
    OAuthTokens,
    PkceChallenge,
    build_authorize_url,
    generate_pkce,
    parse_pasted_code,
    pkce_challenge,
)
from tests.fake_claude import ORG_NAME, ORG_UUID, FakeClaude, usage_json
from tests.fake_claude.oauth import (
    ACCESS_TOKEN_LIFETIME,
    OAUTH_ACCOUNT_UUID,
    OAUTH_EMAIL,
    FailureMode,
    FakeClaudeOAuth,
)

# Real HTTP over loopback: Home Assistant's test plugin still refuses any other host.
pytestmark = pytest.mark.usefixtures("socket_enabled")

START = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        """Start at a fixed instant."""
        self.now = START

    def __call__(self) -> datetime:
        """Return the current fake time."""
        return self.now

    def advance(self, delta: timedelta) -> None:
        """Move time forward."""
        self.now += delta


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}"


def _client_for(
    base_url: str, session: ClientSession, clock: Clock, **kwargs: Any
) -> ClaudeOAuthClient:
    endpoints = OAuthEndpoints.single_host(f"{base_url}/")
    return ClaudeOAuthClient(
        session,
        token_url=endpoints.token_url,
        api_base_url=endpoints.api_base_url,
        clock=clock,
        **kwargs,
    )


@dataclass(slots=True)
class Env:
    """The fake claude.ai on loopback, its OAuth part, a session, the clock and a client."""

    server: FakeClaude
    fake: FakeClaudeOAuth
    base_url: str
    session: ClientSession
    clock: Clock
    client: ClaudeOAuthClient


@pytest.fixture
async def env(fake_claude: FakeClaude) -> AsyncIterator[Env]:
    """Aim an OAuth client at the fake claude.ai, which serves the OAuth endpoints too."""
    clock = Clock()
    async with ClientSession() as session:
        yield Env(
            fake_claude,
            fake_claude.oauth,
            fake_claude.base_url,
            session,
            clock,
            _client_for(fake_claude.base_url, session, clock),
        )


async def _sign_in(env: Env) -> OAuthTokens:
    pkce = generate_pkce()
    url = build_authorize_url(
        pkce, authorize_url=OAuthEndpoints.single_host(env.base_url).authorize_url
    )
    async with env.session.get(url) as response:
        assert response.status == 200
        pasted = await response.text()
    code, state = parse_pasted_code(f"  {pasted}\n", expected_state=pkce.state)
    return await env.client.async_exchange_code(code, state, pkce)


class Saved:
    """Records what the token manager hands over for persisting."""

    def __init__(self) -> None:
        """Nothing saved yet."""
        self.tokens: list[OAuthTokens] = []

    def __call__(self, tokens: OAuthTokens) -> None:
        """Save one rotated pair."""
        self.tokens.append(tokens)


def _manager(
    client: ClaudeOAuthClient, tokens: OAuthTokens, clock: Clock
) -> tuple[OAuthTokenManager, Saved]:
    saved = Saved()
    return OAuthTokenManager(
        client, tokens, on_tokens_updated=saved, clock=clock
    ), saved


# PKCE, authorize URL, pasted code ------------------------------------------------


def test_pkce_challenge_is_rfc7636_s256() -> None:
    """The challenge is the RFC 7636 appendix B example's."""
    assert (
        pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    )


def test_generate_pkce_is_fresh_and_hides_the_verifier() -> None:
    """Each attempt gets its own verifier and state; repr shows neither verifier."""
    first, second = generate_pkce(), generate_pkce()
    assert len(first.verifier) == 43
    assert first.challenge == pkce_challenge(first.verifier)
    assert first.state != first.verifier
    assert first.verifier != second.verifier
    assert first.state != second.state
    assert first.verifier not in repr(first)
    assert first.state in repr(first)


def test_authorize_url_has_claude_codes_parameters() -> None:
    """Defaults: claude.ai authorize, Claude Code's client id, manual-code redirect, S256."""
    pkce = PkceChallenge(verifier="v" * 43, challenge="chal", state="st")
    url = urlsplit(build_authorize_url(pkce))
    assert (url.scheme, url.netloc, url.path) == (
        "https",
        "claude.ai",
        "/oauth/authorize",
    )
    assert parse_qs(url.query) == {
        "code": ["true"],
        "client_id": ["9d1c250a-e61b-44d9-88ed-5944d1962f5e"],
        "response_type": ["code"],
        "redirect_uri": ["https://platform.claude.com/oauth/code/callback"],
        "scope": ["user:profile user:inference"],
        "code_challenge": ["chal"],
        "code_challenge_method": ["S256"],
        "state": ["st"],
    }
    assert "v" * 43 not in url.query


def test_endpoints_default_to_claudes_hosts() -> None:
    """Production hosts by default; one host with the real paths for the fake."""
    assert OAuthEndpoints() == OAuthEndpoints(
        authorize_url="https://claude.ai/oauth/authorize",
        token_url="https://platform.claude.com/v1/oauth/token",
        api_base_url="https://api.anthropic.com",
    )
    assert OAuthEndpoints.single_host("http://127.0.0.1:8765/") == OAuthEndpoints(
        authorize_url="http://127.0.0.1:8765/oauth/authorize",
        token_url="http://127.0.0.1:8765/v1/oauth/token",
        api_base_url="http://127.0.0.1:8765",
    )


@pytest.mark.parametrize(
    "pasted",
    [
        "abc-DEF_123#st4te",
        "  abc-DEF_123#st4te \n",
        "https://platform.claude.com/oauth/code/callback?code=abc-DEF_123&state=st4te",
    ],
)
def test_parse_pasted_code_accepts_code_state_and_callback_url(pasted: str) -> None:
    """code#state, surrounded by whitespace, or the callback URL."""
    assert parse_pasted_code(pasted, expected_state="st4te") == ("abc-DEF_123", "st4te")


@pytest.mark.parametrize(
    ("pasted", "message"),
    [
        ("#st4te", "code#state"),
        ("https://platform.claude.com/oauth/code/callback?state=st4te", "code#state"),
        ("abc 123#st4te", "characters"),
        ("abc123#st4te#more", "characters"),
        ("https://[::1/?code=abc123&state=st4te", "not a valid URL"),
        ("http://[zz]/?code=abc123&state=st4te", "not a valid URL"),
    ],
)
def test_parse_pasted_code_rejects_other_text(pasted: str, message: str) -> None:
    """Anything else is refused before a request is sent."""
    with pytest.raises(InvalidAuthorizationCodeError, match=message) as err:
        parse_pasted_code(pasted, expected_state="st4te")
    assert not isinstance(err.value, StateMismatchError)


@pytest.mark.parametrize(
    ("pasted", "error"),
    [
        ("", EmptyCodeError),
        ("  \n", EmptyCodeError),
        ("abc123", CodeWithoutStateError),
        ("abc123#", CodeWithoutStateError),
        (
            "https://platform.claude.com/oauth/code/callback?code=abc123",
            CodeWithoutStateError,
        ),
    ],
)
def test_parse_pasted_code_tells_empty_from_incomplete(
    pasted: str, error: type[InvalidAuthorizationCodeError]
) -> None:
    """Nothing pasted, or a code without its #state part: each has its own error."""
    with pytest.raises(error):
        parse_pasted_code(pasted, expected_state="st4te")


def test_parse_pasted_code_rejects_another_attempts_state() -> None:
    """A code from an older link is refused with a clear error that does not echo it."""
    with pytest.raises(StateMismatchError, match="different sign-in attempt") as err:
        parse_pasted_code("s3cretcode#oldstate", expected_state="newstate")
    assert "s3cretcode" not in str(err.value)


# Sign-in ---------------------------------------------------------------------------


async def test_whole_sign_in(env: Env) -> None:
    """Authorize -> code#state -> exchange -> profile -> usage (the web fake's usage)."""
    tokens = await _sign_in(env)

    assert tokens.access_token.startswith("sk-ant-oat01-")
    assert tokens.refresh_token.startswith("sk-ant-ort01-")
    assert tokens.expires_at == START + timedelta(seconds=ACCESS_TOKEN_LIFETIME)
    assert tokens.scopes == ("user:profile", "user:inference")
    assert tokens.account_uuid == OAUTH_ACCOUNT_UUID
    assert tokens.organization_uuid == ORG_UUID
    assert tokens.organization_name == ORG_NAME
    assert env.fake.exchange_count == 1

    profile = await env.client.async_get_profile(tokens.access_token)
    assert profile == OAuthProfile(
        account_uuid=OAUTH_ACCOUNT_UUID,
        email=OAUTH_EMAIL,
        organization_uuid=ORG_UUID,
        organization_name=ORG_NAME,
        plan="Max 5x",
    )

    resets_at = START + timedelta(hours=3)
    env.server.set_usage(
        usage_json(
            session=(37.0, resets_at),
            weekly=(61.0, resets_at),
            scoped={"Opus": (12.0, resets_at)},
        )
    )
    usage = await env.client.async_get_usage(tokens.access_token)
    assert [(window.key, window.utilization) for window in usage.windows] == [
        ("five_hour", 37.0),
        ("seven_day", 61.0),
        ("seven_day_opus", 12.0),
    ]
    assert env.fake.usage_request_count == 1
    assert env.fake.refresh_count == 0


async def test_pkce_mismatch_is_refused(env: Env) -> None:
    """A verifier that does not hash to the challenge gets invalid_grant."""
    issued_for = generate_pkce()
    code, state = parse_pasted_code(
        env.fake.issue_code(issued_for.challenge, issued_for.state),
        expected_state=issued_for.state,
    )
    impostor = PkceChallenge(
        verifier=generate_pkce().verifier,
        challenge=issued_for.challenge,
        state=issued_for.state,
    )
    with pytest.raises(
        InvalidGrantError, match=r"Code exchange was refused \(invalid_grant\)"
    ):
        await env.client.async_exchange_code(code, state, impostor)
    assert env.fake.exchange_count == 0


async def test_authorization_code_is_single_use(env: Env) -> None:
    """The same code cannot be exchanged twice."""
    pkce = generate_pkce()
    code, state = parse_pasted_code(
        env.fake.issue_code(pkce.challenge, pkce.state), expected_state=pkce.state
    )
    await env.client.async_exchange_code(code, state, pkce)
    with pytest.raises(InvalidGrantError):
        await env.client.async_exchange_code(code, state, pkce)


async def test_wrong_client_id_is_an_oauth_error(env: Env) -> None:
    """Other token endpoint refusals name the OAuth error code."""
    client = _client_for(env.base_url, env.session, env.clock, client_id="someone-else")
    pkce = generate_pkce()
    code, state = parse_pasted_code(
        env.fake.issue_code(pkce.challenge, pkce.state), expected_state=pkce.state
    )
    with pytest.raises(OAuthError, match=r"HTTP 400 \(invalid_client\)") as err:
        await client.async_exchange_code(code, state, pkce)
    assert not isinstance(err.value, InvalidGrantError)


async def test_authorize_checks_the_clients_parameters(env: Env) -> None:
    """The fake authorize page refuses what claude.ai refuses."""
    base = f"{env.base_url}/oauth/authorize"
    pkce = generate_pkce()
    good = parse_qs(urlsplit(build_authorize_url(pkce)).query)
    params = {key: values[0] for key, values in good.items()}
    for key, value, reason in (
        ("client_id", "other", "client_id"),
        ("response_type", "token", "response_type"),
        ("code_challenge_method", "plain", "PKCE"),
        ("state", "", "state"),
    ):
        async with env.session.get(base, params={**params, key: value}) as response:
            assert response.status == 400
            assert reason in await response.text()
    assert env.fake.exchange_count == 0


# Refresh ---------------------------------------------------------------------------


async def test_refresh_rotates_and_the_old_refresh_token_dies(env: Env) -> None:
    """Each refresh returns a new refresh token; the previous one is refused afterwards."""
    first = await _sign_in(env)
    second = await env.client.async_refresh(first.refresh_token)
    assert second.refresh_token != first.refresh_token
    assert second.access_token != first.access_token

    with pytest.raises(InvalidGrantError, match=r"Token refresh was refused") as err:
        await env.client.async_refresh(first.refresh_token)
    assert isinstance(err.value, AuthenticationError)

    third = await env.client.async_refresh(second.refresh_token)
    assert third.refresh_token not in (first.refresh_token, second.refresh_token)
    assert env.fake.refresh_count == 2
    assert env.fake.refused_refresh_count == 1


async def test_refresh_shortly_before_expiry(env: Env) -> None:
    """No refresh while the token has more than the margin left; one when it has less."""
    tokens = await _sign_in(env)
    manager, saved = _manager(env.client, tokens, env.clock)

    env.clock.now = tokens.expires_at - timedelta(minutes=6)
    assert await manager.async_get_access_token() == tokens.access_token
    assert env.fake.refresh_count == 0

    env.clock.advance(timedelta(minutes=2))
    fresh = await manager.async_get_access_token()
    assert fresh != tokens.access_token
    assert env.fake.refresh_count == 1
    assert saved.tokens == [manager.tokens]
    assert manager.tokens.access_token == fresh
    assert manager.tokens.refresh_token != tokens.refresh_token
    assert manager.tokens.expires_at == env.clock.now + timedelta(
        seconds=ACCESS_TOKEN_LIFETIME
    )
    assert manager.tokens.organization_uuid == ORG_UUID

    assert await manager.async_get_access_token() == fresh
    assert env.fake.refresh_count == 1


async def test_refresh_once_on_401_and_retry(env: Env) -> None:
    """A 401 to a token that should still be valid triggers one refresh and one retry."""
    tokens = await _sign_in(env)
    manager, saved = _manager(env.client, tokens, env.clock)
    env.fake.expire_access_tokens()

    usage = await manager.async_request(env.client.async_get_usage)

    assert usage.window("seven_day") is not None
    assert env.fake.refresh_count == 1
    assert env.fake.usage_request_count == 2
    assert len(saved.tokens) == 1


async def test_a_second_401_is_not_refreshed_again(env: Env) -> None:
    """When the retry is refused too, the 401 surfaces after exactly one refresh."""
    tokens = await _sign_in(env)
    manager, _ = _manager(env.client, tokens, env.clock)
    env.fake.fail("auth")

    with pytest.raises(AccessTokenRejectedError, match="access token was refused"):
        await manager.async_request(env.client.async_get_usage)
    assert env.fake.refresh_count == 1
    assert env.fake.usage_request_count == 2


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [
        (120, 120.0),
        ("Sat, 28 Nov 2026 10:05:00 GMT", 300.0),
        ("soon", None),
        (None, None),
    ],
)
async def test_never_refresh_on_429(
    env: Env,
    retry_after: float | str | None,
    expected: float | None,
) -> None:
    """A 429 is a quota signal: it surfaces with Retry-After and burns no refresh token."""
    tokens = await _sign_in(env)
    manager, saved = _manager(env.client, tokens, env.clock)
    env.fake.fail("rate_limit", retry_after=retry_after)

    with pytest.raises(RateLimitedError) as err:
        await manager.async_request(env.client.async_get_usage)

    assert err.value.retry_after == expected
    assert env.fake.refresh_count == 0
    assert env.fake.usage_request_count == 1
    assert saved.tokens == []


async def test_concurrent_callers_share_one_refresh(env: Env) -> None:
    """Many callers that all see an expiring token cause exactly one refresh."""
    tokens = await _sign_in(env)
    manager, saved = _manager(env.client, tokens, env.clock)
    env.clock.now = tokens.expires_at
    env.fake.fail("slow", target="token", delay=0.05)

    results = await asyncio.gather(
        *(manager.async_get_access_token() for _ in range(5))
    )

    assert len(set(results)) == 1
    assert results[0] != tokens.access_token
    assert env.fake.refresh_count == 1
    assert len(saved.tokens) == 1


async def test_concurrent_401s_share_one_refresh(env: Env) -> None:
    """Several requests refused with the same token cause one refresh, then all retry."""
    tokens = await _sign_in(env)
    manager, saved = _manager(env.client, tokens, env.clock)
    env.fake.expire_access_tokens()

    results = await asyncio.gather(
        *(manager.async_request(env.client.async_get_usage) for _ in range(3))
    )

    assert len(results) == 3
    assert env.fake.refresh_count == 1
    assert env.fake.usage_request_count == 6
    assert len(saved.tokens) == 1


async def test_concurrent_callers_share_a_failed_refresh(env: Env) -> None:
    """Callers waiting on a refresh that fails get its error without sending their own."""
    tokens = await _sign_in(env)
    manager, saved = _manager(env.client, tokens, env.clock)
    env.clock.now = tokens.expires_at
    env.fake.fail("server_error", target="token", status=503)
    requests_before = env.fake.token_request_count

    results = await asyncio.gather(
        *(manager.async_get_access_token() for _ in range(3)), return_exceptions=True
    )

    assert all(isinstance(result, ServerError) for result in results)
    assert env.fake.token_request_count == requests_before + 1
    assert saved.tokens == []

    env.fake.clear_failure()
    assert await manager.async_get_access_token() != tokens.access_token
    assert env.fake.refresh_count == 1


async def test_handle_unauthorized_after_someone_else_refreshed(env: Env) -> None:
    """A 401 to a token already replaced returns the replacement without a new refresh."""
    tokens = await _sign_in(env)
    manager, _ = _manager(env.client, tokens, env.clock)
    env.clock.now = tokens.expires_at
    fresh = await manager.async_get_access_token()

    assert await manager.async_handle_unauthorized(tokens.access_token) == fresh
    assert env.fake.refresh_count == 1


async def test_revoked_refresh_token_needs_a_new_sign_in(env: Env) -> None:
    """invalid_grant is final: one refused refresh, then no more requests."""
    tokens = await _sign_in(env)
    manager, saved = _manager(env.client, tokens, env.clock)
    env.fake.revoke_refresh_tokens()
    env.clock.now = tokens.expires_at

    with pytest.raises(InvalidGrantError):
        await manager.async_get_access_token()
    with pytest.raises(InvalidGrantError, match="sign in again"):
        await manager.async_get_access_token()

    assert env.fake.refused_refresh_count == 1
    assert saved.tokens == []


async def test_refresh_keeps_the_owner_when_the_answer_omits_it(
    scripted: Scripted,
) -> None:
    """A refresh answer without account/organization keeps the known ones."""
    scripted.add(200, _token_body(account=None, organization=None, scope=None))
    tokens = OAuthTokens(
        access_token="old-access",
        refresh_token="old-refresh",
        expires_at=START,
        account_uuid="acc",
        organization_uuid="org",
        organization_name="Org",
    )
    manager, saved = _manager(scripted.client, tokens, Clock())
    assert await manager.async_get_access_token() == "new-access"
    assert saved.tokens[0].organization_uuid == "org"
    assert saved.tokens[0].organization_name == "Org"
    assert saved.tokens[0].account_uuid == "acc"
    assert saved.tokens[0].scopes == ()


# Failure modes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "status", "error", "message"),
    [
        ("forbidden", None, AuthenticationError, r"access denied \(permission_error\)"),
        ("cloudflare", None, CloudflareChallengeError, "Cloudflare challenge"),
        ("server_error", 502, ServerError, r"HTTP 502"),
        ("bad_json", None, UnexpectedResponseError, "not JSON"),
        ("bad_shape", None, UnexpectedResponseError, "not a JSON object"),
        ("disconnect", None, ClaudeConnectionError, "Profile request failed"),
    ],
)
async def test_api_failures(
    env: Env,
    mode: FailureMode,
    status: int | None,
    error: type[ClaudeUsageError],
    message: str,
) -> None:
    """The API endpoints' failures map to the client's errors."""
    tokens = await _sign_in(env)
    env.fake.fail(mode, status=status, times=1)
    with pytest.raises(error, match=message) as err:
        await env.client.async_get_profile(tokens.access_token)
    assert not isinstance(err.value, AccessTokenRejectedError)
    assert env.fake.profile_request_count == 1


@pytest.mark.parametrize(
    ("mode", "error", "message"),
    [
        ("rate_limit", RateLimitedError, r"Token refresh: rate limited"),
        ("cloudflare", CloudflareChallengeError, "Cloudflare"),
        ("server_error", ServerError, r"HTTP 500"),
        ("bad_json", UnexpectedResponseError, "not JSON"),
        ("bad_shape", UnexpectedResponseError, "not a JSON object"),
        ("auth", OAuthError, r"HTTP 401 \(authentication_error\)"),
    ],
)
async def test_token_endpoint_failures(
    env: Env,
    mode: FailureMode,
    error: type[ClaudeUsageError],
    message: str,
) -> None:
    """The token endpoint's failures map to the client's errors; the token stays valid."""
    tokens = await _sign_in(env)
    env.fake.fail(mode, target="token", times=1)
    with pytest.raises(error, match=message):
        await env.client.async_refresh(tokens.refresh_token)
    assert (await env.client.async_refresh(tokens.refresh_token)).access_token


async def test_timeout(env: Env) -> None:
    """A slow answer becomes ClaudeTimeoutError."""
    client = _client_for(env.base_url, env.session, env.clock, request_timeout=0.05)
    env.fake.fail("slow", delay=0.3, times=1)
    with pytest.raises(ClaudeTimeoutError, match="Usage request timed out"):
        await client.async_get_usage("any-token")


async def test_connection_refused(env: Env) -> None:
    """Nobody listening: the request was never sent (ClaudeUnreachableError)."""
    runner, base = await _serve(web.Application())
    await runner.cleanup()
    client = _client_for(base, env.session, env.clock)
    with pytest.raises(ClaudeUnreachableError, match="Token refresh was not sent"):
        await client.async_refresh("some-refresh-token")


async def test_missing_beta_header_is_not_an_auth_failure(env: Env) -> None:
    """The fake insists on the beta header, and the client always sends it."""
    tokens = await _sign_in(env)
    async with env.session.get(
        f"{env.base_url}/api/oauth/usage",
        headers={
            "Authorization": f"Bearer {tokens.access_token}",
            "User-Agent": CLAUDE_CODE_USER_AGENT,
        },
    ) as response:
        assert response.status == 400


@pytest.mark.parametrize(
    "user_agent",
    [
        None,
        "Python/3.14 aiohttp/3.14.5",
        "claude-hud/1.0",
        "claude-code",
        "Claude-Code/2",
    ],
)
async def test_fake_usage_endpoint_refuses_other_user_agents(
    env: Env, user_agent: str | None
) -> None:
    """As the real one: 429, retry-after 0, whatever the token, unless it is Claude Code."""
    tokens = await _sign_in(env)
    headers = {
        "Authorization": f"Bearer {tokens.access_token}",
        "anthropic-beta": "oauth-2025-04-20",
    }
    if user_agent is not None:
        headers["User-Agent"] = user_agent
    async with env.session.get(
        f"{env.base_url}/api/oauth/usage",
        headers=headers,
        skip_auto_headers=["User-Agent"],
    ) as response:
        assert response.status == 429
        assert response.headers["retry-after"] == "0"
        assert await response.json() == {
            "error": {
                "message": "Rate limited. Please try again later.",
                "type": "rate_limit_error",
            }
        }
    async with env.session.get(
        f"{env.base_url}/api/oauth/usage",
        headers={**headers, "User-Agent": "claude-code/2.1.74"},
    ) as response:
        assert response.status == 200


async def test_every_request_says_it_is_claude_code(env: Env) -> None:
    """Token, profile, usage and refresh requests all carry the Claude Code User-Agent."""
    tokens = await _sign_in(env)
    await env.client.async_get_profile(tokens.access_token)
    await env.client.async_get_usage(tokens.access_token)
    await env.client.async_refresh(tokens.refresh_token)

    assert env.fake.user_agents == [
        ("/v1/oauth/token", CLAUDE_CODE_USER_AGENT),
        ("/api/oauth/profile", CLAUDE_CODE_USER_AGENT),
        ("/api/oauth/usage", CLAUDE_CODE_USER_AGENT),
        ("/v1/oauth/token", CLAUDE_CODE_USER_AGENT),
    ]
    assert re.fullmatch(r"claude-code/\d+\.\d+\.\d+", CLAUDE_CODE_USER_AGENT)


async def test_retry_after_zero_is_no_hint(env: Env) -> None:
    """A 429 with ``retry-after: 0`` (the real endpoint's answer) has ``retry_after`` None."""
    tokens = await _sign_in(env)
    client = _client_for(env.base_url, env.session, env.clock)
    env.fake.fail("rate_limit", target="usage", retry_after="0")
    with pytest.raises(RateLimitedError) as err:
        await client.async_get_usage(tokens.access_token)
    assert err.value.retry_after is None


class Scripted:
    """A loopback server answering each request with the next queued response, and a client."""

    def __init__(
        self,
        base_url: str,
        client: ClaudeOAuthClient,
        responses: list[Callable[[], web.Response]],
    ) -> None:
        """Queue into ``responses``, which the server's handler pops."""
        self.base_url = base_url
        self.client = client
        self.responses = responses

    def add(
        self,
        status: int,
        body: object = None,
        *,
        text: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Queue one response (JSON body, or raw text)."""
        if text is not None:
            self.responses.append(
                lambda: web.Response(status=status, text=text, headers=headers)
            )
        else:
            self.responses.append(
                lambda: web.json_response(body, status=status, headers=headers)
            )


def _token_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "access_token": "new-access",
        "refresh_token": "new-refresh",
        "expires_in": 3600,
        "scope": "user:profile",
        "account": {"uuid": "acc"},
        "organization": {"uuid": "org", "name": "Org"},
    }
    body.update(overrides)
    return {key: value for key, value in body.items() if value is not None}


@pytest.fixture
async def scripted() -> AsyncIterator[Scripted]:
    """Serve a scripted server on loopback, with a client aimed at it."""
    responses: list[Callable[[], web.Response]] = []

    async def handle(request: web.Request) -> web.Response:
        return responses.pop(0)()

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    runner, base_url = await _serve(app)
    async with ClientSession() as session:
        yield Scripted(base_url, _client_for(base_url, session, Clock()), responses)
    await runner.cleanup()


@pytest.mark.parametrize(
    "body",
    [
        _token_body(access_token=None),
        _token_body(access_token=""),
        _token_body(access_token=7),
    ],
)
async def test_token_answer_without_access_token(
    scripted: Scripted, body: dict[str, Any]
) -> None:
    """A token answer without an access token is refused."""
    scripted.add(200, body)
    with pytest.raises(UnexpectedResponseError, match="no token pair"):
        await scripted.client.async_refresh("refresh")


async def test_code_exchange_without_refresh_token(scripted: Scripted) -> None:
    """A first sign-in must bring a refresh token: without one it is refused."""
    scripted.add(200, _token_body(refresh_token=None))
    with pytest.raises(UnexpectedResponseError, match="no token pair"):
        await scripted.client.async_exchange_code("code", "state", generate_pkce())


@pytest.mark.parametrize("refresh_token", [None, "", 42])
async def test_refresh_without_new_refresh_token_keeps_the_old_one(
    scripted: Scripted, refresh_token: object
) -> None:
    """RFC 6749 section 6: the server may keep the refresh token; the old one stays."""
    scripted.add(200, {**_token_body(), "refresh_token": refresh_token})
    tokens = await scripted.client.async_refresh("old-refresh")
    assert tokens.access_token == "new-access"
    assert tokens.refresh_token == "old-refresh"


@pytest.mark.parametrize(
    ("expires_in", "lifetime"),
    [
        (3600, timedelta(hours=1)),
        (28800.5, timedelta(seconds=28800.5)),
        # Not a finite positive number: an hour.
        (None, timedelta(hours=1)),
        (True, timedelta(hours=1)),
        (0, timedelta(hours=1)),
        (-60, timedelta(hours=1)),
        ("3600", timedelta(hours=1)),
        (float("nan"), timedelta(hours=1)),
        (float("inf"), timedelta(hours=1)),
        (10**400, timedelta(hours=1)),
        # Clamped to 10 minutes .. 30 days.
        (1, timedelta(minutes=10)),
        (1e300, timedelta(days=30)),
    ],
)
async def test_token_lifetime_never_fails(
    scripted: Scripted, expires_in: object, lifetime: timedelta
) -> None:
    """Any expires_in (NaN, Infinity, 1e300 in the JSON) still gives the rotated pair."""
    scripted.add(200, {**_token_body(), "expires_in": expires_in})
    tokens = await scripted.client.async_refresh("refresh")
    assert tokens.refresh_token == "new-refresh"
    assert tokens.expires_at == START + lifetime


@pytest.mark.parametrize(
    ("status", "kwargs", "error", "message"),
    [
        (
            302,
            {"text": "", "headers": {"Location": "/elsewhere"}},
            UnexpectedResponseError,
            "HTTP 302",
        ),
        (400, {"text": "<html>bad</html>"}, OAuthError, r"HTTP 400 \(no error code\)"),
        (400, {"body": ["invalid_grant"]}, OAuthError, r"no error code"),
        (400, {"body": {"error": "Invalid Grant!"}}, OAuthError, r"no error code"),
        (
            404,
            {"body": {"type": "error", "error": {"type": "not_found_error"}}},
            OAuthError,
            r"HTTP 404 \(not_found_error\)",
        ),
        (
            403,
            {"text": "<html>blocked</html>", "headers": {"Content-Type": "text/html"}},
            CloudflareChallengeError,
            "Cloudflare",
        ),
    ],
)
async def test_token_endpoint_odd_answers(
    scripted: Scripted,
    status: int,
    kwargs: dict[str, Any],
    error: type[ClaudeUsageError],
    message: str,
) -> None:
    """Redirects, HTML and odd error bodies give clear errors."""
    scripted.add(status, **kwargs)
    with pytest.raises(error, match=message) as err:
        await scripted.client.async_refresh("refresh")
    assert not isinstance(err.value, InvalidGrantError)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {
                "account": {
                    "uuid": "a",
                    "email_address": "x@example.com",
                    "has_claude_pro": True,
                },
                "organization": {
                    "uuid": "o",
                    "name": "Org",
                    "organization_type": "claude_free",
                },
            },
            OAuthProfile("a", "x@example.com", "o", "Org", "Pro"),
        ),
        (
            {
                "account": {"uuid": "a", "has_claude_max": True},
                "organization": {"uuid": "o", "name": "Org"},
            },
            OAuthProfile("a", None, "o", "Org", "Max"),
        ),
        (
            {
                "account": {"uuid": "a"},
                "organization": {
                    "uuid": "o",
                    "name": "Org",
                    "organization_type": "claude_team",
                },
            },
            OAuthProfile("a", None, "o", "Org", "Team"),
        ),
        (
            {
                "account": {"uuid": "a", "has_claude_pro": True},
                "organization": {
                    "uuid": "o",
                    "name": "Org",
                    "rate_limit_tier": "default_claude_max_20x",
                },
            },
            OAuthProfile("a", None, "o", "Org", "Max 20x"),
        ),
        (
            {"account": {"uuid": "a"}, "organization": {"uuid": "o", "name": "Org"}},
            OAuthProfile("a", None, "o", "Org", None),
        ),
    ],
)
async def test_profile_plan_and_email(
    scripted: Scripted,
    body: dict[str, Any],
    expected: OAuthProfile,
) -> None:
    """The plan is named as for cookie entries, else taken from the account flags."""
    scripted.add(200, body)
    assert await scripted.client.async_get_profile("token") == expected


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (200, {"account": {"uuid": "a"}}, "no account or organization"),
        (200, {"account": "a", "organization": {}}, "no account or organization"),
        (200, {"account": {}, "organization": {"uuid": "o", "name": "O"}}, "has no id"),
        (200, {"account": {"uuid": "a"}, "organization": {"uuid": "o"}}, "has no id"),
        (404, {"type": "error"}, "unexpected HTTP 404"),
    ],
)
async def test_profile_answer_shape(
    scripted: Scripted,
    status: int,
    body: object,
    message: str,
) -> None:
    """A profile without the ids we key the entry on is refused."""
    scripted.add(status, body)
    with pytest.raises(UnexpectedResponseError, match=message):
        await scripted.client.async_get_profile("token")


async def test_expiry_uses_the_real_clock_by_default(scripted: Scripted) -> None:
    """Without an injected clock, expires_at is counted from now, in UTC."""
    scripted.add(200, _token_body(expires_in=3600))
    async with ClientSession() as session:
        client = ClaudeOAuthClient(
            session, token_url=scripted.base_url, api_base_url=scripted.base_url
        )
        before = datetime.now(UTC)
        tokens = await client.async_refresh("refresh")
        after = datetime.now(UTC)
    assert (
        before + timedelta(hours=1) <= tokens.expires_at <= after + timedelta(hours=1)
    )


# Stored tokens ---------------------------------------------------------------------


def test_tokens_round_trip_through_storage_and_hide_secrets() -> None:
    """as_dict/from_dict round-trip; repr never shows a token."""
    tokens = OAuthTokens(
        access_token="sk-ant-oat01-secret-access",
        refresh_token="sk-ant-ort01-secret-refresh",
        expires_at=START,
        scopes=("user:profile",),
        account_uuid="acc",
        organization_uuid="org",
        organization_name="Org",
    )
    assert OAuthTokens.from_dict(tokens.as_dict()) == tokens
    assert "secret" not in repr(tokens)
    assert "secret" not in str(tokens)
    assert "org" in repr(tokens)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"access_token": None}, "incomplete"),
        ({"refresh_token": ""}, "incomplete"),
        ({"expires_at": 1234}, "incomplete"),
        ({"scopes": "user:profile"}, "incomplete"),
        ({"scopes": [1]}, "incomplete"),
        ({"expires_at": "tomorrow"}, "not a date"),
        ({"expires_at": "2026-11-28T10:00:00"}, "no time zone"),
    ],
)
def test_tokens_from_bad_storage(changes: dict[str, Any], message: str) -> None:
    """Damaged stored tokens raise OAuthError without echoing them."""
    stored = {
        "access_token": "sk-ant-oat01-secret-access",
        "refresh_token": "sk-ant-ort01-secret-refresh",
        "expires_at": START.isoformat(),
        "scopes": [],
    } | changes
    with pytest.raises(OAuthError, match=message) as err:
        OAuthTokens.from_dict(stored)
    assert "secret" not in str(err.value)


def test_tokens_from_minimal_storage() -> None:
    """Owner fields are optional in storage."""
    tokens = OAuthTokens.from_dict(
        {"access_token": "a", "refresh_token": "r", "expires_at": START.isoformat()}
    )
    assert tokens.scopes == ()
    assert tokens.organization_uuid is None


# Secrets ---------------------------------------------------------------------------


async def test_no_secret_in_logs_errors_or_reprs(
    env: Env,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Tokens, verifier and code stay out of log lines, error texts and reprs."""
    caplog.set_level(logging.DEBUG)
    pkce = generate_pkce()
    pasted = env.fake.issue_code(pkce.challenge, pkce.state)
    code, state = parse_pasted_code(pasted, expected_state=pkce.state)
    tokens = await env.client.async_exchange_code(code, state, pkce)
    manager, saved = _manager(env.client, tokens, env.clock)
    errors: list[BaseException] = []

    env.clock.now = tokens.expires_at
    await manager.async_get_access_token()
    env.fake.expire_access_tokens()
    await manager.async_request(env.client.async_get_usage)
    modes: tuple[FailureMode, ...] = ("auth", "rate_limit", "forbidden", "server_error")
    for mode in modes:
        env.fake.fail(mode, times=2)
        with pytest.raises(ClaudeUsageError) as err:
            await manager.async_request(env.client.async_get_profile)
        errors.append(err.value)
    with pytest.raises(InvalidGrantError) as grant_err:
        await env.client.async_refresh(tokens.refresh_token)
    errors.append(grant_err.value)
    with pytest.raises(InvalidGrantError) as code_err:
        await env.client.async_exchange_code(code, state, pkce)
    errors.append(code_err.value)
    env.fake.revoke_refresh_tokens()
    env.clock.now = manager.tokens.expires_at
    for _ in range(2):
        with pytest.raises(InvalidGrantError) as revoked:
            await manager.async_get_access_token()
        errors.append(revoked.value)

    secrets_used = {pkce.verifier, code}
    for pair in (tokens, *saved.tokens):
        secrets_used |= {pair.access_token, pair.refresh_token}
    texts = [caplog.text, repr(pkce), repr(manager.tokens), repr(tokens)]
    texts += [f"{error!s} {error!r}" for error in errors]
    assert "Refreshing the Claude OAuth access token" in caplog.text
    for text in texts:
        for secret in secrets_used:
            assert secret not in text


# HTTP control of the fake (for out-of-process runs) --------------------------------


async def test_fake_http_control(env: Env) -> None:
    """Failures, revocation, expiry and counters work over HTTP too."""
    base = env.base_url
    tokens = await _sign_in(env)

    async with env.session.post(
        f"{base}/_fake/oauth/fail", json={"mode": "meltdown"}
    ) as response:
        assert response.status == 400
    async with env.session.post(
        f"{base}/_fake/oauth/fail", json={"mode": "rate_limit", "retry_after": 30}
    ) as response:
        assert response.status == 200
    with pytest.raises(RateLimitedError):
        await env.client.async_get_usage(tokens.access_token)
    async with env.session.post(f"{base}/_fake/oauth/clear") as response:
        assert response.status == 200
    await env.client.async_get_usage(tokens.access_token)

    async with env.session.post(f"{base}/_fake/oauth/expire") as response:
        assert response.status == 200
    with pytest.raises(AccessTokenRejectedError):
        await env.client.async_get_usage(tokens.access_token)

    async with env.session.post(f"{base}/_fake/oauth/revoke") as response:
        assert response.status == 200
    with pytest.raises(InvalidGrantError):
        await env.client.async_refresh(tokens.refresh_token)

    async with env.session.get(f"{base}/_fake/oauth/counters") as response:
        assert await response.json() == {
            "token_requests": 2,
            "exchanges": 1,
            "refreshes": 0,
            "refused_refreshes": 1,
            "usage_requests": 3,
            "profile_requests": 0,
        }
