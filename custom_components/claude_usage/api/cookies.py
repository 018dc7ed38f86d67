"""Read claude.ai credentials out of whatever the user pasted.

Accepted input:

- the bare ``sessionKey`` value (``sk-ant-sid01-…``), optionally as ``sessionKey=…``;
- a ``Cookie`` header, with or without the ``Cookie:`` prefix;
- header lines as a browser's "raw headers" view shows them (``Cookie: …`` and
  ``User-Agent: …`` on their own lines; other lines are ignored);
- a whole "Copy as cURL" command, bash (``-H 'cookie: …'``, ``-b '…'``,
  ``--cookie '…'``, ``$'…'`` quoting) or Windows cmd (``^"`` quoting, ``^`` escapes).

Only the cookies claude.ai's API and Cloudflare care about are kept
(:data:`COOKIE_NAMES`); every other cookie is dropped. A ``User-Agent`` found in the
paste is kept as :attr:`Credentials.user_agent`: Cloudflare binds ``cf_clearance``
to the browser's User-Agent, so the cookie only helps when requests carry the same
one. :meth:`Credentials.cookie_header` is the ``Cookie`` header value alone, and
``parse_credentials(c.cookie_header())`` gives the same cookies back; callers that
keep the User-Agent store it beside the cookie header.

claude.ai renews the session (and Cloudflare its cookies) in ``Set-Cookie`` answers;
:func:`set_cookie_values` reads those and :class:`CookieRenewals` shares what was renewed
among every client of one session, so that the next request sends the new values.

No error message or ``repr`` ever contains the pasted text or a cookie value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
import re
import shlex
from types import MappingProxyType

from .errors import InvalidCookieError
from .http import http_date

SESSION_KEY_COOKIE = "sessionKey"
LAST_ACTIVE_ORG_COOKIE = "lastActiveOrg"
DEVICE_ID_COOKIE = "anthropic-device-id"

#: The cookies kept from a paste, in the order they are sent.
COOKIE_NAMES: tuple[str, ...] = (
    SESSION_KEY_COOKIE,
    "cf_clearance",
    "__cf_bm",
    LAST_ACTIVE_ORG_COOKIE,
    DEVICE_ID_COOKIE,
    "ajs_anonymous_id",
)

#: The cookies claude.ai and Cloudflare renew in ``Set-Cookie`` answers.
RENEWED_COOKIES: tuple[str, ...] = (SESSION_KEY_COOKIE, "cf_clearance", "__cf_bm")

# RFC 6265 cookie-octet, optionally wrapped in double quotes.
_COOKIE_VALUE = re.compile(r'"?[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*"?')
_SESSION_KEY = re.compile(r"sk-ant-[A-Za-z0-9_-]{8,}")
# Printable ASCII only: a header value can carry no control character.
_USER_AGENT = re.compile(r"[\x20-\x7e]{1,512}")
_CMD_ESCAPE = re.compile(r"\^(.)", re.DOTALL)
# Bash ANSI-C quoting, $'…', which "Copy as cURL" uses for values with quotes.
_ANSI_C_QUOTED = re.compile(r"\$'((?:[^'\\]|\\.)*)'", re.DOTALL)

_EMPTY = (
    "Paste the sessionKey cookie, a Cookie header or a whole "
    '"Copy as cURL" command; the text is empty'
)


@dataclass(frozen=True, slots=True, repr=False)
class Credentials:
    """The cookies (and browser User-Agent) that sign requests in to claude.ai."""

    cookies: Mapping[str, str]
    user_agent: str | None = field(default=None)

    def __post_init__(self) -> None:
        """Keep recognised cookies only, in a fixed order, and check the session key."""
        cookies = {
            name: self.cookies[name] for name in COOKIE_NAMES if name in self.cookies
        }
        _check_cookies(cookies)
        if self.user_agent is not None and not _USER_AGENT.fullmatch(self.user_agent):
            raise InvalidCookieError(
                "The User-Agent contains characters a header cannot hold"
            )
        object.__setattr__(self, "cookies", MappingProxyType(cookies))

    def __repr__(self) -> str:
        """Name the cookies but never show their values."""
        return (
            f"Credentials(cookies={list(self.cookies)!r}, "
            f"user_agent={self.user_agent!r})"
        )

    @property
    def session_key(self) -> str:
        """The ``sessionKey`` cookie: the password of the claude.ai session."""
        return self.cookies[SESSION_KEY_COOKIE]

    @property
    def last_active_org(self) -> str | None:
        """The organization the browser last used (``lastActiveOrg``), if pasted."""
        return self.cookies.get(LAST_ACTIVE_ORG_COOKIE)

    @property
    def device_id(self) -> str | None:
        """The browser's ``anthropic-device-id``, if pasted."""
        return self.cookies.get(DEVICE_ID_COOKIE)

    def cookie_header(self) -> str:
        """Return the value of the ``Cookie`` header to send."""
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def with_user_agent(self, user_agent: str | None) -> Credentials:
        """Return these cookies sent with another browser User-Agent."""
        return Credentials(self.cookies, user_agent)

    def with_cookies(self, renewed: Mapping[str, str]) -> Credentials:
        """Return these credentials with the ``renewed`` cookies' values (same User-Agent)."""
        if all(self.cookies.get(name) == value for name, value in renewed.items()):
            return self
        return Credentials({**self.cookies, **renewed}, self.user_agent)


