"""German for the CLI's words of the error explanations core.api.messages writes through this catalogue (the
GUI has the same German in resources/translations/nutdesk_de.ts; tests/ship/test_error_words.py checks both
are complete)."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
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
        "Nichts ist verloren: Nutdesk bewahrt den Vorgang auf und schließt ihn ab, sobald die Mint antwortet (siehe "
        "Wiederherstellung oder 'nutdesk failed list')."
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
        "Kopieren Sie das ganze Token noch einmal (von 'cashuA' oder 'cashuB' bis zum letzten Zeichen) und fügen Sie "
        "es in einem Stück ein."
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
