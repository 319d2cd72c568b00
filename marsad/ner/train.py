"""Training the NER model: jackknifed gazetteer features, python-crfsuite's L-BFGS, and,
when ``features.document`` is on, a two-pass model (:mod:`marsad.ner.document`).

Two-pass training:

1. the training sentences are cut into ``first_folds`` contiguous blocks; for each block a
   first-pass CRF (no document features) is trained on the other blocks and tags it;
2. a first-pass CRF is trained on every sentence: it runs first at tagging time;
3. the second-pass CRF is trained on every sentence with the document features computed from
   the jackknifed predictions of step 1.

The bundle is the ``.crfsuite`` weights of each pass plus a JSON file with the feature
configuration, the gazetteer and the SHA-256 of every file the model needs.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from marsad.ner.clusters import Clusters
from marsad.ner.data import Sentence
from marsad.ner.document import Extra, context_features
from marsad.ner.features import FeatureConfig, Featurizer
from marsad.ner.gazetteer import Gazetteer, curated, from_kb, from_sentences

FORMAT = "marsad-ner/1"


@dataclass(frozen=True)
class TrainConfig:
    """Training settings (stored in the model's JSON file)."""

    c1: float = 0.1
    c2: float = 0.05
    max_iterations: int = 200
    folds: int = 10
    first_folds: int = 5
    curated: bool = True
    kb: bool = True
    features: FeatureConfig = field(default_factory=FeatureConfig)

    def to_dict(self) -> dict[str, Any]:
        return {"c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
                "folds": self.folds, "first_folds": self.first_folds, "curated": self.curated,
                "kb": self.kb, "features": self.features.to_dict()}


def sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def blocks(n: int, k: int) -> list[tuple[int, int]]:
    """``k`` contiguous ``[start, end)`` blocks of ``range(n)``."""
    bounds = [round(i * n / k) for i in range(k + 1)]
    return list(zip(bounds, bounds[1:], strict=False))


def fold_gazetteers(sentences: Sequence[Sentence], folds: int, base: Gazetteer) -> list[Gazetteer]:
    """For each of ``folds`` contiguous blocks, the names of every *other* block (+ ``base``)."""
    out = []
    for start, end in blocks(len(sentences), folds):
        others = [*sentences[:start], *sentences[end:]]
        out.append(from_sentences((s.tokens, s.tags) for s in others).merged(base))
    return out


def training_features(
    sentences: Sequence[Sentence], featurizer: Featurizer, config: TrainConfig, base: Gazetteer,
    extra: Sequence[Extra] | None = None,
) -> list[list[list[str]]]:
    """Features of every training sentence, each block with its jackknifed gazetteer."""
    def extra_of(i: int) -> Extra | None:
        return extra[i] if extra is not None else None

    if not config.features.gazetteer:
        featurizer.gazetteer = None
        return [featurizer.sentence(s.tokens, extra_of(i)) for i, s in enumerate(sentences)]
    if config.folds < 2:  # no jackknife: every sentence sees every name (for ablations)
        featurizer.gazetteer = from_sentences((s.tokens, s.tags) for s in sentences).merged(base)
        return [featurizer.sentence(s.tokens, extra_of(i)) for i, s in enumerate(sentences)]
    out = []
    gazetteers = fold_gazetteers(sentences, config.folds, base)
    for k, (start, end) in enumerate(blocks(len(sentences), config.folds)):
        featurizer.gazetteer = gazetteers[k]
        out += [featurizer.sentence(sentences[i].tokens, extra_of(i)) for i in range(start, end)]
    return out


def fit(xseqs: list[list[list[str]]], yseqs: Sequence[Sequence[str]], path: Path,
        config: TrainConfig) -> None:
    """Train a CRF with L-BFGS and write it to ``path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xseqs, yseqs, strict=True):
        trainer.append(pycrfsuite.ItemSequence(x), list(y))
    trainer.set_params({
        "c1": config.c1,
        "c2": config.c2,
        "max_iterations": config.max_iterations,
        "feature.possible_transitions": True,
    })
    trainer.train(str(path))


def fit_pass(sentences: Sequence[Sentence], path: Path, config: TrainConfig,
             clusters: Clusters | None, base: Gazetteer,
             extra: Sequence[Extra] | None = None) -> Featurizer:
    """Train one CRF on ``sentences``; returns a featurizer set up to tag with it."""
    featurizer = Featurizer(config.features, clusters, None)
    fit(training_features(sentences, featurizer, config, base, extra),
        [s.tags for s in sentences], path, config)
    if config.features.gazetteer:
        featurizer.gazetteer = from_sentences((s.tokens, s.tags) for s in sentences).merged(base)
    return featurizer


def jackknife_predictions(sentences: Sequence[Sentence], config: TrainConfig,
                          clusters: Clusters | None, base: Gazetteer) -> list[list[str]]:
    """First-pass tags of every sentence, each block tagged by a model trained without it."""
    import pycrfsuite

    first = first_pass_config(config)
    predictions: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="marsad-ner-") as tmp:
        for k, (start, end) in enumerate(blocks(len(sentences), config.first_folds)):
            path = Path(tmp) / f"fold{k}.crfsuite"
            featurizer = fit_pass([*sentences[:start], *sentences[end:]], path, first, clusters,
                                  base)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            predictions += [tagger.tag(featurizer.sentence(s.tokens)) for s in sentences[start:end]]
            tagger.close()
    return predictions


def _beside(path: Path, folder: Path) -> Path:
    """``path``, copied into ``folder`` when it is elsewhere (a model bundle is one folder)."""
    target = folder / path.name
    if not target.exists() or target.resolve() != path.resolve():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return target


def kb_index_sha256() -> str | None:
    """The checksum of the knowledge-base index the gazetteer took names from."""
    try:
        from marsad.kb.base import INDEX
    except ImportError:  # pragma: no cover
        return None
    return sha256(INDEX) if Path(INDEX).is_file() else None


def first_pass_config(config: TrainConfig) -> TrainConfig:
    return replace(config, features=replace(config.features, document=0))


def train(
    sentences: Sequence[Sentence],
    out: str | Path,
    config: TrainConfig = TrainConfig(),
    clusters_path: str | Path | None = None,
    provenance: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Train on ``sentences`` and write the model: ``out`` (JSON) and its weights next to it
    (``<stem>.crfsuite``, and ``<stem>-first.crfsuite`` for a two-pass model; the cluster
    file is copied there when it is elsewhere). Returns the JSON metadata written."""
    started = time.perf_counter()
    out = Path(out)
    weights = out.with_suffix(".crfsuite")
    clusters = None
    if clusters_path and config.features.clusters:
        clusters_path = _beside(Path(clusters_path), out.parent)
        clusters = Clusters.read(clusters_path)
    base = curated() if config.curated else Gazetteer()
    if config.kb:
        base = base.merged(from_kb())
    window = config.features.document
    first_weights = None
    extra = None
    if window:
        first_weights = out.with_name(out.stem + "-first.crfsuite")
        jackknifed = jackknife_predictions(sentences, config, clusters, base)
        extra = context_features([s.tokens for s in sentences], jackknifed, window)
        fit_pass(sentences, first_weights, first_pass_config(config), clusters, base)
    fit_pass(sentences, weights, config, clusters, base, extra)
    gazetteer = from_sentences((s.tokens, s.tags) for s in sentences).merged(base)
    meta: dict[str, Any] = {
        "format": FORMAT,
        "weights": weights.name,
        "weights_sha256": sha256(weights),
        "first_weights": first_weights.name if first_weights else None,
        "first_weights_sha256": sha256(first_weights) if first_weights else None,
        "clusters": Path(clusters_path).name if clusters is not None and clusters_path else None,
        "clusters_sha256": sha256(clusters_path) if clusters is not None and clusters_path else None,
        "config": config.to_dict(),
        "trained_on": {"sentences": len(sentences), "tokens": sum(len(s) for s in sentences),
                       **(provenance or {}), **({"kb_index_sha256": kb_index_sha256()}
                                                if config.kb else {})},
        "train_seconds": round(time.perf_counter() - started, 1),
        "gazetteer": gazetteer.dump() if config.features.gazetteer else [],
    }
    out.write_text(json.dumps(meta, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return meta
