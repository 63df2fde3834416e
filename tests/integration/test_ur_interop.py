"""NUT-16 interop with the Blockchain Commons JavaScript UR library (@ngraveio/bc-ur, what cashu.me forks).

The library is installed by ``scripts/setup.sh test`` into tests/interop_node/node_modules (pinned in its
package.json); tests/interop_node/ur_peer.js runs it on Node. Frames go both ways, with frames lost and
shuffled on the way, so the fountain mixes (not only the pure fragments) must agree on both sides.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from itertools import islice
from pathlib import Path

import pytest

from core.protocol.ur import UrDecoder, decode_ur_text, encode_ur, encode_ur_parts, plan_parts

PEER_DIR = Path(__file__).parents[1] / "interop_node"


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    assert found, "node is needed for the UR interop test (Node 20 is part of the test machine)"
    assert (PEER_DIR / "node_modules" / "@ngraveio" / "bc-ur").is_dir(), "run scripts/setup.sh test first"
    return found


def peer(node: str, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [node, "ur_peer.js", *args], cwd=PEER_DIR, input=stdin, capture_output=True, text=True, timeout=60
    )


def token_like(rng: random.Random, size: int) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    return "cashuB" + "".join(rng.choice(alphabet) for _ in range(size))


@pytest.mark.parametrize(("size", "fragment_length"), [(1500, 150), (3000, 100), (600, 30)])
def test_frames_from_the_js_library_decode_here(node: str, size: int, fragment_length: int) -> None:
    rng = random.Random(size)
    text = token_like(rng, size)
    seq_length, _ = plan_parts(text, fragment_length)
    result = peer(node, "encode", str(fragment_length), str(seq_length * 3), stdin=text)
    assert result.returncode == 0, result.stderr
    frames = result.stdout.split()
    assert frames == list(islice(encode_ur_parts(text, fragment_length), len(frames)))
    kept = [f for f in frames if rng.random() > 0.25]  # a phone camera misses frames
    rng.shuffle(kept)
    decoder = UrDecoder()
    for frame in kept:
        decoder.receive(frame)
    assert decoder.result == text


@pytest.mark.parametrize(("size", "fragment_length"), [(1500, 150), (3000, 100), (600, 30)])
def test_frames_made_here_decode_in_the_js_library(node: str, size: int, fragment_length: int) -> None:
    rng = random.Random(size + 1)
    text = token_like(rng, size)
    seq_length, _ = plan_parts(text, fragment_length)
    frames = list(islice(encode_ur_parts(text, fragment_length), seq_length * 3))
    # Drop some pure fragments so the library has to use our fountain mixes.
    kept = [f for i, f in enumerate(frames) if i >= seq_length or i % 4 != 1]
    result = peer(node, "decode", stdin="\n".join(kept))
    assert result.returncode == 0, result.stderr
    assert result.stdout == text
    assert decode_ur_text(kept) == text


def test_single_part_both_ways(node: str) -> None:
    text = token_like(random.Random(7), 200)
    result = peer(node, "encode", "1000", "1", stdin=text)
    assert result.stdout.strip() == encode_ur(text)
    back = peer(node, "decode", stdin=encode_ur(text))
    assert back.returncode == 0 and back.stdout == text
