"""The document model: Article, Doc, Span and the span kinds.

* An :class:`Article` is where a report came from and what it says: the raw text exactly as
  decoded, and its metadata.
* A :class:`Doc` is the single source of truth for one text while it is analysed: the
  article, its sentences and tokens as offset pairs, and named groups of spans
  (``doc.spans["quantities"]``, ``["dates"]`` …). Stages never change a Doc; they return a new
  one (:meth:`Doc.with_spans`).
* A :class:`Span` is a ``[start, end)`` range of *raw* character offsets. Each span kind
  (:class:`Quantity`, :class:`DateMention`, …) is a frozen dataclass that adds its own
  attributes, and belongs to one group.

``Doc.to_dict()`` / ``Doc.from_dict()`` round-trip losslessly through JSON; the dictionary
carries :data:`SCHEMA_VERSION`. See ``docs/data-model.md``.
"""

from __future__ import annotations

import builtins
import dataclasses
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from marsad.text.normalize import Normalized

SCHEMA_VERSION = 1

Offsets = tuple[tuple[int, int], ...]
S = TypeVar("S", bound="Span")

#: group name -> span class, filled by :func:`span_kind`.
SPAN_KINDS: dict[str, type[Span]] = {}


def span_kind(group: str) -> Any:
    """Class decorator: register a Span subclass as the kind stored under ``group``."""

    def register(cls: type[S]) -> type[S]:
        cls.group = group
        SPAN_KINDS[group] = cls
        return cls

    return register


@dataclass(frozen=True, slots=True)
class Span:
    """A ``[start, end)`` range of raw character offsets, with no attributes of its own."""

    start: int
    end: int

    group: ClassVar[str] = "spans"
    #: attributes holding a Span (or a tuple of Spans) and the class to rebuild them with.
    span_fields: ClassVar[Mapping[str, type[Span]]] = {}

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets [{self.start}, {self.end})")

    def text(self, source: str) -> str:
        """The characters this span covers in ``source`` (the raw text)."""
        return source[self.start : self.end]

    def attrs(self) -> dict[str, Any]:
        """The span's own attributes (everything but the offsets)."""
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if f.name not in ("start", "end")
        }

    def to_dict(self, source: str) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text(source)}
        for name, value in self.attrs().items():
            out[name] = _dump_value(value, source)
        return out

    @classmethod
    def from_dict(cls: type[S], data: Mapping[str, Any]) -> S:
        kwargs: dict[str, Any] = {}
        names = {f.name for f in dataclasses.fields(cls)}
        for name in names:
            if name not in data:
                continue
            value = data[name]
            sub = cls.span_fields.get(name)
            if sub is not None and value is not None:
                value = (
                    tuple(sub.from_dict(v) for v in value)
                    if isinstance(value, list)
                    else sub.from_dict(value)
                )
            elif isinstance(value, list):
                value = tuple(value)
            kwargs[name] = value
        return cls(**kwargs)


def _dump_value(value: Any, source: str) -> Any:
    if isinstance(value, Span):
        return value.to_dict(source)
    if isinstance(value, tuple):
        return [_dump_value(v, source) for v in value]
    return value


@span_kind("quantities")
@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity(Span):
    """A number with what it counts or measures.

    ``kind`` is ``number`` (a bare number), ``count`` (a number of things: ``unit`` is the
    counted noun as written), ``money`` (``currency`` is an ISO 4217 code) or ``percent``
    (``unit`` is ``%``). ``bound`` is ``exact``, ``approx`` (نحو، حوالي), ``lower`` (أكثر من،
    ما يزيد عن) or ``upper`` (أقل من).
    """

    value: int | float
    kind: str = "number"
    unit: str | None = None
    currency: str | None = None
    bound: str = "exact"


@span_kind("ordinals")
@dataclass(frozen=True, slots=True, kw_only=True)
class Ordinal(Span):
    """A rank (الأول، الثالثة، الحادي عشر): kept apart from quantities."""

    value: int


@span_kind("dates")
@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention(Span):
    """A point or range in time, resolved to the Gregorian calendar.

    ``value`` is ISO 8601 at the mention's ``granularity``: ``day`` (2019-06-15), ``week``
    (2019-W24), ``month`` (2019-06), ``year`` (2019) or ``range`` (``start/end``, either side
    may be open, e.g. ``2017/..``). ``start`` and ``end`` of the range are in ``first`` and
    ``last`` (ISO days; ``None`` for an open side). ``calendar`` is the calendar the text used
    (``gregorian`` or ``hijri``). ``relative`` is true when the value was resolved against an
    anchor date (``anchor``: ``published`` — the article's date — or ``today`` when the
    article had none, a flag that the value is a guess).
    """

    value: str
    granularity: str
    first: str | None = None
    last: str | None = None
    calendar: str = "gregorian"
    relative: bool = False
    anchor: str | None = None


