"""The PySide6 desktop application: shell, first-run wizard, and one package per view (model/state/view)."""
