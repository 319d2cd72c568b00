"""Attributions: cues, speakers, contents, continuations, sources, and their scorer."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.eval_quotes import (
    QuoteGoldError,
    evaluate,
    load_quotes_gold,
    resolved,
    text_hash,
)
from marsad.extract.quotes import quote_pairs
from marsad.model import Attribution, Doc
from marsad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NEWS = SHARED / "news" / "ant"
SEED = SHARED.parent / "seed" / "coalition-article.txt"

PIPE = Pipeline(["tokenize", "dates", "numbers", "entities", "quotes"])


def attributions(text: str) -> tuple[Doc, list[Attribution]]:
    doc = PIPE.analyze(text)
    return doc, list(doc.group("attributions"))  # type: ignore[arg-type]


def reads(text: str) -> list[tuple[str | None, ...]]:
    """(cue, speaker, content) of each attribution found in ``text``."""
    doc, atts = attributions(text)
    return [show(doc, a) for a in atts]


def speakers(text: str) -> list[str | None]:
    """The resolved speaker of each attribution found in ``text``."""
    doc, atts = attributions(text)
    return [show(doc, a)[1] for a in atts]


def show(doc: Doc, a: Attribution | None) -> tuple[str | None, ...]:
    t = doc.text
    if a is None:
        return (None,)
    spans = doc.group("attributions")
    n = spans.index(a)
    speaker = resolved(spans, n)  # type: ignore[arg-type]
    return (a.cue.text(t), speaker.text(t) if speaker else None,
            a.content.text(t) if a.content else None)


def test_reported_speech_with_a_speaker_and_a_content():
    doc, [a] = attributions("قال وزير الخارجية التركي إن بلاده لن تسحب قواتها من شمال سوريا.")
    assert show(doc, a) == ("قال", "وزير الخارجية التركي", "بلاده لن تسحب قواتها من شمال سوريا")
    assert a.direct is False and a.kind == "verb"
    assert a.speaker_kb_id == "Q43"  # the minister is not named: linked to Turkey


def test_cue_forms_with_clitics_and_tenses():
    text = ("ويشير الباحثان إلى أن التنظيم ما زال خطيرا. ويرى كاتبا المقال أن التحالف ضعيف. "
            "يقول الكاتبان إن الانسحاب كان متسرعا.")
    doc, atts = attributions(text)
    assert [show(doc, a)[:2] for a in atts] == [
        ("ويشير", "الباحثان"), ("ويرى", "كاتبا المقال"), ("يقول", "الكاتبان")]


def test_direct_quotes_in_every_style_and_a_speaker_after_the_quote():
    for text, content in (("وقالت الوزيرة: «لن نتراجع عن القرار».", "لن نتراجع عن القرار"),
                          ('قال المدير "المؤسسة ستفتح أبوابها غدا".', "المؤسسة ستفتح أبوابها غدا"),
                          ("وأوضح رئيس البلدية “الأشغال ستنتهي في جوان”.", "الأشغال ستنتهي في جوان"),
                          ("«الوضع تحت السيطرة»، قال المتحدث باسم الشرطة.", "الوضع تحت السيطرة")):
        doc, [a] = attributions(text)
        assert a.direct is True and a.content is not None
        assert a.content.text(text) == content


def test_a_quotation_runs_across_sentences():
    text = 'وأضاف قائلا "نتوقع تنظيم أكثر من رحلة. هذا سيكون مثيرا للغاية." ثم غادر.'
    doc, [a] = attributions(text)
    assert a.direct and a.content.text(text) == "نتوقع تنظيم أكثر من رحلة. هذا سيكون مثيرا للغاية."


def test_continuations_carry_the_last_explicit_speaker():
    text = ("وأكد الوزير أن الأسعار ستنخفض. وتابع أن الحكومة ستراقب الأسواق. "
            "وختم بالقول إن الوضع سيتحسن، مضيفا أن الدعم متواصل.")
    doc, atts = attributions(text)
    assert [show(doc, a) for a in atts] == [
        ("وأكد", "الوزير", "الأسعار ستنخفض"),
        ("وتابع", "الوزير", "الحكومة ستراقب الأسواق"),
        ("وختم", "الوزير", "الوضع سيتحسن"),
        ("مضيفا", "الوزير", "الدعم متواصل"),
    ]
    assert atts[0].speaker is not None and atts[0].continues is None
    assert all(a.speaker is None and a.continues == 0 and a.kind == "continuation"
               for a in atts[1:])


def test_source_phrases_before_and_after_their_content():
    for text, cue, speaker, content in (
        ("وحسب كاتبي المقال، بلغت المساهمات 400 مليون دولار.", "وحسب", "كاتبي المقال",
         "بلغت المساهمات 400 مليون دولار"),
        ("وفي رأي كاتبي المقال، تتطلب المصداقية استقرارا.", "وفي رأي", "كاتبي المقال",
         "تتطلب المصداقية استقرارا"),
        ("تم إيقاف ثلاثة أشخاص في سوسة، وفق ما أفاد به مصدر أمني.", "وفق ما أفاد به",
         "مصدر أمني", "تم إيقاف ثلاثة أشخاص في سوسة"),
        ("ارتفعت الأسعار وفقا لمعطيات المعهد الوطني للإحصاء.", "وفقا ل",
         "معطيات المعهد الوطني للإحصاء", "ارتفعت الأسعار"),
        ("نقلا عن مصادر دبلوماسية، فإن القمة تأجلت.", "نقلا عن", "مصادر دبلوماسية",
         "القمة تأجلت"),
    ):
        doc, [a] = attributions(text)
        got = show(doc, a)
        assert got[0].startswith(cue.split()[0]) and got[1:] == (speaker, content), text
        assert a.kind == "source"


def test_pronoun_sources_point_back_and_fold_into_their_sentence():
    text = "وأكد الوزير أن الإصلاحات ضرورية. الحكومة لن تتراجع، على حد تعبيره."
    doc, atts = attributions(text)
    assert show(doc, atts[1]) == ("على حد تعبيره", "الوزير", "الحكومة لن تتراجع")
    assert atts[1].continues == 0
    # وفق تعبيرها closes the content of the attribution of its own sentence: nothing added
    doc, atts = attributions("وأشارت النائبة إلى أن القانون يحتاج إلى تعديل وفق تعبيرها.")
    assert [show(doc, a) for a in atts] == [
        ("وأشارت", "النائبة", "القانون يحتاج إلى تعديل")]


def test_anonymous_sources():
    for text in ("وأفادت مصادر مطلعة بأن المفاوضات توقفت.",
                 "وقال مسؤول رفض الكشف عن اسمه إن الهجوم كان متوقعا."):
        doc, [a] = attributions(text)
        assert a.anonymous, text
    doc, [a] = attributions("وقال مسؤول رفض الكشف عن اسمه إن الهجوم كان متوقعا.")
    assert show(doc, a)[1] == "مسؤول رفض الكشف عن اسمه"
    doc, [a] = attributions("وقال وزير الداخلية إن الهجوم كان متوقعا.")
    assert not a.anonymous


def test_no_attribution_without_speech():
    for text in ("يعتبر المهرجان موعدا ثقافيا هاما في الجهة.",
                 "وصل الوفد عبر مطار قرطاج وفق البرنامج المعد.",
                 "تم تنظيم الامتحانات حسب الولايات.",
                 "ولم يشر الوزير إلى موعد تطبيق القرار.",
                 "يذكر أن الاجتماع انعقد في العاصمة.",
                 'شارك في المهرجان فيلم "الطريق إلى الحرية" للمخرج التونسي.',
                 # impersonal guesses, prepositions and nouns spelled like cues
                 "ويرجح أن السائق فقد السيطرة على الشاحنة.",
                 "ومن بين الحاضرين وفد من البرلمان الأوروبي.",
                 "ويتم تسجيل المترشحين عبر موقع الوزارة على الانترنت.",
                 "وتم تسجيل طالب الرخصة بالقائمة.",
                 "ويعرف الملف تطورات كثيرة من أبرزها تغيير القاضي."):
        assert attributions(text)[1] == [], text


def test_speaker_noun_phrases_keep_titles_bodies_and_appositions():
    for text, speaker, content in (
        # a name after a title and a comma, closed by an adjunct, not by a second comma
        ("قال رئيس حزب الأمل، كريم السالمي في تعليقه على القرار إن الحزب سيطعن فيه.",
         "رئيس حزب الأمل، كريم السالمي", "الحزب سيطعن فيه"),
        # a name between commas the tagger cut short (أسامة | الخريجي), before the object
        ("نفى المدير العام للمعهد الوطني للزراعات الكبرى، أسامة الخريجي، أي تأثير سلبي على "
         "صابة الحبوب.", "المدير العام للمعهد الوطني للزراعات الكبرى، أسامة الخريجي",
         "أي تأثير سلبي على صابة الحبوب"),
        # a title after the name between commas; a body after a title (بمجلس)
        ("قال سامي الهادفي، الرئيس المدير العام للشركة الجهوية للنقل بقابس، إن الأسطول تجدد.",
         "سامي الهادفي، الرئيس المدير العام للشركة الجهوية للنقل بقابس", "الأسطول تجدد"),
        ("وأكد النائب بمجلس الشعب أن الميزانية لا تستجيب لمطالب الجهات.",
         "النائب بمجلس الشعب", "الميزانية لا تستجيب لمطالب الجهات"),
        # an affiliation between commas, then the name, then the object after an adjunct
        ("نفى النائب بمجلس الشعب، عن حزب النور، منير العبيدي في مداخلة له اليوم في برنامج "
         "\"ملفات\" وجود أي اتفاق مع الحكومة.",
         "النائب بمجلس الشعب، عن حزب النور، منير العبيدي", "وجود أي اتفاق مع الحكومة"),
        # the speaker between commas right after the cue
        ("وأوضح، سامي الهادفي، المدير الجهوي للتجارة، أن الأسعار ستستقر.",
         "سامي الهادفي، المدير الجهوي للتجارة", "الأسعار ستستقر"),
        # a place's name after a place noun; "in charge of" keeps its ب-phrase
        ("وقال مسؤول الهلال الأحمر بمنطقة بنقردان إن المخيم امتلأ.",
         "مسؤول الهلال الأحمر بمنطقة بنقردان", "المخيم امتلأ"),
        ("قال كاتب الدولة المكلف بالرياضة إن الملاعب ستفتح.",
         "كاتب الدولة المكلف بالرياضة", "الملاعب ستفتح"),
        # a time adjunct between the speaker and a definite object
        ("وانتقد الأمين العام للنقابة يوم الأحد الحكومة بشدة.",
         "الأمين العام للنقابة", "الحكومة بشدة"),
        # a feminine noun is not followed by a masculine adjective: the object starts
        ("وبررت البلدية القرار بنقص الموارد المالية.", "البلدية", "القرار بنقص الموارد المالية"),
    ):
        doc, atts = attributions(text)
        assert [show(doc, a)[1:] for a in atts][:1] == [(speaker, content)], text


def test_a_name_said_as_a_speakers_names_him_again():
    text = "قال المحامي عادل الزغلامي إن القضية سياسية. واعتبر الزغلامي الحكم قاسيا وغير مبرر."
    doc, atts = attributions(text)
    assert show(doc, atts[1]) == ("واعتبر", "الزغلامي", "الحكم قاسيا وغير مبرر")
    doc, atts = attributions("قال الوزير منير الصالحي إن المشروع انطلق. وينتظر أن ينتهي "
                             "المشروع في الصيف، وفق الصالحي.")
    assert show(doc, atts[1])[1] == "الصالحي" and atts[1].kind == "source"


def test_sources_relayed_issued_and_chained():
    for text, got in (
        ("وبحسب ما نقله المراسل عن العمال فإن أجورهم لم تصرف منذ ثلاثة أشهر.",
         [("العمال", "أجورهم لم تصرف منذ ثلاثة أشهر")]),
        ("وحسب بلاغ صدر اليوم الخميس عن وزارة الفلاحة، فإن موسم الجني سينطلق قريبا.",
         [("بلاغ صدر اليوم الخميس عن وزارة الفلاحة", "موسم الجني سينطلق قريبا")]),
        ("وقد غرق المركب قرب الشاطئ، وفق ما أورده موقع \"الخبر\" نقلا عن صحيفة \"الوطن\".",
         [("موقع \"الخبر\"", "وقد غرق المركب قرب الشاطئ"),
          ("صحيفة \"الوطن\"", "وقد غرق المركب قرب الشاطئ")]),
        # a source at the end whose speaker is followed by an adjunct: the sentence before it
        ("وقع الحادث فجر اليوم، حسب ما أفاد به المدير الجهوي للصحة، سامي الهادفي، خلال "
         "ندوة صحفية.", [("المدير الجهوي للصحة، سامي الهادفي", "وقع الحادث فجر اليوم")]),
    ):
        doc, atts = attributions(text)
        assert [show(doc, a)[1:] for a in atts] == got, text


def test_contents_end_before_asides_and_new_speakers():
    doc, atts = attributions("وقال المدير إن العمل سيتواصل، يشار إلى أن المصنع فتح سنة 2010.")
    assert [show(doc, a)[2] for a in atts] == ["العمل سيتواصل"]
    doc, atts = attributions("وأكدت الصحيفة أن اللاعب مصاب، لكن الأطباء أكدوا أنه سيعود قريبا.")
    assert [show(doc, a)[1:] for a in atts] == [("الصحيفة", "اللاعب مصاب"),
                                                 ("الأطباء", "سيعود قريبا")]


def test_a_relative_clause_about_the_speaker_is_an_aside():
    # the verb before the clause reads past it; the clause's own verb speaks for its noun
    doc, atts = attributions("وقال الوزير، الذي كان يتحدث في مؤتمر صحفي، إن الوضع مستقر.")
    assert [show(doc, a) for a in atts] == [("وقال", "الوزير", "الوضع مستقر")]
    doc, atts = attributions("وقال وزير الداخلية، الذي كان قد أكد في وقت سابق أنه تم اكتشاف "
                             "خلية إرهابية، إن الوضع مستقر.")
    assert [show(doc, a) for a in atts] == [
        ("وقال", "وزير الداخلية", "الوضع مستقر"),
        ("أكد", "وزير الداخلية", "تم اكتشاف خلية إرهابية")]
    doc, atts = attributions("وقالت الوزيرة، التي قالت أمس إن الوضع صعب، إن الحكومة ستتدخل.")
    assert [show(doc, a) for a in atts] == [("وقالت", "الوزيرة", "الحكومة ستتدخل"),
                                            ("قالت", "الوزيرة", "الوضع صعب")]
    # not an aside: no complementizer after its comma; a relative about an object (no one who
    # speaks) says what the speaker before said of it
    doc, atts = attributions("وأضاف الوزير أن التعاون الثنائي، الذي قال إنه لم يرتق بعد إلى "
                             "مستوى التطلعات، يحتاج إلى دفع.")
    assert [show(doc, a)[:2] for a in atts] == [("وأضاف", "الوزير"), ("قال", "الوزير")]


def test_a_relative_about_a_thing_says_what_the_speaker_before_said_of_it():
    # the speaker phrase before the relative pronoun is another noun phrase's: not the speaker
    assert reads("وقال الوزير إن الحكومة ستدعم هذا الموعد الهام الذي قال إنه يمثل فرصة "
                 "حقيقية.") == [
        ("وقال", "الوزير", "الحكومة ستدعم هذا الموعد الهام الذي قال إنه يمثل فرصة حقيقية"),
        ("قال", "الوزير", "يمثل فرصة حقيقية")]
    assert reads("وأفاد جمعة، بأنه أودع مطلبا للحصول على تأشيرة لحزبه الجديد، الذي قال إنه "
                 "سيكون وسطيا.")[1] == ("قال", "جمعة", "سيكون وسطيا")
    # with no complementizer after the verb the relative clause is left alone; with no one
    # who spoke before, nobody speaks
    assert reads("وقال الوزير إن الإضراب الذي دعت له النقابة غير قانوني.") == [
        ("وقال", "الوزير", "الإضراب الذي دعت له النقابة غير قانوني")]
    assert reads("وحضر الوزير حفل الموعد الهام الذي قال إنه يمثل فرصة.") == []


def test_what_the_object_is_held_to_be_after_a_pronoun():
    assert reads("انتقد حسين الديماسي، الخبير الاقتصادي ما اعتبره اختيارات سيئة.") == [
        ("انتقد", "حسين الديماسي، الخبير الاقتصادي", "ما اعتبره اختيارات سيئة"),
        ("اعتبره", "حسين الديماسي، الخبير الاقتصادي", "اختيارات سيئة")]
    assert reads("وعبرت الجبهة الشعبية عن إدانتها لهذا العدوان الذي اعتبرته \"حلقة أخرى من "
                 "حلقات الإرهاب\".")[1] == ("اعتبرته", "الجبهة الشعبية",
                                              "حلقة أخرى من حلقات الإرهاب")
    # its subject after it, up to the indefinite word it is held to be; a ب apart before a mark
    assert reads("بشأن كتلة الأجور التي اعتبرها الصندوق مرتفعة.") == [
        ("اعتبرها", "الصندوق", "مرتفعة")]
    assert reads("وعبرت الجمعية عن استنكارها لما اعتبرته ب\"حملة الضغوطات\". ")[1] == (
        "اعتبرته", "الجمعية", "حملة الضغوطات")
    # "they" with no one plural to go on: none (not the reporter named before)
    assert reads("وأقدم عدد من المحتجين على غلق الطريق، وفق ما أكده مراسلنا. ويأتي هذا التحرك "
                 "على خلفية ما اعتبروه مماطلة السلط.")[1:] == []


def test_a_fronted_speaker_keeps_the_titles_and_names_apposed_before_it():
    doc, [a] = attributions("يذكر أن إيناس بن عثمان، زوجة النقابي الأمني، وليد زروق، صرحت خلال "
                            "ندوة صحفية، أن زوجها بريء.")
    assert show(doc, a)[1] == "إيناس بن عثمان، زوجة النقابي الأمني، وليد زروق"
    doc, [a] = attributions("وكان رئيس البرلمان، محمد الناصر، دعا إلى الانعقاد يوم الاثنين.")
    assert show(doc, a)[1] == "رئيس البرلمان، محمد الناصر"
    doc, [a] = attributions("وفي سياق متصل، الوزير قال إن الوضع مستقر.")
    assert show(doc, a)[1] == "الوزير"


def test_a_participle_or_verb_after_a_comma_takes_the_clause_subject():
    doc, [a] = attributions("وأغلق المحتجون الطريق الرئيسية، مطالبين بتشغيل أبناء الجهة.")
    assert show(doc, a) == ("مطالبين", "المحتجون", "بتشغيل أبناء الجهة")
    doc, [a] = attributions("قدّم الوزير اعتذاره عن تصريح أمس، وقال فيه إن الموظفين ليسوا "
                            "مقصرين.")
    assert show(doc, a)[1] == "الوزير"


def test_cues_inside_a_quotation_are_quoted_speech():
    text = 'وقال الوزير: «الناس يقولون إن الأسعار مرتفعة، وأنا أقول إنها ستنخفض».'
    doc, atts = attributions(text)
    assert len(atts) == 1 and atts[0].direct


def test_quote_pairs_by_position():
    text = 'قال "نعم" ثم قال «لا» و“ربما”'
    pairs = quote_pairs(text)
    assert [(text[o], text[c]) for o, c in sorted(pairs.items())] == [
        ('"', '"'), ("«", "»"), ("“", "”")]


def test_quote_pairs_with_a_double_prime_or_a_space_before_the_closing_mark():
    text = 'بينها صحيفة “هآرتس″، إن القرار اتخذ. وقالت "لو كانوا يملكون الشرف لاستقالوا ". ثم "نعم"'
    pairs = quote_pairs(text)
    assert [text[o + 1:c] for o, c in sorted(pairs.items())] == [
        "هآرتس", "لو كانوا يملكون الشرف لاستقالوا ", "نعم"]


def test_a_quotation_with_spaces_inside_its_marks_is_trimmed():
    doc, atts = attributions('وقال تشارلز جنكينز " الطالبة كانت لديها أسلحة نارية ".')
    assert show(doc, atts[0]) == ("وقال", "تشارلز جنكينز", "الطالبة كانت لديها أسلحة نارية")
    assert atts[0].direct


def test_a_saying_participle_inside_a_content_starts_a_statement_of_its_own():
    doc, atts = attributions("وشدد الوزير على ضرورة العمل، قائلا إن الوضع صعب.")
    assert [show(doc, a) for a in atts] == [
        ("وشدد", "الوزير", "ضرورة العمل"), ("قائلا", "الوزير", "الوضع صعب")]
    doc, atts = attributions('وطالبت زعيمة الحزب بإستقالة الوزير متوجهة بخطاب لحكومة فالس قائلة '
                             '"لو كانوا يملكون قليلا من الشرف لاستقالوا".')
    assert [show(doc, a)[2] for a in atts] == [
        "بإستقالة الوزير متوجهة بخطاب لحكومة فالس", "لو كانوا يملكون قليلا من الشرف لاستقالوا"]
    doc, atts = attributions("وأضاف الوزير قائلا إن الوضع صعب.")  # its own content opener
    assert [show(doc, a) for a in atts] == [("وأضاف", "الوزير", "الوضع صعب")]


def test_a_verb_after_kama_that_closes_the_sentence_is_its_source():
    doc, atts = attributions("وأحيل الشاب إلى قاض أمر بسجنه، كما ذكرت النيابة الاتحادية.")
    assert [show(doc, a) for a in atts] == [
        ("كما ذكرت", "النيابة الاتحادية", "وأحيل الشاب إلى قاض أمر بسجنه")]
    assert attributions("وقد فاز الفريق، كما قال المدرب، بفضل جهود اللاعبين.")[1] == []


def test_a_promise_is_a_statement_the_noun_is_not():
    doc, atts = attributions("ووعد الوزير بجبر أضرار الفلاحين.")
    assert [show(doc, a) for a in atts] == [("ووعد", "الوزير", "بجبر أضرار الفلاحين")]
    doc, atts = attributions("وأكد أن رئيس الحكومة وعد بإرجاع الأطفال كما وعد بإعادة فتح السفارة.")
    assert [show(doc, a)[2] for a in atts][1:] == ["بإرجاع الأطفال", "بإعادة فتح السفارة"]
    for text in ("واختار أسماء مختلفة في إطار وعده برأب الصدع.",
                 "وقد قدّمت إدارة النادي وعدا بمتابعة موضوع الإضراب."):
        assert attributions(text)[1] == []


def test_abr_after_a_comma_is_via_unless_an_an_follows():
    doc, atts = attributions("ولفت الوزير أنه تم حل الإشكال ،عبر تكليف الدواوين بتوزيعها عوضا عن "
                             "المطاحن ووعد بجبر أضرار الفلاحين.")
    assert [show(doc, a) for a in atts] == [
        ("ولفت", "الوزير", "تم حل الإشكال ،عبر تكليف الدواوين بتوزيعها عوضا عن المطاحن"),
        ("ووعد", "الوزير", "بجبر أضرار الفلاحين")]
    doc, atts = attributions("من جهته، عبر الحزب الدستوري الحر، عن تعاطفه مع المساجين.")
    assert [show(doc, a) for a in atts] == [("عبر", "الحزب الدستوري الحر", "تعاطفه مع المساجين")]


def test_tabaa_with_a_quotation_right_after_it_goes_on():
    doc, atts = attributions('وقال الديماسي إن المشاريع دون أهداف. وتابع " ما زلنا نعتمد على '
                             'نزوات شعبوية واختيارات رديئة"، وفق تعبيره.')
    assert [show(doc, a) for a in atts] == [
        ("وقال", "الديماسي", "المشاريع دون أهداف"),
        ("وتابع", "الديماسي", "ما زلنا نعتمد على نزوات شعبوية واختيارات رديئة")]
    assert attributions('وتابع الحضور "العرض المسرحي" باهتمام.')[1] == []


def test_a_threat_is_a_statement_waving_a_knife_is_not():
    doc, atts = attributions("وطالب المحتجون بالتشغيل ملوحين بالدخول في إضراب لثلاثة أيام.")
    assert [show(doc, a) for a in atts] == [
        ("وطالب", "المحتجون", "بالتشغيل"), ("ملوحين", "المحتجون", "بالدخول في إضراب لثلاثة أيام")]
    doc, atts = attributions("ووفق المعطيات الأولية، اقترب الرجل من الدورية ملوّحاً بسكّين.")
    assert [show(doc, a) for a in atts] == [
        ("ووفق", "المعطيات الأولية", "اقترب الرجل من الدورية ملوّحاً بسكّين")]
    doc, atts = attributions('وقال صاحب لوحة "غرافيتي" إن الإعداد استغرق 3 أسابيع.')
    assert [show(doc, a)[:2] for a in atts] == [("وقال", 'صاحب لوحة "غرافيتي"')]


def test_a_time_between_commas_after_a_source_verb_is_read_past():
    doc, atts = attributions("وتمكنت الفرقة من حجز البضاعة، وفق ما أكده، اليوم السبت، مصدر أمني "
                             "بالجهة. وأوضح ذات المصدر أن المشتبه به أصيل المدينة.")
    assert [show(doc, a)[1:] for a in atts] == [
        ("مصدر أمني بالجهة", "وتمكنت الفرقة من حجز البضاعة"),
        ("مصدر أمني بالجهة", "المشتبه به أصيل المدينة")]


def test_an_object_after_an_apposed_name_is_no_second_name():
    doc, atts = attributions("نفى المدير العام للمعهد الوطني للزراعات الكبرى، أسامة الخريجي، "
                             "وجود تأثير سلبي على صابة الحبوب.")
    assert [show(doc, a) for a in atts] == [
        ("نفى", "المدير العام للمعهد الوطني للزراعات الكبرى، أسامة الخريجي",
         "وجود تأثير سلبي على صابة الحبوب")]


def test_abr_after_a_quoted_medium_is_via():
    doc, atts = attributions('وأكد الوزير في تصريح لـ "الجوهرة اف أم" عبر برنامج "صباح الورد"، أن '
                             'الأمطار الأخيرة لم تكن استثنائية.')
    assert [show(doc, a) for a in atts] == [
        ("وأكد", "الوزير", "الأمطار الأخيرة لم تكن استثنائية")]


def test_what_others_say_inside_a_content_stays_in_it():
    doc, atts = attributions('وقالت الناشطة إنها سمعت صوت الطفل وهو يصرخ قائلا " لا أريد الاستحمام".')
    assert show(doc, atts[0])[2] == 'سمعت صوت الطفل وهو يصرخ قائلا " لا أريد الاستحمام"'
    doc, atts = attributions('واتهم المتحدث "مجموعات المعارضة" التي يحظى بعضها كما قال ب"دعم من '
                             'تركيا" بالوقوف وراء الانتهاكات.')
    assert show(doc, atts[0])[2].endswith("بالوقوف وراء الانتهاكات")
    doc, atts = attributions("وأكد النائب أن الوضع صعب، مذكرا بأن الهيئة قد تتجه، كما لوحت بذلك، "
                             "إلى مزيد من التصعيد.")
    assert [show(doc, a)[0] for a in atts] == ["وأكد", "مذكرا"]
    assert show(doc, atts[1])[2].endswith("إلى مزيد من التصعيد")
    doc, atts = attributions("وقال النائب إن الوزارة اعترفت بأنها اقترفت خطأ، ووعدت بارجاع المنح.")
    assert show(doc, atts[0])[2] == "الوزارة اعترفت بأنها اقترفت خطأ، ووعدت بارجاع المنح"


def test_qailan_with_an_unclosed_quotation_says_what_follows():
    doc, atts = attributions('وتساءل المرايحي عن المغزى من ذلك، قائلا "لا وجود لانتخابات سياسية.')
    assert [show(doc, a) for a in atts] == [
        ("وتساءل", "المرايحي", "المغزى من ذلك"), ("قائلا", "المرايحي", "لا وجود لانتخابات سياسية")]


def test_a_mark_with_a_space_before_it_closes_only_a_near_opener():
    far = "كلمة " * 90
    text = f'قال " {far}. ثم انتهى ". وقال "نعم ".'
    pairs = quote_pairs(text)
    assert [text[o + 1:c].strip() for o, c in sorted(pairs.items())] == ["نعم"]


def test_ba_before_a_noun_in_waw_is_no_name():
    doc, atts = attributions("ودعا الحزب إلى اتخاذ اجراءات كفيلة، مطالبا بوضع خطة عاجلة ضد الفساد.")
    assert [show(doc, a) for a in atts] == [
        ("ودعا", "الحزب", "اتخاذ اجراءات كفيلة"), ("مطالبا", "الحزب", "بوضع خطة عاجلة ضد الفساد")]


def test_a_participle_takes_its_object_past_a_discourse_link():
    doc, atts = attributions("وأكد الوزير دعمه، مؤكدا في السياق ذاته ضرورة معاقبة الحكومة. وشدد "
                             "الوزير على الحوار، مبرزا في هذا الإطار أهمية التشاور.")
    assert [show(doc, a)[2] for a in atts] == [
        "دعمه", "ضرورة معاقبة الحكومة", "الحوار", "أهمية التشاور"]


def test_a_text_stipulates_past_the_law_it_belongs_to():
    doc, atts = attributions("وينص الفصل 12 من مشروع القانون على إحداث صندوق لدعم المؤسسات الصغرى.")
    assert [show(doc, a) for a in atts] == [
        ("وينص", "الفصل 12", "إحداث صندوق لدعم المؤسسات الصغرى")]


def test_fixes_from_the_second_review():
    doc, atts = attributions("وتعهد المسؤول بتوفير القبعات الواقية كما أكد أن الأشغال تسير على قدم وساق.")
    assert [show(doc, a)[2] for a in atts] == ["بتوفير القبعات الواقية", "الأشغال تسير على قدم وساق"]
    doc, atts = attributions("وطالب الحزب بالإصلاح، داعيا في السياق نفسه سلطة الإشراف إلى تطبيق "
                             "الاتفاقيات.")
    assert show(doc, atts[1]) == ("داعيا", "الحزب", "تطبيق الاتفاقيات")
    doc, atts = attributions("وأشار الوزير إلى تحسن المؤشرات، مؤكدا في السياق الحالي ضرورة التهدئة.")
    assert [show(doc, a)[0] for a in atts] == ["وأشار"]
    doc, atts = attributions("وأكد الوزير أن القرار خاطئ. ورد عليه قائلا بصوت مرتفع.")
    assert [show(doc, a)[0] for a in atts] == ["وأكد"]
    far = "كلمة " * 90
    text = f'قال " {far}". وأضاف الوزير أن الوضع صعب ". وقال الوزير إن الأمر انتهى.'
    assert quote_pairs(text) == {}


def test_a_plural_after_a_singular_mans_title_is_the_addressee():
    for text, cue in (("ودعا الوزير المحتجين إلى عقد جلسة عمل.", "ودعا"),
                      ("ووعد الوزير المحتجين بعقد جلسة عمل.", "ووعد")):
        doc, atts = attributions(text)
        assert [show(doc, a)[:2] for a in atts] == [(cue, "الوزير")]


def test_a_content_stops_at_a_period_typed_after_the_space():
    doc, atts = attributions("وقالوا إن من واجب الدولة الاعتراف بالثورة .و لفت الوزير، أنه تم حل الإشكال.")
    assert show(doc, atts[0])[2] == "من واجب الدولة الاعتراف بالثورة"


def test_json_shape_of_attributions():
    doc, _ = attributions("وقال الوزير إن الوضع مستقر. وأضاف أن الأمن مستتب.")
    items = doc.to_dict()["spans"]["attributions"]
    assert items[0]["cue"]["text"] == "وقال" and items[0]["speaker"]["text"] == "الوزير"
    assert items[0]["content"]["text"] == "الوضع مستقر" and items[0]["direct"] is False
    assert items[1]["speaker"] is None and items[1]["continues"] == 0
    assert Doc.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))) == doc


WORDS = ["قال", "وأضاف", "الوزير", "إن", "أن", "«", "»", '"', "،", ".", "حسب", "وفق", "تعبيره",
         "مصدر", "أمني", "الوضع", "مستقر", "مضيفا", "\n", "على", "حد", "قوله", ":"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_attributions_are_well_formed_on_any_text(words):
    text = " ".join(words) or "نص"
    doc, atts = attributions(text)
    for n, a in enumerate(atts):
        assert 0 <= a.start <= a.end <= len(text)
        for part in (a.cue, a.speaker, a.content):
            if part is not None:
                assert a.start <= part.start <= part.end <= a.end
        assert a.speaker is not None or a.continues is None or 0 <= a.continues < len(atts)
        assert a.continues != n


# --- the scorer and its gold ------------------------------------------------------------------


def test_unit_gold_scores_perfectly_at_overlap_and_highly_at_exact():
    scores = evaluate(load_quotes_gold(GOLD / "quotes-unit.jsonl")).scores()
    assert scores["overlap"]["all"]["f1"] == 1.0
    assert scores["exact"]["all"]["f1"] >= 0.95


def test_gold_errors_name_the_line_and_the_reason(tmp_path):
    bad = tmp_path / "g.jsonl"
    bad.write_text('{"id": "x", "text": "قال الوزير إن", "attributions": '
                   '[{"cue": "قال", "content": "غائب"}]}\n', encoding="utf-8")
    with pytest.raises(QuoteGoldError, match=r"g.jsonl:1 .*content 'غائب' is not in the text"):
        load_quotes_gold(bad)
    bad.write_text("not json\n", encoding="utf-8")
    with pytest.raises(QuoteGoldError, match="g.jsonl:1.*not JSON"):
        load_quotes_gold(bad)


def test_corpus_records_detect_a_changed_article(tmp_path):
    doc = tmp_path / "news" / "politic"
    doc.mkdir(parents=True)
    text = "قال الوزير إن الوضع مستقر."
    (doc / "a.txt").write_text(f"<DOC>\n<DOCNO>D1</DOCNO>\n<TEXT>\n{text}\n</TEXT>\n</DOC>\n",
                               encoding="utf-8")
    record = {"doc": "D1", "file": "politic/a.txt", "sha": text_hash(text, 12),
              "attributions": [{"cue": [0, 3, text_hash("قال")], "speaker": [4, 10, text_hash(
                  "الوزير")], "content": [14, 25, text_hash(text[14:25])], "direct": False}]}
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [g] = load_quotes_gold(gold, tmp_path / "news")
    assert evaluate([g]).scores()["exact"]["all"]["f1"] == 1.0
    record["sha"] = "000000000000"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(QuoteGoldError, match="D1 has changed"):
        load_quotes_gold(gold, tmp_path / "news")


def test_eval_quotes_command_prints_json(capsys):
    from marsad.cli import main

    assert main(["eval", "quotes", "--data", str(GOLD / "quotes-unit.jsonl"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"gold", "predicted", "exact", "overlap"}
    assert set(out["overlap"]) == {"cue", "speaker", "content", "all"}


# --- real articles ----------------------------------------------------------------------------

needs_shared = pytest.mark.skipif(not NEWS.exists(), reason="../shared/data/news/ant is absent")


# --- batch 7 families: agreement, speaker boundaries, objects, closing sources --------------


def test_a_speakerless_verb_carries_the_last_speaker_that_agrees_with_it():
    text = ("أوضحت وزارة الصحة أن الحملة ستتواصل، وفق بلاغ صادر اليوم. "
            "وذكرت أن عدد الملقحين تجاوز ألف شخص.")
    doc, atts = attributions(text)
    assert show(doc, atts[-1]) == ("وذكرت", "وزارة الصحة", "عدد الملقحين تجاوز ألف شخص")


def test_a_verb_joined_inside_content_takes_the_contents_subject_when_it_agrees():
    doc, atts = attributions("وأوضح المحامي أن السلطات الفرنسية اتصلت بالقاضي وأكدت له أنها "
                             "لا تتعامل إلا مع الجهات الرسمية.")
    assert [show(doc, a)[:2] for a in atts] == [("وأوضح", "المحامي"),
                                                 ("وأكدت", "السلطات الفرنسية")]


def test_a_relative_verb_that_disagrees_with_its_pronoun_is_the_reporters():
    doc, atts = attributions("وأكد الوزير أن الهيئة التي قال إنها تجاوزت صلاحياتها ستحاسب.")
    assert show(doc, atts[-1]) == ("قال", "الوزير", "تجاوزت صلاحياتها ستحاسب")


def test_speaker_phrases_end_at_an_addressee_or_a_time_of_speaking():
    doc, [a, b] = attributions(
        'قال الرئيس الأمريكي جو بايدن لموظفي الوزارة مساء أمس "علينا أن نعمل معا". '
        'وتابع الرئيس الأمريكي غداة زيارته "نحن على الموجة نفسها وسنقوم بأشياء كثيرة".')
    assert show(doc, a)[1] == "الرئيس الأمريكي جو بايدن"
    assert show(doc, b)[1] == "الرئيس الأمريكي"


def test_speaker_phrases_keep_acting_bodies_and_sources_from_a_body():
    assert speakers(
        "توفي سجين في الخمسين من عمره، وفق ما أكده مدير السجن بالنيابة. "
        "وأشار مصدر من الشرطة الإيطالية إلى أن التحقيق متواصل. "
        "وأفاد العقيد بالحماية المدنية سمير بن علي بأن الحريق أخمد.") == [
        "مدير السجن بالنيابة", "مصدر من الشرطة الإيطالية", "العقيد بالحماية المدنية سمير بن علي"]


def test_a_statement_with_no_issuer_ends_before_its_participle():
    doc, [a] = attributions("وتم حذف التمرينين من الكتاب، وفق بلاغ توضيحي صادر الجمعة.")
    assert show(doc, a)[1] == "بلاغ توضيحي"


def test_a_long_title_before_a_relative_pronoun():
    doc, [a] = attributions("استقبل الرئيس الأمين العام للاتحاد العام التونسي للشغل نور الدين "
                            'الطبوبي الذي صرح عقب اللقاء أن "البلاد لا تتحمل التوتر".')
    assert show(doc, a)[1] == "الأمين العام للاتحاد العام التونسي للشغل نور الدين الطبوبي"


def test_an_object_after_an_apposed_name_and_object_heads():
    doc, atts = attributions(
        'اعتبر النائب بمجلس الشعب، عبد العزيز القطي الزيارة "زيارة تاريخية"، وفق تعبيره. '
        "وأشار المصدر إلى أن القرار صدر عن القاضي الذي أكد وجود أدلة على أن المتهم مذنب.")
    assert show(doc, atts[0]) == ("اعتبر", "النائب بمجلس الشعب، عبد العزيز القطي",
                                  'الزيارة "زيارة تاريخية"')
    assert show(doc, atts[-1]) == ("أكد", "القاضي", "وجود أدلة على أن المتهم مذنب")


def test_an_object_content_ends_at_the_next_verb_of_the_same_speaker():
    doc, [a, b] = attributions('وانتقد الوزير وسائل الإعلام وقال "أنا في خلاف مفتوح معها".')
    assert show(doc, a) == ("وانتقد", "الوزير", "وسائل الإعلام")
    assert show(doc, b) == ("وقال", "الوزير", "أنا في خلاف مفتوح معها")


def test_a_closing_source_that_names_the_speaker_again_adds_nothing():
    doc, atts = attributions("قال الناطق الرسمي سفيان السليطي إن الملف أحيل على القضاء. "
                             "وأضاف أن الأبحاث متواصلة وفق تأكيد السليطي.")
    assert [show(doc, a) for a in atts][-1] == ("وأضاف", "الناطق الرسمي سفيان السليطي",
                                               "الأبحاث متواصلة")


def test_impersonal_and_prepositional_look_alikes_are_no_cues():
    doc, atts = attributions("وأوضح المصدر أن الشاب أوقف، فتبين أنه مطلوب للعدالة. "
                             "ومن بين مطالب الأساتذة الزيادة في الأجور.")
    assert [show(doc, a)[0] for a in atts] == ["وأوضح"]


def test_new_cues_hint_estimate_stipulate_and_said_after_but():
    doc, atts = attributions(
        "ولمح الوزير في تصريحه إلى أن الحكومة ستستقيل. "
        "وقدرت حكومة المدينة أن مليون شخص حضروا الحفل. "
        "نفى الناطق الرسمي ما تداولته الصفحات، لكنه استدرك قائلا \"الدوافع محل بحث\".")
    assert [show(doc, a)[:2] for a in atts] == [
        ("ولمح", "الوزير"), ("وقدرت", "حكومة المدينة"), ("نفى", "الناطق الرسمي"),
        ("استدرك قائلا", "الناطق الرسمي")]
    assert show(doc, atts[2])[2] == "ما تداولته الصفحات"


def test_a_title_in_construct_apposed_after_a_name_belongs_to_the_speaker():
    for text, speaker in (  # with an adjective or a ل-joined title inside the construct
            ("قال لطفي المرايحي، أمين عام حزب الاتحاد الشعبي الجمهوري، إن الحزب سيشارك.",
             "لطفي المرايحي، أمين عام حزب الاتحاد الشعبي الجمهوري"),
            ("وقال سفيان السليطي، مساعد أول لوكيل الجمهورية بالقطب القضائي، إن المتهم موقوف.",
             "سفيان السليطي، مساعد أول لوكيل الجمهورية بالقطب القضائي"),
            # a title whose first letter is و (وزير, not و + زير)
            ("أعلن عبد القادر مساهل، وزير الشؤون المغاربية والإتحاد الإفريقي و جامعة الدول "
             "العربية الجزائري، أن بلاده ستوقع الاتفاق.",
             "عبد القادر مساهل، وزير الشؤون المغاربية والإتحاد الإفريقي و جامعة الدول العربية "
             "الجزائري")):
        doc, [a] = attributions(text)
        assert show(doc, a)[1] == speaker
    doc, [a] = attributions("وقال لطفي بن ساسي ، عضو نقابة الشركة التعاونية بسوق الجملة إن "
                            "عاملين دخلا في إضراب جوع.")
    assert show(doc, a)[1] == "لطفي بن ساسي ، عضو نقابة الشركة التعاونية بسوق الجملة"
    doc, [a] = attributions('وقال، جان مارتينز، مساعد رئيس بلدية باريس لشؤون السياحة، إن '
                            '"التهديدات مازالت على أشدها".')
    assert show(doc, a)[1:] == ("جان مارتينز، مساعد رئيس بلدية باريس لشؤون السياحة",
                                "التهديدات مازالت على أشدها")


def test_the_same_official_continues_and_the_same_decision_is_no_source():
    doc, atts = attributions("قال الوزير إن الوضع صعب. وتوقع المسؤول ذاته أن يتحسن. "
                             "وأكد المصدر ذاته، لمراسل الجوهرة أف أم، أن الهدف هو الحرص. "
                             "وتنطلق الحملة الانتخابية وفق ذات القرار يوم 25 نوفمبر.")
    assert [(a.speaker, a.continues) for a in atts[1:]] == [(None, 0), (None, 0)]
    assert [show(doc, a)[1] for a in atts] == ["الوزير"] * 3


def test_the_source_by_its_definite_head_alone_is_the_source_named_before():
    doc, atts = attributions("قال مصدر من وزارة الداخلية إن الوضع هادئ. ونفى المصدر نفسه "
                             "وقوع إصابات. وبين المصدر أن الدوريات متواصلة. "
                             "وأكدت مصادر أمنية أن الطريق مفتوحة. وأوضحت المصادر ذاتها أنه "
                             "تم إيقاف مجموعة.")
    assert [show(doc, a) for a in atts] == [
        ("قال", "مصدر من وزارة الداخلية", "الوضع هادئ"),
        ("ونفى", "مصدر من وزارة الداخلية", "وقوع إصابات"),
        ("وبين", "مصدر من وزارة الداخلية", "الدوريات متواصلة"),
        ("وأكدت", "مصادر أمنية", "الطريق مفتوحة"),
        ("وأوضحت", "مصادر أمنية", "تم إيقاف مجموعة")]


def test_the_same_source_with_none_before_and_a_former_office_speak_for_themselves():
    doc, atts = attributions("قال الوزير نفسه إن الوضع هادئ.")
    assert [show(doc, a) for a in atts] == [("قال", "الوزير نفسه", "الوضع هادئ")]
    doc, atts = attributions("قال الوزير إن الوضع هادئ. وأكد مدير المعهد المذكور، "
                             "عادل الهويدي، أن الدروس متواصلة.")
    assert show(doc, atts[1])[1] == "مدير المعهد المذكور، عادل الهويدي"


def test_a_time_between_the_verb_and_its_subject():
    for text, speaker in (
            ("أكد اليوم الثلاثاء وزير الصحة أن الوضع مستقر.", "وزير الصحة"),
            ("أعلنت يوم 12 جانفي 2017 وزارة الداخلية أن الوضع مستقر.", "وزارة الداخلية"),
            ("كشف اليوم محمد رؤوف اليوسفي، الناطق الرسمي باسم المحكمة، أن الرضيع حي.",
             "محمد رؤوف اليوسفي، الناطق الرسمي باسم المحكمة")):
        doc, atts = attributions(text)
        assert [show(doc, a)[1:] for a in atts] == [(speaker, text.split(" أن ")[1][:-1])]
    # a subject before the verb: the noun after the time is its object
    doc, atts = attributions('قال ترامب إنه مستعد. وكان ترامب وصف الأحد كيم بأنه "ماكر جدا".')
    assert show(doc, atts[-1])[1] == "ترامب"


def test_a_continuation_with_no_speaker_before_takes_the_subject_of_the_sentence_before():
    doc, atts = attributions("توجّهت اليوم المواطنة ريم مولاهي بنداء إلى وزارة التربية. "
                             "وقالت إنها تعمل أستاذة منذ 2006.")
    assert [show(doc, a) for a in atts] == [
        ("وقالت", "المواطنة ريم مولاهي", "تعمل أستاذة منذ 2006")]
    # not when the cue disagrees with it, nor when a speaker came before
    assert speakers("توجّهت اليوم المواطنة ريم مولاهي بنداء إلى وزارة التربية. "
                    "وقال إنها تعمل أستاذة منذ 2006.") == [None]


def test_a_source_after_a_time_and_before_a_clause_with_fa_qad():
    assert speakers("وفقا لما أفاد به اليوم الناطق الرسمي باسم المحاكم مراد التركي فقد تم "
                    "حجز البضاعة. وبحسب المدير الجهوي فوزي طالب فقد تم حجز الكمية.") == [
        "الناطق الرسمي باسم المحاكم مراد التركي", "المدير الجهوي فوزي طالب"]


def test_what_someone_wrote_after_a_noun_or_a_verb_is_an_object_not_a_source():
    doc, atts = attributions("أثارت الفكرة انتقادات، وكان من بين الانتقادات ما كتبه الممثل "
                             "مايك رو. ارتفعت الأسعار كثيرا، وهو ما أكده الوزير.")
    assert [show(doc, a) for a in atts] == [("وهو ما أكده", "الوزير", "ارتفعت الأسعار كثيرا")]


def test_a_text_that_stipulates_and_text_as_a_noun():
    doc, atts = attributions("وينص الفصل الخامس من القانون على أن النشاط لا يكون إلا بترخيص. "
                             "صادق البرلمان على نص القانون.")
    assert [show(doc, a) for a in atts] == [
        ("وينص", "الفصل الخامس", "النشاط لا يكون إلا بترخيص")]
    doc, atts = attributions("قال الوزير إن الوضع صعب. كما ينص على ضرورة الإعلام.")
    assert [show(doc, a)[0] for a in atts] == ["قال"]


def test_data_that_point_to_something_inside_reported_content_is_a_nested_claim():
    doc, atts = attributions("قال مدير المعهد نبيل بالعم إن نتائج سبر الآراء الفرنسية تشير إلى "
                             "تقدم ماكرون على لوبان.")
    assert [show(doc, a)[:2] for a in atts] == [
        ("قال", "مدير المعهد نبيل بالعم"), ("تشير", "نتائج سبر الآراء الفرنسية")]
    doc, atts = attributions("قال الوزير إن الآباء يحذرون أبناءهم من المخدرات.")
    assert [show(doc, a)[0] for a in atts] == ["قال"]  # a habit


def test_other_sources_and_the_object_of_the_sentence_before_are_not_the_last_speaker():
    # a bare المصادر/المصدر continues only a speaker it agrees with
    assert speakers("قال محمد إن الوضع صعب. وقالت المصادر الطبية إن عدد الجرحى ارتفع.") == ["محمد", "المصادر الطبية"]
    # the subject of the sentence before ends before the verb's object
    for text, speaker in (("زار الوزير المستشفى. وقال إن الوضع صعب.", "الوزير"),
                          ("زارت الوزيرة المستشفى الجهوي بصفاقس. وقالت إن الوضع صعب.",
                           "الوزيرة"),
                          ("اتصل المواطن التونسي بالإذاعة. وقال إن رحلته ألغيت.",
                           "المواطن التونسي")):
        doc, atts = attributions(text)
        assert [show(doc, a)[1] for a in atts] == [speaker]
    # a singular head in construct is masculine (رئيس دائرة), so المصدر continues him
    doc, atts = attributions("وفق ما أفاد به رئيس دائرة الغابات محمد دبابي، تم غرس الأشجار. "
                             "وبين المصدر أنه سيتم عقد جلسة عمل.")
    assert show(doc, atts[-1])[1] == "رئيس دائرة الغابات محمد دبابي"


def test_a_content_starts_after_inna_after_a_colon_or_inside_the_quotation():
    for text in ('وقال قاسم "إن إسرائيل متعودة على الانتهاك".', "وقال قاسم: إن إسرائيل متعودة على "
                 "الانتهاك.", 'وأكد قاسم: "أن إسرائيل متعودة على الانتهاك".'):
        doc, atts = attributions(text)
        assert [show(doc, a)[2] for a in atts] == ["إسرائيل متعودة على الانتهاك"]


def test_a_long_title_apposed_after_a_name_and_journalists_told():
    doc, atts = attributions("وقال ردة الزهراني، مدير فرع الثروة السمكية في وزارة البيئة والمياه "
                             "والزراعة بمحافظة جدة، إن الدلافين ضلت طريقها.")
    assert show(doc, atts[0])[1] == ("ردة الزهراني، مدير فرع الثروة السمكية في وزارة البيئة "
                                     "والمياه والزراعة بمحافظة جدة")
    doc, atts = attributions("أعلن قاضي القضاة، مستشار الرئيس للشؤون الدينية محمود الهباش اليوم "
                             "الأحد، منع تسجيل الحالات.")
    assert not any("اليوم" in (show(doc, a)[1] or "") for a in atts)
    assert speakers("قال الوزير إن المساعدات ستوزع. وأكد للصحافيين على هامش الجلسة، "
                    "أن التوزيع سيتم في كنف الشفافية.") == ["الوزير", "الوزير"]


def test_the_subject_of_kana_before_the_verb_speaks_and_the_noun_after_is_its_object():
    doc, atts = attributions("وكانت مديرة الصندوق كريستين لاجارد دعت الحكومة التونسية إلى تسريع "
                             "الإصلاحات. وكان النجم السابق إيريك كانتونا اتهم ديشامب بالعنصرية.")
    assert [show(doc, a)[:2] for a in atts] == [
        ("دعت", "مديرة الصندوق كريستين لاجارد"), ("اتهم", "النجم السابق إيريك كانتونا")]
    doc, atts = attributions("وأضاف أن النقابة طالبت النيابة العمومية بفتح تحقيق.")
    assert show(doc, atts[-1])[:2] == ("طالبت", "النقابة")
    doc, atts = attributions("وكانت تونس أعلنت أواخر ديسمبر 2015 عن انضمامها إلى التحالف.")
    assert [show(doc, a)[1:] for a in atts] == [("تونس", "انضمامها إلى التحالف")]


def test_plural_participles_of_defective_verbs():
    doc, atts = attributions("وقد عبّر عدد من الأهالي عن أسفهم لما آلت إليه الأوضاع، داعين إلى "
                             "التهدئة.")
    assert [show(doc, a) for a in atts] == [
        ("عبّر", "عدد من الأهالي", "أسفهم لما آلت إليه الأوضاع"),
        ("داعين", "عدد من الأهالي", "التهدئة")]


def test_an_occasion_ends_a_speaker_and_a_named_medium_is_skipped_before_a_source():
    assert speakers("وأكد الوزير في كلمة بالمناسبة، حرص البلدين على تعزيز التعاون.") == ["الوزير"]
    assert speakers("ورفع المحتجون شعارات، وفق ما ذكره لمراسلة (وات) الممرض الأول "
                    "بالمركز ياسين زمالي.") == ["الممرض الأول بالمركز ياسين زمالي"]


def test_what_is_criticised_is_an_object_not_a_speaker():
    doc, atts = attributions("قال الكحلاوي إن حزبه لا يدعو إلى إسقاط الحكومة. وانتقد أداء وزير "
                             "الشؤون الخارجية.")
    assert [show(doc, a)[1:] for a in atts] == [
        ("الكحلاوي", "حزبه لا يدعو إلى إسقاط الحكومة"),
        ("الكحلاوي", "أداء وزير الشؤون الخارجية")]


def test_a_pronoun_source_closing_a_quotation_split_at_two_dots_adds_nothing():
    doc, atts = attributions('وأبرز الطبيب أن الهيئة أحالت ملفات "من الوزن الثقيل .. ولم نر أي '
                             'تحرك"، وفق تعبيره. وشدد الطبيب على أنه لا يمكنه كشف الأسماء.')
    assert [show(doc, a)[0] for a in atts] == ["وأبرز", "وشدد"]


def test_a_sound_plural_in_ien_after_a_verb_of_calling_is_the_addressee():
    assert speakers("قال الوزير إن الدعم مكمل. ودعا التونسيين لاسترجاع الثقة.") == ["الوزير", "الوزير"]
    assert speakers("ودعا المحتجون إلى الهدوء.") == ["المحتجون"]


def test_relatives_speak_and_a_fronted_speaker_ends_before_its_relative_clause():
    doc, atts = attributions('والد الشهيدة سارة التي لم يتجاوز عمرها 12 سنة يقول "وطني قبل '
                             'بطني".')
    assert [show(doc, a) for a in atts] == [("يقول", "والد الشهيدة سارة", "وطني قبل بطني")]
    assert speakers("وطالب زوج الهالكة بفتح تحقيق جدي.") == ["زوج الهالكة"]


def test_an_accusative_adjunct_is_no_speaker_and_a_guard_region_is_a_body():
    assert speakers("قال الوزير إن الإصلاح بدأ. وأكد تعقيبا على الخلاف، أن الإصلاح "
                    "ليس مجالا للخلافات.") == ["الوزير", "الوزير"]
    assert speakers("وفق ما أكده الملازم بإقليم الحرس الوطني بقابس محمد الحاجبي، تم حجز "
                    "البضاعة.") == ["الملازم بإقليم الحرس الوطني بقابس محمد الحاجبي"]


def test_a_law_article_keeps_its_number_and_its_law_and_a_speaker_ends_before_tamma():
    assert speakers("وينص البند 131 من الدستور التونسي الجديد على أن السلطة المحلية "
                    "تقوم على اللامركزية.") == ["البند 131 من الدستور التونسي الجديد"]
    assert speakers("وحسب مقتضيات الفصل 73 من القانون الداخلي للجامعة و تم تكليف لجنة "
                    "بالنظر في الغيابات.") == ["مقتضيات الفصل 73 من القانون الداخلي للجامعة"]


def test_during_it_before_the_subject_and_an_adviser_to_someone():
    assert speakers("وأعلنت خلاله رئيسة الوزراء الألمانية أنجيلا ميركل أن بلادها ستساعد تونس. "
                    "كشف المستشار لدى رئيس الحكومة مفدي المسيهلي أن الوضع صعب.") == [
        "رئيسة الوزراء الألمانية أنجيلا ميركل", "المستشار لدى رئيس الحكومة مفدي المسيهلي"]


def test_a_speaker_ends_at_our_correspondent_and_content_before_a_linking_wa_dhalik():
    doc, [a] = attributions("تصدت الدورية إلى مجموعة من المهربين، حسب ما أفاد به مصدر ديواني "
                            "لمراسلتنا سامية البيولي.")
    assert show(doc, a)[1] == "مصدر ديواني"
    doc, [a, b] = attributions("قالت المدعية العامة إن القذافي محتجز في الزنتان منذ 2011، "
                               "وذلك وفقا لمصادر موثوق بها.")
    assert show(doc, a)[2] == "القذافي محتجز في الزنتان منذ 2011"
    assert show(doc, b)[2].endswith("منذ 2011")



def test_a_topic_after_amma_speaks_for_the_verb_after_fa():
    doc, [a, b] = attributions("قال الوزير إن الوضع مستقر. أما الأستاذة الجامعية بكلية الآداب، "
                               "آمال قرامي، فقد أوضحت، من جانبها، أن المصطلح ترجمة للفظة أجنبية.")
    assert show(doc, b)[1] == "الأستاذة الجامعية بكلية الآداب، آمال قرامي"
    doc, [a, b] = attributions("أكد التكتل في بيانه حق الشعب في تقرير مصيره. أما الحزب "
                               "الاشتراكي فقد أكد أن الحل سياسي.")
    assert show(doc, b)[1] == "الحزب الاشتراكي"


def test_a_demonstrative_before_a_speaker_noun_is_the_subject():
    doc, [a, b] = attributions("قالت الوزيرة إن الوضع مستقر. وأفادت هذه الباحثة بأن المصطلح "
                               "ليس جديدا.")
    assert show(doc, b)[1] == "هذه الباحثة"

def test_cues_deny_attribute_conclude_recommend_propose():
    doc, atts = attributions("وأنكر المتهم علاقته بأي وسيط. وعزا المدير ارتفاع المديونية إلى "
                             "عدم حصول الشركة على القروض. وعزا ارتفاع الأسعار إلى الجفاف.")
    assert [show(doc, a) for a in atts] == [
        ("وأنكر", "المتهم", "علاقته بأي وسيط"),
        ("وعزا", "المدير", "ارتفاع المديونية إلى عدم حصول الشركة على القروض"),
        ("وعزا", "المدير", "ارتفاع الأسعار إلى الجفاف")]
    doc, atts = attributions("وخلصت الدراسة إلى أن الأطفال ينامون أقل. وتوصل الباحثون إلى أن "
                             "المادة تقتل الخلايا. وتوصل الطرفان إلى اتفاق ينهي الإضراب.")
    assert [show(doc, a) for a in atts] == [
        ("وخلصت", "الدراسة", "الأطفال ينامون أقل"),
        ("وتوصل", "الباحثون", "المادة تقتل الخلايا")]  # توصل إلى اتفاق: no speech
    doc, atts = attributions("ويوصي الخبير بترجمة القيم إلى عمل. وأوصى مجلس وزاري مضيق "
                             "بالتسريع في إعداد القوانين. واقترح النائب تكوين جبهة ديمقراطية.")
    assert [show(doc, a) for a in atts] == [
        ("ويوصي", "الخبير", "بترجمة القيم إلى عمل"),  # أوصى مجلس وزاري: a decision
        ("واقترح", "النائب", "تكوين جبهة ديمقراطية")]


def test_an_addressee_or_a_medium_after_the_verb_is_no_speaker():
    doc, [a, b] = attributions("وأوضح المتضررون أنهم متمسكون بالشركة. وطالبوا السلط المعنية "
                               "بتقديم توضيحات.")
    assert show(doc, b) == ("وطالبوا", "المتضررون", "بتقديم توضيحات")  # plural: no subject after
    doc, [a, b, c] = attributions("أكد المرزوقي أن الانتخابات نزيهة. ودعا رجال الأعمال وممثلي "
                                  "الإعلام الى الحياد، معبرا عن أمله في النجاح.")
    assert show(doc, b)[1] == show(doc, c)[1] == "المرزوقي"
    doc, [a, b] = attributions("لكن متحدثة باسم وزارة الداخلية قالت لقناة \"دبليو دى ار\" إنه "
                               "لم يتخذ أي قرار، مشيرة إلى أن النسخ في المخازن.")
    assert show(doc, a)[1] == show(doc, b)[1] == "متحدثة باسم وزارة الداخلية"
    doc, [a] = attributions("دعت الإدارة مستعملي الطريق إلى الحذر.")
    assert show(doc, a)[1] == "الإدارة"


def test_a_content_ends_before_a_second_cue_after_kama():
    doc, [a, b] = attributions("ويوصي الخبير بترجمة القيم إلى عمل دؤوب، كما يوصي بالتركيز على "
                               "التغيير.")
    assert show(doc, a)[2] == "بترجمة القيم إلى عمل دؤوب"
    assert show(doc, b) == ("يوصي", "الخبير", "بالتركيز على التغيير")


#: pinned floors (F1 of all three parts at the overlap level, at the exact level, and F1 of the
#: cue): quality may only go up. The held-out and fresh files are never tuned on; the fresh
#: file was annotated from the raw text and scored untouched (63.2% / 58.0%, cue 86.0%).
FLOORS = {"quotes-ant.jsonl": (0.82, 0.68, 0.91),  # 1,345 articles since batch 68 (0.88 / 0.78
          # on the 245 before batch 13, 0.89 / 0.80 on the 220 before batch 11)
          "quotes-ant-heldout.jsonl": (0.87, 0.53, 0.87),
          "quotes-ant-fresh.jsonl": (0.82, 0.76, 0.86),
          # annotated blind (the extractor never ran on it while it was written), never tuned on;
          # 350 articles since batches 51-69 (odd seeds; 0.81 / 0.62 on the 100 before them)
          "quotes-ant-blind.jsonl": (0.80, 0.64, 0.90)}


@needs_shared
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_ant_gold_floors(name):
    scores = evaluate(load_quotes_gold(GOLD / name, NEWS)).scores()
    overlap, exact, cue = FLOORS[name]
    assert scores["overlap"]["all"]["f1"] >= overlap
    assert scores["exact"]["all"]["f1"] >= exact
    assert scores["overlap"]["cue"]["f1"] >= cue


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed/coalition-article.txt is absent")
def test_seed_article_attributions_to_the_two_researchers():
    doc, atts = attributions(SEED.read_text(encoding="utf-8"))
    got = {show(doc, a)[:2] for a in atts}
    for cue, speaker in (("ويشير", "الباحثان"), ("ويرى", "كاتبا المقال"), ("يقول", "الكاتبان"),
                         ("وحسب", "كاتبي المقال"), ("وفي رأي", "كاتبي المقال"),
                         ("ويلفت", "الكاتبان"), ("يؤكد", "الباحثان"), ("يرى", "الكاتبان")):
        assert (cue, speaker) in got, (cue, speaker)
    assert all(a.content is not None and len(a.content.text(doc.text)) > 20 for a in atts)


def test_cue_table_lists_each_verb_once():
    """A repeated row of VERBS is dead, or a second reading of one verb: each cue lemma has
    one row (homographs of two verbs are allowed: ذكر and ذكّر, يدعون of دعا and ادعى)."""
    from marsad.extract.speech import VERBS

    lemmas = [cue.lemma for *_forms, cue in VERBS]
    repeated = sorted({lemma for lemma in lemmas if lemmas.count(lemma) > 1})
    assert repeated == []


def test_a_quoted_medium_right_after_the_verb_is_its_speaker():
    doc, atts = attributions('وذكرت "شينخوا" أن الطائرة جرى رشها. وأشارت "دي فيلت" إلى أن '
                             'القنصلية رفضت التعليق.')
    assert [show(doc, a) for a in atts] == [
        ("وذكرت", '"شينخوا"', "الطائرة جرى رشها"),
        ("وأشارت", '"دي فيلت"', "القنصلية رفضت التعليق")]
    # a quotation that no complement follows is the content, not a name
    doc, atts = attributions('وقال الوزير "لا تراجع عن الإصلاحات مهما كانت الظروف".')
    assert [show(doc, a)[1] for a in atts] == ["الوزير"]


def test_cues_that_attribute_a_cause_and_a_demonstrative_object():
    doc, atts = attributions("وأرجعت الوزارة هذا الانخفاض إلى تراجع الأسعار. وعلل الوزير ذلك "
                             "بأن الميزانية محدودة.")
    assert [show(doc, a)[:2] for a in atts] == [("وأرجعت", "الوزارة"), ("وعلل", "الوزير")]
    # after them a noun that names no one who speaks is the object; the speaker came before
    doc, atts = attributions("قالت المنظمة إن الأسعار ارتفعت. وعللت الزيادات في الأسعار بعدم "
                             "مرور المواد بمسالك التوزيع.")
    assert [show(doc, a)[:2] for a in atts] == [("قالت", "المنظمة"), ("وعللت", "المنظمة")]
    # a demonstrative after an indefinite noun in construct stays in the speaker
    assert speakers("وفق ما أكده أحد مستعملي هذا الطريق، تتسبب الأشغال في اكتظاظ يومي.") == [
        "أحد مستعملي هذا الطريق"]
    # يعلل after a negation is no cue: it leaves the statement around it whole
    assert speakers("وقال الوزير في بيان لم يعلل فيه سبب الإقالة، إن التعيين سيساهم في "
                    "الإصلاح.") == ["الوزير"]


def test_kama_before_a_verb_of_addressing_is_also_not_as():
    doc, atts = attributions("كما طالب الرئيس في رسالته، الحكومة باحترام النساء.")
    assert [show(doc, a)[:2] for a in atts] == [("طالب", "الرئيس")]


def test_a_pronoun_source_inside_a_sentence_leaves_the_content_whole():
    doc, atts = attributions("وأضافت الكاتبة أن تونس لم يبق لها إلا الاسم حسب تعبيرها من "
                             "مهرجان قرطاج الذي أضاع بوصلته. وأضاف الوزير أن الوضع صعب حسب قوله.")
    assert [show(doc, a)[2] for a in atts] == [
        "تونس لم يبق لها إلا الاسم حسب تعبيرها من مهرجان قرطاج الذي أضاع بوصلته",
        "الوضع صعب"]


def test_an_apposed_name_before_an_object_and_a_medium_that_reports():
    doc, atts = attributions("أكد مدير عام الشؤون القنصلية بوزارة الخارجية، شفيق حجي وجود "
                             "قائمة تضم 46 تونسيا موقوفين في سوريا.")
    assert [show(doc, a) for a in atts] == [
        ("أكد", "مدير عام الشؤون القنصلية بوزارة الخارجية، شفيق حجي",
         "وجود قائمة تضم 46 تونسيا موقوفين في سوريا")]
    doc, atts = attributions("ونقلت وكالة رويترز أن الوضع متوتر في العاصمة. وتم نقل الجرحى "
                             "إلى المستشفى إلا أن حالتهم مستقرة.")
    assert [show(doc, a) for a in atts] == [
        ("ونقلت", "وكالة رويترز", "الوضع متوتر في العاصمة")]


def test_denouncing_what_happened_and_ruling_out_as_a_participle():
    doc, atts = attributions("وندّد الحزب بما رافق جلسة المحاكمة من تجييش سياسي. وأكد الوزير أن "
                             "القسط سيسدد في موعده، مستبعدا حصول تأخير في إتمامه.")
    assert [show(doc, a) for a in atts] == [
        ("وندّد", "الحزب", "بما رافق جلسة المحاكمة من تجييش سياسي"),
        ("وأكد", "الوزير", "القسط سيسدد في موعده"),
        ("مستبعدا", "الوزير", "حصول تأخير في إتمامه")]


def test_an_opening_source_with_no_comma_ends_where_its_noun_phrase_ends():
    doc, atts = attributions("وحسب وزير السياحة سجلت السوق الأوروبية نموا بـ 22 بالمائة. "
                             "وحسب وزير الخارجية سامح شكري فإن الوضع صعب.")
    assert [show(doc, a)[1:] for a in atts] == [
        ("وزير السياحة", "سجلت السوق الأوروبية نموا بـ 22 بالمائة"),
        ("وزير الخارجية سامح شكري", "الوضع صعب")]


def test_a_closing_text_source_does_not_take_over_the_speaker_that_goes_on():
    assert speakers("وعبر الحزب عن تخوفه من العودة إلى مربع العنف، وفق نص ذات البيان. "
                    "وأضاف أن المصالحة ضرورية.") == ["الحزب", "نص ذات البيان", "الحزب"]
    # a person named by a closing source speaks on
    assert speakers("كشفت الفرقة البحرية عن قطعة أثرية، حسب ما صرح به مصدر أمني. وأضاف أن "
                    "اثنين من العصابة أوقفا.")[-1] == "مصدر أمني"


def test_the_addressee_after_a_named_subject_of_a_call_opens_the_content():
    doc, atts = attributions("وطالبت النقابة الوطنية للصحفيين التونسيين السلطات الجزائرية "
                             "بالإفراج عن الصحفي. ودعت وزارة الداخلية التونسية المواطنين إلى "
                             "الحذر.")
    assert [show(doc, a) for a in atts] == [
        ("وطالبت", "النقابة الوطنية للصحفيين التونسيين",
         "السلطات الجزائرية بالإفراج عن الصحفي"),
        ("ودعت", "وزارة الداخلية التونسية", "المواطنين إلى الحذر")]


def test_a_state_after_the_verb_is_no_speaker():
    assert speakers('قال كايني ويست إن الديون كبيرة. وأضاف مخاطبا زوكربيرغ "أنت تحب موسيقى '
                    'الهيب هوب".') == ["كايني ويست", "كايني ويست"]
    # (our correspondent, a dual in construct: speakers)
    assert speakers("وأضاف مراسلنا أن الحادث لم يسفر عن أضرار.") == ["مراسلنا"]


def test_a_plural_request_with_its_addressee_as_a_pronoun():
    doc, atts = attributions("التقى النواب بالوزيرة وطالبوها باحترام المجلس. اعتبروه تفردا "
                             "بالرأي.")
    assert [show(doc, a)[0::2] for a in atts] == [("وطالبوها", "باحترام المجلس")]


def test_findings_of_researchers_and_a_request_with_its_addressee_as_a_pronoun():
    doc, atts = attributions("ووجد الباحثون أن المشاركين كانوا أقل عرضة للإصابة. ووجد الأعوان "
                             "جثة في المنزل. وقال الوزير إن الحزب تحمل مسؤوليته لكنه وجد عدة "
                             "عراقيل.")
    assert [show(doc, a) for a in atts] == [
        ("ووجد", "الباحثون", "المشاركين كانوا أقل عرضة للإصابة"),
        ("وقال", "الوزير", "الحزب تحمل مسؤوليته لكنه وجد عدة عراقيل")]
    doc, atts = attributions("أعربت الجمعية عن احتجاجها على نشر الصورة وطالبتها بسحبها فورا.")
    assert [show(doc, a)[0::2] for a in atts][-1] == ("وطالبتها", "بسحبها فورا")


def test_a_body_with_a_quoted_name_before_the_addressee_of_its_call():
    doc, atts = attributions('ودعت جمعية "فورزا تونس" مجلس نواب الشعب إلى مساءلة النائبة.')
    assert [show(doc, a) for a in atts] == [
        ("ودعت", 'جمعية "فورزا تونس"', "مجلس نواب الشعب إلى مساءلة النائبة")]


def test_between_two_parties_is_no_cue_and_the_speaker_said_again_by_his_role():
    doc, atts = attributions("وصرح الوزير ان الزيارة تدعم العلاقات بين تونس وايطاليا قائلا ان "
                             "هذه الزيارة مهمة جدا.")
    assert [show(doc, a)[0] for a in atts] == ["وصرح", "قائلا"]
    assert speakers("وقال شون سبايسر المتحدث باسم البيت الأبيض إن ترامب سيلتقي ماي. وبحسب "
                    "خبراء، سيكون اللقاء فرصة لماي. وأضاف المتحدث أن ترامب سيلتقي نييتو.") == [
        "شون سبايسر المتحدث باسم البيت الأبيض", "خبراء",
        "شون سبايسر المتحدث باسم البيت الأبيض"]


def test_a_noun_with_a_pronoun_is_no_participle_and_an_object_after_and_verb():
    doc, atts = attributions("عقد الاتحاد اجتماعا بمقره بالعاصمة، أكد خلاله الأمين العام أن "
                             "القضية مركزية.")
    assert [show(doc, a)[0] for a in atts] == ["أكد"]
    assert speakers("قال الناطق الرسمي سفيان السليطي إن القطب تسلم الملفات. ونفى إصدار أية "
                    "بطاقة إيداع في حق المتهمين.") == [
        "الناطق الرسمي سفيان السليطي", "الناطق الرسمي سفيان السليطي"]


def test_review_of_the_batch_19_to_23_rules():
    """Sentences a review found wrong in the first versions of these rules."""
    # بيّن with أنّ after its subject, and a dual in construct, still speak
    assert speakers("كما بين الوزير أن وزارة الصحة ستتخذ إجراءات جديدة.") == ["الوزير"]
    assert speakers("وأكد ممثلا الاتحاد أن المفاوضات فشلت.") == ["ممثلا الاتحاد"]
    # المتحدث said again by a man is not the woman spokesperson
    assert speakers("وقالت المتحدثة باسم الوزارة سارة الحبيب إن الوضع صعب. وقال وزير الخارجية "
                    "إن الحل قريب. وأضاف المتحدث أن الاجتماع انتهى.")[-1] == "وزير الخارجية"
    # a short quotation before إلى أن is no speaker when the verb takes no إلى
    doc, atts = attributions('وأضاف الوزير أن الاعتصام متواصل. وأضاف "سنبقى هنا" إلى أن تتحقق '
                             "مطالبنا.")
    assert all(a.speaker is None or show(doc, a)[1] != '"سنبقى هنا"' for a in atts)
    # her student is no request
    doc, atts = attributions("وقالت المعلمة إن طالبتها نجحت في الامتحان بامتياز.")
    assert [show(doc, a)[0] for a in atts] == ["وقالت"]
    # a closing statement of a person does not stop him from going on
    assert speakers("وقال المحتجون إن الوضع لا يطاق، حسب تصريح رئيس النقابة للإذاعة. وأضاف أن "
                    "الإضراب متواصل.")[-1] == "تصريح رئيس النقابة"
    # the object of أرجع/علل/عزا after the subject and before its preposition
    doc, atts = attributions("وأرجع وزير المالية الانخفاض إلى تراجع الإنتاج. وعلل الوزير القرار "
                             "بارتفاع الأسعار. وعزت الشركة الاضطرابات المنتظرة إلى عطب فجئي.")
    assert [show(doc, a)[1:] for a in atts] == [
        ("وزير المالية", "الانخفاض إلى تراجع الإنتاج"),
        ("الوزير", "القرار بارتفاع الأسعار"),
        ("الشركة", "الاضطرابات المنتظرة إلى عطب فجئي")]


def test_what_rules_require_and_a_farewell_are_no_sources_or_calls():
    doc, atts = attributions("وأكد المتسابق أنه سيتبرع بالمبلغ وفق ما تقتضيه قوانين البرنامج. "
                             "ودّعت البطلة الجمهور. ودعت الوزارة المواطنين إلى الحذر.")
    assert [show(doc, a)[:2] for a in atts] == [("وأكد", "المتسابق"), ("ودعت", "الوزارة")]
    # between a name and a speaker's noun
    doc, atts = attributions("وجرى اجتماع بين ترامب ورئيس الوزراء الإسرائيلي، وقال المسؤول إن "
                             "السلام هو الهدف.")
    assert [show(doc, a)[0] for a in atts] == ["وقال"]


def test_an_aside_framed_by_commas_before_the_complement_and_between_a_plural():
    doc, atts = attributions("أكد قايد السبسي، إجابة عن سؤال حول طلب هيئة الإنقاذ منه التدخل لحل "
                             "الأزمة، أنه لن يقبل شقا دون آخر.")
    assert [show(doc, a) for a in atts] == [("أكد", "قايد السبسي", "لن يقبل شقا دون آخر")]
    doc, atts = attributions("وتراجعت الثقة بين المواطنين والمسؤولين. وقال جلول إن الأزمة بين "
                             "الجانبين انتهت.")
    assert [show(doc, a)[0] for a in atts] == ["وقال"]


def test_a_participle_after_a_sentence_that_opens_with_an_adjunct_and_a_verb():
    assert speakers("وأثبت التحقيق أنّ المولود لم يودع ببيت الأموات. في المقابل، أصر المواطن "
                    "جمال، والد الرضيع، على نفي نتائج التحقيق، مؤكدا أن ابنه ولد حيا.") == [
        "التحقيق", "المواطن جمال، والد الرضيع"]


def test_second_review_of_the_latest_rules():
    """Sentences a second review found wrong in the first versions of the batch 24-26 rules."""
    # ودّعت with diacritics around its shadda
    assert attributions("ودَّعت الوزيرة زملاءها في الحفل.")[1] == []
    # بيّن with a singular head in ين, or a compound subject, and أنّ after them
    assert speakers("كما بين الأمين العام للحزب أن الوضع صعب.") == ["الأمين العام للحزب"]
    assert speakers("كما بين رئيس الحكومة ووزير المالية أن الميزانية جاهزة.") == [
        "رئيس الحكومة ووزير المالية"]
    # the verb's own complement after a framed aside is its content, not a later إن
    doc, atts = attributions("وشدد الوزير، خلال الندوة، على ضرورة الإصلاح الشامل، إن أرادت البلاد "
                             "النجاح.")
    assert show(doc, atts[0])[2].startswith("ضرورة الإصلاح الشامل")
    # tanween on the aside's noun
    assert speakers("أكد قايد السبسي، إجابةً عن سؤال حول الحكومة، أنه لن يتدخل.") == [
        "قايد السبسي"]
    # الوزير نفسه goes back to وزير الخارجية (the و of وزير is no conjunction)
    assert speakers("قال وزير الخارجية إن العلاقات جيدة. وقال رئيس النقابة إن الإضراب قائم. "
                    "وأضاف الوزير نفسه أن التعاون مستمر.")[-1] == "وزير الخارجية"


def test_advice_is_a_request_with_its_addressee():
    doc, atts = attributions("ونصحت الشرطة المواطنين بالحذر. وقال الطبيب إن الأطباء ينصحون "
                             "بتجنب السكر.")
    assert [show(doc, a) for a in atts] == [
        ("ونصحت", "الشرطة", "المواطنين بالحذر"),
        ("وقال", "الطبيب", "الأطباء ينصحون بتجنب السكر")]


def test_praise_with_and_or_a_shadda_and_price_as_a_noun():
    doc, atts = attributions("وثمن الوزير جهود الأعوان في حماية المواطنين. وتأهل الفريق إلى ثمن "
                             "النهائي بعد فوزه. ارتفع ثمن المسكن كثيرا.")
    assert [show(doc, a) for a in atts] == [
        ("وثمن", "الوزير", "جهود الأعوان في حماية المواطنين")]


def test_an_agreement_on_something_is_reported_and_a_relative_agreement_is_not():
    doc, atts = attributions("واتفق الوزيران على تنسيق المواقف في المسائل المشتركة. وهي النقاط التي "
                             "اتفقت عليها مكونات المشهد السياسي.")
    assert [show(doc, a) for a in atts] == [
        ("واتفق", "الوزيران", "تنسيق المواقف في المسائل المشتركة")]


def test_a_message_whose_gist_follows_is_its_speaker():
    doc, atts = attributions(
        "وتقدمت امرأة بشكاية إلى فرقة الشرطة العدلية بسوسة مفادها تعرض منزلها لعملية سطو. "
        "ووجه الاتحاد رسالة طمأنة للشعب مفادها أن أياديه ممدودة للحوار. "
        "وكان مفاد الحديث غامضا.")
    assert [show(doc, a) for a in atts] == [
        ("مفادها", "شكاية", "تعرض منزلها لعملية سطو"),
        ("مفادها", "رسالة", "أياديه ممدودة للحوار")]


def test_but_with_a_plural_pronoun_before_the_verb_continues_the_speaker():
    doc, atts = attributions("وأعلن الحوثيون أنهم أطلقوا صاروخا على السعودية. لكنهم قالوا إنه "
                             "استهدف المطار. ولكنهم أكدوا أن الخطر قائم.")
    assert [show(doc, a) for a in atts] == [
        ("وأعلن", "الحوثيون", "أطلقوا صاروخا على السعودية"),
        ("قالوا", "الحوثيون", "استهدف المطار"),
        ("أكدوا", "الحوثيون", "الخطر قائم")]
    doc, atts = attributions("وقال الوزير إن المحتجين غاضبون، لكنهم أكدوا التزامهم بالحوار.")
    assert [show(doc, a) for a in atts] == [("وقال", "الوزير", "المحتجين غاضبون")]


def test_a_short_aside_in_brackets_belongs_to_the_speaker_and_an_age_does_not():
    doc, atts = attributions(
        "ووفقا لما نشره موقع قناة (SWR) الألمانية فإن القليل فقط من المنتجات سليمة. "
        "وقالت وكالة الجمهورية الإسلامية الإيرانية للأنباء (ارنا) إن سفنا اقتربت. "
        "وقال بلال شيهاوي (26 سنة) إنه بريء.")
    assert [show(doc, a) for a in atts] == [
        ("ووفقا لما نشره", "موقع قناة (SWR) الألمانية", "القليل فقط من المنتجات سليمة"),
        ("وقالت", "وكالة الجمهورية الإسلامية الإيرانية للأنباء (ارنا)", "سفنا اقتربت"),
        ("وقال", "بلال شيهاوي", "بريء")]


def test_a_relative_verb_with_its_own_subject_before_anna_and_a_participle_after_kana():
    doc, atts = attributions(
        "ورفضت النقابة الإجراءات التي قالت الهيئة إنها ضرورية. وقال جاستين اكلين المتحدث "
        "باسم ايكينز إن القفزة نجحت. وهبط على الشبكة التي قال اكلين انها كانت معلقة على "
        "ارتفاع 61 مترا عن الارض. وقال الوزير إن الوضع صعب. وتحدث عن الأزمة التي قال إنها "
        "خانقة.")
    assert [show(doc, a) for a in atts] == [
        ("قالت", "الهيئة", "ضرورية"),
        ("وقال", "جاستين اكلين المتحدث باسم ايكينز", "القفزة نجحت"),
        ("قال", "اكلين", "كانت معلقة على ارتفاع 61 مترا عن الارض"),
        ("وقال", "الوزير", "الوضع صعب"),
        ("وتحدث", "الوزير", "الأزمة التي قال إنها خانقة"),
        ("قال", "الوزير", "خانقة")]


def test_a_definite_subject_between_kana_and_a_verb_with_anna():
    doc, atts = attributions("وانتهت المباراة بالتعادل. وكان الدوري الألماني قد أعلن أنه سيتم "
                             "استخدام تقنية الفيديو. وكانت الحكومة الليبية أكدت أن الوضع هادئ.")
    assert [show(doc, a) for a in atts] == [
        ("أعلن", "الدوري الألماني", "سيتم استخدام تقنية الفيديو"),
        ("أكدت", "الحكومة الليبية", "الوضع هادئ")]


def test_plural_heads_speak_before_their_verb():
    doc, atts = attributions("وأوضح حسن أن ممثلي الأحزاب الأربعة الحاكمة، أكدوا لرئيس الحكومة على "
                             "ضرورة الحوار. الأحزاب أكدت أنها تدعم الحكومة.")
    assert [show(doc, a) for a in atts] == [
        ("وأوضح", "حسن", "ممثلي الأحزاب الأربعة الحاكمة، أكدوا لرئيس الحكومة على ضرورة الحوار"),
        ("أكدوا", "ممثلي الأحزاب الأربعة الحاكمة", "ضرورة الحوار"),
        ("أكدت", "الأحزاب", "تدعم الحكومة")]


def test_review_of_the_batch_27_to_29_rules():
    """A helper's review of this session's rules: each sentence once went wrong."""
    doc, atts = attributions(
        "وتلقت الشرطة بلاغا مفاده وجود جثة في الوادي. وأطلق شباب نداء تونس حملة مفادها أن "
        "الحزب للجميع. وقال في تصريح لإذاعة إنه قدم ملفا للهيئة مفاده أن المدير فاسد. "
        "ووجهت رسالة مفادها: \"حقوق المرأة هي حقوق الإنسان\". وتقدمت بِشكاية مفادها تعرض منزلها "
        "للسطو.")
    assert [show(doc, a) for a in atts] == [
        ("مفاده", "بلاغا", "وجود جثة في الوادي"),
        ("وقال", None, "قدم ملفا للهيئة مفاده أن المدير فاسد"),
        ("مفادها", "رسالة", "حقوق المرأة هي حقوق الإنسان"),
        ("مفادها", "شكاية", "تعرض منزلها للسطو")]
    assert atts[2].direct
    doc, atts = attributions(
        "وقال مصدر (فضل عدم الكشف عن هويته) إن الوزير استقال. ودعت منظمة العفو الدولية (أمنستي) "
        "السلطات التونسية إلى الإفراج عنه. وقال الوزير (في تصريح لموزاييك) إن الوضع صعب.")
    assert [show(doc, a)[1] for a in atts] == ["مصدر", "منظمة العفو الدولية (أمنستي)", "الوزير"]
    doc, atts = attributions(
        "وانتقد النواب الاتحاد الذي طالب الحكومة بأن تتراجع عن قرارها. ورفضت النقابة الإجراءات "
        "التي قال لطفي زيتون إنها ضرورية. فإن الإحصائيات، التي أوردها المجلس الوزاري، تظهر أن "
        "النمو ضعيف. وكان الأحد الماضي قد أعلن أنه سيستقيل. وقال إن الحكومة ستكون مطالبة "
        "بتوضيح موقفها.")
    assert [show(doc, a) for a in atts] == [
        ("طالب", "الاتحاد", "تتراجع عن قرارها"),
        ("قال", "لطفي زيتون", "ضرورية"),
        ("وقال", "لطفي زيتون", "الحكومة ستكون مطالبة بتوضيح موقفها")]


def test_a_content_ends_before_and_and_a_verb_with_anna():
    doc, atts = attributions("وقال رئيس البلدية إن القرار رمزي وله دلالة وأضاف أن القرار يأتي للفت "
                             "الانتباه. وكشف البلاغ أن الوزارة تعمل وأكدت البلدية أنها جاهزة.")
    assert [show(doc, a) for a in atts] == [
        ("وقال", "رئيس البلدية", "القرار رمزي وله دلالة"),
        ("وأضاف", "رئيس البلدية", "القرار يأتي للفت الانتباه"),
        ("وكشف", "البلاغ", "الوزارة تعمل"),
        ("وأكدت", "البلدية", "جاهزة")]


def test_a_statement_or_a_place_after_a_request_is_no_ba_complement():
    doc, atts = attributions(
        "وطالبت النقابة في بيان اصدرته الثلاثاء بتونس باستعجال النظر في الملفات العالقة. "
        "ودعت الجمعية في بيان لها المواطنين إلى الحذر. وأصدرت الوزارة بيانا. "
        "وأعلنت الجامعة التونسية لكرة القدم بيانا جاء فيه أن المباراة ستعاد.")
    assert [show(doc, a)[:3] for a in atts][:2] == [
        ("وطالبت", "النقابة", "باستعجال النظر في الملفات العالقة"),
        ("ودعت", "الجمعية", "الحذر")]
    assert all("بيانا" not in (show(doc, a)[1] or "") for a in atts)


def test_a_pledge_and_not_taking_charge_of_a_case():
    doc, atts = attributions("وتعهد الوزير باستكمال أشغال الطريق قبل موفى 2016. وتعهدت فرقة الأبحاث "
                             "والتفتيش بالبحث في القضية. وهي الوعود التي تعهدت بها الحكومة.")
    assert [show(doc, a) for a in atts] == [
        ("وتعهد", "الوزير", "باستكمال أشغال الطريق قبل موفى 2016")]


def test_second_review_of_this_sessions_rules():
    """A helper's review of the content-end, بيان and تعهد rules: each sentence once went
    wrong."""
    lines = [
        "وقالت الشركة إن تحقيقاتها وجدت أن سبب الخلل يعود إلى مشكلة في البطارية.",
        "وقال الباحث إن الدراسة شملت 500 شخص وأظهرت أن التدخين يضر بالصحة.",
        "وقال رئيس البلدية إن القرار رمزي وله دلالة وأضاف وزير الصحة أن القرار يأتي للفت الانتباه.",
        "وقال الوزير إن الوضع صعب وأكد على أن الحكومة ستتدخل.",
        "وطالبت النقابة في بيان اصدرته الثلاثاء بتونس بالإسراع في النظر في الملفات.",
        "وطالبت النقابة في برقية اصدرتها باستعجال النظر في الملفات.",
        "وتعهد الوزير أمام اللجنة باستكمال أشغال الطريق، مشيرا إلى أن مشاريع الطرقات متواصلة.",
        'وطالب المحتجون بضرورة "حضور والي الجهة وتعهده بتنفيذ الوعود".',
        "وأضافت أن السعودية تشترط الإعلان الرسمي بالاعتذار، وتعهد الدوحة بعدم التدخل.",
        "وتم الاتفاق على صيانة عدد من المدارس وتعهدها بتوفير معدات.",
        "وتعهد مركز الأمن الوطني ببوحسينة بالقضية وتم إيقاف المتهم.",
        "وتعهدت فرقة الأبحاث والتفتيش بمواصلة الأبحاث.",
        "وتعهد الوزير باستكمال أشغال الطريق قبل موفى 2016.",
    ]
    got = []
    for line in lines:
        doc, atts = attributions(line)
        got.append([show(doc, a)[:3] for a in atts])
    assert got[0] == [("وقالت", "الشركة", "تحقيقاتها وجدت أن سبب الخلل يعود إلى مشكلة في البطارية")]
    assert ("وأظهرت", "الدراسة", "التدخين يضر بالصحة") in got[1]
    assert got[2] == [("وقال", "رئيس البلدية", "القرار رمزي وله دلالة"),
                      ("وأضاف", "وزير الصحة", "القرار يأتي للفت الانتباه")]
    assert got[3][0] == ("وقال", "الوزير", "الوضع صعب")
    assert got[4] == [("وطالبت", "النقابة", "بالإسراع في النظر في الملفات")]
    assert got[5] == [("وطالبت", "النقابة", "باستعجال النظر في الملفات")]
    assert got[6] == [("مشيرا", "الوزير", "مشاريع الطرقات متواصلة")]
    assert got[7] == [("وطالب", "المحتجون", 'بضرورة "حضور والي الجهة وتعهده بتنفيذ الوعود"')]
    assert [a[0] for a in got[8]] == ["وأضافت"]
    assert got[9] == got[10] == got[11] == []
    assert got[12] == [("وتعهد", "الوزير", "باستكمال أشغال الطريق قبل موفى 2016")]


def test_what_the_object_is_described_as_after_a_pronoun():
    doc, atts = attributions(
        "وندد الأعضاء بإغلاق المدارس التي وصفوها بالتعسفية. ووجهت النقابات تهما لأطراف "
        "وصفتها بأصحاب النفوذ المالي، واتهمتها بمحاولة الاختراق. وأثارت تصريحاته جدلا وصفه "
        "الوزير بالمفتعل. وطالب المحتجون بضرورة رحيله وتعهده بالإصلاح.")
    assert [show(doc, a) for a in atts] == [
        ("وندد", "الأعضاء", "بإغلاق المدارس التي وصفوها بالتعسفية"),
        ("وصفوها", "الأعضاء", "بالتعسفية"),
        ("وصفتها", "النقابات", "بأصحاب النفوذ المالي"),
        ("وصفه", "الوزير", "بالمفتعل"),
        ("وطالب", "المحتجون", "بضرورة رحيله وتعهده بالإصلاح")]


def test_plural_media_speak_and_a_verbal_noun_after_adam_is_no_cue():
    doc, atts = attributions("وبحسب مواقع إخبارية دولية متطابقة، فإن الطفل النابغة تأثر كثيرا. وقال "
                             "مصدر أمني، عقيد في الشرطة طلب عدم كشف هويته، إن المقبرة تضم 400 جثة.")
    assert [show(doc, a) for a in atts] == [
        ("وبحسب", "مواقع إخبارية دولية متطابقة", "الطفل النابغة تأثر كثيرا"),
        ("وقال", "مصدر أمني", "المقبرة تضم 400 جثة")]



def test_third_review_of_this_sessions_rules():
    """A helper's review of the وصف, opening-subject and plural-media rules: each sentence once
    went wrong."""
    doc, atts = attributions("وقال الوزير إن الأمر عادي. وانسحبت نائبة من الجلسة ووصفتها بالمهزلة.")
    assert show(doc, atts[-1])[:2] != ("ووصفتها", "الوزير")
    for text in ("وأكدت أنها بريئة، بل وصفتها صراحةً بأنها عنصرية.",
                 "وجاء وصفه بالتفصيل في التقرير.",
                 "وشنت حملة شرسة على مواقع التواصل الاجتماعي تطالب برحيله."):
        doc, atts = attributions(text)
        assert all(show(doc, a)[1] not in ("صراحةً", "صراحة") for a in atts), text
        assert all(not (show(doc, a)[1] or "").endswith("التواصل الاجتماعي") for a in atts), text
        assert "وصفه" not in [show(doc, a)[0] for a in atts], text
    doc, atts = attributions("وهاجمت الوزيرة الحكومة ووصفتها بالفاشلة، وتجاوزت كل الحدود. وهاجم "
                             "حزب نداء تونس المعارضة ووصفها بالفاشلة. وأثار الجلوس جدلا وصفه "
                             "البعض بغير اللائق. وادعت الوزارة في بيان أن الوضع تحت السيطرة. "
                             "وبدأ شاب تونسي يُدعى لطفي فريد إضراب جوع.")
    assert [show(doc, a) for a in atts] == [
        ("ووصفتها", "الوزيرة", "بالفاشلة"), ("ووصفها", "حزب نداء تونس", "بالفاشلة"),
        ("وصفه", "البعض", "بغير اللائق"), ("وادعت", "الوزارة", "الوضع تحت السيطرة")]


def test_what_is_announced_with_a_pronoun_keeps_its_an():
    doc, atts = attributions("وأعلنت الإدارة إستغناءها عن اللاعب. إدارة النادي أعلنت استغناءها عن "
                             "المدرب. وأعلن الوزير عن إطلاق البرنامج.")
    assert [show(doc, a) for a in atts] == [
        ("وأعلنت", "الإدارة", "إستغناءها عن اللاعب"),
        ("أعلنت", "إدارة النادي", "استغناءها عن المدرب"),
        ("وأعلن", "الوزير", "إطلاق البرنامج")]


def test_via_in_an_adjunct_is_no_cue_and_does_not_end_the_search_for_anna():
    doc, atts = attributions("وقال الناطق الرسمي باسم الحركة عبر الهاتف لزميلنا أشرف، إن الشهيد قدم "
                             "خدمات. وعبر الوزير عن أمله في نجاح المفاوضات. وأغلقت الطريق عبر "
                             "محول النفيضة.")
    assert [show(doc, a) for a in atts] == [
        ("وقال", "الناطق الرسمي باسم الحركة", "الشهيد قدم خدمات"),
        ("وعبر", "الوزير", "أمله في نجاح المفاوضات")]


def test_the_foremost_of_them_is_no_cue():
    doc, atts = attributions("وطالب بشروط وأبرزها وجود كاميرات مراقبة. ومن أبرزها دوره في الفيلم.")
    assert [show(doc, a)[0] for a in atts] == ["وطالب"]


def test_review_of_the_via_rule():
    """A helper's review of عبر/بين as prepositions: each sentence once went wrong."""
    doc, atts = attributions("أشار المدير إلى تحسن المؤشرات، كما أبرز الوزير أن النمو سيبلغ 3 "
                             "بالمائة. وقد عبر المندوب الجهوي للتنمية الفلاحية بسيدي بوزيد محمد "
                             "احمدي عن استعداد الادارة للتدخل. أكدت الصين وقوع أول حالتي وفاة بين "
                             "البشر بسلالة إتش7إن9 من إنفلونزا الطيور.")
    assert [show(doc, a) for a in atts] == [
        ("أشار", "المدير", "تحسن المؤشرات"),
        ("أبرز", "الوزير", "النمو سيبلغ 3 بالمائة"),
        ("عبر", "المندوب الجهوي للتنمية الفلاحية بسيدي بوزيد محمد احمدي",
         "استعداد الادارة للتدخل"),
        ("أكدت", "الصين", "وقوع أول حالتي وفاة بين البشر بسلالة إتش7إن9 من إنفلونزا الطيور")]


