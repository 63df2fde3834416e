#!/usr/bin/env bash
# `make deb`: the frozen app (dist/nutdesk, from `make dist`) as a Debian package, dist/nutdesk_VERSION_ARCH.deb:
#   /opt/nutdesk/                    the PyInstaller folder (nutdesk, nutdesk-gui, _internal/)
#   /usr/bin/nutdesk, nutdesk-gui    on the PATH (symbolic links)
#   /usr/share/applications, metainfo, icons/hicolor   the desktop entry, AppStream data and icons
# The icon cache and the desktop database are refreshed by the dpkg triggers of hicolor-icon-theme and
# desktop-file-utils, so no maintainer scripts are needed. DEB_COMPRESS picks dpkg-deb's compressor
# (default gzip, which every dpkg reads; xz is several times slower on these 300 MB, zstd needs dpkg ≥ 1.21.18)
# and DEB_LEVEL its level (default 6; the test uses 1).
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${DIST:-dist}"
[ -x "$dist/nutdesk/nutdesk" ] || { echo "build_deb: no $dist/nutdesk/nutdesk: run make dist first" >&2; exit 1; }
python="${PYTHON:-python3}"
version=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
arch=$(dpkg --print-architecture)
# The app id and home page live in desktop/identity.py (one edit changes them); the entry and metainfo are rendered.
app_id=$("$python" -m desktop.identity)
homepage=$("$python" -m desktop.identity homepage)
root="$dist/deb/nutdesk_${version}_${arch}"

rm -rf "$root" "$dist/deb/rendered"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin"
cp -a "$dist/nutdesk" "$root/opt/nutdesk"
ln -s /opt/nutdesk/nutdesk "$root/usr/bin/nutdesk"
ln -s /opt/nutdesk/nutdesk-gui "$root/usr/bin/nutdesk-gui"
"$python" -m desktop.identity render "$dist/deb/rendered"
install -Dm644 "$dist/deb/rendered/$app_id.desktop" "$root/usr/share/applications/$app_id.desktop"
install -Dm644 "$dist/deb/rendered/$app_id.metainfo.xml" "$root/usr/share/metainfo/$app_id.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
    install -Dm644 "resources/icons/app/nutdesk-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
install -Dm644 resources/icons/app/nutdesk.svg "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
install -Dm644 LICENSE "$root/usr/share/doc/nutdesk/copyright"

installed_kb=$(du -sk "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: nutdesk
Version: $version
Architecture: $arch
Maintainer: The Nutdesk developers <dev@nutdesk.invalid>
Installed-Size: $installed_kb
Section: utils
Priority: optional
Homepage: $homepage
Depends: libc6 (>= 2.31), libgl1, libegl1, libxkbcommon0, libfontconfig1, libfreetype6, libglib2.0-0, libdbus-1-3, fonts-dejavu-core
Recommends: libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-xkb1, libxcb-randr0, libxcb-xfixes0, libxcb-shm0, libxcb-sync1, libx11-xcb1, libpulse0
Description: Cashu ecash wallet and point-of-sale console
 Nutdesk keeps Cashu ecash from several mints on your own computer: receive
 and send tokens, pay Lightning invoices, move value between mints and recover
 everything from twelve words. A point of sale takes ecash and Lightning
 payments with receipts, refunds and Z-reports. Every operation is journaled
 before it touches the network; "nutdesk --help" lists the headless commands.
CONTROL

out="$dist/nutdesk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-gzip}" -z"${DEB_LEVEL:-6}" --build "$root" "$out" >/dev/null
rm -rf "$dist/deb"
echo "$out"
