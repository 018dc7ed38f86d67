"""The card on a real dashboard, in headless Chromium, at a desktop and a phone size.

The module's tests share one Home Assistant; the last one blocks claude.ai behind
Cloudflare, so it stays last.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path
import re
import time
from typing import Any, Literal

from playwright.async_api import Browser, Locator, Page, expect
import pytest
import pytest_asyncio
import pytest_socket

from tests.e2e.harness import CARD_TYPE
from tests.e2e.helpers import (
    ARTIFACTS,
    PASSWORD,
    POLL_WAIT,
    USERNAME,
    Product,
    add_entry,
    entity_ids,
    usage_payload,
    wait_state,
)

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

DASHBOARD = "claude-usage"
VIEW = f"/{DASHBOARD}/usage"
CARD = "claude-usage-card"
GAUGE = "claude-usage-gauge"
# The graph's left edge in its SVG (graph.ts: graphLayout).
GRAPH_LEFT = 34
# A line of one value: from its first state to now.
FLAT_LINE = re.compile(r"^M([\d.]+) [\d.]+H([\d.]+)$")
# The session window of the served usage resets 2 h 13 min after the fixture ran; the
# countdown holds number and unit together with a no-break space.
COUNTDOWN = re.compile(r"Resets in 2\shr (\d+)\smin")

# Where each gauge and its texts sit, and the lines its texts are laid out in (read from
# each character's box).
GAUGE_LAYOUT = """(card) => {
  const lines = (element) => {
    const out = [];
    let middle = null;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let index = 0; index < node.data.length; index += 1) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const box = [...range.getClientRects()].find((rect) => rect.width > 0);
        if (!box) continue;
        const y = box.top + box.height / 2;
        if (middle === null || Math.abs(y - middle) > box.height / 2) {
          out.push("");
          middle = y;
        }
        out[out.length - 1] += node.data[index];
      }
    }
    return out.map((line) => line.replace(/[\\s\\u00a0\\u202f]+/g, " ").trim());
  };
  const grid = card.shadowRoot.querySelector(".gauges");
  return {
    height: grid.getBoundingClientRect().height,
    gauges: [...grid.querySelectorAll("claude-usage-gauge")].map((host) => {
      const gauge = host.shadowRoot.querySelector(".gauge");
      const part = (selector) => gauge.querySelector(selector);
      const top = (element) => element.getBoundingClientRect().top;
      return {
        key: host.dataset.key,
        top: top(gauge),
        height: gauge.getBoundingClientRect().height,
        name_top: top(part(".name")),
        reset_top: top(part(".reset")),
        name: lines(part(".name")),
        name_text: part(".name").textContent.replace(/\\s+/g, " ").trim(),
        reset: lines(part(".reset")),
        detail: part(".detail") ? lines(part(".detail")) : null,
      };
    }),
  };
}"""


def _minutes_left(text: str) -> int:
    match = COUNTDOWN.fullmatch(text.strip())
    assert match, text
    return 120 + int(match[1])


def _tick_minutes(label: str) -> int:
    """Return the minute of the day of an English axis label: "11:35 PM", "Dec 8" (0:00)."""
    text = label.replace("\u202f", " ")
    if re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}", text):
        return 0
    parsed = datetime.strptime(text, "%I:%M %p")
    return parsed.hour * 60 + parsed.minute


async def assert_round_ticks(card: Locator) -> None:
    """Assert that the time axis has ticks a round step apart, on multiples of it."""
    labels = await card.locator(
        '.graph text.axis[text-anchor="middle"]'
    ).all_text_contents()
    assert len(labels) >= 2, labels
    minutes = [_tick_minutes(label) for label in labels]
    steps = {(later - earlier) % (24 * 60) for earlier, later in pairwise(minutes)}
    assert len(steps) == 1, labels
    step = steps.pop()
    assert step in (1, 2, 5, 10, 15, 30, 60), labels
    assert all(minute % step == 0 for minute in minutes), labels


async def _gauge_layout(page: Page) -> dict[str, Any]:
    layout: dict[str, Any] = await page.locator(CARD).evaluate(GAUGE_LAYOUT)
    return layout


def _layout_defects(layout: dict[str, Any]) -> list[str]:
    """Return what the browser laid out wrongly in the gauges.

    A countdown broken between a number and its unit ("Resets in 1" / "hr 13 min"),
    a name broken inside a word ("Sitzungsnutzun" / "g"), names or countdowns of one
    row at different heights (a name on two lines beside names on one), a hold detail
    with a line that starts with its "·".
    """
    defects: list[str] = []
    rows: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    for gauge in layout["gauges"]:
        rows[round(gauge["top"])].append(gauge)
        if " ".join(gauge["name"]) != gauge["name_text"]:
            defects.append(
                f"{gauge['key']}: a word of the name broken: {gauge['name']}"
            )
        for before, after in pairwise(gauge["reset"]):
            if re.search(r"\d$", before) and re.match(r"\D", after):
                defects.append(f"{gauge['key']}: a quantity broken: {gauge['reset']}")
        defects.extend(
            f"{gauge['key']}: a line starts with '·': {gauge['detail']}"
            for line in (gauge["detail"] or [])[1:]
            if line.startswith("·")
        )
    for row in rows.values():
        for part in ("name_top", "reset_top"):
            tops = [gauge[part] for gauge in row]
            if max(tops) - min(tops) > 1:
                keys = [gauge["key"] for gauge in row]
                defects.append(f"{part} uneven in the row {keys}: {tops}")
    return defects


async def _hold(page: Page, gauge: str) -> None:
    """Hold a gauge past the hold time (the page's clock is installed)."""
    box = (
        await page.locator(CARD)
        .locator(f'{GAUGE}[data-key="{gauge}"] .gauge')
        .bounding_box()
    )
    assert box is not None
    await page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    await page.mouse.down()
    await page.clock.run_for(600)
    await page.mouse.up()


@dataclass
class Dashboard:
    """The account on the dashboard: its device, its entity ids by unique id."""

    device_id: str
    device_name: str
    entities: dict[str, str]


async def _save_dashboard(product: Product, device_id: str) -> None:
    """Save the dashboard with the card of the account alone."""
    await product.client.ensure_dashboard(
        DASHBOARD, "Claude usage", [{"type": CARD_TYPE, "device_id": device_id}]
    )


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def dashboard(product: Product) -> Dashboard:
    """Add the integration and save a dashboard with the card."""
    # Set up within a test's setup, before its function-scoped `socket_enabled`.
    pytest_socket.enable_socket()
    await product.fake_control("usage", {"payload": usage_payload(42.0, 61.0, 23.0)})
    entry = await add_entry(product)
    device = await product.client.device_of(entry["entry_id"])
    await _save_dashboard(product, device["id"])
    return Dashboard(
        device["id"],
        device["name_by_user"] or device["name"],
        await entity_ids(product, entry["entry_id"]),
    )


async def _open(
    browser: Browser,
    product: Product,
    viewport: tuple[int, int],
    scheme: Literal["light", "dark"] = "light",
    *,
    touch: bool = False,
) -> Page:
    """Log a fresh browser context in without typing and open the dashboard.

    Home Assistant's default theme follows the browser's light or dark scheme;
    ``touch`` makes the browser a phone's (touch events, no hover).
    """
    width, height = viewport
    context = await browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=scheme,
        has_touch=touch,
        is_mobile=touch,
    )
    page = await context.new_page()
    console: list[str] = []
    page.on(
        "console", lambda message: console.append(f"{message.type}: {message.text}")
    )
    page.on("pageerror", lambda error: console.append(f"page error: {error}"))
    # A controllable clock, so the countdown can be moved on without waiting a minute.
    await page.clock.install()
    await page.goto(await product.client.browser_login_url(USERNAME, PASSWORD, VIEW))
    gauges = page.locator(f"{CARD} .gauge")
    error_card = page.locator("hui-error-card")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if await gauges.count():
            # Home Assistant's launch screen fades out over the view for a moment.
            await expect(page.locator("#ha-launch-screen")).to_have_count(0)
            return page
        await asyncio.sleep(0.25)
    await page.screenshot(path=ARTIFACTS / f"failed-{width}x{height}.png")
    errors = await error_card.evaluate_all(
        "cards => cards.map((card) => card._config && card._config.message)"
    )
    await context.close()
    raise AssertionError(
        f"the card did not render; error cards: {errors}; browser console:\n"
        + "\n".join(console)
    )


