"""The config flow's cookie path: paste a cookie, pick the organization, reauth, reconfigure, options."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
import math
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.claude_usage.api import DEFAULT_BASE_URL, parse_credentials
from custom_components.claude_usage.config_flow import (
    SECTION_ADVANCED,
    ClaudeUsageConfigFlow,
)
from custom_components.claude_usage.const import (
    CONF_AUTH_TYPE,
    CONF_BASE_URL,
    CONF_COOKIE,
    CONF_ORG_UUID,
    CONF_ORGANIZATION,
    CONF_PLAN,
    CONF_SCAN_INTERVAL,
    CONF_USER_AGENT,
    DOMAIN,
)
from custom_components.claude_usage.renewal import async_get_renewals
from tests.fake_claude import (
    ORG_NAME,
    ORG_UUID,
    SECOND_ORG_NAME,
    SECOND_ORG_UUID,
    VALID_SESSION_KEY,
    FakeClaude,
    default_usage_json,
    organization_json,
)

NEW_SESSION_KEY = VALID_SESSION_KEY[:-6] + "newkey"
COOKIE = parse_credentials(VALID_SESSION_KEY).cookie_header()
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


async def _start(hass: HomeAssistant) -> dict[str, Any]:
    """Start a user flow and choose the session cookie in its menu."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "cookie"}
    )


def _user_input(cookie: str, base_url: str) -> dict[str, Any]:
    """Return what the user form sends: the cookie and the folded server URL."""
    return {CONF_COOKIE: cookie, SECTION_ADVANCED: {CONF_BASE_URL: base_url}}


def _schema_keys(result: dict[str, Any]) -> list[str]:
    return [str(key) for key in result["data_schema"].schema]


def _suggested(result: dict[str, Any], name: str) -> Any:
    key = next(key for key in result["data_schema"].schema if str(key) == name)
    return (key.description or {}).get("suggested_value")


def _default(result: dict[str, Any], name: str) -> Any:
    key = next(key for key in result["data_schema"].schema if str(key) == name)
    return key.default()


SECOND_ORGANIZATION = organization_json(
    SECOND_ORG_UUID,
    SECOND_ORG_NAME,
    capabilities=("chat", "claude_pro"),
    rate_limit_tier="default_claude_ai",
)


async def test_menu_offers_the_ways_in(hass: HomeAssistant) -> None:
    """The flow opens on the ways in: Claude Code reports first, then a cookie.

    Sign in with Claude is withdrawn.
    """
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "user"
    assert result["menu_options"] == ["claude_code", "cookie"]


async def test_user_flow_single_organization(
    hass: HomeAssistant, fake_claude: FakeClaude
) -> None:
    """One organization: the entry is created, and its setup reuses the validated usage."""
    result = await _start(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "cookie"
    assert result["errors"] == {}
    assert result["description_placeholders"] == {"url": "https://claude.ai"}
    assert _schema_keys(result) == [CONF_COOKIE, SECTION_ADVANCED]

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        _user_input(VALID_SESSION_KEY, fake_claude.base_url + "/"),
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == ORG_NAME
    assert result["result"].unique_id == ORG_UUID
    assert result["data"] == {
        CONF_AUTH_TYPE: "cookie",
        CONF_COOKIE: COOKIE,
        CONF_ORG_UUID: ORG_UUID,
        CONF_BASE_URL: fake_claude.base_url,
        CONF_PLAN: "Max 20x",
    }
    assert result["result"].state is ConfigEntryState.LOADED
    # The flow validated the usage once; the setup did not ask again.
    assert fake_claude.usage_request_count() == 1


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "http://10.0.0.2", "https://[fe80::1]:443"]
)
async def test_cookie_server_url_must_be_a_server(
    hass: HomeAssistant, fake_claude: FakeClaude, url: str
) -> None:
    """A server URL that is not one is refused before the cookie is sent anywhere."""
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(VALID_SESSION_KEY, url)
    )
    assert result["errors"] == {"base": "invalid_url"}
    assert fake_claude.requests == []


