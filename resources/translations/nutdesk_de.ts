<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>About Nutdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Nutdesk&lt;/h2&gt;&lt;p&gt;Version {0}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A desktop Cashu ecash wallet and merchant point-of-sale console.&lt;/p&gt;&lt;p&gt;Released under the {0} licence: free to use, copy, change and share, without warranty.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember it in the system keyring (no prompt at start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Nutdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: still waiting for {1} ({2:.0f} s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiat values use the exchange rate recorded when each entry happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fees per mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposure per mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received · sent · paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales &amp;&amp; tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mints &amp;&amp; exposure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0:,} entries to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer between mints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source mint pays a Lightning invoice of the destination mint; Lightning fees apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balances: one row per mint and unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No mints yet.&lt;/b&gt;&lt;br&gt;A mint issues the ecash and holds the bitcoin behind it. Add one you trust (&lt;b&gt;Add mint…&lt;/b&gt;, Ctrl+N),&lt;br&gt;then receive a token or a Lightning payment in &lt;b&gt;Receive&lt;/b&gt; (Ctrl+2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add mint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check mints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the mints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keysets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input fee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ≈ {0:,.2f} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (sent, not yet claimed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distrust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked yet (Check mints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online (checked {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — MISBEHAVED: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} active{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {0} from the wallet?{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose two different mints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved {0} (fee {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received (Lightning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received (ecash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent (ecash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid (Lightning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search mint, memo, state, amount…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search time, kind, mint, state, memo, amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History: one row per operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No operations yet.&lt;/b&gt;&lt;br&gt;Everything the wallet does is listed here: receive a token or a Lightning payment in &lt;b&gt;Receive&lt;/b&gt; (Ctrl+2) to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} operations to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lightning invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LNURL-pay link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lightning address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashu payment request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashu token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste an invoice, LNURL, Lightning address or payment request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to pay: continue to the confirmation first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a Lightning invoice, an LNURL, a Lightning address (name@domain) or a Cashu payment request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to pay: invoice, Lightning address, LNURL or payment request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lnbc… · lnurl… · name@domain · creqA…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional note to the receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting a quote…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fees:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From mint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preimage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy token for the receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay something else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (cheapest that can pay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;{0}&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;{1}{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a QR code from an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no QR code found in the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lightning fee reserve {0} (unused part returned) · mint fee {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Token for {0} made (fee {1}). This request has no delivery address: give the receiver the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Paid {0} (fee {1}) from {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment is pending: the mint has not settled it yet. It stays in the journal and is settled automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spending PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends, payments, withdrawals and cheques above the limit ask for this PIN (not the wallet password). Wrong PINs make the next attempt wait longer, even after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set: spends above {0} sat ask for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spending PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the current spending PIN to {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New spending PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a spending PIN (at least 4 characters):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste a token first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter an amount to receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a mint first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create an invoice first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ecash token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lightning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a token, drop a token file or text here, or scan a QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token to receive (paste or drop a token or a token file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cashuB…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open token file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR scanning needs the zxing-cpp package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera detected: scan from an image or the screen instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint fee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You receive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add and trust this mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this token is from a mint the wallet does not trust: tick &apos;Add and trust this mint&apos; to receive it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Received {0} from {1} (fee {2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no QR code found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a token file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted token file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a Lightning invoice at a mint; when it is paid, the mint issues the ecash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invoice was not paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Paid: {0} of ecash minted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every payment is journaled before it reaches a mint. What a crash or a network break left unfinished is resumed at start-up and retried in the background; nothing here is ever released while the mint may have spent it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations that need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing needs attention:&lt;/b&gt; every operation is finished. What a crash or a network break leaves unfinished shows here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume all now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop retrying automatically; the ecash stays reserved until resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming unfinished operations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconcile with the mints (NUT-07)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare every proof the wallet holds with what its mint says; see the changes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check with mints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the mints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from the recovery words (NUT-09)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search a mint for every proof this wallet&apos;s seed ever received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from mint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a failed transaction first (unfinished operations are resumed, not dismissed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed: {0} of {1} {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from the recovery words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint to search (URL):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the public key must be 66 hex characters starting with 02 or 03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter an amount to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a mint (add one first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a refund key needs an expiry time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make a token first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the token to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone holding this file can spend the ecash, unless it is encrypted. An encrypted file (.cashu.age) opens with Nutdesk or the age tool and the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypt with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send ecash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, travels with the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the receiver&apos;s mint fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: exact proofs only, no mint contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>02… public key (P2PK), optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refundable after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund public key (defaults to nobody)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blind the lock (P2BK): the mint cannot link it to the receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a token to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent, not yet claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting. A token you create stays listed here until someone claims it; until then you can take it back with &lt;b&gt;Reclaim&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back a token nobody claimed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaiming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Token for {0} (fee {1}).{2} It stays pending until the receiver claims it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a token first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Saved to {0}{1}. It stays pending until claimed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaim token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back {0}? Whoever holds the token can no longer claim it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Reclaimed {0} (fee {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} claimed by receivers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing claimed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty password protects nothing: choose Remove password instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no password to remember</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone with these words can spend your ecash. Write them down; never type them online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:&gt;2}. &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Lightning backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. my-lnbits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust / distrust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the mint your way; its host is always shown beside the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lightning backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own Lightning wallets (LNbits, …) for topping up mints and withdrawing from them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add backend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lightning backends are not available in this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiat currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiat values are shown only while a fresh exchange rate is known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save relays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nostr relays:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment requests sent over Nostr that name no relay of their own go through these.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show recovery words…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember in keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the password in the system keyring, so the wallet opens without a prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted with a password, asked at start: the recovery words and every secret of the ecash (proofs, tokens, quote keys, the journal) — a copy of the data directory cannot be spent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password: anyone using this computer account, or a copy of the data directory, can spend the wallet. A password needs at least {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget from keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label for {0} (empty: its own name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {0} from the wallet?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Lightning backend yet: add one with “Add backend…”, then test it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a backend in the list, then press Test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the backend {0!r}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} relay(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: no relays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the new password: at least {0} characters, asked at every start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypting the wallet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the current password to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the wallet password to show the words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files &amp; cheques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every token this wallet handed out — sent, saved to a file, or written as a cheque — and whether its receiver claimed it. Unclaimed tokens can be taken back; a cheque comes back after its expiry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported tokens and cheques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaim selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaim expired cheques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaim expired cheques automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a cheque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient&apos;s public key: 02…/03… hex, P2PK:…, or npub1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After this the cheque returns to you if unclaimed: 30d, 12h, 90m …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (sat):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write cheque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the cheque…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save printable page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check now: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a token or cheque first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Took back {0} expired cheque(s), {1} sat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a mint with a balance first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the recipient&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Cheque for {0} (fee {1}); only the recipient can redeem it until it expires, then it comes back to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write a cheque first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Saved to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (encrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the printable page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Printable page saved to {0}: open it in a browser to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animated QR: frames per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower helps older phones; faster finishes sooner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animated QR: bytes per frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> bytes/frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller frames are easier to scan; larger ones need fewer frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as one QR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For readers that cannot assemble animated codes (the code may be too dense)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animated QR: frame {0} · {1} parts ({2}/{3})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One QR code: it may be too dense for some phones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the QR code in front of the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your lock key: &lt;code&gt;{0}…{1}&lt;/code&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senders can lock ecash to this key so that only this wallet can receive it; Nutdesk blinds such locks (P2BK) so the mint cannot link them to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy lock key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review a mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What would you tell others about this mint?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish on Nostr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show mints recommended on Nostr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mints announced or recommended on your relays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No written reviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap a few sat of your own ecash at this mint and take it back (costs fees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-check…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this mint (accept its tokens without asking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacting the mint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;Cannot use this mint. {0}&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NUT </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ The mint answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR scanning needs the zxing-cpp package (pip install zxing-cpp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no screen to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the frames read so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animated QR: {0} of {1} parts after {2} frames — keep scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (a frame was unreadable: {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nostr relay of your mint-list backup (optional): every mint you used is found again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the mint-list backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recovery words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Nutdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nutdesk keeps Cashu ecash from several mints on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a wallet from its 12 recovery words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your recovery words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write these 12 words down, in order, and keep them offline. They restore your ecash if this computer is lost. Anyone who has them can spend it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm your words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be sure they were written down, type these words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite: check the words against what you wrote down (Back shows them again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from recovery words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the 12 words, separated by spaces. The ecash is found again at the mint you add next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word1 word2 … word12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password (at least 8 characters) encrypts the wallet on disk — the recovery words and every secret of your ecash — and is asked at every start. Leave it empty for no password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a first mint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mint issues the ecash and keeps the bitcoin behind it: choose one you trust. Check shows its name and message. You can skip this and add mints later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nutdesk — set up your wallet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