@pytest.mark.usefixtures("dashboard")
async def test_card_is_defined_on_the_first_page_load(
    product: Product, browser: Browser
) -> None:
    """Every fresh page load shows the card, without a reload.

    The card's module loads in parallel with Home Assistant's app, which swaps in a
    scoped custom element registry while it boots; a card defined before the swap
    was missing from the dashboard ("Custom element doesn't exist") in about half
    of the loads.
    """
    for _ in range(3):
        page = await _open(browser, product, (1280, 800))
        await page.context.close()


@pytest.mark.usefixtures("dashboard")
@pytest.mark.parametrize(
    "viewport", [(1280, 800), (390, 844)], ids=["desktop", "phone"]
)
@pytest.mark.parametrize("scheme", ["light", "dark"])
async def test_card_shows_the_usage(
    product: Product,
    browser: Browser,
    artifacts: Path,
    viewport: tuple[int, int],
    scheme: Literal["light", "dark"],
) -> None:
    """Gauges carry the fake's numbers, the countdown ticks, the graph has a line."""
    width, height = viewport
    page = await _open(browser, product, viewport, scheme)
    try:
        card = page.locator(CARD)
        for key, percent in (("five_hour", "42%"), ("seven_day", "61%")):
            await expect(
                card.locator(f'{GAUGE}[data-key="{key}"] .percent')
            ).to_have_text(percent)
        await expect(
            card.locator(f'{GAUGE}[data-key="seven_day_opus"] .percent')
        ).to_have_text("23%")
        await expect(card.locator(".gauge")).to_have_count(3)
        # The pace marker: 42 % of the session used, 56 % of it gone by; weekly 61 % / 55 %.
        for key, pace in (("five_hour", "Behind pace"), ("seven_day", "Ahead of pace")):
            gauge = card.locator(f'{GAUGE}[data-key="{key}"] .gauge')
            await expect(gauge.locator(".pace")).to_have_count(1)
            await expect(gauge).to_have_attribute("aria-label", re.compile(pace))

        reset = card.locator(f'{GAUGE}[data-key="five_hour"] .reset')
        await expect(reset).to_have_text(COUNTDOWN)

        # A hold shows the exact reset time and the pace over the arc, for a while.
        detail = card.locator(f'{GAUGE}[data-key="five_hour"] .detail')
        await _hold(page, "five_hour")
        await expect(detail).to_contain_text("Behind pace")
        await expect(reset).to_have_text(COUNTDOWN)
        await expect(page.get_by_role("dialog")).to_have_count(0)
        await page.clock.run_for(3000)
        await expect(detail).to_have_count(0)
        before = await reset.inner_text()
        await page.clock.fast_forward(60_000)
        await expect(reset).not_to_have_text(before)
        assert _minutes_left(await reset.inner_text()) == _minutes_left(before) - 1

        # Extra usage: the fake spends 12.34 of 50.00 USD.
        await expect(card.locator("claude-usage-extra .extra")).to_contain_text(
            "$12.34 of $50.00"
        )

        # A new install: the graph spans its minute or two of history (at least 10
        # minutes), not 24 hours with a line a pixel wide at the right edge.
        lines = card.locator(".graph path.line")
        await expect(lines.first).to_be_attached()
        assert await lines.count() == 3
        for index in range(3):
            d = await lines.nth(index).get_attribute("d")
            match = FLAT_LINE.fullmatch(d or "")
            assert match, d
            first, now = float(match[1]), float(match[2])
            assert (now - first) / (now - GRAPH_LEFT) >= 0.05, d
        await assert_round_ticks(card)

        screenshot = artifacts / f"dashboard-{width}x{height}-{scheme}.png"
        await page.screenshot(path=screenshot, full_page=True)
        print(f"screenshot: {screenshot}")  # noqa: T201
    finally:
        await page.context.close()


