package dev.sluice.cli;

import static dev.sluice.cli.TestingRuns.MENTIONS;
import static dev.sluice.cli.TestingRuns.RSV_DRUGS;
import static dev.sluice.cli.TestingRuns.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeLinesTest {
    private static String finished(NodeResult result, String description) {
        return NodeLines.finished(new SluiceEvent.NodeFinished(3, 12, result, description));
    }

    @Test
    void padsWithDotsToEightyColumnsThenTheStatus() {
        String line = NodeLines.fancy(1, 7, "START sql table model rsv.rsv__drugs", "RUN");

        assertThat(line).startsWith("1 of 7 START sql table model rsv.rsv__drugs ...").endsWith("... [RUN]");
        assertThat(line.indexOf(" [RUN]")).isEqualTo(NodeLines.WIDTH);
    }

    @Test
    void doesNotCutALongMessage() {
        String name = "x".repeat(90);

        assertThat(NodeLines.fancy(1, 1, "START " + name, "RUN")).isEqualTo("1 of 1 START " + name + "  [RUN]");
    }

    @Test
    void showsTheEnginesMessageAndTimeForAModelThatWasBuilt() {
        assertThat(finished(result(RSV_DRUGS, NodeStatus.SUCCESS, "CREATE VIEW", 1234, -1, null), "sql view model rsv.v"))
                .startsWith("3 of 12 OK created sql view model rsv.v ...")
                .endsWith(" [CREATE VIEW in 1.23s]");
    }

    @Test
    void describesANodeItselfWhenTheEngineGaveNoDescription() {
        assertThat(NodeLines.started(new SluiceEvent.NodeStarted(1, 2, RSV_DRUGS, null)))
                .startsWith("1 of 2 START model rsv.rsv__drugs ..");
    }

    @Test
    void reportsARuntimeErrorAsAnError() {
        SluiceException error = SluiceException.user("compile.ref", null, "Cannot compile");
        assertThat(finished(result(RSV_DRUGS, NodeStatus.RUNTIME_ERROR, "Cannot compile", 50, -1, error),
                "sql table model rsv.rsv__drugs"))
                .startsWith("3 of 12 ERROR creating sql table model rsv.rsv__drugs ..")
                .endsWith(" [ERROR in 0.05s]");
    }

    @Test
    void skipsARelationOrATestByName() {
        assertThat(finished(result(MENTIONS, NodeStatus.SKIPPED, "SKIP", 0, -1, null), "sql table model core.mentions"))
                .startsWith("3 of 12 SKIP relation core.mentions ..").endsWith(". [SKIP]");
        assertThat(finished(result(TestingRuns.NOT_NULL, NodeStatus.SKIPPED, "SKIP", 0, -1, null), "test x"))
                .startsWith("3 of 12 SKIP test not_null_rsv__drugs_id ..").endsWith(". [SKIP]");
    }

    @Test
    void saysWhenASkipIsBecauseOfAnEphemeralModelsError() {
        SluiceException error = SluiceException.user("compile", null, "Cannot compile ephemeral model base");
        assertThat(finished(result(MENTIONS, NodeStatus.SKIPPED, "SKIP", 0, -1, error), "sql table model core.mentions"))
                .startsWith("3 of 12 SKIP relation core.mentions due to ephemeral model error ..")
                .endsWith(". [ERROR SKIP]");
    }

    @Test
    void printsTestOutcomesWithTheirFailureCounts() {
        NodeInfo test = TestingRuns.UNIQUE;
        assertThat(finished(result(test, NodeStatus.WARN, "Got 2 results", 10, 2, null), "test"))
                .startsWith("3 of 12 WARN 2 unique_rsv__drugs_id ..").endsWith(". [WARN 2 in 0.01s]");
        assertThat(finished(result(test, NodeStatus.ERROR, "relation does not exist", 10, -1, null), "test"))
                .startsWith("3 of 12 ERROR unique_rsv__drugs_id ..").endsWith(". [ERROR in 0.01s]");
        assertThat(finished(result(test, NodeStatus.FAIL, "failed", 10, -1, null), "test"))
                .startsWith("3 of 12 FAIL unique_rsv__drugs_id ..").endsWith(". [FAIL in 0.01s]");
    }

    @Test
    void usesTheSnapshotWording() {
        NodeInfo snapshot = TestingRuns.node("snapshot.drugs.orders_snapshot", "orders_snapshot",
                ResourceType.SNAPSHOT, "snapshots/orders.sql", "snapshot", "snapshots.orders_snapshot");
        assertThat(finished(result(snapshot, NodeStatus.SUCCESS, "INSERT 0 3", 10, 3, null),
                "snapshot snapshots.orders_snapshot"))
                .startsWith("3 of 12 OK snapshotted snapshots.orders_snapshot ..");
    }

    @Test
    void formatsSecondsWithTwoDecimals() {
        assertThat(NodeLines.seconds(Duration.ofMillis(5))).isEqualTo("0.01s");
        assertThat(NodeLines.seconds(Duration.ofSeconds(75))).isEqualTo("75.00s");
    }
}
