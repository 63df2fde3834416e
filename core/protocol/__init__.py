"""The pure Cashu protocol: no I/O, only stdlib, coincurve and cbor2."""
