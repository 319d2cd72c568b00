"""Attributions being built, and whom those that name no speaker carry on.

A :class:`Draft` is an attribution under construction. :class:`Drafting` makes drafts
(:meth:`~Drafting._draft`: the speaker's entity, gender and anonymity) and finds the speaker
of a continuation (وأضاف، مضيفا، وفق تعبيره): the last explicit speaker that agrees with the
cue and is not nested in another's content, else the subject of the sentence before, then the
fitted choice of :mod:`marsad.extract.antecedent`. It also reads the subjects the speaker
reader does not: a كان subject (وكانت مديرة الصندوق … دعت), a clause's opening subject, the
subject inside a content (… أن السلطات اتصلت به وأكدت له أنها).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.extract import actors, antecedent, speech
from marsad.extract import quote_words as W
from marsad.extract.clause import (
    PREPOSITIONS,
    QUOTES,
    Sentence,
    SentenceIndex,
    bare,
    entity_kb,
    in_table,
    is_complementizer,
    strip_conj,
)
from marsad.extract.quote_content import Contents, disagree
from marsad.model import Span
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


class Drafting(Contents):
    """Drafts and whom they carry on (mixed into :class:`marsad.extract.quotes.Reader`)."""

    index: SentenceIndex
    drafts: list[Draft]
    #: (draft, candidates) of every continuation, when fitting the antecedent model
    trace: list[tuple[Draft, list[antecedent.Candidate]]] | None
    #: the antecedent model's noun phrases and sentence subjects, by position
    phrases: dict[tuple[int, int, int], int]
    openings: dict[tuple[int, int], tuple[int, int] | None]

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
            end = k - 1 if s.words[k - 1].norm == "قد" else k
            place = s.entity_covering(end - 1)  # وكانت تونس (قد) أعلنت: a country speaks
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
                for w in words) or disagree(speech.GENDER.get(s.words[k].norm),
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
        return s.span(i + 1, end) if not disagree(gender, kan) else None

    def _pronoun_subject(self, s: Sentence, k: int) -> bool:
        """A verb with its subject in its ending (وقال، وأضافت): nothing fronted."""
        w = s.words[k].norm
        return w[0] in "وف" and w[1:] in speech.VERB_FORMS or k == 0 or s.words[k - 1].norm in (
            _SUBJECT_IN_VERB_AFTER)

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
        if disagree(gender, self.phrase_gender(p, j, end)):
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
        if d is None or d.content is None or not disagree(gender, d.gender):
            return None
        c = s.word_index(d.content.start)
        if not (s.words[c].definite or c in s.entity_at):
            return None
        end = self.noun_phrase_end(s, c, min(self.speaker_end(s, c, appose=False), k))
        if not c < end < k or not self.speaker_like(s, c, end, relative=False) or (
                self.phrase_gender(s, c, end) != gender):
            return None
        return s.span(c, end)

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
                if not disagree(gender, d.gender):
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
            if d.speaker is None or self._nested(n) or self._restates(n) or disagree(
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
        return (in_table(normalize_text(head), _TEXTS) or head[:1] in QUOTES) and any(
            # (not مصدر أمني: a person; a quoted medium relays: بحسب ما نقلته "وات")
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


#: broken plurals that head a speaker phrase (المصادر، الأحزاب).
_BROKEN_PLURALS = frozenset(normalize_text(w) for w in (
    "مصادر", "أحزاب", "نواب", "وزراء", "رؤساء", "خبراء", "علماء", "نشطاء", "شهود", "أهالي",
    "سكان", "أطباء", "قضاة", "أساتذة", "أعضاء", "سفراء", "أمناء", "ممثلو", "ممثلي", "قيادات",
    "عمال", "طلبة", "تلاميذ", "أولياء", "مسؤولو", "مسؤولي"))


BUT_THEY = frozenset(normalize_text(w) for w in ("لكنهم", "ولكنهم", "لكنهما", "ولكنهما"))


#: words after which a verb carries its subject in its ending (وقال، كما أكد، لكنهم قالوا).
_SUBJECT_IN_VERB_AFTER = frozenset(normalize_text(w) for w in (
    "و", "ف", "كما", "فقد", "ولكنه", "ولكنها")) | W.BUT | BUT_THEY


_PERSONAL = frozenset(normalize_text(w) for w in ("هو", "هي", "هم", "هما", "هن"))


#: what a closing source may name that only restates a statement (وفق نص البيان، حسب البلاغ)
_TEXTS = frozenset(normalize_text(w) for w in ("نص", "بيان", "بلاغ"))


_TIME_NOUNS = frozenset(normalize_text(w) for w in (
    "يوم", "ليلة", "أسبوع", "شهر", "عام", "سنة", "صباح", "مساء", "فترة", "ماضي", "ماضية"))
