"""Reading gold files: what the ``marsad eval`` readers of JSON Lines share.

:func:`gold_lines` yields each JSON object of a gold file with where it is (``file:line``);
:func:`locate` finds a span given by its exact text (and its start when the text occurs more
than once); :func:`corpus_article` reads an article that gold annotates in place, in a corpus
kept outside the repository. Errors name the file, the line and the reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.errors import InputError, UnreadableError
from marsad.model import Article


class GoldError(InputError):
    """A gold file that cannot be read: the message names the file, the line and the reason."""

    code = "bad-gold"


def gold_lines(path: str | Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, object)`` for each non-blank line of a JSON Lines gold file; a line that is
    not a JSON object raises :class:`GoldError` naming it (``file:line``)."""
    name = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableError(name, f"cannot read the gold file ({exc})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(where, f"not JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(data, dict):
            raise GoldError(where, "a gold line must be a JSON object")
        yield where, data


def locate(text: str, surface: str, start: Any, where: str) -> int:
    """The start of ``surface`` in ``text``: ``start`` if given (and right), else its only
    occurrence; raises :class:`GoldError` otherwise."""
    if start is None:
        start = text.find(surface)
        if start < 0:
            raise GoldError(where, f"{surface!r} does not occur in the text")
        if text.find(surface, start + 1) >= 0:
            raise GoldError(where, f"{surface!r} occurs more than once: give its 'start'")
    elif not isinstance(start, int) or text[start : start + len(surface)] != surface:
        raise GoldError(where, f"{surface!r} is not at start {start!r}")
    return start


def corpus_article(path: str | Path, docno: str) -> Article | None:
    """Article ``docno`` of a corpus file as marsad's reader gives it (None: not in the file);
    raises :class:`~marsad.errors.InputError` when the file cannot be read."""
    from marsad.ingest.files import read_articles

    for article in read_articles(str(path)):
        if article.meta.get("docno") == docno:
            return article
    return None
