#!/usr/bin/env python3
"""Times guidegen and Hugo on the cases bench.sh prepared and prints the table.

Each command runs once to warm the caches, then --runs times; the table shows the median wall
time and the largest peak RSS of those runs. Wall time is measured around fork/exec/wait with a
monotonic clock (millisecond resolution: `/usr/bin/time -f %e` has only 10 ms, too coarse for a
process that lives 20 ms); peak RSS is the child's ru_maxrss from wait4(2), the number
`/usr/bin/time -f %M` prints. Every build goes into a fresh output folder, made and removed
outside the timed part, in --outputs (default: the work folder; a tmpfs such as /dev/shm takes
the disk out of the figures). A benchmark, not a test: it asserts nothing about time.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


class Failed(Exception):
    """A command exited with an error: its case gets no figures, the others still run."""


def run(command, cwd, env=None):
    """(seconds, peak RSS in MiB, CPU seconds) of one run; raises Failed when the command fails."""
    # Output goes to temporary files, not pipes: a pipe nobody reads until the end could fill up.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            out.seek(0)
            err.seek(0)
            text = (out.read() + err.read()).decode("utf-8", "replace").strip()
            print(f"bench: `{' '.join(command)}` exited {process.returncode}:\n{text}", file=sys.stderr)
            raise Failed(text.splitlines()[0] if text else f"exit {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def measure(make_command, runs, cwd, prepare=None, cleanup=None, env=None):
    """Median seconds, peak MiB and median CPU seconds of `runs` runs after one warm-up."""
    samples = []
    for index in range(runs + 1):
        state = prepare() if prepare else None
        seconds, mib, cpu = run(make_command(state), cwd, env)
        if cleanup:
            cleanup(state)
        if index > 0:
            samples.append((seconds, mib, cpu))
    return statistics.median(s for s, _, _ in samples), max(m for _, m, _ in samples), statistics.median(c for _, _, c in samples)


def after_a_change(guidegen, content, templates, name, runs, work, outputs):
    """A writer saves one section file: (build, validate) of a copy of the content after each
    run adds a comment line to its first section file, so its bytes change and nothing else."""
    copy = os.path.join(work, f"edited-{name.replace('=', '')}")
    remove(copy)
    shutil.copytree(content, copy)
    section = os.path.join(copy, "sections", sorted(os.listdir(os.path.join(copy, "sections")))[0])
    edits = iter(range(1_000_000))

    def edit():
        with open(section, "a", encoding="utf-8") as file:
            file.write(f"# edited {next(edits)}\n")

    build = lambda out: [guidegen, "build", "--content", copy, "--templates", templates, "--output", out]
    kept = fresh(outputs)
    try:
        run(build(kept), work)
        changed_build = measure(lambda _: build(kept), runs, work, prepare=edit)
    finally:
        remove(kept)
    changed_validate = measure(lambda _: [guidegen, "validate", "--content", copy], runs, work, prepare=edit)
    remove(copy)
    return changed_build, changed_validate


def fresh(work):
    path = tempfile.mkdtemp(prefix="out-", dir=work)
    os.rmdir(path)  # guidegen and Hugo create it: a build into a folder that does not exist yet
    return path


def remove(path):
    shutil.rmtree(path, ignore_errors=True)


def count_pages(folder):
    return sum(1 for _, _, files in os.walk(folder) for name in files if name.endswith(".md") and name != "_index.md")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--guidegen", required=True)
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--outputs", help="folder the output folders go in (default: --work)")
    parser.add_argument("--repo", default=os.getcwd())
    parser.add_argument("case", nargs="+", help="NAME@CONTENT,TEMPLATES,HUGO_SITE")
    args = parser.parse_args()
    guidegen = os.path.abspath(args.guidegen)
    outputs = args.outputs or args.work
    repo = args.repo

    load_before = open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"
    version, version_mib, _ = measure(lambda _: [guidegen, "--version"], args.runs * 2, args.work)
    rows = []
    for spec in args.case:
        name, paths = spec.split("@", 1)
        # Absolute paths, and the work folder as the current one: guidegen keeps its build stamps
        # in .guidegen-cache/ of the current folder, not in the repository.
        content, templates, site = (os.path.join(repo, path) for path in paths.split(","))
        build = lambda out: [guidegen, "build", "--content", content, "--templates", templates, "--output", out]
        work = args.work
        pages = count_pages(os.path.join(site, "content"))
        hugo = measure(lambda out: [args.hugo, "--source", site, "--destination", out, "--quiet"], args.runs, work,
                       prepare=lambda: fresh(outputs), cleanup=remove)
        try:
            # A full build parses everything: the files kept as parsed by the runs before are removed.
            parsed = os.path.join(work, ".guidegen-cache", "parsed")
            full = measure(build, args.runs, work, prepare=lambda: (remove(parsed), fresh(outputs))[1], cleanup=remove)
            kept = fresh(outputs)
            try:
                run(build(kept), work)
                rebuild = measure(lambda _: build(kept), args.runs, work)
            finally:
                remove(kept)
            # A full run, then runs on unchanged files (the warm-up keeps the findings).
            validate = measure(lambda _: [guidegen, "validate", "--no-cache", "--content", content], args.runs, work)
            revalidate = measure(lambda _: [guidegen, "validate", "--content", content], args.runs, work)
            changed_build, changed_validate = after_a_change(guidegen, content, templates, name, args.runs, work, outputs)
        except Failed as failure:
            rows.append(dict(name=name, pages=pages, hugo=hugo, failed=str(failure)))
            continue
        rows.append(dict(name=name, pages=pages, full=full, hugo=hugo, rebuild=rebuild, validate=validate, revalidate=revalidate,
                         changed_build=changed_build, changed_validate=changed_validate))

    print()
    load_after = open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"
    print(f"guidegen --version: {version * 1000:.1f} ms, {version_mib:.0f} MB (the process-start floor); "
          f"median of {args.runs} runs after a warm-up; {os.cpu_count()} cores; load average {load_before} before, {load_after} after; "
          f"outputs written to {filesystem(outputs)}")
    print()
    header = ["case", "pages (Hugo)", "guidegen build", "CPU", "peak MB", "hugo", "CPU", "peak MB", "guidegen/hugo", "rebuild unchanged",
              "rebuild, 1 file changed", "validate", "validate unchanged", "validate, 1 file changed"]
    table = [header]
    for row in rows:
        if "failed" in row:
            h, hm, hc = row["hugo"]
            table.append([row["name"], str(row["pages"]), "failed", "", "", seconds(h), seconds(hc), f"{hm:.0f}", "", "", "", "", "", ""])
            continue
        (g, gm, gc), (h, hm, hc), (r, _, _), (v, _, _), (u, _, _) = row["full"], row["hugo"], row["rebuild"], row["validate"], row["revalidate"]
        cb, cv = row["changed_build"][0], row["changed_validate"][0]
        table.append([row["name"], str(row["pages"]), seconds(g), seconds(gc), f"{gm:.0f}", seconds(h), seconds(hc), f"{hm:.0f}", f"{g / h:.2f}",
                      f"{seconds(r)} ({r / g * 100:.0f} %)", f"{seconds(cb)} ({cb / g * 100:.0f} %)", seconds(v), seconds(u), seconds(cv)])
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    for index, line in enumerate(table):
        print("| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)) + " |")
        if index == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    print()
    for row in rows:
        if "failed" in row:
            print(f"  {row['name']}: guidegen failed: {row['failed']}")

    by_name = {row["name"]: row for row in rows if "failed" not in row}
    checks = []
    if "real" in by_name:
        g, h = by_name["real"]["full"][0], by_name["real"]["hugo"][0]
        checks.append((f"real ≤ 1.5× --version: {g / version:.2f}×", g <= 1.5 * version))
        checks.append((f"real ≥ 3× faster than hugo: {h / g:.1f}×", h >= 3 * g))
    small, large = by_name.get("S=100"), by_name.get("S=1000")
    if large:
        (g, gm, _), h = large["full"], large["hugo"][0]
        checks.append((f"S=1000 ≤ 0.5 s: {g:.3f} s", g <= 0.5))
        checks.append((f"S=1000 ≤ 150 MB: {gm:.0f} MB", gm <= 150))
        checks.append((f"S=1000 ≥ 4× faster than hugo: {h / g:.1f}×", h >= 4 * g))
        checks.append((f"S=1000 validate ≤ 0.3 s, a full run: {large['validate'][0]:.3f} s", large["validate"][0] <= 0.3))
        checks.append((f"S=1000 validate ≤ 0.3 s, nothing changed: {large['revalidate'][0]:.3f} s", large["revalidate"][0] <= 0.3))
        checks.append((f"S=1000 validate ≤ 0.3 s, one section file changed: {large['changed_validate'][0]:.3f} s", large["changed_validate"][0] <= 0.3))
    if small and large:
        ratio = large["full"][0] / small["full"][0]
        checks.append((f"S=1000 ≤ 11× S=100: {ratio:.1f}×", ratio <= 11))
    for name in (row["name"] for row in rows if "failed" in row):
        checks.append((f"{name}: guidegen failed, no figures", False))
    for row in by_name.values():
        share = row["rebuild"][0] / row["full"][0]
        checks.append((f"{row['name']} unchanged rebuild ≤ 10 % of a build: {share * 100:.0f} %", share <= 0.10))
    for text, ok in checks:
        print(f"  {'met ' if ok else 'MISS'}  {text}")
    met = sum(ok for _, ok in checks)
    summary = "; ".join(f"{row['name']} {seconds(row['full'][0])} (hugo {seconds(row['hugo'][0])}, ×{row['full'][0] / row['hugo'][0]:.2f})" for row in by_name.values())
    print()
    print(f"bench: {summary}; targets met {met}/{len(checks)}")


def filesystem(folder):
    """The type of the file system `folder` is on (`ext4`, `tmpfs`), from /proc/mounts."""
    folder = os.path.realpath(folder)
    best, kind = "", "?"
    try:
        with open("/proc/mounts") as mounts:
            for line in mounts:
                fields = line.split()
                if len(fields) > 2 and (folder == fields[1] or folder.startswith(fields[1].rstrip("/") + "/")) and len(fields[1]) >= len(best):
                    best, kind = fields[1], fields[2]
    except OSError:
        pass
    return f"{folder} ({kind})"


def seconds(value):
    return f"{value:.3f} s"


if __name__ == "__main__":
    main()
