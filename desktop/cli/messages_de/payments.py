"""German for the CLI's words of paying and the payment side: pay, requests, backends, discovery, the
mint-list backup."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
    "which mints? give --mint URL, or --relay wss://… to fetch the mint-list backup": (
        "welche Mints? Geben Sie --mint URL an, oder --relay wss://…, um die Sicherung der Mint-Liste abzurufen"
    ),
    "payment cancelled": "Zahlung abgebrochen",
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
    "seconds to wait for the mint to see the payment": "Sekunden, die auf die Zahlungserkennung der Mint gewartet wird",
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
    "amount in the unit (sat) when the input has none": "Betrag in der Einheit (sat), wenn die Eingabe keinen enthält",
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
    "pay a bolt11 invoice from several mints at once (NUT-15)": (
        "eine bolt11-Rechnung aus mehreren Mints zugleich bezahlen (NUT-15)"
    ),
    "with --multi-path: a mint": "mit --multi-path: eine Mint",
    "Paid {0} {1} from {2} mints (fee {3}).": "{0} {1} aus {2} Mints bezahlt (Gebühr {3}).",
}
