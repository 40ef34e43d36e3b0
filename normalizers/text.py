"""Protected NFKC and whitespace folding: the text form every output string has.

The chain is an ordered list of named steps (as ftfy's ``FIXERS``), so a caller
can see which steps changed a value (``normalize_and_explain``).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

import unicodedata2

from normalizers.chardata import INVISIBLE, LATIN_CLAUSE_END, LINE_BREAKS, PROTECTED, ROMAN_TO_ASCII, WIDE

_PROTECTED_RUN = re.compile("([" + "".join(sorted(PROTECTED)) + "]+)")
_BREAK_RUN = re.compile(r"\s+")  # whitespace runs; only those holding a line break are rejoined
_SPACE_RUN = re.compile(r"\s+")


def is_latin_word_char(ch: str) -> bool:
    """A letter or decimal digit of a narrow (non-CJK) script.

    >>> is_latin_word_char("A"), is_latin_word_char("7"), is_latin_word_char("あ"), is_latin_word_char("①")
    (True, True, False, False)
    """
    if len(ch) != 1 or unicodedata2.east_asian_width(ch) in WIDE:
        return False
    category = unicodedata2.category(ch)
    return category.startswith("L") or category == "Nd"


def is_latin_gap(before: str, after: str) -> bool:
    """Whether a break between these two characters stood for a space.

    Only between Latin words (a clause mark may end the first); Japanese text
    wraps anywhere and has no spaces to restore.

    A break between two digits wrapped one number (``令和5年1`` / ``1月20日``) and is
    no space either.

    >>> is_latin_gap("d", "J"), is_latin_gap(",", "w"), is_latin_gap("通", "J"), is_latin_gap("-", "A")
    (True, True, False, False)
    >>> is_latin_gap("1", "1"), is_latin_gap("s", "1")
    (False, True)
    """
    if before.isdecimal() and after.isdecimal():
        return False
    return (is_latin_word_char(before) or before in LATIN_CLAUSE_END) and is_latin_word_char(after)


def drop_invisible(s: str) -> str:
    """Remove soft hyphens, zero-width spaces and byte-order marks.

    >>> drop_invisible("個\u200b人")
    '個人'
    """
    return "".join(ch for ch in s if ch not in INVISIBLE)


def protected_nfkc(s: str) -> str:
    """NFKC everything except circled numbers and Roman numerals.

    >>> protected_nfkc("①ＡＢＣ（株）ｶﾀｶﾅⅢ")
    '①ABC(株)カタカナⅢ'
    """
    parts = _PROTECTED_RUN.split(s)
    # split() with one group puts the protected runs at the odd positions.
    return "".join(p if i % 2 else unicodedata2.normalize("NFKC", p) for i, p in enumerate(parts))


def join_wrapped_lines(s: str) -> str:
    """Remove each line break with its surrounding spaces; keep one space between Latin words.

    >>> join_wrapped_lines("特定個\\n人情報"), join_wrapped_lines("Fujitsu \\n Japan")
    ('特定個人情報', 'Fujitsu Japan')
    """

    def rejoin(m: re.Match[str]) -> str:
        if not any(ch in LINE_BREAKS for ch in m.group()):
            return m.group()
        before = s[m.start() - 1] if m.start() > 0 else ""
        after = s[m.end()] if m.end() < len(s) else ""
        return " " if before and after and is_latin_gap(before, after) else ""

    return _BREAK_RUN.sub(rejoin, s)


def fold_whitespace(s: str) -> str:
    """Turn every run of whitespace (tabs, U+3000 after NFKC, …) into one ASCII space.

    >>> fold_whitespace("委託の有無 \\t ※")
    '委託の有無 ※'
    """
    return _SPACE_RUN.sub(" ", s)


# Order matters: invisible characters go before NFKC so their neighbours can
# compose; line breaks are judged on NFKC'd characters; the closing NFKC
# recomposes marks that a removed break or space had kept apart.
TEXT_STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("drop_invisible", drop_invisible),
    ("protected_nfkc", protected_nfkc),
    ("join_wrapped_lines", join_wrapped_lines),
    ("fold_whitespace", fold_whitespace),
    ("strip", str.strip),
    ("recompose", protected_nfkc),
)


def normalize_and_explain(s: str | None) -> tuple[str | None, tuple[str, ...]]:
    """``normalize_text`` plus the names of the steps that changed something.

    >>> normalize_and_explain("　ＡＢＣ ")
    ('ABC', ('protected_nfkc', 'strip'))
    >>> normalize_and_explain(None)
    (None, ())
    """
    if not isinstance(s, str):
        return None, ()
    changed = []
    for name, step in TEXT_STEPS:
        result = step(s)
        if result != s:
            changed.append(name)
        s = result
    return (s or None), tuple(changed)


def normalize_text(s: str | None) -> str | None:
    """The SCHEMA text form: protected NFKC, folded whitespace, wraps joined, trimmed; empty is None.

    >>> normalize_text("委託の有無　※")
    '委託の有無 ※'
    >>> normalize_text("５．特定個人情報の提供・移転（委託に伴うものを除く。）")
    '5.特定個人情報の提供・移転(委託に伴うものを除く。)'
    >>> normalize_text(" \\u3000\\n") is None
    True
    """
    return _normalized(s) if isinstance(s, str) else None


# Labels and option texts recur thousands of times per document and the step chain is pure.
@lru_cache(maxsize=1 << 16)
def _normalized(s: str) -> str | None:
    return normalize_and_explain(s)[0]


def label_key(s: str | None) -> str:
    """The form used only to match labels: no whitespace, Roman numerals in ASCII, no trailing ※.

    >>> label_key("委託の有無　※")
    '委託の有無'
    >>> label_key("Ⅲ　リスク対策")
    'IIIリスク対策'
    >>> label_key(None)
    ''
    """
    return _label_key(s) if isinstance(s, str) else ""


@lru_cache(maxsize=1 << 16)
def _label_key(s: str) -> str:
    text = normalize_text(s)
    if text is None:
        return ""
    return _SPACE_RUN.sub("", text).translate(ROMAN_TO_ASCII).rstrip("※")


def join_lines(lines: Iterable[str]) -> str | None:
    """One value from the wrapped lines it was printed on, then normalized.

    >>> join_lines(["②取扱いを委託する特定個", "人情報ファイルの範囲"])
    '②取扱いを委託する特定個人情報ファイルの範囲'
    >>> join_lines(["NEC Solution", "Innovators"])
    'NEC Solution Innovators'
    """
    if isinstance(lines, str):
        return normalize_text(lines)
    try:
        return normalize_text("\n".join(line for line in lines if isinstance(line, str)))
    except TypeError:
        return None
