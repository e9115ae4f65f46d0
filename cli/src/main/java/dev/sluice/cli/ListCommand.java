package dev.sluice.cli;

import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.ResourceType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Lists the selected resources, one per line and nothing else on stdout, so it pipes (dbt ls).
 * Messages from loading the project go to stderr.
 */
@Command(name = "ls", aliases = "list", sortOptions = false,
        description = "Lists the selected resources without connecting to the database (dbt ls).")
final class ListCommand extends ProjectCommand {
    /** What dbt ls can list; by default all of them but analyses. */
    static final Set<ResourceType> LISTABLE = EnumSet.complementOf(
            EnumSet.of(ResourceType.MACRO, ResourceType.DOC, ResourceType.OPERATION));

    enum Format { selector, name, path, json }

    @Mixin
    SelectionOptions selection;

    @Option(names = "--resource-type", arity = "1..*", paramLabel = "TYPE", converter = TypeConverter.class,
            description = "Only these types: model, seed, snapshot, source, test, unit_test, analysis, exposure, default or all.")
    List<String> resourceTypes = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "selector",
            description = "selector (default: package.folder.name as --select accepts it), name, path or json.")
    Format format;

    @Override
    public Integer call() {
        List<NodeInfo> nodes;
        try (Session session = open(project.settings(), new Output(err(), root().clock(), root().debug(), false))) {
            nodes = new ArrayList<>(session.list(selection.selection()));
        }
        Set<ResourceType> types = types();
        nodes.removeIf(node -> !types.contains(node.resourceType()));
        nodes.sort(Comparator.comparing(NodeInfo::uniqueId));
        PrintWriter out = out();
        for (NodeInfo node : nodes) {
            out.println(format(node));
        }
        out.flush();
        return ExitCode.OK;
    }

    Set<ResourceType> types() {
        if (resourceTypes.contains("all")) {
            return LISTABLE;
        }
        Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
        for (String type : resourceTypes) {
            if (!type.equals("default")) {
                types.add(ResourceType.valueOf(type.toUpperCase(Locale.ROOT)));
            }
        }
        if (types.isEmpty() || resourceTypes.contains("default")) {
            types.addAll(LISTABLE);
            types.remove(ResourceType.ANALYSIS);
        }
        return types;
    }

    private String format(NodeInfo node) {
        switch (format) {
            case name:
                return node.name();
            case path:
                return String.valueOf(node.originalFilePath());
            case json:
                return NodeJson.of(node);
            default:
                return NodeJson.selector(node);
        }
    }

    static final class TypeConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String type = value.toLowerCase(Locale.ROOT);
            if (type.equals("all") || type.equals("default")) {
                return type;
            }
            for (ResourceType listable : LISTABLE) {
                if (listable.dbtName().equals(type)) {
                    return type;
                }
            }
            throw new TypeConversionException("Cannot list resource type '" + value
                    + "': use model, seed, snapshot, source, test, unit_test, analysis, exposure, default or all");
        }
    }
}
