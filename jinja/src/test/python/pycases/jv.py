"""The outcome column of the case files: '=> repr(result)' or '!! ExceptionName: message'."""


def outcome(fn):
    try:
        return '=> ' + repr(fn())
    except Exception as e:
        name = type(e).__name__
        # the engine has no kinds for these: UnicodeError is a ValueError, LookupError is reported as one
        name = {'UnicodeEncodeError': 'ValueError', 'UnicodeDecodeError': 'ValueError', 'LookupError': 'ValueError'}.get(name, name)
        return '!! %s: %s' % (name, e)
