"""The pace forecast, against hand-computed values."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import random

import pytest

from custom_components.claude_usage.api.models import LimitWindow, Usage, WindowKind
from custom_components.claude_usage.forecast import (
    MAX_AGE,
    MIN_SPACING,
    Forecast,
    ForecastTracker,
    Sample,
    SampleBuffer,
    Segment,
    latest_segment,
    project,
    project_segment,
    samples_from_history,
)


def at(hhmm: str) -> datetime:
    """Return the UTC time "hh:mm" on a fixed day."""
    hour, minute = hhmm.split(":")
    return datetime(2026, 11, 2, int(hour), int(minute), tzinfo=UTC)


def samples(*points: tuple[str, float], resets_at: str | None = None) -> list[Sample]:
    """Return samples from ("hh:mm", utilization) pairs sharing one reset time."""
    reset = at(resets_at) if resets_at is not None else None
    return [Sample(at(time), value, reset) for time, value in points]


def test_linear_rise_stays_under_the_limit() -> None:
    """10 -> 20 -> 30 % in an hour is 20 %/h: 70 % at a reset two hours later."""
    forecast = project(
        samples(("10:00", 10), ("10:30", 20), ("11:00", 30), resets_at="13:00"),
        at("13:00"),
        at("11:00"),
    )
    assert forecast == Forecast(projected_at_reset=70.0, limit_reached_at=None)


def test_linear_rise_reaches_the_limit_before_the_reset() -> None:
    """At 20 %/h from 30 % at 11:00, 100 % comes 3.5 h later; the reset is at 15:00."""
    forecast = project(
        samples(("10:00", 10), ("10:30", 20), ("11:00", 30), resets_at="15:00"),
        at("15:00"),
        at("11:05"),
    )
    assert forecast.projected_at_reset == pytest.approx(110.0)
    assert forecast.limit_reached_at == at("14:30")


def test_limit_exactly_at_the_reset_counts() -> None:
    """0 -> 10 % in 30 min is 20 %/h: 100 % at 15:00, the reset time itself."""
    forecast = project(
        samples(("10:00", 0), ("10:30", 10), resets_at="15:00"),
        at("15:00"),
        at("10:30"),
    )
    assert forecast.projected_at_reset == pytest.approx(100.0)
    assert forecast.limit_reached_at == at("15:00")


def test_reset_inside_the_samples_by_a_fall_of_utilization() -> None:
    """Only the samples after the fall from 90 % to 2 % give the pace."""
    points = [
        Sample(at("09:00"), 80, at("10:00")),
        Sample(at("09:30"), 90, at("10:00")),
        Sample(at("10:00"), 0, at("15:00")),
        Sample(at("10:30"), 10, at("15:00")),
    ]
    assert latest_segment(points) == Segment(points[2], points[-1], 2, None)
    forecast = project(points, at("15:00"), at("10:30"))
    # 20 %/h from 10 % at 10:30: 10 + 20 * 4.5 = 100 at 15:00.
    assert forecast.projected_at_reset == pytest.approx(100.0)
    assert forecast.limit_reached_at == at("15:00")


def test_reset_inside_the_samples_by_the_reset_time_alone() -> None:
    """Utilization goes on rising across the reset; the reset time jumps 5 h 10 min."""
    points = [
        Sample(at("09:00"), 1, at("10:00")),
        Sample(at("09:50"), 5, at("10:00")),
        Sample(at("10:10"), 6, at("15:10")),
        Sample(at("10:40"), 16, at("15:10")),
    ]
    assert latest_segment(points) == Segment(points[2], points[-1], 2, None)
    forecast = project(points, at("15:10"), at("10:40"))
    # 20 %/h from 16 % at 10:40: 16 + 20 * 4.5 = 106 at 15:10; 100 % after 4.2 h.
    assert forecast.projected_at_reset == pytest.approx(106.0)
    assert forecast.limit_reached_at == at("14:52")


def test_reset_time_jitter_is_the_same_window() -> None:
    """A reset time moving by seconds or minutes does not split the window."""
    points = [
        Sample(at("10:00"), 10, at("15:00")),
        Sample(at("10:30"), 20, at("15:00") + timedelta(seconds=30)),
        Sample(at("10:40"), 21, at("15:59")),
    ]
    assert latest_segment(points) == Segment(points[0], points[-1], 3, None)


def test_small_dip_is_rounding_a_larger_fall_is_a_new_window() -> None:
    """A dip of a few points stays in the window; a fall of 10 points starts a new one."""
    dip = samples(("10:00", 20), ("10:30", 30), ("11:00", 27))
    assert latest_segment(dip) == Segment(dip[0], dip[-1], 3, None)
    forecast = project(dip, None, at("11:00"))
    # 7 points in an hour.
    assert forecast.limit_reached_at == at("11:00") + timedelta(hours=73 / 7)

    fall = samples(("10:00", 20), ("10:30", 30), ("10:40", 20), ("10:55", 22))
    assert latest_segment(fall) == Segment(fall[2], fall[-1], 2, None)
    forecast = project(fall, at("12:55"), at("10:55"))
    # 2 points in 15 min is 8 %/h: 22 + 8 * 2 = 38 at 12:55.
    assert forecast == Forecast(
        projected_at_reset=pytest.approx(38.0), limit_reached_at=None
    )


def test_gap_weighs_by_time_not_by_sample_count() -> None:
    """A burst of polls, a two-hour gap, one poll: the pace is 20 points in 2 h."""
    points = samples(
        ("10:00", 10), ("10:01", 11), ("10:02", 12), ("10:03", 13), ("12:00", 30)
    )
    forecast = project(points, at("15:00"), at("12:00"))
    # 10 %/h from 30 % at 12:00: 60 % at 15:00; 100 % only at 19:00.
    assert forecast == Forecast(
        projected_at_reset=pytest.approx(60.0), limit_reached_at=None
    )


def test_flat_usage_projects_the_current_value() -> None:
    """No usage for an hour: the reset sees the same 40 %, the limit never comes."""
    forecast = project(samples(("10:00", 40), ("11:00", 40)), at("15:00"), at("11:00"))
    assert forecast == Forecast(projected_at_reset=40.0, limit_reached_at=None)


def test_flat_at_the_limit_reports_when_it_was_reached() -> None:
    """Stuck at 100 %: the limit was reached at the first sample at 100 %."""
    forecast = project(
        samples(("10:00", 100), ("10:30", 100)), at("15:00"), at("10:30")
    )
    assert forecast == Forecast(projected_at_reset=100.0, limit_reached_at=at("10:00"))


def test_over_the_limit_projects_past_100() -> None:
    """80 -> 100 -> 120 % in an hour: 40 %/h, 160 % at the reset, reached at 10:30."""
    forecast = project(
        samples(("10:00", 80), ("10:30", 100), ("11:00", 120)), at("12:00"), at("11:00")
    )
    assert forecast.projected_at_reset == pytest.approx(160.0)
    assert forecast.limit_reached_at == at("10:30")


def test_unknown_reset_time() -> None:
    """Without a reset time, no projection; the limit time is not bounded."""
    forecast = project(samples(("10:00", 10), ("11:00", 30)), None, at("11:00"))
    # 20 %/h from 30 % at 11:00: 100 % at 14:30.
    assert forecast == Forecast(projected_at_reset=None, limit_reached_at=at("14:30"))


def test_reset_time_already_past() -> None:
    """A reset time before the last sample adds nothing to the current value."""
    forecast = project(samples(("10:00", 10), ("11:00", 30)), at("10:30"), at("11:00"))
    assert forecast == Forecast(projected_at_reset=30.0, limit_reached_at=None)


@pytest.mark.parametrize(
    "points",
    [
        [],
        [Sample(at("10:00"), 50)],
        # Two samples, but only five minutes apart.
        [Sample(at("10:00"), 50), Sample(at("10:05"), 60)],
        # The fall to 5 % leaves a single sample in the current window.
        [Sample(at("10:00"), 50), Sample(at("11:00"), 60), Sample(at("11:10"), 5)],
    ],
)
def test_too_few_samples_is_unknown(points: list[Sample]) -> None:
    """Fewer than two samples, or less than ten minutes of them, give no pace."""
    assert project(points, at("15:00"), at("11:10")) == Forecast(None, None)


def test_too_few_samples_still_knows_a_reached_limit() -> None:
    """One sample at 100 %: no projection, but the limit is known to be reached."""
    forecast = project([Sample(at("10:00"), 100)], at("15:00"), at("10:00"))
    assert forecast == Forecast(projected_at_reset=None, limit_reached_at=at("10:00"))


def test_samples_after_now_are_ignored() -> None:
    """Only what was known at ``now`` counts."""
    points = samples(("10:00", 10), ("10:30", 20), ("11:00", 90))
    forecast = project(points, at("13:00"), at("10:30"))
    # 20 %/h from 20 % at 10:30: 20 + 20 * 2.5 = 70 at 13:00.
    assert forecast == Forecast(
        projected_at_reset=pytest.approx(70.0), limit_reached_at=None
    )


def test_samples_from_history_skips_non_numbers_and_sorts() -> None:
    """Recorded states: strings and floats count, unavailable/unknown/None do not."""
    states: list[tuple[datetime, str | float | None]] = [
        (at("10:30"), "20.5"),
        (at("10:00"), "10"),
        (at("10:10"), "unavailable"),
        (at("10:20"), "unknown"),
        (at("10:25"), None),
        (at("10:40"), 25.0),
    ]
    assert samples_from_history(states) == [
        Sample(at("10:00"), 10.0),
        Sample(at("10:30"), 20.5),
        Sample(at("10:40"), 25.0),
    ]


def test_buffer_drops_old_and_out_of_order_samples() -> None:
    """The buffer keeps max_age behind the newest, time order, and its count bound."""
    buffer = SampleBuffer(timedelta(hours=1), max_samples=3)
    buffer.add(Sample(at("10:00"), 1))
    buffer.add(Sample(at("10:30"), 2))
    buffer.add(Sample(at("10:30"), 9))
    buffer.add(Sample(at("10:20"), 9))
    assert buffer.samples == (Sample(at("10:00"), 1), Sample(at("10:30"), 2))
    buffer.add(Sample(at("11:10"), 3))
    assert buffer.samples == (Sample(at("10:30"), 2), Sample(at("11:10"), 3))
    buffer.add(Sample(at("11:15"), 4))
    buffer.add(Sample(at("11:20"), 5))
    assert buffer.samples == (
        Sample(at("11:10"), 3),
        Sample(at("11:15"), 4),
        Sample(at("11:20"), 5),
    )


def test_buffer_seed_goes_in_front_of_live_samples() -> None:
    """Recorded samples older than the first live one are merged in, in order."""
    buffer = SampleBuffer(timedelta(hours=6))
    buffer.add(Sample(at("12:00"), 30))
    buffer.seed(
        [
            Sample(at("11:00"), 20),
            Sample(at("12:00"), 99),
            Sample(at("05:00"), 1),
            Sample(at("10:00"), 10),
        ]
    )
    assert buffer.samples == (
        Sample(at("10:00"), 10),
        Sample(at("11:00"), 20),
        Sample(at("12:00"), 30),
    )


def test_buffer_seed_when_empty() -> None:
    """Seeding an empty buffer keeps the recorded samples within max_age."""
    buffer = SampleBuffer(timedelta(hours=1))
    buffer.seed(
        [Sample(at("10:30"), 5), Sample(at("09:00"), 1), Sample(at("10:00"), 3)]
    )
    assert buffer.samples == (Sample(at("10:00"), 3), Sample(at("10:30"), 5))
    buffer.seed([])
    assert buffer.samples == (Sample(at("10:00"), 3), Sample(at("10:30"), 5))
    empty = SampleBuffer(timedelta(hours=1))
    empty.seed([])
    assert empty.samples == ()


def _window(
    key: str, kind: WindowKind, utilization: float, resets_at: str
) -> LimitWindow:
    return LimitWindow(
        key=key, kind=kind, name=key, utilization=utilization, resets_at=at(resets_at)
    )


def test_tracker_follows_each_window() -> None:
    """The tracker keeps one buffer per window and projects each on its own reset."""
    tracker = ForecastTracker()
    for time, session, weekly in (
        ("10:00", 10, 40),
        ("10:30", 20, 40),
        ("11:00", 30, 41),
    ):
        tracker.add_usage(
            Usage(
                windows=(
                    _window("five_hour", WindowKind.SESSION, session, "15:00"),
                    _window("seven_day", WindowKind.WEEKLY, weekly, "12:00"),
                )
            ),
            at(time),
        )
    assert len(tracker.samples("five_hour")) == 3
    assert tracker.forecast("five_hour", at("11:00")) == Forecast(
        projected_at_reset=pytest.approx(110.0), limit_reached_at=at("14:30")
    )
    # One point an hour from 41 % at 11:00: 42 % at 12:00.
    assert tracker.forecast("seven_day", at("11:00")) == Forecast(
        projected_at_reset=pytest.approx(42.0), limit_reached_at=None
    )
    assert tracker.forecast("seven_day_opus", at("11:00")) == Forecast(None, None)
    assert tracker.samples("seven_day_opus") == ()


def test_tracker_seed_from_history_then_live() -> None:
    """After a restart, recorded states and the first live poll give a pace at once."""
    tracker = ForecastTracker()
    window = _window("five_hour", WindowKind.SESSION, 30, "15:00")
    tracker.add_usage(Usage(windows=(window,)), at("11:00"))
    assert tracker.forecast("five_hour", at("11:00")) == Forecast(None, None)
    tracker.seed(
        window, samples_from_history([(at("10:00"), "10"), (at("10:30"), "20")])
    )
    assert tracker.forecast("five_hour", at("11:00")) == Forecast(
        projected_at_reset=pytest.approx(110.0), limit_reached_at=at("14:30")
    )


def test_max_age_covers_every_window_kind() -> None:
    """Every window kind has a sample age bound longer than the session window."""
    assert set(MAX_AGE) == set(WindowKind)
    assert MAX_AGE[WindowKind.SESSION] > timedelta(hours=5)


@pytest.mark.parametrize("resets_at", [None, "15:00"])
def test_nearly_flat_rise_gives_no_limit_time(resets_at: str | None) -> None:
    """A rise of a billionth of a point puts the limit beyond any date: no limit time."""
    points = samples(("10:00", 10.0), ("11:00", 10.000000001), resets_at=resets_at)
    forecast = project(points, points[-1].resets_at, at("11:00"))
    assert forecast.limit_reached_at is None


def test_limit_within_a_year_without_reset_time() -> None:
    """Without a reset time a limit is forecast up to a year ahead, not later."""
    # 1 point a day from 10 %: 90 days to go.
    near = [Sample(at("10:00"), 10.0), Sample(at("10:00") + timedelta(days=1), 11.0)]
    assert project(near, None, near[-1].time).limit_reached_at == near[
        -1
    ].time + timedelta(days=89)
    # 0.1 point a day: 890 days.
    far = [Sample(at("10:00"), 10.0), Sample(at("10:00") + timedelta(days=1), 10.1)]
    assert project(far, None, far[-1].time).limit_reached_at is None


def _every(
    start: datetime, seconds: float, values: list[float], resets_at: datetime | None
) -> list[Sample]:
    """Return samples ``seconds`` apart from ``start`` with ``values``."""
    return [
        Sample(start + timedelta(seconds=seconds * index), value, resets_at)
        for index, value in enumerate(values)
    ]


def test_buffer_thins_reports_to_one_sample_per_min_spacing() -> None:
    """A report a second for ten minutes keeps one sample per 30 s and the newest."""
    reports = _every(at("10:00"), 1, [10 + i / 60 for i in range(601)], at("15:00"))
    buffer = SampleBuffer(timedelta(hours=6))
    for report in reports:
        buffer.add(report)
    kept = buffer.samples
    assert len(kept) == 21
    assert kept[0] == reports[0]
    assert kept[-1] == reports[-1]
    assert all(
        later.time - earlier.time >= MIN_SPACING
        for earlier, later in zip(kept[:-2], kept[1:-1], strict=True)
    )
    # Thinning keeps what the projection reads.
    assert project_segment(buffer.segment, at("15:00")) == project(
        reports, at("15:00"), at("10:10")
    )


def test_thinning_keeps_where_a_window_starts_and_reaches_the_limit() -> None:
    """A window's first sample, and its first at 100 %, stay however close they come."""
    buffer = SampleBuffer(timedelta(hours=6))
    points = [
        Sample(at("10:00"), 95, at("11:00")),
        Sample(at("10:00") + timedelta(seconds=10), 99, at("11:00")),
        Sample(at("10:00") + timedelta(seconds=20), 100, at("11:00")),
        Sample(at("10:00") + timedelta(seconds=25), 100, at("11:00")),
        Sample(at("10:00") + timedelta(seconds=26), 1, at("15:00")),
        Sample(at("10:00") + timedelta(seconds=27), 2, at("15:00")),
        Sample(at("10:00") + timedelta(seconds=28), 3, at("15:00")),
    ]
    for point in points:
        buffer.add(point)
    # 99 % gives way to the first 100 %, which stays (the 100 % after it comes
    # next); the next window's first sample stays, and 3 % takes the place of 2 %.
    assert buffer.samples == (points[0], points[2], points[3], points[4], points[6])
    assert buffer.segment == Segment(points[4], points[6], 2, None)