def test_a_participle_after_the_subject_of_anna_is_its_predicate():
    # "Tunisia is required to …", "the expected crowding": no cue of their own
    doc, atts = attributions("وقال المسؤول بمنظمة الأغذية والزراعة إن تونس مطالبة ببذل أقصى "
                             "الجهود لمنع دخول الحشرة. وأكد الموظف أن حالة الاكتظاظ متوقعة في "
                             "اليوم الأخير. وأكد الوزير أنها مطالبة بتقديم الوثائق.")
    assert [show(doc, a) for a in atts] == [
        ("وقال", "المسؤول بمنظمة الأغذية والزراعة",
         "تونس مطالبة ببذل أقصى الجهود لمنع دخول الحشرة"),
        ("وأكد", "الموظف", "حالة الاكتظاظ متوقعة في اليوم الأخير"),
        ("وأكد", "الوزير", "مطالبة بتقديم الوثائق")]
    # a participle that opens a phrase of its own is still a cue
    doc, [a] = attributions("خرج المحتجون في مسيرة مطالبة بالتشغيل.")
    assert show(doc, a)[0] == "مطالبة"


def test_a_preposition_fused_with_ma_opens_the_content():
    doc, atts = attributions("وحذر الحزب مما وصفها بالحملة المنظمة التي تستهدف الجبهة.")
    assert show(doc, atts[0]) == ("وحذر", "الحزب", "مما وصفها بالحملة المنظمة التي تستهدف الجبهة")


