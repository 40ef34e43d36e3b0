"""The registered form parsers, looked up by name."""
from __future__ import annotations

import difflib

from parsers.base import FormParser
from parsers.basic import BasicParser
from parsers.full import FullParser
from parsers.key import KeyParser

# Detection asks in this order: full before key because the full form carries
# every key fingerprint's label family too; basic last, its fingerprints are unique.
PARSERS: dict[str, type[FormParser]] = {"full": FullParser, "key": KeyParser, "basic": BasicParser}


def get_parser(name: str) -> FormParser:
    """The parser registered under ``name``; an unknown name fails with a suggestion."""
    try:
        return PARSERS[name]()
    except KeyError:
        close = difflib.get_close_matches(name, PARSERS, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise KeyError(f"no parser named {name!r} (known: {', '.join(PARSERS)}){hint}") from None
