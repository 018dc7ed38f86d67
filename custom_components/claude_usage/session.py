"""The integration's one HTTP session: Home Assistant's, without a cookie jar."""

from __future__ import annotations

import aiohttp
from homeassistant.const import EVENT_HOMEASSISTANT_CLOSE
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers.aiohttp_client import async_create_clientsession
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN

DATA_SESSION: HassKey[aiohttp.ClientSession] = HassKey(f"{DOMAIN}_session")


@callback
def async_get_session(hass: HomeAssistant) -> aiohttp.ClientSession:
    """Return the session every request of the integration goes through.

    claude.ai answers with Set-Cookie; in a shared jar one account's cookies would
    sign another account's requests, so no response cookie is ever kept.
    """
    if (session := hass.data.get(DATA_SESSION)) is None:
        session = async_create_clientsession(
            hass, auto_cleanup=False, cookie_jar=aiohttp.DummyCookieJar()
        )
        hass.data[DATA_SESSION] = session

        @callback
        def _async_detach(_: Event) -> None:
            session.detach()

        hass.bus.async_listen_once(EVENT_HOMEASSISTANT_CLOSE, _async_detach)
    return session
