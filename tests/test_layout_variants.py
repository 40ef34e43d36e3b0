"""The samples as other scrapers would give them: each variant must keep every document value.

Variants model what extractors and web pages do to the same form: no blank lines
(pdfplumber), CRLF (browser copy-paste), hosting-site boilerplate, page-number
footers between pages, a character-spaced cover.
"""
import re

import pytest

from parsers.registry import get_parser
from pipeline.detect import detect_type
from pipeline.layouts import text_to_lines
from pipeline.split import split_documents
from tests.gold import RAW, SAMPLES, score_documents

HEADER = "ホーム > くらし・手続き > マイナンバー\n特定個人情報保護評価書の公表\nこのページを印刷する\n\n"
FOOTER = "\n\nこのページに関するお問い合わせ\n市民課 電話: 012-345-6789\nCopyright © City. All rights reserved.\n"


def without_blank_lines(text):
    return "\n".join(line for line in text.splitlines() if line.strip())


def with_page_footers(text):
    blocks = re.split(r"\n\s*\n\s*\n\s*\n", text)
    return "".join(f"{block}\n\n- {n} -\n\n\n\n" for n, block in enumerate(blocks, start=1))


def with_spaced_cover(text):
    lines = text.splitlines()
    return "\n".join(" ".join(line.strip()) if n < 12 and line.strip() and "\t" not in line else line
                     for n, line in enumerate(lines))


VARIANTS = {
    "as-scraped": lambda t: t,
    "no-blank-lines": without_blank_lines,
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "boilerplate": lambda t: HEADER + t + FOOTER,
    "page-footers": with_page_footers,
    "spaced-cover": with_spaced_cover,
}


def documents_of(text, stem):
    rows = []
    for n, lines in enumerate(split_documents(text_to_lines(text)), start=1):
        rows.append({"doc_id": f"{stem}#{n}", **get_parser(detect_type(lines)).parse(lines).document})
    return {"documents": rows}


@pytest.fixture(scope="module")
def baseline():
    return {stem: (RAW / f"{stem}.txt").read_text(encoding="utf-8") for stem in SAMPLES}


@pytest.mark.parametrize("variant", [v for v in VARIANTS if v != "as-scraped"])
@pytest.mark.parametrize("stem", SAMPLES)
def test_variant_keeps_every_document_value(baseline, stem, variant):
    text = baseline[stem]
    want = score_documents(documents_of(text, stem), stem)
    got = score_documents(documents_of(VARIANTS[variant](text), stem), stem)
    assert got.counts["wrong"] == 0, got.details
    assert got.counts["correct"] == want.counts["correct"], got.details
