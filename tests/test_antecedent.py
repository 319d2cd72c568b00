"""The learned choice of whom a continuation goes on from (marsad.extract.antecedent)."""

import json
from pathlib import Path

import numpy as np
import pytest

from marsad.extract import antecedent
from marsad.extract import fit_antecedent as fit
from marsad.model import Attribution
from marsad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
PIPE = Pipeline(["tokenize", "dates", "numbers", "entities", "quotes"])
PAPER = ('أصدرت صحيفة "السفير" اللبنانية أمس السبت عددها الأخير معلنة توقفها عن الصدور '
         'بسبب مصاعب مالية.')


def speakers(text: str) -> list[tuple[str, str | None]]:
    doc = PIPE.analyze(text)
    atts: list[Attribution] = list(doc.group("attributions"))  # type: ignore[arg-type]
    out = []
    for a in atts:
        while a.speaker is None and a.continues is not None:
            a = atts[a.continues]
        out.append((doc.text[atts[len(out)].cue.start:atts[len(out)].cue.end],
                    a.speaker.text(doc.text) if a.speaker else None))
    return out


def test_the_shipped_weights_are_this_modules():
    w = antecedent.weights()
    assert w is not None and len(w) == len(antecedent.FEATURES)
    data = json.loads((antecedent.resources.files("marsad") / "data/antecedent.json")
                      .read_text(encoding="utf-8"))
    assert data["command"].startswith("python -m marsad.extract.fit_antecedent --data tests/")


def test_the_subject_of_a_verb_that_reports_nothing_goes_on():
    """The paper published its last issue, announcing …: the rules alone find nobody."""
    assert speakers(PAPER) == [("معلنة", 'صحيفة "السفير" اللبنانية')]


def test_without_weights_the_rules_stand(monkeypatch):
    monkeypatch.setattr(antecedent, "weights", lambda: None)
    assert speakers(PAPER) == [("معلنة", None)]


@pytest.mark.parametrize("text, expected", [
    ("وقال وزير الداخلية إن الوضع مستقر. وأضاف أن الوحدات الأمنية في حالة تأهب.",
     [("وقال", "وزير الداخلية"), ("وأضاف", "وزير الداخلية")]),
    ("زارت الوزيرة المستشفى الجهوي بصفاقس. وقالت إن الوضع صعب.", [("وقالت", "الوزيرة")]),
    ("وتلقت الشرطة بلاغا. وأطلق شباب الحزب حملة مفادها أن الحزب للجميع. وقال إنه قدم ملفا.",
     [("وقال", None)]),
])
def test_the_rules_choice_and_nobody_stay(text, expected):
    """The last speaker, the subject of the sentence before, and nobody (not الحزب of a
    message's gist) are kept."""
    assert speakers(text) == expected


def test_candidates_end_before_the_cue_inside_the_text():
    from marsad.extract.quotes import Reader

    doc = Pipeline(["tokenize", "dates", "numbers", "entities"]).analyze(
        "وقال الوزير إن الوضع مستقر. وكانت النقابة قد عبرت عن رفضها، لكنها أكدت أنها ستتفاوض.")
    r = Reader(doc)
    r.trace = []
    r.read()
    assert r.trace
    for draft, cands in r.trace:
        assert cands
        for c in cands:
            assert 0 <= c.span.start < c.span.end <= draft.cue.start
            assert len(c.features) == len(antecedent.FEATURES)


def test_the_fit_learns_which_feature_marks_the_right_candidate():
    """Two candidates and "none of them": the right one is the one that agrees with the cue."""
    n = len(antecedent.FEATURES)
    agrees = antecedent.FEATURES.index("agrees")
    rng = np.random.default_rng(0)
    groups = []
    for _ in range(40):
        x = rng.random((2, n)) * 0.1
        x[:, -1] = 0
        right = int(rng.integers(2))
        x[right, agrees] = 1.0
        x = np.vstack([x, antecedent.nobody()])
        y = np.zeros(3)
        y[right] = 1
        groups.append((x, y, 1 - right))
    w = fit.fit(groups, steps=300)
    assert fit.right(groups, w) == 40
    assert fit.right(groups, None) == 0
    assert np.array_equal(w, fit.fit(groups, steps=300))  # deterministic


def test_the_fit_command_writes_weights(tmp_path, capsys):
    out = tmp_path / "w.json"
    assert fit.main(["--data", str(ROOT / "tests" / "gold" / "quotes-unit.jsonl"), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["features"] == list(antecedent.FEATURES)
    assert len(data["weights"]) == len(antecedent.FEATURES)
    assert "cross-validation" in capsys.readouterr().out