def set_cookie_values(headers: Iterable[str], now: datetime) -> dict[str, str]:
    """Return the cookies of :data:`RENEWED_COOKIES` that ``Set-Cookie`` headers set.

    A cookie the header deletes (an empty value, ``Max-Age`` of 0 or less, an
    ``Expires`` already past) or whose value no cookie can hold (or, for
    ``sessionKey``, that is no session key) is not taken: a renewal only ever
    replaces a value with another usable one.
    """
    found: dict[str, str] = {}
    for header in headers:
        pair, *attributes = header.split(";")
        name, sep, value = pair.partition("=")
        name, value = name.strip(), _unquote(value.strip())
        if (
            not sep
            or name not in RENEWED_COOKIES
            or _deletes(attributes, now)
            or not value
            or not _COOKIE_VALUE.fullmatch(value)
            or (name == SESSION_KEY_COOKIE and not _SESSION_KEY.fullmatch(value))
        ):
            continue
        found[name] = value
    return found


def _deletes(attributes: list[str], now: datetime) -> bool:
    """Tell whether a Set-Cookie's attributes expire the cookie at once."""
    for attribute in attributes:
        key, _, value = attribute.partition("=")
        key, value = key.strip().lower(), value.strip()
        if key == "max-age":
            try:
                return int(value) <= 0
            except ValueError:
                continue
        expires = http_date(value) if key == "expires" else None
        if expires is not None and expires <= now:
            return True
    return False


