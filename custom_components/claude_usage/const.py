"""Constants of the Claude Usage integration."""

from __future__ import annotations

from datetime import timedelta
import logging
from typing import Final

DOMAIN: Final = "claude_usage"
LOGGER = logging.getLogger(__package__)

CONF_COOKIE: Final = "cookie"
CONF_ORG_UUID: Final = "org_uuid"
CONF_BASE_URL: Final = "base_url"
CONF_USER_AGENT: Final = "user_agent"
CONF_PLAN: Final = "plan"
CONF_ORGANIZATION: Final = "organization"
CONF_SCAN_INTERVAL: Final = "scan_interval"
CONF_AUTH_TYPE: Final = "auth_type"
CONF_OAUTH_TOKENS: Final = "oauth_tokens"

# How an entry gets its usage: Claude Code reports, or a pasted claude.ai session
# cookie (entries without CONF_AUTH_TYPE are cookie entries). "oauth" marks an entry
# made with the withdrawn Sign in with Claude: it no longer polls and waits to be
# reconfigured.
AUTH_TYPE_COOKIE: Final = "cookie"
AUTH_TYPE_OAUTH: Final = "oauth"
# An entry fed by Claude Code reports to its webhook (no credential, no polling).
AUTH_TYPE_CLAUDE_CODE: Final = "claude_code"

# Claude Code entries: the webhook came with Home Assistant Cloud (a cloudhook), and
# the option to accept reports from outside the home network.
CONF_CLOUDHOOK: Final = "cloudhook"
CONF_ALLOW_REMOTE: Final = "allow_remote"

DEFAULT_SCAN_INTERVAL: Final = 60
MIN_SCAN_INTERVAL: Final = 30
MAX_SCAN_INTERVAL: Final = 3600

# A manual refresh (homeassistant.update_entity) never reaches claude.ai more often than this.
MIN_REQUEST_SPACING: Final = timedelta(seconds=30)
# Longest wait between two attempts after consecutive failures.
MAX_BACKOFF: Final = timedelta(minutes=15)
# Wait after a 429 that did not say how long (at least; longer when 429s repeat).
DEFAULT_RATE_LIMIT_WAIT: Final = timedelta(minutes=5)
# Longest Retry-After honoured; a longer (or absurd) one waits this long.
MAX_RATE_LIMIT_WAIT: Final = timedelta(hours=24)

MANUFACTURER: Final = "Anthropic"
