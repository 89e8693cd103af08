"""The thought-record flow: one calm step per screen, saved as a draft at every step."""
