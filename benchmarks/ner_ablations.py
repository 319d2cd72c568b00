"""Ablations of the NER model: what each feature group is worth.

Usage::

    python benchmarks/ner_ablations.py [--cv K] [--only NAME ...] [--no-write]

Each variant is the shipped configuration (``marsad/models/ner.json``) with one thing changed,
trained on the training part of ``../shared/data/ner/anercorp-train.txt`` and scored on its dev
split (micro F1, exact spans). With ``--cv K`` each variant is also scored by K-fold
cross-validation over the training part (contiguous blocks; the pooled micro F1), which is
steadier than the 966 entities of the dev split; a two-pass variant then trains
K × (first_folds + 2) CRFs, so ``--cv 5`` takes about half an hour per two-pass variant on one
core. Results go to the ``ner-ablations`` section of ``docs/benchmarks.md``; the model card
quotes them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import require_shared, write_section  # noqa: E402

from marsad.ner.data import Sentence, read_conll, split  # noqa: E402
from marsad.ner.evaluate import evaluate  # noqa: E402
from marsad.ner.features import FeatureConfig  # noqa: E402
from marsad.ner.scoring import Report, Score  # noqa: E402
from marsad.ner.tagger import NerModel, default_path  # noqa: E402
from marsad.ner.train import TrainConfig, blocks, train  # noqa: E402

Change = Callable[[TrainConfig], TrainConfig]


def feat(**changes: object) -> Change:
    """A change of the feature configuration."""
    return lambda c: replace(c, features=replace(c.features, **changes))  # type: ignore[arg-type]


def one_pass(**changes: object) -> Change:
    return feat(document=0, **changes)


def variants() -> dict[str, Change]:
    """name -> the change it makes to the shipped configuration."""
    return {
        "shipped (two passes)": lambda c: c,
        "one pass (no document features)": one_pass(),
        "one pass, no clusters": one_pass(clusters=(), context_clusters=()),
        "one pass, no gazetteer": one_pass(gazetteer=False),
        "one pass, no curated lists": lambda c: replace(one_pass()(c), curated=False),
        "one pass, gazetteer not jackknifed": lambda c: replace(one_pass()(c), folds=0),
        "one pass, no word bigrams": one_pass(bigrams=False),
        "one pass, window ±2": one_pass(window=2),
        "one pass, without the KB's names": lambda c: replace(one_pass()(c), kb=False),
    }


def shipped_config() -> tuple[TrainConfig, Path | None]:
    meta = json.loads(default_path().read_text(encoding="utf-8"))
    raw = dict(meta["config"])
    features = FeatureConfig.from_dict(raw.pop("features"))
    known = {k: v for k, v in raw.items() if k in TrainConfig.__dataclass_fields__}
    clusters = default_path().parent / meta["clusters"] if meta.get("clusters") else None
    return TrainConfig(**known, features=features), clusters


def fit_and_score(sentences: Sequence[Sentence], test: Sequence[Sentence], config: TrainConfig,
                  clusters: Path | None, tmp: Path) -> tuple[Report, float]:
    t0 = time.perf_counter()
    out = tmp / "model.json"
    train(sentences, out, config, clusters)
    return evaluate(test, NerModel(out)), time.perf_counter() - t0


def cross_validate(sentences: Sequence[Sentence], config: TrainConfig, clusters: Path | None,
                   k: int, tmp: Path) -> float:
    tp = predicted = gold = 0
    for start, end in blocks(len(sentences), k):
        out = tmp / "cv.json"
        train([*sentences[:start], *sentences[end:]], out, config, clusters)
        micro = evaluate(sentences[start:end], NerModel(out)).micro
        tp, predicted, gold = tp + micro.tp, predicted + micro.predicted, gold + micro.gold
    return Score(tp, predicted, gold).f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv", type=int, default=0, metavar="K", help="also K-fold CV")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="variants whose name starts so")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    data = require_shared("ner ablations") / "ner" / "anercorp-train.txt"
    sentences = read_conll(data)
    train, dev = split(sentences, "train"), split(sentences, "dev")
    shipped, clusters = shipped_config()
    rows = ["| variant | dev F1 | dev P | dev R |" + (f" CV{args.cv} F1 |" if args.cv else "")
            + " train s |", "|---|---:|---:|---:|" + ("---:|" if args.cv else "") + "---:|"]
    for name, change in variants().items():
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        config = change(shipped)
        with tempfile.TemporaryDirectory() as tmp:
            report, seconds = fit_and_score(train, dev, config, clusters, Path(tmp))
            micro = report.micro
            cv = cross_validate(train, config, clusters, args.cv, Path(tmp)) if args.cv else None
        row = (f"| {name} | {100 * micro.f1:.2f} | {100 * micro.precision:.2f} | "
               f"{100 * micro.recall:.2f} |" + (f" {100 * cv:.2f} |" if cv is not None else "")
               + f" {seconds:.0f} |")
        print(row, flush=True)
        rows.append(row)
    cmd = "python benchmarks/ner_ablations.py" + (f" --cv {args.cv}" if args.cv else "")
    if args.only:
        cmd += " --only " + " ".join(f"'{o}'" for o in args.only)
    body = "\n".join([
        "## NER ablations", "",
        f"`{cmd}`: each variant trained on the training part of ANERcorp's training file and "
        "scored on its dev split (966 entities; micro F1, exact spans, in %)"
        + (f", and by {args.cv}-fold cross-validation over the training part" if args.cv else "")
        + ". Differences under about 1 point on dev are noise.", "", *rows])
    if not args.no_write:
        write_section("ner-ablations", body)


if __name__ == "__main__":
    main()
