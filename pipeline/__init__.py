"""Files, documents, orchestration, Parquet and errors; not form fields."""
