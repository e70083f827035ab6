"""The fit score's four parts, each with its sentence, against the real comparators.

South Hams (E07000044) is the council throughout: a rural district whose comparators are other
rural districts. Points: similarity 35 × max(0, 1 − 2d), powers 25 × share run, evidence 4 a
level, comparable adopters 5 each up to 4.
"""

import pytest
from pytest_django import DjangoAssertNumQueries

from shopwindow.authorities.models import Authority
from shopwindow.innovations.selectors import published_innovations
from shopwindow.tailoring.fit import CouncilContext, Fit, FitPart, fit_for, fit_for_many, ordinal
from shopwindow.tailoring.selectors import comparators_for
from tests.factories import create_innovation

pytestmark = pytest.mark.django_db


@pytest.fixture
def south_hams() -> Authority:
    return Authority.objects.get(gss="E07000044")


def parts(fit: Fit) -> dict[str, FitPart]:
    return {part.key: part for part in fit.parts}


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd",
    ]  # fmt: skip


def test_every_part_for_a_record_led_by_a_comparator(south_hams: Authority) -> None:
    comparators = list(comparators_for(south_hams))
    second, third, fifth = comparators[1], comparators[2], comparators[4]
    record = create_innovation(
        lead_authorities=[second.comparator.gss],
        evidence={"level": 3, "verification": "self-reported"},
        adoptions=[
            {"authority": third.comparator.gss, "status": "adopted"},
            {"authority": fifth.comparator.gss, "status": "adopted"},
            {"authority": comparators[6].comparator.gss, "status": "exploring"},
        ],
    )
    fit = fit_for(record, south_hams)
    found = parts(fit)
    # The nearest of lead (rank 2) and adopters (ranks 3 and 5) is the lead.
    assert (
        found["similarity"].sentence
        == f"Led by {second.comparator.name}, your 2nd most similar council"
    )
    assert found["similarity"].points == pytest.approx(35 * (1 - 2 * second.distance))
    assert found["powers"].sentence == "Your council runs waste and environment"
    assert found["powers"].points == 25
    assert found["evidence"].sentence == "Evidence level 3: causation"
    assert found["evidence"].points == 12
    # Exploring does not count as adopted.
    assert found["adopters"].sentence == "2 of your 15 comparable councils have adopted it"
    assert found["adopters"].points == 10
    expected = 35 * (1 - 2 * second.distance) + 25 + 12 + 10
    assert fit.score == round(expected)
    assert fit.powers_match
    assert fit.powers_flag == ""


def test_a_service_the_council_does_not_run_is_flagged_not_hidden(south_hams: Authority) -> None:
    record = create_innovation(service_areas=["adult-social-care"], lead_authorities=["E10000008"])
    fit = fit_for(record, south_hams)
    assert not fit.powers_match
    assert fit.powers_flag == "Not a service your council provides"
    assert parts(fit)["powers"].points == 0
    assert parts(fit)["powers"].sentence == "Not a service your council provides: adult social care"
    # Devon is a county: not on a district's scale.
    assert parts(fit)["similarity"].points == 0
    assert "a county council: we compare your council only with district councils" in (
        parts(fit)["similarity"].sentence
    )
    assert not fit.projection.available


def test_partly_run_services_score_their_share(south_hams: Authority) -> None:
    record = create_innovation(service_areas=["housing", "public-health"])
    powers = parts(fit_for(record, south_hams))["powers"]
    assert powers.points == pytest.approx(12.5)
    assert powers.sentence == "Your council runs housing but not public health"


def test_a_lead_outside_the_15_is_measured_by_the_same_method(south_hams: Authority) -> None:
    context = CouncilContext.load(south_hams)
    nearest = comparators_for(south_hams).first()
    assert nearest is not None
    # Forget the stored row and recompute: the same number.
    stored = context.comparators.pop(nearest.comparator_id)
    assert context.rebased_distance(nearest.comparator) == pytest.approx(stored[1])

    far = Authority.objects.get(gss="E07000117")  # Burnley: urban, deprived, not one of the 15
    assert far.pk not in context.comparators
    distance = context.rebased_distance(far)
    assert distance is not None
    assert 0 < distance <= 1
    record = create_innovation(lead_authorities=["E07000117"])
    similarity = parts(fit_for(record, south_hams))["similarity"]
    assert similarity.sentence.startswith("Led by Burnley, a district council but not one of")
    assert similarity.points == pytest.approx(35 * max(0.0, 1 - 2 * distance))


def test_own_record_is_marked(south_hams: Authority) -> None:
    record = create_innovation(lead_authorities=["E07000044"])
    fit = fit_for(record, south_hams)
    assert fit.relationship == "led"
    assert parts(fit)["similarity"].sentence == "Your council led it"


def test_fit_for_many_uses_a_fixed_number_of_queries(
    south_hams: Authority, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(6):
        create_innovation(lead_authorities=["E07000117"] if n % 2 else ["E07000047"])
    records = list(published_innovations())
    assert len(records) >= 6
    # The council's county (to name who runs what a district does not), its comparators, its
    # group's profiles: nothing per record.
    with django_assert_num_queries(3):
        fits = fit_for_many(records, south_hams)
    assert set(fits) == {record.pk for record in records}
