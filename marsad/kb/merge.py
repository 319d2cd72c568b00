"""Fitting NER spans to marsad's conventions before they are merged with knowledge-base matches.

A statistical tagger trained on ANERcorp sees whole tokens, so its spans may start with a
proclitic (ومحمد الحويج، لمحمد), run over two names at once (اتحاد تطاوين و أولمبيك سيدي
بوزيد, رئيس باراغواي هوراسيو كارتيس), or mark words that marsad does not count as names
(currencies, adjectives that name no country). The functions here

* leave the proclitics out (:func:`ner_proclitic`), as the gazetteer does;
* drop a span whose every word is covered by knowledge-base matches of other names, and cut
  off a knowledge-base match of another type at a span's edge (:func:`fit_to_matches`);
* drop currency words and unknown nisba adjectives (:func:`is_noise`).
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from marsad.text.normalize import normalize_text


def _normalized(words: str) -> frozenset[str]:
    return frozenset(normalize_text(w) for w in words.split())


#: currency names that ANERcorp-trained taggers often mark (not names for marsad).
CURRENCIES = _normalized(
    "دولار دولارا دولارات يورو يوان دينار دينارا دنانير درهم دراهم ريال ريالا ريالات جنيه "
    "جنيها جنيهات ليرة ليرات روبل روبية ين فرنك")
#: endings of nisba adjectives (normalized): an unknown one names no country.
NISBA_ENDINGS = ("ي", "يه", "يا", "يين", "يون", "يات", "يان", "يتين", "يتان")
#: given names that begin with و (not a proclitic): وليد is not و + ليد.
W_NAMES = _normalized(
    "وليد وداد وفاء وئام وسيم وجدي وحيد وائل وسام وديع وناس وهبي وهيبة ورد وردة وصفي وجيه "
    "وجيهة ولد وهاب وحيدة وفيق وفيقة وسيلة ونيس وليام ويليام والتر ويلسون وارسو واشنطن "
    "وهران وجدة ورقلة ويلز")
_DEFINITE = ("وب", "فب", "وك", "فك", "و", "ف", "ب", "ك")
_PLAIN = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
#: tokens that may separate two names inside one wrong span.
JOINERS = frozenset({"و", "-", "،", ",", "/", "(", ")", '"', "«", "»"})


def ner_proclitic(word: str, starts: Container[str]) -> str:
    """The proclitics at the start of a NER span's first (normalized) word to leave out:
    وال… ب ال… → و ب; لل… → ل (the span starts at the article's lam); ومحمد → و; وليد → ""
    (a name). ``starts``: words that begin a knowledge-base name."""
    if word.startswith("لل") and len(word) > 4:
        return "ل"
    if word.startswith("ولل") and len(word) > 5:
        return "ول"
    for pro in _DEFINITE:
        if word.startswith(pro + "ال") and len(word) > len(pro) + 3:
            return pro
    if word in starts or word in W_NAMES:
        return ""
    for pro in _PLAIN:
        rest = word[len(pro):]
        if word.startswith(pro) and len(rest) >= 2 and rest in starts:
            return pro
    if word.startswith("و") and len(word) >= 4:
        return "و"
    return ""


def is_noise(words: Sequence[str], type_: str, linked: bool) -> bool:
    """A NER span that is no name for marsad: a currency word, or a one-word LOC or MISC
    that looks like a nisba adjective and links nowhere (رئاسية، لوجستيا)."""
    if len(words) != 1:
        return False
    word = words[0]
    if word in CURRENCIES or word.removeprefix("ال") in CURRENCIES:
        return True
    return (not linked and type_ in ("LOC", "MISC") and len(word) >= 5
            and word.endswith(NISBA_ENDINGS))


def fit_to_matches(first: int, last: int, type_: str, matches: Sequence[tuple[int, int, str]],
                   words: Sequence[str]) -> tuple[int, int] | None:
    """The token range ``[first, last)`` of a NER span of ``type_`` fitted to the
    knowledge-base ``matches`` (``(first, last, type)``) that lie inside it: ``None`` when
    they cover every word of it (two names in one span), the span without a match of another
    type at its start or end, else the span unchanged."""
    inside = [(a, b, t) for a, b, t in matches
              if first <= a and b <= last and (a, b) != (first, last)]
    if not inside:
        return first, last
    covered = {j for a, b, _ in inside for j in range(a, b)}
    rest = [j for j in range(first, last) if j not in covered and words[j] not in JOINERS]
    if not rest:
        return None
    for a, b, t in inside:
        if t == type_:
            continue
        if a == first:
            first = b
        elif b == last:
            last = a
    while first < last and words[first] in JOINERS:
        first += 1
    while last > first and words[last - 1] in JOINERS:
        last -= 1
    return (first, last) if first < last else None
