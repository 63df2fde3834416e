"""Point-of-sale mode: a full-window till (keypad → charge QR → paid → receipt), recent sales, refunds, the
shift's Z-report and the cashier lock, over ``core.api.pos.PosService``."""
