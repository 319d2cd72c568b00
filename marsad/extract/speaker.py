"""Reading a speaker's noun phrase: where it starts and ends, what it includes.

The noun phrase that names a speaker in Arabic news runs from a title through bodies and
places to a name, with appositions between commas (المدير التنفيذي لحزب نداء تونس حافظ قائد
السبسي؛ الكاتب العام للجامعة، الحبيب الحزامي،؛ النائب بمجلس الشعب، عن حزب صوت الفلاحين،
فيصل التبيني). :class:`SpeakerPhrases` reads it word by word in a :class:`Sentence`:

* :meth:`~SpeakerPhrases.speaker_end` after a cue: titles, genitives and nisba adjectives,
  bodies (النائب بمجلس الشعب), places (النائب عن ولاية بنزرت، بمنطقة بيلما), quoted names
  after a title (موقع "سكاي نيوز"), the issuer of a statement (بلاغ صدر اليوم عن الوزارة),
  the anonymity tail (رفض الكشف عن اسمه), and appositions (:meth:`~SpeakerPhrases._apposition`);
  it stops at a complementizer, an adjunct (في تصريح، خلال، اليوم، a date), a medium
  (لوكالة …، للجوهرة) or an object (قرارَه، ضرورةَ);
* :meth:`~SpeakerPhrases.noun_phrase_end` splits a speaker from an object that follows it
  without a marker, by definiteness (الباحثان أهميةَ …) and gender (الوزارة القرارَ);
* :meth:`~SpeakerPhrases.fronted_speaker` and :meth:`~SpeakerPhrases.antecedent_noun` read a
  speaker before its verb (الوزيرة قالت، وزير الخارجية الإيطالي الذي قال);
* names said once as a speaker's are remembered (:meth:`~SpeakerPhrases._learn_names`), so a
  later "واعتبر عمروسية تعيينَ …" or "وفق الصغير" names the same person.
"""

from __future__ import annotations

from marsad.extract import actors, speech
from marsad.extract import quote_words as W
from marsad.extract.clause import (
    PREPOSITIONS,
    QUOTES,
    Sentence,
    bare,
    in_table,
    is_complementizer,
    stems,
    strip_conj,
)
from marsad.model import Doc, Span
from marsad.text.normalize import normalize_text

#: broken plurals whose adjective makes them feminine (مصادر مطلعة، أوساط سياسية).
_PLURAL_HEADS = frozenset(normalize_text(w) for w in (
    "مصادر", "أوساط", "دوائر", "مصالح", "عناصر", "أطراف", "قوى", "مراكز", "هيئات", "منظمات",
    "جمعيات", "أحزاب", "نقابات", "شركات", "وسائل", "تقارير", "معلومات", "مواقع", "صحف",
    "خبراء", "مسؤولون", "مسؤولين", "شهود", "سكان", "أهالي", "مواطنون", "نشطاء", "مختصون",
))
#: particles that open a verbal clause (قد + a verb): no part of a speaker's noun phrase.
_CLAUSE_OPENERS = frozenset(normalize_text(w) for w in (
    "قد", "فقد", "وقد", "لقد", "ولقد", "تم", "وتم"))
#: media a title directs (المدير العام لإذاعة شمس; not المتحدث للصحفيين: whom he told)
_DIRECTED_MEDIA = frozenset(normalize_text(w) for w in (
    "إذاعة", "اذاعة", "قناة", "وكالة", "صحيفة", "جريدة", "موقع", "مجلة", "تلفزيون", "تلفزة",
    "راديو", "برنامج", "مؤسسة"))
#: words of a title that may follow its head (الرئيس المدير العام)
_TITLE_TAIL = frozenset(normalize_text(w) for w in ("العام", "الأول", "المدير", "الرئيس"))
#: ألا ("that … not"), as the text spells it (not إلا "except")
_THAT_NOT = frozenset(("ألا", "وألا", "بألا"))
#: times that point back ("during it", "then"): no subject after them
_PRONOUN_TIMES = frozenset(normalize_text(w) for w in ("خلاله", "خلالها", "حينها", "آنذاك"))
#: "the same" after a speaker's noun (المصدر نفسه، المصادر ذاتها) is part of it.
_SELF_MARKS = frozenset(m for m in speech.SAME_SOURCE_MARKS if m.endswith(("ه", "ها"))
                        and not m.startswith("ال"))


_TO_ABOUT = frozenset(normalize_text(w) for w in ("إلى", "الى", "عن"))


