"""Features of tokens for the CRF.

Everything that depends on one word type only (its normalized form, clitic-stripped stem,
affixes, shape, clusters) is computed once per type and cached, together with the prefixed
copies used by the neighbours (``-1:w=…``), so a sentence costs little more than joining
tuples. The only per-sentence work is the gazetteer match and the word bigrams.

Feature names (``X`` is a value):

=============  ====================================================================
``w=X``        the word key (normalized, digits as 0; :func:`marsad.ner.corpus.word_key`)
``st=X``       the word without proclitics (و ف ب ل ك س, ال), when that differs: of the
               possible splits, the form most frequent in the clusters' corpus
``pre=X``      the proclitics stripped
``p2=X`` …     the first 2…n letters of the stem, the last 1…n letters of the word
``ng=X``       the letter trigrams of the stem (``^`` and ``$`` mark its ends), if on
``sh=X``       shape: ``ar``, ``lat``, ``num``, ``mix``, or the punctuation itself
``len=X``      length of the stem, capped at 8
``cK=X``       cluster id at granularity K (:mod:`marsad.ner.clusters`)
``g=B-T``      the token starts (``I-T`` continues) a gazetteer name of type T
``±k:…``       a neighbour's word, stem (k = 1 only), shape and context clusters (k = 1, 2);
               ``±k:<s>`` outside the sentence
``b-1=X|Y``    word bigrams with the previous / next word
``d=B-T``      second pass: the token starts (``I-T`` continues) a name that the first pass
               tagged T in a nearby sentence (:mod:`marsad.ner.document`)
=============  ====================================================================
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from marsad.ner.clusters import Clusters
from marsad.ner.corpus import word_key
from marsad.ner.gazetteer import Gazetteer
from marsad.text.clitics import strip_proclitics

#: word types whose features are cached (about 2 KB each).
CACHE_SIZE = 20_000
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class FeatureConfig:
    """Which feature groups are on; stored with the model so tagging matches training."""

    window: int = 1
    affixes: int = 3
    stems: bool = True
    shape: bool = True
    clusters: tuple[int, ...] = (64, 256, 1024)
    context_clusters: tuple[int, ...] = (256,)
    gazetteer: bool = True
    bigrams: bool = True
    context_stems: bool = True
    frequency: bool = True
    ngrams: bool = False
    #: second pass over names found within this many sentences (0: one pass only)
    document: int = 20

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeatureConfig:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for name in ("clusters", "context_clusters"):
            if name in known:
                known[name] = tuple(known[name])
        return cls(**known)


_SHARED: dict[str, str] = {}
_WORD_FEATURES = ("w=", "st=", "-1:w=", "+1:w=", "-1:st=", "+1:st=", "-2:w=", "+2:w=")


def _shared(feature: str) -> str:
    """One copy of a feature string that many word types have (``p2=ال``, ``-1:c256=7``),
    so the cache of word features stays small; word and stem features are left alone."""
    if feature.startswith(_WORD_FEATURES):
        return feature
    return _SHARED.setdefault(feature, feature)


def shape(token: str) -> str:
    """A coarse class of a token's characters."""
    ar = bool(_ARABIC.search(token))
    lat = bool(_LATIN.search(token))
    num = bool(_DIGIT.search(token))
    if ar + lat + num > 1:
        return "mix"
    if ar:
        return "ar"
    if lat:
        return "lat"
    if num:
        return "num"
    return token[:3]


@dataclass
class WordInfo:
    """The cached features of one word type: its own, and its copies for each neighbour."""

    key: str
    own: tuple[str, ...]
    around: dict[int, tuple[str, ...]] = field(default_factory=dict)


