#!/usr/bin/env python3
"""regards(1), generated from the command definitions: `regards --experimental-dump-help` (swift-argument-parser's
description of every command, option and argument), written as a man page (man(7) macros).

    python3 Tools/manpage.py .build/release/regards > regards.1

swift-argument-parser's own generator (`swift package generate-manual`) drops every non-ASCII
character, and the help is French: « », accents, non-breaking spaces."""
import json
import subprocess
import sys

ENVIRONMENT = [
    ("REGARDS_DB", "The workspace when --db is not given: a file (default ./regards.sqlite) or a PostgreSQL connection string."),
    ("REGARDS_INSPECTOR", "Who records, when --inspector is not given (default: the system user)."),
    ("REGARDS_SERVER", "The team's store for visit pull and visit push, when --from or --to is not given."),
    ("PGHOST, PGPORT, PGUSER, PGPASSFILE, PGSSLMODE …", "libpq's own settings, read for a PostgreSQL store, as are ~/.pgpass and service files."),
    ("SOURCE_DATE_EPOCH", "The creation date written into workbooks (reproducible outputs)."),
]


def escape(text):
    """Text as roff reads it: backslashes escaped, a line never starting with a control character."""
    lines = []
    for line in text.replace("\\", "\\e").split("\n"):
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(lines)


def synopsis(path, command):
    parts = []
    for a in command.get("arguments", []):
        if not a.get("shouldDisplay", True) or a.get("preferredName", {}).get("name") in ("help", "version"):
            continue
        name = a.get("preferredName")
        if a["kind"] == "positional":
            text = f"<{a.get('valueName', 'value')}>"
        elif a["kind"] == "flag":
            text = ("--" if name["kind"] == "long" else "-") + name["name"]
        else:
            text = ("--" if name["kind"] == "long" else "-") + name["name"] + f" <{a.get('valueName', 'value')}>"
        if a.get("isRepeating"):
            text += " ..."
        parts.append(f"[{text}]" if a.get("isOptional") else text)
    return " ".join(path + parts)


def option_label(a):
    if a["kind"] == "positional":
        return f"<{a.get('valueName', 'value')}>"
    names = ", ".join(("--" if n["kind"] == "long" else "-") + n["name"] for n in a.get("names", []))
    return names + ("" if a["kind"] == "flag" else f" <{a.get('valueName', 'value')}>")


def section(path, command, out):
    if command.get("commandName") == "help" or not command.get("shouldDisplay", True):
        return
    if len(path) > 1:
        out.append(f".SS {escape(' '.join(path[1:]))}")
        if command.get("abstract"):
            out.append(escape(command["abstract"]))
        if command.get("discussion"):
            out.append(".PP")
            out.append(escape(command["discussion"]))
        if not command.get("subcommands"):
            out.append(".PP")
            out.append(f".B {escape(synopsis(path, command))}")
        for a in command.get("arguments", []):
            if not a.get("shouldDisplay", True) or a.get("preferredName", {}).get("name") in ("help", "version"):
                continue
            out.append(".TP")
            out.append(f".B {escape(option_label(a))}")
            text = a.get("abstract", "")
            if a.get("discussion"):
                text += " " + a["discussion"]
            if a.get("defaultValue") and "default" not in text:
                text += f" (default: {a['defaultValue']})"
            out.append(escape(text))
    for sub in command.get("subcommands", []):
        section(path + [sub["commandName"]], sub, out)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "regards"
    dump = json.loads(subprocess.run([binary, "--experimental-dump-help"], capture_output=True, text=True, check=True).stdout)
    root = dump["command"]
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip() or "0"
    out = [
        '.TH REGARDS 1 "" "regards ' + escape(version) + '" "Regards"',
        ".SH NAME",
        "regards \\- " + escape(root.get("abstract", "")),
        ".SH SYNOPSIS",
        ".B regards",
        ".I command",
        "[options]",
        ".SH DESCRIPTION",
        escape(root.get("abstract", "")),
        ".PP",
        "Each command's options are below; `regards COMMAND --help' says the same on the terminal.",
        ".SH COMMANDS",
    ]
    section(["regards"], root, out)
    out += [".SH ENVIRONMENT"]
    for name, text in ENVIRONMENT:
        out += [".TP", f".B {escape(name)}", escape(text)]
    out += [".SH EXIT STATUS", escape(root.get("discussion", "")),
            ".SH FILES",
            ".TP", ".B ./regards.sqlite", "The default workspace.",
            ".TP", ".B PREFIX/share/regards/Protocols", "The shipped protocols (searched after ./Protocols).",
            ".SH SEE ALSO", "The README of the source tree: the tutorial, the shared store, data protection."]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
