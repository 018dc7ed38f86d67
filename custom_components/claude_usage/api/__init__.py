"""Client of claude.ai's usage API. It knows nothing of Home Assistant."""

from .client import (
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT,
    DEFAULT_USER_AGENT,
    ClaudeUsageClient,
)
from .cookies import (
    COOKIE_NAMES,
    RENEWED_COOKIES,
    CookieRenewals,
    Credentials,
    parse_credentials,
    set_cookie_values,
)
from .errors import (
    AuthenticationError,
    ClaudeConnectionError,
    ClaudeTimeoutError,
    ClaudeUnreachableError,
    ClaudeUsageError,
    CloudflareChallengeError,
    InvalidCookieError,
    OrganizationAccessDeniedError,
    RateLimitedError,
    ServerError,
    UnexpectedResponseError,
)
from .models import (
    CreditGrant,
    ExtraUsage,
    LimitWindow,
    Organization,
    Severity,
    Usage,
    WindowKind,
)
from .parse import parse_organizations, parse_usage

__all__ = [
    "COOKIE_NAMES",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "DEFAULT_USER_AGENT",
    "RENEWED_COOKIES",
    "AuthenticationError",
    "ClaudeConnectionError",
    "ClaudeTimeoutError",
    "ClaudeUnreachableError",
    "ClaudeUsageClient",
    "ClaudeUsageError",
    "CloudflareChallengeError",
    "CookieRenewals",
    "CreditGrant",
    "Credentials",
    "ExtraUsage",
    "InvalidCookieError",
    "LimitWindow",
    "Organization",
    "OrganizationAccessDeniedError",
    "RateLimitedError",
    "ServerError",
    "Severity",
    "UnexpectedResponseError",
    "Usage",
    "WindowKind",
    "parse_credentials",
    "parse_organizations",
    "parse_usage",
    "set_cookie_values",
]
