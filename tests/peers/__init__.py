"""Real servers the tests run against on 127.0.0.1 (see shared/reference/test-peers.md).

Each peer lives in its own virtual environment under ``<repo>/.peers/`` and installs itself on first use.
"""
