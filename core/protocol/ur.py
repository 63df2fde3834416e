"""NUT-16 animated QR codes: Uniform Resources (``ur:bytes/…``) with fountain codes, pure.

Blockchain Commons BCR-2020-005 (UR) and BCR-2020-006 (multi-part UR), as cashu.me and Minibits use them.
A token string is UTF-8 encoded, wrapped as a CBOR byte string and cut into fragments of equal length
(the last one zero-padded). Frame ``n`` of ``N`` is::

    ur:bytes/n-N/<bytewords-minimal( CBOR([n, N, message length, CRC32(message), fragment]) ‖ CRC32 )>

Frames 1…N carry fragment ``n-1`` as it is; later frames XOR a pseudo-random subset of fragments chosen by
Xoshiro256** seeded with ``sha256(n as u32 BE ‖ CRC32 as u32 BE)`` (degree from an alias sampler over
weights 1/k, then a shuffle), so a reader that missed some frames still completes from the ones it catches.
The sampler and its float arithmetic follow the reference exactly: both sides must pick the same subsets.
"""

from __future__ import annotations

import hashlib
import math
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import count

import cbor2

from core.errors import ProtocolError
from core.i18n import t
from core.protocol._codec import cbor_loads_strict

__all__ = [
    "UrDecodeError",
    "UrDecoder",
    "Xoshiro256",
    "bytewords_decode",
    "bytewords_encode",
    "choose_fragments",
    "decode_ur_text",
    "encode_ur",
    "encode_ur_parts",
    "is_ur",
    "nominal_fragment_length",
    "plan_parts",
]

_WORDS = (
    "ableacidalsoapexaquaarchatomauntawayaxisbackbaldbarnbeltbetabiasbluebodybragbrewbulbbuzzcalmcashcatschef"
    "cityclawcodecolacookcostcruxcurlcuspcyandarkdatadaysdelidicedietdoordowndrawdropdrumdulldutyeacheasyecho"
    "edgeepicevenexamexiteyesfactfairfernfigsfilmfishfizzflapflewfluxfoxyfreefrogfuelfundgalagamegeargemsgift"
    "girlglowgoodgraygrimgurugushgyrohalfhanghardhawkheathelphighhillholyhopehornhutsicedideaidleinchinkyinto"
    "irisironitemjadejazzjoinjoltjowljudojugsjumpjunkjurykeepkenokeptkeyskickkilnkingkitekiwiknoblamblavalazy"
    "leaflegsliarlimplionlistlogoloudloveluaulucklungmainmanymathmazememomenumeowmildmintmissmonknailnavyneed"
    "newsnextnoonnotenumbobeyoboeomitonyxopenovalowlspaidpartpeckplaypluspoempoolposepuffpumapurrquadquizrace"
    "ramprealredorichroadrockroofrubyruinrunsrustsafesagascarsetssilkskewslotsoapsolosongstubsurfswantacotask"
    "taxitenttiedtimetinytoiltombtoystriptunatwinuglyundouniturgeuservastveryvetovialvibeviewvisavoidvowswall"
    "wandwarmwaspwavewaxywebswhatwhenwhizwolfworkyankyawnyellyogayurtzapszerozestzinczonezoom"
)
_MINIMAL = [_WORDS[i * 4] + _WORDS[i * 4 + 3] for i in range(256)]
_MINIMAL_INDEX = {word: i for i, word in enumerate(_MINIMAL)}
_FULL_INDEX = {_WORDS[i * 4 : i * 4 + 4]: i for i in range(256)}
MIN_FRAGMENT_LENGTH = 10
MAX_MESSAGE_LENGTH = 1 << 20  # a token in a QR stream is kilobytes; refuse to assemble megabytes
MAX_SEQ_LENGTH = 10_000


class UrDecodeError(ProtocolError):
    """A ``ur:`` string or frame that is malformed, fails its checksum or belongs to another message."""


def _crc32(data: bytes) -> int:
    return zlib.crc32(data) & 0xFFFFFFFF


def bytewords_encode(data: bytes) -> str:
    """Minimal bytewords (two letters a byte) with the CRC32 of ``data`` appended."""
    body = data + _crc32(data).to_bytes(4, "big")
    return "".join(_MINIMAL[b] for b in body)


