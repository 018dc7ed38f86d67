"""Every translation holds every string of strings.json, with the same placeholders."""

from __future__ import annotations

from collections.abc import Iterator
import json
from pathlib import Path
import re
from typing import Any

import pytest

from tests.flow_strings import MARKDOWN, PLACEHOLDER

FOLDER = Path(__file__).parent.parent / "custom_components/claude_usage"
STRINGS = json.loads((FOLDER / "strings.json").read_text(encoding="utf-8"))
LANGUAGES = sorted(path.stem for path in (FOLDER / "translations").glob("*.json"))
# Strings Home Assistant shows as plain text (see tests/flow_strings.py).
PLAIN_TEXT = re.compile(
    r"(config|options|issues\.[a-z_]+\.fix_flow)\.("
    r"error\.[a-z_]+|step\.[a-z_]+\.(title|submit|menu_options\.[a-z_]+|sections\.[a-z_]+\.description))"
    r"|.*\.name|.*\.state\.[a-z_]+|exceptions\..*|device_automation\..*"
)


def _flatten(tree: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            yield from _flatten(value, path)
        else:
            yield path, value


def _load(language: str) -> dict[str, str]:
    path = FOLDER / "translations" / f"{language}.json"
    return dict(_flatten(json.loads(path.read_text(encoding="utf-8"))))


def test_languages() -> None:
    """English, German and French, as the card."""
    assert LANGUAGES == ["de", "en", "fr"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_with_its_placeholders(language: str) -> None:
    """The same keys as strings.json; each string names the same placeholders."""
    english = dict(_flatten(STRINGS))
    translated = _load(language)
    assert translated.keys() == english.keys()
    for key, text in english.items():
        assert translated[key].strip(), key
        assert set(PLACEHOLDER.findall(translated[key])) == set(
            PLACEHOLDER.findall(text)
        ), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_markdown_where_it_is_not_rendered(language: str) -> None:
    """Titles, names, errors, options and exceptions are plain text in every language."""
    for key, text in _load(language).items():
        if PLAIN_TEXT.fullmatch(key):
            assert not MARKDOWN.search(text), f"{language}: {key}"
