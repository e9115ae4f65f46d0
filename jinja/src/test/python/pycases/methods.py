import os
import sys, copy
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jv import outcome
from markupsafe import Markup
from jinja2.sandbox import SandboxedEnvironment
env = SandboxedEnvironment()

def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')

def case(recv, method, *args, **kwargs):
    r = copy.deepcopy(recv)
    def run():
        return env.getattr(r, method)(*args, **kwargs)
    out = outcome(run)
    if isinstance(r, (list, dict, set)):
        out += ' | ' + repr(r)
    return '\t'.join([repr(recv), method, repr(tuple(args)), repr(kwargs), esc(out)])

def emit(cases):
    return '\n'.join(cases)

def srepr(v):
    """repr, with sets shown sorted so that hash order does not matter."""
    if isinstance(v, (set, frozenset)):
        return '{' + ', '.join(repr(x) for x in sorted(v)) + '}' if v else 'set()'
    return repr(v)

def scase(recv, method, *args, **kwargs):
    r = copy.deepcopy(recv)
    try:
        res = env.getattr(r, method)(*args, **kwargs)
        out = '=> ' + srepr(res)
    except Exception as e:
        out = '!! %s: %s' % (type(e).__name__, e)
    out += ' | ' + srepr(r)
    return '\t'.join([srepr(recv), method, repr(tuple(args)), repr(kwargs), esc(out)])
