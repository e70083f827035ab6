"""Accounts: users, council membership, roles, API tokens, audit log and privacy."""
