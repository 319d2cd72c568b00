"""Stages and the pipeline that runs them.

A stage is a callable ``Doc -> Doc`` with a ``name``, the things it ``requires`` and the
things it ``assigns`` (span groups such as ``"dates"``, or ``"tokens"``, ``"sentences"``).
:class:`Pipeline` checks the order when it is built (every requirement assigned by an earlier
stage), runs one text (:meth:`Pipeline.analyze`) or a stream (:meth:`Pipeline.pipe`), and
applies an error policy per stage: ``raise`` (a :class:`~marsad.errors.StageError`) or
``record`` (a :class:`~marsad.model.StageFailure` on the Doc, and the next stage runs).

Stages are registered by name (:data:`STAGES`) and imported only when a pipeline uses them, so
importing marsad stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Any, Protocol, runtime_checkable

from marsad.errors import ConfigError, MarsadError, PipelineError, StageError
from marsad.model import Article, Doc, StageFailure

#: what a new Doc has before any stage runs.
BASE = frozenset({"text", "article"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, doc: Doc) -> Doc: ...


@dataclass(frozen=True)
class FunctionStage:
    """A stage made of a plain function, and optionally a faster one for a batch of Docs
    (``batch(docs) -> docs``, same order; :meth:`Pipeline.pipe` uses it)."""

    name: str
    func: Callable[[Doc], Doc]
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()
    batch: Callable[[list[Doc]], list[Doc]] | None = None

    def __call__(self, doc: Doc) -> Doc:
        return self.func(doc)


def stage(
    name: str,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    batch: Callable[[list[Doc]], list[Doc]] | None = None,
) -> Callable[[Callable[[Doc], Doc]], FunctionStage]:
    """Decorator: turn ``func(doc) -> doc`` into a :class:`FunctionStage`."""

    def wrap(func: Callable[[Doc], Doc]) -> FunctionStage:
        return FunctionStage(name, func, frozenset(requires), frozenset(assigns), batch)

    return wrap


#: stage name -> "module:attribute" of the stage object (imported on first use).
STAGES: dict[str, str] = {
    "tokenize": "marsad.text.stage:tokenize_stage",
    "dates": "marsad.extract.dates:dates_stage",
    "numbers": "marsad.extract.numbers:numbers_stage",
    "entities": "marsad.extract.entities:entities_stage",
    "quotes": "marsad.extract.quotes:quotes_stage",
    "events": "marsad.extract.events:events_stage",
}

#: the stages of the default pipeline, in order.
DEFAULT_STAGES: tuple[str, ...] = ("tokenize", "dates", "numbers", "entities", "quotes", "events")

POLICIES = ("raise", "record")


def get_stage(name: str) -> Stage:
    """The registered stage called ``name``."""
    try:
        target = STAGES[name]
    except KeyError:
        known = ", ".join(sorted(STAGES))
        raise PipelineError(f"unknown stage {name!r} (known stages: {known})") from None
    module, _, attr = target.partition(":")
    obj = getattr(importlib.import_module(module), attr)
    if not isinstance(obj, Stage):
        raise PipelineError(f"{target} is not a stage")
    return obj


def check_order(stages: Sequence[Stage]) -> None:
    """Raise :class:`PipelineError` unless every stage's requirements come before it."""
    available = set(BASE)
    names = [s.name for s in stages]
    for s in stages:
        missing = sorted(s.requires - available)
        if missing:
            later = {
                req: other.name
                for req in missing
                for other in stages[names.index(s.name) + 1 :]
                if req in other.assigns
            }
            hints = "; ".join(
                f"{req!r} is assigned by {later[req]!r}, which comes after it"
                if req in later
                else f"no stage assigns {req!r}"
                for req in missing
            )
            raise PipelineError(f"stage {s.name!r} requires {', '.join(missing)}: {hints}")
        available |= s.assigns