async def test_curl_with_user_agent_and_unknown_plan(
    hass: HomeAssistant, fake_claude: FakeClaude
) -> None:
    """A cURL paste keeps the browser's User-Agent; an unknown plan is not stored."""
    fake_claude.organizations[:] = [
        organization_json(capabilities=(), rate_limit_tier="something_new")
    ]
    curl = (
        f"curl '{fake_claude.base_url}/api/organizations' "
        f"-H 'User-Agent: {USER_AGENT}' "
        f"-H 'Cookie: sessionKey={VALID_SESSION_KEY}; other=dropped'"
    )
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(curl, fake_claude.base_url)
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {
        CONF_AUTH_TYPE: "cookie",
        CONF_COOKIE: COOKIE,
        CONF_ORG_UUID: ORG_UUID,
        CONF_BASE_URL: fake_claude.base_url,
        CONF_USER_AGENT: USER_AGENT,
    }
    assert {request.headers["User-Agent"] for request in fake_claude.requests} == {
        USER_AGENT
    }


async def test_user_form_folds_server_url(hass: HomeAssistant) -> None:
    """The server URL (for development) sits in a folded section, claude.ai by default."""
    result = await _start(hass)
    advanced = result["data_schema"].schema
    section_key = next(key for key in advanced if str(key) == SECTION_ADVANCED)
    folded = advanced[section_key]
    assert folded.options == {"collapsed": True}
    assert folded({}) == {CONF_BASE_URL: DEFAULT_BASE_URL}


async def test_default_server_url_is_not_stored(
    hass: HomeAssistant, fake_claude: FakeClaude
) -> None:
    """The entry only stores a server URL when it is not claude.ai."""
    result = await _start(hass)
    with patch(
        "custom_components.claude_usage.sign_in.DEFAULT_BASE_URL",
        fake_claude.base_url,
    ):
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"],
            _user_input(VALID_SESSION_KEY, fake_claude.base_url),
        )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert CONF_BASE_URL not in result["data"]


async def test_invalid_cookie_sends_nothing(
    hass: HomeAssistant, fake_claude: FakeClaude
) -> None:
    """A paste without a session key is refused before any request; a good one then works."""
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        _user_input("hello world", fake_claude.base_url),
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_COOKIE: "invalid_cookie"}
    assert fake_claude.requests == []

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        _user_input(VALID_SESSION_KEY, fake_claude.base_url),
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


