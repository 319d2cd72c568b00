"""The neural NER model: the numpy forward pass against torch, Viterbi and marginals against
brute force, batching, and the errors of a missing or damaged model file."""

from __future__ import annotations

import itertools
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import ModelError
from marsad.ner.data import Sentence
from marsad.ner.neural import FORMAT, NeuralNerModel, batches, read_model_file
from marsad.ner.neural_ops import bio_constraints, marginals, viterbi

SENTENCES = [
    Sentence(("قال", "الرئيس", "جورج", "بوش", "في", "واشنطن", "."),
             ("O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O")),
    Sentence(("وصل", "وفد", "الأمم", "المتحدة", "إلى", "بغداد"),
             ("O", "O", "B-ORG", "I-ORG", "O", "B-LOC")),
    Sentence(("أعلنت", "شركة", "مايكروسوفت", "عن", "ويندوز", "2000"),
             ("O", "O", "B-ORG", "O", "B-MISC", "I-MISC")),
    Sentence(("التقى", "بوش", "بالرئيس", "المصري", "في", "القاهرة"),
             ("O", "B-PERS", "O", "O", "O", "B-LOC")),
]


def _tiny_model(tmp_path: Path, networks: int = 1):
    torch = pytest.importorskip("torch", reason="torch (the train-neural extra) is not installed")
    from marsad.ner.neural_train import (
        NetConfig,
        NeuralTrainConfig,
        export,
        make_net,
        prepare,
    )

    words = sorted({w for s in SENTENCES for w in s.tokens} | {"رئيس", "الامم", "المتحده"})
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(words), 8)).astype(np.float32)
    config = NeuralTrainConfig(folds=2, net=NetConfig(char_dim=4, filters=5, hidden=6,
                                                      dropout=0.0))
    prep = prepare(SENTENCES, words, list(range(len(words), 0, -1)), vectors, config)
    nets = []
    for seed in range(networks):
        torch.manual_seed(seed)
        net = make_net(prep.vectors, prep.encoder.n_chars, config.net)
        with torch.no_grad():
            for p in (net.trans, net.start, net.end):
                p.normal_()
        net.eval()
        nets.append(net)
    path = tmp_path / "tiny.npz"
    export(path, nets, prep, config, {"note": "test"})
    return torch, nets[0] if networks == 1 else nets, prep, path


def _numpy_model(tmp_path: Path, networks: int = 1) -> Path:
    """A tiny model with random weights, written without torch (so the run-time tests run
    where torch is absent, as in CI)."""
    from marsad.ner.data import TAGS
    from marsad.ner.neural_encode import GAZ_LABELS, N_FLAGS
    from marsad.ner.neural_train import NeuralTrainConfig, prepare, write_model

    words = sorted({w for s in SENTENCES for w in s.tokens})
    rng = np.random.default_rng(5)
    config = NeuralTrainConfig(folds=2)
    prep = prepare(SENTENCES, words, list(range(len(words), 0, -1)),
                   rng.normal(size=(len(words), 8)).astype(np.float32), config)
    char_dim, filters, hidden, k = 4, 5, 6, len(TAGS)
    in_dim = 2 * 8 + filters + N_FLAGS + len(GAZ_LABELS)

    def r(*shape: int) -> np.ndarray:
        return rng.normal(scale=0.5, size=shape).astype(np.float32)

    weights = []
    for _ in range(networks):
        w = {"char_emb.weight": r(prep.encoder.n_chars, char_dim),
             "conv.weight": r(filters, char_dim, 3), "conv.bias": r(filters),
             "out.weight": r(k, 2 * hidden), "out.bias": r(k),
             "trans": r(k, k), "start": r(k), "end": r(k)}
        for suffix in ("", "_reverse"):
            w[f"lstm.weight_ih_l0{suffix}"] = r(4 * hidden, in_dim)
            w[f"lstm.weight_hh_l0{suffix}"] = r(4 * hidden, hidden)
            w[f"lstm.bias_ih_l0{suffix}"] = r(4 * hidden)
            w[f"lstm.bias_hh_l0{suffix}"] = r(4 * hidden)
        weights.append(w)
    path = tmp_path / "numpy-tiny.npz"
    write_model(path, weights, prep, config, {"note": "numpy"})
    return path


