"""The device triggers and the blueprints in the automation editor, in headless Chromium.

The instance is set up as a user's: what the editor saves loads and runs, and Settings
shows no repair of the harness's own making.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta
import re
from typing import Any

from playwright.async_api import Browser, Error as PlaywrightError, Page, expect
import pytest
import pytest_asyncio
import pytest_socket
import yaml

from tests.e2e.helpers import (
    ARTIFACTS,
    PASSWORD,
    POLL_WAIT,
    USERNAME,
    Product,
    add_entry,
    entity_ids,
    eventually,
    usage_payload,
)
from tests.fake_claude import ORG_NAME

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

DESKTOP = {"width": 1280, "height": 900}
# The account's device is "Claude <organization>".
DEVICE = f"Claude {ORG_NAME}"
SUMMARY = f"{DEVICE} Session usage rises above the threshold"
# A number and its percent sign as the frontend or a translation writes them.
PERCENT = re.compile(r"\d+(?:[.,]\d+)?(\s?)%")
# The text an element shows, its shadow roots' included.
DEEP_TEXT = """element => {
  const text = node => (node.nodeType === Node.TEXT_NODE ? node.textContent : "")
    + (node.shadowRoot ? [...node.shadowRoot.childNodes].map(text).join("") : "")
    + [...node.childNodes].map(text).join("");
  return text(element);
}"""
THRESHOLD_BLUEPRINT = "Claude usage above a threshold"
# Repairs Home Assistant raises about how it is installed (in a venv outside a
# container: "Core"), whatever its configuration.
INSTALLATION_REPAIRS = {("homeassistant", "deprecated_method")}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def account(product: Product) -> dict[str, str]:
    """Add the integration (the harness installs the blueprints); return the entity ids."""
    # Set up within a test's setup, before its function-scoped `socket_enabled`.
    pytest_socket.enable_socket()
    await product.fake_control("usage", {"payload": usage_payload(42.0, 61.0, 23.0)})
    entry = await add_entry(product)
    return await entity_ids(product, entry["entry_id"])


async def _open(browser: Browser, product: Product, path: str) -> Page:
    """Log a fresh desktop-sized browser context in without typing and open ``path``."""
    context = await browser.new_context(viewport=DESKTOP)
    page = await context.new_page()
    await page.goto(
        await product.client.browser_login_url(USERNAME, PASSWORD, path),
        wait_until="networkidle",
    )
    return page


async def _goto_settled(page: Page, url: str) -> None:
    """Open ``url``; again if the editor's own navigation after a save aborted it."""
    for attempt in range(3):
        await page.wait_for_load_state("networkidle")
        try:
            await page.goto(url, wait_until="networkidle")
        except PlaywrightError as err:
            if "ERR_ABORTED" not in str(err) or attempt == 2:
                raise
        else:
            return


async def _pick(page: Page, picker: str, text: str) -> None:
    """Open a picker, search for ``text`` and take the first item of the list that has it."""
    await page.locator(picker).click()
    await page.locator(picker).get_by_placeholder("Search").fill(text)
    await (
        page.locator(picker)
        .locator("ha-picker-combo-box ha-combo-box-item", has_text=text)
        .first.click()
    )


async def _saved_automation(product: Product) -> dict[str, Any] | None:
    """Return the one automation saved in automations.yaml, None before there is one."""
    path = product.hass.config_dir / "automations.yaml"
    saved = yaml.safe_load(path.read_text()) if path.exists() else None
    return saved[0] if saved else None


async def _automation_config(product: Product, automation_id: str) -> dict[str, Any]:
    config: dict[str, Any] = await product.client.get(
        f"/api/config/automation/config/{automation_id}"
    )
    return config


async def _expect_known_trigger(page: Page, threshold: str) -> None:
    """Expect the picker to know the trigger, and the field to show ``threshold``."""
    picker = page.locator("ha-device-trigger-picker")
    await expect(picker).to_contain_text("Session usage rises above the threshold")
    # The picker marks a trigger that is none of the listed ones ("Unknown ...").
    await expect(picker.locator(".unknown")).to_have_count(0)
    await expect(page.locator("ha-selector-number input")).to_have_value(threshold)
    await expect(page.locator("ha-automation-trigger-row").first).to_contain_text(
        SUMMARY
    )


