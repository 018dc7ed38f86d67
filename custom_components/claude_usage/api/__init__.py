"""Client of claude.ai's usage API. It knows nothing of Home Assistant."""

from .client import (
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT,
    DEFAULT_USER_AGENT,
    ClaudeUsageClient,
)
from .cookies import COOKIE_NAMES, Credentials, parse_credentials
from .errors import (
    AuthenticationError,
    ClaudeConnectionError,
    ClaudeTimeoutError,
    ClaudeUsageError,
    CloudflareChallengeError,
    InvalidCookieError,
    RateLimitedError,
    ServerError,
    UnexpectedResponseError,
)
from .models import ExtraUsage, LimitWindow, Organization, Severity, Usage, WindowKind
from .parse import parse_organizations, parse_usage

__all__ = [
    "COOKIE_NAMES",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "DEFAULT_USER_AGENT",
    "AuthenticationError",
    "ClaudeConnectionError",
    "ClaudeTimeoutError",
    "ClaudeUsageClient",
    "ClaudeUsageError",
    "CloudflareChallengeError",
    "Credentials",
    "ExtraUsage",
    "InvalidCookieError",
    "LimitWindow",
    "Organization",
    "RateLimitedError",
    "ServerError",
    "Severity",
    "UnexpectedResponseError",
    "Usage",
    "WindowKind",
    "parse_credentials",
    "parse_organizations",
    "parse_usage",
]