@pytest.mark.usefixtures("dashboard")
async def test_range_switch(
    product: Product, browser: Browser, artifacts: Path
) -> None:
    """The range buttons switch the graph between 3 h, 6 h, 24 h and 7 d."""
    page = await _open(browser, product, (1280, 800))
    try:
        card = page.locator(CARD)
        ranges = card.locator("button.range")
        await expect(ranges).to_have_count(4)
        await expect(card.locator('button.range[data-range="24h"]')).to_have_attribute(
            "aria-pressed", "true"
        )
        chart = card.locator(".graph svg.chart")
        await expect(chart).to_have_attribute(
            "aria-label", re.compile(r"^History, last 24 hours: ")
        )

        await card.locator('button.range[data-range="3h"]').click()
        await expect(card.locator('button.range[data-range="3h"]')).to_have_attribute(
            "aria-pressed", "true"
        )
        await expect(card.locator('button.range[data-range="24h"]')).to_have_attribute(
            "aria-pressed", "false"
        )
        await expect(card.locator(".graph path.line").first).to_be_attached()
        # The history of a new install is shorter than either range: both show all of it.
        await expect(chart).to_have_attribute(
            "aria-label", re.compile(r"^History, last 3 hours: ")
        )

        await card.locator('button.range[data-range="7d"]').click()
        await expect(card.locator('button.range[data-range="7d"]')).to_have_attribute(
            "aria-pressed", "true"
        )
        await expect(card.locator(".graph path.line").first).to_be_attached()
        await page.screenshot(path=artifacts / "dashboard-7d.png", full_page=True)
    finally:
        await page.context.close()


