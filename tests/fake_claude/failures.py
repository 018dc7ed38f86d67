"""Switchable failures of the fake claude.ai.

Modes: ``auth`` (401), ``forbidden`` (403 JSON, the session refused),
``access_denied`` (403 JSON "Invalid authorization for organization", as claude.ai
answers a valid cookie from a VPN or region exit), ``cloudflare`` (HTML challenge,
403 unless ``status`` says otherwise), ``rate_limit`` (429, ``Retry-After`` sent
verbatim when given), ``server_error`` (5xx, 500 unless ``status`` says otherwise),
``bad_json``, ``bad_shape``, ``slow`` (waits ``delay`` seconds, then answers
normally, unless the client gave up) and ``disconnect`` (the connection drops
halfway through the body).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Literal, get_args

from aiohttp import web

from .payloads import error_json

FailureMode = Literal[
    "auth",
    "forbidden",
    "access_denied",
    "cloudflare",
    "rate_limit",
    "server_error",
    "bad_json",
    "bad_shape",
    "slow",
    "disconnect",
]
FAILURE_MODES: tuple[str, ...] = get_args(FailureMode)

CHALLENGE_PAGE = (
    '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>'
    "</head><body><noscript>Enable JavaScript and cookies to continue</noscript>"
    '<script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1">'
    "</script></body></html>"
)


# How claude.ai words its refusals, and the Retry-After of its 429s unless set.
REFUSED_SESSION = ("permission_error", "Invalid authorization")
REFUSED_ORGANIZATION = ("permission_error", "Invalid authorization for organization")
DEFAULT_RETRY_AFTER = 60


@dataclass(slots=True)
class Failure:
    """One switched-on failure; ``times`` None means every request until cleared."""

    mode: FailureMode
    times: int | None
    status: int | None
    retry_after: float | str | None
    delay: float


class FailureSwitch:
    """Holds the failure in force and hands it out request by request."""

    def __init__(self) -> None:
        """Start with no failure."""
        self._failure: Failure | None = None

    def set(
        self,
        mode: FailureMode,
        *,
        times: int | None = None,
        status: int | None = None,
        retry_after: float | str | None = None,
        delay: float | None = None,
    ) -> None:
        """Fail the next ``times`` requests (all of them when None).

        Raises ``ValueError`` for an unknown mode, or ``times`` below 1.
        """
        if mode not in FAILURE_MODES:
            raise ValueError(f"Unknown failure mode {mode!r}")
        if times is not None and times < 1:
            raise ValueError("times must be at least 1")
        self._failure = Failure(
            mode,
            times,
            status,
            retry_after,
            5.0 if delay is None else delay,
        )

    def set_from_json(self, body: Any) -> web.Response:
        """Apply a ``/_fake/.../fail`` request body; 400 with the reason if it is bad."""
        if not isinstance(body, dict):
            return web.json_response(
                {"error": "the body must be a JSON object"}, status=400
            )
        try:
            self.set(
                body["mode"],
                times=body.get("times"),
                status=body.get("status"),
                retry_after=body.get("retry_after"),
                delay=body.get("delay"),
            )
        except (KeyError, ValueError) as err:
            return web.json_response({"error": str(err)}, status=400)
        return web.json_response({"ok": True})

    def clear(self) -> None:
        """Answer normally again."""
        self._failure = None

    def take(self) -> Failure | None:
        """Return the failure for this request, counting it down."""
        failure = self._failure
        if failure is None:
            return None
        if failure.times is not None:
            failure.times -= 1
            if failure.times == 0:
                self._failure = None
        return failure


async def failure_response(
    failure: Failure, request: web.Request, bad_shape: Any
) -> web.StreamResponse | None:
    """Answer ``request`` as ``failure`` says; None when it should be served normally.

    ``bad_shape`` is valid JSON the endpoint never returns.
    """
    match failure.mode:
        case "auth":
            return web.json_response(error_json(*REFUSED_SESSION), status=401)
        case "forbidden":
            return web.json_response(error_json(*REFUSED_SESSION), status=403)
        case "access_denied":
            return web.json_response(error_json(*REFUSED_ORGANIZATION), status=403)
        case "cloudflare":
            return web.Response(
                status=failure.status or 403,
                text=CHALLENGE_PAGE,
                content_type="text/html",
                headers={"cf-mitigated": "challenge", "Server": "cloudflare"},
            )
        case "rate_limit":
            retry_after = (
                DEFAULT_RETRY_AFTER
                if failure.retry_after is None
                else failure.retry_after
            )
            return web.json_response(
                error_json("rate_limit_error", "Rate limited"),
                status=429,
                headers={"Retry-After": str(retry_after)},
            )
        case "server_error":
            return web.json_response(
                error_json("api_error", "Internal server error"),
                status=failure.status or 500,
            )
        case "bad_json":
            return web.Response(text="{not json", content_type="application/json")
        case "bad_shape":
            return web.json_response(bad_shape)
        case "slow":
            await asyncio.sleep(failure.delay)
            return None
        case "disconnect":
            # Drop the connection halfway through the body. (Dropping it before the
            # status line would make aiohttp clients resend the request once by
            # themselves, so one failure would not be seen.)
            response = web.StreamResponse(
                headers={"Content-Type": "application/json", "Content-Length": "64"}
            )
            await response.prepare(request)
            await response.write(b'{"five_hour": ')
            assert request.transport is not None
            request.transport.close()
            return response
