"""Find the sources under the inputs and decode text sources strictly."""
from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ReadError

SOURCE_SUFFIXES = (".txt", ".pdf")

# Strict order (issue 4): BOM-marked encodings first, then UTF-8, then cp932 (never
# plain shift_jis, which loses ①, ㈱ and the NEC extensions), then EUC-JP.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_FALLBACKS = ("utf-8", "cp932", "euc_jp")


@dataclass(frozen=True)
class Source:
    path: Path
    relative: str

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def kind(self) -> str:
        return "pdf" if self.path.suffix.lower() == ".pdf" else "text"


def find_sources(inputs: list[Path]) -> list[Source]:
    """Every *.txt / *.pdf under the inputs (files or folders, recursively), sorted, each once."""
    found: dict[Path, Source] = {}
    for root in inputs:
        if root.is_file():
            found.setdefault(root.resolve(), Source(root, root.name))
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix.lower() in SOURCE_SUFFIXES:
                found.setdefault(path.resolve(), Source(path, path.relative_to(root).as_posix()))
    return sorted(found.values(), key=lambda s: s.relative)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def looks_like_mojibake(text: str) -> bool:
    """EUC-JP bytes often decode 'cleanly' as cp932 into half-width katakana; NULs mean binary."""
    if "\x00" in text:
        return True
    halfwidth_kana = sum(1 for ch in text if "\uff61" <= ch <= "\uff9f")
    return halfwidth_kana > max(8, len(text) // 50)


def decode_text(data: bytes, name: str = "source") -> tuple[str, str]:
    """Bytes → (text, encoding used); ``ReadError`` when no encoding decodes cleanly."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ReadError(
                    f"{name} starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start}); re-export it as UTF-8",
                    "undecodable",
                ) from exc
    for encoding in _FALLBACKS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not looks_like_mojibake(text):
            return text, encoding
    raise ReadError(
        f"{name} is neither UTF-8, UTF-16 (with BOM), cp932 nor EUC-JP text; "
        "re-export it as UTF-8 or put the original PDF in data/raw instead",
        "undecodable",
    )
