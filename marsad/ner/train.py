"""Training the CRF: jackknifed gazetteer features, python-crfsuite's L-BFGS, and the model
bundle (the ``.crfsuite`` weights plus a JSON file with the feature configuration, the
gazetteer and the checksums of everything the model needs).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.ner.clusters import Clusters
from marsad.ner.data import Sentence
from marsad.ner.features import FeatureConfig, Featurizer
from marsad.ner.gazetteer import Gazetteer, curated, from_sentences

FORMAT = "marsad-ner/1"


@dataclass(frozen=True)
class TrainConfig:
    """Training settings (stored in the model's JSON file)."""

    c1: float = 0.05
    c2: float = 0.05
    max_iterations: int = 200
    folds: int = 10
    curated: bool = True
    features: FeatureConfig = field(default_factory=FeatureConfig)

    def to_dict(self) -> dict[str, Any]:
        return {"c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
                "folds": self.folds, "curated": self.curated, "features": self.features.to_dict()}


def sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def fold_gazetteers(sentences: Sequence[Sentence], folds: int, base: Gazetteer) -> list[Gazetteer]:
    """For each of ``folds`` contiguous blocks, the names of every *other* block (+ ``base``)."""
    bounds = [round(i * len(sentences) / folds) for i in range(folds + 1)]
    out = []
    for k in range(folds):
        others = [*sentences[: bounds[k]], *sentences[bounds[k + 1] :]]
        out.append(from_sentences((s.tokens, s.tags) for s in others).merged(base))
    return out


def training_features(
    sentences: Sequence[Sentence], featurizer: Featurizer, config: TrainConfig, base: Gazetteer
) -> list[list[list[str]]]:
    """Features of every training sentence, each block with its jackknifed gazetteer."""
    if not config.features.gazetteer:
        return [featurizer.sentence(s.tokens) for s in sentences]
    if config.folds < 2:  # no jackknife: every sentence sees every name (for ablations)
        featurizer.gazetteer = from_sentences((s.tokens, s.tags) for s in sentences).merged(base)
        return [featurizer.sentence(s.tokens) for s in sentences]
    gazetteers = fold_gazetteers(sentences, config.folds, base)
    out = []
    for i, s in enumerate(sentences):
        featurizer.gazetteer = gazetteers[min(i * config.folds // len(sentences), config.folds - 1)]
        out.append(featurizer.sentence(s.tokens))
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


def train(
    sentences: Sequence[Sentence],
    out: str | Path,
    config: TrainConfig = TrainConfig(),
    clusters_path: str | Path | None = None,
    provenance: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Train on ``sentences`` and write ``out`` (``.json``) next to ``out`` minus suffix +
    ``.crfsuite``. Returns the JSON metadata written."""
    started = time.perf_counter()
    out = Path(out)
    weights = out.with_suffix(".crfsuite")
    clusters = Clusters.read(clusters_path) if clusters_path and config.features.clusters else None
    base = curated() if config.curated else Gazetteer()
    featurizer = Featurizer(config.features, clusters, None)
    xseqs = training_features(sentences, featurizer, config, base)
    fit(xseqs, [s.tags for s in sentences], weights, config)
    gazetteer = from_sentences((s.tokens, s.tags) for s in sentences).merged(base)
    meta: dict[str, Any] = {
        "format": FORMAT,
        "weights": weights.name,
        "weights_sha256": sha256(weights),
        "clusters": Path(clusters_path).name if clusters is not None and clusters_path else None,
        "clusters_sha256": sha256(clusters_path) if clusters is not None and clusters_path else None,
        "config": config.to_dict(),
        "trained_on": {"sentences": len(sentences), "tokens": sum(len(s) for s in sentences),
                       **(provenance or {})},
        "train_seconds": round(time.perf_counter() - started, 1),
        "gazetteer": gazetteer.dump() if config.features.gazetteer else [],
    }
    out.write_text(json.dumps(meta, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return meta
