// Tests for Facts.
