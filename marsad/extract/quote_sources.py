"""Source phrases, and the attributions whose speaker or content is not where a speech verb's are.

:class:`Sources` reads حسب، بحسب، وفق، وفقا لـ، نقلا عن، على حد، في رأي (with or without a
relative verb: وفق ما أفاد به مصدر أمني; at the start of a sentence the content is the rest of
it, inserted between commas after a short opening the whole sentence, at the end the clause
before it), pronoun sources (وفق تعبيره) and "the same source";
وهو ما أكده الوزير (the content is the clause before); a message's gist (بلاغ مفاده أن); جاء
في; a quotation before its cue («…»، قال الوزير; …، كما ذكرت النيابة.) and descriptions
(وصفوها بالتعسفية).
"""

from __future__ import annotations

from marsad.extract import quote_words as W
from marsad.extract import speech
from marsad.extract.clause import (
    PREPOSITIONS,
    QUOTES,
    Sentence,
    Word,
    in_table,
    is_complementizer,
    strip_conj,
)
from marsad.extract.quote_content import DIACRITIC_RE, disagree
from marsad.extract.quote_drafts import Draft, Drafting
from marsad.model import Span
from marsad.text.normalize import normalize_text

_TONGUE = frozenset(normalize_text("لسان" + p) for p in ("ه", "ها", "هم", "هما"))


