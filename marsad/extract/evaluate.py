"""Scoring the number and date extractors against gold sentences.

Gold data is JSON Lines, one sentence a line::

    {"id": "money-07", "text": "…", "published": "2019-11-13", "meta": {"country": "JO"},
     "quantities": [{"text": "ما يزيد عن 400 مليون دولار", "value": 400000000,
                     "kind": "money", "currency": "USD", "bound": "lower"}],
     "dates": [{"text": "حزيران الماضي", "value": "2019-06", "granularity": "month"}]}

* ``published`` (ISO date) anchors relative dates; ``meta`` (optional) becomes the article's
  metadata (``country`` decides shared currency words).
* The four groups — ``quantities``, ``ordinals``, ``dates``, ``durations`` — are annotated in
  full on every line: a group left out means the sentence has none, so anything found there is a
  false positive (negative cases are lines with empty groups).
* Each span gives its exact ``text``; ``start`` (a raw character offset) is needed only when
  that text occurs more than once. The other keys are the attributes checked for value
  accuracy; only the keys given are compared (a float within 1e-9).

Scores, per group and micro-averaged over the groups of a task: **precision** and **recall**
of exact spans (same raw start and end), and **value accuracy**, the share of matched spans
whose listed attributes all equal the gold. An empty denominator scores 1.0 (nothing found,
nothing wrong). ``marsad eval numbers`` scores quantities and ordinals, ``marsad eval dates``
dates and durations.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from marsad.extract.gold import GoldError, gold_lines, locate
from marsad.model import Article, Doc, Span

#: span groups the gold annotates, and the attributes a gold span may list.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "quantities": ("value", "kind", "unit", "currency", "bound"),
    "ordinals": ("value",),
    "dates": ("value", "granularity", "first", "last", "calendar", "relative"),
    "durations": ("value", "unit", "kind"),
}
GROUPS = tuple(ATTRIBUTES)
#: ``marsad eval`` kind -> the groups it scores, and the stages that produce them.
TASKS: dict[str, tuple[str, ...]] = {
    "numbers": ("quantities", "ordinals"),
    "dates": ("dates", "durations"),
}
STAGES: dict[str, tuple[str, ...]] = {"numbers": ("dates", "numbers"), "dates": ("dates",)}
_RECORD_KEYS = frozenset({"id", "text", "published", "meta", "note", *GROUPS})


# --- gold data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    text: str
    attrs: Mapping[str, Any]


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    published: date | None
    meta: Mapping[str, Any]
    spans: Mapping[str, tuple[GoldSpan, ...]]

    def article(self) -> Article:
        return Article(text=self.text, id=self.id, published=self.published, meta=dict(self.meta))


def load_gold(path: str | Path) -> list[GoldRecord]:
    """The records of a gold JSONL file; raises :class:`GoldError` naming the line at fault."""
    records: list[GoldRecord] = []
    seen: set[str] = set()
    for where, data in gold_lines(path):
        record = parse_record(data, where)
        if record.id in seen:
            raise GoldError(where, f"duplicate id {record.id!r}")
        seen.add(record.id)
        records.append(record)
    if not records:
        raise GoldError(str(path), "no gold records in the file")
    return records


def parse_record(data: Mapping[str, Any], where: str = "<gold>") -> GoldRecord:
    """One gold record from its JSON object (``where`` names it in errors)."""
    unknown = sorted(set(data) - _RECORD_KEYS)
    if unknown:
        raise GoldError(where, f"unknown keys {unknown} (allowed: {sorted(_RECORD_KEYS)})")
    rid, text = data.get("id"), data.get("text")
    if not isinstance(rid, str) or not rid or not isinstance(text, str) or not text:
        raise GoldError(where, "each record needs a non-empty string 'id' and 'text'")
    published = None
    if data.get("published") is not None:
        try:
            published = date.fromisoformat(str(data["published"]))
        except ValueError:
            raise GoldError(where, f"'published' {data['published']!r} is not an ISO date") from None
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise GoldError(where, "'meta' must be an object")
    spans = {g: tuple(_gold_span(text, item, g, f"{where} [{rid}] {g}")
                      for item in _items(data.get(g, []), g, where)) for g in GROUPS}
    return GoldRecord(rid, text, published, meta, spans)


def _items(value: Any, group: str, where: str) -> list[Mapping[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise GoldError(where, f"{group!r} must be a list of objects")
    return value


def _gold_span(text: str, item: Mapping[str, Any], group: str, where: str) -> GoldSpan:
    surface = item.get("text")
    if not isinstance(surface, str) or not surface:
        raise GoldError(where, "each span needs its exact 'text'")
    allowed = {"text", "start", *ATTRIBUTES[group]}
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise GoldError(where, f"{surface!r}: unknown keys {unknown} (allowed: {sorted(allowed)})")
    start = locate(text, surface, item.get("start"), where)
    attrs = {k: v for k, v in item.items() if k not in ("text", "start")}
    return GoldSpan(start, start + len(surface), surface, attrs)


# --- scoring ----------------------------------------------------------------------------------


def ratio(n: int, d: int) -> float:
    return n / d if d else 1.0


@dataclass
class GroupScore:
    """Counts for one group; the rates are properties."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_correct: int = 0

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

    @property
    def value_accuracy(self) -> float:
        return ratio(self.value_correct, self.matched)

    def add(self, other: GroupScore) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.value_correct += other.value_correct

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "value_correct": self.value_correct,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "value_accuracy": round(self.value_accuracy, 4),
        }


