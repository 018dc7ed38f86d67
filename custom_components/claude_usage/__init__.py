"""The Claude Usage integration: claude.ai subscription limits as sensors."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType

from .account import (
    async_forget_account,
    entry_credentials,
    is_claude_code_entry,
    is_withdrawn_sign_in,
)
from .api import DEFAULT_BASE_URL, ClaudeUsageClient
from .claude_code_setup import async_drop_webhook
from .const import CONF_BASE_URL, CONF_OAUTH_TOKENS, CONF_ORG_UUID, DOMAIN, LOGGER
from .coordinator import (
    ClaudeUsageConfigEntry,
    ClaudeUsageCoordinator,
    CookieCoordinator,
)
from .events import async_track_usage_events
from .frontend import async_register_card
from .issues import Issue, async_create_entry_issue, async_delete_entry_issues
from .renewal import async_get_renewals
from .reports import ReportCoordinator, async_remove_store
from .session import async_get_session
from .webhook import async_register_webhook

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)
PLATFORMS: list[Platform] = [Platform.BINARY_SENSOR, Platform.SENSOR]
# A Claude Code entry also has the event entity its hooks fire.
CLAUDE_CODE_PLATFORMS: list[Platform] = [*PLATFORMS, Platform.EVENT]


def _platforms(entry: ClaudeUsageConfigEntry) -> list[Platform]:
    return CLAUDE_CODE_PLATFORMS if is_claude_code_entry(entry) else PLATFORMS


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Serve the Lovelace card, whether or not an account is set up."""
    await async_register_card(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: ClaudeUsageConfigEntry) -> bool:
    """Set up one account: polled with its cookie, or fed by Claude Code reports."""
    if is_withdrawn_sign_in(entry):
        _async_withdraw_sign_in(hass, entry)
        return False
    coordinator: ClaudeUsageCoordinator
    if is_claude_code_entry(entry):
        coordinator = ReportCoordinator(hass, entry)
    else:
        coordinator = CookieCoordinator(hass, entry, _client(hass, entry))
    await coordinator.async_start()
    entry.runtime_data = coordinator
    if isinstance(coordinator, ReportCoordinator):
        # Nothing polls claude.ai: none of a cookie's issues stands any more.
        async_delete_entry_issues(hass, entry)
        async_register_webhook(hass, entry, coordinator)
    else:
        async_delete_entry_issues(hass, entry, Issue.SIGN_IN_WITHDRAWN)
    entry.async_on_unload(async_track_usage_events(hass, entry))
    entry.async_create_background_task(
        hass, coordinator.async_seed_forecast(), "claude_usage forecast from recorder"
    )
    await hass.config_entries.async_forward_entry_setups(entry, _platforms(entry))
    return True


def _async_withdraw_sign_in(hass: HomeAssistant, entry: ClaudeUsageConfigEntry) -> None:
    """Stop an entry made with Sign in with Claude: drop its tokens, ask to reconfigure.

    Nothing is sent with the old tokens. The entry, its device and its entities
    stay (same organization) until it is reconfigured; its setup fails quietly
    (a warning, no traceback) while the repair says why.
    """
    if CONF_OAUTH_TOKENS in entry.data:
        hass.config_entries.async_update_entry(
            entry,
            data={k: v for k, v in entry.data.items() if k != CONF_OAUTH_TOKENS},
        )
    async_create_entry_issue(hass, entry, Issue.SIGN_IN_WITHDRAWN)
    LOGGER.warning(
        "An entry set up with Sign in with Claude, which is withdrawn, is not "
        "polled; reconfigure it under Settings > Repairs"
    )


def _client(hass: HomeAssistant, entry: ClaudeUsageConfigEntry) -> ClaudeUsageClient:
    """Return the client of the entry's stored cookie, sharing its session's renewals."""
    if (credentials := entry_credentials(entry)) is None:
        raise ConfigEntryAuthFailed(
            translation_domain=DOMAIN, translation_key="invalid_cookie"
        )
    return ClaudeUsageClient(
        async_get_session(hass),
        credentials,
        base_url=entry.data.get(CONF_BASE_URL, DEFAULT_BASE_URL),
        renewals=async_get_renewals(hass, credentials.session_key),
    )


async def async_unload_entry(
    hass: HomeAssistant, entry: ClaudeUsageConfigEntry
) -> bool:
    """Unload a config entry."""
    return await hass.config_entries.async_unload_platforms(entry, _platforms(entry))


async def async_remove_entry(
    hass: HomeAssistant, entry: ClaudeUsageConfigEntry
) -> None:
    """Forget what was kept about a removed account: state, issues, stored reports, cloudhook."""
    async_forget_account(hass, entry.data[CONF_ORG_UUID])
    async_delete_entry_issues(hass, entry)
    if is_claude_code_entry(entry):
        await async_remove_store(hass, entry.entry_id)
        await async_drop_webhook(hass, dict(entry.data))
