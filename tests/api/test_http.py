"""How the client reads what claude.ai (and Cloudflare before it) answers, over loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer
import pytest

from custom_components.claude_usage.api import (
    AuthenticationError,
    ClaudeUsageClient,
    ClaudeUsageError,
    CloudflareChallengeError,
    OrganizationAccessDeniedError,
    RateLimitedError,
    ServerError,
    parse_credentials,
)
from tests.fake_claude import ORG_UUID, VALID_SESSION_KEY

CHALLENGE = "<html><head><title>Just a moment...</title></head></html>"


async def _cookie_usage(base_url: str, session: aiohttp.ClientSession) -> object:
    client = ClaudeUsageClient(
        session, parse_credentials(VALID_SESSION_KEY), base_url=base_url
    )
    return await client.async_get_usage(ORG_UUID)


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
async def test_cloudflare_429_and_5xx(
    serve: Callable[[web.Response], Awaitable[str]],
    make: Callable[[], web.Response],
    error: type[ClaudeUsageError],
) -> None:
    """Cloudflare's pages (any status), a 429 and a 5xx each have their typed error."""
    base_url = await serve(make())
    async with aiohttp.ClientSession() as session:
        with pytest.raises(error):
            await _cookie_usage(base_url, session)


def _error(message: object) -> dict[str, object]:
    return {"type": "error", "error": {"type": "permission_error", "message": message}}


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        # Expired or signed-out sessions.
        (401, _error("Invalid authorization"), AuthenticationError),
        (403, _error("Invalid authorization"), AuthenticationError),
        (
            403,
            {"type": "error", "error": {"type": "permission_error"}},
            AuthenticationError,
        ),
        (403, ["not", "an", "object"], AuthenticationError),
        (403, {"error": "permission_error"}, AuthenticationError),
        (403, _error(None), AuthenticationError),
        # The organization refused from this network (VPN, data centre, region):
        # KoushikNavuluri/Claude-API #105, st1vms/unofficial-claude-api #7.
        (
            403,
            _error("Invalid authorization for organization"),
            OrganizationAccessDeniedError,
        ),
        (
            403,
            _error("We are unable to serve your request"),
            OrganizationAccessDeniedError,
        ),
        (401, _error("Invalid authorization for organization"), AuthenticationError),
        (
            403,
            {
                "type": "error",
                "error": {"type": "not_found_error", "message": "for organization"},
            },
            AuthenticationError,
        ),
    ],
)
async def test_json_refusals(
    serve: Callable[[web.Response], Awaitable[str]],
    status: int,
    body: object,
    error: type[ClaudeUsageError],
) -> None:
    """A JSON 401/403 is claude.ai's own refusal: of the session, or of the network."""
    base_url = await serve(web.json_response(body, status=status))
    async with aiohttp.ClientSession() as session:
        with pytest.raises(error) as caught:
            await _cookie_usage(base_url, session)
    assert type(caught.value) is error


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000,
        b'{"error": {"type": "permission_error", "message": 1e999}}',
        b"{",
    ],
)
async def test_odd_403_json_is_a_refused_session(
    serve: Callable[[web.Response], Awaitable[str]], body: bytes
) -> None:
    """A 403 JSON body nobody can read (too deep, odd, cut off) is a refused session."""
    base_url = await serve(
        web.Response(body=body, status=403, content_type="application/json")
    )
    async with aiohttp.ClientSession() as session:
        with pytest.raises(AuthenticationError):
            await _cookie_usage(base_url, session)
