"""Training the neural NER model with torch (a build-time extra: ``pip install
'marsad[train-neural]'``), and exporting it to the numpy model file that marsad runs.

Steps (:func:`train`):

1. word vectors from unlabelled news plus the training sentences' tokens
   (:mod:`marsad.ner.embeddings`), quantized to int8 before training, so the network trains on
   exactly the vectors it will run with;
2. gazetteer indicators of every training sentence from a *jackknifed* gazetteer (each block of
   sentences sees the curated lists and the names of the *other* blocks, as the CRF trains:
   :func:`marsad.ner.train.fold_gazetteers`), so the network learns how far to trust a name
   seen elsewhere rather than copying its own labels;
3. the BiLSTM-CRF (:class:`Net`, mirrored in numpy by :mod:`marsad.ner.neural_ops`) trained with
   Adam on the CRF's negative log-likelihood, one CPU thread, a fixed number of epochs;
4. export (:func:`export`): every weight as float32 except the word vectors (int8 + one scale a
   row), the vocabulary, the character set, the gazetteer (training names + curated lists) and
   a JSON header, in one compressed ``.npz``.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from marsad.ner.data import TAGS, Sentence
from marsad.ner.embeddings import EmbeddingConfig, dequantize, quantize
from marsad.ner.gazetteer import Gazetteer, curated, from_sentences
from marsad.ner.neural_encode import (
    GAZ_LABELS,
    MAX_CHARS,
    N_FLAGS,
    UNK,
    Encoder,
    Matcher,
    make_batch,
)

FORMAT = "marsad-ner-neural/1"


@dataclass(frozen=True)
class NetConfig:
    """The network's sizes (stored in the model file)."""

    char_dim: int = 24
    filters: int = 64
    width: int = 3
    hidden: int = 100
    dropout: float = 0.5


@dataclass(frozen=True)
class NeuralTrainConfig:
    """Training settings (stored in the model file)."""

    epochs: int = 20
    batch_size: int = 16
    lr: float = 2e-3
    #: the learning rate falls linearly to ``lr * lr_final`` at the last epoch
    lr_final: float = 1.0
    clip: float = 5.0
    word_dropout: float = 0.05
    folds: int = 10
    seed: int = 1
    #: networks trained (seeds ``seed``, ``seed + 1`` …) and averaged at run time
    ensemble: int = 2
    #: document propagation (:mod:`marsad.ner.propagate`) at run time
    propagate_window: int = 20
    propagate_min_prob: float = 0.5
    net: NetConfig = field(default_factory=NetConfig)
    embeddings: EmbeddingConfig = field(default_factory=EmbeddingConfig)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _torch() -> Any:
    from marsad.errors import ConfigError

    try:
        import torch
    except ImportError:
        raise ConfigError("training the neural NER model needs torch: pip install "
                          "'marsad[train-neural]'") from None
    return torch


def make_net(emb: Any, n_chars: int, config: NetConfig) -> Any:
    """The torch module (``emb``: the frozen word vectors, float32 words × dim)."""
    torch = _torch()
    nn = torch.nn

    module: Any = nn.Module

    class Net(module):
        def __init__(self) -> None:
            super().__init__()
            k = len(TAGS)
            self.emb = nn.Embedding.from_pretrained(torch.as_tensor(emb), freeze=True)
            self.char_emb = nn.Embedding(n_chars, config.char_dim, padding_idx=0)
            self.conv = nn.Conv1d(config.char_dim, config.filters, config.width,
                                  padding=config.width // 2)
            in_dim = 2 * emb.shape[1] + config.filters + N_FLAGS + len(GAZ_LABELS)
            self.lstm = nn.LSTM(in_dim, config.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * config.hidden, k)
            self.trans = nn.Parameter(torch.zeros(k, k))
            self.start = nn.Parameter(torch.zeros(k))
            self.end = nn.Parameter(torch.zeros(k))
            self.drop = nn.Dropout(config.dropout)

        def chars(self, chars: Any) -> Any:
            x = self.conv(self.char_emb(chars).transpose(1, 2)).transpose(1, 2)  # (U, L, F)
            x = x.masked_fill((chars == 0)[:, :, None], float("-inf"))
            return x.max(dim=1).values

        def emissions(self, words: Any, stems: Any, chars: Any, flags: Any, types: Any,
                      gaz: Any, lengths: Any) -> Any:
            tokens = torch.cat([self.emb(words), self.emb(stems), self.chars(chars), flags],
                               dim=-1)
            x = torch.cat([tokens[types], gaz], dim=-1)
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True,
                                                       enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True,
                                                    total_length=x.shape[1])
            return self.out(self.drop(h))

        def nll(self, scores: Any, tags: Any, lengths: Any) -> Any:
            return crf_nll(torch, scores, tags, lengths, self.trans, self.start, self.end)

    return Net()


