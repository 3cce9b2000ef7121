"""The Risk map page (ministry planners): scores, hotspots, the dark figure, downloads."""
