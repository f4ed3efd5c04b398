"""One consent rule (issue 12.1): every caller agrees, over random histories.

A history is a sequence of events on one participant's consent records — record a new
version, withdraw a version, delete a version — applied to a real encrypted store. After
each history the Consent tab's reading, the referral check, the probation summary's check
and the partnership permission must all give the answer of the rule written out here in
the test: the latest version that is not deleted decides, and if it is withdrawn nothing is
shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentor_desk.domain.consent import covers_partnership, covers_probation, covers_referral
from mentor_desk.export.probation_summary import probation_consent
from mentor_desk.store import Store
from mentor_desk.ui.forms.consent import consent_text, covers, current_consent

SERVICE = {"name": "Step Up Housing", "organisation": "Step Up Trust"}


@dataclass(frozen=True)
class Give:
    server: bool
    probation: bool
    services: tuple[str, ...]


@dataclass(frozen=True)
class Withdraw:
    which: int  # index into the versions recorded so far (newest last)


@dataclass(frozen=True)
class Delete:
    which: int


events = st.one_of(
    st.builds(
        Give,
        st.booleans(),
        st.booleans(),
        st.lists(
            st.sampled_from(["Step Up Housing", "all services", "Other Place"]), max_size=2
        ).map(tuple),
    ),
    st.builds(Withdraw, st.integers(0, 6)),
    st.builds(Delete, st.integers(0, 6)),
)


def _apply(store: Store, pid: str, history: list[Give | Withdraw | Delete]) -> list[dict[str, Any]]:
    """Apply the history; return the model's view: the versions, newest last."""
    versions: list[dict[str, Any]] = []
    day = date(2026, 1, 1)
    for step, event in enumerate(history):
        day += timedelta(days=1)
        if isinstance(event, Give):
            rec = store.create(
                "consent",
                {
                    "participant_id": pid,
                    "consent_version": len(versions) + 1,
                    "given_on": day.isoformat(),
                    "privacy_notice_version": f"2026-{step:02d}",
                    "share_with_server": event.server,
                    "share_with_probation": event.probation,
                    "share_with_services": list(event.services),
                },
            )
            versions.append({**rec, "model_deleted": False})
        elif versions:
            target = versions[event.which % len(versions)]
            if target["model_deleted"]:
                continue
            if isinstance(event, Withdraw):
                store.update("consent", target["id"], {"withdrawn_on": day.isoformat()})
                target["withdrawn_on"] = day.isoformat()
            else:
                store.delete("consent", target["id"])
                target["model_deleted"] = True
    return versions


def _expected(versions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The rule, written out independently: latest undeleted; withdrawn shares nothing."""
    live = [v for v in versions if not v["model_deleted"]]
    if not live:
        return None
    latest = live[-1]
    return None if latest.get("withdrawn_on") else latest


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=st.lists(events, max_size=8))
def test_every_caller_gives_the_answer_of_the_one_rule(
    store: Store, history: list[Give | Withdraw | Delete]
) -> None:
    pid = store.create(
        "participant",
        {
            "reference": store.new_reference(),
            "given_name": "Test",
            "family_name": "Person",
            "status": "active",
        },
    )["id"]
    versions = _apply(store, pid, history)
    expected = _expected(versions)
    consents = store.list("consent", participant_id=pid)

    # The Consent tab.
    shown = current_consent(consents)
    assert (shown or {}).get("id") == (expected or {}).get("id")
    text = consent_text(consents)
    if expected is None:
        assert "Nothing may be shared" in text
        assert "agreed to share" not in text
    else:
        assert f"Version {expected['consent_version']}," in text

    # Probation summary.
    allowed, why = probation_consent(store, pid)
    assert allowed == bool(expected and expected["share_with_probation"])
    assert allowed == covers_probation(consents)[0]
    assert allowed or why

    # Referrals (the form's check and the domain's), for each kind.
    wanted = {s.casefold() for s in (expected or {}).get("share_with_services") or []}
    for kind in ("referred", "accompanied"):
        ok, _why = covers(consents, SERVICE, kind)
        assert ok == bool(expected and wanted & {"step up housing", "all services"})
        assert ok == covers_referral(consents, SERVICE, kind)[0]
    assert covers(consents, SERVICE, "signposted") == (True, "")

    # Sharing beyond the organisation (the partnership permission).
    assert covers_partnership(consents) == bool(expected and expected["share_with_server"])
