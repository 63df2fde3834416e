"""Files & cheques: every exported token and cheque, its state at the mint, reclaim; writing cheques."""
