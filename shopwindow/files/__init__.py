"""Files kept in the database (CVs, report PDFs): no process keeps state on its own disk."""
