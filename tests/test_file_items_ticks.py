"""Checkbox groups: box halves per line, then pairing (parsers/ticks.py). Cases are data."""
import pytest

from normalizers.text import normalize_text
from parsers.options import DELIVERY_METHODS, TRANSFER_METHODS
from parsers.ticks import line_boxes, other_note, resolve_group, resolve_shared

MEDIA = DELIVERY_METHODS


def boxes_of(lines, options=MEDIA):
    out = []
    for i, text in enumerate(lines):
        out.extend(line_boxes(normalize_text(text), [options], i, 0))
    return out


GROUPS = [
    # (case, lines, options, expected ticked or None)
    ("whole boxes on one line", ["[ ○ ] 専用線 [ ] 電子メール [ ] 電子記録媒体（フラッシュメモリを除く。） [ ] フラッシュメモリ",
                                 "[ ] 紙 [ ] その他 （ ）"], MEDIA, ("専用線",)),
    ("canonical glyphs", [("[○] 専用線 [ ] 電子メール [ ] 電子記録媒体(フラッシュメモリを除く。) [ ] フラッシュメモリ [ ] 紙 "
                          "[ ] その他 ()")], MEDIA, ("専用線",)),
    ("opener ending a line belongs to the next option (FORMS §5.7)",
     ["] 紙", "[ ] その他 （ ）", "[ ] 専用線 [ ] 電子メール", "[ ] 電子記録媒体（フラッシュメモリを除く。） [ ] フラッシュメモリ [ ○"],
     MEDIA, ("紙",)),
    ("lone openers of one state pair with any closer",
     ["] 電子メール [ ] 電子記録媒体（フラッシュメモリを除く。）", "[", "] フラッシュメモ", "リ", "[",
      "[ ○ ] 専用線 [", "] 紙", "[ ] その他 （ ）"], MEDIA, ("専用線",)),
    ("その他 keeps its text", ["[ ] 専用線 [ ] 電子メール [ ] 電子記録媒体(フラッシュメモリを除く。)",
                              "[ ] フラッシュメモリ [ ] 紙", "[ ○ ] その他 （ ファイルサーバ経由 ）"], MEDIA,
     ("その他(ファイルサーバ経由)",)),
    ("tick on the closer side", ["[ ] 専用線 [ ] 電子メール [ ] 電子記録媒体(フラッシュメモリを除く。) [",
                                 "○ ] フラッシュメモリ [ ] 紙 [ ] その他 ( )"], MEDIA, ("フラッシュメモリ",)),
    # An item's group always ticks something; none at all means the ticks were lost (drawn as graphics).
    ("nothing ticked is unrecoverable, not an empty list", ["[ ] 庁内連携システム [ ] 専用線 [ ] 電子メール",
                                                           "[ ] 電子記録媒体(フラッシュメモリを除く。) [ ] フラッシュメモリ [ ] 紙 [ ] その他 ()"],
     TRANSFER_METHODS, None),
    ("lost states (HTML without checked) are unrecoverable",
     ["[?] 専用線 [?] 電子メール [?] 電子記録媒体(フラッシュメモリを除く。) [?] フラッシュメモリ [?] 紙 [?] その他 ()"],
     MEDIA, None),
    ("a lost state beside a kept tick is empty",
     ["[?] 専用線 [?] 電子メール [?] 電子記録媒体(フラッシュメモリを除く。) [?] フラッシュメモリ [?] 紙 [○] その他 (なし)"],
     MEDIA, ("その他(なし)",)),
    ("openers of mixed states cannot be paired", ["] 紙", "] 専用線", "[ ○", "[", "[ ] 電子メール [ ] 電子記録媒体(フラッシュメモリを除く。)",
                                                  "[ ] フラッシュメモリ [ ] その他 ( )"], MEDIA, None),
    ("a tick mark apart from every box", ["] 紙", "] 専用線", "○", "[", "[", "[ ] 電子メール [ ] 電子記録媒体(フラッシュメモリを除く。)",
                                          "[ ] フラッシュメモリ [ ] その他 ( )"], MEDIA, None),
    ("a missing option in stream text", ["[ ○ ] 専用線 [ ] 電子メール"], MEDIA, None),
    ("selection brackets are no boxes", ["[ 10人以上50人未満 ] 1) 10人未満", "[ ○ ] 専用線 [ ] 電子メール",
                                         "[ ] 電子記録媒体(フラッシュメモリを除く。) [ ] フラッシュメモリ [ ] 紙 [ ] その他 ()"],
     MEDIA, ("専用線",)),
]


@pytest.mark.parametrize("case, lines, options, expected", GROUPS, ids=[g[0] for g in GROUPS])
def test_group_reading(case, lines, options, expected):
    reading = resolve_group(boxes_of(lines, options), options, require_all=True, clean_region=False)
    assert reading.ticked == expected, reading.problem


def test_a_clean_region_makes_unpaired_halves_empty():
    lines = ["[ ○ ] 庁内連携システム [", "] 電子メール", "] フラッシュメモリ", "[ [", "] 電子記録媒体(フラッシュメモリを除く。)",
             "] 紙", "[ ] その他 ( )"]
    boxes = boxes_of(lines, TRANSFER_METHODS)
    assert resolve_group(boxes, TRANSFER_METHODS, require_all=True, clean_region=False).ticked is None
    assert resolve_group(boxes, TRANSFER_METHODS, require_all=True, clean_region=True).ticked == ("庁内連携システム",)


SHARED = [
    ("each group ticks the same option", ["[ ○ ] 庁内連携システム [", "[ ○ ] 庁内連携システム", "] 電子メール", "[ [", "] 紙"],
     2, ("庁内連携システム",)),
    ("two different ticks for two groups", ["[ ○ ] 庁内連携システム", "[ ○ ] 紙", "] 電子メール"], 2, None),
    ("a stray tick", ["[ ○ ] 庁内連携システム", "[ ○ ] 庁内連携システム", "[ ○ ["], 2, None),
    ("no tick at all", ["[ ] 庁内連携システム [ ] 紙", "[ ] 庁内連携システム [ ] 紙"], 2, None),
]


@pytest.mark.parametrize("case, lines, groups, expected", SHARED, ids=[s[0] for s in SHARED])
def test_shared_reading_of_interleaved_groups(case, lines, groups, expected):
    assert resolve_shared(boxes_of(lines, TRANSFER_METHODS), TRANSFER_METHODS, groups) == expected


NOTES = [
    (" ( 提供しない )", ("提供しない", False)),
    (" (本業務委託は、ファイルの提供は) 行わない。", ("本業務委託は、ファイルの提供は行わない。", False)),
    (" ()", (None, False)),
    (" (途中", ("途中", True)),
]


@pytest.mark.parametrize("rest, expected", NOTES)
def test_other_note(rest, expected):
    assert other_note(rest) == expected


@pytest.mark.parametrize("junk", ["", "[[[", "]]]", "○○○", "[ ○ ] [ ] ] [", "\ue000", "その他 ((("])
def test_line_boxes_total_on_junk(junk):
    boxes = line_boxes(junk, [MEDIA, TRANSFER_METHODS])
    assert resolve_group(boxes, MEDIA, require_all=False, clean_region=True).states is not None
