"""Extractor damage that no form parser should see, each fix small and conservative.

Per line (raw text, before NFKC): characters spaced out one by one, bold
glyphs printed twice. Per document: hosting-site boilerplate around the
assessment, page headers and footers at region boundaries, separator rows.
Every fix must leave normal text unchanged; when unsure it does nothing
(the thresholds are in ``LayoutSettings``).

Whole-line doubling (``公表日公表日``) is deliberately not undone: a cell
that repeats a short phrase can be real text, and nothing in the samples
shows that damage.
"""
from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from normalizers.text import normalize_text
from parsers.spec import FORM_STAMP
from pipeline.html_cells import TICK_GLYPHS, TICKED, strip_markup
from pipeline.lines import Line

if TYPE_CHECKING:
    from pipeline.layouts import LayoutSettings

BOM = "\ufeff"

_SPACING = re.compile(r"([ \u3000]+)")
_WORD_SPLIT = re.compile(r"(\s+)")
_SPACE_RUN = re.compile(r"[^\S\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]{2,}")
# Tokens of checkbox text, which prints one-character tokens of its own.
_NEVER_JOINED = frozenset("[]［］" + TICK_GLYPHS)

# --- where the assessment starts (FORMS.md §1): title line, cover line, cover labels.
_TYPE_WORD = r"(?:基礎項目|重点項目|全項目)評価書"
_FORM_START = re.compile(
    r"^(?:特定個人情報保護評価書\s*[(]\s*" + _TYPE_WORD + r"\s*[)]"
    r"|\d{1,4}\s+\S.*" + _TYPE_WORD + r"$"
    r"|評価書番号(?:\s|\d|$)"
    r"|個人のプライバシー等の権利利益の保護の宣言$"
    r"|(?:評価書名|評価実施機関名|公表日|特記事項)$"
    r"|" + FORM_STAMP.pattern + r"$)"
)

# --- what a hosting site prints after the assessment (page-top links, contact box, copyright).
TRAILER_MARKERS = (
    "ページの先頭へ", "ページのトップへ", "ページの上部へ", "先頭に戻る",
    "このページに関するお問い合わせ", "このページについてのお問い合わせ", "このページの情報は役に立ちましたか",
    "copyright", "©", "all rights reserved", "adobe acrobat reader", "adobe reader",
    "pdfファイルをご覧いただくには", "pdf形式のファイルをご覧いただく", "cookie", "クッキー",
)
# Lines only an assessment prints: a circled-number label, an option list, a tick,
# a section heading. A head holding one is a document whose cover was lost, not
# a site's navigation, so it is never cut.
FORM_BODY = re.compile(
    r"^[①-⑳]|選択肢|\[\s*[○〇]\s*\]|関連情報$|基本情報$|しきい値判断|リスク対策|評価実施手続|変更箇所$"
)
# Words of the forms themselves: a line holding one is assessment content.
FORM_WORDS = re.compile(
    r"評価|特定個人情報|個人番号|委託|提供|移転|選択肢|事務|事前|事後|番号法|別紙|別添|[①-⑳]|" + re.escape(TICKED)
)

# --- page furniture
_PAGE_NUMBER_SHAPES = (
    ("dashed", re.compile(r"^[-‐–—]\s*(\d{1,4})\s*[-‐–—]$")),
    ("fraction", re.compile(r"^(\d{1,4})\s*/\s*\d{1,4}$")),
    ("page-word", re.compile(r"^(?:page|p\.)\s*(\d{1,4})$|^第?(\d{1,4})\s*(?:ページ|頁)$", re.IGNORECASE)),
    ("bare", re.compile(r"^(\d{1,4})$")),
)
# A running header or footer that carries the page number beside its text.
_NUMBERED_TEXT = re.compile(r"^(?P<text>.*\S)\s+(?:(?P<n>\d{1,4})\s*/\s*\d{1,4}|[-‐–—]\s*(?P<d>\d{1,4})\s*[-‐–—])$")
_SEPARATOR_CELL = re.compile(r"^[-=_─━]+$")


def strip_bom(text: str) -> str:
    """Drop one leading byte-order mark.

    >>> strip_bom("\\ufeff特定")
    '特定'
    """
    return text[1:] if text.startswith(BOM) else text


