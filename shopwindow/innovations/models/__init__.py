"""Innovation records: the reference vocabularies, the record, its child rows and its revisions."""

from shopwindow.innovations.models.alias import RecordAlias
from shopwindow.innovations.models.children import (
    Adoption,
    Barrier,
    GuidanceStep,
    LeadAuthority,
    Metric,
    PartnerAuthority,
    Risk,
    SourceDocument,
)
from shopwindow.innovations.models.problem import ProblemPart, ProblemReport, ProblemState
from shopwindow.innovations.models.record import Innovation
from shopwindow.innovations.models.reference import EvidenceLevel, ServiceArea, Theme
from shopwindow.innovations.models.revision import Revision, RevisionKind, RevisionState

__all__ = [
    "Adoption",
    "Barrier",
    "EvidenceLevel",
    "GuidanceStep",
    "Innovation",
    "LeadAuthority",
    "Metric",
    "PartnerAuthority",
    "ProblemPart",
    "ProblemReport",
    "ProblemState",
    "RecordAlias",
    "Revision",
    "RevisionKind",
    "RevisionState",
    "Risk",
    "ServiceArea",
    "SourceDocument",
    "Theme",
]
