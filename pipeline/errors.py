"""One root error, one subclass per pipeline stage, and the collect policy.

Every failure that a bad source can cause is a ``PipelineError`` carrying the
stage it happened in and a message a person can act on; the orchestrator turns
it into an ``errors`` row and goes on with the next source.
"""
from __future__ import annotations


class PipelineError(Exception):
    """Root of every error the pipeline records instead of raising."""

    stage = "parse"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code or type(self).__name__


class ReadError(PipelineError):
    """The source's bytes could not be read or decoded."""

    stage = "read"


class ExtractError(PipelineError):
    """A PDF could not be turned into text (encrypted, scanned, broken)."""

    stage = "extract"


class SplitError(PipelineError):
    """The text holds no assessment document."""

    stage = "split"


class ParseError(PipelineError):
    """A document was found but its form could not be parsed."""

    stage = "parse"


class WriteError(PipelineError):
    """An output table could not be written."""

    stage = "write"
