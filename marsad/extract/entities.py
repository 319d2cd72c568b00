"""The ``entities`` stage: named people, organizations and places, linked to the KB.

NER spans (from the model the ``ner_model`` setting names: :func:`marsad.ner.neural.tag_docs`
by default, :func:`marsad.ner.tag_doc` for ``crf``; a batch of Docs is tagged at once) are
merged with knowledge-base matches (:func:`marsad.kb.link.resolve_overlaps`), then linked
(:class:`marsad.kb.link.Linker`). Without NER (``off``, or the model is missing) the stage uses
the KB matches alone; ``doc.meta["entities"]["ner"]`` says which.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from marsad.errors import ModelError
from marsad.model import Doc, Entity
from marsad.pipeline import stage

NerFunc = Callable[[Doc], Sequence[Entity]]
_LINKERS: dict[int, Any] = {}


NER_MODELS = ("neural", "crf", "off")


def _ner_choice() -> str:
    from marsad import settings
    from marsad.errors import ConfigError

    choice = str(settings.get("ner_model") or "neural").lower()
    if choice not in NER_MODELS:
        raise ConfigError(f"ner_model {choice!r} is not one of {', '.join(NER_MODELS)}")
    return choice


def default_ner_batch(docs: Sequence[Doc]) -> tuple[list[list[Entity]], str]:
    """NER spans of each Doc (with the model the ``ner_model`` setting names) and a note on
    where they came from."""
    choice = _ner_choice()
    if choice == "off":
        return [[] for _ in docs], "off (ner_model setting); knowledge-base matches only"
    try:
        if choice == "neural":
            from marsad.ner.neural import tag_docs

            return [list(e) for e in tag_docs(docs)], "used (neural)"
        from marsad.ner import tag_doc

        return [list(tag_doc(d)) for d in docs], "used (crf)"
    except ImportError as exc:
        return [[] for _ in docs], f"unavailable (marsad.ner: {exc}); knowledge-base matches only"
    except ModelError as exc:
        return [[] for _ in docs], f"unavailable ({exc}); knowledge-base matches only"


def default_ner(doc: Doc) -> tuple[list[Entity], str]:
    """NER spans of ``doc`` and a note on where they came from."""
    spans, note = default_ner_batch([doc])
    return spans[0], note


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
    return _linked(doc, spans, note, kb)


def _linked(doc: Doc, spans: list[Entity], note: str, kb: Any = None) -> Doc:
    entities = linker_for(kb).link(doc.normalized, spans)
    meta = dict(doc.meta.get("entities", {}))
    meta["ner"] = note
    return doc.with_spans("entities", entities).with_meta(entities=meta)


def extract_batch(docs: list[Doc]) -> list[Doc]:
    """:func:`extract` for a batch: the NER model tags all their sentences together."""
    spans, note = default_ner_batch(docs)
    return [_linked(d, s, note) for d, s in zip(docs, spans, strict=True)]


@stage("entities", requires=("tokens",), assigns=("entities",), batch=extract_batch)
def entities_stage(doc: Doc) -> Doc:
    return extract(doc)
