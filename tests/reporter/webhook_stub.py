"""A stand-in for Home Assistant's webhook of the integration, on 127.0.0.1.

It answers as the integration's webhook does (the contract the reporter relies on):
``POST /api/webhook/<id>`` with a JSON object of at most 64 KiB; a status-line report
(no ``hook_event_name``) gets 200 ``text/plain`` with a one-line status text, a hook
report 200 with an empty body, a bad body 400 with a short reason, and an unknown
webhook id 200 with an empty body, as Home Assistant answers one.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
import json
import time
from typing import Any

from aiohttp import web

WEBHOOK_ID = "0f8e1d2c3b4a59687766554433221100ffeeddccbbaa99887766554433221100"
STATUS_TEXT = "Session 42 % · resets in 2 h 13 min | Week 18 % · resets in 3 d 4 h"
MAX_BODY = 64 * 1024


@dataclass(frozen=True, slots=True)
class Post:
    """One request that reached the stub, as it arrived."""

    path: str
    content_type: str
    body: bytes

    @property
    def json(self) -> Any:
        """The body, decoded."""
        return json.loads(self.body)


class WebhookStub:
    """Records every request; ``hang`` holds requests open until the client leaves."""

    def __init__(self, webhook_id: str = WEBHOOK_ID) -> None:
        """Answer as the integration's webhook until told otherwise."""
        self.webhook_id = webhook_id
        self.status_text = STATUS_TEXT
        self.hang = False
        # Stream the status text without a length (as some proxies do); with hang, the
        # answer stalls after the text, before its end.
        self.chunked = False
        self.posts: list[Post] = []
        # How long each held request stayed open before its client gave up (seconds).
        self.abandoned_after: list[float] = []
        self._runner: web.AppRunner | None = None
        self._base_url = ""

    @property
    def url(self) -> str:
        """The webhook URL the user pastes into the installer."""
        return f"{self._base_url}/api/webhook/{self.webhook_id}"

    def url_of(self, webhook_id: str) -> str:
        """Return the URL of another webhook id on the same server."""
        return f"{self._base_url}/api/webhook/{webhook_id}"

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post("/api/webhook/{webhook_id}", self._webhook)
        # Cancelled handlers tell when a client gave up on a held request.
        self._runner = web.AppRunner(
            app,
            access_log=None,
            handle_signals=False,
            handler_cancellation=True,
            shutdown_timeout=0.5,
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self._base_url = f"http://{host}:{port}"

    async def stop(self) -> None:
        """Close the server and its connections."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def reports(self) -> list[Any]:
        """Return the JSON bodies that reached the configured webhook id, in order."""
        return [
            post.json
            for post in self.posts
            if post.path == f"/api/webhook/{self.webhook_id}"
        ]

    async def _webhook(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.posts.append(Post(request.path, request.content_type, body))
        if request.match_info["webhook_id"] != self.webhook_id:
            return web.Response(status=200)
        try:
            data = json.loads(body)
        except ValueError:
            return web.Response(status=400, text="The body is not JSON.")
        if not isinstance(data, dict):
            return web.Response(status=400, text="The body is not a JSON object.")
        if self.hang and not self.chunked:
            await self._hold()
        if "hook_event_name" in data:
            return web.Response(status=200)
        if not self.chunked:
            return web.Response(text=self.status_text, content_type="text/plain")
        response = web.StreamResponse(
            headers={"Content-Type": "text/plain; charset=utf-8"}
        )
        response.enable_chunked_encoding()
        await response.prepare(request)
        text = self.status_text.encode()
        for start in range(0, len(text), 1024):
            await response.write(text[start : start + 1024])
        if self.hang:  # The answer stalls before its end.
            await self._hold()
        await response.write_eof()
        return response

    async def _hold(self) -> None:
        """Wait until the client gives up."""
        started = time.monotonic()
        try:
            await asyncio.Event().wait()
        finally:
            self.abandoned_after.append(time.monotonic() - started)