@pytest.mark.usefixtures("dashboard")
async def test_tap_on_the_graph_shows_values_on_a_phone(
    product: Product, browser: Browser, artifacts: Path
) -> None:
    """A tap on the graph shows the tooltip until a tap elsewhere (a finger has no hover)."""
    page = await _open(browser, product, (390, 844), "dark", touch=True)
    try:
        card = page.locator(CARD)
        chart = card.locator(".graph svg.chart")
        await chart.scroll_into_view_if_needed()
        box = await chart.bounding_box()
        assert box is not None
        # Near the right edge: the new install's values of the last minutes.
        await chart.tap(position={"x": box["width"] - 12, "y": box["height"] / 2})
        tooltip = card.locator(".graph .tooltip")
        await expect(tooltip).to_be_visible()
        await expect(tooltip).to_contain_text("Session usage: 42%")
        # Still there once the finger is up and the browser has moved on.
        await page.clock.run_for(1000)
        await expect(tooltip).to_be_visible()
        await page.screenshot(path=artifacts / "dashboard-graph-tap-390x844-dark.png")
        await card.locator(".card-header").tap()
        await expect(tooltip).to_have_count(0)
    finally:
        await page.context.close()


@pytest.mark.usefixtures("dashboard")
async def test_tap_opens_more_info(product: Product, browser: Browser) -> None:
    """A tap on a gauge reaches Home Assistant's action handling: more-info of its sensor."""
    page = await _open(browser, product, (1280, 800))
    try:
        await page.locator(f'{GAUGE}[data-key="seven_day"] .gauge').click()
        await expect(page.get_by_role("dialog")).to_be_visible()
        dialog = page.locator("ha-more-info-dialog")
        await expect(
            dialog.get_by_text("Weekly usage", exact=True).first
        ).to_be_visible()
    finally:
        await page.context.close()


