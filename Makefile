# Set-up is idempotent: safe to rerun; it installs only what is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEB_PACKAGES := tesseract-ocr tesseract-ocr-jpn tesseract-ocr-script-jpan tesseract-ocr-jpn-vert poppler-utils fonts-ipaexfont
PYTEST_ARGS ?=

.PHONY: setup sysdeps demo test bench bench-deps clean

setup: sysdeps $(VENV)/.installed

# Debian packages for OCR (tesseract + Japanese data and script model), pdftotext (the bench's reference) and the
# IPAex fonts the test fixtures are rendered with.
sysdeps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,ray]'
	@touch $@

# The main job on the bundled samples: damaged extracted text, and a PDF, into clean turns.
demo: setup
	$(BIN)/kaigiroku repair kaigiroku/samples/sample.txt
	@if [ -f kaigiroku/samples/sample.pdf ]; then echo; echo "--- ingest kaigiroku/samples/sample.pdf"; \
	  $(BIN)/kaigiroku ingest kaigiroku/samples/sample.pdf; fi

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# the reference tools the benches measure against: OCRmyPDF (with unpaper for --clean); pdfplumber
# and pdftotext are there already
bench-deps: setup
	@dpkg -s unpaper >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq unpaper >/dev/null; }
	@$(BIN)/python -c "import ocrmypdf" 2>/dev/null || $(BIN)/python -m pip install -q ocrmypdf

bench: bench-deps
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache fixtures/build bench/out