def crf_nll(torch: Any, scores: Any, tags: Any, lengths: Any, trans: Any, start: Any,
            end: Any) -> Any:
    """Mean negative log-likelihood of gold ``tags`` (B, T) under a linear-chain CRF."""
    n, steps, _ = scores.shape
    mask = torch.arange(steps)[None, :] < lengths[:, None]
    rows = torch.arange(n)
    gold = start[tags[:, 0]] + scores[rows, 0, tags[:, 0]]
    alpha = start[None, :] + scores[:, 0]
    for t in range(1, steps):
        live = mask[:, t]
        step = trans[tags[:, t - 1], tags[:, t]] + scores[rows, t, tags[:, t]]
        gold = gold + step * live
        nxt = torch.logsumexp(alpha[:, :, None] + trans[None], dim=1) + scores[:, t]
        alpha = torch.where(live[:, None], nxt, alpha)
    last = tags[rows, lengths - 1]
    gold = gold + end[last]
    log_z = torch.logsumexp(alpha + end[None, :], dim=1)
    return (log_z - gold).mean()


def to_tensors(torch: Any, batch: Any) -> tuple[Any, ...]:
    return tuple(torch.as_tensor(a) for a in (batch.words, batch.stems, batch.chars,
                                              batch.flags, batch.types, batch.gaz,
                                              batch.lengths))


def char_set(sentences: Sequence[Sentence], words: Sequence[str], min_count: int = 2) -> str:
    """The characters of the training tokens' keys and of the vocabulary seen ``min_count``
    times or more (rarer ones share the unknown id)."""
    from collections import Counter

    from marsad.ner.corpus import word_key

    seen: Counter[str] = Counter()
    for s in sentences:
        for token in s.tokens:
            seen.update(word_key(token)[:MAX_CHARS])
    for w in words:
        seen.update(w[:MAX_CHARS])
    return "".join(sorted(c for c, n in seen.items() if n >= min_count and not c.isspace()))


@dataclass
class Prepared:
    """Training material: the encoder, the frozen vectors, the jackknifed gazetteer indices."""

    encoder: Encoder
    vectors: Any                     # (V + 2, dim) float32, rows 0 and 1 zero
    quantized: tuple[Any, Any]
    gaz: list[list[tuple[int, ...]]]
    gazetteer: Gazetteer


def prepare(sentences: Sequence[Sentence], words: Sequence[str], counts: Sequence[int],
            vectors: Any, config: NeuralTrainConfig) -> Prepared:
    from marsad.ner.train import blocks, fold_gazetteers

    base = curated()
    scaled = vectors * np.sqrt(vectors.shape[1])
    q, scale = quantize(scaled)
    table = np.zeros((len(words) + 2, vectors.shape[1]), dtype=np.float32)
    table[2:] = dequantize(q, scale)
    gazetteer = from_sentences((s.tokens, s.tags) for s in sentences).merged(base)
    encoder = Encoder(words, counts, char_set(sentences, words), gazetteer)
    gaz: list[list[tuple[int, ...]]] = []
    folds = [Matcher(g) for g in fold_gazetteers(sentences, config.folds, base)]
    for k, (a, b) in enumerate(blocks(len(sentences), config.folds)):
        gaz += [encoder.gazetteer_features(s.tokens, folds[k]) for s in sentences[a:b]]
    return Prepared(encoder, table, (q, scale), gaz, gazetteer)


