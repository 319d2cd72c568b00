"""JSON, JSONL and CSV sources: field mapping, dialects, encodings and bad records."""

from __future__ import annotations

import json

import pytest
from ingest_helpers import BODY, BODY2, ENGLISH, OPTS, split

from marsad.errors import ConfigError
from marsad.ingest import FieldMap, iter_source
from marsad.ingest.base import lookup


def read(path, options=OPTS):
    return split(list(iter_source(str(path), options=options)))


RECORD = {
    "id": "n-17", "title": "اجتماع التحالف", "body": BODY, "link": "https://ex.org/ar/17",
    "pubDate": "الخميس، 14 تشرين الثاني 2019 10:30 +0300", "outlet": {"name": "صحيفة المرصد"},
    "section": ["سياسة", "دولي"], "authors": ["سامي الخطيب", "ليلى حداد"], "views": 1200,
}


def test_json_list_with_default_field_names(tmp_path):
    p = tmp_path / "news.json"
    p.write_text(json.dumps([RECORD, {"text": BODY2, "date": 1573716600}], ensure_ascii=False),
                 encoding="utf-8")
    (a, b), fails = read(p)
    assert not fails
    assert a.text == BODY and a.title == "اجتماع التحالف" and a.url == "https://ex.org/ar/17"
    assert a.published.isoformat() == "2019-11-14T10:30:00+03:00"
    assert a.source == "صحيفة المرصد" and a.category == "سياسة, دولي"
    assert a.meta["source_id"] == "n-17" and a.meta["author"] == "سامي الخطيب, ليلى حداد"
    assert a.meta["extra"] == {"views": 1200} and a.meta["record"] == 0
    assert a.encoding == "utf-8"
    assert b.published.isoformat() == "2019-11-14T07:30:00+00:00"


def test_field_mapping_with_dotted_paths_and_records_key(tmp_path):
    doc = {"meta": {"count": 1}, "payload": [
        {"story": {"ar": BODY}, "info": {"headline": "عنوان", "when": "2019-11-14"}}]}
    p = tmp_path / "nested.json"
    p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    options = OPTS.with_(fields=FieldMap.parse(["text=story.ar", "title=info.headline",
                                                "date=info.when"]),
                         records_key="payload")
    (a,), fails = read(p, options)
    assert not fails and a.text == BODY and a.title == "عنوان"
    assert a.published.isoformat() == "2019-11-14"


def test_json_object_holding_a_list_and_single_record(tmp_path):
    p = tmp_path / "wrapped.json"
    p.write_text(json.dumps({"status": "ok", "articles": [{"content": BODY}]}), encoding="utf-8")
    (a,), _ = read(p)
    assert a.text == BODY
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": BODY2, "title": "خبر"}), encoding="utf-8")
    (b,), _ = read(one)
    assert b.title == "خبر"


def test_bad_json_and_bad_records(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text('[{"text": "نص", }', encoding="utf-8")
    _, (fail,) = read(p)
    assert fail.code == "malformed" and "invalid JSON" in fail.reason and fail.source == str(p)
    q = tmp_path / "records.json"
    q.write_text(json.dumps([{"title": "بلا نص"}, "سلسلة", {"text": ""}, {"text": ENGLISH},
                             {"text": {"a": 1}}, {"text": BODY}]), encoding="utf-8")
    (ok,), fails = read(q)
    assert ok.meta["record"] == 5
    assert [f.code for f in fails] == ["no-text", "malformed", "empty", "no-arabic", "no-text"]
    assert fails[0].source == f"{q} (record 0)" and "text=KEY" in fails[0].reason


def test_html_text_in_a_record_becomes_plain_text(tmp_path):
    p = tmp_path / "html.json"
    p.write_text(json.dumps([{"content": "<p>" + BODY.replace("\n", "</p><p>") + "</p>"}]),
                 encoding="utf-8")
    (a,), _ = read(p)
    assert a.text == BODY


def test_jsonl_stream_with_bad_lines_goes_on(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": BODY}, ensure_ascii=False), "", "{not json",
             json.dumps({"text": "x" * 3000}), json.dumps({"text": BODY2}, ensure_ascii=False)]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, fails = read(p, OPTS.with_(max_bytes=2000))
    assert [a.meta["record"] for a in arts] == [1, 5]
    assert [(f.code, f.source) for f in fails] == [("malformed", f"{p} (line 3)"),
                                                   ("too-large", f"{p} (line 4)")]


def test_jsonl_in_windows_1256_and_an_undecodable_line(tmp_path):
    p = tmp_path / "old.jsonl"
    good = json.dumps({"text": BODY}, ensure_ascii=False).encode("cp1256")
    p.write_bytes(good + b"\n" + json.dumps({"text": BODY2}, ensure_ascii=False).encode("cp1256"))
    arts, fails = read(p)
    assert not fails and [a.encoding for a in arts] == ["cp1256", "cp1256"]
    assert arts[1].text == BODY2
    q = tmp_path / "mixed.jsonl"
    q.write_bytes(json.dumps({"text": BODY}, ensure_ascii=False).encode() + b'\n{"text": "\xff\xfe"}\n')
    arts, (fail,) = read(q)
    assert len(arts) == 1 and fail.code == "undecodable" and fail.source == f"{q} (line 2)"


def test_json_file_that_is_really_jsonl(tmp_path):
    p = tmp_path / "dump.json"
    p.write_text(json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY2}) + "\n",
                 encoding="utf-8")
    arts, fails = read(p)
    assert len(arts) == 2 and not fails


