"""Small Arabic fixtures shared by the ingest tests (written for these tests)."""

from __future__ import annotations

from marsad.ingest import SourceFailure, SourceOptions

BODY = (
    "اجتمع وزراء خارجية الدول الأعضاء في التحالف الدولي ضد تنظيم داعش في العاصمة واشنطن "
    "يوم الخميس، لبحث مستقبل الحرب على التنظيم بعد مقتل زعيمه.\n"
    "وقال مسؤول في وزارة الخارجية إن التحالف الذي يضم 81 دولة قدم أكثر من 400 مليون دولار "
    "منذ عام 2017 لدعم الاستقرار في المناطق المحررة في سوريا والعراق."
)
BODY2 = (
    "أعلنت وزارة الصحة التونسية يوم الاثنين عن افتتاح مستشفى جديد في مدينة صفاقس بطاقة "
    "استيعاب تبلغ 300 سرير، وذلك في إطار خطة لتحسين الخدمات الصحية في الجهات الداخلية."
)
ENGLISH = "The foreign ministers of the coalition met in Washington on Thursday to discuss the war."


def page(body: str = BODY, head: str = "", header: str = "", footer: str = "",
         charset: str = "utf-8", title: str = "التحالف الدولي يجتمع في واشنطن") -> str:
    """A small news page: head extras, an article header, paragraphs and a footer."""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.split("\n"))
    return (
        f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="{charset}">\n'
        f"<title>{title} | صحيفة المرصد</title>\n{head}</head><body>\n"
        '<nav><a href="/">الرئيسية</a> <a href="/politics">سياسة</a></nav>\n'
        f"<article><header><h1>{title}</h1>{header}</header>\n{paragraphs}</article>\n"
        f"<footer>{footer}<p>جميع الحقوق محفوظة © 2023 صحيفة المرصد</p></footer>\n"
        "</body></html>\n"
    )


def split(items):
    """(articles, failures) of a list of iter_source items."""
    arts = [i for i in items if not isinstance(i, SourceFailure)]
    fails = [i for i in items if isinstance(i, SourceFailure)]
    return arts, fails


OPTS = SourceOptions(max_bytes=1_000_000, min_delay=0.0)
