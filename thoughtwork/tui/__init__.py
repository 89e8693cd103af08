"""The patient's Textual app: unlock, home, the thought-record flow and the browsing screens."""