async def test_settings_show_no_repair_of_the_harness(
    browser: Browser, product: Product
) -> None:
    """Settings lists no repair: no `http:` YAML, nothing the harness configured."""
    page = await _open(browser, product, "/config/dashboard")
    await expect(page.get_by_text("Devices & services")).to_be_visible()
    issues = (await product.client.ws("repairs/list_issues"))["issues"]
    shown = [issue for issue in issues if not issue["ignored"]]
    await page.screenshot(path=ARTIFACTS / "automations-settings.png")
    assert [
        (issue["domain"], issue["issue_id"])
        for issue in shown
        if (issue["domain"], issue["issue_id"]) not in INSTALLATION_REPAIRS
    ] == []
    # Settings lists the repairs above its menu, if there are any.
    await expect(page.locator("ha-config-repairs")).to_have_count(1 if shown else 0)
    await page.context.close()


async def test_device_trigger_in_the_automation_editor(
    browser: Browser, product: Product, account: dict[str, str]
) -> None:
    """Add trigger > By type > Device: 90 % by default, 0 to 100, kept when changed.

    The threshold is a field below the trigger; changed to 80 % the trigger stays one
    of the device's (it was "Unknown action" when the threshold was its subtype), and
    it opens again as saved.
    """
    page = await _open(browser, product, "/config/automation/edit/new")
    await page.get_by_text("Add trigger").first.click()

    await page.get_by_text("By type", exact=True).click()
    await page.get_by_text("Device", exact=True).click()
    await page.get_by_text("Triggers when something happens to a device").click()
    await _pick(page, "ha-device-picker", DEVICE)
    # The trigger picker takes clicks once the device's triggers have loaded.
    await expect(page.locator("ha-device-trigger-picker")).to_contain_text(DEVICE)
    await _pick(page, "ha-device-trigger-picker", "Session usage rises above")

    threshold = page.locator("ha-selector-number input")
    await _expect_known_trigger(page, "90")
    assert await threshold.get_attribute("min") == "0"
    assert await threshold.get_attribute("max") == "100"
    await expect(page.locator("ha-selector-number").get_by_text("%")).to_be_visible()
    await expect(
        page.locator("ha-selector-number").get_by_text("Threshold")
    ).to_be_visible()
    await page.screenshot(path=ARTIFACTS / "automations-device-trigger.png")

    await threshold.fill("80")
    await threshold.blur()
    await _expect_known_trigger(page, "80")
    await page.screenshot(path=ARTIFACTS / "automations-device-trigger-changed.png")

    await page.get_by_role("button", name="Save").last.click()
    await (
        page.locator("ha-dialog, ha-md-dialog, ha-wa-dialog")
        .get_by_role("button", name="Save")
        .click()
    )
    # automations.yaml holds what the editor saved.
    config = await eventually(
        lambda: _saved_automation(product), "the saved automation"
    )
    [trigger] = config["triggers"]
    session = await product.client.ws(
        "config/entity_registry/get", entity_id=account["five_hour_usage"]
    )
    assert {k: trigger[k] for k in ("type", "entity_id", "above")} == {
        "type": "usage_above",
        "entity_id": session["id"],
        "above": 80,
    }
    assert "subtype" not in trigger

    await _goto_settled(
        page, f"{product.hass.url}/config/automation/edit/{config['id']}"
    )
    await page.locator("ha-automation-trigger-row").first.click()
    await _expect_known_trigger(page, "80")
    await page.screenshot(path=ARTIFACTS / "automations-device-trigger-saved.png")

    # Past 100 % the editor flags the field and Home Assistant refuses to save.
    await threshold.fill("150")
    assert not await threshold.evaluate("input => input.checkValidity()")
    await page.get_by_role("button", name="Save").last.click()
    await expect(
        page.get_by_text("Value 150.0 is too large", exact=False).first
    ).to_be_visible()
    saved = await _automation_config(product, config["id"])
    assert saved["triggers"][0]["above"] == 80
    await page.context.close()


