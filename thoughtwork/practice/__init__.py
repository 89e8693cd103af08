"""The practice ladder: graded practice steps, practices with predictions and outcomes, guided exercises."""
