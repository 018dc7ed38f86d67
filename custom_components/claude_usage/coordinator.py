"""Polls claude.ai's usage endpoint for one organization."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Protocol, override

import aiohttp
from homeassistant.components.recorder import history
from homeassistant.components.sensor import DOMAIN as SENSOR_DOMAIN
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_HOMEASSISTANT_CLOSE
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.aiohttp_client import async_create_clientsession
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.recorder import get_instance
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from .api import (
    DEFAULT_BASE_URL,
    AuthenticationError,
    ClaudeConnectionError,
    ClaudeOAuthClient,
    ClaudeUnreachableError,
    CloudflareChallengeError,
    InvalidCookieError,
    OAuthEndpoints,
    OAuthError,
    OAuthTokenManager,
    OAuthTokens,
    RateLimitedError,
    ServerError,
    UnexpectedResponseError,
    Usage,
    parse_credentials,
)
from .const import (
    AUTH_TYPE_COOKIE,
    AUTH_TYPE_OAUTH,
    CONF_AUTH_TYPE,
    CONF_BASE_URL,
    CONF_COOKIE,
    CONF_OAUTH_TOKENS,
    CONF_ORG_UUID,
    CONF_SCAN_INTERVAL,
    DEFAULT_RATE_LIMIT_WAIT,
    DEFAULT_SCAN_INTERVAL,
    DOMAIN,
    LOGGER,
    MAX_BACKOFF,
    MAX_RATE_LIMIT_WAIT,
    MIN_REQUEST_SPACING,
)
from .forecast import MAX_AGE, ForecastTracker, samples_from_history

type ClaudeUsageConfigEntry = ConfigEntry[ClaudeUsageCoordinator]


@dataclass(slots=True)
class OrganizationState:
    """What outlives one coordinator: kept per organization across reloads.

    A reload (options change, reauth, a storm of reloads) builds a new coordinator;
    this state lets it reuse a fresh answer instead of asking again and keeps
    honouring a Retry-After or a backoff that an earlier coordinator started.
    """

    usage: Usage | None = None
    fetched_at: datetime | None = None
    last_request: datetime | None = None
    # No request before this time: a Retry-After, or the backoff after any failure.
    not_before: datetime | None = None
    # The part of ``not_before`` that claude.ai asked for with a 429; the config
    # flows honour this one only (a Cloudflare block, say, is what reconfigure fixes).
    rate_limited_until: datetime | None = None
    failures: int = 0
    forecast: ForecastTracker = field(default_factory=ForecastTracker)


DATA_ORGANIZATIONS: HassKey[dict[str, OrganizationState]] = HassKey(DOMAIN)
DATA_SESSION: HassKey[aiohttp.ClientSession] = HassKey(f"{DOMAIN}_session")
DATA_OAUTH_CLIENTS: HassKey[dict[str, OAuthUsageClient]] = HassKey(f"{DOMAIN}_oauth")


@callback
def async_get_session(hass: HomeAssistant) -> aiohttp.ClientSession:
    """Return the integration's HTTP session: Home Assistant's, without a cookie jar.

    claude.ai answers with Set-Cookie; in a shared jar one account's cookies would
    sign another account's requests, so no response cookie is ever kept.
    """
    if (session := hass.data.get(DATA_SESSION)) is None:
        session = async_create_clientsession(
            hass, auto_cleanup=False, cookie_jar=aiohttp.DummyCookieJar()
        )
        hass.data[DATA_SESSION] = session

        @callback
        def _async_detach(_: Event) -> None:
            session.detach()

        hass.bus.async_listen_once(EVENT_HOMEASSISTANT_CLOSE, _async_detach)
    return session


@callback
def async_get_organization_state(
    hass: HomeAssistant, org_uuid: str
) -> OrganizationState:
    """Return the lasting state of an organization, created on first use."""
    return hass.data.setdefault(DATA_ORGANIZATIONS, {}).setdefault(
        org_uuid, OrganizationState()
    )


@callback
def async_remember_usage(hass: HomeAssistant, org_uuid: str, usage: Usage) -> None:
    """Keep a usage fetched outside the coordinator (config flow) for its first refresh."""
    state = async_get_organization_state(hass, org_uuid)
    now = dt_util.utcnow()
    state.usage = usage
    state.forecast.add_usage(usage, now)
    state.fetched_at = now
    state.last_request = now
    state.not_before = None
    state.rate_limited_until = None
    state.failures = 0


@callback
def async_remember_rate_limit(
    hass: HomeAssistant, org_uuid: str, not_before: datetime
) -> None:
    """Keep a wait claude.ai asked for with a 429 (in a config flow, or of a sibling)."""
    state = async_get_organization_state(hass, org_uuid)
    state.not_before = max(not_before, state.not_before or not_before)
    state.rate_limited_until = max(not_before, state.rate_limited_until or not_before)


@callback
def async_rate_limited_until(hass: HomeAssistant, org_uuid: str) -> datetime | None:
    """Return until when claude.ai asked requests for an organization to wait, if it did."""
    if (state := hass.data.get(DATA_ORGANIZATIONS, {}).get(org_uuid)) is None:
        return None
    return state.rate_limited_until


@callback
def async_forget_organization(hass: HomeAssistant, org_uuid: str) -> None:
    """Drop the lasting state of an organization whose entry was removed."""
    hass.data.get(DATA_ORGANIZATIONS, {}).pop(org_uuid, None)


def cloudflare_issue_id(entry: ConfigEntry) -> str:
    """Return the id of the repair issue raised when Cloudflare blocks an entry."""
    return f"cloudflare_blocked_{entry.entry_id}"


def is_oauth_entry(entry: ConfigEntry) -> bool:
    """Tell whether the entry signs in with Claude (OAuth) rather than with a cookie."""
    auth_type: str = entry.data.get(CONF_AUTH_TYPE, AUTH_TYPE_COOKIE)
    return auth_type == AUTH_TYPE_OAUTH


def session_key(entry: ConfigEntry) -> str | None:
    """Return the claude.ai session an entry signs in with (None for Sign in with Claude)."""
    if is_oauth_entry(entry):
        return None
    try:
        return parse_credentials(entry.data[CONF_COOKIE]).session_key
    except InvalidCookieError:
        return None


def oauth_endpoints(base_url: str) -> OAuthEndpoints:
    """Return Claude's OAuth endpoints, or all of them on a development server."""
    if base_url == DEFAULT_BASE_URL:
        return OAuthEndpoints()
    return OAuthEndpoints.single_host(base_url)


