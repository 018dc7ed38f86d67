"""Sensors of the Claude Usage integration: per limit window, extra usage, credit, status."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, override

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import PERCENTAGE, EntityCategory
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .account import AccountState, Status
from .api import CreditGrant, ExtraUsage, LimitWindow, Usage
from .contract import ATTR_BINDING, ATTR_SEVERITY, USAGE_METRIC
from .coordinator import ClaudeUsageConfigEntry, ClaudeUsageCoordinator
from .entity import ClaudeUsageEntity, ClaudeWindowEntity, async_add_window_entities
from .forecast import Forecast

# The coordinator does all the fetching.
PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class ClaudeWindowSensorEntityDescription(SensorEntityDescription):
    """A sensor of one limit window; ``key`` is the metric (``usage`` or ``reset``)."""

    value_fn: Callable[[LimitWindow], float | datetime | None]
    # The usage sensor carries claude.ai's rating and whether its limit binds now.
    usage_attributes: bool = False


@dataclass(frozen=True, kw_only=True)
class ClaudeBlockSensorEntityDescription[T](SensorEntityDescription):
    """A sensor of a block of the answer beside the windows (extra usage, a credit grant).

    ``block_fn`` finds the block (None: the sensor is unavailable); monetary
    sensors name the block's currency with ``currency_fn``, when it has one.
    """

    block_fn: Callable[[Usage], T | None]
    value_fn: Callable[[T], float | datetime | None]
    currency_fn: Callable[[T], str | None] | None = None


WINDOW_SENSORS: tuple[ClaudeWindowSensorEntityDescription, ...] = (
    ClaudeWindowSensorEntityDescription(
        key=USAGE_METRIC,
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        usage_attributes=True,
        value_fn=lambda window: window.utilization,
    ),
    ClaudeWindowSensorEntityDescription(
        key="reset",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda window: window.resets_at,
    ),
)


@dataclass(frozen=True, kw_only=True)
class ClaudeForecastSensorEntityDescription(SensorEntityDescription):
    """A pace forecast of one limit window; ``key`` is the unique_id suffix, ``metric`` the translation suffix."""

    metric: str
    value_fn: Callable[[Forecast], float | datetime | None]


# A forecast moves a little with every poll; at these precisions its states change
# only when it really moves, so the recorder is not written on every poll.


def _projected(forecast: Forecast) -> float | None:
    """Return the utilization (%) expected at the reset, to the whole point."""
    if forecast.projected_at_reset is None:
        return None
    return float(round(forecast.projected_at_reset))


def _limit_at(forecast: Forecast) -> datetime | None:
    """Return when the limit is (or was) reached, to five minutes."""
    if forecast.limit_reached_at is None:
        return None
    when = forecast.limit_reached_at.replace(second=0, microsecond=0)
    return when - timedelta(minutes=when.minute % 5)


FORECAST_SENSORS: tuple[ClaudeForecastSensorEntityDescription, ...] = (
    ClaudeForecastSensorEntityDescription(
        key="projected",
        metric="projected",
        native_unit_of_measurement=PERCENTAGE,
        suggested_display_precision=0,
        value_fn=_projected,
    ),
    ClaudeForecastSensorEntityDescription(
        key="limit_at",
        metric="limit_reached_at",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=_limit_at,
    ),
)


def _enabled_extra_usage(usage: Usage) -> ExtraUsage | None:
    """Return the extra usage when the organization has it turned on."""
    extra = usage.extra_usage
    return extra if extra is not None and extra.is_enabled else None


def _extra_usage_currency(extra: ExtraUsage) -> str | None:
    return extra.currency


def _credit(usage: Usage) -> CreditGrant | None:
    return usage.credit


def _credit_currency(credit: CreditGrant) -> str | None:
    return credit.currency


BLOCK_SENSORS: tuple[ClaudeBlockSensorEntityDescription[Any], ...] = (
    ClaudeBlockSensorEntityDescription[ExtraUsage](
        key="extra_usage_used",
        translation_key="extra_usage_used",
        suggested_display_precision=2,
        block_fn=_enabled_extra_usage,
        value_fn=lambda extra: extra.used_credits,
        currency_fn=_extra_usage_currency,
    ),
    ClaudeBlockSensorEntityDescription[ExtraUsage](
        key="extra_usage_limit",
        translation_key="extra_usage_limit",
        suggested_display_precision=2,
        block_fn=_enabled_extra_usage,
        value_fn=lambda extra: extra.monthly_limit,
        currency_fn=_extra_usage_currency,
    ),
    ClaudeBlockSensorEntityDescription[ExtraUsage](
        key="extra_usage_utilization",
        translation_key="extra_usage_utilization",
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=0,
        block_fn=_enabled_extra_usage,
        value_fn=lambda extra: extra.utilization,
    ),
    # A credit grant is money left until it expires, not a window with a forecast.
    ClaudeBlockSensorEntityDescription[CreditGrant](
        key="credit_remaining",
        translation_key="credit_remaining",
        suggested_display_precision=2,
        block_fn=_credit,
        value_fn=lambda credit: credit.remaining,
        currency_fn=_credit_currency,
    ),
    ClaudeBlockSensorEntityDescription[CreditGrant](
        key="credit_limit",
        translation_key="credit_limit",
        suggested_display_precision=2,
        block_fn=_credit,
        value_fn=lambda credit: credit.granted,
        currency_fn=_credit_currency,
    ),
    ClaudeBlockSensorEntityDescription[CreditGrant](
        key="credit_expires",
        translation_key="credit_expires",
        device_class=SensorDeviceClass.TIMESTAMP,
        block_fn=_credit,
        value_fn=lambda credit: credit.expires_at,
    ),
)


@dataclass(frozen=True, kw_only=True)
class ClaudeAccountSensorEntityDescription(SensorEntityDescription):
    """A sensor of how the account's polling goes; it never turns unavailable."""

    value_fn: Callable[[AccountState], str | datetime | None]
    attributes_fn: Callable[[AccountState], dict[str, Any]] | None = None


