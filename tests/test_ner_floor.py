"""Quality floors of the shipped NER models (the two-pass CRF and the neural BiLSTM-CRF) on the
dev split of ANERcorp's training part.

The dev split is the last 10% of the sentences of ``../shared/data/ner/anercorp-train.txt``
(``marsad.ner.data.split``); neither shipped model was trained on it (see
marsad/models/NER_MODEL_CARD.md). The floors are pinned a little under the measured scores,
so a test fails when a change makes a model worse.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ANERCORP = DATA / "ner" / "anercorp-train.txt"
#: per model: measured dev micro F1 minus a margin, and per-type floors (see the model card).
FLOORS = {
    "crf": (0.71, {"LOC": 0.83, "PERS": 0.70, "ORG": 0.62, "MISC": 0.52}),
    "neural": (0.75, {"LOC": 0.85, "PERS": 0.74, "ORG": 0.67, "MISC": 0.60}),
}

pytestmark = pytest.mark.shared


def _crf_dev() -> dict:
    from marsad.ner.data import read_conll, split
    from marsad.ner.evaluate import evaluate

    return evaluate(split(read_conll(ANERCORP), "dev")).as_dict()


def _neural_dev() -> dict:
    from marsad.ner.neural import evaluate_file

    return evaluate_file(ANERCORP, "dev")


@pytest.fixture(scope="module", params=sorted(FLOORS))
def dev_report(request: pytest.FixtureRequest) -> tuple[str, dict]:
    if not ANERCORP.exists():
        pytest.skip(f"{ANERCORP} is absent: the NER floors need ../shared/data "
                    "(see docs/ner.md)")
    return request.param, {"crf": _crf_dev, "neural": _neural_dev}[request.param]()


def test_dev_micro_f1_floor(dev_report: tuple[str, dict]) -> None:
    model, report = dev_report
    assert report["micro"]["f1"] >= FLOORS[model][0], (model, json.dumps(report["micro"]))


def test_dev_per_type_floor(dev_report: tuple[str, dict]) -> None:
    model, report = dev_report
    for kind, floor in FLOORS[model][1].items():
        assert report["per_type"][kind]["f1"] >= floor, (model, kind, report["per_type"][kind])


def test_the_shipped_neural_model_never_saw_dev() -> None:
    from marsad.ner.neural import load

    header = load().meta
    assert header["trained_on"]["dev_split"] == 0.1
    assert header["trained_on"]["sentences"] == 3567


def test_eval_command_on_the_dev_split(capsys: pytest.CaptureFixture[str]) -> None:
    if not ANERCORP.exists():
        pytest.skip(f"{ANERCORP} is absent: the NER floor needs ../shared/data (see docs/ner.md)")
    from marsad.cli import main

    assert main(["eval", "ner", "--data", str(ANERCORP), "--split", "dev", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["micro"]["f1"] >= FLOORS["crf"][0]
    assert report["tokens"] == 12303
