"""The archive commands end to end: ingest, search, show, stats, export (read back with pandas
and pyarrow)."""

from __future__ import annotations

import json

import pytest
from store_fixtures import TEXTS

from marsad.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """An archive made by `marsad ingest` from a folder of fixture files (one bad)."""
    folder = tmp_path_factory.mktemp("inputs")
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    records = [{"text": TEXTS["protest"] + " وقال والي الجهة إنه سيستقبل ممثلين عنهم.",
                "title": "وقفة احتجاجية أمام الولاية", "url": "https://example.tn/p/1",
                "date": "2017-03-02T09:00:00+01:00", "source": "إذاعة ب", "category": "society"}]
    (folder / "feed.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = folder / "archive.db"
    code = main(["ingest", str(folder), "--db", str(db), "--no-progress", "--json",
                 "--stages", "tokenize,dates,numbers,entities,quotes,events"])
    return folder, db, code


def test_ingest_summary_and_exit_code(archive, capsys):
    folder, db, code = archive
    assert code == EXIT_INPUT  # empty.txt failed, the rest went on
    code, out, err = run(capsys, "ingest", str(folder), "--db", str(db), "--json",
                         "--no-progress")
    summary = json.loads(out)
    assert summary["new"] == 0 and summary["already_stored"] == len(TEXTS) + 1
    assert summary["failed"] == 1 and summary["failures"][0]["code"] == "empty"
    assert "empty.txt" in err and "already stored" in err


def test_search_json_hits(archive, capsys):
    _, db, _ = archive
    code, out, _ = run(capsys, "search", "بالموصل داعش", "--db", str(db), "--json")
    assert code == EXIT_OK
    hits = json.loads(out)["hits"]
    assert len(hits) == 1
    assert {"id", "title", "url", "published", "score", "snippet"} <= set(hits[0])
    assert "بالموصل" in hits[0]["snippet"]


def test_search_filters_and_facets(archive, capsys):
    _, db, _ = archive
    code, out, _ = run(capsys, "search", "احتجاجية", "--db", str(db), "--json", "--from",
                       "2017-03", "--source", "إذاعة ب", "--facets")
    data = json.loads(out)
    assert [h["title"] for h in data["hits"]] == ["وقفة احتجاجية أمام الولاية"]
    assert data["total"] == 1 and data["facets"]["sources"] == [{"source": "إذاعة ب", "count": 1}]
    assert {"type": "PROTEST", "count": 1} in data["facets"]["event_types"]
    code, out, _ = run(capsys, "search", "", "--db", str(db), "--json", "--type", "PROTEST")
    assert len(json.loads(out)["hits"]) >= 2
    code, out, _ = run(capsys, "search", "الترجي", "--db", str(db), "--color", "never")
    assert code == EXIT_OK and "الترجي" in out and "football" in out  # the title is the file name


def test_bad_query_is_a_usage_error(archive, capsys):
    _, db, _ = archive
    code, _, err = run(capsys, "search", '(الموصل', "--db", str(db))
    assert code == EXIT_USAGE and "parenthesis is not closed" in err
    code, _, err = run(capsys, "search", "x", "--db", str(db), "--from", "yesterday")
    assert code == EXIT_USAGE and "--from" in err


def test_missing_archive_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "search", "الموصل", "--db", str(tmp_path / "none.db"))
    assert code == EXIT_INPUT and "no archive there" in err
    assert not (tmp_path / "none.db").exists()


def test_db_from_environment(archive, capsys, monkeypatch):
    _, db, _ = archive
    monkeypatch.setenv("MARSAD_DB", str(db))
    code, out, _ = run(capsys, "stats", "--json")
    stats = json.loads(out)
    assert code == EXIT_OK and stats["articles"] == len(TEXTS) + 1
    assert stats["ingest_failures"] == {"empty": 1}
    assert stats["spans"]["entities"] > 0


def test_show(archive, capsys):
    _, db, _ = archive
    _, out, _ = run(capsys, "search", "الترجي", "--db", str(db), "--json")
    ident = json.loads(out)["hits"][0]["id"]
    code, out, _ = run(capsys, "show", ident, "--db", str(db), "--json")
    data = json.loads(out)
    assert code == EXIT_OK and data["doc"]["text"] == TEXTS["football"]
    assert data["article"]["id"] == ident and data["doc"]["schema"] == 1
    code, out, _ = run(capsys, "show", ident[:8], "--db", str(db), "--color", "never")
    assert code == EXIT_OK and "الترجي" in out
    code, _, err = run(capsys, "show", "nope", "--db", str(db))
    assert code == EXIT_INPUT and "no article" in err


@pytest.mark.parametrize("what", ["articles", "entities", "quotes", "events"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_exports_read_back(archive, tmp_path, capsys, what, fmt):
    import pandas as pd
    import pyarrow.parquet as pq

    from marsad.store.export import TABLES

    _, db, _ = archive
    out = tmp_path / f"{what}.{fmt}"
    code, _, err = run(capsys, "export", "--what", what, "--format", fmt, "-o", str(out),
                       "--db", str(db))
    assert code == EXIT_OK
    n = int(err.split("exported ")[1].split()[0].replace(",", ""))
    if fmt == "jsonl":
        frame = pd.read_json(out, lines=True) if n else pd.DataFrame()
    elif fmt == "csv":
        frame = pd.read_csv(out)
    else:
        table = pq.read_table(out)
        assert table.schema.names == [c for c, _ in TABLES[what][1]]
        frame = table.to_pandas()
    assert len(frame) == n
    if n and fmt != "jsonl":
        assert list(frame.columns) == [c for c, _ in TABLES[what][1]]
    if what == "articles":
        assert n == len(TEXTS) + 1
        assert set(frame["text"]) == set(TEXTS.values()) | {
            TEXTS["protest"] + " وقال والي الجهة إنه سيستقبل ممثلين عنهم."}
    if what == "entities":
        assert n > 0 and {"PERS", "ORG", "LOC"} & set(frame["type"])
    if what == "quotes":
        assert n > 0 and set(frame["kind"]) <= {"verb", "source", "quote", "continuation"}
    if what == "events":
        assert n > 0 and "PROTEST" in set(frame["type"])
        actors = frame["actors"].iloc[0]
        assert isinstance(actors if fmt == "jsonl" else json.loads(actors), list)


def test_export_to_stdout_and_parquet_needs_a_file(archive, capsys):
    _, db, _ = archive
    code, out, _ = run(capsys, "export", "--what", "articles", "--format", "jsonl", "--db", str(db))
    assert code == EXIT_OK and len(out.splitlines()) == len(TEXTS) + 1
    code, _, err = run(capsys, "export", "--format", "parquet", "--db", str(db))
    assert code == EXIT_USAGE and "output file" in err


@pytest.mark.parametrize("args", [("--every", "2", "--offset", "2"), ("--offset", "1"),
                                  ("--every", "3", "--offset", "-1")])
def test_eval_search_offset_out_of_range_is_a_usage_error(tmp_path, capsys, args):
    code, _out, err = run(capsys, "eval", "search", "--data", str(tmp_path), *args)
    assert code == EXIT_USAGE and "--offset" in err
