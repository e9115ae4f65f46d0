package dev.sluice.jinja.internal.builtins;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The number filters: abs, int, float, round, filesizeformat. Expected results come from CPython Jinja2 3.1; see {@link TestingBuiltinCases}. */
class NumberFiltersTest {
    private static final String CASES = """
            F ¦ abs ¦ -3 ¦  ¦ d ¦ 3
            F ¦ abs ¦ -2.5 ¦  ¦ d ¦ 2.5
            F ¦ abs ¦ 0 ¦  ¦ d ¦ 0
            F ¦ abs ¦ True ¦  ¦ d ¦ 1
            F ¦ abs ¦ -0.0 ¦  ¦ d ¦ 0.0
            F ¦ abs ¦ -123456789012345678901234567890 ¦  ¦ d ¦ 123456789012345678901234567890
            F ¦ abs ¦ 'a' ¦  ¦ d ¦ !TypeError: bad operand type for abs(): 'str'
            F ¦ abs ¦ None ¦  ¦ d ¦ !TypeError: bad operand type for abs(): 'NoneType'
            F ¦ abs ¦ undefined ¦  ¦ d ¦ !TypeError: bad operand type for abs(): 'Undefined'
            F ¦ abs ¦ undefined ¦  ¦ s ¦ !TypeError: bad operand type for abs(): 'StrictUndefined'
            F ¦ abs ¦ undefined ¦  ¦ c ¦ !TypeError: bad operand type for abs(): 'ChainableUndefined'
            F ¦ abs ¦ -3 ¦ 1 ¦ d ¦ !TypeError: abs() takes exactly one argument (2 given)
            F ¦ abs ¦ 'a' ¦ x=1 ¦ d ¦ !TypeError: abs() takes no keyword arguments
            F ¦ int ¦ '42' ¦  ¦ d ¦ 42
            F ¦ int ¦ 3.9 ¦  ¦ d ¦ 3
            F ¦ int ¦ -3.9 ¦  ¦ d ¦ -3
            F ¦ int ¦ '  7 ' ¦  ¦ d ¦ 7
            F ¦ int ¦ True ¦  ¦ d ¦ 1
            F ¦ int ¦ 'abc' ¦  ¦ d ¦ 0
            F ¦ int ¦ 'abc' ¦ -1 ¦ d ¦ -1
            F ¦ int ¦ None ¦  ¦ d ¦ 0
            F ¦ int ¦ '3.7' ¦  ¦ d ¦ 3
            F ¦ int ¦ '' ¦ default=5 ¦ d ¦ 5
            F ¦ int ¦ '1_000' ¦  ¦ d ¦ 1000
            F ¦ int ¦ '1e3' ¦  ¦ d ¦ 1000
            F ¦ int ¦ 'ff' ¦ base=16 ¦ d ¦ 255
            F ¦ int ¦ '0x1A' ¦ 0, 16 ¦ d ¦ 26
            F ¦ int ¦ '0b101' ¦ 0, 0 ¦ d ¦ 5
            F ¦ int ¦ '777' ¦ base=8 ¦ d ¦ 511
            F ¦ int ¦ '12' ¦ base=2 ¦ d ¦ 12
            F ¦ int ¦ 'inf' ¦  ¦ d ¦ !OverflowError: cannot convert float infinity to integer
            F ¦ int ¦ 'nan' ¦  ¦ d ¦ 0
            F ¦ int ¦ '1_0' ¦ base=0 ¦ d ¦ 10
            F ¦ int ¦ '010' ¦ base=0 ¦ d ¦ 10
            F ¦ int ¦ '000' ¦ base=0 ¦ d ¦ 0
            F ¦ int ¦ '0x10' ¦ base=0 ¦ d ¦ 16
            F ¦ int ¦ '0x10' ¦  ¦ d ¦ 0
            F ¦ int ¦ '0o17' ¦ base=8 ¦ d ¦ 15
            F ¦ int ¦ '12' ¦ base=40 ¦ d ¦ 12
            F ¦ int ¦ 'z' ¦ base=36 ¦ d ¦ 35
            F ¦ int ¦ ' -0b_1 ' ¦ base=2 ¦ d ¦ -1
            F ¦ int ¦ '١٢' ¦  ¦ d ¦ 12
            F ¦ int ¦ '1.5e1' ¦  ¦ d ¦ 15
            F ¦ int ¦ 1.5e300 ¦  ¦ d ¦ 1500000000000000078757140382806630373056702871662238732373781173267703686983362293679557062620671796065556665749325817265413784853040645863467188277180060474272580801389863705606745350692182135089053429852456199917621678558451461320111979114170213741868888183230085264257173504208294580298189100810240
            F ¦ int ¦ '1e400' ¦  ¦ d ¦ !OverflowError: cannot convert float infinity to integer
            F ¦ int ¦ '1__0' ¦  ¦ d ¦ 0
            F ¦ int ¦ '_1' ¦  ¦ d ¦ 0
            F ¦ int ¦ '+5' ¦  ¦ d ¦ 5
            F ¦ int ¦ '- 5' ¦  ¦ d ¦ 0
            F ¦ int ¦ '12345678901234567890123' ¦  ¦ d ¦ 12345678901234567890123
            F ¦ int ¦ markup('3') ¦  ¦ d ¦ 3
            F ¦ int ¦ [1] ¦  ¦ d ¦ 0
            F ¦ int ¦ [1] ¦ 'x' ¦ d ¦ 'x'
            F ¦ int ¦ '5' ¦ base='x' ¦ d ¦ 5
            F ¦ int ¦ undefined ¦  ¦ d ¦ !UndefinedError: 'missing' is undefined
            F ¦ int ¦ 1 ¦ 1, 2, 3 ¦ d ¦ !TypeError: do_int() takes from 1 to 3 positional arguments but 4 were given
            F ¦ float ¦ '3.5' ¦  ¦ d ¦ 3.5
            F ¦ float ¦ 3 ¦  ¦ d ¦ 3.0
            F ¦ float ¦ '1e3' ¦  ¦ d ¦ 1000.0
            F ¦ float ¦ ' 2 ' ¦  ¦ d ¦ 2.0
            F ¦ float ¦ 'abc' ¦  ¦ d ¦ 0.0
            F ¦ float ¦ 'abc' ¦ 1.5 ¦ d ¦ 1.5
            F ¦ float ¦ None ¦  ¦ d ¦ 0.0
            F ¦ float ¦ 'abc' ¦ default='x' ¦ d ¦ 'x'
            F ¦ float ¦ '1e400' ¦  ¦ d ¦ inf
            F ¦ float ¦ 'Infinity' ¦  ¦ d ¦ inf
            F ¦ float ¦ '-iNF' ¦  ¦ d ¦ -inf
            F ¦ float ¦ '-nan' ¦  ¦ d ¦ nan
            F ¦ float ¦ '1_0.5' ¦  ¦ d ¦ 10.5
            F ¦ float ¦ '.5' ¦  ¦ d ¦ 0.5
            F ¦ float ¦ '5.' ¦  ¦ d ¦ 5.0
            F ¦ float ¦ '.' ¦  ¦ d ¦ 0.0
            F ¦ float ¦ '1e' ¦  ¦ d ¦ 0.0
            F ¦ float ¦ '1_e5' ¦  ¦ d ¦ 0.0
            F ¦ float ¦ '0x10' ¦  ¦ d ¦ 0.0
            F ¦ float ¦ '1d' ¦  ¦ d ¦ 0.0
            F ¦ float ¦ '0.1' ¦  ¦ d ¦ 0.1
            F ¦ float ¦ '١.٥' ¦  ¦ d ¦ 1.5
            F ¦ float ¦ 10000000000000000000000000 ¦  ¦ d ¦ 1e+25
            F ¦ float ¦ True ¦  ¦ d ¦ 1.0
            F ¦ float ¦ [] ¦  ¦ d ¦ 0.0
            F ¦ float ¦ undefined ¦  ¦ d ¦ !UndefinedError: 'missing' is undefined
            F ¦ float ¦ 1 ¦ 1, 2 ¦ d ¦ !TypeError: do_float() takes from 1 to 2 positional arguments but 3 were given
            F ¦ round ¦ 2.5 ¦  ¦ d ¦ 2.0
            F ¦ round ¦ 3.5 ¦  ¦ d ¦ 4.0
            F ¦ round ¦ 2.675 ¦ 2 ¦ d ¦ 2.67
            F ¦ round ¦ 42 ¦  ¦ d ¦ 42
            F ¦ round ¦ -2.5 ¦  ¦ d ¦ -2.0
            F ¦ round ¦ 3 ¦ 1 ¦ d ¦ 3
            F ¦ round ¦ 1234.5678 ¦ -2 ¦ d ¦ 1200.0
            F ¦ round ¦ 2.1 ¦ method='ceil' ¦ d ¦ 3.0
            F ¦ round ¦ 2.9 ¦ method='floor' ¦ d ¦ 2.0
            F ¦ round ¦ -2.1 ¦ 0, 'ceil' ¦ d ¦ -2.0
            F ¦ round ¦ 1.234 ¦ 1, 'ceil' ¦ d ¦ 1.3
            F ¦ round ¦ 1.99 ¦ 1, 'floor' ¦ d ¦ 1.9
            F ¦ round ¦ 2.5 ¦ method='up' ¦ d ¦ !FilterArgumentError: method must be common, ceil or floor
            F ¦ round ¦ 2.5 ¦ None ¦ d ¦ 2
            F ¦ round ¦ 15 ¦ -1 ¦ d ¦ 20
            F ¦ round ¦ 25 ¦ -1 ¦ d ¦ 20
            F ¦ round ¦ 25 ¦ -1, 'ceil' ¦ d ¦ 30.0
            F ¦ round ¦ 25 ¦ -1, 'floor' ¦ d ¦ 20.0
            F ¦ round ¦ 2.5 ¦ 1.5 ¦ d ¦ !TypeError: 'float' object cannot be interpreted as an integer
            F ¦ round ¦ True ¦  ¦ d ¦ 1
            F ¦ round ¦ 'a' ¦  ¦ d ¦ !TypeError: type str doesn't define __round__ method
            F ¦ round ¦ None ¦  ¦ d ¦ !TypeError: type NoneType doesn't define __round__ method
            F ¦ round ¦ 'ab' ¦ 2, 'ceil' ¦ d ¦ !TypeError: must be real number, not str
            F ¦ round ¦ 3 ¦ 0, 'ceil' ¦ d ¦ 3.0
            F ¦ round ¦ 3 ¦ 2, 'floor' ¦ d ¦ 3.0
            F ¦ round ¦ 1e300 ¦ 10, 'ceil' ¦ d ¦ !OverflowError: cannot convert float infinity to integer
            F ¦ round ¦ 1.5 ¦ -400 ¦ d ¦ 0.0
            F ¦ round ¦ 12345678901234567890123 ¦ -3 ¦ d ¦ 12345678901234567890000
            F ¦ round ¦ 0.5 ¦  ¦ d ¦ 0.0
            F ¦ round ¦ -0.4 ¦  ¦ d ¦ -0.0
            F ¦ round ¦ 1e16 ¦ 2 ¦ d ¦ 1e+16
            F ¦ round ¦ 0.125 ¦ 2 ¦ d ¦ 0.12
            F ¦ round ¦ 0.375 ¦ 2 ¦ d ¦ 0.38
            F ¦ round ¦ 5e-324 ¦ 400 ¦ d ¦ 5e-324
            F ¦ round ¦ 1.005 ¦ 2, 'ceil' ¦ d ¦ 1.01
            F ¦ round ¦ 2.5 ¦ 1.5, 'ceil' ¦ d ¦ 2.5298221281347035
            F ¦ round ¦ undefined ¦  ¦ d ¦ !TypeError: type Undefined doesn't define __round__ method
            F ¦ filesizeformat ¦ 0 ¦  ¦ d ¦ '0 Bytes'
            F ¦ filesizeformat ¦ 1 ¦  ¦ d ¦ '1 Byte'
            F ¦ filesizeformat ¦ 999 ¦  ¦ d ¦ '999 Bytes'
            F ¦ filesizeformat ¦ 1000 ¦  ¦ d ¦ '1.0 kB'
            F ¦ filesizeformat ¦ 1500000 ¦  ¦ d ¦ '1.5 MB'
            F ¦ filesizeformat ¦ 1000000000000 ¦  ¦ d ¦ '1.0 TB'
            F ¦ filesizeformat ¦ 1023 ¦ True ¦ d ¦ '1023 Bytes'
            F ¦ filesizeformat ¦ 1024 ¦ True ¦ d ¦ '1.0 KiB'
            F ¦ filesizeformat ¦ 1048576 ¦ binary=True ¦ d ¦ '1.0 MiB'
            F ¦ filesizeformat ¦ 3000000000 ¦ True ¦ d ¦ '2.8 GiB'
            F ¦ filesizeformat ¦ '2048' ¦  ¦ d ¦ '2.0 kB'
            F ¦ filesizeformat ¦ 1536.7 ¦ True ¦ d ¦ '1.5 KiB'
            F ¦ filesizeformat ¦ 1000000000000000000000000000000 ¦  ¦ d ¦ '1000000.0 YB'
            F ¦ filesizeformat ¦ -1 ¦  ¦ d ¦ '-1 Bytes'
            F ¦ filesizeformat ¦ -5000 ¦  ¦ d ¦ '-5000 Bytes'
            F ¦ filesizeformat ¦ 'abc' ¦  ¦ d ¦ !ValueError: could not convert string to float: 'abc'
            F ¦ filesizeformat ¦ 1.5 ¦  ¦ d ¦ '1 Bytes'
            F ¦ filesizeformat ¦ 999999 ¦  ¦ d ¦ '1000.0 kB'
            F ¦ filesizeformat ¦ 999950 ¦  ¦ d ¦ '1000.0 kB'
            F ¦ filesizeformat ¦ 1025 ¦  ¦ d ¦ '1.0 kB'
            F ¦ filesizeformat ¦ 1050 ¦  ¦ d ¦ '1.1 kB'
            F ¦ filesizeformat ¦ 1150 ¦  ¦ d ¦ '1.1 kB'
            F ¦ filesizeformat ¦ 1024 ¦ binary=1 ¦ d ¦ '1.0 KiB'
            F ¦ filesizeformat ¦ None ¦  ¦ d ¦ !TypeError: float() argument must be a string or a real number, not 'NoneType'
            F ¦ filesizeformat ¦ undefined ¦  ¦ d ¦ !UndefinedError: 'missing' is undefined
            F ¦ filesizeformat ¦ '1e400' ¦  ¦ d ¦ 'inf YB'
            F ¦ filesizeformat ¦ 'nan' ¦  ¦ d ¦ 'nan YB'
            """;

    static Stream<String> cases() {
        return TestingBuiltinCases.rows(CASES);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesJinja(String row) {
        TestingBuiltinCases.check(row);
    }
}
