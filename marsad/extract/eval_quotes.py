"""``marsad eval quotes``: precision and recall of attributions (cue, speaker, content).

Gold is JSON Lines, one document a line, in one of two forms:

* **text records** (hand-written sentences, ``tests/gold/quotes-unit.jsonl``)::

    {"id": "u01", "text": "…", "attributions": [
       {"cue": "قال", "speaker": "الوزير", "content": "…", "direct": false}]}

  spans are given by their text (``"start"`` offsets inside ``{"text": …, "start": n}``
  objects when a text occurs more than once);
* **corpus records** (``tests/gold/quotes-ant.jsonl``): annotations over articles that stay
  where they are (never copied): ``"doc"`` is the DOCNO and ``"file"`` the article's path
  under the news folder (``--news``, default ``../shared/data/news/ant``); ``"sha"`` the first
  12 hex digits of the SHA-256 of the article's text and every span is ``[start, end,
  hash]`` (raw offsets into the text marsad reads, and the first 8 hex digits of the SHA-256
  of the span's text), so a changed article or reader is an error, not silent drift.

Each gold attribution has ``cue``, ``speaker`` (for a continuation: the explicit speaker it
carries on; ``null`` when the text never names one), ``content`` and ``direct``.

Scoring: a predicted attribution matches a gold one when their cues overlap (one to one, in
order). A matched speaker or content is **right** when it agrees with the gold at the
chosen strictness (a content must also overlap the gold content; a speaker may be any mention
with the same words, since a name said anywhere names the same speaker): ``exact`` — the same words (normalized, proclitics stripped: للحامدي =
الحامدي), ignoring punctuation and quotation marks; ``overlap`` — their words' Dice coefficient is at least 0.5. For each
component, precision = right / predicted and recall = right / gold; the cue is right when
matched. ``all`` counts an attribution right when cue, speaker and content all are.
Predicted speakers are resolved along ``continues``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import InputError, UnreadableError
from marsad.extract.gold import GoldError, corpus_article, gold_lines
from marsad.model import Article, Attribution, Doc, Span
from marsad.text.clitics import strip_proclitics
from marsad.text.normalize import normalize_text
from marsad.text.tokenize import IS_WORD, TOKEN_RE

STAGES = ("tokenize", "dates", "numbers", "entities", "quotes")
DEFAULT_NEWS = Path("..") / "shared" / "data" / "news" / "ant"
PARTS = ("cue", "speaker", "content", "all")
LEVELS = ("exact", "overlap")
DICE = 0.5


#: a quotes gold file that cannot be used (names the file, the line and the reason).
QuoteGoldError = GoldError


def text_hash(text: str, n: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


@dataclass(frozen=True)
class GoldAttribution:
    cue: Span
    speaker: Span | None
    content: Span
    direct: bool


@dataclass(frozen=True)
class GoldDoc:
    id: str
    article: Article
    attributions: tuple[GoldAttribution, ...]


# --- reading gold ---------------------------------------------------------------------------


def load_quotes_gold(path: str | Path, news: str | Path | None = None) -> list[GoldDoc]:
    """The documents of a gold file; corpus records read their article from ``news``."""
    out = []
    for where, data in gold_lines(path):
        out.append(_text_record(data, where) if "text" in data else
                   _corpus_record(data, where, _news_dir(news, path)))
    if not out:
        raise QuoteGoldError(str(path), "no gold records in the file")
    return out


def _news_dir(news: str | Path | None, gold: str | Path) -> Path:
    if news is not None:
        return Path(news)
    if DEFAULT_NEWS.exists():
        return DEFAULT_NEWS
    return Path(gold).resolve().parents[2].parent / "shared" / "data" / "news" / "ant"


def _text_record(data: Mapping[str, Any], where: str) -> GoldDoc:
    text = data.get("text")
    rid = data.get("id")
    if not isinstance(text, str) or not text or not isinstance(rid, str):
        raise QuoteGoldError(where, "a text record needs a string 'id' and 'text'")
    published = _date(data.get("published"), where)
    items = tuple(_text_item(text, a, f"{where} [{rid}]") for a in data.get("attributions", []))
    return GoldDoc(rid, Article(text=text, id=rid, published=published), items)


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise QuoteGoldError(where, f"'published' {value!r} is not an ISO date") from None


def _text_item(text: str, item: Mapping[str, Any], where: str) -> GoldAttribution:
    def find(key: str, required: bool = True) -> Span | None:
        value = item.get(key)
        if value is None:
            if required:
                raise QuoteGoldError(where, f"an attribution needs '{key}'")
            return None
        s, start = (value, None) if isinstance(value, str) else (value.get("text"), value.get(
            "start"))
        if not isinstance(s, str) or not s:
            raise QuoteGoldError(where, f"'{key}' must be a non-empty text")
        at = text.find(s) if start is None else start
        if at < 0 or text[at:at + len(s)] != s:
            raise QuoteGoldError(where, f"{key} {s!r} is not in the text"
                                 + ("" if start is None else f" at {start}"))
        if start is None and text.find(s, at + 1) >= 0:
            raise QuoteGoldError(where, f"{key} {s!r} occurs more than once: give its start")
        return Span(at, at + len(s))

    cue, content = find("cue"), find("content")
    assert cue is not None and content is not None
    return GoldAttribution(cue, find("speaker", False), content, bool(item.get("direct")))


def _corpus_record(data: Mapping[str, Any], where: str, news: Path) -> GoldDoc:
    docno, rel = data.get("doc"), data.get("file")
    if not isinstance(docno, str) or not isinstance(rel, str):
        raise QuoteGoldError(where, "a corpus record needs 'doc' (DOCNO) and 'file'")
    article = _read_article(news / rel, docno, where)
    if text_hash(article.text, 12) != data.get("sha"):
        raise QuoteGoldError(where, f"article {docno} has changed since it was annotated "
                                    "(its text hash differs)")
    items = tuple(_corpus_item(article.text, a, f"{where} [{docno}]")
                  for a in data.get("attributions", []))
    return GoldDoc(docno, article, items)


def _read_article(path: Path, docno: str, where: str) -> Article:
    try:
        article = corpus_article(path, docno)
    except InputError as exc:
        raise UnreadableError(str(path), f"cannot read the article for {where} ({exc.reason})"
                              ) from None
    if article is None:
        raise QuoteGoldError(where, f"no DOC {docno} in {path}")
    return article


def _corpus_item(text: str, item: Mapping[str, Any], where: str) -> GoldAttribution:
    def span(key: str, required: bool = True) -> Span | None:
        value = item.get(key)
        if value is None:
            if required:
                raise QuoteGoldError(where, f"an attribution needs '{key}'")
            return None
        if not (isinstance(value, list) and len(value) == 3):
            raise QuoteGoldError(where, f"{key} must be [start, end, hash]")
        s, e, h = value
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            raise QuoteGoldError(where, f"{key} offsets {s}-{e} are outside the text")
        if text_hash(text[s:e]) != h:
            raise QuoteGoldError(where, f"{key} {s}-{e} reads {text[s:e]!r}, not the "
                                        "annotated text (hash differs)")
        return Span(s, e)

    cue, content = span("cue"), span("content")
    assert cue is not None and content is not None
    return GoldAttribution(cue, span("speaker", False), content, bool(item.get("direct")))


# --- scoring ------------------------------------------------------------------------------------


def words(text: str, span: Span | None) -> list[str]:
    if span is None:
        return []
    return [strip_proclitics(w) for w in TOKEN_RE.findall(normalize_text(
        text[span.start:span.end])) if IS_WORD.fullmatch(w) or w[:1].isdigit()]


def agree(text: str, gold: Span | None, pred: Span | None, level: str,
          anywhere: bool = False) -> bool:
    """Do two spans say the same at ``level`` (``exact`` or ``overlap``)? Unless
    ``anywhere`` (speakers: the same name said anywhere names the same speaker), they must
    also overlap in the text."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = words(text, gold), words(text, pred)
    placed = anywhere or _overlaps(gold, pred)
    if level == "exact":
        return g == p and placed
    common = sum(min(g.count(w), p.count(w)) for w in set(g))
    return bool(g or p) and 2 * common / (len(g) + len(p)) >= DICE and placed


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    right: dict[tuple[str, str], int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, part: str, level: str) -> None:
        self.right[(part, level)] = self.right.get((part, level), 0) + 1

    def scores(self) -> dict[str, Any]:
        out: dict[str, Any] = {"gold": self.gold, "predicted": self.predicted}
        for level in LEVELS:
            out[level] = {part: _prf(self.right.get((part, level), 0), self.predicted, self.gold)
                          for part in PARTS}
        return out


