"""The command line: --help, a run over good and bad sources, stable output."""
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.cli import main

ROOT = Path(__file__).parent.parent
GOOD = (ROOT / "data" / "raw" / "kitakyushu-kokuho-basic-full.txt").read_bytes()


def test_help_explains_every_option():
    out = subprocess.run([sys.executable, "-m", "pipeline", "run", "--help"], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    for option in ("INPUT", "--out", "--jobs", "--no-progress", "--quiet"):
        assert option in out


def make_inputs(tmp_path):
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    (raw / "good.txt").write_bytes(GOOD)
    (raw / "sub" / "binary.txt").write_bytes(bytes(range(128, 256)) * 8)
    (raw / "notes.txt").write_text("市報 令和6年5月号\n今月のお知らせ\n", encoding="utf-8")
    (raw / "fake.pdf").write_bytes(b"this is not a pdf")
    return raw


def test_bad_sources_become_error_rows_and_good_rows_survive(tmp_path, capsys):
    raw = make_inputs(tmp_path)
    assert main(["run", str(raw), "--out", str(tmp_path / "out"), "--no-progress", "--jobs", "1"]) == 0
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err
    docs = pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()
    assert [d["doc_id"] for d in docs] == ["good#1", "good#2"]
    errors = pq.read_table(tmp_path / "out" / "errors.parquet").to_pylist()
    assert {e["source_file"]: e["stage"] for e in errors} == {
        "fake.pdf": "extract", "notes.txt": "split", "sub/binary.txt": "read"}
    assert all(e["message"] and e["source_file"] in e["message"] for e in errors)
    assert "documents" in printed.out and "errors" in printed.out


def test_same_input_gives_identical_tables(tmp_path):
    raw = make_inputs(tmp_path)
    for out, jobs in (("a", "1"), ("b", "2")):
        main(["run", str(raw), "--out", str(tmp_path / out), "--quiet", "--jobs", jobs])
    for name in ("documents", "changes", "errors"):
        a = pq.read_table(tmp_path / "a" / f"{name}.parquet")
        b = pq.read_table(tmp_path / "b" / f"{name}.parquet")
        assert a.equals(b)


def test_missing_input_is_reported(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_runs_without_a_terminal(tmp_path):
    env = {**os.environ, "CI": "true"}
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(make_inputs(tmp_path)), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT, env=env,
                          stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 0 and "Traceback" not in done.stderr
