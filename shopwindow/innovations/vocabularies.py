"""The Innovation Record vocabularies (spec/innovation-record.md): codes, labels and descriptions.

The reference tables (Theme, ServiceArea, EvidenceLevel) are loaded from these lists by a data
migration and by `sync_vocabularies()`; the JSON Schema's enums must match them (a test checks).
"""

from typing import Any

from django.db import models

# (code, label, description shown to users), in the spec's order.
THEMES: list[tuple[str, str, str]] = [
    ("shared-services", "Shared services", "Two or more councils running a service together."),
    (
        "combined-authority",
        "Combined authority",
        "Councils pooling powers in a combined authority.",
    ),
    ("devolution", "Devolution", "Powers and funding moved down from central government."),
    ("reorganisation", "Reorganisation", "Merging or restructuring councils."),
    (
        "trading-company",
        "Trading company",
        "Council-owned companies, local authority trading companies (LATCs) and Teckal companies.",
    ),
    ("service-redesign", "Service redesign", "Rebuilding how a service works around its users."),
    (
        "organisational-design",
        "Organisational design",
        "Changing the shape, roles and management of the council itself.",
    ),
    (
        "vcs-commissioning",
        "Voluntary and community sector commissioning",
        "Commissioning services from the voluntary and community sector.",
    ),
    ("digital-access", "Digital access", "Moving contact and transactions online (channel shift)."),
    (
        "community-hubs",
        "Community hubs",
        "Libraries and other community buildings hosting several services.",
    ),
    ("demand-management", "Demand management", "Reducing or reshaping demand for services."),
    ("prevention", "Prevention", "Acting early so that needs do not escalate."),
    ("procurement", "Procurement", "Buying goods and services better, often jointly."),
    ("assets", "Assets", "Estate rationalisation and co-location of services."),
    ("income-generation", "Income generation", "Earning income from trading, fees and assets."),
    ("workforce", "Workforce", "Skills, roles, pay and ways of working of council staff."),
    ("data-and-technology", "Data and technology", "Using data, systems and technology better."),
    ("health-integration", "Health integration", "Joining up council services with the NHS."),
    ("economic-growth", "Economic growth", "Jobs, investment and growth in the local economy."),
]

SERVICE_AREAS: list[tuple[str, str, str]] = [
    ("adult-social-care", "Adult social care", "Care and support for adults."),
    ("childrens-services", "Children's services", "Children's social care and family support."),
    ("education", "Education", "Schools, early years and skills."),
    ("public-health", "Public health", "Improving and protecting the population's health."),
    ("housing", "Housing", "Housing need, homelessness and council housing."),
    ("planning-and-development", "Planning and development", "Planning and building control."),
    ("highways-and-transport", "Highways and transport", "Roads, parking and public transport."),
    (
        "waste-and-environment",
        "Waste and environment",
        "Waste collection, disposal and street care.",
    ),
    (
        "regulatory-services",
        "Regulatory services",
        "Trading standards, environmental health and licensing.",
    ),
    (
        "culture-libraries-leisure",
        "Culture, libraries and leisure",
        "Libraries, museums, arts, sport and leisure.",
    ),
    ("revenues-and-benefits", "Revenues and benefits", "Council tax, business rates and benefits."),
    ("customer-services", "Customer services", "Contact centres, websites and front desks."),
    (
        "corporate-services",
        "Corporate services",
        "Finance, HR, IT, legal and procurement.",
    ),
    ("fire-and-rescue", "Fire and rescue", "Fire and rescue services."),
    ("whole-council", "Whole council", "Changes across the whole council."),
]

# Nesta Standards of Evidence: (level, label, description).
EVIDENCE_LEVELS: list[tuple[int, str, str]] = [
    (1, "Account of impact", "A coherent, logical case for why it works."),
    (
        2,
        "Correlation",
        "Data show change (for example before and after), but not that it caused it.",
    ),
    (3, "Causation", "A comparison or control group shows it caused the change."),
    (
        4,
        "Independent replication",
        "An independent evaluation confirms the impact, at a reasonable cost.",
    ),
    (
        5,
        "Scaled",
        "It has been delivered by others, elsewhere, at scale, and still works.",
    ),
]