def test_review_of_the_predicate_and_fused_ma_rules():
    """A helper's review of a wider first version: each sentence once went wrong."""
    doc, atts = attributions("وقال الوزير إنه يرفض ذلك مطالبا بفتح تحقيق. وأكدت الوزيرة أنها "
                             "تتابع الملف مؤكدة أن الحل قريب. وأشار إلى أن صاحب الكلب لاذ "
                             "بالفرار دون أن يحاول انقاذه مشيرا إلى أنه تم نقل الطفل.")
    assert [show(doc, a)[::2] for a in atts] == [
        ("وقال", "يرفض ذلك"), ("مطالبا", "بفتح تحقيق"), ("وأكدت", "تتابع الملف"),
        ("مؤكدة", "الحل قريب"), ("وأشار", "صاحب الكلب لاذ بالفرار دون أن يحاول انقاذه"),
        ("مشيرا", "تم نقل الطفل")]
    # after a comma, مما is a consequence, not what was warned of
    assert not attributions("وحذر الوزير الليلة الماضية، مما دفع المواطنين إلى التهافت على "
                            "المحلات.")[1]


def test_what_data_show_is_an_object():
    doc, [a] = attributions("وأظهرت الدراسة ارتفاع عدد الوفيات في المدن الكبرى.")
    assert show(doc, a) == ("وأظهرت", "الدراسة", "ارتفاع عدد الوفيات في المدن الكبرى")
    # a person or a body shows a quality, not a finding
    for text in ("أظهر اللاعب مستوى رائعا في المباراة.", "أظهرت الحكومة عجزها عن حل الأزمة."):
        assert not attributions(text)[1], text


