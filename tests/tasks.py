"""A trivial background task for tests of the worker (django-tasks imports tasks by path)."""

from django_tasks import task


@task()
def add(a: int, b: int) -> int:
    return a + b
