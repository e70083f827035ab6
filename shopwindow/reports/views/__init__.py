"""Report views: the national report page and its downloads, and the moderators' briefings."""
