"""The one way the clients send a request and read its answer.

A timeout, no redirects, at most MAX_BODY_BYTES of body, typed errors for every
failure, and one JSON reader whose every failure is an UnexpectedResponseError.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
import ipaddress
import json
import math
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import aiohttp
from multidict import CIMultiDictProxy

from .errors import (
    ClaudeConnectionError,
    ClaudeTimeoutError,
    ClaudeUnreachableError,
    CloudflareChallengeError,
    RateLimitedError,
    ServerError,
    UnexpectedResponseError,
)

# No answer of these APIs comes near this; a larger one is not theirs (and is not buffered).
MAX_BODY_BYTES = 1024 * 1024
# What Cloudflare's challenge pages carry, and how much of an HTML page to look through.
_CHALLENGE_MARKERS = ("Just a moment...", "challenge-platform", "cf-chl")
_SNIFF_BYTES = 65536


def utcnow() -> datetime:
    """Return the current time in UTC: the clients' default clock."""
    return datetime.now(UTC)


class Response(NamedTuple):
    """A whole answer, read before the connection is released."""

    status: int
    headers: CIMultiDictProxy[str]
    body: bytes


async def _read_body(response: aiohttp.ClientResponse, what: str) -> bytes:
    """Read the body, refusing one larger than MAX_BODY_BYTES before buffering it."""
    too_large = UnexpectedResponseError(
        f"{what}: the answer is larger than {MAX_BODY_BYTES} bytes"
    )
    if (response.content_length or 0) > MAX_BODY_BYTES:
        raise too_large
    body = bytearray()
    async for chunk in response.content.iter_any():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise too_large
    return bytes(body)


async def async_fetch(
    session: aiohttp.ClientSession,
    method: str,
    url: str,
    *,
    headers: Mapping[str, str],
    timeout: float,
    what: str,
) -> Response:
    """Send one request; ``what`` names it in error messages (never a secret)."""
    try:
        async with (
            asyncio.timeout(timeout),
            session.request(
                method, url, headers=headers, allow_redirects=False
            ) as response,
        ):
            body = await _read_body(response, what)
            return Response(response.status, response.headers, body)
    except TimeoutError as err:
        raise ClaudeTimeoutError(f"{what} timed out") from err
    except aiohttp.ClientConnectorError as err:
        raise ClaudeUnreachableError(
            f"{what} was not sent: {type(err).__name__}"
        ) from err
    except aiohttp.ClientError as err:
        raise ClaudeConnectionError(f"{what} failed: {type(err).__name__}") from err


def read_json[T](body: bytes, parse: Callable[[Any], T], what: str) -> T:
    """Decode a JSON body and ``parse`` it; any failure is an UnexpectedResponseError.

    Whatever an answer holds (not JSON, nesting deeper than the decoder's
    recursion limit, numbers no float holds, shapes ``parse`` trips over), the
    caller sees one typed error naming the request and the kind of failure.
    """
    try:
        return parse(json.loads(body))
    except UnexpectedResponseError:
        raise
    except ValueError as err:
        raise UnexpectedResponseError(f"{what}: the answer is not JSON") from err
    except (RecursionError, ArithmeticError, TypeError, LookupError) as err:
        raise UnexpectedResponseError(
            f"{what}: the answer could not be read ({type(err).__name__})"
        ) from err


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Read a ``Retry-After`` header: delta seconds or an HTTP date.

    ``None`` when it gives no usable wait: absent, unreadable, not finite, zero,
    negative, or a date already past. Anthropic's endpoints have answered
    persistent 429s with ``retry-after: 0``; that is no invitation to ask again.
    """
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        if (when := http_date(value)) is None:
            return None
        seconds = (when - now).total_seconds()
    return seconds if math.isfinite(seconds) and seconds > 0 else None


def http_date(value: str) -> datetime | None:
    """Return an HTTP date (``Retry-After``, a cookie's ``Expires``), UTC if unzoned."""
    try:
        when = parsedate_to_datetime(value)
    except TypeError, ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _is_json(response: Response) -> bool:
    return "json" in response.headers.get("Content-Type", "").lower()


def _is_challenge_page(response: Response) -> bool:
    if "html" not in response.headers.get("Content-Type", "").lower():
        return False
    head = response.body[:_SNIFF_BYTES].decode("utf-8", "replace")
    return any(marker in head for marker in _CHALLENGE_MARKERS)


def raise_for_common_errors(response: Response, what: str, now: datetime) -> None:
    """Raise for what every endpoint answers alike: Cloudflare, 429, 5xx.

    Cloudflare: a ``cf-mitigated: challenge`` header, a challenge page (any
    status), or a 403 that is not JSON (the APIs' own 403s are JSON). A 429 is
    :class:`RateLimitedError` with its Retry-After in seconds.
    """
    status = response.status
    if response.headers.get("cf-mitigated", "").lower() == "challenge":
        raise CloudflareChallengeError(f"{what}: Cloudflare challenge (HTTP {status})")
    if status == 429:
        raise RateLimitedError(
            f"{what}: rate limited (HTTP 429)",
            retry_after=retry_after_seconds(response.headers.get("Retry-After"), now),
        )
    if _is_challenge_page(response) or (status == 403 and not _is_json(response)):
        raise CloudflareChallengeError(f"{what}: Cloudflare challenge (HTTP {status})")
    if status >= 500:
        raise ServerError(f"{what}: server error (HTTP {status})", status=status)


def server_url(text: str) -> str:
    """Return a server address to send requests to, or raise ValueError.

    ``https://host[:port]``, or ``http://`` to this machine only (a test server);
    no user info, path, query or fragment, and no link-local, multicast or
    unspecified address. The answer has no trailing slash.
    """
    parts = urlsplit(text.strip())
    port = parts.port  # raises ValueError for a port out of range
    host = parts.hostname
    if (
        parts.scheme not in ("https", "http")
        or not host
        or parts.username is not None
        or parts.password is not None
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        raise ValueError("not a server address")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None and (
        address.is_link_local or address.is_multicast or address.is_unspecified
    ):
        raise ValueError("not an address a server answers on")
    loopback = host == "localhost" or (address is not None and address.is_loopback)
    if parts.scheme == "http" and not loopback:
        raise ValueError("http is for a server on this machine only")
    netloc = f"[{host}]" if address is not None and address.version == 6 else host
    return f"{parts.scheme}://{netloc}" + (f":{port}" if port is not None else "")