def test_thinning_keeps_a_fall_counted_from_the_sample_before_the_newest() -> None:
    """Two small dips in a row that make a fall of 10 points from the one before stay."""
    buffer = SampleBuffer(timedelta(hours=6))
    points = _every(at("10:00"), 10, [50, 44, 39], None)
    for point in points:
        buffer.add(point)
    # 50 -> 39 would start anew; 44 -> 39 does not: 39 does not replace 44.
    assert buffer.samples == tuple(points)
    assert buffer.segment == Segment(points[0], points[2], 3, None)


def test_limit_time_stays_when_its_sample_ages_out() -> None:
    """Past the age bound, the limit time is the first kept sample at 100 %, if any."""
    buffer = SampleBuffer(timedelta(minutes=30))
    for point in samples(("10:00", 100), ("10:10", 99), ("10:20", 100), ("10:35", 100)):
        buffer.add(point)
    assert buffer.segment == Segment(
        Sample(at("10:10"), 99), Sample(at("10:35"), 100), 3, at("10:20")
    )
    buffer.add(Sample(at("11:00"), 99.5))
    assert buffer.segment == Segment(
        Sample(at("10:35"), 100), Sample(at("11:00"), 99.5), 2, at("10:35")
    )
    for point in samples(("11:30", 99.6), ("11:40", 99.7)):
        buffer.add(point)
    assert buffer.segment == Segment(
        Sample(at("11:30"), 99.6), Sample(at("11:40"), 99.7), 2, None
    )


