"""Authorities: every UK council, current and former, loaded from licensed reference data."""
