"""`marsad analyze`: encodings, views, JSON, directories and every kind of bad input."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main

ARTICLE = "أعلنت الوزارة أمس أن أكثر من 300 شخص تلقوا مساعدات بقيمة 2,5 مليون دينار تونسي.\n"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "article.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_terminal_view_marks_spans_and_tables(capsys, article):
    code, out, _ = run(capsys, "analyze", str(article), "--published", "2019-11-13", "--color", "never")
    assert code == EXIT_OK
    assert "⟦أمس⟧" in out and "⟦أكثر من 300 شخص⟧" in out
    assert "2019-11-12" in out and "2,500,000" in out and "TND" in out
    # Arabic stays at the end of each table row, after the Latin columns
    row = next(line for line in out.splitlines() if "TND" in line)
    assert row.index("TND") < row.index("2,5 مليون")


def test_json_is_the_doc(capsys, article):
    code, out, _ = run(capsys, "analyze", str(article), "--published", "2019-11-13", "--json")
    assert code == EXIT_OK
    d = json.loads(out)
    assert d["schema"] == 1
    money = [q for q in d["spans"]["quantities"] if q["kind"] == "money"][0]
    assert (money["value"], money["currency"], money["text"]) == (2500000, "TND", "2,5 مليون دينار تونسي")
    count = [q for q in d["spans"]["quantities"] if q["kind"] == "count"][0]
    assert (count["value"], count["bound"], count["unit"]) == (300, "lower", "شخص")
    assert d["spans"]["dates"][0]["value"] == "2019-11-12"
    assert d["text"][money["start"]:money["end"]] == money["text"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])
def test_encodings_are_detected_and_reported(capsys, tmp_path, encoding):
    p = tmp_path / "a.txt"
    p.write_bytes(ARTICLE.encode(encoding))
    code, out, err = run(capsys, "analyze", str(p), "--json")
    assert code == EXIT_OK
    d = json.loads(out)
    assert d["text"] == ARTICLE
    expected = {"utf-8-sig": "utf-8", "utf-16": "utf-16"}.get(encoding, encoding)
    assert d["article"]["encoding"] == expected
    code, out, err = run(capsys, "analyze", str(p))
    if encoding == "cp1256":
        assert "decoded as cp1256" in err


def test_published_flag_and_today_fallback(capsys, article):
    _, out, _ = run(capsys, "analyze", str(article), "--json")
    assert json.loads(out)["spans"]["dates"][0]["anchor"] == "today"
    code, _, err = run(capsys, "analyze", str(article), "--published", "13/11/2019")
    assert code == EXIT_USAGE and "--published '13/11/2019' is not an ISO date" in err


def test_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    code, out, _ = run(capsys, "analyze", "-", "--json")
    assert code == EXIT_OK and json.loads(out)["text"] == ARTICLE


def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    d = tmp_path / "mixed"
    d.mkdir()
    files = {
        "empty": (d / "empty.txt", b"", "empty input"),
        "blank": (d / "blank.txt", b"  \n\t \n", "empty input"),
        "binary": (d / "image.png", bytes(range(256)) * 40, "binary data"),
        "undecodable": (d / "bad.txt", b"\xc3\x28\xa0\xa1 caf\xe9 " * 50, "not UTF-8"),
        "bad-bom": (d / "bom.txt", b"\xff\xfe" + b"\x41\x00" * 20 + b"\x00\xd8", "undecodable utf-16"),
        "latin1": (d / "latin.txt", "caf\xe9 na\xefve r\xe9sum\xe9 ".encode("latin-1") * 5, "not UTF-8"),
        "english": (d / "english.txt", b"The minister said that 300 people were helped.", "Arabic"),
        "good": (d / "good.txt", ARTICLE.encode(), ""),
    }
    for path, data, _ in files.values():
        path.write_bytes(data)
    return {k: (p, why) for k, (p, _, why) in files.items()}


@pytest.mark.parametrize("kind", ["empty", "blank", "binary", "undecodable", "bad-bom", "latin1", "english"])
def test_each_bad_file_gets_a_clear_message(capsys, tmp_path, kind):
    path, why = bad_files(tmp_path)[kind]
    code, out, err = run(capsys, "analyze", str(path))
    assert code == EXIT_INPUT
    assert str(path) in err and why in err
    assert "Traceback" not in err and out == ""


def test_too_large_file(capsys, tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    code, _, err = run(capsys, "analyze", str(p))
    assert code == EXIT_INPUT and "over the 10.5 MB limit" in err and str(p) in err


def test_missing_file_and_directory_as_single_input(capsys, tmp_path):
    code, _, err = run(capsys, "analyze", str(tmp_path / "nope.txt"))
    assert code == EXIT_INPUT and "no such file" in err


def test_directory_goes_on_and_reports_failures_at_the_end(capsys, tmp_path):
    files = bad_files(tmp_path)
    (tmp_path / "mixed" / "huge.txt").open("wb").truncate(50 * 1024 * 1024)
    code, out, err = run(capsys, "analyze", str(tmp_path / "mixed"), "--no-progress")
    assert code == EXIT_INPUT
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["article"]["meta"]["path"] for d in lines] == [str(files["good"][0])]
    assert "analysed 1 article(s) from 1 of 9 file(s); 8 failed" in err
    for kind, (path, why) in files.items():
        if kind != "good":
            assert f"{path}: " in err and why in err
    assert "over the" in err


def test_output_file_and_several_paths(capsys, tmp_path, article):
    second = tmp_path / "b.txt"
    second.write_text("وصل الوفد يوم الثلاثاء الماضي.", encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "analyze", str(article), str(second), "-o", str(out_file),
                         "--published", "2019-11-13", "--no-progress")
    assert code == EXIT_OK and out == ""
    docs = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 2 and docs[1]["spans"]["dates"][0]["value"] == "2019-11-12"


def test_trec_file_uses_its_time_as_publication_date(capsys, tmp_path):
    p = tmp_path / "doc.txt"
    p.write_text(
        "<DOC>\n<DOCNO>X-1</DOCNO>\n<TITLE>عنوان</TITLE>\n<TIME>03/02/2017</TIME>\n"
        "<TEXT>\nاجتمع المجلس أمس وقرر تأجيل الجلسة إلى 15 أفريل.\n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "analyze", str(p), "--json")
    d = json.loads(out)
    assert [x["value"] for x in d["spans"]["dates"]] == ["2017-02-02", "2017-04-15"]
    assert d["article"]["title"] == "عنوان"


def test_bad_stage_list_is_a_clear_error(capsys, article):
    code, _, err = run(capsys, "analyze", str(article), "--stages", "numbers")
    assert code == EXIT_INPUT and "'numbers' requires dates" in err


def test_console_script_runs(tmp_path, article):
    exe = Path(sys.executable).with_name("marsad")
    result = subprocess.run([str(exe), "analyze", str(article), "--json"], capture_output=True,
                            text=True, env={**os.environ, "MARSAD_MAX_INPUT_BYTES": "100"})
    assert result.returncode == EXIT_INPUT and "over the 0.0 MB limit" in result.stderr
    assert subprocess.run([str(exe), "--version"], capture_output=True).returncode == 0
