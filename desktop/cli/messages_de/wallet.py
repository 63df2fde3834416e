"""German for the CLI's words of the wallet's own commands (init, mint, balance, send, receive … in
commands.py) and the runner."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
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
    "with --lock and --locktime: refund public key": "mit --lock und --locktime: öffentlicher Rückerstattungsschlüssel",
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
    "Already minted: quote {0} gave {1} {2} on {3}.": "Bereits ausgegeben: Das Angebot {0} hat am {3} {1} {2} ergeben.",
    "Already received: this token gave {0} {1} on {2}.": "Bereits empfangen: Dieses Token hat am {2} {0} {1} ergeben.",
    "{0}: {1} claimed by receivers": "{0}: {1} von Empfängern eingelöst",
    "{0}  {1}  {2}  units: {3}  balance: {4}": "{0}  {1}  {2}  Einheiten: {3}  Guthaben: {4}",
    "Removed {0}": "{0} entfernt",
    "wallet data directory (default: $NUTDESK_DATA_DIR or the user data dir)": (
        "Wallet-Datenverzeichnis (Standard: $NUTDESK_DATA_DIR oder das Datenverzeichnis des Benutzers)"
    ),
    "print exactly one JSON object on stdout": "genau ein JSON-Objekt auf stdout ausgeben",
    "read the wallet password from this file (- for stdin)": "das Wallet-Passwort aus dieser Datei lesen (- für stdin)",
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
    (
        "Nutdesk: a desktop Cashu ecash wallet and point-of-sale console. With no command the window opens; with a "
        "command it runs headless."
    ): (
        "Nutdesk: eine Desktop-Wallet für Cashu-Ecash und eine Kasse für Händler. Ohne Befehl öffnet sich das "
        "Fenster; mit einem Befehl läuft es ohne Fenster."
    ),
    "the token is empty": "das Token ist leer",
    "no password given: set the variable or give a file (a new one is asked only on a terminal)": (
        "kein Passwort angegeben: die Variable setzen oder eine Datei angeben (ein neues wird nur an einem Terminal "
        "abgefragt)"
    ),
    "the two passwords differ": "die beiden Passwörter stimmen nicht überein",
    "nutdesk: note: a token on the command line is visible to other local users; use - (stdin) or --file": (
        "nutdesk: Hinweis: Ein Token auf der Kommandozeile ist für andere lokale Benutzer sichtbar; - (stdin) oder "
        "--file verwenden"
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
    "the quote id (leave out with --all)": "die Angebots-ID (mit --all weglassen)",
    "mint every paid quote: one NUT-29 batch per mint where it supports it": (
        "jedes bezahlte Angebot ausgeben lassen: ein NUT-29-Stapel pro Mint, wo sie es unterstützt"
    ),
    "with --all: only this mint's quotes": "mit --all: nur die Angebote dieser Mint",
    (
        "the wallet database: sqlite:///FILE or postgresql://USER@HOST/DB for a shop's tills sharing one wallet "
        "(default: $NUTDESK_DB_URL, else the SQLite file in the data directory)"
    ): (
        "die Datenbank der Wallet: sqlite:///DATEI oder postgresql://BENUTZER@HOST/DB für die Kassen eines Ladens "
        "mit einer gemeinsamen Wallet (Standard: $NUTDESK_DB_URL, sonst die SQLite-Datei im Datenverzeichnis)"
    ),
    "this till's name in a shop of several (default: $NUTDESK_TILL)": (
        "der Name dieser Kasse in einem Laden mit mehreren (Standard: $NUTDESK_TILL)"
    ),
    "show the version and exit": "die Version anzeigen und beenden",
}