class Pipeline:
    """An ordered list of stages with an error policy.

    ``on_error`` is ``"raise"`` or ``"record"`` for every stage, or a mapping from stage name
    to policy (stages not named use ``"raise"``).
    """

    def __init__(
        self,
        stages: Sequence[Stage | str] = DEFAULT_STAGES,
        on_error: str | Mapping[str, str] = "raise",
    ) -> None:
        self.stages: tuple[Stage, ...] = tuple(
            get_stage(s) if isinstance(s, str) else s for s in stages
        )
        check_order(self.stages)
        policies = (
            dict.fromkeys((s.name for s in self.stages), on_error)
            if isinstance(on_error, str)
            else {s.name: on_error.get(s.name, "raise") for s in self.stages}
        )
        for name, policy in policies.items():
            if policy not in POLICIES:
                raise PipelineError(f"bad error policy {policy!r} for stage {name!r}: {POLICIES}")
        self.policies: dict[str, str] = policies

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.names)!r})"

    def run(self, doc: Doc) -> Doc:
        """Run every stage on ``doc``."""
        for s in self.stages:
            doc = self._run_stage(s, doc)
        return doc

    def _run_stage(self, s: Stage, doc: Doc) -> Doc:
        try:
            return s(doc)
        except Exception as exc:  # noqa: BLE001 - the policy decides
            if self.policies[s.name] == "raise":
                raise StageError(s.name, doc.id, exc) from exc
            code = exc.code if isinstance(exc, MarsadError) else type(exc).__name__
            return doc.with_failure(StageFailure(doc.id, s.name, code, str(exc)))

    def analyze(
        self, text_or_article: str | Article | Doc, *, published: date | datetime | None = None
    ) -> Doc:
        """Analyse one text, :class:`Article` or :class:`Doc`."""
        return self.run(make_doc(text_or_article, published=published))

    def pipe(
        self, items: Iterable[str | Article | Doc], batch_size: int | None = None
    ) -> Iterator[Doc]:
        """Analyse a stream, ``batch_size`` documents at a time (default: the ``batch_size``
        setting, 64), in order."""
        if batch_size is None:
            from marsad import settings

            batch_size = int(settings.get("batch_size"))
            if batch_size < 1:
                raise ConfigError(f"the batch_size setting ({batch_size}) must be at least 1")
        if batch_size < 1:
            raise ConfigError(f"batch size {batch_size} must be at least 1")
        it = iter(items)
        while batch := [make_doc(x) for x in islice(it, batch_size)]:
            for s in self.stages:
                batch = self._run_batch(s, batch)
            yield from batch

    def _run_batch(self, s: Stage, docs: list[Doc]) -> list[Doc]:
        """A stage over a batch: its batch function if it has one (falling back to one Doc at
        a time if the batch fails, so a failure is charged to the Doc that caused it)."""
        batch_func = getattr(s, "batch", None)
        if batch_func is not None and len(docs) > 1:
            try:
                done = list(batch_func(docs))
                if len(done) == len(docs):
                    return done
            except Exception:  # noqa: BLE001 - retried one by one below
                pass
        return [self._run_stage(s, d) for d in docs]


def make_doc(item: str | Article | Doc, *, published: date | datetime | None = None) -> Doc:
    """A Doc for a text, an Article or a Doc (with ``published`` set where given)."""
    if isinstance(item, Doc):
        doc = item
    elif isinstance(item, Article):
        doc = Doc(item)
    elif isinstance(item, str):
        doc = Doc(Article(text=item))
    else:
        raise TypeError(f"cannot analyse a {type(item).__name__}: give a str, Article or Doc")
    if published is not None:
        from dataclasses import replace

        doc = replace(doc, article=replace(doc.article, published=published))
    return doc


_DEFAULT: dict[str, Pipeline] = {}


def load_pipeline(
    stages: Sequence[Stage | str] | None = None, on_error: str | Mapping[str, str] = "raise"
) -> Pipeline:
    """A pipeline of ``stages`` (the default stages when ``None``)."""
    return Pipeline(DEFAULT_STAGES if stages is None else stages, on_error=on_error)


def analyze(text_or_article: str | Article | Doc, **kwargs: Any) -> Doc:
    """Analyse one text with the default pipeline (built once, then reused)."""
    if "default" not in _DEFAULT:
        _DEFAULT["default"] = load_pipeline()
    return _DEFAULT["default"].analyze(text_or_article, **kwargs)
