package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long seed reports how far its two passes over the file have got; a small one does not. */
class SeedProgressIT {
    @TempDir
    Path dir;

    @Test
    void aLongSeedReportsItsProgress() {
        Path project = dir.resolve("prog");
        TestingProjects.newProject(project, "prog", TestingDatabase.freshSchema("progress"), "");
        StringBuilder csv = new StringBuilder("id,name,amount\n");
        for (int i = 0; i < 120_000; i++) {
            csv.append(i).append(",customer number ").append(i).append(',').append(i % 1000).append(".25\n");
        }
        TestingProjects.write(project.resolve("seeds/big.csv"), csv.toString());
        TestingProjects.write(project.resolve("seeds/small.csv"), "id\n1\n");
        long size = project.resolve("seeds/big.csv").toFile().length();
        List<SluiceEvent.Progress> seen = new CopyOnWriteArrayList<>();
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString()))
                .listener(e -> {
                    if (e instanceof SluiceEvent.Progress p) {
                        seen.add(p);
                    }
                }).load()) {
            assertThat(sluice.seed(Selection.all()).success()).isTrue();
        }
        assertThat(size).isGreaterThan(1 << 20);
        assertThat(seen).isNotEmpty().allMatch(p -> p.node().name().equals("big") && p.total() == 2 * size
                && p.unit().equals("bytes") && p.done() <= p.total());
        assertThat(seen.size()).isBetween(10, 20); // every 5% of both passes
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).done()).isGreaterThan(seen.get(i - 1).done());
        }
    }
}
