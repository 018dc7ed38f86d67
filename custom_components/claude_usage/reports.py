"""Claude Code reports: the usage an account's computers report to the webhook.

One usage model, another source: :class:`ReportCoordinator` has no update
interval; the webhook hands it each report, and a report that changes nothing
changes nothing. Its values are stored (a restart brings them back at once), and
a window whose reset time passes with no newer report starts anew at that
moment (0 %), as Claude itself shows it: the reset event and triggers fire then.

Several sessions report (other terminals, other computers), each what it last
heard from claude.ai, so older news can come after newer: :func:`newer` decides.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, override

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .api import LimitWindow, Usage
from .api.claude_code import WINDOWS, Report, newer_version
from .api.parse import finite_number, parse_datetime
from .api.resets import RESET_SHIFT
from .const import DOMAIN
from .coordinator import ClaudeUsageConfigEntry, ClaudeUsageCoordinator

STORE_VERSION = 1
# Seconds a change waits before it is written to disk (changes within it add up).
SAVE_DELAY = 10


def store_key(entry_id: str) -> str:
    """Return the storage key of an entry's last reported values."""
    return f"{DOMAIN}.reports.{entry_id}"


class ReportCoordinator(ClaudeUsageCoordinator):
    """Holds what Claude Code last reported; no polling, nothing asked of claude.ai."""

    def __init__(
        self, hass: HomeAssistant, config_entry: ClaudeUsageConfigEntry
    ) -> None:
        """Set up the coordinator of a Claude Code entry."""
        super().__init__(hass, config_entry, update_interval=None)
        self._store: Store[dict[str, Any]] = Store(
            hass, STORE_VERSION, store_key(config_entry.entry_id)
        )
        self._unsub_reset: CALLBACK_TYPE | None = None
        self._unloaded = False
        # The reset time each window last passed (a report of that window is old news).
        self._passed: dict[str, datetime] = {}
        self.version: str | None = None
        config_entry.async_on_unload(self._async_unloaded)

    @override
    async def async_start(self) -> None:
        """Restore the last values; at the unload, write what still waits to be."""
        await super().async_start()
        self.config_entry.async_on_unload(self._async_save_now)

    async def _async_save_now(self) -> None:
        """Write the values now (a removal then deletes them for good)."""
        await self._store.async_save(self._stored())

    @override
    async def _async_update_data(self) -> Usage:
        """Return the last values (restored at the first refresh), reset windows anew."""
        now = dt_util.utcnow()
        usage = self.data if self.data is not None else await self._async_restore()
        current = self._reset_passed(usage, now)
        if current != usage:
            self.account.kept(current, now)
            self._async_save()
        self._async_schedule_reset(current)
        return current

    async def _async_restore(self) -> Usage:
        """Return what this run last knew (a reload), else what was stored.

        An entry switched from a cookie keeps the session and weekly windows the
        last poll brought (the only ones Claude Code reports).
        """
        if (known := self.account.usage) is not None:
            usage = Usage(windows=tuple(w for w in known.windows if w.key in WINDOWS))
            self.account.restored(usage, self.account.fetched_at)
            return usage
        stored = await self._store.async_load() or {}
        usage = Usage(windows=windows_from_json(stored.get("windows")))
        self.version = _text(stored.get("version"))
        reported_at = parse_datetime(stored.get("reported_at"))
        self.account.restored(usage, reported_at)
        return usage

    @callback
    def _async_unloaded(self) -> None:
        """Take no more reports (one may still be on its way in) and wake up no more."""
        self._unloaded = True
        self._async_cancel_reset()

    @callback
    def async_take_report(self, report: Report, now: datetime) -> None:
        """Take a status line's report: its newer windows replace those of their key.

        A report whose body was still on its way when the entry unloaded (a removal, a
        reload) is not taken: nothing would save it or wake up at its reset time.
        """
        if self._unloaded:
            return
        self._async_take_version(report.version)
        if not report.windows:
            return
        windows = {window.key: window for window in self.data.windows}
        windows.update(
            (window.key, window)
            for window in report.windows
            if newer(windows.get(window.key), window, now, self._passed.get(window.key))
        )
        usage = Usage(windows=tuple(sorted(windows.values(), key=_window_order)))
        changed = usage != self.data
        self.account.reported(usage if changed else None, now)
        if changed:
            self._async_keep(usage)

    @callback
    def _async_take_version(self, version: str | None) -> None:
        """Show a newer reported Claude Code version on the device."""
        if version is None or not newer_version(version, self.version):
            return
        self.version = version
        registry = dr.async_get(self.hass)
        if device := registry.async_get_device_by_identifier(
            (DOMAIN, self.org_uuid), self.config_entry.entry_id
        ):
            registry.async_update_device(device.id, sw_version=version)
        self._async_save()

    @callback
    def _async_keep(self, usage: Usage) -> None:
        """Publish new values, store them and wake up at their next reset time."""
        self.async_set_updated_data(usage)
        self._async_save()
        self._async_schedule_reset(usage)

    @callback
    def _async_reset_due(self, now: datetime) -> None:
        """Start the windows whose reset time passed anew (no report came since)."""
        self._async_cancel_reset()
        if (current := self._reset_passed(self.data, now)) == self.data:
            self._async_schedule_reset(current)
            return
        self.account.kept(current, now)
        self._async_keep(current)

    def _reset_passed(self, usage: Usage, now: datetime) -> Usage:
        """Return :func:`reset_passed` of the values; remember the reset times passed."""
        self._passed.update(
            (w.key, w.resets_at)
            for w in usage.windows
            if w.resets_at is not None and w.resets_at <= now
        )
        return reset_passed(usage, now)

    @callback
    def _async_schedule_reset(self, usage: Usage) -> None:
        """Wake up at the earliest reset time of the values (once)."""
        self._async_cancel_reset()
        if resets := [w.resets_at for w in usage.windows if w.resets_at is not None]:
            self._unsub_reset = async_track_point_in_utc_time(
                self.hass, self._async_reset_due, min(resets)
            )

    @callback
    def _async_cancel_reset(self) -> None:
        if self._unsub_reset is not None:
            self._unsub_reset()
            self._unsub_reset = None

    @callback
    def _async_save(self) -> None:
        self._store.async_delay_save(self._stored, SAVE_DELAY)

    def _stored(self) -> dict[str, Any]:
        """Return what is stored: the windows, the last report's time, the version."""
        last_report = self.account.last_report
        return {
            "windows": windows_to_json(self.data.windows),
            "reported_at": last_report.isoformat() if last_report else None,
            "version": self.version,
        }


