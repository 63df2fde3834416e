"""German for the texts of core/ and backends/ (``t("…")`` templates of core.i18n): English source → German.

The one catalogue of the core's words: the CLI's catalogue (desktop/cli/catalogue.py) and the GUI's translator
(desktop/gui/i18n.py) both look the core's templates up here. tests/ship/test_core_words.py fails on a template
without German here, or with other fields."""

from __future__ import annotations

__all__ = ["CORE_MESSAGES"]

CORE_MESSAGES: dict[str, str] = {
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
        "die Zahlung aus {0} ist noch offen; das Mint-Angebot {1} bleibt erhalten und kann später ausgegeben "
        "werden (nutdesk mint-quote {1})"
    ),
    "the wallet password is needed to use backend {0!r}": (
        "das Wallet-Passwort wird gebraucht, um das Backend {0!r} zu verwenden"
    ),
    "cannot write the page {0}: {1}": "die Seite {0} kann nicht geschrieben werden: {1}",
    "a cheque needs an expiry in the future": "ein Scheck braucht ein Ablaufdatum in der Zukunft",
    "not a duration: {0!r} (e.g. 30d, 12h, 90m)": "keine Dauer: {0!r} (z. B. 30d, 12h, 90m)",
    "no exported token #{0} in the vault": "kein exportiertes Token #{0} im Tresor",
    "token #{0} was already {1}": "Token #{0} wurde bereits {1}",
    "cheque #{0} is the recipient's until {1}": "Scheck #{0} gehört bis {1} dem Empfänger",
    "not a recipient key: {0!r}": "kein Empfängerschlüssel: {0!r}",
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
    "not a giveaway claim link": "kein Link zum Einlösen einer Verlosung",
    "a giveaway claim link is nutdesk-giveaway:ID/CODE": (
        "ein Link zum Einlösen einer Verlosung hat die Form nutdesk-giveaway:ID/CODE"
    ),
    "the payment request carries no Nostr key: claim with a one-time code": (
        "die Zahlungsanforderung enthält keinen Nostr-Schlüssel: mit einem Einmalcode einlösen"
    ),
    "a giveaway needs an amount per claim and a budget of at least that": (
        "eine Verlosung braucht einen Betrag pro Einlösung und ein Budget von mindestens diesem Betrag"
    ),
    "the limit per claimant is at least 1": "die Grenze pro Empfänger ist mindestens 1",
    "a period is like 30m, 12h, 1d or 2w, not {0!r}": "ein Zeitraum hat die Form 30m, 12h, 1d oder 2w, nicht {0!r}",
    "this code is for another giveaway": "dieser Code gehört zu einer anderen Verlosung",
    "this code is not one of the giveaway's": "dieser Code gehört nicht zu dieser Verlosung",
    "a claim needs the claimant's payment request (with their Nostr key) or a code": (
        "eine Einlösung braucht die Zahlungsanforderung des Empfängers (mit seinem Nostr-Schlüssel) oder einen Code"
    ),
    "no giveaway {0}": "keine Verlosung {0}",
    "the giveaway {0} has no one-time codes": "die Verlosung {0} hat keine Einmalcodes",
    "not a payment request: {0}": "keine Zahlungsanforderung: {0}",
    "the request asks for {0}, the giveaway gives {1} {2}": "die Anforderung verlangt {0}, die Verlosung gibt {1} {2}",
    "no Nostr relays to back the mint list up to: add one with `nutdesk relays --add`": (
        "keine Nostr-Relays für die Sicherung der Mint-Liste: fügen Sie eines mit `nutdesk relays --add` hinzu"
    ),
    "no Nostr relays to fetch the mint list from: give one with --relay wss://…": (
        "keine Nostr-Relays zum Abrufen der Mint-Liste: geben Sie eines mit --relay wss://… an"
    ),
    "no Nostr relay answered within {0:g} s: {1}": "kein Nostr-Relay hat innerhalb von {0:g} s geantwortet: {1}",
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
    "a locked till charges at most {0} {1}": "eine gesperrte Kasse kassiert höchstens {0} {1}",
    "a payment for {0} is being checked with the mint: it cannot be cancelled now (it finishes by itself)": (
        "eine Zahlung für {0} wird gerade bei der Mint geprüft: sie kann jetzt nicht storniert werden (sie "
        "endet von selbst)"
    ),
    "the sale is {0}: it cannot be cancelled now": "der Verkauf ist {0}: er kann jetzt nicht storniert werden",
    "a webhook URL is http:// or https://, not {0!r}": (
        "eine Webhook-URL beginnt mit http:// oder https://, nicht {0!r}"
    ),
    "no webhook {0}": "kein Webhook {0}",
    "{0!r} is not a currency code (like USD, EUR)": "{0!r} ist kein Währungscode (wie USD, EUR)",
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
    ("the token is from {0}, a mint this wallet does not trust yet; receive it with --trust to add and trust it"): (
        "das Token stammt von {0}, einer Mint, der diese Wallet noch nicht vertraut; empfangen Sie es mit "
        "--trust, um sie hinzuzufügen und ihr zu vertrauen"
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
        "refusing mint {0}: plain http is only allowed for mints on this machine (loopback); anyone on the "
        "way could read and change its answers — use its https:// address"
    ): (
        "Mint {0} abgelehnt: einfaches http ist nur für Mints auf diesem Rechner (Loopback) erlaubt; jeder "
        "auf dem Weg könnte ihre Antworten lesen und ändern — verwenden Sie ihre https://-Adresse"
    ),
    "cannot read {0}: {1}": "{0} kann nicht gelesen werden: {1}",
    "{0!r} is not a mint URL: {1}": "{0!r} ist keine Mint-URL: {1}",
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
        "{0}. Auch das Zurückholen des Ecash ist fehlgeschlagen ({1}); es bleibt offen — holen Sie es später "
        "mit `nutdesk reclaim` zurück: {2}"
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
        "this payment request is delivered over Nostr with a scheme other than NIP-17 private messages, "
        "which Nutdesk does not speak (ask for a request with NIP-17 or an HTTP post transport)"
    ): (
        "diese Zahlungsanforderung wird über Nostr mit einem anderen Verfahren als privaten "
        "NIP-17-Nachrichten zugestellt, das Nutdesk nicht spricht (bitten Sie um eine Anforderung mit NIP-17 "
        "oder HTTP-POST)"
    ),
    (
        "this payment request is delivered over Nostr but names no relay, and no Nostr relays are configured "
        "(add one in the settings, or ask the receiver for a request with relays)"
    ): (
        "diese Zahlungsanforderung wird über Nostr zugestellt, nennt aber kein Relay, und es sind keine "
        "Nostr-Relays eingerichtet (fügen Sie eines in den Einstellungen hinzu oder bitten Sie den Empfänger "
        "um eine Anforderung mit Relays)"
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
    "the Lightning payment failed: {0}": "die Lightning-Zahlung ist fehlgeschlagen: {0}",
    "the Lightning payment is pending or its outcome is unknown{0}": (
        "die Lightning-Zahlung ist offen oder ihr Ergebnis ist unbekannt{0}"
    ),
    "set a PIN first (POS settings)": "legen Sie zuerst eine PIN fest (Kasseneinstellungen)",
    "wrong PIN": "falsche PIN",
    "a cashier needs a name": "ein Kassierer braucht einen Namen",
    "wrong cashier or PIN": "falscher Kassierer oder falsche PIN",
    "no fresh exchange rate: enter the amount in sat": "kein aktueller Wechselkurs: geben Sie den Betrag in sat ein",
    "no cashier {0!r}": "kein Kassierer {0!r}",
    "{0!r} has not signed in at this till (cashiers: {1}); sign in with the PIN": (
        "{0!r} hat sich an dieser Kasse nicht angemeldet (Kassierer: {1}); melden Sie sich mit der PIN an"
    ),
    "the till is locked: a cashier cannot {0}; unlock with the PIN": (
        "die Kasse ist gesperrt: ein Kassierer kann nicht {0}; entsperren Sie sie mit der PIN"
    ),
    "no sale {0}": "kein Verkauf {0}",
    "the CSV needs a header row with at least: name, price": (
        "die CSV-Datei braucht eine Kopfzeile mit mindestens: name, price"
    ),
    "an item needs a name": "ein Artikel braucht einen Namen",
    "an item is NAME[:QTY][@DISCOUNT%], not {0!r}": "ein Artikel hat die Form NAME[:MENGE][@RABATT%], nicht {0!r}",
    "{0}: a price cannot be negative": "{0}: ein Preis kann nicht negativ sein",
    "{0}: a price in sat is a whole number": "{0}: ein Preis in sat ist eine ganze Zahl",
    "{0}: a tax rate is a percentage from 0 to below 100": (
        "{0}: ein Steuersatz ist ein Prozentsatz von 0 bis unter 100"
    ),
    "{0}: the quantity must be at least 1": "{0}: die Menge muss mindestens 1 sein",
    "{0}: a discount is a percentage from 0 to 100": "{0}: ein Rabatt ist ein Prozentsatz von 0 bis 100",
    "{0} is priced in {1}: no fresh exchange rate to charge it": (
        "{0} hat einen Preis in {1}: kein aktueller Wechselkurs, um ihn zu kassieren"
    ),
    "line {0}: {1}": "Zeile {0}: {1}",
    "enter an amount to charge": "geben Sie einen Betrag zum Kassieren ein",
    "a tip cannot be negative": "ein Trinkgeld kann nicht negativ sein",
    "no delivery {0}": "keine Zustellung {0}",
    "no webhook delivery {0}": "keine Webhook-Zustellung {0}",
    "a claim names its giveaway": "eine Einlösung nennt ihre Verlosung",
    "a claim's {0} is text": "{0} einer Einlösung ist Text",
    "no claim {0}": "keine Einlösung {0}",
    "no sale is waiting for this payment request": "kein Verkauf wartet auf diese Zahlungsanforderung",
    "the sale is {0}: it takes no other payment": "der Verkauf ist {0}: er nimmt keine weitere Zahlung an",
    "add a trusted mint for Lightning invoices": "fügen Sie eine vertrauenswürdige Mint für Lightning-Rechnungen hinzu",
    "the sale is {0}": "der Verkauf ist {0}",
    "a PIN is 4 to 12 digits": "eine PIN hat 4 bis 12 Ziffern",
    "offline limits cannot be negative": "Offline-Grenzen können nicht negativ sein",
    "fee limits and the fee advance cannot be negative": (
        "Gebührengrenzen und der Gebührenvorschuss können nicht negativ sein"
    ),
    "unknown settlement mode {0!r} (one of {1})": "unbekannte Abrechnungsart {0!r} (eine von {1})",
    "unknown unit pricing {0!r} (one of {1})": "unbekannte Einheitenpreisbildung {0!r} (eine von {1})",
    "only a paid sale can be refunded ({0} is {1})": "nur ein bezahlter Verkauf kann erstattet werden ({0} ist {1})",
    "{0} is fully refunded": "{0} ist vollständig erstattet",
    "refund between 1 and {0} {1} of {2}": "erstatten Sie zwischen 1 und {0} {1} von {2}",
    "a locked till refunds at most {0} {1}": "eine gesperrte Kasse erstattet höchstens {0} {1}",
    "refund {0} belongs to another sale": "die Erstattung {0} gehört zu einem anderen Verkauf",
    "this refund of {0} is still under way; it is recorded once done": (
        "diese Erstattung von {0} läuft noch; sie wird erfasst, sobald sie fertig ist"
    ),
    "another sale": "ein anderer Verkauf",
    "no shift {0}": "keine Schicht {0}",
    "unknown operation {0}": "unbekannter Vorgang {0}",
    "sale {0} cannot go from {1} to {2}": "Verkauf {0} kann nicht von {1} zu {2} wechseln",
    "sale {0} is {1}: it cannot take a payment": "Verkauf {0} ist {1}: er kann keine Zahlung annehmen",
    "the basket is empty": "der Warenkorb ist leer",
    "no item {0!r} in the catalog": "kein Artikel {0!r} im Katalog",
    "{0}: priced in {1}; the shop's currency is {2}": "{0}: Preis in {1}; die Währung des Ladens ist {2}",
    "{0} is {1}: only a paid sale has a signed receipt": (
        "{0} ist {1}: nur ein bezahlter Verkauf hat einen signierten Beleg"
    ),
    "only {0} × {1} in stock": "nur {0} × {1} auf Lager",
    "no Nostr relays are configured for the shop (pos policy --relay wss://…)": (
        "für den Laden sind keine Nostr-Relays eingerichtet (pos policy --relay wss://…)"
    ),
    "the claim was not finished: its ecash is in the claim's journal entry": (
        "die Einlösung wurde nicht abgeschlossen: ihr Ecash steht im Journaleintrag der Einlösung"
    ),
    "the payment is being settled": "die Zahlung wird gerade abgerechnet",
    "{0} is {1}: no receipt": "{0} ist {1}: kein Beleg",
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
        "der Vorgang {0} ist {1}; er kann von dort nicht {2} werden (eine andere Aufgabe oder ein anderer "
        "Prozess hat ihn verändert)"
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
        "the mint refused ({0}) and could not be asked what happened ({1}); the operation is kept and "
        "recovery finishes it"
    ): (
        "die Mint hat abgelehnt ({0}) und konnte nicht gefragt werden, was geschehen ist ({1}); der Vorgang "
        "bleibt erhalten und die Wiederherstellung schließt ihn ab"
    ),
    "only a cashu token can be written to a token file": (
        "nur ein Cashu-Token kann in eine Token-Datei geschrieben werden"
    ),
    "{0} holds no cashu token": "{0} enthält kein Cashu-Token",
    "cannot write the token file {0}: {1}": "die Token-Datei {0} kann nicht geschrieben werden: {1}",
    "{0} has a malformed age scrypt stanza": "{0} hat einen fehlerhaften age-scrypt-Abschnitt",
    (
        "{0} asks for an scrypt work factor of {1} (at most {2} is allowed): refused before deriving, it "
        "would cost gigabytes of memory"
    ): (
        "{0} verlangt einen scrypt-Arbeitsfaktor von {1} (erlaubt sind höchstens {2}): vor dem Ableiten "
        "abgelehnt, es würde Gigabytes an Speicher kosten"
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
        "paid at the source, but {0} has not issued the ecash yet ({1}); the transfer stays in flight and "
        "recovery finishes it"
    ): (
        "bei der Quelle bezahlt, aber {0} hat das Ecash noch nicht ausgegeben ({1}); die Überweisung bleibt "
        "unterwegs und die Wiederherstellung schließt sie ab"
    ),
    (
        "paid at the source, but {0} has not seen the payment yet (quote {1}); the transfer stays in flight "
        "and recovery finishes it"
    ): (
        "bei der Quelle bezahlt, aber {0} hat die Zahlung noch nicht gesehen (Angebot {1}); die Überweisung "
        "bleibt unterwegs und die Wiederherstellung schließt sie ab"
    ),
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
        "refused: {0} is writable by other users (mode {1:o}); a plugin runs with the unlocked wallet — run "
        "'chmod go-w {0}'"
    ): (
        "abgelehnt: {0} ist für andere Benutzer beschreibbar (Modus {1:o}); ein Plugin läuft mit der "
        "entsperrten Wallet — führen Sie 'chmod go-w {0}' aus"
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
    "mint {0} is not trusted yet": "die Mint {0} ist noch nicht vertrauenswürdig",
    "mint {0} is unreachable": "die Mint {0} ist nicht erreichbar",
    "mint rejected the request (code {0})": "die Mint hat die Anfrage abgelehnt (Code {0})",
    "mint {0} misbehaved": "die Mint {0} hat sich fehlerhaft verhalten",
    "mint {0} refused the request ({1})": "die Mint {0} hat die Anfrage abgelehnt ({1})",
    "mint {0} did not answer: {1!r}": "die Mint {0} hat nicht geantwortet: {1!r}",
    "mint {0} answered HTTP {1}": "die Mint {0} hat mit HTTP {1} geantwortet",
    "cannot connect to mint {0}: {1!r}": "keine Verbindung zur Mint {0}: {1!r}",
    "LNbits refused to {0} ({1}): {2}": "LNbits hat sich geweigert, {0} ({1}): {2}",
    "LND refused to {0} ({1}): {2}": "LND hat sich geweigert, {0} ({1}): {2}",
    "another refund of {0} is under way: wait for it, then look again": (
        "eine andere Erstattung von {0} läuft gerade: warten Sie darauf und sehen Sie dann noch einmal nach"
    ),
    "the mint could not pay the invoice; nothing was spent": (
        "die Mint konnte die Rechnung nicht bezahlen; nichts wurde ausgegeben"
    ),
    "{0} needs {1}": "{0} braucht {1}",
    "no relay accepted the review: {0}": "kein Relay hat die Bewertung angenommen: {0}",
    "could not reach {0}: {1}": "{0} ist nicht erreichbar: {1}",
    "no mint in the wallet holds {0} {1} plus fees ({2})": "keine Mint der Wallet hat {0} {1} plus Gebühren ({2})",
    "no mint in the wallet holds {0} {1} plus fees": "keine Mint der Wallet hat {0} {1} plus Gebühren",
    ("this token is locked to another key: only its owner can receive it (or, after its locktime, its sender)"): (
        "dieses Token ist an einen anderen Schlüssel gebunden: nur sein Besitzer kann es empfangen (oder, "
        "nach Ablauf der Sperrfrist, sein Absender)"
    ),
    "this token is locked to another key: only its owner can receive it": (
        "dieses Token ist an einen anderen Schlüssel gebunden: nur sein Besitzer kann es empfangen"
    ),
    "{0}: the account has no {1} wallet {2}": "{0}: das Konto hat keine {1}-Wallet {2}",
    "{0}: the account has no {1} wallet": "{0}: das Konto hat keine {1}-Wallet",
    "the token holds no ecash": "das Token enthält kein Ecash",
    "the ecash is in {0}; this sale is in {1}": "das Ecash ist in {0}; dieser Verkauf ist in {1}",
    "{0} is not one of this shop's trusted mints": "{0} ist keine der vertrauenswürdigen Mints dieses Ladens",
    "the token is worth {0}; {1}{2} is due ({3} missing)": "das Token ist {0} wert; fällig sind {1}{2} (es fehlen {3})",
    "ecash from {0} must be forwarded, and no backend is set": (
        "Ecash von {0} muss weitergeleitet werden, und es ist kein Backend eingerichtet"
    ),
    "{0} charges {1} to redeem this ecash, above the shop's limit of {2:g}%": (
        "{0} verlangt {1} für das Einlösen dieses Ecash, mehr als die Grenze des Ladens von {2:g} %"
    ),
    "no fresh {0} rate to price this ecash": "kein aktueller {0}-Kurs, um dieses Ecash zu bewerten",
    "{0} did not answer: {1}": "{0} hat nicht geantwortet: {1}",
    "{0} gives no price for its {1} ecash: {2}": "{0} nennt keinen Preis für sein {1}-Ecash: {2}",
    "{0} is not a usable mint: {1}": "{0} ist keine brauchbare Mint: {1}",
    "this ecash was already handed over (sale {0})": "dieses Ecash wurde bereits übergeben (Verkauf {0})",
    "no Lightning backend is configured": "es ist kein Lightning-Backend eingerichtet",
    "no Lightning backend to forward to": "kein Lightning-Backend zum Weiterleiten",
    "{0} does not cover the melt fees": "{0} deckt die Einlösegebühren nicht",
    "the Lightning fee reserve ({0}) is above {1:g}%": "die Lightning-Gebührenreserve ({0}) liegt über {1:g} %",
    "{0} cannot be refunded: its ecash is not redeemed yet (accepted offline)": (
        "{0} kann nicht erstattet werden: sein Ecash ist noch nicht eingelöst (offline angenommen)"
    ),
    "{0} cannot be refunded: its ecash was already spent": (
        "{0} kann nicht erstattet werden: sein Ecash wurde bereits ausgegeben"
    ),
    "close the shift": "die Schicht schließen",
    "change the settings": "die Einstellungen ändern",
    "change the catalog": "den Katalog ändern",
    "this ecash was already spent": "dieses Ecash wurde bereits ausgegeben",
    "{0} did not answer": "{0} hat nicht geantwortet",
    "the mint refused the ecash: {0}": "die Mint hat das Ecash abgelehnt: {0}",
    "change the shop's Nostr key": "den Nostr-Schlüssel des Ladens ändern",
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
    "show the wallet": "die Wallet anzuzeigen",
    "create an invoice": "eine Rechnung zu erstellen",
    "show the payment": "die Zahlung anzuzeigen",
    "pay": "zu bezahlen",
    "show the balance": "das Guthaben anzuzeigen",
    "show the invoice": "die Rechnung anzuzeigen",
    "track the payment": "die Zahlung zu verfolgen",
    "stream invoices": "Rechnungen zu streamen",
    "already {0}": "bereits {0}",
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
    "content must be a string and tags a list": "content muss eine Zeichenkette und tags eine Liste sein",
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
    "the mint's quote has no amount": "das Angebot der Mint hat keinen Betrag",
    "not a Nostr event": "kein Nostr-Event",
    "wrong length": "falsche Länge",
    "a rating is 0 to 5": "eine Bewertung liegt zwischen 0 und 5",
    "fragment length must be at least {0} and the message non-empty": (
        "die Fragmentlänge muss mindestens {0} sein und die Nachricht darf nicht leer sein"
    ),
    "unsupported scrypt parameters": "nicht unterstützte scrypt-Parameter",
    "unknown report format {0!r}: use one of {1} or pdf": (
        "unbekanntes Berichtsformat {0!r}: verwenden Sie eines von {1} oder pdf"
    ),
    "no operation {0}": ("keine Operation {0}"),
    "database error while reading the history: {0}": ("Datenbankfehler beim Lesen des Verlaufs: {0}"),
    (
        "this wallet already lives in PostgreSQL ({0}), and there is no wallet in {1}: db copy moves a wallet's "
        "SQLite file into PostgreSQL (between two PostgreSQL databases: pg_dump)"
    ): (
        "diese Wallet liegt schon in PostgreSQL ({0}), und in {1} ist keine Wallet: db copy bringt die "
        "SQLite-Datei einer Wallet nach PostgreSQL (zwischen zwei PostgreSQL-Datenbanken: pg_dump)"
    ),
    "{0} is not a postgresql:// URL": ("{0} ist keine postgresql://-URL"),
    "there is no wallet in {0} to copy: create or restore one first (nutdesk init)": (
        "in {0} ist keine Wallet zum Kopieren: legen Sie zuerst eine an oder stellen Sie eine wieder her (nutdesk init)"
    ),
    "another process uses the wallet (pid {0}): close the app and every till using it, then copy again": (
        "ein anderer Prozess benutzt die Wallet (PID {0}): schließen Sie die App und jede Kasse, die sie "
        "benutzt, und kopieren Sie dann erneut"
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
    "not enough ecash: {0} {1} plus fees needed, {2} {1} available (spending all of it would cost {3} {1} in fees)": (
        "nicht genug Ecash: {0} {1} plus Gebühren nötig, {2} {1} verfügbar (alles auszugeben würde {3} {1} "
        "an Gebühren kosten)"
    ),
    "not enough ecash: {0} {1} plus fees needed, {2} {1} available": (
        "nicht genug Ecash: {0} {1} plus Gebühren nötig, {2} {1} verfügbar"
    ),
    "a chosen proof disappeared while it was being read": ("ein gewählter Proof verschwand, während er gelesen wurde"),
    "C_ is not a point on secp256k1": "C_ ist kein Punkt auf secp256k1",
}
