"""Errors raised by the claude.ai API client.

No message, ``repr`` or attribute of these errors ever carries a credential.
"""

from __future__ import annotations


class ClaudeUsageError(Exception):
    """Base class of every error the client raises."""


class InvalidCookieError(ClaudeUsageError):
    """The pasted text holds no usable ``sessionKey``; nothing was sent."""


class AuthenticationError(ClaudeUsageError):
    """claude.ai refused the session (401/403 with a JSON body): expired or revoked."""


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


class OAuthError(ClaudeUsageError):
    """Signing in with Claude (OAuth) failed; the message names the OAuth error code only."""


class InvalidAuthorizationCodeError(OAuthError):
    """The pasted text is not a ``code#state`` from Claude's callback page; nothing was sent."""


class EmptyCodeError(InvalidAuthorizationCodeError):
    """Nothing was pasted."""


class CodeWithoutStateError(InvalidAuthorizationCodeError):
    """The paste has a code but not the ``#state`` part after it."""


class StateMismatchError(InvalidAuthorizationCodeError):
    """The pasted code belongs to another sign-in attempt (its state does not match)."""


class AccessTokenRejectedError(AuthenticationError):
    """The API answered 401 to an OAuth access token: expired or revoked; a refresh may help."""


class InvalidGrantError(OAuthError, AuthenticationError):
    """The token endpoint refused the code or refresh token (``invalid_grant``).

    For a refresh token this means it was revoked, expired or already used: the
    user has to sign in again. It is an ``AuthenticationError`` so that callers
    which start re-authentication on those handle it without knowing OAuth.
    """
