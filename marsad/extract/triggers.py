"""The event trigger lexicon: ``marsad/data/triggers.tsv`` plus the user's own file.

Each row maps Arabic spellings to a PLOVER type and mode, with the roles of the words around
the trigger (format in the file's header and ``docs/events.md``). :func:`load_lexicon` reads
the shipped file and, when given (``events_triggers_file`` setting), a user's file whose
spellings replace the shipped ones; a bad row is a :class:`LexiconError` naming the file, the
line and the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.errors import InputError, UnreadableError
from marsad.extract.speech import conjugate
from marsad.text.clitics import analyses
from marsad.text.normalize import normalize_text

SHIPPED = Path(__file__).resolve().parents[1] / "data" / "triggers.tsv"

#: the 16 PLOVER event types (DESIGN.md).
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
ROLES = frozenset({"actor", "recipient", "place"})
POS = ("verb", "noun", "participle")
NEXT = frozenset({"actor", "recipient", "-"})
NEEDS = frozenset({"crowd", "recipient", "-"})
COLUMNS = ("trigger", "pos", "type", "mode", "next", "preps", "needs")


class LexiconError(InputError):
    """A trigger file that cannot be used: the message names the file, the line and why."""

    code = "bad-lexicon"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One spelling of a trigger: its first word's forms are the lexicon's keys."""

    words: tuple[str, ...]  # normalized words after the first
    pos: str
    type: str
    mode: str | None
    next: str | None
    preps: tuple[tuple[str, str], ...]
    needs: str | None
    origin: str

    @property
    def length(self) -> int:
        return 1 + len(self.words)

    @property
    def participle(self) -> bool:
        """مطالبين، منددين: the subject is the sentence's, the phrase after is the object."""
        return self.pos == "participle"


@dataclass
class Lexicon:
    """First-word form (normalized, without clitics) -> triggers, longest first."""

    by_first: dict[str, list[Trigger]] = field(default_factory=dict)
    rows: int = 0
    _cache: dict[tuple[str, bool], list[Trigger]] = field(default_factory=dict, repr=False)

    def add(self, form: str, trigger: Trigger, replace: bool) -> None:
        self._cache.clear()
        items = self.by_first.setdefault(form, [])
        if replace:
            items[:] = [t for t in items if t.words != trigger.words]
        items.append(trigger)
        items.sort(key=lambda t: -t.length)

    def lookup(self, word: str, taa: bool = False) -> list[Trigger]:
        """Triggers whose first word is ``word`` (a normalized token, clitics and all);
        ``taa``: the raw word ends in ة, so its final ه is no pronoun (وزارة is not و+زار+ه)."""
        key = (word, taa)
        found = self._cache.get(key)
        if found is None:
            found = []
            for form in trigger_forms(word, taa):
                for trig in self.by_first.get(form, ()):
                    if trig not in found:
                        found.append(trig)
            self._cache[key] = found
        return found


#: pronoun suffixes a trigger may carry (اجتماعهم، قواتها); not ي/ني/ك, which would read the
#: adjective الاجتماعي as "my meeting".
TRIGGER_ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "نا"})


@lru_cache(maxsize=65536)
def trigger_forms(word: str, taa: bool = False) -> tuple[str, ...]:
    """The strings to look a token up under in the trigger lexicon."""
    forms: list[str] = []
    for a in analyses(word):
        if a.enclitic and (a.enclitic not in TRIGGER_ENCLITICS or taa and a.enclitic == "ه"):
            continue
        for form in (a.form, a.stem) if a.definite else (a.form,):
            if form not in forms:
                forms.append(form)
    return tuple(forms)


def _forms(spelling: str, pos: str) -> tuple[set[str], tuple[str, ...]]:
    """(first-word forms, rest words) of one spelling."""
    fixed = spelling.endswith("=")
    words = normalize_text(spelling.rstrip("=")).split()
    first, rest = words[0], tuple(words[1:])
    if pos == "verb" and not fixed:
        forms = conjugate(first if not first.startswith("ي") else "", first if first.startswith(
            "ي") else "")
    else:
        forms = {first}
    return forms, rest


def parse_row(cols: list[str], origin: str) -> list[tuple[str, Trigger]]:
    """The (form, trigger) pairs of one row; :class:`LexiconError` if the row is bad."""
    if len(cols) != len(COLUMNS):
        raise LexiconError(origin, f"{len(cols)} columns, expected {len(COLUMNS)}: "
                                   + ", ".join(COLUMNS))
    spellings, pos, etype, mode, nxt, preps, needs = (c.strip() for c in cols)
    if pos not in POS:
        raise LexiconError(origin, f"pos {pos!r} is not one of {', '.join(POS)}")
    if etype not in PLOVER_TYPES:
        raise LexiconError(origin, f"type {etype!r} is not a PLOVER type "
                                   f"({', '.join(sorted(PLOVER_TYPES))})")
    if nxt not in NEXT:
        raise LexiconError(origin, f"next {nxt!r} is not one of {sorted(NEXT)}")
    if needs not in NEEDS:
        raise LexiconError(origin, f"needs {needs!r} is not one of {sorted(NEEDS)}")
    roles = []
    for item in preps.split() if preps != "-" else ():
        prep, _, role = item.partition("=")
        if role not in ROLES or not prep:
            raise LexiconError(origin, f"preps item {item!r} is not prep=role "
                                       f"(role: {', '.join(sorted(ROLES))})")
        roles.append((normalize_text(prep), role))
    if not spellings.strip("|"):
        raise LexiconError(origin, "no trigger spelling")
    out: list[tuple[str, Trigger]] = []
    for spelling in filter(None, (s.strip() for s in spellings.split("|"))):
        forms, rest = _forms(spelling, pos)
        trig = Trigger(rest, pos, etype, None if mode == "-" else mode,
                       None if nxt == "-" else nxt, tuple(roles),
                       None if needs == "-" else needs, origin)
        out.extend((f, trig) for f in forms)
    return out


def read_rows(path: Path) -> Iterable[tuple[list[str], str]]:
    """The data rows of a trigger file (columns, "path:line"), header and comments skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableError(str(path), f"cannot read the trigger file ({exc})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0].strip() == "trigger":
            continue
        yield cols, f"{path}:{n}"


def build(paths: Iterable[Path]) -> Lexicon:
    """The lexicon of the shipped file then the user's files (later spellings replace)."""
    lex = Lexicon()
    for k, path in enumerate(paths):
        for cols, origin in read_rows(path):
            lex.rows += 1
            for form, trig in parse_row(cols, origin):
                lex.add(form, trig, replace=k > 0)
    return lex


@lru_cache(maxsize=8)
def _cached(user: str, mtime: float) -> Lexicon:
    return build([SHIPPED, Path(user)] if user else [SHIPPED])


def load_lexicon(user_file: str | Path | None = None) -> Lexicon:
    """The shipped lexicon plus ``user_file`` (default: the ``events_triggers_file``
    setting), cached until the user's file changes."""
    from marsad import settings

    user = str(user_file) if user_file else settings.get("events_triggers_file")
    if not user:
        return _cached("", 0.0)
    path = Path(user)
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise UnreadableError(user, f"cannot read the trigger file ({exc})") from None
    return _cached(user, mtime)
