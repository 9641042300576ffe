"""Train the small English Stanza models that quotes bundles (offline, from UD data)."""
