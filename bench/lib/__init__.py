"""Helpers for the benchmarks in bench/ (not run by `make bench` themselves)."""
