"""Sections that other apps add to the council page (records it led, partnered or adopted,
councils like it, ...).

An app registers a template in its AppConfig.ready():

    from shopwindow.authorities.sections import register_council_section
    register_council_section("innovations/council_records.html")

Each template is included inside `{% block council_sections %}` of authorities/detail.html with
`council` (an Authority) in its context, and should start with a govuk-heading-m.
"""

COUNCIL_PAGE_SECTIONS: list[str] = []


def register_council_section(template_name: str) -> None:
    if template_name not in COUNCIL_PAGE_SECTIONS:
        COUNCIL_PAGE_SECTIONS.append(template_name)