class SpeakerPhrases:
    """Speaker noun phrases of one Doc (mixed into the attribution reader)."""

    doc: Doc
    pairs: dict[int, int]  # quotation marks: opening offset -> closing offset
    names: set[str]  # words of the people named as speakers so far
    full_names: set[tuple[str, ...]]  # … and their names, word by word

    def speaker_end(self, s: Sentence, j: int, appose: bool = True) -> int:
        """The end (word index) of the speaker noun phrase that starts at ``j``."""
        words = s.words
        quoted = self.quoted_subject(s, j)
        if quoted > j:
            return quoted  # وذكرت "شينخوا" أن، وأشارت "دي فيلت" إلى
        known = self._known_name(s, j)
        if known > j and (known == len(words) or words[known].norm not in W.NAME_LINKS):
            return self._apposition(s, j, known) if appose else known  # واعتبر عمروسية تعيينَ …
        i = j
        while i < len(words) and i - j < W.MAX_SPEAKER:
            ent = s.entity_at.get(i)
            if ent is not None and i > j and ent.start > words[i].start and self._medium(s, i):
                break  # مصدر من الرئاسة لوكالة تونس إفريقيا للأنباء: told to a medium
            if ent is not None and i > j or (ent is not None and ent.type in ("PERS", "ORG")):
                i = s.word_index(ent.end - 1) + 1
                continue
            w = words[i]
            n = w.norm
            if not w.is_word:
                if n == "(" and i > j and (close := _named_aside(s, i)) is not None:
                    i = close + 1  # وكالة الأنباء الإيرانية (إرنا)، موقع قناة (SWR) الألمانية
                    ent = s.entity_at.get(i)
                    if i < len(words) and (ent is not None and ent.type == "PERS" or words[
                            i].norm.startswith("ال") and words[i].norm.endswith(("ي", "يه"))):
                        continue  # (البنتاغون) آدم ستامب، (SWR) الألمانية
                    break  # (اليونيسيف) للسيطرة، (أمنستي) السلطاتِ: the phrase ends there
                if n in QUOTES and i > j and not self._person_at(s, i - 1):
                    close = self.pairs.get(w.start)
                    if close is not None and close < s.end and len(
                            self.doc.text[w.start:close].split()) <= 3:
                        # a quoted name (والي "جناق قلعة")
                        i = s.word_index(close) + 1
                        continue
                if n[:1].isdigit() and i > j and bare(words[i - 1].norm) in W.LEGAL_UNITS:
                    i += 1  # البند 131 من الدستور، الفصل 49
                    if i + 1 < len(words) and words[i].norm == "من" and words[i + 1].definite:
                        i += 1
                    continue
                break
            if self._stop(s, i, n, i == j):
                break
            i += 1
        if j < i < len(words) and words[i].norm in _SELF_MARKS:
            i += 1  # المصدر نفسه، المصادر ذاتها
        if i > j + 1 and words[i - 1].norm in W.ISSUED:
            i = self._issuer(s, i)  # بلاغ صدر اليوم الاثنين 23 جانفي عن وزارة النقل
            if words[i - 1].norm in W.ISSUED:
                i -= 1  # بلاغ توضيحي صادر الجمعة: no issuer named
        if appose and i < len(words) and words[i].norm in PREPOSITIONS and not (
                i + 1 < len(words) and in_table(words[i + 1].norm, W.OCCASIONS)):
            c = self._to_comma(s, i + 1, i + 5)  # ممثل الوزارة في هذه التظاهرة، عبد الحميد …،
            if c > i + 1 and words[c].norm in W.COMMA and self._apposition(s, j, c) > c:
                i = c
        end = self._anonymous_tail(s, j, i)
        return self._apposition(s, j, end) if appose else end

    def quoted_subject(self, s: Sentence, j: int, takes: frozenset[str] = frozenset()) -> int:
        """The word after a short quoted name at ``j`` that a complement follows, or a
        preposition in ``takes`` (the cue's: إلى for أشار, عن for نقل) (a medium's name as the
        subject: أكدت "رويترز" أن، أشارت "دي فيلت" إلى), or ``j``."""
        words = s.words
        if j >= len(words) or words[j].norm not in QUOTES:
            return j
        close = self.pairs.get(words[j].start)
        if close is None or close >= s.end or len(self.doc.text[words[j].start:close].split()) > 3:
            return j
        after = s.word_index(close) + 1
        if after < len(words) and (is_complementizer(words[after].norm)
                                   or words[after].norm in _TO_ABOUT & takes):
            return after  # (not وأضاف "سنبقى هنا" إلى أن …: أضاف takes no إلى)
        return j

    def _issuer(self, s: Sentence, i: int) -> int:
        """Past times and dates after "صدر" to the issuer after عن (or ``i``)."""
        words = s.words
        m = self.past_times(s, i)
        if m + 1 < len(words) and words[m].norm == "عن":
            return self.speaker_end(s, m + 1, appose=False)
        return i

    @staticmethod
    def past_times(s: Sentence, m: int) -> int:
        """The word after the times, weekdays and dates that open at word ``m`` (اليوم
        الثلاثاء، أمس 12 جانفي), or ``m``."""
        words = s.words
        while m < len(words):
            if m in s.date_at:
                m = s.word_index(s.date_at[m].end - 1) + 1
            elif words[m].norm in W.TIMES or words[m].norm in W.WEEKDAYS:
                m += 1
            else:
                break
        return m

    def _that_not(self, s: Sentence, i: int) -> bool:
        """ألا (أنْ لا, "that … not"; not إلا "except"), as the text spells it."""
        w = s.words[i]
        return self.doc.text[w.start:w.end] in _THAT_NOT

    def subject_start(self, s: Sentence, k: int) -> int:
        """Where the subject of the verb at word ``k`` starts: right after it, or after a
        time between them when a speaker's noun, an entity or a known name follows the time
        (كشف اليوم الثلاثاء محمد …، أفاد أمس وزير الصحة) and none came before the verb."""
        words = s.words
        m = self.past_times(s, k + 1)
        if m == k + 1 or m >= len(words) or k > 0 and (
                s.entity_covering(k - 1) is not None or words[k - 1].norm in self.names
                or self._speaker_head(words[k - 1].norm)):
            return k + 1  # وكان ترامب وصف الأحد كيم بأنه …: the subject came first
        if m in s.entity_at or self._speaker_head(words[m].norm) or self._known_name(s, m) > m:
            return m
        if words[k + 1].norm in _PRONOUN_TIMES:
            return m  # أعلنت خلالها عن برنامج …: no subject after "during it"
        return k + 1

    def _person_at(self, s: Sentence, i: int) -> bool:
        """Is word ``i`` (part of) a person's name? A quotation after it is what the person
        said (اعتبرها المسعودي "سياسية"), not a quoted name (والي "جناق قلعة")."""
        ent = s.entity_covering(i)
        return s.words[i].norm in self.names or ent is not None and ent.type == "PERS"

    def _apposition(self, s: Sentence, j: int, i: int) -> int:
        """Names, titles and affiliations after the speaker and a comma (الكاتب العام للجامعة،
        الحبيب الحزامي، إنّ; محمد المنصوري، الرئيس المدير العام للقطب، إنّ; النائب بمجلس الشعب،
        عن حزب صوت الفلاحين، فيصل التبيني في …): each closed by a comma or أنّ, or — a name —
        by an adjunct (في تعليقه، خلال، اليوم, a date), a medium or the end of the sentence."""
        words = s.words
        end = i
        person = False  # the unit before was a person's name
        for _ in range(3):
            if end == j or end >= len(words) or words[end].norm not in W.COMMA:
                break
            unit = self._apposed(s, end + 1)
            if unit is None:
                break
            k, name = unit
            ent = s.entity_at.get(end + 1)
            if name and person and ent is None and not self._speaker_head(words[end + 1].norm):
                break  # a second bare "name" after a name: the object (…، أسامة الخريجي، حدوثَ …)
            if k < len(words) and (words[k].norm in W.COMMA or is_complementizer(words[k].norm)):
                end = k
                person = ent is not None and ent.type == "PERS"
                continue
            if name and (self._closes_name(s, k) or self._object_head(s, k)):
                end = k  # (… بوزارة الخارجية، شفيق حجي وجودَ قائمة: the object)
            break
        return end

    def _apposed(self, s: Sentence, a: int) -> tuple[int, bool] | None:
        """(end, is a name or title) of an apposed unit that starts at word ``a``."""
        words = s.words
        if a >= len(words) or not words[a].is_word:
            return None
        ent = s.entity_at.get(a)
        if ent is not None and ent.type == "PERS":
            k = s.word_index(ent.end - 1) + 1
            m = self._name_words_end(s, k, a + 5)
            if k < m < len(words) and (words[m].norm in W.COMMA or is_complementizer(
                    words[m].norm)):
                k = m  # أسامة | الخريجي،: the rest of a name the tagger cut short
            return k, True
        n = words[a].norm
        if n in W.AFFILIATIONS or n in ("عن", "من") and a + 1 < len(words) and (
                in_table(words[a + 1].norm, W.BODIES) or a + 1 in s.entity_at):
            k = a + 1  # عن حزب صوت الفلاحين، التابعة للاتحاد العام التونسي للشغل
            while k < len(words) and k - a <= 8 and words[k].is_word and not is_complementizer(
                    words[k].norm):
                k += 1
            return k, False
        if self._speaker_head(n) and (words[a].definite or self._construct(s, a)):
            # (an indefinite title heads a construct: وزير الشؤون المغاربية، ورئيس قسم …)
            k = self.speaker_end(s, a, appose=False)  # الرئيس المدير العام للقطب
            if k < len(words) and words[k].norm not in W.COMMA and not is_complementizer(
                    words[k].norm):
                c = self._to_comma(s, k, a + 10)
                # a longer title (مدير فرع الثروة السمكية في وزارة البيئة والمياه والزراعة
                # بمحافظة جدة،), but not past a time: … محمود الهباش اليوم الأحد،
                k = c if c > k else self._to_comma(s, k, a + 16, no_times=True)
            return k, True
        k = self._name_words_end(s, a, a + 4)
        if k == a:
            return None
        return k, self._name_like(s, a, k)

    def _name_words_end(self, s: Sentence, i: int, limit: int) -> int:
        """Where the words that may belong to a name, from word ``i`` and before ``limit``, end
        (at a mark, a stop word or a word no name has)."""
        words = s.words
        while i < min(len(words), limit) and words[i].is_word and not (
                self._name_stop(s, i) or words[i].norm in W.STOP_NAMES):
            i += 1
        return i

    def _construct(self, s: Sentence, a: int) -> bool:
        """Is the title at ``a`` the head of a construct whose last noun is definite or an
        entity (عضو المكتب; عضو نقابة الشركة; مساعد رئيس بلدية باريس)?"""
        words = s.words
        for m in range(a + 1, min(a + 5, len(words))):
            w = words[m]
            if w.definite or m in s.entity_at:
                return True
            if w.norm in W.TITLE_ADJECTIVES or w.norm[:1] == "ل" and self._speaker_head(
                    w.norm[1:]):
                continue  # أمين عام حزب …; مساعد أول لوكيل الجمهورية
            if not w.is_word or w.norm in PREPOSITIONS or w.norm in speech.VERB_FORMS or (
                    not self._speaker_head(w.norm) and not in_table(w.norm, W.BODIES)):
                return False
        return False

    def _to_comma(self, s: Sentence, k: int, limit: int, no_times: bool = False) -> int:
        """The next comma or أنّ before ``limit`` if only plain words (``no_times``: and no
        time or date) lead to it, else ``k``."""
        words = s.words
        for m in range(k, min(limit, len(words))):
            n = words[m].norm
            if n in W.COMMA or is_complementizer(n):
                return m
            if not words[m].is_word or n in speech.VERB_FORMS or n in speech.PARTICIPLE_FORMS or (
                    no_times and (n in W.TIMES or n in W.WEEKDAYS or m in s.date_at)):
                break
        return k

    def _name_stop(self, s: Sentence, k: int) -> bool:
        """A word that cannot be part of a name (ب-words can: بربيرو، بن)."""
        n = s.words[k].norm
        if is_complementizer(n):
            return True
        if n.startswith("ب") and not n.startswith("بال") and n not in W.BA_ADJUNCTS and len(n) > 3:
            return False
        return self._stop(s, k, n, False)

    def _name_like(self, s: Sentence, i: int, j: int) -> bool:
        """Do words ``[i, j)`` look like a person's name (a PERS entity, or two to four words
        that are no title, with no article before the last: حمادي التيساوي، وليد جلاد)?"""
        if any(e.type == "PERS" for e in s.entities_in(i, j)):
            return True
        words = s.words[i:j]
        if not 2 <= len(words) <= 4 or any(w.definite and w.norm not in W.NAME_PARTS
                                            for w in words[:-1]):
            return False
        return not any(self._speaker_head(w.norm) or w.norm in W.STOP_NAMES
                       or w.norm in W.NOT_NAMES or is_complementizer(w.norm)
                       or w.norm in speech.VERB_FORMS or w.norm in PREPOSITIONS
                       or not w.definite and len(w.norm) > 3 and self.doc.text[
                           w.start:w.end].endswith(W.POSSESSED) and w.norm not in W.NAME_PARTS
                       for w in words)

    def _closes_name(self, s: Sentence, k: int) -> bool:
        """Does word ``k`` end a name apposed to a speaker: the end of the sentence, a colon or
        quotation, an adjunct (في تصريح، خلال، اليوم, a date), a medium, ضيف?"""
        words = s.words
        if k >= len(words):
            return True
        n = words[k].norm
        if not words[k].is_word:
            return n in (":", ".", *QUOTES) or n in W.STOPS
        if k in s.date_at or n in W.GUEST or n in ("خلال", "اليوم", "امس", "ل", "لدي"):
            return True
        person = s.entity_covering(k - 1)
        if person is not None and person.type == "PERS" and words[k].definite and (
                k not in s.entity_at) and not (
                self.doc.text[words[k].start:words[k].end].endswith(("ي", "ية"))):
            return True  # النائب، عبد العزيز القطي الزيارةَ …: the object after the name
        nb = words[k + 1].norm if k + 1 < len(words) else ""
        if n in ("في", "على") and (in_table(nb, W.OCCASIONS) or nb in W.ADJUNCT_HEADS):
            return True
        if n in W.PREP_COMP or n in ("ما", "مما"):
            return True  # دعا رئيس الكتلة، نور الدين البحيري إلى …، … ما تم تداوله
        return n.startswith("ل") and self._stop(s, k, n, False)

    def noun_phrase_end(self, s: Sentence, j: int, end: int) -> int:
        """Where a noun phrase starting at ``j`` ends by definiteness: a bare indefinite word
        right after a definite one (an entity, a name) opens a new phrase (الباحثان أهميةَ
        الاجتماع); a preposition's object and its chain do not (باسم تنسيقية اعتصام)."""
        words = s.words
        i = j
        after_definite = False  # the word before is definite, an entity or a name
        while i < end:
            ent = s.entity_at.get(i)
            n = words[i].norm
            if ent is not None:
                i, after_definite = s.word_index(ent.end - 1) + 1, True
            elif n in W.COMMA:
                return end  # an apposition (، الحبيب الحزامي،) was read on purpose
            elif n in W.NAME_LINKS:
                i, after_definite = i + 2, True  # الطاهر بن حسين
            elif n in PREPOSITIONS and n not in W.NP_BREAKS:
                obj = i + 1  # الخبير في الشؤون، النائب عن حزب، مراسل … في القصرين
                ent = s.entity_at.get(obj)
                i = s.word_index(ent.end - 1) + 1 if ent is not None else obj + 1
                after_definite = ent is not None or obj < end and words[obj].definite
            elif not words[i].is_word:
                i += 1  # quotation marks: مراسل "الجوهرة أف أم"
            elif after_definite and n in _SELF_MARKS:
                i += 1  # المصدر نفسه
            elif after_definite and not words[i].definite and words[i].is_word and not (
                    n[:1] in "بل" and len(n) > 3 and not n.startswith(W.NAME_PREFIXES)):
                return i  # (not بمجلس، لموظفي: a preposition's object)
            elif i == j + 1 and words[j].definite and words[i].definite and self._disagrees(
                    s, j, i):
                return i  # وبررت الوزارة القرارَ: no adjective of the feminine noun
            else:
                after_definite = words[i].definite
                i += 1
        return end

    def _disagrees(self, s: Sentence, j: int, i: int) -> bool:
        """Is word ``i`` no adjective of the feminine or plural noun ``j`` (الوزارة القرارَ،
        المحتجون الطريقَ)?"""
        text = self.doc.text
        head, word = text[s.words[j].start:s.words[j].end], text[s.words[i].start:s.words[i].end]
        if i in s.entity_at:
            return False
        if head.endswith("ون") and len(head) > 5:  # المحتجون الطريقَ (not الأمين العام)
            return not word.endswith(("ون", "ين"))
        if not head.endswith(("ة", "ين", "ات", "ان")) and len(word) > 5 and word.startswith(
                "ال") and word.endswith(("ين", "ون", "ات")):
            return True  # الوزير المحتجين: no adjective of a singular man is plural
        if not head.endswith("ة"):
            return False
        return not word.endswith(("ة", "ات", "ى", "ا", "اء", "ي"))

    def _stop(self, s: Sentence, i: int, n: str, first: bool) -> bool:
        if not first and s.words[i - 1].norm in W.NAME_LINKS and s.words[i].is_word:
            return False  # خميس بن علي (not the preposition على)
        prev = s.words[i - 1] if i > 0 else None
        if not first and (n in W.TIME_ADJUNCTS or n[:1] == "ل" and s.words[i].is_word and not (
                n.startswith(W.NAME_PREFIXES)) and self._person_at(s, i - 1)):
            return True  # الرئيس … غداة تنصيبه; دونالد ترامب لموظفي الوكالة: whom he told
        if not first and n in W.ACTING:
            return False  # مدير السجن بالنيابة
        if n in PREPOSITIONS and self.doc.text[s.words[i].end - 1] == "ة":
            return False  # الدكتور علية الصمودي (not عليه: ة is normalized to ه)
        if not first and n == "لدي" and prev is not None and self._speaker_head(prev.norm):
            return False  # المستشار لدى رئيس الحكومة، السفير لدى الأمم المتحدة
        if not first and prev is not None and (
                strip_conj(prev.norm) in W.IN_CHARGE and n[:1] == "ب"
                or n == "من" and prev.norm in actors.QUANTIFIERS):
            return False  # كاتب الدولة المكلف بالرياضة، عدد من اللاجئين
        if not first and n in W.WEEKDAYS or n in _CLAUSE_OPENERS or n == "و" and (
                i + 1 < len(s.words) and s.words[i + 1].norm in _CLAUSE_OPENERS):
            return True  # أعلن علماء الإثنين; … مراد التركي فقد تمّ; … لكرة القدم و تم
        if not first and prev is not None and bare(prev.norm) in W.PLACE_BARE and not (
                strip_conj(prev.norm).startswith("ال")) and s.words[i].is_word and not (
                n in PREPOSITIONS or is_complementizer(n) or n in speech.VERB_FORMS):
            return False  # بمنطقة بيلما، ولاية سوسة: the place's name
        if n in W.SPEAKER_PREPS and i > 0 and s.words[i - 1].norm in W.SPEAKER_PREPS[n]:
            return False  # بلاغ صادر عن الوزارة، ناطق باسم
        if not first and self._locative_modifier(s, i):
            return False  # سلطة الطاقة في قطاع غزة، مراسلة الجوهرة بالجهة
        if n in speech.PRONOUN_SOURCES:
            return True  # وأضاف قوله
        if is_complementizer(n) or n in PREPOSITIONS or i in s.date_at or n[:1] == "ف" and (
                is_complementizer(n[1:])) or self._that_not(s, i):
            return True
        if n in speech.VERB_FORMS or n in speech.PARTICIPLE_FORMS or n in speech.SOURCE_WORDS:
            return not first or n in speech.PARTICIPLE_FORMS
        if not first and n in W.BA_TITLE_NOUNS and prev is not None and self._speaker_head(
                prev.norm):
            return False  # رئيس بعثة صندوق النقد الدولي
        if n.startswith("ب") and not first and self._member_of(s, i):
            return False  # النائب بمجلس الشعب، مصدر طبي بقسم الاستعجالي
        if n.startswith("بال") and n not in W.NAME_PARTS or n.startswith("وب") and len(n) > 4:
            return True
        if n.startswith("ب") and not n.startswith(W.NAME_PREFIXES) and not first and (
                n not in W.SPEAKER_WORDS and n not in W.NAME_PARTS):
            return True
        if first and n in W.BA_ADJUNCTS:
            return True  # أعلن بشكل رسمي، بدوره: an adjunct, not a speaker
        if first and i not in s.entity_at and n[:1] == "م" and n[-1:] == "ا" and len(n) >= 5 and (
                n not in W.NAME_PARTS and not n.endswith(("نا", "تا"))
                and not self._speaker_head(n[:-1])):  # (ممثلا الاتحاد: a dual in construct)
            return True  # وأضاف مخاطبا زوكربيرغ: a state (not مراسلنا، مجلتا: a speaker)
        if n in ("له", "لها", "لهم", "لنا", "لي", "لك") or n in speech.SAYING:
            return True
        if not first and i not in s.entity_at and s.words[i - 1].definite and self._object_head(
                s, i):
            return True  # وبرر مجلس الهيئة قرارَه: the object
        if not first and prev is not None and n in W.DEMONSTRATIVES and (
                prev.definite or i - 1 in s.entity_at):
            return True  # وعلل الوزير ذلك بـ: the object (not أحد مستعملي هذا الطريق)
        if not first and n in W.GUEST:
            return True  # زياد الهاني ضيف برنامج بوليتيكا: an apposition
        return not first and self._medium(s, i) and not (
            bare(n) in _DIRECTED_MEDIA and self._bare_title(s, i))

    def _bare_title(self, s: Sentence, i: int) -> bool:
        """Is the phrase before word ``i`` a definite title and nothing else (المدير العام
        لإذاعة شمس: the radio is what he directs, not whom he told; not مصدر لمراسلة …)?"""
        words = s.words
        j = i - 1
        while j > 0 and (words[j].norm in W.TITLE_ADJECTIVES or words[j].norm in _TITLE_TAIL
                         and self._speaker_head(words[j - 1].norm)):
            j -= 1  # (الرئيس المدير العام)
        return words[j].definite and self._speaker_head(words[j].norm) and (
            j == 0 or not words[j - 1].is_word or words[j - 1].norm in speech.VERB_FORMS)

    @staticmethod
    def _medium(s: Sentence, i: int) -> bool:
        """لـ + a medium (لوكالة، للجوهرة، لنا): whom the speaker told."""
        n = s.words[i].norm
        return n.startswith("ل") and (in_table(n[1:], speech.MEDIA_HEADS) or n.startswith(
            "لل") and (in_table(n[2:], speech.MEDIA_HEADS) or "ال" + n[2:] in speech.MEDIA_HEADS))

    def _member_of(self, s: Sentence, i: int) -> bool:
        """بـ + a body after a person's title: where the person works (النائب بمجلس الشعب)."""
        words = s.words
        body = words[i].norm[1:]
        if not (in_table(body, W.BODIES) or in_table(body, speech.SPEAKER_HEADS)
                and not body.startswith("ال")):
            return False
        return any(self._speaker_head(w.norm) for w in words[max(0, i - 3):i])

    def _locative_modifier(self, s: Sentence, i: int) -> bool:
        """في/عن/من/بـ + a place: part of the speaker (النائب عن ولاية بنزرت)."""
        words = s.words
        n = words[i].norm
        if n in W.LOCATIVE_PREPS and i + 2 < len(words) and words[i + 2].norm in W.NOT_NAMES:
            return False  # من جهة أخرى: "on the other hand"
        if n in W.LOCATIVE_PREPS and i + 1 < len(words):
            nxt = i + 1
            if words[nxt].norm in W.PLACE_NOUNS:
                nxt += 1
            ent = s.entity_at.get(nxt)
            if ent is not None and ent.type in ("LOC", "ORG") or words[i + 1].norm in W.PLACE_NOUNS:
                return True
            if in_table(words[i + 1].norm, W.BODIES) and any(
                    self._speaker_head(w.norm) for w in words[max(0, i - 5):i]):
                return True  # مصدر طبي بقسم الاستعجالي في المستشفى الجهوي
            prev = words[i - 1].norm if i > 0 else ""
            return any(n in W.DOMAIN_PREPS.get(f, ()) for f in stems(prev))  # الخبير في الشؤون، النائب عن حزب
        ent = s.entity_at.get(i)
        if n[:1] == "ب" and ent is not None and ent.type == "LOC" and ent.start > words[i].start:
            return True  # بسوسة
        if n[:1] == "ب" and n[1:] in W.PLACE_NOUNS:
            return True  # مسؤول الصليب الأحمر بمنطقة بيلما
        return n in W.LOCAL_WORDS

    def _anonymous_tail(self, s: Sentence, j: int, i: int) -> int:
        """Take "رفض الكشف عن اسمه" into the speaker."""
        words = s.words
        verb = next((m for m in range(j, min(len(words), i + 1))
                     if words[m].norm in speech.ANONYMOUS_VERBS), None)
        if verb is not None:
            for m in range(verb + 1, min(len(words), verb + 6)):
                if bare(words[m].norm).startswith(("اسم", "هويت", "هوي")):
                    return m + 1
        return i

    def _speaker_head(self, n: str) -> bool:
        return in_table(n, speech.SPEAKER_HEADS)

    def phrase_gender(self, s: Sentence, i: int, j: int) -> str:
        """The grammatical gender of the noun phrase ``[i, j)`` as a verb agrees with it: ``f``
        when its head (الوزارة، السلطات، سميرة) or, after an indefinite plural head, its
        adjective (مصادر مطلعة) is feminine, else ``m``."""
        text = self.doc.text
        words = s.words[i:j]
        if not words:
            return "m"
        raw = [text[w.start:w.end] for w in words]
        if raw[0].endswith(("ة", "ات")):
            return "f"
        if len(words) > 1 and not words[0].definite and words[1].is_word and not (
                words[1].definite) and raw[1].endswith("ة") and i + 1 not in s.entity_at and (
                strip_conj(words[0].norm) in _PLURAL_HEADS):
            return "f"  # (not رئيس دائرة: a singular head in construct)
        return "m"

    def speaker_like(self, s: Sentence, i: int, j: int, relative: bool) -> bool:
        """Does words ``[i, j)`` name someone who can speak?"""
        if relative:
            return True
        if any(e.type in ("PERS", "ORG") for e in s.entities_in(i, j)):
            return True
        return any((self._speaker_head(w.norm) or w.norm in self.names) and not (
            bare(w.norm) in _PLACES_WITH and m + 1 < len(s.words)
            and bare(s.words[m + 1].norm) in _PLACE_GENITIVES)
                   for m, w in enumerate(s.words[i:j], i))  # (not مواقع التواصل: a place)

    def fronted_speaker(self, s: Sentence, k: int) -> Span | None:
        """الوزيرة قالت إنّ: the noun phrase before the verb, after an opener (من جهته)."""
        words = s.words
        i = k
        kan = False  # a subject set off by a comma before كان (وزير التربية ناجي جلول، كان قد أعلن)
        while i > 0 and (words[i - 1].norm in ("قد", "وقد", *W.COMMA) or i > 1 and words[
                i - 1].norm in W.KAN and words[i - 2].norm in W.COMMA):
            kan = kan or words[i - 1].norm in W.KAN
            i -= 1
        top = i
        while i > 0 and words[i - 1].norm not in W.STOPS and top - i < W.MAX_SPEAKER:
            if is_complementizer(words[i - 1].norm) or strip_conj(words[i - 1].norm) in W.KAN or (
                    words[i - 1].norm in W.FRONT_STOPS):
                break
            i -= 1
        k = top
        while i < k and (words[i].norm in speech.OPENERS or not words[i].is_word
                         and words[i].norm not in QUOTES):
            i += 1
        if i + 1 < k and not self._nominal(s, i) and self._nominal(s, i + 1) and (
                self.doc.text[words[i].start:words[i].end].endswith("ت")
                or words[i].norm in speech.VERB_FORMS):
            i += 1  # أصدرت الوزارة بلاغا، توضح فيه: the verb's subject (not خفر السواحل)
            k = min(k, self.speaker_end(s, i, appose=False))
        if i >= k or not self.speaker_like(s, i, k, relative=False) or self._adverbial(s, i) or (
                kan and words[i].norm.startswith("وال")) or self._head_after_preposition(s, i, k):
            return None  # (not بالتنسيق مع فرع المعهد …: an adjunct; nor …، والنائب …، كان)
        rel = next((m for m in range(i + 1, k) if words[m].norm in W.RELATIVE_PRONOUNS), None)
        if rel is not None and self.speaker_like(s, i, rel, relative=False):
            k = rel  # والد الشهيدة سارة التي لم يتجاوز عمرها 12 سنة يقول: not the clause
        if k - i > 5:
            k = self.noun_phrase_end(s, i, k)  # الحزب وجّه مراسلة … أعلم: the noun phrase
        if not self.speaker_like(s, i, k, relative=False):
            return None
        return s.span(self._apposed_before(s, i, k), k)

    def _head_after_preposition(self, s: Sentence, i: int, k: int) -> bool:
        """Does the first word of ``[i, k)`` that can speak follow a preposition that ends a
        speaker's phrase (تم العثور على مواقع تدعو …: the websites are what was found, no
        fronted speaker; not عدد من أساتذة الجامعة استنكروا)?"""
        words = s.words
        for m in range(i, k):
            n = words[m].norm
            if n in W.RELATIVE_PRONOUNS:
                return not self._nominal(s, i)  # الشخصين الذين قاما بكراء السيارتين في …
                # اعترفا (not مستنكرا الهجمة التي تعرض لها من خلال …: no noun phrase)
            if m in s.entity_at and s.entity_at[m].type in ("PERS", "ORG") or self._speaker_head(
                    n) or n in self.names:
                return False
            if n in PREPOSITIONS and n not in W.TIMES and self._stop(s, m, n, m == i):
                return True  # (not الهياكل المهنية المجتمعة اليوم بمقر النقابة جددت)
        return False

    def _apposed_before(self, s: Sentence, i: int, k: int) -> int:
        """The start of a fronted speaker with the units apposed before it between commas
        (إيناس بن عثمان، زوجة النقابي الأمني، وليد زروق، صرحت؛ وكان رئيس البرلمان، محمد الناصر،
        دعا): units of at most 8 words with no speech verb, not opening with a preposition or an
        adverbial; the first opens the clause (after a complementizer, a stop, كان or قد) and is
        a person's name or starts with a title."""
        words = s.words
        start = best = i
        while start > 1 and words[start - 1].norm in W.COMMA and k - start < W.MAX_SPEAKER:
            p = start - 1
            while p > 0 and words[p - 1].is_word and not is_complementizer(
                    words[p - 1].norm) and words[p - 1].norm not in W.FRONT_STOPS:
                p -= 1
            q = p  # past وكان، وقد: the clause's opening words
            while q < start - 1 and (strip_conj(words[q].norm) in W.KAN or words[q].norm in (
                    "قد", "وقد")):
                q += 1
            if not 0 < start - 1 - q <= 8 or words[q].norm in PREPOSITIONS or self._adverbial(
                    s, q) or any(w.norm in speech.VERB_FORMS for w in words[q:start - 1]):
                break
            opens = q > p or q == 0 or not words[q - 1].is_word or is_complementizer(
                words[q - 1].norm)
            if opens and (self._speaker_head(words[q].norm) or self._name_unit(s, q, start - 1)):
                best = q
            if q > p:
                break
            start = q
        return best

    @staticmethod
    def _name_unit(s: Sentence, q: int, end: int) -> bool:
        """Is words ``[q, end)`` exactly one person's name?"""
        e = s.entity_at.get(q)
        return e is not None and e.type == "PERS" and e.end == s.words[end - 1].end

    def topic_speaker(self, s: Sentence, k: int) -> Span | None:
        """أما الحزب الاشتراكي فقد أكد؛ أما الأستاذة …، آمال قرامي، فقد أوضحت: the topic after
        أما, across its appositions, when the verb at ``k`` (or قد before it) takes فـ."""
        words = s.words
        i = k
        while i > 0 and not words[i - 1].is_word:
            i -= 1
        fa = i > 0 and words[i - 1].norm in ("فقد", "فانه", "فانها")
        if words[k].norm[:1] != "ف" and not fa:
            return None
        stop = i - 1 if fa else k
        for a in range(k - 1, max(-1, k - W.MAX_SPEAKER - 12), -1):
            if words[a].norm in ("أما", "اما") and a + 1 < k:
                end = min(self.speaker_end(s, a + 1), stop)
                if a + 1 < end and self.speaker_like(s, a + 1, end, relative=False):
                    return s.span(a + 1, end)
                return None
            if words[a].norm in speech.VERB_FORMS or is_complementizer(words[a].norm):
                return None
        return None

    def _nominal(self, s: Sentence, i: int) -> bool:
        """Can word ``i`` open a speaker's noun phrase (definite, an entity, a title)?"""
        w = s.words[i]
        if w.norm in PREPOSITIONS or w.norm.startswith(("بال", "لل", "كال")):
            return False
        return w.definite or i in s.entity_at or self._speaker_head(w.norm) or (
            w.norm in actors.QUANTIFIERS)

    def _adverbial(self, s: Sentence, i: int) -> bool:
        """Does word ``i`` open an adjunct, not a noun phrase (بالتنسيق، في تصريح، توجه إلى)?"""
        words = s.words
        n = words[i].norm
        bare_n = strip_conj(n)
        if bare_n in PREPOSITIONS or n.startswith(("بال", "لل", "كال")) or bare_n[:1] in "بل" and len(
                bare_n) > 4 and not bare_n.startswith(W.NAME_PREFIXES) and i not in s.entity_at:
            return True  # (not وباتصالنا بالمندوبة …)
        if i > 0 and strip_conj(words[i - 1].norm) in W.TRUE_PREPS:
            return True  # وفي تصريح لصحيفة "عكاظ" قال
        return not self._nominal(s, i) and i + 1 < len(words) and words[i + 1].norm in (
            PREPOSITIONS)

    def _object_head(self, s: Sentence, i: int) -> bool:
        """Does word ``i`` open an object rather than a subject (أهميةَ، ضرورةَ، استعدادَه)?"""
        if i >= len(s.words) or i in s.entity_at:
            return False
        w = s.words[i]
        n = strip_conj(w.norm)
        if n in W.OBJECT_HEADS or w.norm in W.OBJECT_HEADS:
            return True  # (وجود: و is no conjunction there)
        raw = self.doc.text[w.start:w.end]  # (ة is normalized to ه: read the raw ending)
        return not w.definite and len(n) > 4 and raw.endswith(W.POSSESSED) and not (
            self._speaker_head(n) or n in W.NAME_PARTS)

    def antecedent_noun(self, s: Sentence, r: int, across_comma: bool = False) -> Span | None:
        """The noun phrase before the relative pronoun at ``r`` (وزير الخارجية الإيطالي الذي
        قال: from the title; not a preposition's object: متصل بحركة المعتمدين التي); with
        ``across_comma``, also before a comma (وزير الداخلية، الذي كان قد أكد)."""
        words = s.words
        if across_comma and r > 1 and words[r - 1].norm in W.COMMA and words[r - 2].is_word:
            r -= 1
        i = r
        found = None
        while i > 0 and r - i < W.MAX_ANTECEDENT and words[i - 1].is_word and words[
                i - 1].norm not in (
                PREPOSITIONS) and not is_complementizer(words[i - 1].norm):
            i -= 1
            n = words[i].norm
            governed = n[:1] in "بك" and n not in speech.SPEAKER_HEADS and in_table(
                n[1:], speech.SPEAKER_HEADS)
            if self._speaker_head(n) and not governed:
                while i > 0 and words[i - 1].is_word and not words[i - 1].definite and (
                        self._speaker_head(words[i - 1].norm)) and words[i - 1].norm not in (
                        W.DOCUMENTS):
                    i -= 1  # عضو مجلس النواب (not تصريح رئيس الحزب)
                if n.startswith("لل") and (outer := self.antecedent_noun(s, i)) is not None:
                    return Span(outer.start, words[r - 1].end)  # الإحصائيات الأخيرة للمعهد
                return s.span(i, r)
            if found is None and (i in s.entity_at or n in self.names) and not governed:
                found = i  # الصغير الذي اعتبر
        return None if found is None else s.span(found, r)

    def _learn_names(self, s: Sentence, i: int, j: int) -> None:
        """Remember the words of the person a speaker names (النائب منجي الرحوي، وزير …، محمد
        الطرابلسي): a later "وأضاف الرحوي" or "وفق الطرابلسي" names the same person."""
        words = s.words
        for e in s.entities_in(i, j):
            if e.type == "PERS":
                self._learn(tuple(w.norm for w in words if e.start <= w.start < e.end))
        start = i
        for m in range(i, j + 1):
            if m < j and words[m].norm not in W.COMMA:
                continue
            first = m - 1  # the name ends the segment: وحيد الصغير، شكري حمادة
            while first > start and m - first < 3 and not words[first - 1].definite and not (
                    self._speaker_head(words[first - 1].norm)) and words[first - 1].is_word:
                first -= 1
            after_title = first == start or words[first - 1].definite or self._speaker_head(
                words[first - 1].norm) and not in_table(words[first - 1].norm, W.BODIES)
            placed = any(s.entity_covering(x) is not None for x in range(first, m))
            if after_title and not placed and self._name_like(s, first, m):
                self._learn(tuple(w.norm for w in words[first:m]))  # (not حزب آفاق تونس)
            start = m + 1

    def _learn(self, name: tuple[str, ...]) -> None:
        if name:
            self.names.update(name)
            self.full_names.add(name)

    def _known_name(self, s: Sentence, j: int) -> int:
        """The end of a name said before as a speaker's (the whole name or its end: عمار
        عمروسية، عمروسية) that starts at word ``j``, or ``j``."""
        words = s.words
        best = j
        for name in self.full_names:
            for x in range(len(name)):
                tail = name[x:]
                end = j + len(tail)
                if end > best and end <= len(words) and tuple(
                        w.norm for w in words[j:end]) == tail and not self._speaker_head(tail[0]):
                    best = end
        return best


