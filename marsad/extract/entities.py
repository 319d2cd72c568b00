"""The ``entities`` stage: named people, organizations and places, linked to the KB.

NER spans (from :func:`marsad.ner.tag_doc`, when that module and its model are there) are
merged with knowledge-base matches (:func:`marsad.kb.link.resolve_overlaps`), then linked
(:class:`marsad.kb.link.Linker`). Without NER the stage uses the KB matches alone and says so
in ``doc.meta["entities"]["ner"]``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from marsad.errors import ModelError
from marsad.model import Doc, Entity
from marsad.pipeline import stage

NerFunc = Callable[[Doc], Sequence[Entity]]
_LINKERS: dict[int, Any] = {}


def default_ner(doc: Doc) -> tuple[list[Entity], str]:
    """NER spans of ``doc`` and a note on where they came from."""
    try:
        from marsad.ner import tag_doc
    except ImportError as exc:
        return [], f"unavailable (marsad.ner: {exc}); knowledge-base matches only"
    try:
        return list(tag_doc(doc)), "used"
    except ModelError as exc:
        return [], f"unavailable ({exc}); knowledge-base matches only"


def linker_for(kb: Any = None) -> Any:
    """The (cached) linker of ``kb`` (the default knowledge base when None)."""
    from marsad.kb import load
    from marsad.kb.link import Linker

    kb = kb if kb is not None else load()
    linker = _LINKERS.get(id(kb))
    if linker is None or linker.kb is not kb:
        linker = _LINKERS[id(kb)] = Linker(kb)
    return linker


def extract(doc: Doc, kb: Any = None, ner: NerFunc | None = None) -> Doc:
    """``doc`` with its ``entities`` group (and a note on NER in ``doc.meta``)."""
    if ner is None:
        spans, note = default_ner(doc)
    else:
        spans, note = list(ner(doc)), "used"
    entities = linker_for(kb).link(doc.normalized, spans)
    meta = dict(doc.meta.get("entities", {}))
    meta["ner"] = note
    return doc.with_spans("entities", entities).with_meta(entities=meta)


@stage("entities", requires=("tokens",), assigns=("entities",))
def entities_stage(doc: Doc) -> Doc:
    return extract(doc)
