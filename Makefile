# The two quick-start commands: `make run` and `make test`. Both create .venv when it is
# missing and reinstall only when pyproject.toml changed (the stamp file records that).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PACKAGE_STAMP := $(VENV)/.package-stamp
# A package is rebuilt only when something that goes into it changed.
PACKAGE_INPUTS := main.py cli.py pyproject.toml CHANGELOG.md README.md LICENSE \
	$(shell git ls-files notes storage ui resources packaging 2>/dev/null)
BUILT := build/.package-built

.PHONY: run test wheel-test package package-test lint bench demo clean

# pip shows its progress: the first install downloads Qt (about a minute), and silence there
# looks like a hang.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install -e '.[test]'
	@touch $(STAMP)

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install -e '.[test,package]'
	@touch $(PACKAGE_STAMP)

run: $(STAMP)
	$(BIN)/python main.py $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto

# Slow: builds the wheel, installs it into a fresh venv and runs `alliance` from /.
wheel-test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:xdist -m package tests/package/test_wheel.py

# Linux: dist/alliance-VERSION-linux-x86_64.tar.gz and dist/alliance_VERSION_amd64.deb
# (macOS: a .dmg, Windows: an installer; see packaging/build.py).
package: $(BUILT)

$(BUILT): $(PACKAGE_STAMP) $(PACKAGE_INPUTS)
	$(BIN)/python packaging/build.py
	@touch $(BUILT)

# The build (made once, reused if nothing changed) run as a therapist runs it: unpacked, no
# Python, no venv, no checkout, from /; and the .deb's contents.
package-test: $(BUILT)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:xdist -m package tests/package/test_frozen.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
