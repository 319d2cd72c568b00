from pathlib import Path

import pytest

from marsad import settings
from marsad.errors import ConfigError

DOC = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_docs_show_the_table():
    text = DOC.read_text(encoding="utf-8")
    for row in settings.as_markdown().splitlines()[2:]:
        assert row in text, f"docs/settings.md is missing or out of date: {row}"


def test_environment_overrides_default(monkeypatch):
    assert settings.get("batch_size") == 64
    monkeypatch.setenv("MARSAD_BATCH_SIZE", "8")
    assert settings.get("batch_size") == 8
    monkeypatch.setenv("MARSAD_BATCH_SIZE", "many")
    with pytest.raises(ConfigError, match="MARSAD_BATCH_SIZE='many' is not a valid int"):
        settings.get("batch_size")
    with pytest.raises(ConfigError, match="unknown setting"):
        settings.get("nope")