def _prf(right: int, predicted: int, gold: int) -> dict[str, float]:
    p = right / predicted if predicted else 1.0
    r = right / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def resolved(spans: Sequence[Attribution], n: int) -> Span | None:
    """The explicit speaker of attribution ``n`` (along ``continues``)."""
    seen: set[int] = set()
    a = spans[n]
    while a.speaker is None and a.continues is not None and a.continues not in seen:
        seen.add(a.continues)
        a = spans[a.continues]
    return a.speaker


def pair(gold: Sequence[GoldAttribution], pred: Sequence[Attribution]) -> list[tuple[int, int]]:
    """(gold index, predicted index) of attributions whose cues overlap, one to one."""
    used: set[int] = set()
    out = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and _overlaps(g.cue, p.cue):
                used.add(pi)
                out.append((gi, pi))
                break
    return out


def score_doc(g: GoldDoc, doc: Doc, tally: Tally) -> None:
    pred: list[Attribution] = list(doc.group("attributions"))  # type: ignore[arg-type]
    text = doc.text
    tally.gold += len(g.attributions)
    tally.predicted += len(pred)
    pairs = pair(g.attributions, pred)
    for gi, pi in pairs:
        ga, pa = g.attributions[gi], pred[pi]
        for level in LEVELS:
            tally.add("cue", level)
            sp = agree(text, ga.speaker, resolved(pred, pi), level, anywhere=True)
            ct = agree(text, ga.content, pa.content, level)
            if sp:
                tally.add("speaker", level)
            if ct:
                tally.add("content", level)
            if sp and ct:
                tally.add("all", level)
        _note(tally, g, text, ga, pa, resolved(pred, pi))
    _misses(tally, g, text, pred, pairs)


