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
  phrase opens it, else the sentence before it; a phrase must name a speaker (a person or body
  by office, a document, a linked entity), so وفق القانون is no source;
* **continuations**: participles (مضيفا، مشيرة إلى أن), verbs with no speaker of their own
  (وأضاف أن، وتابع), pronoun sources (وفق تعبيره، حسب قوله، على حد تعبيره) and "the same
  source" carry on the last explicit speaker (``continues``); a pronoun source that closes the
  content of an attribution in its own sentence adds nothing and is folded into it;
* **anonymous** sources: مصادر مطلعة، مصدر أمني، مسؤول رفض الكشف عن اسمه.

The speaker's entity id is that of the first linked person, else organization, else place
named inside the speaker (وزير الخارجية التركي → Turkey). Speaker noun phrases are read by
:class:`marsad.extract.speaker.SpeakerPhrases`, which :class:`Reader` extends; the closed word
classes are in :mod:`marsad.extract.quote_words`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from marsad.extract import actors, antecedent, speech
from marsad.extract import quote_words as W
from marsad.extract.clause import (
    PREPOSITIONS,
    QUOTES,
    Sentence,
    SentenceIndex,
    Word,
    bare,
    entity_kb,
    in_table,
    is_complementizer,
    strip_conj,
)
from marsad.extract.speaker import SpeakerPhrases
from marsad.model import Attribution, Doc, Span
from marsad.pipeline import stage
from marsad.text.normalize import normalize_text
from marsad.text.tokenize import trim


@dataclass
class Draft:
    """An attribution being built (word indices are those of its sentence)."""

    sentence: int
    cue: Span
    speaker: Span | None
    content: Span | None
    direct: bool = False
    kind: str = "verb"
    kb_id: str | None = None
    anonymous: bool = False
    continues: int | None = None  # index in the draft list
    gender: str | None = None  # of the speaker, as its verb agrees with it (m, f, p)
    gist: bool = False  # a message's gist (شكاية مفادها): no one goes on from it

    @property
    def start(self) -> int:
        return min(s.start for s in (self.cue, self.speaker, self.content) if s is not None)

    @property
    def end(self) -> int:
        return max(s.end for s in (self.cue, self.speaker, self.content) if s is not None)


# --- finding cues -----------------------------------------------------------------------------

_PHRASES = ("على حد", "وعلى حد", "في رأي", "وفي رأي", "في تقدير", "وفي تقدير", "في نظر",
            "جاء في", "وجاء في", "ورد في", "وورد في", "جاء على", "وجاء على")


_WORD_RE = re.compile(r"[^\W_]+")
_DIACRITICS = re.compile("[\u064b-\u0652]")