def test_what_someone_notes_is_an_object():
    doc, [a] = attributions("ولاحظت الجمعية بعض النقائص خلال عملية الاقتراع.")
    assert show(doc, a) == ("ولاحظت", "الجمعية", "بعض النقائص خلال عملية الاقتراع")
    # ملاحظة before a noun is mostly the verbal noun (تمت ملاحظة …): no cue
    assert not attributions("وقد تمت ملاحظة بعض الاخلالات في الانتخابات.")[1]


def test_a_feminine_noun_after_a_masculine_request_is_its_addressee():
    # as the subject, السلطات/الحكومة would take طالبت/دعت: the speaker goes on
    doc, atts = attributions("وقال المقرر إن الظروف سيئة. كما طالب السلطات التونسية، بضرورة "
                             "تنفيذ إلتزاماتها في مجال القضاء على التعذيب.")
    assert show(doc, atts[1])[0] == "طالب" and atts[1].speaker is None
    assert show(doc, atts[1])[2].startswith("بضرورة تنفيذ")
    doc, [a] = attributions("وطالبت الحكومة بالتريث.")
    assert show(doc, a) == ("وطالبت", "الحكومة", "بالتريث")
    doc, [a] = attributions("وطالب الاتحاد بالزيادة في الأجور.")
    assert show(doc, a) == ("وطالب", "الاتحاد", "بالزيادة في الأجور")
    # plurals of people in ة take a masculine verb: the subject
    doc, [a] = attributions("وطالب الأساتذة بالزيادة في الأجور.")
    assert show(doc, a) == ("وطالب", "الأساتذة", "بالزيادة في الأجور")
    doc, [a] = attributions("ودعا الطلبة إلى مقاطعة الدروس.")
    assert show(doc, a)[1] == "الطلبة"


