// Tests for Extraction.
