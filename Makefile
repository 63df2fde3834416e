# The two commands of the README: `make run` opens the app, `make test` runs the whole suite.
# Both install whatever is missing first (Debian libraries for Qt, the virtual environment, the test peers).
.PHONY: run demo test lint translations fuzz bench screenshots wheel dist deb clean

run:
	@scripts/setup.sh app
	.venv/bin/nutdesk $(ARGS)

demo:
	@scripts/setup.sh test
	.venv/bin/nutdesk --demo

# Re-extract the GUI's strings into the Qt Linguist sources (then translate the new ones, e.g. in pyside6-linguist).
translations:
	for ts in resources/translations/nutdesk_*.ts; do \
		.venv/bin/pyside6-lupdate -no-obsolete -locations none $$(find desktop/gui -name '*.py' | sort) -ts $$ts; \
	done

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy

test:
	@scripts/setup.sh test
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy
	.venv/bin/pytest -p no:cacheprovider $(PYTEST_ARGS)

# A long fuzz run over every parser and network reader (FUZZ_INPUTS inputs, zero escapes expected).
fuzz:
	@scripts/setup.sh test
	.venv/bin/python -m tests.fuzz.run --inputs $(or $(FUZZ_INPUTS),1000000)

# Issue 15's table on a local nutshell mint (README: "Performance"). BENCH_PROOFS/BENCH_HISTORY size the big
# wallet (default 5,000; the issue's figures are at 100,000), BENCH_PAIRS the interleaved CLI pairs.
bench:
	@scripts/setup.sh test
	.venv/bin/python -m bench.run

screenshots:
	@scripts/setup.sh test
	.venv/bin/python -m scripts.screenshots
	NUTDESK_SCREENSHOTS=1 .venv/bin/pytest -q -p no:cacheprovider tests/gui/test_analytics_view.py tests/gui/test_analytics_catalog.py -k screenshots

# Packages (README: "Installing"): the wheel, the PyInstaller folder (dist/nutdesk: a console nutdesk and a
# windowed nutdesk-gui) and the Debian package built from it (dist/nutdesk_VERSION_ARCH.deb).
wheel:
	@scripts/setup.sh app
	.venv/bin/python -m pip wheel -q --no-deps -w dist .

dist:
	@scripts/setup.sh app
	.venv/bin/pyinstaller --noconfirm build.spec

deb: dist
	PYTHON=.venv/bin/python scripts/build_deb.sh

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache
