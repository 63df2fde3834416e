"""German for the core's templates of payments, LNURL, payment requests, rates and Nostr (core/payments,
core/nostr …)."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
    "no Nostr relays to back the mint list up to: add one with `nutdesk relays --add`": (
        "keine Nostr-Relays für die Sicherung der Mint-Liste: fügen Sie eines mit `nutdesk relays --add` hinzu"
    ),
    "no Nostr relays to fetch the mint list from: give one with --relay wss://…": (
        "keine Nostr-Relays zum Abrufen der Mint-Liste: geben Sie eines mit --relay wss://… an"
    ),
    "no Nostr relay answered within {0:g} s: {1}": "kein Nostr-Relay hat innerhalb von {0:g} s geantwortet: {1}",
    "this is a Cashu token: receive it instead of paying it": (
        "dies ist ein Cashu-Token: empfangen Sie es, statt es zu bezahlen"
    ),
    "the payment is for another request": "die Zahlung gehört zu einer anderen Anforderung",
    "this is {0}: pay it instead of receiving it": "dies ist {0}: bezahlen Sie es, statt es zu empfangen",
    "the payment is in {0}, the request asked for {1}": "die Zahlung ist in {0}, die Anforderung verlangte {1}",
    "the payment is from {0}, which this request does not accept": (
        "die Zahlung stammt von {0}, die diese Anforderung nicht annimmt"
    ),
    "the payment holds {0} {1}, the request asked for {2} {1}": (
        "die Zahlung enthält {0} {1}, die Anforderung verlangte {2} {1}"
    ),
    "{0!r} is not a currency code (like USD, EUR)": "{0!r} ist kein Währungscode (wie USD, EUR)",
    "not a valid npub": "kein gültiger npub",
    "NIP-44 plaintext must be 1–65535 bytes": "NIP-44-Klartext muss 1–65535 Bytes lang sein",
    "unknown NIP-44 version or a payload too short": "unbekannte NIP-44-Version oder zu kurze Nutzlast",
    "NIP-44 payload does not authenticate": "NIP-44-Nutzlast lässt sich nicht authentifizieren",
    "NIP-44 padding is invalid": "NIP-44-Auffüllung ist ungültig",
    "a relay URL is too long for an nprofile": "eine Relay-URL ist zu lang für ein nprofile",
    "NIP-44 payload is not base64": "NIP-44-Nutzlast ist kein Base64",
    "NIP-44 plaintext is not UTF-8": "NIP-44-Klartext ist kein UTF-8",
    "not a valid secret key": "kein gültiger geheimer Schlüssel",
    "not a valid nsec": "kein gültiger nsec",
    "not a valid npub: {0}": "kein gültiger npub: {0}",
    "not a valid public key: {0}…": "kein gültiger öffentlicher Schlüssel: {0}…",
    "NIP-04 payload does not decrypt: {0}": "NIP-04-Nutzlast lässt sich nicht entschlüsseln: {0}",
    "not a valid nsec: {0}": "kein gültiger nsec: {0}",
    "a seal is signed by the rumor's author": "ein Siegel wird vom Autor des Gerüchts signiert",
    "not a gift wrap (kind 1059)": "keine Geschenkverpackung (kind 1059)",
    "the gift wrap's signature is invalid": "die Signatur der Geschenkverpackung ist ungültig",
    "the gift wrap does not hold a seal (kind 13)": "die Geschenkverpackung enthält kein Siegel (kind 13)",
    "the seal's signature is invalid": "die Signatur des Siegels ist ungültig",
    "the rumor's author is not the seal's signer (impersonation)": (
        "der Autor des Gerüchts ist nicht der Unterzeichner des Siegels (Identitätsbetrug)"
    ),
    "the rumor's id does not match its content": "die ID des Gerüchts passt nicht zu seinem Inhalt",
    "the {0} is not an event": "{0} ist kein Event",
    "the {0} is not usable JSON: {1}": "{0} ist kein brauchbares JSON: {1}",
    "the rumor is malformed: {0}": "das Gerücht ist fehlerhaft: {0}",
    "{0!r} is not a relay URL (wss://…)": "{0!r} ist keine Relay-URL (wss://…)",
    "not something Nutdesk can pay or receive: it looks like {0}": (
        "nichts, was Nutdesk bezahlen oder empfangen kann: es sieht aus wie {0}"
    ),
    "not something Nutdesk can pay or receive: it looks like binary data": (
        "nichts, was Nutdesk bezahlen oder empfangen kann: es sieht aus wie Binärdaten"
    ),
    "this Lightning invoice cannot be decoded: {0}": "diese Lightning-Rechnung kann nicht dekodiert werden: {0}",
    "not a Lightning address: {0!r}": "keine Lightning-Adresse: {0!r}",
    "not a Lightning address (bad port): {0!r}": "keine Lightning-Adresse (ungültiger Port): {0!r}",
    "a Lightning address on this machine needs a port: {0!r}": (
        "eine Lightning-Adresse auf diesem Rechner braucht einen Port: {0!r}"
    ),
    "not a Lightning address (bad domain): {0!r}": "keine Lightning-Adresse (ungültige Domain): {0!r}",
    "the service's metadata is not a list": "die Metadaten des Dienstes sind keine Liste",
    "the service's successAction is malformed": "die successAction des Dienstes ist fehlerhaft",
    "this LNURL does not contain a URL": "diese LNURL enthält keine URL",
    "this success action is not encrypted": "diese Erfolgsaktion ist nicht verschlüsselt",
    "the service's metadata is not JSON": "die Metadaten des Dienstes sind kein JSON",
    "the service's encrypted successAction is malformed": (
        "die verschlüsselte successAction des Dienstes ist fehlerhaft"
    ),
    "the service's successAction has an unknown tag {0!r}": (
        "die successAction des Dienstes hat einen unbekannten Tag {0!r}"
    ),
    "not an LNURL (prefix {0!r})": "keine LNURL (Präfix {0!r})",
    "not an lnurlp:// link: {0!r}": "kein lnurlp://-Link: {0!r}",
    "this LNURL is not valid bech32: {0}": "diese LNURL ist kein gültiges bech32: {0}",
    "{0} answered something that is not an LNURL object": "{0} hat etwas geantwortet, das kein LNURL-Objekt ist",
    "{0} says: {1}": "{0} sagt: {1}",
    "this LNURL is {0} link: Nutdesk can only pay LNURL-pay links": (
        "diese LNURL ist ein {0}-Link: Nutdesk kann nur LNURL-pay-Links bezahlen"
    ),
    "the pay request has impossible limits ({0}–{1} msat)": "die Zahlungsanfrage hat unmögliche Grenzen ({0}–{1} msat)",
    "{0} accepts {1}–{2} sat; {3} sat is outside that": "{0} nimmt {1}–{2} sat an; {3} sat liegt außerhalb",
    "{0} did not return an invoice": "{0} hat keine Rechnung geliefert",
    "{0} returned an invoice for {1} instead of the {2} msat requested; it was not paid": (
        "{0} hat eine Rechnung über {1} statt der angeforderten {2} msat geliefert; sie wurde nicht bezahlt"
    ),
    "the service's encrypted message cannot be decrypted: {0}": (
        "die verschlüsselte Nachricht des Dienstes kann nicht entschlüsselt werden: {0}"
    ),
    "{0} did not answer within {1:g} s": "{0} hat nicht innerhalb von {1:g} s geantwortet",
    "{0} sent an unusable answer: {1}": "{0} hat eine unbrauchbare Antwort gesendet: {1}",
    "{0} did not answer with LNURL data (HTTP {1}): {2}": "{0} hat nicht mit LNURL-Daten geantwortet (HTTP {1}): {2}",
    "the pay request is missing a field: {0}": "der Zahlungsanfrage fehlt ein Feld: {0}",
    "{0} does not accept comments": "{0} nimmt keine Kommentare an",
    "{0} accepts comments of at most {1} characters": "{0} nimmt Kommentare von höchstens {1} Zeichen an",
    "{0} returned an invoice that cannot be decoded": (
        "{0} hat eine Rechnung geliefert, die sich nicht dekodieren lässt"
    ),
    "this payment was not prepared for a melt": "diese Zahlung wurde nicht für eine Einlösung vorbereitet",
    "{0}. The ecash was taken back (fee {1}).": "{0}. Das Ecash wurde zurückgeholt (Gebühr {1}).",
    "{0}. The ecash is locked to the receiver's key and stays pending; the token is: {1}": (
        "{0}. Das Ecash ist an den Schlüssel des Empfängers gebunden und bleibt offen; das Token lautet: {1}"
    ),
    ("{0}. Taking the ecash back failed too ({1}); it stays pending — reclaim it later with `nutdesk reclaim`: {2}"): (
        "{0}. Auch das Zurückholen des Ecash ist fehlgeschlagen ({1}); es bleibt offen — holen Sie es später mit "
        "`nutdesk reclaim` zurück: {2}"
    ),
    "a comment can only be sent to an LNURL or a Lightning address": (
        "ein Kommentar kann nur an eine LNURL oder eine Lightning-Adresse gesendet werden"
    ),
    "Nutdesk cannot pay {0} yet": "Nutdesk kann {0} noch nicht bezahlen",
    "this invoice has no amount: say how much to pay (--amount)": (
        "diese Rechnung hat keinen Betrag: geben Sie an, wie viel bezahlt werden soll (--amount)"
    ),
    "this payment request has no amount: say how much to pay (--amount)": (
        "diese Zahlungsanforderung hat keinen Betrag: geben Sie an, wie viel bezahlt werden soll (--amount)"
    ),
    "{0} sent an invoice for another amount; it was not paid": (
        "{0} hat eine Rechnung über einen anderen Betrag gesendet; sie wurde nicht bezahlt"
    ),
    "{0} quoted {1} sat for an invoice of {2} msat; not paying": (
        "{0} verlangt {1} sat für eine Rechnung über {2} msat; es wird nicht bezahlt"
    ),
    "the invoice is for {0} sat, not {1} sat": "die Rechnung lautet über {0} sat, nicht {1} sat",
    "{0} accepts {1}–{2} sat: say how much (--amount)": "{0} nimmt {1}–{2} sat an: geben Sie an, wie viel (--amount)",
    "no mint in the wallet holds {0} {1} to pay this": "keine Mint der Wallet hat {0} {1}, um dies zu bezahlen",
    "this invoice has no amount, and {0} cannot pay invoices without an amount (NUT-05 amountless)": (
        "diese Rechnung hat keinen Betrag, und {0} kann keine Rechnungen ohne Betrag bezahlen (NUT-05 ohne Betrag)"
    ),
    "the request is for {0} {1}, not {2} {1}": "die Anforderung lautet über {0} {1}, nicht {2} {1}",
    "the wallet holds no {0}": "die Wallet enthält kein {0}",
    "this Lightning invoice has expired; ask the receiver for a new one": (
        "diese Lightning-Rechnung ist abgelaufen; bitten Sie den Empfänger um eine neue"
    ),
    "this payment request asks for a {0} lock, which Nutdesk cannot make yet": (
        "diese Zahlungsanforderung verlangt eine {0}-Sperre, die Nutdesk noch nicht erstellen kann"
    ),
    "{0} is not a positive price: {1!r}": "{0} ist kein positiver Preis: {1!r}",
    "{0} is not a number: {1!r}": "{0} ist keine Zahl: {1!r}",
    "{0}: HTTP {1}": "{0}: HTTP {1}",
    "{0}: no answer within 10 s": "{0}: keine Antwort innerhalb von 10 s",
    "{0}: {1!r}": "{0}: {1!r}",
    "{0} has no {1} rate": "{0} hat keinen {1}-Kurs",
    "{0}: {1}": "{0}: {1}",
    "the requested amount must be positive": "der angeforderte Betrag muss positiv sein",
    (
        "this payment request is delivered over Nostr with a scheme other than NIP-17 private messages, which "
        "Nutdesk does not speak (ask for a request with NIP-17 or an HTTP post transport)"
    ): (
        "diese Zahlungsanforderung wird über Nostr mit einem anderen Verfahren als privaten NIP-17-Nachrichten "
        "zugestellt, das Nutdesk nicht spricht (bitten Sie um eine Anforderung mit NIP-17 oder HTTP-POST)"
    ),
    (
        "this payment request is delivered over Nostr but names no relay, and no Nostr relays are configured (add "
        "one in the settings, or ask the receiver for a request with relays)"
    ): (
        "diese Zahlungsanforderung wird über Nostr zugestellt, nennt aber kein Relay, und es sind keine Nostr-Relays "
        "eingerichtet (fügen Sie eines in den Einstellungen hinzu oder bitten Sie den Empfänger um eine Anforderung "
        "mit Relays)"
    ),
    "this payment request uses a transport Nutdesk does not know ({0})": (
        "diese Zahlungsanforderung verwendet einen Transport, den Nutdesk nicht kennt ({0})"
    ),
    "a request received over the listener needs an id": "eine über den Listener empfangene Anforderung braucht eine ID",
    "no Nostr relay accepted the payment ({0})": "kein Nostr-Relay hat die Zahlung angenommen ({0})",
    "the receiver refused the payment (HTTP {0}{1})": "der Empfänger hat die Zahlung abgelehnt (HTTP {0}{1})",
    "could not deliver the payment to {0}: {1!r}": "die Zahlung konnte nicht an {0} zugestellt werden: {1!r}",
    "no request {0} is waiting here": "hier wartet keine Anforderung {0}",
    "{0} must use https (got {1!r})": "{0} muss https verwenden (erhalten: {1!r})",
    "{0} gave a URL without a host: {1!r}": "{0} hat eine URL ohne Host geliefert: {1!r}",
    "{0} gave an invalid URL: {1!r}": "{0} hat eine ungültige URL geliefert: {1!r}",
    "could not reach {0}: {1}": "{0} ist nicht erreichbar: {1}",
    "no mint in the wallet holds {0} {1} plus fees ({2})": "keine Mint der Wallet hat {0} {1} plus Gebühren ({2})",
    "no mint in the wallet holds {0} {1} plus fees": "keine Mint der Wallet hat {0} {1} plus Gebühren",
    "content must be a string and tags a list": "content muss eine Zeichenkette und tags eine Liste sein",
}