def test_review_of_the_addressee_and_object_rules():
    """A helper's review of the feminine-addressee, لاحظ and أظهر rules: each once went wrong."""
    doc, atts = attributions("وقال الوزير إن الوضع خطير. وطالب الحكومة بالتدخل العاجل. ولاحظ عدد "
                             "من الملاحظين أن الإقبال ضعيف.")
    assert [show(doc, a) for a in atts][1:] == [
        ("وطالب", "الوزير", "بالتدخل العاجل"), ("ولاحظ", "عدد من الملاحظين", "الإقبال ضعيف")]
    # an object described with بأنها stays the object
    doc, atts = attributions("وقال الزعيم إن الوضع خطير. ووصف طريقة معاملة اللاجئين بأنها غير "
                             "مقبولة.")
    assert show(doc, atts[1]) == ("ووصف", "الزعيم", "غير مقبولة")


def test_the_present_of_lahaza_takes_no_object():
    assert not attributions("ويلاحظ انطلاقا من هذه الأرقام الرسمية ارتفاعا كبيرا في الأسعار.")[1]
    doc, [a] = attributions("ويلاحظ الخبراء أن الأسعار ارتفعت.")
    assert show(doc, a) == ("ويلاحظ", "الخبراء", "الأسعار ارتفعت")


