"""Claude Code reports to a real Home Assistant, as a user sets it up.

The flow in Chromium ends on the step with the lines to paste; ``curl`` run with
those very lines and the ``sh`` reporter (installed with the flow's own command,
under dash and under bash) are fed status-line and hook JSON as Claude Code writes
it, change the sensors of the running Home Assistant, print the status text, and a
hook fires the event entity. Screenshots go to artifacts/e2e/claude-code-*.png.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import json
from pathlib import Path
import shutil
from typing import Any

from playwright.async_api import Page, expect
import pytest
import pytest_asyncio
import pytest_socket

from tests.e2e.harness import CARD_TYPE
from tests.e2e.helpers import ARTIFACTS, Product, entity_ids, eventually, wait_state
from tests.e2e.ui import DESKTOP, DIALOG, PHONE, expect_in_dialog, rendered
from tests.reporter.claude_code import ClaudeCode, Tools, fixture_text

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

DOMAIN = "claude_code"
ADD_INTEGRATION = "/config/integrations/dashboard/add?domain=claude_usage"
MENU_OPTION = "Claude Code reports its usage"
# The shells and awks the reporter runs under here (dash and mawk are Debian's own).
REPORTERS = [Tools("dash", "mawk"), Tools("bash", "gawk")]
CARD = "claude-usage-card"


def status_line(session: float, weekly: float) -> str:
    """Return a status line's JSON as Claude Code writes it, resets from now."""
    body = json.loads(fixture_text("statusline_rate_limits.json"))
    now = datetime.now(UTC)
    body["rate_limits"] = {
        "five_hour": {
            "used_percentage": session,
            "resets_at": int((now + timedelta(hours=2, minutes=30)).timestamp()),
        },
        "seven_day": {
            "used_percentage": weekly,
            "resets_at": int((now + timedelta(days=3, hours=12)).timestamp()),
        },
    }
    return json.dumps(body)


async def _shot(page: Page, name: str) -> None:
    await page.wait_for_timeout(300)  # a dialog's opening animation
    await page.screenshot(path=ARTIFACTS / f"claude-code-{name}.png")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def lines(product: Product) -> dict[str, Any]:
    """Add a Claude Code entry through the REST flow the UI uses; return its lines."""
    pytest_socket.enable_socket()
    client = product.client
    flow = await client.start_flow()
    flow = await client.configure_flow(flow["flow_id"], {"next_step_id": "claude_code"})
    flow = await client.configure_flow(
        flow["flow_id"], {"name": "Claude Code", "allow_remote": False}
    )
    assert flow["step_id"] == "claude_code_lines"
    placeholders: dict[str, Any] = flow["description_placeholders"]
    created = await client.configure_flow(flow["flow_id"], {})
    assert created["type"] == "create_entry"
    return placeholders | {"entry_id": created["result"]["entry_id"]}


async def test_the_flow_ends_on_the_lines_to_paste(
    page: Page, product: Product
) -> None:
    """Add integration > Claude Code: a name, then the webhook and the lines to paste."""
    await page.goto(f"{product.hass.url}{ADD_INTEGRATION}", wait_until="networkidle")
    await page.get_by_role("button", name="OK").click()
    text = await expect_in_dialog(page, MENU_OPTION, "Paste a session cookie")
    assert text.index(MENU_OPTION) < text.index("Paste a session cookie"), text
    await page.locator(DIALOG).get_by_text(MENU_OPTION).click()

    await expect(page.locator(f"{DIALOG} input").first).to_be_visible()
    text = await expect_in_dialog(page, "version 2.1.80 or newer")
    assert "version 2.1.80 or newer" in text, text
    await page.locator(f"{DIALOG} input").first.fill("Laptop")
    await _shot(page, "name")
    await page.locator(f"{DIALOG} ha-button[slot=primaryAction]").click()

    text = await expect_in_dialog(page, "statusLine")
    assert text.startswith("Paste these lines into Claude Code"), text
    for shown in (
        "/api/webhook/",
        "~/.claude/settings.json",
        '"command": "curl -sf -m 2 --data-binary @- ',
        '"command": "$input | curl.exe -sf -m 2 --data-binary \'@-\' ',
        '"Notification"',
        "sh claude-usage-report.sh install",
        "keeps nothing else",
    ):
        assert shown in text, shown
    await _shot(page, "lines")
    await page.set_viewport_size(PHONE)
    await rendered(page, DIALOG, "the lines on a phone")
    await _shot(page, "lines-phone")
    await page.set_viewport_size(DESKTOP)
    await page.locator(f"{DIALOG} ha-button[slot=primaryAction]").click()
    await expect(page.locator(DIALOG).get_by_text("Skip and finish")).to_be_visible()
    titles = [entry["title"] for entry in await product.client.entries()]
    assert "Laptop" in titles


