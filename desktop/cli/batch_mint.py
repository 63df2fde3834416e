"""``nutdesk mint-quote --all [--mint URL]``: mint every paid quote, one NUT-29 batch per mint and unit.

Where a mint does not advertise NUT-29 its paid quotes are minted one by one, and the output says so.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING

from core.api.batch import mint_all_paid
from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["cmd_mint_all"]


async def cmd_mint_all(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    outcomes = await mint_all_paid(service, getattr(args, "mint", None))
    out.result({"batches": [asdict(o) for o in outcomes], "minted": sum(o.minted for o in outcomes)})
    if not outcomes:
        out.say(_("No paid quote is waiting to be minted."))
    for o in outcomes:
        how = _("in one NUT-29 batch") if o.batched else _("one by one (the mint has no NUT-29 batch mint)")
        if o.error:
            out.say(_("{0} {1}: {2} paid quote(s) not minted: {3}").format(o.mint_url, o.unit, len(o.quotes), o.error))
        else:
            out.say(
                _("{0}: minted {1} {2} from {3} quote(s) {4}.").format(o.mint_url, o.minted, o.unit, len(o.quotes), how)
            )
    failed = [o for o in outcomes if o.error]
    if failed:
        raise UserFacingError(
            _("{0} mint(s) could not mint their paid quotes: {1}").format(len(failed), failed[0].error)
        )