# Council functions (format 1.1): finer than service areas, because the functions inside one
# service area sit with different tiers (trading standards is the county's, licensing the
# district's).
FUNCTIONS: list[tuple[str, str]] = [
    ("trading-standards", "Trading standards"),
    ("environmental-health", "Environmental health"),
    ("licensing", "Licensing"),
    ("waste-collection", "Waste collection"),
    ("waste-disposal", "Waste disposal"),
    ("street-cleansing", "Street cleansing"),
    ("highways", "Highways"),
    ("public-transport", "Public transport"),
    ("parking", "Parking"),
    ("planning-applications", "Planning applications"),
    ("minerals-and-waste-planning", "Minerals and waste planning"),
    ("local-plan", "Local plan"),
    ("building-control", "Building control"),
    ("housing-and-homelessness", "Housing and homelessness"),
    ("council-housing", "Council housing"),
    ("council-tax-and-business-rates", "Council tax and business rates"),
    ("housing-benefit-and-council-tax-support", "Housing benefit and council tax support"),
    ("adult-social-care", "Adult social care"),
    ("childrens-social-care", "Children's social care"),
    ("education-and-send", "Education and special educational needs"),
    ("public-health", "Public health"),
    ("libraries", "Libraries"),
    ("leisure-and-culture", "Leisure and culture"),
    ("parks-and-open-spaces", "Parks and open spaces"),
    ("registration-services", "Registration services"),
    ("cemeteries-and-crematoria", "Cemeteries and crematoria"),
    ("economic-development", "Economic development"),
    ("fire-and-rescue", "Fire and rescue"),
    ("emergency-planning", "Emergency planning"),
    ("customer-contact", "Customer contact"),
    ("finance", "Finance"),
    ("hr-and-payroll", "HR and payroll"),
    ("it-and-digital", "IT and digital"),
    ("legal-and-democratic", "Legal and democratic services"),
    ("procurement", "Procurement"),
    ("property-and-estates", "Property and estates"),
    ("audit-and-fraud", "Audit and fraud"),
    ("whole-council", "Whole council"),
]
FUNCTION_CODES = [code for code, _ in FUNCTIONS]
FUNCTION_LABELS = dict(FUNCTIONS)


class SavingKind(models.TextChoices):
    """How far a figure has been checked (format 1.1 `saving_kind` and `metrics[].kind`)."""

    PROJECTED = "projected", "Forecast"
    REPORTED = "reported", "Reported by the council"
    AUDITED = "audited", "Confirmed by audit"
    EVALUATED = "evaluated", "Independently evaluated"


# Figures of these kinds were achieved, not forecast; audited and evaluated are also verified.
ACHIEVED_KINDS = (SavingKind.REPORTED, SavingKind.AUDITED, SavingKind.EVALUATED)
VERIFIED_KINDS = (SavingKind.AUDITED, SavingKind.EVALUATED)


class SourceKind(models.TextChoices):
    COUNCIL_REPORT = "council-report", "Council report"
    AUDIT = "audit", "Audit or inspection"
    EVALUATION = "evaluation", "Independent evaluation"
    GOVERNMENT = "government", "Government"
    SECTOR_BODY = "sector-body", "Sector body"
    AWARD = "award", "Award entry or shortlist"
    PRESS = "press", "News or trade press"
    OTHER = "other", "Other"


class SavingSharedBy(models.TextChoices):
    ALL = "all", "Every lead and partner council"
    LEAD = "lead", "The lead councils only"


# The figures of a record that need a source (format 1.1), as `supports` names them.
SOURCED_FIGURES = ("outcomes.annual_saving_gbp", "outcomes.one_off_cost_gbp")

THEME_CODES = [code for code, _, _ in THEMES]
SERVICE_AREA_CODES = [code for code, _, _ in SERVICE_AREAS]

ILLUSTRATIVE_TAG = "illustrative"


class RecordStatus(models.TextChoices):
    PILOT = "pilot", "Pilot"
    IMPLEMENTED = "implemented", "Implemented"
    SCALED = "scaled", "Scaled"
    DISCONTINUED = "discontinued", "Discontinued"


class Verification(models.TextChoices):
    SELF_REPORTED = "self-reported", "Self-reported"
    PEER_REVIEWED = "peer-reviewed", "Peer-reviewed"
    INDEPENDENTLY_EVALUATED = "independently-evaluated", "Independently evaluated"


class AdoptionStatus(models.TextChoices):
    EXPLORING = "exploring", "Exploring"
    IN_PROGRESS = "in-progress", "In progress"
    ADOPTED = "adopted", "Adopted"
    ABANDONED = "abandoned", "Abandoned"


class WorkflowStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    CHANGES_REQUESTED = "changes-requested", "Changes requested"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Source(models.TextChoices):
    """Where a write came from (kept on revisions and adoptions)."""

    IMPORT = "import", "Import"
    API = "api", "API"
    FORM = "form", "Form"
    DEMO = "demo", "Demo content"
    PLAN = "plan", "Adoption plan"


def sync_vocabularies(theme_model: Any, service_area_model: Any, evidence_level_model: Any) -> None:
    """Create or update the reference rows from the lists above (the data migration passes
    historical models; services pass the real ones). Idempotent."""
    for position, (code, label, description) in enumerate(THEMES):
        theme_model.objects.update_or_create(
            code=code, defaults={"label": label, "description": description, "position": position}
        )
    for position, (code, label, description) in enumerate(SERVICE_AREAS):
        service_area_model.objects.update_or_create(
            code=code, defaults={"label": label, "description": description, "position": position}
        )
    for level, label, description in EVIDENCE_LEVELS:
        evidence_level_model.objects.update_or_create(
            level=level, defaults={"label": label, "description": description}
        )
