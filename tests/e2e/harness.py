"""Run the product for real: the fake claude.ai server and a Home Assistant process.

Used by the end-to-end tests and by ``scripts/develop``. Every process runs in its
own process group and is stopped (the whole group) by ``stop()``, at interpreter
exit, or by the context managers of the callers; everything binds to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import atexit
import base64
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
import contextlib
from dataclasses import dataclass, field
from importlib import metadata
import json
import os
from pathlib import Path
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from typing import Any
from urllib.parse import urlencode

import aiohttp
from homeassistant.const import RESTART_EXIT_CODE

ROOT = Path(__file__).resolve().parents[2]
INTEGRATION_DIR = ROOT / "custom_components" / "claude_usage"
HOST = "127.0.0.1"
DOMAIN = "claude_usage"
CARD_TYPE = "custom:claude-usage-card"
# Debian's Chromium, driven by Playwright (never `playwright install`), headless.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The components the product needs, instead of `default_config:` (whose members that
# need the internet hold start-up back on an offline machine). Automations, scripts and
# scenes are included from their files as in the configuration a new Home Assistant
# writes, so what the UI saves loads. No `http:` section: it is deprecated (a repair
# issue); Home Assistant keeps its HTTP server settings in storage (Settings > System >
# Network), see `HomeAssistantClient.ensure_served_on_loopback`.
CONFIGURATION_YAML = """\
# Written by tests/e2e/harness.py on every start; edits are lost.
homeassistant:
  name: Claude Usage
  country: US
  time_zone: UTC
  unit_system: metric
  latitude: 52.37
  longitude: 4.89
  elevation: 0

frontend:
config:
history:
logbook:
lovelace:
person:
recorder:
  commit_interval: {commit_interval}
logger:
  default: warning
  logs:
    custom_components.claude_usage: debug

automation: !include automations.yaml
script: !include scripts.yaml
scene: !include scenes.yaml
"""
# What a new Home Assistant writes into the files configuration.yaml includes.
INCLUDED_FILES = {"automations.yaml": "[]", "scripts.yaml": "", "scenes.yaml": ""}
# The project's blueprints, copied into the config folder on every start.
BLUEPRINTS = ROOT / "blueprints" / "automation" / DOMAIN
# The port of a config folder without a stored HTTP config (ENV_SETUP_PORT,
# default_server_port in homeassistant/components/http).
SETUP_PORT_VARIABLE = "SETUP_PORT"
# The meta data of a stored HTTP config, which http/config/configure does not take.
HTTP_CONFIG_META = ("created_at", "error", "error_message")

# Which Home Assistant a harness run starts: the one pinned in requirements_test.txt
# (beside the interpreter running the harness) or, with CLAUDE_USAGE_E2E_HA=newest, the
# newest release from requirements_ha_newest.txt (`scripts/setup --ha newest`).
HA_CHOICE_VARIABLE = "CLAUDE_USAGE_E2E_HA"
NEWEST_VENV = ROOT / ".venv-ha-newest"
NEWEST_REQUIREMENTS = ROOT / "requirements_ha_newest.txt"

# What Home Assistant logs when the integration uses something deprecated or in a way
# that will stop working (helpers/frame.py's report_usage, helpers/deprecation.py).
DEPRECATION_REPORT = re.compile(
    rf"Detected that custom integration '{DOMAIN}'|The deprecated .* from {DOMAIN}\b"
)

_LIVE: set[ManagedProcess] = set()


class HarnessError(Exception):
    """A process of the harness did not come up or answer as expected."""


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def port_in_use(port: int) -> bool:
    """Return whether something already listens on 127.0.0.1:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        return sock.connect_ex((HOST, port)) == 0


@dataclass(frozen=True)
class HomeAssistantInstall:
    """A Home Assistant to run: its ``hass`` and the version it must report."""

    choice: str
    hass: Path
    version: str


def normalized_name(name: str) -> str:
    """Return a package name as pip compares it (PyOTP, pyotp -> pyotp)."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def pins_of(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Yield (normalized name, version) of each ``name==version`` line; # starts a comment."""
    for line in lines:
        name, sep, version = line.partition("#")[0].partition("==")
        if sep:
            yield normalized_name(name), version.strip()


