"""Made-up words for rehearsal answers (each kind's ``rehearsal`` value draws on them)."""

from __future__ import annotations

import datetime as _dt

REHEARSAL_START = _dt.datetime(2026, 1, 12, 9, 30, tzinfo=_dt.UTC)
"""When the first rehearsal file is stamped as made (the rest follow over a fortnight)."""

LEARNED = [
    "Spread is a social process: the relationships matter as much as the evidence.",
    "Adopting teams will change what we give them, and that is a good sign, not a failure.",
    "I had been pushing our new discharge checklist at people instead of asking what they need.",
    "A plan is still useful, but I need to leave room for what we cannot predict.",
    "The people who connect teams are often invisible, and they need recognising.",
    "It helps to start from the problem people already feel, not from our solution.",
    "Small, safe conversations across boundaries moved things faster than formal meetings.",
    "Learning from the second and third sites matters as much as the first pilot.",
    "Our care homes see the same change very differently from the hospital team.",
    "I can lead this without being in charge of everyone involved.",
]
PRACTICE = [
    "I will ask the ward teams what would make the new pathway worth their time.",
    "I will book a monthly huddle with the district nurses to hear what is not working.",
    "I will share our early results with the voluntary sector partners before the board.",
    "I will stop sending long updates and start short conversations instead.",
    "I will map who already connects our GP practices and invite them in early.",
    "I will write down what each site changes, so the next site can learn from it.",
    "I will ask a carer to help us explain the benefit in plain words.",
    "I will make time in team meetings to say what went wrong as well as what went well.",
]
REFLECTION = [
    "We are spreading a virtual ward model for frail older people across three places.",
    "A falls-prevention programme that worked in one care home group stalled in the next.",
    "Our community pharmacy scheme relies on two enthusiastic people and little else.",
    "The digital referral form saved time in outpatients but nobody owned it elsewhere.",
    "A social prescribing link-worker role that grew out of a local charity partnership.",
    "Paramedics in one area started a new frailty assessment, and others want to try it.",
    "The new wound-care pathway stalled when the practice nurse who led it moved on.",
    "Families told us the hospital discharge letters made no sense, so we co-wrote new ones.",
    "Our mental health crisis café works because local people run it with us.",
    "A shared care record pilot that clinicians liked but managers never funded.",
    "We tried to copy another trust's sepsis tool exactly and it did not fit our wards.",
    "Community connectors in the voluntary sector reach people our clinics never see.",
]
ROW_TEXT = [
    "Practice manager at a GP surgery",
    "Lead nurse for the care home team",
    "Volunteer coordinator at a local charity",
    "Consultant who chairs the frailty network",
    "Pharmacist in the primary care network",
    "Carer who sits on our patient panel",
    "Social worker in the hospital discharge team",
    "Digital lead at the integrated care board",
]
ACTIONS = [
    ("Meet the care home managers to hear their concerns", "Me and the lead nurse"),
    ("Invite two adopting sites to a shared learning session", "Our improvement team"),
    ("Write a one-page story of the benefit for families", "Me with the patient panel"),
    ("Ask the network chair for ten minutes at the next meeting", "Me"),
    ("Find out who already links the GP practices", "Practice manager"),
    ("Set up a simple log of what each site adapts", "Project support officer"),
]