def test_numpy_forward_equals_torch(tmp_path: Path) -> None:
    from marsad.ner.neural_encode import make_batch
    from marsad.ner.neural_train import to_tensors

    torch, net, prep, path = _tiny_model(tmp_path)
    model = NeuralNerModel(path)
    sentences = [s.tokens for s in SENTENCES] + [("غير", "معروف", "xyz", "بوش")]
    batch = make_batch(prep.encoder, sentences)
    with torch.no_grad():
        expected = net.emissions(*to_tensors(torch, batch)).numpy()
    got = model.emissions(sentences)
    for b, tokens in enumerate(sentences):
        n = len(tokens)
        np.testing.assert_allclose(got[b, :n], expected[b, :n], rtol=1e-4, atol=1e-5)
    # a second call is served from the token cache: same numbers
    np.testing.assert_allclose(model.emissions(sentences), got, rtol=1e-6, atol=1e-6)
    # one sentence alone (other padding, other batch) gives the same scores
    alone = model.emissions([sentences[1]])
    np.testing.assert_allclose(alone[0], got[1, : len(sentences[1])], rtol=1e-4, atol=1e-5)
    assert model.meta["note"] == "test"
    tags, probs = model.tag_scored(list(sentences[0]))
    assert len(tags) == len(probs) == len(sentences[0])
    assert all(0.0 <= p <= 1.0 for p in probs)


def test_ensemble_averages_networks(tmp_path: Path) -> None:
    from marsad.ner.neural_encode import make_batch
    from marsad.ner.neural_train import to_tensors

    torch, nets, prep, path = _tiny_model(tmp_path, networks=2)
    model = NeuralNerModel(path)
    assert len(model.params) == 2 and len(model.network.w_hh) == 4
    sentences = [s.tokens for s in SENTENCES]
    tensors = to_tensors(torch, make_batch(prep.encoder, sentences))
    with torch.no_grad():
        expected = sum(net.emissions(*tensors).numpy() for net in nets) / 2
        trans = (nets[0].trans + nets[1].trans).numpy() / 2
    got = model.emissions(sentences)
    for b, tokens in enumerate(sentences):
        np.testing.assert_allclose(got[b, : len(tokens)], expected[b, : len(tokens)],
                                   rtol=1e-4, atol=1e-5)
    off_bio = model.trans < -1000
    np.testing.assert_allclose(model.trans[~off_bio], trans[~off_bio], rtol=1e-6)


def test_crf_nll_equals_brute_force() -> None:
    torch = pytest.importorskip("torch", reason="torch (the train-neural extra) is not installed")
    from marsad.ner.neural_train import crf_nll

    rng = np.random.default_rng(3)
    k, steps = 3, 4
    scores = rng.normal(size=(2, steps, k))
    trans, start, end = rng.normal(size=(k, k)), rng.normal(size=k), rng.normal(size=k)
    lengths = np.array([4, 2])
    tags = np.array([[0, 2, 1, 1], [2, 0, 0, 0]])

    def path_score(b: int, seq: tuple[int, ...]) -> float:
        s = start[seq[0]] + end[seq[-1]] + sum(scores[b, t, y] for t, y in enumerate(seq))
        return s + sum(trans[a, c] for a, c in itertools.pairwise(seq))

    want = 0.0
    for b in range(2):
        n = lengths[b]
        log_z = np.logaddexp.reduce([path_score(b, seq)
                                     for seq in itertools.product(range(k), repeat=n)])
        want += log_z - path_score(b, tuple(tags[b, :n]))
    t = torch.as_tensor
    got = crf_nll(torch, t(scores), t(tags), t(lengths), t(trans), t(start), t(end))
    assert float(got) == pytest.approx(want / 2, rel=1e-6)


