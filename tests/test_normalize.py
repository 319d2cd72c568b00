"""The normalization layer: each rule, offsets back to raw, idempotence."""

from hypothesis import given
from hypothesis import strategies as st

from marsad.text.normalize import NormalizeOptions, normalize, normalize_text, options_from

ARABIC_ISH = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآٱةىئؤءـ،.؟!0123456789٠١٢٣٤٥٦٧٨٩۴۵٫٬٪")
        + ["\u064e", "\u064b", "\u0651", "\u0670", "\u200c", "\u200f", "\ufefb", "\ufdf2", "\ufe8d",
           "A", "Z", "q", "\n"]
    ),
    max_size=60,
)


def test_each_rule():
    assert normalize_text("أإآٱ") == "اااا"
    assert normalize_text("على") == "علي"
    assert normalize_text("مدرسة") == "مدرسه"
    assert normalize_text("مؤتمر رئيس") == "موتمر رييس"
    assert normalize_text("جمـــيل") == "جميل"
    assert normalize_text("مُحَمَّدٌ") == "محمد"
    assert normalize_text("ﻻ") == "لا"
    assert normalize_text("a\u200cb\u200fc") == "abc"
    assert normalize_text("٣٤٫٥ ۴۵ ١٢٬٠٠٠ ٪") == "34.5 45 12,000 %"
    assert normalize_text("UN") == "un"


def test_rules_can_be_switched_off():
    opts = NormalizeOptions(taa_marbuta=False, alef=False)
    assert normalize_text("أمة", opts) == "أمة"
    assert options_from(digits=False) == NormalizeOptions(digits=False)


def test_unknown_rule_is_refused():
    import pytest

    with pytest.raises(ValueError, match="unknown normalization rules: nope"):
        options_from(nope=True)


def test_offsets_point_back_to_raw():
    raw = "قالَ ﻻعبٌ"
    n = normalize(raw)
    assert n.text == "قال لاعب"
    i = n.text.index("لاعب")
    s, e = n.raw_span(i, i + 4)
    assert raw[s:e] == "ﻻعبٌ"


def test_identity_fast_path_has_no_map():
    n = normalize("قال الوزير")
    assert n.offsets is None and n.raw_span(0, 3) == (0, 3)


@given(ARABIC_ISH)
def test_normalizing_twice_is_normalizing_once(s):
    once = normalize_text(s)
    assert normalize_text(once) == once


@given(ARABIC_ISH)
def test_every_normalized_span_maps_inside_raw(s):
    n = normalize(s)
    for i in range(len(n.text) + 1):
        assert 0 <= n.to_raw(i) <= len(s)
    for i in range(len(n.text)):
        rs, re_ = n.raw_span(i, i + 1)
        assert 0 <= rs < re_ <= len(s)
        # the raw characters normalize to the normalized character (plus, for a ligature,
        # its sister letters)
        assert n.text[i] in normalize_text(s[rs:re_]) or normalize_text(s[rs:re_]) == ""


@given(ARABIC_ISH)
def test_offsets_are_monotonic(s):
    n = normalize(s)
    points = [n.to_raw(i) for i in range(len(n.text) + 1)]
    assert points == sorted(points)
