"""The usage client of an entry signed in with Claude: its tokens kept fresh and saved."""

from __future__ import annotations

import asyncio

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.util.hass_dict import HassKey

from .api import (
    DEFAULT_BASE_URL,
    ClaudeOAuthClient,
    OAuthEndpoints,
    OAuthTokenManager,
    OAuthTokens,
    Usage,
)
from .const import CONF_BASE_URL, CONF_OAUTH_TOKENS, DOMAIN
from .session import async_get_session

DATA_OAUTH_CLIENTS: HassKey[dict[str, OAuthUsageClient]] = HassKey(f"{DOMAIN}_oauth")


def oauth_endpoints(base_url: str) -> OAuthEndpoints:
    """Return Claude's OAuth endpoints, or all of them on a development server."""
    if base_url == DEFAULT_BASE_URL:
        return OAuthEndpoints()
    return OAuthEndpoints.single_host(base_url)


def oauth_client(hass: HomeAssistant, base_url: str) -> ClaudeOAuthClient:
    """Return an OAuth client of the server an entry (or a sign-in) talks to."""
    endpoints = oauth_endpoints(base_url)
    return ClaudeOAuthClient(
        async_get_session(hass),
        token_url=endpoints.token_url,
        api_base_url=endpoints.api_base_url,
    )


class OAuthUsageClient:
    """Reads the usage with an entry's OAuth tokens and keeps them fresh.

    One token manager serves the entry for its lifetime: refreshes never
    overlap, and every rotated token pair is saved in the entry's data at once,
    because the refresh token it replaces is dead from then on. Saving data does
    not reload the entry (the options flow reloads on options only).
    """

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, tokens: OAuthTokens
    ) -> None:
        """Start from the tokens stored in the entry."""
        self._hass = hass
        self._entry = entry
        base_url = entry.data.get(CONF_BASE_URL, DEFAULT_BASE_URL)
        self._client = oauth_client(hass, base_url)
        self._base_url = oauth_endpoints(base_url).api_base_url
        self.manager = OAuthTokenManager(
            self._client, tokens, on_tokens_updated=self._async_save_tokens
        )

    @property
    def base_url(self) -> str:
        """The OAuth API's address."""
        return self._base_url

    async def async_get_usage(self, org_uuid: str) -> Usage:
        """Return the usage of the organization the tokens belong to.

        Shielded: an unload cancelling the poll must not cut a refresh off after
        Claude rotated the tokens and before the new pair was saved.
        """
        return await asyncio.shield(
            self.manager.async_request(self._client.async_get_usage)
        )

    @callback
    def _async_save_tokens(self, tokens: OAuthTokens) -> None:
        """Store a rotated token pair in the entry's data, unless it was removed meanwhile."""
        if self._hass.config_entries.async_get_entry(self._entry.entry_id) is None:
            return
        self._hass.config_entries.async_update_entry(
            self._entry,
            data={**self._entry.data, CONF_OAUTH_TOKENS: tokens.as_dict()},
        )


@callback
def async_get_oauth_client(
    hass: HomeAssistant, entry: ConfigEntry, tokens: OAuthTokens
) -> OAuthUsageClient:
    """Return the entry's OAuth client, kept across reloads while its tokens are current.

    A reload during a refresh thus waits for that refresh instead of starting a
    second one with a refresh token the first is about to kill. New tokens (a
    reauth) get a new client.
    """
    clients = hass.data.setdefault(DATA_OAUTH_CLIENTS, {})
    client = clients.get(entry.entry_id)
    if client is None or client.manager.tokens != tokens:
        client = OAuthUsageClient(hass, entry, tokens)
        clients[entry.entry_id] = client
    return client


@callback
def async_forget_oauth_client(hass: HomeAssistant, entry_id: str) -> None:
    """Drop the OAuth client of a removed entry."""
    hass.data.get(DATA_OAUTH_CLIENTS, {}).pop(entry_id, None)
