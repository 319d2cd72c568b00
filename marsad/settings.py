"""marsad's settings: one table of name, default, environment variable and help.

A setting's value comes from the command line where a command has an option for it
(:func:`override`), else from its environment variable, else from the default. ``docs/settings.md`` is this table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from marsad.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    kind: type = str

    @property
    def env(self) -> str:
        return "MARSAD_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "max_input_bytes",
        10 * 1024 * 1024,
        "Largest input (file, page, record) marsad analyses, in bytes; larger ones are refused "
        "with a too-large error.",
        int,
    ),
    Setting(
        "country",
        "",
        "ISO 3166 alpha-2 code of the country the articles are about by default (e.g. TN); "
        "decides shared currency words (دينار، ريال، درهم، ليرة، جنيه) when the text itself "
        "does not. Empty: guessed from the text of each article.",
    ),
    Setting(
        "batch_size",
        64,
        "Documents per batch when a stream is analysed.",
        int,
    ),
    Setting(
        "kb_user_file",
        "",
        "A tab-separated file of the user's own knowledge-base entries and aliases, added to "
        "the shipped knowledge base (format: docs/kb.md). Empty: none.",
    ),
    Setting(
        "events_triggers_file",
        "",
        "A tab-separated file of the user's own event triggers (Arabic word -> PLOVER type "
        "and mode), added to the shipped lexicon; its spellings replace shipped ones "
        "(format: docs/events.md). Empty: none.",
    ),
    Setting(
        "ner_model",
        "neural",
        "The NER model of the entities stage: neural (the BiLSTM-CRF, more accurate), crf (the "
        "two-pass CRF) or off (knowledge-base matches only).",
    ),
    Setting(
        "db",
        "marsad.db",
        "Path of the SQLite archive used by ingest, search, show, export and stats.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


_OVERRIDES: dict[str, Any] = {}


def override(name: str, value: Any) -> None:
    """Set a setting for this process (what a command-line option does); wins over the
    environment variable and the default."""
    if name not in _BY_NAME:
        raise ConfigError(f"unknown setting {name!r}")
    _OVERRIDES[name] = value


def get(name: str) -> Any:
    """The value of a setting: an override, else its environment variable, else its default."""
    try:
        setting = _BY_NAME[name]
    except KeyError:
        raise ConfigError(f"unknown setting {name!r}") from None
    if name in _OVERRIDES:
        return _OVERRIDES[name]
    raw = os.environ.get(setting.env)
    if raw is None or raw == "":
        return setting.default
    try:
        return setting.kind(raw)
    except ValueError:
        raise ConfigError(
            f"{setting.env}={raw!r} is not a valid {setting.kind.__name__} ({setting.help})"
        ) from None


def as_markdown() -> str:
    """The settings table as Markdown (what docs/settings.md shows)."""
    rows = ["| setting | environment variable | default | meaning |", "|---|---|---|---|"]
    for s in SETTINGS:
        rows.append(f"| `{s.name}` | `{s.env}` | `{s.default!r}` | {s.help} |")
    return "\n".join(rows)
