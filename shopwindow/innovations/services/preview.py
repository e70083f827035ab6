"""A draft shown as its published record page would look, built in memory.

Previewing validates and renders only: it never writes, so a GET stays a read (no savepoint
and rollback). The preview is a copy of the draft's Innovation (same primary key, so other apps'
record sections still find their rows) with the draft's fields set and its relations given as
prefetched lists, which is all the record page reads.
"""

import copy
from typing import Any

from shopwindow.innovations.models import Innovation, ServiceArea, Theme
from shopwindow.innovations.services.record_rows import authorities_named, child_rows, set_fields


def preview_record(innovation: Innovation, data: dict[str, Any]) -> Innovation:
    """The record page's Innovation for valid draft `data`; the database is not changed."""
    shown = copy.copy(innovation)
    shown._state = copy.copy(innovation._state)
    set_fields(shown, data)
    relations: dict[str, list[Any]] = {
        "themes": list(Theme.objects.filter(code__in=data["themes"])),
        "service_areas": list(ServiceArea.objects.filter(code__in=data["service_areas"])),
        # Adoptions are confirmed by moderators: the page shows the ones already confirmed.
        "adoptions": list(innovation.adoptions.select_related("authority")),
    }
    for relation in child_rows(shown, data, authorities_named(data)):
        relations[relation.name] = relation.rows
    # Django's related managers return a prefetched list as it is, without a query.
    shown._prefetched_objects_cache = relations  # type: ignore[attr-defined]
    return shown