def requirement_pins(requirements: Path) -> dict[str, str]:
    """Return the ``name==version`` pins of a requirements file, by normalized name."""
    return dict(pins_of(requirements.read_text().splitlines()))


def pinned_version(requirements: Path, package: str) -> str:
    """Return the version a requirements file pins ``package`` to (``package==X``)."""
    if version := requirement_pins(requirements).get(normalized_name(package)):
        return version
    raise HarnessError(f"{requirements.name} pins no {package}")


def ha_choice() -> str:
    """Return the Home Assistant that CLAUDE_USAGE_E2E_HA names: pinned (default) or newest."""
    choice = os.environ.get(HA_CHOICE_VARIABLE) or "pinned"
    if choice not in ("pinned", "newest"):
        raise HarnessError(
            f"{HA_CHOICE_VARIABLE}={choice!r}: expected 'pinned' or 'newest'"
        )
    return choice


def selected_home_assistant() -> HomeAssistantInstall:
    """Return the ``hass`` of the chosen Home Assistant and the version it must report."""
    if ha_choice() == "pinned":
        return HomeAssistantInstall(
            "pinned",
            Path(sys.executable).with_name("hass"),
            metadata.version("homeassistant"),
        )
    hass = NEWEST_VENV / "bin" / "hass"
    if not hass.exists():
        raise HarnessError(f"{hass} is missing; run scripts/setup --ha newest")
    return HomeAssistantInstall(
        "newest", hass, pinned_version(NEWEST_REQUIREMENTS, "homeassistant")
    )


def deprecation_reports(config_dir: Path) -> list[str]:
    """Return the lines of Home Assistant's logs (this start's, the last one's) about us."""
    return [
        line
        for log in sorted(config_dir.glob("home-assistant.log*"))
        for line in log.read_text(errors="replace").splitlines()
        if DEPRECATION_REPORT.search(line)
    ]


class ManagedProcess:
    """A child process in its own process group, with its output in a log file."""

    def __init__(
        self,
        name: str,
        args: list[str],
        log_path: Path,
        *,
        stop_signal: signal.Signals = signal.SIGTERM,
        stop_timeout: float = 30,
        env: Mapping[str, str] | None = None,
    ) -> None:
        """Describe the process; nothing starts before ``start()``.

        ``env`` is added to the environment the process inherits.
        """
        self.name = name
        self.args = args
        self.log_path = log_path
        self.stop_signal = stop_signal
        self.stop_timeout = stop_timeout
        self.env = dict(env or {})
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the process in a new session (its own process group)."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(  # noqa: S603
                self.args,
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env={**os.environ, **self.env},
            )
        _LIVE.add(self)

    @property
    def running(self) -> bool:
        """Return whether the process is alive."""
        return self.proc is not None and self.proc.poll() is None

    def check(self) -> None:
        """Raise with the end of the log if the process has exited."""
        if self.proc is not None and self.proc.poll() is not None:
            raise HarnessError(
                f"{self.name} exited with code {self.proc.returncode}; "
                f"end of {self.log_path}:\n{self.log_tail()}"
            )

    def log_tail(self, lines: int = 40) -> str:
        """Return the last lines of the log."""
        try:
            text = self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> int | None:
        """Stop the whole process group: the stop signal, then SIGKILL after a timeout."""
        if self._signal_stop():
            assert self.proc is not None
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(self.stop_timeout)
        return self._finish_stop()

    async def async_stop(self) -> int | None:
        """Stop like ``stop()`` without blocking the event loop (and without threads)."""
        if self._signal_stop():
            deadline = time.monotonic() + self.stop_timeout
            while self.running and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
        return self._finish_stop()

    def _signal_stop(self) -> bool:
        """Send the stop signal to the group; return whether the process was running."""
        _LIVE.discard(self)
        if not self.running:
            return False
        assert self.proc is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, self.stop_signal)
        return True

    def _finish_stop(self) -> int | None:
        """Kill whatever is left in the group and reap the process."""
        if self.proc is None:
            return None
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        return self.proc.wait()


@atexit.register
def _stop_all() -> None:
    """Stop every process still running when the interpreter exits."""
    for process in list(_LIVE):
        process.stop()


