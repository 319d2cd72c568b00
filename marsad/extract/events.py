"""What happened to whom: events in the PLOVER ontology, read from their own sentence.

The ``events`` stage finds triggers of the lexicon (:mod:`marsad.extract.triggers`: verbs in
all their forms and verbal nouns, through clitics) and reads the trigger's sentence — never
another one — for its participants (``docs/events.md`` has the rules):

* after a verb, the noun phrase that follows is its subject (the **actor**: قتلت القوات
  الأميركية …) and the next one its object (the **recipient**), unless the first is a count
  or a victim noun (قتل 28 شخصا: passive, a recipient); a verb with nothing after takes the
  actor before it in its clause (القوات الأميركية قتلت …);
* after a noun, the phrase that follows is what the lexicon says (انسحاب واشنطن: actor; مقتل
  البغدادي: recipient), a nationality adjective is the actor (التوغل التركي), and على يد / من
  قبل name the actor;
* prepositions of the lexicon row introduce recipients and places (هجوم على، انسحاب من،
  مساعدات لـ); the **place** is a place entity after a locative word in the sentence;
* an actor may also be the nearest actor phrase before the trigger in the same sentence (بعد
  قرار واشنطن سحب قواتها);
* the **date** is the sentence's date mention nearest to the trigger, else the publication
  date (``date_source="published"``);
* flags: ``negated`` (لم، لن، لا، عدم، نفى before it), ``hypothetical`` (سوف، سـ، قد before a
  present verb, إذا، لو، في حال، يعتزم، المقبل، المنتظر), ``reported`` (inside an attribution's
  content), ``historical`` (كان … قد، سبق أن, or dated over 60 days before publication).

Triggers of one type within a few words of each other in a sentence are one event (هجوم
انتحاري بسيارة مفخخة).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from marsad.extract import actors, speech
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
    lookup,
    norm_word,
    strip_conj,
)
from marsad.extract.triggers import Lexicon, Trigger, load_lexicon
from marsad.model import Attribution, DateMention, Doc, Entity, Event, Participant, Span
from marsad.pipeline import stage
from marsad.text.clitics import analyses, match_forms
from marsad.text.normalize import normalize_text

MAX_PHRASE = 8
MAX_GAP = 5
MERGE_WINDOW = 4
MERGE_FAR = 15
BEFORE_NOUN = 10
BEFORE_VERB = 14
HISTORICAL_DAYS = 60


def _n(*words: str) -> frozenset[str]:
    return frozenset(normalize_text(w) for w in words)


LOCATIVE = _n("في", "ب", "من", "الى", "إلى", "قرب", "داخل", "خارج", "شمال", "جنوب", "شرق",
              "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "أمام", "عند", "بالقرب", "حول",
              "بمدينة", "مدينة", "منطقة", "بمنطقة", "ولاية", "بولاية", "محافظة", "بمحافظة")
DIRECTIONS = _n("شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي",
                "شمال شرق", "شمال غرب", "جنوب شرق", "جنوب غرب", "لشمال", "بشمال")
NEGATORS = _n("لم", "لن", "لا", "عدم", "دون", "بدون", "ولم", "ولن", "ولا", "فلم", "فلن", "وعدم")
DENIALS = _n("نفى", "ينفي", "تنفي", "نفت", "ونفى", "ونفت", "نفوا")
FUTURE_BEFORE = _n("سوف", "وسوف", "إذا", "اذا", "لو", "حال", "يعتزم", "تعتزم", "ينوي", "تنوي",
                   "يمكن", "ربما", "المقرر", "المنتظر", "المتوقع", "المرتقب", "يجب", "ينبغي",
                   "يتعين", "سيتم", "ستتم", "يريد", "تريد", "لتوفير", "استعدادا", "استعداد")
FUTURE_AFTER = _n("المقبل", "المقبلة", "القادم", "القادمة", "المرتقب", "المرتقبة", "المنتظر",
                  "المنتظرة", "المزمع", "المزمعة", "المحتمل", "المحتملة", "المقرر", "المقررة")
KAN = _n("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "سبق", "وسبق")
BY_ACTOR = (_n("على"), _n("يد", "ايدي", "أيدي", "يدي"))
BY_WORDS = _n("بيد", "بأيدي", "برصاص", "بنيران")
COUNT_WORDS = _n("حشد", "حشود", "جموع", "عشرات", "مئات", "آلاف", "الآلاف", "ألوف", "عدد", "عددا", "أحد", "إحدى", "بعض",
                 "جميع", "كل", "مجموعة", "نحو", "حوالي", "حوالى", "قرابة", "أكثر", "زهاء",
                 "اثنين", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة",
                 "عشرة", "عشرين", "ثلاثين", "أربعين", "خمسين", "مائة", "مئة", "ألف", "مليون",
                 "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "الاقل", "على")
ADVERBS = _n("أمس", "امس", "اليوم", "فجر", "مساء", "صباح", "ليلة", "الليلة", "الماضية",
             "الماضي", "قبل", "أول", "من", "ذلك", "مطلع", "ظهر", "عصر", "منتصف", "فجرا",
             "صباحا", "ليلا", "نهار", "عشية", "أيضا", "ايضا", "كذلك", "بدورها", "بدوره", "مرة",
             "أخرى", "اخرى", "مجددا", "بالفعل", "فعلا")
CLAUSE_ENDS = frozenset("،,.؛;:!?؟")
#: function words that normalize like nouns (وإلى = والي "governor").
RAW_FUNCTION = frozenset(("إلى", "وإلى", "فإلى", "على", "وعلى", "فعلى", "إلي", "وإلي"))
RELATIVES = _n("الذي", "التي", "اللذين", "اللتين", "الذين", "اللواتي")
NISBA_ENDINGS = ("يين", "يون", "يه", "ي", "يا", "يان", "يتين", "يتان")
#: verbs whose subject undergoes the event (تعرض لهجوم، نجا من محاولة اغتيال).
UNDERGO = _n("تعرض", "تعرضت", "يتعرض", "تتعرض", "تعرضوا", "نجا", "نجت", "ينجو", "أصيب")
#: verbs whose subject is a place (شهدت تركيا مظاهرات).
PLACE_VERBS = _n("شهد", "شهدت", "تشهد", "يشهد", "عاشت", "تعيش", "عرفت", "تعرف", "احتضنت")
#: "carried out by", "claimed by": the actor follows (الهجوم نفذه انتحاري).
DONE_BY = _n("نفذه", "نفذها", "نفذته", "نفذتها", "نفذهما", "تبناه", "تبنته", "تبناها", "تبنتها",
             "شنه", "شنها", "شنته", "شنتها", "ارتكبه", "ارتكبها", "ارتكبته", "نفذها", "يقف",
             "وراءه", "تقف")
#: prepositions whose object is never an actor.
GOVERNORS = _n("في", "على", "عن", "إلى", "الى", "من", "ب", "ل", "ضد", "مع", "بين", "عند", "لدى",
               "حول", "نحو", "خلال", "منذ", "بعد", "قبل", "أمام", "تجاه", "إثر", "اثر", "عقب",
               "جراء", "بسبب", "قرب", "داخل", "خارج", "وسط", "ضمن", "دون", "حتى", "لصالح")



@dataclass
class Hit:
    """A trigger found: its sentence, word range and lexicon entry."""

    sentence: Sentence
    first: int
    last: int  # exclusive
    trigger: Trigger
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    place: Participant | None = None


# --- finding triggers ---------------------------------------------------------------------------


def find_hits(doc: Doc, lex: Lexicon, index: SentenceIndex) -> list[Hit]:
    """Every trigger of the text, in order, each with its sentence."""
    text = doc.text
    by_sentence: dict[int, list[int]] = {}
    for s, e in doc.tokens:
        w = norm_word(text[s:e])
        if len(w) > 1 and lex.lookup(w, text[e - 1] == "ة"):
            by_sentence.setdefault(index.sentence_of(s), []).append(s)
    hits: list[Hit] = []
    for n, starts in sorted(by_sentence.items()):
        sent = index.get(n)
        taken = -1
        for raw in starts:
            i = sent.word_index(raw)
            if i >= len(sent.words) or i < taken:
                continue
            hit = _match_at(sent, i, lex)
            if hit is not None:
                hits.append(hit)
                taken = hit.last
    return hits


def _match_at(s: Sentence, i: int, lex: Lexicon) -> Hit | None:
    """The longest trigger at word ``i``. A verb's later words may come after its subject
    (فرضت الولايات المتحدة عقوبات، رفع المتظاهرون لافتات): the trigger is then the verb."""
    words = s.words
    seen: set[int] = set()
    for trig in lex.lookup(words[i].norm, s.doc.text[words[i].end - 1] == "ة"):
        if id(trig) in seen:
            continue
        seen.add(id(trig))
        end = _rest_at(words, i + 1, trig.words)
        if end is not None:
            return Hit(s, i, end, trig)
        if trig.pos == "verb" and trig.words and not any(w in GOVERNORS for w in trig.words):
            for j in range(i + 2, min(len(words), i + 1 + MAX_GAP)):
                if not words[j - 1].is_word:
                    break
                if _rest_at(words, j, trig.words) is not None:
                    return Hit(s, i, i + 1, trig)
    return None


def _rest_at(words: list[Word], j: int, rest: tuple[str, ...]) -> int | None:
    for w in rest:
        if j >= len(words) or w not in match_forms(words[j].norm, True) and w != words[j].norm:
            return None
        j += 1
    return j


# --- participants -------------------------------------------------------------------------------


class Reader:
    """Reads the events of one Doc."""

    def __init__(self, doc: Doc, lex: Lexicon, kb: Any = None) -> None:
        self.doc = doc
        self.lex = lex
        self.kb = kb
        self.index = SentenceIndex(doc)
        self._segments: dict[tuple[int, int], list[tuple[int, int, Participant, bool]]] = {}

    def read(self) -> list[Event]:
        hits = find_hits(self.doc, self.lex, self.index)
        hits = sorted(hits + crowd_hits(hits, self.index, self.lex),
                      key=lambda h: (h.sentence.index, h.first))
        for hit in hits:
            self.participants(hit)
        for prev, hit in zip([None, *hits], hits, strict=False):
            if not hit.actors and not (prev is not None and share_actors(prev, hit)):
                self.actors_before(hit)
            hit.place = hit.place or self.place(hit.sentence, hit)
            retype(hit, self.doc.text)
        hits = [h for h in hits if self._needs_met(h)]
        hits = merge(hits)
        return [self.event(h) for h in hits]

    def actors_before(self, hit: Hit) -> None:
        """The actor before the trigger; after تعرض لـ / نجا من, the one it happened to."""
        s = hit.sentence
        before = self.actor_before(s, hit)
        if before is None or _same(before, hit.recipients):
            return
        prev = [w.norm for w in s.words[max(0, hit.first - 2):hit.first]]
        if any(strip_conj(w) in UNDERGO for w in prev):
            hit.recipients.append(before)
        elif hit.trigger.next == "recipient" or self.victim_like(
                s, s.word_index(before.start), before) and hit.trigger.type in (
                "ASSAULT", "COERCE") and hit.trigger.pos == "verb":
            hit.recipients.append(before)  # 8 اشخاص قتلوا، جنديان أصيبا: passive
        else:
            hit.actors.append(before)

    # -- phrases ---------------------------------------------------------------------------
    def phrase(self, s: Sentence, i: int, limit: int | None = None) -> tuple[int, Participant | None]:
        """The noun phrase at word ``i``: (end, participant) — a count (عشرات، أحد، 28، الآلاف
        من), a head (an entity, a direction and its place, or a noun) and what follows it:
        after a noun, definite adjectives and entities (الجيش الإسرائيلي، قوات سوريا
        الديمقراطية), after an entity only more entities (انسحاب واشنطن المتسرع)."""
        words = s.words
        end_limit = min(len(words), limit if limit is not None else len(words))
        j = self._skip_count(s, i, end_limit)
        if j >= end_limit or not words[j].is_word or words[j].norm in PREPOSITIONS or (
                self.doc.text[words[j].start:words[j].end] in RAW_FUNCTION):
            return i, None
        head = j
        if in_table(words[j].norm, DIRECTIONS) or words[j].norm in DIRECTIONS:
            k = j
            while k < end_limit and (in_table(words[k].norm, DIRECTIONS) or words[k].norm in
                                     DIRECTIONS):
                k += 1
            if k < end_limit and k in s.entity_at and s.entity_at[k].type == "LOC":
                end = self._entity_end(s, k)
                return end, self._participant(s, i, end, k, place=True)
        if j in s.entity_at:
            j = self._entity_end(s, j)
            while j < end_limit and j in s.entity_at and s.entity_at[j].type != "LOC":
                j = self._entity_end(s, j)
            if j < end_limit and j in s.entity_at and words[j].definite:
                j = self._entity_end(s, j)  # a nationality after a name
            while j < end_limit and j - head < MAX_PHRASE and words[j].norm.startswith(
                    "ال") and words[j].norm.endswith(("ي", "يه", "يين", "يون")):
                j += 1  # داعش الإرهابي، التحالف الدولي
            return j, self._participant(s, i, j, head)
        j += 1
        definite = words[head].definite
        while j < end_limit and j - head < MAX_PHRASE:
            w = words[j]
            if j in s.entity_at and not self._locative(s, j):
                j = self._entity_end(s, j)
                continue
            if not w.is_word or w.norm in PREPOSITIONS or self.lex.lookup(w.norm):
                break
            if definite and (not w.norm.startswith("ال") or w.norm.endswith("ات")):
                break  # المتظاهرون الإطاراتِ: a plural noun after a definite head is an object
            if not definite and not self._indefinite_modifier(w):
                break
            j += 1
        return j, self._participant(s, i, j, head)

    def _skip_count(self, s: Sentence, i: int, end: int) -> int:
        words = s.words
        j = i
        while j < end and (words[j].norm in COUNT_WORDS or words[j].norm[:1].isdigit()
                           or j > i and words[j].norm == "من"):
            j += 1
        return j

    def _indefinite_modifier(self, w: Word) -> bool:
        """An adjective after an indefinite noun: a nisba (مسلحين فلسطينيين) or مجهولين."""
        b = bare(w.norm)
        return lookup(w.norm, actors.ACTOR_NOUNS) == "UAF" or b.endswith(NISBA_ENDINGS) and len(
            b) > 3 and not in_table(w.norm, actors.VICTIMS) and not in_table(
            w.norm, actors.ACTOR_NOUNS)

    def _entity_end(self, s: Sentence, j: int) -> int:
        return s.word_index(s.entity_at[j].end - 1) + 1

    def _locative(self, s: Sentence, j: int) -> bool:
        """Is word ``j`` the object of a preposition (في بغداد، بباريس، لشمال سوريا)?"""
        if j > 0 and s.words[j - 1].norm in LOCATIVE:
            return True
        return self._clitic_prep(s, j)

    def _clitic_prep(self, s: Sentence, j: int) -> bool:
        w = s.words[j]
        body = strip_conj(w.norm)
        ent = s.entity_at.get(j)
        if ent is not None and ent.start > w.start:
            lead = normalize_text(self.doc.text[w.start:ent.start])
            return any(c in lead for c in "بلك")
        if body.startswith(("لل", "بال", "كال")):
            return True
        if body[:1] in "بل" and len(body) > 3 and ent is None and j + 1 < len(s.words) and (
                s.words[j + 1].definite):
            return True  # لوكالة الصحافة الفرنسية
        return body[:1] in "بل" and len(body) > 3 and in_table(body, actors.ACTOR_NOUNS)

    def _participant(self, s: Sentence, i: int, j: int, head: int,
                     place: bool = False) -> Participant:
        ents = s.entities_in(i, j)
        ent = entity_kb(ents)
        span = s.span(i, j)
        word = s.words[head]
        taa = self.doc.text[word.end - 1] == "ة"  # الطلبة is no الطلب+ه
        role = None if place else lookup(word.norm if taa else _strip_enclitic(word.norm),
                                         actors.ACTOR_NOUNS)
        country = self._country(ent)
        if place:
            typ = "LOC"
        elif ent is not None and s.entity_at.get(head) is ent:
            typ = ent.type
            if ent.type == "LOC" and role is None:
                demonym = _demonym(s.words[head].norm)  # عراقيان، الفلسطينيين: people
                role = "CVL" if demonym else "GOV" if self._is_country(ent) else None
        else:
            typ = "NOM"
        return Participant(span.start, span.end, type=typ, kb_id=ent.kb_id if ent else None,
                           canonical=ent.canonical if ent else None, country=country, role=role)

    def _kb(self) -> Any:
        if self.kb is None:
            try:
                from marsad.kb import load

                self.kb = load()
            except Exception:  # noqa: BLE001 - no KB: no countries
                self.kb = False
        return self.kb

    def _entry(self, ent: Entity | None) -> Any:
        kb = self._kb()
        if not kb or ent is None or not ent.kb_id:
            return None
        return kb.get(ent.kb_id)

    def _country(self, ent: Entity | None) -> str | None:
        entry = self._entry(ent)
        return (entry.country or None) if entry is not None else None

    def _is_country(self, ent: Entity) -> bool:
        entry = self._entry(ent)
        return entry is not None and entry.kind == "country"

    @staticmethod
    def actor_like(p: Participant | None) -> bool:
        """Can ``p`` act: a person, a body, a government, or a noun of actors (الجيش)?"""
        if p is None:
            return False
        if p.type in ("PERS", "ORG"):
            return True
        if p.type == "LOC":
            return p.role == "GOV"
        return p.role is not None

    @staticmethod
    def victim_like(s: Sentence, i: int, p: Participant | None) -> bool:
        """A count or a victim noun (28 شخصا، مدنيين): what a passive verb is about."""
        if p is None:
            return False
        w = s.words[i].norm
        if w[:1].isdigit() or w in COUNT_WORDS:
            head = Reader._head_after_count(s, i)
            return head is None or not in_table(head, actors.CROWD)
        if not s.words[i].definite and i in s.entity_at and _demonym(w):
            return True  # قتل عراقيان
        return in_table(w, actors.VICTIMS) and not s.words[i].definite

    @staticmethod
    def _head_after_count(s: Sentence, i: int) -> str | None:
        for w in s.words[i:i + 6]:
            if not (w.norm in COUNT_WORDS or w.norm == "من" or w.norm[:1].isdigit()):
                return w.norm
        return None

    @staticmethod
    def participant_like(s: Sentence, i: int, p: Participant | None) -> bool:
        return p is not None and (p.kb_id is not None or p.role is not None
                                  or Reader.victim_like(s, i, p))

    # -- roles -----------------------------------------------------------------------------
    def participants(self, hit: Hit) -> None:
        s = hit.sentence
        if hit.trigger.pos == "verb" and self._masdar(s, hit.first):
            hit.trigger = replace(hit.trigger, pos="noun", next="recipient" if (
                hit.trigger.type == "ASSAULT") else hit.trigger.next)
        trig = hit.trigger
        if trig.pos in ("verb", "participle"):
            j = self._skip_adverbs(s, hit.last)
            end, first = self.phrase(s, j)
            self._verb_roles(hit, j, end, first)
        else:
            self._noun_roles(hit)
        self._prep_roles(hit)

    def _masdar(self, s: Sentence, i: int) -> bool:
        """A verb's spelling read as its verbal noun: after a preposition (الى جرح), with
        the article (القتل) or a preposition clitic (بقتل)."""
        w = strip_conj(s.words[i].norm)
        if any(t.pos == "verb" for t in self.lex.by_first.get(w, ())):
            return False  # التقى، اعتقل: a verb's own letters, not the article
        if w.startswith(("ال", "بال", "لل")):
            return True
        if i > 0 and strip_conj(s.words[i - 1].norm) in GOVERNORS:
            return True
        return w[:1] in "بل" and len(w) > 3 and w[1:] in _verb_forms(self.lex, w[1:])

    def _skip_adverbs(self, s: Sentence, j: int) -> int:
        words = s.words
        while j < len(words):
            n = words[j].norm
            if j in s.date_at:
                j = s.word_index(s.date_at[j].end - 1) + 1
            elif n in ADVERBS:
                j += 1
            else:
                break
        return j

    def _verb_roles(self, hit: Hit, j: int, end: int, first: Participant | None) -> None:
        """After a verb: its subject then its object; a victim or a count after a verb of
        violence makes it passive (قتل 28 شخصا); a verb that carries its subject (اتهموا،
        يطالبون) or a participle (مطالبين) has only an object after it."""
        s, trig = hit.sentence, hit.trigger
        if first is None or self._locative(s, j):
            return
        passive = trig.type in ("ASSAULT", "COERCE") and (
            self.victim_like(s, j, first) or _accusative(s.words[j].norm))
        if trig.next == "recipient" or passive or self._pronoun_subject(hit):
            hit.recipients.append(first)
            return
        if not self.actor_like(first):
            if self.participant_like(s, j, first) or first.type != "NOM":
                hit.recipients.append(first)
            return
        hit.actors.append(first)
        k = self._skip_adverbs(s, end)
        _, second = self.phrase(s, k)
        if second is not None and not self._locative(s, k) and self.participant_like(
                s, k, second):
            hit.recipients.append(second)

    def _pronoun_subject(self, hit: Hit) -> bool:
        w = strip_conj(hit.sentence.words[hit.first].norm)
        if hit.trigger.participle:
            return True
        return len(hit.trigger.words) == 0 and w.endswith(("وا", "ون")) and len(w) > 4

    def _noun_roles(self, hit: Hit) -> None:
        """The phrase after a noun: a nationality is the actor (التوغل التركي); a genitive
        after an indefinite noun has the role of the lexicon row (مقتل البغدادي)."""
        s, trig = hit.sentence, hit.trigger
        words = s.words
        j = hit.last
        if j >= len(words):
            return
        last = words[hit.last - 1]
        possessed = last.norm != strip_conj(last.norm) and False
        definite = last.definite or possessed or bare(last.norm) != bare(
            _strip_enclitic(last.norm))
        nat = self._nationality_after(s, j)
        if nat is not None:
            _, p = self.phrase(s, nat)
            if p is not None:
                hit.actors.append(p)
        elif not definite and not self._locative(s, j) and trig.next is not None:
            _, p = self.phrase(s, j)
            if trig.next == "actor" and self.actor_like(p) and p is not None:
                hit.actors.append(p)
            elif trig.next == "recipient" and p is not None and (
                    self.participant_like(s, j, p) or p.type != "NOM"):
                hit.recipients.append(p)
        self._by_actor(hit)
        if not hit.actors:
            self._relative_agent(hit)

    def _relative_agent(self, hit: Hit) -> None:
        """الحصار الذي يفرضه المتظاهرون: the subject of the relative clause is the actor."""
        s = hit.sentence
        words = s.words
        k = hit.last
        while k < len(words) and k < hit.last + 3 and words[k].norm.startswith("ال") and (
                words[k].norm not in RELATIVES):
            k += 1
        if k + 2 < len(words) and words[k].norm in RELATIVES and words[k + 1].is_word:
            _, p = self.phrase(s, k + 2)
            if p is not None and self.actor_like(p):
                hit.actors.append(p)

    def _nationality_after(self, s: Sentence, j: int) -> int | None:
        """A nationality adjective right after a noun (التوغل التركي، ضربة جوية أميركية)."""
        for k in (j, j + 1):
            ent = s.entity_at.get(k)
            if k >= len(s.words) or ent is None:
                w = s.words[k].norm if k < len(s.words) else ""
                if k == j and len(w) > 3 and w not in PREPOSITIONS and w.endswith(("يه", "ي")):
                    continue  # an adjective before it: ضربة جوية أميركية
                return None
            word = s.words[k].norm
            if ent.type == "LOC" and ent.start == s.words[k].start and bare(word).endswith(
                    NISBA_ENDINGS):
                return k
            return None
        return None

    def _by_actor(self, hit: Hit) -> None:
        """على يد X، برصاص X، نفذه X، تبنته X، من قبل X: the actor after a noun."""
        s = hit.sentence
        words = s.words
        for k in range(hit.last, min(len(words), hit.last + 10)):
            n = words[k].norm
            if n in CLAUSE_ENDS:
                break
            start = None
            if n in BY_WORDS or strip_conj(n) in DONE_BY:
                start = k + 1
            elif k + 1 < len(words) and (n in BY_ACTOR[0] and words[k + 1].norm in BY_ACTOR[1]
                                         or n == "من" and words[k + 1].norm == "قبل"):
                start = k + 2
            if start is not None:
                _, p = self.phrase(s, start)
                if p is not None and not _same(p, hit.actors):
                    hit.actors.append(p)
                break

    def _prep_roles(self, hit: Hit) -> None:
        """Participants introduced by the prepositions of the trigger's row."""
        s, trig = hit.sentence, hit.trigger
        if not trig.preps:
            return
        words = s.words
        k = hit.last
        stop = min(len(words), hit.last + 12)
        while k < stop:
            n = words[k].norm
            if n in CLAUSE_ENDS or is_complementizer(n) or n in QUOTES:
                break
            role, start = self._prep_at(s, k, trig)
            if role is None:
                k += 1
                continue
            end, p = self.phrase(s, start)
            if p is not None and not _same(p, hit.actors + hit.recipients) and (
                    role == "place" or self.participant_like(s, start, p)):
                self._assign(hit, role, p)
                k = max(end, k + 1)
                continue
            k += 1

    def _prep_at(self, s: Sentence, k: int, trig: Trigger) -> tuple[str | None, int]:
        n = s.words[k].norm
        for prep, role in trig.preps:
            if n == prep or strip_conj(n) == prep:
                return role, k + 1
            body = strip_conj(n)
            if len(prep) == 1 and body.startswith(prep) and len(body) > 3 and not body.startswith(
                    ("بن", "بو")) and (prep != "ل" or not body.startswith("لل") or True):
                return role, k  # a clitic preposition: the phrase is this word (لشمال سوريا)
        return None, k

    def _assign(self, hit: Hit, role: str, p: Participant) -> None:
        if role == "place" or p.type == "LOC" and p.role != "GOV" and role != "actor":
            if hit.place is None and p.kb_id is not None:
                hit.place = Participant(p.start, p.end, type="LOC", kb_id=p.kb_id,
                                        canonical=p.canonical, country=p.country)
            elif role != "place":
                hit.recipients.append(p)
        elif role == "actor":
            hit.actors.append(p)
        else:
            hit.recipients.append(p)

    def segments(self, s: Sentence, lo: int, hi: int) -> list[tuple[int, int, Participant, bool]]:
        """The noun phrases of words ``[lo, hi)``: (start, end, participant, governed), where
        governed means the object of a preposition or the subject of a speech verb."""
        out: list[tuple[int, int, Participant, bool]] = []
        words = s.words
        i = lo
        governed = False
        while i < hi:
            w = words[i]
            if not w.is_word or w.norm in PREPOSITIONS:
                governed = strip_conj(w.norm) in GOVERNORS or (governed and w.norm in QUOTES)
                i += 1
                continue
            if w.norm in speech.VERB_FORMS or strip_conj(w.norm) in PLACE_VERBS:
                governed = True  # the speaker of أعلن, the place of شهدت
                i += 1
                continue
            if w.norm[:1] == "و" and out and out[-1][3] and out[-1][1] == i:
                governed = True  # في بغداد وكركوك
            end, p = self.phrase(s, i, limit=hi)
            if p is None or end <= i:
                i += 1
                continue
            inner = next((k for k in range(i + 1, end) if k in s.entity_at), None)
            if p.role is None and i not in s.entity_at and inner is not None and not w.definite:
                # a verb and its subject (عزز التحالف), or a genitive (في إطار عمل التحالف)
                governed = governed or self._clitic_prep(s, i)
                i = inner
                continue
            governed = governed or self._clitic_prep(s, i)
            out.append((i, end, p, governed))
            last = end - 1
            # a construct chain goes on under the same preposition (في إطار عمل التحالف)
            governed = governed and not words[last].definite and last not in s.entity_at and (
                s.entity_covering(last) is None)
            i = end
        return out

    def actor_before(self, s: Sentence, hit: Hit) -> Participant | None:
        """The nearest free actor phrase before the trigger in its sentence (and inside the
        reported content the trigger is in): not a preposition's object, not a speaker, not
        a possessed noun (قواتها)."""
        if hit.trigger.pos == "noun" and hit.trigger.next != "actor":
            return None
        lo = 0
        start = s.words[hit.first].start
        for a in self._attributions():
            if a.content is not None and a.content.start <= start < a.content.end:
                lo = max(lo, s.word_index(a.content.start))
        near = hit.first - (BEFORE_NOUN if hit.trigger.pos == "noun" else BEFORE_VERB)
        key = (s.index, lo)
        if key not in self._segments:
            self._segments[key] = self.segments(s, lo, len(s.words))
        before = [seg for seg in self._segments[key] if seg[1] <= hit.first]
        for i, end, p, governed in reversed(before):
            if i < near:
                break
            adjacent = end == hit.first and hit.trigger.pos == "noun"  # قرار واشنطن سحب
            if (not governed or adjacent) and self.actor_like(p):
                if not self._possessed(s.words[i]):
                    return p
                return self._speakers(p, start)
        return None

    def _speakers(self, p: Participant, at: int) -> Participant | None:
        """A possessed actor in reported speech (قال الجيش التركي إن طائراته قصفت): the
        speaker's, with the speaker's entity."""
        for a in self._attributions():
            if a.content is None or not a.content.start <= at < a.content.end:
                continue
            owner = a
            spans = self._attributions()
            while owner.speaker is None and owner.continues is not None:
                owner = spans[owner.continues]
            if owner.speaker_kb_id:
                kb = self._kb()
                entry = kb.get(owner.speaker_kb_id) if kb else None
                return replace(p, kb_id=owner.speaker_kb_id,
                               canonical=entry.ar if entry is not None else None,
                               country=(entry.country or None) if entry is not None else None)
        return None

    @staticmethod
    def _possessed(w: Word) -> bool:
        stem = _strip_enclitic(w.norm)
        return stem != w.norm and in_table(stem, actors.ACTOR_NOUNS)

    def place(self, s: Sentence, hit: Hit) -> Participant | None:
        """A place entity after a locative word: up to 12 words after the trigger, else up to
        6 before it."""
        taken = [(p.start, p.end) for p in hit.actors + hit.recipients]
        after = []
        for k in range(hit.last, min(len(s.words), hit.last + 12)):
            if is_complementizer(s.words[k].norm) or s.words[k].norm in QUOTES:
                break
            after.append(k)
        order = after + list(range(hit.first - 1, max(-1, hit.first - 7), -1))
        for k in order:
            ent = s.entity_at.get(k)
            if ent is None or ent.type != "LOC" or not self._locative(s, k):
                continue
            if any(a <= ent.start and ent.end <= b for a, b in taken):
                continue
            start = k
            while start > 0 and (s.words[start - 1].norm in DIRECTIONS
                                 or in_table(s.words[start - 1].norm, DIRECTIONS)):
                start -= 1
            span = s.span(start, self._entity_end(s, k))
            return Participant(span.start, span.end, type="LOC", kb_id=ent.kb_id,
                               canonical=ent.canonical, country=self._country(ent))
        return None

    def _needs_met(self, hit: Hit) -> bool:
        need = hit.trigger.needs
        if need == "recipient":
            return bool(hit.recipients) or hit.place is not None
        if need == "crowd":
            s = hit.sentence
            return any(in_table(w.norm, actors.CROWD) for w in s.words)
        return True

    # -- the event -------------------------------------------------------------------------
    def event(self, hit: Hit) -> Event:
        s = hit.sentence
        trigger = s.span(hit.first, hit.last)
        parts: list[Span] = [trigger, *hit.actors, *hit.recipients]
        if hit.place is not None:
            parts.append(hit.place)
        value, date_span, source = self.date(hit)
        return Event(
            min(p.start for p in parts), max(p.end for p in parts), type=hit.trigger.type,
            trigger=trigger, mode=hit.trigger.mode, actors=_unique(hit.actors),
            recipients=_unique(hit.recipients), place=hit.place, date=value,
            date_span=date_span, date_source=source, negated=self.negated(hit),
            hypothetical=self.hypothetical(hit), reported=self.reported(trigger),
            historical=self.historical(hit, value, source),
        )

    def date(self, hit: Hit) -> tuple[str | None, Span | None, str | None]:
        s = hit.sentence
        if s.date_at:
            mid = s.words[hit.first].start
            best: DateMention = min(s.date_at.values(), key=lambda d: abs(d.start - mid))
            return best.value, Span(best.start, best.end), "text"
        published = self.doc.article.published
        if published is None:
            return None, None, None
        day = published.date() if isinstance(published, datetime) else published
        return day.isoformat(), None, "published"

    def _before(self, hit: Hit, n: int) -> list[str]:
        s = hit.sentence
        return [w.norm for w in s.words[max(0, hit.first - n):hit.first]]

    def negated(self, hit: Hit) -> bool:
        before = self._before(hit, 4)
        if any(w in NEGATORS for w in before):
            return True
        if any(w in DENIALS for w in self._before(hit, 12)):
            return True
        return self._in_content_of(hit, DENIALS)

    def hypothetical(self, hit: Hit) -> bool:
        s = hit.sentence
        w = s.words[hit.first].norm
        body = strip_conj(w)
        if body[:1] == "س" and body[1:2] in "يتنا" and hit.trigger.pos == "verb" and body[
                1:] in _verb_forms(self.lex, body[1:]):
            return True
        before = self._before(hit, 8)
        if before and before[-1] in _QAD and body[:1] in "يت":
            return True
        if before and before[-1] in _LAN:
            return True
        near = before[-3:]
        if any(_future_verb(x) for x in near) or any(x in FUTURE_BEFORE for x in before):
            return True
        if any(x in _HAL and i > 0 and before[i - 1] in _FI
               for i, x in enumerate(before)):
            return True
        after = [x.norm for x in s.words[hit.last:hit.last + 4]]
        return any(x in FUTURE_AFTER for x in after)

    def historical(self, hit: Hit, value: str | None, source: str | None) -> bool:
        before = self._before(hit, 8)
        if any(x in KAN for x in before) and any(x in _QAD_AN
                                                 for x in before[-3:]):
            return True
        published = self.doc.article.published
        if source != "text" or value is None or published is None:
            return False
        day = published.date() if isinstance(published, datetime) else published
        try:
            when = _first_day(value)
        except ValueError:
            return False
        return (day - when).days > HISTORICAL_DAYS

    def reported(self, trigger: Span) -> bool:
        return any(a.content is not None and a.content.start <= trigger.start < a.content.end
                   for a in self._attributions())

    def _attributions(self) -> tuple[Attribution, ...]:
        return self.doc.group("attributions")  # type: ignore[return-value]

    def _in_content_of(self, hit: Hit, cues: frozenset[str]) -> bool:
        start = hit.sentence.words[hit.first].start
        return any(
            a.content is not None and a.content.start <= start < a.content.end
            and normalize_text(self.doc.text[a.cue.start:a.cue.end]) in cues
            for a in self._attributions())