def fit(prep: Prepared, sentences: Sequence[Sentence], config: NeuralTrainConfig,
        on_epoch: Callable[[int, Any, float], None] | None = None, seed: int | None = None
        ) -> Any:
    """Train one network on ``sentences`` (with ``prep.gaz`` their gazetteer indices)."""
    torch = _torch()
    torch.set_num_threads(1)
    seed = config.seed if seed is None else seed
    torch.manual_seed(seed)
    rng = random.Random(seed)
    net = make_net(prep.vectors, prep.encoder.n_chars, config.net)
    params = [p for p in net.parameters() if p.requires_grad]
    optim = torch.optim.Adam(params, lr=config.lr)
    span = max(config.epochs - 1, 1)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda e: 1.0 - (1.0 - config.lr_final) * min(e, span) / span)
    tag_id = {t: i for i, t in enumerate(TAGS)}
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    for epoch in range(1, config.epochs + 1):
        net.train()
        started = time.perf_counter()
        batches = [order[i : i + config.batch_size]
                   for i in range(0, len(order), config.batch_size)]
        rng.shuffle(batches)
        total = 0.0
        for ids in batches:
            batch = make_batch(prep.encoder, [sentences[i].tokens for i in ids],
                               [prep.gaz[i] for i in ids])
            if config.word_dropout:
                for arr in (batch.words, batch.stems):
                    drop = np.random.default_rng(rng.randrange(2**31)).random(arr.shape)
                    arr[(drop < config.word_dropout) & (arr > 1)] = UNK
            tags = np.zeros(batch.types.shape, dtype=np.int64)
            for b, i in enumerate(ids):
                tags[b, : len(sentences[i])] = [tag_id[t] for t in sentences[i].tags]
            tensors = to_tensors(torch, batch)
            loss = net.nll(net.emissions(*tensors), torch.as_tensor(tags), tensors[-1])
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, config.clip)
            optim.step()
            total += float(loss.detach()) * len(ids)
        sched.step()
        if on_epoch is not None:
            on_epoch(epoch, net, total / len(sentences))
        print(f"epoch {epoch}: loss {total / len(sentences):.3f} "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    net.eval()
    return net


def propagation(config: NeuralTrainConfig) -> dict[str, Any] | None:
    """The run-time propagation settings stored in the model file (None: off)."""
    if config.propagate_window <= 0:
        return None
    return {"window": config.propagate_window, "min_prob": config.propagate_min_prob}


def weights_of(net: Any) -> dict[str, Any]:
    """The network's float32 weights by ``state_dict`` name, the word vectors left out."""
    return {k: v.detach().cpu().numpy().astype(np.float32)
            for k, v in net.state_dict().items() if k != "emb.weight"}


def export(path: str | Path, nets: Sequence[Any], prep: Prepared, config: NeuralTrainConfig,
           meta: dict[str, Any]) -> None:
    """Write the numpy model file of trained torch networks (see :mod:`marsad.ner.neural`)."""
    write_model(path, [weights_of(net) for net in nets], prep, config, meta)


def write_model(path: str | Path, weights: Sequence[dict[str, Any]], prep: Prepared,
                config: NeuralTrainConfig, meta: dict[str, Any]) -> None:
    """Write the numpy model file from each network's weights (``state_dict`` names, no
    ``emb.weight``)."""
    arrays = {f"n{i}.{k}": v for i, w in enumerate(weights) for k, v in w.items()}
    q, scale = prep.quantized
    header = {"format": FORMAT, "tags": list(TAGS), "networks": len(weights),
              "propagate": propagation(config), "config": config.to_dict(), **meta}
    blobs = {
        "header": json.dumps(header, ensure_ascii=False),
        "words": "\n".join(prep.encoder.words),
        "counts": " ".join(str(prep.encoder.counts[w]) for w in prep.encoder.words),
        "chars": prep.encoder.chars,
        "gazetteer": json.dumps(prep.gazetteer.dump(), ensure_ascii=False),
    }
    for name, text in blobs.items():
        arrays["t." + name] = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        np.savez_compressed(fh, emb_q=q, emb_scale=scale, **arrays)
    tmp.replace(path)


def unlabelled_sentences(unlabelled: str | Path | None, sentences: Sequence[Sentence]
                         ) -> Any:
    """The text the word vectors are learnt from: the TREC-like files under ``unlabelled``
    (if any) and the training sentences' tokens, as word keys."""
    from itertools import chain

    from marsad.ner import corpus

    own = corpus.token_sentences(s.tokens for s in sentences)
    if unlabelled is None:
        return own
    corpus.trec_files(unlabelled)  # fail early on a bad directory
    return chain(corpus.trec_sentences(unlabelled), own)


def train(sentences: Sequence[Sentence], out: str | Path, unlabelled: str | Path | None,
          config: NeuralTrainConfig = NeuralTrainConfig(),
          dev: Sequence[Sentence] = (), provenance: dict[str, Any] | None = None
          ) -> dict[str, Any]:
    """Learn the word vectors, train the network on ``sentences`` and write the model file
    ``out``; when ``dev`` sentences are given, they are scored with the written (numpy)
    model and the scores stored in its header. Returns the header."""
    from marsad.ner.embeddings import build
    from marsad.ner.neural import NeuralNerModel
    from marsad.ner.scoring import score

    started = time.perf_counter()
    words, vectors, counts = build(unlabelled_sentences(unlabelled, sentences), config.embeddings)
    print(f"word vectors: {len(words)} words × {vectors.shape[1]} "
          f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    prep = prepare(sentences, words, counts, vectors, config)
    nets = [fit(prep, sentences, config, seed=config.seed + i) for i in range(config.ensemble)]
    meta: dict[str, Any] = {
        "trained_on": {"sentences": len(sentences), "tokens": sum(map(len, sentences)),
                       **(provenance or {})},
        "vocabulary": len(words),
        "train_seconds": round(time.perf_counter() - started, 1),
    }
    export(out, nets, prep, config, meta)
    if dev:
        model = NeuralNerModel(out)
        predicted = [t for t, _ in model.tag_sentences([s.tokens for s in dev])]
        meta["dev"] = score([s.tags for s in dev], predicted).as_dict()
        export(out, nets, prep, config, meta)
    return {"format": FORMAT, "networks": len(nets), "propagate": propagation(config),
            "config": config.to_dict(), **meta}