@pytest.mark.parametrize(
    ("mode", "error"),
    [
        ("auth", "invalid_auth"),
        ("forbidden", "invalid_auth"),
        ("cloudflare", "cloudflare_blocked"),
        ("rate_limit", "rate_limited"),
        ("access_denied", "access_denied"),
        ("server_error", "cannot_connect"),
        ("disconnect", "cannot_connect"),
        ("bad_json", "unexpected_response"),
        ("bad_shape", "unexpected_response"),
    ],
)
async def test_organizations_errors(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    freezer: FrozenDateTimeFactory,
    mode: str,
    error: str,
) -> None:
    """Each failure of the organization list shows its error; a retry then succeeds.

    After a 429 (Retry-After 60 s) the retry waits: sooner, it sends nothing.
    """
    result = await _start(hass)
    fake_claude.fail(mode, times=1)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        _user_input(VALID_SESSION_KEY, fake_claude.base_url),
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": error}
    assert fake_claude.usage_request_count() == 0

    if mode == "rate_limit":
        freezer.tick(timedelta(seconds=59))
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"],
            _user_input(VALID_SESSION_KEY, fake_claude.base_url),
        )
        assert result["errors"] == {"base": "rate_limited"}
        assert len(fake_claude.requests) == 1
        freezer.tick(timedelta(seconds=1))

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        _user_input(VALID_SESSION_KEY, fake_claude.base_url),
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_cannot_connect(hass: HomeAssistant, fake_claude: FakeClaude) -> None:
    """Nothing listening at the server URL: cannot_connect; the right URL then works."""
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(VALID_SESSION_KEY, "http://127.0.0.1:9")
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "cannot_connect"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(VALID_SESSION_KEY, fake_claude.base_url)
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_unexpected_exception(
    hass: HomeAssistant, fake_claude: FakeClaude, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug while listing organizations shows "unknown" and logs the traceback."""
    result = await _start(hass)
    with patch(
        "custom_components.claude_usage.api.client.ClaudeUsageClient.async_get_organizations",
        side_effect=RuntimeError("boom"),
    ):
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"],
            _user_input(VALID_SESSION_KEY, fake_claude.base_url),
        )
    assert result["errors"] == {"base": "unknown"}
    assert "Unexpected error checking the cookie" in caplog.text


async def test_no_organizations(hass: HomeAssistant, fake_claude: FakeClaude) -> None:
    """A session that sees no organization cannot be set up."""
    fake_claude.organizations = []
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        _user_input(VALID_SESSION_KEY, fake_claude.base_url),
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "no_organizations"}


async def test_usage_unreadable_single_organization(
    hass: HomeAssistant, fake_claude: FakeClaude
) -> None:
    """The organization's usage must be readable before the entry is created."""
    fake_claude.set_usage(["not", "an", "object"])
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        _user_input(VALID_SESSION_KEY, fake_claude.base_url),
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "unexpected_response"}
    assert fake_claude.usage_request_count() == 1


async def test_already_configured(
    hass: HomeAssistant, fake_claude: FakeClaude, mock_config_entry: MockConfigEntry
) -> None:
    """The same organization twice aborts, naming it, without asking for its usage."""
    mock_config_entry.add_to_hass(hass)
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        _user_input(VALID_SESSION_KEY, fake_claude.base_url),
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert result["description_placeholders"] == {"organization": ORG_NAME}
    assert fake_claude.usage_request_count() == 0


async def test_organization_step_without_a_cookie_asks_for_one(
    hass: HomeAssistant,
) -> None:
    """The organization step, reached without a checked cookie, shows the cookie form."""
    flow = ClaudeUsageConfigFlow()
    flow.hass = hass
    flow.context = {"source": SOURCE_USER}
    result = await flow.async_step_organization()
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "cookie"


@pytest.mark.parametrize(
    ("cookie", "preselected"),
    [
        (
            f"sessionKey={VALID_SESSION_KEY}; lastActiveOrg={SECOND_ORG_UUID}",
            SECOND_ORG_UUID,
        ),
        (VALID_SESSION_KEY, ORG_UUID),
    ],
)
async def test_several_organizations(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    usage_payload: dict[str, Any],
    cookie: str,
    preselected: str,
) -> None:
    """Several organizations: a choice, preselecting the one last used on claude.ai."""
    fake_claude.organizations.append(SECOND_ORGANIZATION)
    fake_claude.set_usage(usage_payload, org_uuid=SECOND_ORG_UUID)
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(cookie, fake_claude.base_url)
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "organization"
    assert _default(result, CONF_ORGANIZATION) == preselected
    assert fake_claude.usage_request_count(ORG_UUID) == 0

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_ORGANIZATION: SECOND_ORG_UUID}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == SECOND_ORG_NAME
    assert result["result"].unique_id == SECOND_ORG_UUID
    assert result["data"][CONF_ORG_UUID] == SECOND_ORG_UUID
    assert result["data"][CONF_PLAN] == "Pro"
    assert fake_claude.usage_request_count(SECOND_ORG_UUID) == 1
    assert fake_claude.usage_request_count(ORG_UUID) == 0


