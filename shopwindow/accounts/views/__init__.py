"""Views for accounts, members' councils and moderation."""
