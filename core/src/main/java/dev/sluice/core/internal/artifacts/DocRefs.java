package dev.sluice.core.internal.artifacts;

import dev.sluice.core.internal.model.DocBlock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbt's {@code doc_blocks}: the unique ids of the docs blocks a description calls with
 * {@code {{ doc('name') }}} or {@code {{ doc('package', 'name') }}}, resolved against the project's
 * docs the way dbt resolves them (the node's own package first, then the root project, then any).
 * Calls to unknown blocks are left out, as dbt leaves them out.
 */
final class DocRefs {
    private static final Pattern DOC_CALL = Pattern.compile(
            "\\bdoc\\(\\s*(['\"])([^'\"]+)\\1\\s*(?:,\\s*(['\"])([^'\"]+)\\3\\s*)?\\)");

    private final Collection<DocBlock> docs;
    private final String rootProject;

    DocRefs(Collection<DocBlock> docs, String rootProject) {
        this.docs = List.copyOf(docs);
        this.rootProject = rootProject;
    }

    List<String> of(String description, String nodePackage) {
        List<String> ids = new ArrayList<>();
        if (description == null || !description.contains("doc(")) {
            return ids;
        }
        Matcher m = DOC_CALL.matcher(description);
        while (m.find()) {
            String pkg = m.group(4) == null ? null : m.group(2);
            String name = m.group(4) == null ? m.group(2) : m.group(4);
            String id = resolve(pkg, name, nodePackage);
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private String resolve(String pkg, String name, String nodePackage) {
        if (pkg != null) {
            return find(pkg, name);
        }
        String id = find(nodePackage, name);
        if (id == null) {
            id = find(rootProject, name);
        }
        return id != null ? id : find(null, name);
    }

    private String find(String pkg, String name) {
        for (DocBlock d : docs) {
            if (name.equals(d.name()) && (pkg == null || pkg.equals(d.packageName()))) {
                return d.uniqueId();
            }
        }
        return null;
    }
}
