"""Scoring entity finding and linking against gold mentions (``marsad eval entities``).

Gold data is JSON Lines, one document a line, in either of two forms (``docs/kb.md``):

* **a text written for the tests**, with each mention's exact text::

    {"id": "clitics-01", "text": "…", "mentions": [
        {"text": "بالموصل", "start": 12, "type": "LOC", "kb_id": "marsad:mosul"}]}

  ``start`` (a raw offset) is needed only when the text occurs more than once.

* **a reference to an article of a corpus** that stays outside the repository: the article's
  ``docno`` and ``path`` (relative to the corpus folder, ``--corpus``), a hash of its text, and
  each mention's raw offsets with a short hash of its text instead of the text::

    {"docno": "JA-politic-1-20170121", "path": "politic/JA-politic-1-20170121.txt",
     "text_sha1": "…", "mentions": [{"start": 0, "end": 6, "type": "ORG",
                                     "kb_id": "marsad:ugtt", "sha1": "1a2b3c4d"}]}

Every mention has a ``type`` (PERS, ORG, LOC or MISC) and a ``kb_id`` (null when the entity is
not in the knowledge base: it is still a mention), and optionally a ``form``: ``name`` (the
default), ``adj`` (an adjective or demonym standing for its place: التركي، السوريين) or
``anaphor`` (a definite noun referring back to a named organization: التنظيم، الحزب).

Scores (an empty denominator scores 1.0):

* **detection**: precision, recall and F1 of mentions with the exact span *and* type, per type
  and micro; also F1 of exact spans whatever their type;
* **linking accuracy**: of the gold mentions found with the exact span, the share given the
  gold ``kb_id`` — split into *linkable* (gold ``kb_id`` set) and *unlinkable* (gold null: the
  share left unlinked);
* **end to end**: precision, recall and F1 of ``(span, kb_id)`` pairs with a ``kb_id``;
* **recall by form** (name, adj, anaphor).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.extract.evaluate import ratio
from marsad.extract.gold import GoldError, corpus_article, gold_lines, locate
from marsad.model import Doc, Entity

TYPES = ("PERS", "ORG", "LOC", "MISC")
FORMS = ("name", "adj", "anaphor")
#: where ``--corpus`` points by default (relative to the working directory).
DEFAULT_CORPUS = "../shared/data/news/ant"
_TEXT_KEYS = frozenset({"id", "text", "note", "mentions"})
_REF_KEYS = frozenset({"docno", "path", "text_sha1", "note", "mentions"})
_MENTION_KEYS = frozenset({"text", "start", "end", "sha1", "type", "kb_id", "form", "note"})


def short_hash(text: str, n: int = 8) -> str:
    """The first ``n`` hex digits of the SHA-1 of ``text`` (UTF-8)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


# --- gold data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    type: str
    kb_id: str | None
    form: str = "name"


@dataclass(frozen=True)
class GoldDoc:
    id: str
    text: str
    mentions: tuple[GoldMention, ...]


def load_gold(path: str | Path, corpus: str | Path | None = DEFAULT_CORPUS) -> list[GoldDoc]:
    """The documents of a gold file, with the text of corpus references read from ``corpus``.

    Raises :class:`~marsad.extract.gold.GoldError` naming the line at fault, and
    :class:`~marsad.errors.InputError` when a referenced article cannot be read.
    """
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    for where, data in gold_lines(path):
        doc = parse_doc(data, where, corpus)
        if doc.id in seen:
            raise GoldError(where, f"duplicate document {doc.id!r}")
        seen.add(doc.id)
        docs.append(doc)
    if not docs:
        raise GoldError(str(path), "no gold documents in the file")
    return docs


def parse_doc(data: Mapping[str, Any], where: str = "<gold>",
              corpus: str | Path | None = DEFAULT_CORPUS) -> GoldDoc:
    """One gold document from its JSON object (``where`` names it in errors)."""
    if "docno" in data:
        return _reference_doc(data, where, corpus)
    _check_keys(data, _TEXT_KEYS, where)
    rid, text = data.get("id"), data.get("text")
    if not isinstance(rid, str) or not rid or not isinstance(text, str) or not text:
        raise GoldError(where, "each document needs a non-empty string 'id' and 'text' "
                               "(or a 'docno' and 'path' in a corpus)")
    items = _mention_items(data, where)
    mentions = [_text_mention(text, m, f"{where} [{rid}]") for m in items]
    return GoldDoc(rid, text, _checked(mentions, f"{where} [{rid}]"))


