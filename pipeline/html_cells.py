"""HTML remnants and tick glyphs in scraped cells → plain, canonical cell text.

Tab/HTML exports (FORMS.md §5.8–5.9) keep fragments of the page's markup:
``<p>``, ``<ul style=…>``, whole ``<table>``s, and checkboxes as
``<input type="checkbox"/>``. Only a whitelist of tag names is stripped, and
before NFKC, because after NFKC ``＜選択肢＞`` and free text such as
``<本市における措置>`` look like tags too. Every tick glyph the samples use
becomes one of three tokens: ``[○]`` ticked, ``[ ]`` empty, ``[?]`` state lost.
"""
from __future__ import annotations

import re

# Tags that end a block: replaced by a space so the words on both sides stay apart.
BLOCK_TAGS = ("p", "ul", "ol", "li", "br", "div", "table", "tbody", "thead", "tr", "td", "th")
# Tags inside a run of text: removed without a space (a <b> may sit mid-word).
INLINE_TAGS = ("small", "span", "b", "i", "strong", "em", "font", "a")

TICKED = "[○]"
EMPTY = "[ ]"
UNKNOWN = "[?]"
# Glyphs that mean "ticked" between brackets: the samples' ○ (U+25CB), 〇 (U+3007,
# also a kanji zero, hence only in brackets) and Latin O, plus the other marks
# Japanese forms print for a ticked box.
TICK_GLYPHS = "○〇◯O●✓✔☑☒■"
# Checkbox glyphs that are boxes by themselves, bracketed or not.
BOX_TICKED = "☑☒"
BOX_EMPTY = "☐"

_MARKUP = re.compile(
    r"</?(" + "|".join(BLOCK_TAGS + INLINE_TAGS) + r")(?=[\s/>])[^<>]*>", re.IGNORECASE
)
_INPUT = r"<input\b[^<>]*>"
_BARE_BOX = r"<input\b(?![^<>]*\bchecked\b)(?=[^<>]*\btype\s*=\s*[\"']?(?:checkbox|radio)\b)[^<>]*>"
_INPUT_TOKEN = re.compile(r"[\[［][ \u3000]*(" + _INPUT + r")[ \u3000]*[\]］]|(" + _INPUT + ")", re.IGNORECASE)
_CHECKED = re.compile(r"<input\b[^<>]*\bchecked\b", re.IGNORECASE)
_TYPE = re.compile(r"\btype\s*=\s*[\"']?(checkbox|radio)\b", re.IGNORECASE)
# FORMS §5.9: the scraper turned a selection's [ and ] into two bare inputs:
# ``<input/> 10万人以上100万人未満 <input/> <選択肢>``. In a table row the
# value and the closing input sit in neighbouring cells (one tab apart).
_SELECTION = re.compile(
    # Each space run has one reading (value starts and ends with a non-space), so the
    # match stays linear on long runs of spaces.
    _BARE_BOX + r"(?:[ \u3000]*(?P<value>[^<>\t\[\]\s](?:[^<>\t\[\]]*[^<>\t\[\]\s])?))?"
    + r"(?P<sep>[ \u3000]*(?:\t[ \u3000]*)?)" + _BARE_BOX
    + r"(?P<gap>[ \u3000\t]*)(?=[<＜]\s*選択肢\s*[>＞])",
    re.IGNORECASE,
)
_TICKED_BRACKETS = re.compile(r"\[\s*[" + TICK_GLYPHS + r"]\s*\]")
_EMPTY_BRACKETS = re.compile(r"\[\s*" + BOX_EMPTY + r"?\s*\]")
_BOXES = re.compile("[" + BOX_TICKED + BOX_EMPTY + "]")

