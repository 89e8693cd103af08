"""thoughtwork: a gentle CBT thought-record and reframing tool, made first for people with vaginismus."""

__version__ = "0.1.0"
