"""The fake claude.ai: an aiohttp server on loopback with switchable failures."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
import copy
from dataclasses import dataclass
import time
from typing import Any, Literal, get_args

from aiohttp import web
from multidict import CIMultiDict

from .oauth import FakeClaudeOAuth
from .payloads import (
    ORG_UUID,
    VALID_SESSION_KEY,
    DemoScenario,
    default_usage_json,
    error_json,
    organization_json,
)

FailureMode = Literal[
    "auth",
    "forbidden",
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


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request the fake answered (control requests under ``/_fake/`` excluded)."""

    method: str
    path: str
    headers: Mapping[str, str]
    time: float

    def as_json(self) -> dict[str, Any]:
        """Return a JSON-serialisable form for ``GET /_fake/requests``."""
        return {
            "method": self.method,
            "path": self.path,
            "headers": dict(self.headers),
            "time": self.time,
        }


@dataclass(slots=True)
class _Failure:
    mode: FailureMode
    times: int | None
    status: int | None
    retry_after: float | str | None
    delay: float


def _session_key(request: web.Request) -> str | None:
    for part in request.headers.get("Cookie", "").split(";"):
        name, _, value = part.partition("=")
        if name.strip() == "sessionKey":
            return value.strip()
    return None


class FakeClaude:
    """Serves ``/api/organizations`` and ``/api/organizations/{uuid}/usage`` like claude.ai.

    Also mounts the fake OAuth endpoints (:attr:`oauth`).
    """

    def __init__(self, *, scenario: DemoScenario | None = None) -> None:
        """Start with one organization, one valid session key and default usage."""
        self.valid_session_keys: set[str] = {VALID_SESSION_KEY}
        self.organizations: list[dict[str, Any]] = [organization_json()]
        self.requests: list[RecordedRequest] = []
        self.scenario = scenario
        self.oauth = FakeClaudeOAuth(usage=self.usage_payload)
        self._usage: dict[str, dict[str, Any]] = {}
        self._default_usage = default_usage_json()
        self._failure: _Failure | None = None
        self._runner: web.AppRunner | None = None
        self._base_url: str | None = None

    @property
    def base_url(self) -> str:
        """``http://<host>:<port>`` of the running server."""
        if self._base_url is None:
            raise RuntimeError("The fake claude.ai is not running")
        return self._base_url

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Listen on ``host`` only; port 0 picks a free one."""
        app = web.Application()
        app.router.add_get("/api/organizations", self._organizations)
        app.router.add_get("/api/organizations/{org_uuid}/usage", self._usage_handler)
        app.router.add_post("/_fake/fail", self._control_fail)
        app.router.add_post("/_fake/clear", self._control_clear)
        app.router.add_post("/_fake/usage", self._control_usage)
        app.router.add_post("/_fake/session_keys", self._control_session_keys)
        app.router.add_get("/_fake/requests", self._control_requests)
        app.router.add_get("/_fake/health", self._control_health)
        self.oauth.add_routes(app)
        # Cancel handlers whose client went away (a "slow" answer), and do not
        # wait long for open connections on stop.
        self._runner = web.AppRunner(
            app,
            access_log=None,
            handle_signals=False,
            handler_cancellation=True,
            shutdown_timeout=1.0,
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound_host, bound_port = self._runner.addresses[0][:2]
        self._base_url = f"http://{bound_host}:{bound_port}"

    async def stop(self) -> None:
        """Close the listening socket and open connections."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
            self._base_url = None

    def set_usage(self, payload: Any, org_uuid: str = ORG_UUID) -> None:
        """Serve ``payload`` (any JSON value) as this organization's usage from now on."""
        self._usage[org_uuid.lower()] = copy.deepcopy(payload)

    def usage_payload(self, org_uuid: str = ORG_UUID) -> Any:
        """Return the usage body this organization gets now."""
        if (payload := self._usage.get(org_uuid.lower())) is not None:
            return copy.deepcopy(payload)
        if self.scenario is not None:
            return self.scenario.usage_json()
        return copy.deepcopy(self._default_usage)

    def fail(
        self,
        mode: FailureMode,
        *,
        times: int | None = None,
        status: int | None = None,
        retry_after: float | str | None = None,
        delay: float | None = None,
    ) -> None:
        """Answer the next ``times`` API requests (all when None) with a failure.

        ``status`` overrides the HTTP status of ``server_error`` (default 500) and
        ``cloudflare`` (default 403); ``retry_after`` is sent verbatim as
        ``Retry-After`` on ``rate_limit`` (seconds or an HTTP date; default 60);
        ``delay`` is how long ``slow`` waits before answering (default 5 s).
        """
        if mode not in FAILURE_MODES:
            raise ValueError(f"Unknown failure mode {mode!r}")
        if times is not None and times < 1:
            raise ValueError("times must be at least 1")
        self._failure = _Failure(
            mode,
            times,
            status,
            retry_after,
            5.0 if delay is None else delay,
        )

    def clear_failure(self) -> None:
        """Answer normally again."""
        self._failure = None

    def usage_request_count(self, org_uuid: str = ORG_UUID) -> int:
        """Return how many usage requests for this organization arrived."""
        path = f"/api/organizations/{org_uuid.lower()}/usage"
        return sum(1 for request in self.requests if request.path.lower() == path)

    # API ----------------------------------------------------------------------

    async def _organizations(self, request: web.Request) -> web.StreamResponse:
        if (early := await self._before(request, "organizations")) is not None:
            return early
        return web.json_response(copy.deepcopy(self.organizations))

    async def _usage_handler(self, request: web.Request) -> web.StreamResponse:
        if (early := await self._before(request, "usage")) is not None:
            return early
        org_uuid = request.match_info["org_uuid"].lower()
        known = {str(org.get("uuid", "")).lower() for org in self.organizations}
        if org_uuid not in known and org_uuid not in self._usage:
            return web.json_response(
                error_json("not_found_error", "Organization not found"), status=404
            )
        return web.json_response(self.usage_payload(org_uuid))

    async def _before(
        self, request: web.Request, endpoint: Literal["organizations", "usage"]
    ) -> web.StreamResponse | None:
        """Record the request, then answer with a failure or a 401 when due."""
        self.requests.append(
            RecordedRequest(
                request.method, request.path, CIMultiDict(request.headers), time.time()
            )
        )
        if (failure := self._take_failure()) is not None:
            response = await self._failure_response(failure, request, endpoint)
            if response is not None:
                return response
        if _session_key(request) not in self.valid_session_keys:
            return web.json_response(
                error_json("permission_error", "Invalid authorization"), status=401
            )
        return None

    def _take_failure(self) -> _Failure | None:
        failure = self._failure
        if failure is not None and failure.times is not None:
            failure.times -= 1
            if failure.times == 0:
                self._failure = None
        return failure

    async def _failure_response(
        self,
        failure: _Failure,
        request: web.Request,
        endpoint: Literal["organizations", "usage"],
    ) -> web.StreamResponse | None:
        match failure.mode:
            case "auth":
                return web.json_response(
                    error_json("permission_error", "Invalid authorization"), status=401
                )
            case "forbidden":
                return web.json_response(
                    error_json("permission_error", "Invalid authorization"), status=403
                )
            case "cloudflare":
                return web.Response(
                    status=failure.status or 403,
                    text=CHALLENGE_PAGE,
                    content_type="text/html",
                    headers={"cf-mitigated": "challenge", "Server": "cloudflare"},
                )
            case "rate_limit":
                retry_after = 60 if failure.retry_after is None else failure.retry_after
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
                return web.json_response(
                    {"unexpected": True}
                    if endpoint == "organizations"
                    else ["unexpected"]
                )
            case "slow":
                await asyncio.sleep(failure.delay)
                return None
            case "disconnect":
                # Drop the connection halfway through the body. (Dropping it before
                # the status line would make aiohttp clients resend the request
                # once by themselves, so one failure would not be seen.)
                response = web.StreamResponse(
                    headers={"Content-Type": "application/json", "Content-Length": "64"}
                )
                await response.prepare(request)
                await response.write(b'{"five_hour": ')
                assert request.transport is not None
                request.transport.close()
                return response

    # Control ------------------------------------------------------------------

    async def _control_fail(self, request: web.Request) -> web.Response:
        body = await request.json()
        try:
            self.fail(
                body["mode"],
                times=body.get("times"),
                status=body.get("status"),
                retry_after=body.get("retry_after"),
                delay=body.get("delay"),
            )
        except (KeyError, ValueError) as err:
            return web.json_response({"error": str(err)}, status=400)
        return web.json_response({"ok": True})

    async def _control_clear(self, request: web.Request) -> web.Response:
        self.clear_failure()
        return web.json_response({"ok": True})

    async def _control_usage(self, request: web.Request) -> web.Response:
        body = await request.json()
        if not isinstance(body, dict) or "payload" not in body:
            return web.json_response({"error": "payload is required"}, status=400)
        self.set_usage(body["payload"], body.get("org_uuid") or ORG_UUID)
        return web.json_response({"ok": True})

    async def _control_session_keys(self, request: web.Request) -> web.Response:
        body = await request.json()
        keys = body.get("keys") if isinstance(body, dict) else None
        if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
            return web.json_response(
                {"error": "keys must be a list of strings"}, status=400
            )
        self.valid_session_keys = set(keys)
        return web.json_response({"ok": True})

    async def _control_requests(self, request: web.Request) -> web.Response:
        return web.json_response([recorded.as_json() for recorded in self.requests])

    async def _control_health(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})
