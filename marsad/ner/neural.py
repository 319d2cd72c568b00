"""The neural NER model at run time: numpy only (no torch), loaded lazily.

The model file (``marsad/models/ner-neural.npz``, written by
:func:`marsad.ner.neural_train.export`) holds the network's weights (``w.*``, float32), the
word vectors (``emb_q`` int8 and ``emb_scale``), and UTF-8 blobs (``t.*``): a JSON header
(format, tags, training configuration, provenance, dev scores), the vocabulary, word counts,
character set and gazetteer. Every array is read with ``allow_pickle=False``.

:class:`NeuralNerModel` has the same tagging methods as the CRF's
:class:`marsad.ner.tagger.NerModel` (``tag``, ``tag_scored``, ``tag_sentences``), so
:func:`marsad.ner.tag_doc` and :func:`marsad.ner.evaluate.evaluate` accept it as it is.

>>> model = load()                                  # doctest: +SKIP
>>> model.tag(["قال", "الرئيس", "جورج", "بوش", "في", "واشنطن"])  # doctest: +SKIP
['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']
"""

from __future__ import annotations

import json
import re
import threading
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from marsad.errors import ModelError

if TYPE_CHECKING:
    from marsad.model import Doc, Entity
    from marsad.ner.neural_encode import Batch

FORMAT = "marsad-ner-neural/1"
MODEL_NAME = "ner-neural.npz"
#: the most sentences tagged together (sorted by length, so padding stays small) …
BATCH_SIZE = 256
#: … and the most padded token slots in one batch (long sentences go in small batches).
BATCH_TOKENS = 8192
#: distinct tokens whose input projections are kept between calls (6.4 KB each for two
#: networks of 100 units: at most 105 MB; the cache starts afresh when full).
CACHE_TOKENS = 16_384
#: a sentence without an Arabic letter has no names for this model (as in marsad.ner.spans)
_ARABIC = re.compile("[\u0621-\u064a]")
#: the longest run of tokens tagged at once; longer "sentences" are cut (see tagger.chunks).
MAX_TOKENS = 300
REBUILD = (
    "rebuild it with `pip install 'marsad[train-neural]'` then `marsad train ner-neural "
    "--data ../shared/data/ner/anercorp-train.txt --unlabelled ../shared/data/news/ant` "
    "(see marsad/models/NER_MODEL_CARD.md)"
)


def default_path() -> Path:
    """The neural model shipped with marsad: ``marsad/models/ner-neural.npz``."""
    return Path(__file__).resolve().parent.parent / "models" / MODEL_NAME


def _text(data: Any, name: str) -> str:
    return bytes(data["t." + name]).decode("utf-8")


def read_model_file(path: Path) -> dict[str, Any]:
    """Every array and blob of a model file; a missing or damaged file raises
    :class:`ModelError` saying how to rebuild it."""
    if not path.is_file():
        raise ModelError(f"the neural NER model {path} is missing; {REBUILD}")
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
        header = json.loads(_text(arrays, "header"))
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile,
            UnicodeDecodeError) as exc:
        raise ModelError(f"the neural NER model {path} is corrupted ({exc}); {REBUILD}") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ModelError(f"the neural NER model {path} is not a {FORMAT} model; {REBUILD}")
    arrays["header"] = header
    return arrays


