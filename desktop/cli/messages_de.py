"""German for the CLI (desktop/cli/catalogue.py): English source text → German. tests/unit/test_cli_catalogue.py
checks that every ``_("…")`` of desktop/cli has an entry here, with the same placeholders."""

from __future__ import annotations

__all__ = ["ARGPARSE", "ARGPARSE_PLURALS", "MESSAGES"]

MESSAGES: dict[str, str] = {
    "which mints? give --mint URL, or --relay wss://… to fetch the mint-list backup": (
        "welche Mints? Geben Sie --mint URL an, oder --relay wss://…, um die Sicherung der Mint-Liste abzurufen"
    ),
    "payment cancelled": "Zahlung abgebrochen",
    "create a giveaway": "eine Verlosung erstellen",
    "the spending PIN is needed: set {0} (or {0}=- and pipe it on stdin)": (
        "die Ausgabe-PIN wird gebraucht: setzen Sie {0} (oder {0}=- und geben Sie sie über stdin ein)"
    ),
    "no input (Ctrl-D): nothing was done": "keine Eingabe (Strg-D): nichts wurde getan",
    "this wallet has a password: set NUTDESK_PASSWORD or use --password-file": (
        "diese Wallet hat ein Passwort: setzen Sie NUTDESK_PASSWORD oder verwenden Sie --password-file"
    ),
    "no wallet in {0} yet: run `nutdesk init` first (or `nutdesk init --restore`)": (
        "in {0} gibt es noch keine Wallet: führen Sie zuerst `nutdesk init` aus (oder `nutdesk init --restore`)"
    ),
    "the amount must be at least 1, not {0}": "der Betrag muss mindestens 1 sein, nicht {0}",
    "{0!r} is not a whole number (amounts are in sat, or cents)": (
        "{0!r} ist keine ganze Zahl (Beträge in sat oder Cent)"
    ),
    "Lightning backends (LNbits, Blink, NWC, LND, CLN, plugins)": (
        "Lightning-Backends (LNbits, Blink, NWC, LND, CLN, Plugins)"
    ),
    "registered types, configured backends and their capabilities": (
        "registrierte Typen, eingerichtete Backends und ihre Fähigkeiten"
    ),
    "configure a backend": "ein Backend einrichten",
    "backend type, e.g. lnbits": "Backend-Typ, z. B. lnbits",
    "an option (repeat)": "eine Option (wiederholbar)",
    "overwrite a backend of the same name": "ein gleichnamiges Backend überschreiben",
    "reach a backend and show its balance": "ein Backend erreichen und sein Guthaben zeigen",
    "forget a backend": "ein Backend entfernen",
    "pay a mint quote from a Lightning backend and mint the ecash": (
        "ein Mint-Angebot aus einem Lightning-Backend bezahlen und das Ecash ausgeben lassen"
    ),
    "seconds to wait for the mint to see the payment": (
        "Sekunden, die auf die Zahlungserkennung der Mint gewartet wird"
    ),
    "melt ecash into an invoice of a Lightning backend": "Ecash in eine Rechnung eines Lightning-Backends einlösen",
    "refuse when the melt could cost more than this in fees": (
        "ablehnen, wenn die Einlösung mehr als dies an Gebühren kosten könnte"
    ),
    "Backend types: ": "Backend-Typen: ",
    "No backends configured: nutdesk backends add TYPE --name NAME --opt key=value …": (
        "Keine Backends eingerichtet: nutdesk backends add TYPE --name NAME --opt key=value …"
    ),
    "Removed backend {0}": "Backend {0} entfernt",
    "Topped up {0} {1} at {2} from {3}.": "{0} {1} bei {2} aus {3} aufgeladen.",
    "Withdrew {0} {1} to {2} (fee {3}); backend sees it {4}.": (
        "{0} {1} nach {2} abgehoben (Gebühr {3}); das Backend sieht es als {4}."
    ),
    "Added backend {0} ({1}). Check it with: nutdesk backends test {2}": (
        "Backend {0} ({1}) hinzugefügt. Prüfen mit: nutdesk backends test {2}"
    ),
    "{0}: reachable, balance {1}": "{0}: erreichbar, Guthaben {1}",
    "Paying a {0} {1} invoice of {2} from {3}…": "Eine Rechnung über {0} {1} von {2} wird aus {3} bezahlt…",
    "--opt takes key=value, not {0!r}": "--opt erwartet key=value, nicht {0!r}",
    "  plugin not loaded: {0}": "  Plugin nicht geladen: {0}",
    "{0}  {1}  units: {2}  {3}": "{0}  {1}  Einheiten: {2}  {3}",
    "--encrypt needs --out FILE": "--encrypt braucht --out FILE",
    "No exported tokens.": "Keine exportierten Tokens.",
    "a token locked to a recipient that returns to you after its expiry": (
        "ein Token, gesperrt für einen Empfänger, das nach Ablauf zu Ihnen zurückkehrt"
    ),
    "the recipient's public key (hex, P2PK:hex or npub)": (
        "der öffentliche Schlüssel des Empfängers (hex, P2PK:hex oder npub)"
    ),
    "when it returns to you: 30d, 12h, 90m … (default 30d)": (
        "wann es zu Ihnen zurückkehrt: 30d, 12h, 90m … (Standard 30d)"
    ),
    "the mint to pay from (default: the one holding the most)": (
        "die Mint, aus der bezahlt wird (Standard: die mit dem meisten Guthaben)"
    ),
    "write the token to this file (atomically, owner-only) and a page FILE.html": (
        "das Token in diese Datei schreiben (atomar, nur für den Besitzer) und eine Seite FILE.html"
    ),
    "write the printable page (HTML with the QR) here": (
        "die druckbare Seite (HTML mit dem QR-Code) hierhin schreiben"
    ),
    "exported tokens and cheques: list with their state, reclaim": (
        "exportierte Tokens und Schecks: mit ihrem Zustand auflisten, zurückholen"
    ),
    "every exported token and cheque, checked with the mint (NUT-07)": (
        "jedes exportierte Token und jeden Scheck, bei der Mint geprüft (NUT-07)"
    ),
    "take back an unclaimed token or an expired cheque": (
        "ein nicht eingelöstes Token oder einen abgelaufenen Scheck zurückholen"
    ),
    "every expired cheque": "jeden abgelaufenen Scheck",
    "also every unclaimed plain token": "auch jedes nicht eingelöste einfache Token",
    "reclaim expired cheques automatically when the vault is checked": (
        "abgelaufene Schecks automatisch zurückholen, wenn der Tresor geprüft wird"
    ),
    "Cheque for {0} {1} to {2} (fee {3}).": "Scheck über {0} {1} an {2} (Gebühr {3}).",
    "name a token (vault reclaim ID) or use --expired / --unclaimed": (
        "ein Token angeben (Tresor-ID für reclaim) oder --expired / --unclaimed verwenden"
    ),
    "Automatic reclaim of expired cheques is {0}.": "Das automatische Zurückholen abgelaufener Schecks ist {0}.",
    "Reclaimed {0} token(s), {1} in all.": "{0} Token(s) zurückgeholt, insgesamt {1}.",
    "{0} expired cheque(s): take them back with `nutdesk vault reclaim --expired`.": (
        "{0} abgelaufene(r) Scheck(s): zurückholen mit `nutdesk vault reclaim --expired`."
    ),
    "age-encrypt the file with a passphrase (${0})": "die Datei mit einer Passphrase per age verschlüsseln (${0})",
    "Written to {0}": "Geschrieben nach {0}",
    " and {0}": " und {0}",
    "No mints announced or recommended on these relays.": "Keine Mints auf diesen Relays angekündigt oder empfohlen.",
    "mints announced and recommended on Nostr (NIP-87), with reviews": (
        "auf Nostr angekündigte und empfohlene Mints (NIP-87), mit Rezensionen"
    ),
    "default: your relays": "Standard: Ihre Relays",
    "mainnet (default), testnet, signet or regtest": "mainnet (Standard), testnet, signet oder regtest",
    "publish your recommendation of a mint on Nostr (NIP-87)": (
        "Ihre Empfehlung einer Mint auf Nostr veröffentlichen (NIP-87)"
    ),
    "what you would tell others about this mint": "was Sie anderen über diese Mint sagen würden",
    "Review of {0} published to {1}.": "Rezension von {0} auf {1} veröffentlicht.",
    "{0}{1}: {2} recommendation(s), {3}": "{0}{1}: {2} Empfehlung(en), {3}",
    "the passphrases differ": "die Passphrasen stimmen nicht überein",
    "an empty passphrase protects nothing": "eine leere Passphrase schützt nichts",
    "make a token and write it to a file (.cashu, or .cashu.age encrypted)": (
        "ein Token erstellen und in eine Datei schreiben (.cashu, oder verschlüsselt .cashu.age)"
    ),
    "the file to write (written atomically, owner-only)": (
        "die zu schreibende Datei (atomar geschrieben, nur für den Besitzer)"
    ),
    "lock to this public key (P2PK)": "für diesen öffentlichen Schlüssel sperren (P2PK)",
    "redeem the token in a token file": "das Token in einer Token-Datei einlösen",
    "add and trust the token's mint if it is new": (
        "die Mint des Tokens hinzufügen und ihr vertrauen, falls sie neu ist"
    ),
    "Repeat the passphrase: ": "Passphrase wiederholen: ",
    "Wrote {0} {1} to {2} (fee {3}); it stays pending until claimed.": (
        "{0} {1} nach {2} geschrieben (Gebühr {3}); es bleibt ausstehend, bis es eingelöst wird."
    ),
    "Received {0} {1} from {2} (fee {3}).": "{0} {1} von {2} empfangen (Gebühr {3}).",
    "Already received: this file's token gave {0} {1}; nothing more to do.": (
        "Bereits empfangen: Das Token dieser Datei hat {0} {1} ergeben; nichts weiter zu tun."
    ),
    "age-encrypt with a passphrase (${0})": "per age mit einer Passphrase verschlüsseln (${0})",
    "a passphrase is needed: set {0} or pipe it on stdin": (
        "eine Passphrase wird benötigt: {0} setzen oder über stdin übergeben"
    ),
    "each mint's health: answer times, failures, expiring keysets, fees": (
        "der Zustand jeder Mint: Antwortzeiten, Fehler, ablaufende Keysets, Gebühren"
    ),
    "these mints (default: every mint of the wallet)": "diese Mints (Standard: jede Mint der Wallet)",
    "also swap a few sat of your own ecash (costs the mint's fees)": (
        "auch ein paar sat des eigenen Ecash tauschen (kostet die Gebühren der Mint)"
    ),
    "only what is known, without asking the mints": "nur das Bekannte, ohne die Mints zu fragen",
    "back the mint list up to Nostr, encrypted to the recovery words (NUT-27)": (
        "die Mint-Liste auf Nostr sichern, verschlüsselt mit den Wiederherstellungswörtern (NUT-27)"
    ),
    "use this relay (repeat; default: `relays`)": "dieses Relay verwenden (wiederholbar; Standard: `relays`)",
    "No mint-list backup on these relays.": "Keine Mint-Listen-Sicherung auf diesen Relays.",
    "Mint-list backup: {0}; relays: {1}; last backed up: {2}.": (
        "Mint-Listen-Sicherung: {0}; Relays: {1}; zuletzt gesichert: {2}."
    ),
    "Mint-list backup to Nostr is {0}.": "Die Mint-Listen-Sicherung auf Nostr ist {0}.",
    "Backed up {0} mints to {1}.": "{0} Mints auf {1} gesichert.",
    "nutdesk: the mint-list backup did not reach a relay ({0}); retried later": (
        "nutdesk: Die Mint-Listen-Sicherung hat kein Relay erreicht ({0}); später erneuter Versuch"
    ),
    "Fetching the mint-list backup from {0} …": "Die Mint-Listen-Sicherung wird von {0} abgerufen …",
    "no relay accepted the mint list: {0}": "kein Relay hat die Mint-Liste angenommen: {0}",
    "The backup names {0} mints.": "Die Sicherung nennt {0} Mints.",
    "the public key to lock ecash to for this wallet (P2PK; blinded with P2BK)": (
        "der öffentliche Schlüssel, für den Ecash an diese Wallet gesperrt wird (P2PK; verblindet mit P2BK)"
    ),
    "confirmation needed: add --yes to pay without asking": (
        "Bestätigung nötig: --yes hinzufügen, um ohne Nachfrage zu bezahlen"
    ),
    "This payment request has no transport: hand this token to the receiver:\n": (
        "Diese Zahlungsanforderung hat keinen Übertragungsweg: Geben Sie dieses Token dem Empfänger:\n"
    ),
    "Paid, proof of payment does not match (the mint's preimage is not the invoice's).": (
        "Bezahlt, aber der Zahlungsnachweis passt nicht (das Preimage der Mint ist nicht das der Rechnung)."
    ),
    "No Nostr relays: requests that name none cannot be paid.": (
        "Keine Nostr-Relays: Anforderungen, die keines nennen, können nicht bezahlt werden."
    ),
    "pay a Lightning invoice, an LNURL, a Lightning address or a Cashu payment request": (
        "eine Lightning-Rechnung, eine LNURL, eine Lightning-Adresse oder eine Cashu-Zahlungsanforderung bezahlen"
    ),
    "amount in the unit (sat) when the input has none": (
        "Betrag in der Einheit (sat), wenn die Eingabe keinen enthält"
    ),
    "a comment for the receiver (LNURL comment, payment request memo)": (
        "ein Kommentar für den Empfänger (LNURL-Kommentar, Notiz der Zahlungsanforderung)"
    ),
    "pay from this mint (default: the cheapest one with enough ecash)": (
        "von dieser Mint bezahlen (Standard: die günstigste mit genug Ecash)"
    ),
    "do not ask for confirmation": "nicht um Bestätigung bitten",
    "the Nostr relays for paying requests that name none (show, add, remove)": (
        "die Nostr-Relays zum Bezahlen von Anforderungen, die keines nennen (anzeigen, hinzufügen, entfernen)"
    ),
    "remove a relay": "ein Relay entfernen",
    "remove every relay": "alle Relays entfernen",
    "say what a string is (token, invoice, LNURL, address, payment request)": (
        "sagen, was eine Zeichenkette ist (Token, Rechnung, LNURL, Adresse, Zahlungsanforderung)"
    ),
    "the string; none or - reads stdin (also ur: animated-QR frames)": (
        "die Zeichenkette; keine oder - liest stdin (auch ur: Bilder eines animierten QR-Codes)"
    ),
    "create a Cashu payment request (creqA)": "eine Cashu-Zahlungsanforderung erstellen (creqA)",
    "an accepted mint (repeat; default: trusted mints)": (
        "eine akzeptierte Mint (wiederholbar; Standard: vertraute Mints)"
    ),
    "print the NUT-26 creqb1 form instead": "stattdessen die NUT-26-Form creqb1 ausgeben",
    "receive the payment here over HTTP (post transport)": "die Zahlung hier über HTTP empfangen (Post-Übertragung)",
    "with --listen: the address to listen on": "mit --listen: die Adresse, auf der gelauscht wird",
    "with --listen: the port (default: a free one)": "mit --listen: der Port (Standard: ein freier)",
    "with --listen: the base URL payers should post to": "mit --listen: die Basis-URL, an die Zahler senden sollen",
    "with --listen: seconds to wait": "mit --listen: Sekunden des Wartens",
    "Paid {0} {1} from {2} (fee {3}).": "{0} {1} von {2} bezahlt (Gebühr {3}).",
    "Waiting for the payment at {0} …": "Warte auf die Zahlung unter {0} …",
    "Message from the receiver: {0}": "Nachricht vom Empfänger: {0}",
    "Link from the receiver: {0}": "Link vom Empfänger: {0}",
    "(the receiver's message could not be read: {0})": (
        "(die Nachricht des Empfängers konnte nicht gelesen werden: {0})"
    ),
    "{0} Pay? [y/N] ": "{0} Bezahlen? [y/N] ",
    "the two PINs differ": "die beiden PINs stimmen nicht überein",
    "spends above this amount need the PIN (default 0: all)": (
        "Ausgaben über diesem Betrag brauchen die PIN (Standard 0: alle)"
    ),
    "remove the PIN": "die PIN entfernen",
    "the amount above which the PIN is needed": "der Betrag, ab dem die PIN nötig ist",
    "whether a PIN is set, and the limit": "ob eine PIN gesetzt ist, und das Limit",
    "Repeat it: ": "Wiederholen: ",
    "Spending PIN removed.": "Ausgabe-PIN entfernt.",
    "Spending PIN set: spends above {0} need it.": "Ausgabe-PIN gesetzt: Ausgaben über {0} brauchen sie.",
    "Spending PIN: {0}.": "Ausgabe-PIN: {0}.",
    "the spending PIN for spends above a limit (PIN from ${0}, never argv)": (
        "die Ausgabe-PIN für Ausgaben über einem Limit (PIN aus ${0}, nie in argv)"
    ),
    "set or change the PIN (new one from ${0} or a prompt)": (
        "die PIN setzen oder ändern (die neue aus ${0} oder einer Abfrage)"
    ),
    "nutdesk: {0}": "nutdesk: {0}",
    "no new PIN given: set {0} (or {1}=- and pipe it on stdin)": (
        "keine neue PIN angegeben: {0} setzen (oder {1}=- und über stdin übergeben)"
    ),
    "Spends above {0} need the spending PIN.": "Ausgaben über {0} brauchen die Ausgabe-PIN.",
    "nothing to encode": "nichts zu kodieren",
    "--fragment-length must be at least 10 bytes": "--fragment-length muss mindestens 10 Bytes betragen",
    "nothing on stdin": "nichts auf stdin",
    "show TEXT as a QR code, or as animated-QR frames (NUT-16) with --parts": (
        "TEXT als QR-Code zeigen, oder mit --parts als Bilder eines animierten QR-Codes (NUT-16)"
    ),
    "a token, payment request or any text": "ein Token, eine Zahlungsanforderung oder beliebiger Text",
    "print the ur:bytes frames of an animated QR, one a line": (
        "die ur:bytes-Bilder eines animierten QR-Codes ausgeben, eines pro Zeile"
    ),
    "with --parts: N extra fountain frames after the fragments": (
        "mit --parts: N zusätzliche Fountain-Bilder nach den Fragmenten"
    ),
    "the frames are incomplete: {0:.0%} of the message after {1} frames": (
        "die Bilder sind unvollständig: {0:.0%} der Nachricht nach {1} Bildern"
    ),
    "with --parts: bytes per frame (default {0}; smaller frames scan more easily)": (
        "mit --parts: Bytes pro Bild (Standard {0}; kleinere Bilder lassen sich leichter scannen)"
    ),
    "frames: {0}, complete": "Bilder: {0}, vollständig",
    "frames: {0}, {1:.0%} ({2}/{3} fragments)": "Bilder: {0}, {1:.0%} ({2}/{3} Fragmente)",
    "Signed receipt (Nostr event):": "Signierter Beleg (Nostr-Event):",
    "check a signed receipt (a Nostr event from 'pos receipt')": (
        "einen signierten Beleg prüfen (ein Nostr-Event aus 'pos receipt')"
    ),
    "check a receipt's signature, shop key and amounts": "Signatur, Shop-Schlüssel und Beträge eines Belegs prüfen",
    "a file holding the event JSON, or the JSON itself ('-': stdin)": (
        "eine Datei mit dem Event-JSON oder das JSON selbst ('-': stdin)"
    ),
    "the shop's key (npub or hex): refuse a receipt signed by another": (
        "der Schlüssel des Shops (npub oder hex): einen von einem anderen signierten Beleg ablehnen"
    ),
    "a paid sale's receipt and its signed Nostr event": (
        "der Beleg eines bezahlten Verkaufs und sein signiertes Nostr-Event"
    ),
    "the receipt number (R-000006) or the sale id": "die Belegnummer (R-000006) oder die Verkaufs-ID",
    "also write the signed event (JSON) to this file": "auch das signierte Event (JSON) in diese Datei schreiben",
    "invalid receipt: ": "ungültiger Beleg: ",
    "this is not a receipt: expected a Nostr event as JSON": (
        "das ist kein Beleg: erwartet wird ein Nostr-Event als JSON"
    ),
    "Valid receipt {0} from {1}: {2:,} {3}.": "Gültiger Beleg {0} von {1}: {2:,} {3}.",
    "cannot read {0}: {1}": "{0} kann nicht gelesen werden: {1}",
    "resume every unfinished operation now and print what was done": (
        "jeden unvollendeten Vorgang jetzt fortsetzen und ausgeben, was getan wurde"
    ),
    "failed transactions: list, retry, dismiss": (
        "fehlgeschlagene Transaktionen: auflisten, erneut versuchen, verwerfen"
    ),
    "failed transactions still open": "noch offene fehlgeschlagene Transaktionen",
    "include recovered and dismissed ones": "auch wiederhergestellte und verworfene",
    "retry one now": "eine jetzt erneut versuchen",
    "stop retrying one automatically (its ecash stays reserved)": (
        "eine nicht mehr automatisch erneut versuchen (ihr Ecash bleibt reserviert)"
    ),
    "compare local proofs with the mints' NUT-07 states": (
        "lokale Proofs mit den NUT-07-Zuständen der Mints vergleichen"
    ),
    "apply the differences shown": "die gezeigten Unterschiede übernehmen",
    "Nothing to recover: every operation is finished.": "Nichts wiederherzustellen: Jeder Vorgang ist abgeschlossen.",
    "No failed transactions.": "Keine fehlgeschlagenen Transaktionen.",
    "Run again with --apply to apply these changes.": (
        "Erneut mit --apply ausführen, um diese Änderungen zu übernehmen."
    ),
    "Dismissed failed transaction {0}; its ecash stays reserved until it is resolved.": (
        "Fehlgeschlagene Transaktion {0} verworfen; ihr Ecash bleibt reserviert, bis sie geklärt ist."
    ),
    "#{0} {1} {2} {3} at {4}: {5}, {6} ({7}); {8} retries": "#{0} {1} {2} {3} bei {4}: {5}, {6} ({7}); {8} Versuche",
    (
        "{0}: {1} proofs checked; spent elsewhere: {2} ({3}); sent and claimed: {4} ({5}); pending at "
        "the mint: {6} ({7})"
    ): (
        "{0}: {1} Proofs geprüft; anderswo ausgegeben: {2} ({3}); gesendet und eingelöst: {4} ({5}); "
        "ausstehend bei der Mint: {6} ({7})"
    ),
    "Already done: the {0} of {1} {2} is {3}.": "Bereits erledigt: {0} über {1} {2} ist {3}.",
    "{0}: unreachable, left alone ({1})": "{0}: nicht erreichbar, unverändert gelassen ({1})",
    "reports and exports: figures (csv/json), Beancount, history, PDF": (
        "Berichte und Exporte: Kennzahlen (csv/json), Beancount, Verlauf, PDF"
    ),
    "the file to write (written atomically)": "die zu schreibende Datei (atomar geschrieben)",
    "bucket size of the figures (default: by period)": "Intervallgröße der Kennzahlen (Standard: nach Zeitraum)",
    "days in UTC instead of local time": "Tage in UTC statt Ortszeit",
    "Wrote the {0} report for {1} ({2} entries) to {3}.": "Bericht {0} für {1} ({2} Einträge) nach {3} geschrieben.",
    "{0}, YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO (default: month)": (
        "{0}, YYYY, YYYY-MM, YYYY-MM-DD oder FROM..TO (Standard: month)"
    ),
    "set, change or remove the wallet password; remember it in (or forget it from) the OS keyring": (
        "das Wallet-Passwort setzen, ändern oder entfernen; im Schlüsselbund des Systems speichern "
        "(oder daraus entfernen)"
    ),
    "also remember the new password in the OS keyring": (
        "das neue Passwort auch im Schlüsselbund des Systems speichern"
    ),
    "this wallet has a password already: use `nutdesk password change`": (
        "diese Wallet hat bereits ein Passwort: `nutdesk password change` verwenden"
    ),
    "this wallet has no password yet: use `nutdesk password set`": (
        "diese Wallet hat noch kein Passwort: `nutdesk password set` verwenden"
    ),
    "this wallet has no password": "diese Wallet hat kein Passwort",
    "read the new password from this file (- for stdin); or ${0}": (
        "das neue Passwort aus dieser Datei lesen (- für stdin); oder ${0}"
    ),
    "this wallet has no password to remember": "diese Wallet hat kein Passwort, das gespeichert werden könnte",
    (
        "no OS keyring is available (install nutdesk[keyring] and run a Secret Service, Keychain or "
        "Credential Locker); the password stays asked at each start"
    ): (
        "kein Schlüsselbund des Systems verfügbar (nutdesk[keyring] installieren und einen Secret "
        "Service, Keychain oder Credential Locker betreiben); das Passwort wird weiterhin bei jedem "
        "Start abgefragt"
    ),
    "Your new wallet's 12 recovery words (write them down; they are shown only once):\n": (
        "Die 12 Wiederherstellungswörter Ihrer neuen Wallet (schreiben Sie sie auf; sie werden nur einmal gezeigt):\n"
    ),
    "Enter your 12 recovery words, then press Enter:": (
        "Geben Sie Ihre 12 Wiederherstellungswörter ein und drücken Sie dann die Eingabetaste:"
    ),
    "no recovery words on standard input": "keine Wiederherstellungswörter auf der Standardeingabe",
    "The wallet is empty.": "Die Wallet ist leer.",
    "Waiting for the payment…": "Warte auf die Zahlung…",
    "No pending sent tokens.": "Keine ausstehenden gesendeten Tokens.",
    "No operations yet.": "Noch keine Vorgänge.",
    "waiting for {0}": "wartet auf {0}",
    "create a new wallet (prints the 12 recovery words once)": (
        "eine neue Wallet erstellen (gibt die 12 Wiederherstellungswörter einmal aus)"
    ),
    "read existing recovery words from stdin": "vorhandene Wiederherstellungswörter von stdin lesen",
    "encrypt the seed with a password": "den Seed mit einem Passwort verschlüsseln",
    "manage mints": "Mints verwalten",
    "add a mint": "eine Mint hinzufügen",
    "trust the mint (receive its tokens without asking)": "der Mint vertrauen (ihre Tokens ohne Nachfrage empfangen)",
    "list mints": "Mints auflisten",
    "show a mint's info": "die Angaben einer Mint zeigen",
    "remove a mint that holds no ecash": "eine Mint entfernen, die kein Ecash verwahrt",
    "trust a mint": "einer Mint vertrauen",
    "name a mint your way (shown beside its host); no text clears it": (
        "eine Mint nach Ihren Wünschen benennen (neben ihrem Host angezeigt); kein Text entfernt den Namen"
    ),
    "balances per mint and unit": "Guthaben pro Mint und Einheit",
    "also show the value in the fiat currency (fetches a rate)": (
        "auch den Wert in der Fiat-Währung zeigen (ruft einen Kurs ab)"
    ),
    "receive over Lightning: a mint quote to pay": "über Lightning empfangen: ein Mint-Angebot zum Bezahlen",
    "wait for the payment and mint the ecash": "auf die Zahlung warten und das Ecash ausgeben lassen",
    "seconds to wait with --wait": "Sekunden des Wartens mit --wait",
    "check a mint quote and mint it when paid": "ein Mint-Angebot prüfen und ausgeben lassen, sobald es bezahlt ist",
    "redeem a token": "ein Token einlösen",
    "the token; - (or nothing) reads it from stdin": "das Token; - (oder nichts) liest es von stdin",
    "read the token from this file (- for stdin)": "das Token aus dieser Datei lesen (- für stdin)",
    "make a token": "ein Token erstellen",
    "with --lock: unix time after which the refund key may spend": (
        "mit --lock: Unix-Zeit, nach der der Rückerstattungsschlüssel ausgeben darf"
    ),
    "with --lock and --locktime: refund public key": (
        "mit --lock und --locktime: öffentlicher Rückerstattungsschlüssel"
    ),
    "with --lock: plain P2PK, for wallets without NUT-28": "mit --lock: einfaches P2PK, für Wallets ohne NUT-28",
    "send exact existing proofs without asking the mint": (
        "genau passende vorhandene Proofs senden, ohne die Mint zu fragen"
    ),
    "move value between mints": "Wert zwischen Mints verschieben",
    "ask the mints which sent tokens were claimed (NUT-07)": (
        "die Mints fragen, welche gesendeten Tokens eingelöst wurden (NUT-07)"
    ),
    "take back a sent token nobody claimed": "ein gesendetes Token zurückholen, das niemand eingelöst hat",
    "restore ecash from the recovery words (NUT-09)": (
        "Ecash aus den Wiederherstellungswörtern wiederherstellen (NUT-09)"
    ),
    "a mint to restore from (repeat)": "eine Mint, aus der wiederhergestellt wird (wiederholbar)",
    "fetch the NUT-27 mint-list backup here": "die NUT-27-Mint-Listen-Sicherung hier abrufen",
    "operations": "Vorgänge",
    "no password given (set NUTDESK_PASSWORD or use --password-file)": (
        "kein Passwort angegeben (NUTDESK_PASSWORD setzen oder --password-file verwenden)"
    ),
    "Wallet created in {0}. Next: nutdesk mint add URL": "Wallet in {0} erstellt. Als Nächstes: nutdesk mint add URL",
    "No mints yet: nutdesk mint add URL": "Noch keine Mints: nutdesk mint add URL",
    "  units: {0}   trusted: {1}": "  Einheiten: {0}   vertraut: {1}",
    "  NUTs: {0}": "  NUTs: {0}",
    "No fresh exchange rate could be fetched, so no fiat value is shown.": (
        "Es konnte kein aktueller Wechselkurs abgerufen werden, daher wird kein Fiat-Wert gezeigt."
    ),
    "Pay this Lightning invoice to receive {0} {1}:\n\n{2}\n": (
        "Bezahlen Sie diese Lightning-Rechnung, um {0} {1} zu empfangen:\n\n{2}\n"
    ),
    "Minted {0}.": "{0} ausgegeben.",
    "Sent {0} {1} (fee {2}). The token stays pending until claimed.": (
        "{0} {1} gesendet (Gebühr {2}). Das Token bleibt ausstehend, bis es eingelöst wird."
    ),
    "Moved {0} {1} (fee {2}).": "{0} {1} verschoben (Gebühr {2}).",
    "Reclaimed {0} {1} (fee {2}).": "{0} {1} zurückgeholt (Gebühr {2}).",
    "Wallet restored in {0}. Now run: nutdesk restore --mint URL": (
        "Wallet in {0} wiederhergestellt. Jetzt ausführen: nutdesk restore --mint URL"
    ),
    "Shown as: {0}": "Angezeigt als: {0}",
    "  message of the day: {0}": "  Nachricht des Tages: {0}",
    "Warning: mint {0} misbehaved ({1})": "Warnung: Die Mint {0} hat sich fehlerhaft verhalten ({1})",
    "Cleared the misbehaved mark of {0} (it was: {1}).": (
        "Die Markierung „fehlerhaft verhalten“ von {0} wurde entfernt (sie lautete: {1})."
    ),
    "{0} has no misbehaved mark: nothing to clear.": (
        "{0} ist nicht als fehlerhaft markiert: Es gibt nichts zu entfernen."
    ),
    "clear a mint's misbehaved mark (after a one-off fault)": (
        "die Markierung „fehlerhaft verhalten“ einer Mint entfernen (nach einem einmaligen Fehler)"
    ),
    "Total: {0}": "Gesamt: {0}",
    "Worth about {0} {1} (rate {2})": "Ungefähr {0} {1} wert (Kurs {2})",
    "Received {0} {1}.": "{0} {1} empfangen.",
    "Then run: nutdesk mint-quote {0}": "Dann ausführen: nutdesk mint-quote {0}",
    "Already minted: quote {0} gave {1} {2} on {3}.": (
        "Bereits ausgegeben: Das Angebot {0} hat am {3} {1} {2} ergeben."
    ),
    "Already received: this token gave {0} {1} on {2}.": (
        "Bereits empfangen: Dieses Token hat am {2} {0} {1} ergeben."
    ),
    "{0}: {1} claimed by receivers": "{0}: {1} von Empfängern eingelöst",
    "{0}  {1:<8} {2:>10} {3:<4} fee {4:<5} {5:<8} {6}": "{0}  {1:<8} {2:>10} {3:<4} Gebühr {4:<5} {5:<8} {6}",
    "{0}  {1}  {2}  units: {3}  balance: {4}": "{0}  {1}  {2}  Einheiten: {3}  Guthaben: {4}",
    "Removed {0}": "{0} entfernt",
    "wallet data directory (default: $NUTDESK_DATA_DIR or the user data dir)": (
        "Wallet-Datenverzeichnis (Standard: $NUTDESK_DATA_DIR oder das Datenverzeichnis des Benutzers)"
    ),
    "print exactly one JSON object on stdout": "genau ein JSON-Objekt auf stdout ausgeben",
    "read the wallet password from this file (- for stdin)": (
        "das Wallet-Passwort aus dieser Datei lesen (- für stdin)"
    ),
    "show tracebacks and debug logs": "Tracebacks und Debug-Protokolle zeigen",
    "open the app against a local demo mint with demo funds": (
        "die App mit einer lokalen Demo-Mint und Demo-Guthaben öffnen"
    ),
    "nutdesk: interrupted": "nutdesk: unterbrochen",
    "nutdesk: details: {0}: {1}": "nutdesk: Details: {0}: {1}",
    "nutdesk: still waiting for {0} ({1:.0f} s)…": "nutdesk: warte weiterhin auf {0} ({1:.0f} s)…",
    "nutdesk: could not resume unfinished operations: {0}": (
        "nutdesk: unvollendete Vorgänge konnten nicht fortgesetzt werden: {0}"
    ),
    "nutdesk: resumed {0} of {1} {2}: {3} ({4})": "nutdesk: {0} über {1} {2} fortgesetzt: {3} ({4})",
    "give the token either as an argument or with --file, not both": (
        "das Token entweder als Argument oder mit --file angeben, nicht beides"
    ),
    "Nutdesk: a desktop Cashu ecash wallet and point-of-sale console. With no command the window opens; with a "
    "command it runs headless.": (
        "Nutdesk: eine Desktop-Wallet für Cashu-Ecash und eine Kasse für Händler. Ohne Befehl öffnet sich das "
        "Fenster; mit einem Befehl läuft es ohne Fenster."
    ),
    "the token is empty": "das Token ist leer",
    "no password given: set the variable or give a file (a new one is asked only on a terminal)": (
        "kein Passwort angegeben: die Variable setzen oder eine Datei angeben (ein neues wird nur an "
        "einem Terminal abgefragt)"
    ),
    "the two passwords differ": "die beiden Passwörter stimmen nicht überein",
    "nutdesk: note: a token on the command line is visible to other local users; use - (stdin) or --file": (
        "nutdesk: Hinweis: Ein Token auf der Kommandozeile ist für andere lokale Benutzer sichtbar; - "
        "(stdin) oder --file verwenden"
    ),
    "no token given: pass it on stdin (TOKEN = -) or with --file FILE": (
        "kein Token angegeben: über stdin übergeben (TOKEN = -) oder mit --file FILE"
    ),
    "No paid quote is waiting to be minted.": "Kein bezahltes Angebot wartet auf die Ausgabe.",
    "{0} mint(s) could not mint their paid quotes: {1}": (
        "{0} Mint(s) konnten ihre bezahlten Angebote nicht ausgeben: {1}"
    ),
    "{0} {1}: {2} paid quote(s) not minted: {3}": "{0} {1}: {2} bezahlte(s) Angebot(e) nicht ausgegeben: {3}",
    "{0}: minted {1} {2} from {3} quote(s) {4}.": "{0}: {1} {2} aus {3} Angebot(en) ausgegeben, {4}.",
    "in one NUT-29 batch": "in einem NUT-29-Stapel",
    "one by one (the mint has no NUT-29 batch mint)": "einzeln (die Mint kann keinen NUT-29-Stapel ausgeben)",
    "pay a bolt11 invoice from several mints at once (NUT-15)": (
        "eine bolt11-Rechnung aus mehreren Mints zugleich bezahlen (NUT-15)"
    ),
    "with --multi-path: a mint": "mit --multi-path: eine Mint",
    "the quote id (leave out with --all)": "die Angebots-ID (mit --all weglassen)",
    "mint every paid quote: one NUT-29 batch per mint where it supports it": (
        "jedes bezahlte Angebot ausgeben lassen: ein NUT-29-Stapel pro Mint, wo sie es unterstützt"
    ),
    "with --all: only this mint's quotes": "mit --all: nur die Angebote dieser Mint",
    "Paid {0} {1} from {2} mints (fee {3}).": "{0} {1} aus {2} Mints bezahlt (Gebühr {3}).",
    "  total      {0:>4} sales {1:>10} {2}; tips {3}, fees {4}, refunds {5} ({6})": (
        "  gesamt     {0:>4} Verkäufe {1:>10} {2}; Trinkgeld {3}, Gebühren {4}, Erstattungen {5} ({6})"
    ),
    "Overpaid by {0} {1}: give it back with 'nutdesk pos refund {2} {3}'.": (
        "Überzahlt um {0} {1}: zurückgeben mit 'nutdesk pos refund {2} {3}'."
    ),
    "The till is unlocked.": "Die Kasse ist entsperrt.",
    "Signed out.": "Abgemeldet.",
    "point of sale: charge, sales, refunds, Z-report, policy": (
        "Kasse: kassieren, Verkäufe, Rückerstattungen, Z-Bericht, Richtlinie"
    ),
    "charge an amount; pay it with --token or print the creqA request": (
        "einen Betrag kassieren; mit --token bezahlen oder die creqA-Anforderung ausgeben"
    ),
    "the price, in the shop's unit (sat); with --item: a custom amount on top": (
        "der Preis in der Einheit des Shops (sat); mit --item: ein eigener Betrag zusätzlich"
    ),
    "sell a catalog item (repeat)": "einen Katalogartikel verkaufen (wiederholbar)",
    "items or an order reference": "Artikel oder eine Bestellreferenz",
    "the customer's token, - for stdin (else the request is printed and the sale waits)": (
        "das Token des Kunden, - für stdin (sonst wird die Anforderung ausgegeben und der Verkauf wartet)"
    ),
    "with Nostr relays configured: wait this long for the customer's wallet to pay over Nostr": (
        "mit eingerichteten Nostr-Relays: so lange warten, bis die Wallet des Kunden über Nostr zahlt"
    ),
    "recent sales (settling ones are finished first)": "letzte Verkäufe (abrechnende werden zuerst abgeschlossen)",
    "finish sales a crash or a network break left settling": (
        "Verkäufe abschließen, die ein Absturz oder eine Netzwerkunterbrechung in der Abrechnung ließ"
    ),
    "refund part or all of a paid sale as an ecash token": (
        "einen bezahlten Verkauf ganz oder teilweise als Ecash-Token erstatten"
    ),
    "the receipt number (R-000006, as on the receipt and in 'pos sales') or the id": (
        "die Belegnummer (R-000006, wie auf dem Beleg und in 'pos sales') oder die ID"
    ),
    "default: all that is left to refund": "Standard: alles, was noch zu erstatten ist",
    "an idempotency key: the same key again returns the refund it made, never a second one": (
        "ein Idempotenzschlüssel: derselbe Schlüssel liefert erneut die gemachte Erstattung, nie eine zweite"
    ),
    "also write the token to this file": "das Token auch in diese Datei schreiben",
    "the shift's totals; --close closes the shift": "die Summen der Schicht; --close schließt die Schicht",
    "write the Z-report as CSV to this file ('-' for stdout)": (
        "den Z-Bericht als CSV in diese Datei schreiben ('-' für stdout)"
    ),
    "show or change the shop's settlement policy": "die Abrechnungsrichtlinie des Shops zeigen oder ändern",
    "add a trusted mint (repeat)": "eine vertraute Mint hinzufügen (wiederholbar)",
    "remove a trusted mint": "eine vertraute Mint entfernen",
    "the saved Lightning backend to forward to": "das gespeicherte Lightning-Backend, an das weitergeleitet wird",
    "set the cashier lock's PIN (read like unlock's)": "die PIN der Kassensperre setzen (gelesen wie bei unlock)",
    "while locked: charge at most (0: any)": "gesperrt: höchstens kassieren (0: beliebig)",
    "while locked: refund at most (0: any)": "gesperrt: höchstens erstatten (0: beliebig)",
    "usd/eur ecash for a sat sale: priced by the customer's mint, by the exchange rate, or refused": (
        "usd/eur-Ecash für einen sat-Verkauf: zum Preis der Mint des Kunden, zum Wechselkurs oder abgelehnt"
    ),
    "ask customers for ecash locked to the shop's key (taken even while their mint is unreachable)": (
        "Ecash verlangen, das für den Schlüssel des Shops gesperrt ist (angenommen, auch wenn die Mint "
        "nicht erreichbar ist)"
    ),
    "unlocked ecash taken offline: per sale": "nicht gesperrtes Ecash offline angenommen: pro Verkauf",
    "… and unredeemed in total per mint": "… und insgesamt nicht eingelöst pro Mint",
    "add a webhook (no secret: one is made)": "einen Webhook hinzufügen (ohne Geheimnis: eines wird erzeugt)",
    "remove a webhook": "einen Webhook entfernen",
    "add a Nostr relay for NIP-17 payments (repeat)": (
        "ein Nostr-Relay für NIP-17-Zahlungen hinzufügen (wiederholbar)"
    ),
    "remove a Nostr relay": "ein Nostr-Relay entfernen",
    "use this Nostr key (nsec1… or hex) for the shop": (
        "diesen Nostr-Schlüssel (nsec1… oder hex) für den Shop verwenden"
    ),
    "the webhook delivery log (due deliveries are attempted first)": (
        "das Zustellprotokoll der Webhooks (fällige Zustellungen werden zuerst versucht)"
    ),
    "turn the cashier lock on (the desktop app opens the till locked)": (
        "die Kassensperre einschalten (die Desktop-App öffnet die Kasse gesperrt)"
    ),
    "who is at the till (recorded with sales)": "wer an der Kasse ist (mit den Verkäufen erfasst)",
    "turn the cashier lock off; the PIN from $NUTDESK_POS_PIN, stdin or a prompt": (
        "die Kassensperre ausschalten; die PIN aus $NUTDESK_POS_PIN, stdin oder einer Abfrage"
    ),
    "the till's cashiers, each with a PIN: add NAME | remove NAME | list": (
        "die Kassierer der Kasse, jeder mit einer PIN: add NAME | remove NAME | list"
    ),
    "take the till as a cashier (their PIN like unlock's)": "die Kasse als Kassierer übernehmen (PIN wie bei unlock)",
    "no cashier at the till": "kein Kassierer an der Kasse",
    "Nothing to settle: no sale or refund was left unfinished.": (
        "Nichts abzurechnen: Kein Verkauf und keine Erstattung blieb unvollendet."
    ),
    "The till is locked": "Die Kasse ist gesperrt",
    "no PIN given (NUTDESK_POS_PIN, the first line of stdin, or the prompt)": (
        "keine PIN angegeben (NUTDESK_POS_PIN, die erste Zeile von stdin oder die Abfrage)"
    ),
    "The till is not locked.": "Die Kasse ist nicht gesperrt.",
    "No cashiers.": "Keine Kassierer.",
    "Sale {0}: {1} {2} due. Request (Nostr):": "Verkauf {0}: {1} {2} fällig. Anforderung (Nostr):",
    "Refund of {0} {1} for sale {2}: give the customer this token:": (
        "Erstattung über {0} {1} für Verkauf {2}: Geben Sie dem Kunden dieses Token:"
    ),
    "{0} — shift {1}{2}": "{0} — Schicht {1}{2}",
    "  net        {0:>21} {1} (received less fees, refunds and losses); failed: {2}": (
        "  netto      {0:>21} {1} (Eingänge abzüglich Gebühren, Erstattungen und Verluste); fehlgeschlagen: {2}"
    ),
    "No webhooks configured: add one with 'pos policy --webhook URL'.": (
        "Keine Webhooks eingerichtet: einen mit 'pos policy --webhook URL' hinzufügen."
    ),
    "PIN: ": "PIN: ",
    "{0} has the till.": "{0} hat die Kasse.",
    "Sale {0}: {1} {2} due. Request:": "Verkauf {0}: {1} {2} fällig. Anforderung:",
    "Accepted offline ({0}): the ecash is redeemed when {1} answers again.": (
        "Offline angenommen ({0}): Das Ecash wird eingelöst, sobald {1} wieder antwortet."
    ),
    "  {0:<10} {1:>4} sales {2:>10} {3}": "  {0:<10} {1:>4} Verkäufe {2:>10} {3}",
    "  losses     {0:>21} {1} (offline ecash found already spent)": (
        "  Verluste   {0:>21} {1} (Offline-Ecash, das bereits ausgegeben war)"
    ),
    "  tax {0:>5}% {1:>19} {2} included in {3}": "  Steuer {0:>5}% {1:>16} {2} enthalten in {3}",
    "#{0} {1} {2} {3} after {4} attempts {5}": "#{0} {1} {2} {3} nach {4} Versuchen {5}",
    "pos cashier {0} needs a NAME": "pos cashier {0} braucht einen NAME",
    "Refused: {0}. {1}": "Abgelehnt: {0}. {1}",
    "No payment within {0:g} s; the sale stays waiting (a later message still pays it).": (
        "Keine Zahlung innerhalb von {0:g} s; der Verkauf wartet weiter (eine spätere Nachricht bezahlt ihn noch)."
    ),
    "No webhook deliveries yet ({0} webhook{1} configured): a paid or refunded sale sends one.": (
        "Noch keine Webhook-Zustellungen ({0} Webhook{1} eingerichtet): Ein bezahlter oder erstatteter "
        "Verkauf sendet eine."
    ),
    " (cashier {0}).": " (Kassierer {0}).",
    "giveaways (a faucet): create | list | close | claim | codes …": (
        "Aktionen (ein Faucet): create | list | close | claim | codes …"
    ),
    "a new giveaway": "eine neue Aktion",
    "per claim": "pro Einlösung",
    "in total: the giveaway stops there": "insgesamt: Die Aktion endet dort",
    "claims per claimant per period (default 1)": "Einlösungen pro Person und Zeitraum (Standard 1)",
    "30m, 12h, 1d, 2w … (default 1d)": "30m, 12h, 1d, 2w … (Standard 1d)",
    "one-time codes to print on flyers (shown once)": "Einmalcodes zum Drucken auf Flyer (nur einmal gezeigt)",
    "the mint to give from (default: the one with the most)": (
        "die Mint, aus der gegeben wird (Standard: die mit dem meisten Guthaben)"
    ),
    "giveaways with what is left": "Aktionen mit dem, was übrig ist",
    "stop a giveaway": "eine Aktion beenden",
    "pay a claim: a claimant's payment request, or a one-time code": (
        "eine Einlösung bezahlen: die Zahlungsanforderung einer Person oder ein Einmalcode"
    ),
    "the claimant's NUT-18 request (creqA…; their Nostr key is the claimant)": (
        "die NUT-18-Anforderung der Person (creqA…; ihr Nostr-Schlüssel ist die Person)"
    ),
    "a one-time code from the flyer, or its QR's link (the token is printed)": (
        "ein Einmalcode vom Flyer oder der Link seines QR-Codes (das Token wird ausgegeben)"
    ),
    "a giveaway's one-time codes; --out writes the printable page of QR codes": (
        "die Einmalcodes einer Aktion; --out schreibt die druckbare Seite mit QR-Codes"
    ),
    "write the page (HTML, one QR per code) to this file": (
        "die Seite (HTML, ein QR-Code pro Code) in diese Datei schreiben"
    ),
    "take claims over Nostr and HTTP until interrupted": "Einlösungen über Nostr und HTTP annehmen, bis unterbrochen",
    "stop after this many seconds (default: never)": "nach so vielen Sekunden aufhören (Standard: nie)",
    "claimed": "eingelöst",
    "open": "offen",
    "The page of QR codes is in {0}: print it and cut out the flyers.": (
        "Die Seite mit den QR-Codes liegt in {0}: drucken und die Flyer ausschneiden."
    ),
    "nothing to serve: no open giveaway, or neither Nostr relays nor a POST endpoint in the POS policy": (
        "nichts anzunehmen: keine offene Aktion, oder weder Nostr-Relays noch ein POST-Endpunkt in der POS-Richtlinie"
    ),
    "Taking giveaway claims over {0} (Ctrl-C stops).": "Nehme Einlösungen über {0} an (Strg-C beendet).",
    "  code {0}": "  Code {0}",
    "No giveaways: create one with 'pos giveaway create NAME --amount N --budget N'.": (
        "Keine Aktionen: eine mit 'pos giveaway create NAME --amount N --budget N' erstellen."
    ),
    "Claim {0}: {1} given.": "Einlösung {0}: {1} vergeben.",
    "the shop's item catalog: add | list | remove | import | export": (
        "der Artikelkatalog des Shops: add | list | remove | import | export"
    ),
    "add or replace an item": "einen Artikel hinzufügen oder ersetzen",
    "the price, tax included (sat, or the shop's currency with --currency)": (
        "der Preis, Steuer inbegriffen (sat, oder die Währung des Shops mit --currency)"
    ),
    "sat (default) or the shop's fiat currency, e.g. EUR": (
        "sat (Standard) oder die Fiat-Währung des Shops, z. B. EUR"
    ),
    "the tax included in the price": "die im Preis enthaltene Steuer",
    "count the stock (default: not counted)": "den Bestand zählen (Standard: nicht gezählt)",
    "the catalog": "der Katalog",
    "best sellers, sales per category and offline losses": "Bestseller, Verkäufe pro Kategorie und Offline-Verluste",
    "over the last DAYS days (default 30)": "über die letzten DAYS Tage (Standard 30)",
    "remove an item": "einen Artikel entfernen",
    "add or replace items from CSV (name,price,currency,category,tax_rate,stock)": (
        "Artikel aus CSV hinzufügen oder ersetzen (name,price,currency,category,tax_rate,stock)"
    ),
    "the CSV file ('-' for stdin)": "die CSV-Datei ('-' für stdin)",
    "the catalog as CSV": "der Katalog als CSV",
    "the CSV file (default: stdout)": "die CSV-Datei (Standard: stdout)",
    "Saved: {0}": "Gespeichert: {0}",
    "{0:<24} {1:>6} sold {2:>12,}": "{0:<24} {1:>6} verkauft {2:>12,}",
    "category {0:<15} {1:>12,}": "Kategorie {0:<15} {1:>12,}",
    "loss {0} {1:,} ({2})": "Verlust {0} {1:,} ({2})",
    "Removed {0}.": "{0} entfernt.",
    "Imported {0} item{1}.": "{0} Artikel importiert.{1:.0}",
    "The catalog is empty: add items with 'pos item add NAME PRICE'.": (
        "Der Katalog ist leer: Artikel mit 'pos item add NAME PRICE' hinzufügen."
    ),
    "Exported {0} items to {1}.": "{0} Artikel nach {1} exportiert.",
    # A shop with several tills (--db, --till, db copy, pos zreport --shop).
    "the wallet's database: copy it into PostgreSQL for a shop's tills": (
        "die Datenbank der Wallet: in PostgreSQL kopieren, für die Kassen eines Ladens"
    ),
    "copy this wallet into an empty PostgreSQL database (nothing else may use it)": (
        "diese Wallet in eine leere PostgreSQL-Datenbank kopieren (nichts anderes darf sie benutzen)"
    ),
    "postgresql://USER@HOST/DB (password: PGPASSWORD)": "postgresql://BENUTZER@HOST/DB (Passwort: PGPASSWORD)",
    "Copied {0} rows into {1}.": "{0} Zeilen nach {1} kopiert.",
    "Every till now opens it with: nutdesk --db '{0}' --till NAME …": (
        "Jede Kasse öffnet sie jetzt mit: nutdesk --db '{0}' --till NAME …"
    ),
    "the whole shop: every till's open shift together": "der ganze Laden: die offenen Schichten aller Kassen zusammen",
    "each till closes its own shift: run --close at each till (--shop only reports)": (
        "jede Kasse schließt ihre eigene Schicht: --close an jeder Kasse ausführen (--shop berichtet nur)"
    ),
    "{0} — all tills{1}": "{0} — alle Kassen{1}",
    "{0} at till {1}": "{0} an Kasse {1}",
    "Signed in: {0}": "Angemeldet: {0}",
    "  till {0:<6} {1:>4} sales {2:>10} {3}; tips {4}, fees {5}, refunds {6} ({7})": (
        "  Kasse {0:<5} {1:>4} Verkäufe {2:>10} {3}; Trinkgeld {4}, Gebühren {5}, Erstattungen {6} ({7})"
    ),
    "{0} — shift {1} at till {2}{3}": "{0} — Schicht {1} an Kasse {2}{3}",
    "the wallet database: sqlite:///FILE or postgresql://USER@HOST/DB for a shop's tills sharing one wallet "
    "(default: $NUTDESK_DB_URL, else the SQLite file in the data directory)": (
        "die Datenbank der Wallet: sqlite:///DATEI oder postgresql://BENUTZER@HOST/DB für die Kassen eines Ladens "
        "mit einer gemeinsamen Wallet (Standard: $NUTDESK_DB_URL, sonst die SQLite-Datei im Datenverzeichnis)"
    ),
    "this till's name in a shop of several (default: $NUTDESK_TILL)": (
        "der Name dieser Kasse in einem Laden mit mehreren (Standard: $NUTDESK_TILL)"
    ),
    "show the version and exit": "die Version anzeigen und beenden",
    # core.api.messages: the error explanations, written by the core through this catalogue (the GUI has the same
    # German in resources/translations/nutdesk_de.ts); tests/ship/test_error_words.py checks both are complete.
    "The ecash of this quote was already minted.": "Das Ecash dieses Angebots wurde schon ausgegeben.",
    "Check your balance: nothing more to do.": "Prüfen Sie Ihr Guthaben: Es ist nichts mehr zu tun.",
    "This mint does not issue ecash at the moment.": "Diese Mint gibt zurzeit kein Ecash aus.",
    "Try again later, or use another mint.": "Versuchen Sie es später noch einmal oder nutzen Sie eine andere Mint.",
    "The mint is still working on this quote.": "Die Mint bearbeitet dieses Angebot noch.",
    "Wait a moment, then try again.": "Warten Sie einen Moment und versuchen Sie es dann noch einmal.",
    "This invoice was already paid.": "Diese Rechnung wurde schon bezahlt.",
    "Nothing more to pay: see History.": "Es ist nichts mehr zu bezahlen: siehe Verlauf.",
    "the request": "die Anfrage",
    "Run the command again with --debug for the details, and please report it.": (
        "Führen Sie den Befehl mit --debug erneut aus, um die Einzelheiten zu sehen, und melden Sie den Fehler bitte."
    ),
    "{0}: restored 0 {1}: the notes found (if any) were all spent already.": (
        "{0}: 0 {1} wiederhergestellt: Die gefundenen Noten (falls es welche gab) waren alle schon ausgegeben."
    ),
    "the mint": "die Mint",
    (
        "Nothing is lost: Nutdesk keeps the operation and finishes it when the mint answers (see Recovery, or "
        "'nutdesk failed list')."
    ): (
        "Nichts ist verloren: Nutdesk bewahrt den Vorgang auf und schließt ihn ab, sobald die Mint antwortet "
        "(siehe Wiederherstellung oder 'nutdesk failed list')."
    ),
    "This ecash was already spent: someone claimed it, or it was received before": (
        "Dieses Ecash wurde schon ausgegeben: Jemand hat es eingelöst, oder es wurde schon einmal empfangen"
    ),
    "If you sent it, it has been claimed; otherwise ask the sender for a new token.": (
        "Wenn Sie es gesendet haben, wurde es eingelöst; sonst bitten Sie den Absender um ein neues Token."
    ),
    "The invoice has not been paid yet": "Die Rechnung ist noch nicht bezahlt",
    "Pay it, then try again.": "Bezahlen Sie sie und versuchen Sie es dann noch einmal.",
    "The quote expired before it was paid": "Das Angebot ist abgelaufen, bevor es bezahlt wurde",
    "Create a new invoice.": "Erstellen Sie eine neue Rechnung.",
    "Nothing was spent.": "Es wurde nichts ausgegeben.",
    "Nothing is lost: the operation is kept and settled when the mint answers.": (
        "Nichts ist verloren: Der Vorgang wird aufbewahrt und abgeschlossen, sobald die Mint antwortet."
    ),
    "Paste a Cashu token (it starts with 'cashuA' or 'cashuB').": (
        "Fügen Sie ein Cashu-Token ein (es beginnt mit 'cashuA' oder 'cashuB')."
    ),
    "Choose a smaller amount, another mint, or receive more first.": (
        "Wählen Sie einen kleineren Betrag oder eine andere Mint, oder empfangen Sie zuerst mehr."
    ),
    "The shop's database did not answer, so nothing was recorded and no payment was taken": (
        "Die Datenbank des Ladens hat nicht geantwortet: Es wurde nichts gebucht und keine Zahlung angenommen"
    ),
    "Check the database server and the network; the till works again as soon as it answers.": (
        "Prüfen Sie den Datenbankserver und das Netzwerk; die Kasse arbeitet wieder, sobald er antwortet."
    ),
    "The wallet file could not be read or written": "Die Wallet-Datei konnte nicht gelesen oder geschrieben werden",
    "Check the free disk space and the permissions of the data directory.": (
        "Prüfen Sie den freien Speicherplatz und die Zugriffsrechte des Datenverzeichnisses."
    ),
    "Check the path and its permissions.": "Prüfen Sie den Pfad und seine Zugriffsrechte.",
    "{0}: restored {1:,} {2} of unspent ecash.": "{0}: {1:,} {2} an nicht ausgegebenem Ecash wiederhergestellt.",
    "Check the address and the network, or try again when the mint is back online.": (
        "Prüfen Sie die Adresse und das Netzwerk, oder versuchen Sie es erneut, wenn die Mint wieder erreichbar ist."
    ),
    "Enter an amount of at least 1.": "Geben Sie einen Betrag von mindestens 1 ein.",
    "Correct it and try again.": "Korrigieren Sie das und versuchen Sie es noch einmal.",
    "This token is incomplete or damaged": "Dieses Token ist unvollständig oder beschädigt",
    "Copy the whole token again (from 'cashuA' or 'cashuB' to its last character) and paste it in one piece.": (
        "Kopieren Sie das ganze Token noch einmal (von 'cashuA' oder 'cashuB' bis zum letzten Zeichen) und fügen "
        "Sie es in einem Stück ein."
    ),
    "Something unexpected went wrong ({0}: {1}).": "Etwas Unerwartetes ist schiefgegangen ({0}: {1}).",
    "The mint at {0} did not answer, so the outcome is not known yet": (
        "Die Mint unter {0} hat nicht geantwortet, daher ist das Ergebnis noch nicht bekannt"
    ),
    "{0} must be more than {1}": "{0} muss größer als {1} sein",
    "The mint refused the request: {0}": "Die Mint hat die Anfrage abgelehnt: {0}",
    "{0} must be at least {1}": "{0} muss mindestens {1} sein",
    "The mint at {0} did not answer within {1}; nothing was changed": (
        "Die Mint unter {0} hat nicht innerhalb von {1} geantwortet; es wurde nichts geändert"
    ),
    "Could not reach the mint at {0}; nothing was sent": (
        "Die Mint unter {0} war nicht erreichbar; es wurde nichts gesendet"
    ),
    "{0} must be at most {1}": "{0} darf höchstens {1} sein",
    "the amount": "der Betrag",
    "the unit": "die Einheit",
    "the inputs": "die Inputs",
    "the outputs": "die Outputs",
    "the {0}": "das Feld {0}",
}

