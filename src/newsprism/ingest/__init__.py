"""Ingestion: readers per input kind, HTML extraction, residue cleaning, article building."""
