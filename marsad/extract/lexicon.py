"""Word lists for numbers, money and dates, written in ordinary Arabic spelling.

Every list is normalized once, when the module is imported, with the same
:func:`normalize_text` as the text it is matched against, so an entry written أربعة matches
اربعة، أربعة and أربعةً alike (the mistake of word lists that were never normalized is not
possible here). Matching code imports the ``N_*`` tables, keyed by normalized spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TypeVar

from marsad.text.normalize import normalize_text

V = TypeVar("V")


def norm_keys(table: Mapping[str, V]) -> dict[str, V]:
    """The table with its keys normalized (later entries win on a clash)."""
    return {normalize_text(k): v for k, v in table.items()}


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the normalized ``words`` (spaces as ``\\s+``), built as a trie
    so that the engine follows one branch per character instead of trying every word.

    Longer words win over their prefixes (each branch tries its continuations first)."""
    trie: dict[str, dict] = {}
    for w in {normalize_text(w) for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        rest = _trie_regex(node[ch])
        branches.append(piece + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if end else body


# --- number words -----------------------------------------------------------------------------

UNITS: dict[str, int] = {
    "واحد": 1, "واحدة": 1, "واحدا": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
    "عشر": 10, "عشرة": 10,
}
#: one, as the first word of a teen only (أحد عشر، إحدى عشرة): alone they mean "one of".
TEEN_ONE: dict[str, int] = {"أحد": 1, "إحدى": 1}
TENS: dict[str, int] = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
HUNDREDS: dict[str, int] = {
    "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
    "مئتا": 200, "مائتا": 200, "مئتي": 200, "مائتي": 200,
    **{f"{u}{h}": v * 100 for u, v in (("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                                        ("ثمان", 8), ("تسع", 9)) for h in ("مئة", "مائة")},
}
#: scale words: (value, form) where form is "one" (singular/plural), "two" (dual).
SCALES: dict[str, tuple[int, str]] = {
    "ألف": (1000, "one"), "آلاف": (1000, "one"), "ألفا": (1000, "one-or-two"),
    "ألفان": (1000, "two"), "ألفين": (1000, "two"), "ألفي": (1000, "two"),
    "مليون": (10**6, "one"), "ملايين": (10**6, "one"), "مليونا": (10**6, "one-or-two"),
    "مليونان": (10**6, "two"), "مليونين": (10**6, "two"), "مليوني": (10**6, "two"),
    "مليار": (10**9, "one"), "مليارات": (10**9, "one"), "مليارا": (10**9, "one-or-two"),
    "ملياران": (10**9, "two"), "مليارين": (10**9, "two"), "ملياري": (10**9, "two"),
    "بليون": (10**9, "one"), "بلايين": (10**9, "one"), "بليونا": (10**9, "one-or-two"),
    "تريليون": (10**12, "one"), "تريليونات": (10**12, "one"), "تريليونا": (10**12, "one-or-two"),
    "ترليون": (10**12, "one"), "ترليونات": (10**12, "one"), "ترليونا": (10**12, "one-or-two"),
}
FRACTIONS: dict[str, float] = {"نصف": 0.5, "ربع": 0.25}

N_UNITS = norm_keys(UNITS)
N_TEEN_ONE = norm_keys(TEEN_ONE)
N_TENS = norm_keys(TENS)
N_HUNDREDS = norm_keys(HUNDREDS)
N_SCALES = norm_keys(SCALES)
N_FRACTIONS = norm_keys(FRACTIONS)
#: every word that can be (part of) a cardinal number, normalized.
N_NUMBER_WORDS = {**N_UNITS, **N_TENS, **N_HUNDREDS}

ORDINALS: dict[str, int] = {
    "أول": 1, "الأول": 1, "الأولى": 1, "ثاني": 2, "الثاني": 2, "ثانية": 2,
    "الثانية": 2, "ثالث": 3, "الثالث": 3, "ثالثة": 3, "الثالثة": 3, "رابع": 4, "الرابع": 4,
    "رابعة": 4, "الرابعة": 4, "خامس": 5, "الخامس": 5, "خامسة": 5, "الخامسة": 5, "سادس": 6,
    "السادس": 6, "سادسة": 6, "السادسة": 6, "سابع": 7, "السابع": 7, "سابعة": 7, "السابعة": 7,
    "ثامن": 8, "الثامن": 8, "ثامنة": 8, "الثامنة": 8, "تاسع": 9, "التاسع": 9, "تاسعة": 9,
    "التاسعة": 9, "عاشر": 10, "العاشر": 10, "عاشرة": 10, "العاشرة": 10,
    "الحادي عشر": 11, "الحادية عشرة": 11, "الثاني عشر": 12, "الثانية عشرة": 12,
    **{f"{a} عشر": n for a, n in (("الثالث", 13), ("الرابع", 14), ("الخامس", 15), ("السادس", 16),
                                   ("السابع", 17), ("الثامن", 18), ("التاسع", 19))},
    **{f"{a} عشرة": n for a, n in (("الثالثة", 13), ("الرابعة", 14), ("الخامسة", 15),
                                    ("السادسة", 16), ("السابعة", 17), ("الثامنة", 18),
                                    ("التاسعة", 19))},
}
_ORDINAL_TENS = {"العشرون": 20, "العشرين": 20, "الثلاثون": 30, "الثلاثين": 30, "الأربعون": 40,
                  "الأربعين": 40, "الخمسون": 50, "الخمسين": 50, "الستون": 60, "الستين": 60,
                  "السبعون": 70, "السبعين": 70, "الثمانون": 80, "الثمانين": 80, "التسعون": 90,
                  "التسعين": 90}
#: compound ordinals: الحادي والعشرون، الثالثة والعشرين … (a bare العشرين is left alone: it is
#: as often "the twenty" as "the twentieth").
ORDINALS.update({
    f"{unit} و{ten}": n + t
    for unit, n in (("الحادي", 1), ("الحادية", 1), *((w, v) for w, v in ORDINALS.items()
                                                   if w.startswith("ال") and " " not in w
                                                   and 2 <= v <= 9))
    for ten, t in _ORDINAL_TENS.items()
})
N_ORDINALS = norm_keys(ORDINALS)

# --- qualifiers (bounds) ----------------------------------------------------------------------

BOUNDS: dict[str, str] = {
    "نحو": "approx", "حوالي": "approx", "حوالى": "approx", "قرابة": "approx", "زهاء": "approx",
    "ما يقارب": "approx", "يقارب": "approx", "ما يناهز": "approx", "يناهز": "approx",
    "تقريبا": "approx", "حدود": "approx", "في حدود": "approx", "ما يقرب من": "approx",
    "أكثر من": "lower", "ما يزيد عن": "lower", "ما يزيد على": "lower", "يزيد عن": "lower",
    "يزيد على": "lower", "ما يفوق": "lower", "يفوق": "lower", "أزيد من": "lower",
    "ما لا يقل عن": "lower", "لا يقل عن": "lower", "فوق": "lower",
    "على الأقل": "lower",
    "أقل من": "upper", "ما لا يزيد عن": "upper", "ما لا يزيد على": "upper", "لا يزيد عن": "upper",
    "لا يتجاوز": "upper", "ما لا يتجاوز": "upper", "دون": "upper", "ما دون": "upper",
    "على الأكثر": "upper", "أقصاه": "upper",
}
N_BOUNDS = norm_keys(BOUNDS)

PERCENT_WORDS = ("بالمئة", "بالمائة", "بالمية", "في المئة", "في المائة", "في المية", "%")

# --- money ------------------------------------------------------------------------------------

#: currency word forms -> currency family (resolved to an ISO code by country).
CURRENCY_WORDS: dict[str, str] = {
    **dict.fromkeys(("دولار", "دولارا", "دولارات", "دولاران", "دولارين"), "dollar"),
    **dict.fromkeys(("يورو", "أورو"), "euro"),
    **dict.fromkeys(("جنيه", "جنيها", "جنيهات", "جنيهان", "جنيهين"), "pound"),
    **dict.fromkeys(("إسترليني", "استرليني"), "sterling"),
    **dict.fromkeys(("دينار", "دينارا", "دنانير", "ديناران", "دينارين"), "dinar"),
    **dict.fromkeys(("ريال", "ريالا", "ريالات", "ريالان", "ريالين"), "riyal"),
    **dict.fromkeys(("درهم", "درهما", "دراهم", "درهمان", "درهمين"), "dirham"),
    **dict.fromkeys(("ليرة", "ليرات", "ليرتان", "ليرتين"), "lira"),
    **dict.fromkeys(("ين",), "yen"),
    **dict.fromkeys(("يوان",), "yuan"),
    **dict.fromkeys(("روبل", "روبلات"), "ruble"),
    **dict.fromkeys(("فرنك", "فرنكات"), "franc"),
    **dict.fromkeys(("شيكل", "شيقل", "شواكل"), "shekel"),
    **dict.fromkeys(("روبية", "روبيات"), "rupee"),
    **dict.fromkeys(("تومان",), "toman"),
    **dict.fromkeys(("أوقية",), "ouguiya"),
}
N_CURRENCY_WORDS = norm_keys(CURRENCY_WORDS)

#: fixed-currency families.
FAMILY_CODE: dict[str, str] = {
    "euro": "EUR", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "ruble": "RUB",
    "shekel": "ILS", "rupee": "INR", "toman": "IRR", "ouguiya": "MRU", "franc": "CHF",
}
#: (family, country alpha-2) -> ISO code: the country's own currency of that family.
NATIONAL: dict[tuple[str, str], str] = {
    ("dollar", "US"): "USD", ("dollar", "CA"): "CAD", ("dollar", "AU"): "AUD",
    ("dollar", "HK"): "HKD", ("dollar", "SG"): "SGD", ("dollar", "NZ"): "NZD",
    ("dollar", "TW"): "TWD",
    ("pound", "EG"): "EGP", ("pound", "SD"): "SDG", ("pound", "SS"): "SSP", ("pound", "GB"): "GBP",
    ("pound", "LB"): "LBP", ("pound", "SY"): "SYP",
    ("dinar", "TN"): "TND", ("dinar", "DZ"): "DZD", ("dinar", "IQ"): "IQD", ("dinar", "JO"): "JOD",
    ("dinar", "KW"): "KWD", ("dinar", "LY"): "LYD", ("dinar", "BH"): "BHD", ("dinar", "RS"): "RSD",
    ("riyal", "SA"): "SAR", ("riyal", "QA"): "QAR", ("riyal", "OM"): "OMR", ("riyal", "YE"): "YER",
    ("riyal", "IR"): "IRR",
    ("dirham", "AE"): "AED", ("dirham", "MA"): "MAD",
    ("lira", "TR"): "TRY", ("lira", "SY"): "SYP", ("lira", "LB"): "LBP",
    ("franc", "CH"): "CHF", ("franc", "FR"): "FRF", ("franc", "DJ"): "DJF", ("franc", "KM"): "KMF",
    ("franc", "GN"): "GNF",
}
#: what a shared word means when neither the text nor the country decides.
DEFAULT_CODE: dict[str, str] = {
    "dollar": "USD", "pound": "EGP", "dinar": "IQD", "riyal": "SAR", "dirham": "AED",
    "lira": "TRY",
}

#: country adjectives (stem, normalized and without final ة/ه) -> alpha-2. These decide a currency
#: (دينار تونسي، ليرة تركية) and, counted in the text, the country an article is about.
COUNTRY_ADJECTIVES: dict[str, str] = {
    "أمريكي": "US", "أميركي": "US", "كندي": "CA", "أسترالي": "AU", "استرالي": "AU",
    "سنغافوري": "SG", "هونغ كونغي": "HK", "نيوزيلندي": "NZ", "تايواني": "TW",
    "مصري": "EG", "سوداني": "SD", "إسترليني": "GB", "بريطاني": "GB", "لبناني": "LB",
    "سوري": "SY", "تونسي": "TN", "جزائري": "DZ", "عراقي": "IQ", "أردني": "JO", "كويتي": "KW",
    "ليبي": "LY", "بحريني": "BH", "صربي": "RS", "سعودي": "SA", "قطري": "QA", "عماني": "OM",
    "يمني": "YE", "إيراني": "IR", "إماراتي": "AE", "مغربي": "MA", "تركي": "TR", "سويسري": "CH",
    "فرنسي": "FR", "جيبوتي": "DJ", "قمري": "KM", "غيني": "GN",
}
#: country names -> alpha-2 (for guessing what an article is about).
COUNTRY_NAMES: dict[str, str] = {
    "الولايات المتحدة": "US", "أمريكا": "US", "أميركا": "US", "واشنطن": "US", "كندا": "CA",
    "أستراليا": "AU", "مصر": "EG", "القاهرة": "EG", "السودان": "SD", "الخرطوم": "SD",
    "بريطانيا": "GB", "لندن": "GB", "لبنان": "LB", "بيروت": "LB", "سوريا": "SY", "سورية": "SY",
    "دمشق": "SY", "تونس": "TN", "الجزائر": "DZ", "العراق": "IQ", "بغداد": "IQ", "الأردن": "JO",
    "عمان": "JO", "الكويت": "KW", "ليبيا": "LY", "طرابلس": "LY", "البحرين": "BH",
    "السعودية": "SA", "الرياض": "SA", "قطر": "QA", "الدوحة": "QA", "سلطنة عمان": "OM",
    "مسقط": "OM", "اليمن": "YE", "صنعاء": "YE", "إيران": "IR", "طهران": "IR", "الإمارات": "AE",
    "أبوظبي": "AE", "دبي": "AE", "المغرب": "MA", "الرباط": "MA", "تركيا": "TR", "أنقرة": "TR",
    "إسطنبول": "TR", "سويسرا": "CH", "فرنسا": "FR", "باريس": "FR",
}

#: abbreviations written after an amount: (currency code, multiplier).
CURRENCY_ABBREVIATIONS: dict[str, tuple[str, int]] = {
    "د.ت": ("TND", 1), "د ت": ("TND", 1), "م.د": ("TND", 10**6), "م د": ("TND", 10**6),
    "مد": ("TND", 10**6), "أ.د": ("TND", 1000), "مليون د": ("TND", 10**6),
    "د.ج": ("DZD", 1), "د.ع": ("IQD", 1), "د.ك": ("KWD", 1), "د.أ": ("JOD", 1), "د.ل": ("LYD", 1),
    "د.ب": ("BHD", 1), "ج.م": ("EGP", 1), "ر.س": ("SAR", 1), "ر.ق": ("QAR", 1), "ر.ع": ("OMR", 1),
    "د.إ": ("AED", 1), "د.م": ("MAD", 1), "ل.ل": ("LBP", 1), "ل.س": ("SYP", 1), "ل.ت": ("TRY", 1),
}
CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
ISO_CODES = frozenset(
    {"USD", "EUR", "GBP", "JPY", "CNY", "TND", "DZD", "MAD", "EGP", "SAR", "AED", "QAR", "KWD",
     "IQD", "JOD", "LYD", "BHD", "OMR", "YER", "LBP", "SYP", "TRY", "CHF", "RUB", "ILS", "IRR",
     "SDG", "CAD", "AUD", "INR"}
)

# --- counted nouns ----------------------------------------------------------------------------

#: units of measure: an amount of them may be a decimal (1.250 كلغ), unlike a count of things,
#: where one dot before three digits groups thousands (1.350 عاملا).
MEASURE_WORDS = frozenset(normalize_text(w) for w in (
    "كلغ", "كغ", "كيلوغرام", "كيلوغراما", "كيلوجرام", "غرام", "طن", "طنا", "أطنان", "كلم", "كم",
    "كيلومتر", "كيلومترا", "متر", "مترا", "أمتار", "م", "هكتار", "هكتارا", "لتر", "لترا",
    "ليتر", "درجة", "درجات", "ميغاواط", "برميل", "برميلا",
))

#: words after a number that are not what it counts (prepositions, particles, verbs of
#: reporting...), normalized.
NOT_COUNTED = frozenset(normalize_text(w) for w in (
    "من", "في", "على", "إلى", "الى", "عن", "مع", "و", "أو", "ثم", "أن", "إن", "أنه", "إنه", "التي",
    "الذي", "الذين", "اللذين", "قد", "لا", "لم", "لن", "ما", "هو", "هي", "هم", "كان", "كانت",
    "منذ", "حتى", "بين", "بعد", "قبل", "خلال", "عند", "لدى", "حسب", "وفق", "نحو", "حوالي",
    "مقابل", "بينما", "فيما", "كما", "كذلك", "أيضا", "فقط", "تقريبا", "وهو", "وهي", "مقارنة",
    "ضد", "لكل", "كل", "بعض", "أي", "إذ", "إذا", "لقد", "هذا", "هذه", "ذلك", "تلك", "ايضا", "عاما",
    "بالمئة", "بالمائة", "بالمية", "فيها", "فيه", "منها", "منهم", "عليه", "عليها", "له", "لها",
    "سنة", "سنوات", "عام", "أعوام", "يوم", "أيام", "شهر", "أشهر", "شهور", "أسبوع", "أسابيع",
    "ساعة", "ساعات", "دقيقة", "دقائق", "نقطة", "بالتمام", "فأكثر", "وأكثر", "أو أكثر", "لسنة",
    "بحسب", "وفقا", "طبقا", "حسبما", "بسبب", "إثر", "جراء", "لكن", "بينهم", "منهم", "بينها",
    "أثناء", "عقب", "قبيل", "حيث", "تم", "تمت", "يتم", "خاصة", "إلا", "أما", "أمام", "ضمن",
    "هناك", "نظرا", "عبر", "قرب", "فور", "نفسه", "نفسها", "كانوا", "كانا", "قاموا", "ليست", "ليس",
    # adverbs: 300 دينار شهريا، 3 مرات يوميا
    "يوميا", "أسبوعيا", "شهريا", "سنويا", "حاليا", "إضافيا", "تباعا", "مجانا",
))
#: words after a number that make it a rank, not a quantity (المصنفة 48 عالميا، 18 دوليا).
RANK_WORDS = frozenset(normalize_text(w) for w in (
    "عالميا", "محليا", "دوليا", "عربيا", "إفريقيا", "افريقيا", "أوروبيا", "قاريا", "وطنيا",
))

#: words after a number that make it a time of day (9 صباحا، 8 مساء), not a quantity.
CLOCK_WORDS = frozenset(normalize_text(w) for w in (
    "صباحا", "صباح", "مساء", "مساءا", "مساءً", "ليلا", "ظهرا", "فجرا", "زوالا", "عصرا",
))

#: words before a number that make it an identifier, not a quantity (legal articles, numbers
#: of laws, pages, lines, rooms...).
IDENTIFIER_CUES = frozenset(normalize_text(w) for w in (
    "الفصل", "فصل", "المادة", "مادة", "البند", "بند", "الفقرة", "فقرة", "رقم", "الرقم", "القانون",
    "قانون", "المرسوم", "مرسوم", "الأمر", "القرار", "قرار", "الصفحة", "صفحة", "ص", "الجدول",
    "الدائرة", "الطريق", "الخط", "الرحلة", "الغرفة", "القاعة", "الجزء", "الحلقة",
    "الطبعة", "المجلد", "الدورة", "الجولة", "الكيلومتر", "كلم", "الهاتف", "هاتف", "الفاكس",
    "النسخة", "الإصدار", "السطر", "الملف", "الشقة", "المبنى", "المدرج", "الباب", "القسم",
    # a point in time of day or of a match, not an amount: الساعة 9 صباحا، الدقيقة 90
    "الساعة", "الدقيقة",
    # a rank: المرتبة 50 عالميا، المركز 3
    "المرتبة", "الرتبة", "المركز",
))
#: "عدد" before a number is an identifier only after these (القانون عدد 22).
LAW_WORDS = frozenset(normalize_text(w) for w in (
    "القانون", "قانون", "الأمر", "أمر", "المرسوم", "مرسوم", "القرار", "قرار", "المنشور",
    "الفصل", "المادة", "الأساسي", "الحكومي", "الرئاسي", "الترتيبي", "الوزاري",
))
