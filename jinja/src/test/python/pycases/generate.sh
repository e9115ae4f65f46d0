#!/bin/sh
# Regenerates the CPython-checked case files of dev.sluice.jinja.internal.py's tests.
# Needs CPython 3.11 with Jinja2 3.1 and markupsafe 2.1 (Debian 12's python3-jinja2).
set -e
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../resources/dev/sluice/jinja/internal/py"
py=${PYTHON:-/usr/bin/python3}
"$py" "$here/str_cases.py" > "$out/str.cases"
for w in markup list dict set bytes; do "$py" "$here/coll_cases.py" $w > "$out/$w.cases"; done
"$py" "$here/fmt_cases.py" percent > "$out/percent.cases"
"$py" "$here/fmt_cases.py" format > "$out/format.cases"
"$py" "$here/fmt_cases.py" strformat > "$out/strformat.cases"
"$py" "$here/float_cases.py" > "$out/float.cases"