def rate_limit_wait(
    err: RateLimitedError, interval: timedelta, backoff: timedelta
) -> timedelta:
    """Return how long to wait after a 429, never less than one poll interval.

    Its Retry-After, capped at MAX_RATE_LIMIT_WAIT; without one, the longer of
    DEFAULT_RATE_LIMIT_WAIT and the backoff, so repeated 429s wait longer.
    """
    if err.retry_after is None:
        return max(DEFAULT_RATE_LIMIT_WAIT, backoff)
    seconds = min(err.retry_after, MAX_RATE_LIMIT_WAIT.total_seconds())
    return max(timedelta(seconds=seconds), interval)


class UsageClient(Protocol):
    """What the coordinator needs of a client: one usage request per call."""

    @property
    def base_url(self) -> str:
        """The server the requests go to."""

    async def async_get_usage(self, org_uuid: str) -> Usage:
        """Return the organization's usage."""


@callback
def async_get_oauth_client(
    hass: HomeAssistant, entry: ConfigEntry, tokens: OAuthTokens
) -> OAuthUsageClient:
    """Return the entry's OAuth client, kept across reloads while its tokens are current.

    A reload during a refresh thus waits for that refresh instead of starting a
    second one with a refresh token the first is about to kill. New tokens (a
    reauth) get a new client.
    """
    clients = hass.data.setdefault(DATA_OAUTH_CLIENTS, {})
    client = clients.get(entry.entry_id)
    if client is None or client.manager.tokens != tokens:
        client = OAuthUsageClient(hass, entry, async_get_session(hass), tokens)
        clients[entry.entry_id] = client
    return client


@callback
def async_forget_oauth_client(hass: HomeAssistant, entry_id: str) -> None:
    """Drop the OAuth client of a removed entry."""
    hass.data.get(DATA_OAUTH_CLIENTS, {}).pop(entry_id, None)


