"""Task dates: the playbook's steps in sequence from the plan's chosen start date.

The rule (also in docs/adoption.md):
- The first task starts on the plan's start date; each later task starts when the one before it
  is due. A task lasts its `duration_days` (a step's `duration_weeks` × 7, rounded to whole days,
  or what the council set by editing the task's dates).
- A task without a duration gets a start date but no due date, and takes no time.
- A step's duration counts up to ten years (MAX_TASK_DAYS), and no date goes past 31 December
  9999, so that a record with an absurd duration cannot stop any council adopting it.
- Recalculating (when the plan's start date changes) moves only tasks that are not done. Done
  tasks keep their dates, and the tasks after them start no earlier than a done task was due.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol


class Dated(Protocol):
    start_date: date | None
    due_date: date | None
    duration_days: int | None
    status: str


@dataclass
class StepDates:
    start_date: date
    due_date: date | None


DONE = "done"
# Records may say a step takes at most 520 weeks (the Innovation Record schema's maximum); older
# rows or other paths are held to the same bound here.
MAX_TASK_DAYS = 520 * 7


def weeks_to_days(weeks: float | None) -> int | None:
    if weeks is None or not math.isfinite(weeks):
        return None
    return min(MAX_TASK_DAYS, max(0, round(weeks * 7)))


def _after(start: date, days: int) -> date:
    """`days` after `start`, or the last date there is."""
    if days > (date.max - start).days:
        return date.max
    return start + timedelta(days=days)


def schedule(start: date, durations: Sequence[int | None]) -> list[StepDates]:
    """Dates for new tasks with these durations (days, or None), in order, from `start`."""
    cursor = start
    result = []
    for days in durations:
        due = _after(cursor, days) if days is not None else None
        result.append(StepDates(cursor, due))
        cursor = due or cursor
    return result


def recalculate(start: date, tasks: Sequence[Dated]) -> list[Dated]:
    """Set new dates on the tasks that are not done (in place); return the tasks changed."""
    cursor = start
    changed: list[Dated] = []
    for task in tasks:
        if task.status == DONE:
            last = task.due_date or task.start_date
            if last is not None and last > cursor:
                cursor = last
            continue
        due = _after(cursor, task.duration_days) if task.duration_days is not None else None
        if (task.start_date, task.due_date) != (cursor, due):
            task.start_date, task.due_date = cursor, due
            changed.append(task)
        cursor = due or cursor
    return changed
