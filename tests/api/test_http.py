"""One rule for what every endpoint answers alike, seen through both clients over loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer
import pytest

from custom_components.claude_usage.api import (
    AuthenticationError,
    ClaudeOAuthClient,
    ClaudeUsageClient,
    ClaudeUsageError,
    CloudflareChallengeError,
    OAuthEndpoints,
    RateLimitedError,
    ServerError,
    parse_credentials,
)
from tests.fake_claude import ORG_UUID, VALID_SESSION_KEY

CHALLENGE = "<html><head><title>Just a moment...</title></head></html>"

type Call = Callable[[str, aiohttp.ClientSession], Awaitable[object]]


async def _cookie_usage(base_url: str, session: aiohttp.ClientSession) -> object:
    client = ClaudeUsageClient(
        session, parse_credentials(VALID_SESSION_KEY), base_url=base_url
    )
    return await client.async_get_usage(ORG_UUID)


async def _oauth_usage(base_url: str, session: aiohttp.ClientSession) -> object:
    endpoints = OAuthEndpoints.single_host(base_url)
    client = ClaudeOAuthClient(
        session, token_url=endpoints.token_url, api_base_url=endpoints.api_base_url
    )
    return await client.async_get_usage("access-token")


async def _oauth_refresh(base_url: str, session: aiohttp.ClientSession) -> object:
    endpoints = OAuthEndpoints.single_host(base_url)
    client = ClaudeOAuthClient(
        session, token_url=endpoints.token_url, api_base_url=endpoints.api_base_url
    )
    return await client.async_refresh("refresh-token")


@pytest.fixture
async def serve(
    socket_enabled: None,
) -> AsyncIterator[Callable[[web.Response], Awaitable[str]]]:
    """Serve one canned response on loopback for every request; return its base URL."""
    servers: list[TestServer] = []

    async def _serve(response: web.Response) -> str:
        async def handler(request: web.Request) -> web.Response:
            return response

        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", handler)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        servers.append(server)
        return str(server.make_url("")).rstrip("/")

    yield _serve
    for server in servers:
        await server.close()


@pytest.mark.parametrize("call", [_cookie_usage, _oauth_usage, _oauth_refresh])
@pytest.mark.parametrize(
    ("make", "error"),
    [
        (
            lambda: web.Response(status=403, text=CHALLENGE, content_type="text/html"),
            CloudflareChallengeError,
        ),
        (
            lambda: web.Response(status=503, text=CHALLENGE, content_type="text/html"),
            CloudflareChallengeError,
        ),
        (
            lambda: web.Response(status=200, text=CHALLENGE, content_type="text/html"),
            CloudflareChallengeError,
        ),
        (
            lambda: web.Response(status=403, text="denied", content_type="text/plain"),
            CloudflareChallengeError,
        ),
        (
            lambda: web.json_response(
                {}, status=429, headers={"cf-mitigated": "challenge"}
            ),
            CloudflareChallengeError,
        ),
        (lambda: web.json_response({}, status=429), RateLimitedError),
        (lambda: web.json_response({}, status=502), ServerError),
    ],
)
async def test_both_clients_classify_alike(
    serve: Callable[[web.Response], Awaitable[str]],
    call: Call,
    make: Callable[[], web.Response],
    error: type[ClaudeUsageError],
) -> None:
    """Cloudflare, 429 and 5xx mean the same for the cookie client and the OAuth client."""
    base_url = await serve(make())
    async with aiohttp.ClientSession() as session:
        with pytest.raises(error):
            await call(base_url, session)


@pytest.mark.parametrize("call", [_cookie_usage, _oauth_usage])
async def test_json_403_is_the_apis_refusal(
    serve: Callable[[web.Response], Awaitable[str]], call: Call
) -> None:
    """A 403 with a JSON body is the API refusing the credentials, not Cloudflare."""
    base_url = await serve(
        web.json_response(
            {"type": "error", "error": {"type": "permission_error"}}, status=403
        )
    )
    async with aiohttp.ClientSession() as session:
        with pytest.raises(AuthenticationError):
            await call(base_url, session)