async def wait_for(
    probe: Callable[[], Any],
    *,
    timeout: float,
    what: str,
    interval: float = 0.25,
    process: ManagedProcess | None = None,
) -> Any:
    """Call the async ``probe`` until it returns something truthy; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    last_error: BaseException | None = None
    while True:
        if process is not None:
            process.check()
        try:
            if result := await probe():
                return result
        except (aiohttp.ClientError, OSError, HarnessError) as err:
            last_error = err
        if time.monotonic() > deadline:
            detail = f" (last error: {last_error!r})" if last_error else ""
            tail = (
                f"\nend of {process.log_path}:\n{process.log_tail()}" if process else ""
            )
            raise HarnessError(f"timed out waiting for {what}{detail}{tail}")
        await asyncio.sleep(interval)


class FakeClaudeProcess(ManagedProcess):
    """The fake claude.ai server (``python -m tests.fake_claude``) on loopback."""

    def __init__(
        self,
        port: int,
        log_path: Path,
        *,
        scenario: str = "demo",
        speed: float | None = None,
    ) -> None:
        """Describe the server; nothing starts before ``start()``."""
        args = [
            sys.executable,
            "-m",
            "tests.fake_claude",
            "--host",
            HOST,
            "--port",
            str(port),
            "--scenario",
            scenario,
        ]
        if speed is not None:
            args += ["--speed", f"{speed:g}"]
        super().__init__("fake claude.ai server", args, log_path, stop_timeout=10)
        self.port = port
        self.url = f"http://{HOST}:{port}"

    async def async_start(self, session: aiohttp.ClientSession) -> None:
        """Start the server and wait until it answers its health check."""
        self.start()

        async def healthy() -> bool:
            async with session.get(f"{self.url}/_fake/health") as resp:
                return resp.status == 200

        await wait_for(healthy, timeout=30, what="the fake server", process=self)

    async def control(
        self, session: aiohttp.ClientSession, path: str, payload: Any = None
    ) -> Any:
        """Call the control API (``/_fake/<path>``); GET without payload, else POST."""
        url = f"{self.url}/_fake/{path}"
        method = "GET" if payload is None else "POST"
        async with session.request(method, url, json=payload) as resp:
            if resp.status >= 400:
                raise HarnessError(f"{method} {url}: {resp.status} {await resp.text()}")
            if resp.content_type == "application/json":
                return await resp.json()
            return await resp.text()


class HomeAssistantProcess(ManagedProcess):
    """A real ``hass`` with a minimal configuration and the integration linked in."""

    def __init__(
        self,
        config_dir: Path,
        port: int,
        *,
        commit_interval: int = 1,
    ) -> None:
        """Describe the process; ``prepare()`` writes the config folder.

        ``port`` is where it must serve, on 127.0.0.1 only. A new config folder
        starts there on all interfaces (SETUP_PORT) until
        ``HomeAssistantClient.ensure_served_on_loopback`` sets the HTTP server up.
        """
        self.install = selected_home_assistant()
        args = [
            str(self.install.hass),
            "--config",
            str(config_dir),
            "--log-no-color",
            # Everything the product needs is in the venv; never install at runtime.
            "--skip-pip",
        ]
        super().__init__(
            "Home Assistant",
            args,
            config_dir / "hass.out",
            stop_timeout=60,
            env={SETUP_PORT_VARIABLE: str(port)},
        )
        self.config_dir = config_dir
        self.port = port
        # Where it serves now: its stored HTTP config's port, ours in a new folder.
        self.serving_port = port
        self.commit_interval = commit_interval

    @property
    def url(self) -> str:
        """Return the URL it serves on now."""
        return f"http://{HOST}:{self.serving_port}"

    @property
    def log_file(self) -> Path:
        """Return Home Assistant's own log file."""
        return self.config_dir / "home-assistant.log"

    @property
    def restart_requested(self) -> bool:
        """Return whether ``hass`` exited to be started again (a restart from the UI)."""
        return self.proc is not None and self.proc.poll() == RESTART_EXIT_CODE

    def prepare(self) -> None:
        """Write the configuration, copy the blueprints and link the integration."""
        self.config_dir.mkdir(parents=True, exist_ok=True)
        (self.config_dir / "configuration.yaml").write_text(
            CONFIGURATION_YAML.format(commit_interval=self.commit_interval)
        )
        for name, content in INCLUDED_FILES.items():
            if not (path := self.config_dir / name).exists():
                path.write_text(content)
        if self.blueprints.parent.is_dir():
            # Before the start, so that automations from them load. Not in a new
            # folder: HA adds its own examples only if it finds no blueprint folder.
            self.install_blueprints()
        custom = self.config_dir / "custom_components"
        custom.mkdir(exist_ok=True)
        link = custom / DOMAIN
        if link.is_symlink() and link.resolve() == INTEGRATION_DIR:
            return
        if link.is_symlink():
            link.unlink()
        link.symlink_to(INTEGRATION_DIR, target_is_directory=True)

    @property
    def blueprints(self) -> Path:
        """Return where the project's blueprints go in the config folder."""
        return self.config_dir / "blueprints" / "automation" / DOMAIN

    def install_blueprints(self) -> None:
        """Copy the project's blueprints into the config folder, replacing older copies."""
        shutil.rmtree(self.blueprints, ignore_errors=True)
        shutil.copytree(BLUEPRINTS, self.blueprints)

    def stored_port(self) -> int | None:
        """Return the port of the HTTP config HA stored (None in a new config folder).

        The one it starts with: the config on trial if there is one that has not
        failed, else the confirmed one (homeassistant/components/http/config.py).
        """
        try:
            data = json.loads((self.config_dir / ".storage" / "http").read_text())[
                "data"
            ]
        except FileNotFoundError, KeyError, ValueError:
            return None
        pending = data.get("pending")
        config = pending if pending and pending.get("error") is None else data["stable"]
        port: int | None = config.get("server_port")
        return port

    def log_tail(self, lines: int = 40) -> str:
        """Return the end of Home Assistant's log (or of its console output)."""
        for path in (self.log_file, self.log_path):
            try:
                text = path.read_text(errors="replace")
            except FileNotFoundError:
                continue
            if text:
                return "\n".join(text.splitlines()[-lines:])
        return ""

    async def async_start(self, session: aiohttp.ClientSession) -> None:
        """Start ``hass`` and wait until its HTTP server answers."""
        self.serving_port = self.stored_port() or self.port
        for port in sorted({self.port, self.serving_port}):
            if port_in_use(port):
                raise HarnessError(f"port {port} on {HOST} is already in use")
        self.prepare()
        self.start()
        await self._async_wait_serving(session)

    async def async_restart(self, session: aiohttp.ClientSession) -> None:
        """Wait until ``hass`` exits to restart, start it again, wait until it serves."""

        async def exited() -> bool:
            return not self.running

        await wait_for(exited, timeout=self.stop_timeout, what="Home Assistant to stop")
        if not self.restart_requested:
            self.check()
        self.serving_port = self.stored_port() or self.port
        self.start()
        await self._async_wait_serving(session)

    async def _async_wait_serving(self, session: aiohttp.ClientSession) -> None:
        async def serving() -> bool:
            # Any answer will do: /api/onboarding is a 404 once onboarding is done.
            async with session.get(f"{self.url}/api/onboarding") as resp:
                return resp.status < 500

        await wait_for(
            serving, timeout=120, what="Home Assistant's HTTP server", process=self
        )


