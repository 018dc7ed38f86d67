"""Claude Code's side of the reporter: runs it exactly as Claude Code does.

Claude Code (2.1.x) runs the ``statusLine`` command and each hook command with
``/bin/sh -c <command>`` (Node's ``spawn(command, {shell: true})``), writes the JSON and
a newline to its standard input, and waits until the process has exited and its
standard output and error are closed. :class:`ClaudeCode` does the same in a home
folder of its own, with a ``PATH`` that holds only the tools the reporter may use
(:class:`Tools`), and works with any webhook URL: the stub's or a real Home Assistant's.

Each run also inherits one extra pipe; it closes when the last process the run
started has ended, so a test knows when the background report is over without
sleeping (``await run.background()``).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
import json
import os
from pathlib import Path
import shutil
import time
from typing import Any

ROOT = Path(__file__).parent.parent.parent
SCRIPT = ROOT / "custom_components" / "claude_usage" / "www" / "claude-usage-report.sh"
FIXTURES = ROOT / "tests" / "fixtures" / "claude_code"

# Everything the reporter may call besides the shell and awk: sh, curl, sed, awk and
# tools every system has.
TOOLS = (
    "cat",
    "chmod",
    "cmp",
    "cp",
    "curl",
    "date",
    "dirname",
    "mkdir",
    "mv",
    "printf",
    "rm",
    "rmdir",
    "sed",
    "tail",
)
SHELLS = {"dash": "dash", "bash": "bash", "posh": "posh", "busybox": "busybox"}
AWKS = {"mawk": "mawk", "gawk": "gawk", "busybox": "busybox"}
# Longest a test waits for the reporter before it fails (never reached when it works).
PATIENCE = 20.0


def fixture_text(name: str) -> str:
    """Return a JSON input of ``tests/fixtures/claude_code`` (as Claude Code writes it)."""
    return (FIXTURES / name).read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Tools:
    """The shell that runs ``sh``, the ``awk``, and only the other allowed tools.

    ``busybox`` as the shell takes every tool but curl from BusyBox, as on Alpine.
    """

    shell: str
    awk: str

    def __str__(self) -> str:
        """Name the variant in test ids."""
        return f"{self.shell}+{self.awk}"

    def missing(self) -> str | None:
        """Return the program this variant needs that the machine lacks, if any."""
        for program in ("curl", SHELLS[self.shell], AWKS[self.awk]):
            if shutil.which(program) is None:
                return program
        return None

    def make_bin(self, directory: Path) -> Path:
        """Fill ``directory`` with ``sh``, ``awk`` and the allowed tools; return it."""
        directory.mkdir(parents=True, exist_ok=True)

        def wrapper(name: str, command: str) -> None:
            path = directory / name
            path.write_text(f'#!/bin/sh\nexec {command} "$@"\n')
            path.chmod(0o755)

        busybox = shutil.which("busybox")
        shell = shutil.which(SHELLS[self.shell])
        wrapper("sh", f"{busybox} sh" if self.shell == "busybox" else f"{shell}")
        wrapper(
            "awk",
            f"{busybox} awk" if self.awk == "busybox" else f"{shutil.which(self.awk)}",
        )
        for tool in TOOLS:
            if self.shell == "busybox" and tool != "curl":
                wrapper(tool, f"{busybox} {tool}")
                continue
            real = shutil.which(tool)
            assert real is not None, tool
            (directory / tool).symlink_to(real)
        return directory


@dataclass(slots=True)
class Run:
    """One finished run: exit status, output, and the end of what it left running."""

    argv: list[str]
    returncode: int
    stdout: str
    stderr: str
    # When the process had exited and closed its output (time.monotonic()).
    ended: float
    _background: asyncio.Future[float]

    async def background(self) -> float:
        """Wait until every process this run started has ended; return when (monotonic)."""
        async with asyncio.timeout(PATIENCE):
            return await asyncio.shield(self._background)


@dataclass
class ClaudeCode:
    """A home folder with Claude Code's settings, and runs of the reporter in it."""

    home: Path
    bin: Path
    env: dict[str, str] = field(default_factory=dict)
    runs: list[Run] = field(default_factory=list)
    _transports: list[asyncio.BaseTransport] = field(default_factory=list)

    @property
    def config_dir(self) -> Path:
        """Claude Code's folder: ``$CLAUDE_CONFIG_DIR``, else ``~/.claude``."""
        if "CLAUDE_CONFIG_DIR" in self.env:
            return Path(self.env["CLAUDE_CONFIG_DIR"])
        return self.home / ".claude"

    @property
    def settings_path(self) -> Path:
        """The user's ``settings.json``."""
        return self.config_dir / "settings.json"

    @property
    def state_dir(self) -> Path:
        """The reporter's folder beside the settings."""
        return self.config_dir / "claude-usage"

    def settings(self) -> dict[str, Any]:
        """Return the settings, parsed as Claude Code parses them (plain JSON)."""
        data = json.loads(self.settings_path.read_text(encoding="utf-8"))
        assert isinstance(data, dict)
        return data

    async def run(self, argv: list[str], stdin: str = "") -> Run:
        """Run ``argv`` as Claude Code runs a command, and wait as it waits."""
        read_end, write_end = os.pipe()
        loop = asyncio.get_running_loop()
        background: asyncio.Future[float] = loop.create_future()

        class _Watch(asyncio.Protocol):
            def connection_lost(self, exc: Exception | None) -> None:
                if not background.done():
                    background.set_result(time.monotonic())

        transport, _ = await loop.connect_read_pipe(
            _Watch, os.fdopen(read_end, "rb", buffering=0)
        )
        self._transports.append(transport)
        env = {"HOME": str(self.home), "PATH": str(self.bin)} | self.env
        try:
            process = await asyncio.create_subprocess_exec(
                *argv,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env=env,
                cwd=self.home,
                pass_fds=(write_end,),
            )
        finally:
            os.close(write_end)
        async with asyncio.timeout(PATIENCE):
            out, err = await process.communicate(stdin.encode())
        run = Run(
            argv,
            process.returncode if process.returncode is not None else -1,
            out.decode(),
            err.decode(),
            time.monotonic(),
            background,
        )
        self.runs.append(run)
        return run

    async def install(self, url: str | None, *, stdin: str = "") -> Run:
        """``sh claude-usage-report.sh install URL`` from where it was downloaded."""
        args = [] if url is None else [url]
        return await self.run(["sh", str(SCRIPT), "install", *args], stdin)

    async def uninstall(self) -> Run:
        """Run the installed copy's ``uninstall``."""
        return await self.run(["sh", str(self.state_dir / SCRIPT.name), "uninstall"])

    async def status_line(self, fixture: str) -> Run:
        """Claude Code updating its status line with a fixture's JSON."""
        command = self.settings()["statusLine"]["command"]
        return await self.run(["/bin/sh", "-c", command], fixture_text(fixture) + "\n")

    async def hook(self, event: str, fixture: str) -> list[Run]:
        """Claude Code running every command hook of ``event`` with a fixture's JSON."""
        return [
            await self.run(
                ["/bin/sh", "-c", hook["command"]], fixture_text(fixture) + "\n"
            )
            for group in self.settings().get("hooks", {}).get(event, [])
            for hook in group["hooks"]
        ]

    async def close(self) -> None:
        """Wait for what the runs left running; close the pipes."""
        try:
            for run in self.runs:
                await run.background()
        finally:
            for transport in self._transports:
                transport.close()
