"""Speech verbs and participles of continuation: speaker, addressee and content.

:class:`Verbs` reads the words around a cue verb (قال، أكد، دعا، طالب، نقل …): the subject after
it (past a time: كشف اليوم الثلاثاء محمد …) or before it, the addressee that is no speaker
(ودعا الوزير المحتجين إلى، قال له الموظف), the object that is the content (وأكد المسؤول
وجودَ تقصير) past adjuncts and apposed names, and a participle's content (مضيفا، مشيرة إلى
أن). It turns down what reports no statement: negated verbs (لم يكشف), ما أظهر وجود، تعهدت
الفرقة بالبحث "took charge", كما قال الوزير "as the minister said" inside a sentence.
"""

from __future__ import annotations

from marsad.extract import quote_words as W
from marsad.extract import speech
from marsad.extract.clause import (
    PREPOSITIONS,
    QUOTES,
    Sentence,
    Word,
    bare,
    in_table,
    is_complementizer,
    strip_conj,
)
from marsad.extract.quote_content import (
    NOT_DONE,
    aside_close,
    disagree,
    impersonal_at,
    name_like_ba,
    predicate,
    relative_at,
)
from marsad.extract.quote_drafts import BUT_THEY, Draft
from marsad.extract.quote_sources import Sources, nisba
from marsad.model import Span
from marsad.text.normalize import normalize_text


