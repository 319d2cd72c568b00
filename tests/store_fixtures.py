"""Small Arabic articles for the store tests (written for these tests)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from marsad.model import Article, Doc, Entity, Event, Participant, Span

TZ = timezone(timedelta(hours=1))

MOSUL = (
    "استعادت القوات العراقية السيطرة على أحياء جديدة بالموصل بعد معارك عنيفة مع مسلحي تنظيم "
    "داعش، وقال قائد عسكري إن العمليات ستتواصل حتى تحرير المدينة بالكامل."
)
AHMED = (
    "قال أحمد الشابي، رئيس الجمعية، إن المهرجان سيفتتح يوم السبت في قاعة المسرح البلدي "
    "بحضور عدد كبير من الفنانين والمثقفين."
)
DIACRITICS = (
    "أَعْلَنَتْ وِزَارَةُ الصِّحَّةِ عَنْ حَمْلَةِ تَلْقِيحٍ وَطَنِيَّةٍ ضِدَّ الإِنْفْلُوَنْزَا تَشْمَلُ "
    "جَمِيعَ الوِلاَيَاتِ ابْتِدَاءً مِنَ الأُسْبُوعِ القَادِمِ."
)
DIGITS = (
    "بلغت نسبة النمو الاقتصادي ٢٫٥ بالمئة خلال سنة ٢٠١٦ حسب المعهد الوطني للإحصاء، وهي "
    "أعلى نسبة تسجلها البلاد منذ سنوات."
)
ELECTIONS = (
    "أعلنت الهيئة العليا المستقلة للانتخابات عن موعد الانتخابات البلدية المقبلة، ودعت "
    "الأحزاب إلى تقديم قائماتها في الآجال القانونية."
)
PARTIES = (
    "عقدت الأحزاب السياسية اجتماعا لمناقشة القانون الانتخابي الجديد وطرق تمويل الحملات "
    "الانتخابية في الجهات."
)
FOOTBALL = (
    "فاز الترجي الرياضي على النادي الإفريقي بهدفين دون رد في المباراة التي جرت مساء الأحد "
    "بملعب رادس أمام جماهير غفيرة."
)
PROTEST = (
    "نظم عشرات المعطلين عن العمل وقفة احتجاجية أمام مقر الولاية للمطالبة بالتشغيل، وأغلقوا "
    "الطريق الرئيسية لساعات قبل أن تتدخل قوات الأمن."
)

TEXTS = {
    "mosul": MOSUL, "ahmed": AHMED, "diacritics": DIACRITICS, "digits": DIGITS,
    "elections": ELECTIONS, "parties": PARTIES, "football": FOOTBALL, "protest": PROTEST,
}
SOURCES = {"mosul": "وكالة أ", "football": "إذاعة ب", "protest": "إذاعة ب"}
CATEGORIES = {"football": "sport", "elections": "politic", "parties": "politic"}


def article(name: str, day: int = 1, **fields: object) -> Article:
    text = TEXTS[name]
    base = {
        "url": f"https://www.example.tn/{name}?utm_source=feed",
        "source": SOURCES.get(name, "إذاعة أ"),
        "title": None,
        "published": datetime(2017, 1, day, 10, 0, tzinfo=TZ),
        "category": CATEGORIES.get(name),
    }
    base.update(fields)
    return Article(text=text, **base)  # type: ignore[arg-type]


def articles() -> list[Article]:
    return [article(name, day) for day, name in enumerate(TEXTS, 1)]


def with_spans(doc: Doc) -> Doc:
    """The Doc with hand-made entity and event spans where the fixture names them."""
    text = doc.text
    if "داعش" in text:
        s = text.index("داعش")
        doc = doc.with_spans("entities", [Entity(s, s + 4, type="ORG", kb_id="Q2429253",
                                                 canonical="تنظيم الدولة الإسلامية")])
    if "الشابي" in text:
        s = text.index("أحمد الشابي")
        doc = doc.with_spans("entities", [Entity(s, s + 11, type="PERS")])
    if "وقفة احتجاجية" in text:
        s = text.index("وقفة احتجاجية")
        actor = text.index("عشرات المعطلين")
        doc = doc.with_spans("events", [Event(
            s, s + 13, type="PROTEST", trigger=Span(s, s + 13),
            actors=(Participant(actor, actor + 14, type="NOM", role="CVL"),))])
    return doc