async def test_organization_step_error_and_recovery(
    hass: HomeAssistant, fake_claude: FakeClaude
) -> None:
    """A failing usage request keeps the choice on screen with the error."""
    fake_claude.organizations.append(SECOND_ORGANIZATION)
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        _user_input(VALID_SESSION_KEY, fake_claude.base_url),
    )
    fake_claude.fail("server_error", times=1)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_ORGANIZATION: ORG_UUID}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "organization"
    assert result["errors"] == {"base": "cannot_connect"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_ORGANIZATION: ORG_UUID}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == ORG_NAME


async def test_organization_step_unexpected_exception(
    hass: HomeAssistant, fake_claude: FakeClaude, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug while fetching the usage shows "unknown" and logs the traceback."""
    fake_claude.organizations.append(SECOND_ORGANIZATION)
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        _user_input(VALID_SESSION_KEY, fake_claude.base_url),
    )
    with patch(
        "custom_components.claude_usage.api.client.ClaudeUsageClient.async_get_usage",
        side_effect=RuntimeError("boom"),
    ):
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {CONF_ORGANIZATION: ORG_UUID}
        )
    assert result["errors"] == {"base": "unknown"}
    assert "Unexpected error checking the cookie" in caplog.text


async def test_reauth(
    hass: HomeAssistant, fake_claude: FakeClaude, init_integration: MockConfigEntry
) -> None:
    """An expired session: a new cookie of the same account updates and reloads the entry."""
    entry = init_integration
    fake_claude.valid_session_keys.discard(VALID_SESSION_KEY)
    fake_claude.valid_session_keys.add(NEW_SESSION_KEY)
    result = await entry.start_reauth_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reauth_confirm"
    assert result["description_placeholders"]["title"] == ORG_NAME
    assert result["description_placeholders"]["url"] == fake_claude.base_url

    # The old cookie no longer works.
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: VALID_SESSION_KEY}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "invalid_auth"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: "garbage"}
    )
    assert result["errors"] == {CONF_COOKIE: "invalid_cookie"}

    requests_before = fake_claude.usage_request_count()
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: NEW_SESSION_KEY}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    assert entry.data[CONF_COOKIE] == parse_credentials(NEW_SESSION_KEY).cookie_header()
    assert entry.data[CONF_BASE_URL] == fake_claude.base_url
    assert entry.state is ConfigEntryState.LOADED
    # Validated once by the flow; the reload reused that answer.
    assert fake_claude.usage_request_count() == requests_before + 1


async def test_reauth_wrong_account(
    hass: HomeAssistant, fake_claude: FakeClaude, init_integration: MockConfigEntry
) -> None:
    """A cookie of another account (it cannot see this organization) aborts."""
    entry = init_integration
    fake_claude.organizations[:] = [SECOND_ORGANIZATION]
    result = await entry.start_reauth_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: VALID_SESSION_KEY}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "wrong_account"
    assert entry.data[CONF_COOKIE] == COOKIE


async def test_reauth_usage_error(
    hass: HomeAssistant, fake_claude: FakeClaude, init_integration: MockConfigEntry
) -> None:
    """The usage of the entry's organization must be readable with the new cookie."""
    entry = init_integration
    result = await entry.start_reauth_flow(hass)
    fake_claude.set_usage(["not", "an", "object"])
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: VALID_SESSION_KEY}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "unexpected_response"}


async def test_same_cookie_again_reuses_organizations(
    hass: HomeAssistant, fake_claude: FakeClaude
) -> None:
    """After a failed usage check, the same cookie again asks only for the usage."""
    result = await _start(hass)
    fake_claude.set_usage(["not", "an", "object"])
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(VALID_SESSION_KEY, fake_claude.base_url)
    )
    assert result["errors"] == {"base": "unexpected_response"}

    fake_claude.set_usage(default_usage_json())
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(VALID_SESSION_KEY, fake_claude.base_url)
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    paths = [request.path for request in fake_claude.requests]
    usage_path = f"/api/organizations/{ORG_UUID}/usage"
    assert paths == ["/api/organizations", usage_path, usage_path]


