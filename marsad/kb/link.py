"""Linking mentions to the knowledge base, and one actor's mentions to each other.

Rules (``docs/kb.md``), in order:

1. **Filter**: a weak alias (a surname alone) stays only when its entity is named strongly
   elsewhere in the article; an alias that needs a place context (مالي) stays after a place
   word (في، إلى، من، ب…) or when its entity is named strongly elsewhere.
2. **Choose** among the entries a name can stand for: prior weight (country over city, large
   city over small), +4 if the entry is named unambiguously elsewhere in the article, +2 if
   its country is, +5 for a city after a city word (مدينة، ولاية، العاصمة). The score is 0.95
   for an unambiguous name and falls with the margin between the two best.
3. **Metonymy**: a capital outside a place context (قرار واشنطن) and the names that always
   stand for a government (البيت الأبيض) link to the country.
4. **Anaphora**: a definite head noun (التنظيم، الحركة، الحزب، التحالف) links to the last
   entity before it with that head, or to the only one in the article after it.
5. **Acronyms**: ``NAME (ACR)`` makes ACR another name of NAME's entity in the article.
6. **Refs**: mentions of one entity share ``ref`` (numbered by first mention); unlinked
   mentions share one when their text is the same, or when a one-word person mention is the
   last word of a person named in full before it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.kb.base import CONTEXT, COUNTRY, GOV, KB, WEAK, Entry
from marsad.kb.gazetteer import Gazetteer, Match, Token, _forms
from marsad.kb.merge import fit_to_matches, is_noise, ner_proclitic
from marsad.model import Entity
from marsad.text.normalize import Normalized

#: words before a name that make it a place (في مالي، إلى واشنطن).
LOCATIVE = frozenset(
    ["في", "الى", "من", "نحو", "قرب", "داخل", "خارج", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "مدينه", "ولايه", "بلديه", "معتمديه", "محافظه", "عاصمه", "العاصمه", "بلده", "قريه", "جزيره", "دوله", "جمهوريه", "مطار", "ميناء", "مقر", "حي", "منطقه", "اقليم", "ضواحي", "اطراف", "انحاء", "عبر", "حتى", "زار", "زياره", "وصل", "بمدينه", "بولايه", "بمنطقه"]
)
#: words next to a name that make it a city rather than a country (تونس العاصمة).
CITY_CUE = frozenset(["مدينه", "ولايه", "بلديه", "معتمديه", "عاصمه", "العاصمه", "بمدينه", "بولايه"])
#: definite adjectives that may follow an anaphor (التنظيم الإرهابي) without making it a
#: different name (الحزب الديمقراطي).
EVALUATIVE = frozenset(
    ["الارهابي", "الارهابيه", "المتطرف", "المتطرفه", "المسلح", "المسلحه", "الجهادي", "الجهاديه", "المتشدد", "المتشدده", "الاسلامي", "الاسلاميه", "المذكور", "المذكوره", "نفسه", "نفسها", "الدولي"]
)
#: definite words after an anaphor that do not make it part of another name (اجتماع للحزب
#: اليوم، الحركة التي): time words and relative pronouns.
NOT_A_NAME = frozenset(
    ["اليوم", "الان", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"]
)
#: nouns before a capital that make it its government (قرار واشنطن، بين أنقرة وموسكو).
POLITICAL = frozenset(
    ["قرار", "موقف", "مواقف", "انسحاب", "سياسه", "دعم", "رد", "مطالب", "مطالبه", "اتهام", "اتهامات", "رفض", "تهديد", "تهديدات", "ضغوط", "ضغط", "علاقات", "علاقه", "عقوبات", "حلفاء", "حليف", "خطه", "اعلان", "تدخل", "مساعي", "جهود", "نفوذ", "مبادره", "استراتيجيه", "تحذير", "تحذيرات", "شروط", "رغبه", "قلق", "ادانه", "سحب", "تعهد", "عزم", "نظام", "حكومه", "سلطات", "قيادة", "تصريحات", "اعتراف", "التزام", "تعاون", "حوار", "مفاوضات", "وساطه", "حرص", "استعداد", "نيه", "دعوه", "طلب"]
)
#: nouns before a media outlet's name (صحيفة الشروق، لقناة الجزيرة): a weak name of an outlet
#: stands for it after them.
MEDIA_CUE = frozenset(
    ["صحيفه", "جريده", "قناه", "اذاعه", "موقع", "مجله", "يوميه", "اسبوعيه", "شبكه", "تلفزيون", "تلفزه", "وكاله", "الصحيفه", "الجريده", "القناه", "الاذاعه", "الموقع", "المجله", "اليوميه"]
)
QUOTES = frozenset({'"', "'", "«", "»", "“", "”", "(", "„"})
#: verbs that have a place, not a government, as their subject (شهدت برلين).
PLACE_VERBS = frozenset(["شهدت", "تشهد", "احتضنت", "تحتضن", "استضافت", "تستضيف", "عاشت", "تعيش", "ضربت", "هزت"])
SCORE_SURE = 0.95
SCORE_METONYM = 0.8
SCORE_ANAPHOR = 0.7
SCORE_WEAK = 0.85


@dataclass(frozen=True)
class Mention:
    """A mention on its way to becoming an :class:`~marsad.model.Entity`."""

    start: int
    end: int
    first: int
    last: int
    type: str
    entry: int | None = None
    score: float = 0.0
    source: str = "kb"  # kb | ner | anaphor | acronym
    text_key: str = ""


class Linker:
    """Links the gazetteer's matches and the NER's spans of one text."""

    def __init__(self, kb: KB, gazetteer: Gazetteer | None = None) -> None:
        self.kb = kb
        self.gazetteer = gazetteer or Gazetteer(kb)

    # -- entry points -------------------------------------------------------------------
    def link(self, normalized: Normalized, ner: Sequence[Entity] = (),
             tokens: list[Token] | None = None) -> list[Entity]:
        """Entities for one text: KB matches and NER spans, merged, linked, with refs."""
        from marsad.kb.gazetteer import tokens_of

        toks = tokens if tokens is not None else tokens_of(normalized)
        words = [t.text for t in toks]
        matches = self.gazetteer.find(normalized, toks)
        mentions = self.resolve(matches, words)
        ner_mentions = self._ner_mentions(ner, mentions, toks, normalized)
        mentions = resolve_overlaps(mentions, ner_mentions)
        mentions = self._anaphors(mentions, words, toks, normalized)
        mentions = self._acronyms(mentions, words, toks, normalized)
        return self.to_entities(mentions)

    # -- KB matches ---------------------------------------------------------------------
    def resolve(self, matches: list[Match], words: list[str]) -> list[Mention]:
        """Choose an entry for each match (rules 1–3); matches left with none are dropped."""
        anchors = self._anchors(matches)
        countries = self._countries(matches)
        out = []
        for m in matches:
            mention = self._choose(m, words, anchors, countries)
            if mention is not None:
                out.append(mention)
        return out

    def _anchors(self, matches: list[Match]) -> Counter[int]:
        """Entries named unambiguously and strongly in the text, with their counts."""
        anchors: Counter[int] = Counter()
        for m in matches:
            strong = [i for i, f in m.candidates if not f & (WEAK | CONTEXT | COUNTRY)]
            if len(strong) == 1 and len(m.candidates) == 1:
                anchors[strong[0]] += 1
        return anchors

    def _countries(self, matches: list[Match]) -> Counter[str]:
        """How often the text names each country: by the matches whose strong readings all
        lie in one country (تونس, the country or its capital, counts for Tunisia)."""
        out: Counter[str] = Counter()
        for m in matches:
            found = {self.kb.entries[i].country for i, f in m.candidates
                     if not f & (WEAK | CONTEXT | COUNTRY)}
            if len(found) == 1 and "" not in found:
                out[found.pop()] += 1
        return out

    def _choose(self, m: Match, words: list[str], anchors: Counter[int],
                countries: Counter[str]) -> Mention | None:
        locative = is_locative(m, words)
        media = has_media_cue(m, words)
        cands = [(i, f) for i, f in m.candidates
                 if self._allowed(i, f, locative, media, anchors, countries)]
        if not cands:
            return self._unlinked(m)
        city_cue = has_city_cue(m, words)
        scored = sorted(((self._score(i, f, anchors, countries, city_cue, media), i, f)
                         for i, f in cands), reverse=True)
        best, index, flags = scored[0]
        score = SCORE_SURE
        if len(scored) > 1:
            score = 0.6 + 0.35 * min(1.0, (best - scored[1][0]) / 5.0)
        if flags & WEAK:
            score = min(score, SCORE_WEAK)
        if m.fuzzy:
            score *= 0.85
        political = not locative and not has_city_cue(m, words) and is_political(m, words)
        index, score = self._metonym(index, flags, political, score)
        entry = self.kb.entries[index]
        return Mention(m.start, m.end, m.first, m.last, entry.type, index, round(score, 3),
                       "kb", m.key)

    def _allowed(self, i: int, f: int, locative: bool, media: bool, anchors: Counter[int],
                 countries: Counter[str]) -> bool:
        """May candidate ``i`` (alias flags ``f``) be chosen here (rule 1)? ``locative``: the
        name follows a place word; ``media``: a media noun (صحيفة الشروق)."""
        entry = self.kb.entries[i]
        cued = media and entry.kind == "media"
        if f & WEAK and i not in anchors and not cued:
            return False
        if f & CONTEXT and not (locative or cued or i in anchors):
            return False
        return not f & COUNTRY or countries[entry.country] > 0

    def _unlinked(self, m: Match) -> Mention | None:
        """A name whose every reading needs its country named (وزارة الداخلية), in a text
        that names none of them: a mention of its type, unlinked."""
        if not m.candidates or not all(f & COUNTRY for _, f in m.candidates):
            return None
        type_ = self.kb.entries[m.candidates[0][0]].type
        return Mention(m.start, m.end, m.first, m.last, type_, None, 0.0, "kb", m.key)

    def _score(self, i: int, flags: int, anchors: Counter[int], countries: Counter[str],
               city_cue: bool, media_cue: bool = False) -> float:
        e = self.kb.entries[i]
        value = e.prior + (4.0 if i in anchors else 0.0)
        value += 2.0 if e.country and countries[e.country] else 0.0
        if flags & COUNTRY:  # the country the text names most
            value += 0.1 * min(countries[e.country], 20)
        if city_cue and e.kind == "city":
            value += 5.0
        if media_cue and e.kind == "media":
            value += 5.0
        return value

    def _metonym(self, index: int, flags: int, political: bool,
                 score: float) -> tuple[int, float]:
        """A capital in a political context: the country (its government)."""
        entry = self.kb.entries[index]
        if flags & GOV:
            return index, score
        if entry.gov_of and political and entry.gov_of in self.kb.by_id:
            return self.kb.by_id[entry.gov_of], min(score, SCORE_METONYM)
        return index, score

    # -- NER spans ----------------------------------------------------------------------
    def _ner_mentions(self, ner: Sequence[Entity], kb_mentions: list[Mention],
                      toks: list[Token], normalized: Normalized) -> list[Mention]:
        """The NER spans as mentions, fitted to marsad's conventions (:mod:`marsad.kb.merge`):
        without proclitics, without KB names of other types at their edges, noise dropped."""
        if not ner:
            return []
        words = [t.text for t in toks]
        spans = [normalized.raw_span(t.start, t.end) for t in toks]
        bounds = ([a for a, _ in spans], [b for _, b in spans])
        matches = [(m.first, m.last, m.type) for m in kb_mentions]
        out = []
        for e in ner:
            first, last = _token_range(bounds, e.start, e.end)
            fitted = fit_to_matches(first, last, e.type, matches, words) if first < last else None
            if fitted is not None:
                mention = self._ner_mention(e.type, *fitted, toks, normalized)
                if mention is not None:
                    out.append(mention)
        return out

    def _ner_mention(self, type_: str, first: int, last: int, toks: list[Token],
                     normalized: Normalized) -> Mention | None:
        pro = ner_proclitic(toks[first].text, self.gazetteer.trie)
        words = [toks[first].text[len(pro):]] + [t.text for t in toks[first + 1:last]]
        key = " ".join(words)
        index, score = self.lookup_span(key)
        if is_noise(words, type_, index is not None):
            return None
        start, end = normalized.raw_span(toks[first].start + len(pro), toks[last - 1].end)
        type_ = self.kb.entries[index].type if index is not None else type_
        return Mention(start, end, first, last, type_, index, score, "ner", key)

    def lookup_span(self, key: str) -> tuple[int | None, float]:
        """The entry a whole NER span names exactly (or one letter off, for a person)."""
        words = key.split(" ")
        found = self.gazetteer._match_at(words, 0) if words and words[0] else None
        if found is None or found[0] != len(words):
            return None, 0.0
        cands = [(i, f) for i, f in found[2] if not f & (WEAK | CONTEXT)]
        if len(cands) != 1:
            return None, 0.0
        return cands[0][0], (SCORE_SURE * 0.85 if found[5] else SCORE_SURE)

    # -- anaphora and acronyms ----------------------------------------------------------
    def _anaphors(self, mentions: list[Mention], words: list[str], toks: list[Token],
                  normalized: Normalized) -> list[Mention]:
        if not self.kb.heads:
            return mentions
        covered = _covered(mentions)
        linked = [m for m in mentions if m.entry is not None]
        added = []
        for j, word in enumerate(words):
            if j in covered:
                continue
            hit = self._anaphor_at(j, word, words, linked)
            if hit is None:
                continue
            index, pro = hit
            start, end = normalized.raw_span(toks[j].start + len(pro), toks[j].end)
            e = self.kb.entries[index]
            added.append(Mention(start, end, j, j + 1, e.type, index, SCORE_ANAPHOR, "anaphor",
                                 word))
        return sorted(mentions + added, key=lambda m: m.start)

    def _anaphor_at(self, j: int, word: str, words: list[str],
                    linked: list[Mention]) -> tuple[int, str] | None:
        for form, pro, stripped in _forms(word):
            if stripped or form not in self.kb.heads:
                continue
            nxt = words[j + 1] if j + 1 < len(words) else ""
            if nxt.startswith("ال") and nxt not in EVALUATIVE and nxt not in NOT_A_NAME:
                return None
            index = antecedent(self.kb.heads[form], linked, j)
            if index is not None:
                return index, pro
        return None

    def _acronyms(self, mentions: list[Mention], words: list[str], toks: list[Token],
                  normalized: Normalized) -> list[Mention]:
        """``NAME (ACR)``: ACR elsewhere in the text is NAME's entity too."""
        extra: dict[str, Mention] = {}
        for m in mentions:
            j = m.last
            if m.type == "ORG" and j + 2 < len(words) and words[j] == "(" and \
                    words[j + 2] == ")" and words[j + 1].isalpha():
                extra.setdefault(words[j + 1], m)
        if not extra:
            return mentions
        # an unlinked NER guess on the acronym itself (إيزي as a person) gives way
        mentions = [m for m in mentions if not (m.source == "ner" and m.entry is None
                                                and m.last - m.first == 1
                                                and words[m.first] in extra)]
        covered = _covered(mentions)
        added = []
        for j, word in enumerate(words):
            if j in covered or word not in extra:
                continue
            src = extra[word]
            start, end = normalized.raw_span(toks[j].start, toks[j].end)
            added.append(Mention(start, end, j, j + 1, src.type, src.entry, src.score * 0.9,
                                 "acronym", src.text_key))
        return sorted(mentions + added, key=lambda m: m.start)

    # -- output -------------------------------------------------------------------------
    def to_entities(self, mentions: list[Mention]) -> list[Entity]:
        refs = assign_refs(mentions, self.kb.entries)
        out = []
        for m, ref in zip(mentions, refs, strict=True):
            entry = self.kb.entries[m.entry] if m.entry is not None else None
            out.append(Entity(
                m.start, m.end, type=m.type, kb_id=entry.id if entry else None,
                canonical=entry.ar if entry else None,
                score=m.score if entry else 0.0, ref=ref,
            ))
        return out