@dataclass(frozen=True)
class Failure:
    """One error: ``missed`` (gold not found), ``spurious`` (found, not gold), ``boundary``
    (a gold span and a found one that overlap without matching) or ``value`` (wrong attributes).
    """

    record: str
    group: str
    type: str
    text: str
    expected: Mapping[str, Any] | None
    got: Mapping[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        return {"record": self.record, "group": self.group, "type": self.type, "text": self.text,
                "expected": self.expected, "got": self.got}

    def line(self) -> str:
        parts = [f"{self.record}  {self.group:<10} {self.type:<8} «{self.text}»"]
        if self.expected is not None:
            parts.append(f"expected {_compact(self.expected)}")
        if self.got is not None:
            parts.append(f"got {_compact(self.got)}")
        return "  ".join(parts)


def _compact(attrs: Mapping[str, Any]) -> str:
    return json.dumps({k: v for k, v in attrs.items() if v is not None}, ensure_ascii=False)


@dataclass
class Report:
    """Scores per group, their micro total, and every failure."""

    groups: tuple[str, ...]
    per_group: dict[str, GroupScore] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    records: int = 0

    @property
    def micro(self) -> GroupScore:
        total = GroupScore()
        for g in self.groups:
            total.add(self.per_group[g])
        return total

    def to_dict(self, failures: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "records": self.records,
            "micro": self.micro.to_dict(),
            "per_group": {g: self.per_group[g].to_dict() for g in self.groups},
        }
        if failures:
            out["failures"] = [f.to_dict() for f in self.failures]
        return out


def values_equal(expected: Any, got: Any) -> bool:
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected is got
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return math.isclose(expected, got, rel_tol=1e-9, abs_tol=1e-9)
    return bool(expected == got)


def score_group(record: GoldRecord, group: str, found: Sequence[Span],
                score: GroupScore, failures: list[Failure]) -> None:
    """Add one record's ``found`` spans of ``group`` to ``score`` and ``failures``."""
    gold = {(g.start, g.end): g for g in record.spans[group]}
    pred = {(s.start, s.end): s for s in found}
    score.gold += len(gold)
    score.predicted += len(pred)
    for key in gold.keys() & pred.keys():
        score.matched += 1
        g, got = gold[key], pred[key].attrs()
        if all(values_equal(v, got.get(k)) for k, v in g.attrs.items()):
            score.value_correct += 1
        else:
            shown = {k: got.get(k) for k in g.attrs}
            failures.append(Failure(record.id, group, "value", g.text, dict(g.attrs), shown))
    _unmatched(record, group, gold, pred, failures)


def _unmatched(record: GoldRecord, group: str, gold: Mapping[tuple[int, int], GoldSpan],
               pred: Mapping[tuple[int, int], Span], failures: list[Failure]) -> None:
    missed = [k for k in gold if k not in pred]
    spurious = [k for k in pred if k not in gold]
    paired: set[tuple[int, int]] = set()
    for gk in missed:
        overlap = next((pk for pk in spurious if pk[0] < gk[1] and gk[0] < pk[1]
                        and pk not in paired), None)
        g = gold[gk]
        if overlap is None:
            failures.append(Failure(record.id, group, "missed", g.text, dict(g.attrs), None))
            continue
        paired.add(overlap)
        failures.append(Failure(record.id, group, "boundary", g.text, dict(g.attrs),
                                _found_attrs(record.text, pred[overlap])))
    for pk in spurious:
        if pk not in paired:
            failures.append(Failure(record.id, group, "spurious", record.text[pk[0]:pk[1]], None,
                                    _found_attrs(record.text, pred[pk])))


def _found_attrs(text: str, span: Span) -> dict[str, Any]:
    return {"text": span.text(text), **span.attrs()}


Analyzer = Callable[[Article], Doc]


def default_analyzer(task: str) -> Analyzer:
    """The pipeline stages that ``task`` scores, raising on any stage error."""
    from marsad.pipeline import load_pipeline

    pipeline = load_pipeline(STAGES[task], on_error="raise")
    return pipeline.analyze


def evaluate(records: Iterable[GoldRecord], task: str,
             analyzer: Analyzer | None = None) -> Report:
    """Score ``analyzer`` (default: marsad's own stages) on ``records`` for ``task``."""
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r} (known: {', '.join(TASKS)})")
    analyze = analyzer or default_analyzer(task)
    report = Report(TASKS[task], {g: GroupScore() for g in TASKS[task]})
    for record in records:
        doc = analyze(record.article())
        report.records += 1
        for g in report.groups:
            score_group(record, g, doc.group(g), report.per_group[g], report.failures)
    return report


