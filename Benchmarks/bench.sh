#!/usr/bin/env bash
# `make bench`: guidegen against Hugo on the real guide and two synthetic help centres.
# Installs Hugo (Debian's package) when missing, builds guidegen in release mode, generates the
# cases into a temporary folder, then Benchmarks/bench.py times them and prints the table.
# RUNS=N sets the number of timed runs (default 5, after one warm-up each). OUTPUTS=DIR puts the
# output folders of both tools there instead (OUTPUTS=/dev/shm: a tmpfs, so the disk is left out).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
SWIFT="${SWIFT:-$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)}"

if ! command -v hugo >/dev/null 2>&1; then
  echo "bench: installing hugo"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends hugo >/dev/null
fi
make --no-print-directory deps >/dev/null
# guidegen is measured as a command-line tool is shipped: a release build with the Swift runtime
# and Foundation linked in (`--static-swift-stdlib`), so a run does not spend a third of its
# start-up in the dynamic linker. Hugo is one Go binary too. (libcurl is loaded at run time, by
# `validate --online` only: see Sources/CCurlShim.) Two more flags cut the start-up of every run:
# - the toolchain's lld with packed relative relocations (`-z pack-relative-relocs`, read by glibc
#   2.36 and later): the executable stays position-independent, and the loader reads 16 KB of
#   relocations where gold's format took 2 MB for the same 83,000 (about a tenth of `--version`);
# - `-disable-concrete-type-metadata-mangled-name-accessors`: generic types (`Set<Kind>`) are
#   made by calling their metadata functions, not by decoding their mangled names at their first
#   use, which searches all 6,600 protocol conformances of the binary for each requirement.
"$SWIFT" build -c release --product guidegen --static-swift-stdlib --scratch-path .build-bench \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld -Xlinker -z -Xlinker pack-relative-relocs \
  -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors 2>&1 | tail -n 1
GUIDEGEN="$(pwd)/.build-bench/release/guidegen"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/guidegen-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# The real guide: Content/ and Templates/, and a Hugo site of the Markdown pages guidegen renders.
"$GUIDEGEN" build --content Content --templates Templates --output "$WORK/real-output" --format markdown >/dev/null
python3 Benchmarks/generate.py hugo-from-markdown --markdown "$WORK/real-output/markdown" \
  --title "$(sed -n 's/^title: //p' Content/guide.yaml)" --out "$WORK/real"
rm -rf "$WORK/real-output"
for sections in 100 1000; do
  python3 Benchmarks/generate.py guide --sections "$sections" --steps 10 --locales 3 --seed 1 --out "$WORK/s$sections"
done
echo "bench: $(hugo version | cut -d' ' -f1-2), guidegen $("$GUIDEGEN" --version); $(nproc) cores, $RUNS runs each"

python3 Benchmarks/bench.py --guidegen "$GUIDEGEN" --work "$WORK" --runs "$RUNS" ${OUTPUTS:+--outputs "$OUTPUTS"} \
  "real@Content,Templates,$WORK/real/hugo" \
  "S=100@$WORK/s100/content,$WORK/s100/templates,$WORK/s100/hugo" \
  "S=1000@$WORK/s1000/content,$WORK/s1000/templates,$WORK/s1000/hugo"
