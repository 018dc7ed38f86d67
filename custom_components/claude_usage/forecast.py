"""Pace forecast of a limit window: where its utilization will be at the reset.

Pure code, no Home Assistant: the coordinator feeds one sample per window and poll
into a ``ForecastTracker``; the forecast sensors read ``ForecastTracker.forecast``.

The pace is the average rate since the current window started, as far as the
samples reach back: (last utilization - first utilization) / (time between them),
over the samples of the current window only. Where a window starts anew is the
one rule of :func:`~.api.resets.started_anew`. Taking the two ends of the segment rather than a
regression over every sample keeps the pace true to time when polls are uneven:
a burst of samples before a gap weighs no more than the gap itself.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .api.models import LimitWindow, Usage, WindowKind
from .api.resets import started_anew

# Utilization (%) at which claude.ai stops answering until the reset.
LIMIT = 100.0

# Fewer samples than this, or samples spanning less than MIN_SPAN, give no pace.
MIN_SAMPLES = 2
MIN_SPAN = timedelta(minutes=10)

# How far back samples are kept, by window kind: a little more than the 5-hour
# window, two days of the weekly ones.
MAX_AGE: dict[WindowKind, timedelta] = {
    WindowKind.SESSION: timedelta(hours=6),
    WindowKind.WEEKLY: timedelta(hours=48),
    WindowKind.WEEKLY_SCOPED: timedelta(hours=48),
    WindowKind.UNKNOWN: timedelta(hours=48),
}
# Without a reset time, a limit further away than this is no forecast.
MAX_HORIZON = timedelta(days=366)

# Upper bound of samples per window: 48 hours of polls every 30 seconds.
MAX_SAMPLES = 5760


@dataclass(frozen=True, slots=True)
class Sample:
    """Utilization (%) of one window at one time, with the reset time known then."""

    time: datetime
    utilization: float
    resets_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Forecast:
    """Where the pace leads.

    ``projected_at_reset``: utilization (%) at the reset time if the pace holds;
    may exceed 100. None when the pace or the reset time is unknown.
    ``limit_reached_at``: when utilization reaches 100 %: the time of the first
    sample at or above 100 when it already did, else the time the pace reaches it.
    None when the pace is unknown or does not reach 100 % before the reset.
    """

    projected_at_reset: float | None
    limit_reached_at: datetime | None


UNKNOWN_FORECAST = Forecast(projected_at_reset=None, limit_reached_at=None)


def current_segment(samples: Iterable[Sample]) -> list[Sample]:
    """Return the samples of the latest window, oldest first (``samples`` sorted by time)."""
    segment: list[Sample] = []
    for sample in samples:
        previous = segment[-1] if segment else None
        if previous is not None and started_anew(
            previous.utilization,
            previous.resets_at,
            sample.utilization,
            sample.resets_at,
        ):
            segment = []
        segment.append(sample)
    return segment


def project(
    samples: Iterable[Sample], resets_at: datetime | None, now: datetime
) -> Forecast:
    """Forecast a window from its samples (sorted by time) and its reset time.

    Samples later than ``now`` are ignored. With an unknown reset time the
    projection at the reset is unknown, and the limit time is not bounded.
    """
    segment = current_segment(sample for sample in samples if sample.time <= now)
    if not segment:
        return UNKNOWN_FORECAST
    first, last = segment[0], segment[-1]
    reached = next(
        (sample.time for sample in segment if sample.utilization >= LIMIT), None
    )
    span = (last.time - first.time).total_seconds()
    if len(segment) < MIN_SAMPLES or span < MIN_SPAN.total_seconds():
        return Forecast(projected_at_reset=None, limit_reached_at=reached)

    # Percentage points per second; a dip within the tolerance counts as flat.
    rate = max((last.utilization - first.utilization) / span, 0.0)
    projected: float | None = None
    if resets_at is not None:
        remaining = max((resets_at - last.time).total_seconds(), 0.0)
        projected = last.utilization + rate * remaining
    if reached is not None or rate == 0.0:
        return Forecast(projected_at_reset=projected, limit_reached_at=reached)
    # Compared in seconds first: a nearly flat pace puts the limit beyond any date.
    to_limit = (LIMIT - last.utilization) / rate
    horizon = resets_at - last.time if resets_at is not None else MAX_HORIZON
    if to_limit > horizon.total_seconds():
        return Forecast(projected_at_reset=projected, limit_reached_at=None)
    return Forecast(
        projected_at_reset=projected,
        limit_reached_at=last.time + timedelta(seconds=to_limit),
    )


def samples_from_history(
    states: Iterable[tuple[datetime, str | float | None]],
) -> list[Sample]:
    """Turn recorded states of a usage sensor into samples, oldest first.

    ``states`` are (time, state) pairs such as (``State.last_updated``,
    ``State.state``) from the recorder's history; states that are not numbers
    (``unavailable``, ``unknown``) are skipped. The recorder does not keep the
    reset time along the usage, so the segments of seeded samples are found by
    falls of utilization alone (the rule's RESET_MIN_DROP).
    """
    samples: list[Sample] = []
    for time, state in states:
        if state is None:
            continue
        try:
            utilization = float(state)
        except ValueError:
            continue
        samples.append(Sample(time=time, utilization=utilization))
    samples.sort(key=lambda sample: sample.time)
    return samples


class SampleBuffer:
    """The recent samples of one window, bounded by age and count."""

    def __init__(self, max_age: timedelta, max_samples: int = MAX_SAMPLES) -> None:
        """Keep samples up to ``max_age`` older than the newest, at most ``max_samples``."""
        self.max_age = max_age
        self._samples: deque[Sample] = deque(maxlen=max_samples)

    @property
    def samples(self) -> tuple[Sample, ...]:
        """Return the samples, oldest first."""
        return tuple(self._samples)

    def add(self, sample: Sample) -> None:
        """Append a sample; one not newer than the newest is dropped."""
        if self._samples and sample.time <= self._samples[-1].time:
            return
        self._samples.append(sample)
        self._trim()

    def seed(self, samples: Iterable[Sample]) -> None:
        """Merge older samples (from the recorder) in front of the ones already kept."""
        newest_first = self._samples[0].time if self._samples else None
        older = sorted(
            (
                sample
                for sample in samples
                if newest_first is None or sample.time < newest_first
            ),
            key=lambda sample: sample.time,
        )
        merged = [*older, *self._samples]
        self._samples.clear()
        self._samples.extend(merged)
        self._trim()

    def _trim(self) -> None:
        """Drop samples older than ``max_age`` before the newest."""
        if not self._samples:
            return
        oldest_kept = self._samples[-1].time - self.max_age
        while self._samples[0].time < oldest_kept:
            self._samples.popleft()


class ForecastTracker:
    """Samples and reset times of every window of one organization."""

    def __init__(self) -> None:
        """Start with no samples."""
        self._buffers: dict[str, SampleBuffer] = {}
        self._resets_at: dict[str, datetime | None] = {}

    def _buffer(self, window: LimitWindow) -> SampleBuffer:
        """Return the buffer of a window, created on first use."""
        if (buffer := self._buffers.get(window.key)) is None:
            buffer = self._buffers[window.key] = SampleBuffer(MAX_AGE[window.kind])
        return buffer

    def add_usage(self, usage: Usage, time: datetime) -> None:
        """Record the utilization of every window of one poll, made at ``time``."""
        for window in usage.windows:
            self._buffer(window).add(
                Sample(
                    time=time,
                    utilization=window.utilization,
                    resets_at=window.resets_at,
                )
            )
            self._resets_at[window.key] = window.resets_at

    def seed(self, window: LimitWindow, samples: Iterable[Sample]) -> None:
        """Put samples recorded before a restart in front of a window's buffer."""
        self._buffer(window).seed(samples)

    def samples(self, window_key: str) -> tuple[Sample, ...]:
        """Return the kept samples of a window, oldest first."""
        buffer = self._buffers.get(window_key)
        return buffer.samples if buffer is not None else ()

    def forecast(self, window_key: str, now: datetime) -> Forecast:
        """Return the forecast of a window from its samples and latest reset time."""
        return project(self.samples(window_key), self._resets_at.get(window_key), now)
