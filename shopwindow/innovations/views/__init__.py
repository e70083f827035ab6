"""Views of the innovations app."""