def _brute_best(scores, trans, start, end):
    k = scores.shape[1]
    best, best_seq = -np.inf, None
    for seq in itertools.product(range(k), repeat=len(scores)):
        s = start[seq[0]] + end[seq[-1]] + sum(scores[t, y] for t, y in enumerate(seq))
        s += sum(trans[a, b] for a, b in itertools.pairwise(seq))
        if s > best:
            best, best_seq = s, seq
    return list(best_seq)


def test_viterbi_hand_made_case() -> None:
    # tags O, B, I: the emissions alone prefer O B O I, but O -> I is forbidden, so the best
    # path pays for I where O scored best: O B I I
    o, b, i = 0, 1, 2
    trans = np.array([[0.0, 0.0, -100.0], [0.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    start = np.array([0.0, 0.0, -100.0])
    end = np.zeros(3)
    scores = np.array([[[2.0, 0.0, 0.0], [0.0, 2.0, 0.0], [1.0, 0.0, 0.5], [0.0, 0.0, 2.0]]])
    assert viterbi(scores, np.array([4]), trans, start, end)[0].tolist() == [o, b, i, i]
    assert scores[0].argmax(axis=1).tolist() == [o, b, o, i]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=4), st.integers(0, 2**31 - 1))
def test_viterbi_and_marginals_match_brute_force(lengths: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    k = 3
    steps = max(lengths)
    scores = rng.normal(size=(len(lengths), steps, k))
    trans, start, end = rng.normal(size=(k, k)), rng.normal(size=k), rng.normal(size=k)
    lens = np.array(lengths)
    best = viterbi(scores, lens, trans, start, end)
    marg = marginals(scores, lens, trans, start, end)
    for b, n in enumerate(lengths):
        assert best[b, :n].tolist() == _brute_best(scores[b, :n], trans, start, end)
        np.testing.assert_allclose(marg[b, :n].sum(axis=1), 1.0, rtol=1e-9)
        # brute-force marginal of the first position
        seqs = list(itertools.product(range(k), repeat=n))
        weights = np.array([
            np.exp(start[s[0]] + end[s[-1]] + sum(scores[b, t, y] for t, y in enumerate(s))
                   + sum(trans[x, y] for x, y in itertools.pairwise(s)))
            for s in seqs])
        first = np.array([weights[[q[0] == y for q in seqs]].sum() for y in range(k)])
        np.testing.assert_allclose(marg[b, 0], first / weights.sum(), rtol=1e-6)


def test_bio_constraints_forbid_ill_formed_sequences() -> None:
    tags = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC")
    trans, start = bio_constraints(tags)
    assert start.tolist() == [0, 0, -1e4, 0, -1e4]
    assert trans[0, 2] < 0 and trans[3, 2] < 0 and trans[4, 2] < 0  # O/B-LOC/I-LOC -> I-PERS
    assert trans[1, 2] == 0 and trans[2, 2] == 0 and trans[2, 3] == 0 and trans[0, 1] == 0


@given(st.lists(st.integers(0, 400), max_size=60), st.integers(1, 8), st.integers(1, 500))
def test_batches_cover_every_nonempty_item_once(lengths: list[int], size: int, tokens: int) -> None:
    groups = batches(lengths, size, tokens)
    flat = [i for g in groups for i in g]
    assert sorted(flat) == [i for i, n in enumerate(lengths) if n]
    for g in groups:
        assert len(g) <= size
        assert len(g) == 1 or len(g) * max(lengths[i] for i in g) <= tokens


def test_missing_model_says_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="marsad train ner-neural"):
        NeuralNerModel(tmp_path / "nothing.npz")


@pytest.mark.parametrize("content", [b"", b"not a zip file at all", b"PK\x03\x04broken"])
def test_corrupt_model_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.npz"
    path.write_bytes(content)
    with pytest.raises(ModelError, match="corrupted.*marsad train ner-neural"):
        NeuralNerModel(path)


def test_truncated_and_foreign_model_files(tmp_path: Path) -> None:
    other = tmp_path / "other.npz"
    np.savez(other, x=np.zeros(3))
    with pytest.raises(ModelError, match="corrupted"):
        read_model_file(other)
    header = np.frombuffer(b'{"format": "something-else"}', dtype=np.uint8)
    np.savez(other, **{"t.header": header})
    with pytest.raises(ModelError, match=f"not a {FORMAT} model"):
        read_model_file(other)
    header = np.frombuffer(json.dumps({"format": FORMAT, "tags": ["O"]}).encode(), dtype=np.uint8)
    np.savez(other, **{"t.header": header})
    with pytest.raises(ModelError, match="corrupted"):
        NeuralNerModel(other)


def test_truncated_real_model_file(tmp_path: Path) -> None:
    path = _numpy_model(tmp_path)
    data = path.read_bytes()
    cut = tmp_path / "cut.npz"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="corrupted"):
        NeuralNerModel(cut)
    assert zipfile.is_zipfile(path)
    assert NeuralNerModel(path).meta["note"] == "numpy"