@pytest.mark.usefixtures("dashboard")
async def test_text_layout(product: Product, browser: Browser, artifacts: Path) -> None:
    """Texts wrap where they may, rows stay even, a hold moves nothing (issue 22, 10).

    At phone and desktop widths: no countdown breaks between a number and its unit,
    the names and countdowns of a row line up though "Weekly Opus usage" takes two
    lines, and the hold detail (over the arc) neither starts a line with its "·" nor
    makes the gauges taller.
    """
    page = await _open(browser, product, (390, 844))
    try:
        card = page.locator(CARD)
        await expect(card.locator(".gauge")).to_have_count(3)
        for width in (340, 360, 375, 390, 412, 430, 600, 900, 1280):
            await page.set_viewport_size({"width": width, "height": 844})
            await page.wait_for_timeout(200)  # the grid takes its new column count
            layout = await _gauge_layout(page)
            assert _layout_defects(layout) == [], (width, layout)
        await page.set_viewport_size({"width": 390, "height": 844})
        await page.wait_for_timeout(200)
        before = await _gauge_layout(page)
        opus = next(g for g in before["gauges"] if g["key"] == "seven_day_opus")
        assert len({round(g["top"]) for g in before["gauges"]}) == 1, before
        assert opus["name_top"] == before["gauges"][0]["name_top"], before
        await _hold(page, "seven_day_opus")
        await expect(
            card.locator(f'{GAUGE}[data-key="seven_day_opus"] .detail')
        ).to_be_visible()
        during = await _gauge_layout(page)
        assert _layout_defects(during) == [], during
        held = next(g for g in during["gauges"] if g["key"] == "seven_day_opus")
        assert held["detail"] and held["detail"][-1] == "Behind pace", held
        # The countdown stays where it was, on as many lines (its text may tick on:
        # the hold runs the page's clock).
        assert (held["reset_top"], len(held["reset"])) == (
            opus["reset_top"],
            len(opus["reset"]),
        ), (opus, held)
        assert during["height"] == before["height"], (before, during)
        assert [g["height"] for g in during["gauges"]] == [
            g["height"] for g in before["gauges"]
        ], (before, during)
        await page.screenshot(path=artifacts / "dashboard-390-hold.png", full_page=True)
    finally:
        await page.context.close()


async def _set_language(product: Product, language: str) -> None:
    """Set the language of the user the browser logs in as (the profile's setting)."""
    await product.client.ws(
        "frontend/set_user_data", key="language", value={"language": language}
    )


