"""What is known of one organization beyond a coordinator's life: status, waits, last usage.

A reload (options change, reauth, a storm of reloads) builds a new coordinator;
this state lets it reuse a fresh answer instead of asking again, keeps honouring
a Retry-After or a backoff an earlier coordinator started, and keeps the status
the status sensor shows. The config flows write into it too (a validated usage,
a 429), and a 429 holds every organization of the same session cookie.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.util.hass_dict import HassKey

from .api import (
    Credentials,
    InvalidCookieError,
    RateLimitedError,
    Usage,
    parse_credentials,
)
from .const import (
    AUTH_TYPE_CLAUDE_CODE,
    AUTH_TYPE_COOKIE,
    AUTH_TYPE_OAUTH,
    CONF_AUTH_TYPE,
    CONF_COOKIE,
    CONF_ORG_UUID,
    CONF_USER_AGENT,
    DEFAULT_RATE_LIMIT_WAIT,
    DOMAIN,
    MAX_RATE_LIMIT_WAIT,
    MIN_REQUEST_SPACING,
)
from .forecast import ForecastTracker

# How early Home Assistant may run a scheduled refresh (see AccountState.wait_left).
TIMER_SLACK = timedelta(seconds=1)
# The status sensors hear of reports that change nothing at most this often.
LAST_REPORT_EVERY = timedelta(minutes=10)


class Status(StrEnum):
    """Whether the usage is current, and if not, why (the status sensor's states)."""

    OK = "ok"
    RATE_LIMITED = "rate_limited"
    CLOUDFLARE_BLOCKED = "cloudflare_blocked"
    REAUTH_REQUIRED = "reauth_required"
    SERVER_ERROR = "server_error"
    UNREACHABLE = "unreachable"
    ACCESS_DENIED = "access_denied"
    # An entry fed by Claude Code reports that has not had its first report yet.
    WAITING_FOR_REPORT = "waiting_for_report"


@dataclass(slots=True)
class AccountState:
    """Kept per organization for as long as Home Assistant runs."""

    status: Status = Status.OK
    usage: Usage | None = None
    # The last good answer, and the last request sent (good or not).
    fetched_at: datetime | None = None
    last_request: datetime | None = None
    # No request before this time: a Retry-After, or the backoff after any failure.
    not_before: datetime | None = None
    # The part of ``not_before`` that claude.ai asked for with a 429; the config
    # flows honour this one only (a Cloudflare block, say, is what reconfigure fixes).
    rate_limited_until: datetime | None = None
    failures: int = 0
    forecast: ForecastTracker = field(default_factory=ForecastTracker)
    # Entries fed by Claude Code reports: when the last report came, and when the
    # listeners last heard of one (they hear at most every LAST_REPORT_EVERY).
    fed_by_reports: bool = False
    last_report: datetime | None = None
    _told_of_report: datetime | None = field(default=None, repr=False)
    # Called after every change above (the status sensors of the entry listen).
    _listeners: list[Callable[[], None]] = field(default_factory=list, repr=False)

    @callback
    def async_add_listener(self, listener: Callable[[], None]) -> CALLBACK_TYPE:
        """Call ``listener`` after each answer, failure or wait; return the remover."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    @callback
    def succeeded(self, usage: Usage, now: datetime) -> None:
        """Take a good answer: it is current, and every wait ends."""
        self.kept(usage, now)
        self.fetched_at = self.last_request = now
        self.not_before = self.rate_limited_until = None
        self.failures = 0
        self._changed(Status.OK)

    @callback
    def reported(self, usage: Usage | None, now: datetime) -> None:
        """Take a report of Claude Code; ``usage`` when it changed the values.

        The status (and Last update) sensors hear of it when the status changes
        and otherwise at most every LAST_REPORT_EVERY, so a flood of reports
        writes none of their states.
        """
        if usage is not None:
            self.kept(usage, now)
        self.fetched_at = self.last_report = now
        if (
            self.status is Status.OK
            and self._told_of_report is not None
            and now - self._told_of_report < LAST_REPORT_EVERY
        ):
            return
        self._told_of_report = now
        self._changed(Status.OK)

    @callback
    def kept(self, usage: Usage, now: datetime) -> None:
        """Keep values that came without a request (a report, a reset at its time)."""
        self.usage = usage
        self.forecast.add_usage(usage, now)

    @callback
    def restored(self, usage: Usage, reported_at: datetime | None) -> None:
        """Start an entry fed by reports from its stored values (none before the first)."""
        self.fed_by_reports = True
        if usage.windows:
            self.usage = usage
            self.fetched_at = self.last_report = reported_at
        self._changed(Status.OK if usage.windows else Status.WAITING_FOR_REPORT)

    @callback
    def failed(
        self, status: Status, wait: timedelta, now: datetime, *, count: bool = True
    ) -> None:
        """Take a failure: no request for ``wait``; ``count`` False keeps the backoff."""
        self.not_before = now + wait
        if count:
            self.failures += 1
        if status is Status.RATE_LIMITED:
            self.rate_limited_until = self.not_before
        self._changed(status)

    @callback
    def refused(self) -> None:
        """Take a refused cookie: nothing is asked until the user pastes a new one."""
        self._changed(Status.REAUTH_REQUIRED)

    @callback
    def hold(self, until: datetime) -> None:
        """Wait until ``until`` because claude.ai asked (a 429 here or for a sibling)."""
        self.not_before = max(until, self.not_before or until)
        self.rate_limited_until = max(until, self.rate_limited_until or until)
        self._changed(Status.RATE_LIMITED)

    def _changed(self, status: Status) -> None:
        self.status = status
        for listener in list(self._listeners):
            listener()

    def wait_left(self, now: datetime) -> timedelta | None:
        """Return how much of a wait is left, None when it is over.

        Home Assistant schedules a coordinator's next refresh on a whole second
        (the loop's time cut to the second, plus a fraction fixed per coordinator),
        so the refresh that ends a wait can come up to a second before it: a wait
        with less than TIMER_SLACK left is over. Handing such a rest back as a
        retry of a few milliseconds would fire again and again until it passed.
        """
        if self.not_before is None or self.not_before - now < TIMER_SLACK:
            return None
        return self.not_before - now

    def reusable_usage(self, now: datetime, interval: timedelta) -> Usage | None:
        """Return the last usage when a new coordinator may start from it without asking.

        It is younger than one interval (the flow's, a reload's), or a request went
        out less than MIN_REQUEST_SPACING ago (a reload that cancelled a poll).
        Nothing is reused while a wait runs.
        """
        if self.usage is None or self.fetched_at is None or self.not_before:
            return None
        recent_request = (
            self.last_request is not None
            and now - self.last_request < MIN_REQUEST_SPACING
        )
        return (
            self.usage if now - self.fetched_at < interval or recent_request else None
        )


DATA_ACCOUNTS: HassKey[dict[str, AccountState]] = HassKey(DOMAIN)


@callback
def async_get_account(hass: HomeAssistant, org_uuid: str) -> AccountState:
    """Return the lasting state of an organization, created on first use."""
    return hass.data.setdefault(DATA_ACCOUNTS, {}).setdefault(org_uuid, AccountState())


@callback
def async_forget_account(hass: HomeAssistant, org_uuid: str) -> None:
    """Drop the lasting state of an organization whose entry was removed."""
    hass.data.get(DATA_ACCOUNTS, {}).pop(org_uuid, None)


@callback
def async_rate_limited_until(hass: HomeAssistant, org_uuid: str) -> datetime | None:
    """Return until when claude.ai asked requests for an organization to wait, if it did."""
    if (account := hass.data.get(DATA_ACCOUNTS, {}).get(org_uuid)) is None:
        return None
    return account.rate_limited_until


def rate_limit_wait(
    err: RateLimitedError, interval: timedelta, backoff: timedelta
) -> timedelta:
    """Return how long to wait after a 429, never less than one poll interval.

    Its Retry-After, capped at MAX_RATE_LIMIT_WAIT; without a usable one, the
    longer of DEFAULT_RATE_LIMIT_WAIT and the backoff, so repeated 429s wait longer.
    """
    if err.retry_after is None:
        return max(DEFAULT_RATE_LIMIT_WAIT, backoff)
    seconds = min(err.retry_after, MAX_RATE_LIMIT_WAIT.total_seconds())
    return max(timedelta(seconds=seconds), interval)


def is_claude_code_entry(entry: ConfigEntry) -> bool:
    """Tell whether the entry is fed by Claude Code reports (its webhook)."""
    auth_type: str = entry.data.get(CONF_AUTH_TYPE, AUTH_TYPE_COOKIE)
    return auth_type == AUTH_TYPE_CLAUDE_CODE


def is_withdrawn_sign_in(entry: ConfigEntry) -> bool:
    """Tell whether the entry was made with the withdrawn Sign in with Claude."""
    auth_type: str = entry.data.get(CONF_AUTH_TYPE, AUTH_TYPE_COOKIE)
    return auth_type == AUTH_TYPE_OAUTH


def entry_credentials(entry: ConfigEntry) -> Credentials | None:
    """Return the cookies (and User-Agent) an entry signs in with; None when unreadable."""
    if CONF_COOKIE not in entry.data:
        return None
    try:
        return parse_credentials(entry.data[CONF_COOKIE]).with_user_agent(
            entry.data.get(CONF_USER_AGENT)
        )
    except InvalidCookieError:
        return None


def entry_session_key(entry: ConfigEntry) -> str | None:
    """Return the claude.ai session an entry signs in with (None when it has no cookie)."""
    credentials = entry_credentials(entry)
    return credentials.session_key if credentials is not None else None


@callback
def async_hold_siblings(
    hass: HomeAssistant, entry: ConfigEntry, session_key: str, until: datetime
) -> None:
    """Make the other organizations of this session wait too: claude.ai limits the session."""
    for other in hass.config_entries.async_entries(DOMAIN):
        if other.entry_id != entry.entry_id and entry_session_key(other) == session_key:
            async_get_account(hass, other.data[CONF_ORG_UUID]).hold(until)
