"""Views of the associate programme: thin (parse, call a selector or service, render)."""
