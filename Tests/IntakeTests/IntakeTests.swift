// Tests for Intake.
