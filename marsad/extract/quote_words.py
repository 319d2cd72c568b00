"""The word tables of the attribution reader (:mod:`marsad.extract.quotes`,
:mod:`marsad.extract.speaker`): punctuation, function words, titles, bodies, times and the
other closed classes that bound a speaker, a content or a source phrase.

Every word is written in ordinary spelling and normalized once, so أكّد، أكد and اكد are one
entry (see :mod:`marsad.extract.speech` for the cue verbs and speaker nouns).
"""

from __future__ import annotations

import re

from marsad.extract import speech
from marsad.extract.clause import bare
from marsad.text.normalize import normalize_text

MAX_SPEAKER = 16
MAX_ADJUNCT = 24
#: words back from الذي/التي to the start of its noun (الأمين العام للاتحاد … الطبوبي الذي).
MAX_ANTECEDENT = 10
COMMA = frozenset("،,")
STOPS = frozenset("،,;؛:.!?؟()[]{}")
RELATIVE_PRONOUNS = frozenset(normalize_text(p + w) for w in ("الذي", "التي", "الذين", "اللذين")
                               for p in ("", "و"))
#: the gender of a relative pronoun's noun (الذي قال: he; التي قال: not she).
RELATIVE_GENDER = {normalize_text("الذي"): "m", normalize_text("التي"): "f"}
#: words before a fronted speaker that end the search for it (ولكن إدارة الإطفاء قالت).
FRONT_STOPS = frozenset(normalize_text(w) for w in (
    "لكن", "ولكن", "بينما", "فيما", "حيث", "إذ", "اذ", "ثم", "بعد", "قبل", "لأن", "لان", "حين",
    "عندما", "كما", "أما", "اما", "غير", "إلا", "الا",
))
ADJUNCT_HEADS = frozenset(normalize_text(w) for w in (
    "هامش", "غرار", "مستوى", "صعيد", "رأس", "إثر", "خلفية", "ضوء", "لسان", "سبيل", "امتداد",
))
#: words that are no name after a comma (الحكومة، أي …).
DEMONSTRATIVES = frozenset(normalize_text(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هؤلاء"))
TITLE_NOUNS = frozenset(normalize_text(w) for w in (
    "مجلة", "صحيفة", "جريدة", "برنامج", "بعنوان", "عنوان", "شعار", "كتاب", "فيلم", "حملة",
    "عملية", "موقع", "قناة", "وكالة", "مسرحية", "رواية", "أغنية", "مهرجان", "تظاهرة", "اسم",
    "منظمة", "حزب", "حركة", "جمعية", "مشروع", "مبادرة", "ملتقى", "ندوة", "تحت", "تسمى",
))
DOMAIN_PREPS = {
    normalize_text(w): frozenset(normalize_text(p) for p in preps.split())
    for w, preps in (("خبير", "في"), ("مختص", "في"), ("باحث", "في"), ("أستاذ", "في"),
                     ("نائب", "عن"), ("ناطق", "عن"), ("مسؤول", "في عن"), ("عضو", "في"),
                     ("مكلف", "ب"))
}
#: adjectives inside a title in construct (أمين عام حزب، مساعد أول لوكيل الجمهورية).
TITLE_ADJECTIVES = frozenset(normalize_text(w) for w in (
    "عام", "أول", "سابق", "أعلى", "خاص", "دائم", "مساعد",
))
LOCATIVE_PREPS = frozenset(normalize_text(w) for w in ("في", "عن", "من", "ب"))
PLACE_NOUNS = frozenset(normalize_text(w) for w in (
    "ولاية", "منطقة", "مدينة", "جهة", "الجهة", "قطاع", "معتمدية", "بلدية", "ولايه", "دائرة",
))
PLACE_BARE = frozenset(bare(w) for w in PLACE_NOUNS)
LOCAL_WORDS = frozenset(normalize_text(w) for w in ("بالجهة", "بالمنطقة", "بالولاية", "بالمدينة"))
#: prepositions a verb takes that may come after an addressee or an adjunct (أعلن … عن).
FAR_PREPS = frozenset(normalize_text(w) for w in ("عن", "إلى", "الى", "من"))
FAR_BA = frozenset({"طالب", "دعا", "ندد", "أشاد", "نادى", "أعلم", "أبلغ"})
BUT = frozenset(normalize_text(w) for w in ("لكنه", "لكنها", "ولكنه", "ولكنها", "لكنهم", "ثم"))
COMP_PRONOUN = re.compile(r"^[وف]?(?:ب|ل)?ان(?:ه|ها|هم|هما|نا|ني)$")
TELLS = frozenset({"أعلم", "أبلغ"})
#: verbs that ascribe a cause (أرجع الوزير الانخفاض إلى …): after them, a noun that names no
#: one who can speak is the object (وعللت الزيادات بـ …: the subject came before)
ASCRIBING = frozenset({"أرجع", "علل", "عزا", "برر"})
GUEST = frozenset(normalize_text(w) for w in ("ضيف", "ضيفة"))
TAKES_LAM = frozenset(normalize_text(w) for w in ("وفقا", "طبقا"))
STOP_NAMES = frozenset(normalize_text(w) for w in ("أي", "اي", "وهو", "وهي", "كما", "أيضا"))
KAN = frozenset(normalize_text(w) for w in ("كان", "كانت", "كانوا"))
NEGATORS = frozenset(normalize_text(w) for w in ("لم", "ولم", "لا", "ولا", "لن", "ولن", "ما"))
#: prepositions that stay inside a speaker after these words (بلاغ صادر عن …، الناطق باسم …).
SPEAKER_PREPS = {
    normalize_text("عن"): frozenset(normalize_text(w) for w in ("صادر", "صادرة", "الصادر",
                                                                "الصادرة", "منبثق", "ممثل")),
    normalize_text("من"): frozenset(normalize_text(w) for w in (
        "عضو", "وفد", "مسؤول", "مصدر", "مصادر", "مصدرا", "مسؤولون", "مسؤولين", "ممثل", "ممثلون",
        "ممثلين", "قيادي", "قياديون")),
    normalize_text("لدى"): frozenset(normalize_text(w) for w in (
        "الدولة", "سفير", "السفير", "ممثل", "الممثل", "مندوب", "المندوب", "الدائم", "مستشار")),
    normalize_text("إلى"): frozenset(normalize_text(w) for w in (
        "المنتسب", "المنتسبة", "المنتمي", "المنتمية", "منتسب", "منتمي")),
    normalize_text("مع"): frozenset(normalize_text(w) for w in (  # وزير العلاقة مع مجلس نواب
        "العلاقة", "العلاقات")),                                   # الشعب
}
#: parts of a law whose number belongs to them (الفصل 49 من الدستور ينص).
LEGAL_UNITS = frozenset(normalize_text(w) for w in ("فصل", "بند", "مادة", "قانون", "أمر", "مرسوم"))
#: nouns in ب that a title takes in construct (رئيس بعثة صندوق النقد، رئيس بلدية صفاقس).
BA_TITLE_NOUNS = frozenset(normalize_text(w) for w in (
    "بعثة", "بلدية", "برلمان", "بنك", "برنامج", "بورصة", "بيت", "بعثات"))
SPEAKER_WORDS = frozenset(normalize_text(w) for w in (
    "باسم", "بوزارة", "بولاية", "بمدينة", "بقسم", "بمصلحة", "بالمستشفى", "بمستشفى", "بإدارة",
    "بالإدارة", "بالمندوبية", "بمندوبية", "بالوزارة", "بالولاية", "بالجامعة", "بجامعة",
))
PREP_COMP = frozenset(normalize_text(w) for w in ("إلى", "الى", "على", "عن", "من"))
NAME_PREFIXES = ("بن", "بو", "بل", "لطف", "لي", "لو", "لا", "لب")
#: ب + a noun in و that is no name (طالب بوضع خطة، دعا بوقف …; not بوجمعة، بورقيبة).
BA_WAW_NOUNS = frozenset(normalize_text(w) for w in (
    "بوضع", "بوقف", "بوجود", "بوصول", "بوضوح", "بوقوف", "بوجوب", "بوضعية", "بوفاة", "بوعود",
    "بوعده"))
#: name parts that look like a preposition + article (منتصر بالله، محمد بالحاج).
NAME_PARTS = frozenset(normalize_text(w) for w in (
    "بالله", "بالحاج", "بالقاسم", "بالطيب", "بالهادي", "بالعربي", "وجيه", "نبيه", "فقيه",
))
#: ب-adverbs that may follow a verb before its subject (أعلن بشكل رسمي).
BA_ADJUNCTS = frozenset(normalize_text(w) for w in (
    "بشكل", "بصفة", "بمناسبة", "بدوره", "بدورها", "بدورهم", "بحضور", "بخصوص", "بشأن", "بصورة",
    "بوضوح", "بالمناسبة", "بكل", "بلهجة", "بنبرة", "بمقر", "بعنوان", "بمرارة", "بأسف",
    # accusative adjuncts that open the same way (وأكد تعقيبا على ما اعتبره …، أن)
    "تعقيبا", "ردا", "تعليقا", "تفاعلا", "إثر", "اثر",
))
#: words that open an affiliation apposed to a speaker (، التابعة للاتحاد).
AFFILIATIONS = frozenset(normalize_text(w) for w in (
    "التابع", "التابعة", "المنتسب", "المنتسبة", "المنتمي", "المنتمية", "المكلف", "المكلفة",
))
#: words in PREPOSITIONS that do not continue a speaker's noun phrase.
NP_BREAKS = frozenset(normalize_text(w) for w in ("اليوم", "أمس", "غدا", "الآن", "أيضا", "كذلك"))
#: words of media names and relative adjuncts read through after a speaker (خص به إذاعة).
MEDIA_WORDS = frozenset(normalize_text(w) for w in (
    "خص", "خصّ", "به", "بها", "إذاعة", "اذاعة", "أف", "اف", "أم", "ام", "إف", "إم", "له", "لها",
    "لهم", "لنا", "قناة", "صحيفة", "جريدة", "وكالة", "موقع", "برنامج",
))
#: words before أنّ that make it no complementizer of speech (دون أن، بعد أن).
TIME_CONJ = frozenset(normalize_text(w) for w in (
    "دون", "بدون", "بعد", "قبل", "منذ", "حتى", "بمجرد", "ريثما", "إلى", "الى",
))
#: times of the speaking that end a speaker (الرئيس الأميركي غداة تنصيبه، الوزير إبان زيارته).
TIME_ADJUNCTS = frozenset(normalize_text(w) for w in (
    "غداة", "عشية", "صبيحة", "إبان", "ابان", "أثناء", "اثناء", "قبيل", "بعيد", "عقب", "إثر",
    "اثر", "طيلة", "طوال",
))
#: "acting": part of the title before it (مدير السجن بالنيابة).
ACTING = frozenset(normalize_text(w) for w in ("بالنيابة", "بالإنابة", "بالنيابه", "بالانابة"))
#: the writer's asides that end a speaker's content (… يشار إلى أن، تجدر الإشارة).
ASIDES = frozenset(normalize_text(w) for w in (
    "يشار", "ويشار", "يذكر", "ويذكر", "تجدر", "وتجدر",
))
ASIDE_NEXT = frozenset(normalize_text(w) for w in ("إلى", "الى", "الإشارة", "بأن", "ان", "أن"))
#: verbs of saying that report speech after ما without a pronoun (وهو ما قال الوزير).
SAY = frozenset({"قال", "أكد", "أوضح", "أضاف", "صرح", "أشار", "أفاد", "ذكر", "أعلن", "كشف"})
#: times that close an adjunct (يوم السبت، اليوم، أمس): what follows starts a new phrase.
TIMES = frozenset(normalize_text(w) for w in (
    "يوم", "اليوم", "أمس", "غدا", "الآن", "صباح", "مساء", "ليلة", "عشية", "ظهر", "فجر",
    "صباحا", "مساءا", "مساء", "حاليا", "مؤخرا", "سابقا", "أيضا", "ايضا", "كذلك",
    "أواخر", "اواخر", "أوائل", "اوائل", "مطلع", "منتصف",  # أواخر ديسمبر
    "خلاله", "خلالها", "آنذاك", "حينها",  # أعلنت خلاله رئيسة الوزراء …
))
WEEKDAYS = frozenset(normalize_text(w) for w in (
    "السبت", "الأحد", "الاحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء",
    "الخميس", "الجمعة", "الماضي", "الفارط", "المنقضي", "المنصرم",
))
#: words that are no part of a name (بل سعيه، فهي تعلم، بانه تم).
NOT_NAMES = frozenset(normalize_text(w) for w in (
    "بل", "ثم", "او", "أو", "فهو", "فهي", "وهو", "وهي", "هو", "هي", "تم", "قد", "لقد", "كان",
    "كانت", "ليس", "ليست", "جهة", "أخرى", "اخرى", "ثانية", "لم", "لن", "لا", "ما", "كل",
    "تحت", "إشراف", "اشراف", "رئاسة", "حضور", "غرار", "مستوى", "صعيد",
))
#: possessive endings: a word with one is an object (قراره، سعيه), not a name.
POSSESSED = ("ه", "ها", "هم", "هما")
#: pronouns of the addressee between a verb and its subject (قال له الموظف).
ADDRESSEES = frozenset(normalize_text(w) for w in ("له", "لها", "لهم", "لنا", "لي"))
#: verbal nouns that open an object after a verb of saying (وأكد أهمية …، أبدى استعداده).
OBJECT_HEADS = frozenset(normalize_text(w) for w in (
    "أهمية", "اهمية", "ضرورة", "وجوب", "حرص", "تمسك", "استعداد", "التزام", "رفض", "دعم",
    "عزم", "مساندة", "تضامن", "استمرار", "تواصل", "وجود", "عدم", "حق", "إمكانية",
    "امكانية", "استعجالية", "رغبة", "نية", "موقف", "ارتياح", "انشغال", "استياء", "قلق",
    "تفاؤل", "أسف", "تأييد", "معارضة", "مواصلة", "براءة", "اعتزام", "اعتذار", "ترحيب",
    "دعوة", "مطالبة", "حاجة",
    # changes a cause is given for (وعزا ارتفاعَ المديونية إلى …، وأنكر علاقته)
    "ارتفاع", "انخفاض", "تراجع", "تدهور", "تأخر", "تاخر", "غياب", "نقص",
    # what is criticised or praised (وانتقد أداءَ وزير الشؤون الخارجية، وثمّن مجهوداتِ …)
    "أداء", "اداء", "صمت", "تجاهل", "تعامل", "سياسة", "مجهودات", "جهود",
))
#: verbs whose object is their content when no preposition opens it (أعلنت الشرطة،
#: منذ قليل، انتهاءَ العملية), though the preposition is more usual (أعلن عن).
LATE_OBJECT = frozenset({"أعلن"})
TRUE_PREPS = frozenset(normalize_text(w) for w in (
    "في", "من", "على", "عن", "إلى", "الى", "مع", "خلال", "لدى", "عبر", "حول", "أمام", "عند",
))
WHILE = frozenset(normalize_text(w) for w in ("فيما", "بينما", "حين", "وفيما", "وبينما"))
#: words that link the parts of a name (الطاهر بن حسين).
NAME_LINKS = frozenset(normalize_text(w) for w in ("بن", "بنت", "ابن", "أبو", "ابو", "بو", "ولد"))
SPEAKING_ADJUNCTS = frozenset(normalize_text(w) for w in ("خلال", "اثر", "إثر", "عقب", "لدى"))
#: documents: heads of speakers, but not of a person's title (تصريح رئيس الحزب).
DOCUMENTS = frozenset(normalize_text(w) for w in (
    "تصريح", "تصريحات", "بيان", "بلاغ", "تقرير", "حوار", "رسالة", "مقال", "تدوينة",
))
#: verbs with an addressee before their preposition (دعا الوزير المواطنين إلى …).
ADDRESSING = speech.ASKING | TELLS | {"نصح", "وعد"}
#: … and verbs whose addressee may only follow a speaker it disagrees with (وهدد الوزير
#: المحتجين بالتتبع; not وهدد أعوانُ الصحة بالإضراب, a plain subject).
ADDRESSED_AFTER_SPEAKER = ADDRESSING | {"هدد"}
ISSUED = frozenset(normalize_text(w) for w in ("صدر", "صادر", "الصادر", "صدرت", "الصادرة"))
#: data and documents that "show" or "point to" something (نتائج سبر الآراء تشير إلى …):
#: their present-tense cue inside reported content is a claim, not a habit.
DATA_HEADS = frozenset(normalize_text(w) for w in (
    "نتائج", "أرقام", "معطيات", "إحصائيات", "احصائيات", "مؤشرات", "بيانات", "دراسة",
    "دراسات", "تقرير", "تقارير", "استطلاع", "استطلاعات", "سبر", "تقديرات", "معلومات",
    "مكاتب", "وثائق", "أبحاث", "بحوث", "تحاليل",
))
#: bodies a speaker works in (النائب بمجلس الشعب، مصدر طبي بقسم الاستعجالي).
BODIES = frozenset(normalize_text(w) for w in (
    "مجلس", "قسم", "فرع", "إقليم", "اقليم", "مصلحة", "مستشفى", "المستشفى", "وزارة", "الوزارة", "إدارة", "الإدارة",
    "مندوبية", "المندوبية", "جامعة", "الجامعة", "كلية", "معهد", "المعهد", "بلدية", "البلدية",
    "ولاية", "الولاية", "مركز", "المركز", "هيئة", "الهيئة", "ديوان", "الديوان", "الاتحاد",
    "اتحاد", "منظمة", "المنظمة", "نقابة", "النقابة", "الحزب", "حزب", "حركة", "الحركة",
    "المجلس", "مكتب", "المكتب", "سفارة", "السفارة", "شركة", "الشركة", "مؤسسة", "المؤسسة",
    "محكمة", "المحكمة", "الحماية", "النيابة", "نيابة", "دائرة", "الدائرة", "مديرية",
    "المديرية", "فرقة", "الفرقة", "وحدة", "الوحدة", "سجن", "السجن", "مصالح", "المصالح",
))
#: occasions of speech after في/على: the adjunct that follows a speaker (في تصريح لـ…).
OCCASIONS = frozenset(normalize_text(w) for w in (
    "تصريح", "تصريحات", "تعليق", "تعليقه", "تعليقها", "مداخلة", "حديث", "حوار", "كلمة", "ندوة",
    "لقاء", "جلسة", "اجتماع", "مؤتمر", "بيان", "بلاغ", "رسالة", "تدوينة", "مقابلة", "افتتاح",
    "اختتام", "إطار", "برنامج", "ختام", "هامش",
))
#: "in charge of": a ب-phrase after it belongs to the title (كاتب الدولة المكلف بالرياضة).
IN_CHARGE = frozenset(normalize_text(w) for w in ("المكلف", "المكلفة", "مكلف", "مكلفة"))
#: "but" before a new speaker and his cue (…، لكن الأطباء أكدوا).
BUT_NOUN = frozenset(normalize_text(w) for w in ("لكن", "ولكن", "بينما", "فيما"))
#: verbs of guessing whose present is impersonal before أنّ (ويرجح أن …: "it is likely").
IMPERSONAL_LEMMAS = frozenset({"رجح", "توقع", "اعتقد"})
#: cue forms that are more often nouns after a noun (طالب "student, applicant").
NOUN_CUES = frozenset(normalize_text(w) for w in ("طالب",))
#: cue verbs spelled like a preposition or an adjective (عبر "via", بين "between", أبرز).
PREP_LIKE = frozenset({"عبر", "بين", "أبرز"})
#: a short quotation opened by one of these is a statement, not a quoted name ("سوف ننسحب")
SPOKEN_OPENERS = frozenset(normalize_text(w) for w in (
    "سوف", "لن", "لا", "لم", "لقد", "قد", "نحن", "أنا", "إننا", "إنني", "لسنا", "لست", "ليس",
    "كنا", "يجب", "علينا", "هذا", "هذه"))
#: "whose gist is" after a message (بشكاية مفادها …، رسالة مفادها أنّ …), as written and normalized.
GIST_WORDS = ("مفاده", "مفادها", "ومفاده", "ومفادها")
GIST = frozenset(normalize_text(w) for w in GIST_WORDS)


#: two-word source phrases (على حد تعبيره، في رأي …، جاء في): cues like the source words.
SOURCE_PHRASES = ("على حد", "وعلى حد", "في رأي", "وفي رأي", "في تقدير", "وفي تقدير", "في نظر",
                  "جاء في", "وجاء في", "ورد في", "وورد في", "جاء على", "وجاء على")
NORM_SOURCE_PHRASES = frozenset(normalize_text(p) for p in SOURCE_PHRASES)
