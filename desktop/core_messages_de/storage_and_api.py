"""German for the core's templates of storage, configuration and the rest of the services (core/storage, core/api …)."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
    "a backend name is letters, digits, '.', '_' or '-' (at most 64)": (
        "ein Backend-Name besteht aus Buchstaben, Ziffern, '.', '_' oder '-' (höchstens 64)"
    ),
    "the amount must be positive": "der Betrag muss positiv sein",
    "the wallet password is needed to store a backend's secrets": (
        "das Wallet-Passwort wird gebraucht, um die Geheimnisse eines Backends zu speichern"
    ),
    "a backend named {0!r} exists already (remove it first)": (
        "ein Backend namens {0!r} gibt es schon (entfernen Sie es zuerst)"
    ),
    "{0} has no option {1} (its options: {2})": "{0} hat keine Option {1} (seine Optionen: {2})",
    "no backend named {0!r} (configured: {1})": "kein Backend namens {0!r} (eingerichtet: {1})",
    "{0} could not pay the mint's invoice: {1} (quote {2} stays unpaid)": (
        "{0} konnte die Rechnung der Mint nicht bezahlen: {1} (Angebot {2} bleibt unbezahlt)"
    ),
    "{0} cannot make invoices in {1}": "{0} kann keine Rechnungen in {1} erstellen",
    "the melt may cost up to {0} {1} in fees, above the limit {2}": (
        "die Einlösung kann bis zu {0} {1} an Gebühren kosten, mehr als die Grenze {2}"
    ),
    (
        "the payment from {0} is still pending; the mint quote {1} is kept and can be minted later (nutdesk "
        "mint-quote {1})"
    ): (
        "die Zahlung aus {0} ist noch offen; das Mint-Angebot {1} bleibt erhalten und kann später ausgegeben werden "
        "(nutdesk mint-quote {1})"
    ),
    "the wallet password is needed to use backend {0!r}": (
        "das Wallet-Passwort wird gebraucht, um das Backend {0!r} zu verwenden"
    ),
    "{0} is not a postgresql:// URL (e.g. postgresql://shop@books.local/nutdesk)": (
        "{0} ist keine postgresql://-URL (z. B. postgresql://shop@books.local/nutdesk)"
    ),
    "{0} is not a database URL: use postgresql://user@host/database": (
        "{0} ist keine Datenbank-URL: verwenden Sie postgresql://user@host/database"
    ),
    "could not connect to {0}: {1}": "keine Verbindung zu {0}: {1}",
    "no Nostr relays: add one with `nutdesk relays --add wss://…` (or give --relay)": (
        "keine Nostr-Relays: fügen Sie eines mit `nutdesk relays --add wss://…` hinzu (oder geben Sie --relay an)"
    ),
    "no Nostr relay answered within {0:g} s": "kein Nostr-Relay hat innerhalb von {0:g} s geantwortet",
    "no mint {0} in this wallet: add it first (nutdesk mint add URL)": (
        "keine Mint {0} in dieser Wallet: fügen Sie sie zuerst hinzu (nutdesk mint add URL)"
    ),
    "a label is at most {0} characters": "eine Bezeichnung hat höchstens {0} Zeichen",
    "the token holds no proofs": "das Token enthält keine Proofs",
    "{0} is not in the wallet: add it first (nutdesk mint add {0})": (
        "{0} ist nicht in der Wallet: fügen Sie sie zuerst hinzu (nutdesk mint add {0})"
    ),
    "a multi-path payment needs an invoice for a whole number of sat": (
        "eine Mehrpfad-Zahlung braucht eine Rechnung über eine ganze Zahl sat"
    ),
    "no failed transaction with id {0}": "keine fehlgeschlagene Transaktion mit der ID {0}",
    "the operation of failed transaction {0} is gone": (
        "der Vorgang der fehlgeschlagenen Transaktion {0} existiert nicht mehr"
    ),
    "no wallet here yet: run `nutdesk init` (or open the app) first": (
        "hier gibt es noch keine Wallet: führen Sie zuerst `nutdesk init` aus (oder öffnen Sie die App)"
    ),
    "no wallet here yet": "hier gibt es noch keine Wallet",
    "this wallet is protected by a password": "diese Wallet ist durch ein Passwort geschützt",
    "a wallet already exists in {0}": "in {0} gibt es bereits eine Wallet",
    "unknown mint quote {0}": "unbekanntes Mint-Angebot {0}",
    "no mint holds {0} {1}": "keine Mint hat {0} {1}",
    "cannot use the data directory {0}: {1}": "das Datenverzeichnis {0} kann nicht verwendet werden: {1}",
    "the token is from {0}, a mint this wallet does not trust yet; receive it with --trust to add and trust it": (
        "das Token stammt von {0}, einer Mint, der diese Wallet noch nicht vertraut; empfangen Sie es mit --trust, "
        "um sie hinzuzufügen und ihr zu vertrauen"
    ),
    "the spending limit cannot be negative": "das Ausgabelimit darf nicht negativ sein",
    "wrong spending PIN (next attempt in {0:.0f} s)": "falsche Ausgabe-PIN (nächster Versuch in {0:.0f} s)",
    "cancelled: the spending PIN was not given": "abgebrochen: die Ausgabe-PIN wurde nicht eingegeben",
    "too many wrong PINs: try again in {0:.0f} s": "zu viele falsche PINs: versuchen Sie es in {0:.0f} s noch einmal",
    "{0} of {1} {2} is above the spending limit of {3} {2}: the spending PIN is needed": (
        "{0} von {1} {2} liegt über dem Ausgabelimit von {3} {2}: die Ausgabe-PIN wird gebraucht"
    ),
    "a spending PIN needs at least {0} characters": "eine Ausgabe-PIN braucht mindestens {0} Zeichen",
    "a database password needs a user name in the URL (postgresql://USER@host/database)": (
        "ein Datenbankpasswort braucht einen Benutzernamen in der URL (postgresql://USER@host/database)"
    ),
    "cannot read {0}: not a JSON object": "{0} kann nicht gelesen werden: kein JSON-Objekt",
    "{0!r} is not a mint URL (it needs https:// and a host)": (
        "{0!r} ist keine Mint-URL (sie braucht https:// und einen Host)"
    ),
    (
        "refusing mint {0}: plain http is only allowed for mints on this machine (loopback); anyone on the way could "
        "read and change its answers — use its https:// address"
    ): (
        "Mint {0} abgelehnt: einfaches http ist nur für Mints auf diesem Rechner (Loopback) erlaubt; jeder auf dem "
        "Weg könnte ihre Antworten lesen und ändern — verwenden Sie ihre https://-Adresse"
    ),
    "cannot read {0}: {1}": "{0} kann nicht gelesen werden: {1}",
    "{0!r} is not a mint URL: {1}": "{0!r} ist keine Mint-URL: {1}",
    "the Lightning payment failed: {0}": "die Lightning-Zahlung ist fehlgeschlagen: {0}",
    "the Lightning payment is pending or its outcome is unknown{0}": (
        "die Lightning-Zahlung ist offen oder ihr Ergebnis ist unbekannt{0}"
    ),
    "cannot reach the wallet database {0}: {1}": "die Wallet-Datenbank {0} ist nicht erreichbar: {1}",
    "cannot open the wallet database {0}: {1}": "die Wallet-Datenbank {0} kann nicht geöffnet werden: {1}",
    "database error: {0}": "Datenbankfehler: {0}",
    "the wallet database {0} does not answer; nothing was recorded: {1}": (
        "die Wallet-Datenbank {0} antwortet nicht; nichts wurde gespeichert: {1}"
    ),
    "operation {0} kept changing under this update": (
        "der Vorgang {0} hat sich während dieser Änderung ständig geändert"
    ),
    "operation {0} changed (version {1}, expected {2})": (
        "der Vorgang {0} hat sich geändert (Version {1}, erwartet {2})"
    ),
    "operation {0} is {1}; it cannot become {2} from there (another task or process moved it)": (
        "der Vorgang {0} ist {1}; er kann von dort nicht {2} werden (eine andere Aufgabe oder ein anderer Prozess "
        "hat ihn verändert)"
    ),
    "the wallet still holds ecash at {0}: send or melt it before removing the mint": (
        "die Wallet hat noch Ecash bei {0}: senden oder lösen Sie es ein, bevor Sie die Mint entfernen"
    ),
    "a sealed value does not open with this wallet's key": (
        "ein versiegelter Wert lässt sich mit dem Schlüssel dieser Wallet nicht öffnen"
    ),
    "the wallet is locked: unlock it with its password first": (
        "die Wallet ist gesperrt: entsperren Sie sie zuerst mit ihrem Passwort"
    ),
    "the wallet is locked: unlock it with its password before writing to it": (
        "die Wallet ist gesperrt: entsperren Sie sie mit ihrem Passwort, bevor Sie in sie schreiben"
    ),
    "a sealed value in {0} does not open with this wallet's key": (
        "ein versiegelter Wert in {0} lässt sich mit dem Schlüssel dieser Wallet nicht öffnen"
    ),
    "mint {0} is not trusted yet": "die Mint {0} ist noch nicht vertrauenswürdig",
    "mint {0} is unreachable": "die Mint {0} ist nicht erreichbar",
    "mint rejected the request (code {0})": "die Mint hat die Anfrage abgelehnt (Code {0})",
    "mint {0} misbehaved": "die Mint {0} hat sich fehlerhaft verhalten",
    "{0} needs {1}": "{0} braucht {1}",
    "no relay accepted the review: {0}": "kein Relay hat die Bewertung angenommen: {0}",
    "already {0}": "bereits {0}",
    "keyset active must be true or false": "active eines Keysets muss true oder false sein",
    "restore answer pairs outputs and signatures of different lengths": (
        "die Wiederherstellungsantwort paart Ausgaben und Signaturen unterschiedlicher Länge"
    ),
    "{0} must be an integer, not {1}": "{0} muss eine Ganzzahl sein, nicht {1}",
    "{0} must be at least {1}, not {2}": "{0} muss mindestens {1} sein, nicht {2}",
    "{0} must be a string, not {1}": "{0} muss eine Zeichenkette sein, nicht {1}",
    "{0} must be a JSON object, not {1}": "{0} muss ein JSON-Objekt sein, nicht {1}",
    "{0} must be a JSON list, not {1}": "{0} muss eine JSON-Liste sein, nicht {1}",
    "keyset id {0!r} is not hex": "die Keyset-ID {0!r} ist kein Hex",
    "unknown report format {0!r}: use one of {1} or pdf": (
        "unbekanntes Berichtsformat {0!r}: verwenden Sie eines von {1} oder pdf"
    ),
    "no operation {0}": "keine Operation {0}",
    "database error while reading the history: {0}": "Datenbankfehler beim Lesen des Verlaufs: {0}",
    (
        "this wallet already lives in PostgreSQL ({0}), and there is no wallet in {1}: db copy moves a wallet's "
        "SQLite file into PostgreSQL (between two PostgreSQL databases: pg_dump)"
    ): (
        "diese Wallet liegt schon in PostgreSQL ({0}), und in {1} ist keine Wallet: db copy bringt die SQLite-Datei "
        "einer Wallet nach PostgreSQL (zwischen zwei PostgreSQL-Datenbanken: pg_dump)"
    ),
    "{0} is not a postgresql:// URL": "{0} ist keine postgresql://-URL",
    "there is no wallet in {0} to copy: create or restore one first (nutdesk init)": (
        "in {0} ist keine Wallet zum Kopieren: legen Sie zuerst eine an oder stellen Sie eine wieder her (nutdesk init)"
    ),
    "another process uses the wallet (pid {0}): close the app and every till using it, then copy again": (
        "ein anderer Prozess benutzt die Wallet (PID {0}): schließen Sie die App und jede Kasse, die sie benutzt, "
        "und kopieren Sie dann erneut"
    ),
    "{0} already holds a wallet: copy into an empty database": (
        "{0} enthält schon eine Wallet: kopieren Sie in eine leere Datenbank"
    ),
    "{0} of {1} proofs are held or were taken by another operation": (
        "{0} von {1} Proofs werden von einer anderen Operation gehalten oder wurden von ihr genommen"
    ),
    "{0} of {1} proofs are no longer {2} for operation {3} (another operation used them)": (
        "{0} von {1} Proofs sind nicht mehr {2} für die Operation {3} (eine andere Operation hat sie benutzt)"
    ),
    "{0} of {1} proofs are no longer {2} (another operation used them)": (
        "{0} von {1} Proofs sind nicht mehr {2} (eine andere Operation hat sie benutzt)"
    ),
}