@lru_cache(maxsize=1)
def _cue_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Single cue words, and two-word cues by their first word (all normalized).

    Looked up word by word: a regex alternation of the ~4,000 verb forms costs a tenth of a
    second to compile, which every ``marsad analyze`` would pay."""
    words = {normalize_text(w) for w in (*speech.VERB_FORMS, *speech.PARTICIPLE_FORMS,
                                          *speech.SOURCE_WORDS, *_PHRASES, *W.GIST_WORDS)}
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


# --- quotation marks ----------------------------------------------------------------------------


def quote_pairs(text: str) -> dict[int, int]:
    """Opening quotation mark offset -> closing mark offset, paired within each line."""
    pairs: dict[int, int] = {}
    pos = 0
    for line in text.split("\n"):
        stack: list[tuple[int, str]] = []
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
                if stack and stack[-1][1] == '"' and side != "open":
                    pairs[stack.pop()[0]] = at
                elif side != "close":
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


# --- the stage ----------------------------------------------------------------------------------


class Reader(SpeakerPhrases):
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
        return any(d.content is not None and d.content.start <= raw < d.content.end
                   for d in self.drafts[-3:])

    @staticmethod
    def _asks_next(s: Sentence, k: int, cue: speech.Cue) -> bool:
        """Does what the request at ``k`` asks for open right after it (طالبتها بسحبها)?"""
        if k + 1 >= len(s.words) or k > 0 and is_complementizer(s.words[k - 1].norm):
            return False
        n = s.words[k + 1].norm
        return n in cue.takes or "ب" in cue.takes and n.startswith("ب") and len(n) > 3

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
            nxt = next((h for h in hits[pos + 1:] if not self._object_relative(s, h)
                        and asides[h] is None and s.words[h].norm not in W.GIST
                        and not self._via_at(s, h) and not self._no_threat(s, h)),
                       len(s.words))  # (a message's gist is inside what the cue reports;
            # … عبر الهاتف: "via", inside an adjunct)
            if aside is not None:
                nxt = min(nxt, aside)  # الذي كان قد أكد أنّ …، إنّ: its content ends there
            draft = self._at(s, k, nxt)
            if draft is not None and aside is not None and draft.content is not None and (
                    draft.content.end > s.words[aside].start):
                end = s.words[aside - 1].end  # the aside's content ends at its comma
                start = draft.content.start
                draft.content = Span(start, end) if end > start else None
                if draft.content is None:
                    draft = None
            if draft is not None:
                self._add(draft)

    def _via_at(self, s: Sentence, h: int) -> bool:
        """Is the cue word at ``h`` a preposition in mid-sentence (… عبر الهاتف لزميلنا: "via";
        بين البلدين): the bare عبر or بين (not بينت، عبروا), with no و, no shadda, after a word,
        and for عبر no عن soon after?"""
        w, words = s.words[h], s.words
        return h > 0 and (words[h - 1].is_word and words[h - 1].norm != "و" or words[
            h - 1].norm in W.COMMA and w.norm == _VIA_WORD  # (…، عبر ضخ المياه)
            or words[h - 1].start in self._closers) and (  # (لـ"الجوهرة" عبر برنامج …)
            w.norm in _VIA) and "\u0651" not in self.doc.text[w.start:w.end] and not (
            w.norm == _VIA_WORD and any(words[x].norm == "عن" and words[x - 1].norm not in (
                _INSTEAD) for x in range(h + 1, min(len(words), h + 15))))

    def _via_word_at(self, s: Sentence, h: int) -> bool:
        """Is the word at ``h`` عبر read as "via" (no cue, and the search for the complement of
        the cue before goes on past it)?"""
        return s.words[h].norm == _VIA_WORD and self._via_at(s, h)

    @staticmethod
    def _no_threat(s: Sentence, h: int) -> bool:
        """Is the لوّح at ``h`` no threat: a thing waved (ملوّحا بسكين) or a pointer to one
        told elsewhere (كما لوّحت بذلك)?"""
        n = s.words[h].norm
        cue = speech.PARTICIPLE_FORMS.get(n) or speech.VERB_FORMS.get(n)
        return cue is not None and cue.lemma == "لوح" and _waves_a_thing(s.words, h)

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
            if pair in _NORM_PHRASES:
                if strip_conj(n) in ("جاء", "ورد"):
                    return self._came_in(s, k, nxt)
                return self._source(s, k, k + 2, nxt)
        if n in speech.PARTICIPLE_FORMS:
            return self._participle(s, k, nxt)
        if n in speech.VERB_FORMS:
            return self._verb(s, k, nxt, speech.VERB_FORMS[n])
        return None

    # -- speech verbs ------------------------------------------------------------------------
    def _verb(self, s: Sentence, k: int, nxt: int, cue: speech.Cue) -> Draft | None:
        words = s.words
        if cue.lemma in speech.DESCRIBING and words[k].norm in speech.ENCLITIC_FORMS:
            return self._described(s, k, nxt)  # التي وصفوها بالتعسفية، ووصفهم بالوقحين
        rel = _relative_at(s, k)
        # الذي كان قد أكد: the relative pronoun is what comes before the verb
        before = words[rel].norm if rel is not None else words[k - 1].norm if k > 0 else ""
        if before in ("ما", "مما"):
            if words[k].norm in speech.ENCLITIC_FORMS or k + 1 < len(words) and words[
                    k + 1].norm in speech.RELATIVE_FILLERS or cue.lemma in W.SAY:
                return self._relative(s, k, nxt)  # وهو ما أكده الوزير، ما صرح به
            return None  # وهو ما أظهر وجود …: "which showed", no one speaks
        if before in W.NEGATORS or before in ("لما", "مثلما") or strip_conj(before) in _NOT_DONE:
            return None  # لم يكشف، لم يشر: nothing was said; عدم كشف هويته: a noun
        if cue.lemma in W.ADDRESSING and words[k].norm.endswith(("ته", "تها", "تهم")) and (
                words[k].norm in speech.ENCLITIC_FORMS) and not self._asks_next(s, k, cue):
            return None  # إن طالبتها نجحت: her student, not "she asked her"
        if strip_conj(words[k].norm) in speech.REFLEXIVE and k + 1 < len(words) and (
                is_complementizer(words[k + 1].norm)):
            return None  # فتبين أنه مطلوب: "it turned out", no one speaks
        if strip_conj(before) in ("من", "في", "على", "الى", "إلى", "عن") and (
                words[k].norm in speech.ENCLITIC_FORMS or cue.strict):
            return None  # من أبرزها، من بين: a noun or a preposition
        if before in _BUT_THEY and (n := self._antecedent(s)) is not None and (
                self._singular(self.drafts[n].speaker)):
            return None  # قال الوزير إن المحتجين غاضبون، لكنهم أكدوا: "they" are not the minister
        if cue.lemma == "نقل":
            return self._relayed(s, k, nxt)
        if words[k].norm in W.NOUN_CUES and k > 0 and words[k - 1].is_word and not (
                words[k - 1].definite or k - 1 in s.entity_at or before in speech.OPENERS
                or self._speaker_head(before) or before in W.RELATIVE_PRONOUNS
                or is_complementizer(before) or W.COMP_PRONOUN.match(before)):
            return None  # إعلام طالب النفاذ: "applicant", a noun
        if k + 2 < len(words) and words[k + 1].norm in W.COMMA and words[k + 2].is_word and (
                k + 2 in s.entity_at or self._name_like(s, k + 2, min(len(words), k + 4))):
            return self._verb_after_comma(s, k, nxt, cue)  # وأوضح، عبد الفتاح مورو، أن
        j = self.subject_start(s, k)  # after a time: كشف اليوم الثلاثاء محمد …
        after = words[j].norm if j < len(words) else ""
        if after in W.ADDRESSEES and j + 1 < len(words) and (
                words[j + 1].definite or j + 1 in s.entity_at):
            return self._told(s, k, j, nxt, cue)  # قال له الموظف: «…»
        kan = self._kan_subject(s, k)  # وكانت مديرة الصندوق كريستين لاجارد دعت الحكومة إلى
        subject_end = self.speaker_end(s, j)
        addressed = self._disagreeing_addressee(s, k, j, cue)
        no_subject = (kan is not None or after in ("فيها", "فيه") or after in W.DEMONSTRATIVES and not (
                          j + 1 < len(words) and self._speaker_head(words[j + 1].norm))
                      # وفسر هذا التهديد: an object; وأفادت هذه الباحثة: the subject
                      or "obj" in cue.takes and self._object_head(s, j)  # وأكد أهميةَ …
                      or cue.lemma == "أعلن" and self._announced(s, j)  # أعلنت استغناءَها عن
                      or before in W.RELATIVE_PRONOUNS and (
                          cue.lemma in W.ADDRESSING or not self._subject_then_comp(
                              s, j, subject_end))  # الذي أكد تفهمه (not التي قالت الهيئة إنها)
                      or W.COMP_PRONOUN.match(before) is not None  # أنه طالب الوزارة
                      or cue.lemma in W.TELLS  # أعلم السلطات: the addressee
                      or cue.lemma in W.ASCRIBING and not self.speaker_like(
                          s, j, subject_end, relative=False)  # وعللت الزيادات بـ
                      or self._object_not_subject(s, k, j, subject_end, cue)  # واكد وقوفَ …
                      or _plural_ending(words[k].norm)  # وطالبوا السلط المعنية: the addressee
                      or j < len(words) and self._medium(s, j)  # قالت لقناة "…"
                      or self._addressee_first(s, k + 1, cue)  # ودعا رجال الأعمال إلى …
                      or addressed  # كما طالب السلطات بـ
                      or self._accusative_plural(s, j, cue)  # ودعا التونسيين إلى …
                      or "ب" in cue.takes and after.startswith("ب")
                      and not _name_like_ba(after))  # وطالبه باتخاذ
        sp_end = j if no_subject else subject_end
        if sp_end == j and not no_subject:
            sp_end = self.quoted_subject(s, j, cue.takes)  # وأشارت "دي فيلت" إلى أن
        addressee = self._before_addressee(s, j, sp_end, cue) if sp_end > j + 1 else sp_end
        speaker = s.span(j, addressee) if addressee > j else None
        opened: tuple[int, int] | None = (addressee, addressee)
        if addressee < sp_end:  # ودعت المنظمة السلطَ إلى …: the content opens at the addressee
            sp_end = addressee
        else:  # (after an addressee, first past it: طالب الحكومة بالتدخل)
            opened = (self.complement(s, subject_end, cue, nxt, False) if addressed else None
                      ) or self.complement(s, sp_end, cue, nxt, speaker is not None)
        if cue.lemma == "أعلن" and self._announced(s, sp_end) and (
                opened is None or opened[1] > sp_end and words[opened[1]].norm == "عن"):
            opened = (sp_end, sp_end)  # وأعلنت الإدارة استغناءَها عن اللاعب: with its عن
        if "obj" in cue.takes and self._object_head(s, sp_end):
            opened = (sp_end, sp_end)  # وأكد (المرزوقي) ضرورةَ محاسبة …: the object
        if (opened is not None and "obj" in cue.takes and speaker is not None
                and (words[opened[1]].norm in cue.takes or opened[1] == sp_end
                     and words[sp_end].norm[:1] == "ب" and "ب" in cue.takes)):
            np_end = self.noun_phrase_end(s, j, sp_end)
            if np_end == sp_end and cue.lemma in W.ASCRIBING:
                np_end = self._ascribed_object(s, j, sp_end)  # وأرجع الوزير الانخفاضَ إلى
            if cue.lemma in W.ASCRIBING and opened[1] > sp_end and words[sp_end].is_word and (
                    words[sp_end].norm not in PREPOSITIONS):
                opened = (sp_end, sp_end)  # وأرجعت اللومي هذه النتائجَ إلى …: with its object
            if j < np_end < sp_end:  # وأكد المرزوقي ضرورةَ محاسبة … على
                if cue.lemma not in W.ADDRESSING:  # (دعت الإدارة مستعملي الطريق إلى …)
                    opened = (np_end, np_end)
                sp_end = np_end
                speaker = s.span(j, sp_end)
        content, direct = self.content(s, opened[0], nxt) if opened else (None, False)
        if content is None and ("obj" in cue.takes or cue.lemma in W.LATE_OBJECT) and (
                not cue.needs_comp or speaker is not None
                                                        and self._speaker_head(words[j].norm)):
            found = self.object(s, j - 1, sp_end, nxt)
            if found is not None:
                sp_end, opened = found
                speaker = s.span(j, sp_end) if sp_end > j else None
                content, direct = self.content(s, opened[0], nxt)
        if opened is None:
            return self._postposed(s, k, speaker, cue)
        if cue.lemma == "عبر" and words[opened[1]].norm != "عن":
            return None  # عبر "via": عبّر reports speech only with عن
        if cue.lemma == "أظهر" and not is_complementizer(words[opened[1]].norm) and not (
                speaker is not None and _shows(s, j)):
            return None  # (أظهر اللاعب مستوى رائعا: no finding)
        if cue.lemma == "لاحظ" and w_is_present(words[k].norm) and not is_complementizer(
                words[opened[1]].norm):
            return None  # (ويلاحظ انطلاقا من الأرقام ارتفاعا: its present takes no object)
        if content is None or cue.strict and opened[1] - sp_end > 20 and not is_complementizer(
                words[opened[1]].norm):
            return None
        if before == "كما" and opened[1] - sp_end > 1 and not is_complementizer(
                words[opened[1]].norm) and cue.lemma not in W.ADDRESSING:
            return None  # كما قال الوزير: "as the minister said" (كما طالب: "also demanded")
        if speaker is not None and self._same_source(s, k, j, sp_end):
            draft = self._draft(s, s.span(k, k + 1), None, content, direct, "continuation")
            return self._named_by_head(s, draft, s.words[j].norm)  # وأشار نفس المصدر
        if cue.near_comp and opened[1] > sp_end + 1:
            return None  # رأت نفسها …: رأى reports speech only with أنّ right after
        if before in W.RELATIVE_PRONOUNS and speaker is None and _disagree(
                W.RELATIVE_GENDER.get(strip_conj(before)), speech.GENDER.get(words[k].norm)):
            if self._antecedent(s, speech.GENDER.get(words[k].norm)) is None:
                return None  # الهيئة التي قال إنها …: "he said", the last speaker
        elif before in W.RELATIVE_PRONOUNS and speaker is None:
            r = k - 1 if rel is None else rel
            speaker = self.antecedent_noun(  # الوزير الذي قال إنّ
                s, r, across_comma=_aside_close(s, r) is not None or _person_before(s, r))
            if speaker is None:
                return None
        elif speaker is None and kan is not None:
            speaker = kan
        elif speaker is None and (topic := self.topic_speaker(s, k)) is not None:
            speaker = topic  # أما الأستاذة …، آمال قرامي، فقد أوضحت أن
        elif speaker is None and not self._pronoun_subject(s, k):
            speaker = self.fronted_speaker(s, k)
            if speaker is None and (k == 0 or s.words[k - 1].is_word) and not (
                    W.COMP_PRONOUN.match(before)):
                return None  # مشكلة الأراضي أكدت أنهم …: the subject speaks for no one
        elif speaker is None and k > 0 and words[k - 1].norm in W.COMMA:
            speaker = self._clause_subject(s, k)  # قدّم النائب … اعتذاره، وقال فيها إن …
        elif speaker is None:
            speaker = self._content_subject(s, k)  # … أن السلطات اتصلت به وأكدت له أنها
        if speaker is None and cue.lemma in W.IMPERSONAL_LEMMAS and w_is_present(words[k].norm) \
                and opened[1] == k + 1:
            return None  # ويرجح أن …: "it is likely", no one speaks
        if speaker is None and cue.lemma == "نص":
            return None  # ينص: a text stipulates; no person's words go on
        if opened[0] == opened[1] and not direct and nxt < len(words) and (words[nxt].norm[
                :1] == "و" or words[nxt - 1].norm == "كما" and not _as_said(words, nxt)) and words[
                nxt].norm in speech.VERB_FORMS and opened[0] < nxt and (
                words[nxt].norm not in speech.ENCLITIC_FORMS) and words[nxt].start < content.end:
            # وانتقد ترامب الإعلامَ وقال …؛ … القبعات الواقية كما أكد أن …
            cut = nxt - 1 if words[nxt - 1].norm == "كما" and nxt - 1 > opened[0] else nxt
            content = Span(content.start, words[cut - 1].end)
        if cue.lemma == "ادعى" and strip_conj(words[k].norm)[:1] in "يت" and not any(
                is_complementizer(w.norm) for w in words[k + 1:k + 6]):
            return None  # يُدعى لطفي: "is named", not يدّعي "claims"
        if cue.lemma == "تعهد" and not self._pledge(s, k, speaker, opened[1]):
            return None  # تعهدت الفرقة بالبحث: "took charge of"; وتعهده بتنفيذ: the noun
        said = k + 2 if opened[1] == k + 1 and words[k + 1].norm in speech.SAYING else k + 1
        return self._draft(s, s.span(k, said), speaker, content, direct, "verb")  # (استدرك قائلا)

    def _singular(self, speaker: Span | None) -> bool:
        """Does a speaker phrase name one person or body (الوزير، محمد عبو), not a plural
        (الحوثيون، المصادر) or several joined by و?"""
        if speaker is None:
            return False
        words = [normalize_text(w) for w in self.doc.text[speaker.start:speaker.end].split()]
        if not words or any(w[:1] == "و" and len(w) > 2 for w in words[1:]):
            return False  # (زيدي وفادي)
        head = bare(words[0])
        return not (len(head) >= 4 and head.endswith(("ون", "ين", "ان", "ات")) or (
            in_table(words[0], _BROKEN_PLURALS)))

    def _announced(self, s: Sentence, j: int) -> bool:
        """Is word ``j`` after أعلن what is announced, a noun with a pronoun (استغناءَها،
        استقالتَه), not a conjunct (ومشتقاته) or a preposition with a pronoun (خلاله)?"""
        if j >= len(s.words):
            return False
        n = s.words[j].norm
        return n == strip_conj(n) and not n.startswith(_PREPOSITION_STEMS) and n[:1] not in (
            "بل") and self._object_head(s, j)  # (not بمنافسها: a ب-phrase)

    def _subject_then_comp(self, s: Sentence, j: int, end: int) -> bool:
        """Are words ``j`` to ``end`` a subject that can speak, followed by أنّ (الإجراءات التي
        قالت الهيئة إنها ضرورية: the verb in the relative clause has its own subject)?"""
        words = s.words
        if not j < end < len(words) or not is_complementizer(words[end].norm) or any(
                w.norm in W.COMMA or w.norm in speech.VERB_FORMS for w in words[j:end]):
            return False  # (الإحصائيات، التي أوردها المجلس الوزاري، تظهر أن)
        ent = s.entity_at.get(j)
        if self._medium(s, j) or words[j].norm[:1] == "ل" and (
                ent is None or ent.start > words[j].start):
            return False  # تحدث لرويترز شريطة …: whom he told (not لطفي زيتون)
        return (words[j].definite or j in s.entity_at or self._known_name(s, j) > j) and (
            self.speaker_like(s, j, end, relative=False))

    def _before_addressee(self, s: Sentence, j: int, end: int, cue: speech.Cue) -> int:
        """Where the subject of دعا/طالب/ناشد/حث that starts at word ``j`` ends when the
        addressee follows it with no mark: a definite word or a body after a quoted name
        (ودعت جمعية "فورزا تونس" مجلسَ نواب الشعب), a definite word after a named body or
        person (طالبت النقابة الوطنية للصحفيين التونسيين السلطاتِ) or after a feminine or
        plural head it cannot describe (ودعت المنظمة السلطَ); not a nisba adjective."""
        words = s.words
        if cue.lemma not in W.ADDRESSING:
            return end
        head = self._speaker_head(strip_conj(words[j].norm))
        if head and words[j + 1].norm in QUOTES and words[j + 1].start in self.pairs:
            a = s.word_index(self.pairs[words[j + 1].start]) + 1
            found = a < end and (words[a].definite or a in s.entity_at)
            return a if found and self._asked_for(s, a, end, cue) else end
        named = [e for e in s.entities_in(j, end) if e.type in ("PERS", "ORG")]
        ent = named[-1] if named else None
        if ent is not None:
            a = s.word_index(ent.end - 1) + 1  # (الرئيس الأمريكي دونالد ترامب الكونغرسَ)
        elif words[j].definite and head:
            a = j + 1
        else:
            return end
        if a >= end or a in s.entity_at or not words[a].definite or words[a].norm.startswith("ل"):
            return end
        if _nisba(words[a].norm) and not self._disagrees(s, a - 1, a):
            return end  # (a nisba adjective: التونسية; not الوزارة البلجيكيين)
        if not (ent is not None or self._disagrees(s, a - 1, a)):
            return end
        return a if self._asked_for(s, a, end, cue) else end

    def _asked_for(self, s: Sentence, a: int, end: int, cue: speech.Cue) -> bool:
        """Does what the request asks for (إلى …، بـ …) follow the addressee at ``a``?"""
        words = s.words
        return any(words[m].norm in cue.takes or "ب" in cue.takes and words[m].norm.startswith(
            "ب") and len(words[m].norm) > 3 and not _name_like_ba(words[m].norm)
            and words[m].norm not in _NOT_ASKED
            for m in range(a + 1, min(end + 4, len(words))))

    @staticmethod
    def _ascribed_object(s: Sentence, j: int, end: int) -> int:
        """Where the object of أرجع/علل/عزا/برر starts after the subject's head (and its
        genitive, in construct: وزير المالية) in a run of definite words ``[j, end)``: at the
        first that is neither an entity nor an adjective's shape (a nisba in ي, a participle
        in الم): الوزير الانخفاضَ، الشركة الاضطراباتِ المنتظرة، but الوزير المكلف، التونسي."""
        if any(w.norm in W.COMMA for w in s.words[j:end]):
            return end  # (وزير المالية السابق، جلول عياد: an apposition, no object inside)
        for m in range(j + 1 if s.words[j].definite else j + 2, end):
            w = s.words[m]
            if not w.definite or m in s.entity_at or w.norm in _TITLE_ADJECTIVES:
                return end
            if not (_nisba(w.norm) or w.norm.startswith("الم")):
                return m  # (الشركة الاضطراباتِ المنتظرة إلى …)
        return end

    def _object_not_subject(self, s: Sentence, k: int, j: int, end: int,
                            cue: speech.Cue) -> bool:
        """After و + a verb that takes an object, a noun in construct (words ``j`` to
        ``end``) that names no one who can speak (واكد وقوفَ الاتحاد إلى جانب …) is the
        object, when a speaker before it goes on: its subject is in the verb."""
        words = s.words
        if "obj" not in cue.takes or words[k].norm[:1] != "و" or j >= len(words) or (
                words[j].definite or j in s.entity_at or not words[j].is_word):
            return False
        if end < len(words) and is_complementizer(words[end].norm) and not words[
                end].norm.startswith("ب") or _shows(s, j):
            # ولاحظ عدد من الملاحظين أنّ، وأظهرت صور التقطت جوا أنّ: the subject (not before
            # بأنّ: ووصف طريقةَ معاملة اللاجئين بأنها … is the object)
            return False
        return end > j + 1 and not self.speaker_like(s, j, end, relative=False) and (
            self._antecedent(s, speech.GENDER.get(words[k].norm), strict=True) is not None)

    def _accusative_plural(self, s: Sentence, j: int, cue: speech.Cue) -> bool:
        """After دعا/طالب/ناشد/حث, a sound plural in ين (ودعا التونسيين إلى …) is the
        addressee: a subject would end in ون."""
        ent = s.entity_at.get(j)
        if cue.lemma not in W.ADDRESSING or j >= len(s.words) or ent is not None and (
                ent.type in ("PERS", "ORG")):
            return False  # (التونسيين may be a place's people: still the addressee)
        w = s.words[j]
        return w.definite and w.norm.endswith("ين") and len(w.norm) > 5 and not (
            self._speaker_head(w.norm))

    def _disagreeing_addressee(self, s: Sentence, k: int, j: int, cue: speech.Cue) -> bool:
        """After a masculine دعا/طالب/ناشد/حث, a definite feminine noun (السلطات، الحكومة) is
        the addressee: as the subject it would take طالبت/دعت (كما طالب السلطات التونسية بضرورة
        …: "he also asked the Tunisian authorities")."""
        if cue.lemma not in W.ADDRESSING or j >= len(s.words) or j in s.entity_at:
            return False
        if speech.GENDER.get(s.words[k].norm) != "m":
            return False
        w = s.words[j]
        raw = self.doc.text[w.start:w.end]
        return w.definite and raw.endswith(("ة", "ات")) and bare(w.norm) not in _HUMAN_PLURALS_IN_A

    def _addressee_first(self, s: Sentence, j: int, cue: speech.Cue) -> bool:
        """After دعا/طالب/ناشد/حث, a noun in construct at word ``j`` (where a subject would
        start) that is no speaker noun and names no one (ودعا رجالَ الأعمال وممثلي الإعلام إلى
        …) is the addressee: the subject is in the verb."""
        if cue.lemma not in W.ADDRESSING or j >= len(s.words):
            return False
        w = s.words[j]
        return (w.is_word and not w.definite and j not in s.entity_at
                and not self._speaker_head(w.norm) and j + 1 < len(s.words)
                and s.words[j + 1].definite)

    def _verb_after_comma(self, s: Sentence, k: int, nxt: int,
                          cue: speech.Cue) -> Draft | None:
        """وأوضح، عبد الفتاح مورو، نائب رئيس المجلس، أن …: the speaker between commas."""
        sp_end = self.speaker_end(s, k + 2)
        return self._named(s, s.span(k, k + 1), s.span(k + 2, sp_end), sp_end, cue, nxt)

    def _named(self, s: Sentence, cue_span: Span, speaker: Span, at: int, cue: speech.Cue,
               nxt: int) -> Draft | None:
        """A verb's attribution whose speaker is named: the content its complement opens at
        word ``at`` (after the speaker), if any."""
        opened = self.complement(s, at, cue, nxt, True)
        if opened is None:
            return None
        content, direct = self.content(s, opened[0], nxt)
        if content is None:
            return None
        return self._draft(s, cue_span, speaker, content, direct, "verb")

    def _told(self, s: Sentence, k: int, j: int, nxt: int, cue: speech.Cue) -> Draft | None:
        """قال له الموظف «…»: the speaker after the addressee's pronoun (at word ``j``)."""
        sp_end = self.speaker_end(s, j + 1)
        if sp_end == j + 1:
            return None
        return self._named(s, s.span(k, k + 1), s.span(j + 1, sp_end), sp_end, cue, nxt)

    @staticmethod
    def _marked_same(s: Sentence, i: int, j: int) -> bool:
        norms = []  # up to a comma: المصدر ذاته، لمراسل الجوهرة …
        for w in s.words[i:j]:
            if w.norm in W.COMMA:
                break
            norms.append(w.norm)
        source = any(n in speech.SAME_SOURCE_HEADS for n in norms)
        return 0 < len(norms) <= 3 and (source or any(  # المصدر نفسه، المسؤول ذاته، نفس الوزير
            n.startswith("ال") and in_table(n, speech.SPEAKER_HEADS) for n in norms)) and any(
            n in speech.SAME_SOURCE_MARKS and (source or n not in _PREVIOUS) for n in norms)

    def _same_source(self, s: Sentence, k: int, j: int, sp_end: int) -> bool:
        """The speaker of cue ``k`` (words ``j`` to ``sp_end``) is one named before, when one was:
        وأشار نفس المصدر، المسؤول ذاته; or a source named by its definite head alone (and an
        adjective): وبين المصدر، وأكدت المصادر، وأضاف المصدر الأمني."""
        norms = [w.norm for w in s.words[j:sp_end]]
        definite = (0 < len(norms) <= 2 and norms[0] in _DEFINITE_SOURCE
                    and all(n.startswith("ال") for n in norms)
                    and not s.entities_in(j, sp_end))
        gender = self._cue_gender(s, s.span(k, k + 1))
        if definite:  # وقالت المصادر after قال محمد: other sources
            return self._antecedent(s, gender, strict=True) is not None
        return self._marked_same(s, j, sp_end) and self._antecedent(s, gender) is not None

    def object(self, s: Sentence, k: int, sp_end: int,
               nxt: int) -> tuple[int, tuple[int, int]] | None:
        """(speaker end, (content start, marker)) for a verb whose content is its object, when
        no marker opens it: أكد المسؤول وجودَ تقصير (the speaker ends where definiteness
        breaks), رجّح المعتمد، حمادي التيساوي، إصابةَ … (after a name between commas), أكدت
        بن خضر خلال الجلسة …، تواصلَ … (after an adjunct and a comma), or right after the
        speaker."""
        words = s.words
        np_end = self.noun_phrase_end(s, k + 1, sp_end)
        if k + 1 < np_end < sp_end:
            return np_end, (np_end, np_end)
        if (sp_end + 1 < len(words) and words[sp_end].norm in W.COMMA and words[sp_end + 1].is_word
                and any(w.norm in W.COMMA for w in words[k + 1:sp_end])):
            return sp_end, (sp_end + 1, sp_end)  # رجّح المعتمد، حمادي التيساوي، إصابةَ …
        if sp_end < len(words) and words[sp_end].norm in ("ما", "مما") and sp_end > k + 1:
            return sp_end, (sp_end, sp_end)  # نفى الناطق، سفيان السليطي، ما تم تداوله
        after = self._after_adjunct(s, sp_end, min(len(words), sp_end + 24, max(nxt, sp_end + 1)))
        if after is not None:
            return sp_end, (after, after)  # نفى النائب في مداخلة له اليوم في برنامج "…" وصولَ …
        for m in range(sp_end, min(len(words), sp_end + 24, max(nxt, sp_end + 1))):
            if words[m].norm in W.COMMA and m + 1 < len(words) and words[m + 1].is_word:
                starts_adjunct = sp_end < len(words) and (
                    words[sp_end].norm in PREPOSITIONS or sp_end in s.date_at
                    or words[sp_end].norm in W.COMMA)
                if not starts_adjunct:
                    break
                apposed = self._apposition(s, k + 1, m)
                if apposed > m and apposed + 1 < len(words):
                    return apposed, (apposed + 1, apposed)
                if words[sp_end].norm not in W.COMMA:
                    return sp_end, (m + 1, m)
                break
        if sp_end < len(words) and words[sp_end].is_word and words[sp_end].norm not in (
                PREPOSITIONS):
            return sp_end, (sp_end, sp_end)
        return None

    def _after_adjunct(self, s: Sentence, m: int, limit: int) -> int | None:
        """Where an object starts after the adjuncts that open at word ``m`` (في مداخلة له
        اليوم في برنامج "بوليتيكا" | وصولَ …; يوم السبت | الأممَ المتحدة): prepositions with
        their noun phrases, times, dates, media and quoted titles; ``None`` unless an adjunct
        opens at ``m`` and an object follows it with no comma, verb or أنّ between."""
        words = s.words
        if m < limit and words[m].norm in W.COMMA:
            m += 1  # أعلنت الشرطة، منذ قليل انتهاءَ …
        if m >= limit or not (words[m].norm in PREPOSITIONS or m in s.date_at):
            return None
        state = "np"  # "prep": a preposition's object is next; "closed": a time or title ended
        while m < limit:
            w = words[m]
            n = w.norm
            if m in s.date_at:
                m, state = s.word_index(s.date_at[m].end - 1) + 1, "closed"
            elif n in QUOTES and w.start in self.pairs:
                m, state = s.word_index(self.pairs[w.start]) + 1, "closed"
            elif n in ("ما", "مما") and state != "prep":
                return m  # أكد … لـ"الجوهرة" ما أفاد به مراسلنا
            elif n in W.COMMA and state != "prep" and m + 1 < limit and words[m + 1].is_word and (
                    words[m + 1].norm not in PREPOSITIONS and m + 1 not in s.date_at):
                return m + 1  # دعا في بيان صحفي، المهنيين …
            elif not w.is_word or is_complementizer(n) or n in speech.VERB_FORMS:
                return None
            elif n in W.TIMES:
                m += 2 if m + 1 < limit and words[m + 1].norm in W.WEEKDAYS else 1
                state = "closed"
            elif n in PREPOSITIONS:
                m, state = m + 1, "prep"
            elif m in s.entity_at:
                m, state = s.word_index(s.entity_at[m].end - 1) + 1, "np"
            elif state == "prep" or state == "np" and (
                    w.definite or n[:1] in "بل" and len(n) > 3 or n in W.MEDIA_WORDS
                    or self.doc.text[w.start:w.end].endswith(("ي", "ية"))):
                m, state = m + 1, "np"  # (في اتصال هاتفي: a nisba adjective)
            else:
                c = next((x for x in range(m + 1, min(limit, m + 4)) if words[x].norm in W.COMMA),
                         None)
                if c is not None and c + 1 < limit and self._name_like(s, m, c):
                    return c + 1  # مع زميلتنا هاجر النوالي، مساندةَ …
                return m
        return None

    def _relayed(self, s: Sentence, k: int, nxt: int) -> Draft | None:
        """ونقلت الوكالة عن الوزير (قوله) «…»: the speaker is the one after عن."""
        words = s.words
        an = next((m for m in range(k + 1, min(len(words), k + 10)) if words[m].norm == "عن"),
                  None)
        if an is None:
            sp_end = self.speaker_end(s, k + 1)  # ونقلت وكالة الأنباء الرسمية أن: it reports
            if k + 1 < sp_end < len(words) and is_complementizer(words[sp_end].norm) and (
                    self.speaker_like(s, k + 1, sp_end, relative=False)):
                return self._named(s, s.span(k, k + 1), s.span(k + 1, sp_end), sp_end,
                                   speech.Cue("نقل"), nxt)
            return None
        sp_end = self.speaker_end(s, an + 1)
        if sp_end == an + 1:
            return None
        j = sp_end + 1 if sp_end < len(words) and words[sp_end].norm in speech.PRONOUN_SOURCES \
            else sp_end
        return self._named(s, s.span(k, k + 1), s.span(an + 1, sp_end), j, speech.Cue("نقل"),
                           nxt)

    def _kan_subject(self, s: Sentence, k: int) -> Span | None:
        """The subject of كان or أنّ before the verb at ``k`` (وكان رئيس الحكومة أعلن، وكانت
        مديرة الصندوق كريستين لاجارد دعت، أن النقابة طالبت النيابة): the noun phrase after the
        verb is then its object."""
        if k < 2 or s.words[k].norm[:1] in "وف" and s.words[k].norm[1:] in speech.VERB_FORMS:
            return None
        if not any(strip_conj(w.norm) in W.KAN or is_complementizer(w.norm)
                   for w in s.words[max(0, k - W.MAX_SPEAKER - 1):k - 1]):
            return None  # (cheap test first: most verbs have neither before them)
        front = self.fronted_speaker(s, k)
        if front is None:
            place = s.entity_covering(k - 1)  # وكانت تونس أعلنت: a country speaks
            i = s.word_index(place.start) if place is not None and place.type == "LOC" else 0
            if i > 0 and strip_conj(s.words[i - 1].norm) in W.KAN:
                return place
            return self._kan_definite(s, k)
        i = s.word_index(front.start)
        before = s.words[i - 1].norm if i > 0 else ""
        if strip_conj(before) in W.KAN:
            return front
        words = s.words[i:k]
        if not is_complementizer(before) or len(words) > 3 or any(  # أن النقابة طالبت النيابة
                w.norm in W.RELATIVE_PRONOUNS or w.norm in _PERSONAL or not w.is_word
                for w in words) or _disagree(speech.GENDER.get(s.words[k].norm),
                                             self.phrase_gender(s, i, k)):
            return None
        return front

    @staticmethod
    def _kan_definite(s: Sentence, k: int) -> Span | None:
        """A definite noun phrase (up to three words) between كان and the verb at ``k`` (قد
        between them allowed), that agrees with it, when أنّ follows the verb: وكان الدوري
        الألماني قد أعلن أنه …; its head need not be a speaker noun."""
        words = s.words
        end = k - 1 if words[k - 1].norm == "قد" else k
        i = next((m for m in range(end - 1, max(-1, end - 5), -1)
                  if strip_conj(words[m].norm) in W.KAN), None)
        if i is None or i + 1 >= end or k + 1 >= len(words) or not is_complementizer(
                words[k + 1].norm):
            return None
        if not all(w.is_word and w.norm.startswith("ال") for w in words[i + 1:end]) or any(
                m in s.date_at or words[m].norm in W.WEEKDAYS or words[m].norm in W.TIME_ADJUNCTS
                or bare(words[m].norm) in _TIME_NOUNS for m in range(i + 1, end)):
            return None  # (وكان الأحد الماضي قد أعلن: a time, not the subject)
        gender = speech.GENDER.get(words[k].norm)
        verb = strip_conj(words[i].norm)
        kan = "p" if verb.endswith("وا") else "f" if verb.endswith("ت") else "m"
        return s.span(i + 1, end) if not _disagree(gender, kan) else None

    def _pronoun_subject(self, s: Sentence, k: int) -> bool:
        """A verb with its subject in its ending (وقال، وأضافت): nothing fronted."""
        w = s.words[k].norm
        return w[0] in "وف" and w[1:] in speech.VERB_FORMS or k == 0 or s.words[k - 1].norm in (
            _SUBJECT_IN_VERB_AFTER)

    def _participle(self, s: Sentence, k: int, nxt: int) -> Draft | None:
        cue = speech.PARTICIPLE_FORMS[s.words[k].norm]
        if k == 0 or _predicate(s, k):
            return None
        opened = self.complement(s, k + 1, cue, nxt, limit=4)
        if opened is None and "obj" in cue.takes and k + 1 < len(s.words) and s.words[
                k + 1].is_word and s.words[k + 1].norm not in PREPOSITIONS and (
                s.words[k].norm not in speech.AMBIGUOUS_PARTICIPLES
                or s.words[k - 1].norm in W.COMMA):  # (45 متهما يحملون: a noun)
            opened = (k + 1, k + 1)  # مناشدة الجهات المعنية بضرورة …
        if opened is None and (after := _past_connector(s.words, k + 1)) is not None:
            # مؤكدا في هذا السياق أهميةَ …؛ داعيا في السياق نفسه سلطة الإشراف إلى …
            opened = self.complement(s, after, cue, nxt, limit=4)
            if opened is None and "obj" in cue.takes and cue.lemma not in W.ADDRESSING and (
                    after < len(s.words) and s.words[after].is_word
                    and s.words[after].norm not in PREPOSITIONS):
                opened = (after, after)
        if opened is None and s.words[k].norm in speech.SAYING_PARTICIPLES:
            opened = self._said_next(s, k)  # قائلا في هذا الصدد أردت …، قائلا "لا وجود …
        if opened is None:
            return None
        c_start, marker = opened
        if s.words[k].norm in speech.AMBIGUOUS_PARTICIPLES and marker > k + 2:
            return None
        content, direct = self.content(s, c_start, nxt)
        if content is None:
            return None
        subject = self._clause_subject(s, k)
        if subject is not None:  # وقام المحتجون بغلق الطريق، مطالبين …: the protesters
            return self._draft(s, s.span(k, k + 1), subject, content, direct, "verb")
        return self._draft(s, s.span(k, k + 1), None, content, direct, "continuation")

    def _said_next(self, s: Sentence, k: int) -> tuple[int, int] | None:
        """Where what قائلا at ``k`` says opens when no mark does: the next word, past a
        quotation mark that closes nowhere (or a single quote)."""
        words = s.words
        a = k + 1
        if a < len(words) and (words[a].norm in QUOTES or words[a].norm == "'") and (
                words[a].start not in self.pairs):
            a += 1
        elif a < len(words) and (words[a].norm in PREPOSITIONS or words[a].norm[:1] in "لب"):
            return None  # (قائلا في التسجيل "…"، قائلا له، قائلا بصوت مرتفع: no words of his yet)
        return (a, a) if a < len(words) and words[a].is_word else None

    def _clause_subject(self, s: Sentence, k: int) -> Span | None:
        """The subject of the sentence a participle (or a verb after a comma) at ``k``
        closes, when the sentence opens with a verb that reports no speech and an explicit
        subject that can speak and agrees with it in number (وقام المحتجون …، مطالبين)."""
        words = s.words
        if any(d.sentence == s.index and d.cue.start < words[k].start for d in self.drafts[-3:]):
            return None  # the participle goes on with this sentence's attribution
        found = self._opening_subject(s, k)
        if found is None:
            return None
        j, end = found
        head = words[j].norm
        plural = words[k].norm.endswith(("ين", "ون", "وا"))
        if plural != bare(head).endswith(("ون", "ين", "ات", "اء")) and not in_table(
                head, actors.CROWD):
            return None
        return s.span(j, end)

    def _opening_subject(self, s: Sentence, k: int) -> tuple[int, int] | None:
        """(start, end) of the explicit subject that can speak of the verb that opens
        sentence ``s`` and reports no speech, before word ``k`` (وقام المحتجون …)."""
        words = s.words
        v = 0
        while v < k and (words[v].norm in speech.OPENERS or not words[v].is_word):
            v += 1
        framed = 0 < v < k and words[v - 1].norm in W.COMMA  # في المقابل، أصر المواطن …
        if v + 1 >= k or words[v].definite or v in s.entity_at or words[v].norm in (
                PREPOSITIONS) or not (words[v].norm[:1] in "وف" or v == 0 or framed):
            return None
        verb = words[v].norm
        j = self.subject_start(s, v)  # توجّهت اليوم المواطنة …
        reported = verb in speech.VERB_FORMS and any(  # (وتعهد الوزير أمام اللجنة …: no pledge
            d.cue.start == words[v].start for d in self.drafts  # read, so no cue)
            if d.sentence == s.index)
        if reported or verb in speech.PARTICIPLE_FORMS or j >= k or not (
                words[j].definite or j in s.entity_at):
            return None
        end = min(self.speaker_end(s, j), k)
        end = self.noun_phrase_end(s, j, end)  # وحمّلت التنسيقية | الوالي …
        head = words[j].norm
        if end <= j or not (self.speaker_like(s, j, end, relative=False)
                            or in_table(head, actors.CROWD) or head in actors.PROTESTERS):
            return None
        return j, end

    def _previous_subject(self, s: Sentence, cue: Span,
                          gender: str | None) -> tuple[Sentence, Span] | None:
        """The speaker of a continuation with no speaker before it that opens its sentence:
        the subject of the sentence before, when that sentence opens with a verb that
        reports no speech and the cue agrees with it (توجّهت المواطنة ريم مولاهي بنداء …
        وقالت إنها …)."""
        k = s.word_index(cue.start)
        if s.index == 0 or any(w.is_word and w.norm not in speech.OPENERS
                               for w in s.words[:k]):
            return None
        p = self.index.get(s.index - 1)
        found = self._opening_subject(p, len(p.words))
        if found is None:
            return None
        j, end = found
        person = next((e for e in p.entities_in(j, end) if e.type == "PERS"), None)
        if person is not None:
            end = p.word_index(person.end - 1) + 1  # (not the object after the name)
            if end < len(p.words) and p.words[end].norm == ")" and any(
                    w.norm == "(" for w in p.words[j:end]):
                end += 1  # المواطن التونسي (حمدي)
        else:  # زار الوزير المستشفى: the subject ends before the object (its adjectives stay)
            end = next((m for m in range(j + 1, end) if not (p.words[m].definite and self.doc.text[
                p.words[m].start:p.words[m].end].endswith(("ي", "ية")))), end)
        if _disagree(gender, self.phrase_gender(p, j, end)):
            return None
        return p, p.span(j, end)

    def _content_subject(self, s: Sentence, k: int) -> Span | None:
        """The subject that opens the reported content a speaker-less verb at ``k`` is
        joined to, when the verb agrees with it and not with the reporter (لاحظ السليطي أن
        السلطات السويسرية راسلت الوزارة وعبّرت لها عن …: the Swiss authorities)."""
        raw = s.words[k].start
        gender = speech.GENDER.get(s.words[k].norm)
        d = next((d for d in reversed(self.drafts[-3:]) if d.sentence == s.index
                  and d.content is not None and d.content.start < raw < d.content.end), None)
        if d is None or d.content is None or not _disagree(gender, d.gender):
            return None
        c = s.word_index(d.content.start)
        if not (s.words[c].definite or c in s.entity_at):
            return None
        end = self.noun_phrase_end(s, c, min(self.speaker_end(s, c, appose=False), k))
        if not c < end < k or not self.speaker_like(s, c, end, relative=False) or (
                self.phrase_gender(s, c, end) != gender):
            return None
        return s.span(c, end)

    def _postposed(self, s: Sentence, k: int, speaker: Span | None,
                   cue: speech.Cue) -> Draft | None:
        """«…»، قال الوزير: the quotation before the cue is the content; …، كما ذكرت النيابة.
        at the end of a sentence ("as the prosecutor said"): the words before it."""
        words = s.words
        if speaker is None or k < 2:
            return None
        last = s.word_index(speaker.end - 1)
        if words[k - 1].norm == "كما" and words[k - 2].norm in W.COMMA and all(
                not w.is_word for w in words[last + 1:]) and not any(
                w.norm in W.COMMA for w in words[k + 1:last]):  # (كما قال المدرب، بفضل …)
            content = self.before(s, k - 1)
            return None if content is None else self._draft(
                s, s.span(k - 1, k + 1), speaker, content, False, "source")
        if words[k - 1].norm not in W.COMMA:
            return None
        close = words[k - 2].start
        for open_, close_ in self.pairs.items():
            if close_ == close and close_ - open_ > 1:
                return self._draft(s, s.span(k, k + 1), speaker, Span(open_ + 1, close_), True,
                                   "verb")
        return None

    def _relative(self, s: Sentence, k: int, nxt: int) -> Draft | None:
        """وهو ما أكده الوزير: the speaker after, the content is the clause before."""
        words = s.words
        j = k + 1
        if j < len(words) and words[j].norm in speech.RELATIVE_FILLERS:
            j += 1
        j = self._skip_media(s, self.past_times(s, j))  # ما أكده أمس الوزير
        sp_end = self.speaker_end(s, j)
        if sp_end == j or not self.speaker_like(s, j, sp_end, relative=True):
            return None
        if self.drafts and (c := self.drafts[-1].content) is not None and (
                c.start <= words[k - 1].start < c.end):
            return None  # أكد الناطق … ما أفاد به مراسلنا: the object of the last cue
        if k > 1 and words[k - 2].is_word and (words[k - 2].definite and strip_conj(
                words[k - 2].norm) not in _POINTERS or words[k - 2].norm in speech.VERB_FORMS):
            return None  # من بين الانتقادات ما كتبه، اعتبر ما كتبته: "what he wrote", an object
        first = k - 1
        if first > 0 and strip_conj(words[first - 1].norm) in ("هو", "هي", "هذا", "ذلك"):
            first -= 1
        content = self.before(s, first)
        if content is None:
            return None
        return self._draft(s, s.span(first, k + 1), s.span(j, sp_end), content, False, "source")

    def _gist(self, s: Sentence, k: int, nxt: int) -> Draft | None:
        """تقدمت بشكاية … مفادها تعرض منزلها لسطو: the message (the nearest noun of one in the
        twelve words before, not past أنّ) is the speaker, what follows its
        content."""
        words = s.words
        head = cut = None
        for i in range(k - 1, max(-1, k - 13), -1):
            n = words[i].norm
            cut = _message(n)
            if cut is not None:
                head = i
                break
            if is_complementizer(n):
                break  # قال في تصريح … إنه قدم ملفا مفاده: not the statement's noun
        if head is None or cut is None:
            return None  # وكان مفاد الحديث: no message named
        c = k + 1
        if c < len(words) and (is_complementizer(words[c].norm) or words[c].norm == ":"):
            c += 1  # مفادها أنّ …، مفادها: "…"
        content, direct = self.content(s, c, nxt)
        if content is None:
            return None
        speaker = Span(_after_proclitics(self.doc.text, words[head], cut), words[head].end)
        draft = self._draft(s, s.span(k, k + 1), speaker, content, direct, "source")
        draft.gist = True
        return draft

    def _came_in(self, s: Sentence, k: int, nxt: int) -> Draft | None:
        """وجاء في البيان أنّ …: the document is the speaker."""
        sp_end = self.speaker_end(s, k + 2)
        if sp_end == k + 2:
            return None
        opened = self.complement(s, sp_end, speech.Cue("جاء"), nxt)
        if opened is None:
            return None
        content, direct = self.content(s, opened[0], nxt)
        if content is None:
            return None
        return self._draft(s, s.span(k, k + 2), s.span(k + 2, sp_end), content, direct, "verb")

    # -- source phrases ----------------------------------------------------------------------
    def _source(self, s: Sentence, k: int, j: int, nxt: int) -> Draft | None:
        words = s.words
        if j >= len(words):
            return None
        relative = False
        verb = ""
        if words[j].norm in ("ل", "لما", "ما", "عن", "لم"):
            relative = words[j].norm in ("لما", "ما")
            j += 1
        elif words[k].norm.endswith("ما"):  # حسبما
            relative = True
        if relative and j < len(words):
            verb = strip_conj(words[j].norm)
            if verb in _NOT_REPORTING:
                return None  # وفق ما تقتضيه القوانين: "as the rules require", no one speaks
            j += 1  # the relative verb (أفاد، أكده، صرح، أوردته …)
            if j < len(words) and words[j].norm in speech.RELATIVE_FILLERS:
                j += 1
            if verb in ("جاء", "ورد") and j < len(words) and words[j].norm in ("في", "علي"):
                j += 1  # جاء في، ورد على
            j = self._skip_media(s, self.past_times(s, self._framed_time(s, j)))
            # (وفقا لما أفاد به اليوم الناطق، وفق ما ذكره، اليوم الجمعة، المدير العام)
            if j < len(words) and words[j].norm in PREPOSITIONS:
                return self._pronoun_source(s, k, j, nxt)  # حسب ما صرح به في مقابلة
        if j >= len(words):
            return None
        cue = s.span(k, j)
        head = words[j].norm
        nb = words[j + 1].norm if j + 1 < len(words) else ""
        if head in speech.SAME_SOURCE_MARKS and not (nb in speech.SAME_SOURCE_HEADS or in_table(
                nb, speech.SPEAKER_HEADS)):
            return None  # وفق ذات القرار: the same decision, not a speaker
        same = head in speech.SAME_SOURCE_MARKS or (
            head in speech.SAME_SOURCE_HEADS or head.startswith("ال") and in_table(
                head, speech.SPEAKER_HEADS)) and nb in speech.SAME_SOURCE_MARKS
        if head in speech.PRONOUN_SOURCES or same:
            end = j + 1
            while end < len(words) and (words[end].norm in speech.SAME_SOURCE_MARKS
                                        or words[end].norm in speech.SAME_SOURCE_HEADS):
                end += 1
            return self._pronoun_source(s, k, end, nxt)
        opening = all(not w.is_word or w.norm == "و" for w in words[:k])
        sp_end = self.speaker_end(s, j, appose=not opening)
        if sp_end == j or not self.speaker_like(s, j, sp_end, relative):
            return None
        if verb.startswith("نقل") and sp_end + 1 < len(words) and words[sp_end].norm == "عن":
            far = self.speaker_end(s, sp_end + 1, appose=not opening)
            if far > sp_end + 1:  # بحسب ما نقله المراسل عن المحتجين: the protesters speak
                j, sp_end = sp_end + 1, far
        inserted = k > 0 and words[k - 1].norm in W.COMMA and sp_end < len(words) and words[
            sp_end].norm in W.COMMA and sp_end + 1 < len(words) and words[sp_end + 1].is_word and (
            sum(w.is_word for w in words[:k]) <= 8 and not self._adjunct_at(s, sp_end + 1))
        if opening and sp_end < len(words) and words[sp_end].norm not in W.COMMA:
            np_end = self.noun_phrase_end(s, j, sp_end)
            if j < np_end < sp_end and np_end not in s.entity_at and (
                    words[np_end].norm not in self.names):
                sp_end = np_end  # وحسب وزير السياحة سجلت السوق …: the content, no comma
        if opening and sp_end < len(words):
            start = self._past_medium(s, sp_end)
            start = start + 1 if words[start].norm in W.COMMA else start
            content, direct = self.content(s, start, nxt)
        elif inserted:  # ويهدف المشروع، وفق رئيس الحكومة، إلى …: the whole sentence
            content, direct = self.whole(s), False
        elif self._repeats_speaker(s, k, j, sp_end):
            return None  # …، مضيفا أن … وفق تأكيد السليطي: the same speaker, nothing new
        else:
            content, direct = self._chained(s, k) or self.before(s, k), False
        if content is None:
            return None
        speaker = s.span(j, sp_end)
        first = words[j].norm
        if first[:1] == "ل" and not first.startswith("لل") and (
                words[k].norm in W.TAKES_LAM or strip_conj(words[k].norm) in W.TAKES_LAM):
            speaker = Span(speaker.start + 1, speaker.end)  # وفقا لمعطيات: the ل is the cue's
        return self._draft(s, cue, speaker, content, direct, "source")

    def _repeats_speaker(self, s: Sentence, k: int, j: int, sp_end: int) -> bool:
        """Does the source at ``k`` (speaker ``[j, sp_end)``) close the content of an
        attribution of its sentence and name that attribution's speaker again (…، مضيفا أن
        … وفق تأكيد السليطي)? Then the contents end before it, as before وفق تعبيره, and it
        adds nothing."""
        raw = s.words[k].start
        named = {w.norm for w in s.words[j:sp_end] if w.norm in self.names}
        closed = [d for d in self.drafts[-4:] if d.sentence == s.index and d.content is not None
                  and d.content.start < raw <= d.content.end + 2]
        if not named or not any(named <= self._speaker_words(d) for d in closed):
            return False
        end = k
        while end > 0 and (not s.words[end - 1].is_word or s.words[end - 1].norm == "و") and (
                s.words[end - 1].norm not in ("»", "”", '"', ")")):
            end -= 1
        for d in closed:
            if d.content is not None and raw < d.content.end:
                d.content = Span(d.content.start, s.words[end - 1].end)
        return True

    def _speaker_words(self, d: Draft) -> set[str]:
        """The words of a draft's explicit speaker (along ``continues``)."""
        seen = 0
        while d.speaker is None and d.continues is not None and seen < 50:
            d, seen = self.drafts[d.continues], seen + 1
        if d.speaker is None:
            return set()
        said = self.index.get(self.index.sentence_of(d.speaker.start))
        return {w.norm for w in said.words if d.speaker.start <= w.start < d.speaker.end}

    def _adjunct_at(self, s: Sentence, i: int) -> bool:
        """Does an adjunct of the speaking open at word ``i`` (خلال جلسة، لمراسل وات، اليوم,
        a date, في تصريح)? Then a source before it ends its sentence."""
        words = s.words
        n = words[i].norm
        nb = words[i + 1].norm if i + 1 < len(words) else ""
        return (n in W.SPEAKING_ADJUNCTS or n in W.TIMES or i in s.date_at or self._medium(s, i)
                or n in ("في", "على") and in_table(nb, W.OCCASIONS))

    def _chained(self, s: Sentence, k: int) -> Span | None:
        """The content of a source that ends the sentence just before this one (…، وفق ما
        أورده موقع "سكاي نيوز" نقلا عن صحيفة "ديلي ميل"): relayed, the same content."""
        if not self.drafts:
            return None
        d = self.drafts[-1]
        if d.sentence != s.index or d.kind != "source" or d.content is None or d.speaker is None:
            return None
        between = [w for w in s.words if d.end <= w.start < s.words[k].start]
        if d.content.end <= d.cue.start and not any(w.is_word and w.norm != "و" for w in between):
            return d.content
        return None

    def _past_medium(self, s: Sentence, i: int) -> int:
        """The comma after a medium the source spoke to (مصدر أمني لمراسل الجوهرة، فإن …)."""
        words = s.words
        if i < len(words) and words[i].norm[:1] == "ل" and not is_complementizer(words[i].norm):
            for m in range(i + 1, min(len(words), i + 8)):
                if words[m].norm in W.COMMA:
                    return m
                if is_complementizer(words[m].norm) or words[m].norm in speech.VERB_FORMS:
                    break
        return i

    def _pronoun_source(self, s: Sentence, k: int, end: int, nxt: int) -> Draft | None:
        """وفق تعبيره، حسب قوله: the content before, the speaker the last explicit one."""
        def closes(d: Draft) -> bool:  # no word between its content and the cue
            return d.content is not None and not any(
                w.is_word for w in s.words if d.content.end <= w.start < s.words[k].start)

        for d in reversed(self.drafts):
            if d.sentence != s.index:
                break
            if closes(d):
                return None  # closes content already attributed in this sentence
        last = self.drafts[-1] if self.drafts else None
        if last is not None and closes(last) and last.content is not None and (
                last.content.start < s.start < last.content.end):
            return None  # closes a quotation that began in the sentence before (… .. …"، وفق تعبيره)
        content = self.before(s, k)
        if content is None:
            opening = k == 0 or s.words[k - 1].norm in ("و", *W.COMMA)
            if opening and end < len(s.words):
                start = end + 1 if s.words[end].norm in W.COMMA else end
                content, _ = self.content(s, start, nxt)
        if content is None:
            return None
        return self._draft(s, s.span(k, end), None, content, False, "continuation")

    def _framed_time(self, s: Sentence, j: int) -> int:
        """The word after a time set off by commas at word ``j`` (، اليوم الجمعة،), or ``j``."""
        words = s.words
        if j < len(words) and words[j].norm in W.COMMA:
            m = self.past_times(s, j + 1)
            if j + 1 < m < len(words) and words[m].norm in W.COMMA:
                return m + 1
        return j

    def _skip_media(self, s: Sentence, j: int) -> int:
        """Skip "للجوهرة أف أم" / "لنا" between a relative verb and its speaker."""
        words = s.words
        if j < len(words) and len(words[j].norm) > 3 and self._medium(s, j):  # لمراسلة الجوهرة
            m = j + 1
            ent = s.entity_at.get(m)
            if ent is not None:
                m = s.word_index(ent.end - 1) + 1
            while m < len(words):
                inside = m in s.entity_at and not words[m - 1].is_word  # لمراسلة (وات)
                if inside:
                    m = s.word_index(s.entity_at[m].end - 1) + 1
                elif (words[m].norm in W.MEDIA_WORDS or not words[m].is_word
                      or in_table(words[m].norm, speech.MEDIA_HEADS)):
                    m += 1
                else:
                    break
            if m < min(len(words), j + 7) and (self._speaker_head(words[m].norm)
                                                or m in s.entity_at or words[m].definite):
                return m
        if j < len(words) and words[j].norm.startswith("ل") and not self._speaker_head(
                words[j].norm):
            for m in range(j + 1, min(len(words), j + 5)):
                if self._speaker_head(words[m].norm) or m in s.entity_at:
                    return m
        return j

    # -- reading the sentence ------------------------------------------------------------------
    def complement(self, s: Sentence, i: int, cue: speech.Cue, nxt: int,
                   has_speaker: bool = True, limit: int = W.MAX_ADJUNCT) -> tuple[int, int] | None:
        """(content start, marker index) of the content opening at or after word ``i``: a
        complementizer, a colon, a quotation, or a preposition the verb takes (not one that
        opens an adjunct: على هامش)."""
        words = s.words
        end = min(len(words), i + limit, max(nxt, i + 1))
        far = min(len(words), i + 2 * limit, max(nxt, i + 1))  # for أنّ only
        if end == nxt < len(words) and words[nxt].norm in speech.SAYING:
            end += 1  # وعلّق الوزير على … قائلا: «…»
        if has_speaker and i + 1 < len(words) and words[i].norm in W.COMMA and not (
                is_complementizer(words[i + 1].norm)):
            framed = self._framed_complement(s, i + 1, cue)  # وقال المسؤول، قبل ساعات …، إن
            if framed is not None:
                return framed
        loose = has_speaker or not cue.strict or (  # وتابع "…": a quotation right after it
            cue.lemma in _GOING_ON and i < len(words) and (words[i].norm == ":" or words[
                i].norm in QUOTES and words[i].start in self.pairs and self._long_quote(
                    words[i].start)))
        object_next = "obj" in cue.takes and has_speaker and i < len(words) and words[
            i].is_word and words[i].norm not in PREPOSITIONS and i not in s.date_at
        aside = _asides(s, i, end)  # الوزير، الذي كان قد أكد أنّ …، إنّ: read past it
        if aside:
            end = min(len(words), end + len(aside))
            far = min(len(words), far + len(aside))
        first_comp = next((m for m in range(i, end) if m not in aside and (
                           is_complementizer(words[m].norm)
                           or m > i and words[m].norm in speech.VERB_FORMS
                           and _relative_at(s, m) is None
                           and not self._via_word_at(s, m))), None)
        quoted = None  # a long quotation opened after the speaker: its أنّ is quoted
        past_adjunct = False  # a statement or a place in ب read past (في بيان له بتونس)
        for m in range(i, end):
            if m in aside:
                continue
            n = words[m].norm
            nb = words[m + 1].norm if m + 1 < len(words) else ""
            if quoted is not None and is_complementizer(n) and loose and words[
                    m].start < self.pairs[words[quoted].start]:
                return quoted, quoted  # قال … مساء أمس "علينا أن نعمل": the quotation
            if n in QUOTES and words[m].start in self.pairs and self._long_quote(words[m].start):
                quoted = m if quoted is None else quoted
            near = m == i or m == i + 1 and words[i].norm in W.COMMA or (
                n in cue.takes and (n in W.FAR_PREPS or cue.lemma == "نص")  # (ينص الفصل 12
                and nb not in W.ADJUNCT_HEADS) or (  # من مشروع القانون على …)
                words[i].norm in W.COMMA and words[m - 1].norm in W.COMMA and m - i <= 7)
            if is_complementizer(n) and (m == 0 or words[m - 1].norm not in W.TIME_CONJ) and not (
                    _in_code(words, m)):
                return m + 1, m
            if n == ":" and loose:
                return m + 1, m
            if n in QUOTES and words[m].start in self.pairs and loose and (
                    near or self._long_quote(words[m].start) and not self._titled(s, m) and (
                        first_comp is None or not is_complementizer(words[first_comp].norm))
                    and not object_next):
                return m, m
            if n in speech.SAYING:
                nb = words[m + 1].norm if m + 1 < len(words) else ""
                return (m + 2, m + 1) if is_complementizer(nb) or nb == ":" else (m + 1, m)
            if n in W.PREP_COMP and (is_complementizer(nb) or nb == "ضروره"):
                return (m + 2, m + 1) if is_complementizer(nb) else (m + 1, m)
            if n in cue.takes and near:
                return m + 1, m
            fused = _FUSED_MA.get(n)  # حذّر مما اعتبره …، تحدث عما تعرض له: the content has it
            if fused in cue.takes and (near or fused in W.FAR_PREPS and not any(
                    words[x].norm in W.COMMA for x in range(i, m))):
                return m, m  # (not …، مما دفع المواطنين: a consequence)
            if "ب" in cue.takes and (n.startswith(_BA_ADJUNCTS) or _ba_place(s, m)):
                past_adjunct = True  # في بيان اصدرته الثلاثاء بتونس | باستعجال …
                continue
            if "ب" in cue.takes and (near or cue.lemma in W.FAR_BA or past_adjunct) and (
                    n.startswith("ب")) and (len(n) > 3 or n == "بما") and not _name_like_ba(
                    n) and not n.startswith("بال"):
                return m, m  # ندّد بالقرار، بما رافق الجلسة
            if "ب" in cue.takes and (near or past_adjunct) and n.startswith("بال"):
                return m, m
            if "ب" in cue.takes and near and n == "ب" and m + 1 < len(words) and (
                    words[m + 1].norm in QUOTES):
                return m, m  # وصفوها بـ"التعسفية": ب before a quotation
            if m > i and n in speech.VERB_FORMS and _relative_at(s, m) is None and not (
                    self._via_word_at(s, m)):
                return None  # (not الدراسة التي أوردها الموقع …: a relative clause)
        a = i + 1 if i + 1 < len(words) and words[i].norm in W.COMMA else i
        if not (a < len(words) and (words[a].norm in PREPOSITIONS or a in s.date_at)):
            far = end  # only across adjuncts: واشار الجبري في تصريح … على هامش … الى ان
        for m in range(end, far):
            n = words[m].norm
            if n in speech.VERB_FORMS and not self._via_word_at(s, m) or n in (
                    speech.PARTICIPLE_FORMS) or n in W.COMMA and (
                    m + 1 < len(words) and words[m + 1].norm in speech.PARTICIPLE_FORMS):
                return None
            if is_complementizer(n) and words[m - 1].norm not in W.TIME_CONJ and not (
                    _in_code(words, m)):
                return m + 1, m
        return None

    def _framed_complement(self, s: Sentence, a: int, cue: speech.Cue
                           ) -> tuple[int, int] | None:
        """(content start, marker) of an أنّ right after an aside set off by commas after the
        speaker, however long (أكد قايد السبسي، إجابة عن سؤال حول …، أنه …), when no cue
        verb or participle and no quotation lies inside the aside."""
        words = s.words
        for m in range(a, min(len(words) - 1, a + 30)):
            n = words[m].norm
            verb = n in speech.VERB_FORMS and not _DIACRITICS.sub("", self.doc.text[
                words[m].start:words[m].end]).endswith("ة") and not (  # (إجابةً)
                speech.VERB_FORMS[n].lemma in W.PREP_LIKE and strip_conj(n) == n) and (  # (بين)
                strip_conj(words[m - 1].norm) not in _NOT_DONE)  # (طلب عدم كشف هويته)
            nb = words[m + 1].norm
            if m > a and words[m - 1].norm in W.COMMA and nb not in W.ADJUNCT_HEADS and (
                    n in cue.takes or "ب" in cue.takes and n.startswith("ب") and len(n) > 3):
                return None  # وشدد الوزير، خلال الندوة، على ضرورة …: the verb's own complement
            if verb or n in speech.PARTICIPLE_FORMS or n in QUOTES or (
                    not words[m].is_word and n not in W.COMMA and n not in ("(", ")")):
                return None
            if n in W.COMMA and m > a and is_complementizer(words[m + 1].norm):
                return m + 2, m + 1
        return None

    def _titled(self, s: Sentence, m: int) -> bool:
        """A quotation that names a title (مجلة "…"، برنامج "…")."""
        return m > 0 and in_table(s.words[m - 1].norm, W.TITLE_NOUNS)

    def _long_quote(self, start: int) -> bool:
        """A quotation of at least four words (not a quoted name: "وات")."""
        close = self.pairs.get(start, start)
        return len(self.doc.text[start:close].split()) >= 4

    def content(self, s: Sentence, c: int, nxt: int) -> tuple[Span | None, bool]:
        """The content that starts at word ``c``: a quotation (direct), or the words to the
        next cue or the end of the sentence."""
        words = s.words
        if c < len(words) and words[c].norm[:1] == "ف" and is_complementizer(words[c].norm[1:]):
            c += 1  # فإنّ: the content starts after it
        elif 0 < c < len(words) - 1 and words[c - 1].norm == ":" and is_complementizer(
                words[c].norm):
            c += 1  # قال الوزير: إنّ الوضع صعب
        if c + 1 < len(words) and words[c].norm == "و" and words[c + 1].norm in QUOTES:
            c += 1  # أنه و"في إطار …": the quotation
        if c >= len(words):
            return None, False
        w = words[c]
        close = self.pairs.get(w.start) if w.norm in QUOTES else None
        if close is not None:
            after = s.word_index(close) + 1
            rest = [x for x in words[after:nxt] if x.is_word]
            if (not rest or after >= nxt or close > s.end) and close - w.start > 1:
                start = w.start + 1
                if c + 2 < len(words) and is_complementizer(words[c + 1].norm) and (
                        words[c + 2].start < close):
                    start = words[c + 2].start  # قال قاسم "إنّ إسرائيل …": after إنّ
                return Span(start, close), True
        end = self._content_end(s, c, nxt)
        while end > c and (not words[end - 1].is_word and not words[end - 1].norm[:1].isdigit()
                           and words[end - 1].norm not in ("»", "”", '"', ")", "%")
                           or words[end - 1].norm in W.COMMA or _filler_tail(words, c, end)):
            end -= 1
        if end <= c:
            return None, False
        span = s.span(c, end)
        return self._extend_open_quote(span), False

    def _content_end(self, s: Sentence, c: int, nxt: int) -> int:
        """The end of a content: the next cue that starts a new attribution (a participle,
        a source, a verb after a comma) or a pronoun source (وفق تعبيره) closing it."""
        words = s.words
        for m in range(c + 1, len(words)):
            n = words[m].norm
            if m >= nxt and self._breaks_content(s, c, m, nxt):
                return m - 1 if words[m - 1].norm in W.BUT else m
            if m == nxt and words[m - 1].norm in W.WHILE:
                return m - 1  # …، فيما قال السيد عماد الجبري: a new statement
            if m == nxt and self._goes_on(s, c, m):
                return m  # … من الناحية الأمنية وأضاف أن …، وأضاف البلاغ أن: a new statement
            if m == nxt and words[m - 1].norm == "كما" and words[m - 2].norm in W.COMMA:
                return m - 1  # …، كما يوصي بالتركيز على …: a second statement
            if m == nxt and (but := next((x for x in range(max(c + 1, m - 4), m)
                                          if words[x].norm in W.BUT_NOUN), None)) is not None \
                    and but + 1 < m and all(words[x].definite or x in s.entity_at
                                            for x in range(but + 1, m)) and self.speaker_like(
                        s, but + 1, m, relative=False):
                return but  # …، لكن الأطباء أكدوا: a new speaker
            if self._pronoun_source_at(s, m) and self._closes(s, m):
                return m
            if n in W.ASIDES and m > c + 2 and m + 1 < len(words) and (
                    is_complementizer(words[m + 1].norm) or words[m + 1].norm in W.ASIDE_NEXT):
                return m  # … يشار إلى أن: the writer's aside, not the speaker's
        return len(words)

    def _breaks_content(self, s: Sentence, c: int, m: int, nxt: int) -> bool:
        """Does the cue word at ``m`` (at or past the next cue) start a new attribution that
        ends the content opened at ``c``: a participle (…، مضيفا; قائلا when it says apart),
        a verb joined by و after a comma (not a pledge of the content's own subject: إن
        الوزارة اعترفت …، ووعدت بـ), a source that is no pronoun source, or لكن + a verb?"""
        words = s.words
        n, before = words[m].norm, words[m - 1].norm
        if n in speech.PARTICIPLE_FORMS and not _predicate(s, m) and (
                n not in speech.SAYING or n in speech.SAYING_PARTICIPLES and m > c + 1
                and self._says_apart(s, c, m)) and not self._no_threat(s, m):
            return True
        if before in W.COMMA and n in speech.VERB_FORMS and n[:1] in "وف" and not (
                speech.VERB_FORMS[n].lemma in _PLEDGES
                and self._own_subject_goes_on(s, c, n, titled=True)):
            return True
        if m == nxt and self._source_at(s, m) and not self._pronoun_source_at(s, m):
            return True  # (a pronoun source closes a content below, when it ends the sentence)
        return before in W.BUT and n in speech.VERB_FORMS and self._speaks(s, m)

    def _says_apart(self, s: Sentence, c: int, m: int) -> bool:
        """Does the قائلا at ``m`` start a statement apart from the content that opens at
        ``c`` (…، قائلا; «…» قائلا; أكد وجودَ تقصير قائلا), rather than tell what someone inside
        that content said (إنها سمعت الطفل وهو يصرخ قائلا; أن نوير انتقد الخطوة قائلا)?"""
        words = s.words
        if words[m - 1].norm in W.COMMA or words[m - 1].start in self._closers or words[
                m - 1].norm in ('"', "»", "”"):
            return True
        if c > 0 and is_complementizer(words[c - 1].norm) and self._own_subject_goes_on(
                s, c, words[m].norm):
            return False  # an أنّ clause whose own subject says it (أن نوير انتقد … قائلا)
        return not any(strip_conj(w.norm) in _HE_WHILE for w in words[max(c, m - 4):m])

    def _described(self, s: Sentence, k: int, nxt: int) -> Draft | None:
        """وصفه/وصفوها (وصفتها الوزارة) بـ …: what the object is described as, from the
        ب-word (after بأنّه) to a comma, a relative pronoun or a clause joined by و, said by the
        subject after the verb, else the subject of the sentence's opening verb or the speaker
        who goes on."""
        words = s.words
        plural = words[k].norm.endswith(("وه", "وها", "وهم"))
        j, speaker = k + 1, None
        if j < len(words) and words[j].is_word and not words[j].norm.startswith("ب"):
            end = self.speaker_end(s, j)
            if plural or not (j < end < len(words) and words[end].norm.startswith("ب")) or not (
                    words[j].definite or j in s.entity_at or self.speaker_like(
                        s, j, end, relative=False)) or j in s.date_at or (
                    words[j].norm in W.TIME_ADJUNCTS):
                return None  # (وصفتها صراحةً بـ …: an adverb, no speaker; وصفه البعض: one)
            speaker, j = s.span(j, end), end  # وصفها الوزير بـ …
        if j >= len(words) or not self._description_at(s, j):
            return None
        c = j + 1 if is_complementizer(words[j].norm) else j  # وصفه بأنه "شديد المركزية"
        content, _ = self.content(s, c, nxt)
        if content is None:
            return None
        stop = next((m for m in range(c + 1, len(words)) if words[m].start >= content.end or (
            not self._in_quote(s, c, m) and (words[m].norm in W.COMMA or words[m].norm in (
                W.RELATIVE_PRONOUNS) or words[m].norm[:1] == "و" and words[m].norm[1:] in (
                speech.VERB_FORMS)))), None)
        if stop is not None and words[stop].start < content.end:
            content = Span(content.start, words[stop - 1].end)  # … بأصحاب النفوذ، واتهمتها
        if speaker is None and (speaker := self._clause_subject(s, k)) is not None:
            i, end = s.word_index(speaker.start), s.word_index(speaker.end - 1) + 1
            cut = next((m for m in range(i + 1, end) if words[m].norm.startswith("ال") and not (
                _nisba(words[m].norm) or m in s.entity_at) and (words[m - 1].definite or any(
                    e.end == words[m - 1].end for e in s.entities_in(i, m)))), end)
            speaker = s.span(i, cut)  # وهاجمت الوزيرة الحكومةَ ووصفتها: the object is not hers
            if plural and self._singular(speaker):
                speaker = None  # (وصفوها: "they", not الوزير)
        draft = self._draft(s, s.span(k, k + 1), speaker, content, False, "verb")
        if draft.continues is not None and _disagree(speech.GENDER.get(words[k].norm),
                                                     self.drafts[draft.continues].gender):
            draft.continues, draft.kb_id, draft.gender = None, None, None  # (نائبة … ووصفتها)
        return draft

    def _in_quote(self, s: Sentence, c: int, m: int) -> bool:
        """Is word ``m`` inside a quotation opened between words ``c`` and ``m``?"""
        return any(w.norm in QUOTES and w.start in self.pairs and self.pairs[w.start] > s.words[
            m].start for w in s.words[c:m])

    def _description_at(self, s: Sentence, j: int) -> bool:
        """Does what a description says open at word ``j``: a ب-word (بالتعسفية، بأنه) that is
        no adjunct (بدوره، بالكامل، بالتفصيل)? (Not a ب apart before a quotation, بـ "الخطير":
        the tuning file scores lower with it, as the gold batches disagree on it.)"""
        words = s.words
        n = words[j].norm
        return n.startswith("ب") and n not in ("بعد", "بين", "بسبب") and not (
            n in PREPOSITIONS or n in W.BA_ADJUNCTS or n in _NOT_DESCRIPTIONS)

    def _pledge(self, s: Sentence, k: int, speaker: Span | None, marker: int) -> bool:
        """Is تعهد at ``k`` a pledge: a verb (not the noun after a preposition, with a
        pronoun or before a subject it disagrees with: بعد تعهد الإدارة، وتعهده، وتعهد
        الدوحة), whose speaker is no police or court unit and whose complement is no case
        (تعهدت الفرقة بالبحث، بالقضية: "took charge of")?"""
        words = s.words
        n = words[k].norm
        before = strip_conj(words[k - 1].norm) if k > 0 else ""
        if n in speech.ENCLITIC_FORMS or before in PREPOSITIONS or before in _NOUN_BEFORE:
            return False
        if any(w.norm in _CASES for w in words[marker:marker + 3]):
            return False
        if speaker is not None:
            i, j = s.word_index(speaker.start), s.word_index(speaker.end - 1) + 1
            if bare(words[i].norm) in _CASE_HANDLERS or _disagree(
                    speech.GENDER.get(n), self.phrase_gender(s, i, j)):
                return False
        return True

    def _goes_on(self, s: Sentence, c: int, m: int) -> bool:
        """Does و + the verb at ``m`` start a new statement inside the content that opens at
        ``c``: a verb of going on (وأضاف، وأكد، وأوضح …) with أنّ right after it, after على or
        قائلا, or after a subject of its own (وأضاف وزير الصحة أن); not one whose subject is
        the content's own, a noun that speaks and agrees with it (إن الدراسة شملت 500 شخص
        وأظهرت أن …)?"""
        words = s.words
        n = words[m].norm
        if n[:1] == "و" and n[1:] in speech.VERB_FORMS and speech.VERB_FORMS[
                n[1:]].lemma in _PLEDGES and n[1:] not in speech.ENCLITIC_FORMS and m + 1 < len(
                words) and words[m + 1].norm[:1] == "ب":  # (not وتعهده بـ: "his pledge")
            # … عوضا عن المطاحن ووعد بجبر الأضرار: a promise of its own, unless the content's
            # own subject promises (إن الوزارة اعترفت بخطئها ووعدت بـ …)
            return not self._own_subject_goes_on(s, c, n, titled=True)
        if n[:1] != "و" or n[1:] not in speech.VERB_FORMS or (
                speech.VERB_FORMS[n[1:]].lemma not in _GOES_ON):
            return False
        j = m + 1
        if j < len(words) and (words[j].norm in W.PREP_COMP or words[j].norm in speech.SAYING):
            j += 1  # وأكد على أن، وأضاف قائلا إن
        if j < len(words) and is_complementizer(words[j].norm):
            return not self._own_subject_goes_on(s, c, n)
        if j < len(words) and (words[j].definite or j in s.entity_at or self._speaker_head(
                words[j].norm)):
            end = self.speaker_end(s, j, appose=False)
            return end < len(words) and is_complementizer(words[end].norm)
        return False

    def _own_subject_goes_on(self, s: Sentence, c: int, verb: str, titled: bool = False) -> bool:
        """Is the subject that opens the content at ``c`` a noun that speaks and agrees with
        ``verb`` (إن الدراسة شملت 500 شخص وأظهرت أن …: the study goes on, not the speaker)?
        ``titled``: a title in construct counts too (إن وزير الفلاحة زار الجهة ووعد بـ)."""
        words = s.words
        if c >= len(words) or not (words[c].definite or c in s.entity_at or titled and (
                self._speaker_head(words[c].norm))):
            return False
        return self.speaker_like(s, c, c + 1, relative=False) and not _disagree(
            speech.GENDER.get(verb), self.phrase_gender(s, c, c + 1))

    def _speaks(self, s: Sentence, m: int) -> bool:
        """Can the verb at ``m`` open an attribution here? A verb that reports only with أنّ
        right after its subject (وجد، رأى) needs one within three words (لكنه وجد عراقيل:
        no)."""
        if not speech.VERB_FORMS[s.words[m].norm].near_comp:
            return True
        return any(is_complementizer(w.norm) for w in s.words[m + 1:m + 4])

    def _closes(self, s: Sentence, m: int) -> bool:
        """Does the pronoun source at ``m`` end its sentence (… وفق تعبيره.)?"""
        rest = s.words[m + 2:m + 5]
        return not any(w.is_word or w.norm[:1].isdigit() for w in rest[1:]) or (
            bool(rest) and not rest[0].is_word and rest[0].norm not in W.COMMA)

    def _source_at(self, s: Sentence, m: int) -> bool:
        """Does a source phrase with a speaker start at word ``m``?"""
        n = s.words[m].norm
        if n in speech.SOURCE_WORDS:
            j = m + 1
        elif m + 1 < len(s.words) and f"{n} {s.words[m + 1].norm}" in _NORM_PHRASES:
            j = m + 2
        else:
            return False
        if j < len(s.words) and s.words[j].norm in ("ل", "لما", "ما", "عن", "لم"):
            return True
        if j < len(s.words) and (s.words[j].norm in speech.PRONOUN_SOURCES or s.words[
                j].norm in speech.SAME_SOURCE_MARKS):
            return True
        end = self.speaker_end(s, j)
        return end > j and self.speaker_like(s, j, end, relative=False)

    def _pronoun_source_at(self, s: Sentence, m: int) -> bool:
        n = s.words[m].norm
        nb = s.words[m + 1].norm if m + 1 < len(s.words) else ""
        nb2 = s.words[m + 2].norm if m + 2 < len(s.words) else ""
        return (n in speech.SOURCE_WORDS and nb in speech.PRONOUN_SOURCES
                or f"{n} {nb}" in _NORM_PHRASES and nb2 in speech.PRONOUN_SOURCES)

    def _extend_open_quote(self, span: Span) -> Span:
        """Content that opens a quotation and stops at the end of the sentence runs on to the
        closing mark."""
        for open_, close in self.pairs.items():
            if span.start <= open_ < span.end < close:
                return Span(span.start, close + 1)
        return span

    def whole(self, s: Sentence) -> Span | None:
        return self.before(s, len(s.words))

    def before(self, s: Sentence, k: int) -> Span | None:
        """The words of the sentence before word ``k`` (a source phrase's content)."""
        words = s.words
        end = k
        while end > 0 and (not words[end - 1].is_word and not words[end - 1].norm[:1].isdigit()
                           or words[end - 1].norm == "و" or _filler_tail(words, 0, end)):
            if words[end - 1].norm in ("»", "”", '"', ")"):
                break
            end -= 1
        start = 0
        while start < end and not words[start].is_word and words[start].norm not in QUOTES:
            start += 1
        if end - start < 2:
            return None
        return s.span(start, end)

    # -- drafts ------------------------------------------------------------------------------
    def _trimmed(self, span: Span) -> Span:
        """``span`` without the white space inside its ends (« نص »)."""
        start, end = trim(self.doc.text, span.start, span.end)
        return span if (start, end) == (span.start, span.end) or start == end else Span(start, end)

    def _draft(self, s: Sentence, cue: Span, speaker: Span | None, content: Span,
               direct: bool, kind: str) -> Draft:
        draft = Draft(s.index, cue, speaker, self._trimmed(content), direct, kind)
        gender = self._cue_gender(s, cue)
        if speaker is not None:
            i, j = s.word_index(speaker.start), s.word_index(speaker.end - 1) + 1
            ent = entity_kb(s.entities_in(i, j))
            draft.kb_id = ent.kb_id if ent is not None else None
            draft.anonymous = self._is_anonymous(s, i, j)
            draft.gender = gender or self.phrase_gender(s, i, j)
        else:
            draft.kind = "continuation"
            draft.continues = self._antecedent(s, gender)
            if draft.continues is not None:
                draft.kb_id = self.drafts[draft.continues].kb_id
                draft.anonymous = self.drafts[draft.continues].anonymous
                draft.gender = self.drafts[draft.continues].gender
            elif (found := self._previous_subject(s, cue, gender)) is not None:
                p, draft.speaker = found  # named in the sentence before, which says nothing
                self._named_in(p, draft, gender)
            self._learned_antecedent(s, draft, gender)
        return draft

    def _named_in(self, p: Sentence, draft: Draft, gender: str | None) -> None:
        """Entity and gender of a continuation's speaker, named in sentence ``p``."""
        assert draft.speaker is not None
        i, j = p.word_index(draft.speaker.start), p.word_index(draft.speaker.end - 1) + 1
        ent = entity_kb(p.entities_in(i, j))
        draft.kb_id = ent.kb_id if ent is not None else None
        draft.anonymous = self._is_anonymous(p, i, j)
        draft.gender = gender or self.phrase_gender(p, i, j)

    def _learned_antecedent(self, s: Sentence, draft: Draft, gender: str | None) -> None:
        """Let the fitted model (:mod:`marsad.extract.antecedent`) choose whom a continuation
        carries on among earlier speakers and the noun phrases before it."""
        rule = draft.speaker if draft.continues is None else self.drafts[draft.continues].speaker
        if self.trace is not None:
            self.trace.append((draft, antecedent.candidates(self, s, draft, rule)))
            return
        best = antecedent.choose(self, s, draft, rule)
        if best is None or (rule is not None and (best.span.start, best.span.end) == (
                rule.start, rule.end)):
            return
        if best.draft is not None:
            d = self.drafts[best.draft]
            draft.speaker, draft.continues = None, best.draft
            draft.kb_id, draft.anonymous, draft.gender = d.kb_id, d.anonymous, d.gender
            return
        draft.speaker, draft.continues = best.span, None
        self._named_in(self.index.get(best.sentence), draft, gender)

    @staticmethod
    def _cue_gender(s: Sentence, cue: Span) -> str | None:
        """Whom a cue's verb, participle or pronoun source agrees with (وأضافت: ``f``;
        مضيفا: ``m``; وفق تعبيرها: ``f``), or ``None`` (وفق، حسب)."""
        words = [w.norm for w in s.words if cue.start <= w.start < cue.end]
        if len(words) == 1 and words[0] in speech.GENDER:
            verb = speech.VERB_FORMS.get(words[0])
            return None if verb is not None and verb.lemma == "نقل" else speech.GENDER[words[0]]
        if words and words[-1] in speech.PRONOUN_SOURCES:
            last = words[-1]
            return "p" if last.endswith(("هم", "هما")) else "f" if last.endswith("ها") else "m"
        return None

    def _antecedent(self, s: Sentence, gender: str | None = None,
                    strict: bool = False) -> int | None:
        """The last attribution with an explicit speaker, not one nested in another's
        content (وأوضح الحزامي أن الأرقام تشير …، مبينا: the participle is الحزامي's), whose
        speaker agrees with the cue in gender (… وفق بلاغ توضيحي. وذكرت: the ministry named
        before the statement); the last one when none agrees, unless ``strict``."""
        first = None
        for n in range(len(self.drafts) - 1, -1, -1):
            d = self.drafts[n]
            if d.speaker is not None and not d.gist and not self._nested(n) and not (
                    self._restates(n)):
                if not _disagree(gender, d.gender):
                    return n
                first = n if first is None else first
        return None if strict else first

    def _named_by_head(self, s: Sentence, draft: Draft, head: str) -> Draft:
        """A definite back-reference (وأضاف المتحدث، وبين المصدر) continues the last speaker
        whose phrase has its noun (شون سبايسر المتحدث باسم البيت الأبيض), when one has."""
        norm = normalize_text(head)
        if not norm.startswith("ال") or len(norm) < 5:
            return draft
        gender = self._cue_gender(s, draft.cue)
        for n in range(len(self.drafts) - 1, -1, -1):
            d = self.drafts[n]
            if d.speaker is None or self._nested(n) or self._restates(n) or _disagree(
                    gender, d.gender):
                continue
            words = {x for w in self.doc.text[d.speaker.start:d.speaker.end].split()
                     for x in (normalize_text(w), strip_conj(normalize_text(w)))}  # (وزير)
            if norm in words or norm[2:] in words:
                draft.continues, draft.kb_id = n, d.kb_id
                draft.anonymous, draft.gender = d.anonymous, d.gender
                break
        return draft

    def _restates(self, n: int) -> bool:
        """Is draft ``n`` a closing source over a statement already attributed (وعبر الحزب عن
        …، وفق نص ذات البيان. ومؤكدا: the party goes on, not the text)?"""
        d = self.drafts[n]
        if d.kind != "source" or d.content is None or d.speaker is None or (
                d.content.end > d.cue.start):
            return False
        head = self.doc.text[d.speaker.start:d.speaker.end].split()[0]
        return in_table(normalize_text(head), _TEXTS) and any(  # (not مصدر أمني: a person)
            d.content.start <= e.cue.start < d.content.end and e.speaker is not None
            for e in self.drafts[max(0, n - 3):n])

    def _nested(self, n: int) -> bool:
        cue = self.drafts[n].cue
        return any(d.content is not None and d.content.start <= cue.start < d.content.end
                   for d in self.drafts[max(0, n - 3):n])

    def _is_anonymous(self, s: Sentence, i: int, j: int) -> bool:
        words = s.words[i:j]
        if any(e.type == "PERS" for e in s.entities_in(i, j)):
            return False
        head = strip_conj(words[0].norm) if words else ""
        if head not in speech.ANONYMOUS_HEADS:
            return False
        rest = {w.norm for w in words[1:]}
        return bool(rest & speech.ANONYMOUS_VERBS or rest & speech.ANONYMOUS_ADJECTIVES
                    or len(words) == 1)

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