class NeuralNerModel:
    """A loaded neural model: tags lists of tokens with BIO labels (and their marginals).

    A model file may hold several networks trained from different seeds (an ensemble): their
    tag scores and CRF parameters are averaged. Unless the file says otherwise, the tags of
    the sentences given together (one document, in order) are then completed by
    :func:`marsad.ner.propagate.propagate`.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        data = read_model_file(self.path)
        self.meta: dict[str, Any] = data["header"]
        try:
            self._setup(data)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            raise ModelError(f"the neural NER model {self.path} is corrupted ({exc!r}); "
                             f"{REBUILD}") from None
        self._rows: dict[str, int] = {}
        self._table = np.zeros((1024, self._width), dtype=np.float32)
        self._lock = threading.Lock()

    def _setup(self, data: dict[str, Any]) -> None:
        from marsad.ner.embeddings import dequantize
        from marsad.ner.gazetteer import Gazetteer
        from marsad.ner.neural_encode import Encoder
        from marsad.ner.neural_ops import Network, bio_constraints

        self.tags = tuple(self.meta["tags"])
        words = _text(data, "words").split("\n")
        counts = [int(c) for c in _text(data, "counts").split()]
        gazetteer = Gazetteer.load(json.loads(_text(data, "gazetteer")))
        self.encoder = Encoder(words, counts, _text(data, "chars"), gazetteer)
        emb = np.zeros((len(words) + 2, data["emb_q"].shape[1]), dtype=np.float32)
        emb[2:] = dequantize(data["emb_q"], data["emb_scale"])
        n_nets = int(self.meta.get("networks", 1))
        if n_nets < 1:
            raise ValueError("no network")
        self.params: list[dict[str, Any]] = []
        for i in range(n_nets):
            prefix = f"n{i}."
            params = {k[len(prefix):]: v for k, v in data.items() if k.startswith(prefix)}
            params["emb"] = emb
            self._check(params, len(words))
            self.params.append(params)
        self.network = Network(self.params)
        self._width = self.network.width * n_nets
        penalty, start_penalty = bio_constraints(self.tags)
        self.trans = np.mean([p["trans"] for p in self.params], axis=0) + penalty
        self.start = np.mean([p["start"] for p in self.params], axis=0) + start_penalty
        self.end = np.mean([p["end"] for p in self.params], axis=0)
        settings = self.meta.get("propagate")
        self.propagation: dict[str, Any] | None = dict(settings) if settings else None

    def _check(self, p: dict[str, Any], n_words: int) -> None:
        """Shapes that must agree, so a damaged file fails here and not in the middle of
        tagging."""
        k = len(self.tags)
        if p["out.weight"].shape[0] != k or p["trans"].shape != (k, k):
            raise ValueError("tag count does not match the output layer")
        if p["char_emb.weight"].shape[0] != self.encoder.n_chars:
            raise ValueError("character set does not match the character table")
        if p["emb"].shape[0] != n_words + 2:
            raise ValueError("vocabulary does not match the word vectors")

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """The BIO tags of one sentence's tokens."""
        return self.tag_sentences([tokens])[0][0]

    def tag_scored(self, tokens: Sequence[str], scores: bool = True
                   ) -> tuple[list[str], list[float]]:
        """Tags, and each tag's marginal probability (``1.0`` each when ``scores`` is false)."""
        return self.tag_sentences([tokens], scores)[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]], scores: bool = False,
                      propagate: bool | None = None) -> list[tuple[list[str], list[float]]]:
        """Tag the sentences of one document, in order (batched by length). Returns ``(tags,
        marginals)`` per sentence (``1.0`` each when ``scores`` is false); an empty sentence
        gets empty lists. ``propagate`` (default: as the model file says) completes the tags
        with the names found confidently in nearby sentences."""
        return self.tag_documents([sentences], scores, propagate)[0]

    def tag_documents(self, documents: Sequence[Sequence[Sequence[str]]], scores: bool = False,
                      propagate: bool | None = None
                      ) -> list[list[tuple[list[str], list[float]]]]:
        """:meth:`tag_sentences` for many documents at once: their sentences are batched
        together (faster than one document at a time), propagation stays within each one."""
        from marsad.ner.tagger import chunks

        settings = self.propagation if propagate is not False else None
        pieces: list[Sequence[str]] = []
        owner: list[tuple[int, int]] = []
        for d, sentences in enumerate(documents):
            for n, tokens in enumerate(sentences):
                for start, end in chunks(tokens, MAX_TOKENS):
                    pieces.append(tokens[start:end])
                    owner.append((d, n))
        tagged: list[tuple[Any, Any]] = [(None, None)] * len(pieces)
        for ids in batches([len(p) for p in pieces]):
            results = self._tag_batch([pieces[j] for j in ids], scores or settings is not None)
            for j, result in zip(ids, results, strict=True):
                tagged[j] = result
        best: list[list[list[int]]] = [[[] for _ in doc] for doc in documents]
        marg: list[list[list[Any]]] = [[[] for _ in doc] for doc in documents]
        for (d, n), (ids_, probs) in zip(owner, tagged, strict=True):
            if ids_ is not None:
                best[d][n].extend(ids_.tolist())
                if probs is not None:
                    marg[d][n].extend(probs)
        return [self._finish(doc, b, m, scores, settings)
                for doc, b, m in zip(documents, best, marg, strict=True)]

    def _finish(self, sentences: Sequence[Sequence[str]], best: list[list[int]],
                marg: list[list[Any]], scores: bool, settings: dict[str, Any] | None
                ) -> list[tuple[list[str], list[float]]]:
        """One document's tags (propagated when ``settings``) and their marginals."""
        tags = [[self.tags[k] for k in row] for row in best]
        if settings is None:
            if not scores:
                return [(row, [1.0] * len(row)) for row in tags]
            return [(row, [round(float(m[k]), 4) for m, k in zip(ms, ids, strict=True)])
                    for row, ms, ids in zip(tags, marg, best, strict=True)]
        from marsad.ner.propagate import propagate_scored

        chosen = [[float(m[k]) for m, k in zip(ms, row, strict=True)]
                  for ms, row in zip(marg, best, strict=True)]
        done = propagate_scored(sentences, tags, chosen, **settings)
        if not scores:
            return [(row, [1.0] * len(row)) for row, _ in done]
        return [(row, [round(p, 4) for p in probs]) for row, probs in done]

    def _positions(self, batch: Batch) -> Any:
        """(B, T) row of the token cache at every position; the rows of tokens not seen
        before are computed (for every network) and added."""
        from marsad.ner.neural_ops import token_features

        if len(self._rows) + len(batch.distinct) > CACHE_TOKENS:
            # a new table: a call still reading the old one (outside the lock) is unharmed,
            # since rows are only ever added to a table, never rewritten
            self._rows.clear()
            self._table = np.zeros((1024, self._width), dtype=np.float32)
        known = self._rows
        found = [known.get(token, -1) for token in batch.distinct]
        new = [u for u, r in enumerate(found) if r < 0]
        for u in new:
            found[u] = known[batch.distinct[u]] = len(known)
        rows = np.array(found, dtype=np.int64)
        if new:
            idx = np.array(new, dtype=np.int64)
            needed = len(self._rows)
            if needed > len(self._table):
                size = min(max(needed, 2 * len(self._table)), max(needed, CACHE_TOKENS))
                grown = np.zeros((size, self._table.shape[1]), dtype=np.float32)
                grown[: len(self._table)] = self._table
                self._table = grown
            width = self.network.width
            for i, params in enumerate(self.params):
                feats = token_features(params, batch.words[idx], batch.stems[idx],
                                       batch.chars[idx], batch.flags[idx])
                self._table[rows[idx], i * width : (i + 1) * width] = \
                    self.network.token_gates(i, feats)
        return rows[batch.types]

    def _emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[Any, Any]:
        from marsad.ner.neural_encode import make_batch

        with self._lock:  # the caches are shared
            batch = make_batch(self.encoder, sentences)
            positions = self._positions(batch)
            table = self._table
        return self.network.emissions(table, positions, batch.gaz, batch.lengths), batch.lengths

    def _tag_batch(self, sentences: Sequence[Sequence[str]], marginals_needed: bool
                   ) -> list[tuple[Any, Any]]:
        """Best tag ids of each sentence, and its (n, K) marginals when asked for."""
        from marsad.ner.neural_ops import marginals, viterbi

        em, lengths = self._emissions(sentences)
        best = viterbi(em, lengths, self.trans, self.start, self.end)
        marg = marginals(em, lengths, self.trans, self.start, self.end) if marginals_needed \
            else None
        return [(best[b, :n], marg[b, :n] if marg is not None else None)
                for b, n in enumerate(lengths.tolist())]

    def emissions(self, sentences: Sequence[Sequence[str]]) -> Any:
        """The (B, T, K) tag scores of non-empty sentences, padded (for tests and ensembles)."""
        return self._emissions(sentences)[0]