def _status_attributes(account: AccountState) -> dict[str, Any]:
    """Return when the next request goes out and how old the kept values are.

    Both are null while the status is ok, so the state is only written when the
    status changes or a failed request sets a new wait.
    """
    waiting = account.status not in (Status.OK, Status.REAUTH_REQUIRED)
    stale = account.status is not Status.OK
    attributes = {
        "retry_at": account.not_before.isoformat()
        if waiting and account.not_before
        else None,
        "last_update": account.fetched_at.isoformat()
        if stale and account.fetched_at
        else None,
    }
    if account.fed_by_reports:
        # When Claude Code last reported (the sensor is written at most every
        # 10 minutes for reports that change nothing else).
        attributes["last_report"] = (
            account.last_report.isoformat() if account.last_report else None
        )
    return attributes


ACCOUNT_SENSORS: tuple[ClaudeAccountSensorEntityDescription, ...] = (
    ClaudeAccountSensorEntityDescription(
        key="status",
        translation_key="status",
        device_class=SensorDeviceClass.ENUM,
        options=[status.value for status in Status],
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda account: account.status.value,
        attributes_fn=_status_attributes,
    ),
    # Its state changes with every good poll: off by default, so the recorder keeps
    # no row a minute unless the user wants one (the status sensor says as much).
    ClaudeAccountSensorEntityDescription(
        key="last_update",
        translation_key="last_update",
        device_class=SensorDeviceClass.TIMESTAMP,
        entity_category=EntityCategory.DIAGNOSTIC,
        entity_registry_enabled_default=False,
        value_fn=lambda account: account.fetched_at,
    ),
)


def _build_sensors(coordinator: ClaudeUsageCoordinator) -> list[ClaudeUsageEntity]:
    """Return every sensor the current data calls for."""
    sensors: list[ClaudeUsageEntity] = [
        ClaudeAccountSensor(coordinator, description) for description in ACCOUNT_SENSORS
    ]
    sensors.extend(
        ClaudeWindowSensor(coordinator, description, window)
        for window in coordinator.data.windows
        for description in WINDOW_SENSORS
    )
    sensors.extend(
        ClaudeForecastSensor(coordinator, description, window)
        for window in coordinator.data.windows
        for description in FORECAST_SENSORS
    )
    sensors.extend(
        ClaudeBlockSensor(coordinator, description)
        for description in BLOCK_SENSORS
        if description.block_fn(coordinator.data) is not None
    )
    return sensors