def is_locative(m: Match, words: list[str]) -> bool:
    """Is the name in a place context (بمالي، في مالي، إلى واشنطن)?"""
    if "ب" in m.proclitics:
        return True
    prev = words[m.first - 1] if m.first > 0 else ""
    return prev in LOCATIVE


def has_media_cue(m: Match, words: list[str]) -> bool:
    """Does a media noun come right before the name (صحيفة الشروق، لقناة "الجزيرة")?"""
    j = m.first - 1
    while j >= 0 and words[j] in QUOTES:
        j -= 1
    prev = words[j] if j >= 0 else ""
    return any(w in MEDIA_CUE for w in (prev, prev[1:], prev[2:]))


def has_city_cue(m: Match, words: list[str]) -> bool:
    """Is the name called a city (مدينة تونس، العاصمة الفرنسية باريس، تونس العاصمة)?"""
    before = words[max(0, m.first - 2):m.first]
    nxt = words[m.last] if m.last < len(words) else ""
    return any(w in CITY_CUE for w in before) or nxt == "العاصمه" or "العاصمه" in m.key


def is_political(m: Match, words: list[str]) -> bool:
    """Does a capital stand for its government here: after a political noun (قرار واشنطن),
    next to a verb (أعلنت موسكو، طهران أرسلت), or paired with a country (أنقرة وموسكو)?"""
    prev = words[m.first - 1] if m.first > 0 else ""
    nxt = words[m.last] if m.last < len(words) else ""
    for word in (prev, prev[1:] if prev[:1] in "ول" else prev):
        if word in POLITICAL:
            return True
    return _verb_like(prev, before=True) or _verb_like(nxt, before=False)