class CookieRenewals:
    """What claude.ai renewed of one session's cookies, shared by all its clients.

    Every client of the session applies :attr:`cookies` to its own credentials
    before a request, so a renewal one client received signs the next request
    of every other. Listeners hear of each change (to save it).
    """

    def __init__(self) -> None:
        """Start with nothing renewed."""
        self.cookies: dict[str, str] = {}
        self._listeners: list[Callable[[Mapping[str, str]], None]] = []

    def __repr__(self) -> str:
        """Name the renewed cookies, never their values."""
        return f"CookieRenewals(cookies={sorted(self.cookies)!r})"

    def add_listener(
        self, listener: Callable[[Mapping[str, str]], None]
    ) -> Callable[[], None]:
        """Call ``listener`` with the changed cookies after each renewal; return the remover."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def pasted(self, credentials: Credentials) -> None:
        """Let the Cloudflare cookies of a new paste win over earlier renewals.

        A paste comes from the browser now (a fresh ``cf_clearance`` goes with its
        User-Agent); the renewed ``sessionKey`` stays, the pasted one may be older.
        """
        for name, value in credentials.cookies.items():
            if name != SESSION_KEY_COOKIE and self.cookies.get(name, value) != value:
                del self.cookies[name]

    def take(self, credentials: Credentials, found: Mapping[str, str]) -> None:
        """Take the values ``found`` in an answer to a request signed with ``credentials``.

        Listeners hear of the values that differ from what was sent.
        """
        changed = {
            name: value
            for name, value in found.items()
            if credentials.cookies.get(name) != value
        }
        if changed:
            self.cookies.update(changed)
            for listener in list(self._listeners):
                listener(changed)


def parse_credentials(text: str) -> Credentials:
    """Turn pasted text into :class:`Credentials`; raise :class:`InvalidCookieError`."""
    pasted = text.strip()
    if not pasted:
        raise InvalidCookieError(_EMPTY)
    if re.match(r"curl\s", pasted, re.IGNORECASE):
        cookie_strings, user_agent = _from_curl(pasted)
    elif "\n" in pasted or re.match(r"cookie\s*:", pasted, re.IGNORECASE):
        cookie_strings, user_agent = _from_header_lines(pasted.splitlines())
    elif "=" in pasted:
        cookie_strings, user_agent = [pasted], None
    else:
        cookie_strings = [f"{SESSION_KEY_COOKIE}={_unquote(pasted)}"]
        user_agent = None
    cookies: dict[str, str] = {}
    for name, value in _cookie_pairs(cookie_strings):
        if name in COOKIE_NAMES:
            cookies.setdefault(name, value)
    return Credentials(cookies, user_agent)


def _check_cookies(cookies: Mapping[str, str]) -> None:
    session_key = cookies.get(SESSION_KEY_COOKIE)
    if not session_key:
        raise InvalidCookieError("The pasted text has no sessionKey cookie")
    for name, value in cookies.items():
        if not _COOKIE_VALUE.fullmatch(value):
            raise InvalidCookieError(
                f"The {name} cookie contains characters a cookie cannot hold"
            )
    if not _SESSION_KEY.fullmatch(session_key):
        raise InvalidCookieError(
            "The sessionKey does not look like a claude.ai session key (sk-ant-…)"
        )


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _cookie_pairs(cookie_strings: Iterable[str]) -> Iterator[tuple[str, str]]:
    for cookie_string in cookie_strings:
        for part in cookie_string.split(";"):
            name, sep, value = part.partition("=")
            if sep:
                yield name.strip(), value.strip()


def _header(line: str) -> tuple[str, str] | None:
    name, sep, value = line.partition(":")
    if not sep:
        return None
    return name.strip().lower(), value.strip()


def _from_header_lines(lines: Iterable[str]) -> tuple[list[str], str | None]:
    cookies: list[str] = []
    user_agent: str | None = None
    for line in lines:
        header = _header(line)
        if header is None:
            continue
        name, value = header
        if name == "cookie":
            cookies.append(value)
        elif name == "user-agent" and user_agent is None:
            user_agent = value
    return cookies, user_agent


def _requote_ansi_c(match: re.Match[str]) -> str:
    value = match.group(1).encode().decode("unicode_escape", errors="replace")
    return shlex.quote(value)


def _from_curl(command: str) -> tuple[list[str], str | None]:
    if '^"' in command:
        # Windows cmd: ^ escapes the next character, ^ at a line end continues it.
        command = _CMD_ESCAPE.sub(r"\1", command)
    command = _ANSI_C_QUOTED.sub(_requote_ansi_c, command)
    try:
        tokens = shlex.split(command)
    except ValueError as err:
        raise InvalidCookieError(
            "The pasted cURL command could not be read; copy it again in full"
        ) from err
    cookies: list[str] = []
    header_lines: list[str] = []
    user_agent: str | None = None
    for option, value in zip(tokens, tokens[1:], strict=False):
        if option in ("-H", "--header"):
            header_lines.append(value)
        elif option in ("-b", "--cookie") and "=" in value:
            cookies.append(value)
        elif option in ("-A", "--user-agent"):
            user_agent = value
    header_cookies, header_user_agent = _from_header_lines(header_lines)
    return cookies + header_cookies, user_agent or header_user_agent
