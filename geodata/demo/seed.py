"""The seed of the bundled demo, apart from the builder so reading it loads no geodata stack."""

#: The seed of the bundled demo: every default build is this one.
DEFAULT_SEED = 2024
