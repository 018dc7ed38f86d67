"""Serve the Lovelace card (loaded on every dashboard) and the Claude Code reporter.

The card's JavaScript ships in ``www/`` and is registered as an extra frontend
module, so it loads in storage-mode and YAML-mode dashboards alike without a
Lovelace resource. The URL carries a hash of the file, so browsers fetch a new
build after an update and cache it otherwise.

The ``sh`` reporter Claude Code users may install ships in ``www/`` too (HACS
installs only ``custom_components/``), served to download without signing in;
it holds no secret.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http.server import StaticPathConfig
from homeassistant.core import HomeAssistant
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN

CARD_FILENAME = "claude-usage-card.js"
CARD_PATH = Path(__file__).parent / "www" / CARD_FILENAME
CARD_URL = f"/{DOMAIN}/{CARD_FILENAME}"
REPORTER_FILENAME = "claude-usage-report.sh"
REPORTER_PATH = Path(__file__).parent / "www" / REPORTER_FILENAME
REPORTER_URL = f"/{DOMAIN}/{REPORTER_FILENAME}"

DATA_CARD_URL: HassKey[str] = HassKey(f"{DOMAIN}_card_url")


def _bundle_version(path: Path) -> str:
    """Return a short hash of the bundle's contents."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card (added to every dashboard) and the reporter, once per run."""
    if DATA_CARD_URL in hass.data:
        return
    # Claimed before the first await, so concurrent callers cannot register twice.
    hass.data[DATA_CARD_URL] = CARD_URL
    try:
        version = await hass.async_add_executor_job(_bundle_version, CARD_PATH)
        await hass.http.async_register_static_paths(
            [
                StaticPathConfig(CARD_URL, str(CARD_PATH), cache_headers=True),
                StaticPathConfig(REPORTER_URL, str(REPORTER_PATH), cache_headers=False),
            ]
        )
    except BaseException:
        del hass.data[DATA_CARD_URL]
        raise
    url = f"{CARD_URL}?v={version}"
    add_extra_js_url(hass, url)
    hass.data[DATA_CARD_URL] = url