async def test_by_target_in_the_automation_editor(
    browser: Browser, product: Product, account: dict[str, str]
) -> None:
    """Add trigger opens By target: the account lists its usage triggers, 90 % above."""
    page = await _open(browser, product, "/config/automation/edit/new")
    await page.get_by_text("Add trigger").first.click()
    await page.get_by_text("Services", exact=True).click()
    await page.get_by_text(DEVICE, exact=True).click()
    await expect(page.get_by_text("Claude usage window reset")).to_be_visible()
    await page.screenshot(path=ARTIFACTS / "automations-by-target.png")

    await page.get_by_text("Claude usage crossed threshold").click()
    row = page.locator("ha-automation-trigger-row").first
    await expect(row).to_contain_text("Claude usage crossed threshold")
    await expect(row).to_contain_text("above 90%")
    # The editor counts an integration's entities for the chip without their
    # integration, so none (the README says so); the panel lists the sensors.
    await expect(row).to_contain_text(f"{DEVICE} (0)")
    await expect(page.locator("ha-selector-target")).to_contain_text(DEVICE)
    await expect(page.locator("ha-selector-target")).to_contain_text(
        re.compile(r"[1-9]\d* entities")
    )
    threshold = page.locator("ha-selector-numeric_threshold input").first
    await threshold.scroll_into_view_if_needed()
    await expect(threshold).to_have_value("90")
    assert await threshold.get_attribute("min") == "0"
    assert await threshold.get_attribute("max") == "100"
    await page.screenshot(path=ARTIFACTS / "automations-by-target-threshold.png")
    await page.context.close()


async def test_blueprint_form(
    browser: Browser, product: Product, account: dict[str, str]
) -> None:
    """An automation from the threshold blueprint: its form, and the sensors it offers."""
    await product.client.post(
        "/api/config/automation/config/claude_session_90",
        {
            "alias": "Claude session above 90 %",
            "use_blueprint": {
                "path": "claude_usage/usage_threshold_notify.yaml",
                "input": {
                    "usage_sensor": account["five_hour_usage"],
                    "threshold": 90,
                    "notify": [
                        {
                            "action": "persistent_notification.create",
                            "data": {"message": "{{ message }}"},
                        }
                    ],
                },
            },
        },
    )
    page = await _open(browser, product, "/config/automation/edit/claude_session_90")
    await expect(
        page.get_by_label("Blueprint to use").get_by_text(
            "Claude usage above a threshold"
        )
    ).to_be_visible()
    await page.screenshot(path=ARTIFACTS / "automations-blueprint.png")

    picker = page.locator("ha-selector-entity ha-entity-picker").first
    await picker.click()
    await picker.get_by_placeholder("Search").fill(DEVICE)
    items = picker.locator("ha-picker-combo-box ha-combo-box-item")
    await expect(items.first).to_be_visible()
    await page.screenshot(path=ARTIFACTS / "automations-blueprint-sensors.png")
    # Each item reads "<name>\n<device>\n<domain>": the % sensors only, no money,
    # no reset times.
    assert sorted(text.split("\n")[0] for text in await items.all_inner_texts()) == [
        "Extra usage utilization",
        "Session forecast",
        "Session usage",
        "Weekly Opus forecast",
        "Weekly Opus usage",
        "Weekly forecast",
        "Weekly usage",
    ]
    await page.context.close()


async def test_one_percent_style_in_the_automation_editor(
    browser: Browser, product: Product, account: dict[str, str]
) -> None:
    """A target trigger and a device trigger at 80 % side by side: one way to write it.

    The frontend writes the target trigger's threshold as the user's language does
    ("above 80%" in English); the device trigger's summary names no number (its
    threshold is the field below it), so no "80 %" stands beside it.
    """
    [device] = [
        d
        for d in await product.client.ws("config/device_registry/list")
        if d["name"] == DEVICE
    ]
    session = await product.client.ws(
        "config/entity_registry/get", entity_id=account["five_hour_usage"]
    )
    await product.client.post(
        "/api/config/automation/config/claude_both_80",
        {
            "alias": "Claude usage at 80",
            "triggers": [
                {
                    "trigger": "claude_usage.usage_crossed_threshold",
                    "target": {"device_id": device["id"]},
                    "options": {
                        "threshold": {"type": "above", "value": {"number": 80}}
                    },
                },
                {
                    "trigger": "device",
                    "domain": "claude_usage",
                    "device_id": device["id"],
                    "entity_id": session["id"],
                    "type": "usage_above",
                    "above": 80,
                },
            ],
            "actions": [],
        },
    )
    page = await _open(browser, product, "/config/automation/edit/claude_both_80")
    rows = page.locator("ha-automation-trigger-row")
    await expect(rows.first).to_contain_text("above 80%")
    await expect(rows.nth(1)).to_contain_text("Session usage rises above")
    await page.screenshot(path=ARTIFACTS / "automations-percent-style.png")
    texts = [await row.evaluate(DEEP_TEXT) for row in await rows.all()]
    styles = {match.group(1) for text in texts for match in PERCENT.finditer(text)}
    # English writes no space before the percent sign.
    assert styles == {""}, texts
    await expect(rows.nth(1)).to_contain_text(SUMMARY)
    await page.context.close()


