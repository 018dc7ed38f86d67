"""hassfest's translation rules, to check strings.json and translations offline.

hassfest (HA core's ``script/hassfest``, run in CI by ``home-assistant/actions/hassfest``)
is not on PyPI. This is a port of the schema in ``script/hassfest/translations.py`` of
home-assistant/core as stored at commit 00a70521db04c9882a34d93ca23bee2f6d2334d5 (the
version with ``common``, ``preview_features`` and ``triggers``; Home Assistant 2026.x),
built from the installed Home Assistant's own validators (``cv``, probatio). It keeps
every rule hassfest applies to a custom integration's strings.json and
translations/en.json:

- each value is a string without HTML, without placeholders in single quotes, with
  placeholders that are identifiers (none at all in states and attribute names),
  without combined ``[%key:...%]`` references, without leading or trailing spaces and
  without URLs (those go in placeholders);
- every section, step, section of a step, selector, entity, issue, trigger and
  exception allows only its known keys, some required (a trigger field's
  ``description``, an issue's ``title``, a fix flow's ``step``), keyed by slugs or
  translation keys where hassfest says so;
- a ``data_description`` key names a field of the step's ``data``;
- an issue has a ``description`` or a ``fix_flow``, never both (the frontend shows a
  fixable issue's text from its fix flow's step).

Left out, as hassfest leaves them out for custom integrations: the name rules of core
integrations (``ALLOW_NAME_TRANSLATION``), helpers' mandatory ``user`` description and
the check of references against all of core's strings. ``config.title`` is an error
here; hassfest only warns about it for a custom integration.
"""

from __future__ import annotations

from collections.abc import Callable
import re
import string
from typing import Any

from homeassistant.helpers import config_validation as cv
import probatio as vol
from probatio.humanize import humanize_error

_TRANSLATION_KEY = re.compile(r"^(?!.+[_-]{2})(?![_-])[a-z0-9-_]+(?<![_-])$")
_COMBINED_REFERENCE = re.compile(r"(.+\[%)|(%\].+)")
_PLACEHOLDER_IN_SINGLE_QUOTES = re.compile(r"'{\w+}'")
_URL = re.compile(
    r"(((ftp|ftps|scp|http|https|mqtt|mqtts|socket|socks5):\/\/|www\.)"
    r"[a-z0-9]+([\-\.]{1}[a-z0-9]+)*\.[a-z]{2,5}(:[0-9]{1,5})?(\/.*)?)",
    re.IGNORECASE,
)


def translation_key(value: str) -> str:
    """Accept a key of lowercase letters, digits, - and _, not at an end nor doubled."""
    if _TRANSLATION_KEY.match(value) is None:
        raise vol.Invalid(
            f"Invalid translation key '{value}', need to be [a-z0-9-_]+ and"
            " cannot start or end with a hyphen or underscore."
        )
    return value


def _text(*, placeholders: bool) -> Callable[[Any], str]:
    def validate(value: Any) -> str:
        text = cv.string_with_no_html(value)
        if _PLACEHOLDER_IN_SINGLE_QUOTES.search(text):
            raise vol.Invalid(
                "the string should not contain placeholders inside single quotes"
            )
        for _, field, _, _ in string.Formatter().parse(text):
            if not field:
                continue
            if not placeholders:
                raise vol.Invalid("placeholders are not supported in this value")
            if not field.isidentifier():
                raise vol.Invalid(
                    "placeholders must be valid identifiers ([a-zA-Z_][a-zA-Z0-9_]*)"
                )
        if _COMBINED_REFERENCE.search(text):
            raise vol.Invalid("the string should not contain combined translations")
        if text != text.strip():
            raise vol.Invalid(
                "the string should not contain leading or trailing spaces"
            )
        if _URL.search(text):
            raise vol.Invalid(
                "the string should not contain URLs, "
                "please use description placeholders instead"
            )
        return text

    return validate


TEXT = _text(placeholders=True)
PLAIN = _text(placeholders=False)


def _keyed(value: Any, key: Callable[[Any], str] = translation_key) -> Any:
    return cv.schema_with_slug_keys(value, slug_validator=key)


def _data_descriptions_name_fields(value: dict[str, Any]) -> dict[str, Any]:
    for step_id, step in value["step"].items():
        for key in step.get("data_description", {}):
            if key not in step.get("data", {}):
                raise vol.Invalid(
                    f"data_description key {key} is not in data of step {step_id}"
                )
    return value


def _config_title(value: Any) -> Any:
    raise vol.Invalid(
        "config.title has moved to the root of strings.json (hassfest warns)"
    )


