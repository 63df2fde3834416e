"""German for argparse's own words."""

from __future__ import annotations

__all__ = ["ARGPARSE", "ARGPARSE_PLURALS"]

# argparse's own words (``argparse._`` and ``argparse.ngettext`` look these up at call time: desktop/cli/catalogue.py
# routes them here). tests/ship/test_cli_german.py fails on one of the running Python's argparse texts missing here.
ARGPARSE: dict[str, str] = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Positionsargumente",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe anzeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "Argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "diese Argumente fehlen: %s",
    "one of the arguments %s is required": "eines der Argumente %s ist nötig",
    "invalid choice: %(value)r (choose from %(choices)s)": "ungültige Auswahl: %(value)r (möglich: %(choices)s)",
    "invalid %(type)s value: %(value)r": "ungültiger Wert für %(type)s: %(value)r",
    "unrecognized arguments: %s": "unbekannte Argumente: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s könnte %(matches)s bedeuten"
    ),
    "expected one argument": "erwartet ein Argument",
    "expected at most one argument": "erwartet höchstens ein Argument",
    "expected at least one argument": "erwartet mindestens ein Argument",
    "not allowed with argument %s": "nicht erlaubt zusammen mit dem Argument %s",
    "ignored explicit argument %r": "ignoriertes explizites Argument %r",
    "unexpected option string: %s": "unerwartete Option: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "unbekannter Befehl %(parser_name)r (möglich: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "'%(filename)s' lässt sich nicht öffnen: %(error)s",
    'argument "-" with mode %r': 'Argument "-" im Modus %r',
    "subcommands": "Unterbefehle",
    # Mistakes of the program, not of the user (a wrong add_argument); translated all the same.
    ".__call__() not defined": ".__call__() ist nicht definiert",
    "'required' is an invalid argument for positionals": "'required' ist für Positionsargumente ungültig",
    "mutually exclusive arguments must be optional": "sich ausschließende Argumente müssen optional sein",
    "%r is not callable": "%r ist nicht aufrufbar",
    "cannot merge actions - two groups are named %r": (
        "Aktionen lassen sich nicht zusammenführen - zwei Gruppen heißen %r"
    ),
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "ungültige Option %(option)r: muss mit einem Zeichen aus %(prefix_chars)r beginnen"
    ),
    "dest= is required for options like %r": "dest= ist für Optionen wie %r nötig",
    "invalid conflict_resolution value: %r": "ungültiger Wert für conflict_resolution: %r",
    "cannot have multiple subparser arguments": "es darf nur ein Unterbefehls-Argument geben",
    "conflicting subparser: %s": "Unterbefehl doppelt: %s",
    "conflicting subparser alias: %s": "Unterbefehls-Alias doppelt: %s",
}
# argparse's plurals: (singular, plural) → (German singular, German plural).
ARGPARSE_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): ("erwartet %s Argument", "erwartet %s Argumente"),
    ("conflicting option string: %s", "conflicting option strings: %s"): ("Option doppelt: %s", "Optionen doppelt: %s"),
}
