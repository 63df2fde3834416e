"""German for the CLI's words of recovery, health, the database, passwords and the spending PIN."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
    "the spending PIN is needed: set {0} (or {0}=- and pipe it on stdin)": (
        "die Ausgabe-PIN wird gebraucht: setzen Sie {0} (oder {0}=- und geben Sie sie über stdin ein)"
    ),
    "each mint's health: answer times, failures, expiring keysets, fees": (
        "der Zustand jeder Mint: Antwortzeiten, Fehler, ablaufende Keysets, Gebühren"
    ),
    "these mints (default: every mint of the wallet)": "diese Mints (Standard: jede Mint der Wallet)",
    "also swap a few sat of your own ecash (costs the mint's fees)": (
        "auch ein paar sat des eigenen Ecash tauschen (kostet die Gebühren der Mint)"
    ),
    "only what is known, without asking the mints": "nur das Bekannte, ohne die Mints zu fragen",
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
        "{0}: {1} proofs checked; spent elsewhere: {2} ({3}); sent and claimed: {4} ({5}); pending at the mint: {6} "
        "({7})"
    ): (
        "{0}: {1} Proofs geprüft; anderswo ausgegeben: {2} ({3}); gesendet und eingelöst: {4} ({5}); ausstehend bei "
        "der Mint: {6} ({7})"
    ),
    "Already done: the {0} of {1} {2} is {3}.": "Bereits erledigt: {0} über {1} {2} ist {3}.",
    "{0}: unreachable, left alone ({1})": "{0}: nicht erreichbar, unverändert gelassen ({1})",
    "set, change or remove the wallet password; remember it in (or forget it from) the OS keyring": (
        "das Wallet-Passwort setzen, ändern oder entfernen; im Schlüsselbund des Systems speichern (oder daraus "
        "entfernen)"
    ),
    "also remember the new password in the OS keyring": "das neue Passwort auch im Schlüsselbund des Systems speichern",
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
        "no OS keyring is available (install nutdesk[keyring] and run a Secret Service, Keychain or Credential "
        "Locker); the password stays asked at each start"
    ): (
        "kein Schlüsselbund des Systems verfügbar (nutdesk[keyring] installieren und einen Secret Service, Keychain "
        "oder Credential Locker betreiben); das Passwort wird weiterhin bei jedem Start abgefragt"
    ),
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
}
