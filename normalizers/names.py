"""Canonical company names for matching contractors across documents."""
from __future__ import annotations

import re

from normalizers.namedata import LEGAL_FORMS
from normalizers.text import is_latin_gap, normalize_text

_LEGAL_FORM = re.compile(r"\((" + "|".join(sorted(LEGAL_FORMS, key=len, reverse=True)) + r")\)")


def drop_inner_spaces(s: str) -> str:
    """Remove spaces except those between Latin words (``NEC Solution Innovators``).

    >>> drop_inner_spaces("富士通Japan株式会社 埼玉支社"), drop_inner_spaces("NTT DATA ( 株 )")
    ('富士通Japan株式会社埼玉支社', 'NTT DATA(株)')
    """
    kept = []
    for i, ch in enumerate(s):
        if ch == " " and not (0 < i < len(s) - 1 and is_latin_gap(s[i - 1], s[i + 1])):
            continue
        kept.append(ch)
    return "".join(kept)


def canonical_company(s: str | None) -> str | None:
    """normalize_text, inner spaces removed, ``(株)``/``㈱`` and other legal-form abbreviations spelt out.

    >>> canonical_company("富士通Japan株式会社　埼玉支社")
    '富士通Japan株式会社埼玉支社'
    >>> canonical_company("㈱日立システムズ"), canonical_company("（有） 山田商店")
    ('株式会社日立システムズ', '有限会社山田商店')
    """
    text = normalize_text(s)
    if text is None:
        return None
    # Normalized again: a dropped space may have parted a letter from its combining mark.
    return normalize_text(_LEGAL_FORM.sub(lambda m: LEGAL_FORMS[m[1]], drop_inner_spaces(text)))
