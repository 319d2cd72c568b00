"""Knowledge-base and linking rules added from the gold data: generated ministries, media
outlets after a media noun, name particles behind proclitics, first names one letter off,
anaphors before time words, and the country a text names most."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.extract.entities import extract
from marsad.kb import load
from marsad.kb.base import COUNTRY
from marsad.kb.build import build
from marsad.kb.merge import fit_to_matches, is_noise, ner_proclitic
from marsad.kb.ministries import read_portfolios
from marsad.model import Doc, Entity


def entities(text: str) -> list[Entity]:
    doc = extract(Doc.from_text(text), ner=lambda _doc: [])
    return list(doc.spans["entities"])  # type: ignore[arg-type]


def found(text: str) -> list[tuple[str, str | None, str]]:
    return [(e.text(text), e.kb_id, e.type) for e in entities(text)]


# --- ministries -------------------------------------------------------------------------------

CURATED = """\
id\ttype\tkind\tar\ten\taliases\tcountry\tcoords\textra
Q1\tLOC\tcountry\tبلاد الأرز\tCedarland\t\tCL\t\tadj=أرزي
Q2\tLOC\tcountry\tبلاد النخيل\tPalmland\t\tPL\t\tadj=نخلي
marsad:cl-police\tORG\tinstitution\tدار الأمن الأرزية\tCedar police\t\tCL\t\tministry=interior
"""
PORTFOLIOS = """\
# slug\ten\tnames\tcountries
interior\tMinistry of the Interior\tالداخلية\t*
tourism\tMinistry of Tourism\tالسياحة|السياحة والصناعات التقليدية\tPL
bad line
"""


@pytest.fixture()
def mini_kb(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "mini.tsv").write_text(CURATED, encoding="utf-8")
    (tmp_path / "ministries.tsv").write_text(PORTFOLIOS, encoding="utf-8")
    return build(tmp_path, use_geonames=False)


def test_ministries_are_generated_per_country_and_portfolio(mini_kb) -> None:  # type: ignore[no-untyped-def]
    kb, report = mini_kb
    assert report.ministries == 2  # PL interior, PL tourism; CL interior is the curated entry
    pl = kb.get("marsad:ministry-interior-pl")
    assert pl is not None and pl.ar == "وزارة الداخلية النخلية" and pl.country == "PL"
    assert pl.type == "ORG" and pl.kind == "ministry" and "الوزاره" in pl.heads
    assert kb.get("marsad:ministry-tourism-cl") is None  # tourism is PL's only
    assert [e.id for e in kb.lookup("وزارة الداخلية الأرزية")] == ["marsad:cl-police"]
    assert [e.id for e in kb.lookup("الداخلية النخلية")] == ["marsad:ministry-interior-pl"]
    bare = kb.aliases["وزاره الداخليه"]
    assert len(bare) == 2 and all(f & COUNTRY for _, f in bare)
    assert len(report.problems) == 1 and "4 cells" in str(report.problems[0])


def test_portfolio_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ministries.tsv"
    path.write_text(PORTFOLIOS, encoding="utf-8")
    portfolios, problems = read_portfolios(path)
    assert [p.slug for p in portfolios] == ["interior", "tourism"]
    assert portfolios[0].countries is None and portfolios[1].countries == frozenset({"PL"})
    assert portfolios[1].names == ("السياحة", "السياحة والصناعات التقليدية")
    assert len(problems) == 1 and problems[0].line == 4
    assert read_portfolios(tmp_path / "none.tsv") == ([], [])


def test_a_bare_ministry_is_the_ministry_of_the_country_the_text_names() -> None:
    text = "وقالت وزارة الداخلية في بلاغ إن وحداتها أوقفت مشتبها به في صفاقس."
    assert ("وزارة الداخلية", "marsad:ministry-interior-tn", "ORG") in found(text)
    text = "وأعلنت وزارة الداخلية الجزائرية توقيف عشرة أشخاص قرب الحدود التونسية."
    assert ("وزارة الداخلية الجزائرية", "marsad:ministry-interior-dz", "ORG") in found(text)
    text = "وأكدت الخارجية الروسية أن الوفد سيصل غدا."
    assert ("الخارجية الروسية", "marsad:ministry-foreign-ru", "ORG") in found(text)


def test_a_bare_ministry_in_a_text_naming_no_country_is_an_unlinked_mention() -> None:
    text = "وقالت وزارة الصحة إن عدد الإصابات ارتفع."
    ents = entities(text)
    assert [(e.text(text), e.kb_id, e.type, e.score) for e in ents] == [
        ("وزارة الصحة", None, "ORG", 0.0)]


def test_the_ministry_anaphor_follows_it() -> None:
    text = "أعلنت وزارة الفلاحة في تونس عن برنامج جديد، وأكدت الوزارة أنه سينطلق قريبا."
    got = found(text)
    assert ("وزارة الفلاحة", "marsad:ministry-agriculture-tn", "ORG") in got
    assert ("الوزارة", "marsad:ministry-agriculture-tn", "ORG") in got


def test_the_us_state_department_is_the_curated_entry() -> None:
    kb = load(user_file="")
    assert [e.id for e in kb.lookup("وزارة الخارجية الأميركية")] == ["marsad:us-state-department"]
    assert "marsad:ministry-foreign-us" not in kb.by_id


# --- media, particles, fuzzy first names, anaphors, countries ---------------------------------


def test_a_weak_outlet_name_after_a_media_noun() -> None:
    assert ("الشروق", "marsad:echourouk", "ORG") in found("وذكرت صحيفة الشروق أن الاجتماع تأجل.")
    assert ("الجزيرة", "marsad:aljazeera", "ORG") in found('وقال لقناة "الجزيرة" إن الوضع خطير.')
    assert found("وفي الصباح خرج المتظاهرون إلى الشارع.") == []
    assert found("وعند الشروق وصل الصيادون إلى الجزيرة.") == []


def test_name_particles_behind_proclitics() -> None:
    text = "وانتقد المهدي بن غربية القرار، ثم قال إن الاتهامات الموجهة لبن غربية باطلة."
    ids = [kb_id for _, kb_id, _ in found(text)]
    assert ids.count("marsad:mehdi-ben-gharbia") == 2


def test_a_first_name_one_letter_off() -> None:
    assert found("واستقبل إيمانيول ماكرون الوفد.") == [
        ("إيمانيول ماكرون", "Q3052772", "PERS")]
    assert found("وقال ليون ماكرون") == [("ليون", "marsad:lyon", "LOC"),
                                        ("ماكرون", "Q3052772", "PERS")]


def test_an_anaphor_before_a_time_word_or_relative_pronoun() -> None:
    text = "وقال حزب التحرير إنه يرفض المؤتمر. وأضاف في اجتماع للحزب اليوم أن الحزب الذي يمثله لن يشارك."
    got = [(t, k) for t, k, _ in found(text)]
    assert got.count(("لحزب", "marsad:hizb-ut-tahrir")) == 1
    assert got.count(("الحزب", "marsad:hizb-ut-tahrir")) == 1


def test_party_names_with_hizb() -> None:
    assert found("وفاز حزب حركة نداء تونس بالانتخابات.") == [
        ("حزب حركة نداء تونس", "marsad:nidaa-tounes", "ORG")]


def test_an_ambiguous_name_all_in_one_country_counts_for_it() -> None:
    # تونس (country or capital) counts for Tunisia: the bare ministry is Tunisia's although
    # Libya is named as often.
    text = ("بحث وزير الشؤون الخارجية في تونس مع نظيره الليبي الأزمة الليبية، وفق بلاغ لوزارة "
            "الخارجية، بعد اجتماع تونس.")
    assert ("وزارة الخارجية", "marsad:ministry-foreign-tn", "ORG") in found(text)


def test_places_of_tunisia_and_descriptors_left_out() -> None:
    got = found("وغمرت المياه منطقتي غار الدماء وبوسالم، وتضررت قرقنة وإقليم شينجيانغ.")
    assert got == [("غار الدماء", "marsad:ghardimaou", "LOC"), ("بوسالم", "marsad:bou-salem", "LOC"),
                   ("قرقنة", "marsad:kerkennah", "LOC"), ("شينجيانغ", "marsad:xinjiang", "LOC")]


# --- NER spans fitted to the conventions (marsad.kb.merge) ------------------------------------


@pytest.mark.parametrize(("word", "pro"), [
    ("ومحمد", "و"), ("لمحمد", "ل"), ("وليد", ""), ("للحزب", "ل"), ("وللحزب", "ول"),
    ("والجزاير", "و"), ("بالموصل", "ب"), ("لبنان", ""), ("واشنطن", ""), ("وسميره", "و"),
    ("ليلي", ""), ("محمد", ""),
])
def test_ner_proclitic(word: str, pro: str) -> None:
    assert ner_proclitic(word, {"محمد", "لبنان", "واشنطن", "الموصل"}) == pro


def test_ner_noise() -> None:
    assert is_noise(["دولار"], "MISC", False) and is_noise(["اليوان"], "PERS", False)
    assert is_noise(["رياسيه"], "LOC", False) and is_noise(["لوجستيا"], "MISC", False)
    assert not is_noise(["التونسيه"], "LOC", True)
    assert not is_noise(["محمد"], "PERS", False) and not is_noise(["رياسيه", "عامه"], "LOC",
                                                                  False)


def test_fit_to_matches() -> None:
    words = ["اتحاد", "تطاوين", "و", "اولمبيك", "سيدي", "بوزيد", "رييس", "باراغواي", "هوراسيو",
             "كارتيس"]
    clubs = [(0, 2, "ORG"), (3, 6, "ORG")]
    assert fit_to_matches(0, 6, "MISC", clubs, words) is None  # two names in one span
    assert fit_to_matches(7, 10, "PERS", [(7, 8, "LOC")], words) == (8, 10)
    assert fit_to_matches(7, 10, "LOC", [(7, 8, "LOC")], words) == (7, 10)
    assert fit_to_matches(8, 10, "PERS", [], words) == (8, 10)


def ner_spans(text: str, *names: tuple[str, str]) -> list[Entity]:
    return [Entity(text.index(n), text.index(n) + len(n), type=t) for n, t in names]


def test_ner_spans_are_fitted_before_the_merge() -> None:
    text = "وقال رئيس باراغواي هوراسيو كارتيس إن الاجتماع حضره ومندر الزنايدي ودفع 300 دولار."
    ner = ner_spans(text, ("باراغواي هوراسيو كارتيس", "PERS"), ("ومندر الزنايدي", "PERS"),
                    ("دولار", "MISC"))
    doc = extract(Doc.from_text(text), ner=lambda _doc: ner)
    got = [(e.text(text), e.kb_id, e.type) for e in doc.spans["entities"]]
    assert got == [("باراغواي", "Q733", "LOC"), ("هوراسيو كارتيس", None, "PERS"),
                   ("مندر الزنايدي", None, "PERS")]


def test_an_acronym_overrides_an_unlinked_ner_guess() -> None:
    text = "أعلنت الهيئة العليا المستقلة للانتخابات (إيزي) عن الرزنامة، وأكدت إيزي أن التسجيل مفتوح."
    second = text.rindex("إيزي")
    ner = [Entity(second, second + 4, type="PERS")]
    doc = extract(Doc.from_text(text), ner=lambda _doc: ner)
    got = [(e.text(text), e.kb_id, e.type) for e in doc.spans["entities"]]
    assert got[-1] == ("إيزي", "marsad:isie", "ORG") and len(got) == 3