def _named_aside(s: Sentence, i: int) -> int | None:
    """The index of the ``)`` that closes a short aside opened at word ``i`` that names (an
    acronym, another name: (إرنا)، (SWR)); not an age or a date ((26 سنة)، (ستة وعشرون عاما)),
    a clause or an adjunct ((فضّل عدم الكشف عن هويته)، (في تصريح لموزاييك)) or a caption
    ((الصورة)، (يسار))."""
    for m in range(i + 1, min(len(s.words), i + 6)):
        w = s.words[m]
        if w.norm == ")":
            return m if m > i + 1 else None
        if not w.is_word or w.norm[:1].isdigit() or w.norm in PREPOSITIONS or (
                w.norm in speech.VERB_FORMS or w.norm in speech.ANONYMOUS_VERBS
                or bare(w.norm) in _NOT_NAMES):
            return None
    return None


#: words of a bracketed aside that does not name the speaker: ages, captions.
_NOT_NAMES = frozenset(normalize_text(w) for w in (
    "عام", "عاما", "سنة", "سنوات", "عمر", "صورة", "يسار", "يمين", "أرشيف", "فيديو", "وسط"))

#: heads that a genitive makes a place (مواقع التواصل الاجتماعي, not مدير التصوير).
_PLACES_WITH = frozenset(normalize_text(w) for w in ("مواقع", "شبكات"))
_PLACE_GENITIVES = frozenset(normalize_text(w) for w in ("تواصل",))