@span_kind("durations")
@dataclass(frozen=True, slots=True, kw_only=True)
class Duration(Span):
    """A length of time (لمدة ثلاث سنوات) or an age (45 عاما): never a date.

    ``kind`` is ``duration`` or ``age``; ``unit`` is ``second``, ``minute``, ``hour``, ``day``,
    ``week``, ``month``, ``year`` or ``decade``.
    """

    value: int | float
    unit: str
    kind: str = "duration"


@span_kind("entities")
@dataclass(frozen=True, slots=True, kw_only=True)
class Entity(Span):
    """A named person, organization, place or other name.

    ``type`` is ``PERS``, ``ORG``, ``LOC`` or ``MISC`` (the ANERcorp scheme). ``kb_id`` is the
    knowledge-base id it links to (the Wikidata QID where known), ``canonical`` its canonical
    Arabic name and ``score`` the linker's confidence (0–1); mentions that resolve nowhere keep
    ``kb_id=None``. ``ref`` numbers the mentions of one entity within a Doc (the same actor
    named twice, "داعش" then "التنظيم", shares a ``ref``).
    """

    type: str
    kb_id: str | None = None
    canonical: str | None = None
    score: float = 0.0
    ref: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Participant(Span):
    """Who or what takes part in an event (an actor, a recipient, its place): the words of the
    text, and the knowledge-base entity they name or include.

    ``type`` is an entity type (``PERS``, ``ORG``, ``LOC``, ``MISC``) when the words are a name,
    or ``NOM`` for a noun phrase that names no one (المتظاهرون، مسلحون مجهولون); ``kb_id`` and
    ``canonical`` are those of the linked entity the phrase is or includes (القوات الأميركية →
    the United States), ``country`` its ISO 3166 alpha-2 code where known, and ``role`` a
    CAMEO-style role of the noun (``MIL``, ``COP``, ``GOV``, ``CVL``, ``REB`` …) where one is
    known.
    """

    type: str = "NOM"
    kb_id: str | None = None
    canonical: str | None = None
    country: str | None = None
    role: str | None = None


@span_kind("attributions")
@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution(Span):
    """Who said what: a cue, a speaker and what was said.

    The span covers the cue, the speaker and the content. ``cue`` is the word(s) that report
    speech (قال، ويشير، حسب، وفق تعبيره, or the opening quotation mark of a bare quote);
    ``speaker`` the words naming who speaks (for a continuation whose speaker was named
    only as the subject of the sentence before, those words there), or ``None`` when the
    attribution ``continues`` an earlier one (وأضاف، وتابع، وفق تعبيره): ``continues`` is then
    the index, in the ``attributions`` group, of the attribution whose speaker it carries on.
    ``content`` is what was said (inside the quotation marks when ``direct``). ``speaker_kb_id`` is the
    knowledge-base entity the speaker is or includes (وزير الخارجية التركي → Turkey), copied
    along continuations. ``kind`` is ``verb`` (a speech verb), ``source`` (حسب، وفقا لـ، نقلا
    عن), ``quote`` (a quotation with no cue word) or ``continuation``; ``anonymous`` marks
    unnamed sources (مصادر مطلعة، مسؤول رفض الكشف عن اسمه).
    """

    cue: Span
    speaker: Span | None = None
    content: Span | None = None
    direct: bool = False
    kind: str = "verb"
    speaker_kb_id: str | None = None
    continues: int | None = None
    anonymous: bool = False

    span_fields: ClassVar[Mapping[str, type[Span]]] = {
        "cue": Span, "speaker": Span, "content": Span,
    }


@span_kind("events")
@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Span):
    """What happened to whom, coded in PLOVER.

    ``type`` is one of the 16 PLOVER event types (``ASSAULT``, ``PROTEST``, ``CONSULT`` …) and
    ``mode`` the lexicon's finer mode where it has one; ``trigger`` the words that report it
    (قتل، مقتل، سحب قوات). ``actors`` and ``recipients`` are lists of :class:`Participant`
    taken from the trigger's own sentence; ``place`` is where it happened. ``date`` is an ISO
    value from the date layer (``date_span`` the mention) or, when the sentence has no date,
    the publication date (``date_source`` is then ``published``; ``None`` when there is
    neither). Flags: ``negated`` (لم، لن، نفى), ``hypothetical`` (future or conditional: سوف،
    سـ، قد، إذا، في حال), ``reported`` (inside reported speech), ``historical`` (reported as
    past background: كان قد، سبق أن, or dated long before publication). The span covers the
    trigger and its participants.
    """

    type: str
    trigger: Span
    mode: str | None = None
    actors: tuple[Participant, ...] = ()
    recipients: tuple[Participant, ...] = ()
    place: Participant | None = None
    date: str | None = None
    date_span: Span | None = None
    date_source: str | None = None
    negated: bool = False
    hypothetical: bool = False
    reported: bool = False
    historical: bool = False

    span_fields: ClassVar[Mapping[str, builtins.type[Span]]] = {
        "trigger": Span, "actors": Participant, "recipients": Participant,
        "place": Participant, "date_span": Span,
    }


