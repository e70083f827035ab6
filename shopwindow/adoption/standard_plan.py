"""The standard adoption plan: the stages for a record that gives no steps of its own.

Every council adopting an idea goes through the same stages, whatever the idea: understand the
model, make the business case and get approval, settle governance and the legal basis, bring
people with you (staff, unions, partners, residents), build and launch, and review after a year.
Each stage's detail is adapted from the record: its lead councils and contact, its prerequisites
(in the business case), its legal basis (in governance) and its risks with their mitigations
(in people and consultation, and checked again at the review). Durations are typical, for the
council to change; the review falls due twelve months after launch.
"""

from dataclasses import dataclass

from shopwindow.innovations.models import Innovation


@dataclass(frozen=True)
class StandardTask:
    title: str
    detail: str
    weeks: float


STAGE_TITLES = (
    "Understand the model",
    "Business case and approval",
    "Governance and legal basis",
    "People and consultation",
    "Build and launch",
    "Review at 12 months",
)


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items if item.strip())


def _understand(innovation: Innovation) -> str:
    leads = ", ".join(a.name for a in innovation.ordered_leads) or "the councils that did it"
    text = (
        f"Read the record and talk to {leads} about how it works in practice: what they did, "
        "what it cost, and what they would do differently."
    )
    if innovation.contact_role:
        text += f" The record's contact is their {innovation.contact_role}."
    lessons = list(innovation.lessons or [])
    if lessons:
        text += "\n\nTheir lessons:\n\n" + _bullets(lessons)
    return text


def _business_case(innovation: Innovation) -> str:
    text = (
        "Write the business case for your council: the problem locally, the expected costs and "
        "savings scaled to your area, and who has to approve it (cabinet, committee or officer "
        "decision)."
    )
    prerequisites = list(innovation.prerequisites or [])
    if prerequisites:
        text += "\n\nThe record says these need to be in place first:\n\n" + _bullets(prerequisites)
    return text


def _governance(innovation: Innovation) -> str:
    text = (
        "Agree who owns the change and how decisions are made, and confirm the council's power "
        "to do it with your monitoring officer or legal team."
    )
    if innovation.legal_basis.strip():
        text += "\n\nThe record's legal basis:\n\n" + innovation.legal_basis.strip()
    else:
        text += "\n\nThe record does not state a legal basis, so ask your legal team early."
    return text


def _risks(innovation: Innovation) -> list[str]:
    return [
        f"{r.risk.strip()}" + (f" (to reduce it: {r.mitigation.strip()})" if r.mitigation else "")
        for r in innovation.risks.all()
    ]


def _people(innovation: Innovation) -> str:
    text = (
        "Tell and consult the people affected: staff and their unions, partners, members and "
        "residents. Plan any changes to jobs, and an equality impact assessment."
    )
    risks = _risks(innovation)
    if risks:
        text += "\n\nRisks the record names, to plan for:\n\n" + _bullets(risks)
    return text


def _build(innovation: Innovation) -> str:
    return (
        "Set up the service: systems, contracts, training and communications. Launch, and "
        "record the measures the record reports, so that you can compare your results."
    )


def _review(innovation: Innovation) -> str:
    text = (
        "Twelve months after launch, compare the results with the business case and the "
        "record's outcomes, and share what you found: confirm the adoption on the record."
    )
    if innovation.risks.exists():
        text += " Check how the risks named at the start turned out."
    return text


def standard_tasks(innovation: Innovation) -> list[StandardTask]:
    """The six standard stages, adapted from the record."""
    details = (
        _understand(innovation),
        _business_case(innovation),
        _governance(innovation),
        _people(innovation),
        _build(innovation),
        _review(innovation),
    )
    weeks = (2, 6, 4, 6, 12, 52)
    return [
        StandardTask(title, detail, w)
        for title, detail, w in zip(STAGE_TITLES, details, weeks, strict=True)
    ]
