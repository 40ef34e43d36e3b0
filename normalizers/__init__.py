"""Pure conversions: characters, eras, numbers and names. No I/O, no pandas."""