_TABLE_OPEN = re.compile(r"<table\b[^<>]*>", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_ROW_OPEN = re.compile(r"<tr\b[^<>]*>", re.IGNORECASE)
_CELL_OPEN = re.compile(r"<t[dh]\b[^<>]*>", re.IGNORECASE)


def strip_markup(s: str) -> str:
    """Remove whitelisted HTML tags (with attributes); anything else in ``<…>`` is text.

    >>> strip_markup('<p><本市における措置></p> <ul style="x"> ・認証')
    ' <本市における措置>    ・認証'
    >>> strip_markup('<small><選択肢></small> ＜委託先＞ <input type="checkbox"/>')
    '<選択肢> ＜委託先＞ <input type="checkbox"/>'
    """

    def replace(m: re.Match[str]) -> str:
        return " " if m.group(1).lower() in BLOCK_TAGS else ""

    return _MARKUP.sub(replace, s)


def markup_count(s: str) -> int:
    """How many whitelisted tags ``s`` holds (a sign of an HTML export).

    >>> markup_count("<p>a</p> <本市における措置>")
    2
    """
    return sum(1 for _ in _MARKUP.finditer(s))


def has_checked_input(s: str) -> bool:
    """Whether any checkbox in ``s`` carries a ``checked`` attribute.

    >>> has_checked_input('<input checked="" type="checkbox"/> 紙'), has_checked_input('[<input type="radio"/>]')
    (True, False)
    """
    return bool(_CHECKED.search(s))


def selections_to_brackets(s: str) -> str:
    """A value between two bare inputs before ``<選択肢>`` is a selection: ``[value]``.

    >>> selections_to_brackets('<input type="checkbox"/> 10万人以上 <input type="checkbox"/> <選択肢> 1) …')
    '[10万人以上]  <選択肢> 1) …'
    >>> selections_to_brackets('<input type="checkbox"/> 実施する\\t<input type="checkbox"/>\\t<選択肢>')
    '[実施する]\\t\\t<選択肢>'
    """

    def replace(m: re.Match[str]) -> str:
        return f"[{m.group('value') or ''}]{m.group('sep')}{m.group('gap')}"

    return _SELECTION.sub(replace, s)


def inputs_to_ticks(s: str, beside_checked: bool) -> str:
    """Each checkbox/radio input, bracketed or not, → ``[○]``, ``[ ]`` or ``[?]``.

    Checked → ticked. K prints ticked boxes as ``[<input type="radio"/>]`` and
    empty ones as ``[]``, so a bracketed radio is ticked. A bare checkbox is
    empty only when its group (``beside_checked``) shows that the scraper kept
    the ``checked`` state; otherwise its state is lost. Other inputs are dropped.

    >>> inputs_to_ticks('<input type="checkbox"/> 専用線 [<input type="radio"/>] 紙', beside_checked=False)
    '[?] 専用線 [○] 紙'
    >>> inputs_to_ticks('<input checked="" type="checkbox"/> 紙 <input type="checkbox"/> 他', beside_checked=True)
    '[○] 紙 [ ] 他'
    """

    def replace(m: re.Match[str]) -> str:
        tag = m.group(1) or m.group(2)
        kind = _TYPE.search(tag)
        if kind is None:
            return ""
        if _CHECKED.search(tag) or (m.group(1) and kind.group(1).lower() == "radio"):
            return TICKED
        return EMPTY if beside_checked else UNKNOWN

    return _INPUT_TOKEN.sub(replace, s)


def ticks_to_canonical(s: str) -> str:
    """Bracketed tick glyphs → ``[○]``, empty brackets → ``[ ]`` (on NFKC'd text).

    A split tick (``[ ○`` on one line, ``] 紙`` on another) is left alone: the
    parsers pair it.

    >>> ticks_to_canonical("[ ○ ] 専用線 [] 紙 [O] 他 [〇] 可 [ ○")
    '[○] 専用線 [ ] 紙 [○] 他 [○] 可 [ ○'
    >>> ticks_to_canonical("健発第〇三二七〇一二号")
    '健発第〇三二七〇一二号'
    >>> ticks_to_canonical("☑ 専用線 [☒] 紙 [☐] 他 ☐ 可")
    '[○] 専用線 [○] 紙 [ ] 他 [ ] 可'
    """
    s = _TICKED_BRACKETS.sub(TICKED, s)
    s = _EMPTY_BRACKETS.sub(EMPTY, s)
    return _BOXES.sub(lambda m: EMPTY if m.group() == BOX_EMPTY else TICKED, s)


def has_table(s: str) -> bool:
    return bool(_TABLE_OPEN.search(s))


def has_table_end(s: str) -> bool:
    return bool(_TABLE_CLOSE.search(s))


def split_first_table(s: str) -> tuple[str, str, str] | None:
    """``(before, table inner HTML, after)`` for the first complete ``<table>``, else None.

    >>> split_first_table("a\\t<table><tr><td>x</td></tr></table>\\tb")
    ('a\\t', '<tr><td>x</td></tr>', '\\tb')
    """
    opening = _TABLE_OPEN.search(s)
    closing = _TABLE_CLOSE.search(s, opening.end()) if opening else None
    if closing is None:
        return None
    return s[: opening.start()], s[opening.end() : closing.start()], s[closing.end() :]


def table_to_rows(inner: str) -> list[list[str]]:
    """A table's inner HTML → its rows of raw cell HTML (closing tags optional).

    >>> table_to_rows('<tr><td>a</td> <td colspan="2">b</td></tr> <tr><td></td><td>c')
    [['a</td> ', 'b</td></tr> '], ['</td>', 'c']]
    >>> table_to_rows('no rows')
    [['no rows']]
    """
    rows = []
    for row in _ROW_OPEN.split(inner)[1:] or [inner]:
        cells = _CELL_OPEN.split(row)
        rows.append(cells[1:] if len(cells) > 1 else cells)
    return rows
