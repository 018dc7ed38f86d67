"""What claude.ai renews of a session cookie: shared by the entries of that session, saved at once.

claude.ai answers with ``Set-Cookie: sessionKey=…`` to renew a session (a pasted
key expires 28 days after it was issued otherwise), and Cloudflare renews its own
cookies the same way. Every client of one session (the organizations of one
cookie, and a config flow checking that cookie) shares one
:class:`~.api.CookieRenewals`; each renewal is written into every entry of the
session at once, so it survives a reload or a restart.
"""

from __future__ import annotations

from collections.abc import Mapping

from homeassistant.core import HomeAssistant, callback
from homeassistant.util.hass_dict import HassKey

from .account import entry_credentials
from .api import CookieRenewals
from .api.cookies import SESSION_KEY_COOKIE
from .const import CONF_COOKIE, DOMAIN, LOGGER

DATA_RENEWALS: HassKey[dict[str, CookieRenewals]] = HassKey(f"{DOMAIN}_renewals")


@callback
def async_get_renewals(hass: HomeAssistant, session_key: str) -> CookieRenewals:
    """Return the renewals of a session, created on first use (any of its keys finds it)."""
    by_key = hass.data.setdefault(DATA_RENEWALS, {})
    if (renewals := by_key.get(session_key)) is not None:
        return renewals
    renewals = by_key[session_key] = CookieRenewals()
    keys = {session_key}

    @callback
    def _async_save(changed: Mapping[str, str]) -> None:
        if (new_key := changed.get(SESSION_KEY_COOKIE)) is not None:
            keys.add(new_key)
            by_key[new_key] = renewals
        for entry in hass.config_entries.async_entries(DOMAIN):
            credentials = entry_credentials(entry)
            if credentials is None or credentials.session_key not in keys:
                continue
            hass.config_entries.async_update_entry(
                entry,
                data={
                    **entry.data,
                    CONF_COOKIE: credentials.with_cookies(changed).cookie_header(),
                },
            )
        LOGGER.debug("claude.ai renewed the cookies %s", ", ".join(sorted(changed)))

    renewals.add_listener(_async_save)
    return renewals
