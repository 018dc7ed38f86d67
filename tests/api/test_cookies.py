"""Tests of reading credentials out of pasted text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from custom_components.claude_usage.api import (
    COOKIE_NAMES,
    Credentials,
    InvalidCookieError,
    parse_credentials,
)

KEY = "sk-ant-sid01-Abc_def-0123456789xyz-ABCDEFAA"
ORG = "4f9a1c2e-8b3d-4e5f-9a6b-7c8d9e0f1a2b"
DEVICE = "9e375fc5-ab10-418c-ac42-141811bc1825"
UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"
ALL_COOKIES = (
    f"intercom-device-id=abc; sessionKey={KEY}; cf_clearance=Ab.Cd-1700000000-1.2.1.1-xyz_"
    f"; __cf_bm=q1w2e3-1700000000-1.0.1.1-r4t5; lastActiveOrg={ORG}; "
    f"anthropic-device-id={DEVICE}; ajs_anonymous_id=%22a1b2%22; "
    "activitySessionId=zz; CH-prefers-color-scheme=dark"
)
EXPECTED_HEADER = (
    f"sessionKey={KEY}; cf_clearance=Ab.Cd-1700000000-1.2.1.1-xyz_; "
    f"__cf_bm=q1w2e3-1700000000-1.0.1.1-r4t5; lastActiveOrg={ORG}; "
    f"anthropic-device-id={DEVICE}; ajs_anonymous_id=%22a1b2%22"
)

CURL_BASH = f"""curl 'https://claude.ai/api/organizations/{ORG}/usage' \\
  -H 'accept: */*' \\
  -H 'accept-language: en-US,en;q=0.9' \\
  -H 'anthropic-client-platform: web_claude_ai' \\
  -b '{ALL_COOKIES}' \\
  -H 'referer: https://claude.ai/settings/usage' \\
  -H 'user-agent: {UA}'"""

CURL_BASH_HEADER = f"""curl "https://claude.ai/api/organizations" \\
  --header "Cookie: {ALL_COOKIES}" \\
  --user-agent "{UA}" \\
  --compressed"""

CURL_CMD = (
    f'curl ^"https://claude.ai/api/organizations/{ORG}/usage^" ^\n'
    '  -H ^"accept: */*^" ^\n'
    f'  -b ^"{ALL_COOKIES.replace("%", "^%")}^" ^\n'
    f'  -H ^"user-agent: {UA}^"'
)

RAW_HEADERS = f"""GET /api/organizations HTTP/2
Host: claude.ai
User-Agent: {UA}
Accept: */*
Cookie: {ALL_COOKIES}
"""


@pytest.mark.parametrize(
    ("text", "header", "user_agent"),
    [
        (KEY, f"sessionKey={KEY}", None),
        (f"  {KEY}\n", f"sessionKey={KEY}", None),
        (f'"{KEY}"', f"sessionKey={KEY}", None),
        (f"sessionKey={KEY}", f"sessionKey={KEY}", None),
        (f"sessionKey={KEY};", f"sessionKey={KEY}", None),
        (ALL_COOKIES, EXPECTED_HEADER, None),
        (f"Cookie: {ALL_COOKIES}", EXPECTED_HEADER, None),
        (f"cookie:{ALL_COOKIES}", EXPECTED_HEADER, None),
        (CURL_BASH, EXPECTED_HEADER, UA),
        (CURL_BASH_HEADER, EXPECTED_HEADER, UA),
        (CURL_CMD, EXPECTED_HEADER, UA),
        (RAW_HEADERS, EXPECTED_HEADER, UA),
        (
            f"curl https://claude.ai -A 'UA 1' -H 'User-Agent: UA 2' -b 'sessionKey={KEY}'",
            f"sessionKey={KEY}",
            "UA 1",
        ),
        (
            f"curl https://claude.ai -b cookies.txt -H 'cookie: sessionKey={KEY}'",
            f"sessionKey={KEY}",
            None,
        ),
        (
            f"sessionKey={KEY}; sessionKey=sk-ant-sid01-second-one-xyz",
            f"sessionKey={KEY}",
            None,
        ),
        (
            "curl 'https://claude.ai' -H $'cookie: note=it\\'s; sessionKey="
            + KEY
            + "' -H $'user-agent: A\\x42C'",
            f"sessionKey={KEY}",
            "ABC",
        ),
    ],
    ids=[
        "bare",
        "bare-whitespace",
        "bare-quoted",
        "name-value",
        "trailing-semicolon",
        "cookie-string",
        "cookie-header",
        "cookie-header-no-space",
        "curl-bash",
        "curl-bash-long-options",
        "curl-cmd",
        "raw-headers",
        "curl-user-agent-option-wins",
        "curl-cookie-file-ignored",
        "first-session-key-wins",
        "curl-ansi-c-quoting",
    ],
)
def test_parse_credentials(text: str, header: str, user_agent: str | None) -> None:
    """Every accepted paste keeps only the recognised cookies, in a fixed order."""
    credentials = parse_credentials(text)

    assert credentials.cookie_header() == header
    assert credentials.user_agent == user_agent
    assert credentials.session_key == KEY
    assert set(credentials.cookies) <= set(COOKIE_NAMES)
    # What the integration stores reads back to the same cookies.
    assert parse_credentials(credentials.cookie_header()) == replace(
        credentials, user_agent=None
    )


def test_recognised_cookie_accessors() -> None:
    """The organization and device id cookies are exposed; absent ones are None."""
    full = parse_credentials(ALL_COOKIES)
    bare = parse_credentials(KEY)

    assert full.last_active_org == ORG
    assert full.device_id == DEVICE
    assert bare.last_active_org is None
    assert bare.device_id is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the text is empty"),
        ("   \n\t", "the text is empty"),
        ("lastActiveOrg=abc; cf_clearance=xyz", "has no sessionKey cookie"),
        ("sessionKey=", "has no sessionKey cookie"),
        ("Cookie: other=1", "has no sessionKey cookie"),
        ("User-Agent: x\nAccept: */*", "has no sessionKey cookie"),
        ("curl https://claude.ai -H 'accept: */*'", "has no sessionKey cookie"),
        ("hunter2", "does not look like a claude.ai session key"),
        ("sessionKey=sk-ant-", "does not look like a claude.ai session key"),
        (
            "sessionKey=sk-ant-sid01-abc.def/ghi",
            "does not look like a claude.ai session key",
        ),
        ("sk-ant-sid01-abcdefgh ijk", "sessionKey cookie contains characters"),
        (
            'sessionKey=sk-ant-sid01-abcdefgh"ijk',
            "sessionKey cookie contains characters",
        ),
        (
            f"sessionKey={KEY}; cf_clearance=a,b",
            "cf_clearance cookie contains characters",
        ),
        (f"sessionKey={KEY}; __cf_bm=a\\b", "__cf_bm cookie contains characters"),
        (f"curl https://claude.ai -b 'sessionKey={KEY}", "could not be read"),
        (
            f"Cookie: sessionKey={KEY}\nUser-Agent: bad\x07agent",
            "User-Agent contains characters",
        ),
    ],
)
def test_rejected_text(text: str, message: str) -> None:
    """Bad pastes get a clear message that never repeats the pasted text."""
    with pytest.raises(InvalidCookieError, match=message) as err:
        parse_credentials(text)

    assert "sk-ant-sid01" not in str(err.value)
    assert "hunter2" not in str(err.value)


def test_credentials_validate_when_built_directly() -> None:
    """Building Credentials by hand applies the same checks and filtering."""
    credentials = Credentials({"sessionKey": KEY, "other": "x"}, user_agent="UA")

    assert dict(credentials.cookies) == {"sessionKey": KEY}
    with pytest.raises(InvalidCookieError, match="no sessionKey"):
        Credentials({"cf_clearance": "x"})
    with pytest.raises(InvalidCookieError, match="User-Agent"):
        Credentials({"sessionKey": KEY}, user_agent="a\r\nInjected: 1")
    with pytest.raises(TypeError):
        credentials.cookies["sessionKey"] = "x"  # type: ignore[index]


def test_repr_hides_cookie_values() -> None:
    """The repr names the cookies, never their values."""
    credentials = parse_credentials(CURL_BASH)

    text = repr(credentials)
    assert text == (
        "Credentials(cookies=['sessionKey', 'cf_clearance', '__cf_bm', "
        "'lastActiveOrg', 'anthropic-device-id', 'ajs_anonymous_id'], "
        f"user_agent={UA!r})"
    )
    assert str(credentials) == text
    assert KEY not in text
