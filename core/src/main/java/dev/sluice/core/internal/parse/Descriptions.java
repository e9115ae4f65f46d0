package dev.sluice.core.internal.parse;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.context.Mode;
import dev.sluice.core.internal.context.NodeContext;
import dev.sluice.core.internal.context.ProjectScope;
import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.DocBlock;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.SourceDef;
import dev.sluice.core.internal.project.TemplateRenderer;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaCallable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders descriptions as dbt does once the docs blocks are known: {@code {{ doc('name') }}} (or
 * {@code doc('package', 'name')}) becomes the block's text, resolved in the node's package first,
 * then the root project, then any package; {@code var}, {@code env_var} and {@code target} work
 * too. An unknown block is an error naming the file.
 */
final class Descriptions {
    private final ProjectScope scope;
    private final Collection<DocBlock> docs;

    Descriptions(ProjectScope scope, Map<String, DocBlock> docs) {
        this.scope = scope;
        this.docs = docs.values();
    }

    Node node(Node n) {
        String where = n.patchPath() != null ? stripPackage(n.patchPath()) : n.originalFilePath();
        String description = render(n.description(), n.packageName(), where);
        Map<String, ColumnDef> columns = columns(n.columns(), n.packageName(), where);
        if (description.equals(n.description()) && columns.equals(n.columns())) {
            return n;
        }
        return new Node(n.uniqueId(), n.resourceType(), n.packageName(), n.name(), n.path(), n.originalFilePath(),
                n.rawCode(), n.language(), n.fqn(), n.checksum(), n.config(), n.configCallDict(), description, columns,
                n.meta(), n.tags(), n.refs(), n.sources(), n.dependsOnNodes(), n.dependsOnMacros(), n.database(),
                n.schema(), n.alias(), n.relationName(), n.patchPath(), n.createdAt(), n.test(), n.constraints(),
                n.versioning());
    }

    SourceDef source(SourceDef s) {
        String description = render(s.description(), s.packageName(), s.originalFilePath());
        String sourceDescription = render(s.sourceDescription(), s.packageName(), s.originalFilePath());
        Map<String, ColumnDef> columns = columns(s.columns(), s.packageName(), s.originalFilePath());
        if (description.equals(s.description()) && sourceDescription.equals(s.sourceDescription())
                && columns.equals(s.columns())) {
            return s;
        }
        return new SourceDef(s.uniqueId(), s.packageName(), s.sourceName(), s.name(), s.path(), s.originalFilePath(),
                s.fqn(), s.database(), s.schema(), s.identifier(), s.loader(), description, sourceDescription, columns,
                s.meta(), s.sourceMeta(), s.tags(), s.config(), s.relationName(), s.line(), s.createdAt(), s.freshness(),
                s.loadedAtField(), s.loadedAtQuery());
    }

    private Map<String, ColumnDef> columns(Map<String, ColumnDef> columns, String pkg, String where) {
        Map<String, ColumnDef> out = new LinkedHashMap<>();
        columns.forEach((k, c) -> {
            String d = render(c.description(), pkg, where);
            out.put(k, d.equals(c.description()) ? c
                    : new ColumnDef(c.name(), d, c.dataType(), c.meta(), c.tags(), c.tests(), c.quote(), c.constraints()));
        });
        return out;
    }

    String render(String text, String pkg, String file) {
        if (text == null || (!text.contains("{{") && !text.contains("{%"))) {
            return text == null ? "" : text;
        }
        NodeContext ctx = new NodeContext(scope, Mode.NAMING, pkg, file, Map.of(), null, null, null);
        Map<String, Object> globals = new HashMap<>(ctx.variables());
        globals.put("doc", (JinjaCallable) (cc, args) -> doc(args, pkg, file));
        return String.valueOf(new TemplateRenderer(scope.runEnv(), globals).render(text, locate(file, text)));
    }

    /** The line of the property file where the description starts (found by its first line), or the file alone. */
    private Location locate(String file, String text) {
        String first = text.strip().lines().findFirst().orElse("");
        try {
            List<String> lines = java.nio.file.Files.readAllLines(scope.project().dir().resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                int at = lines.get(i).indexOf(first);
                if (!first.isEmpty() && at >= 0) {
                    return new Location(file, i + 1, at + 1);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the file alone, then
        }
        return Location.of(file);
    }

    private String doc(Arguments args, String nodePackage, String file) {
        String pkg = args.size() > 1 ? String.valueOf(args.get(0)) : null;
        String name = String.valueOf(args.get(args.size() > 1 ? 1 : 0));
        DocBlock found = null;
        for (DocBlock d : docs) {
            if (!d.name().equals(name) || (pkg != null && !pkg.equals(d.packageName()))) {
                continue;
            }
            if (found == null || rank(d, nodePackage) < rank(found, nodePackage)) {
                found = d;
            }
        }
        if (found == null) {
            throw SluiceException.user("docs.missing", Location.of(file), "Cannot render a description: no docs block"
                    + " named '" + name + "'" + (pkg == null ? "" : " in package '" + pkg + "'")
                    + " exists; define it with {% docs " + name + " %}...{% enddocs %} in a .md file");
        }
        return found.blockContents();
    }

    private int rank(DocBlock d, String nodePackage) {
        if (d.packageName().equals(nodePackage)) {
            return 0;
        }
        return d.packageName().equals(scope.projectName()) ? 1 : 2;
    }

    /** {@code <package>://models/x.yml} as dbt writes patch paths, without the package. */
    private static String stripPackage(String patchPath) {
        int i = patchPath.indexOf("://");
        return i < 0 ? patchPath : patchPath.substring(i + 3);
    }
}
