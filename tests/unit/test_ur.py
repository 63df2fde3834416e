"""NUT-16 animated QR: ur:bytes frames with fountain codes (BCR-2020-005/006), pure.

``tests/vectors/ur_bc_ur.json`` holds frames made by the Blockchain Commons JavaScript library
(@ngraveio/bc-ur 1.1.13) for a spec token; the live two-way interop test is tests/integration/test_ur_interop.py.
"""

from __future__ import annotations

import json
import random
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from core.protocol.ur import (
    UrDecodeError,
    UrDecoder,
    bytewords_decode,
    bytewords_encode,
    choose_fragments,
    decode_ur_text,
    encode_ur,
    encode_ur_parts,
    nominal_fragment_length,
    plan_parts,
)

VECTORS: dict[str, Any] = json.loads((Path(__file__).parents[1] / "vectors" / "ur_bc_ur.json").read_text())


def test_frames_match_the_reference_library_byte_for_byte() -> None:
    frames = list(islice(encode_ur_parts(VECTORS["text"], VECTORS["max_fragment_length"]), len(VECTORS["frames"])))
    assert frames == VECTORS["frames"]  # the pure fragments and the fountain mixes (frames 10-40) alike


def test_single_part_matches_the_reference_library() -> None:
    assert encode_ur(VECTORS["text"]) == VECTORS["single_part"]
    assert decode_ur_text([VECTORS["single_part"].upper()]) == VECTORS["text"]  # QR alphanumeric mode is upper case


def test_reference_frames_reassemble_from_any_order_with_losses() -> None:
    frames = VECTORS["frames"]
    seq_length = int(frames[0].split("/")[1].split("-")[1])
    rng = random.Random(16)
    for _ in range(30):
        # Lose a third of the frames, shuffle the rest: the fountain frames make up for the lost fragments.
        kept = [f for f in frames if rng.random() > 0.33]
        rng.shuffle(kept)
        decoder = UrDecoder()
        for frame in kept:
            decoder.receive(frame)
            if decoder.complete:
                break
        if decoder.complete:
            assert decoder.result == VECTORS["text"]
        else:
            assert decoder.progress < 1.0 and len(kept) >= 1
    # Every pure fragment once, in reverse order, is always enough.
    assert decode_ur_text(reversed(frames[:seq_length])) == VECTORS["text"]


def test_fountain_frames_alone_recover_the_message() -> None:
    text = "cashuB" + "x" * 1500
    frames = list(islice(encode_ur_parts(text, 100), 200))
    seq_length, _ = plan_parts(text, 100)
    assert decode_ur_text(frames[seq_length:]) == text  # not one pure fragment seen


def test_progress_counts_recovered_fragments_and_ignores_duplicates() -> None:
    text = "creqA" + "y" * 400
    frames = list(islice(encode_ur_parts(text, 50), 9))
    decoder = UrDecoder()
    assert decoder.progress == 0.0
    decoder.receive(frames[0])
    decoder.receive(frames[0])
    assert decoder.expected_parts == 9
    assert decoder.progress == pytest.approx(1 / 9)
    assert decoder.frames_seen == 2
    for frame in frames[1:]:
        decoder.receive(frame)
    assert decoder.complete and decoder.progress == 1.0 and decoder.result == text


def test_a_frame_of_another_message_is_ignored() -> None:
    ours = list(islice(encode_ur_parts("cashuB" + "a" * 500, 60), 20))
    other = next(encode_ur_parts("cashuB" + "b" * 900, 60))
    decoder = UrDecoder()
    decoder.receive(ours[0])
    assert decoder.receive(other) is False
    for frame in ours[1:]:
        decoder.receive(frame)
    assert decoder.result == "cashuB" + "a" * 500


def test_short_text_is_one_part() -> None:
    frames = list(islice(encode_ur_parts("cashuBshort", 150), 3))
    assert frames[0] == frames[1] == encode_ur("cashuBshort")
    assert "/" not in frames[0][len("ur:bytes/") :]
    assert plan_parts("cashuBshort") == (1, len("cashuBshort") + 1)


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        ("cashuBabc", "not a ur:"),
        ("ur:bytes/", "bytewords too short"),
        ("ur:bytes/aeadaoaeaeaeae", "checksum"),
        ("ur:bytes/zz", "not a byteword"),
        ("ur:bytes/0-3/aeadaolazmjendeoti", "out of range"),
        ("ur:bytes/a-b/aeadaolazmjendeoti", "N-TOTAL"),
        ("ur:bytes/1/2/3/4", "is ur:TYPE"),
    ],
)
def test_malformed_frames_are_refused(frame: str, message: str) -> None:
    with pytest.raises(UrDecodeError, match=message):
        UrDecoder().receive(frame)


def test_a_frame_whose_header_disagrees_with_its_body_is_refused() -> None:
    frame = list(islice(encode_ur_parts("cashuB" + "z" * 300, 40), 2))[1]
    body = frame.split("/")[2]
    with pytest.raises(UrDecodeError, match="does not match"):
        UrDecoder().receive(f"ur:bytes/1-8/{body}")


def test_incomplete_frames_say_how_far_they_got() -> None:
    frames = list(islice(encode_ur_parts("cashuB" + "q" * 300, 40), 3))
    with pytest.raises(UrDecodeError, match="incomplete"):
        decode_ur_text(frames)


def test_bytewords_round_trip_and_both_styles() -> None:
    data = bytes(range(256))
    minimal = bytewords_encode(data)
    assert bytewords_decode(minimal) == data
    assert minimal.startswith("aeadao")  # minimal words: first and last letter of able, acid, also
    with pytest.raises(UrDecodeError):
        bytewords_decode(minimal[:-2] + "ae")


def test_nominal_fragment_length_splits_evenly() -> None:
    assert nominal_fragment_length(12345, 1955) == 1764  # BCR-2020-006 test vector
    assert nominal_fragment_length(12345, 30000) == 12345
    with pytest.raises(ValueError):
        nominal_fragment_length(100, 5)


def test_choose_fragments_pure_then_mixed() -> None:
    assert choose_fragments(3, 10, 0x12345678) == [2]
    mixed = choose_fragments(11, 10, 0x12345678)
    assert 1 <= len(mixed) <= 10 and len(set(mixed)) == len(mixed)
    assert mixed == choose_fragments(11, 10, 0x12345678)  # deterministic: the reader recomputes it
