"""Errors raised by the claude.ai API client.

No message, ``repr`` or attribute of these errors ever carries a credential.
"""

from __future__ import annotations


class ClaudeUsageError(Exception):
    """Base class of every error the client raises."""


class InvalidCookieError(ClaudeUsageError):
    """The pasted text holds no usable ``sessionKey``; nothing was sent."""


class AuthenticationError(ClaudeUsageError):
    """claude.ai refused the session (401, or a 403 with a JSON body): expired or revoked."""


class OrganizationAccessDeniedError(ClaudeUsageError):
    """claude.ai refused the organization, not the session (a 403 ``permission_error``).

    "Invalid authorization for organization" or "We are unable to serve your
    request": seen from VPN, datacenter and region exits with a valid cookie. A
    new cookie does not help; another network does.
    """


class CloudflareChallengeError(ClaudeUsageError):
    """Cloudflare answered with a challenge page instead of the API."""


class RateLimitedError(ClaudeUsageError):
    """claude.ai answered 429; ``retry_after`` is in seconds when the server said."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        """Keep the server's Retry-After."""
        super().__init__(message)
        self.retry_after = retry_after


class ServerError(ClaudeUsageError):
    """claude.ai answered with a 5xx status."""

    def __init__(self, message: str, *, status: int) -> None:
        """Keep the HTTP status."""
        super().__init__(message)
        self.status = status


class ClaudeConnectionError(ClaudeUsageError):
    """The request did not get an answer: connection refused, reset or DNS failure."""


class ClaudeUnreachableError(ClaudeConnectionError):
    """No connection could be made (DNS failure, connection refused): nothing was sent.

    The home's own network is the likely cause, not the server; nothing reached
    claude.ai, so trying again at the normal interval costs no rate limit.
    """


class ClaudeTimeoutError(ClaudeConnectionError):
    """The request timed out."""


class UnexpectedResponseError(ClaudeUsageError):
    """The answer was not what the API returns: wrong status, not JSON, wrong shape."""
