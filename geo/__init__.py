"""Data and domain logic: read, check, match names, derive. No UI imports here."""
