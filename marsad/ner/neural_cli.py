"""``marsad train ner-neural`` and ``marsad eval ner-neural`` (registered in
:data:`marsad.cli.train.TRAINERS` and :data:`marsad.cli.eval.EVALUATORS`)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from marsad.cli import EXIT_OK
from marsad.ner.cli import _fraction, add_eval_arguments, format_report, print_report


def register_train(sub: Any, name: str) -> None:
    p = sub.add_parser(name, help="train the neural named-entity recognizer (needs torch)",
                       description="Train the neural NER model (BiLSTM-CRF over word vectors, "
                       "characters and gazetteer matches) on an ANERcorp-style file and write "
                       "it as a numpy model file. Needs the 'train-neural' extra (torch). The "
                       "last --dev-split of the sentences is held out (never trained on) and "
                       "scored at the end.")
    p.add_argument("--data", required=True, metavar="FILE", help="token/tag training file")
    p.add_argument("--unlabelled", metavar="DIR", help="TREC-like news files the word vectors "
                   "are learnt from (e.g. ../shared/data/news/ant); without it, only the "
                   "training tokens (much weaker)")
    p.add_argument("--dev-split", type=_fraction, default=0.1, metavar="FRACTION",
                   help="share of sentences, at the end of the file, held out as dev (default "
                   "0.1; 0 trains on everything)")
    p.add_argument("--out", metavar="PATH", help="model file to write (default: the shipped "
                   "marsad/models/ner-neural.npz)")
    p.add_argument("--epochs", type=int, default=None, metavar="N")
    p.add_argument("--seed", type=int, default=None, metavar="N", help="seed of the first "
                   "network (default 1)")
    p.add_argument("--ensemble", type=int, default=None, metavar="N",
                   help="networks trained from successive seeds and averaged (default 2)")
    p.add_argument("--json", action="store_true", help="print the header and dev scores as JSON")
    p.set_defaults(run=run_train)


def register_eval(sub: Any, name: str) -> None:
    p = sub.add_parser(name, help="score the neural NER model (exact spans, CoNLL style)",
                       description="Score the neural NER model on a token/tag file: exact-span "
                       "precision, recall and F1 per type and micro-averaged (JSON: fractions "
                       "0-1, as `marsad eval ner --json`; text: percent).")
    add_eval_arguments(p, "model file (default: the shipped one)")
    p.set_defaults(run=run_eval)


def run_train(args: argparse.Namespace) -> int:
    from marsad.ner.data import read_conll, split
    from marsad.ner.neural import default_path
    from marsad.ner.neural_train import NeuralTrainConfig, train
    from marsad.ner.train import sha256

    sentences = read_conll(args.data)
    train_part = split(sentences, "train", args.dev_split)
    dev_part = split(sentences, "dev", args.dev_split)
    out = Path(args.out) if args.out else default_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    config = NeuralTrainConfig()
    overrides = {k: getattr(args, k) for k in ("epochs", "seed", "ensemble") if getattr(args, k) is not None}
    config = replace(config, **overrides)
    provenance = {"data": Path(args.data).name, "data_sha256": sha256(args.data),
                  "dev_split": args.dev_split,
                  "unlabelled": Path(args.unlabelled).name if args.unlabelled else None}
    print(f"training on {len(train_part)} sentences ({sum(map(len, train_part))} tokens)...",
          file=sys.stderr)
    header = train(train_part, out, args.unlabelled, config, dev_part, provenance)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    report = header.get("dev")
    if args.json:
        print(json.dumps(header, ensure_ascii=False, indent=2))
    elif report:
        print(format_report(report, f"dev ({len(dev_part)} sentences)"))
    return EXIT_OK


def run_eval(args: argparse.Namespace) -> int:
    from marsad.ner.neural import evaluate_file

    return print_report(evaluate_file(args.data, args.split, args.dev_split, args.model), args)
