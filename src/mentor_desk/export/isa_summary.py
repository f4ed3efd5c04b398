"""A printable summary of one information-sharing agreement, for the partnership's meetings.

One agreement as the partnership screen knows it (from the cache the last sync kept): the
two organisations, the purpose, the legal basis, the fields that may flow in plain words
grouped by record type, what never flows whatever an agreement says
(:data:`mentor_desk.domain.partnership.NEVER_SHARED`), the dates, who signed and its status.
No participant's information is in it. Laid out by QTextDocument, written by QPdfWriter
(:mod:`mentor_desk.export.document`).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtGui import QTextDocument

from mentor_desk.domain import partnership as rule
from mentor_desk.domain.vocabulary import ENTITIES
from mentor_desk.export.common import (
    QT_TRANSLATE_NOOP,
    plain_date,
    plain_datetime,
    today_local,
    translate,
)
from mentor_desk.export.document import REPORT_CSS, e, make_document, pdf_bytes

BODY_PT = 11.0
_KINDS = {
    "lead": QT_TRANSLATE_NOOP("IsaSummary", "lead organisation"),
    "sport": QT_TRANSLATE_NOOP("IsaSummary", "community sport"),
    "probation": QT_TRANSLATE_NOOP("IsaSummary", "probation"),
    "housing": QT_TRANSLATE_NOOP("IsaSummary", "housing"),
    "recovery": QT_TRANSLATE_NOOP("IsaSummary", "recovery"),
    "training": QT_TRANSLATE_NOOP("IsaSummary", "training"),
    "employment": QT_TRANSLATE_NOOP("IsaSummary", "employment"),
    "other": QT_TRANSLATE_NOOP("IsaSummary", "partner"),
}
_BASES = {
    "consent": QT_TRANSLATE_NOOP("IsaSummary", "Consent of the participant"),
    "legitimate_interest": QT_TRANSLATE_NOOP("IsaSummary", "Legitimate interest"),
    "public_task": QT_TRANSLATE_NOOP("IsaSummary", "Public task"),
}
_STATUS = {
    "live": QT_TRANSLATE_NOOP("IsaSummary", "In force: the listed fields may flow."),
    "not_started": QT_TRANSLATE_NOOP(
        "IsaSummary", "Not started yet: nothing flows before the start date."
    ),
    "ended": QT_TRANSLATE_NOOP("IsaSummary", "Ended: nothing flows any more."),
    "review_overdue": QT_TRANSLATE_NOOP(
        "IsaSummary", "Review overdue: nothing flows until the agreement is reviewed."
    ),
}


@dataclass(frozen=True)
class IsaSummaryData:
    from_name: str
    from_kind: str
    to_name: str
    to_kind: str
    purpose: str
    legal_basis: str
    groups: tuple[tuple[str, tuple[str, ...]], ...]  # record type, its fields (labels)
    never: tuple[str, ...]
    starts_on: str
    review_on: str
    ends_on: str
    signed_by: str
    status: str
    overdue: bool
    as_of: str
    made_on: str


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def field_groups(names: Sequence[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Field labels grouped by record type, in vocabulary order (unknown names left out)."""
    order = {n: i for i, n in enumerate(rule.shareable_fields())}
    known = sorted((n for n in names if n in order), key=order.__getitem__)
    out = []
    for ent_name, members in itertools.groupby(known, key=lambda n: n.partition(".")[0]):
        ent = ENTITIES[ent_name]
        out.append((ent.label, tuple(ent.field(n.partition(".")[2]).label for n in members)))
    return tuple(out)


def never_shared() -> tuple[str, ...]:
    """What never flows, in words from the vocabulary."""
    out = []
    for name in sorted(rule.NEVER_SHARED):
        ent_name, _, field_name = name.partition(".")
        ent = ENTITIES.get(ent_name)
        if ent is None:
            continue
        if not field_name:
            out.append(translate("IsaSummary", "{record}: all of it").format(record=ent.label))
        elif ent.has(field_name):
            out.append(f"{ent.label}: {ent.field(field_name).label}")
    return tuple(out)


