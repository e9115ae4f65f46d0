package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Events as dbt's {@code --log-format json} writes them: one object per line, {@code info} (the
 * event's name and code as dbt names them, level, message, invocation, thread, time) and
 * {@code data} (what the event is about: the node, its status and timing).
 */
final class JsonEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String invocationId;

    JsonEvents(String invocationId) {
        this.invocationId = invocationId;
    }

    /** A line of text output that is no event of its own (headers, summaries). */
    String note(String name, String code, String level, String msg) {
        return line(name, code, level, msg, Map.of());
    }

    String started(SluiceEvent.NodeStarted e, String msg) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("index", e.index());
        data.put("total", e.total());
        data.put("description", e.description());
        data.put("node_info", nodeInfo(e.node(), "started", null));
        return line("LogStartLine", "Q011", "info", msg, data);
    }

    String finished(SluiceEvent.NodeFinished e, String msg) {
        NodeResult r = e.result();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("index", e.index());
        data.put("total", e.total());
        data.put("description", e.description());
        data.put("status", r.status().dbtName());
        data.put("execution_time", r.elapsed().toNanos() / 1e9);
        if (r.rowsAffected() >= 0 && (r.node().resourceType() == ResourceType.TEST
                || r.node().resourceType() == ResourceType.UNIT_TEST)) {
            data.put("num_failures", r.rowsAffected());
        }
        data.put("node_info", nodeInfo(r.node(), r.status().dbtName(), r));
        String[] nameCode = switch (r.node().resourceType()) {
            case TEST, UNIT_TEST -> new String[] {"LogTestResult", "Q007"};
            case SEED -> new String[] {"LogSeedResult", "Q016"};
            case SNAPSHOT -> new String[] {"LogSnapshotResult", "Q015"};
            case SOURCE -> new String[] {"LogFreshnessResult", "Q018"};
            default -> new String[] {"LogModelResult", "Q012"};
        };
        String level = r.status().failed() ? "error" : r.status().name().equals("WARN") ? "warn" : "info";
        return line(nameCode[0], nameCode[1], level, msg, data);
    }

    String message(SluiceEvent.Message m, String msg) {
        String level = m.level().name().toLowerCase(Locale.ROOT);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("msg", m.text());
        if (m.location() != null) {
            data.put("location", m.location().toString());
        }
        return line("Note", "Z050", level, msg, data);
    }

    private static Map<String, Object> nodeInfo(NodeInfo n, String status, NodeResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node_path", n.originalFilePath());
        m.put("node_name", n.name());
        m.put("unique_id", n.uniqueId());
        m.put("resource_type", n.resourceType().dbtName());
        m.put("materialized", n.materialized());
        m.put("node_status", status);
        m.put("node_started_at", r == null || r.startedAt() == null ? "" : r.startedAt().toString());
        m.put("node_finished_at", r == null || r.startedAt() == null ? "" : r.startedAt().plus(r.elapsed()).toString());
        m.put("relation_name", n.relation());
        return m;
    }

    private String line(String name, String code, String level, String msg, Map<String, Object> data) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name);
        info.put("code", code);
        info.put("msg", msg);
        info.put("level", level);
        info.put("invocation_id", invocationId);
        info.put("pid", ProcessHandle.current().pid());
        info.put("thread", Thread.currentThread().getName());
        info.put("ts", Instant.now().toString());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("info", info);
        event.put("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
