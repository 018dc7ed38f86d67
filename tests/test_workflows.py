"""The GitHub workflows: pinned actions, what the HACS store asks, and a release that matches the manifest."""

from __future__ import annotations

import json
import os
from pathlib import Path
import re
import subprocess
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).parent.parent
WORKFLOWS = ROOT / ".github/workflows"
VERSION = json.loads(
    (ROOT / "custom_components/claude_usage/manifest.json").read_text()
)["version"]
# An action at a full commit, followed by the release (or branch) it is: "# v6.0.2".
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40} # [\w.]+")


def _workflow(name: str) -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text())
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_every_action_is_pinned_to_a_release_commit() -> None:
    """Each `uses:` names a commit and its version; only the project's own workflows not."""
    uses = [
        line.split("uses:", 1)[1].strip()
        for path in sorted(WORKFLOWS.glob("*.yml"))
        for line in path.read_text().splitlines()
        if "uses:" in line
    ]
    assert len(uses) >= 6
    for use in uses:
        assert use.startswith("./.github/workflows/") or PINNED.fullmatch(use), use


def test_validate_runs_hassfest_and_the_hacs_action() -> None:
    """The checks of the HACS default store, also daily and for a release."""
    workflow = _workflow("validate.yml")
    assert {"push", "pull_request", "schedule", "workflow_call"} <= set(workflow["on"])
    uses = {
        step["uses"].split("@")[0]: step for step in _steps(workflow) if "uses" in step
    }
    assert "home-assistant/actions/hassfest" in uses
    assert uses["hacs/action"]["with"] == {"category": "integration"}


def test_tests_run_the_projects_test_command() -> None:
    """CI runs what a developer runs: scripts/test."""
    workflow = _workflow("test.yml")
    assert "workflow_call" in workflow["on"]
    assert [step["run"] for step in _steps(workflow) if "run" in step][
        -1
    ] == "scripts/test"


def _version_check() -> str:
    [step] = [
        step
        for step in _workflow("release.yml")["jobs"]["version"]["steps"]
        if "run" in step
    ]
    return str(step["run"])


@pytest.mark.parametrize(
    ("tag", "passes"),
    [
        (f"v{VERSION}", True),
        (VERSION, False),
        ("v0.0.0", False),
        (f"v{VERSION}.1", False),
    ],
)
def test_release_refuses_a_tag_other_than_the_manifests_version(
    tag: str, *, passes: bool
) -> None:
    """The release job's own check, run as GitHub runs it (bash, in the checkout)."""
    result = subprocess.run(
        ["bash", "-e", "-c", _version_check()],  # noqa: S607
        cwd=ROOT,
        env={**os.environ, "GITHUB_REF_NAME": tag},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode == 0) is passes, result.stdout
    if not passes:
        assert f"::error::tag {tag} does not match" in result.stdout


def test_release_is_a_full_release_after_the_checks_and_tests() -> None:
    """A tag vX.Y.Z becomes a release HACS offers, once hassfest, HACS and the tests passed."""
    workflow = _workflow("release.yml")
    assert workflow["on"] == {"push": {"tags": ["v*"]}}
    jobs = workflow["jobs"]
    assert jobs["validate"]["uses"] == "./.github/workflows/validate.yml"
    assert jobs["test"]["uses"] == "./.github/workflows/test.yml"
    assert jobs["validate"]["needs"] == jobs["test"]["needs"] == "version"
    assert jobs["release"]["needs"] == ["validate", "test"]
    [publish] = jobs["release"]["steps"]
    assert publish["run"].startswith('gh release create "$GITHUB_REF_NAME"')
    assert "--draft" not in publish["run"]
    assert "--prerelease" not in publish["run"]
