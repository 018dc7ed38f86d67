"""scripts/setup on a machine that lacks what it installs (patchelf, the Python prefix)."""

from __future__ import annotations

import os
from pathlib import Path
import shutil
import subprocess

ROOT = Path(__file__).parent.parent

# Tools the interpreter discovery uses; the test links only these into its PATH, so
# neither patchelf nor any Python of the machine is found.
REAL_TOOLS = ("bash", "cat", "chmod", "dirname", "env", "id", "mkdir", "mv", "rm")

STUBS = {
    # A package install prints progress on stdout, as apt-get does; "install
    # patchelf" puts a patchelf into the PATH; "download" leaves one file per package.
    "apt-get": """#!/bin/bash
echo "Reading package lists... Done"
echo "Selecting previously unselected package patchelf."
for arg in "$@"; do
    case "$arg" in
        install) printf '#!/bin/bash\\necho "patched $*"\\n' >"$STUBS/patchelf"
                 chmod +x "$STUBS/patchelf" ;;
        download) echo "Get:1 http://deb.debian.org python3.14"; : >python3.14.deb ;;
    esac
done
""",
    # dpkg -x <deb> <dir>: the unpacked interpreter answers the version check.
    "dpkg": """#!/bin/bash
echo "unpacking $2"
mkdir -p "$3/usr/bin"
printf '#!/bin/bash\\nexit 0\\n' >"$3/usr/bin/python3.14"
chmod +x "$3/usr/bin/python3.14"
""",
    "sudo": '#!/bin/bash\nexec "$@"\n',
    # The machine's own Pythons are too old.
    "python3": "#!/bin/bash\nexit 1\n",
    "python3.14": "#!/bin/bash\nexit 1\n",
    "python3.15": "#!/bin/bash\nexit 1\n",
}


def test_print_python_without_patchelf_prints_only_a_path(tmp_path: Path) -> None:
    """Installing patchelf and unpacking Python print progress, but not on stdout."""
    stubs = tmp_path / "bin"
    stubs.mkdir()
    for tool in REAL_TOOLS:
        real = shutil.which(tool)
        assert real is not None, tool
        (stubs / tool).symlink_to(real)
    for name, text in STUBS.items():
        (stubs / name).write_text(text)
        (stubs / name).chmod(0o755)
    env = {
        "PATH": str(stubs),
        "HOME": str(tmp_path),
        "STUBS": str(stubs),
        "CLAUDE_USAGE_CACHE": str(tmp_path / "cache"),
    }
    assert shutil.which("patchelf", path=env["PATH"]) is None

    result = subprocess.run(
        [str(stubs / "bash"), str(ROOT / "scripts/setup"), "--print-python"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    expected = tmp_path / "cache/python3.14/usr/bin/python3.14"
    assert result.stdout == f"{expected}\n"
    assert os.access(expected, os.X_OK)
    # The progress went to stderr, and patchelf was installed and used.
    assert "Selecting previously unselected package patchelf." in result.stderr
    assert "patched --set-interpreter" in result.stderr


def test_unknown_options_print_the_usage() -> None:
    """A mistyped option or Home Assistant choice stops before anything is installed."""
    for args in (["--ha", "latest"], ["--ha"], ["--browsers"]):
        result = subprocess.run(
            ["bash", str(ROOT / "scripts/setup"), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert result.returncode == 2, args
        assert result.stdout == ""
        assert result.stderr == (
            "usage: scripts/setup [--browser] [--ha pinned|newest] [--print-python]\n"
        )
