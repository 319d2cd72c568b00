"""A real `marsad ingest` process killed with SIGKILL mid-ingest, twice, then run again to the
end, leaves the same archive as one uninterrupted run: nothing lost, nothing doubled."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from store_fixtures import TEXTS

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

N = 240
BATCH = 4
CMD = [sys.executable, "-c", "import sys; from marsad.cli import main; sys.exit(main())"]


def corpus(path):
    """N records from the fixtures (every 10th an exact copy, every 25th a near copy), and a
    malformed line."""
    names = list(TEXTS)
    lines = []
    for i in range(N):
        a, b = TEXTS[names[i % len(names)]], TEXTS[names[(i * 7 + 3) % len(names)]]
        text = f"{a}\nالخبر رقم {i} من سلسلة الأخبار المحلية.\n{b}"
        if i % 10 == 9:
            text = lines[-1]["text"]
        if i % 25 == 24:
            text = lines[-3]["text"] + " وأضاف المصدر ذاته."
        lines.append({"text": text, "title": f"خبر {i}", "url": f"https://example.tn/n/{i}",
                      "date": f"2017-02-{1 + i % 28:02d}T08:00:00+01:00", "source": "إذاعة"})
    body = [json.dumps(r, ensure_ascii=False) for r in lines]
    body.insert(N // 2, "{not json")
    path.write_text("\n".join(body) + "\n", encoding="utf-8")


def ingest(src, db):
    return [*CMD, "ingest", str(src), "--db", str(db), "--batch-size", str(BATCH),
            "--no-progress"]


def stored(db):
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as c:
            return c.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def kill_after(src, db, at_least):
    proc = subprocess.Popen(ingest(src, db), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while stored(db) < at_least:
        assert proc.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline, "the ingest made no progress"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL


def consistent(db):
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    c.execute("INSERT INTO search(search) VALUES ('integrity-check')")
    aids = [r[0] for r in c.execute("SELECT aid FROM articles ORDER BY aid")]
    assert [r[0] for r in c.execute("SELECT aid FROM docs ORDER BY aid")] == aids
    # every article indexed once (the index rowid is the article's search key, articles.skey)
    keys = sorted(r[0] for r in c.execute("SELECT rowid FROM search"))
    assert keys == [r[0] for r in c.execute("SELECT skey FROM articles ORDER BY skey")]
    assert len(keys) == len(aids)
    c.close()
    return len(aids)


def snapshot(db):
    c = sqlite3.connect(db)
    q = {
        "articles": "SELECT aid, id, content_hash, url, url_key, source, category, title, "
                    "published, day, ts, language, encoding, meta, text, duplicate_of, "
                    "duplicate_kind, similarity FROM articles ORDER BY aid",
        "copies": "SELECT aid, url, source, title, published, category, meta FROM copies "
                  "ORDER BY aid, url",
        "docs": "SELECT * FROM docs ORDER BY aid",
        "spans": "SELECT * FROM spans ORDER BY sid",
        "stage_failures": "SELECT * FROM stage_failures ORDER BY aid, stage",
        "ingest_failures": "SELECT source, code, reason FROM ingest_failures ORDER BY 1, 2, 3",
        "minhashes": "SELECT * FROM minhashes ORDER BY aid",
        "bands": "SELECT * FROM minhash_bands ORDER BY key, aid",
        "search": "SELECT rowid FROM search WHERE search MATCH '\"موصل\" OR \"ترجي\"' "
                  "ORDER BY rank, rowid",
    }
    out = {name: c.execute(sql).fetchall() for name, sql in q.items()}
    c.close()
    return out


def test_sigkill_mid_ingest_then_resume_equals_one_run(tmp_path):
    src = tmp_path / "news.jsonl"
    corpus(src)
    ref_db, db = tmp_path / "ref.db", tmp_path / "killed.db"

    done = subprocess.run(ingest(src, ref_db), capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr  # the malformed line is reported
    total = consistent(ref_db)
    reference = snapshot(ref_db)
    copies = sum(1 for i in range(N) if i % 10 == 9 and i % 25 != 24)
    assert len(reference["copies"]) == copies and reference["ingest_failures"]
    assert any(r[16] == "near" for r in reference["articles"])

    kill_after(src, db, total // 4)
    first = consistent(db)
    kill_after(src, db, first + total // 3)
    second = consistent(db)
    assert first < second < total

    again = subprocess.run(ingest(src, db), capture_output=True, text=True, timeout=300)
    assert again.returncode == 1 and "already stored" in again.stderr
    assert consistent(db) == total
    assert snapshot(db) == reference

    # A further run changes nothing at all.
    subprocess.run(ingest(src, db), capture_output=True, timeout=300)
    assert snapshot(db) == reference
