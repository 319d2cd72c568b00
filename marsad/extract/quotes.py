"""Who said what: direct quotes, reported speech, sources and continuations.

The ``quotes`` stage finds cues in the normalized text and reads each cue's sentence around
it (``docs/events.md`` has the rules and their limits):

* **speech verbs** (:mod:`marsad.extract.speech`: قال، أكد، أضاف، يشير، ويرى … in all persons
  and tenses, with و/ف): the speaker is the noun phrase after the verb (ويشير الباحثان) or
  before it (الوزيرة قالت); the content opens at أنّ/إنّ/بأنّ, إلى أنّ, a colon, a quotation
  mark or a preposition the verb takes (دعا إلى، طالب بـ، أكد على), after adjuncts (في تصريح
  لـ…، اليوم); a quotation after the cue makes it **direct** (the content is inside the marks,
  across sentences if the quotation is); «…»، قال X puts the speaker after the quotation;
* **source phrases**: حسب، بحسب، وفق، وفقا لـ، طبقا لـ، نقلا عن، في رأي، على حد قول, with or
  without a relative verb (وفق ما أفاد به X): the content is the rest of the sentence when the
  phrase opens it, the whole sentence when it is inserted between commas after a short opening,
  else the sentence before it; a phrase must name a speaker (a person or body
  by office, a document, a linked entity), so وفق القانون is no source;
* **continuations**: participles (مضيفا، مشيرة إلى أن), verbs with no speaker of their own
  (وأضاف أن، وتابع), pronoun sources (وفق تعبيره، حسب قوله، على حد تعبيره) and "the same
  source" carry on the last explicit speaker (``continues``); a pronoun source that closes the
  content of an attribution in its own sentence adds nothing and is folded into it;
* **anonymous** sources: مصادر مطلعة، مصدر أمني، مسؤول رفض الكشف عن اسمه.

The speaker's entity id is that of the first linked person, else organization, else place
named inside the speaker (وزير الخارجية التركي → Turkey). The reader is split along the data flow,
each part a class that the next extends: :class:`marsad.extract.speaker.SpeakerPhrases` (a
speaker's noun phrase), :mod:`marsad.extract.quote_content` (where a content opens and ends),
:mod:`marsad.extract.quote_drafts` (attributions being built, and whom a continuation carries
on), :mod:`marsad.extract.quote_sources` (source phrases, and speech verbs whose speaker or
content lies elsewhere: وهو ما أكده الوزير، «…»، قال الوزير), :mod:`marsad.extract.quote_verbs` (speech verbs and participles) and this module's
:class:`Reader` (the cues of a Doc, sentence by sentence, and the finished attributions). The
closed word classes are in :mod:`marsad.extract.quote_words`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from marsad.extract import antecedent, speech
from marsad.extract import quote_words as W
from marsad.extract.clause import (
    PREPOSITIONS,
    QUOTES,
    Sentence,
    SentenceIndex,
    in_table,
    is_complementizer,
    strip_conj,
)
from marsad.extract.quote_content import aside_close, impersonal_at, relative_at
from marsad.extract.quote_drafts import Draft
from marsad.extract.quote_verbs import Verbs
from marsad.model import Attribution, Doc, Span
from marsad.pipeline import stage
from marsad.text.normalize import normalize_text

_WORD_RE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _cue_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Single cue words, and two-word cues by their first word (all normalized).

    Looked up word by word: a regex alternation of the ~4,000 verb forms costs a tenth of a
    second to compile, which every ``marsad analyze`` would pay."""
    words = {normalize_text(w) for w in (*speech.VERB_FORMS, *speech.PARTICIPLE_FORMS,
                                          *speech.SOURCE_WORDS, *W.SOURCE_PHRASES, *W.GIST_WORDS)}
    pairs: dict[str, set[str]] = {}
    for w in words:
        if " " in w:
            first, second = w.split(" ", 1)
            pairs.setdefault(first, set()).add(second)
    return (frozenset(w for w in words if " " not in w),
            {k: frozenset(v) for k, v in pairs.items()})


class _CueMatch(NamedTuple):
    start: int
    end: int
    text: str

    def group(self) -> str:
        return self.text