def _demonym(word: str) -> bool:
    """A nationality used as a noun of people (عراقيان، فلسطينيين، الأفغان): a plural or
    dual nisba."""
    return bare(word).endswith(("يين", "يون", "يان", "يتين", "يتان", "ييا")) or word.endswith("يا")


def _accusative(word: str) -> bool:
    """An indefinite accusative (مسلحا، شخصا، مصورا) or an oblique plural (مسلحين): an
    object, never the subject of the verb before it."""
    w = strip_conj(word)
    if w.startswith("ال") or len(w) < 4:
        return False
    return w.endswith("ا") and not w.endswith(("اا", "يا")) or w.endswith("ين") and not (
        w.endswith("يين"))


def retype(hit: Hit, text: str) -> None:
    """Protesters' acts are protests (CAMEO 14: demands, blockades, clashes of a crowd);
    holding hostages is an abduction."""
    t = hit.trigger
    protesters = any(_protester(text[p.start:p.end]) for p in hit.actors)
    if protesters and t.type in ("ASSAULT", "COERCE", "REQUEST", "ACCUSE", "REJECT",
                                 "SANCTION", "THREATEN", "MOBILIZE"):
        hit.trigger = replace(t, type="PROTEST", mode="riot" if t.type in (
            "ASSAULT", "COERCE") else "demo")
    elif t.type == "COERCE" and any(
            in_table(w.norm, HOSTAGES) for w in hit.sentence.words[hit.last:hit.last + 8]):
        hit.trigger = replace(t, type="ASSAULT", mode="abduct")