CSV_ROWS = [["title", "text", "date", "url"],
            ["خبر أول", BODY, "2019-11-14", "https://ex.org/1"],
            ["خبر ثان", BODY2, "14/11/2019", "https://ex.org/2"]]


def _csv(rows, sep=",", quote='"'):
    def cell(v):
        return quote + v.replace(quote, quote * 2) + quote
    return "\r\n".join(sep.join(cell(v) for v in row) for row in rows) + "\r\n"


@pytest.mark.parametrize(("suffix", "sep"), [(".csv", ","), (".csv", ";"), (".tsv", "\t"),
                                             (".csv", "|")])
def test_csv_dialects_are_detected(tmp_path, suffix, sep):
    p = tmp_path / f"news{suffix}"
    p.write_text(_csv(CSV_ROWS, sep), encoding="utf-8")
    (a, b), fails = read(p)
    assert not fails
    assert a.title == "خبر أول" and a.text == BODY and a.url == "https://ex.org/1"
    assert str(b.published) == "2019-11-14" and b.meta["record"] == 2


def test_csv_with_large_fields_in_cp1256_and_a_column_mapping(tmp_path):
    big = (BODY + "\n") * 3000  # about 900 kB in one field, over csv's default 128 kB limit
    p = tmp_path / "big.csv"
    p.write_bytes(_csv([["headline", "story"], ["عنوان", big]]).encode("cp1256"))
    options = OPTS.with_(max_bytes=2_000_000, fields=FieldMap.parse(["text=story",
                                                                      "title=headline"]))
    (a,), fails = read(p, options)
    assert not fails and a.text == big and a.encoding == "cp1256" and a.title == "عنوان"


def test_csv_without_a_text_column_and_empty_csv(tmp_path):
    p = tmp_path / "cols.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    _, (fail,) = read(p)
    assert fail.code == "no-text" and "columns: a, b" in fail.reason
    e = tmp_path / "empty.csv"
    e.write_text("", encoding="utf-8")
    _, (fail,) = read(e)
    assert fail.code == "empty"


def test_field_map_parse_and_errors():
    fm = FieldMap.parse(["text=body|content", "date=meta.when,title=h"])
    assert fm.keys["text"] == ("body", "content") and fm.keys["published"] == ("meta.when",)
    assert fm.keys["title"] == ("h",) and fm.keys["url"][0] == "url"
    for bad in ("nonsense=x", "text", "text="):
        with pytest.raises(ConfigError):
            FieldMap.parse([bad])
    assert lookup({"a.b": 1, "a": {"b": 2}}, "a.b") == 1
    assert lookup({"a": {"b": 2}}, "a.b") == 2 and lookup({"a": 3}, "a.b") is None


def test_csv_quotes_inside_fields_under_an_unquoted_header(tmp_path):
    import csv

    text = 'قال الوزير إن "التحالف" باق.\nوأضاف: "لن ننسحب".'
    p = tmp_path / "quotes.csv"
    with p.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["title", "text"])
        w.writerow(['عنوان "مقتبس"', text])
        w.writerow(["ثان", BODY2])
    (a, b), fails = read(p)
    assert not fails and a.text == text and a.title == 'عنوان "مقتبس"' and b.text == BODY2
