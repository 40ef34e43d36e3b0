"""Pure conversions: characters, eras, numbers and names. No I/O, no pandas."""
from normalizers.counts import parse_count
from normalizers.dates import date_problem, parse_date, parse_era_year
from normalizers.names import canonical_company
from normalizers.ranges import parse_range
from normalizers.text import join_lines, label_key, normalize_text

__all__ = [
    "canonical_company",
    "date_problem",
    "join_lines",
    "label_key",
    "normalize_text",
    "parse_count",
    "parse_date",
    "parse_era_year",
    "parse_range",
]