def bytewords_decode(text: str) -> bytes:
    """Minimal (``aeadao…``) or separated four-letter bytewords back to bytes; the CRC32 must match."""
    text = text.strip().lower()
    if "-" in text or " " in text:
        words = text.replace(" ", "-").split("-")
        index = _FULL_INDEX
    else:
        if len(text) % 2:
            raise UrDecodeError(t("bytewords of odd length"))
        words = [text[i : i + 2] for i in range(0, len(text), 2)]
        index = _MINIMAL_INDEX
    try:
        raw = bytes(index[w] for w in words)
    except KeyError as exc:
        raise UrDecodeError(t("not a byteword: {0!r}").format(exc.args[0])) from exc
    if len(raw) < 5:
        raise UrDecodeError(t("bytewords too short"))
    body, checksum = raw[:-4], raw[-4:]
    if _crc32(body).to_bytes(4, "big") != checksum:
        raise UrDecodeError(t("bytewords checksum mismatch"))
    return body


class Xoshiro256:
    """Xoshiro256** seeded from ``sha256(seed)`` read as four big-endian u64 (the reference's layout)."""

    _MASK = (1 << 64) - 1

    def __init__(self, seed: bytes) -> None:
        digest = hashlib.sha256(seed).digest()
        self.s = [int.from_bytes(digest[i * 8 : i * 8 + 8], "big") for i in range(4)]

    @staticmethod
    def _rotl(x: int, k: int) -> int:
        return ((x << k) | (x >> (64 - k))) & Xoshiro256._MASK

    def next(self) -> int:
        s, mask = self.s, self._MASK
        result = (self._rotl((s[1] * 5) & mask, 7) * 9) & mask
        t = (s[1] << 17) & mask
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = self._rotl(s[3], 45)
        return result

    def next_double(self) -> float:
        return self.next() / float(1 << 64)

    def next_int(self, low: int, high: int) -> int:
        return math.floor(self.next_double() * (high - low + 1) + low)


def _choose_degree(seq_length: int, rng: Xoshiro256) -> int:
    """Vose's alias method over weights 1/k (k = 1…seq_length), built exactly as the reference builds it."""
    weights = [1 / (i + 1) for i in range(seq_length)]
    total = 0.0
    for w in weights:
        total += w
    scaled = [w * seq_length / total for w in weights]
    prob = [0.0] * seq_length
    alias = [0] * seq_length
    small = [i for i in range(seq_length - 1, -1, -1) if scaled[i] < 1]
    large = [i for i in range(seq_length - 1, -1, -1) if scaled[i] >= 1]
    while small and large:
        less, more = small.pop(), large.pop()
        prob[less] = scaled[less]
        alias[less] = more
        scaled[more] = (scaled[more] + scaled[less]) - 1
        (small if scaled[more] < 1 else large).append(more)
    for rest in (large, small):
        while rest:
            prob[rest.pop()] = 1.0
    column = math.floor(rng.next_double() * seq_length)
    return (column if rng.next_double() < prob[column] else alias[column]) + 1


def choose_fragments(seq_num: int, seq_length: int, checksum: int) -> list[int]:
    """The fragment indexes XORed into frame ``seq_num`` (1-based): itself for the first ``seq_length``."""
    if seq_num <= seq_length:
        return [seq_num - 1]
    rng = Xoshiro256(seq_num.to_bytes(4, "big") + checksum.to_bytes(4, "big"))
    degree = _choose_degree(seq_length, rng)
    remaining = list(range(seq_length))
    shuffled = []
    while remaining:
        shuffled.append(remaining.pop(rng.next_int(0, len(remaining) - 1)))
    return shuffled[:degree]


def nominal_fragment_length(message_length: int, max_fragment_length: int) -> int:
    """The largest fragment length ≤ ``max_fragment_length`` that splits the message into equal parts."""
    if message_length <= 0 or max_fragment_length < MIN_FRAGMENT_LENGTH:
        raise ValueError(
            t("fragment length must be at least {0} and the message non-empty").format(MIN_FRAGMENT_LENGTH)
        )
    fragment_length = message_length
    for fragment_count in range(1, math.ceil(message_length / MIN_FRAGMENT_LENGTH) + 1):
        fragment_length = math.ceil(message_length / fragment_count)
        if fragment_length <= max_fragment_length:
            break
    return fragment_length


