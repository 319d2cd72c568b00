"""Unit tests of marsad.ner on small fixtures written for these tests (no shared data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.errors import EmptyInputError, InputError, ModelError, UnreadableError
from marsad.ner.clusters import Clusters
from marsad.ner.data import Sentence, format_conll, parse_lines, read_conll, split
from marsad.ner.features import FeatureConfig, Featurizer, shape
from marsad.ner.gazetteer import Gazetteer, curated, from_sentences
from marsad.ner.scoring import bio_spans, score
from marsad.ner.tagger import MAX_TOKENS, NerModel, chunks

# Made-up news sentences in ANERcorp's format (token TAG, blank line between sentences).
TINY = """\
قال O
الرئيس O
سمير B-PERS
الجبالي I-PERS
في O
تونس B-LOC
. O

وصل O
وزير O
الخارجية O
إلى O
بغداد B-LOC
أمس O
. O

أعلنت O
منظمة B-ORG
الصحة I-ORG
العالمية I-ORG
أن O
الوضع O
في O
القاهرة B-LOC
مستقر O
. O

التقى O
كريم B-PERS
العلوي I-PERS
برئيس O
حزب B-ORG
النور I-ORG
في O
صفاقس B-LOC
. O

وأكد O
سمير B-PERS
الجبالي I-PERS
أن O
الاجتماع O
في O
بغداد B-LOC
كان O
مثمرا O
. O

وقالت O
منظمة B-ORG
الصحة I-ORG
العالمية I-ORG
إن O
كريم B-PERS
العلوي I-PERS
زار O
تونس B-LOC
. O

وفاز O
فريق O
النجم B-ORG
بكأس B-MISC
الرابطة I-MISC
في O
القاهرة B-LOC
. O

