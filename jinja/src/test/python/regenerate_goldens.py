"""Regenerate the golden files of the differential Jinja test corpus.

How to run (from the repository root, /work/main):

    /usr/bin/python3 jinja/src/test/python/regenerate_goldens.py            # all cases
    /usr/bin/python3 jinja/src/test/python/regenerate_goldens.py filters    # one group
    /usr/bin/python3 jinja/src/test/python/regenerate_goldens.py filters/truncate-killwords
    /usr/bin/python3 jinja/src/test/python/regenerate_goldens.py --check    # verify only

Use the interpreter that has CPython Jinja2 3.1 installed (Debian's
python3-jinja2 lives under /usr/bin/python3); Jinja2 is the oracle.

What it does
------------
Every ``<group>/<case>.case`` file under ``jinja/src/test/resources/corpus``
is a small test: a main template, optional extra templates, an optional JSON
context and an optional JSON config.  The script renders the main template
with Jinja2 configured the way dbt configures it::

    jinja2.sandbox.SandboxedEnvironment(
        extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])

(autoescape off, trim_blocks/lstrip_blocks off, keep_trailing_newline off,
``undefined=jinja2.Undefined``), plus the per-case config overrides, and
writes next to the case either

* ``<case>.out`` - the exact rendered output, UTF-8, nothing appended; or
* ``<case>.err`` - when parsing or rendering raised, one line of JSON
  ``{"type", "template", "line", "message"}`` followed by ``\\n``.

A stale golden of the other kind is deleted.  With ``--check`` nothing is
written; the script reports every case whose goldens differ and exits 1.

Case file format (UTF-8, LF line endings)
-----------------------------------------
Sections start with a header line beginning with ``--- ``::

    optional free-text comment lines
    --- template            (required; the template named "main")
    --- context             (optional; JSON object, keys become variables)
    --- config              (optional; JSON object, keys listed below)
    --- file NAME           (optional, repeatable; another template)

A section's content is its lines joined with ``\\n``, without the newline
that precedes the next header (or the end of the file); a template that must
end with a newline therefore needs an extra empty line.

Config keys: ``undefined`` ("default" | "strict"), ``autoescape``,
``trim_blocks``, ``lstrip_blocks``, ``keep_trailing_newline`` (booleans),
``dbt_tags`` (boolean: enable the ``test``/``materialization``/``docs``
block tags, see below) and ``macro_prefix`` (string: every ``{% macro %}``
and dbt block tag is stored under prefix + name, like dbt's MacroFuzzParser).

The error JSON: ``type`` is the exception class name; for
TemplateSyntaxError and its subclasses ``template``/``line`` come from the
exception, for any other exception from the last traceback frame whose file
name is one of the case's template names (``null`` when there is none);
``message`` is the first line of ``str(exc)``.

Exit status: 0 when every case could be processed (rendering errors are
goldens, not failures), 1 when a case file is malformed or (--check) a
golden is out of date, 2 on bad command-line arguments.
"""

import json
import os
import sys
import traceback

try:
    import jinja2
except ImportError:  # the first python3 on PATH may lack Jinja2
    sys.exit(
        "Jinja2 is not importable by this interpreter; run the script with "
        "/usr/bin/python3 (Debian's python3-jinja2)"
    )
ORACLE_VERSION = "3.1.2"  # Debian bookworm's python3-jinja2
if jinja2.__version__ != ORACLE_VERSION:
    # e.g. 3.1.6 reports a different line for errors/runtime-namespace-assign-*
    print(
        f"warning: the goldens come from Jinja2 {ORACLE_VERSION}, this is "
        f"{jinja2.__version__} ({jinja2.__file__}); use /usr/bin/python3",
        file=sys.stderr,
    )

from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser
from jinja2.sandbox import SandboxedEnvironment

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "resources", "corpus"))

CONFIG_KEYS = {
    "undefined": str,
    "autoescape": bool,
    "trim_blocks": bool,
    "lstrip_blocks": bool,
    "keep_trailing_newline": bool,
    "dbt_tags": bool,
    "macro_prefix": str,
}
UNDEFINED_KINDS = {"default": jinja2.Undefined, "strict": jinja2.StrictUndefined}


class MalformedCase(Exception):
    pass


# ---------------------------------------------------------------------------
# dbt-like environment pieces
# ---------------------------------------------------------------------------


def _prefixed(environment, name):
    return getattr(environment, "macro_prefix", "") + name