_NORM_PHRASES = frozenset(normalize_text(p) for p in _PHRASES)
#: broken plurals that head a speaker phrase (المصادر، الأحزاب).
_BROKEN_PLURALS = frozenset(normalize_text(w) for w in (
    "مصادر", "أحزاب", "نواب", "وزراء", "رؤساء", "خبراء", "علماء", "نشطاء", "شهود", "أهالي",
    "سكان", "أطباء", "قضاة", "أساتذة", "أعضاء", "سفراء", "أمناء", "ممثلو", "ممثلي", "قيادات",
    "عمال", "طلبة", "تلاميذ", "أولياء", "مسؤولو", "مسؤولي"))
#: what a unit takes charge of with تعهد (تعهدت الفرقة بالبحث، بالقضية): no pledge.
_CASES = frozenset(normalize_text(w) for w in (
    "بالبحث", "بالأبحاث", "بالابحاث", "بالقضية", "بالملف", "بالموضوع", "بالتحقيق", "بالحادثة",
    "بالمسألة", "بها", "به", "بهم", "بالتحريات", "بقضية", "بملف", "بجميع", "بكل", "بمواصلة",
    "بمتابعة", "بالاحتفاظ", "بالإحتفاظ", "بمهمة", "بحالتها", "بالحالة", "بهذا", "بهذه",
    "بالجرائم", "بالملفات", "بالقضايا", "بالمتابعة"))
