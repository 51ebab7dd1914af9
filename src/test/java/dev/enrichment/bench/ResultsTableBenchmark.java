package dev.enrichment.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last in the bench profile (class order by {@link Order}): gathers every {@code scenario-*.json} of the run,
 * ours and those other benchmarks wrote, into {@code target/bench/results.json} and prints the table.
 */
@Order(Integer.MAX_VALUE)
class ResultsTableBenchmark {

    @Test
    void writesResultsJsonAndPrintsTheTable() throws Exception {
        Files.createDirectories(BenchReport.DIR);
        String table = BenchReport.writeResults();
        System.out.println("\n" + table);
        assertThat(BenchReport.DIR.resolve("results.json")).exists();
    }
}
