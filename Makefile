# SPDX-License-Identifier: GPL-3.0-or-later
#
# A thin layer over meson for the two things a newcomer does first:
#   make run     install what is missing, build, start Akademie
#   make check   install what is missing, build, run every test

BUILDDIR ?= _build
ASAN_BUILDDIR ?= _build-asan
HEADLESS = build-aux/run-headless.sh

.PHONY: all deps build run check check-asan check-newer-libxml2 bench bench-startup fuzz clean

all: build

deps:
	@build-aux/install-deps.sh

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR)

$(ASAN_BUILDDIR)/build.ninja:
	meson setup $(ASAN_BUILDDIR) -Dgui=false -Db_sanitize=address,undefined

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

run: build
	meson devenv -C $(BUILDDIR) ./app/akademie

# The core suites once more under AddressSanitizer and UBSan and against
# the newest libxml2, then every suite (core, data, window) — headless
# when there is no display.
check: build check-asan check-newer-libxml2
	$(HEADLESS) meson test -C $(BUILDDIR) --print-errorlogs

check-asan: deps $(ASAN_BUILDDIR)/build.ninja
	meson compile -C $(ASAN_BUILDDIR)
	meson test -C $(ASAN_BUILDDIR) --suite core --print-errorlogs

# The core built against the vendored upstream libxml2 (2.12 and newer is
# what the Flatpak runtime and newer distributions ship).
check-newer-libxml2: deps
	build-aux/check-newer-libxml2.sh

bench: deps
	[ -f _build-release/build.ninja ] || meson setup _build-release -Dbuildtype=release -Dgui=false
	meson compile -C _build-release
	_build-release/tests/bench/bench-load
	_build-release/tests/bench/bench-progress
	_build-release/tests/bench/bench-save
	_build-release/tests/bench/bench-review
	_build-release/tests/bench/bench-search

# Start-up needs the window, so a release build with the GUI, and a display.
bench-startup: deps
	[ -f _build-release-gui/build.ninja ] || meson setup _build-release-gui -Dbuildtype=release
	meson compile -C _build-release-gui
	$(HEADLESS) _build-release-gui/tests/bench/bench-startup

# make fuzz [HARNESS=loader|progress-open|csv] [SECONDS=600]
fuzz:
	tests/fuzz/run-fuzz.sh $(or $(HARNESS),loader) $(or $(SECONDS),600)

clean:
	rm -rf $(BUILDDIR) $(ASAN_BUILDDIR) _build-release _build-release-gui _build-fuzz _build-newer
