"""The sh reporter, run as Claude Code runs it, against the stub webhook.

Every test runs under each shell and awk of ``conftest.VARIANTS`` with a ``PATH`` of
only the tools the script may use (sh, curl, awk, sed and coreutils-level tools).
"""

from __future__ import annotations

import copy
import json
import shutil
import socket
import stat
import subprocess
from typing import Any

import pytest

from .claude_code import SCRIPT, ClaudeCode, fixture_text
from .webhook_stub import STATUS_TEXT, WEBHOOK_ID, WebhookStub

# The 5-hour and 7-day windows of each status-line fixture, as they must arrive.
STATUS_REPORTS: dict[str, dict[str, Any]] = {
    "statusline_rate_limits.json": {
        "rate_limits": {
            "five_hour": {
                "used_percentage": 23.000000000000004,
                "resets_at": 1765123200,
            },
            "seven_day": {"used_percentage": 41.2, "resets_at": 1765555200},
        },
        "version": "2.1.88",
    },
    "statusline_iso_resets.json": {
        "rate_limits": {
            "five_hour": {"used_percentage": 42.3, "resets_at": "2026-03-20T15:00:00Z"},
            "seven_day": {"used_percentage": 85.7, "resets_at": "2026-03-24T00:00:00Z"},
        },
        "version": "2.1.80",
    },
    "statusline_five_hour_only.json": {
        "rate_limits": {"five_hour": {"used_percentage": 105, "resets_at": 1776441600}},
        "version": "2.1.88",
    },
    "statusline_tricky_strings.json": {
        "rate_limits": {
            "five_hour": {"used_percentage": 7.5, "resets_at": 1765123200},
            "seven_day": {"used_percentage": 0, "resets_at": 1765555200},
        },
        "version": "2.1.88",
    },
}
HOOK_REPORTS: dict[str, tuple[str, dict[str, str]]] = {
    "hook_stop.json": ("Stop", {"hook_event_name": "Stop"}),
    **{
        f"hook_notification_{kind}.json": (
            "Notification",
            {"hook_event_name": "Notification", "notification_type": kind},
        )
        for kind in (
            "permission_prompt",
            "idle_prompt",
            "auth_success",
            "elicitation_dialog",
        )
    },
}
PROBE: dict[str, Any] = {}  # The installer's one question to Home Assistant.


def ours(claude: ClaudeCode) -> tuple[str, str]:
    """Return the status-line and hook commands the installer writes."""
    script = claude.state_dir / SCRIPT.name
    return f"sh '{script}'", f"sh '{script}' hook"


def group(command: str) -> dict[str, Any]:
    """Return a hook group with one command, as Claude Code's settings hold it."""
    return {"hooks": [{"type": "command", "command": command}]}


def installed(claude: ClaudeCode, original: dict[str, Any]) -> dict[str, Any]:
    """Return the settings an install must make of ``original`` (key order too)."""
    status_line, hook = ours(claude)
    settings = copy.deepcopy(original)
    ours_value: dict[str, Any] = {"type": "command", "command": status_line}
    previous = settings.get("statusLine")
    if previous is not None and isinstance(previous.get("padding"), int | float):
        ours_value["padding"] = previous["padding"]
    settings["statusLine"] = ours_value
    hooks = settings.setdefault("hooks", {})
    for event in ("Stop", "Notification"):
        hooks.setdefault(event, []).append(group(hook))
    return settings


def stringify(settings: dict[str, Any]) -> str:
    """Lay settings out as Claude Code writes them: ``JSON.stringify(s, null, 2)``, newline."""
    return json.dumps(settings, indent=2, ensure_ascii=False) + "\n"


def private_strings(value: Any) -> set[str]:
    """Every string of a fixture that must never leave the computer."""
    if isinstance(value, dict):
        found = set().union(*(private_strings(item) for item in value.values()))
        # The only strings the reports may carry.
        for allowed in ("version", "hook_event_name", "notification_type", "resets_at"):
            if isinstance(value.get(allowed), str):
                found.discard(value[allowed])
        return found
    if isinstance(value, list):
        return set().union(*(private_strings(item) for item in value))
    return {value} if isinstance(value, str) else set()