@pytest.mark.usefixtures("dashboard")
@pytest.mark.parametrize(
    "viewport", [(1280, 800), (390, 844)], ids=["desktop", "phone"]
)
async def test_card_in_german(
    product: Product, browser: Browser, artifacts: Path, viewport: tuple[int, int]
) -> None:
    """A German user of an English Home Assistant reads the card in German only.

    Home Assistant names the entities in its own language; the card names the windows
    in the user's (issue 22, 11), its legend too, and words resets and pace in German.
    """
    await _set_language(product, "de")
    width, height = viewport
    page = await _open(browser, product, viewport, "dark")
    try:
        card = page.locator(CARD)
        names = ["Sitzungsnutzung", "Wochennutzung", "Wochennutzung Opus"]
        await expect(card.locator(f"{GAUGE} .name")).to_have_text(names)
        await expect(card.locator(".legend-item")).to_have_text(names)
        await expect(
            card.locator(f'{GAUGE}[data-key="five_hour"] .reset')
        ).to_have_text(re.compile(r"^Wird in 2\sStd\., \d+\sMin\. zurückgesetzt$"))
        await expect(card.locator("claude-usage-extra .extra")).to_contain_text(
            "Zusätzliche Nutzung"
        )
        text = await card.evaluate(
            """(card) => {
              const out = [];
              const walk = (node) => {
                if (node.nodeType === Node.TEXT_NODE) out.push(node.data);
                for (const child of [...(node.shadowRoot?.childNodes ?? []), ...node.childNodes]) walk(child);
              };
              walk(card);
              return out.join(" ");
            }"""
        )
        for english in ("Session", "Weekly", "usage", "Resets", "pace", "Extra"):
            assert english not in text, (english, text)
        assert _layout_defects(await _gauge_layout(page)) == []
        await _hold(page, "five_hour")
        detail = card.locator(f'{GAUGE}[data-key="five_hour"] .detail')
        await expect(detail).to_contain_text("Unter dem Soll")
        await expect(detail).to_contain_text("zurückgesetzt")
        assert _layout_defects(await _gauge_layout(page)) == []
        await page.screenshot(
            path=artifacts / f"dashboard-de-{width}x{height}.png", full_page=True
        )
    finally:
        await page.context.close()
        await _set_language(product, "en")


async def test_card_picker_suggests_the_card(
    product: Product, browser: Browser, artifacts: Path, dashboard: Dashboard
) -> None:
    """Add card > By entity > a usage sensor: the card of its account is suggested.

    Picking the suggestion adds the card with the sensor's account.
    """
    page = await _open(browser, product, (1280, 800))
    try:
        await page.goto(f"{product.hass.url}{VIEW}?edit=1")
        await page.get_by_role("button", name="Add card").click()
        await page.get_by_role("tab", name="By entity").click()
        await page.get_by_placeholder("Search entities").fill("Session usage")
        await (
            page.locator("hui-suggestion-entity-tree ha-combo-box-item")
            .filter(has_text="Session usage")
            .first.click()
        )
        suggestion = page.locator("hui-suggestion-card").filter(has=page.locator(CARD))
        await expect(suggestion).to_have_count(1)
        await expect(suggestion.locator(f"{CARD} .gauge")).to_have_count(3)
        await expect(suggestion.locator("div.card-header").first).to_have_text(
            "Claude Usage"
        )
        await suggestion.scroll_into_view_if_needed()
        await page.screenshot(path=artifacts / "card-picker-suggestion.png")
        await suggestion.click()
        await expect(page.locator(CARD)).to_have_count(2)
        await expect(page.locator(CARD).last.locator(".gauge")).to_have_count(3)
        saved = await product.client.ws("lovelace/config", url_path=DASHBOARD)
        assert saved["views"][0]["cards"][-1] == {
            "type": CARD_TYPE,
            "device_id": dashboard.device_id,
        }, saved
    finally:
        await page.context.close()
        await _save_dashboard(product, dashboard.device_id)