def plan_parts(text: str, max_fragment_length: int = 150) -> tuple[int, int]:
    """``(number of fragments, fragment length)`` for ``text`` cut at most ``max_fragment_length`` bytes a frame."""
    length = len(_cbor_wrap(text))
    fragment_length = nominal_fragment_length(length, max_fragment_length)
    return math.ceil(length / fragment_length), fragment_length


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def _cbor_wrap(text: str) -> bytes:
    return cbor2.dumps(text.encode())


def encode_ur(text: str) -> str:
    """The whole text as one ``ur:bytes/…`` (for the "show as one QR" case)."""
    return "ur:bytes/" + bytewords_encode(_cbor_wrap(text))


def encode_ur_parts(text: str, max_fragment_length: int = 150) -> Iterator[str]:
    """Endless frames ``ur:bytes/n-N/…``: the first N carry the fragments, the rest are fountain mixes.

    A message that fits one fragment yields the single-part form, repeated (as the reference does).
    """
    message = _cbor_wrap(text)
    length = nominal_fragment_length(len(message), max_fragment_length)
    fragments = [message[i : i + length].ljust(length, b"\0") for i in range(0, len(message), length)]
    if len(fragments) == 1:
        single = "ur:bytes/" + bytewords_encode(message)
        while True:
            yield single
    checksum = _crc32(message)
    n = len(fragments)
    for seq_num in count(1):
        mixed = bytes(length)
        for index in choose_fragments(seq_num, n, checksum):
            mixed = _xor(mixed, fragments[index])
        body = cbor2.dumps([seq_num, n, len(message), checksum, mixed])
        yield f"ur:bytes/{seq_num}-{n}/{bytewords_encode(body)}"


def is_ur(text: str) -> bool:
    return text.strip().lower().startswith("ur:")


