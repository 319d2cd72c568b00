"""The neural NER model's forward pass, Viterbi decoding and marginals, in numpy.

The network (trained with torch by :mod:`marsad.ner.neural_train`, whose layers this mirrors
exactly): each token is ``[E[word], E[stem], charCNN(chars), gazetteer + flags]`` where ``E``
are the frozen word vectors (:mod:`marsad.ner.embeddings`) and the character CNN is one
convolution (width 3, zero padding) max-pooled over the token's characters; a one-layer
BiLSTM (PyTorch's gate order and equations) reads the sentence; a linear layer gives each
token a score per tag; a linear-chain CRF (transition, start and end scores) picks the best
sequence. Everything is batched over sentences padded to the longest (right padding).

``params`` is a dict of float32 arrays named as in the torch module's ``state_dict``
(``lstm.weight_ih_l0`` …) plus ``emb`` (the dequantized word vectors).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from marsad.ner.neural_encode import GAZ_LABELS, Batch

Params = dict[str, Any]


def char_cnn(params: Params, chars: Any) -> Any:
    """(U, L) char ids -> (U, F) features: convolution then max over the real characters."""
    emb = params["char_emb.weight"][chars]                       # (U, L, e)
    weight = params["conv.weight"]                               # (F, e, k)
    n_filters, dim, width = weight.shape
    pad = width // 2
    padded = np.pad(emb, ((0, 0), (pad, pad), (0, 0)))
    length = chars.shape[1]
    cols = np.concatenate([padded[:, j : j + length] for j in range(width)], axis=-1)
    kernel = weight.transpose(2, 1, 0).reshape(width * dim, n_filters)
    out = cols @ kernel + params["conv.bias"]                    # (U, L, F)
    out = np.where((chars > 0)[:, :, None], out, -np.inf)
    return out.max(axis=1)


def token_features(params: Params, words: Any, stems: Any, chars: Any, flags: Any) -> Any:
    """(U, D) features of distinct tokens: ``[E[word], E[stem], charCNN(chars), flags]``."""
    emb = params["emb"]
    return np.concatenate([emb[words], emb[stems], char_cnn(params, chars), flags],
                          axis=-1).astype(np.float32)


def reverse_index(lengths: Any, steps: int) -> Any:
    """(B, T) positions that reverse each sequence within its length (padding stays put)."""
    t = np.arange(steps)[None, :]
    lengths = lengths[:, None]
    return np.where(t < lengths, lengths - 1 - t, t)


class Network:
    """The BiLSTMs and output layers of one or more networks (an ensemble, averaged), with the
    weights rearranged for speed: the input projection of a token (everything but its
    gazetteer indicators) is computed once per distinct token (:meth:`token_gates`); every
    direction of every network runs in one loop (one batched matmul a step); the gates are
    reordered i, f, o, g so that one sigmoid covers three of them."""

    def __init__(self, nets: Sequence[Params], prefix: str = "lstm") -> None:
        hidden = nets[0][f"{prefix}.weight_hh_l0"].shape[1]
        self.hidden = hidden
        self.width = 8 * hidden
        order = np.r_[0 : 2 * hidden, 3 * hidden : 4 * hidden, 2 * hidden : 3 * hidden]
        n_gaz = len(GAZ_LABELS)
        self.w_token: list[Any] = []
        w_gaz, bias, w_hh, w_out, b_out = [], [], [], [], []
        for params in nets:
            if params[f"{prefix}.weight_hh_l0"].shape[1] != hidden:
                raise ValueError("the networks of an ensemble must have the same size")
            w_ih = []
            for suffix in ("", "_reverse"):
                p = f"{prefix}.{{}}_l0{suffix}"
                w_ih.append(params[p.format("weight_ih")][order])
                w_hh.append(params[p.format("weight_hh")][order].T)
                bias.append((params[p.format("bias_ih")] + params[p.format("bias_hh")])[order])
            both = np.concatenate(w_ih, axis=0)                         # (8H, D + n_gaz)
            self.w_token.append(np.ascontiguousarray(both[:, :-n_gaz].T))  # (D, 8H)
            w_gaz.append(both[:, -n_gaz:].T)                            # (n_gaz, 8H)
            out = params["out.weight"].T                                # (2H, K)
            w_out += [out[:hidden], out[hidden:]]
            b_out.append(params["out.bias"])
        n = len(nets)
        # sigmoid(x) = (tanh(x / 2) + 1) / 2: the i, f, o rows are halved so that one tanh
        # covers all four gates
        half = np.ones(4 * hidden, dtype=np.float32)
        half[: 3 * hidden] = 0.5
        self.w_token = [w * np.tile(half, 2) for w in self.w_token]
        w_gaz = [g * np.tile(half, 2) for g in w_gaz]
        bias = [b * half for b in bias]
        w_hh = [w * half for w in w_hh]
        # per stream (network i forward = 2i, backward = 2i + 1):
        self.w_gaz = np.stack([g[:, d * 4 * hidden : (d + 1) * 4 * hidden]
                               for g in w_gaz for d in (0, 1)])          # (2N, n_gaz, 4H)
        self.bias = np.stack(bias)[:, None, :]                          # (2N, 1, 4H)
        self.w_hh = np.ascontiguousarray(np.stack(w_hh))                # (2N, H, 4H)
        self.w_out = np.stack(w_out) / n                                # (2N, H, K)
        self.b_out = np.mean(b_out, axis=0)

    def token_gates(self, net: int, features: Any) -> Any:
        """(U, D) token features of network ``net`` -> (U, 8H) its input gates."""
        return features @ self.w_token[net]

    def emissions(self, token_gates: Any, positions: Any, gaz: Any, lengths: Any) -> Any:
        """(B, T, K) tag scores (the mean over the networks). ``token_gates`` (U, N·8H): the
        input gates of distinct tokens, network after network (:meth:`token_gates`);
        ``positions`` (B, T): the row of ``token_gates`` at each position; ``gaz`` (B, T, 8):
        gazetteer indicators; ``lengths`` (B,)."""
        n, steps = positions.shape
        hid = self.hidden
        g4 = 4 * hid
        streams = len(self.w_hh)
        rev = reverse_index(lengths, steps)
        pos = (positions.T, np.take_along_axis(positions, rev, axis=1).T)     # time-major
        gazs = (gaz.transpose(1, 0, 2),
                np.take_along_axis(gaz, rev[:, :, None], axis=1).transpose(1, 0, 2))
        stacked = np.empty((steps, streams, n, g4), dtype=np.float32)
        for k in range(streams):
            d = k % 2
            stacked[:, k] = token_gates[pos[d], k * g4 : (k + 1) * g4]
            stacked[:, k] += gazs[d] @ self.w_gaz[k] + self.bias[k]
        h = np.zeros((streams, n, hid), dtype=np.float32)
        c = np.zeros((streams, n, hid), dtype=np.float32)
        out = np.empty((steps, streams, n, hid), dtype=np.float32)
        z = np.empty((streams, n, g4), dtype=np.float32)
        gates = z[:, :, : 3 * hid]
        i_gate, f_gate = z[:, :, :hid], z[:, :, hid : 2 * hid]
        o_gate, g_gate = z[:, :, 2 * hid : 3 * hid], z[:, :, 3 * hid :]
        tmp = np.empty((streams, n, hid), dtype=np.float32)
        for t in range(steps):
            np.matmul(h, self.w_hh, out=z)
            z += stacked[t]
            np.tanh(z, out=z)
            gates *= 0.5
            gates += 0.5                                   # i, f, o = sigmoid; g = tanh
            c *= f_gate
            np.multiply(i_gate, g_gate, out=tmp)
            c += tmp
            np.tanh(c, out=tmp)
            h = out[t]
            np.multiply(o_gate, tmp, out=h)
        forward = sum(out[:, k] @ self.w_out[k] for k in range(0, streams, 2))   # (T, B, K)
        backward = sum(out[:, k] @ self.w_out[k] for k in range(1, streams, 2))
        backward = np.take_along_axis(backward.transpose(1, 0, 2), rev[:, :, None], axis=1)
        return forward.transpose(1, 0, 2) + backward + self.b_out


def emissions(params: Params, batch: Batch) -> Any:
    """(B, T, K) tag scores of a batch, computed from scratch (no token cache)."""
    net = Network([params])
    feats = token_features(params, batch.words, batch.stems, batch.chars, batch.flags)
    return net.emissions(net.token_gates(0, feats), batch.types, batch.gaz, batch.lengths)


def viterbi(scores: Any, lengths: Any, trans: Any, start: Any, end: Any) -> Any:
    """(B, T) best tag ids under the CRF (``trans[i, j]``: from tag i to tag j); positions
    past a sequence's length repeat its last tag."""
    n, steps, k = scores.shape
    if steps == 0:
        return np.zeros((n, 0), dtype=np.int64)
    best = start[None, :] + scores[:, 0]
    back = np.empty((n, steps, k), dtype=np.int64)
    back[:, 0] = np.arange(k)
    keep = np.arange(k)[None, :]
    for t in range(1, steps):
        cand = best[:, :, None] + trans[None, :, :]              # (B, from, to)
        arg = cand.argmax(axis=1)
        top = cand.max(axis=1) + scores[:, t]
        live = (t < lengths)[:, None]
        best = np.where(live, top, best)
        back[:, t] = np.where(live, arg, keep)
    tags = np.empty((n, steps), dtype=np.int64)
    tags[:, -1] = (best + end[None, :]).argmax(axis=1)
    rows = np.arange(n)
    for t in range(steps - 1, 0, -1):
        tags[:, t - 1] = back[rows, t, tags[:, t]]
    return tags


