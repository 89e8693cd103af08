"""Shared test set-up: a fast Argon2 profile, and journals that live in tmp folders only."""

import os

# Tests create many journals; the real Argon2 cost (about half a second each) would make the
# suite slow without testing anything more. Set before thoughtwork is imported, and inherited
# by the subprocesses tests start.
os.environ["THOUGHTWORK_KDF_PROFILE"] = "test"
os.environ.pop("THOUGHTWORK_JOURNAL", None)
os.environ.pop("THOUGHTWORK_PASSPHRASE", None)