@dataclass(frozen=True, slots=True)
class StageFailure:
    """A stage that failed on one document under the ``record`` error policy."""

    doc_id: str
    stage: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


def content_id(text: str) -> str:
    """The id of a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """Where a report came from and what it says.

    ``text`` is the raw text exactly as decoded; ``id`` defaults to :func:`content_id` of it.
    ``published`` is timezone-aware where the source said so. ``encoding`` is the encoding
    the bytes were decoded from, where marsad decoded them.
    """

    text: str
    id: str = ""
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: datetime | date | None = None
    language: str = "ar"
    fetched: datetime | None = None
    encoding: str | None = None
    category: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.name == "text":
                continue
            value = getattr(self, f.name)
            if isinstance(value, date):
                value = value.isoformat()
            elif f.name == "meta":
                value = dict(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], text: str) -> Article:
        kwargs = dict(data)
        for name in ("published", "fetched"):
            kwargs[name] = parse_when(kwargs.get(name))
        return cls(text=text, **kwargs)


def parse_when(value: Any) -> datetime | date | None:
    """A date or datetime from its ISO text (``YYYY-MM-DD`` is a date); None, a date and a
    datetime pass through. Raises ``ValueError`` on text that is not ISO 8601."""
    if value is None or isinstance(value, date):
        return value
    text = str(value)
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text)


@dataclass(frozen=True)
class Doc:
    """One text under analysis: the article, its tokens and sentences, and its span groups."""

    article: Article
    sentences: Offsets = ()
    tokens: Offsets = ()
    spans: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)
    failures: tuple[StageFailure, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, **article_fields: Any) -> Doc:
        return cls(Article(text=text, **article_fields))

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def id(self) -> str:
        return self.article.id

    @cached_property
    def normalized(self) -> Normalized:
        """The text normalized for matching, with a map back to raw offsets."""
        from marsad.text.normalize import normalize

        return normalize(self.text)

    def group(self, name: str) -> tuple[Span, ...]:
        return self.spans.get(name, ())

    def iter_spans(self) -> Iterator[tuple[str, Span]]:
        for name, spans in self.spans.items():
            for span in spans:
                yield name, span

    def evolve(self, **changes: Any) -> Doc:
        """A copy with ``changes`` (like :func:`dataclasses.replace`) that keeps the cached
        normalized view when the text stays the same."""
        new = dataclasses.replace(self, **changes)
        cached = self.__dict__.get("normalized")
        if cached is not None and new.text is self.text:
            new.__dict__["normalized"] = cached
        return new

    def with_spans(self, group: str, spans: Sequence[Span]) -> Doc:
        merged = dict(self.spans)
        merged[group] = tuple(sorted(spans, key=lambda s: (s.start, s.end)))
        return self.evolve(spans=merged)

    def with_meta(self, **items: Any) -> Doc:
        return self.evolve(meta={**self.meta, **items})

    def with_failure(self, failure: StageFailure) -> Doc:
        return self.evolve(failures=self.failures + (failure,))

    def to_dict(self) -> dict[str, Any]:
        text = self.text
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "article": self.article.to_dict(),
            "text": text,
            "sentences": [list(p) for p in self.sentences],
            "tokens": [list(p) for p in self.tokens],
            "spans": {
                name: [span.to_dict(text) for span in spans] for name, spans in self.spans.items()
            },
            "failures": [f.to_dict() for f in self.failures],
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Doc:
        version = data.get("schema")
        if version != SCHEMA_VERSION:
            raise ValueError(
                f"unsupported Doc schema version {version!r} (this marsad reads {SCHEMA_VERSION})"
            )
        spans: dict[str, tuple[Span, ...]] = {}
        for name, items in data.get("spans", {}).items():
            kind = SPAN_KINDS.get(name, Span)
            spans[name] = tuple(kind.from_dict(item) for item in items)
        return cls(
            article=Article.from_dict(data["article"], data["text"]),
            sentences=tuple((int(s), int(e)) for s, e in data.get("sentences", ())),
            tokens=tuple((int(s), int(e)) for s, e in data.get("tokens", ())),
            spans=spans,
            failures=tuple(StageFailure(**f) for f in data.get("failures", ())),
            meta=dict(data.get("meta", {})),
        )