@pytest.mark.parametrize("text, expected", [
    ("أدانت تونس بشدة التفجيرات الإرهابية التي وقعت أمس.",
     [("أدانت", "تونس", "بشدة التفجيرات الإرهابية التي وقعت أمس")]),
    ("وأهابت وزارة الداخلية بالمواطنين الامتناع عن تداول الإشاعات.",
     [("وأهابت", "وزارة الداخلية", "بالمواطنين الامتناع عن تداول الإشاعات")]),
    ("وفند المسؤول كل الأخبار المتداولة حول الزيادة في الأسعار.",
     [("وفند", "المسؤول", "كل الأخبار المتداولة حول الزيادة في الأسعار")]),
    ("وشكك الوزير في صحة الأرقام المنشورة.", [("وشكك", "الوزير", "صحة الأرقام المنشورة")]),
    ("واعتقد العلماء أن المجرة اكتسبت هذا الشكل منذ زمن بعيد.",
     [("واعتقد", "العلماء", "المجرة اكتسبت هذا الشكل منذ زمن بعيد")]),
    ("وهدد أصحاب سيارات الأجرة بالتصعيد في صورة عدم حل الملف.",
     [("وهدد", "أصحاب سيارات الأجرة", "بالتصعيد في صورة عدم حل الملف")]),
    ("وتطرق الوزير إلى الوضع العام بالبلاد.", [("وتطرق", "الوزير", "الوضع العام بالبلاد")]),
    ("وتداولت صفحات خبر استقالة الوزير، وهو ما نفاه المتحدث باسم الحكومة.",
     [("وهو ما نفاه", "المتحدث باسم الحكومة", "وتداولت صفحات خبر استقالة الوزير")]),
])
def test_condemnations_appeals_doubts_beliefs_threats(text, expected):
    """Cue verbs the tuning file's misses asked for (أدان، أهاب، فنّد، شكّك، اعتقد، هدّد، تطرّق)
    and a weak verb with an object pronoun written with alef (نفاه)."""
    assert reads(text) == expected