def _cue_matches(text: str) -> Iterator[_CueMatch]:
    """Cue words and two-word cues in normalized ``text``, left to right, not overlapping."""
    singles, pairs = _cue_words()
    it = _WORD_RE.finditer(text)
    for m in it:
        w = m.group()
        seconds = pairs.get(w)
        if seconds:
            nxt = _WORD_RE.match(text, m.end() + 1) if text[m.end() : m.end() + 1].isspace() else None
            if nxt is not None and nxt.group() in seconds:
                next(it, None)  # the second word is part of this cue
                yield _CueMatch(m.start(), nxt.end(), text[m.start() : nxt.end()])
                continue
        if w in singles:
            yield _CueMatch(m.start(), m.end(), w)


def cue_hits(doc: Doc, index: SentenceIndex | None = None) -> dict[int, list[int]]:
    """Raw start offsets of cue words, by sentence number (``index``: the Doc's sentences,
    where already built)."""
    norm = doc.normalized
    index = index if index is not None else SentenceIndex(doc)
    hits: dict[int, list[int]] = {}
    text = doc.text
    for m in _cue_matches(norm.text):
        raw = norm.to_raw(m.start)
        if m.text in speech.ENCLITIC_FORMS and text[norm.to_raw(m.end - 1)] == "ة":
            continue  # إضافة، is not أضاف+ه
        if m.text.startswith("ود") and "\u0651" in text[raw:norm.to_raw(m.start + 2)]:
            continue  # ودّعت "bade farewell", not و + دعت "called"
        if m.text in speech.PARTICIPLE_FORMS and text[norm.to_raw(m.end - 1)] == "ه":
            continue  # مقره، مطالبه: a noun and its pronoun, not a feminine participle in ة
        hits.setdefault(index.sentence_of(raw), []).append(raw)
    return hits


def quote_pairs(text: str) -> dict[int, int]:
    """Opening quotation mark offset -> closing mark offset, paired within each line."""
    pairs: dict[int, int] = {}
    pos = 0
    for line in text.split("\n"):
        stack: list[tuple[int, str]] = []
        nesting: set[int] = set()  # straight openers with another opened inside them
        for m in re.finditer(r'[«»“”"„″]', line):
            ch, at = m.group(), pos + m.start()
            if ch == "″":  # a double prime typed for the closing mark (“هآرتس″)
                if stack and stack[-1][1] in "“„":
                    pairs[stack.pop()[0]] = at
                continue
            if ch == '"':
                side = _straight_side(line, m.start())
                if side == "close?":  # a space before it: it closes a near opener and
                    if stack and stack[-1][1] == '"' and at - stack[-1][0] > _NEAR_QUOTE:
                        continue  # opens nothing (… البلاد ".), nor pairs with a far one
                    side = "close"
                if side == "close" and not (stack and stack[-1][1] == '"') and m.start() > 0 and (
                        line[m.start() - 1] in "،,:"):
                    side = "open"  # nothing open: بمناسبة إحياء ذكرى اغتياله،" 4 سنوات …"
                if stack and stack[-1][1] == '"' and side != "open":
                    opener = stack.pop()[0]
                    if opener not in nesting or at - opener <= _NEAR_QUOTE:
                        pairs[opener] = at  # (not على "ضرورة … "قبل أن نغزى"حسب تعبيره …
                    else:  # … and, sentences later, أن" الحركة …": it was unclosed, and
                        stack.append((at, ch))  # this one opens what follows
                elif side != "close":
                    if stack and stack[-1][1] == '"':
                        nesting.add(stack[-1][0])  # "الطائرة من طراز "أنطونوف-26" وأقلعت"
                    stack.append((at, ch))
                continue
            elif ch in QUOTES and ch != "”":
                stack.append((at, ch))
            elif ch == "”" and stack and stack[-1][1] in "“„" or ch == "»" and stack and stack[-1][1] == "«":
                pairs[stack.pop()[0]] = at
            elif ch == "”" and not stack:
                stack.append((at, "“"))  # some texts open with ” as well
        pos += len(line) + 1
    return pairs


def _after_preposition(s: Sentence, h: int) -> bool:
    """A participle's form right after a preposition is a noun (في مذكرة قدمها، إلى مطالبة):
    it ends the reading of no cue before it."""
    return h > 0 and s.words[h].norm in speech.PARTICIPLE_FORMS and s.words[h].norm not in (
        speech.VERB_FORMS) and s.words[h - 1].norm in _NOUN_PREPS


_NOUN_PREPS = frozenset(normalize_text(w) for w in ("في", "من", "على", "إلى", "الى", "عن", "مع"))


