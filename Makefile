# Mentor Desk — the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM_TEST := offscreen

.PHONY: run demo test lint format setup bench clean server package translations
PACKAGED := dist/.packaged

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/mentor-desk

demo: $(STAMP)
	$(VENV)/bin/mentor-desk --demo

server: $(STAMP)
	$(VENV)/bin/mentor-desk-server serve

test: $(STAMP) $(PACKAGED)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

# The installable program (docs/packaging.md): the PyInstaller bundle, its smoke test on the
# offscreen platform and on a real X server (xvfb-run), then the .deb. Rebuilt only when
# the program or its packaging changed; `make package` forces it.
$(PACKAGED): $(STAMP) pyproject.toml $(shell git ls-files src packaging 2>/dev/null)
	rm -rf dist/mentor-desk build/pyinstaller dist/mentor-desk_*.deb
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/pyinstaller/mentor-desk.spec
	QT_QPA_PLATFORM=offscreen dist/mentor-desk/mentor-desk --smoke
	xvfb-run -a dist/mentor-desk/mentor-desk --smoke
	$(PY) packaging/linux/build_deb.py
	touch $(PACKAGED)

package: $(STAMP)
	rm -f $(PACKAGED)
	$(MAKE) $(PACKAGED)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks packaging
	$(VENV)/bin/ruff format --check src tests benchmarks packaging
	$(VENV)/bin/mypy --strict src
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff check --fix src tests benchmarks
	$(VENV)/bin/ruff format src tests benchmarks

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

# The translation catalogues (docs/ui.md, "Language"): the strings of ui/ and export/ into each
# .ts (kept with its translations; gone strings dropped), then each .ts compiled to its .qm.
# Both are committed, so a clean clone and the frozen bundle have them without this step.
TRANSLATIONS := src/mentor_desk/resources/translations
TRANSLATED := $(shell find src/mentor_desk/ui src/mentor_desk/export src/mentor_desk/reports -name '*.py' | LC_ALL=C sort)
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $(TRANSLATED) \
		-ts $(wildcard $(TRANSLATIONS)/mentor_desk_*.ts)
	for ts in $(TRANSLATIONS)/mentor_desk_*.ts; do \
		$(VENV)/bin/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache dist build