def test_mismatched_shapes_are_corrupt(tmp_path: Path) -> None:
    path = _numpy_model(tmp_path)
    with np.load(path) as data:
        arrays = {k: data[k] for k in data.files}
    arrays["n0.out.weight"] = arrays["n0.out.weight"][:3]
    bad = tmp_path / "bad-shapes.npz"
    np.savez(bad, **arrays)
    with pytest.raises(ModelError, match="corrupted"):
        NeuralNerModel(bad)


def _write_fixture(tmp_path: Path) -> tuple[Path, Path]:
    from marsad.ner.data import format_conll

    data = tmp_path / "tiny.txt"
    data.write_text(format_conll(SENTENCES * 5), encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    body = " ".join(" ".join(s.tokens) for s in SENTENCES * 3)
    (news / "a.txt").write_text(f"<DOC><DOCNO>1</DOCNO><TITLE>خبر</TITLE><TEXT>{body}</TEXT></DOC>",
                                encoding="utf-8")
    return data, news


def test_train_and_eval_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("torch", reason="torch (the train-neural extra) is not installed")
    from marsad.cli import main

    data, news = _write_fixture(tmp_path)
    out = tmp_path / "model.npz"
    assert main(["train", "ner-neural", "--data", str(data), "--unlabelled", str(news),
                 "--out", str(out), "--epochs", "2", "--ensemble", "2", "--dev-split", "0.2", "--json"]) == 0
    header = json.loads(capsys.readouterr().out)
    assert header["format"] == FORMAT and header["config"]["epochs"] == 2
    assert header["trained_on"]["sentences"] == 16 and "dev" in header
    assert main(["eval", "ner-neural", "--data", str(data), "--model", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) >= {"micro", "per_type", "tokens"}
    assert report["tokens"] == 5 * sum(len(s) for s in SENTENCES)
    assert set(report["micro"]) >= {"precision", "recall", "f1"}
    assert main(["eval", "ner-neural", "--data", str(data), "--model", str(out)]) == 0
    assert "micro" in capsys.readouterr().out


def test_eval_command_names_a_missing_file(tmp_path: Path) -> None:
    from marsad.cli import main

    assert main(["eval", "ner-neural", "--data", str(tmp_path / "none.txt")]) != 0


def test_tag_doc_gives_raw_offsets(tmp_path: Path) -> None:
    from marsad.ner.neural import tag_doc
    from marsad.pipeline import load_pipeline

    model = NeuralNerModel(_numpy_model(tmp_path))
    text = "قال الرئيس جورج بوش في واشنطن. Hello world.\nوصل وفد الأمم المتحدة إلى بغداد"
    doc = load_pipeline(["tokenize"]).analyze(text)
    entities = tag_doc(doc, model)
    assert entities == sorted(entities, key=lambda e: e.start)
    for e in entities:
        assert e.type in {"PERS", "LOC", "ORG", "MISC"}
        assert text[e.start : e.end].strip() == text[e.start : e.end]
        assert 0.0 <= e.score <= 1.0
        assert not any("a" <= c <= "z" for c in text[e.start : e.end])


gaz_words = st.sampled_from(["بوش", "وبوش", "جورج", "واشنطن", "الأمم", "المتحدة", "للأمم", "في"])


@given(st.lists(st.tuples(st.lists(gaz_words, min_size=1, max_size=3),
                          st.sampled_from(["PERS", "LOC", "ORG"])), max_size=8),
       st.lists(gaz_words, max_size=12))
def test_matcher_equals_gazetteer_match(names: list, tokens: list[str]) -> None:
    from marsad.ner.gazetteer import Gazetteer
    from marsad.ner.neural_encode import Matcher

    gaz = Gazetteer()
    for name, kind in names:
        gaz.add(name, kind)
    assert Matcher(gaz).match(tokens) == gaz.match(tokens)


def test_empty_and_very_long_inputs(tmp_path: Path) -> None:
    model = NeuralNerModel(_numpy_model(tmp_path, networks=2))
    assert model.tag_sentences([]) == []
    assert model.tag_sentences([[], ["بوش"], []], scores=True)[0] == ([], [])
    long_line = ["كلمة", "بوش", "في", "واشنطن"] * 400  # 1,600 tokens, no punctuation
    tags, probs = model.tag_scored(long_line)
    assert len(tags) == len(probs) == len(long_line)
    assert all(not t.startswith("I-") or tags[i - 1][2:] == t[2:] for i, t in enumerate(tags))


def test_marginals_and_viterbi_under_bio_constraints() -> None:
    tags = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC")
    penalty, start_penalty = bio_constraints(tags)
    rng = np.random.default_rng(7)
    trans = rng.normal(size=(5, 5)) + penalty
    start = rng.normal(size=5) + start_penalty
    end = rng.normal(size=5)
    scores = rng.normal(scale=4.0, size=(1, 4, 5))
    scores[0, :, 2] += 6.0  # I-PERS looks best everywhere, yet cannot start a sentence
    best = viterbi(scores, np.array([4]), trans, start, end)[0]
    assert best.tolist() == _brute_best(scores[0], trans, start, end)
    assert best[0] != 2
    marg = marginals(scores, np.array([4]), trans, start, end)[0]
    seqs = list(itertools.product(range(5), repeat=4))
    logw = np.array([start[s[0]] + end[s[-1]] + sum(scores[0, t, y] for t, y in enumerate(s))
                     + sum(trans[a, b] for a, b in itertools.pairwise(s)) for s in seqs])
    w = np.exp(logw - logw.max())
    for t in range(4):
        want = np.array([w[[q[t] == y for q in seqs]].sum() for y in range(5)]) / w.sum()
        np.testing.assert_allclose(marg[t], want, rtol=1e-6, atol=1e-12)
    assert marg[0, 2] < 1e-100


def test_tag_docs_equals_tag_doc_one_by_one(tmp_path: Path) -> None:
    from marsad.ner.neural import tag_doc, tag_docs
    from marsad.pipeline import load_pipeline

    model = NeuralNerModel(_numpy_model(tmp_path, networks=2))
    pipeline = load_pipeline(["tokenize"])
    texts = ["قال الرئيس جورج بوش في واشنطن. وصل بوش إلى بغداد.",
             "No Arabic here.", "", "أعلنت شركة مايكروسوفت عن ويندوز 2000 في القاهرة"]
    docs = [pipeline.analyze(t) for t in texts]
    assert tag_docs(docs, model) == [tag_doc(d, model) for d in docs]
    assert tag_docs([], model) == []