#: how far back (characters) a straight mark with a space before it looks for its opener: one
#: with mixed marks (للحرفاء " سواء … أخرى'، … الجوالة) ".) must not pair across sentences.
_NEAR_QUOTE = 400


def _straight_side(line: str, i: int) -> str:
    """Does the straight quote at ``i`` open or close (by the characters around it):
    ``open``, ``close``, ``close?`` (closes a near opener only) or ``either``?"""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    if before.isspace() and (after in ".,،؛;:)!?؟" or i + 1 == len(line)):
        return "close?"  # (… استقالتهم ". : a space typed before the closing mark)
    if (before.isspace() or before in "(:،,") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,،؛;:)!?؟"):
        return "close"
    return "either"


class Reader(Verbs):
    """Reads the attributions of one Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.index = SentenceIndex(doc)
        self.pairs = quote_pairs(doc.text)
        self._closers = frozenset(self.pairs.values())
        self.drafts: list[Draft] = []
        self.claimed: list[tuple[int, int]] = []  # direct contents: cues inside are quoted
        self.names: set[str] = set()  # words of the people named as speakers so far
        self.full_names: set[tuple[str, ...]] = set()  # … and their names, word by word
        #: (draft, candidates) of every continuation, when fitting the antecedent model
        self.trace: list[tuple[Draft, list[antecedent.Candidate]]] | None = None
        #: the antecedent model's noun phrases and sentence subjects, by position
        self.phrases: dict[tuple[int, int, int], int] = {}
        self.openings: dict[tuple[int, int], tuple[int, int] | None] = {}

    def read(self) -> list[Attribution]:
        for n, starts in sorted(cue_hits(self.doc, self.index).items()):
            self._sentence(self.index.get(n), starts)
        return self._finish()

    def _generic(self, s: Sentence, k: int) -> bool:
        """A present-tense cue inside reported content (الآباء يحذرون أبناءهم): a habit, not
        a statement; so is one that is also a preposition or an adjective there (… في ملفاتهم
        عبر اتخاذ …: "via")."""
        n = s.words[k].norm
        w = strip_conj(n)
        ambiguous = n in speech.VERB_FORMS and speech.VERB_FORMS[n].lemma in W.PREP_LIKE and (
            w == n and "\u0651" not in self.doc.text[s.words[k].start:s.words[k].end]
            and not any(x.norm == "عن" for x in s.words[k + 1:k + 9]))  # (عبّر X عن: a verb)
        if w[:1] not in "يت" and not ambiguous or n in speech.PARTICIPLE_FORMS:
            return False  # (عبر، بين، أبرز without و may be "via", "between", "foremost")
        if ambiguous and speech.VERB_FORMS[n].lemma == "بين" and k > 0 and s.words[
                k - 1].is_word and self._pair_after(s, k):
            return True  # العلاقات بين تونس وإيطاليا: "between" (not بيّن)
        raw = s.words[k].start
        if any(is_complementizer(w.norm) for w in s.words[k + 1:k + 5]):
            return False  # الأرقام تشير إلى أن …: a claim
        if self._data_subject(s, k):
            return False  # نتائج سبر الآراء تشير إلى تقدّم …: a claim
        if n in speech.VERB_FORMS and speech.VERB_FORMS[n].lemma == "نص":
            return False  # أن قرارا جديدا ينص على …: what a text stipulates
        return any(d.content is not None and d.content.start <= raw < d.content.end
                   for d in self.drafts[-3:])

    def _pair_after(self, s: Sentence, k: int) -> bool:
        """Does a conjunct (an entity, a definite word, a speaker's noun) follow the word after
        ``k`` before any أنّ (بين تونس وإيطاليا; not بين الوزير أن وزارة …)?"""
        words = s.words
        after = words[k + 1].norm if k + 1 < len(words) else ""
        plural = self._speaker_head(after[:-2])  # المسؤولين (not الأمين: a singular in ين)
        if after.startswith("ال") and after.endswith("ين") and len(after) > 5 and not (
                self._speaker_head(after) and not plural or k + 1 in s.entity_at):
            return not self._complement_soon(s, k + 2)  # بين الجانبين (not بين الأمين العام أن)
        for m in range(k + 2, min(k + 6, len(words))):
            n = words[m].norm
            if is_complementizer(n):
                return False
            if n[:1] == "و" and (m in s.entity_at or n.startswith("وال") or self._speaker_head(
                    n[1:])):  # (… بين دول الخليج وخاصة السعودية وقطر، بين ترامب ورئيس الوزراء)
                return not self._complement_soon(s, m + 1)  # (not بين رئيس الحكومة ووزير … أن)
        return False

    @staticmethod
    def _complement_soon(s: Sentence, m: int) -> bool:
        """Does an أنّ (not one after a preposition: على أن) follow within six words of ``m``?"""
        for y in range(m, min(m + 6, len(s.words))):
            n = s.words[y].norm
            if n in speech.VERB_FORMS or n in speech.PARTICIPLE_FORMS or n in W.COMMA:
                return False  # (بين تونس وسوريا قائلا إن، بين المرأة والرجل، إنه: not بيّن's)
            before = s.words[y - 1].norm
            if is_complementizer(n) and before not in PREPOSITIONS and before[:1] != "ب":
                return True  # (not على أن، باعتبار أن)
        return False

    def _data_subject(self, s: Sentence, k: int) -> bool:
        """Is the subject before the cue at ``k`` data or a document (نتائج سبر الآراء، أرقام
        الوزارة، المعلومات)?"""
        if k == 0:
            return False
        i = k - 1
        while i > 0 and k - i < 6 and not is_complementizer(s.words[i - 1].norm) and (
                s.words[i - 1].is_word):
            i -= 1  # back to the start of the clause (after أنّ/إنّ or a mark)
        return i < k and in_table(strip_conj(s.words[i].norm), W.DATA_HEADS)

    def _inside_cue(self, raw: int) -> bool:
        """Is ``raw`` between the last attribution's cue and its content (وختم بالقول)?"""
        if not self.drafts:
            return False
        d = self.drafts[-1]
        if d.cue.start < raw < d.cue.end:
            return True  # وفق ما أكده: the verb belongs to the source phrase
        return d.content is not None and d.cue.start < raw < d.content.start

    def _inside_quote(self, raw: int) -> bool:
        """Is ``raw`` inside a direct content or any quotation (a cue there is quoted)?"""
        return any(s <= raw < e for s, e in self.claimed) or any(
            o < raw < c for o, c in self.pairs.items())

    def _sentence(self, s: Sentence, starts: list[int]) -> None:
        ks = sorted({s.word_index(r) for r in starts})
        hits = [k for k in ks if k < len(s.words) and s.words[k].start in starts]
        asides = {k: _aside_end(s, k) for k in hits}
        for pos, k in enumerate(hits):
            raw = s.words[k].start
            aside = asides[k]
            if self._inside_quote(raw) or self._generic(s, k) or self._inside_cue(raw) and (
                    aside is None):  # (an aside's verb speaks for the speaker)
                continue
            ends = [h for h in hits[pos + 1:] if not self._object_relative(s, h)
                    and not _after_preposition(s, h)
                    and asides[h] is None and s.words[h].norm not in W.GIST
                    and not impersonal_at(s, h)
                    and not self._via_at(s, h) and not self._no_threat(s, h)]
            # (a message's gist is inside what the cue reports; … عبر الهاتف: "via", inside
            # an adjunct)
            nxt = ends[0] if ends else len(s.words)
            if aside is not None:
                nxt = min(nxt, aside)  # الذي كان قد أكد أنّ …، إنّ: its content ends there
            draft = self._at(s, k, nxt)
            if draft is not None and ends and nxt == ends[0] and draft.content is not None and (
                    draft.content.end >= s.words[nxt - 1].end):
                draft = self._past_false_cues(s, k, draft, ends, aside)
            if draft is not None and aside is not None and draft.content is not None and (
                    draft.content.end > s.words[aside].start):
                end = s.words[aside - 1].end  # the aside's content ends at its comma
                start = draft.content.start
                draft.content = Span(start, end) if end > start else None
                if draft.content is None:
                    draft = None
            if draft is not None:
                self._add(draft)

    def _past_false_cues(self, s: Sentence, k: int, draft: Draft, ends: list[int],
                         aside: int | None) -> Draft | None:
        """``draft``, whose content ran to the next cue word, read again to the first cue word
        after it that reads as an attribution once ``draft`` is made (a word that only looks
        like a cue, حملة، محمّلة, ends no content)."""
        self.drafts.append(draft)
        trace, self.trace = self.trace, None
        try:
            nxt = next((h for i, h in enumerate(ends) if _clause_opener(s, h) or self._at(
                s, h, ends[i + 1] if i + 1 < len(ends) else len(s.words)) is not None),
                len(s.words))
        finally:
            self.drafts.pop()
            self.trace = trace
        if aside is not None:
            nxt = min(nxt, aside)
        return draft if nxt == ends[0] else self._at(s, k, nxt)

    @staticmethod
    def _object_relative(s: Sentence, h: int) -> bool:
        """A cue in a relative clause about an object (الدراسة التي أوردها الموقع): it does
        not end the reading of the cue before it."""
        return h > 0 and s.words[h - 1].norm in W.RELATIVE_PRONOUNS and (
            s.words[h].norm in speech.ENCLITIC_FORMS)

    def _at(self, s: Sentence, k: int, nxt: int) -> Draft | None:
        n = s.words[k].norm
        if self._via_word_at(s, k):
            return None  # … عبر الهاتف: "via", no عن after it
        if n in speech.ENCLITIC_FORMS and speech.VERB_FORMS[n].lemma == "أبرز":
            return None  # وأبرزها وجود كاميرات: "the foremost of them", a superlative
        if n == _PRICE and "\u0651" not in self.doc.text[s.words[k].start:s.words[k].end]:
            return None  # ثمن النهائي، ثمن المسكن: a noun (ثمّن and وثمن praise)
        if n in speech.SOURCE_WORDS:
            return self._source(s, k, k + 1, nxt)
        if self._no_threat(s, k):
            return None  # ملوّحا بسكين: waving a knife, no threat said
        if n in W.GIST:
            return self._gist(s, k, nxt)
        if k + 1 < len(s.words):
            pair = f"{n} {s.words[k + 1].norm}"
            if pair in W.NORM_SOURCE_PHRASES:
                if strip_conj(n) in ("جاء", "ورد"):
                    return self._came_in(s, k, nxt)
                return self._source(s, k, k + 2, nxt)
        if n in speech.PARTICIPLE_FORMS:
            return self._participle(s, k, nxt)
        if n in speech.VERB_FORMS:
            return self._verb(s, k, nxt, speech.VERB_FORMS[n])
        return None

    def _add(self, draft: Draft) -> None:
        self.drafts.append(draft)
        if draft.direct and draft.content is not None:
            self.claimed.append((draft.content.start, draft.content.end))
        if draft.speaker is not None:
            s = self.index.get(self.index.sentence_of(draft.speaker.start))
            self._learn_names(s, s.word_index(draft.speaker.start),
                              s.word_index(draft.speaker.end - 1) + 1)

    def _finish(self) -> list[Attribution]:
        order = sorted(range(len(self.drafts)),
                       key=lambda n: (self.drafts[n].start, self.drafts[n].end))
        position = {n: p for p, n in enumerate(order)}
        out = []
        for n in order:
            d = self.drafts[n]
            out.append(Attribution(
                d.start, d.end, cue=d.cue, speaker=d.speaker, content=d.content,
                direct=d.direct, kind=d.kind, speaker_kb_id=d.kb_id,
                continues=position[d.continues] if d.continues is not None else None,
                anonymous=d.anonymous,
            ))
        return out


_PRICE = normalize_text("ثمن")


def _clause_opener(s: Sentence, h: int) -> bool:
    """Does the cue word at ``h`` open a clause of its own whether or not it reads as an
    attribution: a verb joined by و/ف (وكتب "أنا حي") or a participle that is no common noun
    or adjective (منبها لضرورة …; not مذكرة، مؤكدة)?"""
    n = s.words[h].norm
    if n in speech.VERB_FORMS:
        return n[:1] in "وف" and strip_conj(n) != n
    return n in speech.PARTICIPLE_FORMS and n not in speech.AMBIGUOUS_PARTICIPLES


def _aside_end(s: Sentence, k: int) -> int | None:
    """The closing comma of the relative clause whose verb is at ``k`` (:func:`aside_close`)."""
    r = relative_at(s, k)
    return None if r is None else aside_close(s, r)


def extract(doc: Doc) -> Doc:
    """``doc`` with its ``attributions`` group."""
    return doc.with_spans("attributions", Reader(doc).read())


@stage("quotes", requires=("tokens", "sentences", "entities"), assigns=("attributions",))
def quotes_stage(doc: Doc) -> Doc:
    return extract(doc)
