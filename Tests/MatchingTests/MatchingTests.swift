// Tests for Matching.