async def test_usage_rate_limited_then_same_cookie_waits(
    hass: HomeAssistant, fake_claude: FakeClaude, freezer: FrozenDateTimeFactory
) -> None:
    """A 429 on the usage check: the same cookie again sends nothing until Retry-After."""
    result = await _start(hass)
    fake_claude.set_usage(["not", "an", "object"])
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(VALID_SESSION_KEY, fake_claude.base_url)
    )
    fake_claude.set_usage(default_usage_json())
    fake_claude.fail("rate_limit", times=1, retry_after=120)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(VALID_SESSION_KEY, fake_claude.base_url)
    )
    assert result["errors"] == {"base": "rate_limited"}
    freezer.tick(timedelta(seconds=119))
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(VALID_SESSION_KEY, fake_claude.base_url)
    )
    assert result["errors"] == {"base": "rate_limited"}
    assert len(fake_claude.requests) == 3

    freezer.tick(timedelta(seconds=1))
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(VALID_SESSION_KEY, fake_claude.base_url)
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert len(fake_claude.requests) == 4


async def test_reauth_waits_for_the_entrys_rate_limit(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    advance_time: Callable[[float], Awaitable[None]],
) -> None:
    """A reauth sends nothing while the entry waits out a 429; a 429 in it is kept."""
    entry = init_integration
    fake_claude.fail("rate_limit", times=1, retry_after=600)
    await advance_time(60)
    assert fake_claude.usage_request_count() == 2

    result = await entry.start_reauth_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: VALID_SESSION_KEY}
    )
    assert result["errors"] == {"base": "rate_limited"}
    assert len(fake_claude.requests) == 2

    # A 429 on the organization list holds for this flow, not for the entry's polls.
    freezer.tick(timedelta(seconds=600))
    fake_claude.fail("rate_limit", times=1, retry_after=900)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: VALID_SESSION_KEY}
    )
    assert result["errors"] == {"base": "rate_limited"}
    assert len(fake_claude.requests) == 3
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: VALID_SESSION_KEY}
    )
    assert result["errors"] == {"base": "rate_limited"}
    assert len(fake_claude.requests) == 3
    await advance_time(1)
    assert fake_claude.usage_request_count() == 3


async def test_reconfigure_while_cloudflare_blocks(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Callable[[float], Awaitable[None]],
) -> None:
    """The backoff of a Cloudflare block does not hold back the reconfigure that fixes it."""
    entry = init_integration
    fake_claude.fail("cloudflare")
    await advance_time(60)
    assert entry.runtime_data.last_exception.translation_key == "cloudflare_blocked"

    fake_claude.clear_failure()
    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "reconfigure_cookie"}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_COOKIE: f"sessionKey={VALID_SESSION_KEY}; cf_clearance=abc123"},
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert hass.states.get("sensor.claude_example_org_session_usage").state == "42.0"


async def test_reconfigure(
    hass: HomeAssistant, fake_claude: FakeClaude, init_integration: MockConfigEntry
) -> None:
    """Reconfigure replaces the cookie, e.g. with a cURL paste that carries cf_clearance."""
    entry = init_integration
    result = await entry.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "reconfigure"
    assert result["menu_options"] == ["reconfigure_claude_code", "reconfigure_cookie"]
    assert result["description_placeholders"] == {"title": ORG_NAME}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "reconfigure_cookie"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure_cookie"

    curl = (
        f"curl '{fake_claude.base_url}/api/organizations' "
        f"-H 'cookie: sessionKey={VALID_SESSION_KEY}; cf_clearance=abc123'"
    )
    fake_claude.fail("cloudflare", times=2)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: VALID_SESSION_KEY}
    )
    assert result["errors"] == {"base": "cloudflare_blocked"}
    # A paste that carries cf_clearance and is still blocked: a different fix.
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: curl}
    )
    assert result["errors"] == {"base": "cloudflare_still_blocked"}
    # The form keeps the paste, as the setup form does.
    assert _suggested(result, CONF_COOKIE) == curl

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: curl}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert "cf_clearance=abc123" in entry.data[CONF_COOKIE]
    assert entry.state is ConfigEntryState.LOADED