# argparse's own words (``argparse._`` and ``argparse.ngettext`` look these up at call time: desktop/cli/catalogue.py
# routes them here). tests/ship/test_cli_german.py fails on one of the running Python's argparse texts missing here.
ARGPARSE: dict[str, str] = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Positionsargumente",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe anzeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "Argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "diese Argumente fehlen: %s",
    "one of the arguments %s is required": "eines der Argumente %s ist nötig",
    "invalid choice: %(value)r (choose from %(choices)s)": "ungültige Auswahl: %(value)r (möglich: %(choices)s)",
    "invalid %(type)s value: %(value)r": "ungültiger Wert für %(type)s: %(value)r",
    "unrecognized arguments: %s": "unbekannte Argumente: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s könnte %(matches)s bedeuten"
    ),
    "expected one argument": "erwartet ein Argument",
    "expected at most one argument": "erwartet höchstens ein Argument",
    "expected at least one argument": "erwartet mindestens ein Argument",
    "not allowed with argument %s": "nicht erlaubt zusammen mit dem Argument %s",
    "ignored explicit argument %r": "ignoriertes explizites Argument %r",
    "unexpected option string: %s": "unerwartete Option: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "unbekannter Befehl %(parser_name)r (möglich: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "'%(filename)s' lässt sich nicht öffnen: %(error)s",
    'argument "-" with mode %r': 'Argument "-" im Modus %r',
    "subcommands": "Unterbefehle",
    # Mistakes of the program, not of the user (a wrong add_argument); translated all the same.
    ".__call__() not defined": ".__call__() ist nicht definiert",
    "'required' is an invalid argument for positionals": "'required' ist für Positionsargumente ungültig",
    "mutually exclusive arguments must be optional": "sich ausschließende Argumente müssen optional sein",
    "%r is not callable": "%r ist nicht aufrufbar",
    "cannot merge actions - two groups are named %r": (
        "Aktionen lassen sich nicht zusammenführen - zwei Gruppen heißen %r"
    ),
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "ungültige Option %(option)r: muss mit einem Zeichen aus %(prefix_chars)r beginnen"
    ),
    "dest= is required for options like %r": "dest= ist für Optionen wie %r nötig",
    "invalid conflict_resolution value: %r": "ungültiger Wert für conflict_resolution: %r",
    "cannot have multiple subparser arguments": "es darf nur ein Unterbefehls-Argument geben",
    "conflicting subparser: %s": "Unterbefehl doppelt: %s",
    "conflicting subparser alias: %s": "Unterbefehls-Alias doppelt: %s",
}
# argparse's plurals: (singular, plural) → (German singular, German plural).
ARGPARSE_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): ("erwartet %s Argument", "erwartet %s Argumente"),
    ("conflicting option string: %s", "conflicting option strings: %s"): ("Option doppelt: %s", "Optionen doppelt: %s"),
}
