"""Vigía data layer: the dataset contract, loading and validation, demo data, travel times.

``risk`` and ``planner`` build on this package and never on each other.
"""