@pytest.mark.parametrize("text", [
    "ويعتقد أن المجموعة تضم عشرة عناصر.",  # "it is believed": nobody speaks
    "وعثرت الشرطة على جثة رجل يعتقد أنه قتل.",  # (not the police)
    "وقال إنه يهدد حياة المواطنين.",  # (يهدد "endangers": no threat said)
    "وكشف حسب رأيه عن خطة جديدة.",  # رأيه "his view", not رأى + ه
    "أدانت محكمة إسرائيلية الرقيب إيلور عازاريا بقتل فلسطيني جريح.",  # a conviction
    "وتقرر الإفراج عنه ما لم تثبت إدانته.",  # إدانته "his conviction", not أدانته
    "وأقيمت للفقيد جنازة مهيبة بحضور الأهالي.",  # مهيبة "majestic", not أهاب
])
def test_what_the_new_cue_verbs_do_not_say(text):
    doc, atts = attributions(text)
    assert all(show(doc, a)[0] not in (
        "ويعتقد", "يعتقد", "يهدد", "رأيه", "أدانت", "إدانته", "مهيبة") for a in atts)


def test_threats_and_condemnations_after_ma():
    doc, [a] = attributions("وهدد أعوان الصحة بالإضراب.")  # (the usual threat: a protest)
    assert show(doc, a) == ("وهدد", "أعوان الصحة", "بالإضراب")
    doc, [a] = attributions("وهدد الوزير المحتجين بالتتبع القضائي.")  # (the ones threatened)
    assert show(doc, a) == ("وهدد", "الوزير", "المحتجين بالتتبع القضائي")
    doc, atts = attributions("اختارت الأمم المتحدة السعودية لعضوية لجنة حقوق المرأة، وهو ما "
                             "أدانته منظمات حقوقية.")
    assert show(doc, atts[-1])[:2] == ("وهو ما أدانته", "منظمات حقوقية")


def test_a_same_source_or_pronoun_source_inserted_after_a_short_opening_covers_the_sentence():
    doc, atts = attributions("وقال مصدر أمني إن الحجز تم أمس. وتتمثل البضاعة المحجوزة، وفق المصدر "
                             "نفسه، في 2500 خرطوشة سجائر أجنبية.")
    assert [show(doc, a) for a in atts] == [
        ("وقال", "مصدر أمني", "الحجز تم أمس"),
        ("وفق المصدر نفسه", "مصدر أمني",
         "وتتمثل البضاعة المحجوزة، وفق المصدر نفسه، في 2500 خرطوشة سجائر أجنبية")]
    doc, atts = attributions("وقال الوزير إن البرنامج جاهز. ويتضمن البرنامج، حسب قوله، تحليل "
                             "التربة لفائدة 20 مزارعا.")
    assert show(doc, atts[1]) == ("حسب قوله", "الوزير",
                                  "ويتضمن البرنامج، حسب قوله، تحليل التربة لفائدة 20 مزارعا")


def test_a_verb_of_going_on_with_an_adjunct_before_its_that_ends_the_content():
    doc, atts = attributions("وقال النائب إنه تسلم قرارا برفع الحصانة عنه واوضح في تصريحات اعلامية "
                             "امس ان هذا القرار ياتي على خلفية قضية رفعها ضده والي قفصة السابق.")
    assert [show(doc, a) for a in atts] == [
        ("وقال", "النائب", "تسلم قرارا برفع الحصانة عنه"),
        ("واوضح", "النائب", "هذا القرار ياتي على خلفية قضية رفعها ضده والي قفصة السابق")]


@pytest.mark.parametrize("text, expected", [
    ("ووصف دوغان، مسألة العودة المحتملة للإرهابيين بالحساسة للغاية.",
     ("ووصف", "دوغان", "مسألة العودة المحتملة للإرهابيين بالحساسة للغاية")),
    ("أعلن مسؤول رفيع بجامعة الدول العربية، الانتهاء من ترتيبات القمة.",
     ("أعلن", "مسؤول رفيع بجامعة الدول العربية", "الانتهاء من ترتيبات القمة")),
])
def test_an_object_right_after_the_speakers_comma(text, expected):
    doc, [a] = attributions(text)
    assert show(doc, a) == expected


def test_no_object_after_the_speakers_comma_when_an_adverb_or_a_title_follows():
    doc, atts = attributions("وانتقد النائب، خاصة وأن الوضع صعب.")
    assert atts == []
    doc, atts = attributions("وانتقدت القاضية التصريحات الأخيرة لبرهان بسيس، المكلف بالشؤون "
                             "السياسية في الحزب.")
    assert all(show(doc, a)[2] != "المكلف بالشؤون السياسية في الحزب" for a in atts)


@pytest.mark.parametrize("text, expected", [
    ("وقال الوزير إن الوضع مستقر، مبرزا في ذات السياق، الدور الكبير للأجهزة الأمنية.",
     ("مبرزا", "الوزير", "الدور الكبير للأجهزة الأمنية")),
    ("ودعت الحماية المدنية إلى الحذر مشيرة، في بيان لها، الى أن الشواطئ شهدت حوادث غرق.",
     ("مشيرة", "الحماية المدنية", "الشواطئ شهدت حوادث غرق")),
    ("ونددت الجمعية بأشكال الترهيب، داعية، في هذا الصدد، جميع الأطراف إلى التحرك.",
     ("داعية", "الجمعية", "التحرك")),
])
def test_a_participle_reads_past_a_link_or_an_adjunct_set_off_by_commas(text, expected):
    doc, atts = attributions(text)
    assert show(doc, atts[-1]) == expected


def test_a_participles_object_may_be_what_ma_opens():
    doc, atts = attributions("وأكد الوزير حرصه على إنجاح المؤتمر نافيا ما تم ترويجه بخصوص تشويش "
                             "الإضراب.")
    assert show(doc, atts[-1]) == ("نافيا", "الوزير", "ما تم ترويجه بخصوص تشويش الإضراب")


def test_a_short_quoted_name_closing_a_relayed_source_is_its_speaker():
    doc, atts = attributions('وأشارت إلى أن الشرطة اعتقلت شخصين، بحسب ما نقلت "فرانس برس".')
    assert show(doc, atts[-1])[:2] == ("بحسب ما نقلت", '"فرانس برس"')
    # not a quoted criterion, nor a medium followed by the speaker it quotes
    doc, atts = attributions('قال المعتمد إنها تمنح حسب "الأقدمية والمباشرة".')
    assert [show(doc, a)[0] for a in atts] == ["قال"]
    doc, atts = attributions('وتم إيقاف المتهمين، بحسب ما أفاد به "وات"، الأمين العام للنقابة.')
    assert all(show(doc, a)[1] != '"وات"' for a in atts)


def test_people_by_trade_can_speak():
    doc, atts = attributions("ويحيل عنوان هذا العمل، وفق المخرج، على تهافت السياسيين على المناصب.")
    assert [show(doc, a)[:2] for a in atts] == [("وفق", "المخرج")]


