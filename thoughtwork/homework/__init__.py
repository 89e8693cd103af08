"""Homework a therapist gives: bundles that travel as files, and the schedule they set."""
