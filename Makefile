# SPDX-License-Identifier: MPL-2.0
# The two commands of the README, and a few for developers. Each first
# installs the Debian packages the project needs (cmake/setup-debian.sh).
BUILD ?= build
JOBS ?= $(shell nproc)
# The sanitizer and fuzzing build: the core only, clang, ASan + UBSan, libFuzzer.
SANITIZE_BUILD ?= build-sanitize
FUZZ_SECONDS ?= 10
MAKEFLAGS += --no-print-directory

.PHONY: all setup build demo test unit sanitize sanitize-build fuzz bench run deploy deb clean

all: build

setup:
	@bash cmake/setup-debian.sh

# Configure once; later builds reuse the directory (UNO headers are not regenerated).
$(BUILD)/CMakeCache.txt:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: setup $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) -j$(JOBS) | grep -v -E '^\[ *[0-9]+%\] (Built target|Building|Linking)' || true
	@test -f $(BUILD)/msoko.oxt

# The main job on the bundled sample: build, package, install into a private
# profile, run a real headless LibreOffice, print the computed indicators; then
# the check before submission of the sample with deliberate mistakes (its exit
# code 3 says «the form has errors», which is what this sample is for); then
# the submission package of the filled sample (its warnings explained in it),
# written into the build directory and listed; then the regional center's
# consolidation of the bundled municipalities of a fictional region
# (samples/region): their lines, the region's values, the top of the ranking;
# last the import of the sample district's fictional ВПР results from ФИС ОКО
# (samples/vpr, with last year's Russian for the dynamics): the per-school
# table, the objectivity flags, the ШНОР candidates, the results workbook.
demo: build
	@$(BUILD)/cli/msoko indicators samples/sample-district.ods
	@echo
	@$(BUILD)/cli/msoko check samples/sample-district-mistakes.ods || test $$? -eq 3
	@echo
	@$(BUILD)/cli/msoko package --replace --out "$(BUILD)/sample-district — к отправке" samples/sample-district.ods
	@echo
	@$(BUILD)/cli/msoko region consolidate samples/region -o "$(BUILD)/Свод — Энская область.ods"
	@echo
	@$(BUILD)/cli/msoko vpr import samples/vpr/*.xlsx --previous samples/vpr/2025/*.xlsx -o "$(BUILD)/Результаты ВПР.ods"

# All tests: unit tests of the core and integration tests in real LibreOffice,
# then the core's unit tests under ASan + UBSan and each fuzz target for
# $(FUZZ_SECONDS) s (make sanitize).
test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)
	@$(MAKE) sanitize

$(SANITIZE_BUILD)/CMakeCache.txt:
	@CXX=clang++-14 cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMSOKO_CORE_ONLY=ON \
		-DMSOKO_SANITIZE=address,undefined -DMSOKO_FUZZ=ON >/dev/null

sanitize-build: setup $(SANITIZE_BUILD)/CMakeCache.txt
	@cmake --build $(SANITIZE_BUILD) -j$(JOBS) | grep -v -E '^\[ *[0-9]+%\] (Built target|Building|Linking)' || true
	@test -x $(SANITIZE_BUILD)/tests/msoko_unit_tests

# The sanitized unit tests and every fuzz target for $(FUZZ_SECONDS) s, two at a time.
sanitize: sanitize-build
	@cd $(SANITIZE_BUILD) && FUZZ_SECONDS=$(FUZZ_SECONDS) ctest --output-on-failure -j$(JOBS) \
		--timeout $$(( $(FUZZ_SECONDS) + 300 ))

# Longer fuzzing: make fuzz FUZZ_SECONDS=3600 (each target; 600 s by default).
fuzz: FUZZ_SECONDS = 600
fuzz: sanitize-build
	@cd $(SANITIZE_BUILD) && FUZZ_SECONDS=$(FUZZ_SECONDS) ctest --output-on-failure -j$(JOBS) -L fuzz \
		--timeout $$(( $(FUZZ_SECONDS) + 300 ))

unit: build
	@cd $(BUILD) && ctest --output-on-failure -LE integration

# Speed of MSOKO.* against native formulas in a real headless Calc, of the
# region's consolidation and of the ВПР import of 100,000 pupils (docs/performance.md).
bench: build
	@$(BUILD)/tests/msoko-bench
	@echo
	@$(BUILD)/tests/msoko-region-bench --forms 40 --jobs 2
	@echo
	@$(BUILD)/tests/msoko-vpr-bench --pupils 100000

# Opens Calc in a window (needs a display) with the extension in a private
# profile ($(BUILD)/profile) and the sample loaded.
run: build
	@cmake/run-calc.sh $(BUILD) samples/sample-district.ods

# Installs the built extension into your own LibreOffice profile (close LibreOffice first).
deploy: build
	@/usr/lib/libreoffice/program/unopkg add -s -f $(BUILD)/msoko.oxt && echo "installed $(BUILD)/msoko.oxt"

# The Debian package $(BUILD)/msoko_<version>_<arch>.deb: msoko, the .oxt, the
# catalogue and the docs (apt install ./$(BUILD)/msoko_*.deb).
deb: build
	@cd $(BUILD) && cpack -G DEB >/dev/null && ls "$$PWD"/msoko_*.deb

clean:
	@rm -rf $(BUILD) $(SANITIZE_BUILD)