def spaced_chars_to_words(line: str, settings: LayoutSettings) -> str:
    """``基 礎 項 目　評 価 書`` → ``基礎項目　評価書``; any other line unchanged.

    A line qualifies when it has enough tokens, (almost) every token is one
    letter or digit (``(`` and ``)`` may come along), and most are not ASCII.
    One ASCII space between tokens was inserted by the extractor; a wider gap
    or U+3000 was a real space and is kept as printed. A line with a bracket
    or tick mark token is checkbox text (``[ ] 紙 [ ○ ]``) and stays.

    >>> from pipeline.layouts import LayoutSettings
    >>> spaced_chars_to_words("評 価 書 番 号  5 0", LayoutSettings())
    '評価書番号  50'
    >>> spaced_chars_to_words("る 届出の受理、確認", LayoutSettings())
    'る 届出の受理、確認'
    """
    core = line.strip(" \u3000")
    parts = _SPACING.split(core)
    tokens, gaps = parts[0::2], parts[1::2]
    if len(tokens) < settings.spaced_min_tokens:
        return line
    letters = [t for t in tokens if len(t) == 1 and (t.isalpha() or t.isdecimal())]
    if len(letters) < settings.spaced_min_share * len(tokens) or any(t in _NEVER_JOINED for t in tokens):
        return line
    if any(len(t) > settings.spaced_max_token for t in tokens):
        return line
    if sum(not t.isascii() for t in tokens) < settings.spaced_min_non_ascii_share * len(tokens):
        return line
    joined = [tokens[0]]
    for gap, token in zip(gaps, tokens[1:]):
        joined.append(("" if gap == " " else gap) + token)
    return "".join(joined)


def doubled_glyphs_to_single(line: str, settings: LayoutSettings) -> str:
    """``特特定定個個人人情情報報`` → ``特定個人情報``; any other line unchanged.

    Every word of the line must be made of pairs of equal characters, the
    line long enough, the halved text varied and mostly non-ASCII letters
    (doubled headings are kanji and kana; a number is never halved), so that
    ``ささなみ``, ``人々``, ``1100`` or a rule ``――――――――`` survive.

    >>> from pipeline.layouts import LayoutSettings
    >>> doubled_glyphs_to_single("特特定定個個人人情情報報保保護護評評価価書書", LayoutSettings())
    '特定個人情報保護評価書'
    >>> doubled_glyphs_to_single("ささなみ町", LayoutSettings())
    'ささなみ町'
    """
    parts = _WORD_SPLIT.split(line)
    words = parts[0::2]
    if sum(len(w) for w in words) < settings.doubled_min_length:
        return line
    if any(len(w) % 2 or any(w[i] != w[i + 1] for i in range(0, len(w), 2)) for w in words):
        return line
    halved = [w[0::2] for w in words]
    text = "".join(halved)
    if len(set(text)) < settings.doubled_min_distinct:
        return line
    if sum(ch.isalpha() and not ch.isascii() for ch in text) < settings.doubled_min_letter_share * len(text):
        return line
    parts[0::2] = halved
    return "".join(parts)


def fold_space_runs(s: str) -> str:
    """Runs of spaces (not tabs, which split cells, nor line breaks) → one space.

    ``normalize_text`` folds them too, but slows down quadratically on very
    long runs, so every caller here folds first; the result is the same.

    >>> fold_space_runs("a \u3000  b\t\tc")
    'a b\t\tc'
    """
    return _SPACE_RUN.sub(" ", s)


def plain_line(raw: str) -> str:
    """A raw line as one normalized string (cells joined by a space, markup stripped)."""
    return normalize_text(fold_space_runs(strip_markup(raw.replace("\t", " ")))) or ""


def is_form_start(text: str, settings: LayoutSettings) -> bool:
    """A plain line that opens an assessment: title line, cover line or a cover label.

    >>> from pipeline.layouts import LayoutSettings
    >>> S = LayoutSettings()
    >>> is_form_start("特定個人情報保護評価書(全項目評価書)", S), is_form_start("50 国民健康保険に関する事務 重点項目評価書", S)
    (True, True)
    >>> is_form_start("1) 基礎項目評価書 2) 基礎項目評価書及び重点項目評価書", S), is_form_start("ホーム > くらし > 評価書", S)
    (False, False)
    """
    return len(text) <= settings.form_start_max_length and bool(_FORM_START.match(text))


def is_trailer_marker(text: str) -> bool:
    """A plain line a hosting site prints below its content (``ページの先頭へ``, copyright, …)."""
    text = text.lower()
    return any(marker in text for marker in TRAILER_MARKERS)


def is_form_content(raw: str, text: str) -> bool:
    """A line that may belong to the assessment: a table row, or a line with a form word."""
    return sum(1 for c in raw.split("\t") if c.strip()) >= 2 or bool(FORM_WORDS.search(text))


def lines_to_content_span(raws: Sequence[str], settings: LayoutSettings) -> tuple[int, int]:
    """``(start, end)`` of the assessment within a source's non-blank raw lines.

    Start: the first form-start line, if there is one and nothing before it
    is form body (the site's navigation is never recognised, only cut; a
    document whose cover was lost is kept whole). End: a trailer is cut only from
    a trailer marker on, and only when no line from there to the end looks
    like form content; otherwise everything is kept.

    >>> from pipeline.layouts import LayoutSettings
    >>> raws = ["ホーム > くらし", "特定個人情報保護評価書（基礎項目評価書）", "評価書番号", "ページの先頭へ", "市役所"]
    >>> lines_to_content_span(raws, LayoutSettings())
    (1, 3)
    >>> lines_to_content_span(["本文", "ページの先頭へ", "①事務の名称"], LayoutSettings())
    (0, 3)
    """
    plains: dict[int, str] = {}  # both scans may read a line; normalize it once

    def plain(i: int) -> str:
        if i not in plains:
            plains[i] = plain_line(raws[i])
        return plains[i]

    start = next((i for i in range(len(raws)) if is_form_start(plain(i), settings)), 0)
    if any(FORM_BODY.search(plain(i)) for i in range(start)):
        start = 0
    end = len(raws)
    for i in range(len(raws) - 1, start, -1):
        text = plain(i)
        if is_form_content(raws[i], text):
            break
        if is_trailer_marker(text):
            end = i
    return start, end


