"""Shopwindow: the sector's shop window of proven improvement options for UK councils."""
