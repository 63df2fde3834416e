"""German for the CLI's words of the point of sale's commands (cmd_pos, pos_*)."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
    "create a giveaway": "eine Verlosung erstellen",
    "  total      {0:>4} sales {1:>10} {2}; tips {3}, fees {4}, refunds {5} ({6})": (
        "  gesamt     {0:>4} Verkäufe {1:>10} {2}; Trinkgeld {3}, Gebühren {4}, Erstattungen {5} ({6})"
    ),
    "Overpaid by {0} {1}: give it back with 'nutdesk pos refund {2} {3}'.": (
        "Überzahlt um {0} {1}: zurückgeben mit 'nutdesk pos refund {2} {3}'."
    ),
    "The till is unlocked.": "Die Kasse ist entsperrt.",
    "Signed out.": "Abgemeldet.",
    "point of sale: charge, sales, refunds, Z-report, policy": (
        "Kasse: kassieren, Verkäufe, Rückerstattungen, Z-Bericht, Richtlinie"
    ),
    "charge an amount; pay it with --token or print the creqA request": (
        "einen Betrag kassieren; mit --token bezahlen oder die creqA-Anforderung ausgeben"
    ),
    "the price, in the shop's unit (sat); with --item: a custom amount on top": (
        "der Preis in der Einheit des Shops (sat); mit --item: ein eigener Betrag zusätzlich"
    ),
    "sell a catalog item (repeat)": "einen Katalogartikel verkaufen (wiederholbar)",
    "items or an order reference": "Artikel oder eine Bestellreferenz",
    "the customer's token, - for stdin (else the request is printed and the sale waits)": (
        "das Token des Kunden, - für stdin (sonst wird die Anforderung ausgegeben und der Verkauf wartet)"
    ),
    "with Nostr relays configured: wait this long for the customer's wallet to pay over Nostr": (
        "mit eingerichteten Nostr-Relays: so lange warten, bis die Wallet des Kunden über Nostr zahlt"
    ),
    "recent sales (settling ones are finished first)": "letzte Verkäufe (abrechnende werden zuerst abgeschlossen)",
    "finish sales a crash or a network break left settling": (
        "Verkäufe abschließen, die ein Absturz oder eine Netzwerkunterbrechung in der Abrechnung ließ"
    ),
    "refund part or all of a paid sale as an ecash token": (
        "einen bezahlten Verkauf ganz oder teilweise als Ecash-Token erstatten"
    ),
    "the receipt number (R-000006, as on the receipt and in 'pos sales') or the id": (
        "die Belegnummer (R-000006, wie auf dem Beleg und in 'pos sales') oder die ID"
    ),
    "default: all that is left to refund": "Standard: alles, was noch zu erstatten ist",
    "an idempotency key: the same key again returns the refund it made, never a second one": (
        "ein Idempotenzschlüssel: derselbe Schlüssel liefert erneut die gemachte Erstattung, nie eine zweite"
    ),
    "also write the token to this file": "das Token auch in diese Datei schreiben",
    "the shift's totals; --close closes the shift": "die Summen der Schicht; --close schließt die Schicht",
    "write the Z-report as CSV to this file ('-' for stdout)": (
        "den Z-Bericht als CSV in diese Datei schreiben ('-' für stdout)"
    ),
    "show or change the shop's settlement policy": "die Abrechnungsrichtlinie des Shops zeigen oder ändern",
    "add a trusted mint (repeat)": "eine vertraute Mint hinzufügen (wiederholbar)",
    "remove a trusted mint": "eine vertraute Mint entfernen",
    "the saved Lightning backend to forward to": "das gespeicherte Lightning-Backend, an das weitergeleitet wird",
    "set the cashier lock's PIN (read like unlock's)": "die PIN der Kassensperre setzen (gelesen wie bei unlock)",
    "while locked: charge at most (0: any)": "gesperrt: höchstens kassieren (0: beliebig)",
    "while locked: refund at most (0: any)": "gesperrt: höchstens erstatten (0: beliebig)",
    "usd/eur ecash for a sat sale: priced by the customer's mint, by the exchange rate, or refused": (
        "usd/eur-Ecash für einen sat-Verkauf: zum Preis der Mint des Kunden, zum Wechselkurs oder abgelehnt"
    ),
    "ask customers for ecash locked to the shop's key (taken even while their mint is unreachable)": (
        "Ecash verlangen, das für den Schlüssel des Shops gesperrt ist (angenommen, auch wenn die Mint nicht "
        "erreichbar ist)"
    ),
    "unlocked ecash taken offline: per sale": "nicht gesperrtes Ecash offline angenommen: pro Verkauf",
    "… and unredeemed in total per mint": "… und insgesamt nicht eingelöst pro Mint",
    "add a webhook (no secret: one is made)": "einen Webhook hinzufügen (ohne Geheimnis: eines wird erzeugt)",
    "remove a webhook": "einen Webhook entfernen",
    "add a Nostr relay for NIP-17 payments (repeat)": "ein Nostr-Relay für NIP-17-Zahlungen hinzufügen (wiederholbar)",
    "remove a Nostr relay": "ein Nostr-Relay entfernen",
    "use this Nostr key (nsec1… or hex) for the shop": (
        "diesen Nostr-Schlüssel (nsec1… oder hex) für den Shop verwenden"
    ),
    "the webhook delivery log (due deliveries are attempted first)": (
        "das Zustellprotokoll der Webhooks (fällige Zustellungen werden zuerst versucht)"
    ),
    "turn the cashier lock on (the desktop app opens the till locked)": (
        "die Kassensperre einschalten (die Desktop-App öffnet die Kasse gesperrt)"
    ),
    "who is at the till (recorded with sales)": "wer an der Kasse ist (mit den Verkäufen erfasst)",
    "turn the cashier lock off; the PIN from $NUTDESK_POS_PIN, stdin or a prompt": (
        "die Kassensperre ausschalten; die PIN aus $NUTDESK_POS_PIN, stdin oder einer Abfrage"
    ),
    "the till's cashiers, each with a PIN: add NAME | remove NAME | list": (
        "die Kassierer der Kasse, jeder mit einer PIN: add NAME | remove NAME | list"
    ),
    "take the till as a cashier (their PIN like unlock's)": "die Kasse als Kassierer übernehmen (PIN wie bei unlock)",
    "no cashier at the till": "kein Kassierer an der Kasse",
    "Nothing to settle: no sale or refund was left unfinished.": (
        "Nichts abzurechnen: Kein Verkauf und keine Erstattung blieb unvollendet."
    ),
    "The till is locked": "Die Kasse ist gesperrt",
    "no PIN given (NUTDESK_POS_PIN, the first line of stdin, or the prompt)": (
        "keine PIN angegeben (NUTDESK_POS_PIN, die erste Zeile von stdin oder die Abfrage)"
    ),
    "The till is not locked.": "Die Kasse ist nicht gesperrt.",
    "No cashiers.": "Keine Kassierer.",
    "Sale {0}: {1} {2} due. Request (Nostr):": "Verkauf {0}: {1} {2} fällig. Anforderung (Nostr):",
    "Refund of {0} {1} for sale {2}: give the customer this token:": (
        "Erstattung über {0} {1} für Verkauf {2}: Geben Sie dem Kunden dieses Token:"
    ),
    "{0} — shift {1}{2}": "{0} — Schicht {1}{2}",
    "  net        {0:>21} {1} (received less fees, refunds and losses); failed: {2}": (
        "  netto      {0:>21} {1} (Eingänge abzüglich Gebühren, Erstattungen und Verluste); fehlgeschlagen: {2}"
    ),
    "No webhooks configured: add one with 'pos policy --webhook URL'.": (
        "Keine Webhooks eingerichtet: einen mit 'pos policy --webhook URL' hinzufügen."
    ),
    "PIN: ": "PIN: ",
    "{0} has the till.": "{0} hat die Kasse.",
    "Sale {0}: {1} {2} due. Request:": "Verkauf {0}: {1} {2} fällig. Anforderung:",
    "Accepted offline ({0}): the ecash is redeemed when {1} answers again.": (
        "Offline angenommen ({0}): Das Ecash wird eingelöst, sobald {1} wieder antwortet."
    ),
    "  {0:<10} {1:>4} sales {2:>10} {3}": "  {0:<10} {1:>4} Verkäufe {2:>10} {3}",
    "  losses     {0:>21} {1} (offline ecash found already spent)": (
        "  Verluste   {0:>21} {1} (Offline-Ecash, das bereits ausgegeben war)"
    ),
    "  tax {0:>5}% {1:>19} {2} included in {3}": "  Steuer {0:>5}% {1:>16} {2} enthalten in {3}",
    "#{0} {1} {2} {3} after {4} attempts {5}": "#{0} {1} {2} {3} nach {4} Versuchen {5}",
    "pos cashier {0} needs a NAME": "pos cashier {0} braucht einen NAME",
    "Refused: {0}. {1}": "Abgelehnt: {0}. {1}",
    "No payment within {0:g} s; the sale stays waiting (a later message still pays it).": (
        "Keine Zahlung innerhalb von {0:g} s; der Verkauf wartet weiter (eine spätere Nachricht bezahlt ihn noch)."
    ),
    "No webhook deliveries yet ({0} webhook{1} configured): a paid or refunded sale sends one.": (
        "Noch keine Webhook-Zustellungen ({0} Webhook{1} eingerichtet): Ein bezahlter oder erstatteter Verkauf "
        "sendet eine."
    ),
    " (cashier {0}).": " (Kassierer {0}).",
    "giveaways (a faucet): create | list | close | claim | codes …": (
        "Aktionen (ein Faucet): create | list | close | claim | codes …"
    ),
    "a new giveaway": "eine neue Aktion",
    "per claim": "pro Einlösung",
    "in total: the giveaway stops there": "insgesamt: Die Aktion endet dort",
    "claims per claimant per period (default 1)": "Einlösungen pro Person und Zeitraum (Standard 1)",
    "30m, 12h, 1d, 2w … (default 1d)": "30m, 12h, 1d, 2w … (Standard 1d)",
    "one-time codes to print on flyers (shown once)": "Einmalcodes zum Drucken auf Flyer (nur einmal gezeigt)",
    "the mint to give from (default: the one with the most)": (
        "die Mint, aus der gegeben wird (Standard: die mit dem meisten Guthaben)"
    ),
    "giveaways with what is left": "Aktionen mit dem, was übrig ist",
    "stop a giveaway": "eine Aktion beenden",
    "pay a claim: a claimant's payment request, or a one-time code": (
        "eine Einlösung bezahlen: die Zahlungsanforderung einer Person oder ein Einmalcode"
    ),
    "the claimant's NUT-18 request (creqA…; their Nostr key is the claimant)": (
        "die NUT-18-Anforderung der Person (creqA…; ihr Nostr-Schlüssel ist die Person)"
    ),
    "a one-time code from the flyer, or its QR's link (the token is printed)": (
        "ein Einmalcode vom Flyer oder der Link seines QR-Codes (das Token wird ausgegeben)"
    ),
    "a giveaway's one-time codes; --out writes the printable page of QR codes": (
        "die Einmalcodes einer Aktion; --out schreibt die druckbare Seite mit QR-Codes"
    ),
    "write the page (HTML, one QR per code) to this file": (
        "die Seite (HTML, ein QR-Code pro Code) in diese Datei schreiben"
    ),
    "take claims over Nostr and HTTP until interrupted": "Einlösungen über Nostr und HTTP annehmen, bis unterbrochen",
    "stop after this many seconds (default: never)": "nach so vielen Sekunden aufhören (Standard: nie)",
    "claimed": "eingelöst",
    "open": "offen",
    "The page of QR codes is in {0}: print it and cut out the flyers.": (
        "Die Seite mit den QR-Codes liegt in {0}: drucken und die Flyer ausschneiden."
    ),
    "nothing to serve: no open giveaway, or neither Nostr relays nor a POST endpoint in the POS policy": (
        "nichts anzunehmen: keine offene Aktion, oder weder Nostr-Relays noch ein POST-Endpunkt in der POS-Richtlinie"
    ),
    "Taking giveaway claims over {0} (Ctrl-C stops).": "Nehme Einlösungen über {0} an (Strg-C beendet).",
    "  code {0}": "  Code {0}",
    "No giveaways: create one with 'pos giveaway create NAME --amount N --budget N'.": (
        "Keine Aktionen: eine mit 'pos giveaway create NAME --amount N --budget N' erstellen."
    ),
    "Claim {0}: {1} given.": "Einlösung {0}: {1} vergeben.",
    "the shop's item catalog: add | list | remove | import | export": (
        "der Artikelkatalog des Shops: add | list | remove | import | export"
    ),
    "add or replace an item": "einen Artikel hinzufügen oder ersetzen",
    "the price, tax included (sat, or the shop's currency with --currency)": (
        "der Preis, Steuer inbegriffen (sat, oder die Währung des Shops mit --currency)"
    ),
    "sat (default) or the shop's fiat currency, e.g. EUR": "sat (Standard) oder die Fiat-Währung des Shops, z. B. EUR",
    "the tax included in the price": "die im Preis enthaltene Steuer",
    "count the stock (default: not counted)": "den Bestand zählen (Standard: nicht gezählt)",
    "the catalog": "der Katalog",
    "best sellers, sales per category and offline losses": "Bestseller, Verkäufe pro Kategorie und Offline-Verluste",
    "over the last DAYS days (default 30)": "über die letzten DAYS Tage (Standard 30)",
    "remove an item": "einen Artikel entfernen",
    "add or replace items from CSV (name,price,currency,category,tax_rate,stock)": (
        "Artikel aus CSV hinzufügen oder ersetzen (name,price,currency,category,tax_rate,stock)"
    ),
    "the CSV file ('-' for stdin)": "die CSV-Datei ('-' für stdin)",
    "the catalog as CSV": "der Katalog als CSV",
    "the CSV file (default: stdout)": "die CSV-Datei (Standard: stdout)",
    "Saved: {0}": "Gespeichert: {0}",
    "{0:<24} {1:>6} sold {2:>12,}": "{0:<24} {1:>6} verkauft {2:>12,}",
    "category {0:<15} {1:>12,}": "Kategorie {0:<15} {1:>12,}",
    "loss {0} {1:,} ({2})": "Verlust {0} {1:,} ({2})",
    "Removed {0}.": "{0} entfernt.",
    "Imported {0} item{1}.": "{0} Artikel importiert.{1:.0}",
    "The catalog is empty: add items with 'pos item add NAME PRICE'.": (
        "Der Katalog ist leer: Artikel mit 'pos item add NAME PRICE' hinzufügen."
    ),
    "Exported {0} items to {1}.": "{0} Artikel nach {1} exportiert.",
    "the whole shop: every till's open shift together": "der ganze Laden: die offenen Schichten aller Kassen zusammen",
    "each till closes its own shift: run --close at each till (--shop only reports)": (
        "jede Kasse schließt ihre eigene Schicht: --close an jeder Kasse ausführen (--shop berichtet nur)"
    ),
    "{0} — all tills{1}": "{0} — alle Kassen{1}",
    "{0} at till {1}": "{0} an Kasse {1}",
    "Signed in: {0}": "Angemeldet: {0}",
    "  till {0:<6} {1:>4} sales {2:>10} {3}; tips {4}, fees {5}, refunds {6} ({7})": (
        "  Kasse {0:<5} {1:>4} Verkäufe {2:>10} {3}; Trinkgeld {4}, Gebühren {5}, Erstattungen {6} ({7})"
    ),
    "{0} — shift {1} at till {2}{3}": "{0} — Schicht {1} an Kasse {2}{3}",
}
