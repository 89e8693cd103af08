"""Research exports: de-identified thought records for a study, scrubbed on the participant's machine."""