class Verbs(Sources):
    """Speech verbs and participles (mixed into :class:`marsad.extract.quotes.Reader`)."""

    @staticmethod
    def _asks_next(s: Sentence, k: int, cue: speech.Cue) -> bool:
        """Does what the request at ``k`` asks for open right after it (طالبتها بسحبها)?"""
        if k + 1 >= len(s.words) or k > 0 and is_complementizer(s.words[k - 1].norm):
            return False
        n = s.words[k + 1].norm
        return n in cue.takes or "ب" in cue.takes and n.startswith("ب") and len(n) > 3

    def _verb(self, s: Sentence, k: int, nxt: int, cue: speech.Cue) -> Draft | None:
        words = s.words
        if (cue.lemma in speech.DESCRIBING or cue.lemma in speech.CONSIDERING) and (
                words[k].norm in speech.ENCLITIC_FORMS):
            return self._described(s, k, nxt)  # التي وصفوها بالتعسفية، ووصفهم بالوقحين
        rel = relative_at(s, k)
        # الذي كان قد أكد: the relative pronoun is what comes before the verb
        before = words[rel].norm if rel is not None else words[k - 1].norm if k > 0 else ""
        if impersonal_at(s, k):
            return None  # جثة رجل يعتقد أنه قتل: "it is believed", nobody speaks
        if cue.lemma == "أدان" and words[k].norm in speech.ENCLITIC_FORMS and before not in (
                "ما", "مما") and not (k + 1 < len(words) and (
                words[k + 1].definite or k + 1 in s.entity_at)):
            return None  # من تثبت إدانته: "his conviction" (ما أدانته، وأدانته الحكومة: a cue)
        if before in ("ما", "مما"):
            if words[k].norm in speech.ENCLITIC_FORMS or k + 1 < len(words) and words[
                    k + 1].norm in speech.RELATIVE_FILLERS or cue.lemma in W.SAY:
                return self._relative(s, k, nxt)  # وهو ما أكده الوزير، ما صرح به
            return None  # وهو ما أظهر وجود …: "which showed", no one speaks
        if before in W.NEGATORS or before in ("لما", "مثلما") or strip_conj(before) in NOT_DONE:
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
        if before in BUT_THEY and (n := self._antecedent(s)) is not None and (
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
                k + 2 in s.entity_at or self._name_like(s, k + 2, min(len(words), k + 4))
                or self._titled_after_comma(s, k + 2, cue)):  # أكد، مدير عام …، أن
            return self._verb_after_comma(s, k, nxt, cue)  # وأوضح، عبد الفتاح مورو، أن
        j = self.subject_start(s, k)  # after a time: كشف اليوم الثلاثاء محمد …
        if cue.lemma == "أدان" and any(in_table(w.norm, _COURTS) for w in words[j:j + 2]):
            return None  # أدانت محكمة إسرائيلية الرقيب … بقتل: a conviction, not a statement
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
                      or after.startswith("لل") and len(after) > 4  # وأكدت للرادار: to whom
                      or self._addressee_first(s, k + 1, cue)  # ودعا رجال الأعمال إلى …
                      or addressed  # كما طالب السلطات بـ
                      or self._accusative_plural(s, j, cue)  # ودعا التونسيين إلى …
                      or "ب" in cue.takes and after.startswith("ب")
                      and not name_like_ba(after) and not (  # وطالبه باتخاذ (not صرّح
                          j in s.entity_at and s.entity_at[j].type == "PERS"))  # بيبي ماروتا)
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
        if speaker is None and cue.lemma == "نص" and (
                text := self._stipulating_text(s, k)) is not None:
            speaker = text  # اتفاق 18 جانفي الذي ينص على …، أن مشروع القانون ينص على
        elif before in W.RELATIVE_PRONOUNS and speaker is None and disagree(
                W.RELATIVE_GENDER.get(strip_conj(before)), speech.GENDER.get(words[k].norm)):
            if self._antecedent(s, speech.GENDER.get(words[k].norm)) is None:
                return None  # الهيئة التي قال إنها …: "he said", the last speaker
        elif before in W.RELATIVE_PRONOUNS and speaker is None:
            r = k - 1 if rel is None else rel
            speaker = self.antecedent_noun(  # الوزير الذي قال إنّ
                s, r, across_comma=aside_close(s, r) is not None or _person_before(s, r))
            if (speaker is None or self._nearer_noun(s, speaker)) and opened[1] == k + 1 and (
                    is_complementizer(words[k + 1].norm)):
                speaker = None  # وحضر الوزير حفل الموعد الذي قال إنه: what he said it was
                if self._antecedent(s, speech.GENDER.get(words[k].norm)) is None:
                    return None
            elif speaker is None:
                return None
        elif speaker is None and kan is not None:
            speaker = kan
        elif speaker is None and (topic := self.topic_speaker(s, k)) is not None:
            speaker = topic  # أما الأستاذة …، آمال قرامي، فقد أوضحت أن
        elif speaker is None and not self._pronoun_subject(s, k):
            speaker = self.fronted_speaker(s, k)
            if speaker is None and k + 1 < len(words) and words[k + 1].norm in _DURING_IT:
                speaker = self._clause_subject(s, k)  # عقدت الهيئة ندوة أعلنت خلالها عن …
            if speaker is None and (k == 0 or s.words[k - 1].is_word) and not (
                    W.COMP_PRONOUN.match(before)):
                return None  # مشكلة الأراضي أكدت أنهم …: the subject speaks for no one
        elif speaker is None and k > 0 and words[k - 1].norm in W.COMMA:
            speaker = self._clause_subject(s, k)  # قدّم النائب … اعتذاره، وقال فيها إن …
        elif speaker is None:
            speaker = self._content_subject(s, k)  # … أن السلطات اتصلت به وأكدت له أنها
        if speaker is None and cue.lemma in W.IMPERSONAL_LEMMAS and opened[1] == k + 1 and (
                w_is_present(words[k].norm, cue.lemma)):
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

    def _nearer_noun(self, s: Sentence, speaker: Span) -> bool:
        """Does another noun phrase come between a relative pronoun and the speaker phrase
        read before it (الوزير | حفلَ انعقاد هذا الموعد الهام الذي)?"""
        i, end = s.word_index(speaker.start), s.word_index(speaker.end - 1) + 1
        return self.noun_phrase_end(s, i, end) < end

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
        if cue.lemma not in W.ADDRESSED_AFTER_SPEAKER:
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
        if nisba(words[a].norm) and not self._disagrees(s, a - 1, a):
            return end  # (a nisba adjective: التونسية; not الوزارة البلجيكيين)
        if not (ent is not None or self._disagrees(s, a - 1, a)):
            return end
        return a if self._asked_for(s, a, end, cue) else end

    def _asked_for(self, s: Sentence, a: int, end: int, cue: speech.Cue) -> bool:
        """Does what the request asks for (إلى …، بـ …) follow the addressee at ``a``?"""
        words = s.words
        return any(words[m].norm in cue.takes or "ب" in cue.takes and words[m].norm.startswith(
            "ب") and len(words[m].norm) > 3 and not name_like_ba(words[m].norm)
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
            if not (nisba(w.norm) or w.norm.startswith("الم")):
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

    def _titled_after_comma(self, s: Sentence, i: int, cue: speech.Cue) -> bool:
        """Does a speaker's title open at word ``i``, after the verb's comma (أكد، مدير عام
        الامتحانات …)? After a request, a title with no person named is its addressee (كما
        طالبت، وزيرة الصحة، بإحداث …)."""
        words = s.words
        if not self._speaker_head(words[i].norm):
            return False
        if cue.lemma not in W.ADDRESSING:
            return True
        end = min(len(words), i + W.MAX_SPEAKER)
        commas = [m for m in range(i, end) if words[m].norm in W.COMMA]
        return any(e.type == "PERS" for e in s.entities_in(i, end)) or len(commas) > 1 and (
            self._name_like(s, commas[0] + 1, commas[1]))  # طالبت، الكاتبة العامة …، حبيبة …،

    @staticmethod
    def _stipulating_text(s: Sentence, k: int) -> Span | None:
        """The text before ينص at ``k`` that stipulates: a law, an article, an agreement or a
        decision right before the verb (أن مشروع القانون ينص، قرار جديد ينص) or before the
        relative pronoun that opens its clause (اتفاق 18 جانفي 2016 الذي ينص على …)."""
        words = s.words
        end = k
        while end > 0 and words[end - 1].norm in ("قد", "وقد", "و"):
            end -= 1  # (مشروع قانون المالية و ينص)
        if end > 0 and words[end - 1].norm in W.RELATIVE_PRONOUNS:
            end -= 1
            if end > 1 and words[end - 1].norm in W.COMMA:
                end -= 1  # القانون الجديد، الذي ينص
        i, head = end, None
        while i > 0 and end - i < 10 and _in_text_phrase(words[i - 1]):
            i -= 1
            if bare(words[i].norm) in _STIPULATING:
                head = i  # (the first of مشروع القانون)
        if head is None:
            return None
        span = s.span(head, end)
        n = words[head].norm
        return Span(span.start + 1, span.end) if n[:1] in "لب" and not n.startswith(
            "ال") else span  # (وفقا لقانون الإرهاب الذي ينص: the law, without ل)

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
                if m == sp_end and self._object_after_comma(s, m + 1):
                    return sp_end, (m + 1, m)  # ووصف دوغان، مسألةَ العودة … بـ: the object
                break
        if sp_end < len(words) and words[sp_end].is_word and (words[sp_end].norm not in (
                PREPOSITIONS) or words[sp_end].norm == "اي" and sp_end + 1 < len(words) and words[
                sp_end + 1].is_word):  # نفى الوزير أي علاقة: "any" (not ، أي "that is")
            return sp_end, (sp_end, sp_end)
        return None

    def _object_after_comma(self, s: Sentence, a: int) -> bool:
        """Can the word at ``a``, right after the speaker's comma, open its verb's object (a
        noun: مسألةَ، الطاقمَ، دعوةَ), not an adjunct (خاصة، اليوم، بمناسبة، ردا على، حسب,
        a verbal noun: ، نفيا قاطعا،), a verb, a title apposed to a name in the phrase before
        (المكلف بالشؤون السياسية، مارين لوبان، المرشحة للرئاسة) or another speaker?"""
        words = s.words
        w = words[a]
        n = strip_conj(w.norm)
        if not w.is_word or a in s.date_at or a in s.entity_at:
            return False
        if a > 1 and w.definite and n.startswith("الم") and any(
                e.type == "PERS" and e.end == words[a - 2].end for e in s.entity_at.values()):
            return False  # مارين لوبان، المرشحة …: her title
        adverbial = not w.definite and (n.endswith("ا") and not n.endswith(("ها", "نا")) or (
            n[:1] in "بلك"))  # (ردا، نفيا، بمناسبة; not حرصها)
        return not (adverbial or w.norm in PREPOSITIONS or n in W.TIMES
                    or w.norm in speech.VERB_FORMS or w.norm in speech.PARTICIPLE_FORMS
                    or w.norm in speech.SOURCE_WORDS or is_complementizer(w.norm)
                    or n in _NOT_OBJECTS or w.norm[:1] == "و" and n != w.norm
                    or self._speaker_head(w.norm) or w.norm in W.IN_CHARGE)

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

    def _participle(self, s: Sentence, k: int, nxt: int) -> Draft | None:
        cue = speech.PARTICIPLE_FORMS[s.words[k].norm]
        if k == 0 or predicate(s, k):
            return None
        opened = self.complement(s, k + 1, cue, nxt, limit=4)
        if opened is None and "obj" in cue.takes and k + 1 < len(s.words) and s.words[
                k + 1].is_word and (s.words[k + 1].norm not in PREPOSITIONS or s.words[
                k + 1].norm == "ما") and (  # (نافيا ما تم ترويجه: "what", the object)
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
            if bare(words[i].norm) in _CASE_HANDLERS or disagree(
                    speech.GENDER.get(n), self.phrase_gender(s, i, j)):
                return False
        return True


#: words after a comma that open no object: pronouns of an aside, adverbs (…، خاصة وأن …).
_NOT_OBJECTS = frozenset(normalize_text(w) for w in (
    "هو", "هي", "هم", "خاصة", "خصوصا", "لاسيما", "لا", "أيضا", "كذلك", "بدوره", "بدورها",
    "مثلما", "كما"))
#: courts, whose أدان convicts (أدانت المحكمة المتهم بـ …).
_COURTS = frozenset(normalize_text(w) for w in ("محكمة", "محاكم", "قضاء", "قاضي", "قاض", "دائرة"))
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


#: prepositions that take a pronoun (خلاله، عنده، لديها): no noun announced.
_PREPOSITION_STEMS = tuple(normalize_text(w) for w in (
    "خلال", "عند", "لدي", "لدى", "بين", "حول", "ضمن", "أمام", "امام", "عبر", "بعد", "قبل"))


#: a source named by its definite head alone refers to one named before (وبين المصدر).
_DEFINITE_SOURCE = frozenset(h for h in speech.SAME_SOURCE_HEADS if h.startswith("ال")) | {
    normalize_text(w) for w in ("المتحدث", "المتحدثة")}  # وذكر المتحدث: the one who spoke
#: "previous", "mentioned": the same source (المصدر السابق), but a former office (الوزير السابق).
_PREVIOUS = frozenset(normalize_text(w) for w in ("السابق", "المذكور"))
#: adjectives of a title that are neither nisbas nor participles (الوزير السابق، الأمين العام)
_TITLE_ADJECTIVES = frozenset(normalize_text(w) for w in (
    "السابق", "الأسبق", "الجديد", "الحالي", "الأول", "العام", "الأعلى", "الدائم", "الخاص"))


#: words in بـ that do not say what a request asks for (بعد، بين، بسبب)
_NOT_ASKED = frozenset(normalize_text(w) for w in ("بعد", "بين", "بسبب", "بشأن", "بخصوص", "بلاده"))


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


def _plural_ending(norm: str) -> bool:
    """A verb that carries a plural subject in its ending (قالوا، وطالبوا، يؤكدون): a verb
    before its subject is singular, so the noun phrase after it is no subject."""
    return speech.GENDER.get(norm) == "p" and norm.endswith(("وا", "ون"))


def _person_before(s: Sentence, r: int) -> bool:
    """Does a person's name end right before the comma before ``r`` (… توماس دي ميزيير، الذي)?"""
    e = r - 2
    if e < 0 or s.words[r - 1].norm not in W.COMMA:
        return False
    end = s.words[e].end
    return any(x.type == "PERS" and x.end == end for x in s.entities_in(max(0, e - 6), e + 1))


def w_is_present(norm: str, lemma: str = "") -> bool:
    """Is a verb form in the present tense (يرجح، ويرجح، تتوقع; not the past of a verb in ت:
    توقعت، توقع)?"""
    w = strip_conj(norm)
    return w[:1] in "يت" and not (lemma[:1] == "ت" and w.startswith(normalize_text(lemma)[:3]))


def _in_text_phrase(w: Word) -> bool:
    """Can word ``w`` be part of the phrase that names a stipulating text (a word or a number;
    not أنّ, a relative pronoun, a preposition other than بين, or a verb)?"""
    n = w.norm
    return (w.is_word or n[:1].isdigit()) and not is_complementizer(n) and (
        n not in W.RELATIVE_PRONOUNS) and (n not in PREPOSITIONS or n == "بين") and not (
        n in speech.VERB_FORMS and speech.VERB_FORMS[n].lemma not in W.PREP_LIKE)


#: texts that stipulate (ينص): laws and their parts, agreements, decisions
_STIPULATING = W.LEGAL_UNITS | frozenset(normalize_text(w) for w in (
    "اتفاق", "اتفاقية", "قرار", "منشور", "دستور", "عقد", "نظام", "ميثاق", "مشروع", "تنقيح",
    "مقترح", "نص", "مجلة", "وثيقة"))
#: "during it", "in it" after a verb that closes a clause about a meeting or a statement
_DURING_IT = frozenset(normalize_text(w) for w in ("خلاله", "خلالها", "فيه", "فيها"))
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
    """The word after a discourse link at ``i`` (في هذا السياق، في السياق ذاته), or after an
    adjunct set off by commas (مشيرة، في بيان لها، إلى أن), with the commas around them
    (مبرزا في ذات السياق، الدورَ …؛ داعية، في هذا الصدد، جميعَ …), or None."""
    comma = i < len(words) and words[i].norm in W.COMMA
    j = i + 1 if comma else i
    end = _link_end(words, j)
    if end is None and comma and j < len(words) and words[j].norm in PREPOSITIONS:
        end = next((m for m in range(j + 1, min(len(words), j + 7)) if not words[m].is_word
                    or words[m].norm in speech.VERB_FORMS or is_complementizer(words[m].norm)),
                   None)  # (an adjunct of a few words closed by a comma)
        end = end if end is not None and words[end].norm in W.COMMA else None
    if end is not None and end < len(words) and words[end].norm in W.COMMA:
        end += 1
    return end if end is not None and end < len(words) else None


def _link_end(words: list[Word], i: int) -> int | None:
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
