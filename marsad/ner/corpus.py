"""Unlabelled text for distributional features: the titles and bodies of TREC-like files
(the ANT corpus), and the tokens of a labelled file, as lists of normalized tokens per
sentence.

TREC fields are read with a tolerant pattern (no dates are parsed: the text is all that is
needed here), so one odd record does not stop a build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.errors import EmptyInputError, UnreadableError
from marsad.text.normalize import normalize_text
from marsad.text.tokenize import split_sentences, tokenize

_FIELD = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.S | re.I)
_DIGIT = re.compile(r"\d")


def word_key(token: str) -> str:
    """The form a word is counted and looked up under: normalized, every digit as 0."""
    return _DIGIT.sub("0", normalize_text(token))


def text_sentences(text: str) -> Iterator[list[str]]:
    """The sentences of a raw text as lists of word keys."""
    for s, e in split_sentences(text):
        chunk = text[s:e]
        words = [word_key(chunk[a:b]) for a, b in tokenize(chunk)]
        if words:
            yield words


def trec_files(root: str | Path) -> list[Path]:
    """The ``*.txt`` files under ``root``, sorted (an error if there are none)."""
    root = Path(root)
    if not root.exists():
        raise UnreadableError(str(root), "no such file or directory")
    files = [root] if root.is_file() else sorted(root.rglob("*.txt"))
    if not files:
        raise EmptyInputError(str(root), "no *.txt files of TREC-like documents")
    return files


def trec_sentences(root: str | Path) -> Iterator[list[str]]:
    """Every sentence of the titles and texts of the TREC-like files under ``root``."""
    for path in trec_files(root):
        text = path.read_text(encoding="utf-8", errors="replace")
        for _, body in _FIELD.findall(text):
            yield from text_sentences(body)


def token_sentences(sentences: Iterable[Iterable[str]]) -> Iterator[list[str]]:
    """Already tokenized sentences (e.g. a labelled file's tokens) as word keys."""
    for tokens in sentences:
        yield [word_key(t) for t in tokens]