async def async_remove_store(hass: HomeAssistant, entry_id: str) -> None:
    """Delete the stored values of a removed entry."""
    await Store[dict[str, Any]](hass, STORE_VERSION, store_key(entry_id)).async_remove()


def newer(
    known: LimitWindow | None,
    reported: LimitWindow,
    now: datetime,
    passed: datetime | None = None,
) -> bool:
    """Return whether a reported window is newer news than the one known.

    Old news: a window whose reset time has passed (it is over; ``passed`` is the
    reset time the known window last passed, which another session's clock may put a
    minute later), an earlier window than the known one, or less usage of the same
    window (usage only adds up in a window; another session heard of it before).
    """
    if reported.resets_at is not None and reported.resets_at <= now:
        return False
    if known is None or reported.resets_at is None:
        return True
    if known.resets_at is None:
        return passed is None or reported.resets_at - passed >= RESET_SHIFT
    if reported.resets_at - known.resets_at >= RESET_SHIFT:
        return True
    if known.resets_at - reported.resets_at >= RESET_SHIFT:
        return False
    return reported.utilization >= known.utilization


def reset_passed(usage: Usage, now: datetime) -> Usage:
    """Return ``usage`` with every window whose reset time has passed at 0 %, no reset."""
    if not any(w.resets_at is not None and w.resets_at <= now for w in usage.windows):
        return usage
    return Usage(
        windows=tuple(
            LimitWindow(w.key, w.kind, w.name, 0.0, None)
            if w.resets_at is not None and w.resets_at <= now
            else w
            for w in usage.windows
        )
    )


def windows_to_json(windows: tuple[LimitWindow, ...]) -> dict[str, Any]:
    """Return the windows as stored: utilization and reset time by key."""
    return {
        window.key: {
            "utilization": window.utilization,
            "resets_at": window.resets_at.isoformat() if window.resets_at else None,
        }
        for window in windows
    }


def windows_from_json(value: object) -> tuple[LimitWindow, ...]:
    """Read stored windows back; anything unreadable is left out."""
    if not isinstance(value, dict):
        return ()
    windows = []
    for key, stored in value.items():
        if key not in WINDOWS or not isinstance(stored, dict):
            continue
        if (utilization := finite_number(stored.get("utilization"))) is None:
            continue
        kind, name = WINDOWS[key]
        resets_at = parse_datetime(stored.get("resets_at"))
        windows.append(LimitWindow(key, kind, name, utilization, resets_at))
    return tuple(sorted(windows, key=_window_order))


def _window_order(window: LimitWindow) -> int:
    return list(WINDOWS).index(window.key)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
