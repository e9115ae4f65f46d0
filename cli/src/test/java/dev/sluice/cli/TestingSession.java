package dev.sluice.cli;

import dev.sluice.core.api.DebugReport;
import dev.sluice.core.api.DocsResult;
import dev.sluice.core.api.FreshnessResult;
import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.Preview;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake loaded project: each operation replays {@link #events} to the listener, records what
 * was called with which selection, and returns the canned answer (or throws {@link #failure}).
 */
final class TestingSession implements Session {
    final List<String> calls = new ArrayList<>();
    final List<Selection> selections = new ArrayList<>();
    final List<SluiceEvent> events = new ArrayList<>();
    SluiceListener listener = SluiceListener.NONE;
    RunResult result = TestingRuns.result("run", List.of());
    List<NodeInfo> nodes = List.of();
    DebugReport report;
    DocsResult docs;
    FreshnessResult freshness;
    Path freshnessOutput;
    Path targetDir;
    List<Path> cleaned = List.of();
    String compiled = "select 1";
    RuntimeException failure;
    boolean cancelled;
    boolean closed;

    @Override
    public RunResult seed(Selection selection) {
        return execute("seed", selection);
    }

    @Override
    public RunResult run(Selection selection) {
        return execute("run", selection);
    }

    @Override
    public RunResult build(Selection selection) {
        return execute("build", selection);
    }

    @Override
    public RunResult test(Selection selection) {
        return execute("test", selection);
    }

    @Override
    public RunResult snapshot(Selection selection) {
        return execute("snapshot", selection);
    }

    @Override
    public String scrub(String text) {
        return text.replace("s3cret-pw", "****");
    }

    @Override
    public RunResult retry() {
        return execute("retry", Selection.all());
    }

    @Override
    public RunResult cloneFromState(Selection selection) {
        return execute("clone", selection);
    }

    @Override
    public RunResult compile(Selection selection) {
        return execute("compile", selection);
    }

    @Override
    public String compileInline(String sql) {
        call("compileInline " + sql, null);
        return compiled;
    }

    @Override
    public FreshnessResult sourceFreshness(Selection selection, Path output) {
        call("sourceFreshness", selection);
        freshnessOutput = output;
        return freshness;
    }

    @Override
    public List<Preview> show(Selection selection, int limit) {
        call("show " + selection.select() + " " + limit, null);
        return List.of(new Preview("customers", List.of("id", "name"), List.of(List.of(1L, "alice"), List.of(22L, "bob"))));
    }

    @Override
    public Preview showInline(String sql, int limit) {
        call("showInline " + sql + " " + limit, null);
        return new Preview("inline_query", List.of("n"), List.of(List.of(1L)));
    }

    @Override
    public List<NodeInfo> list(Selection selection) {
        call("list", selection);
        return nodes;
    }

    @Override
    public DocsResult docsGenerate(boolean emptyCatalog) {
        call("docsGenerate " + emptyCatalog, null);
        return docs;
    }

    @Override
    public Object runOperation(String macro, String args) {
        call("runOperation " + macro + " " + args, null);
        return null;
    }

    @Override
    public Path targetDir() {
        call("targetDir", null);
        return targetDir;
    }

    @Override
    public DebugReport debug() {
        call("debug", null);
        return report;
    }

    @Override
    public List<Path> clean() {
        call("clean", null);
        return cleaned;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    private RunResult execute(String command, Selection selection) {
        call(command, selection);
        return result;
    }

    private void call(String command, Selection selection) {
        calls.add(command);
        if (selection != null) {
            selections.add(selection);
        }
        events.forEach(listener::onEvent);
        if (failure != null) {
            throw failure;
        }
    }
}