def marginals(scores: Any, lengths: Any, trans: Any, start: Any, end: Any) -> Any:
    """(B, T, K) probability of each tag at each position (forward-backward in probability
    space, each step normalized: one small matrix product a step; float64)."""
    n, steps, k = scores.shape
    if steps == 0:
        return np.zeros((n, 0, k))
    e = np.exp(scores - scores.max(axis=2, keepdims=True)).astype(np.float64)
    et = np.exp(trans - trans.max()).astype(np.float64)
    alpha = np.empty((n, steps, k))
    beta = np.empty((n, steps, k))
    first = np.exp(start - start.max()) * e[:, 0]
    alpha[:, 0] = first / first.sum(axis=1, keepdims=True)
    for t in range(1, steps):
        a = (alpha[:, t - 1] @ et) * e[:, t]
        a /= np.maximum(a.sum(axis=1, keepdims=True), 1e-300)
        alpha[:, t] = np.where((t < lengths)[:, None], a, alpha[:, t - 1])
    last = np.exp(end - end.max()).astype(np.float64)
    beta[:, -1] = last
    for t in range(steps - 2, -1, -1):
        b = (e[:, t + 1] * beta[:, t + 1]) @ et.T
        b /= np.maximum(b.sum(axis=1, keepdims=True), 1e-300)
        beta[:, t] = np.where((t + 1 < lengths)[:, None], b, last)
    marg = alpha * beta
    return marg / np.maximum(marg.sum(axis=2, keepdims=True), 1e-300)


def bio_constraints(tags: tuple[str, ...]) -> tuple[Any, Any]:
    """Penalties that forbid ill-formed BIO sequences: (transition penalties, start penalties).
    ``I-T`` may only follow ``B-T`` or ``I-T``, and no sequence starts with ``I-``."""
    k = len(tags)
    trans = np.zeros((k, k), dtype=np.float32)
    start = np.zeros(k, dtype=np.float32)
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            start[j] = -1e4
            for i, prev in enumerate(tags):
                if prev[2:] != tag[2:]:
                    trans[i, j] = -1e4
    return trans, start
