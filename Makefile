# The two commands of the README: `make` and `make test`; `make bench` compares with Hugo.
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
CONFIG ?= release
GUIDEGEN = .build/$(CONFIG)/guidegen

.PHONY: all deps build validate render test check-output check-l10n check-xliff fuzz sanitize bench clean

all: render

# libcmark-dev is the only native dependency; install it when pkg-config cannot find it.
deps:
	@pkg-config --exists libcmark 2>/dev/null || { \
	  echo "make: installing libcmark-dev (CommonMark reference library)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends libcmark-dev pkg-config; }

build: deps
	$(SWIFT) build -c $(CONFIG) --product guidegen

validate: build
	$(GUIDEGEN) validate --content Content

render: validate
	$(GUIDEGEN) build --content Content --templates Templates --output Output

test: deps
	$(SWIFT) test

# CI: fails when Output/ is not what Content/ and Templates/ produce.
check-output: build
	$(GUIDEGEN) build --check --content Content --templates Templates --output Output

# CI: fails when a catalog does not translate every string (English must stay complete).
check-l10n: build
	$(GUIDEGEN) l10n status --content Content --templates Templates --min-coverage 100

# The English catalog as XLIFF, through ../shared/tools/check-xliff.sh (schema, translate-toolkit
# round trip, pofilter). pofilter's heuristics that compare sentence shape break on Turkish word
# order and suffixes, not on mistakes, so they are left out (README: "Interchange with translators").
POFILTER_EXCLUDE ?= simplecaps startcaps startpunc puncspacing
check-xliff: build
	@mkdir -p .build
	$(GUIDEGEN) l10n export --content Content --locale en --format xliff -o .build/en.xlf
	POFILTER_ARGS="$(POFILTER_EXCLUDE:%=--excludefilter=%)" bash ../shared/tools/check-xliff.sh .build/en.xlf

# libFuzzer targets (see Sources/GuideFuzz): each runs FUZZ_SECONDS (default 10 minutes) from the
# seed corpus in Tests/Fixtures/fuzz/<target>/, keeping what it learns in .build-fuzz/corpus/<target>/.
# A crash, leak, sanitizer report, broken promise or input slower than 10 s stops it with the input
# in .build-fuzz/artifacts/: add that input to the seed corpus, which a test replays.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= loader inline xml
FUZZ_FLAGS ?= -timeout=10 -rss_limit_mb=4096 -max_len=8192 -print_final_stats=1
FUZZER = .build-fuzz/release/guidegen-fuzz

fuzz: deps
	$(SWIFT) build -c release --product guidegen-fuzz --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address
	@mkdir -p .build-fuzz/artifacts
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p .build-fuzz/corpus/$$target; \
	  echo "make fuzz: $$target for $(FUZZ_SECONDS) s"; \
	  GUIDEGEN_FUZZ_TARGET=$$target LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan-suppressions.txt $(FUZZER) -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) \
	    -artifact_prefix=.build-fuzz/artifacts/$$target- .build-fuzz/corpus/$$target Tests/Fixtures/fuzz/$$target || exit 1; \
	done

# The whole test suite under AddressSanitizer (with LeakSanitizer), then under ThreadSanitizer.
# The guidegen processes the tests start are built with the same sanitizer and report too. Leaks
# inside the toolchain's own libraries are listed, with reasons, in .ci/lsan-suppressions.txt.
SANITIZERS ?= address thread
sanitize: deps
	@for sanitizer in $(SANITIZERS); do \
	  echo "make sanitize: swift test --sanitize=$$sanitizer"; \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan-suppressions.txt ASAN_OPTIONS=detect_leaks=1 TSAN_OPTIONS=halt_on_error=0 \
	    $(SWIFT) test --sanitize=$$sanitizer --scratch-path .build-$$sanitizer --disable-xctest || exit 1; \
	done

# A benchmark, not a test: guidegen and Hugo on the real guide and two synthetic help centres.
bench: deps
	bash Benchmarks/bench.sh

clean:
	rm -rf .build .build-fuzz .build-address .build-thread
