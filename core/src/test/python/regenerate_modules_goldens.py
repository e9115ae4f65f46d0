"""Regenerate the goldens of dbt's ``modules`` context variable (datetime, re, itertools, pytz).

How to run (from the repository root):

    TZ=UTC /usr/bin/python3 core/src/test/python/regenerate_modules_goldens.py           # write
    TZ=UTC /usr/bin/python3 core/src/test/python/regenerate_modules_goldens.py --check   # verify only

It needs Debian's python3-jinja2 and python3-tz (``apt-get install python3-jinja2 python3-tz``):
CPython's Jinja2 with the real modules is the oracle.

Every ``core/src/test/resources/modules/<group>.cases`` file holds cases, each starting with a
line ``--- <name>``; the lines up to the next header (joined with ``\\n``) are a template. Lines
before the first header are comments. Each template is rendered with
``jinja2.sandbox.SandboxedEnvironment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])``
(as dbt configures Jinja) and the context ``{"modules": {...}}`` shaped like dbt's. The results go
to ``<group>.golden.json``, in case order: ``{"out": text}`` for an output, or
``{"error": type, "message": str(exc)}`` when rendering raised. ModulesCorpusTest checks Sluice
against them byte for byte.
"""

import datetime
import itertools
import json
import os
import re
import sys

import jinja2
import pytz
from jinja2.sandbox import SandboxedEnvironment

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.normpath(os.path.join(HERE, "..", "resources", "modules"))
MODULES = {"pytz": pytz, "datetime": datetime, "re": re, "itertools": itertools}


def read_cases(path):
    cases = []
    name, lines = None, []
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("--- "):
                if name is not None:
                    cases.append((name, "\n".join(lines)))
                name, lines = line[4:].strip(), []
            elif name is not None:
                lines.append(line)
    if name is not None:
        cases.append((name, "\n".join(lines).rstrip("\n")))
    return cases


def render(source):
    env = SandboxedEnvironment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])
    try:
        return {"out": env.from_string(source).render(modules=MODULES)}
    except Exception as e:  # the oracle's answer, whatever it raised
        return {"error": type(e).__name__, "message": str(e).split("\n")[0]}


def main(argv):
    check = "--check" in argv
    if os.environ.get("TZ") != "UTC":
        sys.exit("Run with TZ=UTC: some cases print local times")
    stale = 0
    for file in sorted(os.listdir(CASES)):
        if not file.endswith(".cases"):
            continue
        results = {}
        for name, source in read_cases(os.path.join(CASES, file)):
            if name in results:
                sys.exit(f"{file}: case {name} appears twice")
            results[name] = render(source)
        golden = os.path.join(CASES, file[: -len(".cases")] + ".golden.json")
        text = json.dumps(results, indent=1, ensure_ascii=False) + "\n"
        old = open(golden, encoding="utf-8").read() if os.path.exists(golden) else None
        if old != text:
            stale += 1
            print(("stale: " if check else "wrote: ") + golden)
            if not check:
                with open(golden, "w", encoding="utf-8") as f:
                    f.write(text)
    print(f"jinja2 {jinja2.__version__}, pytz {pytz.__version__}, Python {sys.version.split()[0]}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