def _check_keys(data: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise GoldError(where, f"unknown keys {unknown} (allowed: {sorted(allowed)})")


def _mention_items(data: Mapping[str, Any], where: str) -> list[Mapping[str, Any]]:
    items = data.get("mentions", [])
    if not isinstance(items, list) or not all(isinstance(m, dict) for m in items):
        raise GoldError(where, "'mentions' must be a list of objects")
    for m in items:
        _check_keys(m, _MENTION_KEYS, where)
    return items


def _reference_doc(data: Mapping[str, Any], where: str,
                   corpus: str | Path | None) -> GoldDoc:
    _check_keys(data, _REF_KEYS, where)
    docno, rel = data.get("docno"), data.get("path")
    if not isinstance(docno, str) or not docno or not isinstance(rel, str) or not rel:
        raise GoldError(where, "a corpus reference needs a string 'docno' and 'path'")
    text = corpus_text(corpus, rel, docno, where)
    if data.get("text_sha1") and short_hash(text, len(data["text_sha1"])) != data["text_sha1"]:
        raise GoldError(where, f"{docno}: the article's text is not the one annotated "
                               "(its hash differs)")
    place = f"{where} [{docno}]"
    mentions = [_offset_mention(text, m, place) for m in _mention_items(data, where)]
    return GoldDoc(docno, text, _checked(mentions, place))


def corpus_text(corpus: str | Path | None, rel: str, docno: str, where: str) -> str:
    """The body of article ``docno`` in ``corpus/rel``, as marsad's reader gives it."""
    if corpus is None or not Path(corpus).is_dir():
        raise InputError(where, f"{docno} is an article of a corpus: give its folder with "
                                f"--corpus DIR (not found: {corpus})")
    path = Path(corpus) / rel
    if not path.is_file():
        raise InputError(where, f"{docno}: no file {path}")
    article = corpus_article(path, docno)
    if article is None:
        raise InputError(where, f"{docno}: not in {path}")
    return article.text


def _fields(m: Mapping[str, Any], where: str) -> tuple[str, str | None, str]:
    typ, kb_id, form = m.get("type"), m.get("kb_id"), m.get("form", "name")
    if typ not in TYPES:
        raise GoldError(where, f"mention type {typ!r} is not one of {', '.join(TYPES)}")
    if kb_id is not None and (not isinstance(kb_id, str) or not kb_id):
        raise GoldError(where, f"kb_id {kb_id!r} must be a non-empty string or null")
    if form not in FORMS:
        raise GoldError(where, f"form {form!r} is not one of {', '.join(FORMS)}")
    return typ, kb_id, form


def _text_mention(text: str, m: Mapping[str, Any], where: str) -> GoldMention:
    surface = m.get("text")
    if not isinstance(surface, str) or not surface:
        raise GoldError(where, "each mention needs its exact 'text'")
    start = locate(text, surface, m.get("start"), where)
    return GoldMention(start, start + len(surface), *_fields(m, f"{where} {surface!r}"))


def _offset_mention(text: str, m: Mapping[str, Any], where: str) -> GoldMention:
    start, end, digest = m.get("start"), m.get("end"), m.get("sha1")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise GoldError(where, f"bad offsets {start!r}-{end!r} (text of {len(text)} characters)")
    if not isinstance(digest, str) or short_hash(text[start:end], len(digest)) != digest:
        raise GoldError(where, f"the text at {start}-{end} is not the one annotated "
                               "(its hash differs)")
    return GoldMention(start, end, *_fields(m, f"{where} {start}-{end}"))


def _checked(mentions: list[GoldMention], where: str) -> tuple[GoldMention, ...]:
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.start < a.end:
            raise GoldError(where, f"mentions {a.start}-{a.end} and {b.start}-{b.end} overlap")
    return tuple(ordered)


# --- scoring ----------------------------------------------------------------------------------


@dataclass
class PRF:
    """Counts of a precision/recall score; the rates are properties."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    total: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.total)

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "correct": self.correct,
                "accuracy": round(self.accuracy, 4)}


@dataclass(frozen=True)
class Failure:
    """One error: ``missed``, ``spurious``, ``boundary`` (overlapping spans that differ),
    ``type`` (exact span, other type) or ``link`` (exact span, other kb_id)."""

    doc: str
    kind: str
    text: str
    expected: Mapping[str, Any] | None
    got: Mapping[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "kind": self.kind, "text": self.text,
                "expected": self.expected, "got": self.got}

    def line(self) -> str:
        parts = [f"{self.doc}  {self.kind:<9} «{self.text}»"]
        if self.expected is not None:
            parts.append(f"expected {_compact(self.expected)}")
        if self.got is not None:
            parts.append(f"got {_compact(self.got)}")
        return "  ".join(parts)


def _compact(d: Mapping[str, Any]) -> str:
    return " ".join(f"{k}={v}" for k, v in d.items() if v is not None)


@dataclass
class Report:
    """All the scores of one run, and every failure."""

    docs: int = 0
    per_type: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in TYPES})
    spans: PRF = field(default_factory=PRF)
    linking: dict[str, Accuracy] = field(default_factory=lambda: {
        k: Accuracy() for k in ("all", "linkable", "unlinkable", *TYPES)})
    end_to_end: PRF = field(default_factory=PRF)
    by_form: dict[str, Accuracy] = field(default_factory=lambda: {f: Accuracy() for f in FORMS})
    failures: list[Failure] = field(default_factory=list)
    ner: str = ""

    @property
    def micro(self) -> PRF:
        total = PRF()
        for s in self.per_type.values():
            total.gold += s.gold
            total.predicted += s.predicted
            total.matched += s.matched
        return total

    def to_dict(self, failures: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "docs": self.docs,
            "detection": {"micro": self.micro.to_dict(),
                          "per_type": {t: s.to_dict() for t, s in self.per_type.items()},
                          "spans": self.spans.to_dict()},
            "linking": {k: a.to_dict() for k, a in self.linking.items()},
            "end_to_end": self.end_to_end.to_dict(),
            "recall_by_form": {k: a.to_dict() for k, a in self.by_form.items()},
            "ner": self.ner,
        }
        if failures:
            out["failures"] = [f.to_dict() for f in self.failures]
        return out


def score_doc(gold: GoldDoc, found: Sequence[Entity], report: Report) -> None:
    """Add one document's ``found`` entities to ``report``."""
    report.docs += 1
    g = {(m.start, m.end): m for m in gold.mentions}
    p = {(e.start, e.end): e for e in found}
    _detection(gold, g, p, report)
    _linking(gold, g, p, report)
    _unmatched(gold, g, p, report.failures)


def _detection(gold: GoldDoc, g: Mapping[tuple[int, int], GoldMention],
               p: Mapping[tuple[int, int], Entity], report: Report) -> None:
    for m in g.values():
        report.per_type[m.type].gold += 1
        hit = p.get((m.start, m.end))
        report.by_form[m.form].add(hit is not None and hit.type == m.type)
        if hit is not None and hit.type == m.type:
            report.per_type[m.type].matched += 1
    for e in p.values():
        if e.type in report.per_type:
            report.per_type[e.type].predicted += 1
    report.spans.gold += len(g)
    report.spans.predicted += len(p)
    report.spans.matched += len(g.keys() & p.keys())


def _linking(gold: GoldDoc, g: Mapping[tuple[int, int], GoldMention],
             p: Mapping[tuple[int, int], Entity], report: Report) -> None:
    acc = report.linking
    for key in g.keys() & p.keys():
        m, e = g[key], p[key]
        ok = e.kb_id == m.kb_id
        acc["all"].add(ok)
        acc["linkable" if m.kb_id else "unlinkable"].add(ok)
        acc[m.type].add(ok)
        if e.type != m.type:
            report.failures.append(Failure(gold.id, "type", _text(gold, m), _gold(m), _got(e)))
        elif not ok:
            report.failures.append(Failure(gold.id, "link", _text(gold, m), _gold(m), _got(e)))
    gl = {(m.start, m.end, m.kb_id) for m in g.values() if m.kb_id}
    pl = {(e.start, e.end, e.kb_id) for e in p.values() if e.kb_id}
    report.end_to_end.gold += len(gl)
    report.end_to_end.predicted += len(pl)
    report.end_to_end.matched += len(gl & pl)


def _unmatched(gold: GoldDoc, g: Mapping[tuple[int, int], GoldMention],
               p: Mapping[tuple[int, int], Entity], failures: list[Failure]) -> None:
    spurious = sorted(k for k in p if k not in g)
    paired: set[tuple[int, int]] = set()
    for key in sorted(k for k in g if k not in p):
        m = g[key]
        over = [k for k in spurious if k[0] < m.end and m.start < k[1] and k not in paired]
        if over:
            paired.update(over)
            got = [_got(p[k], gold.text) for k in over]
            failures.append(Failure(gold.id, "boundary", _text(gold, m), _gold(m), got[0]))
        else:
            failures.append(Failure(gold.id, "missed", _text(gold, m), _gold(m), None))
    for k in spurious:
        if k not in paired:
            failures.append(Failure(gold.id, "spurious", gold.text[k[0]:k[1]], None,
                                    _got(p[k])))


def _text(gold: GoldDoc, m: GoldMention) -> str:
    return gold.text[m.start:m.end]


def _gold(m: GoldMention) -> dict[str, Any]:
    return {"type": m.type, "kb_id": m.kb_id or "null", "form": None if m.form == "name"
            else m.form}


def _got(e: Entity, text: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"text": e.text(text)} if text is not None else {}
    out.update(type=e.type, kb_id=e.kb_id or "null")
    return out


# --- running ----------------------------------------------------------------------------------

Analyzer = Callable[[str], Sequence[Entity]]


def default_analyzer(ner: str = "auto") -> tuple[Analyzer, str]:
    """The entities stage on a text, and a note on NER: ``auto`` uses the NER model when it is
    there (as the stage does), ``off`` knowledge-base matches only, any other value is the
    path of a NER model file to use."""
    from marsad.extract.entities import default_ner, extract
    from marsad.pipeline import load_pipeline

    tokenize = load_pipeline(["tokenize"], on_error="raise")
    tagger, note = _ner_function(ner)

    def run(text: str) -> Sequence[Entity]:
        doc = extract(tokenize.analyze(text), ner=tagger)
        return doc.group("entities")  # type: ignore[return-value]

    if ner == "auto":
        note = default_ner(tokenize.analyze("تونس"))[1]
    return run, note


def _ner_function(ner: str) -> tuple[Callable[[Doc], Sequence[Entity]] | None, str]:
    if ner == "auto":
        return None, ""
    if ner == "off":
        return (lambda _d: []), "off: knowledge-base matches only"
    from marsad.ner import load_model, tag_doc

    model = load_model(ner)
    return (lambda d: tag_doc(d, model)), f"model {ner}"


def evaluate(docs: Iterable[GoldDoc], analyzer: Analyzer | None = None,
             ner: str = "auto") -> Report:
    """Score ``analyzer`` (default: marsad's entities stage, see :func:`default_analyzer`)
    on ``docs``."""
    report = Report()
    if analyzer is None:
        analyzer, report.ner = default_analyzer(ner)
    for gold in docs:
        score_doc(gold, analyzer(gold.text), report)
    return report


# --- command line -----------------------------------------------------------------------------


def format_report(report: Report) -> str:
    """Plain-text tables of the scores."""
    rows = [f"marsad eval entities: {report.docs} documents (NER: {report.ner})",
            f"{'detection':<12}{'gold':>6}{'found':>7}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    named = [*report.per_type.items(), ("micro", report.micro), ("spans only", report.spans),
             ("end to end", report.end_to_end)]
    for name, s in named:
        rows.append(f"{name:<12}{s.gold:>6}{s.predicted:>7}{s.matched:>7}{s.precision:>8.3f}"
                    f"{s.recall:>8.3f}{s.f1:>8.3f}")
    rows.append(f"\n{'linking':<12}{'found':>7}{'right':>7}{'acc':>8}")
    for name, a in report.linking.items():
        rows.append(f"{name:<12}{a.total:>7}{a.correct:>7}{a.accuracy:>8.3f}")
    rows.append(f"\n{'recall/form':<12}{'gold':>7}{'found':>7}{'R':>8}")
    for name, a in report.by_form.items():
        rows.append(f"{name:<12}{a.total:>7}{a.correct:>7}{a.accuracy:>8.3f}")
    return "\n".join(rows)


def register_eval(sub: Any, name: str) -> None:
    """Add ``marsad eval entities``."""
    p = sub.add_parser(
        name, help="score entity finding and linking against gold mentions",
        description="Score the entities stage against a gold JSONL file (docs/kb.md): "
                    "detection P/R/F1 (exact span and type) per type and micro, linking "
                    "accuracy of the gold mentions found, and end-to-end linking P/R/F1.",
    )
    p.add_argument("--data", required=True, metavar="FILE", help="gold JSONL file")
    p.add_argument("--corpus", default=DEFAULT_CORPUS, metavar="DIR",
                   help="folder of the corpus that gold references point into "
                        f"(default: {DEFAULT_CORPUS})")
    p.add_argument("--ner", default="auto", metavar="auto|off|MODEL",
                   help="auto: use the shipped NER model when it is there (as the stage "
                        "does); off: knowledge-base matches only; or the path of a NER model")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--show-errors", action="store_true",
                   help="list every missed, spurious, boundary, type and link error")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    report = evaluate(load_gold(args.data, args.corpus), ner=args.ner)
    if args.json:
        print(json.dumps(report.to_dict(failures=args.show_errors), ensure_ascii=False,
                         indent=2))
        return 0
    print(format_report(report))
    if args.show_errors:
        print(f"\n{len(report.failures)} errors:")
        for f in report.failures:
            print(f.line())
    return 0
