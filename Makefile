# The two commands of the README: `make` and `make test`; `make bench` compares with Hugo.
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
CONFIG ?= release
GUIDEGEN = .build/$(CONFIG)/guidegen

.PHONY: all deps build validate render test check-output bench clean

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

# A benchmark, not a test: guidegen and Hugo on the real guide and two synthetic help centres.
bench: deps
	bash Benchmarks/bench.sh

clean:
	rm -rf .build
