"""Re-records Tests/Fixtures/bad-input/*/*/expected (English) and expected.fr (French) from the
built binary (.build/debug/regards).

Run from the package root after `swift build`, then review `git diff` before committing:
every message is part of the contract.
"""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(ROOT, "Tests", "Fixtures", "bad-input")
BINARY = os.path.join(ROOT, ".build", "debug", "regards")


def record(case, language, name):
    work = tempfile.mkdtemp()
    try:
        db, tmp = os.path.join(work, "regards.sqlite"), os.path.join(work, "tmp")
        os.makedirs(tmp)
        env = {k: v for k, v in os.environ.items() if k not in ("REGARDS_DB", "REGARDS_INSPECTOR")}
        env["REGARDS_LANG"] = language
        subprocess.run([BINARY, "visit", "new", "--establishment", "CHRS Les Tilleuls", "--finess", "750712184", "--start", "2026-11-20",
                        "--campaign", "occitanie-2026", "--context", "hebergement=collectif", "--protocols", os.path.join(ROOT, "Protocols"),
                        "--db", db, "--inspector", "inspectrice-a"], cwd=work, env=env, capture_output=True, check=True)
        with open(os.path.join(case, "args"), encoding="utf-8") as f:
            args = [a.replace("$DB", db).replace("$CASE", case).replace("$TMP", tmp) for a in f.read().split("\n")[:-1]]
        run = subprocess.run([BINARY] + args, cwd=work, env=env, capture_output=True)
        stderr = run.stderr.decode().replace(db, "$DB").replace(case, "$CASE").replace(tmp, "$TMP")
        with open(os.path.join(case, name), "w", encoding="utf-8") as f:
            f.write(f"{run.returncode}\n{stderr}")
        return run.returncode
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    only = sys.argv[1:]
    for kind in sorted(os.listdir(CORPUS)):
        folder = os.path.join(CORPUS, kind)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if only and f"{kind}/{name}" not in only:
                continue
            for language, expected in (("en", "expected"), ("fr", "expected.fr")):
                print(f"{kind}/{name} ({language}): exit {record(os.path.join(folder, name), language, expected)}")
