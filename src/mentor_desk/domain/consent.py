"""The one rule for what a participant's information-sharing consent allows.

Consent is versioned (SPEC.md §2, "Consent record"). **The latest version decides**: the
consent with the highest ``consent_version`` (ties broken by ``given_on``, then
``created_at``, then ``id``, so every caller picks the same one). **A withdrawal means
nothing is shared until a new consent is recorded**: withdrawing the latest version never
brings an older version back into force. A deleted consent record does not count at all.

Every caller asks this module — the Consent tab, the referral form, the probation summary,
the exports and, once organisations share records (the partnership work), sync — so they
cannot disagree. ``tests/domain/test_consent.py`` checks that over random histories.

What each permission means is written down in docs/data-protection.md:

- ``share_with_server`` — "Share with other organisations in the partnership". The
  participant's record is always kept on the lead organisation's own server (its case
  record, held on its own legal basis, not on this consent); this permission is what
  lets any part of it reach *another* organisation. The server never lets one
  organisation read another's participants today; an information-sharing agreement will
  be the only way, and it must also find this permission.
- ``share_with_probation`` — the probation summary may be made without an override.
- ``share_with_services`` — a referral of kind *referred* or *accompanied* (which passes
  their details on) may name this service, or its organisation; "all services" for any.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

ALL_SERVICES = "all services"
SHARING_KINDS = ("referred", "accompanied")


@dataclass(frozen=True)
class Sharing:
    """What the latest consent allows, with the reason in plain words when it allows nothing."""

    version: int | None
    given_on: str | None
    withdrawn_on: str | None
    partnership: bool
    probation: bool
    services: frozenset[str]

    @property
    def in_force(self) -> bool:
        """There is a consent and it has not been withdrawn."""
        return self.version is not None and not self.withdrawn_on

    @property
    def why_nothing(self) -> str:
        """Why nothing may be shared ('' when a consent is in force)."""
        if self.version is None:
            return "There is no consent record for this person."
        if self.withdrawn_on:
            return f"Consent was withdrawn on {_day(self.withdrawn_on)}."
        return ""


def _day(value: str) -> str:
    """'3 December 2026' (the stored ISO date when it cannot be read)."""
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{d.day} {d:%B %Y}"


NO_CONSENT = Sharing(None, None, None, False, False, frozenset())


def _order(consent: Mapping[str, Any]) -> tuple[int, str, str, str]:
    return (
        int(consent.get("consent_version") or 0),
        str(consent.get("given_on") or ""),
        str(consent.get("created_at") or ""),
        str(consent.get("id") or ""),
    )


def latest_consent(consents: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The latest version that has not been deleted (withdrawn or not), or None."""
    live = [c for c in consents if not c.get("deleted")]
    return max(live, key=_order) if live else None


def in_force(consents: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The latest consent if it has not been withdrawn; None means share nothing."""
    latest = latest_consent(consents)
    return latest if latest is not None and not latest.get("withdrawn_on") else None


def sharing(consents: Iterable[Mapping[str, Any]]) -> Sharing:
    """What may be shared about the person, by the one rule above."""
    latest = latest_consent(consents)
    if latest is None:
        return NO_CONSENT
    version = int(latest.get("consent_version") or 0)
    withdrawn = str(latest.get("withdrawn_on") or "") or None
    if withdrawn:
        return Sharing(version, latest.get("given_on"), withdrawn, False, False, frozenset())
    services = frozenset(
        str(s).strip().casefold() for s in latest.get("share_with_services") or [] if str(s).strip()
    )
    return Sharing(
        version,
        latest.get("given_on"),
        None,
        bool(latest.get("share_with_server")),
        bool(latest.get("share_with_probation")),
        services,
    )


def covers_probation(consents: Iterable[Mapping[str, Any]]) -> tuple[bool, str]:
    """May a progress summary go to their probation practitioner? And if not, why not."""
    allowed = sharing(consents)
    if not allowed.in_force:
        return False, allowed.why_nothing
    if not allowed.probation:
        return False, "The latest consent does not cover sharing with probation."
    return True, ""


def covers_referral(
    consents: Iterable[Mapping[str, Any]], service: Mapping[str, Any] | None, kind: str | None
) -> tuple[bool, str]:
    """May a referral of ``kind`` to ``service`` pass their details on? And if not, why not."""
    if kind not in SHARING_KINDS:
        return True, ""
    allowed = sharing(consents)
    if not allowed.in_force:
        if allowed.version is None:
            return False, "There is no current consent to share their details with anyone."
        return False, f"{allowed.why_nothing} Nothing may be shared until a new one is recorded."
    names = {str((service or {}).get(k) or "").strip().casefold() for k in ("name", "organisation")}
    if ALL_SERVICES in allowed.services or (names - {""}) & allowed.services:
        return True, ""
    who = (service or {}).get("name") or "this service"
    return False, (
        f"Their consent (version {allowed.version}) does not cover sharing "
        f"their details with {who}."
    )


def covers_partnership(consents: Iterable[Mapping[str, Any]]) -> bool:
    """May any of their record reach another organisation of the partnership?"""
    return sharing(consents).partnership