async def test_a_paste_wins_over_earlier_renewals(
    hass: HomeAssistant, fake_claude: FakeClaude, init_integration: MockConfigEntry
) -> None:
    """Cloudflare renewed its cookies once; the fresh ones of a new paste are sent."""
    entry = init_integration
    renewals = async_get_renewals(hass, VALID_SESSION_KEY)
    renewals.take(
        parse_credentials(VALID_SESSION_KEY), {"cf_clearance": "old", "__cf_bm": "bm"}
    )
    assert "cf_clearance=old" in entry.data[CONF_COOKIE]

    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "reconfigure_cookie"}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_COOKIE: f"sessionKey={VALID_SESSION_KEY}; cf_clearance=fresh"},
    )
    await hass.async_block_till_done()

    assert result["reason"] == "reconfigure_successful"
    sent = parse_credentials(fake_claude.requests[-1].headers["Cookie"]).cookies
    assert sent["cf_clearance"] == "fresh"
    # A renewed cookie the paste does not carry still counts.
    assert sent["__cf_bm"] == "bm"
    assert "cf_clearance=fresh" in entry.data[CONF_COOKIE]


async def test_reconfigure_wrong_account(
    hass: HomeAssistant, fake_claude: FakeClaude, init_integration: MockConfigEntry
) -> None:
    """Reconfigure cannot switch to another account."""
    entry = init_integration
    fake_claude.organizations[:] = [SECOND_ORGANIZATION]
    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "reconfigure_cookie"}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_COOKIE: VALID_SESSION_KEY}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "wrong_account"


async def test_options_apply_without_restart(
    hass: HomeAssistant,
    fake_claude: FakeClaude,
    init_integration: MockConfigEntry,
    advance_time: Callable[[float], Awaitable[None]],
) -> None:
    """A new poll interval takes effect at once: the entry reloads by itself."""
    entry = init_integration
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.FORM
    key = next(
        key for key in result["data_schema"].schema if str(key) == CONF_SCAN_INTERVAL
    )
    assert key.description == {"suggested_value": 60}

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_SCAN_INTERVAL: 300}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == {CONF_SCAN_INTERVAL: 300}
    assert entry.state is ConfigEntryState.LOADED
    assert entry.runtime_data.update_interval == timedelta(seconds=300)

    # The reload reused the fresh answer; the next request comes 300 s later.
    assert fake_claude.usage_request_count() == 1
    for _ in range(4):
        await advance_time(60)
    assert fake_claude.usage_request_count() == 1
    await advance_time(60)
    assert fake_claude.usage_request_count() == 2


@pytest.mark.parametrize(
    "interval", [29, 3601, 10.0, 5000.0, 45.5, -60, math.inf, -math.inf, math.nan]
)
async def test_options_out_of_range(
    hass: HomeAssistant, init_integration: MockConfigEntry, interval: float
) -> None:
    """Whole seconds from 30 to 3600, else a translated error; nothing is saved."""
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_SCAN_INTERVAL: interval}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_SCAN_INTERVAL: "scan_interval"}
    assert init_integration.options == {}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_SCAN_INTERVAL: 45.0}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options == {CONF_SCAN_INTERVAL: 45}


async def test_a_renewal_during_the_flow_is_stored(
    hass: HomeAssistant, fake_claude: FakeClaude
) -> None:
    """claude.ai renews the pasted session while the flow checks it: the entry keeps the new key."""
    new_key = "sk-ant-sid01-" + "RenewedDuringTheFlowSessionKey9" * 2 + "-TestAA"
    fake_claude.renew_session(new_key, grace=0)
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _user_input(VALID_SESSION_KEY, fake_claude.base_url)
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"][CONF_COOKIE] == f"sessionKey={new_key}"
    assert result["result"].state is ConfigEntryState.LOADED
