"""The app's screens, one per file; the thought-record flow lives in `record/`."""
