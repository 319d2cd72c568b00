"""Tokens, sentences and clitics."""

from hypothesis import given
from hypothesis import strategies as st

from marsad.text.clitics import analyses, match_forms, strip_proclitics
from marsad.text.stem import stem
from marsad.text.tokenize import split_sentences, tokenize


def texts(t, pairs):
    return [t[s:e] for s, e in pairs]


def test_tokens_keep_numbers_whole_and_split_punctuation():
    t = "بلغت النسبة 3.5% و١٢٬٥٠٠ دينار، (تقريباً)."
    assert texts(t, tokenize(t)) == [
        "بلغت", "النسبة", "3.5", "%", "و", "١٢٬٥٠٠", "دينار", "،", "(", "تقريباً", ")", "."
    ]


def test_diacritics_and_tatweel_stay_inside_words():
    t = "مُحمّـد الـ 81"
    assert texts(t, tokenize(t)) == ["مُحمّـد", "الـ", "81"]


def test_sentences_split_on_arabic_and_latin_punctuation_and_lines():
    t = "قال الوزير: لا. هل انتهى؟ نعم! سطر\nسطر آخر"
    assert texts(t, split_sentences(t)) == ["قال الوزير: لا.", "هل انتهى؟", "نعم!", "سطر", "سطر آخر"]


def test_no_split_inside_numbers_or_after_abbreviations():
    t = "ارتفع بنسبة 3.5 بالمئة، حسب د. أحمد و U.S. officials. ثم انتهى."
    assert texts(t, split_sentences(t)) == [
        "ارتفع بنسبة 3.5 بالمئة، حسب د. أحمد و U.S. officials.",
        "ثم انتهى.",
    ]


def test_a_word_with_diacritics_before_a_period_is_no_abbreviation():
    t = "قال إنه تلبّس. ثم غادر المكان."
    assert texts(t, split_sentences(t)) == ["قال إنه تلبّس.", "ثم غادر المكان."]
    t = "حسب دُ. أحمد"
    assert len(split_sentences(t)) == 1


def test_a_period_typed_after_the_space_ends_a_sentence():
    t = "أكد أن الوضع صعب .وأضاف بودن أنه مستقر .و لفت إلى ذلك. أ .د"
    assert texts(t, split_sentences(t)) == [
        "أكد أن الوضع صعب .", "وأضاف بودن أنه مستقر .", "و لفت إلى ذلك.", "أ .د"]
    for t in ('وقال إن "عمار .ع" ثاني عنصر.', "بالملاعب .وأن الإتفاقية تنص على خصم."):
        assert len(split_sentences(t)) == 1  # an initial; a second أنّ clause
    for t in ("الترتيب:\n1- الترجي 40 ن\n2- النجم 38 ن", "وأكد أن الوضع صعب\nوأن الحكومة ستتدخل"):
        assert len(split_sentences(t)) == t.count("\n") + 1  # a line break always ends one
    t = "79،1 م د . ارتفاع الصادرات"
    assert texts(t, split_sentences(t)) == ["79،1 م د .", "ارتفاع الصادرات"]


def test_closing_quotes_stay_with_their_sentence():
    t = "قال: «انتهى الأمر.» ثم غادر."
    assert texts(t, split_sentences(t)) == ["قال: «انتهى الأمر.»", "ثم غادر."]


@given(st.text(alphabet=st.sampled_from(list("اب تث.؟!\n 12,،«»\u064e")), max_size=80))
def test_spans_are_inside_and_ordered(t):
    for pairs in (tokenize(t), split_sentences(t)):
        last = 0
        for s, e in pairs:
            assert last <= s < e <= len(t)
            last = e


def test_clitics_see_through_prefixes():
    assert "الموصل" in match_forms("بالموصل")
    assert "التحالف" in match_forms("وللتحالف")
    assert "تحالف" in match_forms("والتحالف")
    assert strip_proclitics("وبالتالي") == "تالي"
    assert match_forms("كانون")[0] == "كانون"  # least stripped first


def test_enclitics_only_on_request():
    assert "قوات" not in match_forms("قواتها")
    assert "قوات" in match_forms("قواتها", enclitics=True)
    assert any(a.enclitic == "ها" for a in analyses("قواتها"))


def test_stemmer_sees_through_clitics_and_spelling():
    assert stem("بالموصل") == stem("الموصل") == stem("والموصل")
    assert stem("أحمد") == stem("احمد")
    assert stem("المساهمات") == stem("مساهمة")
    assert stem("Paris") == "paris"