async def async_setup_entry(
    hass: HomeAssistant,
    entry: ClaudeUsageConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the sensors, and those of windows that appear later."""
    async_add_window_entities(entry, _build_sensors, async_add_entities)


class ClaudeWindowSensor(ClaudeWindowEntity, SensorEntity):
    """Utilization or reset time of one limit window."""

    entity_description: ClaudeWindowSensorEntityDescription

    def __init__(
        self,
        coordinator: ClaudeUsageCoordinator,
        description: ClaudeWindowSensorEntityDescription,
        window: LimitWindow,
    ) -> None:
        """Create the sensor of ``window``'s metric ``description.key``."""
        super().__init__(coordinator, window, description.key, description.key)
        self.entity_description = description
        self._attr_native_value = self._current_value()

    def _current_value(self) -> float | datetime | None:
        """Return the window's utilization (%) or reset time.

        Reset times arrive normalised to the minute (api/resets.py), so one that
        jitters by fractions of a second between answers keeps its state.
        """
        if (window := self._window) is None:
            return None
        return self.entity_description.value_fn(window)

    @callback
    @override
    def _handle_coordinator_update(self) -> None:
        """Take the new value, then write the state."""
        self._attr_native_value = self._current_value()
        super()._handle_coordinator_update()

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Return what identifies the window (static) and, for usage, its rating and binding."""
        attributes = self.window_attributes()
        if self.entity_description.usage_attributes:
            window = self._window
            severity = window.severity if window is not None else None
            attributes[ATTR_SEVERITY] = severity.value if severity is not None else None
            attributes[ATTR_BINDING] = window.binding if window is not None else None
        return attributes


class ClaudeBlockSensor(ClaudeUsageEntity, SensorEntity):
    """A value of extra usage or of a credit grant; unavailable without the block."""

    entity_description: ClaudeBlockSensorEntityDescription[Any]

    def __init__(
        self,
        coordinator: ClaudeUsageCoordinator,
        description: ClaudeBlockSensorEntityDescription[Any],
    ) -> None:
        """Create the sensor ``description.key``."""
        super().__init__(coordinator, description.key)
        self.entity_description = description

    @property
    def _block(self) -> Any | None:
        """Return the sensor's block in the latest data, if there is one."""
        return self.entity_description.block_fn(self.coordinator.data)

    @property
    def _currency(self) -> str | None:
        """Return the currency of a monetary sensor, when the block names one."""
        currency_fn = self.entity_description.currency_fn
        if currency_fn is None or (block := self._block) is None:
            return None
        return currency_fn(block)

    @property
    def available(self) -> bool:
        """Return whether the last poll succeeded and had the block."""
        return super().available and self._block is not None

    @property
    def native_value(self) -> float | datetime | None:
        """Return the block's value."""
        block = self._block
        return self.entity_description.value_fn(block) if block is not None else None

    @property
    def device_class(self) -> SensorDeviceClass | None:
        """Return monetary when the currency is known."""
        if self._currency is not None:
            return SensorDeviceClass.MONETARY
        return self.entity_description.device_class

    @property
    def native_unit_of_measurement(self) -> str | None:
        """Return the currency of a monetary sensor, else the description's unit."""
        if self._currency is not None:
            return self._currency
        return self.entity_description.native_unit_of_measurement


class ClaudeForecastSensor(ClaudeWindowEntity, SensorEntity):
    """Pace forecast of one limit window: usage at the reset, or when the limit comes."""

    entity_description: ClaudeForecastSensorEntityDescription

    def __init__(
        self,
        coordinator: ClaudeUsageCoordinator,
        description: ClaudeForecastSensorEntityDescription,
        window: LimitWindow,
    ) -> None:
        """Create the forecast sensor ``description.key`` of ``window``."""
        super().__init__(coordinator, window, description.key, description.metric)
        self.entity_description = description

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Return what identifies the window (the card pairs "runs out" by it)."""
        return self.window_attributes()

    @property
    def native_value(self) -> float | datetime | None:
        """Return the forecast from the samples seen so far."""
        return self.entity_description.value_fn(
            self.coordinator.forecast.forecast(self.window_key, dt_util.utcnow())
        )


class ClaudeAccountSensor(ClaudeUsageEntity, SensorEntity):
    """Status or last good answer of the account's polling; available when polls fail."""

    entity_description: ClaudeAccountSensorEntityDescription

    def __init__(
        self,
        coordinator: ClaudeUsageCoordinator,
        description: ClaudeAccountSensorEntityDescription,
    ) -> None:
        """Create the account sensor ``description.key``."""
        super().__init__(coordinator, description.key)
        self.entity_description = description

    async def async_added_to_hass(self) -> None:
        """Follow the account's state, which also changes when no data does."""
        await super().async_added_to_hass()
        self.async_on_remove(
            self.coordinator.account.async_add_listener(self.async_write_ha_state)
        )

    @callback
    @override
    def _handle_coordinator_update(self) -> None:
        """Write nothing: the account tells of every change (a poll would write twice)."""

    @property
    def available(self) -> bool:
        """Return True: this sensor says why the others are unavailable."""
        return True

    @property
    def native_value(self) -> str | datetime | None:
        """Return the status, or the time of the last good answer."""
        return self.entity_description.value_fn(self.coordinator.account)

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Return the status sensor's wait and age of the kept values."""
        if (attributes := self.entity_description.attributes_fn) is None:
            return None
        return attributes(self.coordinator.account)