def closed_port() -> int:
    """Return a port of 127.0.0.1 where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def install(claude: ClaudeCode, webhook: WebhookStub) -> None:
    """Install against the stub; it answers the probe."""
    run = await claude.install(webhook.url)
    assert run.returncode == 0, run.stderr
    assert webhook.reports() == [PROBE]


# Settings as users have them; installing and uninstalling must give them back as
# they were, byte for byte.
CLAUDE_CODE_LAYOUT = stringify(
    {
        "model": "opus",
        "permissions": {"allow": ["Bash(npm run test:*)"], "deny": []},
        "statusLine": {
            "type": "command",
            "command": "bash ~/.claude/statusline.sh",
            "padding": 0,
        },
        "hooks": {
            "PreToolUse": [
                {
                    "matcher": "Bash",
                    "hooks": [{"type": "command", "command": "echo hi"}],
                }
            ]
        },
        "alwaysThinkingEnabled": True,
    }
)
SETTINGS = {
    "claude-code-layout": CLAUDE_CODE_LAYOUT,
    "one-line-no-final-newline": (
        '{"model":"opus","statusLine":{"type":"command","command":"~/bin/line"},'
        '"hooks":{"Stop":[{"hooks":[{"type":"command","command":"notify-send done"}]}]}}'
    ),
    "tabs": '{\n\t"model": "sonnet",\n\t"env": {\n\t\t"DISABLE_TELEMETRY": "1"\n\t}\n}\n',
    "four-spaces-crlf": (
        '{\r\n    "hooks": {\r\n        "Notification": [\r\n            {\r\n'
        '                "matcher": "permission_prompt",\r\n'
        '                "hooks": [\r\n                    {\r\n'
        '                        "type": "command",\r\n'
        '                        "command": "paplay /usr/share/sounds/bell.oga"\r\n'
        "                    }\r\n                ]\r\n            }\r\n        ]\r\n"
        "    }\r\n}\r\n"
    ),
    "unicode-escapes-decoys": (
        "{\n"
        '  "env": {"hooks": {"Stop": []}, "NOTE": "statusLine \\"hooks\\": {} \\\\ \\/ \\u00e9 日本 😀"},\n'
        '  "numbers": [0, -0.5, 1e-7, 2E+10, 1.5e3, true, false, null, [], {}, [[{"a": [1]}]]],\n'
        '  "statusLine": {"type": "command", "command": "printf \'%s\' \\"Ünïcödé\\""},\n'
        '  "k\\u00e9y with \\"quotes\\"": "v"\n'
        "}"
    ),
    "empty-object": "{}\n",
    "hooks-in-use": stringify(
        {
            "hooks": {
                "Stop": [group("notify-send 'Claude is done'")],
                "Notification": [
                    {
                        "matcher": "idle_prompt",
                        "hooks": [{"type": "command", "command": "say idle"}],
                    },
                    group("logger claude"),
                ],
                "SessionStart": [group("echo start")],
            }
        }
    ),
}

# Settings Claude Code would not read, or of a shape the installer does not know.
UNPARSEABLE = {
    "line-comment": '{\n  // my model\n  "model": "opus"\n}\n',
    "block-comment": '{ /* x */ "model": "opus" }\n',
    "trailing-comma-object": '{"model": "opus",}\n',
    "trailing-comma-array": '{"permissions": {"allow": ["Read",]}}\n',
    "truncated": '{"model": "op',
    "single-quotes": "{'model': 'opus'}\n",
    "nan": '{"x": NaN}\n',
    "leading-zero": '{"x": 01}\n',
    "bad-escape": '{"x": "\\x41"}\n',
    "tab-in-string": '{"x": "a\tb"}\n',
    "two-values": "{} {}\n",
    "byte-order-mark": "\ufeff{}\n",
}
UNEXPECTED_SHAPE = {
    "array": "[]\n",
    "too-deep": '{"x": ' + "[" * 70 + "]" * 70 + "}\n",
    "status-line-string": '{"statusLine": "echo hi"}\n',
    "hooks-list": '{"hooks": []}\n',
    "stop-object": '{"hooks": {"Stop": {}}}\n',
    "duplicate-status-line": (
        '{"statusLine": {"type": "command", "command": "a"},'
        ' "statusLine": {"type": "command", "command": "b"}}\n'
    ),
}


async def test_install_in_a_new_home(claude: ClaudeCode, webhook: WebhookStub) -> None:
    """A first install writes the settings as Claude Code would, and keeps the URL private."""
    run = await claude.install(webhook.url)

    assert run.returncode == 0, run.stderr
    assert claude.settings_path.read_text() == stringify(installed(claude, {}))
    assert webhook.reports() == [PROBE]
    assert webhook.posts[0].content_type == "application/json"
    assert stat.S_IMODE(claude.state_dir.stat().st_mode) == 0o700
    secret = claude.state_dir / "webhook"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert webhook.url in secret.read_text()
    assert (claude.state_dir / SCRIPT.name).read_bytes() == SCRIPT.read_bytes()
    assert f"Home Assistant answers: {STATUS_TEXT}" in run.stdout
    assert webhook.url not in run.stdout + run.stderr
    # Without a previous status line, it shows Home Assistant's text at once.
    shown = await claude.status_line("statusline_no_rate_limits.json")
    assert (shown.returncode, shown.stdout) == (0, STATUS_TEXT + "\n")


@pytest.mark.parametrize("original", SETTINGS.values(), ids=SETTINGS.keys())
async def test_install_twice_then_uninstall(
    claude: ClaudeCode, webhook: WebhookStub, original: str
) -> None:
    """Install edits only what it must; again changes nothing; uninstall restores all."""
    claude.config_dir.mkdir()
    claude.settings_path.write_bytes(original.encode())

    await install(claude, webhook)
    once = claude.settings_path.read_bytes()
    expected = installed(claude, json.loads(original))
    assert json.dumps(claude.settings(), ensure_ascii=False) == json.dumps(
        expected, ensure_ascii=False
    )
    if original in (CLAUDE_CODE_LAYOUT, "{}\n"):
        assert once.decode() == stringify(expected)
    written = claude.settings_path.stat().st_mtime_ns

    again = await claude.install(webhook.url)
    assert again.returncode == 0, again.stderr
    assert "already installed" in again.stdout
    assert claude.settings_path.read_bytes() == once
    assert claude.settings_path.stat().st_mtime_ns == written

    removed = await claude.uninstall()
    assert removed.returncode == 0, removed.stderr
    assert claude.settings_path.read_bytes() == original.encode()
    assert not claude.state_dir.exists()


async def test_previous_status_line_runs_with_the_same_input(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """The user's status line keeps its output, and the limits still reach Home Assistant."""
    claude.config_dir.mkdir()
    previous = {
        "type": "command",
        # Reads the input it is given: the model's name from Claude Code's JSON.
        "command": 'sed -n \'s/.*"display_name":"\\([^"]*\\)".*/[\\1]/p\'',
    }
    claude.settings_path.write_text(json.dumps({"statusLine": previous}))
    await install(claude, webhook)

    run = await claude.status_line("statusline_rate_limits.json")
    await run.background()

    assert (run.returncode, run.stdout) == (0, "[Opus 4.6]\n")
    assert webhook.reports() == [PROBE, STATUS_REPORTS["statusline_rate_limits.json"]]
    assert "status line stays as it was" in claude.runs[0].stdout