class Featurizer:
    """Turns a sentence's tokens into lists of feature strings."""

    def __init__(
        self,
        config: FeatureConfig,
        clusters: Clusters | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.config = config
        self.clusters = clusters
        self.gazetteer = gazetteer if config.gazetteer else None
        self.offsets = [o for o in range(-config.window, config.window + 1) if o]
        self._cache: dict[str, WordInfo] = {}
        self._edges = {o: (f"{o:+d}:<s>",) for o in self.offsets}

    def word(self, token: str) -> WordInfo:
        info = self._cache.get(token)
        if info is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()  # a long run: start again (frequent words come back at once)
                if len(_SHARED) > 10 * CACHE_SIZE:
                    _SHARED.clear()
            info = self._cache[token] = self._word(token)
        return info

    def _word(self, token: str) -> WordInfo:
        cfg = self.config
        n = word_key(token)
        stem = self._stem(n) if cfg.stems else n
        own = ["w=" + n]
        ctx = ["w=" + n]
        if stem != n:
            own.append("st=" + stem)
            if n.endswith(stem):
                own.append("pre=" + n[: len(n) - len(stem)])
        if cfg.context_stems:
            ctx.append("st=" + stem)
        if cfg.affixes:
            own += [f"p{k}={stem[:k]}" for k in range(2, cfg.affixes + 1)]
            own += [f"s{k}={n[-k:]}" for k in range(1, cfg.affixes + 1)]
        if cfg.ngrams:
            padded = f"^{stem}$"
            own += sorted({"ng=" + padded[i : i + 3] for i in range(len(padded) - 2)})
        if cfg.shape:
            sh = "sh=" + shape(token)
            own += [sh, f"len={min(len(stem), 8)}"]
            ctx.append(sh)
        if self.clusters is not None and cfg.clusters:
            self._cluster_features(n, own, ctx)
        far = [f for f in ctx if not f.startswith("st=")]  # ±2: no stem
        around = {o: tuple(_shared(f"{o:+d}:{f}") for f in (ctx if abs(o) == 1 else far))
                  for o in self.offsets}
        return WordInfo(n, tuple(_shared(f) for f in own), around)

    def _cluster_features(self, n: str, own: list[str], ctx: list[str]) -> None:
        assert self.clusters is not None
        cfg = self.config
        ids = self.clusters.lookup(n)
        if not ids:
            own.append("c=none")
            ctx.append("c=none")
        elif self.clusters.counts and cfg.frequency:
            own.append("fq=" + ids[-1])
        for g, cid in zip(self.clusters.granularities, ids, strict=False):
            if g in cfg.clusters:
                own.append(f"c{g}={cid}")
            if g in cfg.context_clusters:
                ctx.append(f"c{g}={cid}")

    def _stem(self, n: str) -> str:
        """The word without proclitics: the most frequent form where the clusters know
        frequencies, else the most stripped one."""
        if self.clusters is not None and self.clusters.counts:
            return self.clusters.best_form(n)
        return strip_proclitics(n)

    def sentence(
        self, tokens: list[str] | tuple[str, ...], extra: Sequence[Sequence[str]] | None = None
    ) -> list[list[str]]:
        """The features of every token of one sentence (plus ``extra[i]`` for token i)."""
        infos = [self.word(t) for t in tokens]
        n = len(infos)
        gaz = self.gazetteer.match(tokens) if self.gazetteer is not None else None
        out: list[list[str]] = []
        for i, info in enumerate(infos):
            feats = list(info.own)
            for o in self.offsets:
                j = i + o
                feats.extend(infos[j].around[o] if 0 <= j < n else self._edges[o])
            if self.config.bigrams:
                prev = infos[i - 1].key if i else "<s>"
                nxt = infos[i + 1].key if i + 1 < n else "</s>"
                feats.append(f"b-1={prev}|{info.key}")
                feats.append(f"b+1={info.key}|{nxt}")
            if gaz is not None:
                feats.extend("g=" + g for g in gaz[i])
                if i:
                    feats.extend("-1:g=" + g for g in gaz[i - 1])
                if i + 1 < n:
                    feats.extend("+1:g=" + g for g in gaz[i + 1])
            if extra is not None:
                feats.extend(extra[i])
            out.append(feats)
        return out
