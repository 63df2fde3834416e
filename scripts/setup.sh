#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian machine (Python 3.11, root, no display):
#   scripts/setup.sh app    the Qt runtime libraries and the virtual environment
#   scripts/setup.sh test   the same, plus what the tests need (the real peers install themselves on first use)
# Each step checks first, so running it again costs a second.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-app}"

# Debian packages the Qt runtime needs (see shared/reference/stack-pitfalls.md): offscreen rendering,
# a real font (without one every text renders as empty boxes), QtMultimedia, and Xvfb for screenshots.
qt_packages="libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 fonts-dejavu-core libpulse0"
x11_packages="xvfb xauth libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xfixes0 libxcb-shm0 libxcb-sync1"
packages="$qt_packages $x11_packages"
# The packaging tests (tests/ship) validate the desktop entry and the AppStream metainfo.
# redis-server: nutshell's NUT-19 response cache in tests/integration/test_nut19_cache.py.
[ "$what" = test ] && packages="$packages desktop-file-utils appstream redis-server"
# The tills tests start a real PostgreSQL server of their own (initdb/pg_ctl on a temporary directory).
[ "$what" = test ] && packages="$packages postgresql"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "setup: installing Debian packages:$missing"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null || python=python3
stamp=".venv/.installed-$(cat pyproject.toml | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
    echo "setup: creating the virtual environment in .venv"
    [ -x .venv/bin/python ] || "$python" -m venv .venv
    .venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
    .venv/bin/python -m pip install -q -e ".[dev]" 2>&1 | grep -v -e '^WARNING: Location' -e 'BuildBackendWarning' || true
    .venv/bin/python -c "import core, desktop, PySide6.QtWidgets" # fail loudly if the install did not take
    rm -f .venv/.installed-*
    touch "$stamp"
fi

if [ "$what" = test ]; then
    # The real peers live in their own virtual environments (their pins conflict with ours and each other's);
    # the pins are explained in shared/reference/test-peers.md.
    if ! .peers/nutshell/bin/mint --help >/dev/null 2>&1; then
        echo "setup: installing the nutshell mint (cashu 0.20.2) into .peers/nutshell"
        rm -rf .peers/nutshell
        "$python" -m venv .peers/nutshell
        .peers/nutshell/bin/python -m pip install -q "cashu==0.20.2" "marshmallow<4" "limits<5" 2>&1 | grep -v '^WARNING: Location' || true
        .peers/nutshell/bin/mint --help >/dev/null
    fi
    # nutshell 0.21.0 (NUT-29 batched mint tests): forced with --no-deps over the 0.20.2 pins, in its own venv.
    # A venv moved from another path keeps a working python but scripts whose first line names the old one:
    # the mint script itself must run.
    if ! .peers/nutshell021/bin/python -c "import importlib.metadata as m; assert m.version('cashu') == '0.21.0'" 2>/dev/null \
        || ! .peers/nutshell021/bin/mint --help >/dev/null 2>&1; then
        echo "setup: installing the nutshell mint 0.21.0 into .peers/nutshell021"
        rm -rf .peers/nutshell021
        "$python" -m venv .peers/nutshell021
        .peers/nutshell021/bin/python -m pip install -q "cashu==0.20.2" "marshmallow<4" "limits<5" 2>&1 | grep -v '^WARNING: Location' || true
        .peers/nutshell021/bin/python -m pip install -q --no-deps "cashu==0.21.0" "breez-sdk-spark==0.18.0" 2>&1 | grep -v '^WARNING: Location' || true
    fi
    if [ ! -x .peers/lnbits/bin/lnbits ]; then
        echo "setup: installing LNbits (1.6.2) into .peers/lnbits"
        "$python" -m venv .peers/lnbits
        .peers/lnbits/bin/python -m pip install -q "lnbits==1.6.2" "bitstring<5" 2>&1 | grep -v '^WARNING: Location' || true
        # Importing lnbits writes data/.lnbits_auth_key under the current directory: check from its own.
        (cd .peers/lnbits && bin/python -c "import lnbits" >/dev/null)
    fi
    # NUT-16 interop peer: the Blockchain Commons UR library on Node, pinned in tests/interop_node/package.json.
    [ -d tests/interop_node/node_modules/@ngraveio/bc-ur ] || (cd tests/interop_node && npm install --no-audit --no-fund --silent)
fi