@pytest.mark.parametrize("seed", range(20))
def test_kept_segment_projects_as_every_sample_does(seed: int) -> None:
    """Random reports: the kept segment forecasts as all samples do, and as the kept ones."""
    rng = random.Random(seed)
    reports: list[Sample] = []
    time, value, resets_at = at("00:00"), 0.0, at("05:00")
    unbounded = SampleBuffer(timedelta(days=30), max_samples=10**6)
    bounded = SampleBuffer(timedelta(minutes=rng.choice((5, 20, 60))), max_samples=7)
    for _ in range(400):
        time += timedelta(seconds=rng.choice((0.3, 1, 5, 29, 31, 90, 600)))
        roll = rng.random()
        if roll < 0.03:
            value, resets_at = rng.uniform(0, 5), resets_at + timedelta(hours=5)
        elif roll < 0.06:
            value = max(value - rng.uniform(0, 15), 0.0)
        else:
            value = min(value + rng.uniform(0, 3), 120.0)
        reports.append(Sample(time, value, resets_at))
        unbounded.add(reports[-1])
        bounded.add(reports[-1])
        assert project_segment(unbounded.segment, resets_at) == project(
            reports, resets_at, time
        )
        assert project_segment(bounded.segment, resets_at) == project(
            bounded.samples, resets_at, time
        )
        assert latest_segment(bounded.samples) == bounded.segment


