"""Document propagation of confidently tagged names (marsad.ner.propagate)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.ner.propagate import confident_names, fill, propagate

DOC = [
    ("قال", "الرئيس", "جورج", "بوش", "إن", "واشنطن", "مستعدة"),
    ("وأضاف", "بوش", "أن", "القوات", "ستبقى"),
    ("ورد", "وبوش", "على", "الأسئلة"),
]
TAGS = [
    ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"],
    ["O", "O", "O", "O", "O"],
    ["O", "O", "O", "O"],
]


def _probs(tags: list[list[str]], p: float = 0.99) -> list[list[float]]:
    return [[p] * len(t) for t in tags]


def test_a_repeated_name_is_tagged() -> None:
    doc = [DOC[0], ("التقى", "جورج", "بوش", "بالوفد")]
    tags = [TAGS[0], ["O", "O", "O", "O"]]
    out = propagate(doc, tags, _probs(tags))
    assert out[1] == ["O", "B-PERS", "I-PERS", "O"]
    assert out[0] == TAGS[0]


def test_a_part_of_a_name_is_not_a_name() -> None:
    # "بوش" alone was never tagged alone: the two-token name does not match one token
    out = propagate(DOC, TAGS, _probs(TAGS))
    assert out[1] == TAGS[1]


def test_proclitics_and_window() -> None:
    doc = [("بوش", "يتحدث"), ("وبوش", "يرد"), ("ثم", "بوش")]
    tags = [["B-PERS", "O"], ["O", "O"], ["O", "O"]]
    assert propagate(doc, tags, _probs(tags)) == [["B-PERS", "O"], ["B-PERS", "O"],
                                                   ["O", "B-PERS"]]
    # with a window of 1 the third sentence is too far
    assert propagate(doc, tags, _probs(tags), window=1)[2] == ["O", "O"]


def test_a_propagated_name_takes_the_confidence_of_its_source() -> None:
    from marsad.ner.propagate import propagate_scored

    doc = [("بوش", "يتحدث"), ("ثم", "بوش"), ("بوش", "هنا")]
    tags = [["B-PERS", "O"], ["O", "O"], ["B-PERS", "O"]]
    probs = [[0.7, 0.9], [0.8, 0.01], [0.95, 0.9]]
    out = propagate_scored(doc, tags, probs)
    assert out[1] == (["O", "B-PERS"], [0.8, 0.95])
    assert out[0] == (["B-PERS", "O"], [0.7, 0.9])
    assert propagate_scored(doc, tags, probs, window=1)[1][1] == [0.8, 0.95]
    assert propagate_scored(doc[:2], tags[:2], probs[:2])[1][1] == [0.8, 0.7]


def test_unconfident_or_short_names_do_not_spread() -> None:
    doc = [("بوش", "يتحدث"), ("ثم", "بوش")]
    tags = [["B-PERS", "O"], ["O", "O"]]
    assert propagate(doc, tags, _probs(tags, 0.3))[1] == ["O", "O"]
    assert confident_names(("ب",), ["B-LOC"], [1.0]) == []


def test_existing_entities_and_ambiguous_names_are_kept() -> None:
    doc = [("مصر", "تعلن"), ("مصر", "للطيران"), ("في", "مصر", "للطيران")]
    tags = [["B-LOC", "O"], ["B-ORG", "I-ORG"], ["O", "O", "O"]]
    out = propagate(doc, tags, _probs(tags))
    assert out[0] == ["B-LOC", "O"] and out[1] == ["B-ORG", "I-ORG"]
    # the longest match wins: مصر للطيران (ORG)
    assert out[2] == ["O", "B-ORG", "I-ORG"]
    # a match with two types is left alone
    assert fill(["O", "O"], [("B-LOC", "B-ORG"), ()]) == ["O", "O"]
    # a match that would cut an entity that goes on is left alone
    assert fill(["O", "I-ORG"], [("B-LOC",), ()]) == ["O", "I-ORG"]


names = st.sampled_from(["بوش", "واشنطن", "الأمم", "المتحدة", "في", "قال"])
tags_ = st.sampled_from(["O", "B-PERS", "I-PERS", "B-LOC"])


@given(st.lists(st.lists(st.tuples(names, tags_), min_size=1, max_size=6), max_size=6))
def test_propagation_only_adds(doc: list[list[tuple[str, str]]]) -> None:
    sentences = [tuple(w for w, _ in s) for s in doc]
    tags = [[t for _, t in s] for s in doc]
    out = propagate(sentences, tags, _probs(tags))
    for before, after in zip(tags, out, strict=True):
        assert len(before) == len(after)
        for b, a in zip(before, after, strict=True):
            assert b == "O" or a == b


def _reference(sentences, tags, probs, window):
    """Propagation spelled out: one gazetteer per sentence from the names in its window."""
    from marsad.ner.gazetteer import Gazetteer

    names = [confident_names(s, t, p) for s, t, p in zip(sentences, tags, probs, strict=True)]
    out = []
    for i, tokens in enumerate(sentences):
        gaz = Gazetteer()
        for j in range(max(0, i - window), min(len(sentences), i + window + 1)):
            for name, kind, _ in names[j]:
                gaz.add(name, kind)
        out.append(fill(tags[i], gaz.match(tokens)) if gaz.entries else list(tags[i]))
    return out


words = st.sampled_from(["بوش", "وبوش", "واشنطن", "الأمم", "المتحدة", "في", "قال", "مصر"])
tags2 = st.sampled_from(["O", "O", "B-PERS", "I-PERS", "B-LOC", "B-ORG", "I-ORG"])


@given(st.lists(st.lists(st.tuples(words, tags2), min_size=1, max_size=7), max_size=8),
       st.integers(0, 3))
def test_propagation_equals_the_reference(doc: list[list[tuple[str, str]]], window: int) -> None:
    sentences = [tuple(w for w, _ in s) for s in doc]
    tags = [[t for _, t in s] for s in doc]
    probs = _probs(tags)
    assert propagate(sentences, tags, probs, window=window) == _reference(
        sentences, tags, probs, window)
