"""Reports: the national evidence report and the shared, server-rendered accessible charts."""