def _protester(phrase: str) -> bool:
    return any(in_table(w, actors.PROTESTERS) for w in normalize_text(phrase).split())


HOSTAGES = _n("رهينة", "رهائن", "رهينتين", "رهينه")
_QAD = _n("قد", "وقد", "لقد")
_LAN = _n("لن", "ولن")
_HAL = _n("حال", "حالة")
_FI = _n("في", "وفي")
_QAD_AN = _n("قد", "وقد", "ان", "وان")
_NOT_FUTURE = _n("سياسه", "سيارة", "سيطرة", "سياق", "سيد")


def crowd_hits(hits: list[Hit], index: SentenceIndex, lex: Lexicon) -> list[Hit]:
    """Protesters as the subject of a verb the lexicon lacks (وأحرق المتظاهرون، وسد
    المتظاهرون): a PROTEST event whose trigger is that verb."""
    taken = {(h.sentence.index, k) for h in hits for k in range(h.first, h.last)}
    out: list[Hit] = []
    for n in range(len(index)):
        if not index.has_crowd(n):
            continue
        s = index.get(n)
        for k, w in enumerate(s.words):
            if not in_table(w.norm, actors.PROTESTERS):
                continue
            v = _verb_before(s, k)
            if v is not None and (n, v) not in taken:
                taken.add((n, v))
                out.append(Hit(s, v, v + 1, CROWD_TRIGGER))
    return out


