"""The fake claude.ai: an aiohttp server on loopback with switchable failures."""

from __future__ import annotations

from collections.abc import Mapping
import copy
from dataclasses import dataclass
import time
from typing import Any, Literal

from aiohttp import web
from multidict import CIMultiDict

from .failures import REFUSED_SESSION, FailureMode, FailureSwitch, failure_response
from .payloads import (
    ORG_UUID,
    VALID_SESSION_KEY,
    DemoScenario,
    default_usage_json,
    error_json,
    organization_json,
)

# How long a session claude.ai renews lasts (28 days, as a pasted one from its issue).
RENEWED_LIFETIME = 28 * 24 * 3600


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


def _session_key(request: web.Request) -> str | None:
    for part in request.headers.get("Cookie", "").split(";"):
        name, _, value = part.partition("=")
        if name.strip() == "sessionKey":
            return value.strip()
    return None


class FakeClaude:
    """Serves ``/api/organizations`` and ``/api/organizations/{uuid}/usage`` like claude.ai."""

    def __init__(self, *, scenario: DemoScenario | None = None) -> None:
        """Start with one organization, one valid session key and default usage."""
        self.valid_session_keys: set[str] = {VALID_SESSION_KEY}
        self.organizations: list[dict[str, Any]] = [organization_json()]
        self.requests: list[RecordedRequest] = []
        self.scenario = scenario
        self._usage: dict[str, Any] = {}
        self._usage_bodies: dict[str, tuple[bytes, str]] = {}
        self._default_usage = default_usage_json()
        self.failures = FailureSwitch()
        # A session renewal to hand out with the next answer to a valid key, and
        # the renewed keys still accepted for a number of requests.
        self._renewal: tuple[str, int, str | None] | None = None
        self._retiring: dict[str, int] = {}
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
        app.router.add_post("/_fake/renew", self._control_renew)
        app.on_response_prepare.append(self._hand_out_renewal)
        app.router.add_get("/_fake/requests", self._control_requests)
        app.router.add_get("/_fake/health", self._control_health)
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
        self._usage_bodies.pop(org_uuid.lower(), None)
        self._usage[org_uuid.lower()] = copy.deepcopy(payload)

    def set_usage_body(
        self,
        body: bytes,
        org_uuid: str = ORG_UUID,
        content_type: str = "application/json",
    ) -> None:
        """Serve ``body`` verbatim as this organization's usage (odd answers JSON cannot hold)."""
        self._usage_bodies[org_uuid.lower()] = (body, content_type)

    def usage_response(self, org_uuid: str = ORG_UUID) -> web.Response:
        """Return the usage answer this organization gets now."""
        if (raw := self._usage_bodies.get(org_uuid.lower())) is not None:
            body, content_type = raw
            return web.Response(body=body, content_type=content_type)
        return web.json_response(self.usage_payload(org_uuid))

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
        self.failures.set(
            mode, times=times, status=status, retry_after=retry_after, delay=delay
        )

    def clear_failure(self) -> None:
        """Answer normally again."""
        self.failures.clear()

    def renew_session(
        self, new_key: str, *, grace: int = 1, cf_bm: str | None = None
    ) -> None:
        """Renew the session as claude.ai does: ``Set-Cookie: sessionKey=<new_key>``.

        The next answer (any status) to a request with a valid key carries the
        new key (and ``__cf_bm`` when given, as Cloudflare sets it); the old key
        is accepted for ``grace`` more requests, then refused with 401.
        """
        self._renewal = (new_key, grace, cf_bm)

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
        if org_uuid not in known | self._usage.keys() | self._usage_bodies.keys():
            return web.json_response(
                error_json("not_found_error", "Organization not found"), status=404
            )
        return self.usage_response(org_uuid)

    async def _hand_out_renewal(
        self, request: web.Request, response: web.StreamResponse
    ) -> None:
        """Put a pending renewal into the answer to a request with a valid key."""
        key = _session_key(request)
        if (
            self._renewal is None
            or not request.path.startswith("/api/")
            or key not in self.valid_session_keys
        ):
            return
        new_key, grace, cf_bm = self._renewal
        self._renewal = None
        expires = time.strftime(
            "%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + RENEWED_LIFETIME)
        )
        response.headers.add(
            "Set-Cookie",
            f"sessionKey={new_key}; Path=/; Expires={expires}; "
            f"Max-Age={RENEWED_LIFETIME}; Domain=.claude.ai; Secure; HttpOnly; "
            "SameSite=Lax",
        )
        if cf_bm is not None:
            response.headers.add(
                "Set-Cookie",
                f"__cf_bm={cf_bm}; path=/; expires={expires}; domain=.claude.ai; "
                "HttpOnly; Secure; SameSite=None",
            )
        self.valid_session_keys.add(new_key)
        self._retiring[key] = grace

    def _retire(self, key: str | None) -> None:
        """Count a request with a renewed key; refuse the key once its grace is used."""
        if key not in self._retiring:
            return
        if self._retiring[key] == 0:
            del self._retiring[key]
            self.valid_session_keys.discard(key)
        else:
            self._retiring[key] -= 1

    async def _before(
        self, request: web.Request, endpoint: Literal["organizations", "usage"]
    ) -> web.StreamResponse | None:
        """Record the request, then answer with a failure or a 401 when due."""
        self.requests.append(
            RecordedRequest(
                request.method, request.path, CIMultiDict(request.headers), time.time()
            )
        )
        self._retire(_session_key(request))
        if (failure := self.failures.take()) is not None:
            bad_shape = (
                {"unexpected": True} if endpoint == "organizations" else ["unexpected"]
            )
            response = await failure_response(failure, request, bad_shape)
            if response is not None:
                return response
        if _session_key(request) not in self.valid_session_keys:
            return web.json_response(error_json(*REFUSED_SESSION), status=401)
        return None

    # Control ------------------------------------------------------------------

    async def _control_fail(self, request: web.Request) -> web.Response:
        return self.failures.set_from_json(await request.json())

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

    async def _control_renew(self, request: web.Request) -> web.Response:
        body = await request.json()
        if not isinstance(body, dict) or not isinstance(body.get("key"), str):
            return web.json_response({"error": "key must be a string"}, status=400)
        self.renew_session(
            body["key"], grace=int(body.get("grace", 1)), cf_bm=body.get("cf_bm")
        )
        return web.json_response({"ok": True})

    async def _control_requests(self, request: web.Request) -> web.Response:
        return web.json_response([recorded.as_json() for recorded in self.requests])

    async def _control_health(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})
