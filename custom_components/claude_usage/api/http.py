"""The one way the clients send a request: a timeout, no redirects, typed errors."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
import math
from typing import NamedTuple

import aiohttp
from multidict import CIMultiDictProxy

from .errors import ClaudeConnectionError, ClaudeTimeoutError, RateLimitedError


class Response(NamedTuple):
    """A whole answer, read before the connection is released."""

    status: int
    headers: CIMultiDictProxy[str]
    body: bytes


async def async_fetch(
    session: aiohttp.ClientSession,
    method: str,
    url: str,
    *,
    headers: Mapping[str, str],
    timeout: float,
    what: str,
    json_body: Mapping[str, str] | None = None,
) -> Response:
    """Send one request; ``what`` names it in error messages (never a secret)."""
    try:
        async with (
            asyncio.timeout(timeout),
            session.request(
                method, url, headers=headers, json=json_body, allow_redirects=False
            ) as response,
        ):
            return Response(response.status, response.headers, await response.read())
    except TimeoutError as err:
        raise ClaudeTimeoutError(f"{what} timed out") from err
    except aiohttp.ClientError as err:
        raise ClaudeConnectionError(f"{what} failed: {type(err).__name__}") from err


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Read a ``Retry-After`` header: delta seconds or an HTTP date; ``None`` if neither."""
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(value)
    except TypeError, ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def raise_if_rate_limited(response: Response, what: str, now: datetime) -> None:
    """Raise :class:`RateLimitedError` for a 429, with its Retry-After in seconds."""
    if response.status == 429:
        raise RateLimitedError(
            f"{what}: rate limited (HTTP 429)",
            retry_after=retry_after_seconds(response.headers.get("Retry-After"), now),
        )
