"""Who the app is: its application id and its home page, in this one place.

Both are placeholders until the project has a home of its own (``io.github.nutdesk`` and github.com/nutdesk/nutdesk
are not registered): changing the two constants below is the whole edit. Everything else derives from them — the
package's URLs (setup.py), the desktop entry and the AppStream metainfo (rendered from the templates in
``resources/`` by ``python -m desktop.identity``, which the Debian package and the tests run), the macOS bundle id
(build.spec), the icon names of the Debian package and the About dialog's link.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["APP_ID", "HOMEPAGE", "TEMPLATES", "project_urls", "render"]

APP_ID = "io.github.nutdesk.Nutdesk"  # reverse-DNS: the desktop entry's and the AppStream component's name
HOMEPAGE = "https://github.com/nutdesk/nutdesk"

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
# The rendered file's name (in a package's share/applications, share/metainfo) → its template in resources/.
TEMPLATES = {
    f"{APP_ID}.desktop": "nutdesk.desktop.in",
    f"{APP_ID}.metainfo.xml": "nutdesk.metainfo.xml.in",
}


def _files_url() -> str:
    """Where the repository's files are served raw (the metainfo's screenshots)."""
    if HOMEPAGE.startswith("https://github.com/"):
        return HOMEPAGE.replace("https://github.com/", "https://raw.githubusercontent.com/", 1) + "/main"
    return HOMEPAGE.rstrip("/") + "/raw/main"


def project_urls() -> dict[str, str]:
    """The package's ``[project.urls]`` (pyproject.toml declares them dynamic; setup.py passes these)."""
    return {"Homepage": HOMEPAGE, "Changelog": f"{HOMEPAGE}/blob/main/CHANGELOG.md", "Issues": f"{HOMEPAGE}/issues"}


def render(name: str, resources: Path = RESOURCES) -> str:
    """The text of ``name`` (a key of TEMPLATES): its template with @APP_ID@, @DEVELOPER_ID@, @HOMEPAGE@ and
    @FILES_URL@ filled in."""
    text = (resources / TEMPLATES[name]).read_text(encoding="utf-8")
    for key, value in {
        "@APP_ID@": APP_ID,
        "@DEVELOPER_ID@": APP_ID.rsplit(".", 1)[0],
        "@HOMEPAGE@": HOMEPAGE,
        "@FILES_URL@": _files_url(),
    }.items():
        text = text.replace(key, value)
    return text


def main(argv: list[str]) -> int:
    """``python -m desktop.identity``: print the app id; ``… render DIR``: write the rendered files into DIR."""
    if len(argv) == 2 and argv[0] == "render":
        target = Path(argv[1])
        target.mkdir(parents=True, exist_ok=True)
        for name in TEMPLATES:
            (target / name).write_text(render(name), encoding="utf-8")
        return 0
    if argv == ["homepage"]:
        print(HOMEPAGE)
        return 0
    print(APP_ID)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
