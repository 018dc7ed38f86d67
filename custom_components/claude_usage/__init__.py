"""The Claude Usage integration: claude.ai subscription limits as sensors."""

from __future__ import annotations

from dataclasses import replace

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers import config_validation as cv, issue_registry as ir
from homeassistant.helpers.typing import ConfigType

from .account import async_forget_account, is_oauth_entry
from .api import (
    DEFAULT_BASE_URL,
    ClaudeUsageClient,
    InvalidCookieError,
    OAuthError,
    OAuthTokens,
    parse_credentials,
)
from .const import (
    CONF_BASE_URL,
    CONF_COOKIE,
    CONF_OAUTH_TOKENS,
    CONF_ORG_UUID,
    CONF_USER_AGENT,
    DOMAIN,
)
from .coordinator import (
    ClaudeUsageConfigEntry,
    ClaudeUsageCoordinator,
    UsageClient,
    cloudflare_issue_id,
)
from .events import async_track_usage_events
from .frontend import async_register_card
from .oauth_client import async_forget_oauth_client, async_get_oauth_client
from .session import async_get_session

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)
PLATFORMS: list[Platform] = [Platform.BINARY_SENSOR, Platform.SENSOR]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Serve the Lovelace card, whether or not an account is set up."""
    await async_register_card(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: ClaudeUsageConfigEntry) -> bool:
    """Set up one organization from a config entry."""
    coordinator = ClaudeUsageCoordinator(hass, entry, _client(hass, entry))
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator
    entry.async_on_unload(async_track_usage_events(hass, entry))
    entry.async_create_background_task(
        hass, coordinator.async_seed_forecast(), "claude_usage forecast from recorder"
    )
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


def _client(hass: HomeAssistant, entry: ClaudeUsageConfigEntry) -> UsageClient:
    """Return the client of the entry's stored credentials: OAuth tokens or a cookie."""
    if is_oauth_entry(entry):
        try:
            tokens = OAuthTokens.from_dict(entry.data.get(CONF_OAUTH_TOKENS, {}))
        except OAuthError as err:
            raise ConfigEntryAuthFailed(
                translation_domain=DOMAIN, translation_key="invalid_tokens"
            ) from err
        return async_get_oauth_client(hass, entry, tokens)
    try:
        credentials = replace(
            parse_credentials(entry.data[CONF_COOKIE]),
            user_agent=entry.data.get(CONF_USER_AGENT),
        )
    except InvalidCookieError as err:
        raise ConfigEntryAuthFailed(
            translation_domain=DOMAIN, translation_key="invalid_cookie"
        ) from err
    return ClaudeUsageClient(
        async_get_session(hass),
        credentials,
        base_url=entry.data.get(CONF_BASE_URL, DEFAULT_BASE_URL),
    )


async def async_unload_entry(
    hass: HomeAssistant, entry: ClaudeUsageConfigEntry
) -> bool:
    """Unload a config entry."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(
    hass: HomeAssistant, entry: ClaudeUsageConfigEntry
) -> None:
    """Forget what was kept about a removed organization and its repair issue."""
    async_forget_account(hass, entry.data[CONF_ORG_UUID])
    async_forget_oauth_client(hass, entry.entry_id)
    ir.async_delete_issue(hass, DOMAIN, cloudflare_issue_id(entry))
