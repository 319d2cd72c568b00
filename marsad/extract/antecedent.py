"""Whom a continuation goes on from: a learned choice among the speakers it could carry on.

A continuation (وأضاف، مؤكدا، وفق تعبيره, a verb with no subject of its own) names nobody: its
speaker is someone mentioned before. The rules of :mod:`marsad.extract.quotes` pick the last
explicit speaker that agrees with the cue, or the subject of the sentence before; they miss
the speaker who was only the subject of a verb that reports nothing (وكانت الإمارات قد عبرت عن
دهشتها … لكنها تعهدت، أصدرت صحيفة "السفير" عددها الأخير معلنة …). This module lists the
candidates — the speakers of earlier attributions and the noun phrases that could speak in the
cue's sentence (before it) and the two sentences before — describes each by a few features
(how far, whether it agrees with the cue in gender and number, whether the rules chose it, a
person or a body, the subject after أنّ …) and lets a conditional-logit model fitted on the
gold attributions choose (``python -m marsad.extract.fit_antecedent``; the weights ship in
``marsad/data/antecedent.json``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from marsad.extract import actors, speech
from marsad.extract import quote_words as W
from marsad.extract.clause import PREPOSITIONS, QUOTES, Sentence, bare, in_table, strip_conj
from marsad.model import Span
from marsad.text.normalize import normalize_text

if TYPE_CHECKING:
    from marsad.extract.quote_drafts import Draft, Drafting

#: the features, in the order of the weights.
FEATURES = (
    "rule", "draft", "draft_last", "draft_second", "same_sentence", "sentence_before",
    "two_before", "distance", "agrees", "disagrees", "number_disagrees", "person", "body",
    "place_only", "speaker_like", "opens_sentence", "after_that", "after_and_word", "in_content",
    "in_quote", "known_name", "length", "opening_subject", "crowd", "cue_between",
    "verb_before", "verb_after", "head_match", "phrase_cue_draft", "participle_here",
    "speaker_head", "nearest", "second_nearest", "nearest_agreeing", "nobody",
)
_DISAGREES, _NUMBER_DISAGREES = FEATURES.index("disagrees"), FEATURES.index("number_disagrees")
#: how many sentences back (the cue's own included) noun phrases are candidates.
SENTENCES = 3
#: how many earlier explicit speakers are candidates.
DRAFTS = 6
_THAT = frozenset(normalize_text(w) for w in (
    "أن", "إن", "بأن", "لكن", "ولكن", "غير", "وأن", "فإن", "كأن", "لأن"))
_PLURAL_ENDS = ("ون", "ين", "ات", "اء")


@dataclass
class Candidate:
    """A speaker a continuation could carry on: an earlier attribution's (``draft``) or a
    noun phrase ``span`` of sentence ``sentence``."""

    span: Span
    sentence: int
    draft: int | None
    features: list[float]


@lru_cache(maxsize=1)
def weights() -> tuple[float, ...] | None:
    """The fitted weights (``None`` when the file is absent: the rules' choice stands)."""
    try:
        data = json.loads(resources.files("marsad").joinpath("data/antecedent.json").read_text(
            encoding="utf-8"))
    except FileNotFoundError:
        return None
    if tuple(data["features"]) != FEATURES:
        raise ValueError("marsad/data/antecedent.json: its features are not this module's; "
                         "refit with python -m marsad.extract.fit_antecedent")
    return tuple(float(w) for w in data["weights"])


def score(features: list[float], w: tuple[float, ...]) -> float:
    return sum(f * x for f, x in zip(features, w, strict=True))


def candidates(r: Drafting, s: Sentence, draft: Draft, rule: Span | None) -> list[Candidate]:
    """The speakers ``draft`` (a continuation in sentence ``s``) could carry on; ``rule`` is
    the speaker the rules chose."""
    k = s.word_index(draft.cue.start)
    gender = r._cue_gender(s, draft.cue)
    out: list[Candidate] = []
    seen: set[int] = set()  # where the candidates so far start
    if rule is not None and draft.speaker is rule:  # the subject of the sentence before
        rs = r.index.get(r.index.sentence_of(rule.start))
        i, j = rs.word_index(rule.start), rs.word_index(rule.end - 1) + 1
        out.append(_candidate(r, s, k, draft, rs, i, j, gender, rule, None, 0))
        seen.add(rule.start)
    rank = 0
    for n in range(len(r.drafts) - 1, -1, -1):
        d = r.drafts[n]
        if d.speaker is None or d.gist:
            continue
        ds = r.index.get(r.index.sentence_of(d.speaker.start))
        i, j = ds.word_index(d.speaker.start), ds.word_index(d.speaker.end - 1) + 1
        out.append(_candidate(r, s, k, draft, ds, i, j, gender, rule, n, rank))
        seen.add(d.speaker.start)
        rank += 1
        if rank >= DRAFTS:
            break
    said = [d.content for d in r.drafts[-DRAFTS:] if d.content is not None]
    for si in range(s.index, max(-1, s.index - SENTENCES), -1):
        ss = r.index.get(si)
        limit = k if si == s.index else len(ss.words)
        # (nor the subject of a message's gist: حملة مفادها أن الحزب …)
        gist = next((m + 1 for m in range(limit) if ss.words[m].norm in W.GIST), limit)
        for i in range(gist):
            if not _may_open(ss, i) or ss.words[i].start in seen or any(
                    c.start <= ss.words[i].start < c.end for c in said):
                continue  # (not the subject of what someone said: الحزب of قال إن الحزب …)
            j = _phrase(r, ss, i, limit)
            if j <= i:
                continue
            seen.add(ss.words[i].start)
            out.append(_candidate(r, s, k, draft, ss, i, j, gender, rule, None, rank))
    _rank(out)
    return out


def _rank(found: list[Candidate]) -> None:
    """Append the proximity features: the nearest candidate, the second, and the nearest
    that agrees with the cue (by where each ends)."""
    order = sorted(range(len(found)), key=lambda n: -found[n].span.end)
    agreeing = next((n for n in order if not found[n].features[_DISAGREES]
                     and not found[n].features[_NUMBER_DISAGREES]), None)
    place = {n: p for p, n in enumerate(order)}
    for n, c in enumerate(found):
        c.features += [float(place[n] == 0), float(place[n] == 1), float(n == agreeing), 0.0]


def nobody() -> list[float]:
    """The features of "none of them": the model's own bar for choosing a candidate."""
    return [0.0] * (len(FEATURES) - 1) + [1.0]


def _may_open(s: Sentence, i: int) -> bool:
    """Can a speaker's noun phrase open at word ``i``: a definite word or a named entity not
    after a preposition or inside a definite phrase, not a ب/ل word?"""
    w = s.words[i]
    if not w.is_word or not (w.definite or i in s.entity_at or _titled(s, i)):
        return False
    if i > 0 and (s.words[i - 1].norm in PREPOSITIONS or s.words[i - 1].definite or (
            _titled(s, i - 1))):
        return False  # (في الوزارة، وزير | الداخلية: inside a phrase)
    if i > 0 and w.norm[:1] == "و" and s.words[i - 1].is_word:
        return False  # (… ووزارة الداخلية: the second of two)
    return not (w.norm[:1] in "بل" and not w.norm.startswith("ال"))


def _phrase(r: Drafting, s: Sentence, i: int, limit: int) -> int:
    """The end of the candidate that opens at word ``i`` of ``s`` and ends by ``limit``, or
    ``i`` when none that can speak does (remembered by the reader: a sentence is looked at by
    several continuations)."""
    key = (s.index, i, limit)
    if key not in r.phrases:
        j = _phrase_end(r, s, i, min(r.speaker_end(s, i), limit))
        ok = j > i and (r.speaker_like(s, i, j, relative=False)
                        or in_table(strip_conj(s.words[i].norm), actors.CROWD))
        r.phrases[key] = j if ok else i
    return r.phrases[key]


def _phrase_end(r: Drafting, s: Sentence, i: int, j: int) -> int:
    """Where a candidate opening at ``i`` ends: at the end of its noun phrase, before a word
    that looks like its verb (أهالي المنطقة | كانوا، الشركة | تهتم)."""
    j = r.noun_phrase_end(s, i, j)
    named = {m for e in s.entities_in(i, j)
             for m in range(s.word_index(e.start), s.word_index(e.end - 1) + 1)}
    return next((m for m in range(i + 1, j) if m not in named and (
        _verbish(s, m) or s.words[m].norm in _AUXILIARIES)), j)


def _titled(s: Sentence, i: int) -> bool:
    """Is word ``i`` an office or body with no article heading a phrase (وزير، مصدر، نائب)?"""
    w = s.words[i]
    return w.is_word and not w.definite and bare(w.norm) in speech.SPEAKER_HEADS


def _verbish(s: Sentence, m: int) -> bool:
    """Could word ``m`` be a verb: a word with no article, not a name, a preposition or a
    number, in the shape of a past or present verb (وقامت، تقدمت، يطالب)?"""
    if not 0 <= m < len(s.words):
        return False
    w = s.words[m]
    n = strip_conj(w.norm)
    if not w.is_word or w.definite or m in s.entity_at or n in PREPOSITIONS or len(n) < 3:
        return False
    if n.endswith(("ة", "ات", "ية", "ين")):
        return False  # (تنسيقية، تعاونية: nouns)
    return n in speech.VERB_FORMS or n[:1] in "يت" or (len(n) <= 5 and n.endswith(("ت", "وا")))


_AUXILIARIES = frozenset(normalize_text(w) for w in ("قد", "لقد", "كان", "كانت", "لم", "لن"))


def _candidate(r: Drafting, s: Sentence, k: int, draft: Draft, cs: Sentence, i: int, j: int,
               gender: str | None, rule: Span | None, n: int | None, rank: int) -> Candidate:
    words = cs.words
    span = cs.span(i, j)
    ents = cs.entities_in(i, j)
    types = {e.type for e in ents}
    head = strip_conj(words[i].norm)
    plural = bare(head).endswith(_PLURAL_ENDS) or in_table(head, actors.CROWD)
    phrase = r.phrase_gender(cs, i, j)
    distance = s.index - cs.index
    between = sum(1 for d in r.drafts if span.end <= d.cue.start < draft.cue.start)
    limit = k if cs.index == s.index else len(words)
    key = (cs.index, limit)
    if key not in r.openings:
        r.openings[key] = r._opening_subject(cs, limit)
    opening = r.openings[key]
    prev = words[i - 1].norm if i > 0 else ""
    name_words = {strip_conj(w.norm) for w in words[i:j]}
    cue_words = [w for w in s.words if draft.cue.start <= w.start < draft.cue.end]
    cue_nouns = {bare(strip_conj(w.norm)) for w in cue_words if w.definite}  # وفق المصدر ذاته
    f = [
        float(rule is not None and rule.start == span.start and rule.end == span.end),
        float(n is not None),
        float(n is not None and rank == 0),
        float(n is not None and rank == 1),
        float(distance == 0),
        float(distance == 1),
        float(distance >= 2),
        math.log1p(max(0, s.words[k].start - span.end)) / 8,
        float(gender is not None and gender != "p" and gender == phrase),
        float(gender is not None and gender != "p" and gender != phrase),
        float((gender == "p") != plural) if gender is not None else 0.0,
        float("PERS" in types),
        float("ORG" in types),
        float(bool(types) and types <= {"LOC", "GPE"}),
        float(r.speaker_like(cs, i, j, relative=False)),
        float(all(not w.is_word or w.norm in speech.OPENERS for w in words[:i])),
        float(strip_conj(prev) in _THAT or prev in _THAT),
        float(prev[:1] == "و" and i > 0 and not words[i - 1].definite
              and i - 1 not in cs.entity_at and len(prev) > 3),
        float(any(d.content is not None and d.content.start <= span.start < d.content.end
                  for d in r.drafts)),
        float(any(words[m].norm in QUOTES for m in range(max(0, i - 1), i))),
        float(bool(name_words & r.names)),
        math.log1p(j - i) / 3,
        float(opening is not None and opening[0] == i),
        float(in_table(head, actors.CROWD) or head in actors.PROTESTERS),
        float(min(between, 3)) / 3,
        float(_verbish(cs, i - 1)),
        float(_verbish(cs, j) or j < len(words) and words[j].norm in _AUXILIARIES),
        float(bool(cue_nouns & {bare(strip_conj(w.norm)) for w in words[i:j]})),
        float(len(cue_words) > 1 and n is not None),
        float(s.words[k].norm in speech.PARTICIPLE_FORMS and distance == 0),
        float(bare(head) in speech.SPEAKER_HEADS),
    ]
    return Candidate(span, cs.index, n, f)


def choose(r: Drafting, s: Sentence, draft: Draft, rule: Span | None) -> Candidate | None:
    """The candidate the model prefers, or ``None`` (no weights, no candidates, or none
    scores above the bar of "none of them")."""
    w = weights()
    if w is None:
        return None
    found = candidates(r, s, draft, rule)
    if not found:
        return None
    best = max(found, key=lambda c: score(c.features, w))
    return best if score(best.features, w) > score(nobody(), w) else None
