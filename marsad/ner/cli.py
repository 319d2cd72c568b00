"""The NER commands: ``marsad train ner``, ``marsad train clusters`` and ``marsad eval ner``
(registered in :data:`marsad.cli.train.TRAINERS` and :data:`marsad.cli.eval.EVALUATORS`)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from marsad.cli import EXIT_OK

DEFAULT_CLUSTERS = "ner-clusters.txt.gz"


def _models_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "models"


def _fraction(value: str) -> float:
    try:
        f = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 <= f < 1:
        raise argparse.ArgumentTypeError(f"{value} is not in [0, 1)")
    return f


def register_train(sub: Any, name: str) -> None:
    if name == "clusters":
        _register_train_clusters(sub, name)
        return
    p = sub.add_parser(name, help="train the named-entity recognizer (CRF)",
                       description="Train the NER model on an ANERcorp-style file (token TAG "
                       "lines). The last --dev-split of its sentences is held out (never trained "
                       "on) and scored at the end.")
    p.add_argument("--data", required=True, metavar="FILE", help="token/tag training file")
    p.add_argument("--dev-split", type=_fraction, default=0.1, metavar="FRACTION",
                   help="share of sentences, at the end of the file, held out as dev (default 0.1; "
                   "0 trains on everything)")
    p.add_argument("--out", metavar="PATH", help="model JSON to write (default: the shipped "
                   "marsad/models/ner.json); its .crfsuite weights are written next to it")
    p.add_argument("--clusters", metavar="PATH", help="word cluster file (default: the shipped "
                   f"marsad/models/{DEFAULT_CLUSTERS}); 'none' trains without clusters")
    p.add_argument("--no-kb", action="store_true", help="leave the knowledge base's names out "
                   "of the gazetteer (default: in)")
    p.add_argument("--c1", type=float, default=None, help="L1 penalty (default 0.1)")
    p.add_argument("--c2", type=float, default=None, help="L2 penalty (default 0.05)")
    p.add_argument("--max-iterations", type=int, default=None, metavar="N")
    p.add_argument("--json", action="store_true", help="print the metadata and dev scores as JSON")
    p.set_defaults(run=run_train)


def _register_train_clusters(sub: Any, name: str) -> None:
    p = sub.add_parser(name, help="learn word clusters from unlabelled news (NER features)",
                       description="Learn word clusters (PPMI + SVD + k-means) from the titles and "
                       "texts of TREC-like files, plus the training part of a labelled file. Needs "
                       "the 'train' extra (numpy, scipy, scikit-learn).")
    p.add_argument("--data", required=True, metavar="DIR", help="directory of TREC-like *.txt files")
    p.add_argument("--labelled", metavar="FILE", help="token/tag file whose training part (all but "
                   "the last --dev-split) is added as unlabelled text")
    p.add_argument("--dev-split", type=_fraction, default=0.1, metavar="FRACTION")
    p.add_argument("--out", metavar="PATH", help=f"default: marsad/models/{DEFAULT_CLUSTERS}")
    p.set_defaults(run=run_train_clusters)


def register_eval(sub: Any, name: str) -> None:
    p = sub.add_parser(name, help="score the NER model (exact spans, CoNLL style)",
                       description="Score the NER model on a token/tag file: exact-span precision, "
                       "recall and F1 per type and micro-averaged (JSON: fractions 0-1; text: percent).")
    add_eval_arguments(p, "model JSON (default: the shipped one)")
    p.set_defaults(run=run_eval)


def add_eval_arguments(p: Any, model_help: str) -> None:
    """The options of every NER evaluator (``marsad eval ner``, ``marsad eval ner-neural``)."""
    p.add_argument("--data", required=True, metavar="FILE", help="token/tag gold file")
    p.add_argument("--split", choices=("all", "train", "dev"), default="all",
                   help="score the whole file (default), or its train or dev part")
    p.add_argument("--dev-split", type=_fraction, default=0.1, metavar="FRACTION",
                   help="size of the dev part, as in training (default 0.1)")
    p.add_argument("--model", metavar="PATH", help=model_help)
    p.add_argument("--json", action="store_true", help="print the scores as JSON")


def run_train(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from marsad.ner.data import read_conll, split
    from marsad.ner.evaluate import evaluate
    from marsad.ner.train import TrainConfig, sha256, train

    sentences = read_conll(args.data)
    train_part = split(sentences, "train", args.dev_split)
    dev_part = split(sentences, "dev", args.dev_split)
    out = Path(args.out) if args.out else _models_dir() / "ner.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    clusters = _clusters_for(args.clusters, out.parent)
    config = TrainConfig()
    overrides = {k: getattr(args, k) for k in ("c1", "c2", "max_iterations")
                 if getattr(args, k) is not None}
    config = replace(config, **overrides, kb=not args.no_kb)
    if clusters is None:
        config = replace(config, features=replace(config.features, clusters=(),
                                                  context_clusters=()))
    provenance = {"data": Path(args.data).name, "data_sha256": sha256(args.data),
                  "dev_split": args.dev_split}
    print(f"training on {len(train_part)} sentences ({sum(map(len, train_part))} tokens)...",
          file=sys.stderr)
    meta = train(train_part, out, config, clusters, provenance)
    print(f"wrote {out} and {out.with_suffix('.crfsuite')}", file=sys.stderr)
    report = evaluate(dev_part, out).as_dict() if dev_part else None
    if args.json:
        meta = {k: v for k, v in meta.items() if k != "gazetteer"}
        print(json.dumps({"model": meta, "dev": report}, ensure_ascii=False, indent=2))
    elif report:
        print(format_report(report, f"dev ({len(dev_part)} sentences)"))
    return EXIT_OK


def _clusters_for(option: str | None, out_dir: Path) -> Path | None:
    """The cluster file to train with (training copies it next to the model)."""
    from marsad.errors import ModelError

    if option == "none":
        return None
    path = Path(option) if option else _models_dir() / DEFAULT_CLUSTERS
    if not path.is_file():
        raise ModelError(f"the cluster file {path} is missing: build it with `marsad train "
                         "clusters --data DIR`, or train with --clusters none")
    return path


def run_train_clusters(args: argparse.Namespace) -> int:
    from itertools import chain

    from marsad.errors import ConfigError
    from marsad.ner import clusters, corpus
    from marsad.ner.data import read_conll, split

    try:
        import numpy  # noqa: F401
        import scipy  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise ConfigError(f"`marsad train clusters` needs the 'train' extra ({exc.name} is "
                          "missing): pip install 'marsad[train]'") from None
    corpus.trec_files(args.data)  # fail early on a bad directory
    out = Path(args.out) if args.out else _models_dir() / DEFAULT_CLUSTERS
    out.parent.mkdir(parents=True, exist_ok=True)
    sources = [corpus.trec_sentences(args.data)]
    if args.labelled:
        part = split(read_conll(args.labelled), "train", args.dev_split)
        sources.append(corpus.token_sentences(s.tokens for s in part))
    started = time.perf_counter()
    table = clusters.build(chain(*sources))
    digest = clusters.write(out, table, clusters.GRANULARITIES)
    print(f"wrote {out}: {len(table)} words, granularities "
          f"{', '.join(map(str, clusters.GRANULARITIES))}, sha256 {digest[:16]}…, "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    return EXIT_OK


def run_eval(args: argparse.Namespace) -> int:
    from marsad.ner.data import read_conll, split
    from marsad.ner.evaluate import evaluate

    sentences = split(read_conll(args.data), args.split, args.dev_split)
    started = time.perf_counter()
    report = evaluate(sentences, args.model).as_dict()
    report["seconds"] = round(time.perf_counter() - started, 2)
    return print_report(report, args)


def print_report(report: dict[str, Any], args: argparse.Namespace) -> int:
    """An evaluator's scores, as JSON (``--json``) or as a table."""
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report, f"{args.data} [{args.split}]"))
    return EXIT_OK


def format_report(report: dict[str, Any], title: str) -> str:
    rows = [f"NER scores on {title}: {report['tokens']} tokens",
            f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    items = [*report["per_type"].items(), ("micro", report["micro"])]
    for name, s in items:
        rows.append(f"{name:<6} {100 * s['precision']:6.2f} {100 * s['recall']:6.2f} "
                    f"{100 * s['f1']:6.2f} "
                    f"{s['gold']:6d} {s['predicted']:6d}")
    return "\n".join(rows)
