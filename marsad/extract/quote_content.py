"""Where what is said starts and ends: the content of an attribution.

:class:`Contents` finds the marker that opens a content after its cue and speaker — أنّ/إنّ
(with their pronouns, after an aside set off by commas), a colon, a quotation (four words or
more, or right after the cue), بالقول/قائلا, or a preposition the verb takes (دعا إلى، طالب
بـ) past adjuncts (:meth:`~Contents.complement`) — and where the content ends: inside its
quotation marks when direct, else at the next cue that starts a statement of its own (a
participle, a verb joined by و after a comma, لكن + a speaker + a cue), a pronoun source that
closes it (… وفق تعبيره), the writer's aside (يشار إلى أن) or the end of the sentence
(:meth:`~Contents.content`). It also tells cue words that are other words where they stand
(عبر "via", بين "between", ملوّحا بسكين "waving a knife").
"""

from __future__ import annotations

import re

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
from marsad.extract.speaker import SpeakerPhrases
from marsad.model import Span
from marsad.text.normalize import normalize_text

DIACRITIC_RE = re.compile("[\u064b-\u0652]")


class Contents(SpeakerPhrases):
    """Where contents open and end (mixed into :class:`marsad.extract.quotes.Reader`)."""

    _closers: frozenset[int]  # offsets of closing quotation marks

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
        past = self._past_inserted_source(s, nxt) if i <= nxt < i + limit else None
        if past is not None:
            end = far = past  # وبينت الأبحاث وفق بلاغ الوزارة، أن …: read past the source
        if has_speaker and i + 1 < len(words) and words[i].norm in W.COMMA and not (
                is_complementizer(words[i + 1].norm)):
            framed = self._framed_complement(s, i + 1, cue)  # وقال المسؤول، قبل ساعات …، إن
            if framed is not None:
                return framed
        loose = has_speaker or not cue.strict or (  # وتابع "…": a quotation right after it
            cue.lemma in _GOING_ON and i < len(words) and (words[i].norm == ":" or words[
                i].norm in QUOTES and words[i].start in self.pairs and self._long_quote(
                    words[i].start, cue)))
        object_next = "obj" in cue.takes and has_speaker and i < len(words) and words[
            i].is_word and words[i].norm not in PREPOSITIONS and i not in s.date_at
        aside = _asides(s, i, end)  # الوزير، الذي كان قد أكد أنّ …، إنّ: read past it
        if aside:
            end = min(len(words), end + len(aside))
            far = min(len(words), far + len(aside))
        first_comp = next((m for m in range(i, end) if m not in aside and (
                           is_complementizer(words[m].norm)
                           or m > i and words[m].norm in speech.VERB_FORMS
                           and relative_at(s, m) is None
                           and not self._via_word_at(s, m))), None)
        lead = i  # the first word past commas and bare times (أفادت، أمس بمقتل …)
        while lead < end and (words[lead].norm in W.COMMA or words[lead].norm in W.NP_BREAKS):
            lead += 1
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
            if n in QUOTES and words[m].start in self.pairs and self._long_quote(words[m].start, cue):
                quoted = m if quoted is None else quoted
            near = m == i or m == i + 1 and words[i].norm in W.COMMA or m == lead and (
                nb not in W.ADJUNCT_HEADS) or (
                n in cue.takes and (n in W.FAR_PREPS or cue.lemma == "نص")  # (ينص الفصل 12
                and nb not in W.ADJUNCT_HEADS) or (  # من مشروع القانون على …)
                words[i].norm in W.COMMA and words[m - 1].norm in W.COMMA and m - i <= 7)
            if is_complementizer(n) and (m == 0 or words[m - 1].norm not in W.TIME_CONJ) and not (
                    _in_code(words, m)):
                return m + 1, m
            if m == i and self._that_not(s, m):
                return m, m  # توقعت ألا يؤثر الخلاف: the content keeps its negation
            if n == ":" and loose:
                return m + 1, m
            if n in QUOTES and words[m].start in self.pairs and loose and (
                    near or self._long_quote(words[m].start, cue) and not self._titled(s, m) and (
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
                    n.startswith("ب")) and (len(n) > 3 or n == "بما") and not name_like_ba(
                    n) and not n.startswith("بال"):
                return m, m  # ندّد بالقرار، بما رافق الجلسة
            if "ب" in cue.takes and (near or past_adjunct) and n.startswith("بال"):
                return m, m
            if "ب" in cue.takes and near and n == "ب" and m + 1 < len(words) and (
                    words[m + 1].norm in QUOTES):
                return m, m  # وصفوها بـ"التعسفية": ب before a quotation
            if m > i and n in speech.VERB_FORMS and relative_at(s, m) is None and not (
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

    @staticmethod
    def _past_inserted_source(s: Sentence, m: int) -> int | None:
        """The end of a source phrase inserted at word ``m`` before the cue's أنّ (وفق بلاغ
        الوزارة، أن): the index after that أنّ, or ``None``."""
        words = s.words
        if m >= len(words) or words[m].norm not in speech.SOURCE_WORDS:
            return None
        close = next((x for x in range(m + 1, min(len(words), m + 8)) if not words[x].is_word),
                     None)
        if close is None or words[close].norm not in W.COMMA or close + 1 >= len(words):
            return None
        return close + 2 if is_complementizer(words[close + 1].norm) else None

    def _framed_complement(self, s: Sentence, a: int, cue: speech.Cue
                           ) -> tuple[int, int] | None:
        """(content start, marker) of an أنّ right after an aside set off by commas after the
        speaker, however long (أكد قايد السبسي، إجابة عن سؤال حول …، أنه …), when no cue
        verb or participle and no quotation lies inside the aside."""
        words = s.words
        for m in range(a, min(len(words) - 1, a + 30)):
            n = words[m].norm
            verb = n in speech.VERB_FORMS and not DIACRITIC_RE.sub("", self.doc.text[
                words[m].start:words[m].end]).endswith("ة") and not (  # (إجابةً)
                speech.VERB_FORMS[n].lemma in W.PREP_LIKE and strip_conj(n) == n) and (  # (بين)
                strip_conj(words[m - 1].norm) not in NOT_DONE)  # (طلب عدم كشف هويته)
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

    def _long_quote(self, start: int, cue: speech.Cue) -> bool:
        """A quotation of at least four words (not a quoted name: "وات"), or of two or three
        opened as a statement is ("سوف ننسحب") after a verb that takes no object (نفى الخبر
        … "أنا حي": the object is what is denied)."""
        close = self.pairs.get(start, start)
        quoted = self.doc.text[start + 1:close].split()
        return len(quoted) >= 4 or len(quoted) >= 2 and "obj" not in cue.takes and (
            normalize_text(quoted[0]) in W.SPOKEN_OPENERS)

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
        if n in speech.PARTICIPLE_FORMS and not predicate(s, m) and (
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

    def _goes_on(self, s: Sentence, c: int, m: int) -> bool:
        """Does و + the verb at ``m`` start a new statement inside the content that opens at
        ``c``: a verb of going on (وأضاف، وأكد، وأوضح …) with أنّ right after it, after على or
        قائلا, after an adjunct of a few words (واوضح في تصريحات امس ان), or after a subject of
        its own (وأضاف وزير الصحة أن); not one whose subject is the content's own, a noun that
        speaks and agrees with it (إن الدراسة شملت 500 شخص وأظهرت أن …)?"""
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
        if j < len(words) and words[j].norm in PREPOSITIONS:  # واوضح في تصريحات امس ان …
            for x in range(j + 1, min(len(words), j + _ADJUNCT_WORDS)):
                if is_complementizer(words[x].norm):  # (not إن رئيس الجمهورية استقبل … وأكد
                    return not self._own_subject_goes_on(s, c, n, titled=True)  # خلال اللقاء أن)
                if not words[x].is_word or words[x].norm in speech.VERB_FORMS:
                    break
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
        return self.speaker_like(s, c, c + 1, relative=False) and not disagree(
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
        elif m + 1 < len(s.words) and f"{n} {s.words[m + 1].norm}" in W.NORM_SOURCE_PHRASES:
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
                or f"{n} {nb}" in W.NORM_SOURCE_PHRASES and nb2 in speech.PRONOUN_SOURCES)

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


#: words before which a cue's letters are its verbal noun (طلب عدم كشف هويته، دون ذكر اسمه).
NOT_DONE = frozenset(normalize_text(w) for w in ("عدم", "بعدم", "دون", "بدون", "بغير"))
#: verbs whose و-form goes on with a new statement of the same speaker (وأضاف أن …).
_GOES_ON = frozenset({"أضاف", "تابع", "أوضح", "أكد", "أشار", "بين", "قال", "اعتبر", "لاحظ",
                      "شدد", "أفاد", "ذكر", "أبرز", "كشف", "أعلن", "نفى", "حذر", "استطرد",
                      "أردف"})
#: verbs that only "go on" (تابع is also "followed"): a colon or a long quotation right after
#: one with no subject is what it says (وتابع " ما زلنا …").
_GOING_ON = frozenset({"تابع", "استطرد", "أردف"})


#: how many words an adjunct between a verb of going on and its أنّ may have (وأوضح في
#: تصريحات إعلامية أمس أن).
_ADJUNCT_WORDS = 8
#: promises (ووعد بـ، وتعهد بـ): a statement of their own inside a content.
_PLEDGES = frozenset({"وعد", "تعهد"})


#: verbs whose predicate a participle can be (كانت معلقة "hanging", لا تزال مطالبة "owed").
_COPULAS = frozenset(normalize_text(w) for w in (
    "كان", "كانت", "كانوا", "يكون", "تكون", "يكونون", "يكن", "تكن", "سيكون", "ستكون", "ليكون",
    "لتكون", "ليس", "ليست", "تزال", "يزال", "زال", "زالت", "مازال", "مازالت", "ظل", "ظلت",
    "يظل", "تظل", "يبقى", "تبقى", "صار", "صارت", "أصبح", "أصبحت", "بات", "باتت", "أضحى",
    "أضحت"))


def predicate(s: Sentence, k: int) -> bool:
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


#: words between a relative pronoun and its verb: الذي أكد، الذي كان قد أكد، التي كانت قالت،
#: الذي قد أعلن (normalized).
_RELATIVE_AUX = tuple(tuple(normalize_text(w) for w in aux) for aux in (
    (), ("كان",), ("كانت",), ("قد",), ("كان", "قد"), ("كانت", "قد")))


def relative_at(s: Sentence, k: int) -> int | None:
    """The index of the relative pronoun whose verb is at ``k`` (الذي أكد، الذي كان قد أكد)."""
    words = s.words
    for aux in _RELATIVE_AUX:
        r = k - len(aux) - 1
        if r >= 0 and words[r].norm in W.RELATIVE_PRONOUNS and all(
                words[r + 1 + i].norm == a for i, a in enumerate(aux)):
            return r
    return None


def aside_close(s: Sentence, r: int) -> int | None:
    """The comma closing the relative clause opening at ``r`` (its first comma) when a
    complementizer follows it (وقال الوزير، الذي كان يتحدث في مؤتمر صحفي، إنّ …): the clause
    is an aside about the speaker, and what follows the comma is the content of the verb
    before it."""
    words = s.words
    if r == 0 or not (words[r - 1].is_word or words[r - 1].norm in W.COMMA):
        return None
    close = next((j for j in range(r + 2, len(words) - 1) if words[j].norm in W.COMMA), None)
    return close if close is not None and is_complementizer(words[close + 1].norm) else None


def _asides(s: Sentence, i: int, j: int) -> set[int]:
    """The words of the asides (:func:`aside_close`) that open in ``[i, j)``, their closing
    commas included."""
    inside: set[int] = set()
    for r in range(i, min(j, len(s.words))):
        if r not in inside and s.words[r].norm in W.RELATIVE_PRONOUNS:
            close = aside_close(s, r)
            if close is not None:
                inside.update(range(r, close + 1))
    return inside


def impersonal_at(s: Sentence, h: int) -> bool:
    """Is the cue word at ``h`` the he-form present of اعتقد with أنّ right after it (رجل يعتقد
    أنه قتل، ويعتقد أن …: "it is believed")? Nobody speaks, and no content ends there."""
    w = s.words[h]
    verb = speech.VERB_FORMS.get(w.norm)
    return verb is not None and verb.lemma == "اعتقد" and strip_conj(w.norm)[:1] == "ي" and (
        speech.GENDER.get(w.norm) == "m") and h + 1 < len(s.words) and is_complementizer(
        s.words[h + 1].norm)


def disagree(a: str | None, b: str | None) -> bool:
    """Do two genders (``m``, ``f``; ``p`` and ``None`` agree with any) clash?"""
    return a in ("m", "f") and b in ("m", "f") and a != b


#: a link before a closing source (…، وذلك وفقا لمصادر موثوقة): not part of the content.
_FILLERS = frozenset(normalize_text(w) for w in ("وذلك", "ذلك", "و ذلك"))


#: وهو يصرخ قائلا: "while he", someone else who says it.
_HE_WHILE = frozenset(normalize_text(w) for w in ("هو", "هي", "هم", "هما"))
#: what one waves (لوّح بسكين، بالأعلام، بيده) rather than threatens (لوّح بالإضراب).
_WAVED = frozenset(normalize_text(w) for w in (
    "سكين", "سكينا", "سلاح", "سلاحا", "مسدس", "بندقية", "ساطور", "علم", "أعلام", "اعلام", "راية",
    "رايات", "يد", "يده", "يدها", "يديه", "أيديهم", "ايديهم", "شارة", "لافتة", "لافتات",
    "منديل"))


def name_like_ba(norm: str) -> bool:
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
