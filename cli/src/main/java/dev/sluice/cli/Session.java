package dev.sluice.cli;

import dev.sluice.core.Sluice;
import dev.sluice.core.api.DebugReport;
import dev.sluice.core.api.DocsResult;
import dev.sluice.core.api.FreshnessResult;
import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.Preview;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import java.nio.file.Path;
import java.util.List;

/**
 * The operations of a loaded {@link Sluice} that commands call, one each. An interface so that
 * the commands can be tested with a hand-written fake, without a project or a database.
 */
interface Session extends AutoCloseable {
    RunResult seed(Selection selection);

    RunResult run(Selection selection);

    RunResult build(Selection selection);

    RunResult test(Selection selection);

    RunResult snapshot(Selection selection);

    RunResult compile(Selection selection);

    RunResult retry();

    RunResult cloneFromState(Selection selection);

    String compileInline(String sql);

    /** {@code output} null: target/sources.json. */
    FreshnessResult sourceFreshness(Selection selection, Path output);

    List<Preview> show(Selection selection, int limit);

    Preview showInline(String sql, int limit);

    List<NodeInfo> list(Selection selection);

    DocsResult docsGenerate(boolean emptyCatalog);

    Object runOperation(String macro, String args);

    Path targetDir();

    DebugReport debug();

    List<Path> clean();

    /** {@code text} with secret values (passwords, secret env vars) replaced by ****. */
    String scrub(String text);

    /** Called from the Ctrl-C hook, on another thread than the running command. */
    void cancel();

    @Override
    void close();

    static Session of(Sluice sluice) {
        return new Session() {
            @Override
            public RunResult seed(Selection selection) {
                return sluice.seed(selection);
            }

            @Override
            public RunResult run(Selection selection) {
                return sluice.run(selection);
            }

            @Override
            public RunResult build(Selection selection) {
                return sluice.build(selection);
            }

            @Override
            public String scrub(String text) {
                return sluice.scrub(text);
            }

            @Override
            public RunResult retry() {
                return sluice.retry();
            }

            @Override
            public RunResult cloneFromState(Selection selection) {
                return sluice.cloneFromState(selection);
            }

            @Override
            public RunResult test(Selection selection) {
                return sluice.test(selection);
            }

            @Override
            public RunResult snapshot(Selection selection) {
                return sluice.snapshot(selection);
            }

            @Override
            public RunResult compile(Selection selection) {
                return sluice.compile(selection);
            }

            @Override
            public String compileInline(String sql) {
                return sluice.compileInline(sql);
            }

            @Override
            public FreshnessResult sourceFreshness(Selection selection, Path output) {
                return output == null ? sluice.sourceFreshness(selection) : sluice.sourceFreshness(selection, output);
            }

            @Override
            public List<Preview> show(Selection selection, int limit) {
                return sluice.show(selection, limit);
            }

            @Override
            public Preview showInline(String sql, int limit) {
                return sluice.showInline(sql, limit);
            }

            @Override
            public List<NodeInfo> list(Selection selection) {
                return sluice.list(selection);
            }

            @Override
            public Object runOperation(String macro, String args) {
                return sluice.runOperation(macro, args);
            }

            @Override
            public DocsResult docsGenerate(boolean emptyCatalog) {
                return sluice.docsGenerate(emptyCatalog);
            }

            @Override
            public Path targetDir() {
                return sluice.targetDir();
            }

            @Override
            public DebugReport debug() {
                return sluice.debug();
            }

            @Override
            public List<Path> clean() {
                return sluice.clean();
            }

            @Override
            public void cancel() {
                sluice.cancel();
            }

            @Override
            public void close() {
                sluice.close();
            }
        };
    }
}
