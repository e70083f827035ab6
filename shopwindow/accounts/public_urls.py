"""The URLs a signed-out visitor may open. Everything else redirects to sign-in.

This is the one public list: LockedDownMiddleware enforces it and the URL guard test
(tests/integration/accounts/test_url_guard.py) checks every URL against it. To make a page
public, add its URL name ("namespace:name") to PUBLIC_URL_NAMES, or a whole namespace that is
public by nature to PUBLIC_NAMESPACES. Be specific: a new page is private until listed.

/api/ is not covered here: the API authenticates with personal tokens and decides per endpoint.
/admin/ sends visitors to its own sign-in page.
"""

from django.urls import ResolverMatch

# Whole namespaces whose every page is public information.
PUBLIC_NAMESPACES: frozenset[str] = frozenset(
    {
        "core",  # home, about the data, accessibility, cookies, privacy
        "authorities",  # council pages: public reference data
        "tailoring",  # comparators, powers, the method pages and the council picker
    }
)

# Single public pages, by URL name.
PUBLIC_URL_NAMES: frozenset[str] = frozenset(
    {
        "api-docs",
        # Accounts: the ways in.
        "accounts:sign-up",
        "accounts:sign-up-done",
        "accounts:sign-in",
        "accounts:sign-out",
        "accounts:confirm-email",
        "accounts:password-reset",
        "accounts:password-reset-done",
        "accounts:password-reset-confirm",
        "accounts:password-reset-complete",
        # Sessions: the time left (signed out: none) and the page saying a session has ended.
        "accounts:session-status",
        "accounts:session-ended",
        # The shop window itself (issue 4) and its search (issue 5).
        "innovations:list",
        "innovations:detail",
        "innovations:download",
        "innovations:about-catalogue",
        # Evidence documents of published records (the view refuses the rest with a 404).
        "innovations:evidence-file",
        # Anyone may report a problem with a published record.
        "innovations:report-problem",
        "innovations:report-problem-sent",
        # The spread of ideas (issue 7) and the associate roster (issue 8).
        "spread:index",
        "follows:unsubscribe",  # one-click unsubscribe from emails (signed token, no sign-in)
        "associates:list",
        "associates:detail",
        # The national evidence report (issue 9) and its downloads.
        "reports:report",
        "reports:download",
    }
)

# Path prefixes handled by their own authentication (see the module docstring).
SELF_GUARDED_PREFIXES: tuple[str, ...] = ("/api/", "/admin/")


def is_public(match: ResolverMatch | None, path: str = "") -> bool:
    """Whether a resolved URL may be opened without signing in."""
    if path.startswith(SELF_GUARDED_PREFIXES):
        return True
    if match is None:
        return True  # unresolved: the 404 page (or APPEND_SLASH's redirect) follows
    if match.view_name in PUBLIC_URL_NAMES:
        return True
    return bool(match.namespaces) and match.namespaces[0] in PUBLIC_NAMESPACES
