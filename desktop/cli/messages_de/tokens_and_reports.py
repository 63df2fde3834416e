"""German for the CLI's words of token files, cheques, QR codes, receipts, reports, lock keys and history."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
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
    "write the printable page (HTML with the QR) here": "die druckbare Seite (HTML mit dem QR-Code) hierhin schreiben",
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
    "the public key to lock ecash to for this wallet (P2PK; blinded with P2BK)": (
        "der öffentliche Schlüssel, für den Ecash an diese Wallet gesperrt wird (P2PK; verblindet mit P2BK)"
    ),
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
    "No operations yet.": "Noch keine Vorgänge.",
    "waiting for {0}": "wartet auf {0}",
    "{0}  {1:<8} {2:>10} {3:<4} fee {4:<5} {5:<8} {6}": "{0}  {1:<8} {2:>10} {3:<4} Gebühr {4:<5} {5:<8} {6}",
}
