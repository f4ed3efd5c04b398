"""The partner's laptop (issue 15): a session leader's or service worker's own screens.

``home`` is what the main window shows a partner instead of the caseload (My sessions and
their attendees, the Referral inbox); ``attendance`` takes attendance at the pitch,
offline; ``inbox`` answers the referrals sent to the partner's services. The reads and
writes behind them are ``store/partner.py``.
"""
