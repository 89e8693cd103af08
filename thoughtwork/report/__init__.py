"""The report a patient sends a therapist: HTML or Markdown, with a machine-readable copy inside."""
