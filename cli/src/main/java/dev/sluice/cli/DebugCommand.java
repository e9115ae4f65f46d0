package dev.sluice.cli;

import dev.sluice.core.api.DebugReport;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import picocli.CommandLine.Command;

/** Checks the installation, the project, the profile and the connection; exits 1 when a check fails (dbt debug). */
@Command(name = "debug", sortOptions = false,
        description = "Shows versions, where the project and profile are, and tests the connection (dbt debug).")
final class DebugCommand extends ProjectCommand {
    @Override
    public Integer call() {
        Output output = output(false);
        output.header();
        DebugReport report;
        try (Session session = open(project.settings(), output)) {
            report = session.debug();
        }
        output.lines(lines(report));
        return ExitCode.of(report.ok());
    }

    static List<String> lines(DebugReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("sluice version: " + report.sluiceVersion());
        lines.add("dbt version: " + report.dbtVersion() + " (compatible)");
        lines.add("java version: " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vendor") + ")");
        lines.add("os info: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        lines.add(report.profilesFile() == null ? "No profiles.yml found: the target is an embedded PostgreSQL"
                : "Using profiles.yml file at " + report.profilesFile());
        lines.add("Using dbt_project.yml file at " + report.projectDir() + "/dbt_project.yml");
        lines.add("project: " + report.projectName());
        lines.add("profile: " + report.profile() + ", target: " + report.target());
        lines.add("adapter type: " + report.adapterType());
        lines.add("Connection:");
        // sorted: the report's map has no order of its own
        new TreeMap<>(report.settings()).forEach((key, value) -> lines.add("  " + key + ": " + value));
        lines.add("  Connection test: " + (report.connected() ? "[OK connection ok]" : "[ERROR]"));
        lines.add("");
        List<String> failed = new ArrayList<>(report.problems());
        if (!report.connected()) {
            failed.add("Cannot connect to the database: " + report.connection());
        }
        if (failed.isEmpty()) {
            lines.add("All checks passed!");
        } else {
            lines.add(failed.size() + (failed.size() == 1 ? " check failed:" : " checks failed:"));
            failed.forEach(problem -> lines.add("  " + problem));
        }
        return lines;
    }
}