#: police and court units, which take charge of cases (تعهدت فرقة الأبحاث …).
_CASE_HANDLERS = frozenset(normalize_text(w) for w in (
    "فرقة", "وحدة", "وحدات", "مركز", "نيابة", "مصالح", "إدارة", "منطقة", "قاضي", "قطب",
    "حاكم", "دائرة", "فرق", "أعوان", "مصلحة"))
#: words after which تعهد is the noun "pledge" (بعد تعهد الإدارة، مع تعهد المكتب).
_NOUN_BEFORE = frozenset(normalize_text(w) for w in (
    "بعد", "مع", "حول", "قبل", "إثر", "اثر", "عقب", "رغم", "بخصوص", "بشأن", "مقابل"))
#: ب-adverbs after وصفه (its description, the noun: وجاء وصفه بالتفصيل).
_NOT_DESCRIPTIONS = frozenset(normalize_text(w) for w in (
    "بالكامل", "بالتفصيل", "بالطريقة", "بدقة", "بدوره", "بدورها", "بدورهم", "بالضبط"))
#: prepositions that take a pronoun (خلاله، عنده، لديها): no noun announced.
_PREPOSITION_STEMS = tuple(normalize_text(w) for w in (
    "خلال", "عند", "لدي", "لدى", "بين", "حول", "ضمن", "أمام", "امام", "عبر", "بعد", "قبل"))
