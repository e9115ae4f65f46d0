package dev.sluice.core.internal.lineage;

import java.util.List;

/**
 * The lineage of every output column of one query, in order. {@code problem} is null when the
 * whole statement was analysed; otherwise it says why not (it could not be parsed, is no SELECT,
 * or its columns cannot all be listed), and {@code columns} holds only those known for certain:
 * none, or the first ones.
 */
public record LineageResult(List<OutputColumn> columns, String problem) {
    public LineageResult {
        columns = List.copyOf(columns);
    }

    static LineageResult failed(String problem) {
        return new LineageResult(List.of(), problem);
    }
}