# --- command line -----------------------------------------------------------------------------


def format_report(report: Report, task: str) -> str:
    """A plain-text table of the scores."""
    head = f"{'group':<12}{'gold':>6}{'found':>7}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}{'value':>8}"
    rows = [f"marsad eval {task}: {report.records} gold sentences", head]
    named = [(g, report.per_group[g]) for g in report.groups] + [("micro", report.micro)]
    for name, s in named:
        rows.append(f"{name:<12}{s.gold:>6}{s.predicted:>7}{s.matched:>7}{s.precision:>8.3f}"
                    f"{s.recall:>8.3f}{s.f1:>8.3f}{s.value_accuracy:>8.3f}")
    return "\n".join(rows)


def register_eval(sub: Any, name: str) -> None:
    """Add ``marsad eval numbers`` or ``marsad eval dates`` (``name``)."""
    groups = " and ".join(TASKS[name])
    p = sub.add_parser(
        name, help=f"score {groups} against gold sentences",
        description=f"Score the {groups} that marsad finds against a gold JSONL file "
                    "(docs/extractors.md describes the format): precision and recall of exact "
                    "spans and value accuracy, per group and micro-averaged.",
    )
    p.add_argument("--data", required=True, metavar="FILE", help="gold JSONL file")
    p.add_argument("--json", action="store_true",
                   help='print {"micro": …, "per_group": …} as JSON')
    p.add_argument("--show-errors", action="store_true",
                   help="list every missed, spurious, boundary and value error")
    p.set_defaults(run=_run, task=name)


def _run(args: argparse.Namespace) -> int:
    report = evaluate(load_gold(args.data), args.task)
    if args.json:
        print(json.dumps(report.to_dict(failures=args.show_errors), ensure_ascii=False, indent=2))
        return 0
    print(format_report(report, args.task))
    if args.show_errors:
        print(f"\n{len(report.failures)} errors:")
        for f in report.failures:
            print(f.line())
    return 0
