"""Tests of reading credentials out of pasted text."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from custom_components.claude_usage.api import (
    COOKIE_NAMES,
    CookieRenewals,
    Credentials,
    InvalidCookieError,
    parse_credentials,
    set_cookie_values,
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


NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
NEW_KEY = "sk-ant-sid01-Renewed_key-0123456789xyz-ABCDEFAA"


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        # As claude.ai renews a session, and Cloudflare its own cookies.
        (
            [
                (
                    f"sessionKey={NEW_KEY}; Path=/; Expires=Sat, 26 Dec 2026 10:00:00 GMT; "
                    "Max-Age=2419200; Domain=.claude.ai; Secure; HttpOnly; SameSite=Lax"
                ),
                (
                    "__cf_bm=bm-1; path=/; expires=Sat, 28 Nov 2026 10:30:00 GMT; "
                    "domain=.claude.ai; HttpOnly; Secure; SameSite=None"
                ),
                "cf_clearance=cl-2; Path=/; Max-Age=31536000",
            ],
            {"sessionKey": NEW_KEY, "__cf_bm": "bm-1", "cf_clearance": "cl-2"},
        ),
        ([f'sessionKey="{NEW_KEY}"'], {"sessionKey": NEW_KEY}),
        # Deleting a cookie is no renewal.
        (["sessionKey=; Max-Age=0"], {}),
        ([f"sessionKey={NEW_KEY}; Max-Age=0"], {}),
        ([f"sessionKey={NEW_KEY}; Max-Age=-1"], {}),
        ([f"sessionKey={NEW_KEY}; Expires=Thu, 01 Jan 1970 00:00:00 GMT"], {}),
        ([f"sessionKey={NEW_KEY}; Expires=Sat, 28 Nov 2026 10:00:00"], {}),
        # Odd attributes are ignored; the value counts.
        (
            [f"sessionKey={NEW_KEY}; Max-Age=soon; Expires=whenever"],
            {"sessionKey": NEW_KEY},
        ),
        # Not a session key, not a cookie value, not a cookie we keep, no pair.
        (["sessionKey=hello"], {}),
        (['sessionKey=sk-ant-sid01-a"b;c'], {}),
        (["cf_clearance=a b"], {}),
        (["intercom-session=abc", "lastActiveOrg=other"], {}),
        (["; path=/; expires=Sat, 20-Jul-24 03:22:34 GMT; domain=.claude.ai"], {}),
        (["sessionKey"], {}),
        ([], {}),
    ],
)
def test_set_cookie_values(headers: list[str], expected: dict[str, str]) -> None:
    """Only renewals of the cookies we keep, with a usable value, are taken."""
    assert set_cookie_values(headers, NOW) == expected


def test_with_cookies_and_user_agent() -> None:
    """Renewed values replace the pasted ones; the rest and the User-Agent stay."""
    credentials = parse_credentials(ALL_COOKIES).with_user_agent(UA)

    renewed = credentials.with_cookies({"sessionKey": NEW_KEY, "__cf_bm": "bm-2"})

    assert renewed.session_key == NEW_KEY
    assert renewed.cookies["__cf_bm"] == "bm-2"
    assert renewed.cookies["lastActiveOrg"] == ORG
    assert renewed.user_agent == UA
    assert credentials.with_cookies({"sessionKey": KEY}) is credentials
    with pytest.raises(InvalidCookieError):
        credentials.with_user_agent("bad\nagent")


def test_renewals_tell_their_listeners_what_changed() -> None:
    """Only values that differ from what was sent are news; the repr shows no value."""
    renewals = CookieRenewals()
    heard: list[dict[str, str]] = []
    remove = renewals.add_listener(lambda changed: heard.append(dict(changed)))
    credentials = parse_credentials(KEY)

    renewals.take(credentials, {"sessionKey": KEY})
    renewals.take(credentials, {"sessionKey": NEW_KEY, "__cf_bm": "bm"})
    remove()
    renewals.take(credentials, {"cf_clearance": "cl"})

    assert heard == [{"sessionKey": NEW_KEY, "__cf_bm": "bm"}]
    assert renewals.cookies == {
        "sessionKey": NEW_KEY,
        "__cf_bm": "bm",
        "cf_clearance": "cl",
    }
    assert NEW_KEY not in repr(renewals)
    assert "sessionKey" in repr(renewals)