class Sources(Drafting):
    """Source phrases, and the readings of speech verbs whose speaker or content lies
    elsewhere (وهو ما أكده الوزير، «…»، قال الوزير، وصفها بـ …), mixed into
    :class:`marsad.extract.quotes.Reader`."""

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
                if words[j - 1].norm == "علي" and j < len(words) and words[j].norm in _TONGUE:
                    return self._pronoun_source(s, k, j + 1, nxt)  # حسب ما جاء على لسانه
                if words[j - 1].norm == "علي" and j + 1 < len(words) and words[j].norm == "لسان":
                    j += 1  # حسب ما جاء على لسان الوزير: the minister speaks
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
        quoted = sp_end == j and relative and self._quoted_name_end(s, j)
        if quoted:
            sp_end = quoted  # بحسب ما نقلت "فرانس برس"، وفقا لـ "ارنا": a medium's name
        elif sp_end == j or not self.speaker_like(s, j, sp_end, relative):
            return None
        if verb.startswith("نقل") and sp_end + 1 < len(words) and words[sp_end].norm == "عن":
            far = self.speaker_end(s, sp_end + 1, appose=not opening)
            if far > sp_end + 1:  # بحسب ما نقله المراسل عن المحتجين: the protesters speak
                j, sp_end = sp_end + 1, far
        inserted = self._inserted(s, k, sp_end)
        if opening and sp_end < len(words) and words[sp_end].norm not in W.COMMA:
            np_end = self.noun_phrase_end(s, j, sp_end)
            if j < np_end < sp_end and np_end not in s.entity_at and (
                    words[np_end].norm not in self.names):
                sp_end = np_end  # وحسب وزير السياحة سجلت السوق …: the content, no comma
        if opening and sp_end < len(words):
            start = self._past_medium(s, sp_end)
            start = start + 1 if words[start].norm in W.COMMA else start
            start = _then_clause(s, start)
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

    def _quoted_name_end(self, s: Sentence, j: int) -> int:
        """The word after a quoted name of one to three words at ``j`` that ends its sentence
        (بحسب ما نقلت "فرانس برس".: the medium a relative verb names; not حسب "الأقدمية"، nor
        بحسب ما أفاد به "وات"، الأمين العام …, where the speaker follows), or 0."""
        words = s.words
        close = self.pairs.get(words[j].start) if words[j].norm in QUOTES else None
        if close is None or close >= s.end or not 1 <= len(
                self.doc.text[words[j].start + 1:close].split()) <= 3:
            return 0
        after = s.word_index(close) + 1
        return after if not any(w.is_word for w in words[after:]) else 0

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

    def _inserted(self, s: Sentence, k: int, end: int) -> bool:
        """Is the source phrase ``[k, end)`` set off by commas after a short sentence opening
        (at most eight words: ويهدف المشروع، وفق رئيس الحكومة، إلى …)? Then what it attributes
        is the whole sentence."""
        words = s.words
        end = self._source_tail_end(s, end)
        return k > 1 and (words[k - 1].norm in W.COMMA or words[k - 1].is_word) and (
            end + 1 < len(words)) and words[
            end].norm in W.COMMA and words[end + 1].is_word and sum(
            w.is_word for w in words[:k]) <= 8 and not (self._adjunct_at(s, end + 1) and not (
                end + 2 < len(words) and words[end + 2].norm == _FRAME))

    @staticmethod
    def _source_tail_end(s: Sentence, end: int) -> int:
        """The comma that closes a source phrase ending at word ``end`` past a short tail of
        it (its time, a relative clause, the noun after ذات: وفق بلاغ للوزارة اليوم الخميس،
        حسب بلاغ للشركة نشرته الثلاثاء، حسب ذات البيان،), else ``end``."""
        words = s.words
        for m in range(end, min(len(words), end + 5)):
            n = words[m].norm
            if n in W.COMMA:
                return m
            verb = n in speech.VERB_FORMS and n not in speech.ENCLITIC_FORMS
            if not words[m].is_word or is_complementizer(n) or verb or (
                    n in speech.PARTICIPLE_FORMS):
                break
        return end

    def _pronoun_source(self, s: Sentence, k: int, end: int, nxt: int) -> Draft | None:
        """وفق تعبيره، حسب قوله، وفق المصدر ذاته: the speaker the last explicit one; the content
        the words before it, or the whole sentence when it is inserted after a short opening
        (ويتضمن البرنامج، حسب قوله، …), or what follows when it opens the sentence."""
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
        if self._inserted(s, k, end):
            content = self.whole(s)  # وتتمثل البضاعة، وفق المصدر نفسه، في …: the whole sentence
            return None if content is None else self._draft(
                s, s.span(k, end), None, content, False, "continuation")
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

    def _described(self, s: Sentence, k: int, nxt: int) -> Draft | None:
        """وصفه/وصفوها (وصفتها الوزارة) بـ …: what the object is described as, from the
        ب-word (after بأنّه) to a comma, a relative pronoun or a clause joined by و, said by the
        subject after the verb, else the subject of the sentence's opening verb or the speaker
        who goes on. اعتبره/اعتبروها likewise, with what the object is held to be right after
        the verb (ما اعتبروه تقصيرا في العناية، ما اعتبرته الهيئة خرقا)."""
        words = s.words
        plural = words[k].norm.endswith(("وه", "وها", "وهم"))
        j, speaker = k + 1, None
        if speech.VERB_FORMS[words[k].norm].lemma in speech.CONSIDERING:
            return self._considered(s, k, nxt, plural)
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
        return self._description(s, k, c, nxt, speaker, plural, W.RELATIVE_PRONOUNS)

    def _considered(self, s: Sentence, k: int, nxt: int, plural: bool) -> Draft | None:
        """اعتبره/اعتبرتها (اعتبرتها الهيئة) …: what the object is held to be, from the word
        after the verb (past its subject: a definite word or a name and its phrase, when an
        indefinite word follows) to a comma or a clause joined by و."""
        words = s.words
        j, speaker = k + 1, None
        if not plural and j < len(words) and (words[j].definite or j in s.entity_at):
            end = self.noun_phrase_end(s, j, max(self.speaker_end(s, j), j + 1))
            if j < end < min(len(words), j + 8) and (words[end].norm in QUOTES or words[
                    end].is_word and not words[end].definite and words[end].norm not in (
                    PREPOSITIONS)):
                speaker, j = s.span(j, end), end  # ما اعتبرته الهيئة خرقا، اعتبره البعض يمس
        if j < len(words) and words[j].norm == "ب":
            j += 1  # لما اعتبرته ب"حملة الضغوطات …"
        if j >= len(words) or not (words[j].is_word or words[j].norm in QUOTES) or (
                words[j].norm in PREPOSITIONS or is_complementizer(words[j].norm)
                or words[j].norm in W.TIME_ADJUNCTS):
            return None
        return self._description(s, k, j, nxt, speaker, plural, frozenset())

    def _description(self, s: Sentence, k: int, c: int, nxt: int, speaker: Span | None,
                     plural: bool, stops: frozenset[str]) -> Draft | None:
        """The draft of a description opening at word ``c`` (see :meth:`_described`): its
        content ends at a comma, a word of ``stops`` or a clause joined by و."""
        words = s.words
        content, _ = self.content(s, c, nxt)
        if content is None:
            return None
        stop = next((m for m in range(c + 1, len(words)) if words[m].start >= content.end or (
            not self._in_quote(s, c, m) and (words[m].norm in W.COMMA or words[m].norm in (
                stops) or words[m].norm[:1] == "و" and words[m].norm[1:] in (
                speech.VERB_FORMS)))), None)
        if stop is not None and words[stop].start < content.end:
            content = Span(content.start, words[stop - 1].end)  # … بأصحاب النفوذ، واتهمتها
        if speaker is None and (speaker := self._clause_subject(s, k)) is not None:
            i, end = s.word_index(speaker.start), s.word_index(speaker.end - 1) + 1
            cut = next((m for m in range(i + 1, end) if words[m].norm.startswith("ال") and not (
                nisba(words[m].norm) or m in s.entity_at) and (words[m - 1].definite or any(
                    e.end == words[m - 1].end for e in s.entities_in(i, m)))), end)
            speaker = s.span(i, cut)  # وهاجمت الوزيرة الحكومةَ ووصفتها: the object is not hers
            if plural and self._singular(speaker):
                speaker = None  # (وصفوها: "they", not الوزير)
        draft = self._draft(s, s.span(k, k + 1), speaker, content, False, "verb")
        if draft.continues is not None and disagree(speech.GENDER.get(words[k].norm),
                                                     self.drafts[draft.continues].gender):
            draft.continues, draft.kb_id, draft.gender = None, None, None  # (نائبة … ووصفتها)
        if plural and draft.speaker is None and (draft.continues is None or self._singular(
                self.drafts[draft.continues].speaker)):
            return None  # (وفق ما أكده مراسل … على خلفية ما اعتبروه: "they", not the reporter)
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


