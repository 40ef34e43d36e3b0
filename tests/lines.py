"""Build Line streams for tests straight from short texts (no layout adapter)."""
from normalizers.text import normalize_text
from pipeline.lines import Line


def lines_of(text: str) -> list[Line]:
    """One Line per non-blank line, one cell per tab; page += 1 at a line holding only ``---page---``."""
    out, page = [], 0
    for raw in text.splitlines():
        if raw.strip() == "---page---":
            page += 1
            continue
        cells = tuple(normalize_text(c) or "" for c in raw.split("\t"))
        if any(cells):
            out.append(Line(cells, page))
    return out
