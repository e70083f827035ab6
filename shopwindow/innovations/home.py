"""The council's records on the account home (registered in InnovationsConfig.ready)."""

from typing import Any

from django.urls import reverse

from shopwindow.accounts.home import HomeLink, count_words
from shopwindow.innovations.selectors import editable_by_councils
from shopwindow.innovations.vocabularies import WorkflowStatus


def council_records_link(user: Any, council_ids: set[int]) -> list[HomeLink]:
    if not council_ids:
        return []
    records = editable_by_councils(sorted(council_ids))
    drafts = records.filter(
        workflow_status__in=[WorkflowStatus.DRAFT, WorkflowStatus.CHANGES_REQUESTED]
    ).count()
    hint = (
        f"{count_words(drafts, 'draft', 'drafts')} in progress, "
        f"{count_words(records.count(), 'record', 'records')} in all"
    )
    return [HomeLink("Your council's records", reverse("innovations:mine"), hint)]
