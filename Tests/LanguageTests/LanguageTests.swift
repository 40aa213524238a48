// Tests for Language.