def _verb_before(s: Sentence, k: int) -> int | None:
    """The verb of which the crowd phrase at ``k`` is the subject: the word before it,
    past counts (آلاف، الآلاف من) and adverbs."""
    words = s.words
    j = k - 1
    counted = False
    while j >= 0 and (words[j].norm in COUNT_WORDS or words[j].norm == "من"
                      or words[j].norm[:1].isdigit() or words[j].norm in ADVERBS):
        counted = counted or words[j].norm != "من"
        j -= 1
    nominative = words[k].norm.endswith("ون") or counted
    if j < 0 or not nominative:
        return None
    w = words[j]
    n = strip_conj(w.norm)
    if (not w.is_word or w.definite or n in PREPOSITIONS or n in GOVERNORS or len(n) < 3
            or j in s.entity_at or w.norm in speech.VERB_FORMS or is_complementizer(n)
            or in_table(n, actors.ACTOR_NOUNS) or n in KAN):
        return None
    return j


CROWD_TRIGGER = Trigger((), "verb", "PROTEST", "demo", "actor", (), None, "crowd subject")


def _strip_enclitic(word: str) -> str:
    """A word without a pronoun suffix (قواتها → قوات), when one is plausible."""
    for a in analyses(word):
        if a.enclitic in ("ه", "ها", "هم", "هما", "هن") and not a.proclitics:
            return a.stem
    return word


