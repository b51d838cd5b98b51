#!/usr/bin/env python3
"""regards(1), generated from the command definitions: `regards --experimental-dump-help` (swift-argument-parser's
description of every command, option and argument), written as a man page (man(7) macros).

    python3 Tools/manpage.py .build/release/regards [fr|en] > regards.1

The page is in the language asked (French by default, as regards speaks): the help comes from the
binary run with REGARDS_LANG set, this tool's own words from WORDS below.

swift-argument-parser's own generator (`swift package generate-manual`) drops every non-ASCII
character, and the help is French: « », accents, non-breaking spaces."""
import json
import os
import subprocess
import sys

# The page's own words, French and English: section titles, the environment, the files.
WORDS = {
    "fr": {
        "NAME": "NOM", "SYNOPSIS": "SYNOPSIS", "DESCRIPTION": "DESCRIPTION", "COMMANDS": "COMMANDES",
        "ENVIRONMENT": "ENVIRONNEMENT", "EXIT STATUS": "CODE DE RETOUR", "FILES": "FICHIERS", "SEE ALSO": "VOIR AUSSI",
        "command": "commande", "options": "options", "default": "défaut",
        "each": "Les options de chaque commande suivent\u00a0; `regards COMMANDE --help' dit la même chose dans le terminal.",
        "environment": [
            ("REGARDS_DB", "L'espace de travail quand --db n'est pas donné\u00a0: un fichier (par défaut ./regards.sqlite) ou une chaîne de connexion PostgreSQL."),
            ("REGARDS_INSPECTOR", "Qui enregistre, quand --inspector n'est pas donné (par défaut\u00a0: l'utilisateur du système)."),
            ("REGARDS_SERVER", "La base de l'équipe pour visit pull et visit push, quand --from ou --to n'est pas donné."),
            ("REGARDS_LANG", "La langue des messages\u00a0: fr (par défaut) ou en\u00a0; sinon LC_ALL, LC_MESSAGES ou LANG commençant par en donnent l'anglais."),
            ("PGHOST, PGPORT, PGUSER, PGPASSFILE, PGSSLMODE …", "Les réglages de libpq, lus pour une base PostgreSQL, comme ~/.pgpass et les fichiers de service."),
            ("SOURCE_DATE_EPOCH", "La date de création écrite dans les classeurs (sorties reproductibles)."),
        ],
        "files": [
            ("./regards.sqlite", "L'espace de travail par défaut."),
            ("PREFIX/share/regards/Protocols", "Les protocoles livrés (cherchés après ./Protocols)."),
        ],
        "see": "Le README des sources\u00a0: le tutoriel, la base partagée, la protection des données.",
    },
    "en": {
        "NAME": "NAME", "SYNOPSIS": "SYNOPSIS", "DESCRIPTION": "DESCRIPTION", "COMMANDS": "COMMANDS",
        "ENVIRONMENT": "ENVIRONMENT", "EXIT STATUS": "EXIT STATUS", "FILES": "FILES", "SEE ALSO": "SEE ALSO",
        "command": "command", "options": "options", "default": "default",
        "each": "Each command's options are below; `regards COMMAND --help' says the same on the terminal.",
        "environment": [
            ("REGARDS_DB", "The workspace when --db is not given: a file (default ./regards.sqlite) or a PostgreSQL connection string."),
            ("REGARDS_INSPECTOR", "Who records, when --inspector is not given (default: the system user)."),
            ("REGARDS_SERVER", "The team's store for visit pull and visit push, when --from or --to is not given."),
            ("REGARDS_LANG", "The language of the messages: fr (the default) or en; else LC_ALL, LC_MESSAGES or LANG starting with en give English."),
            ("PGHOST, PGPORT, PGUSER, PGPASSFILE, PGSSLMODE …", "libpq's own settings, read for a PostgreSQL store, as are ~/.pgpass and service files."),
            ("SOURCE_DATE_EPOCH", "The creation date written into workbooks (reproducible outputs)."),
        ],
        "files": [
            ("./regards.sqlite", "The default workspace."),
            ("PREFIX/share/regards/Protocols", "The shipped protocols (searched after ./Protocols)."),
        ],
        "see": "The README of the source tree: the tutorial, the shared store, data protection.",
    },
}


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


def section(path, command, out, words):
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
            if a.get("defaultValue") and words["default"] not in text:
                text += f" ({words['default']}: {a['defaultValue']})" if words is WORDS["en"] else f" ({words['default']}\u00a0: {a['defaultValue']})"
            out.append(escape(text))
    for sub in command.get("subcommands", []):
        section(path + [sub["commandName"]], sub, out, words)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "regards"
    language = sys.argv[2] if len(sys.argv) > 2 else "fr"
    if language not in WORDS:
        sys.exit(f"manpage.py: the language is fr or en, not {language}")
    words = WORDS[language]
    env = dict(os.environ, REGARDS_LANG=language)
    dump = json.loads(subprocess.run([binary, "--experimental-dump-help"], capture_output=True, text=True, check=True, env=env).stdout)
    root = dump["command"]
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, env=env).stdout.strip() or "0"
    out = [
        '.TH REGARDS 1 "" "regards ' + escape(version) + '" "Regards"',
        ".SH " + words["NAME"],
        "regards \\- " + escape(root.get("abstract", "")),
        ".SH " + words["SYNOPSIS"],
        ".B regards",
        ".I " + words["command"],
        "[" + words["options"] + "]",
        ".SH " + words["DESCRIPTION"],
        escape(root.get("abstract", "")),
        ".PP",
        words["each"],
        ".SH " + words["COMMANDS"],
    ]
    section(["regards"], root, out, words)
    out += [".SH " + words["ENVIRONMENT"]]
    for name, text in words["environment"]:
        out += [".TP", f".B {escape(name)}", escape(text)]
    out += [".SH " + words["EXIT STATUS"], escape(root.get("discussion", "")), ".SH " + words["FILES"]]
    for name, text in words["files"]:
        out += [".TP", f".B {escape(name)}", escape(text)]
    out += [".SH " + words["SEE ALSO"], words["see"]]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
