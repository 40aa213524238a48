// Tests for Reports.
