"""`marsad batch`: tasks, the local and Dask engines, Parquet output, resuming, failures."""

import json

import pyarrow.parquet as pq
import pytest

from marsad.batch.parquet import is_batch_output, read_docs
from marsad.batch.run import run_batch
from marsad.batch.tasks import plan
from marsad.cli import EXIT_INPUT, main

SENTENCES = [
    "أعلنت الحكومة أمس تخصيص {n} مليون دينار لدعم المزارعين في ولاية القيروان.",
    "وصل وفد من {n} خبيرا إلى العاصمة يوم الثلاثاء الماضي لبحث خطة الإصلاح.",
    "ارتفعت نسبة البطالة إلى {n} بالمائة خلال الربع الثالث من عام 2016.",
]


def trec(n: int) -> str:
    body = SENTENCES[n % 3].format(n=n + 10)
    return (f"<DOC>\n<DOCNO>T-{n}</DOCNO>\n<TITLE>خبر {n}</TITLE>\n<TIME>2016-11-{n % 27 + 1:02d}T10:00:00+01:00</TIME>\n"
            f"<TEXT>\n{body}\n</TEXT>\n</DOC>\n")


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    (d / "trec").mkdir(parents=True)
    for n in range(9):
        (d / "trec" / f"doc-{n}.txt").write_text(trec(n), encoding="utf-8")
    (d / "trec" / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 20)
    with (d / "feed.jsonl").open("w", encoding="utf-8") as f:
        for n in range(12):
            f.write(json.dumps({"id": f"j{n}", "body": SENTENCES[n % 3].format(n=n + 100),
                                "date": "2017-03-05"}, ensure_ascii=False) + "\n")
        f.write("{not json\n")
    return d


def ids(out):
    return sorted(d.article.id for d in read_docs(out))


def test_plan_splits_jsonl_on_line_boundaries_and_groups_files(corpus):
    tasks = plan([str(corpus)], files_per_task=4, jsonl_bytes=300)
    kinds = [t.kind for t in tasks]
    assert kinds.count("files") == 3  # 10 files, 4 per task
    ranges = [(t.start, t.end) for t in tasks if t.kind == "jsonl"]
    assert len(ranges) > 2 and ranges[0][0] == 0
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    data = (corpus / "feed.jsonl").read_bytes()
    assert ranges[-1][1] == len(data)
    assert all(data[e - 1 : e] == b"\n" for _, e in ranges)
    assert [t.number for t in tasks] == list(range(len(tasks)))


def test_local_engine_writes_parquet_docs_and_failures(corpus, tmp_path):
    out = tmp_path / "out"
    report = run_batch([str(corpus)], str(out), engine="local", files_per_task=4)
    assert report.articles == 9 + 12
    assert report.failures == 2  # the binary file and the bad JSON line
    failures = [json.loads(x) for x in (out / "_failures.jsonl").read_text().splitlines()]
    assert {f["code"] for f in failures} >= {"binary"}
    assert any("@" in f["source"] and "not a JSON line" in f["reason"] for f in failures)
    assert is_batch_output(out)
    docs = list(read_docs(out))
    money = [q for d in docs for q in d.group("quantities") if q.kind == "money"]
    assert money and all(q.currency == "TND" or q.currency for q in money)
    dated = {d.article.meta.get("docno"): d.group("dates")[0].value for d in docs if d.article.meta.get("docno")}
    assert dated["T-1"] == "2016-11-01"  # أمس against TIME 2016-11-02
    table = pq.read_table(next(out.glob("part-*.parquet")))
    assert {"id", "text", "published", "doc", "spans"} <= set(table.column_names)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["articles"] == 21 and manifest["parts"]


def test_rerun_skips_finished_tasks_and_completes_missing_ones(corpus, tmp_path):
    out = tmp_path / "out"
    run_batch([str(corpus)], str(out), engine="local", files_per_task=4)
    before = ids(out)
    parts = sorted(out.glob("part-*.parquet"))
    parts[1].unlink()  # as if the batch had been killed before this task finished
    report = run_batch([str(corpus)], str(out), engine="local", files_per_task=4)
    assert report.skipped == report.tasks - 1
    assert ids(out) == before


def test_dask_local_cluster_with_two_workers_matches_local(corpus, tmp_path):
    local = tmp_path / "local"
    run_batch([str(corpus)], str(local), engine="local", files_per_task=3)
    dask_out = tmp_path / "dask"
    report = run_batch([str(corpus)], str(dask_out), engine="dask", workers=2, files_per_task=3)
    assert report.workers == 2
    assert ids(dask_out) == ids(local)
    a = {d.article.id: d.to_dict() for d in read_docs(local)}
    b = {d.article.id: d.to_dict() for d in read_docs(dask_out)}
    assert a == b


def test_parquet_input_is_read_by_row_group(tmp_path):
    import pyarrow as pa

    rows = [{"text": SENTENCES[n % 3].format(n=n), "title": f"t{n}", "date": "2019-11-13"}
            for n in range(10)]
    src = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src, row_group_size=4)
    assert [t.kind for t in plan([str(src)])] == ["parquet"] * 3
    out = tmp_path / "out"
    report = run_batch([str(src)], str(out), engine="local")
    assert report.articles == 10
    titles = sorted(d.article.title for d in read_docs(out))
    assert titles == sorted(f"t{n}" for n in range(10))


def test_cli(corpus, tmp_path, capsys):
    out = tmp_path / "cli-out"
    code = main(["batch", str(corpus), "--out", str(out), "--engine", "local", "--no-progress",
                 "--field", "text=body"])
    err = capsys.readouterr().err
    assert code == EXIT_INPUT  # two inputs failed, the rest were analysed
    assert "21 article(s)" in err and "2 input(s) failed" in err
    assert main(["batch", str(corpus), "--out", str(out), "--stages", "numbers"]) == EXIT_INPUT
    assert "requires dates" in capsys.readouterr().err
