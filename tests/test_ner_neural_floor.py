"""Quality floor of the shipped neural NER model on the dev split of ANERcorp's training part.

The dev split is the last 10% of the sentences of ``../shared/data/ner/anercorp-train.txt``
(``marsad.ner.data.split``, the CRF's split); the shipped model never trained on it (see the
neural section of marsad/models/NER_MODEL_CARD.md). The floors sit a little under the measured
scores, so the test fails when a change makes the model worse.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ANERCORP = DATA / "ner" / "anercorp-train.txt"
#: measured dev micro F1 of the shipped neural model, minus a margin (see the model card).
FLOOR_MICRO_F1 = 0.75
FLOOR_PER_TYPE = {"LOC": 0.85, "PERS": 0.74, "ORG": 0.67, "MISC": 0.60}

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def dev_report() -> dict:
    if not ANERCORP.exists():
        pytest.skip(f"{ANERCORP} is absent: the neural NER floor needs ../shared/data "
                    "(see docs/ner-neural.md)")
    from marsad.ner.neural import evaluate_file

    return evaluate_file(ANERCORP, "dev")


def test_dev_micro_f1_floor(dev_report: dict) -> None:
    assert dev_report["micro"]["f1"] >= FLOOR_MICRO_F1, json.dumps(dev_report["micro"])


def test_dev_per_type_floor(dev_report: dict) -> None:
    for kind, floor in FLOOR_PER_TYPE.items():
        assert dev_report["per_type"][kind]["f1"] >= floor, (kind, dev_report["per_type"][kind])


def test_the_shipped_model_never_saw_dev() -> None:
    from marsad.ner.neural import load

    header = load().meta
    assert header["trained_on"]["dev_split"] == 0.1
    assert header["trained_on"]["sentences"] == 3567