def _future_verb(word: str) -> bool:
    """سيمثل، وسيكون، ستتم: a verb with the future prefix."""
    w = strip_conj(word)
    return len(w) >= 4 and w[0] == "س" and w[1] in "يتن" and w not in _NOT_FUTURE


def _verb_forms(lex: Lexicon, word: str) -> set[str]:
    return {word} if lex.lookup(word) else set()


def _first_day(value: str) -> date:
    head = value.split("/")[0]
    if "W" in head:
        year, week = head.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    parts = head.split("-")
    return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                int(parts[2]) if len(parts) > 2 else 1)


def _same(p: Participant, others: list[Participant]) -> bool:
    return any(p.start < o.end and o.start < p.end for o in others)


def _unique(parts: list[Participant]) -> tuple[Participant, ...]:
    out: list[Participant] = []
    for p in parts:
        if not _same(p, out):
            out.append(p)
    return tuple(out)


def share_actors(prev: Hit, h: Hit) -> bool:
    """A trigger joined by و to the one before it in its sentence (سحب قواتها … والتخلي عن)
    shares its actors when it has none."""
    joined = h.sentence.words[h.first].norm[:1] == "و" and h.first - prev.last <= 8
    if (h.sentence.index == prev.sentence.index and not h.actors and prev.actors
            and (joined or h.trigger.participle)):
        h.actors.extend(prev.actors)
        return True
    return False