async def test_editor_stays_visual_while_thresholds_are_typed(
    product: Product, browser: Browser, artifacts: Path, dashboard: Dashboard
) -> None:
    """The README's thresholds typed key by key: a field error at "8", never YAML."""
    page = await _open(browser, product, (1280, 800))
    try:
        await page.goto(f"{product.hass.url}{VIEW}?edit=1")
        await (
            page.locator("hui-card-options")
            .first.get_by_text("Edit", exact=True)
            .click()
        )
        editor = page.locator("claude-usage-card-editor")
        await expect(editor.locator("ha-form").first).to_be_visible()
        # Defaults shown: the range, and the account's name as the title's placeholder.
        await expect(
            editor.locator("ha-selector-select ha-select")
        ).to_have_js_property("value", "24h")
        title = editor.locator(f'input[placeholder="{dashboard.device_name}"]')
        await expect(title).to_be_visible()
        # The account picker names the integration as Home Assistant's pickers do.
        await editor.locator("ha-selector-device").click()
        await expect(page.get_by_text("Claude Usage", exact=True).first).to_be_visible()
        await expect(page.get_by_text("claude_usage", exact=True)).to_have_count(0)
        await page.screenshot(path=artifacts / "editor-account-picker.png")
        await page.keyboard.press("Escape")
        await editor.get_by_text("Color thresholds", exact=True).click()
        fields = editor.locator("ha-selector-number input")
        warning, critical = fields.nth(0), fields.nth(1)
        await expect(warning).to_have_attribute("placeholder", "75")
        await warning.press_sequentially("60", delay=50)
        await critical.press_sequentially("8", delay=50)
        error = editor.locator("ha-alert")
        await expect(error).to_contain_text(
            "The warning threshold must be lower than the critical one."
        )
        # The preview keeps the last configuration the card takes (issue 22, 9).
        preview = page.locator("hui-card[preview]")
        await expect(preview.locator(f"{CARD} .gauge")).to_have_count(3)
        await expect(preview.locator("hui-error-card")).to_have_count(0)
        await expect(preview).not_to_contain_text("Configuration error")
        await page.screenshot(path=artifacts / "editor-thresholds-typing.png")
        await critical.press_sequentially("5", delay=50)
        await expect(error).to_have_count(0)
        await expect(critical).to_have_value("85")
        await expect(preview.locator(f"{CARD} .gauge")).to_have_count(3)
        # Still the visual editor: no YAML editor took over.
        await expect(page.locator("ha-yaml-editor")).to_have_count(0)
        await page.screenshot(path=artifacts / "editor-thresholds.png")
        # Without the graph, no range to choose (a condition of Home Assistant's form).
        await editor.locator("ha-selector-boolean ha-switch").click()
        await expect(editor.locator("ha-selector-select")).to_have_count(0)
        await expect(preview.locator("claude-usage-history")).to_have_count(0)
    finally:
        await page.context.close()


async def test_card_during_a_cloudflare_block(
    product: Product,
    browser: Browser,
    artifacts: Path,
    dashboard: Dashboard,
) -> None:
    """claude.ai blocked by Cloudflare: the cause, the last values greyed, the history.

    With the integration's Status sensor the card names the block and links to the
    repair; without it (an integration before that sensor), it says usage is
    unavailable and links to the integration.
    """
    await product.fake_control("fail", {"mode": "cloudflare"})
    await wait_state(
        product,
        dashboard.entities["five_hour_usage"],
        lambda state: state == "unavailable",
        timeout=2 * POLL_WAIT,
    )
    if "status" in dashboard.entities:
        await wait_state(
            product,
            dashboard.entities["status"],
            lambda state: state == "cloudflare_blocked",
        )
        cause, fix = "Blocked by Cloudflare", "Open the repair"
    else:
        cause, fix = "Usage unavailable", "Open the integration"
    for viewport, scheme in (((1280, 800), "light"), ((390, 844), "dark")):
        width, height = viewport
        page = await _open(browser, product, viewport, scheme)
        try:
            card = page.locator(CARD)
            banner = card.locator("claude-usage-status .banner")
            await expect(banner).to_contain_text(cause)
            await expect(banner.get_by_role("button", name=fix)).to_be_visible()
            for key, percent in (("five_hour", "42%"), ("seven_day", "61%")):
                gauge = card.locator(f'{GAUGE}[data-key="{key}"] .gauge')
                await expect(gauge.locator(".percent")).to_have_text(percent)
                await expect(gauge).to_have_class(re.compile(r"\bstale\b"))
            lines = card.locator(".graph path.line")
            await expect(lines).to_have_count(3)
            await expect(lines.first).to_have_attribute("d", re.compile(r"^M"))
            await page.screenshot(
                path=artifacts / f"dashboard-cloudflare-{width}x{height}-{scheme}.png",
                full_page=True,
            )
        finally:
            await page.context.close()
