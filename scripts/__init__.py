"""Project scripts (run directly, or imported by tests and benchmarks)."""