def data_entry_schema(
    *, title: Callable[[Any], Any] | None = None, subentry: bool = False
) -> Any:
    """Return the schema of a flow's strings (config, subentries, options, a fix)."""
    texts = {str: TEXT}
    schema: dict[Any, Any] = {
        vol.Optional("flow_title"): TEXT,
        vol.Required("step"): {
            str: {
                vol.Optional("title"): TEXT,
                vol.Optional("description"): TEXT,
                vol.Optional("data"): texts,
                vol.Optional("data_description"): texts,
                vol.Optional("menu_options"): texts,
                vol.Optional("menu_option_descriptions"): texts,
                vol.Optional("submit"): TEXT,
                vol.Optional("sections"): {
                    str: {
                        vol.Optional("data"): texts,
                        vol.Optional("data_description"): texts,
                        vol.Optional("description"): TEXT,
                        vol.Optional("name"): TEXT,
                    }
                },
            }
        },
        vol.Optional("error"): texts,
        vol.Optional("abort"): texts,
        vol.Optional("progress"): texts,
        vol.Optional("create_entry"): texts,
    }
    if subentry:
        schema[vol.Required("entry_type")] = TEXT
        schema[vol.Required("initiate_flow")] = {vol.Required("user"): TEXT, str: TEXT}
    else:
        schema[vol.Optional("initiate_flow")] = {vol.Required("user"): TEXT}
    if title is not None:
        schema[vol.Optional("title")] = title
    return vol.All(vol.Schema(schema), _data_descriptions_name_fields)


ISSUES = {
    str: vol.All(
        cv.has_at_least_one_key("description", "fix_flow"),
        vol.Schema(
            {
                vol.Required("title"): TEXT,
                vol.Exclusive("description", "fixable"): TEXT,
                vol.Exclusive("fix_flow", "fixable"): data_entry_schema(),
            }
        ),
    )
}


# A service, condition or trigger: its fields need a description too.
_AUTOMATION_PART = {
    vol.Required("name"): TEXT,
    vol.Required("description"): TEXT,
    vol.Optional("fields"): _keyed(
        {
            vol.Required("name"): str,
            vol.Required("description"): TEXT,
            vol.Optional("example"): TEXT,
        }
    ),
}


_STATES = _keyed(PLAIN)

STRINGS_SCHEMA = vol.Schema(
    {
        vol.Optional("title"): TEXT,
        vol.Optional("config"): data_entry_schema(title=_config_title),
        vol.Optional("config_subentries"): _keyed(
            data_entry_schema(title=_config_title, subentry=True),
            vol.Any("_", cv.slug),
        ),
        vol.Optional("options"): data_entry_schema(),
        vol.Optional("preview_features"): _keyed(
            {
                vol.Required("name"): TEXT,
                vol.Required("description"): TEXT,
                vol.Optional("enable_confirmation"): TEXT,
                vol.Optional("disable_confirmation"): TEXT,
            }
        ),
        vol.Optional("selector"): _keyed(
            {
                vol.Optional("choices"): _keyed(TEXT),
                vol.Optional("options"): _keyed(TEXT),
                vol.Optional("unit_of_measurement"): _keyed(TEXT),
                vol.Optional("fields"): vol.Any(
                    _keyed(str, cv.slug),
                    _keyed(
                        {vol.Required("name"): str, vol.Required("description"): TEXT}
                    ),
                ),
            },
            vol.Any("_", cv.slug),
        ),
        vol.Optional("device_automation"): {
            vol.Optional(part): {str: TEXT}
            for part in (
                "action_type",
                "condition_type",
                "trigger_type",
                "trigger_subtype",
                "extra_fields",
                "extra_fields_descriptions",
            )
        },
        vol.Optional("system_health"): {vol.Optional("info"): _keyed(TEXT)},
        vol.Optional("config_panel"): vol.Schema(
            vol.Any({vol.Any(translation_key, "_"): vol.Self}, TEXT)
        ),
        vol.Optional("application_credentials"): {vol.Optional("description"): TEXT},
        vol.Optional("issues"): ISSUES,
        vol.Optional("entity_component"): _keyed(
            {
                vol.Optional("name"): str,
                vol.Optional("state"): _STATES,
                vol.Optional("state_attributes"): _keyed(
                    {vol.Optional("name"): str, vol.Optional("state"): _STATES}
                ),
            },
            vol.Any("_", cv.slug),
        ),
        vol.Optional("device"): _keyed({vol.Optional("name"): TEXT}),
        vol.Optional("entity"): _keyed(
            _keyed(
                {
                    vol.Optional("name"): TEXT,
                    vol.Optional("state"): _STATES,
                    vol.Optional("state_attributes"): _keyed(
                        {vol.Optional("name"): PLAIN, vol.Optional("state"): _STATES}
                    ),
                    vol.Optional("unit_of_measurement"): PLAIN,
                }
            ),
            cv.slug,
        ),
        vol.Optional("exceptions"): _keyed({vol.Optional("message"): TEXT}, cv.slug),
        vol.Optional("services"): _keyed(
            {
                **_AUTOMATION_PART,
                vol.Optional("sections"): _keyed(
                    {vol.Required("name"): str, vol.Optional("description"): TEXT}
                ),
            }
        ),
        vol.Optional("conditions"): _keyed(_AUTOMATION_PART, cv.underscore_slug),
        vol.Optional("triggers"): _keyed(_AUTOMATION_PART, cv.underscore_slug),
        vol.Optional("conversation"): {
            vol.Required("agent"): {vol.Required("done"): TEXT}
        },
        vol.Optional("common"): vol.Schema({cv.slug: TEXT}),
    }
)


def hassfest_errors(strings: dict[str, Any]) -> str | None:
    """Return what hassfest would say about these strings, or None if they pass."""
    try:
        STRINGS_SCHEMA(strings)
    except vol.Invalid as err:
        return humanize_error(strings, err)
    return None
