"""The flows, the repair and the device page as Home Assistant's frontend renders them.

Headless Chromium walks what a user sees: the config flow (menu, cookie form and its
errors, the organization choice, "already set up"), the options, the reconfigure menu
and its form, a Cloudflare block (the repair explains, then hands over to the cookie
form; the Status sensor's details), and the device page, in
English and in German. Every dialog's and page's text is checked for what a
rendering defect looks like: a formatjs error, Markdown shown literally, a raw
translation key or placeholder, and names cut off with an ellipsis.
Screenshots go to artifacts/e2e/flows-*.png.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from playwright.async_api import Browser, Page, expect
import pytest
import pytest_asyncio
import pytest_socket

from tests.e2e.harness import HarnessError
from tests.e2e.helpers import (
    ARTIFACTS,
    PASSWORD,
    USERNAME,
    Product,
    add_entry,
    entity_ids,
    eventually,
    wait_state,
)
from tests.e2e.ui import DESKTOP, DIALOG, PHONE, expect_in_dialog, rendered
from tests.fake_claude import (
    ORG_NAME,
    SECOND_ORG_NAME,
    SECOND_ORG_UUID,
    VALID_SESSION_KEY,
    FakeClaude,
    organization_json,
    usage_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

DOMAIN = "claude_usage"
DEVICE = f"Claude {ORG_NAME}"
ADD_INTEGRATION = f"/config/integrations/dashboard/add?domain={DOMAIN}"


def usage_body() -> dict[str, Any]:
    """Return a usage answer with a session, a weekly and two per-model windows."""
    now = datetime.now(UTC).replace(microsecond=0)
    weekly_reset = now + timedelta(days=3, hours=4)
    return usage_json(
        session=(42.0, now + timedelta(hours=2, minutes=13)),
        weekly=(61.0, weekly_reset),
        scoped={"Opus": (23.0, weekly_reset), "Sonnet": (17.0, weekly_reset)},
    )


async def _shot(page: Page, name: str, *, full_page: bool = False) -> None:
    await page.wait_for_timeout(300)  # a dialog's opening animation
    await page.screenshot(path=ARTIFACTS / f"flows-{name}.png", full_page=full_page)


async def _set_language(product: Product, language: str) -> None:
    """Set the language of the user the browser logs in as (the profile's setting)."""
    await product.client.ws(
        "frontend/set_user_data", key="language", value={"language": language}
    )


async def _goto(page: Page, product: Product, path: str) -> None:
    await page.goto(f"{product.hass.url}{path}", wait_until="networkidle")


async def _start_config_flow(page: Page, product: Product) -> None:
    """Open Add integration > Claude Usage, as the integration's My link does."""
    await _goto(page, product, ADD_INTEGRATION)
    await page.get_by_role("button", name="OK").click()
    await expect(page.locator(f"{DIALOG} step-flow-menu")).to_be_visible()


async def _submit(page: Page) -> None:
    await page.locator(f"{DIALOG} ha-button[slot=primaryAction]").click()


async def _close(page: Page) -> None:
    """Close the flow's dialog with its X (which deletes an unfinished flow)."""
    await page.locator(f"{DIALOG} ha-icon-button[slot=headerNavigationIcon]").click()
    await expect(page.locator(f"{DIALOG} ha-dialog[open]")).to_have_count(0)


async def _open_advanced(page: Page) -> None:
    await page.locator(DIALOG).get_by_role("heading", name="Advanced").click()
    await expect(page.locator(f"{DIALOG} input[name=base_url]")).to_be_visible()


@pytest_asyncio.fixture(loop_scope="module")
async def entry(product: Product) -> dict[str, Any]:
    """Return the entry the config flow test added (or add it, for a test run alone)."""
    pytest_socket.enable_socket()
    if entries := await product.client.entries():
        return entries[0]
    await product.fake_control("usage", {"payload": usage_body()})
    return await add_entry(product)


async def test_config_flow(page: Page, product: Product) -> None:
    """Menu, the cookie form and its errors, success."""
    await product.fake_control("usage", {"payload": usage_body()})
    await _start_config_flow(page, product)
    text = await expect_in_dialog(page, "Paste a session cookie")
    assert text.startswith("Connect your Claude account"), text
    assert "Sign in with Claude" not in text
    await _shot(page, "menu")

    await _start_config_flow(page, product)
    await page.locator(DIALOG).get_by_text("Paste a session cookie").click()
    text = await expect_in_dialog(page, "Copy as cURL")
    assert text.startswith("Paste a session cookie")
    assert "It is unofficial, subject to claude.ai's terms" in text
    assert "you paste it again only after you sign out of claude.ai" in text
    # The folded section's texts are rendered too (checked above), not shown yet.
    assert "Leave as is unless you develop this integration" in text
    await expect(page.locator(f"{DIALOG} input[name=base_url]")).to_be_hidden()
    await _open_advanced(page)
    await page.locator(f"{DIALOG} input[name=base_url]").fill(product.fake.url)
    await _shot(page, "cookie")
    cookie = page.locator(f"{DIALOG} textarea[name=cookie]")
    await cookie.fill("this is not a cookie")
    await _submit(page)
    await expect_in_dialog(page, "This is not a claude.ai session cookie.")
    await _shot(page, "cookie-invalid")

    await product.fake_control("fail", {"mode": "cloudflare", "times": 1})
    await cookie.fill(VALID_SESSION_KEY)
    await _submit(page)
    await expect_in_dialog(page, "Cloudflare blocked the request before it reached")
    await _shot(page, "cookie-cloudflare")
    await product.fake_control("fail", {"mode": "cloudflare", "times": 1})
    await cookie.fill(f"sessionKey={VALID_SESSION_KEY}; cf_clearance=abc123")
    await _submit(page)
    await expect_in_dialog(page, "although the paste carries its cf_clearance")
    await _shot(page, "cookie-cloudflare-still-blocked")

    await cookie.fill(VALID_SESSION_KEY)
    await _submit(page)
    # Created: Home Assistant asks for the new device's name and area.
    await expect_in_dialog(page, "Skip and finish")
    await expect(page.locator(f"{DIALOG} input").first).to_have_value(DEVICE)
    await _shot(page, "created")
    await page.locator(DIALOG).get_by_text("Skip and finish").click()
    [entry] = await product.client.entries()
    assert entry["title"] == ORG_NAME


async def test_organization_choice_and_already_set_up(
    page: Page, product: Product, entry: dict[str, Any]
) -> None:
    """A session that sees two organizations asks; the one set up already is refused."""
    fake = FakeClaude()
    fake.organizations.append(organization_json(SECOND_ORG_UUID, SECOND_ORG_NAME))
    await fake.start()
    try:
        await _start_config_flow(page, product)
        await page.locator(DIALOG).get_by_text("Paste a session cookie").click()
        await _open_advanced(page)
        await page.locator(f"{DIALOG} input[name=base_url]").fill(fake.base_url)
        await page.locator(f"{DIALOG} textarea[name=cookie]").fill(VALID_SESSION_KEY)
        await _submit(page)
        await expect_in_dialog(page, "Choose the organization")
        # The list of organizations renders after the step's title.
        await expect(
            page.locator(DIALOG).get_by_text(SECOND_ORG_NAME, exact=True)
        ).to_be_visible()
        await _shot(page, "organization")
        await page.locator(DIALOG).get_by_text(ORG_NAME, exact=True).click()
        await _submit(page)
        await expect_in_dialog(page, f"{ORG_NAME} is already set up.")
        await _shot(page, "already-set-up")
    finally:
        await fake.stop()


async def test_device_page_and_attributes(
    page: Page, product: Product, entry: dict[str, Any]
) -> None:
    """Every entity name fits at 1280 px; a usage sensor's attributes are translated."""
    device = await product.client.device_of(entry["entry_id"])
    entities = await entity_ids(product, entry["entry_id"])
    await wait_state(
        product, entities["five_hour_usage"], lambda state: state == "42.0"
    )
    await _goto(page, product, f"/config/devices/device/{device['id']}")
    await expect(page.get_by_text("Weekly Sonnet runs out").first).to_be_visible()
    text = await rendered(page, "ha-config-device-page", "device page")
    assert "Extra usage utilization" in text
    await _shot(page, "device", full_page=True)

    await page.get_by_text("Session usage", exact=True).first.click()
    details = await _details(page)
    for shown in ("Window", "Session (5 hours)", "Window kind", "Claude's rating"):
        assert shown in details, details
    assert "five_hour" not in details
    assert "normal" not in details.split()
    await _shot(page, "session-usage-details")


async def _details(page: Page) -> str:
    """Open the more-info dialog's Details (state and attributes); return its text."""
    dialog = page.locator("ha-more-info-dialog")
    await dialog.locator("ha-dropdown ha-icon-button").last.click()
    await dialog.get_by_text("Details", exact=True).last.click()  # also in German
    await expect(
        dialog.locator("ha-more-info-details, ha-attributes").first
    ).to_be_visible()
    return await rendered(page, "ha-more-info-dialog", "more-info details")


async def test_options_and_reconfigure(
    page: Page, product: Product, entry: dict[str, Any]
) -> None:
    """The poll interval form and its errors; the reconfigure menu and its cookie form."""
    await _goto(page, product, f"/config/integrations/integration/{DOMAIN}")
    await (
        page.locator("ha-config-entry-row")
        .get_by_role("button", name="Configure")
        .click()
    )
    text = await expect_in_dialog(page, "one minute is plenty")
    assert text.startswith("Polling\nPoll interval")
    interval = page.locator(f"{DIALOG} ha-selector-number input")
    await expect(interval).to_have_value("60")
    for wrong in ("10", "5000", "45.5"):
        await interval.fill(wrong)
        await _submit(page)
        text = await expect_in_dialog(page, "Enter whole seconds from 30 to 3600.")
        assert "too small" not in text and "too large" not in text, text
    await _shot(page, "options-error")
    await interval.fill("30")
    await _shot(page, "options")
    await _submit(page)
    await expect_in_dialog(page, "Options successfully saved.")
    await _submit(page)  # Finish
    await expect(page.locator(f"{DIALOG} ha-dialog[open]")).to_have_count(0)

    await page.locator("ha-config-entry-row ha-dropdown").first.click()
    await page.get_by_text("Reconfigure", exact=True).last.click()
    text = await expect_in_dialog(
        page, "Paste a session cookie", f"Choose how {ORG_NAME} gets its usage"
    )
    assert text.startswith("Change how this account gets its usage"), text
    assert f"Choose how {ORG_NAME} gets its usage from now on" in text
    assert "Claude Code reports its usage\nRecommended if you use Claude Code" in text
    await _shot(page, "reconfigure")
    await page.locator(DIALOG).get_by_text("Paste a session cookie").click()
    text = await expect_in_dialog(page, "Copy as cURL")
    assert ORG_NAME in text
    await _shot(page, "reconfigure-paste")
    await _close(page)


async def _wait_for_issue(product: Product, present: bool) -> None:
    async def issue() -> bool:
        issues = (await product.client.ws("repairs/list_issues"))["issues"]
        return present == any(found["domain"] == DOMAIN for found in issues)

    await eventually(
        issue, f"the Cloudflare repair to be {present and 'raised' or 'gone'}"
    )


async def _blocked(product: Product, status: str) -> None:
    """Wait for the poll that meets the block, asking for it as soon as allowed.

    The integration polls every 30 s now and refreshes on demand when it last asked
    claude.ai 30 s ago or more (sooner is a no-op).
    """

    async def blocked() -> bool:
        await product.client.call_service(
            "homeassistant", "update_entity", {"entity_id": status}
        )
        return bool(
            (await product.client.state(status))["state"] == "cloudflare_blocked"
        )

    await eventually(blocked, "the poll that meets the Cloudflare block")


async def test_german_flow_and_status_during_a_block(
    page: Page, product: Product, entry: dict[str, Any]
) -> None:
    """In German: the menu, a form error (also on a phone) and a blocked Status."""
    entities = await entity_ids(product, entry["entry_id"])
    status = entities["status"]
    await product.fake_control("fail", {"mode": "cloudflare"})
    await _set_language(product, "de")
    try:
        await page.reload(wait_until="networkidle")
        await _start_config_flow(page, product)
        text = await expect_in_dialog(page, "Sitzungs-Cookie einfügen")
        assert text.startswith("Claude-Konto verbinden"), text
        await _shot(page, "de-menu")
        await page.locator(DIALOG).get_by_text("Sitzungs-Cookie einfügen").click()
        await page.locator(f"{DIALOG} textarea[name=cookie]").fill("kein Cookie")
        await _submit(page)
        text = await expect_in_dialog(
            page, "Das ist kein Sitzungs-Cookie von claude.ai."
        )
        assert text.startswith("Sitzungs-Cookie einfügen"), text
        assert "Connect" not in text
        assert "Paste" not in text
        await _shot(page, "de-cookie-invalid")
        await page.set_viewport_size(PHONE)
        await rendered(page, DIALOG, "German cookie form on a phone")
        await _shot(page, "de-cookie-invalid-phone")
        await _close(page)
        await page.set_viewport_size(DESKTOP)

        await _blocked(product, status)
        device = await product.client.device_of(entry["entry_id"])
        await _goto(page, product, f"/config/devices/device/{device['id']}")
        await page.get_by_text("Status", exact=True).first.click()
        dialog = page.locator("ha-more-info-dialog")
        await expect(
            dialog.get_by_text("Von Cloudflare blockiert").first
        ).to_be_visible()
        await rendered(page, "ha-more-info-dialog", "German Status")
        await _shot(page, "de-status")
        details = await _details(page)
        for shown in ("Von Cloudflare blockiert", "Nächster Versuch", "Werte von"):
            assert shown in details, details
        assert "retry_at" not in details
        await _shot(page, "de-status-details")
    finally:
        await _set_language(product, "en")


async def test_cloudflare_repair_hands_over_to_the_cookie_form(
    page: Page, product: Product, entry: dict[str, Any]
) -> None:
    """Settings > Repairs: the fix explains, then opens the cookie form; a good paste fixes it."""
    # Blocked since the German test; set again for this test run alone.
    await product.fake_control("fail", {"mode": "cloudflare"})
    await _blocked(product, (await entity_ids(product, entry["entry_id"]))["status"])
    await _wait_for_issue(product, present=True)
    await _goto(page, product, "/config/repairs")
    title = f"Cloudflare blocks the requests of {ORG_NAME}"
    await expect(page.get_by_text(title)).to_be_visible()
    await rendered(page, "ha-config-repairs-dashboard", "repairs")
    await _shot(page, "repairs")

    await page.get_by_text(title).click()
    text = await expect_in_dialog(page, "with a challenge page")
    assert text.startswith("Paste a request from your browser"), text
    assert f"Home Assistant for {ORG_NAME} with a challenge page" in text
    assert "\ncf_clearance\n" in text  # a code element of its own (no backticks)
    submit = page.locator(f"{DIALOG} ha-button[slot=primaryAction]")
    await expect(submit).to_have_text("Paste a request")
    await _shot(page, "repair-confirm")
    await _submit(page)
    text = await expect_in_dialog(page, "Copy as cURL")
    assert text.startswith("Paste a session cookie"), text
    assert f"Paste a session cookie for {ORG_NAME}" in text
    await _shot(page, "repair-cookie-form")
    cookie = page.locator(f"{DIALOG} textarea[name=cookie]")
    await cookie.fill(VALID_SESSION_KEY)
    await _submit(page)
    await expect_in_dialog(page, "Cloudflare blocked the request before it reached")
    await _shot(page, "repair-still-blocked")

    await product.fake_control("clear", {})
    await _submit(page)
    await expect_in_dialog(page, "The change is saved.")
    await _shot(page, "repair-fixed")
    await _close(page)
    await _wait_for_issue(product, present=False)


async def test_an_expired_cookie_always_asks_to_reauthenticate(
    page: Page, product: Product, entry: dict[str, Any]
) -> None:
    """A reconfigure flow left behind does not hide the reauthentication.

    The browser walk of issue 22 closed the Cloudflare repair's cookie form with X and
    found its reconfigure flow still alive; Home Assistant then started no
    reauthentication when the cookie expired. Such a flow is left here on purpose
    (started and not finished); the reauthentication shows where the card's
    "Reauthenticate" link leads (the integration's page), and once done the account
    updates again.
    """
    status = (await entity_ids(product, entry["entry_id"]))["status"]

    async def flows(source: str) -> list[dict[str, Any]]:
        found = await product.client.ws("config_entries/flow/progress")
        return [flow for flow in found if flow["context"]["source"] == source]

    # As the frontend starts it (Reconfigure), then the cookie step, left open.
    left = await product.client.post(
        "/api/config/config_entries/flow",
        {"handler": DOMAIN, "entry_id": entry["entry_id"]},
    )
    await product.client.configure_flow(
        left["flow_id"], {"next_step_id": "reconfigure_cookie"}
    )

    async def left_alive() -> bool:
        path = f"/api/config/config_entries/flow/{left['flow_id']}"
        try:
            step = await product.client.get(path)
        except HarnessError:  # 404: the flow is gone
            return False
        return bool(step["step_id"] == "reconfigure_cookie")

    assert await left_alive()
    await product.fake_control("clear", {})
    await product.fake_control("session_keys", {"keys": []})

    async def refused() -> bool:
        await product.client.call_service(
            "homeassistant", "update_entity", {"entity_id": status}
        )
        return bool((await product.client.state(status))["state"] == "reauth_required")

    await eventually(refused, "the poll that meets the expired cookie")
    [reauth] = await eventually(
        lambda: flows("reauth"), "Home Assistant to start the reauthentication"
    )
    assert not await left_alive()
    await _goto(page, product, f"/config/integrations/integration/{DOMAIN}")
    # Home Assistant lists the entry under "Needs attention", its flow's button beside.
    await expect(page.get_by_text("Needs attention").first).to_be_visible()
    await rendered(page, "ha-config-integration-page", "the integration's page")
    await _shot(page, "reauth-prompt")

    await product.fake_control("session_keys", {"keys": [VALID_SESSION_KEY]})
    result = await product.client.configure_flow(
        reauth["flow_id"], {"cookie": VALID_SESSION_KEY}
    )
    assert result["reason"] == "reauth_successful"
    await wait_state(product, status, lambda state: state == "ok")


async def test_german_device_page(
    page: Page, product: Product, entry: dict[str, Any]
) -> None:
    """With Home Assistant in German, the German entity names fit at 1280 px."""
    entities = await entity_ids(product, entry["entry_id"])
    session_usage = entities["five_hour_usage"]

    async def named(language: str, name: str) -> None:
        await product.client.ws("config/core/update", language=language)
        await product.client.post(
            f"/api/config/config_entries/entry/{entry['entry_id']}/reload"
        )

        async def renamed() -> bool:
            state = await product.client.state(session_usage)
            return str(state["attributes"].get("friendly_name")).endswith(name)

        await eventually(renamed, f"the entity names in {language}")

    # Entity names come in Home Assistant's language, the rest in the user's.
    await named("de", "Sitzungsnutzung")
    await _set_language(product, "de")
    try:
        await wait_state(product, session_usage, lambda state: state == "42.0")
        device = await product.client.device_of(entry["entry_id"])
        await _goto(page, product, f"/config/devices/device/{device['id']}")
        await expect(page.get_by_text("Zusatzlimit genutzt").first).to_be_visible()
        text = await rendered(page, "ha-config-device-page", "German device page")
        for name in (
            "Woche Sonnet erschöpft",
            "Wochenprognose Sonnet",
            "Wochennutzung Opus",
            "Zusatzkosten",
        ):
            assert name in text, text
        await _shot(page, "de-device", full_page=True)
    finally:
        await _set_language(product, "en")
        await named("en", "Session usage")


BRAND = ARTIFACTS.parent.parent / "custom_components" / DOMAIN / "brand"


@pytest.mark.parametrize("scheme", ["light", "dark"])
async def test_brand_images_light_and_dark(
    browser: Browser,
    product: Product,
    entry: dict[str, Any],
    scheme: Literal["light", "dark"],
) -> None:
    """Home Assistant serves the integration's own logo and icon, dark_ ones in dark mode."""
    context = await browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    try:
        page = await context.new_page()
        device = await product.client.device_of(entry["entry_id"])
        await page.goto(
            await product.client.browser_login_url(
                USERNAME, PASSWORD, f"/config/devices/device/{device['id']}"
            ),
            wait_until="networkidle",
        )
        prefix = "dark_" if scheme == "dark" else ""
        logo = page.locator(
            f"img[src*='/api/brands/integration/{DOMAIN}/{prefix}logo.png']"
        )
        await expect(logo).to_be_visible()
        # The landscape logo, not the square icon (its fallback).
        assert await logo.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [
            962,
            256,
        ]
        served = await page.request.get(str(await logo.get_attribute("src")))
        assert await served.body() == (BRAND / f"{prefix}logo.png").read_bytes()
        await _shot(page, f"brand-device-{scheme}")

        await _goto(page, product, "/config/integrations/dashboard")
        icon = page.locator(
            f"img[src*='/api/brands/integration/{DOMAIN}/{prefix}icon.png']"
        ).first
        await expect(icon).to_be_visible()
        assert await icon.evaluate("img => img.naturalWidth") == 256
        await _shot(page, f"brand-integrations-{scheme}")
    finally:
        await context.close()
