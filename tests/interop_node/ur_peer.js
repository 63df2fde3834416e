// Test peer for NUT-16: the Blockchain Commons UR library (@ngraveio/bc-ur) encoding and decoding ur:bytes.
//   node ur_peer.js encode MAX_FRAGMENT_LENGTH COUNT  < text      prints COUNT frames, one a line
//   node ur_peer.js decode                             < frames    prints the text (or exits 1 if incomplete)
//   node ur_peer.js progress                           < frames    prints the decoder's progress after each frame
const { UR, UREncoder, URDecoder } = require("@ngraveio/bc-ur");

const input = require("fs").readFileSync(0, "utf8");
const [mode, maxLen, count] = process.argv.slice(2);
if (mode === "encode") {
  const encoder = new UREncoder(UR.fromBuffer(Buffer.from(input, "utf8")), Number(maxLen), 0);
  const frames = [];
  for (let i = 0; i < Number(count); i++) frames.push(encoder.nextPart());
  process.stdout.write(frames.join("\n") + "\n");
} else if (mode === "decode" || mode === "progress") {
  const decoder = new URDecoder();
  for (const line of input.split("\n").map((l) => l.trim()).filter(Boolean)) {
    decoder.receivePart(line);
    if (mode === "progress") process.stdout.write(decoder.getProgress().toFixed(4) + "\n");
    if (decoder.isComplete()) break;
  }
  if (!decoder.isSuccess()) {
    process.stderr.write("incomplete or failed: " + decoder.resultError() + "\n");
    process.exit(1);
  }
  if (mode === "decode") process.stdout.write(decoder.resultUR().decodeCBOR().toString("utf8"));
} else {
  process.stderr.write("usage: node ur_peer.js encode MAXLEN COUNT | decode | progress\n");
  process.exit(2);
}
