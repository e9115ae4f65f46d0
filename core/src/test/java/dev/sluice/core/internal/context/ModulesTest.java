package dev.sluice.core.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.Sluice;
import dev.sluice.core.TestingProjects;
import dev.sluice.jinja.Environment;
import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CPython corpus cannot pin down: the clock, error kinds and locations, and modules in a project. */
class ModulesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-04T16:05:06.123456789Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static String render(String template) {
        return Environment.standard().parse("t.sql", template).render(Map.of("modules", PyModules.create(CLOCK)));
    }

    @Test
    void nowTodayAndUtcnowReadTheClockToTheMicrosecond() {
        assertThat(render("{{ modules.datetime.datetime.now(modules.datetime.timezone.utc) }}"))
                .isEqualTo("2024-07-04 16:05:06.123456+00:00");
        assertThat(render("{{ [modules.datetime.datetime.utcnow()] }} {{ modules.datetime.date.today() }}"))
                .isEqualTo("[datetime.datetime(2024, 7, 4, 16, 5, 6, 123456)] 2024-07-04");
        assertThat(render("{{ [modules.datetime.datetime.now(modules.pytz.timezone('America/New_York'))] }}"))
                .isEqualTo("[datetime.datetime(2024, 7, 4, 12, 5, 6, 123456, "
                        + "tzinfo=<DstTzInfo 'America/New_York' EDT-1 day, 20:00:00 DST>)]");
    }

    @Test
    void runStartedAtIsADatetimeTheModulesComputeWith() {
        String out = Environment.standard().parse("t", "{{ run_started_at }}|{{ [run_started_at] }}|"
                + "{{ (run_started_at - modules.datetime.timedelta(days=1)).strftime('%Y-%m-%d') }}|"
                + "{{ run_started_at.astimezone(modules.pytz.timezone('Europe/Paris')) }}|"
                + "{{ modules.datetime.datetime(2024, 7, 5, tzinfo=modules.pytz.utc) - run_started_at }}|"
                + "{{ run_started_at > modules.datetime.datetime(2024, 1, 1, tzinfo=modules.datetime.timezone.utc) }}|"
                + "{{ modules.pytz.timezone('Asia/Tokyo').normalize(run_started_at).hour }}")
                .render(Map.of("modules", PyModules.create(CLOCK), "run_started_at", new DateTimeObject(CLOCK.instant())));
        assertThat(out).isEqualTo("2024-07-04 16:05:06.123456+00:00|"
                + "[datetime.datetime(2024, 7, 4, 16, 5, 6, 123456, tzinfo=datetime.timezone.utc)]|2024-07-03|"
                + "2024-07-04 18:05:06.123456+02:00|7:54:53.876544|True|1");
    }

    @Test
    void errorsAreTemplateErrorsAtTheLineOfTheCall() {
        assertThatThrownBy(() -> render("select 1\n{{ modules.re.compile('(unclosed') }}"))
                .isInstanceOfSatisfying(TemplateRuntimeException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.VALUE);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("'(unclosed'");
                });
        assertThatThrownBy(() -> render("{{ modules.pytz.timezone('Mars/Base') }}"))
                .isInstanceOfSatisfying(TemplateRuntimeException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.KEY);
                    assertThat(e.reason()).startsWith("unknown time zone 'Mars/Base'");
                });
        assertThatThrownBy(() -> render("{{ modules.datetime.datetime(2024, 2, 30) }}"))
                .hasMessageContaining("day is out of range for month");
    }

    @Test
    void pythonRegexDialectTranslates() {
        assertThat(render("{{ modules.re.sub('(?P<first_word>\\\\w+) (?P=first_word)', '\\\\g<first_word>', 'the the end') }}"))
                .isEqualTo("the end");
        assertThat(render("{{ modules.re.findall('[ a]', 'a b', modules.re.X) }}")).isEqualTo("['a', ' ']");
    }

    @Test
    void projectsSeeModulesInEveryTemplate() {
        Path project = TestingProjects.copy("shop", dir);
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString())).load()) {
            assertThat(sluice.compileInline("select '{{ (modules.datetime.date(2024, 1, 31)"
                    + " + modules.datetime.timedelta(days=1)).strftime('%Y%m%d') }}' as d,"
                    + " {{ modules.itertools.product([1], 'ab') | list | length }} as n"))
                    .isEqualTo("select '20240201' as d, 2 as n");
        }
    }
}