@pytest.mark.parametrize("text, expected", [
    # the passive يُعتقد after a noun is nobody's statement, and ends no content
    ("وقال الادعاء الألماني إن الرجل موقوف، ويعتقد أنه تم تجنيده للانضمام لتنظيم داعش.",
     [("وقال", "الادعاء الألماني",
       "الرجل موقوف، ويعتقد أنه تم تجنيده للانضمام لتنظيم داعش")]),
    ("وتعتقد السلطات أن الجريحين في حالة حرجة.",
     [("وتعتقد", "السلطات", "الجريحين في حالة حرجة")]),
    # an addressee in ين is no speaker noun (الصحفيين), nor an adjective (ندوة صحفية)
    ("وقالت الهيئة إن القرار خاطئ. كما دعت الصحفيين إلى التشبث بحقهم في النفاذ إلى المعلومة.",
     [("وقالت", "الهيئة", "القرار خاطئ"),
      ("دعت", "الهيئة", "التشبث بحقهم في النفاذ إلى المعلومة")]),
    # a verbal noun after the speaker's comma, and a title apposed to a person, are no object
    ("نفى الوزير، نفيا قاطعا، صحة الأخبار المتداولة.",
     [("نفى", "الوزير، نفيا قاطعا", "صحة الأخبار المتداولة")]),
    ("اقترحت مارين لوبان، المرشحة لانتخابات الرئاسة عام 2017، حرمان الأطفال من التعليم.",
     []),
])
def test_fixes_from_the_review_of_the_later_changes(text, expected):
    assert reads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a short quotation opened as a statement is one, however far after the speaker
    ('وقال ترامب في حفل بحديقة الورود في البيت الأبيض "سوف ننسحب".',
     [("وقال", "ترامب", "سوف ننسحب")]),
    # its words are counted without the opening mark set apart by a space (a quoted name)
    ('وقال الوزير على هامش كأس " دليس - دانون " أمس.', []),
    # a verb with an object has its object before such a quotation
    ('نفى اللاعب خبر تعرضه لوعكة صحية حيث نشر صورة له وكتب "أنا حي".',
     [("نفى", "اللاعب", "خبر تعرضه لوعكة صحية حيث نشر صورة له")]),
])
def test_a_short_quotation_that_states_something(text, expected):
    assert reads(text) == expected


def test_a_country_after_kan_and_qad_speaks():
    doc, atts = attributions("وكانت تونس قد أعلنت عن مبادرة لحل الأزمة الليبية.")
    assert [show(doc, a) for a in atts] == [("أعلنت", "تونس", "مبادرة لحل الأزمة الليبية")]


@pytest.mark.parametrize("text, expected", [
    # أي right after the speaker opens the object ("any"), not an aside ("that is")
    ("وفي موضوع آخر نفى حازم قاسم اي علاقة للشهيد مع حزب الله.",
     [("نفى", "حازم قاسم", "اي علاقة للشهيد مع حزب الله")]),
    # a bare time after the verb's comma: the preposition it takes is still near
    ("وكانت مصادر إعلامية أفادت، أمس بمقتل اثنين من المشاركين في الاحتجاجات.",
     [("أفادت", "مصادر إعلامية", "بمقتل اثنين من المشاركين في الاحتجاجات")]),
    # a title between commas right after the verb is its speaker
    ("أكد، مدير عام الامتحانات بوزارة التربية، عمر الولباني، أن الإصلاح سيتواصل.",
     [("أكد", "مدير عام الامتحانات بوزارة التربية، عمر الولباني", "الإصلاح سيتواصل")]),
    # a person whose name opens in ب is no complement of صرّح بـ
    ("صرّح بيبي ماروتا المدير العام لنادي جوفنتوس الإيطالي أن تجديد العقد اقترب.",
     [("صرّح", "بيبي ماروتا المدير العام لنادي جوفنتوس الإيطالي", "تجديد العقد اقترب")]),
    # ل + a definite noun right after the verb is whom she told (وأكدت للرادار)
    ("وقالت المواطنة إنها فقيرة. وأكدت للرادار أنها فضلت شراء قطعة أرض.",
     [("وقالت", "المواطنة", "فقيرة"), ("وأكدت", "المواطنة", "فضلت شراء قطعة أرض")]),
    # a request's title between commas with no one named is its addressee
    ('وقالت النقابية إن الوضع صعب. كما طالبت ،وزيرة الصحة، ب"احداث نظام أساسي للأطباء".',
     [("وقالت", "النقابية", "الوضع صعب"),
      ("طالبت", "النقابية", "احداث نظام أساسي للأطباء")]),
    # حسب ما جاء على لسانه: a pronoun source; على لسان الوزير: the minister speaks
    ("وتم إيقاف المتهمين، حسب ما جاء على لسان الناطق باسم الداخلية.",
     [("حسب ما جاء على لسان", "الناطق باسم الداخلية", "وتم إيقاف المتهمين")]),
    ("وبين بن عاشور أن اللجنة تأكدت من ذلك، حسب ما جاء على لسانه. كما أكد أن اللجنة "
     "استمعت إلى المتهمين.",
     [("وبين", "بن عاشور", "اللجنة تأكدت من ذلك"),
      ("أكد", "بن عاشور", "اللجنة استمعت إلى المتهمين")]),
])
def test_speakers_and_objects_found_in_batches_50_and_52(text, expected):
    assert reads(text) == expected


def test_straight_marks_nest_only_near():
    # a quotation inside a quotation closes, and so does the one around it
    text = 'وقال المصدر "الطائرة من طراز "أنطونوف-26" وأقلعت من المطار".'
    pairs = quote_pairs(text)
    outer, inner = text.index('"الطائرة'), text.index('"أنطونوف')
    assert pairs == {inner: text.index('" وأقلعت'), outer: text.rindex('"')}
    # an opener left unclosed before a nested pair does not pair sentences later: the far
    # closer opens what follows it
    text = ('وأكد على "ضرورة محاربة الإرهاب وذلك "قبل أن نغزى في عقر دارنا"حسب تعبيره. '
            + "وأعرب عن استهجانه لما أقدمت عليه النقابة من انتهاك لحرمة قصر الحكومة. " * 6
            + 'وأضاف أن" الحركة تسعى إلى خوض مرحلة جديدة" وفق تأكيده.')
    pairs = quote_pairs(text)
    assert text.index('"ضرورة') not in pairs
    assert pairs[text.index('" الحركة')] == text.index('" وفق')
    doc, atts = attributions(text)
    assert show(doc, atts[-1])[0::2] == ("وأضاف", "الحركة تسعى إلى خوض مرحلة جديدة")


@pytest.mark.parametrize("text, expected", [
    # a subject set off by a comma before كان قد
    ('يذكر أن وزير التربية ناجي جلول، كان قد أعلن، في تصريح إعلامي، أن مناظرة "السيزيام" '
     "ستكون إجبارية.",
     [("أعلن", "وزير التربية ناجي جلول", 'مناظرة "السيزيام" ستكون إجبارية')]),
    # … but not a unit joined by و after the name (the speaker is the whole apposition)
    ("يذكر أن محمد فريخة، رجل الأعمال، والنائب بالبرلمان عن حركة النهضة، كان نفى ما يروج "
     "من أخبار.", []),
    # players speak, after a quantifier too
    ("كان مجموعة من لاعبي منتخب السلفادور أعلنوا في مؤتمر صحفي أن رجل أعمال عرض عليهم "
     "أموالا.",
     [("أعلنوا", "مجموعة من لاعبي منتخب السلفادور", "رجل أعمال عرض عليهم أموالا")]),
    # a source inserted before the verb's أنّ: the verb's content is read past it
    ("وبينت الأبحاث الأولية وفق بلاغ الوزارة، أن الطفلة تبلغ من العمر 11 سنة.",
     [("وبينت", "الأبحاث الأولية", "الطفلة تبلغ من العمر 11 سنة")]),
])
def test_subjects_and_contents_found_in_batch_54(text, expected):
    assert reads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title takes its ministry's العلاقة مع, a mission in ب, the radio it directs
    ("قال وزير العلاقة مع مجلس نواب الشعب مهدي بن غربية إن الحكومة ماضية في الإصلاح.",
     [("قال", "وزير العلاقة مع مجلس نواب الشعب مهدي بن غربية", "الحكومة ماضية في الإصلاح")]),
    ("أكد رئيس بعثة صندوق النقد الدولي، بيورن روتر، أن النمو سيتحسن.",
     [("أكد", "رئيس بعثة صندوق النقد الدولي، بيورن روتر", "النمو سيتحسن")]),
    ("أكد المدير العام لإذاعة شمس اف ام لطفي زڤدانة أن الأجور ستصرف.",
     [("أكد", "المدير العام لإذاعة شمس اف ام لطفي زڤدانة", "الأجور ستصرف")]),
    # … but a medium after a named office or a source is whom it told
    ("وقال مدير المستشفى لإذاعة موزاييك إن الوضع مستقر.",
     [("وقال", "مدير المستشفى", "الوضع مستقر")]),
    ('وفق ما أكده مصدر لمراسلة "الجوهرة أف أم" بالجهة، تم نقل أحد المحتجين.',
     [("وفق ما أكده", "مصدر", "تم نقل أحد المحتجين")]),
])
def test_titles_found_in_batches_58_and_60(text, expected):
    assert reads(text) == expected


def test_a_quotation_opened_right_after_a_comma():
    doc, atts = attributions('وأضافت ضيفة "بوليتكا" اليوم من جبل جلود بمناسبة إحياء الذكرى،" 4 '
                             'سنوات تاريخ طويل عند البحث عن الحقيقة".')
    assert [show(doc, a) for a in atts] == [
        ("وأضافت", 'ضيفة "بوليتكا"', "4 سنوات تاريخ طويل عند البحث عن الحقيقة")]
    # (with a quotation open, the mark after a comma closes it)
    assert quote_pairs('قال "نحن هنا،" وأضاف') == {4: 13}


def test_a_participles_form_after_a_preposition_ends_no_content():
    doc, atts = attributions('وقال الاتحاد في مذكرة قدمها خلال اجتماع تشاوري بقصر قرطاج، "لا بد '
                             'من تحمل الدولة لمسؤوليتها".')
    assert [show(doc, a) for a in atts] == [
        ("وقال", "الاتحاد", "لا بد من تحمل الدولة لمسؤوليتها")]


@pytest.mark.parametrize("text, expected", [
    # ألا ("that … not") opens the content and keeps its negation; توقعت is a past, not the
    # impersonal present يتوقع
    ("وقالت السعودية إن قطع العلاقات خطوة أولى لكنها توقعت ألا يؤثر الخلاف على المحادثات.",
     [("وقالت", "السعودية", "قطع العلاقات خطوة أولى"),
      ("توقعت", "السعودية", "ألا يؤثر الخلاف على المحادثات")]),
    ("ويتوقع أن ترتفع الأسعار.", []),
    # "during it" after the verb: the subject of the clause's opening verb announces
    ("عقدت الهيئة المديرة للمهرجان، الثلاثاء، ندوة صحفية أعلنت خلالها عن برنامج الدورة.",
     [("أعلنت", "الهيئة المديرة للمهرجان", "برنامج الدورة")]),
])
def test_that_not_and_during_it(text, expected):
    assert reads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a speaker's noun inside a prepositional phrase is no fronted speaker
    ("وقالت الصحفية إنه تم العثور على رسائل. كما تم العثور على مواقع تدعو للعنف بجواله. "
     "ولاحظت أن التحقيقات ترجح أنه يعاني من مرض.",
     [("وقالت", "الصحفية", "تم العثور على رسائل"),
      ("ولاحظت", "الصحفية", "التحقيقات ترجح أنه يعاني من مرض")]),
    # … but a quantifier's من leads to one
    ("وكان عدد من أساتذة جامعة الزيتونة استنكروا منع الوزارة زملاءهم من الحج.",
     [("استنكروا", "عدد من أساتذة جامعة الزيتونة", "منع الوزارة زملاءهم من الحج")]),
])
def test_no_fronted_speaker_inside_a_prepositional_phrase(text, expected):
    assert reads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what a text stipulates: the law, article or agreement before ينص, also inside content
    ("ونددوا بانقلاب الحكومة على اتفاق 18 جانفي 2016 الذي ينص على انتداب 700 عون.",
     [("ونددوا", None, "بانقلاب الحكومة على اتفاق 18 جانفي 2016 الذي ينص على انتداب 700 عون"),
      ("ينص", "اتفاق 18 جانفي 2016", "انتداب 700 عون")]),
    ("وأضاف الوزير أن الوزارة شرعت في تطبيق قرار جديد ينص على ضرورة انتداب عدد منهم.",
     [("وأضاف", "الوزير", "الوزارة شرعت في تطبيق قرار جديد ينص على ضرورة انتداب عدد منهم"),
      ("ينص", "قرار جديد", "ضرورة انتداب عدد منهم")]),
    ("وتتم المحاكمة وفقا لقانون الإرهاب الذي ينص على عقوبات تصل إلى الإعدام.",
     [("ينص", "قانون الإرهاب", "عقوبات تصل إلى الإعدام")]),
    # a fronted speaker may hold a relative clause with a preposition, or a time
    ('قال وزير الداخلية، الهادي مجدوب إن الشخصين الذين قاما بكراء السياراتين اللتين تم '
     'استخدامها في عملية اغتيال "محمد الزواري" اعترفا بأنهما قاما بذلك.',
     [("قال", "وزير الداخلية، الهادي مجدوب", "الشخصين الذين قاما بكراء السياراتين اللتين تم "
       'استخدامها في عملية اغتيال "محمد الزواري" اعترفا بأنهما قاما بذلك'),
      ("اعترفا", "الشخصين الذين قاما بكراء السياراتين اللتين تم استخدامها في عملية اغتيال "
       '"محمد الزواري"', "قاما بذلك")]),
    # people a spokesman talks to are whom he told, even after a bare title
    ('وقال المتحدث للصحفيين في نيويورك "هذا ليس بسبب المحتوى".',
     [("وقال", "المتحدث", "هذا ليس بسبب المحتوى")]),
])
def test_stipulating_texts_and_review_fixes(text, expected):
    assert reads(text) == expected


def test_a_word_that_only_looks_like_a_cue_ends_no_content():
    # مؤكدة an adjective, مذكرة a memo (and the study's تشير inside it): the content reads on
    assert reads("وقال الصيداوي إن هذا الكتاب تضمن معلومات مؤكدة ومن مصادر موثوقة جدا.") == [
        ("وقال", "الصيداوي", "هذا الكتاب تضمن معلومات مؤكدة ومن مصادر موثوقة جدا")]
    assert reads("وذكرت صحيفة بلجيكية أنه تم استقبال مذكرة في مراكز الشرطة تشير إلى هجمات "
                 "وشيكة.")[0][2] == "تم استقبال مذكرة في مراكز الشرطة تشير إلى هجمات وشيكة"
    # a participle that is no noun opens a clause of its own even when it reads as nothing
    assert reads("وقال فيصل خليفة إن هناك صراعا بين اتحاد الشغل والحكومة منبها لضرورة "
                 "الحسم.")[0][2] == "هناك صراعا بين اتحاد الشغل والحكومة"


def test_an_inserted_source_past_its_tail_or_with_no_comma_before_covers_its_sentence():
    # its time, its relative clause or the noun after ذات before the closing comma
    for text in ("وستتم عملية بيع الاشتراكات، حسب بلاغ للشركة نشرته الثلاثاء، على شبكات النقل.",
                 "وتندرج هذه الزيارة، وفق بلاغ للوزارة اليوم الخميس، في إطار دعم التعاون.",
                 "وتتولى الوزارة وفق هذا الأمر، إعداد السياسة العامة للحكومة."):
        assert reads(text)[0][2] == text[:-1]
    # a source that ends its clause before an adjunct of the speaking attributes what precedes
    assert reads("وتم حجز البضاعة، وفق ما أكده مصدر أمني، خلال عملية مداهمة.")[0][2] == (
        "وتم حجز البضاعة")


def test_an_opening_source_attributes_what_follows_its_fa_inna():
    assert reads("وبحسب تقرير البنك الدولي الصادر أمس في واشنطن، فإن النمو سيتراجع.") == [
        ("وبحسب", "تقرير البنك الدولي", "النمو سيتراجع")]
    assert reads("وبحسب ما ذكرت الشبكة اليوم الأحد، فقد عثر داخل الزنزانة على مكيف.")[0][2] == (
        "عثر داخل الزنزانة على مكيف")