def _then_clause(s: Sentence, i: int) -> int:
    """Where what an opening source attributes starts when the rest of its phrase comes first
    (وبحسب تقرير نشر في مجلة "…"، فإن …؛ وبحسب ما ذكرت الشبكة اليوم الأحد، فقد عثر …): after
    فإنّ/فقد that follow a comma within ten words, with no complementizer before it; else
    ``i``."""
    words = s.words
    for m in range(i, min(len(words) - 1, i + 10)):
        n = words[m].norm
        if is_complementizer(n):
            break
        if n in W.COMMA and m > i:
            nb = words[m + 1].norm
            if nb == _THEN_DID:
                return m + 2
            return m + 1 if nb[:1] == "ف" and is_complementizer(nb[1:]) else i
    return i


#: فقد opening the clause an opening source attributes (…، فقد عثر).
_THEN_DID = normalize_text("فقد")


#: "frame" (في إطار …): after an inserted source it goes on with the sentence, no adjunct of
#: the speaking.
_FRAME = normalize_text("إطار")


#: ب-adverbs after وصفه (its description, the noun: وجاء وصفه بالتفصيل).
_NOT_DESCRIPTIONS = frozenset(normalize_text(w) for w in (
    "بالكامل", "بالتفصيل", "بالطريقة", "بدقة", "بدوره", "بدورها", "بدورهم", "بالضبط"))


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


#: what a relative source (وهو ما أكده الوزير) points back to.
_POINTERS = frozenset(normalize_text(w) for w in ("هو", "هي", "هذا", "هذه", "ذلك", "تلك"))


#: relative verbs after وفق ما/حسب ما that report nothing (وفق ما يقتضيه القانون، حسب ما سطرته)
_NOT_REPORTING = frozenset(normalize_text(w) for w in (
    "يقتضيه", "تقتضيه", "يقتضي", "تقتضي", "يلزمه", "تلزمه", "سطرته", "سطره", "هو", "هي"))


def _after_proclitics(text: str, w: Word, cut: int) -> int:
    """The raw offset of ``w`` after its first ``cut`` letters and the marks on them (بِشكاية،
    بـشكاية → شكاية)."""
    start = w.start
    while cut and start < w.end:
        cut -= text[start].isalpha() and text[start] != "\u0640"  # (not a mark or a tatweel)
        start += 1
    while start < w.end - 1 and (DIACRITIC_RE.match(text[start]) or text[start] == "\u0640"):
        start += 1
    return start


def nisba(norm: str) -> bool:
    """Has the normalized word a nisba adjective's ending (التونسي، التونسية، التونسيين)?"""
    return norm.endswith(("ي", "يه", "يين", "يون"))