def is_separator(line: Line, settings: LayoutSettings) -> bool:
    """A junk rule such as ``---------------⇥--`` (a lone ``—`` is data: "none").

    >>> from pipeline.layouts import LayoutSettings
    >>> is_separator(Line(("---------------", "--")), LayoutSettings()), is_separator(Line(("—",)), LayoutSettings())
    (True, False)
    """
    cells = [c for c in line.cells if c]
    return (
        bool(cells)
        and all(_SEPARATOR_CELL.match(c) for c in cells)
        and max(len(c) for c in cells) >= settings.separator_min_run
    )


def _page_number(text: str) -> tuple[str, int] | None:
    """``(shape key, number)`` when the line is a page number or a numbered running line."""
    for shape, pattern in _PAGE_NUMBER_SHAPES:
        m = pattern.match(text)
        if m:
            return shape, int(next(g for g in m.groups() if g))
    m = _NUMBERED_TEXT.match(text)
    if m:
        return "numbered:" + m.group("text"), int(m.group("n") or m.group("d"))
    return None


def _is_page_numbering(hits: Sequence[tuple[int, int, int]], bare: bool) -> bool:
    """Whether ``(region, line, number)`` hits number the pages: every step rises.

    A bare number must also never rise faster than the regions do (a page
    holds at least one region), because digit-only lines are data.
    """
    steps = list(itertools.pairwise(hits))
    if any(b[2] <= a[2] for a, b in steps):
        return False
    return not bare or all(b[2] - a[2] <= b[0] - a[0] for a, b in steps)


def _boundary_positions(lines: Sequence[Line], depth: int) -> list[list[int]]:
    """Per region (in order): the indexes of its first and last ``depth`` lines."""
    regions: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        regions.setdefault(line.page, []).append(i)
    return [sorted(set(idx[:depth] + idx[-depth:])) for idx in regions.values()]


def numbered_lines_anywhere(lines: Sequence[Line], settings: LayoutSettings) -> set[int]:
    """Page numbers of an unmistakable shape (``- 8 -``, ``8 / 40``, ``Page 8``) wherever they stand.

    Extractors that print no blank lines between pages (pdfplumber) leave them
    mid-stream; a bare digit is never taken here, it may be data.
    """
    hits: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for i, line in enumerate(lines):
        found = _page_number(line.text)
        if found and found[0] != "bare":
            hits[found[0]].append((i, i, found[1]))
    drop: set[int] = set()
    for shape_hits in hits.values():
        if len(shape_hits) >= settings.furniture_min_repeats and _is_page_numbering(shape_hits, bare=False):
            drop.update(i for _, i, _ in shape_hits)
    return drop


def furniture_positions(lines: Sequence[Line], settings: LayoutSettings) -> set[int]:
    """Indexes of page headers/footers: lines at region boundaries that recur page after page.

    Page numbers (``- 12 -``, ``12 / 57``, ``Page 3``, ``… 3/40``) go when at
    least ``furniture_min_repeats`` of one shape sit at boundaries and every
    one rises over the last; a bare number must also sit on most regions,
    because digit-only lines are data (FORMS §5.18). A line of text goes when
    it sits at the boundary of most regions; its first occurrence stays, since
    a repeated table header may also be the first page's real header. Any
    doubt (one number out of order) keeps every line.
    """
    drop = numbered_lines_anywhere(lines, settings)
    regions = _boundary_positions(lines, settings.furniture_depth)
    if len(regions) < settings.furniture_min_repeats:
        return drop
    numbered: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    repeated: dict[str, list[int]] = defaultdict(list)
    seen_in_region: dict[str, set[int]] = defaultdict(set)
    for r, positions in enumerate(regions):
        for i in positions:
            text = lines[i].text
            found = _page_number(text)
            if found:
                numbered[found[0]].append((r, i, found[1]))
            elif sum(ch.isalpha() for ch in text) >= settings.furniture_min_letters:
                repeated[text].append(i)
                seen_in_region[text].add(r)
    share = settings.furniture_min_share * len(regions)
    for shape, hits in numbered.items():
        bare = shape == "bare"
        enough = len(hits) >= settings.furniture_min_repeats and (not bare or len(hits) >= share)
        if enough and _is_page_numbering(hits, bare):
            drop.update(i for _, i, _ in hits)
    for text, hits in repeated.items():
        regions_hit = len(seen_in_region[text])
        if regions_hit >= settings.furniture_min_repeats and regions_hit >= share:
            drop.update(hits[1:])
    return drop