@dataclass
class Tokens:
    """OAuth tokens of the Home Assistant user the harness acts as."""

    access_token: str
    refresh_token: str | None
    expires_at: float


@dataclass
class HomeAssistantClient:
    """REST and websocket client of a running Home Assistant, as the frontend uses it."""

    session: aiohttp.ClientSession
    url: str
    tokens: Tokens | None = None
    _ws: aiohttp.ClientWebSocketResponse | None = field(default=None, repr=False)
    _ws_id: int = 0
    _ws_lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    @property
    def client_id(self) -> str:
        """Return the OAuth client id the frontend uses: the base URL plus a slash."""
        return f"{self.url}/"

    @property
    def redirect_uri(self) -> str:
        """Return the frontend's OAuth redirect URI."""
        return f"{self.url}/?auth_callback=1"

    async def close(self) -> None:
        """Close the websocket, if open."""
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    # Authentication

    async def _token_from_code(self, code: str) -> Tokens:
        data = {
            "grant_type": "authorization_code",
            "code": code,
            "client_id": self.client_id,
        }
        async with self.session.post(f"{self.url}/auth/token", data=data) as resp:
            body = await _json_or_raise(resp)
        return Tokens(
            body["access_token"],
            body.get("refresh_token"),
            time.monotonic() + body["expires_in"],
        )

    async def _refresh(self) -> None:
        assert self.tokens is not None
        assert self.tokens.refresh_token is not None
        data = {
            "grant_type": "refresh_token",
            "refresh_token": self.tokens.refresh_token,
            "client_id": self.client_id,
        }
        async with self.session.post(f"{self.url}/auth/token", data=data) as resp:
            body = await _json_or_raise(resp)
        self.tokens.access_token = body["access_token"]
        self.tokens.expires_at = time.monotonic() + body["expires_in"]

    async def login_code(self, username: str, password: str) -> str:
        """Run the login flow (as the login page does) and return its auth code."""
        start = {
            "client_id": self.client_id,
            "handler": ["homeassistant", None],
            "redirect_uri": self.redirect_uri,
        }
        async with self.session.post(f"{self.url}/auth/login_flow", json=start) as resp:
            flow = await _json_or_raise(resp)
        step = {"username": username, "password": password, "client_id": self.client_id}
        async with self.session.post(
            f"{self.url}/auth/login_flow/{flow['flow_id']}", json=step
        ) as resp:
            result = await _json_or_raise(resp)
        if result.get("type") != "create_entry":
            raise HarnessError(f"login of {username!r} failed: {result.get('errors')}")
        return str(result["result"])

    async def login(self, username: str, password: str) -> None:
        """Log in as ``username`` and keep the tokens."""
        self.tokens = await self._token_from_code(
            await self.login_code(username, password)
        )

    async def browser_login_url(self, username: str, password: str, path: str) -> str:
        """Return a URL that logs a browser in without typing and keeps the tokens.

        The frontend finishes the OAuth redirect itself (``auth_callback=1``); with
        ``storeToken=true`` it keeps the tokens in localStorage for later page loads.
        """
        code = await self.login_code(username, password)
        state = base64.b64encode(
            json.dumps({"hassUrl": self.url, "clientId": self.client_id}).encode()
        ).decode()
        query = urlencode(
            {"auth_callback": 1, "code": code, "state": state, "storeToken": "true"}
        )
        return f"{self.url}{path}?{query}"

    async def onboarding_steps(self) -> dict[str, bool]:
        """Return the onboarding steps and whether each is done."""
        async with self.session.get(f"{self.url}/api/onboarding") as resp:
            if resp.status == 404:
                # Home Assistant drops the onboarding views once it is done.
                return {}
            steps = await _json_or_raise(resp)
        return {step["step"]: step["done"] for step in steps}

    async def ensure_onboarded(
        self, *, name: str, username: str, password: str, language: str = "en"
    ) -> bool:
        """Onboard over HTTP as the frontend does, or log in; return whether onboarded now.

        Finishes whatever steps are left (an interrupted earlier run included).
        """
        steps = await self.onboarding_steps()
        if not steps.get("user", True):
            user = {
                "client_id": self.client_id,
                "name": name,
                "username": username,
                "password": password,
                "language": language,
            }
            async with self.session.post(
                f"{self.url}/api/onboarding/users", json=user
            ) as resp:
                body = await _json_or_raise(resp)
            self.tokens = await self._token_from_code(body["auth_code"])
        else:
            await self.login(username, password)
        onboarded_now = not all(steps.values())
        if not steps.get("core_config", True):
            await self.post("/api/onboarding/core_config", {})
        if not steps.get("analytics", True):
            await self.post("/api/onboarding/analytics", {})
        if not steps.get("integration", True):
            await self.post(
                "/api/onboarding/integration",
                {"client_id": self.client_id, "redirect_uri": self.redirect_uri},
            )
        return onboarded_now

    async def ensure_served_on_loopback(
        self, process: HomeAssistantProcess, username: str, password: str
    ) -> bool:
        """Have HA serve on 127.0.0.1:<process.port> only; return whether it restarted.

        Set as Settings > System > Network sets it (``http/config/configure``):
        Home Assistant stores the new config as a trial and restarts with it; the
        trial is confirmed here (``http/config/promote``), or HA would go back to
        the old config five minutes later. A trial an earlier run left behind is
        confirmed first. Needs a running Home Assistant and its admin logged in.
        """
        await self.promote_http_config()
        stable = (await self.ws("http/config"))["stable"]
        if (
            stable.get("server_host") == [HOST]
            and stable["server_port"] == process.port
        ):
            return False
        config = {
            key: value for key, value in stable.items() if key not in HTTP_CONFIG_META
        } | {"server_host": [HOST], "server_port": process.port}
        if not (await self.ws("http/config/configure", config=config))["restart"]:
            raise HarnessError("Home Assistant did not restart for its HTTP config")
        await self.close()
        await process.async_restart(self.session)
        self.url = process.url
        await self.login(username, password)
        await self.ws("http/config/promote")
        return True

    async def promote_http_config(self) -> None:
        """Confirm a pending HTTP server configuration; nothing pending is fine."""
        try:
            await self.ws("http/config/promote")
        except WebSocketError as err:
            if err.code != "not_allowed":
                raise

    # REST

    async def _headers(self) -> dict[str, str]:
        if self.tokens is None:
            raise HarnessError("not logged in")
        if self.tokens.refresh_token and time.monotonic() > self.tokens.expires_at - 60:
            await self._refresh()
        return {"Authorization": f"Bearer {self.tokens.access_token}"}

    async def request(self, method: str, path: str, payload: Any = None) -> Any:
        """Call the REST API and return the decoded JSON answer."""
        async with self.session.request(
            method, f"{self.url}{path}", json=payload, headers=await self._headers()
        ) as resp:
            return await _json_or_raise(resp)

    async def get(self, path: str) -> Any:
        """GET from the REST API."""
        return await self.request("GET", path)

    async def post(self, path: str, payload: Any = None) -> Any:
        """POST to the REST API."""
        return await self.request("POST", path, payload)

    async def wait_running(self, process: ManagedProcess | None = None) -> None:
        """Wait until Home Assistant reports it has fully started."""

        async def running() -> bool:
            config = await self.get("/api/config")
            return bool(config["state"] == "RUNNING")

        await wait_for(
            running, timeout=120, what="Home Assistant to start", process=process
        )

    async def state(self, entity_id: str) -> dict[str, Any]:
        """Return the state object of an entity."""
        return dict(await self.get(f"/api/states/{entity_id}"))

    async def call_service(
        self, domain: str, service: str, data: Mapping[str, Any]
    ) -> Any:
        """Call a service."""
        return await self.post(f"/api/services/{domain}/{service}", dict(data))

    # Websocket

    async def ws(self, command: str, **payload: Any) -> Any:
        """Send one websocket command and return its result (one shared connection)."""
        async with self._ws_lock:
            for attempt in (1, 2):
                try:
                    ws = await self._websocket()
                    self._ws_id += 1
                    await ws.send_json({"id": self._ws_id, "type": command, **payload})
                    while True:
                        msg = await ws.receive_json(timeout=60)
                        if msg.get("id") == self._ws_id and msg["type"] == "result":
                            break
                except aiohttp.ClientError, ConnectionError, TypeError:
                    # TypeError: receive_json on a closed socket (HA restarted).
                    self._ws = None
                    if attempt == 2:
                        raise
                    continue
                if not msg["success"]:
                    raise WebSocketError(command, msg["error"])
                return msg["result"]
        raise AssertionError("unreachable")

    async def _websocket(self) -> aiohttp.ClientWebSocketResponse:
        if self._ws is not None and not self._ws.closed:
            return self._ws
        headers = await self._headers()
        assert self.tokens is not None
        ws = await self.session.ws_connect(f"{self.url}/api/websocket", headers=headers)
        hello = await ws.receive_json(timeout=30)
        if hello["type"] != "auth_required":
            raise HarnessError(f"unexpected websocket greeting {hello}")
        await ws.send_json({"type": "auth", "access_token": self.tokens.access_token})
        auth = await ws.receive_json(timeout=30)
        if auth["type"] != "auth_ok":
            raise HarnessError(f"websocket authentication failed: {auth}")
        self._ws = ws
        return ws

    # The integration

    async def start_flow(self) -> dict[str, Any]:
        """Start the integration's config flow as the UI does (advanced mode on)."""
        return dict(
            await self.post(
                "/api/config/config_entries/flow",
                {"handler": DOMAIN, "show_advanced_options": True},
            )
        )

    async def start_cookie_flow(self) -> dict[str, Any]:
        """Start the config flow and pick "session cookie" in its sign-in menu."""
        flow = await self.start_flow()
        if flow["type"] == "menu":
            flow = await self.configure_flow(
                flow["flow_id"], {"next_step_id": "cookie"}
            )
        return flow

    async def configure_flow(
        self, flow_id: str, user_input: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Submit one step of a config flow."""
        return dict(
            await self.post(
                f"/api/config/config_entries/flow/{flow_id}", dict(user_input)
            )
        )

    async def entries(self) -> list[dict[str, Any]]:
        """Return the integration's config entries."""
        return [
            entry
            for entry in await self.get("/api/config/config_entries/entry")
            if entry["domain"] == DOMAIN
        ]

    async def device_of(self, entry_id: str) -> dict[str, Any]:
        """Return the device of a config entry."""
        for device in await self.ws("config/device_registry/list"):
            if entry_id in device["config_entries"]:
                return dict(device)
        raise HarnessError(f"no device for config entry {entry_id}")

    async def entities_of(self, entry_id: str) -> list[dict[str, Any]]:
        """Return the entity registry entries of a config entry."""
        return [
            entity
            for entity in await self.ws("config/entity_registry/list")
            if entity["config_entry_id"] == entry_id
        ]

    async def ensure_dashboard(
        self, url_path: str, title: str, cards: list[dict[str, Any]]
    ) -> None:
        """Create (once) a storage dashboard and save a view with ``cards`` into it."""
        dashboards = await self.ws("lovelace/dashboards/list")
        if not any(d["url_path"] == url_path for d in dashboards):
            await self.ws(
                "lovelace/dashboards/create",
                url_path=url_path,
                mode="storage",
                title=title,
                icon="mdi:gauge",
                show_in_sidebar=True,
                require_admin=False,
            )
        config = {
            "title": title,
            "views": [{"title": title, "path": "usage", "cards": cards}],
        }
        await self.ws("lovelace/config/save", url_path=url_path, config=config)


class WebSocketError(HarnessError):
    """A websocket command answered with an error."""

    def __init__(self, command: str, error: Mapping[str, Any]) -> None:
        """Keep the error code."""
        super().__init__(f"{command}: {error.get('code')}: {error.get('message')}")
        self.code = error.get("code")


async def _json_or_raise(resp: aiohttp.ClientResponse) -> Any:
    if resp.status >= 400:
        raise HarnessError(
            f"{resp.method} {resp.url.path}: {resp.status} {await resp.text()}"
        )
    return await resp.json()


async def async_start_home_assistant(
    process: HomeAssistantProcess,
    client: HomeAssistantClient,
    *,
    name: str,
    username: str,
    password: str,
) -> bool:
    """Start ``hass`` onboarded (or logged in), running, serving on 127.0.0.1 only.

    The project's blueprints are in its blueprint folder once it runs, and its
    internal URL is the loopback one it serves on (Home Assistant would guess the
    machine's LAN address, where nothing listens; the Claude Code lines name it).
    Returns whether it was onboarded now (a new config folder).
    """
    await process.async_start(client.session)
    client.url = process.url
    onboarded_now = await client.ensure_onboarded(
        name=name, username=username, password=password
    )
    await client.wait_running(process)
    if await client.ensure_served_on_loopback(process, username, password):
        await client.wait_running(process)
    if not process.blueprints.is_dir():
        process.install_blueprints()
    await client.ws("config/core/update", internal_url=process.url)
    return onboarded_now


@contextlib.asynccontextmanager
async def http_session() -> AsyncIterator[aiohttp.ClientSession]:
    """Yield a client session that only ever talks to loopback."""
    async with aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=60),
        connector=aiohttp.TCPConnector(force_close=True),
    ) as session:
        yield session
