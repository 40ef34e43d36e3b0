"""``python -m pipeline run [INPUT ...] --out DIR``: the command-line entry."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tqdm import tqdm

from pipeline.errors import WriteError
from pipeline.run import collect_sources, merge, parse_sources
from pipeline.summary import summary_lines
from pipeline.write import write_tables

DESCRIPTION = """\
Turn 特定個人情報保護評価書 (My Number privacy impact assessments) into Parquet tables.

Reads every *.txt (scraped text; UTF-8, UTF-16 with BOM, cp932 or EUC-JP) and *.pdf
under the inputs, finds each assessment document (basic 基礎項目, key 重点項目,
full 全項目), and writes documents, files, outsourcing, transfers, changes and
errors tables to OUT as Parquet (see docs/schema.md). A source that cannot be read
or parsed becomes a row in errors.parquet; the run goes on.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser("run", help="parse sources and write the Parquet tables",
                              description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("inputs", nargs="*", type=Path, default=[Path("data/raw")], metavar="INPUT",
                     help="files or folders to read, searched recursively for *.txt and *.pdf "
                          "(default: data/raw)")
    run.add_argument("--out", type=Path, default=Path("data/out"), metavar="DIR",
                     help="folder for the six .parquet tables; written atomically (default: data/out)")
    run.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), metavar="N",
                     help="parallel worker processes (default: %(default)s)")
    run.add_argument("--no-progress", action="store_true",
                     help="do not show the progress bar (it is also off when stderr is not a terminal)")
    run.add_argument("--quiet", action="store_true", help="print nothing but errors")
    return parser


def run_command(args: argparse.Namespace) -> int:
    sources, missing = collect_sources(args.inputs)
    for message in missing:
        print(f"error: {message}", file=sys.stderr)
    if missing and not sources:
        return 2
    progress = tqdm(total=len(sources), unit="source", disable=args.no_progress or args.quiet or None,
                    file=sys.stderr)
    results = []
    for result in parse_sources(sources, args.jobs):
        results.append(result)
        progress.update(1)
    progress.close()
    tables = merge(results)
    try:
        paths = write_tables(tables, args.out)
    except WriteError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"read {len(sources)} sources; wrote {len(paths)} tables to {args.out}/")
        for line in summary_lines(tables):
            print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "run":
        return run_command(args)
    return 2
