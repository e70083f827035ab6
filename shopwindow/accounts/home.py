"""One account home: the signed-in user's work across the service, linked from their account page.

For a council member: their councils' records (drafts first), adoption plans, help requests and
engagements; for everyone: what they follow; for an associate: their profile, invitations and
engagements. Each entry says how many there are, so that the page is a place to start from and
no list of one's own work is a dead end.

The apps that own that work sit above accounts, so each registers what it adds here from its
AppConfig.ready() (`register_home_links`, `register_home_engagements`); accounts imports none
of them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shopwindow.accounts.permissions import approved_council_ids


@dataclass(frozen=True)
class HomeLink:
    text: str
    href: str
    hint: str


@dataclass(frozen=True)
class HomeEngagement:
    text: str
    href: str
    status: str


@dataclass
class AccountHome:
    links: list[HomeLink] = field(default_factory=list)
    engagements: list[HomeEngagement] = field(default_factory=list)


# A provider gets the user and the ids of the councils they are an approved member of.
LinksProvider = Callable[[Any, set[int]], list[HomeLink]]
EngagementsProvider = Callable[[Any, set[int]], list[HomeEngagement]]

_link_providers: list[tuple[int, LinksProvider]] = []
_engagement_providers: list[EngagementsProvider] = []


def register_home_links(provider: LinksProvider, *, order: int = 50) -> None:
    """Add links to the account home, placed by `order` (lower first)."""
    if all(existing is not provider for _, existing in _link_providers):
        _link_providers.append((order, provider))
        _link_providers.sort(key=lambda item: item[0])


def register_home_engagements(provider: EngagementsProvider) -> None:
    if provider not in _engagement_providers:
        _engagement_providers.append(provider)


def count_words(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def account_home(user: Any) -> AccountHome:
    council_ids = approved_council_ids(user)
    home = AccountHome()
    for _, provider in _link_providers:
        home.links += provider(user, council_ids)
    for engagements in _engagement_providers:
        home.engagements += engagements(user, council_ids)
    return home
