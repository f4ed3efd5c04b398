<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
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
    <name>MainWindow</name>
    <message>
        <source>Caseload</source>
        <translation>Llwyth achosion</translation>
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
        <extracomment>Referrals that did not happen are not &quot;places that can help&quot; any more.</extracomment>
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
</TS>
