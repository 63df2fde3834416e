"""German for the core's templates of the wallet's operations, the mint client and recovery (core/wallet,
core/mint_client …)."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
    "an answer of {0} bytes is larger than the {1} bytes allowed": (
        "eine Antwort von {0} Bytes ist größer als die erlaubten {1} Bytes"
    ),
    "the answer is larger than the {0} bytes allowed": "die Antwort ist größer als die erlaubten {0} Bytes",
    "a line of the answer is larger than the {0} bytes allowed": (
        "eine Zeile der Antwort ist größer als die erlaubten {0} Bytes"
    ),
    "the answer cannot be decoded: {0}": "die Antwort kann nicht dekodiert werden: {0}",
    "melt quote {0} is still pending at the mint": "das Einlöse-Angebot {0} ist bei der Mint noch offen",
    "client for {0} is closed": "der Client für {0} ist geschlossen",
    "mint {0} did not finish answering {1} {2} within {3:g} s": (
        "die Mint {0} hat die Antwort auf {1} {2} nicht innerhalb von {3:g} s abgeschlossen"
    ),
    "mint quote {0} not {1} within {2} s": "Mint-Angebot {0} nicht innerhalb von {2} s {1}",
    "melt quote {0} not {1} within {2} s": "Einlöse-Angebot {0} nicht innerhalb von {2} s {1}",
    "mint {0} sent an unreadable notification: {1!r}": (
        "die Mint {0} hat eine unlesbare Benachrichtigung gesendet: {1!r}"
    ),
    "the mint closed the websocket": "die Mint hat den Websocket geschlossen",
    "no websocket scheme for {0}": "kein Websocket-Schema für {0}",
    "{0} websocket failed: {1!r}": "{0}-Websocket fehlgeschlagen: {1!r}",
    "mint refused the {0} subscription: {1}": "die Mint hat das Abonnement {0} abgelehnt: {1}",
    "the mint sent an unreadable {0} notification: {1}": (
        "die Mint hat eine unlesbare {0}-Benachrichtigung gesendet: {1}"
    ),
    "a batch needs at least one quote": "ein Sammelauftrag braucht mindestens ein Angebot",
    "a quote appears twice in the batch": "ein Angebot kommt im Sammelauftrag zweimal vor",
    "all quotes of a batch must have the same unit": "alle Angebote eines Sammelauftrags müssen dieselbe Einheit haben",
    "mint {0} does not support batched minting (NUT-29)": "die Mint {0} unterstützt keine Sammel-Ausgabe (NUT-29)",
    "mint {0} takes at most {1} quotes per batch": "die Mint {0} nimmt höchstens {1} Angebote pro Sammelauftrag an",
    "quote {0} is from {1}, not {2}": "das Angebot {0} stammt von {1}, nicht von {2}",
    "not every invoice of the batch has been paid yet": "noch nicht jede Rechnung des Sammelauftrags ist bezahlt",
    "the invoice has not been paid yet": "die Rechnung ist noch nicht bezahlt",
    "mint {0} has no active keyset for unit {1}": "die Mint {0} hat kein aktives Keyset für die Einheit {1}",
    "keyset {0} is not a keyset of {1}": "das Keyset {0} ist kein Keyset von {1}",
    "the mint did not return the keys of keyset {0}": "die Mint hat die Schlüssel des Keysets {0} nicht geliefert",
    "the mint's melt quote has already expired": "das Einlöse-Angebot der Mint ist bereits abgelaufen",
    "the Lightning payment is pending at the mint; the wallet keeps the ecash reserved and checks again": (
        "die Lightning-Zahlung ist bei der Mint noch offen; die Wallet hält das Ecash reserviert und prüft erneut"
    ),
    "paying {0} {1} needs up to {2} {1} plus input fees at {3}; the wallet has {4} {1} there": (
        "{0} {1} zu bezahlen braucht bis zu {2} {1} plus Eingabegebühren bei {3}; die Wallet hat dort {4} {1}"
    ),
    "the mints cannot cover the invoice plus their fee reserves": (
        "die Mints können die Rechnung und ihre Gebührenreserven nicht decken"
    ),
    "a multi-path payment needs an invoice with an amount": "eine Mehrpfad-Zahlung braucht eine Rechnung mit Betrag",
    "the mints that support multi-path payments hold {0} of {1}": (
        "die Mints, die Mehrpfad-Zahlungen unterstützen, haben {0} von {1}"
    ),
    "mint {0} quoted {1} {2} for a part of {3} {2}": "die Mint {0} verlangt {1} {2} für einen Teil von {3} {2}",
    "a multi-path payment needs two mints with NUT-15 for {0}; mints without it: {1}": (
        "eine Mehrpfad-Zahlung braucht zwei Mints mit NUT-15 für {0}; Mints ohne: {1}"
    ),
    "the mint signed an amount ({0}) keyset {1} has no key for": (
        "die Mint hat einen Betrag ({0}) signiert, für den das Keyset {1} keinen Schlüssel hat"
    ),
    "the mint lists NUT-12 but sent a signature without a DLEQ proof": (
        "die Mint nennt NUT-12, hat aber eine Signatur ohne DLEQ-Beweis gesendet"
    ),
    "the mint's DLEQ proof does not verify: its signature is not by our key": (
        "der DLEQ-Beweis der Mint lässt sich nicht verifizieren: ihre Signatur stammt nicht von unserem Schlüssel"
    ),
    "the mint returned {0} of change, more than the {1} overpaid": (
        "die Mint hat {0} Wechselgeld geliefert, mehr als die zu viel bezahlten {1}"
    ),
    "the mint signed {0} for an output of {1}": "die Mint hat {0} für eine Ausgabe von {1} signiert",
    "the mint answered an amount of {0}, which is not a power of two": (
        "die Mint hat einen Betrag von {0} geantwortet, der keine Zweierpotenz ist"
    ),
    "the mint returned {0} change signatures for {1} blanks": (
        "die Mint hat {0} Wechselgeld-Signaturen für {1} leere Ausgaben geliefert"
    ),
    "the mint returned {0} signatures for {1} outputs": "die Mint hat {0} Signaturen für {1} Ausgaben geliefert",
    "no keys for our own keyset {0}": "keine Schlüssel für unser eigenes Keyset {0}",
    "the mint signed with keyset {0}, not ours ({1})": (
        "die Mint hat mit dem Keyset {0} signiert, nicht mit unserem ({1})"
    ),
    "the mint's signature is not a valid point: {0}": "die Signatur der Mint ist kein gültiger Punkt: {0}",
    "the token's DLEQ proof does not verify: it was not signed by this mint": (
        "der DLEQ-Beweis des Tokens lässt sich nicht verifizieren: es wurde nicht von dieser Mint signiert"
    ),
    "the token is worth {0} {1}, less than the mint's fee of {2} {1}": (
        "das Token ist {0} {1} wert, weniger als die Gebühr der Mint von {2} {1}"
    ),
    "the token says unit {0} but keyset {1} is {2}": "das Token nennt die Einheit {0}, aber das Keyset {1} ist {2}",
    "keyset {0} has no key for amount {1}": "das Keyset {0} hat keinen Schlüssel für den Betrag {1}",
    "this token was already spent (claimed by someone, or received before)": (
        "dieses Token wurde bereits ausgegeben (von jemandem eingelöst oder schon einmal empfangen)"
    ),
    "no recovery words given": "keine Wiederherstellungswörter angegeben",
    "the recovery words are incomplete or mistyped (checksum does not match)": (
        "die Wiederherstellungswörter sind unvollständig oder vertippt (die Prüfsumme stimmt nicht)"
    ),
    "wrong password": "falsches Passwort",
    "the stored secret is damaged": "das gespeicherte Geheimnis ist beschädigt",
    "the password must be at least {0} characters long": "das Passwort muss mindestens {0} Zeichen lang sein",
    "not BIP39 words: {0}": "keine BIP39-Wörter: {0}",
    "no combination of existing proofs makes exactly {0} {1}: send online (the mint splits them)": (
        "keine Kombination vorhandener Proofs ergibt genau {0} {1}: senden Sie online (die Mint teilt sie auf)"
    ),
    "not a public key to lock to: {0!r} (33-byte compressed hex expected)": (
        "kein öffentlicher Schlüssel zum Sperren: {0!r} (erwartet: komprimiertes Hex mit 33 Bytes)"
    ),
    "the mint refused ({0}); {1}": "die Mint hat abgelehnt ({0}); {1}",
    "the mint refused ({0}); {1}. The operation is kept and recovery finishes it": (
        "die Mint hat abgelehnt ({0}); {1}. Der Vorgang bleibt erhalten und die Wiederherstellung schließt ihn ab"
    ),
    "{0} (nothing happened: {1})": "{0} (nichts ist geschehen: {1})",
    "the Lightning payment is pending at the mint ({0})": "die Lightning-Zahlung ist bei der Mint noch offen ({0})",
    (
        "the mint refused ({0}) and could not be asked what happened ({1}); the operation is kept and recovery "
        "finishes it"
    ): (
        "die Mint hat abgelehnt ({0}) und konnte nicht gefragt werden, was geschehen ist ({1}); der Vorgang bleibt "
        "erhalten und die Wiederherstellung schließt ihn ab"
    ),
    "only a cashu token can be written to a token file": (
        "nur ein Cashu-Token kann in eine Token-Datei geschrieben werden"
    ),
    "{0} holds no cashu token": "{0} enthält kein Cashu-Token",
    "cannot write the token file {0}: {1}": "die Token-Datei {0} kann nicht geschrieben werden: {1}",
    "{0} has a malformed age scrypt stanza": "{0} hat einen fehlerhaften age-scrypt-Abschnitt",
    (
        "{0} asks for an scrypt work factor of {1} (at most {2} is allowed): refused before deriving, it would cost "
        "gigabytes of memory"
    ): (
        "{0} verlangt einen scrypt-Arbeitsfaktor von {1} (erlaubt sind höchstens {2}): vor dem Ableiten abgelehnt, "
        "es würde Gigabytes an Speicher kosten"
    ),
    "{0} is too large to be a token file": "{0} ist zu groß für eine Token-Datei",
    "cannot read the token file {0}: {1}": "die Token-Datei {0} kann nicht gelesen werden: {1}",
    "{0} is encrypted: a passphrase is needed": "{0} ist verschlüsselt: eine Passphrase wird gebraucht",
    "{0} is not a token file": "{0} ist keine Token-Datei",
    "cannot decrypt {0}: wrong passphrase (or not a token file)": (
        "{0} kann nicht entschlüsselt werden: falsche Passphrase (oder keine Token-Datei)"
    ),
    "source and destination are the same mint": "Quelle und Ziel sind dieselbe Mint",
    "unknown mint quote {0} at {1}": "unbekanntes Mint-Angebot {0} bei {1}",
    "no transfer {0}": "keine Überweisung {0}",
    "the target's quote {0} is {1}; the transfer stays in flight": (
        "das Angebot {0} des Ziels ist {1}; die Überweisung bleibt unterwegs"
    ),
    "the target says quote {0} was issued, but not to this transfer's outputs": (
        "das Ziel sagt, Angebot {0} sei ausgegeben worden, aber nicht an die Ausgaben dieser Überweisung"
    ),
    (
        "paid at the source, but {0} has not issued the ecash yet ({1}); the transfer stays in flight and recovery "
        "finishes it"
    ): (
        "bei der Quelle bezahlt, aber {0} hat das Ecash noch nicht ausgegeben ({1}); die Überweisung bleibt "
        "unterwegs und die Wiederherstellung schließt sie ab"
    ),
    (
        "paid at the source, but {0} has not seen the payment yet (quote {1}); the transfer stays in flight and "
        "recovery finishes it"
    ): (
        "bei der Quelle bezahlt, aber {0} hat die Zahlung noch nicht gesehen (Angebot {1}); die Überweisung bleibt "
        "unterwegs und die Wiederherstellung schließt sie ab"
    ),
    "mint {0} refused the request ({1})": "die Mint {0} hat die Anfrage abgelehnt ({1})",
    "mint {0} did not answer: {1!r}": "die Mint {0} hat nicht geantwortet: {1!r}",
    "mint {0} answered HTTP {1}": "die Mint {0} hat mit HTTP {1} geantwortet",
    "cannot connect to mint {0}: {1!r}": "keine Verbindung zur Mint {0}: {1!r}",
    "the mint could not pay the invoice; nothing was spent": (
        "die Mint konnte die Rechnung nicht bezahlen; nichts wurde ausgegeben"
    ),
    "this token is locked to another key: only its owner can receive it (or, after its locktime, its sender)": (
        "dieses Token ist an einen anderen Schlüssel gebunden: nur sein Besitzer kann es empfangen (oder, nach "
        "Ablauf der Sperrfrist, sein Absender)"
    ),
    "this token is locked to another key: only its owner can receive it": (
        "dieses Token ist an einen anderen Schlüssel gebunden: nur sein Besitzer kann es empfangen"
    ),
    "our inputs are spent but the mint signed none of our outputs": (
        "unsere Eingaben sind ausgegeben, aber die Mint hat keine unserer Ausgaben signiert"
    ),
    "the mint did not pay the invoice: the ecash is back in the balance": (
        "die Mint hat die Rechnung nicht bezahlt: das Ecash ist wieder im Guthaben"
    ),
    "interrupted before any request reached the mint": "unterbrochen, bevor eine Anfrage die Mint erreichte",
    "the quote is pending at the mint": "das Angebot ist bei der Mint noch offen",
    "paid at the source; minting at the target next": "bei der Quelle bezahlt; als Nächstes wird beim Ziel ausgegeben",
    "our outputs were already signed for another request; counters advanced": (
        "unsere Ausgaben wurden bereits für eine andere Anfrage signiert; die Zähler wurden weitergesetzt"
    ),
    "the inputs are pending at the mint": "die Eingaben sind bei der Mint noch offen",
    "the token was spent by someone else: nothing received": (
        "das Token wurde von jemand anderem ausgegeben: nichts empfangen"
    ),
    "the Lightning payment is still pending at the mint": "die Lightning-Zahlung ist bei der Mint noch offen",
    "the inputs are still pending at the mint": "die Eingaben sind bei der Mint noch immer offen",
    "the quote is unpaid but some inputs are spent": "das Angebot ist unbezahlt, aber einige Eingaben sind ausgegeben",
    "no resume rule for operation kind {0}": "keine Regel zum Fortsetzen der Vorgangsart {0}",
    "the mint says the quote was issued, but not to our outputs": (
        "die Mint sagt, das Angebot sei ausgegeben worden, aber nicht an unsere Ausgaben"
    ),
    "the quote is {0}: nothing was minted": "das Angebot ist {0}: nichts wurde ausgegeben",
    "moved {0} {1} to {2}": "{0} {1} nach {2} verschoben",
    "the mint refused again ({0}); asked again later": (
        "die Mint hat erneut abgelehnt ({0}); später wird wieder gefragt"
    ),
    "the mint signed only some of the outputs": "die Mint hat nur einige der Ausgaben signiert",
    "multi-path payment: {0}": "Mehrpfad-Zahlung: {0}",
    "the quote was issued to another operation of this wallet": (
        "das Angebot wurde an einen anderen Vorgang dieser Wallet ausgegeben"
    ),
    "minted {0} {1}": "{0} {1} ausgegeben",
    "the mint refused the request: {0}": "die Mint hat die Anfrage abgelehnt: {0}",
    "{0} of {1} {2} completed": "{0} über {1} {2} abgeschlossen",
    "{0} of {1} {2} completed (request sent again)": "{0} über {1} {2} abgeschlossen (Anfrage erneut gesendet)",
    "paid {0} {1}, fee {2}": "{0} {1} bezahlt, Gebühr {2}",
    "the mint refused the swap ({0}); its records show nothing happened": (
        "die Mint hat den Tausch abgelehnt ({0}); laut ihren Aufzeichnungen ist nichts geschehen"
    ),
    "the quotes were issued elsewhere; this batch minted nothing": (
        "die Angebote wurden anderswo ausgegeben; dieser Sammelauftrag hat nichts ausgegeben"
    ),
    "the mint says the batch was issued, but not (all) to our outputs": (
        "die Mint sagt, der Sammelauftrag sei ausgegeben worden, aber nicht (vollständig) an unsere Ausgaben"
    ),
    "the mint issued none of the batch: {0}": "die Mint hat nichts vom Sammelauftrag ausgegeben: {0}",
    "minted {0} {1} in one batch": "{0} {1} in einem Sammelauftrag ausgegeben",
    "minted {0} {1} in one batch (request sent again)": (
        "{0} {1} in einem Sammelauftrag ausgegeben (Anfrage erneut gesendet)"
    ),
    "mint {0} sent an unreadable answer to {1} {2}: {3}": (
        "die Mint {0} hat eine unlesbare Antwort auf {1} {2} gesendet: {3}"
    ),
    "unsupported scrypt parameters": "nicht unterstützte scrypt-Parameter",
    ("not enough ecash: {0} {1} plus fees needed, {2} {1} available (spending all of it would cost {3} {1} in fees)"): (
        "nicht genug Ecash: {0} {1} plus Gebühren nötig, {2} {1} verfügbar (alles auszugeben würde {3} {1} an "
        "Gebühren kosten)"
    ),
    "not enough ecash: {0} {1} plus fees needed, {2} {1} available": (
        "nicht genug Ecash: {0} {1} plus Gebühren nötig, {2} {1} verfügbar"
    ),
    "a chosen proof disappeared while it was being read": "ein gewählter Proof verschwand, während er gelesen wurde",
    "C_ is not a point on secp256k1": "C_ ist kein Punkt auf secp256k1",
}