class OAuthUsageClient:
    """Reads the usage with an entry's OAuth tokens and keeps them fresh.

    One token manager serves the entry for its lifetime: refreshes never
    overlap, and every rotated token pair is saved in the entry's data at once,
    because the refresh token it replaces is dead from then on. Saving data does
    not reload the entry (the options flow reloads on options only).
    """

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        session: aiohttp.ClientSession,
        tokens: OAuthTokens,
    ) -> None:
        """Start from the tokens stored in the entry."""
        self._hass = hass
        self._entry = entry
        endpoints = oauth_endpoints(entry.data.get(CONF_BASE_URL, DEFAULT_BASE_URL))
        self._client = ClaudeOAuthClient(
            session,
            token_url=endpoints.token_url,
            api_base_url=endpoints.api_base_url,
        )
        self._base_url = endpoints.api_base_url
        self.manager = OAuthTokenManager(
            self._client, tokens, on_tokens_updated=self._async_save_tokens
        )

    @property
    def base_url(self) -> str:
        """The OAuth API's address."""
        return self._base_url

    async def async_get_usage(self, org_uuid: str) -> Usage:
        """Return the usage of the organization the tokens belong to.

        Shielded: an unload cancelling the poll must not cut a refresh off after
        Claude rotated the tokens and before the new pair was saved.
        """
        return await asyncio.shield(
            self.manager.async_request(self._client.async_get_usage)
        )

    @callback
    def _async_save_tokens(self, tokens: OAuthTokens) -> None:
        """Store a rotated token pair in the entry's data, unless it was removed meanwhile."""
        if self._hass.config_entries.async_get_entry(self._entry.entry_id) is None:
            return
        self._hass.config_entries.async_update_entry(
            self._entry,
            data={**self._entry.data, CONF_OAUTH_TOKENS: tokens.as_dict()},
        )


