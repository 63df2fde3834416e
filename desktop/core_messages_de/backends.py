"""German for the core's templates of the Lightning backends (backends/)."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
    "not a valid Lightning invoice: {0}": "keine gültige Lightning-Rechnung: {0}",
    "{0} at {1} did not answer within {2:g} s": "{0} bei {1} hat nicht innerhalb von {2:g} s geantwortet",
    "{0} at {1} is unreachable: {2}": "{0} bei {1} ist nicht erreichbar: {2}",
    "{0} at {1} did not answer: {2}": "{0} bei {1} hat nicht geantwortet: {2}",
    "{0} answered {1} with something that is not JSON: {2}": (
        "{0} hat {1} mit etwas beantwortet, das kein JSON ist: {2}"
    ),
    "{0}: no whole answer within {1:g} s": "{0}: keine vollständige Antwort innerhalb von {1:g} s",
    "{0}: unusable answer ({1})": "{0}: unbrauchbare Antwort ({1})",
    "{0}: the connection broke after the request was sent ({1})": (
        "{0}: die Verbindung brach ab, nachdem die Anfrage gesendet war ({1})"
    ),
    "the amount must not be negative": "der Betrag darf nicht negativ sein",
    "{0} keeps rate-limiting the requests; try again later": (
        "{0} begrenzt die Anfragen ständig; versuchen Sie es später noch einmal"
    ),
    "an amount is needed to pay an amountless invoice": (
        "um eine Rechnung ohne Betrag zu bezahlen, wird ein Betrag gebraucht"
    ),
    "{0}: the wallet is BTC or USD, not {1}": "{0}: die Wallet ist BTC oder USD, nicht {1}",
    "{0} needs --opt api_key=…": "{0} braucht --opt api_key=…",
    "{0} cannot make invoices with a description hash": "{0} kann keine Rechnungen mit Beschreibungs-Hash erstellen",
    "{0} refused the invoice: {1}": "{0} hat die Rechnung abgelehnt: {1}",
    "{0} refused the API key ({1})": "{0} hat den API-Schlüssel abgelehnt ({1})",
    "{0} answered {1}": "{0} hat {1} geantwortet",
    "{0}: {1} ({2})": "{0}: {1} ({2})",
    "{0}: a {1} wallet cannot make a {2} invoice": "{0}: eine {1}-Wallet kann keine {2}-Rechnung erstellen",
    "{0} refused the subscription: {1}": "{0} hat das Abonnement abgelehnt: {1}",
    "CLN needs --opt url=… --opt rune=…": "CLN braucht --opt url=… --opt rune=…",
    "CLN takes a description, not a description hash": "CLN nimmt eine Beschreibung, keinen Beschreibungs-Hash",
    "CLN refused the rune for {0} ({1}): {2}": "CLN hat die Rune für {0} abgelehnt ({1}): {2}",
    "CLN makes invoices in sat, not {0}": "CLN erstellt Rechnungen in sat, nicht in {0}",
    "CLN: cannot use the TLS certificate: {0}": "CLN: das TLS-Zertifikat kann nicht verwendet werden: {0}",
    "CLN {0} failed ({1}): {2}": "CLN {0} ist fehlgeschlagen ({1}): {2}",
    "CLN refused the payment: {0}": "CLN hat die Zahlung abgelehnt: {0}",
    "the invoice already has another amount": "die Rechnung hat bereits einen anderen Betrag",
    "balance must be a whole number of sat": "das Guthaben muss eine ganze Zahl sat sein",
    "the fake backend makes invoices in sat, not {0}": "das Test-Backend erstellt Rechnungen in sat, nicht in {0}",
    "LNbits cannot make amountless invoices": "LNbits kann keine Rechnungen ohne Betrag erstellen",
    "LNbits cannot pay amountless invoices": "LNbits kann keine Rechnungen ohne Betrag bezahlen",
    "the invoice already has an amount": "die Rechnung hat bereits einen Betrag",
    "LNbits needs --opt {0}=…": "LNbits braucht --opt {0}=…",
    "LNbits makes invoices in sat, not {0}": "LNbits erstellt Rechnungen in sat, nicht in {0}",
    "LNbits answered without an invoice: {0}": "LNbits hat ohne Rechnung geantwortet: {0}",
    "LND needs --opt url=… --opt macaroon=<hex>": "LND braucht --opt url=… --opt macaroon=<hex>",
    "LND makes invoices in sat, not {0}": "LND erstellt Rechnungen in sat, nicht in {0}",
    "LND answered without an invoice: {0}": "LND hat ohne Rechnung geantwortet: {0}",
    "LND: cannot use the TLS certificate: {0}": "LND: das TLS-Zertifikat kann nicht verwendet werden: {0}",
    "LND at {0} is unreachable: {1}": "LND bei {0} ist nicht erreichbar: {1}",
    "LND: tracking the payment failed: {0}": "LND: die Verfolgung der Zahlung ist fehlgeschlagen: {0}",
    "not a nostr+walletconnect:// URI": "keine nostr+walletconnect://-URI",
    "the NWC URI needs a wallet pubkey, at least one relay and a secret": (
        "die NWC-URI braucht einen Wallet-Pubkey, mindestens ein Relay und ein Geheimnis"
    ),
    "NWC needs --opt uri=nostr+walletconnect://…": "NWC braucht --opt uri=nostr+walletconnect://…",
    "NWC: the wallet service has published no info event (is it running?)": (
        "NWC: der Wallet-Dienst hat kein Info-Event veröffentlicht (läuft er?)"
    ),
    "NWC: no relay reachable ({0}): {1}": "NWC: kein Relay erreichbar ({0}): {1}",
    "NWC: the relay did not answer": "NWC: das Relay hat nicht geantwortet",
    "NWC: the relay closed before answering {0}": "NWC: das Relay hat geschlossen, bevor es {0} beantwortet hat",
    "NWC makes invoices in sat, not {0}": "NWC erstellt Rechnungen in sat, nicht in {0}",
    "NWC: {0}": "NWC: {0}",
    "NWC: the relay connection broke: {0}": "NWC: die Verbindung zum Relay brach ab: {0}",
    "NWC: unreadable response: {0}": "NWC: unlesbare Antwort: {0}",
    "NWC {0} refused: {1}": "NWC {0} abgelehnt: {1}",
    "NWC lookup_invoice refused: {0}": "NWC lookup_invoice abgelehnt: {0}",
    "NWC: no answer to {0} within {1} s": "NWC: keine Antwort auf {0} innerhalb von {1} s",
    "NWC: the relay connection broke after {0} was sent: {1}": (
        "NWC: die Verbindung zum Relay brach ab, nachdem {0} gesendet war: {1}"
    ),
    "NWC refused the connection: {0}": "NWC hat die Verbindung abgelehnt: {0}",
    "NWC: the relay refused the request: {0}": "NWC: das Relay hat die Anfrage abgelehnt: {0}",
    "not an importable Python file": "keine importierbare Python-Datei",
    "the plugin registers no backend (decorate a class with @register_backend)": (
        "das Plugin registriert kein Backend (dekorieren Sie eine Klasse mit @register_backend)"
    ),
    (
        "refused: {0} is writable by other users (mode {1:o}); a plugin runs with the unlocked wallet — run 'chmod "
        "go-w {0}'"
    ): (
        "abgelehnt: {0} ist für andere Benutzer beschreibbar (Modus {1:o}); ein Plugin läuft mit der entsperrten "
        "Wallet — führen Sie 'chmod go-w {0}' aus"
    ),
    "refused: {0} belongs to another user (uid {1}); a plugin runs with the unlocked wallet": (
        "abgelehnt: {0} gehört einem anderen Benutzer (UID {1}); ein Plugin läuft mit der entsperrten Wallet"
    ),
    "backend {0!r} is not a class": "das Backend {0!r} ist keine Klasse",
    "backend {0!r} ({1}) lacks {2}": "dem Backend {0!r} ({1}) fehlt {2}",
    "a backend named {0!r} is already registered (from {1})": (
        "ein Backend namens {0!r} ist bereits registriert (aus {1})"
    ),
    "unknown backend type {0!r} (known: {1})": "unbekannter Backend-Typ {0!r} (bekannt: {1})",
    "cannot check {0}: {1}": "{0} kann nicht geprüft werden: {1}",
    "the module registers no backend (use @register_backend)": (
        "das Modul registriert kein Backend (verwenden Sie @register_backend)"
    ),
    "LNbits refused to {0} ({1}): {2}": "LNbits hat sich geweigert, {0} ({1}): {2}",
    "LND refused to {0} ({1}): {2}": "LND hat sich geweigert, {0} ({1}): {2}",
    "{0}: the account has no {1} wallet {2}": "{0}: das Konto hat keine {1}-Wallet {2}",
    "{0}: the account has no {1} wallet": "{0}: das Konto hat keine {1}-Wallet",
    "show the wallet": "die Wallet anzuzeigen",
    "create an invoice": "eine Rechnung zu erstellen",
    "show the payment": "die Zahlung anzuzeigen",
    "pay": "zu bezahlen",
    "show the balance": "das Guthaben anzuzeigen",
    "show the invoice": "die Rechnung anzuzeigen",
    "track the payment": "die Zahlung zu verfolgen",
    "stream invoices": "Rechnungen zu streamen",
}
