"""``nutdesk qr TEXT --parts`` prints animated-QR frames; ``nutdesk decode`` reassembles them from stdin (NUT-16)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from core.protocol.ur import plan_parts

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "ur_bc_ur.json").read_text())
TOKEN: str = VECTORS["text"]  # a spec token (NUT-00 vectors), 528 characters


def nutdesk(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "wallet"), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
        env=dict(os.environ),
    )


def test_qr_parts_prints_one_frame_a_line(tmp_path: Path) -> None:
    result = nutdesk(tmp_path, "qr", TOKEN, "--parts", "--fragment-length", "60", "--count", "3")
    assert result.returncode == 0, result.stderr
    frames = result.stdout.split()
    seq_length, _ = plan_parts(TOKEN, 60)
    assert len(frames) == seq_length + 3
    assert frames == VECTORS["frames"][: len(frames)]  # the same frames the reference library makes
    as_json = json.loads(nutdesk(tmp_path, "--json", "qr", TOKEN, "--parts").stdout)
    assert as_json["fragments"] == len(as_json["parts"]) and as_json["fragment_length"] <= 150


def test_decode_reassembles_frames_from_stdin_with_progress(tmp_path: Path) -> None:
    frames = VECTORS["frames"]
    seq_length = plan_parts(TOKEN, 60)[0]
    # Two pure fragments lost, the fountain frames after them fill the gap; order does not matter.
    stream = [*reversed(frames[2 : seq_length + 8]), ""]
    result = nutdesk(tmp_path, "--json", "decode", stdin="\n".join(stream))
    assert result.returncode == 0, result.stderr
    decoded = json.loads(result.stdout)
    assert decoded["kind"] == "cashu_token"
    assert "%" in result.stderr and "complete" in result.stderr


def test_decode_reports_incomplete_frames(tmp_path: Path) -> None:
    result = nutdesk(tmp_path, "decode", "-", stdin="\n".join(VECTORS["frames"][:3]))
    assert result.returncode == 1
    assert "incomplete" in result.stderr and "33%" in result.stderr


def test_decode_takes_a_single_part_ur_argument_and_plain_stdin(tmp_path: Path) -> None:
    single = nutdesk(tmp_path, "--json", "decode", VECTORS["single_part"])
    assert json.loads(single.stdout)["kind"] == "cashu_token", single.stderr
    plain = nutdesk(tmp_path, "--json", "decode", stdin=TOKEN + "\n")
    assert json.loads(plain.stdout)["kind"] == "cashu_token", plain.stderr


def test_qr_without_parts_draws_a_terminal_code(tmp_path: Path) -> None:
    result = nutdesk(tmp_path, "qr", "cashuBshort")
    assert result.returncode == 0
    assert "█" in result.stdout