ودفع O
مليون O
دولار B-MISC
لحزب B-ORG
النور I-ORG
. O
"""


@pytest.fixture()
def tiny_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.txt"
    path.write_text(TINY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> NerModel:
    from marsad.ner.train import TrainConfig, train

    sentences = list(parse_lines(TINY.splitlines(), "tiny"))
    out = tmp_path_factory.mktemp("model") / "tiny.json"
    config = TrainConfig(c1=0.0, c2=0.01, max_iterations=50, folds=2, kb=False,
                         features=FeatureConfig(clusters=(), context_clusters=()))
    train(sentences * 3, out, config)
    return NerModel(out)


# --- data -------------------------------------------------------------------------------


def test_read_conll_sentences_and_tags(tiny_file: Path) -> None:
    sentences = read_conll(tiny_file)
    assert len(sentences) == 8
    assert sentences[0].tokens[:3] == ("قال", "الرئيس", "سمير")
    assert sentences[0].tags[2:4] == ("B-PERS", "I-PERS")
    assert read_conll_roundtrip(sentences, tiny_file.parent) == sentences


def read_conll_roundtrip(sentences: list[Sentence], where: Path) -> list[Sentence]:
    path = where / "again.txt"
    path.write_text(format_conll(sentences), encoding="utf-8")
    return read_conll(path)


def test_bad_lines_name_the_file_and_line() -> None:
    with pytest.raises(InputError, match=r"f\.txt:2.*unknown tag 'B-PER'"):
        list(parse_lines(["قال O", "سمير B-PER"], "f.txt"))
    with pytest.raises(InputError, match=r"f\.txt:1.*expected 'token TAG'"):
        list(parse_lines(["قال"], "f.txt"))


def test_read_conll_missing_empty_and_binary(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError, match="no such file"):
        read_conll(tmp_path / "nope.txt")
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    with pytest.raises(EmptyInputError):
        read_conll(tmp_path / "empty.txt")
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe\x00abc O\n")
    with pytest.raises(InputError, match="not UTF-8"):
        read_conll(tmp_path / "bin.txt")


def test_dev_split_is_the_last_tenth_and_disjoint() -> None:
    sentences = [Sentence((str(i),), ("O",)) for i in range(100)]
    train, dev = split(sentences, "train"), split(sentences, "dev")
    assert len(dev) == 10 and dev[0].tokens == ("90",)
    assert train + dev == sentences
    assert split(sentences, "all") == sentences
    assert split(sentences, "dev", 0.0) == [] and split(sentences, "train", 0.0) == sentences
    with pytest.raises(ValueError):
        split(sentences, "test")


# --- scoring ----------------------------------------------------------------------------


def test_bio_spans_conlleval_conventions() -> None:
    assert bio_spans(["B-PERS", "I-PERS", "O", "B-LOC"]) == [(0, 2, "PERS"), (3, 4, "LOC")]
    # an I- that does not continue its type starts a new entity
    assert bio_spans(["I-ORG", "I-ORG", "I-LOC"]) == [(0, 2, "ORG"), (2, 3, "LOC")]
    assert bio_spans(["B-LOC", "B-LOC"]) == [(0, 1, "LOC"), (1, 2, "LOC")]
    assert bio_spans(["O", "O"]) == []


def test_score_exact_spans_on_a_hand_made_case() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    pred = [["B-PERS", "I-PERS", "O", "B-ORG"], ["B-ORG", "O", "O"]]
    report = score(gold, pred)
    # gold: PERS, LOC, ORG(2 tokens); predicted: PERS (right), ORG at 3 (wrong type), ORG (too short)
    assert (report.micro.tp, report.micro.predicted, report.micro.gold) == (1, 3, 3)
    assert report.micro.f1 == pytest.approx(1 / 3)
    assert report.per_type["PERS"].f1 == 1.0
    assert report.per_type["LOC"].recall == 0.0 and report.per_type["ORG"].precision == 0.0
    as_json = report.as_dict()
    assert set(as_json["micro"]) >= {"precision", "recall", "f1"}
    assert as_json["tokens"] == 7
    with pytest.raises(ValueError):
        score([["O"]], [["O", "O"]])


tags = st.lists(st.sampled_from(["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]), max_size=30)


@given(tags)
def test_spans_are_disjoint_sorted_and_perfect_score_is_one(seq: list[str]) -> None:
    spans = bio_spans(seq)
    for (_, e1, _), (s2, _, _) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2
    assert all(seq[s] != "O" for s, _, _ in spans)
    report = score([seq], [seq])
    assert report.micro.tp == report.micro.gold == len(spans)


# --- gazetteer --------------------------------------------------------------------------


def test_gazetteer_longest_match_through_clitics() -> None:
    gaz = Gazetteer()
    gaz.add(["الأمم", "المتحدة"], "ORG")
    gaz.add(["المتحدة"], "LOC")
    gaz.add(["بغداد"], "LOC")
    # ة/ه and أ/ا are normalized; the proclitic و and the ل+ال of للأمم are stripped
    assert gaz.match(["وبغداد", "للامم", "المتحده", "و", "المتحدة"]) == [
        ("B-LOC",), ("B-ORG",), ("I-ORG",), (), ("B-LOC",)]
    assert Gazetteer.load(gaz.dump()).entries == gaz.entries


def test_gazetteer_from_sentences_and_curated_lists() -> None:
    gaz = from_sentences([(("زار", "كريم", "العلوي"), ("O", "B-PERS", "I-PERS"))])
    assert gaz.match(["كريم", "العلوي"]) == [("B-PERS",), ("I-PERS",)]
    lists = curated()
    assert len(lists) > 500
    assert lists.match(["بالعراق"]) == [("B-LOC",)]


# --- features ---------------------------------------------------------------------------


def test_shape() -> None:
    assert [shape(t) for t in ("بغداد", "UN", "2019", "٢٠١٩", "F16ب", "،")] == [
        "ar", "lat", "num", "num", "mix", "،"]


def test_features_of_a_sentence() -> None:
    gaz = Gazetteer()
    gaz.add(["بغداد"], "LOC")
    clusters = Clusters({"بغداد": ("7", "5"), "وصل": ("3", "9")}, [64], counts=True)
    feats = Featurizer(FeatureConfig(window=2, clusters=(64,), context_clusters=(64,)), clusters,
                       gaz).sentence(["وصل", "إلى", "وبغداد"])
    assert len(feats) == 3
    last = feats[2]
    # the stem is the most frequent split (بغداد), not the most stripped one (غداد)
    assert "w=وبغداد" in last and "st=بغداد" in last and "pre=و" in last
    assert "c64=7" in last and "fq=5" in last  # cluster and frequency band of the stem
    assert "c=none" in feats[1] and "-2:c64=3" in last
    assert "st=غداد" in Featurizer(FeatureConfig(clusters=())).sentence(["وبغداد"])[0]
    assert "g=B-LOC" in last and "-1:w=الي" in last and "-2:w=وصل" in last
    assert "+1:<s>" in last and "+2:<s>" in last
    assert "b-1=الي|وبغداد" in last
    assert "+2:g=B-LOC" not in feats[0] and "+1:g=B-LOC" in feats[1]


@given(st.lists(st.text(min_size=1, max_size=8), max_size=20))
def test_one_feature_list_per_token(tokens: list[str]) -> None:
    feats = Featurizer(FeatureConfig(clusters=()), None, Gazetteer()).sentence(tokens)
    assert len(feats) == len(tokens)
    assert all(f and all(isinstance(x, str) and x for x in f) for f in feats)


@given(st.integers(0, 1000), st.integers(2, 200))
def test_chunks_cover_the_sentence(n: int, limit: int) -> None:
    tokens = ["كلمة" if i % 7 else "،" for i in range(n)]
    parts = chunks(tokens, limit)
    assert [i for s, e in parts for i in range(s, e)] == list(range(n))
    assert all(0 < e - s <= limit for s, e in parts)


def test_document_context_comes_from_other_sentences_only() -> None:
    from marsad.ner.document import context_features

    sentences = [["زار", "تونس"], ["وصل", "إلى", "وتونس"], ["قال", "كريم"], ["تونس"]]
    first = [["O", "B-LOC"], ["O", "O", "O"], ["O", "B-PERS"], ["O"]]
    extra = context_features(sentences, first, window=1)
    assert extra[0] == [(), ()]  # its own LOC does not count; sentence 1 found nothing
    assert extra[1] == [(), (), ("d=B-LOC", "dt=LOC")]  # تونس tagged in sentence 0, through و
    assert extra[3] == [()]  # sentence 0 is out of the window, sentence 2 has no تونس
    # one word of a longer name: dt= only
    extra = context_features([["جلال", "طالباني"], ["قال", "لطالباني"]],
                             [["B-PERS", "I-PERS"], ["O", "O"]], window=1)
    assert extra[1] == [(), ("dt=PERS",)]
    assert context_features(sentences, first, window=0) == [[()] * len(s) for s in sentences]


# --- training and tagging ---------------------------------------------------------------


def test_tiny_model_learns_its_training_data(tiny_model: NerModel) -> None:
    assert tiny_model.meta["first_weights"] and tiny_model.window == 20  # two passes
    assert tiny_model.tag(["وأكد", "سمير", "الجبالي", "أن", "بغداد"]) == [
        "O", "B-PERS", "I-PERS", "O", "B-LOC"]
    tags, probs = tiny_model.tag_scored(["زار", "تونس"])
    assert tags == ["O", "B-LOC"] and all(0 < p <= 1 for p in probs)
    assert tiny_model.tag([]) == []


def test_tag_doc_gives_raw_offsets(tiny_model: NerModel) -> None:
    from marsad.model import Doc
    from marsad.ner import tag_doc
    from marsad.pipeline import load_pipeline

    text = "وأكد سمير الجبالي أن الاجتماع في بغدادَ كان مثمرا. ثم زار تونس."
    doc = load_pipeline(["tokenize"]).analyze(text)
    found = [(e.text(text), e.type, e.kb_id) for e in tag_doc(doc, tiny_model)]
    assert found == [("سمير الجبالي", "PERS", None), ("بغدادَ", "LOC", None), ("تونس", "LOC", None)]
    # a Doc that was never tokenized is tokenized on the fly
    assert [e.type for e in tag_doc(Doc.from_text(text), tiny_model)] == ["PERS", "LOC", "LOC"]


def test_tag_doc_long_line_and_no_arabic(tiny_model: NerModel) -> None:
    from marsad.model import Doc
    from marsad.ner import tag_doc

    long_line = " ".join(["زار كريم العلوي تونس"] * 400)  # 1600 tokens, no punctuation
    ents = tag_doc(Doc.from_text(long_line), tiny_model)
    assert len(ents) > 100 and all(e.end <= len(long_line) for e in ents)
    assert MAX_TOKENS < 1600
    assert tag_doc(Doc.from_text("The quick brown fox, 2019."), tiny_model) == []
    assert tag_doc(Doc.from_text(""), tiny_model) == []


def test_eval_command_json(tiny_file: Path, tiny_model: NerModel, capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.cli import main

    assert main(["eval", "ner", "--data", str(tiny_file), "--model", str(tiny_model.path),
                 "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) >= {"micro", "per_type"}
    assert report["micro"]["f1"] > 0.9 and set(report["per_type"]) == {"PERS", "LOC", "ORG", "MISC"}
    assert main(["eval", "ner", "--data", str(tiny_file), "--model", str(tiny_model.path),
                 "--split", "dev"]) == 0
    assert "micro" in capsys.readouterr().out


def test_eval_command_bad_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.cli import main

    bad = tmp_path / "bad.txt"
    bad.write_text("قال O\nسمير PERSON\n", encoding="utf-8")
    assert main(["eval", "ner", "--data", str(bad)]) == 1
    assert "bad.txt:2" in capsys.readouterr().err


# --- model files ------------------------------------------------------------------------


def _copy_model(model: NerModel, where: Path) -> Path:
    for name in (model.path.name, model.meta["weights"], model.meta["first_weights"]):
        (where / name).write_bytes((model.path.parent / name).read_bytes())
    return where / model.path.name


def test_missing_model_says_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing.*marsad train ner"):
        NerModel(tmp_path / "ner.json")


def test_corrupted_weights_are_caught_before_crfsuite(tiny_model: NerModel, tmp_path: Path) -> None:
    path = _copy_model(tiny_model, tmp_path)
    weights = tmp_path / tiny_model.meta["weights"]
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="corrupted.*marsad train ner"):
        NerModel(path)
    weights.unlink()
    with pytest.raises(ModelError, match="weights .* missing"):
        NerModel(path)
    path = _copy_model(tiny_model, tmp_path)
    (tmp_path / tiny_model.meta["first_weights"]).write_bytes(b"not a model")
    with pytest.raises(ModelError, match="first-pass weights .* corrupted"):
        NerModel(path)


def test_corrupted_model_json(tiny_model: NerModel, tmp_path: Path) -> None:
    path = _copy_model(tiny_model, tmp_path)
    path.write_text(path.read_text(encoding="utf-8")[:100], encoding="utf-8")
    with pytest.raises(ModelError, match="corrupted"):
        NerModel(path)
    path.write_text('{"format": "something-else"}', encoding="utf-8")
    with pytest.raises(ModelError, match="not a marsad-ner"):
        NerModel(path)


# --- clusters and the training commands -------------------------------------------------

TREC = """<DOC>
<DOCNO>T-{n}</DOCNO>
<TITLE>زار الوزير تونس</TITLE>
<TIME>02/05/2016</TIME>
<TEXT>
{text}
</TEXT>
</DOC>
"""


def _trec_dir(tmp_path: Path) -> Path:
    places = ["تونس", "بغداد", "القاهرة", "صفاقس"]
    people = ["كريم", "سمير", "هند", "ليلى"]
    folder = tmp_path / "ant"
    folder.mkdir()
    for n in range(8):
        text = " ".join(f"قال {people[(n + i) % 4]} إنه زار {places[(n * i) % 4]} أمس."
                        for i in range(6))
        (folder / f"doc{n}.txt").write_text(TREC.format(n=n, text=text), encoding="utf-8")
    return folder


def test_build_write_read_clusters(tmp_path: Path) -> None:
    from marsad.ner import clusters, corpus

    config = clusters.BuildConfig(min_count=2, contexts=50, dim=4, granularities=(2, 3))
    table = clusters.build(corpus.trec_sentences(_trec_dir(tmp_path)), config)
    assert {"تونس", "كريم", "قال"} <= set(table)
    assert all(len(ids) == 3 for ids in table.values())  # two granularities + frequency band
    path = tmp_path / "c.txt.gz"
    digest = clusters.write(path, table, (2, 3))
    assert digest == clusters.write(tmp_path / "again.txt.gz", table, (2, 3))  # same bytes
    loaded = clusters.Clusters.read(path)
    assert loaded.granularities == (2, 3) and loaded.counts
    assert loaded.lookup("وتونس") == loaded.lookup("تونس") != ()  # backs off through clitics
    assert loaded.best_form("وتونس") == "تونس" and loaded.band("غير-موجود") == -1
    # places share a cluster more often than a place and a verb
    assert table["تونس"][0] == table["بغداد"][0] or table["تونس"][1] == table["بغداد"][1]


def test_bad_cluster_file(tmp_path: Path) -> None:
    from marsad.ner.clusters import Clusters

    path = tmp_path / "c.txt.gz"
    path.write_bytes(b"not gzip")
    with pytest.raises(ModelError, match="cannot read"):
        Clusters.read(path)


@pytest.mark.filterwarnings("ignore:Number of distinct clusters")  # a 20-word corpus
def test_train_commands(tmp_path: Path, tiny_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.cli import main

    ant = _trec_dir(tmp_path)
    cpath = tmp_path / "elsewhere" / "clusters.txt.gz"
    assert main(["train", "clusters", "--data", str(ant), "--labelled", str(tiny_file),
                 "--out", str(cpath)]) == 0
    assert cpath.is_file()
    out = tmp_path / "model" / "m.json"
    assert main(["train", "ner", "--data", str(tiny_file), "--out", str(out), "--clusters",
                 str(cpath), "--no-kb", "--max-iterations", "20", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["model"]["clusters"] == "clusters.txt.gz" and printed["dev"]["tokens"] == 6
    # the bundle is one folder: the cluster file was copied next to the model
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "clusters.txt.gz", "m-first.crfsuite", "m.crfsuite", "m.json"]
    assert NerModel(out).tag(["زار", "تونس"])[0] == "O"
    assert main(["train", "clusters", "--data", str(tmp_path / "nope")]) == 1
    assert "nope" in capsys.readouterr().err


def test_sentence_groups() -> None:
    from marsad.ner.spans import sentence_groups

    tokens = ((0, 3), (4, 7), (7, 8), (9, 12), (13, 15), (20, 22))
    sentences = ((0, 8), (9, 15))
    assert sentence_groups(tokens, sentences) == [
        [(0, 3), (4, 7), (7, 8)], [(9, 12), (13, 15)], [(20, 22)]]  # the last is outside
    assert sentence_groups((), sentences) == []
    assert sentence_groups(tokens[:2], ()) == [[(0, 3), (4, 7)]]
