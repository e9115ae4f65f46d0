import os
import sys, random, math, struct
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from methods import esc
from jv import outcome
rnd = random.Random(99)
vals = [0.0, -0.0, 1.0, 0.1, 0.2, 0.3, 1/3, 2.675, 1e16, 1e15, 9999999999999998.0, 1e17, 1.5e-5, 1e-4, 0.00012, 123456789012345678.0, 5e-324, 2.2250738585072014e-308,
        1.7976931348623157e308, 4.35, 0.5, 1.5, 2.5, -2.5, 1234.5678, float(2**53), 2**53 + 1.0, 1e-7, 12.0, 100.0, 1e100, 1e-100, 3.14159, 0.015, 0.025, 1.005, 2.0000000000000004]
vals += [rnd.uniform(-1000, 1000) for _ in range(60)]
vals += [struct.unpack('<d', struct.pack('<Q', rnd.getrandbits(64)))[0] for _ in range(60)]
vals = [v for v in vals if v == v and not math.isinf(v)]
for v in vals:
    rounds = '|'.join(outcome(lambda n=n: round(v, n)) for n in (0, 1, 2, 3, -1, -2, 15, 400, -400))
    fmts = '|'.join(esc(outcome(lambda f=f: f % v)) for f in ('%.0f', '%.2f', '%.17g', '%.3e', '%r', '%#.3g', '%.1f'))
    print('\t'.join([repr(v), repr(v), rounds, fmts]))