class TestTagExtension(Extension):
    """``{% test name(args...) %}...{% endtest %}`` -> macro ``test_<name>``."""

    tags = {"test"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        node = nodes.Macro(lineno=lineno)
        name = parser.parse_assign_target(name_only=True).name
        parser.parse_signature(node)
        node.name = _prefixed(self.environment, "test_" + name)
        node.body = parser.parse_statements(("name:endtest",), drop_needle=True)
        return node


class MaterializationTagExtension(Extension):
    """``{% materialization name, default %}`` or
    ``{% materialization name, adapter='x' %}`` ... ``{% endmaterialization %}``
    -> macro ``materialization_<name>_<adapter|default>`` taking one
    parameter ``supported_languages=['sql']``."""

    tags = {"materialization"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        node = nodes.Macro(lineno=lineno)
        name = parser.parse_assign_target(name_only=True).name
        adapter = "default"
        while parser.stream.skip_if("comma"):
            target = parser.parse_assign_target(name_only=True)
            if target.name == "default":
                continue
            if target.name == "adapter":
                parser.stream.expect("assign")
                value = parser.parse_expression()
                if not isinstance(value, nodes.Const) or not isinstance(
                    value.value, str
                ):
                    parser.fail("adapter name must be a string literal", lineno)
                adapter = value.value
                continue
            parser.fail(
                f"unexpected argument {target.name!r} to materialization",
                target.lineno,
            )
        node.args = [nodes.Name("supported_languages", "param", lineno=lineno)]
        node.defaults = [nodes.List([nodes.Const("sql", lineno=lineno)], lineno=lineno)]
        node.name = _prefixed(self.environment, f"materialization_{name}_{adapter}")
        node.body = parser.parse_statements(
            ("name:endmaterialization",), drop_needle=True
        )
        return node


class DocsTagExtension(Extension):
    """``{% docs name %}...{% enddocs %}`` -> macro ``docs_<name>()``."""

    tags = {"docs"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        node = nodes.Macro(lineno=lineno)
        name = parser.parse_assign_target(name_only=True).name
        node.args = []
        node.defaults = []
        node.name = _prefixed(self.environment, "docs_" + name)
        node.body = parser.parse_statements(("name:enddocs",), drop_needle=True)
        return node


class PrefixMacroParser(Parser):
    """Stores ``{% macro NAME %}`` under ``environment.macro_prefix + NAME``."""

    def parse_macro(self):
        node = nodes.Macro(lineno=next(self.stream).lineno)
        node.name = _prefixed(
            self.environment, self.parse_assign_target(name_only=True).name
        )
        self.parse_signature(node)
        node.body = self.parse_statements(("name:endmacro",), drop_needle=True)
        return node


class CaseEnvironment(SandboxedEnvironment):
    macro_prefix = ""

    def _parse(self, source, name, filename):
        if self.macro_prefix:
            return PrefixMacroParser(self, source, name, filename).parse()
        return super()._parse(source, name, filename)


def build_environment(config, templates):
    extensions = ["jinja2.ext.do", "jinja2.ext.loopcontrols"]
    if config.get("dbt_tags"):
        extensions += [
            TestTagExtension,
            MaterializationTagExtension,
            DocsTagExtension,
        ]

    def load(name):
        if name in templates:
            return templates[name], name, lambda: True
        return None

    env = CaseEnvironment(
        extensions=extensions,
        loader=jinja2.FunctionLoader(load),
        undefined=UNDEFINED_KINDS[config.get("undefined", "default")],
        autoescape=config.get("autoescape", False),
        trim_blocks=config.get("trim_blocks", False),
        lstrip_blocks=config.get("lstrip_blocks", False),
        keep_trailing_newline=config.get("keep_trailing_newline", False),
    )
    env.macro_prefix = config.get("macro_prefix", "")
    return env


# ---------------------------------------------------------------------------
# case files
# ---------------------------------------------------------------------------


def parse_case(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise MalformedCase(f"not UTF-8: {e}")
    if "\r" in text:
        raise MalformedCase("contains a carriage return (use LF line endings)")
    if text.startswith("\ufeff"):
        raise MalformedCase("starts with a byte order mark")
    if text.endswith("\n"):
        text = text[:-1]
    lines = text.split("\n")

    sections = []  # (kind, name, lines)
    for line in lines:
        if line.startswith("--- "):
            header = line[4:]
            if header == "template":
                sections.append(("template", None, []))
            elif header == "context":
                sections.append(("context", None, []))
            elif header == "config":
                sections.append(("config", None, []))
            elif header.startswith("file "):
                name = header[5:]
                if not name or name.strip() != name:
                    raise MalformedCase(f"bad file name in header {line!r}")
                sections.append(("file", name, []))
            else:
                raise MalformedCase(f"unknown section header {line!r}")
        elif sections:
            sections[-1][2].append(line)
        # lines before the first header are a comment

    template = None
    context = {}
    config = {}
    files = {}
    seen = set()
    for kind, name, body_lines in sections:
        body = "\n".join(body_lines)
        key = (kind, name)
        if key in seen:
            raise MalformedCase(f"duplicate section {kind} {name or ''}".rstrip())
        seen.add(key)
        if kind == "template":
            template = body
        elif kind == "file":
            if name == "main":
                raise MalformedCase("a file section may not be named 'main'")
            files[name] = body
        else:
            try:
                value = json.loads(body) if body.strip() else {}
            except ValueError as e:
                raise MalformedCase(f"{kind} is not valid JSON: {e}")
            if not isinstance(value, dict):
                raise MalformedCase(f"{kind} must be a JSON object")
            if kind == "context":
                context = value
            else:
                config = value
    if template is None:
        raise MalformedCase("missing '--- template' section")
    for key, value in config.items():
        if key not in CONFIG_KEYS:
            raise MalformedCase(f"unknown config key {key!r}")
        if not isinstance(value, CONFIG_KEYS[key]):
            raise MalformedCase(f"config {key!r} has the wrong type")
    if config.get("undefined", "default") not in UNDEFINED_KINDS:
        raise MalformedCase(f"config undefined must be one of {sorted(UNDEFINED_KINDS)}")
    templates = {"main": template}
    templates.update(files)
    return templates, context, config


def error_record(exc, template_names):
    if isinstance(exc, jinja2.TemplateSyntaxError):
        template, line = exc.name, exc.lineno
    else:
        template = line = None
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            filename = frame.f_code.co_filename
            if filename in template_names:
                template, line = filename, lineno
    message = str(exc).split("\n", 1)[0]
    record = {
        "type": type(exc).__name__,
        "template": template,
        "line": line,
        "message": message,
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def run_case(path):
    """Return (suffix, bytes) of the golden for the case at path."""
    templates, context, config = parse_case(path)
    env = build_environment(config, templates)
    try:
        output = env.get_template("main").render(**context)
    except Exception as exc:  # every template failure is a golden
        return ".err", error_record(exc, templates).encode("utf-8")
    return ".out", output.encode("utf-8")


# ---------------------------------------------------------------------------
# driver
# ---------------------------------------------------------------------------


def all_cases():
    found = []
    for dirpath, dirnames, filenames in os.walk(CORPUS):
        dirnames.sort()
        for filename in sorted(filenames):
            if filename.endswith(".case"):
                found.append(os.path.join(dirpath, filename))
    return sorted(found)


def select_cases(args):
    cases = all_cases()
    if not args:
        return cases
    selected = []
    for arg in args:
        rel = arg
        absolute = os.path.abspath(arg)
        if absolute.startswith(CORPUS + os.sep):
            rel = os.path.relpath(absolute, CORPUS)
        rel = rel.replace(os.sep, "/").rstrip("/")
        if rel.endswith(".case"):
            rel = rel[: -len(".case")]
        matches = [
            c
            for c in cases
            if os.path.relpath(c, CORPUS).replace(os.sep, "/")[: -len(".case")] == rel
            or os.path.relpath(c, CORPUS).replace(os.sep, "/").startswith(rel + "/")
        ]
        if not matches:
            print(f"no case or group named {arg!r}", file=sys.stderr)
            sys.exit(2)
        for m in matches:
            if m not in selected:
                selected.append(m)
    return selected


def main(argv):
    check = False
    args = []
    for arg in argv:
        if arg == "--check":
            check = True
        elif arg in ("-h", "--help"):
            print(__doc__)
            return 0
        elif arg.startswith("-"):
            print(f"unknown option {arg!r}", file=sys.stderr)
            return 2
        else:
            args.append(arg)

    cases = select_cases(args)
    counts = {".out": 0, ".err": 0}
    malformed = []
    stale = []
    for path in cases:
        rel = os.path.relpath(path, CORPUS)
        base = path[: -len(".case")]
        try:
            suffix, data = run_case(path)
        except MalformedCase as e:
            malformed.append(f"{rel}: {e}")
            continue
        counts[suffix] += 1
        other = ".err" if suffix == ".out" else ".out"
        if check:
            try:
                with open(base + suffix, "rb") as f:
                    current = f.read()
            except FileNotFoundError:
                current = None
            if current != data or os.path.exists(base + other):
                stale.append(rel)
            continue
        try:
            with open(base + suffix, "rb") as f:
                unchanged = f.read() == data
        except FileNotFoundError:
            unchanged = False
        if not unchanged:
            with open(base + suffix, "wb") as f:
                f.write(data)
        if os.path.exists(base + other):
            os.remove(base + other)

    for line in malformed:
        print(f"MALFORMED {line}", file=sys.stderr)
    for rel in stale:
        print(f"STALE {rel}", file=sys.stderr)
    print(
        f"cases: {len(cases)}, outputs: {counts['.out']}, errors: {counts['.err']}"
        + (f", malformed: {len(malformed)}" if malformed else "")
        + (f", stale: {len(stale)}" if check else "")
    )
    return 1 if malformed or stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
