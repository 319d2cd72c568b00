"""``marsad eval events``: score the events stage against hand-coded PLOVER sentences.

The gold is the UniversalPetrarch Arabic validation format (``Validation/Sentences/
Sentence``): each sentence has a ``date`` (YYYYMMDD, used as the publication date), one
``EventText`` (``eventtext`` the trigger words, ``sourcetext``, ``targettext``) and one
``EventCoding`` (``plover`` type, ``sourcecode`` and ``targetcode`` such as ``TUN None`` or
``LBN GOV``: country, then role). Every sentence has an event, so the file measures recall,
type and actors, not precision.

Matching, per sentence: the predicted event whose trigger shares a word with the gold
trigger; else (no gold trigger words, or none shared) the predicted event whose actors and
recipients share most words with the gold source and target, the first on a tie. Scores:

* **recall**: sentences whose event was found (a predicted event in the sentence, matched as
  above); **trigger recall**: of the sentences with gold trigger words, those whose matched
  trigger shares a word with them;
* **type accuracy**: matched events with the gold PLOVER type;
* **source / target overlap**: of matched events whose gold source (target) text is given,
  those whose actors (recipients) share a word with it;
* **source / target country agreement**: matched events whose first actor's (recipient's)
  country — ISO alpha-3, ``None`` when it has none — equals the gold code's country (``None``
  included); also given on the subset where the gold names a country.

Words are compared normalized and without clitics (وتجمع = تجمع).
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.errors import UnreadableError
from marsad.extract.gold import GoldError
from marsad.model import Article, Doc, Event, Participant
from marsad.text.clitics import strip_proclitics
from marsad.text.normalize import normalize_text
from marsad.text.tokenize import IS_WORD, TOKEN_RE

ISO = Path(__file__).resolve().parents[1] / "data" / "iso3166.tsv"
STAGES = ("tokenize", "dates", "numbers", "entities", "quotes", "events")


#: a gold event file that cannot be read (names the file and the reason).
EventGoldError = GoldError


@dataclass(frozen=True)
class GoldEvent:
    id: str
    text: str
    published: date | None
    type: str
    trigger: str
    source: str
    target: str
    source_code: str
    target_code: str


def load_events_gold(path: str | Path) -> list[GoldEvent]:
    """The sentences of a UniversalPetrarch validation file."""
    name = str(path)
    try:
        root = ET.parse(path).getroot()
    except OSError as exc:
        raise UnreadableError(name, f"cannot read the gold file ({exc})") from None
    except ET.ParseError as exc:
        raise EventGoldError(name, f"not well-formed XML ({exc})") from None
    out = []
    for n, el in enumerate(root.iter("Sentence"), 1):
        out.append(_gold_sentence(el, f"{name} (Sentence {el.get('id') or n})"))
    if not out:
        raise EventGoldError(name, "no <Sentence> in the file")
    return out


def _gold_sentence(el: ET.Element, where: str) -> GoldEvent:
    text_el, ev, code = el.find("Text"), el.find("EventText"), el.find("EventCoding")
    if text_el is None or not (text_el.text or "").strip() or ev is None or code is None:
        raise EventGoldError(where, "a sentence needs <Text>, <EventText> and <EventCoding>")
    raw_date = el.get("date") or ""
    published = None
    if len(raw_date) == 8 and raw_date.isdigit():
        published = date(int(raw_date[:4]), int(raw_date[4:6]), int(raw_date[6:]))
    return GoldEvent(
        id=el.get("id") or where, text=(text_el.text or "").strip(), published=published,
        type=code.get("plover") or el.get("category") or "", trigger=ev.get("eventtext") or "",
        source=ev.get("sourcetext") or "", target=ev.get("targettext") or "",
        source_code=code.get("sourcecode") or "None None",
        target_code=code.get("targetcode") or "None None",
    )


@lru_cache(maxsize=1)
def alpha3() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3."""
    table = {}
    for line in ISO.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            a2, a3, *_ = line.split("\t")
            table[a2] = a3
    return table


def words_of(text: str) -> set[str]:
    """Normalized words without proclitics."""
    return {strip_proclitics(w) for w in TOKEN_RE.findall(normalize_text(text))
            if IS_WORD.fullmatch(w)}


def country_of(parts: Sequence[Participant]) -> str:
    for p in parts:
        if p.country:
            return alpha3().get(p.country, p.country)
    return "None"


@dataclass
class Tally:
    sentences: int = 0
    found: int = 0
    with_trigger: int = 0
    trigger_found: int = 0
    type_ok: int = 0
    source_given: int = 0
    source_overlap: int = 0
    target_given: int = 0
    target_overlap: int = 0
    source_country: int = 0
    target_country: int = 0
    source_named: int = 0
    source_named_ok: int = 0
    target_named: int = 0
    target_named_ok: int = 0
    predicted: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def scores(self) -> dict[str, Any]:
        def r(a: int, b: int) -> float:
            return round(a / b, 4) if b else 1.0

        return {
            "sentences": self.sentences,
            "events_predicted": self.predicted,
            "recall": r(self.found, self.sentences),
            "trigger_recall": r(self.trigger_found, self.with_trigger),
            "type_accuracy": r(self.type_ok, self.found),
            "source_overlap": r(self.source_overlap, self.source_given),
            "target_overlap": r(self.target_overlap, self.target_given),
            "source_country_agreement": r(self.source_country, self.found),
            "target_country_agreement": r(self.target_country, self.found),
            "source_country_agreement_named": r(self.source_named_ok, self.source_named),
            "target_country_agreement_named": r(self.target_named_ok, self.target_named),
            "counts": {
                "found": self.found, "with_trigger": self.with_trigger,
                "trigger_found": self.trigger_found, "type_ok": self.type_ok,
                "source_given": self.source_given, "target_given": self.target_given,
                "source_named": self.source_named, "target_named": self.target_named,
            },
        }