def batches(lengths: Sequence[int], size: int = BATCH_SIZE, tokens: int = BATCH_TOKENS
            ) -> list[list[int]]:
    """Indices of non-empty items grouped by length: at most ``size`` items and ``tokens``
    padded slots (items × longest) a group, unless one item alone is longer."""
    order = sorted((i for i, n in enumerate(lengths) if n), key=lambda i: lengths[i])
    out: list[list[int]] = []
    current: list[int] = []
    for i in order:
        if current and (len(current) >= size or (len(current) + 1) * lengths[i] > tokens):
            out.append(current)
            current = []
        current.append(i)
    if current:
        out.append(current)
    return out


_MODELS: dict[str, NeuralNerModel] = {}
_LOAD_LOCK = threading.Lock()


def load(path: str | Path | None = None) -> NeuralNerModel:
    """The neural model at ``path`` (default: the shipped one), loaded once and reused."""
    key = str(Path(path).resolve()) if path is not None else ""
    model = _MODELS.get(key)
    if model is None:
        with _LOAD_LOCK:
            model = _MODELS.get(key)
            if model is None:
                model = _MODELS[key] = NeuralNerModel(path)
    return model


def evaluate_file(path: str | Path, split: str = "all", dev_split: float = 0.1,
                  model: NeuralNerModel | str | Path | None = None) -> dict[str, Any]:
    """Exact-span scores of the neural model on a token/tag file (or its ``train``/``dev``
    part), in the JSON shape of ``marsad eval ner --json``: ``{"micro": {...}, "per_type":
    {...}, "tokens": N, "seconds": S}``."""
    import time

    from marsad.ner import data
    from marsad.ner.scoring import score

    sentences = data.split(data.read_conll(path), split, dev_split)
    if not isinstance(model, NeuralNerModel):
        model = load(model)
    started = time.perf_counter()
    predicted = [tags for tags, _ in model.tag_sentences([s.tokens for s in sentences])]
    report = score([s.tags for s in sentences], predicted).as_dict()
    report["seconds"] = round(time.perf_counter() - started, 2)
    return report