def _richness(h: Hit) -> tuple[int, int]:
    return len(h.actors) + len(h.recipients), h.trigger.pos == "verb"


def merge(hits: list[Hit]) -> list[Hit]:
    """One event for triggers of one type close together in one sentence: within
    MERGE_WINDOW words, or within MERGE_FAR words when the second names no one of its own
    (المساهمات الأوروبية … دعما لشمال شرق سوريا)."""
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        gap = h.first - prev.last if prev is not None else 0
        lone = not h.actors or prev is not None and not prev.actors
        if (prev is not None and prev.sentence.index == h.sentence.index
                and prev.trigger.type == h.trigger.type
                and (gap <= MERGE_WINDOW or lone and gap <= MERGE_FAR)):
            if _richness(h) > _richness(prev):
                prev.first, prev.last, prev.trigger = h.first, h.last, h.trigger
            for p in h.actors:
                if not _same(p, prev.actors + prev.recipients):
                    prev.actors.append(p)
            for p in h.recipients:
                if not _same(p, prev.actors + prev.recipients):
                    prev.recipients.append(p)
            prev.place = prev.place or h.place
            continue
        out.append(h)
    return out


def extract(doc: Doc, lex: Lexicon | None = None, kb: Any = None) -> Doc:
    """``doc`` with its ``events`` group."""
    lexicon = lex if lex is not None else load_lexicon()
    return doc.with_spans("events", Reader(doc, lexicon, kb).read())


@stage("events", requires=("tokens", "sentences", "entities", "dates"), assigns=("events",))
def events_stage(doc: Doc) -> Doc:
    return extract(doc)