def match(gold: GoldEvent, events: Sequence[Event], text: str) -> tuple[Event | None, bool]:
    """The predicted event that stands for the gold one, and whether their triggers share a
    word."""
    if not events:
        return None, False
    gold_trigger = words_of(gold.trigger)
    for e in events:
        if gold_trigger & words_of(e.trigger.text(text)):
            return e, True
    want = words_of(gold.source) | words_of(gold.target)

    def shared(e: Event) -> int:
        got: set[str] = set()
        for p in (*e.actors, *e.recipients):
            got |= words_of(p.text(text))
        return len(got & want)

    best = max(events, key=shared)
    return (best if shared(best) else events[0]), False


def score_one(gold: GoldEvent, doc: Doc, tally: Tally) -> None:
    events: list[Event] = list(doc.group("events"))  # type: ignore[arg-type]
    tally.sentences += 1
    tally.predicted += len(events)
    event, trigger_hit = match(gold, events, doc.text)
    if gold.trigger.strip():
        tally.with_trigger += 1
        tally.trigger_found += trigger_hit
    if event is None:
        tally.errors.append({"id": gold.id, "error": "not found", "type": gold.type,
                             "trigger": gold.trigger, "text": gold.text})
        return
    tally.found += 1
    tally.type_ok += event.type == gold.type
    text = doc.text
    for given, parts, name in ((gold.source, event.actors, "source"),
                               (gold.target, event.recipients, "target")):
        if words_of(given):
            setattr(tally, f"{name}_given", getattr(tally, f"{name}_given") + 1)
            got = set().union(*(words_of(p.text(text)) for p in parts)) if parts else set()
            if got & words_of(given):
                setattr(tally, f"{name}_overlap", getattr(tally, f"{name}_overlap") + 1)
    _countries(gold, event, tally)
    if event.type != gold.type:
        tally.errors.append({"id": gold.id, "error": "type", "gold": gold.type,
                             "predicted": event.type, "trigger": event.trigger.text(text)})


def _countries(gold: GoldEvent, event: Event, tally: Tally) -> None:
    for code, parts, name in ((gold.source_code, event.actors, "source"),
                              (gold.target_code, event.recipients, "target")):
        want = code.split()[0] if code.split() else "None"
        got = country_of(parts)
        ok = got == want
        setattr(tally, f"{name}_country", getattr(tally, f"{name}_country") + ok)
        if want != "None":
            setattr(tally, f"{name}_named", getattr(tally, f"{name}_named") + 1)
            setattr(tally, f"{name}_named_ok", getattr(tally, f"{name}_named_ok") + ok)


def evaluate(gold: Iterable[GoldEvent], pipeline: Any = None) -> Tally:
    """Run the pipeline over the gold sentences and tally the scores."""
    from marsad.pipeline import load_pipeline

    pipe = pipeline or load_pipeline(STAGES)
    tally = Tally()
    for g in gold:
        doc = pipe.analyze(Article(text=g.text, id=g.id, published=g.published))
        score_one(g, doc, tally)
    return tally


# --- command line -------------------------------------------------------------------------------


def register_eval(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name, help="score the events stage against PLOVER-coded sentences",
        description="Score event recall, PLOVER type accuracy and source/target agreement "
                    "against a UniversalPetrarch validation file (docs/events.md).")
    p.add_argument("--data", required=True, metavar="FILE", help="validation XML file")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--show-errors", type=int, default=0, metavar="N",
                   help="list the first N misses and type errors")
    p.set_defaults(run=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    gold = load_events_gold(args.data)
    tally = evaluate(gold)
    scores = tally.scores()
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        _print(scores, args.data)
    for err in tally.errors[: args.show_errors]:
        print(json.dumps(err, ensure_ascii=False), file=sys.stderr)
    return 0


def _print(scores: dict[str, Any], path: str) -> None:
    c = scores["counts"]
    rows = [
        ("recall", scores["recall"], f"{c['found']}/{scores['sentences']}"),
        ("trigger recall", scores["trigger_recall"], f"{c['trigger_found']}/{c['with_trigger']}"),
        ("type accuracy", scores["type_accuracy"], f"{c['type_ok']}/{c['found']}"),
        ("source overlap", scores["source_overlap"], f"of {c['source_given']}"),
        ("target overlap", scores["target_overlap"], f"of {c['target_given']}"),
        ("source country", scores["source_country_agreement"], f"of {c['found']}"),
        ("target country", scores["target_country_agreement"], f"of {c['found']}"),
        ("source country (named)", scores["source_country_agreement_named"],
         f"of {c['source_named']}"),
        ("target country (named)", scores["target_country_agreement_named"],
         f"of {c['target_named']}"),
    ]
    print(f"events: {path} ({scores['sentences']} sentences, "
          f"{scores['events_predicted']} events predicted)")
    for label, value, detail in rows:
        print(f"  {label:<24} {value * 100:6.1f}%  {detail}")