async def test_previous_command_is_decoded_from_json(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """Quotes, backslashes and escapes of the previous command reach the shell intact."""
    claude.config_dir.mkdir()
    command = "printf '%s|%s\\n' \"café \\\"q\\\"\" 'a\\b /'"
    text = json.dumps({"statusLine": {"type": "command", "command": command}})
    claude.settings_path.write_text(text.replace("/", "\\/"))  # json.dumps gives \u00e9
    await install(claude, webhook)

    run = await claude.status_line("statusline_no_rate_limits.json")

    assert run.stdout == 'café "q"|a\\b /\n'


async def test_reinstall_keeps_the_first_previous_status_line(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """Installing over an install does not take our own status line for the user's."""
    claude.config_dir.mkdir()
    claude.settings_path.write_text(CLAUDE_CODE_LAYOUT)
    await install(claude, webhook)
    assert (await claude.install(webhook.url)).returncode == 0
    # Installed from the installed copy too.
    run = await claude.run(
        ["sh", str(claude.state_dir / SCRIPT.name), "install", webhook.url]
    )
    assert run.returncode == 0, run.stderr

    assert (await claude.uninstall()).returncode == 0
    assert claude.settings_path.read_text() == CLAUDE_CODE_LAYOUT


async def test_install_moves_an_older_installation(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """Commands of the script at another place are updated, not doubled."""
    claude.config_dir.mkdir()
    old = "sh '/opt/old place/claude-usage-report.sh'"
    claude.settings_path.write_text(
        stringify(
            {
                "statusLine": {"type": "command", "command": old, "padding": 1},
                "hooks": {
                    "Stop": [group("say done"), group(f"{old} hook")],
                    "Notification": [group(f"{old} hook")],
                },
            }
        )
    )

    await install(claude, webhook)

    status_line, hook = ours(claude)
    assert claude.settings() == {
        "statusLine": {"type": "command", "command": status_line, "padding": 1},
        "hooks": {
            "Stop": [group("say done"), group(hook)],
            "Notification": [group(hook)],
        },
    }
    # Nothing of the user's was ours to keep as a previous status line.
    assert (await claude.uninstall()).returncode == 0
    assert claude.settings() == {"hooks": {"Stop": [group("say done")]}}


async def test_uninstall_removes_only_what_is_ours(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """A hook the user added beside ours, and a status line the user changed, stay."""
    await install(claude, webhook)
    settings = claude.settings()
    _, hook = ours(claude)
    settings["statusLine"] = {"type": "command", "command": "my-new-line"}
    settings["hooks"]["Stop"][0]["hooks"].append(
        {"type": "command", "command": "say done"}
    )
    settings["hooks"]["Notification"].insert(0, group("logger note"))
    claude.settings_path.write_text(stringify(settings))

    run = await claude.uninstall()

    assert run.returncode == 0, run.stderr
    assert claude.settings() == {
        "statusLine": {"type": "command", "command": "my-new-line"},
        "hooks": {"Stop": [group("say done")], "Notification": [group("logger note")]},
    }
    assert hook not in claude.settings_path.read_text()


async def test_uninstall_without_an_install(claude: ClaudeCode) -> None:
    """Uninstall where nothing was installed changes nothing and creates nothing."""
    run = await claude.run(["sh", str(SCRIPT), "uninstall"])

    assert run.returncode == 0, run.stderr
    assert not claude.config_dir.exists()
    claude.config_dir.mkdir()
    claude.settings_path.write_text(CLAUDE_CODE_LAYOUT)
    run = await claude.run(["sh", str(SCRIPT), "uninstall"])
    assert "nothing to remove" in run.stdout
    assert claude.settings_path.read_text() == CLAUDE_CODE_LAYOUT
    assert not claude.state_dir.exists()


@pytest.mark.parametrize(
    ("original", "why"),
    [(text, "not valid JSON") for text in UNPARSEABLE.values()]
    + [(text, "unexpected shape") for text in UNEXPECTED_SHAPE.values()],
    ids=[*UNPARSEABLE, *UNEXPECTED_SHAPE],
)
async def test_settings_it_cannot_read_are_left_alone(
    claude: ClaudeCode, webhook: WebhookStub, original: str, why: str
) -> None:
    """Settings Claude Code could not read, or of an unknown shape, stay as they are."""
    claude.config_dir.mkdir()
    claude.settings_path.write_bytes(original.encode())

    run = await claude.install(webhook.url)

    assert run.returncode == 1
    assert f"{claude.settings_path} " in run.stderr
    assert why in run.stderr
    assert "Nothing was changed." in run.stderr
    assert claude.settings_path.read_bytes() == original.encode()
    assert sorted(p.name for p in claude.config_dir.iterdir()) == ["settings.json"]
    assert webhook.posts == []  # Home Assistant is not even asked.


@pytest.mark.parametrize("original", ["", " \n\n"], ids=["empty", "blank"])
async def test_empty_settings_count_as_empty(
    claude: ClaudeCode, webhook: WebhookStub, original: str
) -> None:
    """Claude Code reads an empty or blank settings.json as {}; so does the installer."""
    claude.config_dir.mkdir()
    claude.settings_path.write_text(original)

    await install(claude, webhook)

    assert claude.settings_path.read_text() == stringify(installed(claude, {}))


async def test_claude_config_dir_is_honoured(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """With CLAUDE_CONFIG_DIR, settings and state live there, as Claude Code's do."""
    claude.env["CLAUDE_CONFIG_DIR"] = str(claude.home / "work profile")

    await install(claude, webhook)
    run = await claude.status_line("statusline_rate_limits.json")
    await run.background()

    assert claude.settings_path.parent == claude.home / "work profile"
    assert not (claude.home / ".claude").exists()
    assert webhook.reports()[-1] == STATUS_REPORTS["statusline_rate_limits.json"]


async def test_settings_behind_a_symlink(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """A settings.json linked from a dotfiles folder stays a link; its mode stays."""
    dotfiles = claude.home / "dotfiles" / "claude-settings.json"
    dotfiles.parent.mkdir()
    dotfiles.write_text(CLAUDE_CODE_LAYOUT)
    dotfiles.chmod(0o600)
    claude.config_dir.mkdir()
    claude.settings_path.symlink_to(dotfiles)

    await install(claude, webhook)

    assert claude.settings_path.is_symlink()
    assert json.loads(dotfiles.read_text()) == installed(
        claude, json.loads(CLAUDE_CODE_LAYOUT)
    )
    assert stat.S_IMODE(dotfiles.stat().st_mode) == 0o600
    assert (await claude.uninstall()).returncode == 0
    assert dotfiles.read_text() == CLAUDE_CODE_LAYOUT


async def test_settings_mode_is_kept(claude: ClaudeCode, webhook: WebhookStub) -> None:
    """A private settings.json stays private."""
    claude.config_dir.mkdir()
    claude.settings_path.write_text(CLAUDE_CODE_LAYOUT)
    claude.settings_path.chmod(0o600)

    await install(claude, webhook)

    assert stat.S_IMODE(claude.settings_path.stat().st_mode) == 0o600


async def test_unknown_webhook_changes_nothing(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """Home Assistant's empty answer for an unknown webhook stops the install."""
    wrong = "1234abcd" * 8
    run = await claude.install(webhook.url_of(wrong))

    assert run.returncode == 1
    assert "does not know this webhook" in run.stderr
    assert not claude.config_dir.exists()
    assert wrong not in run.stdout + run.stderr


@pytest.mark.parametrize(
    "url",
    [
        "",
        "ha.local:8123/api/webhook/abc",
        "ftp://ha.local/api/webhook/abc",
        "http://ha.local:8123/api/webhook/",
        "http://ha.local:8123/api/webhook/abc/def",
        "http://ha.local:8123/api/webhooks/abc",
        'http://ha.local:8123/api/webhook/ab"c',
        "http://ha.local:8123/api/webhook/ab c",
        "http://user:secret@ha.local/api/webhook/abc",
        "http://ha.local/api/webhook/abc?x=1",
        "http://ha.local/api/webhook/abc\nurl = http://evil",
        "http://hooks.nabu.casa/abc",
        "https://hooks.nabu.casa/",
        "https://hooks.nabu.casa/abc/def",
        "https://hooks.nabu.casa.evil.example/abc",
    ],
)
async def test_only_a_webhook_url_is_accepted(
    claude: ClaudeCode, webhook: WebhookStub, url: str
) -> None:
    """Anything but http(s)://HOST/api/webhook/ID is refused, and not repeated."""
    run = await claude.install(url)

    assert run.returncode == 1
    assert "not a webhook URL" in run.stderr
    assert not claude.home.joinpath(".claude").exists()
    assert webhook.posts == []
    assert "ha.local" not in run.stdout + run.stderr
    assert "secret" not in run.stdout + run.stderr


async def test_a_cloudhook_url_is_accepted(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """A Home Assistant Cloud webhook (hooks.nabu.casa) is a webhook URL too.

    The machine is offline: curl goes through a proxy on a closed loopback port,
    so Home Assistant counts as unreachable and the install goes ahead.
    """
    claude.env["https_proxy"] = "http://127.0.0.1:9"
    run = await claude.install("https://hooks.nabu.casa/gAAAAABn_cloudhook-Id_42")

    assert run.returncode == 0, run.stderr
    assert "cannot be reached now" in run.stderr + run.stdout
    assert "gAAAAABn" not in run.stdout + run.stderr


async def test_without_curl(claude: ClaudeCode, webhook: WebhookStub) -> None:
    """Install needs curl; a status line that lost it still shows and exits 0."""
    curl = claude.bin / "curl"
    target = curl.resolve()
    curl.unlink()
    run = await claude.install(webhook.url)
    assert (run.returncode, run.stderr) == (
        1,
        "Claude Usage: curl is needed; install it first.\n",
    )
    assert not claude.config_dir.exists()

    curl.symlink_to(target)
    await install(claude, webhook)
    curl.unlink()
    status = await claude.status_line("statusline_rate_limits.json")
    await status.background()
    assert (status.returncode, status.stdout, status.stderr) == (
        0,
        STATUS_TEXT + "\n",
        "",
    )
    assert webhook.reports() == [PROBE]


async def test_the_download_can_go_after_the_install(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """The user's lines: download, install from the current folder, delete the download."""
    download = claude.home / SCRIPT.name
    download.write_bytes(SCRIPT.read_bytes())

    run = await claude.run(["sh", SCRIPT.name, "install", webhook.url])
    download.unlink()
    status = await claude.status_line("statusline_rate_limits.json")
    await status.background()

    assert run.returncode == 0, run.stderr
    assert (status.returncode, status.stdout) == (0, STATUS_TEXT + "\n")
    assert webhook.reports() == [PROBE, STATUS_REPORTS["statusline_rate_limits.json"]]


async def test_install_asks_for_the_url(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """Without an argument (kept out of the shell's history) it reads the URL."""
    run = await claude.install(None, stdin=webhook.url + "\n")

    assert run.returncode == 0, run.stderr
    assert run.stderr == "Webhook URL (shown by the Claude Usage integration): "
    assert webhook.reports() == [PROBE]


async def test_the_url_is_never_a_process_argument(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """The URL is read from the private file: other users' ps never shows it."""
    real = claude.bin / "curl"
    target = real.resolve()
    real.unlink()
    log = claude.home / "curl-arguments"
    real.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >>"{log}"\nexec {target} "$@"\n')
    real.chmod(0o755)

    await install(claude, webhook)
    run = await claude.status_line("statusline_rate_limits.json")
    await run.background()
    for hook in await claude.hook("Stop", "hook_stop.json"):
        await hook.background()

    assert len(webhook.reports()) == 3
    assert len(log.read_text().splitlines()) == 3
    assert WEBHOOK_ID not in log.read_text()


@pytest.mark.parametrize("fixture", STATUS_REPORTS)
async def test_status_line_reports_only_the_limits(
    claude: ClaudeCode, webhook: WebhookStub, fixture: str
) -> None:
    """rate_limits (the two windows) and version arrive; no path, id or name."""
    await install(claude, webhook)

    run = await claude.status_line(fixture)
    await run.background()

    assert run.returncode == 0
    assert webhook.reports() == [PROBE, STATUS_REPORTS[fixture]]
    body = webhook.posts[-1].body.decode()
    assert webhook.posts[-1].content_type == "application/json"
    for private in private_strings(json.loads(fixture_text(fixture))):
        assert json.dumps(private)[1:-1] not in body
        assert private not in body


@pytest.mark.parametrize(
    "fixture", ["statusline_no_rate_limits.json", "statusline_rate_limits_null.json"]
)
async def test_status_line_without_limits_sends_nothing(
    claude: ClaudeCode, webhook: WebhookStub, fixture: str
) -> None:
    """Before the first answer, or for API users, there is nothing to report."""
    await install(claude, webhook)

    run = await claude.status_line(fixture)
    await run.background()

    assert (run.returncode, run.stdout) == (0, STATUS_TEXT + "\n")
    assert webhook.reports() == [PROBE]


async def test_status_line_shows_home_assistants_latest_answer(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """Each answer replaces the text shown, without control characters."""
    await install(claude, webhook)
    webhook.status_text = "Sitzung 43 % · \x1b[31mrot\x1b[0m\r"

    first = await claude.status_line("statusline_rate_limits.json")
    await first.background()
    second = await claude.status_line("statusline_rate_limits.json")

    assert first.stdout == STATUS_TEXT + "\n"
    assert second.stdout == "Sitzung 43 % · [31mrot[0m\n"


@pytest.mark.parametrize(
    ("answer", "chunked", "shown"),
    [
        ("Week 18 %\nsecond line", False, "Week 18 %"),
        ("x" * 5000, False, STATUS_TEXT),  # too long: ignored
        ("x" * 5000, True, STATUS_TEXT),  # the same, of a length not told before
        ("", False, STATUS_TEXT),
    ],
    ids=["two-lines", "too-long", "too-long-chunked", "empty"],
)
async def test_odd_answers_of_home_assistant(
    claude: ClaudeCode, webhook: WebhookStub, answer: str, chunked: bool, shown: str
) -> None:
    """Only the first line of an answer, if it is short, replaces the text shown."""
    await install(claude, webhook)
    webhook.status_text = answer
    webhook.chunked = chunked

    await (await claude.status_line("statusline_rate_limits.json")).background()
    run = await claude.status_line("statusline_rate_limits.json")

    assert (run.returncode, run.stdout) == (0, shown + "\n")


async def test_an_answer_cut_off_is_not_shown(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """An answer that stalls halfway and times out does not replace the text shown."""
    await install(claude, webhook)
    webhook.status_text = "Woche 19 %"
    webhook.chunked = webhook.hang = True

    await (await claude.status_line("statusline_rate_limits.json")).background()
    run = await claude.status_line("statusline_iso_resets.json")

    assert (run.returncode, run.stdout) == (0, STATUS_TEXT + "\n")
    assert len(webhook.abandoned_after) == 1


async def test_the_same_report_goes_once_a_minute(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """Claude Code runs the status line on every message; unchanged limits go once a minute."""
    await install(claude, webhook)
    limits = STATUS_REPORTS["statusline_rate_limits.json"]

    for _ in range(3):
        await (await claude.status_line("statusline_rate_limits.json")).background()
    assert webhook.reports() == [PROBE, limits]

    last = claude.state_dir / "last-report"
    sent_at, body = last.read_text().splitlines()
    last.write_text(f"{int(sent_at) - 61}\n{body}\n")
    await (await claude.status_line("statusline_rate_limits.json")).background()
    await (await claude.status_line("statusline_iso_resets.json")).background()
    assert webhook.reports() == [
        PROBE,
        limits,
        limits,
        STATUS_REPORTS["statusline_iso_resets.json"],
    ]


async def test_a_script_that_is_not_installed_prints_nothing(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """Run where it was downloaded, without an install: no output, no report."""
    for argv in (["sh", str(SCRIPT)], ["sh", str(SCRIPT), "hook"]):
        run = await claude.run(argv, fixture_text("statusline_rate_limits.json"))
        await run.background()
        assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert webhook.posts == []


async def test_a_failing_previous_status_line(
    claude: ClaudeCode, webhook: WebhookStub
) -> None:
    """A broken previous command never breaks the status line: exit 0."""
    claude.config_dir.mkdir()
    claude.settings_path.write_text(
        json.dumps({"statusLine": {"type": "command", "command": "echo half; exit 3"}})
    )
    await install(claude, webhook)

    run = await claude.status_line("statusline_rate_limits.json")

    assert (run.returncode, run.stdout) == (0, "half\n")


@pytest.mark.parametrize("fixture", HOOK_REPORTS)
async def test_hooks_report_only_the_event(
    claude: ClaudeCode, webhook: WebhookStub, fixture: str
) -> None:
    """Stop and each notification send their names; the message never leaves."""
    await install(claude, webhook)
    event, report = HOOK_REPORTS[fixture]

    (run,) = await claude.hook(event, fixture)
    await run.background()

    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert webhook.reports() == [PROBE, report]
    body = webhook.posts[-1].body.decode()
    for private in private_strings(json.loads(fixture_text(fixture))):
        assert private not in body


@pytest.mark.parametrize("stdin", ["{}", '{"hook_event_name": "x y"}', "not json", ""])
async def test_a_hook_without_an_event_name_sends_nothing(
    claude: ClaudeCode, webhook: WebhookStub, stdin: str
) -> None:
    """A hook report needs a plain event name; it would read as a status line otherwise."""
    await install(claude, webhook)
    _, hook = ours(claude)

    run = await claude.run(["/bin/sh", "-c", hook], stdin)
    await run.background()

    assert run.returncode == 0
    assert webhook.reports() == [PROBE]


async def test_home_assistant_refuses_connections(
    claude: ClaudeCode, socket_enabled: None
) -> None:
    """Home Assistant is down: install still installs, and Claude Code sees no error."""
    url = f"http://127.0.0.1:{closed_port()}/api/webhook/{WEBHOOK_ID}"

    run = await claude.install(url)
    assert run.returncode == 0, run.stderr
    assert "cannot be reached now: nothing answers at that address" in run.stdout

    status = await claude.status_line("statusline_rate_limits.json")
    (hook,) = await claude.hook("Stop", "hook_stop.json")
    for done in (status, hook):
        await done.background()
        assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


async def test_home_assistant_hangs(claude: ClaudeCode, webhook: WebhookStub) -> None:
    """The status line and hooks return at once; the report gives up after 2 s."""
    await install(claude, webhook)
    webhook.hang = True

    status = await claude.status_line("statusline_rate_limits.json")
    (hook,) = await claude.hook("Notification", "hook_notification_idle_prompt.json")
    assert (status.returncode, status.stdout) == (0, STATUS_TEXT + "\n")
    assert hook.returncode == 0

    # What outlived them was the background report, which gave up after curl's -m 2.
    for run in (status, hook):
        assert 1.5 < await run.background() - run.ended < 4.0
    assert len(webhook.abandoned_after) == 2
    assert all(1.5 < held < 3.0 for held in webhook.abandoned_after)


async def test_help(claude: ClaudeCode) -> None:
    """--help explains the modes; an unknown mode is an error."""
    run = await claude.run(["sh", str(SCRIPT), "--help"])
    assert run.returncode == 0
    assert "install [WEBHOOK_URL]" in run.stdout

    run = await claude.run(["sh", str(SCRIPT), "instal"])
    assert run.returncode == 2
    assert "install [WEBHOOK_URL]" in run.stderr


def test_no_bashisms() -> None:
    """Debian's checkbashisms (devscripts) finds nothing to object to."""
    if (checker := shutil.which("checkbashisms")) is None:
        pytest.skip("checkbashisms is not installed")
    done = subprocess.run(
        [checker, "--posix", "--extra", str(SCRIPT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_shellcheck() -> None:
    """ShellCheck, as POSIX sh, finds nothing to object to."""
    if (checker := shutil.which("shellcheck")) is None:
        pytest.skip("shellcheck is not installed")
    done = subprocess.run(
        [checker, "--shell=sh", str(SCRIPT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
