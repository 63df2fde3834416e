"""Nostr for the NUT-18 ``nostr`` transport: pure cryptography (``crypto``), NIP-17/59 private messages
(``nip17``) and a small websocket relay client (``relay``)."""
