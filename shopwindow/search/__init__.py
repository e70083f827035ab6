"""Full-text search over published innovation records, with facets, on PostgreSQL or SQLite.

`shopwindow.search.selectors.search()` is the one interface; the engine (postgres.py or
sqlite_fts.py) is chosen by the database vendor. docs/search.md explains the design.
"""
