<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>create a giveaway</source>
        <translation>eine Verlosung erstellen</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>The Cashu protocol</source>
        <translation>Das Cashu-Protokoll</translation>
    </message>
    <message>
        <source>NUT specifications</source>
        <translation>NUT-Spezifikationen</translation>
    </message>
    <message>
        <source>About Nutdesk</source>
        <translation>Über Nutdesk</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Nutdesk&lt;/h2&gt;&lt;p&gt;Version {0}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Nutdesk&lt;/h2&gt;&lt;p&gt;Version {0}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A desktop Cashu ecash wallet and merchant point-of-sale console.&lt;/p&gt;&lt;p&gt;Released under the {0} licence: free to use, copy, change and share, without warranty.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine Desktop-Wallet für Cashu-Ecash und eine Kasse für Händler.&lt;/p&gt;&lt;p&gt;Veröffentlicht unter der Lizenz {0}: frei zu nutzen, zu kopieren, zu ändern und weiterzugeben, ohne Gewährleistung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Run the command again with --debug for the details, and please report it.</source>
        <translation>Führen Sie den Befehl mit --debug erneut aus, um die Einzelheiten zu sehen, und melden Sie den Fehler bitte.</translation>
    </message>
    <message>
        <source>the amount</source>
        <translation>der Betrag</translation>
    </message>
    <message>
        <source>the unit</source>
        <translation>die Einheit</translation>
    </message>
    <message>
        <source>the inputs</source>
        <translation>die Inputs</translation>
    </message>
    <message>
        <source>the outputs</source>
        <translation>die Outputs</translation>
    </message>
    <message>
        <source>The ecash of this quote was already minted.</source>
        <translation>Das Ecash dieses Angebots wurde schon ausgegeben.</translation>
    </message>
    <message>
        <source>Check your balance: nothing more to do.</source>
        <translation>Prüfen Sie Ihr Guthaben: Es ist nichts mehr zu tun.</translation>
    </message>
    <message>
        <source>This mint does not issue ecash at the moment.</source>
        <translation>Diese Mint gibt zurzeit kein Ecash aus.</translation>
    </message>
    <message>
        <source>Try again later, or use another mint.</source>
        <translation>Versuchen Sie es später noch einmal oder nutzen Sie eine andere Mint.</translation>
    </message>
    <message>
        <source>The mint is still working on this quote.</source>
        <translation>Die Mint bearbeitet dieses Angebot noch.</translation>
    </message>
    <message>
        <source>Wait a moment, then try again.</source>
        <translation>Warten Sie einen Moment und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>This invoice was already paid.</source>
        <translation>Diese Rechnung wurde schon bezahlt.</translation>
    </message>
    <message>
        <source>Nothing more to pay: see History.</source>
        <translation>Es ist nichts mehr zu bezahlen: siehe Verlauf.</translation>
    </message>
    <message>
        <source>{0}: restored 0 {1}: the notes found (if any) were all spent already.</source>
        <translation>{0}: 0 {1} wiederhergestellt: Die gefundenen Noten (falls es welche gab) waren alle schon ausgegeben.</translation>
    </message>
    <message>
        <source>the request</source>
        <translation>die Anfrage</translation>
    </message>
    <message>
        <source>the mint</source>
        <translation>die Mint</translation>
    </message>
    <message>
        <source>Nothing is lost: Nutdesk keeps the operation and finishes it when the mint answers (see Recovery, or &apos;nutdesk failed list&apos;).</source>
        <translation>Nichts ist verloren: Nutdesk bewahrt den Vorgang auf und schließt ihn ab, sobald die Mint antwortet (siehe Wiederherstellung oder &apos;nutdesk failed list&apos;).</translation>
    </message>
    <message>
        <source>This ecash was already spent: someone claimed it, or it was received before</source>
        <translation>Dieses Ecash wurde schon ausgegeben: Jemand hat es eingelöst, oder es wurde schon einmal empfangen</translation>
    </message>
    <message>
        <source>If you sent it, it has been claimed; otherwise ask the sender for a new token.</source>
        <translation>Wenn Sie es gesendet haben, wurde es eingelöst; sonst bitten Sie den Absender um ein neues Token.</translation>
    </message>
    <message>
        <source>The invoice has not been paid yet</source>
        <translation>Die Rechnung ist noch nicht bezahlt</translation>
    </message>
    <message>
        <source>Pay it, then try again.</source>
        <translation>Bezahlen Sie sie und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>The quote expired before it was paid</source>
        <translation>Das Angebot ist abgelaufen, bevor es bezahlt wurde</translation>
    </message>
    <message>
        <source>Create a new invoice.</source>
        <translation>Erstellen Sie eine neue Rechnung.</translation>
    </message>
    <message>
        <source>Nothing was spent.</source>
        <translation>Es wurde nichts ausgegeben.</translation>
    </message>
    <message>
        <source>Nothing is lost: the operation is kept and settled when the mint answers.</source>
        <translation>Nichts ist verloren: Der Vorgang wird aufbewahrt und abgeschlossen, sobald die Mint antwortet.</translation>
    </message>
    <message>
        <source>Paste a Cashu token (it starts with &apos;cashuA&apos; or &apos;cashuB&apos;).</source>
        <translation>Fügen Sie ein Cashu-Token ein (es beginnt mit &apos;cashuA&apos; oder &apos;cashuB&apos;).</translation>
    </message>
    <message>
        <source>Choose a smaller amount, another mint, or receive more first.</source>
        <translation>Wählen Sie einen kleineren Betrag oder eine andere Mint, oder empfangen Sie zuerst mehr.</translation>
    </message>
    <message>
        <source>The shop&apos;s database did not answer, so nothing was recorded and no payment was taken</source>
        <translation>Die Datenbank des Ladens hat nicht geantwortet: Es wurde nichts gebucht und keine Zahlung angenommen</translation>
    </message>
    <message>
        <source>Check the database server and the network; the till works again as soon as it answers.</source>
        <translation>Prüfen Sie den Datenbankserver und das Netzwerk; die Kasse arbeitet wieder, sobald er antwortet.</translation>
    </message>
    <message>
        <source>The wallet file could not be read or written</source>
        <translation>Die Wallet-Datei konnte nicht gelesen oder geschrieben werden</translation>
    </message>
    <message>
        <source>Check the free disk space and the permissions of the data directory.</source>
        <translation>Prüfen Sie den freien Speicherplatz und die Zugriffsrechte des Datenverzeichnisses.</translation>
    </message>
    <message>
        <source>Check the path and its permissions.</source>
        <translation>Prüfen Sie den Pfad und seine Zugriffsrechte.</translation>
    </message>
    <message>
        <source>{0}: restored {1:,} {2} of unspent ecash.</source>
        <translation>{0}: {1:,} {2} an nicht ausgegebenem Ecash wiederhergestellt.</translation>
    </message>
    <message>
        <source>Check the address and the network, or try again when the mint is back online.</source>
        <translation>Prüfen Sie die Adresse und das Netzwerk, oder versuchen Sie es erneut, wenn die Mint wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Enter an amount of at least 1.</source>
        <translation>Geben Sie einen Betrag von mindestens 1 ein.</translation>
    </message>
    <message>
        <source>Correct it and try again.</source>
        <translation>Korrigieren Sie das und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>This token is incomplete or damaged</source>
        <translation>Dieses Token ist unvollständig oder beschädigt</translation>
    </message>
    <message>
        <source>Copy the whole token again (from &apos;cashuA&apos; or &apos;cashuB&apos; to its last character) and paste it in one piece.</source>
        <translation>Kopieren Sie das ganze Token noch einmal (von &apos;cashuA&apos; oder &apos;cashuB&apos; bis zum letzten Zeichen) und fügen Sie es in einem Stück ein.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({0}: {1}).</source>
        <translation>Etwas Unerwartetes ist schiefgegangen ({0}: {1}).</translation>
    </message>
    <message>
        <source>the {0}</source>
        <translation>das Feld {0}</translation>
    </message>
    <message>
        <source>The mint at {0} did not answer, so the outcome is not known yet</source>
        <translation>Die Mint unter {0} hat nicht geantwortet, daher ist das Ergebnis noch nicht bekannt</translation>
    </message>
    <message>
        <source>{0} must be more than {1}</source>
        <translation>{0} muss größer als {1} sein</translation>
    </message>
    <message>
        <source>The mint refused the request: {0}</source>
        <translation>Die Mint hat die Anfrage abgelehnt: {0}</translation>
    </message>
    <message>
        <source>{0} must be at least {1}</source>
        <translation>{0} muss mindestens {1} sein</translation>
    </message>
    <message>
        <source>The mint at {0} did not answer within {1}; nothing was changed</source>
        <translation>Die Mint unter {0} hat nicht innerhalb von {1} geantwortet; es wurde nichts geändert</translation>
    </message>
    <message>
        <source>Could not reach the mint at {0}; nothing was sent</source>
        <translation>Die Mint unter {0} war nicht erreichbar; es wurde nichts gesendet</translation>
    </message>
    <message>
        <source>{0} must be at most {1}</source>
        <translation>{0} darf höchstens {1} sein</translation>
    </message>
    <message>
        <source>Outcome not known yet</source>
        <translation>Ergebnis noch nicht bekannt</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>Falsches Passwort</translation>
    </message>
    <message>
        <source>Already done</source>
        <translation>Bereits erledigt</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Das geht nicht</translation>
    </message>
    <message>
        <source>Operation failed</source>
        <translation>Vorgang fehlgeschlagen</translation>
    </message>
    <message>
        <source>Start Nutdesk with --debug for the details, and please report it.</source>
        <translation>Starten Sie Nutdesk mit --debug, um die Einzelheiten zu sehen, und melden Sie den Fehler bitte.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>Unlock Nutdesk</source>
        <translation>Nutdesk entsperren</translation>
    </message>
    <message>
        <source>This wallet is protected by a password.</source>
        <translation>Diese Wallet ist durch ein Passwort geschützt.</translation>
    </message>
    <message>
        <source>Remember it in the system keyring (no prompt at start)</source>
        <translation>Im Schlüsselbund des Systems speichern (keine Abfrage beim Start)</translation>
    </message>
    <message>
        <source>Wrong password, try again.</source>
        <translation>Falsches Passwort, bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>Nutdesk {0}</source>
        <translation>Nutdesk {0}</translation>
    </message>
    <message>
        <source> — demo (FakeWallet mint, not real money)</source>
        <translation> — Demo (FakeWallet-Mint, kein echtes Geld)</translation>
    </message>
    <message>
        <source>Ctrl+{0}</source>
        <translation>Strg+{0}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Nutdesk</source>
        <translation>Ü&amp;ber Nutdesk</translation>
    </message>
    <message>
        <source>an answer</source>
        <translation>eine Antwort</translation>
    </message>
    <message>
        <source>{0}: still waiting for {1} ({2:.0f} s)…</source>
        <translation>{0}: warte weiterhin auf {1} ({2:.0f} s)…</translation>
    </message>
    <message>
        <source>History (CSV)…</source>
        <translation>Verlauf (CSV)…</translation>
    </message>
    <message>
        <source>Report figures (CSV)…</source>
        <translation>Berichtszahlen (CSV)…</translation>
    </message>
    <message>
        <source>Report figures (JSON)…</source>
        <translation>Berichtszahlen (JSON)…</translation>
    </message>
    <message>
        <source>Accounting ledger (Beancount)…</source>
        <translation>Buchhaltungsjournal (Beancount)…</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>PDF-Bericht…</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>Letzte 12 Wochen</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Pro Tag</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Pro Woche</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Pro Monat</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Sortiment</translation>
    </message>
    <message>
        <source>sat</source>
        <translation>sat</translation>
    </message>
    <message>
        <source>Enter the amount in sat</source>
        <translation>Betrag in sat eingeben</translation>
    </message>
    <message>
        <source>Enter the amount in the shop&apos;s currency</source>
        <translation>Betrag in der Währung des Shops eingeben</translation>
    </message>
    <message>
        <source>No exchange rate source: enter sat</source>
        <translation>Keine Wechselkursquelle: in sat eingeben</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Memo / order reference (optional)</source>
        <translation>Notiz / Bestellreferenz (optional)</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Kassieren</translation>
    </message>
    <message>
        <source>Show the payment QR (Enter; digits type)</source>
        <translation>Zahlungs-QR-Code zeigen (Enter; Ziffern tippen)</translation>
    </message>
    <message>
        <source>Tip:</source>
        <translation>Trinkgeld:</translation>
    </message>
    <message>
        <source>No tip</source>
        <translation>Kein Trinkgeld</translation>
    </message>
    <message>
        <source>Custom tip</source>
        <translation>Eigenes Trinkgeld</translation>
    </message>
    <message>
        <source>custom </source>
        <translation>eigenes </translation>
    </message>
    <message>
        <source>Recent sales</source>
        <translation>Letzte Verkäufe</translation>
    </message>
    <message>
        <source>Receipt / refund</source>
        <translation>Beleg / Rückerstattung</translation>
    </message>
    <message>
        <source>The selected sale&apos;s receipt</source>
        <translation>Der Beleg des ausgewählten Verkaufs</translation>
    </message>
    <message>
        <source>items {0:,} {1}</source>
        <translation>Artikel {0:,} {1}</translation>
    </message>
    <message>
        <source> + this amount</source>
        <translation> + dieser Betrag</translation>
    </message>
    <message>
        <source>Fiat values use the exchange rate recorded when each entry happened</source>
        <translation>Fiat-Werte verwenden den Wechselkurs, der zum Zeitpunkt jedes Eintrags galt</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Show in:</source>
        <translation>Anzeigen in:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No operations in this period. Pick a longer period above, or receive ecash (Receive, Ctrl+2): the charts fill in as the wallet is used.</source>
        <translation>Keine Vorgänge in diesem Zeitraum. Wählen Sie oben einen längeren Zeitraum oder empfangen Sie Ecash (Empfangen, Strg+2): Die Diagramme füllen sich, während die Wallet benutzt wird.</translation>
    </message>
    <message>
        <source>{0:,} operations</source>
        <translation>{0:,} Vorgänge</translation>
    </message>
    <message>
        <source>received {0:,} {1}</source>
        <translation>empfangen {0:,} {1}</translation>
    </message>
    <message>
        <source>sent {0:,}</source>
        <translation>gesendet {0:,}</translation>
    </message>
    <message>
        <source>paid {0:,}</source>
        <translation>bezahlt {0:,}</translation>
    </message>
    <message>
        <source>fees {0:,}</source>
        <translation>Gebühren {0:,}</translation>
    </message>
    <message>
        <source>sales {0:,}</source>
        <translation>Umsätze {0:,}</translation>
    </message>
    <message>
        <source>{0:,} without a recorded {1} rate (left out)</source>
        <translation>{0:,} ohne erfassten {1}-Kurs (nicht berücksichtigt)</translation>
    </message>
    <message>
        <source>Fees per mint</source>
        <translation>Gebühren pro Mint</translation>
    </message>
    <message>
        <source>Exposure per mint</source>
        <translation>Risiko pro Mint</translation>
    </message>
    <message>
        <source>Input fee</source>
        <translation>Eingangsgebühr</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Input fees</source>
        <translation>Eingangsgebühren</translation>
    </message>
    <message>
        <source>LN payments</source>
        <translation>LN-Zahlungen</translation>
    </message>
    <message>
        <source>LN fee reserve</source>
        <translation>LN-Gebührenreserve</translation>
    </message>
    <message>
        <source>LN fees paid</source>
        <translation>Gezahlte LN-Gebühren</translation>
    </message>
    <message>
        <source>Reserve returned</source>
        <translation>Reserve zurück</translation>
    </message>
    <message>
        <source>Change returned</source>
        <translation>Wechselgeld zurück</translation>
    </message>
    <message>
        <source>All fees</source>
        <translation>Alle Gebühren</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Effektiv</translation>
    </message>
    <message>
        <source>LN fee %</source>
        <translation>LN-Gebühr %</translation>
    </message>
    <message>
        <source>Fees in {0}</source>
        <translation>Gebühren in {0}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Sales in {0}</source>
        <translation>Umsatz in {0}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Sales (sat)</source>
        <translation>Umsatz (sat)</translation>
    </message>
    <message>
        <source>Lost (sat)</source>
        <translation>Verlust (sat)</translation>
    </message>
    <message>
        <source>Received · sent · paid</source>
        <translation>Empfangen · gesendet · bezahlt</translation>
    </message>
    <message>
        <source>Sales &amp;&amp; tips</source>
        <translation>Umsätze &amp;&amp; Trinkgelder</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Trinkgeld</translation>
    </message>
    <message>
        <source>Fee advance</source>
        <translation>Gebührenvorschuss</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Fiat value</source>
        <translation>Fiat-Wert</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>Bezahlt mit</translation>
    </message>
    <message>
        <source>Overpaid</source>
        <translation>Überzahlt</translation>
    </message>
    <message>
        <source>Accepted offline</source>
        <translation>Offline angenommen</translation>
    </message>
    <message>
        <source>locked to the shop</source>
        <translation>an das Geschäft gebunden</translation>
    </message>
    <message>
        <source>redeemed when the mint is back</source>
        <translation>eingelöst, sobald die Mint wieder erreichbar ist</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Bezahlt per</translation>
    </message>
    <message>
        <source>Ecash</source>
        <translation>Ecash</translation>
    </message>
    <message>
        <source>Ecash (forwarded over Lightning)</source>
        <translation>Ecash (über Lightning weitergeleitet)</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Receipt sent to</source>
        <translation>Beleg gesendet an</translation>
    </message>
    <message>
        <source>Signed receipt: too large for a QR code (nutdesk pos receipt)</source>
        <translation>Signierter Beleg: zu groß für einen QR-Code (nutdesk pos receipt)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Trinkgelder</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>By settlement</source>
        <translation>Nach Abrechnungsart</translation>
    </message>
    <message>
        <source>By cashier</source>
        <translation>Nach Kassierer</translation>
    </message>
    <message>
        <source>By till</source>
        <translation>Nach Kasse</translation>
    </message>
    <message>
        <source>All tills&apos; open shifts, since {0} · amounts in {1} · failed attempts: {2}</source>
        <translation>Offene Schichten aller Kassen, seit {0} · Beträge in {1} · fehlgeschlagene Versuche: {2}</translation>
    </message>
    <message>
        <source>Shift {0}: {1} → {2} · amounts in {3} · failed attempts: {4}</source>
        <translation>Schicht {0}: {1} → {2} · Beträge in {3} · fehlgeschlagene Versuche: {4}</translation>
    </message>
    <message>
        <source>Z-report — {0}, whole shop</source>
        <translation>Z-Bericht — {0}, ganzer Laden</translation>
    </message>
    <message>
        <source>Z-report — {0}</source>
        <translation>Z-Bericht — {0}</translation>
    </message>
    <message>
        <source>Tax included</source>
        <translation>Enthaltene Steuer</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>{0:,} {1} (offline ecash found already spent)</source>
        <translation>{0:,} {1} (offline angenommenes Ecash war bereits ausgegeben)</translation>
    </message>
    <message>
        <source>Mints &amp;&amp; exposure</source>
        <translation>Mints &amp;&amp; Risiko</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Balance at the end of each {0} ({1})</source>
        <translation>Guthaben am Ende jedes Zeitraums: {0} ({1})</translation>
    </message>
    <message>
        <source>Fees per mint ({0})</source>
        <translation>Gebühren pro Mint ({0})</translation>
    </message>
    <message>
        <source>Lightning fee reserve</source>
        <translation>Lightning-Gebührenreserve</translation>
    </message>
    <message>
        <source>Lightning fees paid</source>
        <translation>Gezahlte Lightning-Gebühren</translation>
    </message>
    <message>
        <source>Where your ecash is ({0}, spendable now)</source>
        <translation>Wo Ihr Ecash liegt ({0}, jetzt ausgebbar)</translation>
    </message>
    <message>
        <source>Received, sent and paid per {0} ({1})</source>
        <translation>Empfangen, gesendet und bezahlt pro {0} ({1})</translation>
    </message>
    <message>
        <source>Sales and tips per {0} ({1})</source>
        <translation>Umsätze und Trinkgelder pro {0} ({1})</translation>
    </message>
    <message>
        <source>Failed and recovered operations per {0}</source>
        <translation>Fehlgeschlagene und wiederhergestellte Vorgänge pro {0}</translation>
    </message>
    <message>
        <source>operations</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Exported {0:,} entries to {1}</source>
        <translation>{0:,} Einträge nach {1} exportiert</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Fiat</source>
        <translation>Fiat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>vertraut</translation>
    </message>
    <message>
        <source>not trusted</source>
        <translation>nicht vertraut</translation>
    </message>
    <message>
        <source>misbehaved · {0}</source>
        <translation>Fehlverhalten · {0}</translation>
    </message>
    <message>
        <source>This mint misbehaved: {0}</source>
        <translation>Diese Mint hat sich fehlerhaft verhalten: {0}</translation>
    </message>
    <message>
        <source>Message of the day: {0}</source>
        <translation>Nachricht des Tages: {0}</translation>
    </message>
    <message>
        <source>Sent or in flight, not yet claimed or settled</source>
        <translation>Gesendet oder unterwegs, noch nicht eingelöst oder abgeschlossen</translation>
    </message>
    <message>
        <source>Transfer between mints</source>
        <translation>Zwischen Mints übertragen</translation>
    </message>
    <message>
        <source>The source mint pays a Lightning invoice of the destination mint; Lightning fees apply.</source>
        <translation>Die Quell-Mint bezahlt eine Lightning-Rechnung der Ziel-Mint; es fallen Lightning-Gebühren an.</translation>
    </message>
    <message>
        <source> sat</source>
        <translation> sat</translation>
    </message>
    <message>
        <source>Offline acceptance</source>
        <translation>Offline-Annahme</translation>
    </message>
    <message>
        <source>Ask for ecash locked to the shop&apos;s key (taken even while its mint is down)</source>
        <translation>Ecash verlangen, das für den Schlüssel des Shops gesperrt ist (angenommen, auch während seine Mint ausgefallen ist)</translation>
    </message>
    <message>
        <source>none offline</source>
        <translation>keine offline</translation>
    </message>
    <message>
        <source>Unlocked ecash offline, per sale</source>
        <translation>Nicht gesperrtes Ecash offline, pro Verkauf</translation>
    </message>
    <message>
        <source>no total limit</source>
        <translation>keine Gesamtgrenze</translation>
    </message>
    <message>
        <source>… unredeemed in total per mint</source>
        <translation>… insgesamt nicht eingelöst pro Mint</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>per claim</source>
        <translation>pro Einlösung</translation>
    </message>
    <message>
        <source> codes</source>
        <translation> Codes</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Close selected</source>
        <translation>Auswahl schließen</translation>
    </message>
    <message>
        <source>Codes page…</source>
        <translation>Code-Seite…</translation>
    </message>
    <message>
        <source>Save the selected giveaway&apos;s one-time codes as a page to print: one QR each</source>
        <translation>Die Einmalcodes der gewählten Aktion als Seite zum Drucken speichern: je ein QR-Code</translation>
    </message>
    <message>
        <source>a flyer&apos;s one-time code (for the selected giveaway)</source>
        <translation>der Einmalcode eines Flyers (für die ausgewählte Aktion)</translation>
    </message>
    <message>
        <source>Claim → token QR</source>
        <translation>Einlösen → Token-QR-Code</translation>
    </message>
    <message>
        <source>The claimed token&apos;s QR code</source>
        <translation>Der QR-Code des eingelösten Tokens</translation>
    </message>
    <message>
        <source>{0}: {1:,} {2} a claim · {3:,} of {4:,} given · {5} claims · {6}</source>
        <translation>{0}: {1:,} {2} pro Einlösung · {3:,} von {4:,} vergeben · {5} Einlösungen · {6}</translation>
    </message>
    <message>
        <source> One-time codes (shown once, print them): {0}</source>
        <translation> Einmalcodes (nur einmal gezeigt, drucken Sie sie aus): {0}</translation>
    </message>
    <message>
        <source>Giveaway {0} created.{1}</source>
        <translation>Aktion {0} erstellt.{1}</translation>
    </message>
    <message>
        <source>Select a giveaway and enter the code.</source>
        <translation>Wählen Sie eine Aktion aus und geben Sie den Code ein.</translation>
    </message>
    <message>
        <source>Claimed {0:,}: let the customer scan the token.</source>
        <translation>{0:,} eingelöst: Lassen Sie den Kunden das Token scannen.</translation>
    </message>
    <message>
        <source>Select a giveaway first.</source>
        <translation>Zuerst eine Aktion auswählen.</translation>
    </message>
    <message>
        <source>Save the codes page</source>
        <translation>Code-Seite speichern</translation>
    </message>
    <message>
        <source>Web page (*.html);;PDF (*.pdf)</source>
        <translation>Webseite (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The codes page is in {0}: print it and cut out the flyers.</source>
        <translation>Die Code-Seite liegt in {0}: drucken und die Flyer ausschneiden.</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Betrag:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Balances: one row per mint and unit</source>
        <translation>Guthaben: eine Zeile pro Mint und Einheit</translation>
    </message>
    <message>
        <source>&lt;b&gt;No mints yet.&lt;/b&gt;&lt;br&gt;A mint issues the ecash and holds the bitcoin behind it. Add one you trust (&lt;b&gt;Add mint…&lt;/b&gt;, Ctrl+N),&lt;br&gt;then receive a token or a Lightning payment in &lt;b&gt;Receive&lt;/b&gt; (Ctrl+2).</source>
        <translation>&lt;b&gt;Noch keine Mints.&lt;/b&gt;&lt;br&gt;Eine Mint gibt das Ecash aus und verwahrt die Bitcoin dahinter. Fügen Sie eine hinzu, der Sie vertrauen (&lt;b&gt;Mint hinzufügen…&lt;/b&gt;, Strg+N),&lt;br&gt;und empfangen Sie dann ein Token oder eine Lightning-Zahlung unter &lt;b&gt;Empfangen&lt;/b&gt; (Strg+2).</translation>
    </message>
    <message>
        <source>Add mint…</source>
        <translation>Mint hinzufügen…</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Select one of the {0} to remove.</source>
        <translation>Wählen Sie einen Eintrag aus „{0}“ zum Entfernen aus.</translation>
    </message>
    <message>
        <source>Removed {0}.</source>
        <translation>{0} entfernt.</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Übertragen…</translation>
    </message>
    <message>
        <source>Check mints</source>
        <translation>Mints prüfen</translation>
    </message>
    <message>
        <source>Clear the misbehaved mark…</source>
        <translation>Markierung „Fehlverhalten“ entfernen…</translation>
    </message>
    <message>
        <source>Checking the mints…</source>
        <translation>Mints werden geprüft…</translation>
    </message>
    <message>
        <source>Add a webhook</source>
        <translation>Einen Webhook hinzufügen</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>empty: make a random one</source>
        <translation>leer: einen zufälligen erzeugen</translation>
    </message>
    <message>
        <source>Signing secret:</source>
        <translation>Signaturgeheimnis:</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Webhook deliveries</source>
        <translation>Webhook-Zustellungen</translation>
    </message>
    <message>
        <source>No events yet: a paid or refunded sale sends one to every webhook.</source>
        <translation>Noch keine Ereignisse: Ein bezahlter oder erstatteter Verkauf sendet eines an jeden Webhook.</translation>
    </message>
    <message>
        <source>Delivery log…</source>
        <translation>Zustellprotokoll…</translation>
    </message>
    <message>
        <source>Copy secret</source>
        <translation>Geheimnis kopieren</translation>
    </message>
    <message>
        <source>Added {0}. Its signing secret (give it to the receiver; it is not shown again): {1}</source>
        <translation>{0} hinzugefügt. Sein Signaturgeheimnis (geben Sie es dem Empfänger; es wird nicht erneut gezeigt): {1}</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>Keysets:</source>
        <translation>Keysets:</translation>
    </message>
    <message>
        <source>Input fee:</source>
        <translation>Eingangsgebühr:</translation>
    </message>
    <message>
        <source>Health:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>  ≈ {0:,.2f} {1}</source>
        <translation>  ≈ {0:,.2f} {1}</translation>
    </message>
    <message>
        <source>Pending: </source>
        <translation>Ausstehend: </translation>
    </message>
    <message>
        <source> (sent, not yet claimed)</source>
        <translation> (gesendet, noch nicht eingelöst)</translation>
    </message>
    <message>
        <source>In flight: {0}, from {1} to {2}: waiting for {2}; recovery finishes it when that mint answers.</source>
        <translation>Unterwegs: {0}, von {1} nach {2}: wartet auf {2}; die Wiederherstellung schließt es ab, sobald diese Mint antwortet.</translation>
    </message>
    <message>
        <source>Distrust</source>
        <translation>Nicht mehr vertrauen</translation>
    </message>
    <message>
        <source>not checked yet (Check mints)</source>
        <translation>noch nicht geprüft (Mints prüfen)</translation>
    </message>
    <message>
        <source>online (checked {0})</source>
        <translation>online (geprüft {0})</translation>
    </message>
    <message>
        <source>unreachable: {0}</source>
        <translation>nicht erreichbar: {0}</translation>
    </message>
    <message>
        <source>{0} — MISBEHAVED: {1}</source>
        <translation>{0} — FEHLVERHALTEN: {1}</translation>
    </message>
    <message>
        <source>Trusted mints only (swap, refuse others)</source>
        <translation>Nur vertraute Mints (tauschen, andere ablehnen)</translation>
    </message>
    <message>
        <source>Hold when trusted (swap trusted, melt others to my Lightning)</source>
        <translation>Bei Vertrauen halten (vertraute tauschen, andere auf mein Lightning einlösen)</translation>
    </message>
    <message>
        <source>Always forward (melt everything to my Lightning)</source>
        <translation>Immer weiterleiten (alles auf mein Lightning einlösen)</translation>
    </message>
    <message>
        <source>No Nostr relay: a customer&apos;s wallet that scans the till&apos;s QR cannot send the payment to the till by itself. Add a relay so it can; until then the cashier takes tokens (paste, or scan the customer&apos;s QR) or Lightning.</source>
        <translation>Kein Nostr-Relay: Die Wallet eines Kunden, die den QR-Code der Kasse scannt, kann die Zahlung nicht selbst an die Kasse senden. Fügen Sie ein Relay hinzu, damit sie es kann; bis dahin nimmt die Kasse Tokens (einfügen oder den QR-Code des Kunden scannen) oder Lightning an.</translation>
    </message>
    <message>
        <source>Accept, at the customer&apos;s mint&apos;s price</source>
        <translation>Annehmen, zum Preis der Mint des Kunden</translation>
    </message>
    <message>
        <source>Accept, at the exchange rate</source>
        <translation>Annehmen, zum Wechselkurs</translation>
    </message>
    <message>
        <source>Refuse (sat ecash only)</source>
        <translation>Ablehnen (nur sat-Ecash)</translation>
    </message>
    <message>
        <source>Point of sale</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Charge customers with a payment-request QR, a pasted or scanned token, or Lightning.</source>
        <translation>Kunden mit einem Zahlungsanforderungs-QR-Code, einem eingefügten oder gescannten Token oder Lightning abkassieren.</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Name des Shops</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>none (trust mints in Balances)</source>
        <translation>keine (vertrauen Sie Mints unter Guthaben)</translation>
    </message>
    <message>
        <source>Trusted mints</source>
        <translation>Vertraute Mints</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Forward to backend</source>
        <translation>An Backend weiterleiten</translation>
    </message>
    <message>
        <source>Max mint input fee</source>
        <translation>Höchste Eingangsgebühr der Mint</translation>
    </message>
    <message>
        <source>Max Lightning fee reserve</source>
        <translation>Höchste Lightning-Gebührenreserve</translation>
    </message>
    <message>
        <source>Customer fee advance</source>
        <translation>Gebührenvorschuss des Kunden</translation>
    </message>
    <message>
        <source>Dollar and euro ecash</source>
        <translation>Dollar- und Euro-Ecash</translation>
    </message>
    <message>
        <source>wss://relay.example.com … (empty: no Nostr payments)</source>
        <translation>wss://relay.example.com … (leer: keine Nostr-Zahlungen)</translation>
    </message>
    <message>
        <source>Customers&apos; wallets send the ecash as a NIP-17 private message through these relays</source>
        <translation>Die Wallets der Kunden senden das Ecash als private NIP-17-Nachricht über diese Relays</translation>
    </message>
    <message>
        <source>Nostr relays</source>
        <translation>Nostr-Relays</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>no PIN: the till cannot be locked</source>
        <translation>keine PIN: Die Kasse kann nicht gesperrt werden</translation>
    </message>
    <message>
        <source>Cashier lock PIN</source>
        <translation>Sperr-PIN der Kasse</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Locked: charge at most</source>
        <translation>Gesperrt: höchstens kassieren</translation>
    </message>
    <message>
        <source>Locked: refund at most</source>
        <translation>Gesperrt: höchstens erstatten</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Enter POS mode</source>
        <translation>Kassenmodus starten</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>, {0} rotated out</source>
        <translation>, {0} ausgemustert</translation>
    </message>
    <message>
        <source>{0} active{1}</source>
        <translation>{0} aktiv{1}</translation>
    </message>
    <message>
        <source>{0} ppk per proof ({1})</source>
        <translation>{0} ppk pro Proof ({1})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>

It still holds {0}.</source>
        <translation>

Sie verwahrt noch {0}.</translation>
    </message>
    <message>
        <source>Remove mint</source>
        <translation>Mint entfernen</translation>
    </message>
    <message>
        <source>Remove {0} from the wallet?{1}</source>
        <translation>{0} aus der Wallet entfernen?{1}</translation>
    </message>
    <message>
        <source>Clear the misbehaved mark</source>
        <translation>Markierung „Fehlverhalten“ entfernen</translation>
    </message>
    <message>
        <source>Clear the misbehaved mark of {0}?

Recorded: {1}

Clear it only if you judge this a one-off fault: the mark comes back if the mint breaks the protocol again.</source>
        <translation>Die Markierung „Fehlverhalten“ von {0} entfernen?

Vermerkt: {1}

Entfernen Sie sie nur, wenn Sie den Fehler für einmalig halten: Die Markierung kommt zurück, wenn die Mint das Protokoll erneut verletzt.</translation>
    </message>
    <message>
        <source>Clear mark</source>
        <translation>Markierung entfernen</translation>
    </message>
    <message>
        <source>choose two different mints</source>
        <translation>Wählen Sie zwei verschiedene Mints</translation>
    </message>
    <message>
        <source>Moved {0} (fee {1})</source>
        <translation>{0} übertragen (Gebühr {1})</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>waiting for {0}</source>
        <translation>wartet auf {0}</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Received (Lightning)</source>
        <translation>Empfangen (Lightning)</translation>
    </message>
    <message>
        <source>Received (ecash)</source>
        <translation>Empfangen (Ecash)</translation>
    </message>
    <message>
        <source>Sent (ecash)</source>
        <translation>Gesendet (Ecash)</translation>
    </message>
    <message>
        <source>Paid (Lightning)</source>
        <translation>Bezahlt (Lightning)</translation>
    </message>
    <message>
        <source>Reclaimed</source>
        <translation>Zurückgeholt</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Search mint, memo, state, amount…</source>
        <translation>Mint, Notiz, Zustand, Betrag suchen…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Search time, kind, mint, state, memo, amount</source>
        <translation>Zeit, Art, Mint, Zustand, Notiz, Betrag suchen</translation>
    </message>
    <message>
        <source>History: one row per operation</source>
        <translation>Verlauf: eine Zeile pro Vorgang</translation>
    </message>
    <message>
        <source>&lt;b&gt;No operations yet.&lt;/b&gt;&lt;br&gt;Everything the wallet does is listed here: receive a token or a Lightning payment in &lt;b&gt;Receive&lt;/b&gt; (Ctrl+2) to begin.</source>
        <translation>&lt;b&gt;Noch keine Vorgänge.&lt;/b&gt;&lt;br&gt;Alles, was die Wallet tut, wird hier aufgeführt: Empfangen Sie zum Start ein Token oder eine Lightning-Zahlung unter &lt;b&gt;Empfangen&lt;/b&gt; (Strg+2).</translation>
    </message>
    <message>
        <source>{0} operations</source>
        <translation>{0} Vorgänge</translation>
    </message>
    <message>
        <source>{0} of {1} operations</source>
        <translation>{0} von {1} Vorgängen</translation>
    </message>
    <message>
        <source>Exported {0} operations to {1}</source>
        <translation>{0} Vorgänge nach {1} exportiert</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Lightning invoice</source>
        <translation>Lightning-Rechnung</translation>
    </message>
    <message>
        <source>LNURL-pay link</source>
        <translation>LNURL-Zahlungslink</translation>
    </message>
    <message>
        <source>Lightning address</source>
        <translation>Lightning-Adresse</translation>
    </message>
    <message>
        <source>Cashu payment request</source>
        <translation>Cashu-Zahlungsanforderung</translation>
    </message>
    <message>
        <source>Cashu token</source>
        <translation>Cashu-Token</translation>
    </message>
    <message>
        <source>This is a Cashu token: open Receive to redeem it.</source>
        <translation>Das ist ein Cashu-Token: Öffnen Sie „Empfangen“, um es einzulösen.</translation>
    </message>
    <message>
        <source>paste an invoice, LNURL, Lightning address or payment request</source>
        <translation>Fügen Sie eine Rechnung, LNURL, Lightning-Adresse oder Zahlungsanforderung ein</translation>
    </message>
    <message>
        <source>nothing to pay: continue to the confirmation first</source>
        <translation>Nichts zu bezahlen: gehen Sie zuerst weiter zur Bestätigung</translation>
    </message>
    <message>
        <source>only a Lightning invoice can be paid from several mints</source>
        <translation>nur eine Lightning-Rechnung kann aus mehreren Mints bezahlt werden</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Bezahlen</translation>
    </message>
    <message>
        <source>Paste a Lightning invoice, an LNURL, a Lightning address (name@domain) or a Cashu payment request.</source>
        <translation>Fügen Sie eine Lightning-Rechnung, eine LNURL, eine Lightning-Adresse (name@domain) oder eine Cashu-Zahlungsanforderung ein.</translation>
    </message>
    <message>
        <source>What to pay: invoice, Lightning address, LNURL or payment request</source>
        <translation>Was bezahlt wird: Rechnung, Lightning-Adresse, LNURL oder Zahlungsanforderung</translation>
    </message>
    <message>
        <source>lnbc… · lnurl… · name@domain · creqA…</source>
        <translation>lnbc… · lnurl… · name@domain · creqA…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Waiting for payment…</source>
        <translation>Warte auf Zahlung…</translation>
    </message>
    <message>
        <source>Received — checking…</source>
        <translation>Empfangen — wird geprüft…</translation>
    </message>
    <message>
        <source>Settling with the mint…</source>
        <translation>Abrechnung mit der Mint…</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>BEZAHLT</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Zahlung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Checking with the mint…</source>
        <translation>Prüfung bei der Mint…</translation>
    </message>
    <message>
        <source>A wallet that scans this QR cannot send the payment to the till by itself: the shop has no Nostr relay and no payment endpoint set up (POS settings). Take the customer&apos;s token — paste it, or scan the QR their wallet shows — or charge by Lightning.</source>
        <translation>Eine Wallet, die diesen QR-Code scannt, kann die Zahlung nicht selbst an die Kasse senden: Der Shop hat weder ein Nostr-Relay noch einen Zahlungsendpunkt eingerichtet (Kasseneinstellungen). Nehmen Sie das Token des Kunden — einfügen oder den QR-Code scannen, den seine Wallet zeigt — oder kassieren Sie per Lightning.</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Fälliger Betrag</translation>
    </message>
    <message>
        <source>Scan with a Cashu wallet</source>
        <translation>Mit einer Cashu-Wallet scannen</translation>
    </message>
    <message>
        <source>Payment QR code</source>
        <translation>Zahlungs-QR-Code</translation>
    </message>
    <message>
        <source>Or paste a token:</source>
        <translation>Oder ein Token einfügen:</translation>
    </message>
    <message>
        <source>Customer&apos;s token</source>
        <translation>Token des Kunden</translation>
    </message>
    <message>
        <source>Accept token</source>
        <translation>Token annehmen</translation>
    </message>
    <message>
        <source>Redeem the pasted token (Enter)</source>
        <translation>Das eingefügte Token einlösen (Enter)</translation>
    </message>
    <message>
        <source>Scan image…</source>
        <translation>Bild scannen…</translation>
    </message>
    <message>
        <source>Read the customer&apos;s token QR from an image</source>
        <translation>Den Token-QR-Code des Kunden aus einem Bild lesen</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s token QR</source>
        <translation>Den Token-QR-Code des Kunden scannen</translation>
    </message>
    <message>
        <source>No camera detected: scan the customer&apos;s QR from an image instead</source>
        <translation>Keine Kamera gefunden: Scannen Sie den QR-Code des Kunden stattdessen aus einem Bild</translation>
    </message>
    <message>
        <source>Lightning (mint)</source>
        <translation>Lightning (Mint)</translation>
    </message>
    <message>
        <source>An invoice from a trusted mint</source>
        <translation>Eine Rechnung von einer vertrauten Mint</translation>
    </message>
    <message>
        <source>Lightning (my node)</source>
        <translation>Lightning (mein Node)</translation>
    </message>
    <message>
        <source>An invoice from my node</source>
        <translation>Eine Rechnung von meinem Node</translation>
    </message>
    <message>
        <source>Back to the keypad (Esc)</source>
        <translation>Zurück zum Tastenfeld (Esc)</translation>
    </message>
    <message>
        <source>Scan with a Cashu wallet (payment request — sent to the shop over Nostr)</source>
        <translation>Mit einer Cashu-Wallet scannen (Zahlungsanforderung — über Nostr an den Shop gesendet)</translation>
    </message>
    <message>
        <source>Scan with a Cashu wallet (payment request)</source>
        <translation>Mit einer Cashu-Wallet scannen (Zahlungsanforderung)</translation>
    </message>
    <message>
        <source>Payment request: the customer&apos;s wallet shows a token — scan or paste it</source>
        <translation>Zahlungsanforderung: Die Wallet des Kunden zeigt ein Token — scannen oder einfügen</translation>
    </message>
    <message>
        <source>The mint is confirming. If the network broke, the sale settles by itself.</source>
        <translation>Die Mint bestätigt. Falls das Netzwerk ausgefallen ist, wird der Verkauf von selbst abgeschlossen.</translation>
    </message>
    <message>
        <source>Next sale</source>
        <translation>Nächster Verkauf</translation>
    </message>
    <message>
        <source>Serve the next customer; this sale finishes by itself and shows in Recent sales</source>
        <translation>Den nächsten Kunden bedienen; dieser Verkauf wird von selbst abgeschlossen und erscheint unter „Letzte Verkäufe“</translation>
    </message>
    <message>
        <source>Still checking with the mint ({0} s)…</source>
        <translation>Prüfung bei der Mint läuft noch ({0} s)…</translation>
    </message>
    <message>
        <source>Nothing to do but wait: the mint decides whether the token is good. If it is slow, press Next sale — this sale finishes by itself and shows in Recent sales.</source>
        <translation>Nichts zu tun außer warten: Die Mint entscheidet, ob das Token gültig ist. Wenn sie langsam ist, drücken Sie „Nächster Verkauf“ — dieser Verkauf wird von selbst abgeschlossen und erscheint unter „Letzte Verkäufe“.</translation>
    </message>
    <message>
        <source>Scan a token from an image</source>
        <translation>Ein Token aus einem Bild scannen</translation>
    </message>
    <message>
        <source>No Cashu token in that QR code: ask the customer to show their token.</source>
        <translation>Kein Cashu-Token in diesem QR-Code: Bitten Sie den Kunden, sein Token zu zeigen.</translation>
    </message>
    <message>
        <source>No Lightning invoice: {0}</source>
        <translation>Keine Lightning-Rechnung: {0}</translation>
    </message>
    <message>
        <source>the shop&apos;s Lightning node</source>
        <translation>der Lightning-Node des Shops</translation>
    </message>
    <message>
        <source>the shop&apos;s mint</source>
        <translation>die Mint des Shops</translation>
    </message>
    <message>
        <source>Lightning invoice from {0}: pay with any Lightning wallet</source>
        <translation>Lightning-Rechnung von {0}: mit einer beliebigen Lightning-Wallet bezahlen</translation>
    </message>
    <message>
        <source>Checking the invoice failed ({0}); retrying…</source>
        <translation>Die Prüfung der Rechnung ist fehlgeschlagen ({0}); neuer Versuch…</translation>
    </message>
    <message>
        <source>optional note to the receiver</source>
        <translation>optionale Notiz an den Empfänger</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>Pay from:</source>
        <translation>Bezahlen von:</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Getting a quote…</source>
        <translation>Angebot wird eingeholt…</translation>
    </message>
    <message>
        <source>Confirm the payment</source>
        <translation>Zahlung bestätigen</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Was:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Für:</translation>
    </message>
    <message>
        <source>Fees:</source>
        <translation>Gebühren:</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>Höchstens:</translation>
    </message>
    <message>
        <source>From mint:</source>
        <translation>Von Mint:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation>Wird bezahlt…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Preimage:</source>
        <translation>Preimage:</translation>
    </message>
    <message>
        <source>Copy token for the receiver</source>
        <translation>Token für den Empfänger kopieren</translation>
    </message>
    <message>
        <source>Pay something else</source>
        <translation>Etwas anderes bezahlen</translation>
    </message>
    <message>
        <source>Automatic (cheapest that can pay)</source>
        <translation>Automatisch (die günstigste, die zahlen kann)</translation>
    </message>
    <message>
        <source>Several mints at once (multi-path, NUT-15)</source>
        <translation>Mehrere Mints zugleich (Multi-Path, NUT-15)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;{0}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c0392b&apos;&gt;{0}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;{1}{2}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;{1}{2}</translation>
    </message>
    <message>
        <source>Scan a QR code from an image</source>
        <translation>QR-Code aus einem Bild scannen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <source>no QR code found in the image</source>
        <translation>Kein QR-Code im Bild gefunden</translation>
    </message>
    <message>
        <source>Lightning fee reserve {0} (unused part returned) · mint fee {1}</source>
        <translation>Lightning-Gebührenreserve {0} (der ungenutzte Teil kommt zurück) · Mint-Gebühr {1}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Lightning invoice, paid from several mints</source>
        <translation>Lightning-Rechnung, aus mehreren Mints bezahlt</translation>
    </message>
    <message>
        <source>Lightning fee reserves {0} (unused part returned)</source>
        <translation>Lightning-Gebührenreserven {0} (der ungenutzte Teil kommt zurück)</translation>
    </message>
    <message>
        <source>✓ Paid {0} (fee {1}) from {2} mints at once.</source>
        <translation>✓ {0} bezahlt (Gebühr {1}) aus {2} Mints zugleich.</translation>
    </message>
    <message>
        <source>✓ Token for {0} made (fee {1}). This request has no delivery address: give the receiver the token.</source>
        <translation>✓ Token über {0} erstellt (Gebühr {1}). Diese Anforderung hat keine Zustelladresse: Geben Sie dem Empfänger das Token.</translation>
    </message>
    <message>
        <source>✓ Paid {0} (fee {1}) from {2}.</source>
        <translation>✓ {0} bezahlt (Gebühr {1}) von {2}.</translation>
    </message>
    <message>
        <source>The payment is pending: the mint has not settled it yet. It stays in the journal and is settled automatically.</source>
        <translation>Die Zahlung ist ausstehend: Die Mint hat sie noch nicht abgeschlossen. Sie bleibt im Journal und wird automatisch abgeschlossen.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Spending PIN</source>
        <translation>Ausgabe-PIN</translation>
    </message>
    <message>
        <source>Sends, payments, withdrawals and cheques above the limit ask for this PIN (not the wallet password). Wrong PINs make the next attempt wait longer, even after a restart.</source>
        <translation>Sendungen, Zahlungen, Abhebungen und Schecks über dem Limit fragen nach dieser PIN (nicht dem Wallet-Passwort). Falsche PINs verlängern die Wartezeit bis zum nächsten Versuch, auch nach einem Neustart.</translation>
    </message>
    <message>
        <source>Set PIN…</source>
        <translation>PIN festlegen…</translation>
    </message>
    <message>
        <source>Remove PIN…</source>
        <translation>PIN entfernen…</translation>
    </message>
    <message>
        <source>Ask above:</source>
        <translation>Abfragen ab:</translation>
    </message>
    <message>
        <source>Save limit</source>
        <translation>Limit speichern</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>PIN ändern…</translation>
    </message>
    <message>
        <source>Set: spends above {0} sat ask for it.</source>
        <translation>Festgelegt: Ausgaben über {0} sat fragen danach.</translation>
    </message>
    <message>
        <source>No spending PIN.</source>
        <translation>Keine Ausgabe-PIN.</translation>
    </message>
    <message>
        <source>Enter the current spending PIN to {0}:</source>
        <translation>Geben Sie die aktuelle Ausgabe-PIN ein, um {0}:</translation>
    </message>
    <message>
        <source>change it</source>
        <translation>sie zu ändern</translation>
    </message>
    <message>
        <source>New spending PIN</source>
        <translation>Neue Ausgabe-PIN</translation>
    </message>
    <message>
        <source>Choose a spending PIN (at least 4 characters):</source>
        <translation>Wählen Sie eine Ausgabe-PIN (mindestens 4 Zeichen):</translation>
    </message>
    <message>
        <source>remove it</source>
        <translation>sie zu entfernen</translation>
    </message>
    <message>
        <source>raise the limit</source>
        <translation>das Limit zu erhöhen</translation>
    </message>
    <message>
        <source>This is not a Cashu token (it should start with cashuA or cashuB).</source>
        <translation>Das ist kein Cashu-Token (es sollte mit cashuA oder cashuB beginnen).</translation>
    </message>
    <message>
        <source>{0} The fee is not known until it answers.</source>
        <translation>{0} Die Gebühr ist erst bekannt, wenn sie antwortet.</translation>
    </message>
    <message>
        <source>paste a token first</source>
        <translation>Fügen Sie zuerst ein Token ein</translation>
    </message>
    <message>
        <source>Already received: this token gave {0} {1} earlier. Nothing more to do.</source>
        <translation>Bereits empfangen: Dieses Token hat früher {0} {1} ergeben. Nichts weiter zu tun.</translation>
    </message>
    <message>
        <source>Waiting for the payment…</source>
        <translation>Warte auf die Zahlung…</translation>
    </message>
    <message>
        <source>Paid: the ecash is in your wallet.</source>
        <translation>Bezahlt: Das Ecash ist in Ihrer Wallet.</translation>
    </message>
    <message>
        <source>enter an amount to receive</source>
        <translation>Geben Sie einen Betrag zum Empfangen ein</translation>
    </message>
    <message>
        <source>add a mint first</source>
        <translation>Fügen Sie zuerst eine Mint hinzu</translation>
    </message>
    <message>
        <source>create an invoice first</source>
        <translation>Erstellen Sie zuerst eine Rechnung</translation>
    </message>
    <message>
        <source>Not locked</source>
        <translation>Nicht gesperrt</translation>
    </message>
    <message>
        <source>Its lock has expired: whoever holds the token can receive it</source>
        <translation>Die Sperre ist abgelaufen: Wer den Token hat, kann ihn empfangen</translation>
    </message>
    <message>
        <source>Locked to another key: only its owner can receive it.</source>
        <translation>An einen anderen Schlüssel gebunden: Nur dessen Inhaber kann ihn empfangen.</translation>
    </message>
    <message>
        <source>After {0} its sender can take it back.</source>
        <translation>Nach {0} kann der Absender ihn zurückholen.</translation>
    </message>
    <message>
        <source>Locked to your key: only this wallet can receive it</source>
        <translation>An Ihren Schlüssel gebunden: Nur diese Wallet kann ihn empfangen</translation>
    </message>
    <message>
        <source>(a cheque: its sender can take it back after {0})</source>
        <translation>(ein Scheck: Der Absender kann ihn nach {0} zurückholen)</translation>
    </message>
    <message>
        <source>No paid invoice is waiting to be minted.</source>
        <translation>Keine bezahlte Rechnung wartet auf die Ausgabe.</translation>
    </message>
    <message>
        <source>{0}: {1} paid invoice(s) not minted yet ({2}).</source>
        <translation>{0}: {1} bezahlte Rechnung(en) noch nicht ausgegeben ({2}).</translation>
    </message>
    <message>
        <source>in one batch</source>
        <translation>in einem Stapel</translation>
    </message>
    <message>
        <source>one by one (this mint has no batch minting)</source>
        <translation>einzeln (diese Mint kann nicht stapelweise ausgeben)</translation>
    </message>
    <message>
        <source>✓ {0}: {1} {2} from {3} invoice(s) {4}.</source>
        <translation>✓ {0}: {1} {2} aus {3} Rechnung(en) {4}.</translation>
    </message>
    <message>
        <source>Cashu token files (*.cashu *.cashu.age *.txt);;All files (*)</source>
        <translation>Cashu-Token-Dateien (*.cashu *.cashu.age *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Ecash token</source>
        <translation>Ecash-Token</translation>
    </message>
    <message>
        <source>Lightning</source>
        <translation>Lightning</translation>
    </message>
    <message>
        <source>Paste a token, drop a token file or text here, or scan a QR code.</source>
        <translation>Fügen Sie ein Token ein, ziehen Sie eine Token-Datei oder Text hierher oder scannen Sie einen QR-Code.</translation>
    </message>
    <message>
        <source>Token to receive (paste or drop a token or a token file)</source>
        <translation>Zu empfangendes Token (einfügen oder ein Token bzw. eine Token-Datei hierher ziehen)</translation>
    </message>
    <message>
        <source>cashuB…</source>
        <translation>cashuB…</translation>
    </message>
    <message>
        <source>Scan screen</source>
        <translation>Bildschirm scannen</translation>
    </message>
    <message>
        <source>Camera…</source>
        <translation>Kamera…</translation>
    </message>
    <message>
        <source>Open token file…</source>
        <translation>Token-Datei öffnen…</translation>
    </message>
    <message>
        <source>QR scanning needs the zxing-cpp package</source>
        <translation>Zum Scannen von QR-Codes wird das Paket zxing-cpp benötigt</translation>
    </message>
    <message>
        <source>No camera detected: scan from an image or the screen instead</source>
        <translation>Keine Kamera gefunden: Scannen Sie stattdessen aus einem Bild oder vom Bildschirm</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Mint:</source>
        <translation>Mint:</translation>
    </message>
    <message>
        <source>Mint fee:</source>
        <translation>Mint-Gebühr:</translation>
    </message>
    <message>
        <source>You receive:</source>
        <translation>Sie erhalten:</translation>
    </message>
    <message>
        <source>Memo:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Lock:</source>
        <translation>Sperre:</translation>
    </message>
    <message>
        <source>Add and trust this mint</source>
        <translation>Diese Mint hinzufügen und ihr vertrauen</translation>
    </message>
    <message>
        <source>Receiving…</source>
        <translation>Wird empfangen…</translation>
    </message>
    <message>
        <source>known, not trusted</source>
        <translation>bekannt, nicht vertraut</translation>
    </message>
    <message>
        <source>new to this wallet</source>
        <translation>neu für diese Wallet</translation>
    </message>
    <message>
        <source>this token is from a mint the wallet does not trust: tick &apos;Add and trust this mint&apos; to receive it</source>
        <translation>Dieses Token stammt von einer Mint, der die Wallet nicht vertraut: Wählen Sie „Diese Mint hinzufügen und ihr vertrauen“, um es zu empfangen</translation>
    </message>
    <message>
        <source>✓ Received {0} from {1} (fee {2}).</source>
        <translation>✓ {0} von {1} empfangen (Gebühr {2}).</translation>
    </message>
    <message>
        <source>no QR code found</source>
        <translation>Kein QR-Code gefunden</translation>
    </message>
    <message>
        <source>Open a token file</source>
        <translation>Token-Datei öffnen</translation>
    </message>
    <message>
        <source>Encrypted token file</source>
        <translation>Verschlüsselte Token-Datei</translation>
    </message>
    <message>
        <source>{0} is encrypted.</source>
        <translation>{0} ist verschlüsselt.</translation>
    </message>
    <message>
        <source>Create a Lightning invoice at a mint; when it is paid, the mint issues the ecash.</source>
        <translation>Erstellen Sie eine Lightning-Rechnung bei einer Mint; sobald sie bezahlt ist, gibt die Mint das Ecash aus.</translation>
    </message>
    <message>
        <source>Create invoice</source>
        <translation>Rechnung erstellen</translation>
    </message>
    <message>
        <source>Mint all paid invoices</source>
        <translation>Alle bezahlten Rechnungen ausgeben lassen</translation>
    </message>
    <message>
        <source>Copy invoice</source>
        <translation>Rechnung kopieren</translation>
    </message>
    <message>
        <source>The invoice was not paid.</source>
        <translation>Die Rechnung wurde nicht bezahlt.</translation>
    </message>
    <message>
        <source>✓ Paid: {0} of ecash minted.</source>
        <translation>✓ Bezahlt: {0} Ecash ausgegeben.</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Every payment is journaled before it reaches a mint. What a crash or a network break left unfinished is resumed at start-up and retried in the background; nothing here is ever released while the mint may have spent it.</source>
        <translation>Jede Zahlung wird im Journal festgehalten, bevor sie eine Mint erreicht. Was ein Absturz oder eine Netzwerkunterbrechung unvollendet ließ, wird beim Start fortgesetzt und im Hintergrund erneut versucht; nichts hiervon wird je freigegeben, solange die Mint es ausgegeben haben könnte.</translation>
    </message>
    <message>
        <source>Operations that need attention</source>
        <translation>Vorgänge, die Aufmerksamkeit brauchen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing needs attention:&lt;/b&gt; every operation is finished. What a crash or a network break leaves unfinished shows here.</source>
        <translation>&lt;b&gt;Nichts braucht Aufmerksamkeit:&lt;/b&gt; Jeder Vorgang ist abgeschlossen. Was ein Absturz oder eine Netzwerkunterbrechung unvollendet lässt, erscheint hier.</translation>
    </message>
    <message>
        <source>Resume all now</source>
        <translation>Jetzt alle fortsetzen</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>Auswahl erneut versuchen</translation>
    </message>
    <message>
        <source>Dismiss selected</source>
        <translation>Auswahl verwerfen</translation>
    </message>
    <message>
        <source>Stop retrying automatically; the ecash stays reserved until resolved.</source>
        <translation>Nicht mehr automatisch erneut versuchen; das Ecash bleibt reserviert, bis es geklärt ist.</translation>
    </message>
    <message>
        <source>Resuming unfinished operations…</source>
        <translation>Unvollendete Vorgänge werden fortgesetzt…</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Erneuter Versuch…</translation>
    </message>
    <message>
        <source>Reconcile with the mints (NUT-07)</source>
        <translation>Mit den Mints abgleichen (NUT-07)</translation>
    </message>
    <message>
        <source>Compare every proof the wallet holds with what its mint says; see the changes first.</source>
        <translation>Jeden Proof der Wallet mit der Auskunft seiner Mint vergleichen; die Änderungen sehen Sie zuerst.</translation>
    </message>
    <message>
        <source>Check with mints</source>
        <translation>Bei den Mints prüfen</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>Änderungen übernehmen</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Asking the mints…</source>
        <translation>Die Mints werden gefragt…</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird übernommen…</translation>
    </message>
    <message>
        <source>Restore from the recovery words (NUT-09)</source>
        <translation>Aus den Wiederherstellungswörtern wiederherstellen (NUT-09)</translation>
    </message>
    <message>
        <source>Search a mint for every proof this wallet&apos;s seed ever received.</source>
        <translation>Eine Mint nach jedem Proof durchsuchen, den der Seed dieser Wallet je erhalten hat.</translation>
    </message>
    <message>
        <source>Restore from mint…</source>
        <translation>Aus Mint wiederherstellen…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Nothing to resume.</source>
        <translation>Nichts fortzusetzen.</translation>
    </message>
    <message>
        <source>Select a row first.</source>
        <translation>Wählen Sie zuerst eine Zeile aus.</translation>
    </message>
    <message>
        <source>Select a failed transaction first (unfinished operations are resumed, not dismissed).</source>
        <translation>Wählen Sie zuerst eine fehlgeschlagene Transaktion aus (unvollendete Vorgänge werden fortgesetzt, nicht verworfen).</translation>
    </message>
    <message>
        <source>Dismissed: {0} of {1} {2}.</source>
        <translation>Verworfen: {0} von {1} {2}.</translation>
    </message>
    <message>
        <source>No mints yet.</source>
        <translation>Noch keine Mints.</translation>
    </message>
    <message>
        <source>Applied:</source>
        <translation>Übernommen:</translation>
    </message>
    <message>
        <source>Restore from the recovery words</source>
        <translation>Aus den Wiederherstellungswörtern wiederherstellen</translation>
    </message>
    <message>
        <source>Mint to search (URL):</source>
        <translation>Zu durchsuchende Mint (URL):</translation>
    </message>
    <message>
        <source>Saved to</source>
        <translation>Gespeichert unter</translation>
    </message>
    <message>
        <source>waiting to be claimed</source>
        <translation>wartet auf Einlösung</translation>
    </message>
    <message>
        <source>the public key must be 66 hex characters starting with 02 or 03</source>
        <translation>Der öffentliche Schlüssel muss aus 66 Hex-Zeichen bestehen und mit 02 oder 03 beginnen</translation>
    </message>
    <message>
        <source>enter an amount to send</source>
        <translation>Geben Sie einen Betrag zum Senden ein</translation>
    </message>
    <message>
        <source>choose a mint (add one first)</source>
        <translation>Wählen Sie eine Mint (fügen Sie zuerst eine hinzu)</translation>
    </message>
    <message>
        <source>a refund key needs an expiry time</source>
        <translation>Ein Rückerstattungsschlüssel braucht einen Ablaufzeitpunkt</translation>
    </message>
    <message>
        <source>make a token first</source>
        <translation>Erstellen Sie zuerst ein Token</translation>
    </message>
    <message>
        <source>Save the token to a file</source>
        <translation>Token in einer Datei speichern</translation>
    </message>
    <message>
        <source>Anyone holding this file can spend the ecash, unless it is encrypted. An encrypted file (.cashu.age) opens with Nutdesk or the age tool and the passphrase.</source>
        <translation>Wer diese Datei besitzt, kann das Ecash ausgeben, sofern sie nicht verschlüsselt ist. Eine verschlüsselte Datei (.cashu.age) lässt sich mit Nutdesk oder dem Programm age und der Passphrase öffnen.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Encrypt with a passphrase</source>
        <translation>Mit einer Passphrase verschlüsseln</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Save the token</source>
        <translation>Token speichern</translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation>Wählen Sie eine Datei.</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>Geben Sie eine Passphrase ein.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send ecash</source>
        <translation>Ecash senden</translation>
    </message>
    <message>
        <source>optional, travels with the token</source>
        <translation>optional, reist mit dem Token</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Include the receiver&apos;s mint fee</source>
        <translation>Mint-Gebühr des Empfängers einrechnen</translation>
    </message>
    <message>
        <source>Offline: exact proofs only, no mint contact</source>
        <translation>Offline: nur passende Proofs, kein Kontakt zur Mint</translation>
    </message>
    <message>
        <source>02… public key (P2PK), optional</source>
        <translation>02… öffentlicher Schlüssel (P2PK), optional</translation>
    </message>
    <message>
        <source>Refundable after</source>
        <translation>Rückerstattbar nach</translation>
    </message>
    <message>
        <source>refund public key (defaults to nobody)</source>
        <translation>öffentlicher Rückerstattungsschlüssel (standardmäßig niemand)</translation>
    </message>
    <message>
        <source>Lock to:</source>
        <translation>Sperren für:</translation>
    </message>
    <message>
        <source>Refund key:</source>
        <translation>Rückerstattungsschlüssel:</translation>
    </message>
    <message>
        <source>Blind the lock (P2BK): the mint cannot link it to the receiver</source>
        <translation>Sperre verblinden (P2BK): Die Mint kann sie nicht dem Empfänger zuordnen</translation>
    </message>
    <message>
        <source>Create token</source>
        <translation>Token erstellen</translation>
    </message>
    <message>
        <source>Creating the token…</source>
        <translation>Token wird erstellt…</translation>
    </message>
    <message>
        <source>Create a token to see it here.</source>
        <translation>Erstellen Sie ein Token, um es hier zu sehen.</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>In Datei speichern…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Sent, not yet claimed</source>
        <translation>Gesendet, noch nicht eingelöst</translation>
    </message>
    <message>
        <source>Nothing waiting. A token you create stays listed here until someone claims it; until then you can take it back with &lt;b&gt;Reclaim&lt;/b&gt;.</source>
        <translation>Nichts ausstehend. Ein erstelltes Token bleibt hier aufgeführt, bis jemand es einlöst; bis dahin können Sie es mit &lt;b&gt;Zurückholen&lt;/b&gt; zurücknehmen.</translation>
    </message>
    <message>
        <source>Check claimed</source>
        <translation>Einlösungen prüfen</translation>
    </message>
    <message>
        <source>Reclaim</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <source>Take back a token nobody claimed yet</source>
        <translation>Ein Token zurückholen, das noch niemand eingelöst hat</translation>
    </message>
    <message>
        <source>Reclaiming…</source>
        <translation>Wird zurückgeholt…</translation>
    </message>
    <message>
        <source> Locked to the given key.</source>
        <translation> Für den angegebenen Schlüssel gesperrt.</translation>
    </message>
    <message>
        <source>✓ Token for {0} (fee {1}).{2} It stays pending until the receiver claims it.</source>
        <translation>✓ Token über {0} (Gebühr {1}).{2} Es bleibt ausstehend, bis der Empfänger es einlöst.</translation>
    </message>
    <message>
        <source>create a token first</source>
        <translation>Erstellen Sie zuerst ein Token</translation>
    </message>
    <message>
        <source>✓ Saved to {0}{1}. It stays pending until claimed.</source>
        <translation>✓ Gespeichert unter {0}{1}. Es bleibt ausstehend, bis es eingelöst wird.</translation>
    </message>
    <message>
        <source>Reclaim token</source>
        <translation>Token zurückholen</translation>
    </message>
    <message>
        <source>Take back {0}? Whoever holds the token can no longer claim it.</source>
        <translation>{0} zurückholen? Wer das Token besitzt, kann es dann nicht mehr einlösen.</translation>
    </message>
    <message>
        <source>✓ Reclaimed {0} (fee {1}).</source>
        <translation>✓ {0} zurückgeholt (Gebühr {1}).</translation>
    </message>
    <message>
        <source>{0} claimed by receivers</source>
        <translation>{0} von Empfängern eingelöst</translation>
    </message>
    <message>
        <source>Nothing claimed yet</source>
        <translation>Noch nichts eingelöst</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>nicht getestet</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Vertraut</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>an empty password protects nothing: choose Remove password instead</source>
        <translation>Ein leeres Passwort schützt nichts: Wählen Sie stattdessen „Passwort entfernen“</translation>
    </message>
    <message>
        <source>there is no password to remember</source>
        <translation>Es gibt kein Passwort, das gespeichert werden könnte</translation>
    </message>
    <message>
        <source>the system keyring is not available</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar</translation>
    </message>
    <message>
        <source>Recovery words</source>
        <translation>Wiederherstellungswörter</translation>
    </message>
    <message>
        <source>Anyone with these words can spend your ecash. Write them down; never type them online.</source>
        <translation>Wer diese Wörter kennt, kann Ihr Ecash ausgeben. Schreiben Sie sie auf; tippen Sie sie nie online ein.</translation>
    </message>
    <message>
        <source>{0:&gt;2}. &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation>{0:&gt;2}. &lt;b&gt;{1}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add a Lightning backend</source>
        <translation>Lightning-Backend hinzufügen</translation>
    </message>
    <message>
        <source>e.g. my-lnbits</source>
        <translation>z. B. mein-lnbits</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Add a cashier</source>
        <translation>Einen Kassierer hinzufügen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Cashier:</source>
        <translation>Kassierer:</translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation>4 bis 12 Ziffern</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Each cashier signs in at the till with their own PIN; the Z-report counts each.</source>
        <translation>Jeder Kassierer meldet sich an der Kasse mit seiner eigenen PIN an; der Z-Bericht zählt jeden einzeln.</translation>
    </message>
    <message>
        <source>Cashiers</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>{0} at till {1}</source>
        <translation>{0} an Kasse {1}</translation>
    </message>
    <message>
        <source>Signed in: {0}</source>
        <translation>Angemeldet: {0}</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Niemand ist angemeldet.</translation>
    </message>
    <message>
        <source>Added {0}.</source>
        <translation>{0} hinzugefügt.</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Mints</source>
        <translation>Mints</translation>
    </message>
    <message>
        <source>Trust / distrust</source>
        <translation>Vertrauen / nicht vertrauen</translation>
    </message>
    <message>
        <source>Label…</source>
        <translation>Bezeichnung…</translation>
    </message>
    <message>
        <source>Name the mint your way; its host is always shown beside the name</source>
        <translation>Benennen Sie die Mint nach Ihren Wünschen; ihr Host wird immer neben dem Namen angezeigt</translation>
    </message>
    <message>
        <source>Lightning backends</source>
        <translation>Lightning-Backends</translation>
    </message>
    <message>
        <source>Your own Lightning wallets (LNbits, …) for topping up mints and withdrawing from them.</source>
        <translation>Ihre eigenen Lightning-Wallets (LNbits, …) zum Aufladen von Mints und zum Abheben von ihnen.</translation>
    </message>
    <message>
        <source>Add backend…</source>
        <translation>Backend hinzufügen…</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Lightning backends are not available in this build</source>
        <translation>Lightning-Backends sind in diesem Build nicht verfügbar</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Fiat currency:</source>
        <translation>Fiat-Währung:</translation>
    </message>
    <message>
        <source>Fiat values are shown only while a fresh exchange rate is known.</source>
        <translation>Fiat-Werte werden nur angezeigt, solange ein aktueller Wechselkurs bekannt ist.</translation>
    </message>
    <message>
        <source>Save relays</source>
        <translation>Relays speichern</translation>
    </message>
    <message>
        <source>Nostr relays:</source>
        <translation>Nostr-Relays:</translation>
    </message>
    <message>
        <source>Payment requests sent over Nostr that name no relay of their own go through these.</source>
        <translation>Zahlungsanforderungen über Nostr, die kein eigenes Relay nennen, laufen über diese.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when Nutdesk is next started.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Nutdesk.</translation>
    </message>
    <message>
        <source>Saved: restart Nutdesk to use the new language.</source>
        <translation>Gespeichert: Starten Sie Nutdesk neu, um die neue Sprache zu verwenden.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation>Passwort festlegen…</translation>
    </message>
    <message>
        <source>Remove password…</source>
        <translation>Passwort entfernen…</translation>
    </message>
    <message>
        <source>Show recovery words…</source>
        <translation>Wiederherstellungswörter anzeigen…</translation>
    </message>
    <message>
        <source>Remember in keyring</source>
        <translation>Im Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring, so the wallet opens without a prompt</source>
        <translation>Das Passwort im Schlüsselbund des Systems speichern, damit die Wallet ohne Abfrage öffnet</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Datenverzeichnis:</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>Protokolle:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Database and till</source>
        <translation>Datenbank und Kasse</translation>
    </message>
    <message>
        <source>this computer: {0}</source>
        <translation>dieser Computer: {0}</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>In Gebrauch:</translation>
    </message>
    <message>
        <source>(no name: a single till)</source>
        <translation>(kein Name: eine einzelne Kasse)</translation>
    </message>
    <message>
        <source>This till:</source>
        <translation>Diese Kasse:</translation>
    </message>
    <message>
        <source>postgresql://user@host/database — empty: this computer&apos;s file</source>
        <translation>postgresql://benutzer@host/datenbank — leer: die Datei dieses Computers</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>Datenbank-URL</translation>
    </message>
    <message>
        <source>Database URL:</source>
        <translation>Datenbank-URL:</translation>
    </message>
    <message>
        <source>kept in the system keyring, never in a file</source>
        <translation>im Schlüsselbund des Systems aufbewahrt, nie in einer Datei</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Datenbank-Passwort</translation>
    </message>
    <message>
        <source>e.g. bar, door (sales and Z-reports carry it)</source>
        <translation>z. B. theke, eingang (Verkäufe und Z-Berichte tragen ihn)</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>Name der Kasse</translation>
    </message>
    <message>
        <source>Till name:</source>
        <translation>Name der Kasse:</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>Prüfen und speichern</translation>
    </message>
    <message>
        <source>Connecting to the database…</source>
        <translation>Verbindung zur Datenbank…</translation>
    </message>
    <message>
        <source>--db, --till, NUTDESK_DB_URL and NUTDESK_TILL, when given, win over what is saved here. Without a saved password: PGPASSWORD or ~/.pgpass.</source>
        <translation>--db, --till, NUTDESK_DB_URL und NUTDESK_TILL haben, wenn angegeben, Vorrang vor dem hier Gespeicherten. Ohne gespeichertes Passwort: PGPASSWORD oder ~/.pgpass.</translation>
    </message>
    <message>
        <source>Enter a postgresql:// URL (e.g. postgresql://shop@books.local/nutdesk).</source>
        <translation>Geben Sie eine postgresql://-URL ein (z. B. postgresql://shop@books.local/nutdesk).</translation>
    </message>
    <message>
        <source>An empty database</source>
        <translation>Eine leere Datenbank</translation>
    </message>
    <message>
        <source>No wallet lives in this database yet. To move this wallet into it, cancel and run nutdesk db copy --to URL first (with Nutdesk closed). Used as it is, a new wallet is set up there at the next start.</source>
        <translation>In dieser Datenbank gibt es noch keine Wallet. Um diese Wallet hineinzuverschieben, brechen Sie ab und führen Sie zuerst nutdesk db copy --to URL aus (bei geschlossenem Nutdesk). So verwendet, wird dort beim nächsten Start eine neue Wallet eingerichtet.</translation>
    </message>
    <message>
        <source>Use the empty database</source>
        <translation>Die leere Datenbank verwenden</translation>
    </message>
    <message>
        <source>Not saved: the database is empty.</source>
        <translation>Nicht gespeichert: Die Datenbank ist leer.</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring.</source>
        <translation>Das Passwort wird im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>No system keyring here: the password was not saved; set PGPASSWORD or ~/.pgpass.</source>
        <translation>Hier gibt es keinen Schlüsselbund: Das Passwort wurde nicht gespeichert; setzen Sie PGPASSWORD oder ~/.pgpass.</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>{0} unter {1}</translation>
    </message>
    <message>
        <source>this computer&apos;s file</source>
        <translation>die Datei dieses Computers</translation>
    </message>
    <message>
        <source>Saved ({0}): restart Nutdesk to use it.</source>
        <translation>Gespeichert ({0}): Starten Sie Nutdesk neu, um sie zu verwenden.</translation>
    </message>
    <message>
        <source>Encrypted with a password, asked at start: the recovery words and every secret of the ecash (proofs, tokens, quote keys, the journal) — a copy of the data directory cannot be spent.</source>
        <translation>Mit einem Passwort verschlüsselt, das beim Start abgefragt wird: die Wiederherstellungswörter und jedes Geheimnis des Ecash (Proofs, Tokens, Quote-Schlüssel, das Journal) — eine Kopie des Datenverzeichnisses lässt sich nicht ausgeben.</translation>
    </message>
    <message>
        <source>No password: anyone using this computer account, or a copy of the data directory, can spend the wallet. A password needs at least {0} characters.</source>
        <translation>Kein Passwort: Jeder, der dieses Benutzerkonto nutzt, oder jede Kopie des Datenverzeichnisses kann die Wallet ausgeben. Ein Passwort braucht mindestens {0} Zeichen.</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Passwort ändern…</translation>
    </message>
    <message>
        <source>Forget from keyring</source>
        <translation>Aus dem Schlüsselbund entfernen</translation>
    </message>
    <message>
        <source>Mint label</source>
        <translation>Mint-Bezeichnung</translation>
    </message>
    <message>
        <source>Label for {0} (empty: its own name):</source>
        <translation>Bezeichnung für {0} (leer: ihr eigener Name):</translation>
    </message>
    <message>
        <source>Remove {0} from the wallet?</source>
        <translation>{0} aus der Wallet entfernen?</translation>
    </message>
    <message>
        <source>No Lightning backend yet: add one with “Add backend…”, then test it.</source>
        <translation>Noch kein Lightning-Backend: Fügen Sie eines mit „Backend hinzufügen…“ hinzu und testen Sie es.</translation>
    </message>
    <message>
        <source>Select a backend in the list, then press Test.</source>
        <translation>Wählen Sie ein Backend in der Liste aus und drücken Sie dann „Testen“.</translation>
    </message>
    <message>
        <source>Remove backend</source>
        <translation>Backend entfernen</translation>
    </message>
    <message>
        <source>Remove the backend {0!r}?</source>
        <translation>Das Backend {0!r} entfernen?</translation>
    </message>
    <message>
        <source>Saved {0} relay(s).</source>
        <translation>{0} Relay(s) gespeichert.</translation>
    </message>
    <message>
        <source>Saved: no relays.</source>
        <translation>Gespeichert: keine Relays.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Enter the current password.</source>
        <translation>Geben Sie das aktuelle Passwort ein.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Choose the new password: at least {0} characters, asked at every start.</source>
        <translation>Wählen Sie das neue Passwort: mindestens {0} Zeichen, abgefragt bei jedem Start.</translation>
    </message>
    <message>
        <source>Encrypting the wallet…</source>
        <translation>Die Wallet wird verschlüsselt…</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <source>Remove password</source>
        <translation>Passwort entfernen</translation>
    </message>
    <message>
        <source>Enter the current password to remove it.</source>
        <translation>Geben Sie das aktuelle Passwort ein, um es zu entfernen.</translation>
    </message>
    <message>
        <source>Enter the wallet password to show the words.</source>
        <translation>Geben Sie das Wallet-Passwort ein, um die Wörter anzuzeigen.</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rückkehr</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Files &amp; cheques</source>
        <translation>Dateien &amp; Schecks</translation>
    </message>
    <message>
        <source>Every token this wallet handed out — sent, saved to a file, or written as a cheque — and whether its receiver claimed it. Unclaimed tokens can be taken back; a cheque comes back after its expiry.</source>
        <translation>Jedes Token, das diese Wallet herausgegeben hat — gesendet, in einer Datei gespeichert oder als Scheck geschrieben — und ob sein Empfänger es eingelöst hat. Nicht eingelöste Tokens lassen sich zurückholen; ein Scheck kommt nach seinem Ablauf zurück.</translation>
    </message>
    <message>
        <source>Exported tokens and cheques</source>
        <translation>Exportierte Tokens und Schecks</translation>
    </message>
    <message>
        <source>Reclaim selected</source>
        <translation>Auswahl zurückholen</translation>
    </message>
    <message>
        <source>Reclaim expired cheques</source>
        <translation>Abgelaufene Schecks zurückholen</translation>
    </message>
    <message>
        <source>Reclaim expired cheques automatically</source>
        <translation>Abgelaufene Schecks automatisch zurückholen</translation>
    </message>
    <message>
        <source>Write a cheque</source>
        <translation>Einen Scheck schreiben</translation>
    </message>
    <message>
        <source>the recipient&apos;s public key: 02…/03… hex, P2PK:…, or npub1…</source>
        <translation>Der öffentliche Schlüssel des Empfängers: 02…/03… hex, P2PK:… oder npub1…</translation>
    </message>
    <message>
        <source>After this the cheque returns to you if unclaimed: 30d, 12h, 90m …</source>
        <translation>Danach kehrt der Scheck zu Ihnen zurück, falls nicht eingelöst: 30d, 12h, 90m …</translation>
    </message>
    <message>
        <source>Amount (sat):</source>
        <translation>Betrag (sat):</translation>
    </message>
    <message>
        <source>Pay to:</source>
        <translation>Zahlen an:</translation>
    </message>
    <message>
        <source>Returns after:</source>
        <translation>Kehrt zurück nach:</translation>
    </message>
    <message>
        <source>Write cheque</source>
        <translation>Scheck schreiben</translation>
    </message>
    <message>
        <source>Writing the cheque…</source>
        <translation>Der Scheck wird geschrieben…</translation>
    </message>
    <message>
        <source>Save printable page…</source>
        <translation>Druckbare Seite speichern…</translation>
    </message>
    <message>
        <source>Could not check now: {0}</source>
        <translation>Prüfung gerade nicht möglich: {0}</translation>
    </message>
    <message>
        <source>Checked: {0} claimed, {1} expired.</source>
        <translation>Geprüft: {0} eingelöst, {1} abgelaufen.</translation>
    </message>
    <message>
        <source> Took back {0} expired cheque(s).</source>
        <translation> {0} abgelaufene(n) Scheck(s) zurückgeholt.</translation>
    </message>
    <message>
        <source>Select a token or cheque first.</source>
        <translation>Wählen Sie zuerst ein Token oder einen Scheck aus.</translation>
    </message>
    <message>
        <source>✓ Took back {0} expired cheque(s), {1} sat.</source>
        <translation>✓ {0} abgelaufene(n) Scheck(s) zurückgeholt, {1} sat.</translation>
    </message>
    <message>
        <source>None expired.</source>
        <translation>Keiner abgelaufen.</translation>
    </message>
    <message>
        <source>add a mint with a balance first</source>
        <translation>Fügen Sie zuerst eine Mint mit Guthaben hinzu</translation>
    </message>
    <message>
        <source>enter the recipient&apos;s public key</source>
        <translation>Geben Sie den öffentlichen Schlüssel des Empfängers ein</translation>
    </message>
    <message>
        <source>✓ Cheque for {0} (fee {1}); only the recipient can redeem it until it expires, then it comes back to you.</source>
        <translation>✓ Scheck über {0} (Gebühr {1}); nur der Empfänger kann ihn bis zum Ablauf einlösen, danach kommt er zu Ihnen zurück.</translation>
    </message>
    <message>
        <source>write a cheque first</source>
        <translation>Schreiben Sie zuerst einen Scheck</translation>
    </message>
    <message>
        <source>✓ Saved to {0}</source>
        <translation>✓ Gespeichert unter {0}</translation>
    </message>
    <message>
        <source> (encrypted).</source>
        <translation> (verschlüsselt).</translation>
    </message>
    <message>
        <source>Save the printable page</source>
        <translation>Druckbare Seite speichern</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message>
        <source>✓ Printable page saved to {0}: open it in a browser to print.</source>
        <translation>✓ Druckbare Seite unter {0} gespeichert: Öffnen Sie sie zum Drucken in einem Browser.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Animated QR: frames per second</source>
        <translation>Animierter QR-Code: Bilder pro Sekunde</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> Bilder/s</translation>
    </message>
    <message>
        <source>Slower helps older phones; faster finishes sooner</source>
        <translation>Langsamer hilft älteren Telefonen; schneller ist früher fertig</translation>
    </message>
    <message>
        <source>Animated QR: bytes per frame</source>
        <translation>Animierter QR-Code: Bytes pro Bild</translation>
    </message>
    <message>
        <source> bytes/frame</source>
        <translation> Bytes/Bild</translation>
    </message>
    <message>
        <source>Smaller frames are easier to scan; larger ones need fewer frames</source>
        <translation>Kleinere Bilder lassen sich leichter scannen; größere brauchen weniger Bilder</translation>
    </message>
    <message>
        <source>Show as one QR</source>
        <translation>Als ein QR-Code anzeigen</translation>
    </message>
    <message>
        <source>For readers that cannot assemble animated codes (the code may be too dense)</source>
        <translation>Für Lesegeräte, die animierte Codes nicht zusammensetzen können (der Code kann zu dicht sein)</translation>
    </message>
    <message>
        <source>Animated QR: frame {0} · {1} parts ({2}/{3})</source>
        <translation>Animierter QR-Code: Bild {0} · {1} Teile ({2}/{3})</translation>
    </message>
    <message>
        <source>One QR code: it may be too dense for some phones.</source>
        <translation>Ein QR-Code: Für manche Telefone kann er zu dicht sein.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Scan a QR code</source>
        <translation>QR-Code scannen</translation>
    </message>
    <message>
        <source>Hold the QR code in front of the camera.</source>
        <translation>Halten Sie den QR-Code vor die Kamera.</translation>
    </message>
    <message>
        <source>Camera error: {0}</source>
        <translation>Kamerafehler: {0}</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>Kopiert ✓</translation>
    </message>
    <message>
        <source>Your lock key: &lt;code&gt;{0}…{1}&lt;/code&gt;</source>
        <translation>Ihr Sperrschlüssel: &lt;code&gt;{0}…{1}&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Senders can lock ecash to this key so that only this wallet can receive it; Nutdesk blinds such locks (P2BK) so the mint cannot link them to you.</source>
        <translation>Absender können Ecash für diesen Schlüssel sperren, sodass nur diese Wallet es empfangen kann; Nutdesk verblindet solche Sperren (P2BK), damit die Mint sie Ihnen nicht zuordnen kann.</translation>
    </message>
    <message>
        <source>Copy lock key</source>
        <translation>Sperrschlüssel kopieren</translation>
    </message>
    <message>
        <source>Review a mint</source>
        <translation>Eine Mint bewerten</translation>
    </message>
    <message>
        <source>What would you tell others about this mint?</source>
        <translation>Was würden Sie anderen über diese Mint sagen?</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>Bewertung:</translation>
    </message>
    <message>
        <source>Review:</source>
        <translation>Rezension:</translation>
    </message>
    <message>
        <source>Publish on Nostr</source>
        <translation>Auf Nostr veröffentlichen</translation>
    </message>
    <message>
        <source>Show mints recommended on Nostr</source>
        <translation>Auf Nostr empfohlene Mints anzeigen</translation>
    </message>
    <message>
        <source>Asking the relays…</source>
        <translation>Die Relays werden gefragt…</translation>
    </message>
    <message>
        <source>Write a review…</source>
        <translation>Eine Rezension schreiben…</translation>
    </message>
    <message>
        <source>No mints announced or recommended on your relays.</source>
        <translation>Keine Mints auf Ihren Relays angekündigt oder empfohlen.</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <source>No written reviews.</source>
        <translation>Keine schriftlichen Rezensionen.</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>Self-check</source>
        <translation>Selbsttest</translation>
    </message>
    <message>
        <source>Swap a few sat of your own ecash at this mint and take it back (costs fees)</source>
        <translation>Ein paar sat Ihres eigenen Ecash bei dieser Mint tauschen und zurücknehmen (kostet Gebühren)</translation>
    </message>
    <message>
        <source>Self-check…</source>
        <translation>Selbsttest…</translation>
    </message>
    <message>
        <source>; last self-check {0}: {1}</source>
        <translation>; letzter Selbsttest {0}: {1}</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Supports:</source>
        <translation>Unterstützt:</translation>
    </message>
    <message>
        <source>Trust this mint (accept its tokens without asking)</source>
        <translation>Dieser Mint vertrauen (ihre Tokens ohne Nachfrage annehmen)</translation>
    </message>
    <message>
        <source>Contacting the mint…</source>
        <translation>Die Mint wird kontaktiert…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;Cannot use this mint. {0}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c0392b&apos;&gt;Diese Mint kann nicht verwendet werden. {0}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>NUT </source>
        <translation>NUT </translation>
    </message>
    <message>
        <source>✓ The mint answered.</source>
        <translation>✓ Die Mint hat geantwortet.</translation>
    </message>
    <message>
        <source>Add a mint</source>
        <translation>Eine Mint hinzufügen</translation>
    </message>
    <message>
        <source>Add mint</source>
        <translation>Mint hinzufügen</translation>
    </message>
    <message>
        <source>the image cannot be read</source>
        <translation>Das Bild kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>QR scanning needs the zxing-cpp package (pip install zxing-cpp)</source>
        <translation>Zum Scannen von QR-Codes wird das Paket zxing-cpp benötigt (pip install zxing-cpp)</translation>
    </message>
    <message>
        <source>there is no screen to scan</source>
        <translation>Es gibt keinen Bildschirm zum Scannen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Forget the frames read so far</source>
        <translation>Die bisher gelesenen Bilder verwerfen</translation>
    </message>
    <message>
        <source>Animated QR: {0} of {1} parts after {2} frames — keep scanning</source>
        <translation>Animierter QR-Code: {0} von {1} Teilen nach {2} Bildern — weiter scannen</translation>
    </message>
    <message>
        <source> (a frame was unreadable: {0})</source>
        <translation> (ein Bild war nicht lesbar: {0})</translation>
    </message>
    <message>
        <source>Nostr relay of your mint-list backup (optional): every mint you used is found again.</source>
        <translation>Nostr-Relay Ihrer Mint-Listen-Sicherung (optional): Jede Mint, die Sie verwendet haben, wird wiedergefunden.</translation>
    </message>
    <message>
        <source>Fetching the mint-list backup…</source>
        <translation>Die Mint-Listen-Sicherung wird abgerufen…</translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>Die beiden Passwörter stimmen nicht überein</translation>
    </message>
    <message>
        <source>no recovery words</source>
        <translation>Keine Wiederherstellungswörter</translation>
    </message>
    <message>
        <source>Welcome to Nutdesk</source>
        <translation>Willkommen bei Nutdesk</translation>
    </message>
    <message>
        <source>Nutdesk keeps Cashu ecash from several mints on this computer.</source>
        <translation>Nutdesk verwahrt Cashu-Ecash von mehreren Mints auf diesem Computer.</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>Eine neue Wallet erstellen</translation>
    </message>
    <message>
        <source>Restore a wallet from its 12 recovery words</source>
        <translation>Eine Wallet aus ihren 12 Wiederherstellungswörtern wiederherstellen</translation>
    </message>
    <message>
        <source>Your recovery words</source>
        <translation>Ihre Wiederherstellungswörter</translation>
    </message>
    <message>
        <source>Write these 12 words down, in order, and keep them offline. They restore your ecash if this computer is lost. Anyone who has them can spend it.</source>
        <translation>Schreiben Sie diese 12 Wörter der Reihe nach auf und bewahren Sie sie offline auf. Sie stellen Ihr Ecash wieder her, falls dieser Computer verloren geht. Wer sie hat, kann es ausgeben.</translation>
    </message>
    <message>
        <source>Confirm your words</source>
        <translation>Wörter bestätigen</translation>
    </message>
    <message>
        <source>To be sure they were written down, type these words.</source>
        <translation>Tippen Sie diese Wörter ein, um sicherzugehen, dass sie aufgeschrieben wurden.</translation>
    </message>
    <message>
        <source>Word {0}:</source>
        <translation>Wort {0}:</translation>
    </message>
    <message>
        <source>Not quite: check the words against what you wrote down (Back shows them again).</source>
        <translation>Nicht ganz: Vergleichen Sie die Wörter mit Ihrer Notiz („Zurück“ zeigt sie erneut).</translation>
    </message>
    <message>
        <source>Restore from recovery words</source>
        <translation>Aus Wiederherstellungswörtern wiederherstellen</translation>
    </message>
    <message>
        <source>Type the 12 words, separated by spaces. The ecash is found again at the mint you add next.</source>
        <translation>Geben Sie die 12 Wörter durch Leerzeichen getrennt ein. Das Ecash wird bei der Mint wiedergefunden, die Sie als Nächstes hinzufügen.</translation>
    </message>
    <message>
        <source>word1 word2 … word12</source>
        <translation>wort1 wort2 … wort12</translation>
    </message>
    <message>
        <source>Password (optional)</source>
        <translation>Passwort (optional)</translation>
    </message>
    <message>
        <source>A password (at least 8 characters) encrypts the wallet on disk — the recovery words and every secret of your ecash — and is asked at every start. Leave it empty for no password.</source>
        <translation>Ein Passwort (mindestens 8 Zeichen) verschlüsselt die Wallet auf der Festplatte — die Wiederherstellungswörter und jedes Geheimnis Ihres Ecash — und wird bei jedem Start abgefragt. Leer lassen für kein Passwort.</translation>
    </message>
    <message>
        <source>Add a first mint</source>
        <translation>Eine erste Mint hinzufügen</translation>
    </message>
    <message>
        <source>A mint issues the ecash and keeps the bitcoin behind it: choose one you trust. Check shows its name and message. You can skip this and add mints later.</source>
        <translation>Eine Mint gibt das Ecash aus und verwahrt die Bitcoin dahinter: Wählen Sie eine, der Sie vertrauen. „Prüfen“ zeigt ihren Namen und ihre Nachricht. Sie können das überspringen und Mints später hinzufügen.</translation>
    </message>
    <message>
        <source>Nutdesk — set up your wallet</source>
        <translation>Nutdesk — Wallet einrichten</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>jetzt fällig</translation>
    </message>
    <message>
        <source>unfinished ({0})</source>
        <translation>unvollendet ({0})</translation>
    </message>
    <message>
        <source>waiting to be resumed</source>
        <translation>wartet auf Fortsetzung</translation>
    </message>
    <message>
        <source>{0}: unreachable — left alone</source>
        <translation>{0}: nicht erreichbar — unverändert gelassen</translation>
    </message>
    <message>
        <source>{0}: {1} proofs checked, the mint agrees</source>
        <translation>{0}: {1} Proofs geprüft, die Mint stimmt zu</translation>
    </message>
    <message>
        <source>{0} spent elsewhere ({1}) → remove</source>
        <translation>{0} anderswo ausgegeben ({1}) → entfernen</translation>
    </message>
    <message>
        <source>{0} sent and claimed ({1}) → mark spent</source>
        <translation>{0} gesendet und eingelöst ({1}) → als ausgegeben markieren</translation>
    </message>
    <message>
        <source>{0} pending at the mint ({1}) → keep pending</source>
        <translation>{0} ausstehend bei der Mint ({1}) → ausstehend lassen</translation>
    </message>
    <message>
        <source>Too large for one QR code:
use Copy or Save to file.</source>
        <translation>Zu groß für einen QR-Code:
verwenden Sie Kopieren oder In Datei speichern.</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>No items yet: add them with &apos;nutdesk pos item add&apos; or import a CSV.</source>
        <translation>Noch keine Artikel: Fügen Sie sie mit &apos;nutdesk pos item add&apos; hinzu oder importieren Sie eine CSV-Datei.</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>One less of the selected line</source>
        <translation>Eins weniger von der ausgewählten Zeile</translation>
    </message>
    <message>
        <source>One more of the selected line</source>
        <translation>Eins mehr von der ausgewählten Zeile</translation>
    </message>
    <message>
        <source>Discount of the selected line, percent</source>
        <translation>Rabatt auf die ausgewählte Zeile, Prozent</translation>
    </message>
    <message>
        <source> % off</source>
        <translation> % Rabatt</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Empty the basket</source>
        <translation>Den Warenkorb leeren</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>{0} hinzufügen</translation>
    </message>
    <message>
        <source>Basket: {0:,} {1}</source>
        <translation>Warenkorb: {0:,} {1}</translation>
    </message>
    <message>
        <source>Refund {0:,} {1} of sale {2} ({3:,} {4}, {5}{6}) as an ecash token for the customer?</source>
        <translation>{0:,} {1} des Verkaufs {2} ({3:,} {4}, {5}{6}) als Ecash-Token für den Kunden erstatten?</translation>
    </message>
    <message>
        <source>{0} was paid after you moved on ({1:,} {2})</source>
        <translation>{0} wurde bezahlt, nachdem Sie weitergemacht haben ({1:,} {2})</translation>
    </message>
    <message>
        <source>{0}: payment failed — {1}</source>
        <translation>{0}: Zahlung fehlgeschlagen — {1}</translation>
    </message>
    <message>
        <source>{0} is {1}: it settles by itself</source>
        <translation>{0} ist {1}: wird von selbst abgeschlossen</translation>
    </message>
    <message>
        <source>Ecash kept at</source>
        <translation>Ecash verwahrt bei</translation>
    </message>
    <message>
        <source>Forwarded over Lightning from</source>
        <translation>Über Lightning weitergeleitet von</translation>
    </message>
    <message>
        <source>Lightning, minted at</source>
        <translation>Lightning, ausgegeben bei</translation>
    </message>
    <message>
        <source>✓ PAID</source>
        <translation>✓ BEZAHLT</translation>
    </message>
    <message>
        <source>Give change as ecash</source>
        <translation>Wechselgeld als Ecash geben</translation>
    </message>
    <message>
        <source>The overpayment, as a token</source>
        <translation>Die Überzahlung, als Token</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Print, save or refund</source>
        <translation>Drucken, speichern oder erstatten</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Neuer Verkauf</translation>
    </message>
    <message>
        <source>Back to the keypad</source>
        <translation>Zurück zum Tastenfeld</translation>
    </message>
    <message>
        <source>✓ PAID · OFFLINE</source>
        <translation>✓ BEZAHLT · OFFLINE</translation>
    </message>
    <message>
        <source> · {0:,.2f} {1}</source>
        <translation> · {0:,.2f} {1}</translation>
    </message>
    <message>
        <source>Lightning, paid to the shop&apos;s node ({0})</source>
        <translation>Lightning, an den Node des Shops bezahlt ({0})</translation>
    </message>
    <message>
        <source>
Paid with {0}</source>
        <translation>
Bezahlt mit {0}</translation>
    </message>
    <message>
        <source>
Overpaid by {0}</source>
        <translation>
Überzahlt um {0}</translation>
    </message>
    <message>
        <source>
Receipt {0}</source>
        <translation>
Beleg {0}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Refund in ecash</source>
        <translation>Rückerstattung in Ecash</translation>
    </message>
    <message>
        <source>Amount to refund</source>
        <translation>Zu erstattender Betrag</translation>
    </message>
    <message>
        <source>amount to refund</source>
        <translation>zu erstattender Betrag</translation>
    </message>
    <message>
        <source>Issue refund…</source>
        <translation>Rückerstattung ausstellen…</translation>
    </message>
    <message>
        <source>Asks to confirm the amount and sale</source>
        <translation>Fragt nach Bestätigung von Betrag und Verkauf</translation>
    </message>
    <message>
        <source>Refund token QR code</source>
        <translation>QR-Code des Rückerstattungs-Tokens</translation>
    </message>
    <message>
        <source>Save token to file…</source>
        <translation>Token in Datei speichern…</translation>
    </message>
    <message>
        <source>A refund of {0:,} {1} is still being finished with the mint: it completes by itself — do not refund it again.</source>
        <translation>Eine Rückerstattung über {0:,} {1} wird noch mit der Mint abgeschlossen: Sie wird von selbst fertig — nicht erneut erstatten.</translation>
    </message>
    <message>
        <source>{0} is fully refunded.</source>
        <translation>{0} ist vollständig erstattet.</translation>
    </message>
    <message>
        <source>Locked till: refunds up to {0:,} {1}</source>
        <translation>Gesperrte Kasse: Rückerstattungen bis {0:,} {1}</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Rückerstattung</translation>
    </message>
    <message>
        <source>Refund {0:,} {1}</source>
        <translation>{0:,} {1} erstatten</translation>
    </message>
    <message>
        <source>Refunding {0:,} {1} of {2}…</source>
        <translation>{0:,} {1} von {2} werden erstattet…</translation>
    </message>
    <message>
        <source>The mint did not answer ({0}). The refund is kept and finishes by itself when the mint is back (Recovery): do not refund {1} again.</source>
        <translation>Die Mint hat nicht geantwortet ({0}). Die Rückerstattung bleibt erhalten und wird von selbst abgeschlossen, sobald die Mint zurück ist (Wiederherstellung): {1} nicht erneut erstatten.</translation>
    </message>
    <message>
        <source>Refunded {0:,} {1} of {2}: let the customer scan this token.</source>
        <translation>{0:,} {1} von {2} erstattet: Lassen Sie den Kunden dieses Token scannen.</translation>
    </message>
    <message>
        <source>Save the refund token</source>
        <translation>Das Rückerstattungs-Token speichern</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>Den Beleg speichern</translation>
    </message>
    <message>
        <source>Nutdesk — point of sale</source>
        <translation>Nutdesk — Kasse</translation>
    </message>
    <message>
        <source>{0} — till {1}</source>
        <translation>{0} — Kasse {1}</translation>
    </message>
    <message>
        <source>Till: {0}</source>
        <translation>Kasse: {0}</translation>
    </message>
    <message>
        <source>PIN to unlock the till</source>
        <translation>PIN zum Entsperren der Kasse</translation>
    </message>
    <message>
        <source>PIN, then Enter</source>
        <translation>PIN, dann Enter</translation>
    </message>
    <message>
        <source>Cashier…</source>
        <translation>Kassierer…</translation>
    </message>
    <message>
        <source>Z-report</source>
        <translation>Z-Bericht</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Exit POS</source>
        <translation>Kasse verlassen</translation>
    </message>
    <message>
        <source>Cashier: {0}</source>
        <translation>Kassierer: {0}</translation>
    </message>
    <message>
        <source>No cashier signed in</source>
        <translation>Kein Kassierer angemeldet</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Entsperren…</translation>
    </message>
    <message>
        <source>Locked — wrong PIN</source>
        <translation>Gesperrt — falsche PIN</translation>
    </message>
    <message>
        <source>Unlock the till</source>
        <translation>Die Kasse entsperren</translation>
    </message>
    <message>
        <source>Enter the PIN to unlock the till.</source>
        <translation>Geben Sie die PIN ein, um die Kasse zu entsperren.</translation>
    </message>
    <message>
        <source>Enter the PIN to leave POS mode.</source>
        <translation>Geben Sie die PIN ein, um den Kassenmodus zu verlassen.</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>Diese Kasse</translation>
    </message>
    <message>
        <source>Whole shop</source>
        <translation>Ganzes Geschäft</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Schicht abschließen</translation>
    </message>
    <message>
        <source>End the shift; a new one opens</source>
        <translation>Die Schicht beenden; eine neue beginnt</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>Als CSV speichern…</translation>
    </message>
    <message>
        <source>Whole shop: every till&apos;s open shift</source>
        <translation>Ganzes Geschäft: die offene Schicht jeder Kasse</translation>
    </message>
    <message>
        <source>This till: {0}</source>
        <translation>Diese Kasse: {0}</translation>
    </message>
    <message>
        <source>Save the Z-report</source>
        <translation>Den Z-Bericht speichern</translation>
    </message>
    <message>
        <source>Z-report, whole shop</source>
        <translation>Z-Bericht, ganzer Laden</translation>
    </message>
    <message>
        <source>Z-report {0}</source>
        <translation>Z-Bericht {0}</translation>
    </message>
    <message>
        <source>Best sellers</source>
        <translation>Bestseller</translation>
    </message>
    <message>
        <source>Sales per category</source>
        <translation>Umsatz je Kategorie</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Verluste</translation>
    </message>
    <message>
        <source>Losses (double-spent offline tokens)</source>
        <translation>Verluste (doppelt ausgegebene Offline-Token)</translation>
    </message>
    <message>
        <source>Best sellers: the top {0} by quantity sold</source>
        <translation>Bestseller: die {0} meistverkauften Artikel</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <source>No item sold in this period. Sales from the till&apos;s item grid (or `pos charge --item`) show here.</source>
        <translation>In diesem Zeitraum wurde kein Artikel verkauft. Verkäufe über das Artikelraster der Kasse (oder `pos charge --item`) erscheinen hier.</translation>
    </message>
    <message>
        <source>{0:,} items sold for {1:,} sat in {2} categories.</source>
        <translation>{0:,} Artikel für {1:,} sat in {2} Kategorien verkauft.</translation>
    </message>
    <message>
        <source>At the rates of the sales: {0}.</source>
        <translation>Zu den Kursen der Verkäufe: {0}.</translation>
    </message>
    <message>
        <source>{0} line(s) sold without a {1} rate are not in that figure.</source>
        <translation>{0} Position(en), ohne {1}-Kurs verkauft, sind darin nicht enthalten.</translation>
    </message>
    <message>
        <source>Lost: {0:,} sat on {1} offline sale(s) whose ecash was already spent.</source>
        <translation>Verloren: {0:,} sat bei {1} Offline-Verkauf/-Verkäufen, deren Ecash bereits ausgegeben war.</translation>
    </message>
</context>
</TS>
