"""Who takes part in an event when no name is given: nouns for actors and victims.

Events often name their actors by what they are (المتظاهرون، مسلحون مجهولون، الجيش، انتحاري)
rather than by name. These tables give such nouns (normalized, without the article) a
CAMEO-style role: ``MIL`` armed forces, ``COP`` police, ``GOV`` government, ``REB`` rebels,
``UAF`` unidentified armed force, ``CVL`` civilians and crowds, ``OPP`` opposition, ``LAB``
labour, ``EDU`` students, ``MED`` media, ``JUD`` judiciary, ``LEG`` lawyers, ``BUS`` business.
A noun of :data:`VICTIMS` after a verb makes the verb passive (قتل 28 شخصا: 28 were killed).
"""

from __future__ import annotations

from marsad.text.normalize import normalize_text


def _table(rows: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for words, role in rows.items():
        for w in words.split():
            out[normalize_text(w)] = role
    return out


#: actor nouns (singular, plural and case forms, without ال) -> role.
ACTOR_NOUNS = _table({
    "جيش جيوش جنود جندي جنديا قوات قوة عسكريين عسكريون جنودا الجيش": "MIL",
    "حرس الحرس مشاة بحرية طائرات طائرة طيران مروحيات مقاتلات دبابة دبابات": "MIL",
    "شرطة شرطي شرطيين شرطيون أمن أعوان عناصر دورية دوريات مغاوير درك حرس_وطني": "COP",
    "حكومة سلطات السلطات وزارة رئاسة إدارة نظام مسؤولون مسؤولين مسؤولو وزراء وزير": "GOV",
    "رئيس زعيم قادة قائد ملك أمير برلمان نواب مجلس دبلوماسيون دبلوماسيين": "GOV",
    "متمردين متمردون المتمردين ثوار ثوار مقاتلين مقاتلون مقاتلو ميليشيا ميليشيات مليشيات": "REB",
    "مسلحين مسلحون مسلحو مسلح مسلحا مجهولين مجهولون مجهول انتحاري انتحاريين انتحاريون": "UAF",
    "انتحاريا انتحارية إرهابيين إرهابيون إرهابي إرهابيا متشددين متشددون متشددو جهاديين": "UAF",
    "خاطفين خاطفون مهاجمين مهاجمون مهاجم عصابة عصابات مهربين قراصنة ملثمين ملثمون": "UAF",
    "متظاهرين متظاهرون متظاهرو متظاهر محتجين محتجون محتجو معتصمين معتصمون مضربين": "CVL",
    "مضربون مواطنين مواطنون سكان أهالي أهالى شبان شباب آلاف مئات عشرات الآلاف الناس": "CVL",
    "حشود جماهير أنصار مؤيدين مؤيدون ناشطين ناشطون نشطاء ناشط عائلات أسر فلاحين": "CVL",
    "معارضة معارضين معارضون معارضو": "OPP",
    "عمال عاملين موظفين موظفون نقابيين نقابة نقابات": "LAB",
    "طلبة طلاب تلاميذ أساتذة معلمين مدرسين": "EDU",
    "صحفيين صحفيون صحافيين صحافيون إعلاميين": "MED",
    "قضاة محكمة القضاء": "JUD",
    "محامين محامون المحامين": "LEG",
    "تحالف الائتلاف": "IGO",
    "حركة جماعة تنظيم فصائل فصيل كتائب ألوية سرايا جبهة خلية خلايا": "REB",
    "حلفاء شركاء": "GOV",
})
#: protesters: their acts are protests (CAMEO 14).
PROTESTERS = frozenset(normalize_text(w) for w in (
    "متظاهرين", "متظاهرون", "متظاهرو", "متظاهر", "متظاهرا", "محتجين", "محتجون", "محتجو",
    "معتصمين", "معتصمون", "مضربين", "مضربون", "متظاهرات", "محتجات",
))
#: nouns that make a crowd (the ``crowd`` need of a trigger: تجمع، احتشد، سار).
CROWD = frozenset(w for w, r in ACTOR_NOUNS.items() if r in ("CVL", "OPP", "LAB", "EDU")) | {
    normalize_text(w) for w in ("محامين", "محامون", "قضاة", "أطباء", "صحفيين", "الآلاف")}
#: nouns of victims: after a verb trigger they make it passive.
VICTIMS = frozenset(normalize_text(w) for w in (
    "شخص", "شخصا", "أشخاص", "اشخاص", "شخصين", "شخصان", "مدني", "مدنيا", "مدنيين", "مدنيون",
    "قتيل", "قتلى", "قتيلا", "جريح", "جرحى", "ضحايا", "ضحية", "طفل", "طفلا", "أطفال", "طفلان",
    "امرأة", "نساء", "رجل", "رجلا", "رجال", "فتاة", "صبي", "مواطن", "مواطنا", "عامل", "عمال",
    "زائر", "زوار", "مصلين", "مدنيات", "سائح", "سياح", "سائحا", "أجانب", "أجنبي", "رهائن",
    "رهينة", "معتقل", "معتقلين", "سجين", "سجناء", "لاجئين", "مهاجرين", "فلسطينيين", "فلسطينيا",
    "عراقيين", "عراقيا", "أفغان", "جنود", "جنديا", "جندي", "شرطيا", "شرطيين", "عناصر", "أفراد",
    "اخرين", "آخرين", "آخرون", "أحد", "أحدهم", "اثنين", "اثنان", "ثلاثة", "أربعة", "خمسة",
    "ستة", "سبعة", "ثمانية", "تسعة", "عشرة",
))
#: words that count or quantify the head of a phrase (عشرات المتظاهرين، أحد عناصر الشرطة).
QUANTIFIERS = frozenset(normalize_text(w) for w in (
    "عشرات", "مئات", "آلاف", "الآلاف", "ألوف", "عدد", "عددا", "أحد", "إحدى", "بعض", "جميع",
    "كل", "مجموعة", "مجموعات", "حشد", "حشود", "نحو", "حوالي", "قرابة", "أكثر", "اكثر", "من",
    "زهاء", "ما", "يزيد", "عن", "على", "الأقل", "الاقل", "اثنين", "اثنان", "ثلاثة", "أربعة",
    "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "عشرين", "ثلاثين", "أربعين", "خمسين",
    "مائة", "مئة", "ألف", "مليون", "بين", "و", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني",
    "تسع", "عشر",
))


def role_of(bare_word: str) -> str | None:
    """The role of an actor noun (without clitics), or None."""
    return ACTOR_NOUNS.get(bare_word)
