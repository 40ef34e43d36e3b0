"""Write the generated assessment PDFs (tests/formgen.py) to a folder for ``make bench``.

usage: python -m tests.bench_corpus OUT_DIR [--copies N]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from tests import formgen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--copies", type=int, default=3, help="copies of each generated form (default: 3)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, assessment in formgen.SAMPLES.items():
        first = args.out / f"{name}-1.pdf"
        formgen.render_pdf(assessment, first)
        for n in range(2, args.copies + 1):
            (args.out / f"{name}-{n}.pdf").write_bytes(first.read_bytes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
