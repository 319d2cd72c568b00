"""Reading NER data: ANERcorp-style files (one ``token TAG`` a line, a blank line between
sentences, BIO tags over ``PERS``, ``LOC``, ``ORG``, ``MISC``) and the deterministic dev split.

The dev split is the last ``dev_fraction`` of the file's sentences (a contiguous block, so no
article is shared between the two sides): with the default 0.1 and ANERcorp's training part,
sentences 3,567–3,963. :func:`split` is the only place that rule lives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import EmptyInputError, InputError, UnreadableError

TYPES = ("PERS", "LOC", "ORG", "MISC")
TAGS = ("O", *(f"{p}-{t}" for t in TYPES for p in "BI"))
DEV_FRACTION = 0.1
SPLITS = ("train", "dev", "all")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its tokens and their BIO tags (same length)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.tokens)


def parse_lines(lines: Iterable[str], source: str) -> Iterator[Sentence]:
    """The sentences of a ``token TAG`` text; a malformed line raises :class:`InputError`."""
    tokens: list[str] = []
    tags: list[str] = []
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            if tokens:
                yield Sentence(tuple(tokens), tuple(tags))
                tokens, tags = [], []
            continue
        parts = line.split()
        if len(parts) != 2:
            raise InputError(f"{source}:{n}", f"expected 'token TAG', got {line[:60]!r}")
        token, tag = parts
        if tag not in TAGS:
            raise InputError(f"{source}:{n}", f"unknown tag {tag!r} (known: {', '.join(TAGS)})")
        tokens.append(token)
        tags.append(tag)
    if tokens:
        yield Sentence(tuple(tokens), tuple(tags))


def read_conll(path: str | Path) -> list[Sentence]:
    """Every sentence of an ANERcorp-style file; errors name the file (and line)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as fh:
            sentences = list(parse_lines(fh, str(path)))
    except FileNotFoundError:
        raise UnreadableError(str(path), "no such file") from None
    except IsADirectoryError:
        raise UnreadableError(str(path), "is a directory, not a token/tag file") from None
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise UnreadableError(str(path), exc.strerror or str(exc)) from None
    if not sentences:
        raise EmptyInputError(str(path), "no sentences (expected 'token TAG' lines)")
    return sentences


def split(
    sentences: Sequence[Sentence], which: str, dev_fraction: float = DEV_FRACTION
) -> list[Sentence]:
    """The ``train`` part (all but the last ``dev_fraction``), the ``dev`` part, or ``all``."""
    if which not in SPLITS:
        raise ValueError(f"unknown split {which!r} (known: {', '.join(SPLITS)})")
    if which == "all" or dev_fraction <= 0:
        return list(sentences) if which != "dev" else []
    cut = len(sentences) - round(len(sentences) * dev_fraction)
    return list(sentences[:cut]) if which == "train" else list(sentences[cut:])


def format_conll(sentences: Iterable[Sentence]) -> str:
    """The text :func:`read_conll` reads back."""
    blocks = ("\n".join(f"{w} {t}" for w, t in zip(s.tokens, s.tags, strict=True)) for s in sentences)
    return "\n\n".join(blocks) + "\n"
