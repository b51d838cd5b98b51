"""Regards benchmark: ratios measured side by side, in the same run, against a C floor and Python.

    python3 Benchmarks/bench.py            # the full benchmark (make bench)
    python3 Benchmarks/bench.py --smoke    # 10 visits, one run each: keeps the harness working (make bench-smoke)
    python3 Benchmarks/bench.py --only readback   # one part: import, export, readback, startup, scaling, server (several with commas)

Prints one line per figure and a table; exits 1 when a target is missed (not in --smoke).
Campaigns are generated once into .bench/ (delete it to regenerate).
"""
import csv
import hashlib
import importlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORK = os.path.join(ROOT, ".bench")
BIN = os.path.join(WORK, "bin")
REGARDS = os.path.join(ROOT, ".build", "release", "regards")
BENCH = os.path.join(ROOT, ".build", "release", "regards-bench")
SMOKE = "--smoke" in sys.argv
PARTS = ("import", "export", "readback", "startup", "scaling", "server")
ONLY = (sys.argv + [""])[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else None
if ONLY is not None and not set(ONLY) <= set(PARTS):
    sys.exit(f"--only: one or more of {', '.join(PARTS)}, separated by commas")
RUNS = 1 if SMOKE else 5
SIZES = [10] if SMOKE else [10, 100, 1000, 3000]
MAIN = 10 if SMOKE else 1000

# Bump when `regards-bench generate` changes what it writes.
GENERATOR_VERSION = "1"

TARGETS = {
    "export_vs_c": 1.3, "export_vs_python_speedup": 4.0, "import_vs_c": 2.5, "help_vs_swift_hello": 2.0,
    "validate_ms": 50.0, "export_rss_mb": 200.0, "export_rss_growth_3000": 1.5, "readback_vs_openpyxl_speedup": 3.0,
    "server_import_vs_sqlite": 2.0, "server_export_vs_sqlite": 1.5, "server_export_rss_vs_sqlite": 1.2,
}
# Targets that are a floor (at least), the others a ceiling (at most).
AT_LEAST = {"export_vs_python_speedup", "readback_vs_openpyxl_speedup"}


def run(args, env=None):
    """Runs a command under Benchmarks/c/measure.c; returns (seconds, peak RSS in MB). Fails loudly."""
    process = subprocess.run([os.path.join(BIN, "measure")] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = process.stderr.decode(errors="replace")
    measured = [l for l in err.splitlines() if l.startswith("MEASURE ")]
    if process.returncode != 0 or not measured:
        sys.exit(f"failed ({process.returncode}): {' '.join(args)}\n{err}")
    _, seconds, kb = measured[-1].split()
    return float(seconds), int(kb) / 1024.0


def median_of(n, make_args, prepare=None):
    times, rss = [], []
    for _ in range(n):
        if prepare:
            prepare()
        t, m = run(make_args())
        times.append(t)
        rss.append(m)
    return statistics.median(times), max(rss)


def paired(n, make_a, make_b, prepare=None):
    """Runs A and B alternately n times (after one unmeasured run of each) and returns the median time
    of each, the larger peak memory of each, and the median of the per-pair ratios A/B. Pairs taken
    side by side cancel what drifts during a run (other load, the page cache filling, the disk
    writing back): the ratio of two medians measured one after the other does not."""
    for make in (make_a, make_b):
        if prepare:
            prepare()
        run(make())
    a_times, b_times, a_rss, b_rss, ratios = [], [], [], [], []
    for _ in range(n):
        if prepare:
            prepare()
        ta, ma = run(make_a())
        if prepare:
            prepare()
        tb, mb = run(make_b())
        a_times.append(ta)
        b_times.append(tb)
        a_rss.append(ma)
        b_rss.append(mb)
        ratios.append(ta / tb)
    return statistics.median(a_times), max(a_rss), statistics.median(b_times), max(b_rss), statistics.median(ratios)


def build():
    os.makedirs(BIN, exist_ok=True)
    # The binary `make install` ships: release, Swift runtime linked statically (faster start-up).
    subprocess.run(["make", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    # The generator and the cell dump, in their own executable (not shipped).
    subprocess.run(["swift", "build", "-c", "release", "--product", "regards-bench", "--static-swift-stdlib", "--disable-local-rpath"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    c = os.path.join(ROOT, "Benchmarks", "c")
    for name, libs in [("import_floor", ["-lsqlite3"]), ("export_floor", ["-lxlsxwriter", "-lz"]), ("hello", []), ("measure", [])]:
        subprocess.run(["gcc", "-O2", "-o", os.path.join(BIN, name), os.path.join(c, name + ".c")] + libs, check=True)
    # Start-up references (information, not targets): the same hello linked with the C and C++
    # libraries regards loads at start, and a Swift hello linked with Foundation as regards is.
    subprocess.run(["gcc", "-O2", "-o", os.path.join(BIN, "hello_libs"), os.path.join(c, "hello.c"), "-Wl,--no-as-needed", "-lsqlite3", "-lstdc++", "-lm"], check=True)
    subprocess.run(["swiftc", "-O", "-static-stdlib", "-o", os.path.join(BIN, "hello_foundation"), os.path.join(ROOT, "Benchmarks", "swift", "hello_foundation.swift")],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def python_module(module, package):
    """Whether the Python baselines can import `module`, installed from PyPI (`package`) if missing."""
    try:
        importlib.import_module(module)
        return True
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], check=False)
        importlib.invalidate_caches()
        try:
            importlib.import_module(module)
            return True
        except ImportError:
            return False


def wanted(part):
    return ONLY is None or part in ONLY


def file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def generated(n):
    """The campaign of n visits: its workspace, the workspace before answers, its answer file."""
    # Regenerate when the generator or the protocols change, not at every build.
    digest = hashlib.sha256(GENERATOR_VERSION.encode())
    # A new schema (migration) makes a new workspace.
    digest.update(open(os.path.join(ROOT, "Sources", "RegardsStore", "Migrations.swift"), "rb").read())
    for folder, _, files in sorted(os.walk(os.path.join(ROOT, "Protocols"))):
        for name in sorted(files):
            digest.update(open(os.path.join(folder, name), "rb").read())
    stamp = digest.hexdigest()[:12]
    base = os.path.join(WORK, f"campaign-{n}")
    marker = base + ".version"
    paths = (base + ".sqlite", base + "-empty.sqlite", base + "-answers.csv")
    if os.path.exists(marker) and open(marker).read() == stamp and all(os.path.exists(p) for p in paths):
        return paths
    for p in paths:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(p + suffix):
                os.remove(p + suffix)
    print(f"generating a campaign of {n} visits …", flush=True)
    subprocess.run([BENCH, "generate", "--visits", str(n), "--seed", "2026", "--db", paths[0], "--empty-out", paths[1],
                    "--answers-out", paths[2], "--protocols", os.path.join(ROOT, "Protocols")], check=True, stdout=subprocess.DEVNULL)
    with open(marker, "w") as f:
        f.write(stamp)
    return paths


def tsv_from_csv(csv_path, tsv_path):
    """The answer rows as the C floor reads them: visit, grid, criterion, value code, comment, evidence."""
    control = json.loads(subprocess.run([REGARDS, "protocol", "show", "chrs-controle", "--format", "json", "--protocols", os.path.join(ROOT, "Protocols")],
                                        capture_output=True, text=True, check=True).stdout)["protocol"]
    control_ids = {c["id"] for s in control["sections"] for c in s["criteria"]}
    with open(csv_path, newline="", encoding="utf-8") as f, open(tsv_path, "w", encoding="utf-8") as out:
        for row in csv.DictReader(f):
            clean = [row["visit"], "control" if row["criterion"] in control_ids else "evaluation", row["criterion"], row["value"],
                     row["comment"].replace("\t", " ").replace("\n", " "), row["evidence"].replace("\t", " ").replace("\n", " ")]
            out.write("\t".join(clean) + "\n")


def quiet(args):
    """Runs a preparation step; its output, which is shown only when it fails."""
    process = subprocess.run(args, capture_output=True, text=True)
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(args)}\n{process.stdout}{process.stderr}")
    return process.stdout


def readback(db, tmp, results):
    """A visit's fill-in workbook (`regards sheet`), every row filled with openpyxl, read back by
    `regards answer VISIT --from FILE.xlsx --dry-run` and by openpyxl's load_workbook(read_only=True).
    Both are whole commands: their start-up is measured with the reading. The evaluation grid carries
    the target; the control grid (the longest grid of the shipped protocols) is for information."""
    python = os.path.join(ROOT, "Benchmarks", "python")
    protocols = ["--protocols", os.path.join(ROOT, "Protocols")]
    # A copy of the campaign's workspace: a dry run must write nothing, and it is checked below.
    work_db = os.path.join(tmp, "readback.sqlite")
    shutil.copyfile(db, work_db)
    visits = json.loads(subprocess.run([REGARDS, "visit", "list", "--format", "json", "--db", work_db] + protocols,
                                       capture_output=True, text=True, check=True).stdout)
    visit = visits[0]["id"]
    grids = {}
    for grid in ("evaluation", "control"):
        sheet, filled = os.path.join(tmp, f"{grid}-sheet.xlsx"), os.path.join(tmp, f"{grid}-filled.xlsx")
        quiet([REGARDS, "sheet", visit, "--grid", grid, "--xlsx", sheet, "--db", work_db, "--inspector", "bench"] + protocols)
        grids[grid] = (filled, int(quiet([sys.executable, os.path.join(python, "fill_grid_openpyxl.py"), sheet, filled])))
    before = file_digest(work_db)
    lines = []
    for grid, pairs in (("evaluation", RUNS * 4), ("control", RUNS * 2)):
        filled, rows = grids[grid]
        regards = [REGARDS, "answer", visit, "--from", filled, "--dry-run", "--db", work_db, "--inspector", "bench"] + protocols
        openpyxl = [sys.executable, os.path.join(python, "read_grid_openpyxl.py"), filled]
        # Before they are timed, both must have read every row: openpyxl prints how many it read, the
        # dry run how many answers it would record and how many rows are unchanged.
        read = int(subprocess.run(openpyxl, capture_output=True, text=True, check=True).stdout)
        # Its summary read in English, whatever the locale (the timed runs below speak the default language).
        dry = subprocess.run(regards, capture_output=True, text=True, env=dict(os.environ, REGARDS_LANG="en"))
        summary = re.search(r"(\d+) answer\(s\) would be recorded .*\((\d+) row\(s\) unchanged\)", dry.stdout)
        seen = int(summary.group(1)) + int(summary.group(2)) if summary else None
        if read != rows or dry.returncode != 0 or seen != rows:
            sys.exit(f"readback: {rows} rows filled; openpyxl read {read}; regards answer --dry-run exited {dry.returncode} and saw {seen} "
                     f"(expected a line « N answer(s) would be recorded … (M row(s) unchanged) »)\n{dry.stdout}{dry.stderr}")
        p_time, p_rss, r_time, r_rss, ratio = paired(pairs, lambda: openpyxl, lambda: regards)
        size = os.path.getsize(filled) / 1024
        label = "readback " if grid == "evaluation" else "         for information, the "
        line = (f"{label}{grid} grid of visit {visit} filled, {rows} rows ({size:.0f} KB): regards answer --dry-run {r_time * 1000:.1f} ms ({r_rss:.0f} MB) · "
                f"Python openpyxl read_only {p_time * 1000:.1f} ms ({p_rss:.0f} MB) · regards {ratio:.1f}× faster")
        if grid == "evaluation":
            results["readback_vs_openpyxl_speedup"] = ratio
            results["readback_ms"] = r_time * 1000
            line += f" (target ≥ {TARGETS['readback_vs_openpyxl_speedup']})"
        else:
            results["readback_control_vs_openpyxl_speedup"] = ratio
        lines.append(line)
    # What Python pays before it reads a cell: importing openpyxl, paired with the read of the evaluation grid.
    filled, _ = grids["evaluation"]
    _, _, p_import, _, share = paired(RUNS * 2, lambda: [sys.executable, os.path.join(python, "read_grid_openpyxl.py"), filled],
                                      lambda: [sys.executable, "-c", "import openpyxl"])
    lines.append(f"         for information: Python that only imports openpyxl {p_import * 1000:.1f} ms (the read of the evaluation grid {share:.2f}× it)")
    for suffix in ("-wal", "-journal"):
        if os.path.exists(work_db + suffix) and os.path.getsize(work_db + suffix) > 0:
            sys.exit(f"readback: regards answer --dry-run left a non-empty {suffix[1:]} file")
    if file_digest(work_db) != before:
        sys.exit("readback: regards answer --dry-run changed the workspace")
    return lines


class Server:
    """A throwaway PostgreSQL server in .bench/pg on a local socket (as `postgres` when run as root)."""

    def __init__(self):
        bins = sorted((d for d in os.listdir("/usr/lib/postgresql") if d.isdigit()), key=int) if os.path.isdir("/usr/lib/postgresql") else []
        if not bins:
            sys.exit("PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = f"/usr/lib/postgresql/{bins[-1]}/bin"
        self.dir = os.path.join(WORK, "pg")
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.root = os.getuid() == 0
        if self.root:
            shutil.chown(self.dir, "postgres", "postgres")
        self.port = 54321
        self.shell(f"{self.bin}/initdb -D {self.dir}/data -U regards -A trust -E UTF8 --locale=C.UTF-8 >/dev/null && "
                   f"{self.bin}/pg_ctl -D {self.dir}/data -w -l {self.dir}/log -o '-k {self.dir} -p {self.port} -c listen_addresses=' start >/dev/null")

    def shell(self, script):
        args = ["su", "postgres", "-s", "/bin/sh", "-c", script] if self.root else ["/bin/sh", "-c", script]
        quiet(args)

    def url(self, database):
        return f"host={self.dir} port={self.port} user=regards dbname={database}"

    def sql(self, text, database="postgres"):
        return quiet([f"{self.bin}/psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", self.url(database), "-c", text])

    def stop(self):
        self.shell(f"{self.bin}/pg_ctl -D {self.dir}/data -m fast stop >/dev/null")
        shutil.rmtree(self.dir, ignore_errors=True)


def server_part(db, empty, answers, tmp, results):
    """The campaign import and the campaign workbook from a PostgreSQL store on a local socket, side
    by side with the same on the SQLite file."""
    lines = []
    server = Server()
    try:
        # The store with every visit, and one with the visits before their answers (the template of each import run).
        for name, source in (("campaign", db), ("empty", empty)):
            server.sql(f"CREATE DATABASE {name}")
            quiet([REGARDS, "store", "init", "--db", server.url(name)])
            quiet([BENCH, "copy", "--from", source, "--to", server.url(name)])
        sqlite_target = os.path.join(tmp, "server-import.sqlite")

        def fresh():
            server.sql("DROP DATABASE IF EXISTS import")
            server.sql("CREATE DATABASE import TEMPLATE empty")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(sqlite_target + suffix):
                    os.remove(sqlite_target + suffix)
            shutil.copyfile(empty, sqlite_target)

        p_import, p_rss, s_import, s_rss, results["server_import_vs_sqlite"] = paired(
            RUNS, lambda: [REGARDS, "answer", "--from", answers, "--db", server.url("import"), "--inspector", "bench"],
            lambda: [REGARDS, "answer", "--from", answers, "--db", sqlite_target, "--inspector", "bench"], fresh)
        lines.append(f"server   import of the campaign file ({MAIN} visits): PostgreSQL {p_import:.3f} s ({p_rss:.0f} MB) · SQLite {s_import:.3f} s ({s_rss:.0f} MB) · "
                     f"ratio {results['server_import_vs_sqlite']:.2f} (target ≤ {TARGETS['server_import_vs_sqlite']})")
        p_export, p_rss, s_export, s_rss, results["server_export_vs_sqlite"] = paired(
            RUNS, lambda: [REGARDS, "compare", "--campaign", "bench", "--db", server.url("campaign"), "--xlsx", os.path.join(tmp, "server.xlsx")],
            lambda: [REGARDS, "compare", "--campaign", "bench", "--db", db, "--xlsx", os.path.join(tmp, "file.xlsx")])
        results["server_export_rss_vs_sqlite"] = p_rss / s_rss
        lines.append(f"server   campaign workbook ({MAIN} visits): PostgreSQL {p_export:.3f} s ({p_rss:.0f} MB) · SQLite {s_export:.3f} s ({s_rss:.0f} MB) · "
                     f"ratio {results['server_export_vs_sqlite']:.2f} (target ≤ {TARGETS['server_export_vs_sqlite']}), "
                     f"memory ×{results['server_export_rss_vs_sqlite']:.2f} (target ≤ {TARGETS['server_export_rss_vs_sqlite']})")
    finally:
        server.stop()
    return lines


def main():
    os.makedirs(WORK, exist_ok=True)
    build()
    have_python = python_module("xlsxwriter", "XlsxWriter")
    have_openpyxl = python_module("openpyxl", "openpyxl")
    tmp = os.path.join(WORK, "tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    results, lines = {}, []
    db, empty, answers = generated(MAIN)

    if wanted("import"):
        # Import: one campaign answer file, one transaction.
        tsv = os.path.join(tmp, "answers.tsv")
        tsv_from_csv(answers, tsv)
        rows = sum(1 for _ in open(tsv, encoding="utf-8"))
        target_db = os.path.join(tmp, "import.sqlite")

        def fresh():
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(target_db + suffix):
                    os.remove(target_db + suffix)
            shutil.copyfile(empty, target_db)

        r_import, r_import_rss, c_import, c_import_rss, results["import_vs_c"] = paired(
            RUNS, lambda: [REGARDS, "answer", "--from", answers, "--db", target_db, "--inspector", "bench"],
            lambda: [os.path.join(BIN, "import_floor"), target_db, tsv], fresh)
        lines.append(f"import   {rows} answers of {MAIN} visits: regards {r_import:.3f} s ({r_import_rss:.0f} MB) · C SQLite {c_import:.3f} s ({c_import_rss:.0f} MB) · ratio {results['import_vs_c']:.2f} (target ≤ {TARGETS['import_vs_c']})")

    if wanted("export"):
        # Export: the campaign workbook against the same cells written by C and Python.
        cells = os.path.join(tmp, "cells.tsv")
        subprocess.run([BENCH, "cells", "--campaign", "bench", "--db", db, "--out", cells], check=True)
        cell_count = sum(max(0, len(line.rstrip("\n").split("\t"))) for line in open(cells, encoding="utf-8") if line.strip() and not line.startswith("#sheet"))
        constant = "1" if cell_count > 400_000 else "0"
        out = os.path.join(tmp, "regards.xlsx")
        r_export, r_export_rss, c_export, c_export_rss, results["export_vs_c"] = paired(
            RUNS, lambda: [REGARDS, "compare", "--campaign", "bench", "--db", db, "--xlsx", out],
            lambda: [os.path.join(BIN, "export_floor"), cells, os.path.join(tmp, "c.xlsx"), constant])
        line = f"export   {MAIN} visits, {cell_count} cells: regards {r_export:.3f} s ({r_export_rss:.0f} MB) · C libxlsxwriter {c_export:.3f} s ({c_export_rss:.0f} MB) · ratio {results['export_vs_c']:.2f} (target ≤ {TARGETS['export_vs_c']})"
        if have_python:
            p_export, p_export_rss = median_of(max(1, RUNS // 2), lambda: [sys.executable, os.path.join(ROOT, "Benchmarks", "python", "export_xlsxwriter.py"), cells,
                                                                            os.path.join(tmp, "p.xlsx"), constant])
            results["export_vs_python_speedup"] = p_export / r_export
            line += f" · Python XlsxWriter {p_export:.3f} s ({p_export_rss:.0f} MB), regards {results['export_vs_python_speedup']:.1f}× faster (target ≥ {TARGETS['export_vs_python_speedup']})"
        else:
            line += " · Python XlsxWriter not installed: skipped"
        lines.append(line)
        results["export_rss_mb"] = r_export_rss

    if wanted("readback"):
        # Read-back: a filled fill-in workbook read by `regards answer --dry-run` against openpyxl (read_only).
        if have_openpyxl:
            lines += readback(db, tmp, results)
        else:
            lines.append("readback openpyxl not installed: skipped")

    if wanted("startup"):
        # Start-up: against a Swift hello linked with Foundation as regards is (the target), and a C hello (for information).
        r_help, r_help_rss, s_hello, s_hello_rss, results["help_vs_swift_hello"] = paired(
            RUNS * 12, lambda: [REGARDS, "--help"], lambda: [os.path.join(BIN, "hello_foundation")])
        c_hello, c_hello_rss = median_of(RUNS * 4, lambda: [os.path.join(BIN, "hello")])
        results["help_vs_c"] = r_help / c_hello
        r_validate, r_validate_rss = median_of(RUNS * 2, lambda: [REGARDS, "protocol", "validate", "--protocols", os.path.join(ROOT, "Protocols")])
        results["validate_ms"] = r_validate * 1000
        lines.append(f"start-up regards --help {r_help * 1000:.1f} ms ({r_help_rss:.0f} MB) · Swift hello with Foundation, linked as regards is, "
                     f"{s_hello * 1000:.1f} ms ({s_hello_rss:.0f} MB) · ratio {results['help_vs_swift_hello']:.2f} (target ≤ {TARGETS['help_vs_swift_hello']})")
        c_libs, _ = median_of(RUNS * 4, lambda: [os.path.join(BIN, "hello_libs")])
        r_version, _ = median_of(RUNS * 4, lambda: [REGARDS, "--version"])
        lines.append(f"         for information: C hello {c_hello * 1000:.1f} ms ({c_hello_rss:.0f} MB), regards --help {results['help_vs_c']:.1f}× it · "
                     f"C hello with SQLite and libstdc++ {c_libs * 1000:.1f} ms ({c_libs / c_hello:.1f}×) · regards --version {r_version * 1000:.1f} ms ({r_version / c_hello:.1f}×)")
        lines.append(f"validate the shipped protocols: {results['validate_ms']:.1f} ms ({r_validate_rss:.0f} MB) (target ≤ {TARGETS['validate_ms']:.0f} ms)")

    if wanted("scaling"):
        # Scaling.
        scaling = []
        for n in SIZES:
            sdb, _, _ = generated(n)
            t, m = median_of(max(1, RUNS // 2), lambda: [REGARDS, "compare", "--campaign", "bench", "--db", sdb, "--xlsx", os.path.join(tmp, f"s{n}.xlsx")])
            scaling.append((n, t, m))
        lines.append("scaling  " + " · ".join(f"{n} visits {t:.2f} s {m:.0f} MB ({t / n * 1000:.1f} ms/visit)" for n, t, m in scaling))
        if not SMOKE:
            by = {n: (t, m) for n, t, m in scaling}
            results["export_rss_growth_3000"] = by[3000][1] / by[1000][1]
            results["time_per_visit_growth_3000"] = (by[3000][0] / 3000) / (by[1000][0] / 1000)
            lines.append(f"growth   1,000 → 3,000 visits: memory ×{results['export_rss_growth_3000']:.2f} (target ≤ {TARGETS['export_rss_growth_3000']}), "
                         f"time per visit ×{results['time_per_visit_growth_3000']:.2f} (linear: about 1)")

    if wanted("server"):
        lines += server_part(db, empty, answers, tmp, results)

    print()
    for l in lines:
        print(l)
    missed = []
    if not SMOKE:
        for key, limit in TARGETS.items():
            if key not in results:
                continue
            value = results[key]
            ok = value >= limit if key in AT_LEAST else value <= limit
            if not ok:
                missed.append(f"{key} = {value:.2f} (target {'≥' if key in AT_LEAST else '≤'} {limit})")
    # A partial run (--only) does not replace the results of the last full one.
    with open(os.path.join(WORK, "results.json" if ONLY is None else f"results-{'-'.join(ONLY)}.json"), "w") as f:
        json.dump({"results": results, "lines": lines}, f, indent=2, ensure_ascii=False)
    print()
    if missed:
        print("targets missed:\n  " + "\n  ".join(missed))
        return 1
    print(("every target met" if ONLY is None else "every target measured met") if not SMOKE else "smoke run: the harness works (targets are checked by `make bench`)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
