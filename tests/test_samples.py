"""Real-document regressions: the three samples against their answer keys and their own invariants."""
import pytest

from pipeline.read import Source
from pipeline.run import merge, parse_source
from tests.gold import RAW, SAMPLES, score_documents


@pytest.fixture(scope="module")
def tables():
    return merge(parse_source(Source(RAW / f"{stem}.txt", f"{stem}.txt")) for stem in SAMPLES)


def test_samples_parse_without_errors(tables):
    assert tables["errors"] == []
    assert [d["doc_id"] for d in tables["documents"]] == [
        "fujisawa-kokuho-key#1", "kitakyushu-kokuho-basic-full#1", "kitakyushu-kokuho-basic-full#2",
        "saitama-koki-full#1",
    ]


@pytest.mark.parametrize("stem", SAMPLES)
def test_every_document_value_matches_the_answer_key(tables, stem):
    tally = score_documents(tables, stem)
    assert tally.details == []
    assert tally.counts["correct"] > 10