def _note(tally: Tally, g: GoldDoc, text: str, ga: GoldAttribution, pa: Attribution,
          speaker: Span | None) -> None:
    def show(s: Span | None) -> str | None:
        return None if s is None else text[s.start:s.end]

    for part, gold, got in (("speaker", ga.speaker, speaker), ("content", ga.content, pa.content)):
        if not agree(text, gold, got, "overlap", anywhere=part == "speaker"):
            tally.errors.append({"doc": g.id, "error": part, "cue": show(ga.cue),
                                 "gold": show(gold), "predicted": show(got)})


def _misses(tally: Tally, g: GoldDoc, text: str, pred: Sequence[Attribution],
            pairs: list[tuple[int, int]]) -> None:
    got_g = {gi for gi, _ in pairs}
    got_p = {pi for _, pi in pairs}
    for gi, ga in enumerate(g.attributions):
        if gi not in got_g:
            tally.errors.append({"doc": g.id, "error": "missed", "cue": text[ga.cue.start:ga.cue.end],
                                 "content": text[ga.content.start:ga.content.end][:120]})
    for pi, pa in enumerate(pred):
        if pi not in got_p:
            tally.errors.append({"doc": g.id, "error": "spurious",
                                 "cue": text[pa.cue.start:pa.cue.end],
                                 "content": text[pa.content.start:pa.content.end][:120]
                                 if pa.content else None})


def evaluate(gold: Iterable[GoldDoc], pipeline: Any = None) -> Tally:
    from marsad.pipeline import load_pipeline

    pipe = pipeline or load_pipeline(STAGES)
    tally = Tally()
    for g in gold:
        score_doc(g, pipe.analyze(g.article), tally)
    return tally


# --- command line -------------------------------------------------------------------------------


def register_eval(sub: Any, name: str) -> None:
    p = sub.add_parser(
        name, help="score attributions (cue, speaker, content) against gold",
        description="Precision, recall and F1 of attribution cues, speakers and contents "
                    "against a gold JSONL file (docs/events.md).")
    p.add_argument("--data", required=True, metavar="FILE", help="gold JSONL file")
    p.add_argument("--news", metavar="DIR",
                   help="folder of the articles that corpus records point to "
                        "(default ../shared/data/news/ant)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--show-errors", type=int, default=0, metavar="N",
                   help="list the first N misses, spurious attributions and disagreements")
    p.set_defaults(run=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    gold = load_quotes_gold(args.data, args.news)
    tally = evaluate(gold)
    scores = tally.scores()
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        _print(scores, args.data, len(gold))
    for err in tally.errors[: args.show_errors]:
        print(json.dumps(err, ensure_ascii=False), file=sys.stderr)
    return 0


def _print(scores: dict[str, Any], path: str, docs: int) -> None:
    print(f"attributions: {path} ({docs} documents, {scores['gold']} gold, "
          f"{scores['predicted']} predicted)")
    print(f"  {'':<10}{'exact P':>9}{'R':>7}{'F1':>7}   {'overlap P':>9}{'R':>7}{'F1':>7}")
    for part in PARTS:
        e, o = scores["exact"][part], scores["overlap"][part]
        print(f"  {part:<10}{e['precision'] * 100:9.1f}{e['recall'] * 100:7.1f}"
              f"{e['f1'] * 100:7.1f}   {o['precision'] * 100:9.1f}{o['recall'] * 100:7.1f}"
              f"{o['f1'] * 100:7.1f}")


