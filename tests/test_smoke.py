from marsad.pipeline import load_pipeline


def test_tokenize_pipeline_assigns_tokens_and_sentences():
    doc = load_pipeline(["tokenize"]).analyze("قال الوزير. ثم غادر.")
    assert len(doc.sentences) == 2
    assert doc.token_texts()[:2] == ["قال", "الوزير"]
