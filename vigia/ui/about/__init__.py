"""The About page: what Vigía is, its data and its limits."""