#: words before which a cue's letters are its verbal noun (طلب عدم كشف هويته، دون ذكر اسمه).
_NOT_DONE = frozenset(normalize_text(w) for w in ("عدم", "بعدم", "دون", "بدون", "بغير"))
#: verbs whose و-form goes on with a new statement of the same speaker (وأضاف أن …).
_GOES_ON = frozenset({"أضاف", "تابع", "أوضح", "أكد", "أشار", "بين", "قال", "اعتبر", "لاحظ",
                      "شدد", "أفاد", "ذكر", "أبرز", "كشف", "أعلن", "نفى", "حذر", "استطرد",
                      "أردف"})
#: verbs that only "go on" (تابع is also "followed"): a colon or a long quotation right after
#: one with no subject is what it says (وتابع " ما زلنا …").
_GOING_ON = frozenset({"تابع", "استطرد", "أردف"})
_BUT_THEY = frozenset(normalize_text(w) for w in ("لكنهم", "ولكنهم", "لكنهما", "ولكنهما"))
#: promises (ووعد بـ، وتعهد بـ): a statement of their own inside a content.
_PLEDGES = frozenset({"وعد", "تعهد"})
#: words after which a verb carries its subject in its ending (وقال، كما أكد، لكنهم قالوا).
_SUBJECT_IN_VERB_AFTER = frozenset(normalize_text(w) for w in (
    "و", "ف", "كما", "فقد", "ولكنه", "ولكنها")) | W.BUT | _BUT_THEY
