"""Loading a trained NER model and tagging token sequences with it.

A model is a JSON file (feature configuration, gazetteer, checksums) next to its
``.crfsuite`` weights and, where it uses them, a cluster file. Each file's SHA-256 is checked
before crfsuite opens it, so a truncated or altered file is a :class:`~marsad.errors.ModelError`
(with the command that rebuilds it) rather than a crash inside the C library.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from marsad.errors import ModelError
from marsad.ner.clusters import Clusters
from marsad.ner.document import Extra, context_features
from marsad.ner.features import FeatureConfig, Featurizer
from marsad.ner.gazetteer import Gazetteer

FORMAT = "marsad-ner/1"
#: the longest run of tokens tagged at once; longer sentences are cut (at punctuation if any).
MAX_TOKENS = 120
REBUILD = (
    "rebuild it with `marsad train clusters --data ../shared/data/news/ant "
    "--labelled ../shared/data/ner/anercorp-train.txt` then "
    "`marsad train ner --data ../shared/data/ner/anercorp-train.txt` "
    "(see marsad/models/NER_MODEL_CARD.md)"
)


def default_path() -> Path:
    """The model shipped with marsad: ``marsad/models/ner.json``."""
    return Path(__file__).resolve().parent.parent / "models" / "ner.json"


def _checked(path: Path, expected: str | None, what: str) -> Path:
    if not path.is_file():
        raise ModelError(f"the NER {what} {path} is missing; {REBUILD}")
    if expected and hashlib.sha256(path.read_bytes()).hexdigest() != expected:
        raise ModelError(f"the NER {what} {path} is corrupted (checksum mismatch); {REBUILD}")
    return path


def _read_meta(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ModelError(f"the NER model {path} is missing; {REBUILD}")
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"the NER model {path} is corrupted ({exc}); {REBUILD}") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ModelError(f"the NER model {path} is not a {FORMAT} model; {REBUILD}")
    return meta


class NerModel:
    """A loaded model: tags lists of tokens with BIO labels (and their marginals)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        meta = _read_meta(self.path)
        self.meta = meta
        try:
            config = FeatureConfig.from_dict(meta["config"]["features"])
            weights = _checked(self.path.parent / meta["weights"], meta["weights_sha256"], "weights")
            first = None
            if meta.get("first_weights"):
                first = _checked(self.path.parent / meta["first_weights"],
                                 meta["first_weights_sha256"], "first-pass weights")
            clusters = None
            if meta.get("clusters"):
                cpath = _checked(self.path.parent / meta["clusters"], meta["clusters_sha256"],
                                 "cluster file")
                clusters = Clusters.read(cpath)
            gazetteer = Gazetteer.load(meta.get("gazetteer", []))
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"the NER model {self.path} is corrupted ({exc!r}); {REBUILD}") from None
        self.featurizer = Featurizer(config, clusters, gazetteer)
        self.window = config.document if first is not None else 0
        self._tagger = _open(weights)
        self._first = _open(first) if first is not None else None
        self._lock = threading.Lock()

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """The BIO tags of one sentence's tokens (long ones are tagged in chunks)."""
        return self.tag_sentences([tokens], scores=False)[0][0]

    def tag_scored(self, tokens: Sequence[str], scores: bool = True) -> tuple[list[str], list[float]]:
        """Tags, and each tag's marginal probability (``1.0`` each when ``scores`` is false)."""
        return self.tag_sentences([tokens], scores)[0]

    def tag_sentences(
        self, sentences: Sequence[Sequence[str]], scores: bool = False
    ) -> list[tuple[list[str], list[float]]]:
        """Tag the sentences of one document, in order: a two-pass model uses the names its
        first pass found in nearby sentences. Returns ``(tags, marginals)`` per sentence."""
        pieces: list[Sequence[str]] = []
        owner: list[int] = []
        for n, tokens in enumerate(sentences):
            for start, end in chunks(tokens):
                pieces.append(tokens[start:end])
                owner.append(n)
        xseqs = [self.featurizer.sentence(list(p)) for p in pieces]
        with self._lock:
            if self._first is not None and self.window:
                first = [self._first.tag(x) for x in xseqs]
                extra = context_features(pieces, first, self.window)
                xseqs = [_with_extra(x, e) for x, e in zip(xseqs, extra, strict=True)]
            tagged = [self._tag_one(x, scores) for x in xseqs]
        out: list[tuple[list[str], list[float]]] = [([], []) for _ in sentences]
        for n, (tags, probs) in zip(owner, tagged, strict=True):
            out[n][0].extend(tags)
            out[n][1].extend(probs)
        return out

    def _tag_one(self, xseq: list[list[str]], scores: bool) -> tuple[list[str], list[float]]:
        tags: list[str] = self._tagger.tag(xseq)
        if not scores:
            return tags, [1.0] * len(tags)
        return tags, [self._tagger.marginal(t, i) for i, t in enumerate(tags)]


def _with_extra(xseq: list[list[str]], extra: Extra) -> list[list[str]]:
    return [f + list(e) if e else f for f, e in zip(xseq, extra, strict=True)]


def _open(weights: Path) -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(weights))
    except (OSError, ValueError) as exc:
        raise ModelError(f"the NER weights {weights} cannot be opened ({exc}); {REBUILD}") from None
    return tagger


_PUNCT = frozenset(".,;:!?،؛؟)(\"'«»-–—/")


def chunks(tokens: Sequence[str], limit: int = MAX_TOKENS) -> list[tuple[int, int]]:
    """Cut a token list into runs of at most ``limit`` tokens, after punctuation when there
    is some in the second half of a run."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(tokens)
    while n - start > limit:
        cut = start + limit
        for i in range(start + limit - 1, start + limit // 2, -1):
            if tokens[i] in _PUNCT:
                cut = i + 1
                break
        out.append((start, cut))
        start = cut
    if start < n:
        out.append((start, n))
    return out


_MODEL: dict[str, NerModel] = {}
_LOAD_LOCK = threading.Lock()


def load(path: str | Path | None = None) -> NerModel:
    """The model at ``path`` (default: the shipped one), loaded once and then reused."""
    key = str(Path(path).resolve()) if path is not None else ""
    model = _MODEL.get(key)
    if model is None:
        with _LOAD_LOCK:
            model = _MODEL.get(key)
            if model is None:
                model = _MODEL[key] = NerModel(path)
    return model