def collect_isa_summary(
    agreement: Mapping[str, Any],
    organisations: Sequence[Mapping[str, Any]],
    *,
    fetched_at: str,
    today: date | None = None,
) -> IsaSummaryData:
    """What the summary shows, from the cached agreement and organisations (``fetched_at``:
    when the cache was fetched, ISO 8601)."""
    today = today or today_local()
    orgs = {str(o["id"]): o for o in organisations}
    unknown = {"name": translate("IsaSummary", "An organisation not listed"), "kind": "other"}
    giver = orgs.get(str(agreement.get("from_organisation_id")), unknown)
    taker = orgs.get(str(agreement.get("to_organisation_id")), unknown)
    start = _day(agreement.get("starts_on"))
    status = str(agreement.get("status") or "")
    if start is not None:
        status = rule.Agreement(
            str(agreement["id"]),
            str(agreement.get("from_organisation_id")),
            str(agreement.get("to_organisation_id")),
            frozenset(agreement.get("fields") or ()),
            start,
            _day(agreement.get("review_on")),
            _day(agreement.get("ends_on")),
        ).status(today)

    def kind(org: Mapping[str, Any]) -> str:
        return translate("IsaSummary", _KINDS.get(str(org.get("kind")), _KINDS["other"]))

    basis = _BASES.get(str(agreement.get("legal_basis")))
    return IsaSummaryData(
        from_name=str(giver["name"]),
        from_kind=kind(giver),
        to_name=str(taker["name"]),
        to_kind=kind(taker),
        purpose=str(agreement.get("purpose") or ""),
        legal_basis=translate("IsaSummary", basis) if basis else str(agreement.get("legal_basis")),
        groups=field_groups(list(agreement.get("fields") or ())),
        never=never_shared(),
        starts_on=plain_date(agreement.get("starts_on")),
        review_on=plain_date(agreement.get("review_on")),
        ends_on=plain_date(agreement.get("ends_on")),
        signed_by=str(agreement.get("signed_by") or ""),
        status=translate("IsaSummary", _STATUS[status]) if status in _STATUS else status,
        overdue=status == "review_overdue",
        as_of=plain_datetime(fetched_at) if fetched_at else "",
        made_on=plain_date(today),
    )


def render_isa_summary_html(data: IsaSummaryData) -> str:
    t = translate
    title = t("IsaSummary", "Information-sharing agreement")
    between = t("IsaSummary", "{giver} ({giver_kind}) shares with {taker} ({taker_kind})").format(
        giver=data.from_name,
        giver_kind=data.from_kind,
        taker=data.to_name,
        taker_kind=data.to_kind,
    )
    groups = (
        "".join(
            f"<h3>{e(record)}</h3><p>{e(', '.join(fields))}</p>" for record, fields in data.groups
        )
        or f"<p>{e(t('IsaSummary', 'No fields are listed.'))}</p>"
    )
    never = "".join(f"<li>{e(item)}</li>" for item in data.never)
    review = data.review_on or t("IsaSummary", "No review date set")
    if data.overdue:
        review = t("IsaSummary", "OVERDUE — was due {date}").format(date=data.review_on)
    dates = [
        (t("IsaSummary", "Starts on"), data.starts_on),
        (t("IsaSummary", "Review by"), review),
        (t("IsaSummary", "Ends on"), data.ends_on or t("IsaSummary", "No end date set")),
    ]
    date_rows = "".join(
        f'<tr><td width="30%"><b>{e(k)}</b></td><td>{e(v)}</td></tr>' for k, v in dates
    )
    consent = t(
        "IsaSummary",
        "Consent narrows every agreement: nothing of a participant flows to {taker} unless "
        "their consent in force names {taker}, or a coordinator recorded an override with a "
        "reason (which is audited).",
    ).format(taker=data.to_name)
    return (
        f"<html><head>{REPORT_CSS}</head><body>"
        f"<h1>{e(title)}</h1>"
        f"<p><b>{e(between)}</b></p>"
        f"<p><b>{e(t('IsaSummary', 'Status'))}:</b> {e(data.status)}</p>"
        f"<h2>{e(t('IsaSummary', 'Purpose'))}</h2><p>{e(data.purpose)}</p>"
        f"<h2>{e(t('IsaSummary', 'Legal basis'))}</h2><p>{e(data.legal_basis)}</p>"
        f"<h2>{e(t('IsaSummary', 'What may flow'))}</h2>{groups}"
        f'<p style="margin-top: 8pt;"><i>{e(consent)}</i></p>'
        f"<h2>{e(t('IsaSummary', 'What never flows, whatever an agreement says'))}</h2>"
        f"<ul>{never}</ul>"
        f"<h2>{e(t('IsaSummary', 'Dates'))}</h2>"
        f'<table cellspacing="0" cellpadding="3">{date_rows}</table>'
        f"<h2>{e(t('IsaSummary', 'Signed by'))}</h2><p>{e(data.signed_by)}</p>"
        f"<p class='muted'>"
        + e(
            t("IsaSummary", "As the partnership server said on {when}. Made on {date}.").format(
                when=data.as_of, date=data.made_on
            )
        )
        + "</p></body></html>"
    )


def render_isa_summary(data: IsaSummaryData) -> QTextDocument:
    return make_document(
        render_isa_summary_html(data),
        title=translate("IsaSummary", "Information-sharing agreement"),
        point_size=BODY_PT,
    )


def isa_summary_pdf(data: IsaSummaryData) -> bytes:
    return pdf_bytes(
        render_isa_summary(data), title=translate("IsaSummary", "Information-sharing agreement")
    )
