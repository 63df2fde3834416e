"""German for the core's templates of the Cashu protocol: tokens, keys, signatures, spending conditions
(core/protocol)."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
    "cannot split a negative amount ({0})": "ein negativer Betrag lässt sich nicht aufteilen ({0})",
    "amount {0} cannot be made from the keyset's denominations": (
        "der Betrag {0} lässt sich nicht aus den Stückelungen des Keysets bilden"
    ),
    "hash_to_curve found no point": "hash_to_curve hat keinen Punkt gefunden",
    "bech32: invalid human-readable part": "bech32: ungültiger lesbarer Teil",
    "bech32: invalid character": "bech32: ungültiges Zeichen",
    "bech32: mixed upper and lower case": "bech32: Groß- und Kleinbuchstaben gemischt",
    "bech32: missing separator, human-readable part or checksum": (
        "bech32: Trennzeichen, lesbarer Teil oder Prüfsumme fehlt"
    ),
    "bech32: checksum mismatch": "bech32: Prüfsumme stimmt nicht",
    "bech32: invalid padding bits": "bech32: ungültige Auffüllbits",
    "bech32: value {0} does not fit in {1} bits": "bech32: der Wert {0} passt nicht in {1} Bits",
    "bech32: invalid data character {0!r}": "bech32: ungültiges Datenzeichen {0!r}",
    "seed yields an invalid BIP32 master key": "der Seed ergibt einen ungültigen BIP32-Hauptschlüssel",
    "derived r is zero": "das abgeleitete r ist null",
    "the derivation counter cannot be negative": "der Ableitungszähler kann nicht negativ sein",
    "the derivation counter is too large for a BIP32 index": "der Ableitungszähler ist zu groß für einen BIP32-Index",
    "keyset id {0!r} is too short": "die Keyset-ID {0!r} ist zu kurz",
    "BIP32 child {0} is invalid": "das BIP32-Kind {0} ist ungültig",
    "BIP32 path {0!r} must start with 'm'": "der BIP32-Pfad {0!r} muss mit 'm' beginnen",
    "the derivation counter does not fit 64 bits": "der Ableitungszähler passt nicht in 64 Bits",
    "keyset id {0!r} is not hex (legacy base64 ids are not supported)": (
        "die Keyset-ID {0!r} ist kein Hex (alte Base64-IDs werden nicht unterstützt)"
    ),
    "bad BIP32 path element {0!r}": "ungültiges BIP32-Pfadelement {0!r}",
    "keyset id {0!r} has an unknown version (expected 00 or 01)": (
        "die Keyset-ID {0!r} hat eine unbekannte Version (erwartet 00 oder 01)"
    ),
    "no DLEQ nonce found": "keine DLEQ-Nonce gefunden",
    "the mint's signature has no DLEQ proof": "die Signatur der Mint hat keinen DLEQ-Beweis",
    "the mint's DLEQ proof does not verify": "der DLEQ-Beweis der Mint lässt sich nicht verifizieren",
    "the proof carries no DLEQ proof (or no blinding factor r)": (
        "der Proof trägt keinen DLEQ-Beweis (oder keinen Blindungsfaktor r)"
    ),
    "the proof's DLEQ does not verify": "der DLEQ-Beweis des Proofs lässt sich nicht verifizieren",
    "DLEQ {0} must be 32 bytes, got {1}": "DLEQ {0} muss 32 Bytes lang sein, erhalten: {1}",
    "DLEQ {0} is not valid hex": "DLEQ {0} ist kein gültiges Hex",
    "malformed DLEQ proof: {0}": "fehlerhafter DLEQ-Beweis: {0}",
    "private key is out of range for secp256k1": "der private Schlüssel liegt außerhalb des Bereichs von secp256k1",
    "point multiplication failed": "die Punktmultiplikation ist fehlgeschlagen",
    "point multiplication reached infinity": "die Punktmultiplikation ergab den unendlich fernen Punkt",
    "point addition reached infinity": "die Punktaddition hat das Unendliche erreicht",
    "Schnorr signing failed": "die Schnorr-Signatur ist fehlgeschlagen",
    "public key is not a valid x-only key": "der öffentliche Schlüssel ist kein gültiger x-only-Schlüssel",
    "{0} must be a 33-byte compressed (or 65-byte) SEC1 point, got {1} bytes": (
        "{0} muss ein komprimierter SEC1-Punkt mit 33 (oder 65) Bytes sein, erhalten: {1} Bytes"
    ),
    "{0} is out of range for secp256k1": "{0} liegt außerhalb des Bereichs von secp256k1",
    "{0} is not valid hex": "{0} ist kein gültiges Hex",
    "{0} is not a point on secp256k1": "{0} ist kein Punkt auf secp256k1",
    "{0} must be 32 bytes, got {1}": "{0} muss 32 Bytes lang sein, erhalten: {1}",
    "input_fee_ppk cannot be negative": "input_fee_ppk kann nicht negativ sein",
    "fee_reserve cannot be negative ({0})": "fee_reserve kann nicht negativ sein ({0})",
    "mint returned {0} change signatures for {1} blank outputs": (
        "die Mint hat {0} Wechselgeld-Signaturen für {1} leere Ausgaben geliefert"
    ),
    "no fee known for keyset {0}": "für das Keyset {0} ist keine Gebühr bekannt",
    "HTLC needs the correct preimage (and the required signatures)": (
        "HTLC braucht das richtige Urbild (und die nötigen Signaturen)"
    ),
    "not an HTLC secret": "kein HTLC-Geheimnis",
    "HTLC locktime passed but not enough refund signatures": (
        "die HTLC-Sperrfrist ist abgelaufen, aber es fehlen Erstattungssignaturen"
    ),
    "the HTLC hash must be 32 bytes of hex": "der HTLC-Hash muss aus 32 Bytes Hex bestehen",
    "{0} is not a JSON number": "{0} ist keine JSON-Zahl",
    "a string is not valid Unicode (lone surrogate)": (
        "eine Zeichenkette ist kein gültiges Unicode (einzelnes Surrogat)"
    ),
    "an integer of {0} digits": "eine Ganzzahl mit {0} Ziffern",
    "the number {0} is not finite": "die Zahl {0} ist nicht endlich",
    "the answer is not UTF-8": "die Antwort ist kein UTF-8",
    "expected a JSON object, got {0}": "JSON-Objekt erwartet, erhalten: {0}",
    "nested deeper than {0} levels": "tiefer als {0} Ebenen verschachtelt",
    "not JSON: {0}": "kein JSON: {0}",
    "a keyset needs a non-empty key map": "ein Keyset braucht eine nicht leere Schlüsseltabelle",
    "keyset id and unit must be strings": "Keyset-ID und Einheit müssen Zeichenketten sein",
    "unsupported keyset id version: {0!r}": "nicht unterstützte Keyset-ID-Version: {0!r}",
    "invalid key amount {0!r}": "ungültiger Schlüsselbetrag {0!r}",
    "key amount must be positive, got {0!r}": "der Schlüsselbetrag muss positiv sein, erhalten: {0!r}",
    "key for amount {0} is not a 33-byte compressed public key": (
        "der Schlüssel für den Betrag {0} ist kein komprimierter öffentlicher Schlüssel mit 33 Bytes"
    ),
    "key for amount {0} is not hex": "der Schlüssel für den Betrag {0} ist kein Hex",
    "keyset id {0} does not match its keys (expected {1})": (
        "die Keyset-ID {0} passt nicht zu ihren Schlüsseln (erwartet {1})"
    ),
    "unknown keyset {0}": "unbekanntes Keyset {0}",
    "short keyset id {0} is ambiguous: {1}": "die kurze Keyset-ID {0} ist mehrdeutig: {1}",
    "invalid input_fee_ppk {0!r}": "ungültiges input_fee_ppk {0!r}",
    "invalid final_expiry {0!r}": "ungültiges final_expiry {0!r}",
    "key for amount {0} is not a point on secp256k1": "der Schlüssel für den Betrag {0} ist kein Punkt auf secp256k1",
    "duplicate key amount {0}": "doppelter Schlüsselbetrag {0}",
    "keyset entry lacks id, unit or keys: {0}": "dem Keyset-Eintrag fehlen ID, Einheit oder Schlüssel: {0}",
    "backup key out of range": "der Sicherungsschlüssel liegt außerhalb des Bereichs",
    "the mint-list backup has no mints list": "die Sicherung der Mint-Liste hat keine Liste von Mints",
    "the mint-list backup timestamp is not an integer": (
        "der Zeitstempel der Sicherung der Mint-Liste ist keine Ganzzahl"
    ),
    "the mint-list backup is not JSON": "die Sicherung der Mint-Liste ist kein JSON",
    "a mint in the backup is not a URL": "eine Mint in der Sicherung ist keine URL",
    "the mint-list backup names more than {0} mints": "die Sicherung der Mint-Liste nennt mehr als {0} Mints",
    "a mint in the backup is not an http(s) URL: {0!r}": "eine Mint in der Sicherung ist keine http(s)-URL: {0!r}",
    "a mint in the backup is not a URL: {0!r}": "eine Mint in der Sicherung ist keine URL: {0!r}",
    'a NUT-10 secret must be ["kind", {...}]': 'ein NUT-10-Geheimnis muss ["kind", {...}] sein',
    "a NUT-10 secret needs string 'data' and 'nonce'": (
        "ein NUT-10-Geheimnis braucht die Zeichenketten 'data' und 'nonce'"
    ),
    "NUT-10 'tags' must be a list": "NUT-10-'tags' müssen eine Liste sein",
    "n_sigs exceeds the number of signing keys": "n_sigs übersteigt die Zahl der Signaturschlüssel",
    "n_sigs_refund exceeds the number of refund keys": "n_sigs_refund übersteigt die Zahl der Erstattungsschlüssel",
    "the witness must be a JSON object": "der Zeuge muss ein JSON-Objekt sein",
    "witness signatures must be a list of hex strings": (
        "die Signaturen des Zeugen müssen eine Liste von Hex-Zeichenketten sein"
    ),
    "the witness preimage must be a hex string": "das Urbild des Zeugen muss eine Hex-Zeichenkette sein",
    "the secret is not NUT-10 JSON": "das Geheimnis ist kein NUT-10-JSON",
    "each NUT-10 tag must be a non-empty list of strings": (
        "jeder NUT-10-Tag muss eine nicht leere Liste von Zeichenketten sein"
    ),
    "the witness is not JSON": "der Zeuge ist kein JSON",
    "tag {0} must have exactly one value": "der Tag {0} muss genau einen Wert haben",
    "tag {0} must be a positive integer": "der Tag {0} muss eine positive Ganzzahl sein",
    "unknown sigflag {0!r}": "unbekanntes sigflag {0!r}",
    "tag {0} is not an integer": "der Tag {0} ist keine Ganzzahl",
    "tag {0} holds an invalid public key": "der Tag {0} enthält einen ungültigen öffentlichen Schlüssel",
    "tag {0} appears more than once": "der Tag {0} kommt mehr als einmal vor",
    "P2BK blinding scalar out of range: use another ephemeral key": (
        "P2BK-Blindungsskalar außerhalb des Bereichs: verwenden Sie einen anderen flüchtigen Schlüssel"
    ),
    "Zx must be 32 bytes": "Zx muss 32 Bytes lang sein",
    "the P2BK slot index must fit one byte": "der P2BK-Platzindex muss in ein Byte passen",
    "P2BK blinds between 1 and {0} keys": "P2BK blindet zwischen 1 und {0} Schlüssel",
    "lock key out of range": "Sperrschlüssel außerhalb des Bereichs",
    "this lock (SIG_ALL) signs a whole transaction: receive it as a token": (
        "diese Sperre (SIG_ALL) signiert eine ganze Transaktion: empfangen Sie sie als Token"
    ),
    "not a P2PK secret": "kein P2PK-Geheimnis",
    "not enough valid signatures from the lock keys or the refund keys": (
        "nicht genug gültige Signaturen der Sperrschlüssel oder der Erstattungsschlüssel"
    ),
    "a SIG_ALL proof can only be checked with its whole transaction": (
        "ein SIG_ALL-Proof kann nur mit seiner ganzen Transaktion geprüft werden"
    ),
    "a transaction needs inputs": "eine Transaktion braucht Eingaben",
    "the first input is not SIG_ALL": "die erste Eingabe ist nicht SIG_ALL",
    "the P2PK lock key is not a valid public key": "der P2PK-Sperrschlüssel ist kein gültiger öffentlicher Schlüssel",
    "needs {0} valid signature(s) from the lock keys": "braucht {0} gültige Signatur(en) der Sperrschlüssel",
    "SIG_ALL inputs must share kind, data and tags": "SIG_ALL-Eingaben müssen Art, Daten und Tags teilen",
    "n_sigs must be between 1 and {0}": "n_sigs muss zwischen 1 und {0} liegen",
    "n_sigs_refund must be between 1 and {0}": "n_sigs_refund muss zwischen 1 und {0} liegen",
    "not a P2PK secret (kind {0!r})": "kein P2PK-Geheimnis (Art {0!r})",
    "invalid key in P2PK lock: {0}": "ungültiger Schlüssel in der P2PK-Sperre: {0}",
    "unsupported spending condition kind {0!r}": "nicht unterstützte Art der Ausgabebedingung {0!r}",
    "not a payment request (expected creqA or creqb1)": "keine Zahlungsanforderung (erwartet creqA oder creqb1)",
    "a payment request must be text": "eine Zahlungsanforderung muss Text sein",
    "payment request amount cannot be negative": "der Betrag einer Zahlungsanforderung kann nicht negativ sein",
    "empty tag tuple": "leeres Tag-Tupel",
    "nostr target is not an npub or nprofile": "das Nostr-Ziel ist kein npub und kein nprofile",
    "malformed nprofile": "fehlerhaftes nprofile",
    "NUT-10 option without a kind": "NUT-10-Option ohne Art",
    "payload contains no proofs": "die Nutzlast enthält keine Proofs",
    "creqb requests must be bech32m": "creqb-Anforderungen müssen bech32m sein",
    "truncated TLV header": "abgeschnittener TLV-Kopf",
    "truncated TLV value": "abgeschnittener TLV-Wert",
    "tag entries are limited to 255 bytes": "Tag-Einträge sind auf 255 Bytes begrenzt",
    "truncated tag tuple": "abgeschnittenes Tag-Tupel",
    "relay URL too long for an nprofile": "die Relay-URL ist zu lang für ein nprofile",
    "nostr transport target must be a 32-byte key": (
        "das Ziel des Nostr-Transports muss ein Schlüssel mit 32 Bytes sein"
    ),
    "unknown transport kind {0}": "unbekannte Transportart {0}",
    "creqb amounts must fit an unsigned 64-bit integer": (
        "creqb-Beträge müssen in eine vorzeichenlose 64-Bit-Ganzzahl passen"
    ),
    "payment request field {0} is missing or has the wrong type": (
        "das Feld {0} der Zahlungsanforderung fehlt oder hat den falschen Typ"
    ),
    "TLV field {0} is too long ({1} bytes)": "das TLV-Feld {0} ist zu lang ({1} Bytes)",
    "transport type {0!r} has no NUT-26 encoding": "der Transporttyp {0!r} hat keine NUT-26-Kodierung",
    "NUT-10 kind {0!r} has no NUT-26 encoding": "die NUT-10-Art {0!r} hat keine NUT-26-Kodierung",
    "empty tag in {0}": "leerer Tag in {0}",
    "{0} is not UTF-8": "{0} ist kein UTF-8",
    "nostr target is not an npub or nprofile: {0}": "das Nostr-Ziel ist kein npub und kein nprofile: {0}",
    "creqb amount must be a u64": "der creqb-Betrag muss ein u64 sein",
    "cannot encode payment request: {0}": "die Zahlungsanforderung kann nicht kodiert werden: {0}",
    "payload contains a malformed proof: {0}": "die Nutzlast enthält einen fehlerhaften Proof: {0}",
    "invalid creqb request: {0}": "ungültige creqb-Anforderung: {0}",
    "unknown NUT-10 kind {0}": "unbekannte NUT-10-Art {0}",
    "creqb single_use must be 0 or 1": "creqb single_use muss 0 oder 1 sein",
    "an output has no B_": "eine Ausgabe hat kein B_",
    "need one private key (or None) per quote": "pro Angebot wird ein privater Schlüssel (oder None) gebraucht",
    "need one pubkey (or None) per quote": "pro Angebot wird ein öffentlicher Schlüssel (oder None) gebraucht",
    "invalid batch mint request: {0}": "ungültige Sammel-Ausgabeanfrage: {0}",
    "not a Cashu token (expected cashuA or cashuB)": "kein Cashu-Token (erwartet cashuA oder cashuB)",
    "a token must be text or bytes": "ein Token muss Text oder Bytes sein",
    "token has no mint URL": "das Token hat keine Mint-URL",
    "proof has an empty keyset id": "ein Proof hat eine leere Keyset-ID",
    "token contains no proofs": "das Token enthält keine Proofs",
    "not a Cashu token (binary data without the crawB prefix)": "kein Cashu-Token (Binärdaten ohne das Präfix crawB)",
    "proof amount must be positive, got {0}": "der Betrag eines Proofs muss positiv sein, erhalten: {0}",
    "token field {0} is not {1} bytes of hex": "das Token-Feld {0} besteht nicht aus {1} Bytes Hex",
    "token field {0} has the wrong length": "das Token-Feld {0} hat die falsche Länge",
    "multi-mint tokens are not supported (this one names {0} mints)": (
        "Tokens mehrerer Mints werden nicht unterstützt (dieses nennt {0} Mints)"
    ),
    "{0} is not hex: {1!r}": "{0} ist kein Hex: {1!r}",
    "keyset {0} has no proofs in the token": "das Keyset {0} hat keine Proofs im Token",
    "not an amount in {0}: {1!r}": "kein Betrag in {0}: {1!r}",
    "{0} amounts have at most {1} decimal places: {2!r}": "{0}-Beträge haben höchstens {1} Nachkommastellen: {2!r}",
    "bytewords too short": "Bytewords zu kurz",
    "bytewords checksum mismatch": "Bytewords-Prüfsumme stimmt nicht",
    "not a ur: string": "keine ur:-Zeichenkette",
    "a ur: string is ur:TYPE/[SEQ/]BODY": "eine ur:-Zeichenkette hat die Form ur:TYP/[SEQ/]INHALT",
    "a frame's sequence is N-TOTAL": "die Sequenz eines Rahmens hat die Form N-GESAMT",
    "a frame's sequence is out of range": "die Sequenz eines Rahmens liegt außerhalb des Bereichs",
    "a ur:bytes message must be a CBOR byte string": "eine ur:bytes-Nachricht muss eine CBOR-Bytefolge sein",
    "bytewords of odd length": "Bytewords ungerader Länge",
    "a multi-part frame must be CBOR [seqNum, seqLen, messageLen, checksum, fragment]": (
        "ein mehrteiliger Rahmen muss CBOR [seqNum, seqLen, messageLen, checksum, fragment] sein"
    ),
    "the frame's sequence does not match its body": "die Sequenz des Rahmens passt nicht zu seinem Inhalt",
    "the ur:bytes payload is not UTF-8 text": "die ur:bytes-Nutzlast ist kein UTF-8-Text",
    "incomplete: {0:.0%} of the message received": "unvollständig: {0:.0%} der Nachricht empfangen",
    "multi-part message too large": "mehrteilige Nachricht zu groß",
    "fragments too short for the message length": "Fragmente zu kurz für die Nachrichtenlänge",
    "reassembled message fails its checksum": "die zusammengesetzte Nachricht besteht die Prüfsumme nicht",
    "not a byteword: {0!r}": "kein Byteword: {0!r}",
    "quotes must be a list of quote ids": "quotes muss eine Liste von Angebots-IDs sein",
    "the batch has no quotes": "der Sammelauftrag hat keine Angebote",
    "duplicate quote ids": "doppelte Angebots-IDs",
    "outputs must be a list": "outputs muss eine Liste sein",
    "quote_amounts must hold one integer per quote": "quote_amounts muss eine Ganzzahl pro Angebot enthalten",
    "signatures must hold one entry per quote": "signatures muss einen Eintrag pro Angebot enthalten",
    "outputs do not add up to quote_amounts": "die Ausgaben ergeben zusammen nicht quote_amounts",
    "one or more quote IDs are unknown": "eine oder mehrere Angebots-IDs sind unbekannt",
    "all quotes must use the same payment method as the endpoint": (
        "alle Angebote müssen dieselbe Zahlungsart wie der Endpunkt verwenden"
    ),
    "all quotes must use the same unit": "alle Angebote müssen dieselbe Einheit verwenden",
    "a quote has nothing left to mint": "bei einem Angebot ist nichts mehr auszugeben",
    "a quote amount exceeds what that quote can mint": (
        "ein Angebotsbetrag übersteigt, was dieses Angebot ausgeben kann"
    ),
    "outputs exceed the mintable amount": "die Ausgaben übersteigen den ausgebbaren Betrag",
    "a NUT-20 quote signature is missing or invalid": "eine NUT-20-Angebotssignatur fehlt oder ist ungültig",
    "the mint must return one signature per output": "die Mint muss eine Signatur pro Ausgabe liefern",
    "a signature is not a BlindSignature object": "eine Signatur ist kein BlindSignature-Objekt",
    "a signature does not match its output's amount/keyset": "eine Signatur passt nicht zu Betrag/Keyset ihrer Ausgabe",
    "wrong length": "falsche Länge",
    "a rating is 0 to 5": "eine Bewertung liegt zwischen 0 und 5",
    "fragment length must be at least {0} and the message non-empty": (
        "die Fragmentlänge muss mindestens {0} sein und die Nachricht darf nicht leer sein"
    ),
}
