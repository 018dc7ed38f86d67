"""The usage of one account, from either source, and its poller of claude.ai.

:class:`ClaudeUsageCoordinator` is what the entities, events and forecast read,
whatever feeds it: :class:`CookieCoordinator` polls claude.ai (one request per
poll, every failure a wait), ``reports.ReportCoordinator`` takes what Claude
Code reports to the webhook.
"""

from __future__ import annotations

from collections.abc import Coroutine
from datetime import timedelta
from functools import partial
from typing import Any, override

from homeassistant.components.recorder import history
from homeassistant.components.sensor import DOMAIN as SENSOR_DOMAIN
from homeassistant.config_entries import SOURCE_RECONFIGURE, ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.recorder import get_instance
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .account import (
    AccountState,
    Status,
    async_get_account,
    async_hold_siblings,
    rate_limit_wait,
)
from .api import (
    AuthenticationError,
    ClaudeConnectionError,
    ClaudeUnreachableError,
    ClaudeUsageClient,
    CloudflareChallengeError,
    OrganizationAccessDeniedError,
    RateLimitedError,
    ServerError,
    UnexpectedResponseError,
    Usage,
)
from .const import (
    CONF_ORG_UUID,
    CONF_SCAN_INTERVAL,
    DEFAULT_SCAN_INTERVAL,
    DOMAIN,
    LOGGER,
    MAX_BACKOFF,
    MIN_REQUEST_SPACING,
)
from .contract import USAGE_METRIC, window_unique_id
from .forecast import MAX_AGE, ForecastTracker, samples_from_history
from .issues import Issue, async_create_entry_issue, async_delete_entry_issues

type ClaudeUsageConfigEntry = ConfigEntry[ClaudeUsageCoordinator]


class ClaudeUsageCoordinator(DataUpdateCoordinator[Usage]):
    """The usage of one account: its windows, extra usage and credit; one model, two sources."""

    config_entry: ClaudeUsageConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        config_entry: ClaudeUsageConfigEntry,
        *,
        update_interval: timedelta | None,
        request_refresh_debouncer: Debouncer[Coroutine[Any, Any, None]] | None = None,
    ) -> None:
        """Set up the coordinator of one config entry (its account id is CONF_ORG_UUID)."""
        self.org_uuid: str = config_entry.data[CONF_ORG_UUID]
        self.account: AccountState = async_get_account(hass, self.org_uuid)
        super().__init__(
            hass,
            LOGGER,
            config_entry=config_entry,
            name=DOMAIN,
            update_interval=update_interval,
            always_update=False,
            request_refresh_debouncer=request_refresh_debouncer,
        )

    async def async_start(self) -> None:
        """Do the first refresh of a setup."""
        await self.async_config_entry_first_refresh()

    @property
    def forecast(self) -> ForecastTracker:
        """Return the utilization samples and pace forecast of every window."""
        return self.account.forecast

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
                SENSOR_DOMAIN,
                DOMAIN,
                window_unique_id(self.org_uuid, window.key, USAGE_METRIC),
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


