# Regards — one entry point for building, testing and running the demo.
SWIFT ?= swift
PREFIX ?= /usr/local
BIN := .build/debug/regards
SYSTEM_PACKAGES := libsqlite3-dev libxlsxwriter-dev libpq-dev python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

CLIENT_PACKAGES := libreoffice-calc libreoffice-writer poppler-utils postgresql man-db

.PHONY: setup setup-tests setup-bench build release test demo install clean bench bench-smoke

## setup: install the Debian packages the build needs (only those missing)
setup:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

## setup-tests: setup, plus the clients the tests open workbooks and documents with (LibreOffice Calc and Writer, openpyxl), a PostgreSQL server (started by the tests themselves, in a temporary folder), man (to render the man page) and the agreement references (scikit-learn, statsmodels, krippendorff)
setup-tests: setup
	@missing=""; for p in $(CLIENT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi
	@python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q openpyxl
	@# agreement reference figures (Tests/Support/agreement_reference.py); Debian 12's own python3 refuses pip without --break-system-packages (PEP 668)
	@python3 -c "import sklearn, statsmodels, krippendorff" 2>/dev/null || python3 -m pip install -q scikit-learn statsmodels krippendorff 2>/dev/null \
		|| python3 -m pip install -q --break-system-packages scikit-learn statsmodels krippendorff

build:
	$(SWIFT) build --product regards

## release: the binary `make install` ships: optimised, Swift runtime linked statically, no rpath into the build folder
release:
	$(SWIFT) build -c release --static-swift-stdlib --disable-local-rpath --product regards

## test: the whole test suite (unit, fixtures, end to end on the built binary)
test:
	$(SWIFT) build --build-tests
	$(SWIFT) test

## demo: validate the shipped protocols, then build the demonstration campaign and write its workbooks and report into regards-demo/
demo: build
	$(BIN) protocol validate
	$(BIN) demo --out regards-demo

## setup-bench: setup, plus the PostgreSQL server the benchmark starts for the shared-store figures
setup-bench: setup
	@dpkg -s postgresql >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends postgresql; }

## bench: release build, C and Python baselines, ratios measured side by side (exit 1 when a target is missed)
bench: setup-bench
	python3 Benchmarks/bench.py

## bench-smoke: the same harness on 10 visits, one run each (keeps it working)
bench-smoke: setup-bench
	python3 Benchmarks/bench.py --smoke

## install: the binary, the protocols and templates, the man page regards(1) (French; English under man/en for English locales) and the bash, zsh and fish completions, under PREFIX
install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/regards $(PREFIX)/share/man/man1 $(PREFIX)/share/man/en/man1 $(PREFIX)/share/bash-completion/completions \
		$(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 .build/release/regards $(PREFIX)/bin/regards
	rm -rf $(PREFIX)/share/regards/Protocols $(PREFIX)/share/regards/Templates
	cp -R Protocols Templates $(PREFIX)/share/regards/
	python3 Tools/manpage.py .build/release/regards fr > $(PREFIX)/share/man/man1/regards.1
	python3 Tools/manpage.py .build/release/regards en > $(PREFIX)/share/man/en/man1/regards.1
	.build/release/regards --generate-completion-script bash > $(PREFIX)/share/bash-completion/completions/regards
	.build/release/regards --generate-completion-script zsh > $(PREFIX)/share/zsh/site-functions/_regards
	.build/release/regards --generate-completion-script fish > $(PREFIX)/share/fish/vendor_completions.d/regards.fish

clean:
	rm -rf .build
