"""Form-specific parsers: which labels exist, their options, item numbering."""
