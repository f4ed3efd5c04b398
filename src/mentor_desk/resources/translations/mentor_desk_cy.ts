<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name>Agreement</name>
    <message>
        <source>the participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed {when} by {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation type="unfinished">erbyn {date}</translation>
    </message>
    <message>
        <source>(due {date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree plan version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree this plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This keeps the plan as it is now — {goals} goal(s) and {steps} step(s) — as version {version}. Earlier versions stay readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They have read the plan and agree with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed by the participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed by mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed by coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed by probation practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where probation needs to agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished">Mentor</translation>
    </message>
    <message>
        <source>Coordinator (if needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probation practitioner (if needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who agreed it: the participant, the mentor or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan version {version} (as agreed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementEditor</name>
    <message>
        <source>Fields that may flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{record}: {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{record} — {n} ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change an information-sharing agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New information-sharing agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grouped by record type. Space ticks or unticks the field in focus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who signed it, for each organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared &amp;with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;gned by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fields that may flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never shared, whatever an agreement says: {things}. Nothing of a participant flows without their consent for the receiving organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the agreement on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2026-12-03 (empty: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two different organisations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what the sharing is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one field that may flow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the date it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: type a date like 2026-12-03.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving on the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is not joined to a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{record} (all of it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Assessment</name>
    <message>
        <source>None</source>
        <extracomment>The need levels in words (translated by :func:`level_words`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date (needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: {pathway}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished">Nodyn</translation>
    </message>
    <message>
        <source>Need by pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ more need than last time · ↓ less · = the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s date, levels carried over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier assessments by pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No assessment yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last time: {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new assessment — not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>— not recorded</source>
        <extracomment>The choices per person, in the order the keyboard meets them (first letters Y, L, N).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, did not come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance: {session}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For each person choose Yes, Late or No (type Y, L or N); people left at “not recorded” are not saved. Saved here, sent at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished">Cyfeirnod</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Enw</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is expected at this session yet: the people a mentor refers here appear after the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the date as {hint}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Yes, Late or No for someone first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Caseload</name>
    <message>
        <source>1 person</source>
        <translation>1 person</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} o bobl</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heddiw</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Cyfranogwr newydd</translation>
    </message>
    <message>
        <source>Register someone new (Ctrl+N)</source>
        <translation>Cofrestru rhywun newydd (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search caseload</source>
        <translation>Chwilio’r llwyth achosion</translation>
    </message>
    <message>
        <source>Searches names, references and the text of notes. Enter opens the only match; Down moves into the list.</source>
        <translation>Yn chwilio enwau, cyfeirnodau a thestun nodiadau. Mae Enter yn agor yr unig ganlyniad; mae’r saeth i lawr yn symud i’r rhestr.</translation>
    </message>
    <message>
        <source>Search names, references and notes  (Ctrl+F)</source>
        <translation>Chwilio enwau, cyfeirnodau a nodiadau  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show status</source>
        <translation>Dangos statws</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Achosion agored</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Pawb</translation>
    </message>
    <message>
        <source>Due today or overdue</source>
        <translation>Yn ddyledus heddiw neu’n hwyr</translation>
    </message>
    <message>
        <source>Only due today or overdue</source>
        <translation>Dim ond yn ddyledus heddiw neu’n hwyr</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Llwyth achosion</translation>
    </message>
    <message>
        <source>No one on your caseload yet</source>
        <translation>Does neb ar eich llwyth achosion eto</translation>
    </message>
    <message>
        <source>1 of {people} needs you today or is overdue</source>
        <translation>1 o blith {people}: angen cysylltu heddiw neu’n hwyr</translation>
    </message>
    <message>
        <source>{due} of {people} need you today or are overdue</source>
        <translation>{due} o blith {people}: angen cysylltu heddiw neu’n hwyr</translation>
    </message>
    <message>
        <source>{people} on your caseload — nothing overdue</source>
        <translation>{people} ar eich llwyth achosion — dim byd yn hwyr</translation>
    </message>
    <message>
        <source>Press Ctrl+N or “New participant” to register someone.</source>
        <translation>Pwyswch Ctrl+N neu “Cyfranogwr newydd” i gofrestru rhywun.</translation>
    </message>
    <message>
        <source>No one matches. Clear the search or choose “Everyone”.</source>
        <translation>Does neb yn cyfateb. Cliriwch y chwiliad neu dewiswch “Pawb”.</translation>
    </message>
    <message>
        <source>Showing {shown} of {total}.</source>
        <translation>Yn dangos {shown} o {total}.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Cyswllt diwethaf</translation>
    </message>
    <message>
        <source>Next contact due</source>
        <translation>Cyswllt nesaf erbyn</translation>
    </message>
    <message>
        <source>Open referrals</source>
        <translation>Atgyfeiriadau agored</translation>
    </message>
    <message>
        <source>Overdue steps</source>
        <translation>Camau hwyr</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Diogelwch</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Byth</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>1 diwrnod yn ôl</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>{days} diwrnod yn ôl</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>{title} chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckIns</name>
    <message>
        <source>Overall, how satisfied are you with your life nowadays?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall, to what extent do you feel that the things you do in your life are worthwhile?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall, how happy did you feel yesterday?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a scale where 0 is &apos;not at all anxious&apos; and 10 is &apos;completely anxious&apos;, overall, how anxious did you feel yesterday?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(0–10, where 0 is &apos;not at all&apos; and 10 is &apos;completely&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the past week, on how many days did you do 30 minutes or more of physical activity that made you breathe faster? (0–7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: Office for National Statistics, personal well-being questions (ONS4). Contains public sector information licensed under the Open Government Licence v3.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied with life</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worthwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Happy yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anxious yesterday (lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active days a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new offence since the last check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrested since the last check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recalled to custody since the last check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read each question out as written. Leave a question at “Not recorded” if they would rather not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{measure}: {values}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no check-ins yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>Done</source>
        <extracomment>The checklist&apos;s states in words (translated by :func:`state_words`).</extracomment>
        <translation type="unfinished">Wedi’i wneud</translation>
    </message>
    <message>
        <source>Arranged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subject}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{letter} for {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press {keys}; or the arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most urgent item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished">Nodyn</translation>
    </message>
    <message>
        <source>{settled} of {total} sorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {mins} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mins} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {span}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue by {span}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Someone else — already on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You, earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} — {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished">Pryd</translation>
    </message>
    <message>
        <source>Conflicts to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These fields were changed here and elsewhere before either side saw the other change. The server kept its value; choose what should stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review: every conflict is settled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or type what it should be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{participant} — {record}: {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You, on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring it back with my changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep {name}&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That value is not in the right form for this field.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>Share with other organisations in the partnership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share with their probation practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share with these services (one per line; “all services” for any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share with these partner organisations (only what a sharing agreement allows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>Kept in the referral&apos;s stored outcome note as an audit marker, so never translated.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent recorded. Nothing may be shared until it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version}: {why} Nothing may be shared about them until a new consent is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other organisations in the partnership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version}, given {given} (privacy notice {notice}, recorded by {recorder}). They agreed to share with: {whom}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version}, given {given} (privacy notice {notice}). They agreed to share with: {whom}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information-sharing consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show them the privacy notice first. Record exactly what they agreed to; leave a box unticked unless they said yes. Their record is kept on your organisation&apos;s own server whatever they choose here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that they have withdrawn their consent today? Nothing more will be shared about them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong — your work is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor Desk noted what happened in its log, without names or notes. You can carry on; if it happens again, choose Help → Copy a problem report and send it to the person who looks after Mentor Desk for your partnership.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>There is no CSV export called {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Last 3 months</source>
        <extracomment>The period filter&apos;s choices, in this order (translated where shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This calendar year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: the numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the numbers of {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the {title} chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save data (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the {title} data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard — Mentor Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save funder report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save funder report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished">Mentor</translation>
    </message>
    <message>
        <source>All mentors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group referrals and goals by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resettlement pathways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probation CRS categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard — your caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grouped by {grouping}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chart&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the funder report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the funder report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Directory</name>
    <message>
        <source>Change service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with every mentor in the partnership at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A weekly session has a day and a time; a one-off has a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry in {list}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the chosen entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity timetable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished">Pryd</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished">Cyswllt</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Another export to {name} seems to be running (found {part}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} at {time}</source>
        <extracomment>Owner read and write only: exports are as private as the store they come from. The date patterns (QLocale&apos;s): &quot;Tuesday 24 November 2026&quot;, &quot;24 November 2026&quot;, &quot;24 Nov 2026&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making a document needs the program&apos;s Qt application.</source>
        <extracomment>Type sizes in points. The plan is read by people who may not read much or see well: RNIB clear-print guidance asks for 12-14 pt at least; we use large print. QTextDocument.print_() adds its own 2 cm frame margin (and draws page numbers in it), so the page itself only needs a little: 2 mm + 2 cm = 22 mm on every side.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt did not produce a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt could not write the OpenDocument file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That participant is not in this store.</source>
        <extracomment>Referrals that did not happen are not &quot;places that can help&quot; any more.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>a new participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover the note you were writing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover the form you were filling in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover the profile changes you were making?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for {who} was not saved. It was last kept at {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” for {who} was not saved. It was last kept at {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This form cannot be opened again with what was typed: copy it from here, then open the form again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to the profile of {who} were not saved. They were last kept at {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no text yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy what was typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished">Taflu</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndOfSupport</name>
    <message>
        <source>Close support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How did each goal go? Then a short summary and why support is ending. Their record becomes read-only until someone reopens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: {goal}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment: {goal}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no goals in the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome of each goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date support ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date support ended (needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support ended {date} — {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a goal since removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close support…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How support ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support is open. When it ends, record how each goal went here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support has not ended before.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportFiles</name>
    <message>
        <source>Print the plan</source>
        <extracomment>(parent, caption, suggested file name, filter such as &quot;PDF (*.pdf)&quot;) → chosen path or None (document, parent, called once printed) → the preview dialog</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print preview of the plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action plan (&amp;PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action plan (editable, .&amp;odt)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rint plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release-day sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress summary for pro&amp;bation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Everything held about this person (ZIP)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CSV files for coordinators…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For coordinators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export or print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose someone in the caseload first, or open their record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportQuestions</name>
    <message>
        <source>Caseload</source>
        <extracomment>The shortest override reason accepted: a few words, not a single key press. The coordinator&apos;s CSV files: their name and what is in them (translated when shown).</extracomment>
        <translation type="unfinished">Llwyth achosion</translation>
    </message>
    <message>
        <source>One row per person: status, area, supervision, release date, mentor, next and last contact, goals, goals achieved and open referrals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per referral: date, service, pathway and CRS categories, kind and status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance at sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per session attended or missed: date, session, provider, minutes active and whether probation should be told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per check-in: the four wellbeing scores, active days, housing, work or training, and any new offence, arrest or recall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes of goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per goal: pathway, status, target date, and how it ended when support ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What goes on the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan shows your first name and how to reach you at work, so they can get in touch. Use a work phone or email, never a personal one. Case notes and safety flags are never on the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your work phone or email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partnership name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example 0113 496 0000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example Leeds Through the Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress summary for probation — {reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress summary for probation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their consent covers sharing this summary with their probation practitioner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {why_not} As a coordinator you can still make it, but only with a reason. The reason is printed on the summary and kept in the export log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {why_not} The summary cannot be made without their consent. Record their consent on the Consent tab if they agree, or ask a coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for making it without their consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why must probation have this without their consent?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reason for making it without their consent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason in a few words (at least {n} letters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files open in any spreadsheet. They hold no participant&apos;s name, date of birth, contact details or notes: each person appears as their reference. The caseload file names each person&apos;s mentor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonymise references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each reference is replaced by a code that is the same in every file from this computer and cannot be turned back without this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes like P-7KQ2M4XD3A stand for each person. Area, dates and mentor can still point to someone: treat the file as personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>That participant is not in this store any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still making {what}; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading what goes into {what}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out {what}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noting the export in the log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the action plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan-{reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the action plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the release-day sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what-happens-next-{reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the release-day sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the progress summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>progress-summary-{reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the progress summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress summary for probation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save everything held about this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything-held-{reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject-access file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CSV file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Mentor Desk may not write to that folder. Choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor Desk may not write to {folder}. Choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written ({reason}). Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to Mentor Desk</source>
        <translation>Croeso i Mentor Desk</translation>
    </message>
    <message>
        <source>Everything you record is kept encrypted on this computer. Choose a passphrase to lock it.</source>
        <translation>Mae popeth rydych chi’n ei gofnodi yn cael ei gadw wedi’i amgryptio ar y cyfrifiadur hwn. Dewiswch gyfrinymadrodd i’w gloi.</translation>
    </message>
    <message>
        <source>Shown on the notes you write</source>
        <translation>Yn cael ei ddangos ar y nodiadau rydych chi’n eu hysgrifennu</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Eich enw</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Cyfrinymadrodd eto</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Eich &amp;enw</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>E&amp;to</translation>
    </message>
    <message>
        <source>Keep your passphrase safe. If you forget it, the data on this computer cannot be recovered. Only a copy already shared with a partnership server can be restored.</source>
        <translation>Cadwch eich cyfrinymadrodd yn ddiogel. Os byddwch chi’n ei anghofio, does dim modd adfer y data ar y cyfrifiadur hwn. Dim ond copi sydd eisoes wedi’i rannu â gweinydd partneriaeth y mae modd ei adfer.</translation>
    </message>
    <message>
        <source>Create my encrypted store</source>
        <translation>Creu fy storfa wedi’i hamgryptio</translation>
    </message>
    <message>
        <source>Create store</source>
        <translation>Creu storfa</translation>
    </message>
    <message>
        <source>Join a partnership server instead…</source>
        <translation>Ymuno â gweinydd partneriaeth yn lle hynny…</translation>
    </message>
    <message>
        <source>Join a partnership server</source>
        <translation>Ymuno â gweinydd partneriaeth</translation>
    </message>
    <message>
        <source>Sign in to your partnership&apos;s server and keep a synced copy here</source>
        <translation>Mewngofnodi i weinydd eich partneriaeth a chadw copi wedi’i gysoni yma</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>Dydy’r ddau gyfrinymadrodd ddim yr un fath eto.</translation>
    </message>
    <message>
        <source>Type it again to confirm.</source>
        <translation>Teipiwch ef eto i gadarnhau.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wrthi’n creu…</translation>
    </message>
</context>
<context>
    <name>FormCommon</name>
    <message>
        <source>YYYY-MM-DD, for example 2026-11-23</source>
        <extracomment>How to type a date and a date-time (shown through :func:`date_hint`, :func:`datetime_hint`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM, for example 2026-11-23 09:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} (needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished">Heb ei gofnodi</translation>
    </message>
    <message>
        <source>One per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <extracomment>The partnership&apos;s other organisations (id, name), from the last sync&apos;s cache: what a consent may name in &quot;Share with these partner organisations&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} weeks ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} months ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over a year ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>Optional more work in the same operation as the save (an audit row, a status change). How to open this form again from a draft (JSON): everything but the callbacks. A form whose saving does nothing beyond the save and a refresh can be reopened from its draft as a plain RecordDialog; others offer their typed text to copy.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FunderReport</name>
    <message>
        <source>Report for funders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People supported</source>
        <extracomment>Image size on the page (document pixels: about the text width of an A4 page).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recalls reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts only: no names, no notes. Figures by pathway may count a referral or goal in more than one probation (CRS) category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone on this computer · {period} · grouped by pathway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Problem report copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a &amp;problem report</source>
        <extracomment>Written into the report itself, which stays in English like the rest of it: it is read by whoever looks after the program, next to the log.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy versions, counts and the program&apos;s log (no names or notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case notes and plans for peer mentors who support people leaving prison. Everything is kept encrypted on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: GNU Affero General Public License, version 3 or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Mentor Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Mentor Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Mentor Desk {version}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Plan version {version} agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({n} entries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared with the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not shared yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created {created}, last changed {changed}; {shared}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything recorded, newest change first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Integrity</name>
    <message>
        <source>Your data file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor Desk checked your encrypted data file and found damaged parts. What you can see now may be incomplete, and saving may fail.

Do not delete anything. If this computer syncs with a partnership server, ask your coordinator to set it up again from the server; otherwise restore the data folder from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IsaSummary</name>
    <message>
        <source>lead organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>community sport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>employment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent of the participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legitimate interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force: the listed fields may flow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started yet: nothing flows before the start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended: nothing flows any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review overdue: nothing flows until the agreement is reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{record}: all of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An organisation not listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information-sharing agreement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Join</name>
    <message>
        <source>The username or password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached at that address. Check the address and this computer&apos;s connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example https://desk.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://desk.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a partnership server</source>
        <translation type="unfinished">Ymuno â gweinydd partneriaeth</translation>
    </message>
    <message>
        <source>Everything on this computer is uploaded to the partnership&apos;s server and kept in step from then on. Your coordinator gives you the address and your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join and upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with the account your coordinator gave you, then choose a passphrase that locks the copy kept on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to local setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join and create my store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Language</source>
        <extracomment>A language is listed in its own words, so that someone who cannot read the language on screen still finds theirs: these names are never translated.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language for Mentor Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor Desk starts in this language next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While {variable} is set, it decides the language instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor Desk will use {language} next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor Desk will follow the system&apos;s language next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the language Mentor Desk uses from its next start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Mentor Desk — demo</source>
        <translation>Mentor Desk — arddangosiad</translation>
    </message>
    <message>
        <source>Caseload and open participants</source>
        <translation>Llwyth achosion a chyfranogwyr agored</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Llwyth achosion</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Wrthi’n gweithio</translation>
    </message>
    <message>
        <source>&amp;New participant…</source>
        <translation>Cyfranogwr &amp;newydd…</translation>
    </message>
    <message>
        <source>New &amp;note</source>
        <translation>N&amp;odyn newydd</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <source>&amp;Close participant</source>
        <translation>C&amp;au’r cyfranogwr</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>C&amp;loi</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Ymadael</translation>
    </message>
    <message>
        <source>&amp;Search caseload</source>
        <translation>&amp;Chwilio’r llwyth achosion</translation>
    </message>
    <message>
        <source>&amp;Caseload</source>
        <translation>&amp;Llwyth achosion</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Llwybrau byr y &amp;bysellfwrdd</translation>
    </message>
    <message>
        <source>The demo could not be prepared</source>
        <translation>Nid oedd modd paratoi’r arddangosiad</translation>
    </message>
    <message>
        <source>That record was deleted since; what was typed is kept for now.</source>
        <translation>Mae’r cofnod hwnnw wedi’i ddileu ers hynny; cedwir yr hyn a deipiwyd am y tro.</translation>
    </message>
    <message>
        <source>Your unsaved work is kept safely; it will be offered back next time.</source>
        <translation>Mae’ch gwaith heb ei gadw’n ddiogel; bydd yn cael ei gynnig yn ôl y tro nesaf.</translation>
    </message>
    <message>
        <source>Open a participant first, then press {keys}.</source>
        <translation>Agorwch gyfranogwr yn gyntaf, yna pwyswch {keys}.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>M&amp;ynd</translation>
    </message>
    <message>
        <source>Recor&amp;ds</source>
        <translation>Cofno&amp;dion</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>A&amp;llforio</translation>
    </message>
    <message>
        <source>Report&amp;s</source>
        <translation>Adroddiada&amp;u</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>Cy&amp;soni</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Cy&amp;morth</translation>
    </message>
</context>
<context>
    <name>NeedsAttention</name>
    <message>
        <source>Participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished">Pryd</translation>
    </message>
    <message>
        <source>{participant} — {record}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change that was sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes that need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept these changes. They are kept here, not lost: correct the record and send it again, or discard the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the change was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs attention: the server accepted every change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change to {participant}&apos;s {record} will not be sent to the server. This computer&apos;s copy stays as it is until the next change from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished">Taflu</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>Something went wrong talking to the server ({error}). Nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>New note</source>
        <translation>Nodyn newydd</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Cyswllt</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Date and time of the contact, in local time</source>
        <translation>Dyddiad ac amser y cyswllt, yn yr amser lleol</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ble</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Munudau</translation>
    </message>
    <message>
        <source> min</source>
        <translation> mun</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>Pathways touched</source>
        <translation>Llwybrau dan sylw</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>What happened, in plain words.</source>
        <translation>Beth ddigwyddodd, mewn geiriau plaen.</translation>
    </message>
    <message>
        <source>There is a safeguarding concern</source>
        <translation>Mae pryder diogelu</translation>
    </message>
    <message>
        <source>Safeguarding concern</source>
        <translation>Pryder diogelu</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>&amp;Munudau</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Cyswllt</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Pryd</translation>
    </message>
    <message>
        <source>Whe&amp;re</source>
        <translation>&amp;Ble</translation>
    </message>
    <message>
        <source>&amp;Pathways</source>
        <translation>&amp;Llwybrau</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nodyn</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Taflu</translation>
    </message>
    <message>
        <source>Discard note</source>
        <translation>Taflu’r nodyn</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Cadw’r nodyn</translation>
    </message>
    <message>
        <source>Save the note (Ctrl+S)</source>
        <translation>Cadw’r nodyn (Ctrl+S)</translation>
    </message>
    <message>
        <source>Change note (not shared yet)</source>
        <translation>Newid nodyn (heb ei rannu eto)</translation>
    </message>
    <message>
        <source>Draft kept safely at {time}</source>
        <translation>Drafft wedi’i gadw’n ddiogel am {time}</translation>
    </message>
    <message>
        <source>The draft could not be kept.</source>
        <translation>Doedd dim modd cadw’r drafft.</translation>
    </message>
    <message>
        <source>Discard this note?</source>
        <translation>Taflu’r nodyn hwn?</translation>
    </message>
    <message>
        <source>The text you typed will be thrown away.</source>
        <translation>Bydd y testun a deipiwyd gennych yn cael ei daflu.</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>⚠ safeguarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(1 correction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({n} corrections)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathways: {pathways}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by {author}, shared with the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by {author}, not shared yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared with the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not shared yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} by {author}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change this note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note has been shared, so it cannot be changed. Add a correction instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a correction or retract this note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraction (the note was wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should be corrected, and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the correction first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished">Nodyn newydd</translation>
    </message>
    <message>
        <source>Write a new note (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search these notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a note to read it, or write a new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnerHome</name>
    <message>
        <source>⚠ Safety: {flags}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished">Cyfeirnod</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Enw</translation>
    </message>
    <message>
        <source>Safety flags to know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sessions your organisation runs, and the people who come. This computer holds only what the sharing agreement and each person&apos;s consent allow: their reference, the name they go by and the safety flags you need to know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished">Pryd</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees of the chosen session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take attendance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take attendance at the chosen session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Works offline; sent at the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions of your organisation are in the timetable yet; the lead organisation&apos;s coordinator adds them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees of {session}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} people, {flagged} with safety flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has attendance at this session yet. The people a mentor records here appear after the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {flags}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sessions and referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Referral inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on a partner&apos;s computer: it holds only the reference, the name they go by and the safety flags you need to know of the people at your sessions, so the mentor&apos;s screens do not open here.</source>
        <extracomment>The store is a partner organisation&apos;s (issue 15): the partner&apos;s home shows instead of the caseload, and the mentor&apos;s screens do not open.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Partnership</name>
    <message>
        <source>The partnership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations and what they offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Statws</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreements between the organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New agreement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change agreement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partnership needs a server. This profile is kept on this computer only: join a partnership server (File → Join a partnership server…) to see the organisations and the agreements between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync once to see the partnership (Sync → Sync now, F5). It is then kept on this computer and shown here even without a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of {time} (the last sync that reached the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreements are kept by the administrator or a coordinator of the lead organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An organisation not listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No review date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Overdue: was due {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No services or sessions listed on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No organisations yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the agreement&apos;s summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>information-sharing-agreement.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead organisation (the mentors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community sport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legitimate interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation type="unfinished">Heb ddechrau eto</translation>
    </message>
    <message>
        <source>Ended — nothing flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Review overdue — nothing flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Partnership…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Use at least 10 characters. A few unrelated words work well.</source>
        <translation>Defnyddiwch o leiaf 10 nod. Mae ychydig o eiriau digyswllt yn gweithio’n dda.</translation>
    </message>
    <message>
        <source>Too short: {n} more characters needed.</source>
        <translation>Rhy fyr: mae angen {n} nod arall.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Cryf.</translation>
    </message>
    <message>
        <source>Too easy to guess: it repeats the same few characters.</source>
        <translation>Rhy hawdd ei ddyfalu: mae’n ailadrodd yr un ychydig nodau.</translation>
    </message>
    <message>
        <source>Fair. Longer is stronger: add another word.</source>
        <translation>Gweddol. Mae hirach yn gryfach: ychwanegwch air arall.</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>✓ done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree this plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree this plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the chosen agreed version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Statws</translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the chosen goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What progressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews of the chosen goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New goal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change goal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the chosen goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the goal up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the goal down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the chosen step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done / not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the chosen step done or not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the step up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the step down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review this goal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the chosen goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan version {version} agreed {when} — changed since; agree again to make a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan version {version} agreed {when} — nothing changed since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This plan has not been agreed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps towards “{goal}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the goal in their own words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step towards “{goal}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How is “{goal}” going?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanPdf</name>
    <message>
        <source>Not started yet</source>
        <translation>Heb ddechrau eto</translation>
    </message>
    <message>
        <source>Working on it</source>
        <translation>Wrthi’n gweithio arno</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi’i wneud</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Wedi stopio</translation>
    </message>
    <message>
        <source>your mentor</source>
        <translation>eich mentor</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Fi</translation>
    </message>
    <message>
        <source>A partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Appointment with probation</source>
        <translation>Apwyntiad gyda’r gwasanaeth prawf</translation>
    </message>
    <message>
        <source>Meet {mentor}</source>
        <translation>Cwrdd â {mentor}</translation>
    </message>
    <message>
        <source>{mentor} will be in touch</source>
        <translation>Bydd {mentor} mewn cysylltiad</translation>
    </message>
    <message>
        <source>Check how it is going with {service}</source>
        <translation>Gweld sut mae pethau’n mynd gyda {service}</translation>
    </message>
    <message>
        <source>with {mentor}</source>
        <translation>gyda {mentor}</translation>
    </message>
    <message>
        <source>Why it matters to me:</source>
        <translation>Pam mae’n bwysig i mi:</translation>
    </message>
    <message>
        <source>Aiming for {date}</source>
        <translation>Anelu at {date}</translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation>erbyn {date}</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Y camau nesaf</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Ffôn:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Cyfeiriad:</translation>
    </message>
    <message>
        <source>Open:</source>
        <translation>Ar agor:</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>Gwefan:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-bost:</translation>
    </message>
    <message>
        <source>Nothing booked yet. {mentor} will be in touch.</source>
        <translation>Dim byd wedi’i drefnu eto. Bydd {mentor} mewn cysylltiad.</translation>
    </message>
    <message>
        <source>Goals I have reached</source>
        <translation>Nodau rydw i wedi’u cyrraedd</translation>
    </message>
    <message>
        <source>None yet. Ask your mentor about places that can help.</source>
        <translation>Dim eto. Gofynnwch i’ch mentor am lefydd sy’n gallu helpu.</translation>
    </message>
    <message>
        <source>for {name}</source>
        <translation>ar gyfer {name}</translation>
    </message>
    <message>
        <source>{mentor} works with {partnership}.</source>
        <translation>Mae {mentor} yn gweithio gyda {partnership}.</translation>
    </message>
    <message>
        <source>This plan is yours. If something is wrong or changes, tell {mentor}.</source>
        <translation>Eich cynllun chi yw hwn. Os oes rhywbeth yn anghywir neu’n newid, dywedwch wrth {mentor}.</translation>
    </message>
    <message>
        <source>ask at your next meeting</source>
        <translation>gofynnwch yn eich cyfarfod nesaf</translation>
    </message>
    <message>
        <source>My plan</source>
        <translation>Fy nghynllun</translation>
    </message>
    <message>
        <source>My mentor:</source>
        <translation>Fy mentor:</translation>
    </message>
    <message>
        <source>How to contact {mentor}:</source>
        <translation>Sut i gysylltu â {mentor}:</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>Ar y gweill</translation>
    </message>
    <message>
        <source>My goals</source>
        <translation>Fy nodau</translation>
    </message>
    <message>
        <source>Places that can help</source>
        <translation>Llefydd sy’n gallu helpu</translation>
    </message>
    <message>
        <source>Made on {date}.</source>
        <translation>Gwnaed ar {date}.</translation>
    </message>
</context>
<context>
    <name>Preparing</name>
    <message>
        <source>Preparing the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventing a caseload of sample people. This takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo preparation progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProbationSummary</name>
    <message>
        <source>Wellbeing scores use the ONS personal well-being questions (0 to 10; for anxiety, lower is better). Source: Office for National Statistics, Crown copyright, licensed under the Open Government Licence v3.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress summary for probation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why} The summary can only be made with their consent, or by a coordinator who records a reason for overriding it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pathway} (CRS: {categories})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 session: {attended} attended, {late} late, {missed} missed; {minutes} minutes active in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sessions} sessions: {attended} attended, {late} late, {missed} missed; {minutes} minutes active in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new offence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(goal no longer held)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Enw</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished">Cyfeirnod</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probation practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished">Mentor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Statws</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>The tables&apos; column headings (translated by :func:`_headers`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worthwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anxious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work or training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period {start} to {end} · made {today}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made without the participant&apos;s consent to share with probation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinator&apos;s reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance at activity sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked to be passed on to probation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals and their status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status changes in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals and outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>About them</source>
        <extracomment>Section headings (translated where shown) and their fields.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release and supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, for example 2026-11-23</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One warning per line, for example: meet in public places only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a coordinator can change this</source>
        <extracomment>Shown by coordinator-owned fields a joined mentor cannot change (see :func:`owned_hint`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} (needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, for example 1988-06-14</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New participant</source>
        <translation type="unfinished">Cyfranogwr newydd</translation>
    </message>
    <message>
        <source>Fields marked (needed) must be filled in. Everything else can wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsMenu</name>
    <message>
        <source>&amp;Release-day mode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;attendance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service &amp;directory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity time&amp;table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For coordinators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose someone in the caseload first, then press {keys}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralInbox</name>
    <message>
        <source>Accepted on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended (recorded {date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished">Cyfeirnod</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Enw</translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals to your services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept, decline (say why) or record that they attended. Your answer and reply go back to their mentor at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No referrals to your services yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the chosen referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept, decline or record attended (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} referrals, {waiting} not answered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the referral of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({reference}) — {service}, referred on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept: we can take them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decline (say why below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ttended: they came to the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reply to the mentor (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to the mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed when you decline: the reason goes back to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is needed to decline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short reply is optional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for declining (needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why you are declining.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the reply under {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReleaseDay</name>
    <message>
        <source>We met them at release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When we met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is more than a year ago (check it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is more than two years away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is before the release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is filled in, but &apos;We met them&apos; is not ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record another release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new release-day record (after a recall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save release day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First probation appointment — the most urgent thing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new release — not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not booked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probation appointment {countdown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not fixed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next meeting with the mentor: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist — {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some details need a look (see the messages in red).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release-day mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the “what happens next” sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the what happens next sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A one-page PDF for them: appointment, where to stay, next meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close release-day mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release day — {name} ({reference})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Safety: {flags}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReleaseSheet</name>
    <message>
        <source>Sorted.</source>
        <extracomment>One page at A4 needs a little less than the plan&apos;s size; still large print.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arranged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sorted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no release-day record for this person yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call {mentor} straight away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be arranged — ask probation or your mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be arranged — {mentor} will call you to fix a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ask at reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probation practitioner: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mentor} (my mentor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your mentor to add the numbers you need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for {name}</source>
        <translation type="unfinished">ar gyfer {name}</translation>
    </message>
    <message>
        <source>released {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you are stuck or something changes, call {mentor}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Next time I see {mentor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Go to probation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Where I am staying tonight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made on {date}.</source>
        <translation type="unfinished">Gwnaed ar {date}.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Nothing recorded for these filters</source>
        <extracomment>Charts saved as images (reports, printing) are always on white.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (of 7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants by status</source>
        <extracomment>Figure name → (title, one sentence on what it counts), in dashboard order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone in the filters, by their status today (the period does not apply).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes of real contact each week (not tries that did not reach them), and how many different people were seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals by pathway and outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals made in the period, by what they were for and where they stand now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals set and achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals set in the period, and goals reached in the period, by what they are about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average wellbeing scores (0 to 10; for anxiety lower is better) and days active in the last week (0 to 7), by month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reoffending and recalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New offences, arrests and recalls reported at check-ins, and supports ended by a recall to custody, by month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wellbeing scores use the ONS personal well-being questions. Source: Office for National Statistics, Crown copyright, licensed under the Open Government Licence v3.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRS category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Life satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worthwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Happiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anxiety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New offences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support ended by recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: nothing recorded for these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {rows} rows; see the numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {total} {what} in {rows} rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskAssessment</name>
    <message>
        <source>Risk assessment review due {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>The fields only a coordinator changes once the assessment is saved.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risks to the mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risks to others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triggers to avoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where meetings may take place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meet in pairs only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety flags it raises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of those, session leaders may see</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <source>Tell probation about poor behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell probation about a concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished">Munudau</translation>
    </message>
    <message>
        <source>How they engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell probation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record attendance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record attendance at a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Life</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anxious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offence/arrest/recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New check-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(session no longer listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timetable has no sessions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Attended for each person expected; the others are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes active: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How they engaged: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timetable has no sessions yet (a coordinator adds them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Attended for at least one person.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>{what}: {titles}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a new participant</source>
        <extracomment>Stands in :data:`_LIST` for the row of the tabs&apos; (or the menus&apos;) Alt letters.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a new note for the open participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the caseload (names, references, notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the note, profile or form you are editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the participant you are looking at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock Mentor Desk now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the participant chosen in the caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release-day mode for the chosen or open participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record attendance for a whole activity session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team view of every caseload (coordinators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the plan of the chosen or open participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard: charts of the caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabs of an open participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close a form (asks first when something is not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with the partnership server now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <extracomment>The Help list in English: what docs/ui.md shows and the tests compare with the window.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInAgain</name>
    <message>
        <source>That account is not the one this profile belongs to. Sign in with your own username, or ask your coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at {url} no longer knows this computer (it was signed out). Sign in again to go on sharing; everything waiting is kept and sent afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Signposting</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who can use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to refer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refer to {service}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for going ahead without consent (coordinators only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinator&apos;s reason for going ahead without consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As a coordinator you may go ahead: give your reason below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record new consent first, ask a coordinator, or choose “signposted” (just giving them the details).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This referral needs their consent or a coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for going ahead without consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search services by words, e.g. housing, boxing, debt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the chosen service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refer to the chosen service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two steps: Refer, Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a service to the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the chosen service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals for this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Statws</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change referral…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the chosen referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(service no longer listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted by the service on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined by the service on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended, the service said on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} — due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubjectAccess</name>
    <message>
        <source>Everything Mentor Desk holds about one person on this computer.

records/   one JSON file per type of record (participant, release day, goals, notes, ...).
           Each record has its id, when it was made and changed, and its fields; records
           marked &quot;deleted&quot;: true are waiting to be purged.
local/     things kept only on this computer: unsaved drafts, sync conflicts, changes the
           server refused or has not received yet, and the log of earlier exports.
related/   entries of the shared service directory and session timetable that their
           records point to (these are not about the person).
summary.pdf  the same records, to read.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything held about this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved drafts</source>
        <extracomment>The files kept only on this computer, as the summary names them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the server refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference {reference} · made {stamp} (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last changed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(see {file})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft ({kind}, {when})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>{n} change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} change waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} changes waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} minute ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} minutes ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} hour ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} hours ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on {day} {month}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is not joined to a partnership server; everything stays here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you join one (File menu), {changes} will be shared with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local only — kept on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data — {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talking to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your changes. You can keep working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving changes. You can keep working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing {done} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — {waiting}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Nothing is lost: changes are kept on this computer and sent when the connection is back. Press F5 to try now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced — will try again ({waiting})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced — will try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of the server — {waiting}, kept safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again (Sync menu) to go on sharing. Nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped — {waiting}, kept safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet — {waiting}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced {ago}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced {date} at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status} — {waiting}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes that need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} conflict needs a look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} conflicts need a look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} change needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} changes need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing with the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing your records with the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This first sync can take a few minutes. You can keep working meanwhile: the status bar shows how far it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First sync step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your changes: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving records: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {changes}, received {records}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first sync has not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor Desk keeps syncing in the background from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncWiring</name>
    <message>
        <source>Sync warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts to review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes that need &amp;attention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join a partnership server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is not joined to a server: File → Join a partnership server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer was disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped to ask you something.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asks to remove many records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer would remove {doomed} of the {total} records on this computer. That can be right (for example after a big reassignment), or a sign that something went wrong on the server.

If you are not sure, choose Stop and ask your coordinator. Nothing has been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncWording</name>
    <message>
        <source>Shared directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A participant no longer on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted or kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{record} “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept, with these values:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <extracomment>The author of this person&apos;s own value. Kept in English in the rows (a row says &quot;You&quot; for the person using this computer); :func:`author_text` shows it in the program&apos;s language.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else</source>
        <extracomment>Who sent the losing value (&quot;You&quot; when it was this person) and who wrote the kept one (&quot;&quot; when the server did not say: an older server, or a conflict not yet listed).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server found something wrong with the values</source>
        <extracomment>Why the server refused a change, by the reason code it sent (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to make this change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not have this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You no longer have access to this participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>&amp;Overview</source>
        <translation>Tr&amp;osolwg</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Nodiadau</translation>
    </message>
    <message>
        <source>&amp;Release day</source>
        <translation>Diwrnod &amp;rhyddhau</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>&amp;Asesiad</translation>
    </message>
    <message>
        <source>Risk assess&amp;ment</source>
        <translation>Asesiad risg g&amp;weithio’n unig</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Cynllun</translation>
    </message>
    <message>
        <source>Signpos&amp;ting</source>
        <translation>Cyf&amp;eirio</translation>
    </message>
    <message>
        <source>Sessions &amp;&amp; chec&amp;k-ins</source>
        <translation>Sesiynau &amp;&amp; &amp;gwiriadau</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>Can&amp;iatâd</translation>
    </message>
    <message>
        <source>&amp;End of support</source>
        <translation>Diwedd cymor&amp;th</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>&amp;Hanes</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Some fields need a look: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong ({error}). Nothing was lost; try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>Reassign {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({reference}) is with {mentor} now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their records move to the new mentor at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other mentor is known yet (they appear after a sync).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished">Mentor</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished">Cyfeirnod</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Enw</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Statws</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue steps</source>
        <translation type="unfinished">Camau hwyr</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign the chosen person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the team view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished">Pawb</translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{open} open cases, 1 mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{open} open cases, {mentors} mentors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing {shown} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Unlock</name>
    <message>
        <source>Let this computer unlock me</source>
        <translation>Gadael i’r cyfrifiadur hwn fy natgloi</translation>
    </message>
    <message>
        <source>Keeps the key in this computer&apos;s keychain</source>
        <translation>Yn cadw’r allwedd yng nghadwyn allweddi’r cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Mentor Desk is locked</source>
        <translation>Mae Mentor Desk wedi’i gloi</translation>
    </message>
    <message>
        <source>Type your passphrase to open your caseload.</source>
        <translation>Teipiwch eich cyfrinymadrodd i agor eich llwyth achosion.</translation>
    </message>
    <message>
        <source>This is a demo with invented people. The passphrase is: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Demo yw hwn gyda phobl ddychmygol. Y cyfrinymadrodd yw: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Demo passphrase: {0}</source>
        <translation>Cyfrinymadrodd y demo: {0}</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wrthi’n datgloi…</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Teipiwch eich cyfrinymadrodd yn gyntaf.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Today</source>
        <translation type="unfinished">Heddiw</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Reopen support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this record editable again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support has ended ({reason}). Everything is read-only until support is reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export or print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Safety: {flags}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes to the profile (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo profile changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered changes, not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next contact: {when} (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next contact: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step due {when}: {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up the referral made {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts of the record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