async def test_triggers_on_this_home_assistant(
    product: Product, account: dict[str, str]
) -> None:
    """The device trigger's reset attaches and fires; window_reset takes what HA takes.

    Against Home Assistant 2026.11 the reset trigger runs on the event trigger keyed
    by EventTriggerArgument and a target may exclude (cv.exclude_requires_target);
    2026.10 has neither.
    """
    [device] = [
        d
        for d in await product.client.ws("config/device_registry/list")
        if d["name"] == DEVICE
    ]
    session = await product.client.ws(
        "config/entity_registry/get", entity_id=account["five_hour_usage"]
    )
    device_trigger = {
        "trigger": "device",
        "domain": "claude_usage",
        "device_id": device["id"],
        "entity_id": session["id"],
    }

    async def valid(trigger: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = await product.client.ws(
            "validate_config", triggers=[trigger]
        )
        return dict(result["triggers"])

    # Saved with the threshold in the subtype: still valid.
    legacy = {**device_trigger, "type": "usage_above", "subtype": 90}
    assert await valid(legacy) == {"valid": True, "error": None}
    window_reset = {"trigger": "claude_usage.window_reset"}
    excluding = {
        **window_reset,
        "target": {
            "device_id": device["id"],
            "exclude": {"entity_id": account["seven_day_usage"]},
        },
    }
    exclude_only = {
        **window_reset,
        "target": {"exclude": {"entity_id": account["seven_day_usage"]}},
    }
    pinned = product.hass.install.version.startswith("2026.10.")
    if pinned:
        assert (
            "not a valid option at 'target.exclude'"
            in (await valid(excluding))["error"]
        )
    else:
        assert await valid(excluding) == {"valid": True, "error": None}
        assert (
            "requires a target to exclude from" in (await valid(exclude_only))["error"]
        )

    # The session window starts anew: its usage falls from 42 %, its reset moves on.
    # Subscribed: the device trigger, window_reset for the account, and (where Home
    # Assistant has exclude) window_reset for the account without the session.
    triggers = {
        "device": {**device_trigger, "type": "window_reset"},
        "account": {**window_reset, "target": {"device_id": device["id"]}},
    }
    if not pinned:
        triggers["all but session"] = {
            **window_reset,
            "target": {
                "device_id": device["id"],
                "exclude": {"entity_id": account["five_hour_usage"]},
            },
        }
    async with AsyncExitStack() as stack:
        fired = {
            name: await stack.enter_async_context(_subscription(product, trigger))
            for name, trigger in triggers.items()
        }
        await product.fake_control(
            "usage",
            {
                "payload": usage_payload(
                    3.0, 61.0, 23.0, session_resets_in=timedelta(hours=5)
                )
            },
        )
        # At the next poll: every 60 s (the default interval; a manual refresh
        # within 30 s of the last request is skipped).
        device_event = await asyncio.wait_for(
            fired["device"].get(), timeout=2 * POLL_WAIT
        )
        account_event = await asyncio.wait_for(fired["account"].get(), timeout=10)
        if not pinned:
            # The same reset reaches every subscription; not the one without the
            # session's usage sensor.
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(fired["all but session"].get(), timeout=5)
    trigger = device_event["variables"]["trigger"]
    assert trigger["event"]["event_type"] == "claude_usage_window_reset"
    assert trigger["event"]["data"]["window_key"] == "five_hour"
    assert (
        account_event["variables"]["trigger"]["entity_id"]
        == (account["five_hour_usage"])
    )
    assert all(queue.empty() for queue in fired.values())


@asynccontextmanager
async def _subscription(
    product: Product, trigger: dict[str, Any]
) -> AsyncIterator[asyncio.Queue[dict[str, Any]]]:
    """Subscribe to ``trigger`` on a websocket of its own; yield what it fires."""
    client = product.client
    assert client.tokens is not None
    fired: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    async with product.session.ws_connect(f"{product.hass.url}/api/websocket") as ws:
        assert (await ws.receive_json())["type"] == "auth_required"
        await ws.send_json({"type": "auth", "access_token": client.tokens.access_token})
        assert (await ws.receive_json())["type"] == "auth_ok"
        await ws.send_json({"id": 1, "type": "subscribe_trigger", "trigger": trigger})
        result = await ws.receive_json()
        assert result["success"], result

        async def receive() -> None:
            async for message in ws:
                fired.put_nowait(message.json()["event"])

        task = asyncio.create_task(receive())
        try:
            yield fired
        finally:
            task.cancel()


async def _notifications(product: Product) -> list[str]:
    notifications = await product.client.ws("persistent_notification/get")
    return [notification["message"] for notification in notifications]


async def test_automation_from_a_blueprint_saved_in_the_ui_runs(
    browser: Browser, product: Product, account: dict[str, str]
) -> None:
    """Saved from the threshold blueprint in the editor, it loads and notifies.

    Session usage 42 %, the automation set to 50 %: when the fake server's usage
    rises to 57 %, the next poll crosses the threshold and the automation creates a
    persistent notification with the blueprint's message.
    """
    page = await _open(browser, product, "/config/blueprint/dashboard")
    await page.get_by_text(THRESHOLD_BLUEPRINT).click()
    await expect(
        page.get_by_label("Blueprint to use").get_by_text(THRESHOLD_BLUEPRINT)
    ).to_be_visible()
    await _pick(page, "ha-selector-entity ha-entity-picker", "Session usage")
    threshold = page.locator("ha-selector-number input")
    await threshold.click()
    await threshold.press("Control+a")
    await threshold.press_sequentially("50")
    await threshold.press("Tab")
    await page.get_by_text("Add action").click()
    add_action = page.locator("add-automation-element-dialog")
    await add_action.get_by_placeholder("Search").fill("persistent notification")
    await add_action.get_by_text(
        "Persistent Notification: Create persistent notification"
    ).click()
    message = (
        page.locator("ha-automation-action-row ha-selector-text")
        .first.locator("textarea, input")
        .first
    )
    await message.fill("{{ message }}")
    await page.screenshot(path=ARTIFACTS / "automations-blueprint-saved-form.png")
    # The blueprint names the automation, so it saves without asking for a name,
    # and the editor opens the automation once Home Assistant has loaded it.
    await page.get_by_role("button", name="Save").last.click()
    await expect(page).to_have_url(re.compile(r"/config/automation/edit/\d+$"))
    automation_id = page.url.rsplit("/", 1)[1]
    config = await _automation_config(product, automation_id)
    assert config["use_blueprint"] == {
        "path": "claude_usage/usage_threshold_notify.yaml",
        "input": {
            "usage_sensor": account["five_hour_usage"],
            "threshold": 50,
            "notify": [
                {
                    "action": "persistent_notification.create",
                    "metadata": {},
                    "data": {"message": "{{ message }}"},
                }
            ],
        },
    }

    async def loaded() -> dict[str, Any] | None:
        for state in await product.client.get("/api/states"):
            if state["attributes"].get("id") == automation_id:
                return dict(state)
        return None

    automation = await eventually(loaded, "the automation to load")
    assert automation["entity_id"].startswith("automation.")
    assert automation["state"] == "on"
    await _goto_settled(page, f"{product.hass.url}/config/automation/dashboard")
    await expect(page.get_by_text(THRESHOLD_BLUEPRINT)).to_be_visible()
    await page.screenshot(path=ARTIFACTS / "automations-blueprint-saved-list.png")

    await product.fake_control("usage", {"payload": usage_payload(57.0, 61.0, 23.0)})

    async def notified() -> list[str]:
        return [
            message
            for message in await _notifications(product)
            if message.endswith("Session usage is at 57% (above 50%).")
        ]

    await eventually(notified, "the automation's notification", timeout=POLL_WAIT + 15)
    fired = await product.client.state(automation["entity_id"])
    assert fired["attributes"]["last_triggered"] is not None
    await page.get_by_text("Notifications", exact=True).click()
    await expect(
        page.get_by_text("Session usage is at 57% (above 50%).", exact=False)
    ).to_be_visible()
    await page.screenshot(path=ARTIFACTS / "automations-blueprint-fired.png")
    await page.context.close()