async def test_curl_with_the_lines_reports_and_prints_the_status(
    product: Product, lines: dict[str, Any], tmp_path: Path
) -> None:
    """The statusLine command of the lines, fed a status line, sets the sensors and prints."""
    settings = json.loads(lines["settings"])
    entities = await entity_ids(product, lines["entry_id"])
    status = entities["status"]
    assert (await product.client.state(status))["state"] == "waiting_for_report"
    tools = Tools("dash", "mawk")
    claude = ClaudeCode(tmp_path, tools.make_bin(tmp_path / "bin"))

    run = await claude.run(
        ["/bin/sh", "-c", settings["statusLine"]["command"]], status_line(23.4, 41.2)
    )

    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Session 23% · resets in 2 h "), run.stdout
    assert "| Week 41% · resets in 3 d 1" in run.stdout, run.stdout
    entities = await entity_ids(product, lines["entry_id"])
    await wait_state(product, entities["five_hour_usage"], lambda s: s == "23.4")
    await wait_state(product, entities["seven_day_usage"], lambda s: s == "41.2")
    state = await product.client.state(status)
    assert state["state"] == "ok"
    assert state["attributes"]["last_report"] is not None

    # A report before the session's first answer changes nothing, prints the last.
    run = await claude.run(
        ["/bin/sh", "-c", settings["statusLine"]["command"]],
        fixture_text("statusline_no_rate_limits.json"),
    )
    assert run.stdout.startswith("Session 23% · resets in 2 h "), run.stdout

    stop = settings["hooks"]["Stop"][0]["hooks"][0]["command"]
    run = await claude.run(["/bin/sh", "-c", stop], fixture_text("hook_stop.json"))
    assert (run.returncode, run.stdout) == (0, "")
    event = await wait_state(
        product, f"event.{DOMAIN}", lambda s: s not in ("unknown", "unavailable")
    )
    assert event["attributes"]["event_type"] == "finished"
    await claude.close()


@pytest.mark.parametrize("tools", REPORTERS, ids=str)
async def test_the_sh_reporter_sends_the_limits_alone(
    product: Product, lines: dict[str, Any], tmp_path: Path, tools: Tools
) -> None:
    """Installed with the flow's command, the reporter updates the sensors and prints."""
    if (missing := tools.missing()) is not None:
        pytest.skip(f"{missing} is not installed")
    home = tmp_path / "home"
    home.mkdir()
    claude = ClaudeCode(home, tools.make_bin(tmp_path / "bin"))
    url = lines["url"]
    # The flow's own command; its `sh` is the variant's shell (the PATH's only one).
    install = await claude.run(["/bin/sh", "-c", lines["install"]], f"{url}\n")
    assert install.returncode == 0, install.stderr
    assert url not in install.stdout + install.stderr
    assert not (home / "claude-usage-report.sh").exists()
    command = claude.settings()["statusLine"]["command"]
    used = 30.0 + REPORTERS.index(tools)

    first = await claude.run(["/bin/sh", "-c", command], status_line(used, 44.0))
    await first.background()

    entities = await entity_ids(product, lines["entry_id"])
    await wait_state(product, entities["five_hour_usage"], lambda s: s == str(used))
    second = await claude.run(["/bin/sh", "-c", command], status_line(used, 44.0))
    assert second.stdout.startswith(f"Session {round(used)}% · resets in 2 h "), (
        second.stdout
    )
    assert url not in first.stdout + second.stdout

    [hook] = await claude.hook(
        "Notification", "hook_notification_permission_prompt.json"
    )
    await hook.background()

    async def needs_input() -> bool:
        state = await product.client.state(f"event.{DOMAIN}")
        return bool(state["attributes"].get("event_type") == "needs_input")

    await eventually(needs_input, "the event entity to fire needs_input")
    await claude.close()
    shutil.rmtree(home)


async def test_the_card_of_claude_code_reports(
    page: Page, product: Product, lines: dict[str, Any]
) -> None:
    """Before a report the card says it waits and where the lines are; then the gauges."""
    entries = {entry["title"]: entry for entry in await product.client.entries()}
    waiting = await product.client.device_of(entries["Laptop"]["entry_id"])
    reported = await product.client.device_of(lines["entry_id"])
    await product.client.ensure_dashboard(
        "claude-code",
        "Claude Code",
        [
            {"type": CARD_TYPE, "device_id": reported["id"]},
            {"type": CARD_TYPE, "device_id": waiting["id"]},
        ],
    )
    await page.goto(f"{product.hass.url}/claude-code/usage", wait_until="networkidle")
    cards = page.locator(CARD)
    await expect(cards.nth(1)).to_contain_text("Waiting for Claude Code's first report")
    await expect(cards.nth(0).locator("claude-usage-gauge")).to_have_count(2)
    card_text = await rendered(page, f"{CARD} >> nth=1", "the waiting card")
    assert "Reconfigure" in card_text, card_text
    await page.wait_for_timeout(500)  # the gauges' arcs settle
    await cards.nth(0).screenshot(path=ARTIFACTS / "claude-code-card.png")
    await cards.nth(1).screenshot(path=ARTIFACTS / "claude-code-card-waiting.png")