def tag_docs(docs: Sequence[Doc], model: NeuralNerModel | None = None) -> list[list[Entity]]:
    """:func:`tag_doc` for many Docs at once (their sentences batched together: about twice
    as fast as one Doc at a time); one list of entities per Doc."""
    from marsad.ner.spans import entities, sentence_groups
    from marsad.text.tokenize import split_sentences, tokenize

    model = model or load()
    groups = []
    for doc in docs:
        text = doc.text
        tokens = doc.tokens or tokenize(text)
        found = sentence_groups(tokens, doc.sentences or split_sentences(text))
        groups.append([g for g in found if _ARABIC.search(text, g[0][0], g[-1][1])])
    tagged = model.tag_documents(
        [[[doc.text[s:e] for s, e in g] for g in doc_groups]
         for doc, doc_groups in zip(docs, groups, strict=True)], scores=True)
    out = []
    for doc, doc_groups, doc_tags in zip(docs, groups, tagged, strict=True):
        found_entities = []
        for group, (tags, probs) in zip(doc_groups, doc_tags, strict=True):
            found_entities += entities(doc.text, group, tags, probs)
        out.append(found_entities)
    return out


def tag_doc(doc: Doc, model: NeuralNerModel | None = None) -> list[Entity]:
    """The named entities of a tokenized ``doc`` found by the neural model (default: the
    shipped one), as :func:`marsad.ner.tag_doc` gives the CRF's: raw offsets, sorted, ``score``
    = the mean marginal probability of the entity's tags. The Doc's sentences are tagged
    together, in order, so document propagation sees the whole article."""
    from marsad.ner.spans import doc_entities

    return doc_entities(doc, cast(Any, model or load()))