def test_seed_is_thinned_and_bounded_like_live_samples() -> None:
    """Recorded states a second apart are thinned as live ones, and capped."""
    buffer = SampleBuffer(timedelta(hours=6), max_samples=100)
    buffer.add(Sample(at("12:00"), 50))
    buffer.seed(_every(at("10:00"), 1, [10 + i / 3600 for i in range(7200)], None))
    kept = buffer.samples
    assert len(kept) == 100
    assert kept[-1] == Sample(at("12:00"), 50)
    assert kept[0].time >= at("11:00")
    assert buffer.segment == latest_segment(kept)


def test_tracker_reads_samples_up_to_now_when_the_clock_went_back() -> None:
    """A forecast asked for before the newest sample's time uses the earlier samples."""
    tracker = ForecastTracker()
    for time, session in (("10:00", 10), ("10:30", 20), ("11:00", 60)):
        tracker.add_usage(
            Usage(
                windows=(_window("five_hour", WindowKind.SESSION, session, "15:00"),)
            ),
            at(time),
        )
    # Up to 10:30: 20 %/h from 20 % at 10:30 is 110 % at 15:00.
    assert tracker.forecast("five_hour", at("10:45")) == Forecast(
        projected_at_reset=pytest.approx(110.0), limit_reached_at=at("14:30")
    )
    assert tracker.forecast("five_hour", at("11:00")).projected_at_reset == (
        pytest.approx(60 + 50 * 4)
    )
