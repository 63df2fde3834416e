"""NUT-16 animated QR from the command line: ``qr TEXT [--parts] [--fragment-length N] [--count N]``, and the
frame reassembly that ``decode`` uses when its input comes on stdin.

``qr --parts`` prints the ``ur:bytes/n-N/…`` frames an animation would show, one a line: the N pure fragments
(enough for a reader that sees every frame) plus ``--count`` fountain frames for one that misses some.
Without ``--parts`` it prints one QR code as text blocks, for a terminal.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Awaitable, Callable, Iterable
from itertools import islice
from typing import TYPE_CHECKING, Any

from core.api.service import WalletService
from core.api.ur import UrDecoder, encode_ur_parts, is_ur, plan_parts
from core.errors import UserFacingError
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers", "reassemble_frames", "text_from_stdin"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]
DEFAULT_FRAGMENT_LENGTH = 150


async def cmd_qr(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    text = args.text.strip()
    if not text:
        raise UserFacingError(_("nothing to encode"))
    if not args.parts:
        import qrcode  # only here: the other commands need not load it

        code = qrcode.QRCode(border=2)
        code.add_data(text)
        code.make(fit=True)
        buffer = io.StringIO()
        code.print_ascii(out=buffer, invert=True)
        out.result({"text": text, "qr": buffer.getvalue()})
        out.say(buffer.getvalue())
        return
    if args.fragment_length < 10:
        raise UserFacingError(_("--fragment-length must be at least 10 bytes"))
    seq_length, fragment = plan_parts(text, args.fragment_length)
    # A single-part UR repeats itself forever: extra frames would only be copies.
    parts = list(
        islice(encode_ur_parts(text, args.fragment_length), seq_length + (args.count if seq_length > 1 else 0))
    )
    out.result({"parts": parts, "fragments": seq_length, "fragment_length": fragment})
    out.say("\n".join(parts))


def reassemble_frames(lines: Iterable[str], out: Output) -> str:
    """Feed ``ur:`` frames to a decoder, reporting progress on stderr; the text once complete."""
    decoder = UrDecoder()
    for line in lines:
        if not line.strip():
            continue
        used = decoder.receive(line)
        if decoder.result is not None:
            out.progress(_("frames: {0}, complete").format(decoder.frames_seen))
            return decoder.result
        if used:
            done = round(decoder.progress * decoder.expected_parts)
            out.progress(
                _("frames: {0}, {1:.0%} ({2}/{3} fragments)").format(
                    decoder.frames_seen, decoder.progress, done, decoder.expected_parts
                )
            )
    raise UserFacingError(
        _("the frames are incomplete: {0:.0%} of the message after {1} frames").format(
            decoder.progress, decoder.frames_seen
        )
    )


def text_from_stdin(out: Output, stream: Any = None) -> str:
    """What ``decode`` reads when given no argument (or ``-``): plain text, or animated-QR frames one a line."""
    lines = [line.strip() for line in (stream or sys.stdin).read().splitlines() if line.strip()]
    if not lines:
        raise UserFacingError(_("nothing on stdin"))
    if is_ur(lines[0]):
        return reassemble_frames(lines, out)
    return " ".join(lines)


def resolve_input(value: str | None, out: Output) -> str:
    """``decode``'s input: stdin when absent or ``-``; a single-part ``ur:`` string unwrapped."""
    if value is None or value == "-":
        return text_from_stdin(out)
    return reassemble_frames([value], out) if is_ur(value) else value


HANDLERS: dict[str, Handler] = {"qr": cmd_qr}


def add_parsers(sub: Any) -> None:
    qr = sub.add_parser("qr", help=_("show TEXT as a QR code, or as animated-QR frames (NUT-16) with --parts"))
    qr.add_argument("text", help=_("a token, payment request or any text"))
    qr.add_argument("--parts", action="store_true", help=_("print the ur:bytes frames of an animated QR, one a line"))
    qr.add_argument(
        "--fragment-length",
        type=int,
        default=DEFAULT_FRAGMENT_LENGTH,
        metavar="N",
        help=_("with --parts: bytes per frame (default {0}; smaller frames scan more easily)").format(
            DEFAULT_FRAGMENT_LENGTH
        ),
    )
    qr.add_argument(
        "--count", type=int, default=0, metavar="N", help=_("with --parts: N extra fountain frames after the fragments")
    )