@dataclass
class UrDecoder:
    """Reassembles frames in any order, ignoring duplicates and frames of another message.

    ``progress`` is the share of fragments recovered (0…1); ``result`` the text once complete.
    """

    ur_type: str = ""
    result: str | None = None
    frames_seen: int = 0
    _seq_length: int = 0
    _message_length: int = 0
    _checksum: int = 0
    _fragment_length: int = 0
    _simple: dict[int, bytes] = field(default_factory=dict)
    _mixed: dict[frozenset[int], bytes] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return self.result is not None

    @property
    def expected_parts(self) -> int:
        return self._seq_length

    @property
    def progress(self) -> float:
        if self.result is not None:
            return 1.0
        return len(self._simple) / self._seq_length if self._seq_length else 0.0

    def receive(self, frame: str) -> bool:
        """Take one frame; True if it was used. Raises :class:`UrDecodeError` on a malformed frame."""
        if self.result is not None:
            return False
        ur_type, components = _parse(frame)
        if self.ur_type and ur_type != self.ur_type:
            return False
        self.ur_type = ur_type
        self.frames_seen += 1
        if len(components) == 1:
            self.result = _unwrap(bytewords_decode(components[0]))
            return True
        seq_num, seq_length = _parse_sequence(components[0])
        part = cbor_loads_strict(bytewords_decode(components[1]), UrDecodeError)
        if (
            not isinstance(part, list)
            or len(part) != 5
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in part[:4])
            or not isinstance(part[4], bytes)
            or not part[4]
        ):
            raise UrDecodeError(t("a multi-part frame must be CBOR [seqNum, seqLen, messageLen, checksum, fragment]"))
        if (part[0], part[1]) != (seq_num, seq_length):
            raise UrDecodeError(t("the frame's sequence does not match its body"))
        return self._receive_part(seq_num, seq_length, part[2], part[3], part[4])

    def _receive_part(self, seq_num: int, seq_length: int, message_length: int, checksum: int, data: bytes) -> bool:
        if not self._seq_length:
            if not 0 < message_length <= MAX_MESSAGE_LENGTH or seq_length > MAX_SEQ_LENGTH:
                raise UrDecodeError(t("multi-part message too large"))
            if len(data) * seq_length < message_length:
                raise UrDecodeError(t("fragments too short for the message length"))
            self._seq_length, self._message_length = seq_length, message_length
            self._checksum, self._fragment_length = checksum, len(data)
        elif (seq_length, message_length, checksum, len(data)) != (
            self._seq_length,
            self._message_length,
            self._checksum,
            self._fragment_length,
        ):
            return False  # a frame of another message (e.g. the screen moved on): ignore it
        self._add(frozenset(choose_fragments(seq_num, seq_length, checksum)), data)
        if len(self._simple) == self._seq_length:
            message = b"".join(self._simple[i] for i in range(self._seq_length))[: self._message_length]
            if _crc32(message) != self._checksum:
                raise UrDecodeError(t("reassembled message fails its checksum"))
            self.result = _unwrap(message)
        return True

    def _add(self, indexes: frozenset[int], data: bytes) -> None:
        """Peel known fragments off a part; a part reduced to one fragment is learnt and reduces others."""
        queue = [(indexes, data)]
        while queue:
            idx, frag = queue.pop()
            for known in [i for i in idx if i in self._simple]:
                if len(idx) > 1:
                    idx, frag = idx - {known}, _xor(frag, self._simple[known])
            for mixed_idx, mixed_frag in list(self._mixed.items()):
                if len(idx) > 1 and mixed_idx < idx:
                    idx, frag = idx - mixed_idx, _xor(frag, mixed_frag)
            if len(idx) == 1:
                (index,) = idx
                if index in self._simple:
                    continue
                self._simple[index] = frag
                for mixed_idx, mixed_frag in list(self._mixed.items()):
                    if index in mixed_idx:
                        del self._mixed[mixed_idx]
                        queue.append((mixed_idx - {index}, _xor(mixed_frag, frag)))
            elif idx and idx not in self._mixed:
                for mixed_idx, mixed_frag in list(self._mixed.items()):
                    if idx < mixed_idx:
                        del self._mixed[mixed_idx]
                        queue.append((mixed_idx - idx, _xor(mixed_frag, frag)))
                self._mixed[idx] = frag


def _parse(frame: str) -> tuple[str, list[str]]:
    text = frame.strip().lower()
    if not text.startswith("ur:"):
        raise UrDecodeError(t("not a ur: string"))
    components = text[3:].split("/")
    ur_type = components[0]
    if len(components) not in (2, 3) or not ur_type or not all(c.isalnum() or c == "-" for c in ur_type):
        raise UrDecodeError(t("a ur: string is ur:TYPE/[SEQ/]BODY"))
    return ur_type, components[1:]


def _parse_sequence(text: str) -> tuple[int, int]:
    num, _, length = text.partition("-")
    if not (num.isdigit() and length.isdigit()):
        raise UrDecodeError(t("a frame's sequence is N-TOTAL"))
    seq_num, seq_length = int(num), int(length)
    if not (1 <= seq_num < 1 << 32 and 1 <= seq_length <= MAX_SEQ_LENGTH):
        raise UrDecodeError(t("a frame's sequence is out of range"))
    return seq_num, seq_length


def _unwrap(message: bytes) -> str:
    """The CBOR byte string inside a ``bytes`` UR, as the UTF-8 text it carries."""
    payload = cbor_loads_strict(message, UrDecodeError)
    if not isinstance(payload, bytes):
        raise UrDecodeError(t("a ur:bytes message must be a CBOR byte string"))
    try:
        return payload.decode()
    except UnicodeDecodeError as exc:
        raise UrDecodeError(t("the ur:bytes payload is not UTF-8 text")) from exc


def decode_ur_text(frames: Iterable[str]) -> str:
    """Reassemble the text from frames (blank lines skipped); raises if they do not complete it."""
    decoder = UrDecoder()
    for frame in frames:
        if frame.strip():
            decoder.receive(frame)
            if decoder.result is not None:
                return decoder.result
    raise UrDecodeError(t("incomplete: {0:.0%} of the message received").format(decoder.progress))