#: nouns of messages whose gist can follow (normalized, without article or proclitic).
_MESSAGES = frozenset(normalize_text(w) for w in (
    "شكاية", "شكوى", "شكاوى", "تشكية", "تشكيات", "معلومة", "معلومات", "خبر", "أخبار", "أنباء",
    "رسالة", "رسائل", "مكالمة", "بلاغ", "برقية", "إشعار", "إشاعة", "إشاعات", "رواية", "تدوينة",
    "بيان", "تصريح", "إفادة", "استنتاج"))


def _message(norm: str) -> int | None:
    """The number of proclitic letters (و/ف، ب/ل/ك) before a message noun, with or without
    ال and tanween (شكاية 0، وببلاغ 2، بلاغا 0، للخبر 2), or None when ``norm`` is none."""
    for cut in range(3):
        if cut and not (norm[cut - 1] in "وفبلك" and (cut == 1 or norm[0] in "وف")):
            return None
        w = norm[cut:]
        for f in (w, w[2:] if w.startswith("ال") else ""):
            if f in _MESSAGES or f.endswith("ا") and f[:-1] in _MESSAGES:
                return cut
    return None


_PERSONAL = frozenset(normalize_text(w) for w in ("هو", "هي", "هم", "هما", "هن"))
#: what a relative source (وهو ما أكده الوزير) points back to.
_POINTERS = frozenset(normalize_text(w) for w in ("هو", "هي", "هذا", "هذه", "ذلك", "تلك"))
#: a source named by its definite head alone refers to one named before (وبين المصدر).
_DEFINITE_SOURCE = frozenset(h for h in speech.SAME_SOURCE_HEADS if h.startswith("ال")) | {
    normalize_text(w) for w in ("المتحدث", "المتحدثة")}  # وذكر المتحدث: the one who spoke
