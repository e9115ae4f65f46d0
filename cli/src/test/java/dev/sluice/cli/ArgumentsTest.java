package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.Selection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

class ArgumentsTest {
    private final CommandLine commandLine = new CommandLine(new SluiceCommand(new TestingLauncher(), Clock.systemUTC()));

    @SuppressWarnings("unchecked")
    private <T> T parse(String... args) {
        ParseResult result = commandLine.parseArgs(args);
        return (T) result.subcommand().commandSpec().userObject();
    }

    private SluiceCommand root() {
        return commandLine.getCommand();
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed", "run", "build", "compile", "ls", "list", "debug", "clean"})
    void knowsEveryCommandWithTheProjectOptions(String command) {
        ProjectCommand parsed = parse(command, "--project-dir", "projects/drugs", "--profiles-dir", "conf",
                "-t", "prod", "--profile", "drugs_pg", "--vars", "{run_date: 2024-01-31}");

        assertThat(parsed.project.settings()).isEqualTo(new LaunchSettings(Path.of("projects/drugs"), Path.of("conf"),
                "prod", "drugs_pg", "{run_date: 2024-01-31}", null, false, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed", "run", "build", "compile"})
    void takesTheExecutionOptions(String command) {
        NodeCommand parsed = parse(command, "--threads", "4", "--full-refresh", "--fail-fast", "--target", "dev");

        assertThat(parsed.project.settings(parsed.execution))
                .isEqualTo(new LaunchSettings(Path.of("."), null, "dev", null, null, 4, true, true));
    }

    @Test
    void takesTheShortFormsOfTheExecutionOptions() {
        NodeCommand parsed = parse("run", "-f", "-x");

        assertThat(parsed.execution.fullRefresh).isTrue();
        assertThat(parsed.execution.failFast).isTrue();
        assertThat(parsed.execution.threads).isNull();
    }

    @Test
    void defaultsToTheCurrentDirectoryAndEverythingSelected() {
        NodeCommand parsed = parse("build");

        assertThat(parsed.project.settings(parsed.execution))
                .isEqualTo(new LaunchSettings(Path.of("."), null, null, null, null, null, false, false));
        assertThat(parsed.selection.selection()).isEqualTo(Selection.all());
    }

    @Test
    void takesSeveralSelectorsAfterOneSelectAsDbtDoes() {
        NodeCommand parsed = parse("run", "-s", "stg_orders+", "tag:nightly", "--exclude", "a", "b", "--threads", "2");

        assertThat(parsed.selection.selection())
                .isEqualTo(new Selection(List.of("stg_orders+", "tag:nightly"), List.of("a", "b")));
        assertThat(parsed.execution.threads).isEqualTo(2);
    }

    @Test
    void takesSelectorStateAndIndirectSelection() {
        NodeCommand parsed = parse("build", "-s", "state:modified+", "--state", "prod/target", "--selector", "nightly",
                "--indirect-selection", "Cautious");

        assertThat(parsed.selection.selection()).isEqualTo(new Selection(List.of("state:modified+"), List.of(), "nightly",
                java.nio.file.Path.of("prod/target"), Selection.Indirect.CAUTIOUS));
        assertThatThrownBy(() -> parse("build", "--indirect-selection", "lazy"))
                .hasMessageContaining("use eager, cautious, buildable or empty");
    }

    @Test
    void takesDeferStoreFailuresAndEventTimeFlags() {
        NodeCommand parsed = parse("run", "-s", "b", "--defer", "--state", "prod", "--favor-state", "--store-failures",
                "--event-time-start", "2024-01-01", "--event-time-end", "2024-02-01");

        assertThat(parsed.project.settings(parsed.execution, parsed.selection.state).flags()).isEqualTo(
                new LaunchSettings.Flags(true, java.nio.file.Path.of("prod"), true, "2024-01-01", "2024-02-01"));
        NodeCommand own = parse("build", "--defer", "--defer-state", "other", "--state", "prod");
        assertThat(own.project.settings(own.execution, own.selection.state).flags().deferState())
                .isEqualTo(java.nio.file.Path.of("other"));
        NodeCommand lost = parse("run", "--defer");
        assertThatThrownBy(() -> lost.project.settings(lost.execution, lost.selection.state))
                .hasMessageContaining("--defer needs --state DIR");
        assertThat((Object) parse("retry")).isInstanceOf(RetryCommand.class);
        assertThat((Object) parse("clone", "--state", "prod", "-s", "b")).isInstanceOf(CloneCommand.class);
    }

    @Test
    void addsUpRepeatedSelectsAndKeepsQuotedListsWhole() {
        NodeCommand parsed = parse("build", "--select", "a b", "-s", "c", "--models", "d", "-m", "e", "--exclude", "x");

        assertThat(parsed.selection.selection())
                .isEqualTo(new Selection(List.of("a b", "c", "d", "e"), List.of("x")));
    }

    @Test
    void acceptsDebugBeforeOrAfterTheCommand() {
        parse("--debug", "run");
        assertThat(root().debug()).isTrue();

        CommandLine after = new CommandLine(new SluiceCommand(new TestingLauncher(), Clock.systemUTC()));
        after.parseArgs("run", "-d");
        assertThat(((SluiceCommand) after.getCommand()).debug()).isTrue();

        CommandLine none = new CommandLine(new SluiceCommand(new TestingLauncher(), Clock.systemUTC()));
        none.parseArgs("run");
        assertThat(((SluiceCommand) none.getCommand()).debug()).isFalse();
    }

    @Test
    void acceptsTextOrJsonAsTheLogFormatAndALogPath() {
        NodeCommand text = parse("run", "--log-format", "text");
        assertThat(text.logging.json()).isFalse();
        NodeCommand json = parse("--log-format", "json", "seed", "--log-path", "elsewhere");
        assertThat(json.logging.json()).isTrue();
        assertThat(json.logFile()).isEqualTo(java.nio.file.Path.of("elsewhere", "dbt.log"));

        assertThatThrownBy(() -> parse("run", "--log-format", "xml"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Cannot use --log-format xml: use text or json");
    }

    @Test
    void compilesInlineSql() {
        CompileCommand parsed = parse("compile", "--inline", "select * from {{ ref('drugs') }}");

        assertThat(parsed.inline).isEqualTo("select * from {{ ref('drugs') }}");
    }

    @Test
    void listsWithResourceTypesAndAnOutputFormat() {
        ListCommand parsed = parse("ls", "--resource-type", "model", "seed", "-s", "tag:x", "--output", "json");

        assertThat(parsed.types()).containsExactlyInAnyOrder(ResourceType.MODEL, ResourceType.SEED);
        assertThat(parsed.format).isEqualTo(ListCommand.Format.json);
        assertThat(parsed.selection.selection()).isEqualTo(Selection.of("tag:x"));
    }

    @Test
    void listsAllButAnalysesByDefault() {
        ListCommand parsed = parse("list");

        assertThat(parsed.format).isEqualTo(ListCommand.Format.selector);
        assertThat(parsed.types()).contains(ResourceType.MODEL, ResourceType.TEST, ResourceType.SOURCE)
                .doesNotContain(ResourceType.ANALYSIS, ResourceType.MACRO);
        assertThat(((ListCommand) parse("ls", "--resource-type", "all")).types()).contains(ResourceType.ANALYSIS);
        assertThat(((ListCommand) parse("ls", "-o", "name")).format).isEqualTo(ListCommand.Format.name);
        assertThat(((ListCommand) parse("ls", "-o", "path")).format).isEqualTo(ListCommand.Format.path);
    }

    @Test
    void rejectsAnUnknownResourceType() {
        assertThatThrownBy(() -> parse("ls", "--resource-type", "macro"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("Cannot list resource type 'macro'");
    }

    @Test
    void rejectsOptionsACommandDoesNotTake() {
        assertThatThrownBy(() -> parse("debug", "--select", "a")).isInstanceOf(UnmatchedArgumentException.class);
        assertThatThrownBy(() -> parse("clean", "--threads", "2")).isInstanceOf(UnmatchedArgumentException.class);
        assertThatThrownBy(() -> parse("ls", "--full-refresh")).isInstanceOf(UnmatchedArgumentException.class);
        assertThatThrownBy(() -> parse("run", "--inline", "select 1")).isInstanceOf(UnmatchedArgumentException.class);
    }

    @Test
    void rejectsAThreadCountThatIsNotANumber() {
        assertThatThrownBy(() -> parse("run", "--threads", "many")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--threads");
    }

    @Test
    void offersHelpAndVersionOnEveryCommand() {
        assertThat(commandLine.parseArgs("--version").isVersionHelpRequested()).isTrue();
        assertThat(new CommandLine(new SluiceCommand(new TestingLauncher(), Clock.systemUTC()))
                .parseArgs("run", "--help").subcommand().isUsageHelpRequested()).isTrue();
    }
}
