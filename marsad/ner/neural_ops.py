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


def _sigmoid(x: Any) -> Any:
    return 0.5 * np.tanh(0.5 * x) + 0.5


def reverse_index(lengths: Any, steps: int) -> Any:
    """(B, T) positions that reverse each sequence within its length (padding stays put)."""
    t = np.arange(steps)[None, :]
    lengths = lengths[:, None]
    return np.where(t < lengths, lengths - 1 - t, t)


class Network:
    """The BiLSTM and output layer, with the weights rearranged for speed: the input
    projection of a token (everything but its gazetteer indicators) is computed once per
    distinct token (:meth:`token_gates`); both directions run in one loop; the gates are
    reordered i, f, o, g so that one sigmoid covers three of them."""

    def __init__(self, params: Params, prefix: str = "lstm") -> None:
        hidden = params[f"{prefix}.weight_hh_l0"].shape[1]
        self.hidden = hidden
        order = np.r_[0 : 2 * hidden, 3 * hidden : 4 * hidden, 2 * hidden : 3 * hidden]
        w_ih, w_hh, bias = [], [], []
        for suffix in ("", "_reverse"):
            p = f"{prefix}.{{}}_l0{suffix}"
            w_ih.append(params[p.format("weight_ih")][order])
            w_hh.append(params[p.format("weight_hh")][order].T)
            bias.append((params[p.format("bias_ih")] + params[p.format("bias_hh")])[order])
        n_gaz = len(GAZ_LABELS)
        both = np.concatenate(w_ih, axis=0)                      # (8H, D + n_gaz)
        self.w_token = np.ascontiguousarray(both[:, :-n_gaz].T)   # (D, 8H)
        self.w_gaz = np.ascontiguousarray(both[:, -n_gaz:].T)     # (n_gaz, 8H)
        self.bias = np.concatenate(bias)
        self.w_hh = np.ascontiguousarray(np.stack(w_hh))         # (2, H, 4H)
        out = params["out.weight"]
        self.w_out = np.ascontiguousarray(out.T)                 # (2H, K)
        self.b_out = params["out.bias"]

    def token_gates(self, features: Any) -> Any:
        """(U, D) token features -> (U, 8H) their input gates, both directions."""
        return features @ self.w_token

    def emissions(self, gates: Any, gaz: Any, lengths: Any) -> Any:
        """(B, T, K) tag scores from each position's token gates (B, T, 8H), gazetteer
        indicators (B, T, 8) and the lengths."""
        n, steps, _ = gates.shape
        hid = self.hidden
        x = gates + gaz @ self.w_gaz + self.bias
        rev = reverse_index(lengths, steps)
        stacked = np.empty((steps, 2, n, 4 * hid), dtype=np.float32)
        stacked[:, 0] = x[:, :, : 4 * hid].transpose(1, 0, 2)
        stacked[:, 1] = np.take_along_axis(x[:, :, 4 * hid :], rev[:, :, None],
                                           axis=1).transpose(1, 0, 2)
        h = np.zeros((2, n, hid), dtype=np.float32)
        c = np.zeros((2, n, hid), dtype=np.float32)
        out = np.empty((steps, 2, n, hid), dtype=np.float32)
        for t in range(steps):
            z = stacked[t] + np.matmul(h, self.w_hh)
            s = _sigmoid(z[:, :, : 3 * hid])
            c = s[:, :, hid : 2 * hid] * c + s[:, :, :hid] * np.tanh(z[:, :, 3 * hid :])
            h = s[:, :, 2 * hid :] * np.tanh(c)
            out[t] = h
        forward = out[:, 0].transpose(1, 0, 2)
        backward = np.take_along_axis(out[:, 1].transpose(1, 0, 2), rev[:, :, None], axis=1)
        return (forward @ self.w_out[:hid] + backward @ self.w_out[hid:]) + self.b_out


def emissions(params: Params, batch: Batch) -> Any:
    """(B, T, K) tag scores of a batch, computed from scratch (no token cache)."""
    net = Network(params)
    feats = token_features(params, batch.words, batch.stems, batch.chars, batch.flags)
    return net.emissions(net.token_gates(feats)[batch.types], batch.gaz, batch.lengths)


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
        top = np.take_along_axis(cand, arg[:, None, :], axis=1)[:, 0] + scores[:, t]
        live = (t < lengths)[:, None]
        best = np.where(live, top, best)
        back[:, t] = np.where(live, arg, keep)
    tags = np.empty((n, steps), dtype=np.int64)
    tags[:, -1] = (best + end[None, :]).argmax(axis=1)
    rows = np.arange(n)
    for t in range(steps - 1, 0, -1):
        tags[:, t - 1] = back[rows, t, tags[:, t]]
    return tags


def _logsumexp(x: Any, axis: int) -> Any:
    top = x.max(axis=axis, keepdims=True)
    return (top + np.log(np.exp(x - top).sum(axis=axis, keepdims=True))).squeeze(axis)


def marginals(scores: Any, lengths: Any, trans: Any, start: Any, end: Any) -> Any:
    """(B, T, K) probability of each tag at each position (forward-backward)."""
    n, steps, k = scores.shape
    scores = scores.astype(np.float64)
    alpha = np.empty((n, steps, k))
    alpha[:, 0] = start[None, :] + scores[:, 0]
    for t in range(1, steps):
        nxt = _logsumexp(alpha[:, t - 1, :, None] + trans[None], axis=1) + scores[:, t]
        alpha[:, t] = np.where((t < lengths)[:, None], nxt, alpha[:, t - 1])
    beta = np.empty((n, steps, k))
    beta[:, -1] = end[None, :]
    for t in range(steps - 2, -1, -1):
        nxt = _logsumexp(trans[None] + (scores[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
        beta[:, t] = np.where((t + 1 < lengths)[:, None], nxt, end[None, :])
    log_z = _logsumexp(alpha[:, -1] + end[None, :], axis=1)
    return np.exp(alpha + beta - log_z[:, None, None])


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
