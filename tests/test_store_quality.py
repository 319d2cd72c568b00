"""Known-item search quality on ANT (skipped without ../shared/data): each headline, searched
against an archive built without the headlines, must find its own story. Pinned floors:
marsad's MRR, and its margin over stock FTS5 (unicode61, words ORed) in the same run.
Measured on every 5th ANT article: marsad 0.921, stock OR 0.865, stock AND 0.076; on all
of ANT (docs/benchmarks.md): marsad 0.836, stock OR 0.752."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ANT = DATA / "news" / "ant"

MRR_FLOOR = 0.90
MARGIN_FLOOR = 0.03


@pytest.mark.shared
@pytest.mark.skipif(not ANT.is_dir(), reason=f"needs the ANT corpus at {ANT} (../shared/data)")
def test_known_item_mrr_floor():
    from marsad.store.evaluate import evaluate, read_articles

    result = evaluate(read_articles([str(ANT)], every=5))
    assert result["queries"] > 1000
    marsad, stock = result["marsad"], result["stock_or"]
    assert marsad["mrr"] >= MRR_FLOOR, result
    assert marsad["mrr"] - stock["mrr"] >= MARGIN_FLOOR, result
    assert result["stock_and"]["mrr"] < stock["mrr"]
