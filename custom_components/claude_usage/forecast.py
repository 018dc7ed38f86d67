"""Pace forecast of a limit window: where its utilization will be at the reset.

Pure code, no Home Assistant: the coordinator feeds one sample per window and poll
(or Claude Code report) into a ``ForecastTracker``; the forecast sensors read
``ForecastTracker.forecast``, which costs the same however many samples are kept.

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

# Samples closer together than this are thinned: a newer one takes the place of a
# newest kept one this close to the sample before it (Claude Code reports can come every 300 ms). Thinning keeps what the
# projection reads: the first and the newest sample of the window, where it started
# anew and where it first reached the limit.
MIN_SPACING = timedelta(seconds=30)

# Upper bound of samples per window: 48 hours at MIN_SPACING.
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


def _anew(old: Sample, new: Sample) -> bool:
    """Return whether ``new`` belongs to a later window than ``old``."""
    return started_anew(old.utilization, old.resets_at, new.utilization, new.resets_at)


@dataclass(frozen=True, slots=True)
class Segment:
    """The samples of the latest window, as far as the projection reads them.

    ``first`` and ``last``: its oldest and newest sample; ``count``: how many;
    ``reached``: the time of its first sample at or above the limit, if any.
    """

    first: Sample
    last: Sample
    count: int
    reached: datetime | None

    @classmethod
    def start(cls, sample: Sample) -> Segment:
        """Return the segment of a window whose first sample is ``sample``."""
        reached = sample.time if sample.utilization >= LIMIT else None
        return cls(first=sample, last=sample, count=1, reached=reached)

    def then(self, sample: Sample, *, replacing_last: bool = False) -> Segment:
        """Return the segment continued by ``sample``, which may replace its newest."""
        reached = self.reached
        if reached is None and sample.utilization >= LIMIT:
            reached = sample.time
        count = self.count if replacing_last else self.count + 1
        return Segment(first=self.first, last=sample, count=count, reached=reached)


def latest_segment(samples: Iterable[Sample]) -> Segment | None:
    """Return the segment of the latest window (``samples`` sorted by time), if any."""
    segment: Segment | None = None
    for sample in samples:
        if segment is None or _anew(segment.last, sample):
            segment = Segment.start(sample)
        else:
            segment = segment.then(sample)
    return segment


def project(
    samples: Iterable[Sample], resets_at: datetime | None, now: datetime
) -> Forecast:
    """Forecast a window from its samples (sorted by time) and its reset time.

    Samples later than ``now`` are ignored. With an unknown reset time the
    projection at the reset is unknown, and the limit time is not bounded.
    """
    return project_segment(
        latest_segment(sample for sample in samples if sample.time <= now), resets_at
    )


def project_segment(segment: Segment | None, resets_at: datetime | None) -> Forecast:
    """Forecast a window from the segment of its latest window and its reset time."""
    if segment is None:
        return UNKNOWN_FORECAST
    first, last, reached = segment.first, segment.last, segment.reached
    span = (last.time - first.time).total_seconds()
    if segment.count < MIN_SAMPLES or span < MIN_SPAN.total_seconds():
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
    """The recent samples of one window, thinned, bounded by age and count.

    It keeps the segment of the latest window as samples come and go, so a
    forecast reads four values instead of every sample.
    """

    def __init__(self, max_age: timedelta, max_samples: int = MAX_SAMPLES) -> None:
        """Keep samples up to ``max_age`` older than the newest, at most ``max_samples``."""
        self.max_age = max_age
        self.max_samples = max_samples
        self._samples: deque[Sample] = deque()
        self._segment: Segment | None = None

    @property
    def samples(self) -> tuple[Sample, ...]:
        """Return the samples, oldest first."""
        return tuple(self._samples)

    @property
    def segment(self) -> Segment | None:
        """Return the segment of the latest window among the kept samples."""
        return self._segment

    def add(self, sample: Sample) -> None:
        """Add a sample; one not newer than the newest is dropped.

        While the newest is within MIN_SPACING of the sample before it, a new one
        takes its place, unless the newest first reached the limit or a window
        starts anew between them.
        """
        segment = self._segment
        if segment is None:
            self._samples.append(sample)
            self._segment = Segment.start(sample)
            return
        newest = self._samples[-1]
        if sample.time <= newest.time:
            return
        if _anew(newest, sample):
            self._samples.append(sample)
            self._segment = Segment.start(sample)
        elif self._replaces_newest(segment, sample):
            self._samples[-1] = sample
            self._segment = segment.then(sample, replacing_last=True)
        else:
            self._samples.append(sample)
            self._segment = segment.then(sample)
        self._trim()

    def _replaces_newest(self, segment: Segment, sample: Sample) -> bool:
        """Return whether ``sample`` (same window as the newest) takes its place."""
        if segment.count < 2:
            return False
        before, newest = self._samples[-2], self._samples[-1]
        return (
            newest.time - before.time < MIN_SPACING
            and newest.time != segment.reached
            and not _anew(before, sample)
        )

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
        self._segment = None
        for sample in merged:
            self.add(sample)

    def _trim(self) -> None:
        """Drop samples older than ``max_age`` before the newest, and beyond the count."""
        oldest_kept = self._samples[-1].time - self.max_age
        while (
            len(self._samples) > self.max_samples or self._samples[0].time < oldest_kept
        ):
            self._samples.popleft()
            self._segment_lost_oldest()

    def _segment_lost_oldest(self) -> None:
        """Follow the drop of the oldest sample when it was in the latest segment."""
        segment = self._segment
        if segment is None or segment.count <= len(self._samples):
            return
        # Every kept sample is in the latest window now.
        first = self._samples[0]
        reached = segment.reached
        if reached is not None and reached < first.time:
            reached = next(
                (kept.time for kept in self._samples if kept.utilization >= LIMIT),
                None,
            )
        self._segment = Segment(
            first=first, last=segment.last, count=len(self._samples), reached=reached
        )


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
        buffer = self._buffers.get(window_key)
        if buffer is None:
            return UNKNOWN_FORECAST
        resets_at = self._resets_at.get(window_key)
        segment = buffer.segment
        if segment is not None and segment.last.time > now:
            # The clock went back: only the samples up to now count.
            return project(buffer.samples, resets_at, now)
        return project_segment(segment, resets_at)
