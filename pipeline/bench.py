"""``make bench``: throughput and memory of the pipeline over a folder of sources.

For PDFs it also times bare ``pymupdf`` ``page.get_text()`` over the same files:
the PDF path's target is at least 25% of that page rate. For text it reports
megabytes per second. Peak memory is the process's maximum resident set.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from pipeline.read import find_sources
from pipeline.run import parse_source

PDF_TARGET = 0.25  # share of bare get_text() page throughput the PDF path must reach


def bare_get_text_seconds(paths: list[Path]) -> tuple[float, int]:
    import pymupdf

    pages = 0
    start = time.perf_counter()
    for path in paths:
        try:
            with pymupdf.open(path) as doc:
                for page in doc:
                    page.get_text()
                    pages += 1
        except (RuntimeError, ValueError):  # pymupdf's errors for a bad file: it costs the baseline nothing
            pass
    return time.perf_counter() - start, pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", type=Path, default=[Path("data/raw")])
    parser.add_argument("--repeat", type=int, default=3, help="runs per source; the fastest counts")
    args = parser.parse_args(argv)
    sources = find_sources(args.inputs)
    if not sources:
        print("no sources found", file=sys.stderr)
        return 2
    timings = {"text": [0.0, 0], "pdf": [0.0, 0]}
    for source in sources:
        best = min(_timed(source) for _ in range(args.repeat))
        size = source.path.stat().st_size
        timings[source.kind][0] += best
        timings[source.kind][1] += size
        print(f"{source.relative:50s} {best * 1000:8.1f} ms  {size / 1e6:6.2f} MB")
    seconds, size = timings["text"]
    if size:
        print(f"text: {size / 1e6 / seconds:.2f} MB/s over {size / 1e6:.2f} MB")
    pdfs = [s.path for s in sources if s.kind == "pdf"]
    if pdfs:
        bare, pages = bare_get_text_seconds(pdfs)
        ours = timings["pdf"][0]
        if pages and ours:
            share = (pages / ours) / (pages / bare)
            verdict = "ok" if share >= PDF_TARGET else "BELOW TARGET"
            print(f"pdf: {pages / ours:.1f} pages/s vs bare get_text {pages / bare:.1f} pages/s "
                  f"= {share:.0%} (target {PDF_TARGET:.0%}: {verdict})")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


def _timed(source) -> float:
    start = time.perf_counter()
    parse_source(source)
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
