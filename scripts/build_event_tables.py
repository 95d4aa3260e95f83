"""Build the event coder's data tables from the CAMEO/Phoenix dictionaries.

Usage::

    python scripts/build_event_tables.py ../shared/eval/events

reads ``cameo-dictionaries/`` and ``plover/`` under that folder and writes, under
``src/dateline/data/events/``:

- ``cameo_verbs.txt``  the verb patterns of ``CAMEO.2.0.txt`` (PETRARCH format, comments
  and padding removed, licence header kept);
- ``actors.tsv.gz``    every actor phrase of the three Phoenix actor dictionaries with
  its (date-restricted) codes;
- ``agents.tsv``       role nouns and agent codes of ``Phoenix.agents.txt``, plurals and
  substitutions expanded;
- ``discards.txt``     the phrases of ``Phoenix.discards.txt``;
- ``cameo_codes.tsv``  code, label, Goldstein value and Phoenix quad of every CAMEO code;
- ``cameo2plover.tsv`` the CAMEO to PLOVER 2021 table (CC BY-SA 4.0).

Sources and licences are recorded in ``src/dateline/data/events/README.md``.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from dateline.events.dictionaries import (
    content_lines,
    read_actors,
    read_agents,
    write_actor_table,
    write_agent_table,
)

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "events"

VERB_HEADER = """\
# CAMEO verb patterns for dateline, derived from CAMEO.2.0.txt of openeventdata/petrarch2
# (commit 676801cd9cb2924bbbad09f86d15c9323e7097bf). Comments and padding removed;
# content unchanged. PETRARCH verb-dictionary format: see docs/events.md.
# Copyright (c) 2015 Open Event Data Alliance. MIT License (see README.md here).
"""


def build_verbs(source: Path) -> str:
    """The verb section of CAMEO.2.0.txt without comments, one item per line."""
    lines = [" ".join(line.split()) for line in content_lines(source.read_text())]
    return VERB_HEADER + "\n".join(lines) + "\n"


def build_codes(codefile: Path, goldstein: Path) -> str:
    """``code<TAB>label<TAB>goldstein<TAB>phoenix_quad`` for every known CAMEO code."""
    labels: dict[str, str] = {}
    for line in codefile.read_text().splitlines():
        match = re.match(r"LABEL:\s*(\d{2,4})\s*=\s*(.+)", line) or re.match(
            r"//\s*(\d{2})\s*[:=]\s*(.+)", line)  # root headings are comment lines there
        if match and match[1] not in labels:
            labels[match[1]] = match[2].strip()
    values: dict[str, tuple[str, str]] = {}
    for line in goldstein.read_text().splitlines()[1:]:
        code, value, quad = line.split("\t")
        values[code] = (value, quad)
    roots = {code[:2] for code in labels} | {code[:2] for code in values}
    rows = ["code\tlabel\tgoldstein\tphoenix_quad"]
    for code in sorted(set(labels) | set(values) | roots):
        value, quad = values.get(code, ("", ""))
        rows.append(f"{code}\t{labels.get(code, '')}\t{value}\t{quad}")
    return "\n".join(rows) + "\n"


def build_plover(table: Path) -> str:
    """``code<TAB>plover<TAB>mode<TAB>context`` rows of CAMEO2PLOVER-2021.txt."""
    rows = ["code\tplover\tmode\tcontext"]
    for line in table.read_text().splitlines():
        body = line.split("#", 1)[0]
        match = re.match(r"\s*(\d{2,4})\s*:\s*(.*)", body)
        if not match:
            continue
        fields = [f.strip() for f in match[2].split(",")]
        fields += [""] * (3 - len(fields))
        rows.append("\t".join([match[1], *fields[:3]]))
    return "\n".join(rows) + "\n"


def main(root: Path) -> None:
    dicts = root / "cameo-dictionaries"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cameo_verbs.txt").write_text(build_verbs(dicts / "CAMEO.2.0.txt"))
    actors = []
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt"):
        actors += read_actors((dicts / name).read_text(errors="replace"))
    table = ("# phrase\tcodes (CODE or CODE start-end, YYYYMMDD, | between)\n"
             + write_actor_table(actors))
    # mtime=0 keeps the file byte-identical between builds
    with gzip.GzipFile(OUT / "actors.tsv.gz", "wb", mtime=0) as handle:
        handle.write(table.encode("utf-8"))
    agents = read_agents((dicts / "Phoenix.agents.txt").read_text())
    (OUT / "agents.tsv").write_text("# phrase\tagent code (~X after, X~ before)\n"
                                    + write_agent_table(agents))
    discards = [line.strip() for line in content_lines((dicts / "Phoenix.discards.txt")
                                                       .read_text())]
    (OUT / "discards.txt").write_text("\n".join(discards) + "\n")
    (OUT / "cameo_codes.tsv").write_text(
        build_codes(dicts / "CAMEO_codefile.txt", dicts / "phoenix_goldstein_quad.tsv"))
    (OUT / "cameo2plover.tsv").write_text(
        build_plover(root / "plover" / "CAMEO2PLOVER-2021.txt"))
    print(f"wrote tables under {OUT}: {len(actors)} actor phrases, {len(agents)} agents")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/events"))