class CookieCoordinator(ClaudeUsageCoordinator):
    """Polls one organization's usage with a session cookie: one request per poll."""

    def __init__(
        self,
        hass: HomeAssistant,
        config_entry: ClaudeUsageConfigEntry,
        client: ClaudeUsageClient,
    ) -> None:
        """Set up the poller of one config entry."""
        self.client = client
        self.scan_interval = timedelta(
            seconds=config_entry.options.get(CONF_SCAN_INTERVAL, DEFAULT_SCAN_INTERVAL)
        )
        self._first_update = True
        super().__init__(
            hass,
            config_entry,
            update_interval=self.scan_interval,
            request_refresh_debouncer=Debouncer(
                hass,
                LOGGER,
                cooldown=MIN_REQUEST_SPACING.total_seconds(),
                immediate=True,
            ),
        )

    async def async_start(self) -> None:
        """Do the first refresh of a setup; a reload during a wait keeps what was known.

        A reload (options saved, say) while a 429 or a backoff runs is no failed
        setup: the entities start from the last values, unavailable as before the
        reload, the Status keeps its cause, and the wait is honoured (the refresh
        raises "waiting" and asks nothing).
        """
        account = self.account
        if account.usage is not None and account.wait_left(dt_util.utcnow()):
            self.data = account.usage
            await self.async_refresh()
            return
        await self.async_config_entry_first_refresh()

    @override
    async def async_request_refresh(self) -> None:
        """Refresh on demand, but never sooner than claude.ai allows.

        ``homeassistant.update_entity`` lands here. A request younger than
        MIN_REQUEST_SPACING, a wait in progress, or a pending reauthentication
        makes it a no-op.
        """
        now = dt_util.utcnow()
        account = self.account
        if (
            account.status is Status.REAUTH_REQUIRED
            or account.wait_left(now) is not None
            or (
                account.last_request is not None
                and now - account.last_request < MIN_REQUEST_SPACING
            )
        ):
            LOGGER.debug("Manual refresh of %s skipped", self.org_uuid)
            return
        await super().async_request_refresh()

    @override
    async def _async_update_data(self) -> Usage:
        """Read the usage: reuse a fresh one at a (re)start, honour a wait, else ask once."""
        now = dt_util.utcnow()
        first, self._first_update = self._first_update, False
        account = self.account
        if first and (usage := account.reusable_usage(now, self.scan_interval)):
            return self._async_good_answer(usage)
        if (wait := account.wait_left(now)) is not None:
            raise UpdateFailed(
                translation_domain=DOMAIN,
                translation_key="waiting",
                translation_placeholders={"wait": str(round(wait.total_seconds()))},
                retry_after=wait.total_seconds(),
            )
        account.last_request = now
        try:
            usage = await self.client.async_get_usage(self.org_uuid)
        except AuthenticationError as err:
            account.refused()
            self._async_make_way_for_reauth()
            raise ConfigEntryAuthFailed(
                translation_domain=DOMAIN, translation_key="authentication_failed"
            ) from err
        except Exception as err:  # every other failure, typed or not, is a wait
            raise self._failed(err) from err
        account.succeeded(usage, now)
        return self._async_good_answer(usage)

    def _async_make_way_for_reauth(self) -> None:
        """Abort reconfigure flows of the entry left open (a dialog closed with ×).

        Home Assistant starts no reauthentication while a reconfigure flow of the
        entry exists, and an expired cookie must always end in a visible
        "Reauthentication required".
        """
        flows = self.hass.config_entries.flow
        for flow in flows.async_progress_by_handler(
            DOMAIN,
            match_context={
                "entry_id": self.config_entry.entry_id,
                "source": SOURCE_RECONFIGURE,
            },
        ):
            flows.async_abort(flow["flow_id"])

    def _async_good_answer(self, usage: Usage) -> Usage:
        """Return a good answer; whatever blocked the previous ones has been fixed."""
        async_delete_entry_issues(
            self.hass, self.config_entry, Issue.CLOUDFLARE_BLOCKED, Issue.ACCESS_DENIED
        )
        return usage

    def _failed(self, err: Exception) -> UpdateFailed:
        """Record a failed request and return the error that schedules the next one.

        Answers from the server back off (doubling up to MAX_BACKOFF), a 429 waits
        as asked, and a request that never left waits one interval.
        """
        wait, count = self._backoff(), True
        placeholders: dict[str, str] = {}
        match err:
            case RateLimitedError():
                status, key = Status.RATE_LIMITED, "rate_limited"
                wait = rate_limit_wait(err, self.scan_interval, wait)
            case CloudflareChallengeError():
                status, key = Status.CLOUDFLARE_BLOCKED, "cloudflare_blocked"
                async_create_entry_issue(
                    self.hass, self.config_entry, Issue.CLOUDFLARE_BLOCKED
                )
            case OrganizationAccessDeniedError():
                status, key = Status.ACCESS_DENIED, "access_denied"
                async_create_entry_issue(
                    self.hass, self.config_entry, Issue.ACCESS_DENIED
                )
            case ServerError():
                status, key = Status.SERVER_ERROR, "server_error"
                placeholders["status"] = str(err.status)
            case ClaudeUnreachableError():
                status, key = Status.UNREACHABLE, "connection_error"
                wait, count = self.scan_interval, False
            case ClaudeConnectionError():
                status, key = Status.UNREACHABLE, "connection_error"
            case _:
                if not isinstance(err, UnexpectedResponseError):
                    LOGGER.debug("Unexpected error reading the usage", exc_info=err)
                status, key = Status.SERVER_ERROR, "unexpected_response"
        self.account.failed(status, wait, dt_util.utcnow(), count=count)
        if status is Status.RATE_LIMITED and self.account.not_before is not None:
            async_hold_siblings(
                self.hass,
                self.config_entry,
                self.client.credentials.session_key,
                self.account.not_before,
            )
        return UpdateFailed(
            translation_domain=DOMAIN,
            translation_key=key,
            translation_placeholders={"wait": str(round(wait.total_seconds()))}
            | placeholders,
            retry_after=wait.total_seconds(),
        )

    def _backoff(self) -> timedelta:
        """Return the wait after one more consecutive failure: doubling, capped."""
        doubled = self.scan_interval * (1 << min(self.account.failures + 1, 16))
        return max(self.scan_interval, min(doubled, MAX_BACKOFF))