#: "previous", "mentioned": the same source (المصدر السابق), but a former office (الوزير السابق).
_PREVIOUS = frozenset(normalize_text(w) for w in ("السابق", "المذكور"))
#: adjectives of a title that are neither nisbas nor participles (الوزير السابق، الأمين العام)
_TITLE_ADJECTIVES = frozenset(normalize_text(w) for w in (
    "السابق", "الأسبق", "الجديد", "الحالي", "الأول", "العام", "الأعلى", "الدائم", "الخاص"))
_PRICE = normalize_text("ثمن")
#: relative verbs after وفق ما/حسب ما that report nothing (وفق ما يقتضيه القانون، حسب ما سطرته)
_NOT_REPORTING = frozenset(normalize_text(w) for w in (
    "يقتضيه", "تقتضيه", "يقتضي", "تقتضي", "يلزمه", "تلزمه", "سطرته", "سطره", "هو", "هي"))
#: words in بـ that do not say what a request asks for (بعد، بين، بسبب)
_NOT_ASKED = frozenset(normalize_text(w) for w in ("بعد", "بين", "بسبب", "بشأن", "بخصوص", "بلاده"))
#: what a closing source may name that only restates a statement (وفق نص البيان، حسب البلاغ)
_TEXTS = frozenset(normalize_text(w) for w in ("نص", "بيان", "بلاغ"))


