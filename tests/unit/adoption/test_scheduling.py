"""Task dates follow the playbook's steps in sequence; recalculation moves only undone tasks."""

from dataclasses import dataclass
from datetime import date

from shopwindow.adoption.scheduling import recalculate, schedule, weeks_to_days


@dataclass
class Task:
    start_date: date | None
    due_date: date | None
    duration_days: int | None
    status: str = "not-started"


def test_weeks_become_whole_days() -> None:
    assert weeks_to_days(2) == 14
    assert weeks_to_days(1.5) == 10  # 10.5 rounds to even
    assert weeks_to_days(None) is None


def test_steps_follow_one_another_from_the_start_date() -> None:
    dates = schedule(date(2026, 1, 5), [14, None, 7])
    assert [(d.start_date, d.due_date) for d in dates] == [
        (date(2026, 1, 5), date(2026, 1, 19)),
        (date(2026, 1, 19), None),  # no duration: a start date, no due date, takes no time
        (date(2026, 1, 19), date(2026, 1, 26)),
    ]


def test_recalculate_moves_undone_tasks_and_keeps_done_ones() -> None:
    done = Task(date(2026, 1, 5), date(2026, 2, 20), 14, status="done")
    second = Task(date(2026, 1, 19), date(2026, 1, 26), 7)
    third = Task(date(2026, 1, 26), None, None)
    changed = recalculate(date(2026, 2, 2), [done, second, third])
    assert (done.start_date, done.due_date) == (date(2026, 1, 5), date(2026, 2, 20))
    # The next task starts no earlier than the done task was due.
    assert (second.start_date, second.due_date) == (date(2026, 2, 20), date(2026, 2, 27))
    assert (third.start_date, third.due_date) == (date(2026, 2, 27), None)
    assert changed == [second, third]


def test_recalculate_with_the_same_dates_changes_nothing() -> None:
    first = Task(date(2026, 3, 2), date(2026, 3, 9), 7)
    assert recalculate(date(2026, 3, 2), [first]) == []
