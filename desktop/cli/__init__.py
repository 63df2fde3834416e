"""The headless command line over the same core services as the GUI. Never imports Qt."""