def _after_proclitics(text: str, w: Word, cut: int) -> int:
    """The raw offset of ``w`` after its first ``cut`` letters and the marks on them (بِشكاية،
    بـشكاية → شكاية)."""
    start = w.start
    while cut and start < w.end:
        cut -= text[start].isalpha() and text[start] != "\u0640"  # (not a mark or a tatweel)
        start += 1
    while start < w.end - 1 and (_DIACRITICS.match(text[start]) or text[start] == "\u0640"):
        start += 1
    return start


_TIME_NOUNS = frozenset(normalize_text(w) for w in (
    "يوم", "ليلة", "أسبوع", "شهر", "عام", "سنة", "صباح", "مساء", "فترة", "ماضي", "ماضية"))
#: verbs whose predicate a participle can be (كانت معلقة "hanging", لا تزال مطالبة "owed").
_COPULAS = frozenset(normalize_text(w) for w in (
    "كان", "كانت", "كانوا", "يكون", "تكون", "يكونون", "يكن", "تكن", "سيكون", "ستكون", "ليكون",
    "لتكون", "ليس", "ليست", "تزال", "يزال", "زال", "زالت", "مازال", "مازالت", "ظل", "ظلت",
    "يظل", "تظل", "يبقى", "تبقى", "صار", "صارت", "أصبح", "أصبحت", "بات", "باتت", "أضحى",
    "أضحت"))


def _predicate(s: Sentence, k: int) -> bool:
    """Is the participle at ``k`` the predicate of كان or its sisters (كانت معلقة على
    ارتفاع 61 مترا: "hanging", not "commenting"), or of the subject of أنّ/إنّ (إن تونس
    مطالبة ببذل الجهود, أنها مطالبة بـ: "is required")?"""
    if k > 0 and strip_conj(s.words[k - 1].norm) in _COPULAS:
        return True
    words = s.words
    if words[k].norm.endswith("ا"):
        return False  # (… إنه يرفض ذلك مطالبا بـ: an accusative state, a cue of its own)
    for back in (1, 2, 3):  # the complementizer, then a noun subject of up to two words
        j = k - back
        if j < 0 or not words[j].is_word:
            return False
        if is_complementizer(words[j].norm):
            if j > 0 and words[j - 1].norm in W.TIME_CONJ:
                return False  # (دون أن يحاول انقاذه مشيرا)
            if back == 1:
                return words[j].norm not in _BARE_THAT  # أنها مطالبة بـ
            return _noun_subject(s, j + 1, k)
    return False


def _noun_subject(s: Sentence, a: int, b: int) -> bool:
    """Are words ``a`` to ``b`` a noun subject (تونس، الجمعيات، حالة الاكتظاظ), not a verb
    (أن يحاول، إنها تعرضت)?"""
    words = s.words
    if any(words[m].norm in speech.VERB_FORMS for m in range(a, b)):
        return False
    return words[b - 1].definite or all(m in s.entity_at for m in range(a, b))


#: plurals of people that end in ة and take a masculine verb (وطالب الأساتذة بـ: the subject).
_HUMAN_PLURALS_IN_A = frozenset(bare(normalize_text(w)) for w in (
    "الأساتذة", "الأئمة", "الطلبة", "القضاة", "الولاة", "القادة", "الساسة", "الدعاة", "الرعاة",
    "العملة", "التلامذة", "الصيادلة", "البحارة", "الحماة", "الهواة", "الجناة", "الغزاة", "السعاة",
    "الباعة"))


def _shows(s: Sentence, j: int) -> bool:
    """Is the speaker at word ``j`` data or images, whose object is what they show (أظهرت
    نتائج الدراسة ارتفاعَ …، وأظهرت لقطات رجالَ الإطفاء …)?"""
    head = s.words[j].norm
    head = head[2:] if head.startswith("ال") else head
    return head in W.DATA_HEADS or head in _IMAGES


_IMAGES = frozenset(normalize_text(w) for w in (
    "صور", "صورة", "لقطات", "فيديو", "شريط", "تسجيل", "تسجيلات", "مشاهد", "فحوصات", "تحاليل",
    "أرقام", "احصاءات", "إحصاءات"))
#: a preposition fused with ما "what" (مما، عما): the preposition a cue takes.
_FUSED_MA = {normalize_text("مما"): normalize_text("من"), normalize_text("عما"): normalize_text("عن")}
#: أنّ and إنّ with no pronoun: a subject must come between them and a predicate.
_BARE_THAT = frozenset(normalize_text(w) for w in ("أن", "إن", "بأن", "لأن"))


_VIA = frozenset(normalize_text(w) for w in ("عبر", "بين"))
#: the one whose reading as "via" lets a complement be looked for past it (… عبر الهاتف
#: لزميلنا، إن …); a "between" بين still ends the search (الحاصل بين النقابة والوزارة قائلا).
_VIA_WORD = normalize_text("عبر")
#: ب-words that are statements, not what a request asks for (في بيان له، في برقية).
_BA_ADJUNCTS = tuple(normalize_text(w) for w in ("بيان", "برقية", "برقيه"))


def _in_code(words: list[Word], m: int) -> bool:
    """Is word ``m`` part of a code between digits (إتش7إن9: إن is no "that")?"""
    return 0 < m < len(words) - 1 and words[m - 1].norm[:1].isdigit() and (
        words[m + 1].norm[:1].isdigit()) and words[m - 1].end == words[m].start


def _ba_place(s: Sentence, m: int) -> bool:
    """Is word ``m`` ب + a place (بتونس، بسوسة): where, not what is asked for?"""
    ent = s.entity_at.get(m)
    return ent is not None and ent.type == "LOC" and ent.start > s.words[m].start


def _nisba(norm: str) -> bool:
    """Has the normalized word a nisba adjective's ending (التونسي، التونسية، التونسيين)?"""
    return norm.endswith(("ي", "يه", "يين", "يون"))


def _plural_ending(norm: str) -> bool:
    """A verb that carries a plural subject in its ending (قالوا، وطالبوا، يؤكدون): a verb
    before its subject is singular, so the noun phrase after it is no subject."""
    return speech.GENDER.get(norm) == "p" and norm.endswith(("وا", "ون"))


#: words between a relative pronoun and its verb: الذي أكد، الذي كان قد أكد، التي كانت قالت،
#: الذي قد أعلن (normalized).
_RELATIVE_AUX = tuple(tuple(normalize_text(w) for w in aux) for aux in (
    (), ("كان",), ("كانت",), ("قد",), ("كان", "قد"), ("كانت", "قد")))


def _relative_at(s: Sentence, k: int) -> int | None:
    """The index of the relative pronoun whose verb is at ``k`` (الذي أكد، الذي كان قد أكد)."""
    words = s.words
    for aux in _RELATIVE_AUX:
        r = k - len(aux) - 1
        if r >= 0 and words[r].norm in W.RELATIVE_PRONOUNS and all(
                words[r + 1 + i].norm == a for i, a in enumerate(aux)):
            return r
    return None


def _aside_end(s: Sentence, k: int) -> int | None:
    """The closing comma of the relative clause whose verb is at ``k`` (:func:`_aside_close`)."""
    r = _relative_at(s, k)
    return None if r is None else _aside_close(s, r)


def _aside_close(s: Sentence, r: int) -> int | None:
    """The comma closing the relative clause opening at ``r`` (its first comma) when a
    complementizer follows it (وقال الوزير، الذي كان يتحدث في مؤتمر صحفي، إنّ …): the clause
    is an aside about the speaker, and what follows the comma is the content of the verb
    before it."""
    words = s.words
    if r == 0 or not (words[r - 1].is_word or words[r - 1].norm in W.COMMA):
        return None
    close = next((j for j in range(r + 2, len(words) - 1) if words[j].norm in W.COMMA), None)
    return close if close is not None and is_complementizer(words[close + 1].norm) else None


def _person_before(s: Sentence, r: int) -> bool:
    """Does a person's name end right before the comma before ``r`` (… توماس دي ميزيير، الذي)?"""
    e = r - 2
    if e < 0 or s.words[r - 1].norm not in W.COMMA:
        return False
    end = s.words[e].end
    return any(x.type == "PERS" and x.end == end for x in s.entities_in(max(0, e - 6), e + 1))


def _asides(s: Sentence, i: int, j: int) -> set[int]:
    """The words of the asides (:func:`_aside_close`) that open in ``[i, j)``, their closing
    commas included."""
    inside: set[int] = set()
    for r in range(i, min(j, len(s.words))):
        if r not in inside and s.words[r].norm in W.RELATIVE_PRONOUNS:
            close = _aside_close(s, r)
            if close is not None:
                inside.update(range(r, close + 1))
    return inside


def _disagree(a: str | None, b: str | None) -> bool:
    """Do two genders (``m``, ``f``; ``p`` and ``None`` agree with any) clash?"""
    return a in ("m", "f") and b in ("m", "f") and a != b


def w_is_present(norm: str) -> bool:
    """Is a verb form in the present tense (يرجح، ويرجح، تتوقع)?"""
    return strip_conj(norm)[:1] in "يت"


def extract(doc: Doc) -> Doc:
    """``doc`` with its ``attributions`` group."""
    return doc.with_spans("attributions", Reader(doc).read())


@stage("quotes", requires=("tokens", "sentences", "entities"), assigns=("attributions",))
def quotes_stage(doc: Doc) -> Doc:
    return extract(doc)


#: a link before a closing source (…، وذلك وفقا لمصادر موثوقة): not part of the content.
_FILLERS = frozenset(normalize_text(w) for w in ("وذلك", "ذلك", "و ذلك"))


#: وهو يصرخ قائلا: "while he", someone else who says it.
_HE_WHILE = frozenset(normalize_text(w) for w in ("هو", "هي", "هم", "هما"))
#: what one waves (لوّح بسكين، بالأعلام، بيده) rather than threatens (لوّح بالإضراب).
_WAVED = frozenset(normalize_text(w) for w in (
    "سكين", "سكينا", "سلاح", "سلاحا", "مسدس", "بندقية", "ساطور", "علم", "أعلام", "اعلام", "راية",
    "رايات", "يد", "يده", "يدها", "يديه", "أيديهم", "ايديهم", "شارة", "لافتة", "لافتات",
    "منديل"))


#: discourse links between a cue and its object: في هذا السياق، في السياق ذاته، في هذا الصدد.
_LINK_HEADS = frozenset(normalize_text(w) for w in ("السياق", "الصدد", "الإطار", "الاطار", "المقابل"))
_LINK_POINTERS = frozenset(normalize_text(w) for w in ("هذا", "ذات", "نفس", "ذاته", "نفسه"))


def _as_said(words: list[Word], k: int) -> bool:
    """Is كما + the قال at ``k`` "as he said" (يحظى بعضها كما قال بـ"دعم"), not a statement of
    its own (كما قال إنّ …، كما قال: …)?"""
    nb = words[k + 1].norm if k + 1 < len(words) else ""
    return speech.VERB_FORMS[words[k].norm].lemma == "قال" and not is_complementizer(nb) and (
        nb not in (":", "الى", "إلى", "على"))


def _past_connector(words: list[Word], i: int) -> int | None:
    """The word after a discourse link at ``i`` (في هذا السياق، في السياق ذاته), or None."""
    if i + 2 >= len(words) or words[i].norm != "في":
        return None
    link = [w.norm for w in words[i + 1:i + 4]]
    if link[0] in _LINK_POINTERS and link[1] in _LINK_HEADS:
        return i + 3  # في هذا السياق، في ذات السياق
    if link[0] in _LINK_HEADS and len(link) > 1 and link[1] in _LINK_POINTERS:
        return i + 3  # في السياق ذاته
    if link[0] in _LINK_HEADS and len(link) > 1 and not link[1].startswith("ال"):
        return i + 2  # مؤكدا في السياق استمرارَ … (not في السياق الحالي: an adjective)
    return None


def _name_like_ba(norm: str) -> bool:
    """Does a word in ب look like a name (بن، بوجمعة، بلحاج) rather than ب + a noun (بوضع)?"""
    return norm.startswith(W.NAME_PREFIXES) and norm not in W.BA_WAW_NOUNS


def _waves_a_thing(words: list[Word], k: int) -> bool:
    """Is the ب-word after the لوّح at ``k`` a thing waved (ملوّحا بسكين) or a pointer to a
    threat told elsewhere (كما لوّحت بذلك)?"""
    for w in words[k + 1:k + 5]:
        if w.norm in _POINTING_BA:
            return True
        if w.norm[:1] == "ب" and len(w.norm) > 2:
            rest = w.norm[1:]
            return (rest[2:] if rest.startswith("ال") else rest) in _WAVED
    return False


_POINTING_BA = frozenset(normalize_text(w) for w in ("به", "بها", "بهم", "بذلك", "بهذا"))
#: عوضا عن، بدلا عن، فضلا عن: "instead of", "besides" (not the عن of عبّر عن).
_INSTEAD = frozenset(normalize_text(w) for w in ("عوضا", "بدلا", "فضلا"))


def _filler_tail(words: list[Word], c: int, end: int) -> bool:
    """Is word ``end - 1`` a وذلك after a comma that links the content to its source?"""
    return end - 2 > c and words[end - 1].norm in _FILLERS and words[end - 2].norm in W.COMMA
