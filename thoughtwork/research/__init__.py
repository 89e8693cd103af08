"""The researcher's side of a study: checking and combining participants' exports."""
