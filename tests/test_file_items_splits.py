"""Item boundaries in stream text (parsers/item_splits.py): each case is headings and clues on pages.

A case is a string of tokens in stream order: ``H1`` a heading on the current
page, ``|`` a page break, any other word a clue key (one label or selection).
Expected owners are heading numbers, ``-`` for unplaced.
"""
import pytest

from parsers.item_splits import split_clues


def run(tokens: str):
    head_pages, head_at, clue_pages, clue_at, keys = [], [], [], [], []
    page = 0
    for pos, tok in enumerate(tokens.split()):
        if tok == "|":
            page += 1
        elif tok.startswith("H"):
            head_pages.append(page)
            head_at.append(pos)
        else:
            clue_pages.append(page)
            clue_at.append(pos)
            keys.append(tok)
    got = split_clues(head_pages, head_at, clue_pages, clue_at, keys, lambda k, n: True)
    owners = " ".join("-" if k is None else str(k + 1) for k in got.owners)
    return owners, sorted(k + 1 for k in got.broken)


CASES = [
    ("in order", "H a b | H a b", "1 1 2 2", []),
    ("printed before its heading (S:772)", "a b H c | b H a c", "1 1 1 2 2 2", []),
    ("continued on the next page (S:1332)", "H a b | c H a b c", "1 1 1 2 2 2", []),
    ("no page breaks at all", "b H a c b H a c", "1 1 1 2 2 2", []),
    ("a clue either item may lack cannot be placed", "H a b | x H a b", "1 1 - 2 2", []),
    ("the rest of a page goes to its heading", "H a b x | H a b", "1 1 1 2 2", []),
    ("clues on an earlier page than the first heading are nobody's", "a | b H c", "- 1 1", []),
    ("a field twice whatever the cut: broken", "H a a | H b", "1 1 2", [1]),
    ("a broken item takes what its neighbour cannot", "H a a | b H b", "1 1 1 2", [1]),
]


@pytest.mark.parametrize("case, tokens, owners, broken", CASES, ids=[c[0] for c in CASES])
def test_split_clues(case, tokens, owners, broken):
    assert run(tokens) == (owners, broken)
