"""Sections that other apps add to the public record page (fit for your council, spread map,
adoption, talk to the originator, ...).

An app registers a template in its AppConfig.ready():

    from shopwindow.innovations.sections import register_record_section
    register_record_section("tailoring/sections/record_fit.html", order=10)

The record page includes each template, lowest order first, with `innovation` (the published
Innovation), `record` (its spec dict) and `request` in the context. A section decides for itself
whether it has anything to show (render nothing when not), and starts with a govuk-heading-m.
Sections that need data beyond the record compute it through a template tag or inclusion tag
in their own app that calls that app's selectors: the record page view stays unaware of them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordSection:
    template_name: str
    order: int


RECORD_PAGE_SECTIONS: list[RecordSection] = []


def register_record_section(template_name: str, *, order: int = 50) -> None:
    if any(section.template_name == template_name for section in RECORD_PAGE_SECTIONS):
        return
    RECORD_PAGE_SECTIONS.append(RecordSection(template_name, order))
    RECORD_PAGE_SECTIONS.sort(key=lambda section: section.order)


def record_section_templates() -> list[str]:
    return [section.template_name for section in RECORD_PAGE_SECTIONS]