def _verb_like(word: str, before: bool) -> bool:
    """A feminine verb: before the name (اتهمت موسكو، ترفض موسكو) or after it (موسكو أرسلت):
    a capital's government is grammatically feminine."""
    if len(word) < 4 or word in PLACE_VERBS or word.startswith("ال") or not word.isalpha():
        return False
    if word.endswith("ات"):  # a plural noun (هجمات باريس), not a verb
        return False
    return word.endswith("ت") or (before and word[0] == "ت" and word[-1] not in "هي")


def antecedent(candidates: list[int], linked: list[Mention], j: int) -> int | None:
    """The entry an anaphor at token ``j`` refers to: the last candidate mentioned before
    it, else the only candidate mentioned after it."""
    wanted = set(candidates)
    before = [m for m in linked if m.entry in wanted and m.last <= j]
    if before:
        return max(before, key=lambda m: m.last).entry
    after = {m.entry for m in linked if m.entry in wanted and m.first > j}
    return after.pop() if len(after) == 1 else None


def resolve_overlaps(kb_mentions: list[Mention], ner_mentions: list[Mention]) -> list[Mention]:
    """Merge KB matches and NER spans into mentions that do not overlap.

    Where the two overlap, the longer span wins; on a tie (or when the NER span only adds
    proclitics to the match) the KB match wins, since it is linked. A NER span that wins
    keeps its own link (made from its whole text) or stays unlinked.
    """
    chosen: list[Mention] = []
    pool = sorted(
        kb_mentions + ner_mentions,
        key=lambda m: (-(m.last - m.first), m.source != "kb", m.start),
    )
    taken: set[int] = set()
    for m in pool:
        span = set(range(m.first, m.last))
        if span & taken:
            continue
        taken |= span
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def assign_refs(mentions: list[Mention], entries: Sequence[Entry]) -> list[int]:
    """One ref per entity (numbered from 1 in order of first mention)."""
    keys: dict[object, int] = {}
    surnames: dict[str, object] = {}
    out = []
    for m in mentions:
        key: object
        if m.entry is not None:
            key = entries[m.entry].id
        else:
            key = surnames.get(m.text_key, ("unlinked", m.type, m.text_key))
            words = m.text_key.split(" ")
            if m.type == "PERS" and len(words) > 1:
                surnames.setdefault(words[-1], key)
        if key not in keys:
            keys[key] = len(keys) + 1
        out.append(keys[key])
    return out


def _covered(mentions: list[Mention]) -> set[int]:
    out: set[int] = set()
    for m in mentions:
        out.update(range(m.first, m.last))
    return out


def _token_range(bounds: tuple[list[int], list[int]], start: int, end: int) -> tuple[int, int]:
    """The tokens whose raw extent overlaps raw ``[start, end)`` (``bounds``: the raw starts
    and ends of the tokens)."""
    starts, ends = bounds
    return bisect_right(ends, start), bisect_left(starts, end)

