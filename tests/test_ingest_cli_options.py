"""The sources' command-line options (used by ``marsad ingest``)."""

from __future__ import annotations

import argparse

import pytest

from marsad.errors import ConfigError
from marsad.ingest import FetchState
from marsad.ingest.cli import add_source_arguments, fetch_state, source_options


def parse(*argv):
    parser = argparse.ArgumentParser()
    add_source_arguments(parser)
    return parser.parse_args(argv)


def test_options_from_arguments(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_MAX_INPUT_BYTES", "12345")
    args = parse("--format", "jsonl", "--field", "text=body", "--field", "date=meta.pub",
                 "--records-key", "items", "--min-arabic", "0.5", "--follow-links",
                 "--csv-delimiter", ";", "--timeout", "5", "--min-delay", "0")
    opts = source_options(args)
    assert opts.format == "jsonl" and opts.fields.keys["text"] == ("body",)
    assert opts.fields.keys["published"] == ("meta.pub",) and opts.records_key == "items"
    assert opts.min_arabic_share == 0.5 and opts.follow_links and opts.csv_delimiter == ";"
    assert opts.timeout == 5 and opts.min_delay == 0 and opts.max_bytes == 12345
    assert source_options(parse("--max-bytes", "99")).max_bytes == 99


@pytest.mark.parametrize("argv", [("--min-arabic", "2"), ("--field", "oops"),
                                  ("--csv-delimiter", ";;")])
def test_bad_option_values_are_config_errors(argv):
    with pytest.raises(ConfigError):
        source_options(parse(*argv))


def test_fetch_state_file(tmp_path):
    assert fetch_state(parse()) is None
    path = tmp_path / "state.json"
    state = fetch_state(parse("--fetch-state", str(path)))
    assert state == FetchState()
    state.validators["https://x.example/feed"] = {"etag": '"1"'}
    state.save(path)
    assert fetch_state(parse("--fetch-state", str(path))).validators == state.validators
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(ConfigError):
        fetch_state(parse("--fetch-state", str(path)))