class ClaudeUsageCoordinator(DataUpdateCoordinator[Usage]):
    """Fetches the usage of one organization: one request per poll."""

    config_entry: ClaudeUsageConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        config_entry: ClaudeUsageConfigEntry,
        client: UsageClient,
    ) -> None:
        """Set up the coordinator of one config entry."""
        self.client = client
        self.org_uuid: str = config_entry.data[CONF_ORG_UUID]
        self.scan_interval = timedelta(
            seconds=config_entry.options.get(CONF_SCAN_INTERVAL, DEFAULT_SCAN_INTERVAL)
        )
        self.state = async_get_organization_state(hass, self.org_uuid)
        self._first_update = True
        super().__init__(
            hass,
            LOGGER,
            config_entry=config_entry,
            name=DOMAIN,
            update_interval=self.scan_interval,
            always_update=False,
            request_refresh_debouncer=Debouncer(
                hass,
                LOGGER,
                cooldown=MIN_REQUEST_SPACING.total_seconds(),
                immediate=True,
            ),
        )

    @override
    async def async_request_refresh(self) -> None:
        """Refresh on demand, but never sooner than claude.ai allows.

        ``homeassistant.update_entity`` lands here. A request younger than
        MIN_REQUEST_SPACING, a Retry-After or a backoff in progress makes it a no-op,
        and so does a refused sign-in (the entry waits for reauthentication).
        """
        if not self.last_update_success and isinstance(
            self.last_exception, ConfigEntryAuthFailed
        ):
            LOGGER.debug("Manual refresh of %s skipped: sign in again", self.org_uuid)
            return
        now = dt_util.utcnow()
        state = self.state
        if (state.not_before is not None and now < state.not_before) or (
            state.last_request is not None
            and now - state.last_request < MIN_REQUEST_SPACING
        ):
            LOGGER.debug("Manual refresh of %s skipped: too soon", self.org_uuid)
            return
        await super().async_request_refresh()

    @override
    async def _async_update_data(self) -> Usage:
        """Fetch the usage, or reuse one fetched moments ago by the flow or a previous setup.

        A first refresh also reuses the last usage when a request went out less than
        MIN_REQUEST_SPACING ago: a reload during a poll cancels that poll, and asking
        again at once would double the requests. Nothing is reused while a failure's
        wait runs: the entities stay unavailable until the next good answer.
        """
        state = self.state
        now = dt_util.utcnow()
        first, self._first_update = self._first_update, False
        if (
            first
            and state.not_before is None
            and state.usage is not None
            and state.fetched_at is not None
            and (
                now - state.fetched_at < self.scan_interval
                or (
                    state.last_request is not None
                    and now - state.last_request < MIN_REQUEST_SPACING
                )
            )
        ):
            return state.usage
        if state.not_before is not None and now < state.not_before:
            raise UpdateFailed(
                translation_domain=DOMAIN,
                translation_key="waiting",
                translation_placeholders={"time": state.not_before.isoformat()},
                retry_after=(state.not_before - now).total_seconds(),
            )

        state.last_request = now
        try:
            usage = await self.client.async_get_usage(self.org_uuid)
        except AuthenticationError as err:
            raise ConfigEntryAuthFailed(
                translation_domain=DOMAIN,
                translation_key=(
                    "oauth_authentication_failed"
                    if is_oauth_entry(self.config_entry)
                    else "authentication_failed"
                ),
            ) from err
        except RateLimitedError as err:
            failed = self._failed(
                rate_limit_wait(err, self.scan_interval, self._backoff()),
                "rate_limited",
            )
            assert state.not_before is not None
            state.rate_limited_until = state.not_before
            self._async_hold_siblings(state.not_before)
            raise failed from err
        except CloudflareChallengeError as err:
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                cloudflare_issue_id(self.config_entry),
                is_fixable=False,
                severity=ir.IssueSeverity.ERROR,
                translation_key=(
                    "cloudflare_blocked_oauth"
                    if is_oauth_entry(self.config_entry)
                    else "cloudflare_blocked"
                ),
                translation_placeholders={
                    "title": self.config_entry.title,
                    "url": self.client.base_url,
                },
            )
            raise self._failed(self._backoff(), "cloudflare_blocked") from err
        except ServerError as err:
            raise self._failed(
                self._backoff(), "server_error", status=str(err.status)
            ) from err
        except ClaudeUnreachableError as err:
            # Nothing reached claude.ai (the home's network is down): no backoff.
            raise self._failed(
                self.scan_interval, "connection_error", count=False
            ) from err
        except ClaudeConnectionError as err:
            raise self._failed(self._backoff(), "connection_error") from err
        except UnexpectedResponseError as err:
            raise self._failed(self._backoff(), "unexpected_response") from err
        except OAuthError as err:
            raise self._failed(self._backoff(), "token_refresh_failed") from err
        except Exception as err:
            # A failure no branch above foresaw: back off as for a server error,
            # with the traceback in the debug log rather than in every poll's log.
            LOGGER.debug("Unexpected error reading the usage", exc_info=True)
            raise self._failed(self._backoff(), "unexpected_response") from err

        state.usage = usage
        state.forecast.add_usage(usage, now)
        state.fetched_at = now
        state.not_before = None
        state.rate_limited_until = None
        state.failures = 0
        ir.async_delete_issue(self.hass, DOMAIN, cloudflare_issue_id(self.config_entry))
        return usage

    @property
    def forecast(self) -> ForecastTracker:
        """Return the utilization samples and pace forecast of every window."""
        return self.state.forecast

    async def async_seed_forecast(self) -> None:
        """Put the usage recorded before a restart into the pace forecast.

        Only recorded samples older than the ones already kept are merged in, so a
        seed after a reload adds nothing twice; the sensors then show the forecast at once.
        """
        if "recorder" not in self.hass.config.components:
            return
        registry = er.async_get(self.hass)
        start = dt_util.utcnow() - max(MAX_AGE.values())
        for window in self.data.windows:
            entity_id = registry.async_get_entity_id(
                SENSOR_DOMAIN, DOMAIN, f"{self.org_uuid}_{window.key}_usage"
            )
            if entity_id is None:
                continue
            states = await get_instance(self.hass).async_add_executor_job(
                partial(
                    history.state_changes_during_period,
                    self.hass,
                    start,
                    entity_id=entity_id,
                    no_attributes=True,
                    include_start_time_state=True,
                )
            )
            self.forecast.seed(
                window,
                samples_from_history(
                    (state.last_updated, state.state)
                    for state in states.get(entity_id, [])
                ),
            )
        self.async_update_listeners()

    @callback
    def _async_hold_siblings(self, until: datetime) -> None:
        """Make the other organizations of this session wait too: claude.ai limits the session."""
        if (key := session_key(self.config_entry)) is None:
            return
        for entry in self.hass.config_entries.async_entries(DOMAIN):
            if (
                entry.entry_id != self.config_entry.entry_id
                and session_key(entry) == key
            ):
                async_remember_rate_limit(self.hass, entry.data[CONF_ORG_UUID], until)

    def _backoff(self) -> timedelta:
        """Return the wait after one more consecutive failure: doubling, capped."""
        doubled = self.scan_interval * (1 << min(self.state.failures + 1, 16))
        return max(self.scan_interval, min(doubled, MAX_BACKOFF))

    def _failed(
        self,
        wait: timedelta,
        translation_key: str,
        *,
        count: bool = True,
        **placeholders: str,
    ) -> UpdateFailed:
        """Record a failure and build the error that schedules the next poll after ``wait``.

        ``count`` False leaves the backoff where it is (nothing reached the server).
        """
        if count:
            self.state.failures += 1
        self.state.not_before = dt_util.utcnow() + wait
        seconds = wait.total_seconds()
        return UpdateFailed(
            translation_domain=DOMAIN,
            translation_key=translation_key,
            translation_placeholders={"wait": str(round(seconds)), **placeholders},
            retry_after=seconds,
        )
