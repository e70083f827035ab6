"""Privacy hooks: a person's follows are theirs alone, so they go with the account (the
foreign key cascades) and appear in the "download your data" file."""

from typing import Any

from django.dispatch import receiver

from shopwindow.accounts.signals import collect_user_data
from shopwindow.follows.selectors import follows_of


@receiver(collect_user_data)
def _collect(sender: Any, user: Any, **kwargs: Any) -> dict[str, Any]:
    return {
        "follows": [
            {"kind": f.kind, "code": f.code, "since": f.created_at.isoformat()}
            for f in follows_of(user)
        ]
    }
