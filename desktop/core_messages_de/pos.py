"""German for the core's templates of the point of sale: sales, giveaways, cheques and receipts (core/pos,
core/api/pos …)."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
    "cannot write the page {0}: {1}": "die Seite {0} kann nicht geschrieben werden: {1}",
    "a cheque needs an expiry in the future": "ein Scheck braucht ein Ablaufdatum in der Zukunft",
    "not a duration: {0!r} (e.g. 30d, 12h, 90m)": "keine Dauer: {0!r} (z. B. 30d, 12h, 90m)",
    "no exported token #{0} in the vault": "kein exportiertes Token #{0} im Tresor",
    "token #{0} was already {1}": "Token #{0} wurde bereits {1}",
    "cheque #{0} is the recipient's until {1}": "Scheck #{0} gehört bis {1} dem Empfänger",
    "not a recipient key: {0!r}": "kein Empfängerschlüssel: {0!r}",
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
    "a locked till charges at most {0} {1}": "eine gesperrte Kasse kassiert höchstens {0} {1}",
    "a payment for {0} is being checked with the mint: it cannot be cancelled now (it finishes by itself)": (
        "eine Zahlung für {0} wird gerade bei der Mint geprüft: sie kann jetzt nicht storniert werden (sie endet von "
        "selbst)"
    ),
    "the sale is {0}: it cannot be cancelled now": "der Verkauf ist {0}: er kann jetzt nicht storniert werden",
    "a webhook URL is http:// or https://, not {0!r}": (
        "eine Webhook-URL beginnt mit http:// oder https://, nicht {0!r}"
    ),
    "no webhook {0}": "kein Webhook {0}",
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
    "another refund of {0} is under way: wait for it, then look again": (
        "eine andere Erstattung von {0} läuft gerade: warten Sie darauf und sehen Sie dann noch einmal nach"
    ),
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
    "the mint's quote has no amount": "das Angebot der Mint hat keinen Betrag",
    "not a Nostr event": "kein Nostr-Event",
}
