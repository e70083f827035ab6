"""Tailoring: comparable councils, which services each council runs, and the chosen council."""
