package dev.sluice.core.internal.artifacts;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.Sluice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an invocation tells the artifacts about itself: the project, the adapter, the invocation id
 * and times, the environment dbt records ({@code DBT_ENV_CUSTOM_ENV_*}), the invocation's
 * arguments, and the secret values that must never be written.
 *
 * <pre>{@code
 * ArtifactMetadata meta = ArtifactMetadata.builder("drugs", "postgres")
 *         .invocationId(run.invocationId()).generatedAt(Instant.now())
 *         .environment(System.getenv()).arg("which", "run").secret(target.string("password", null))
 *         .build();
 * }</pre>
 *
 * @param env what {@code metadata.env} holds: custom environment variables without their prefix
 * @param args what {@code run_results.json} records under {@code args}
 * @param projectRoot the project's absolute directory, which dbt writes as a seed's {@code root_path}; may be null
 * @param quoting the project's effective quoting ({@code database}, {@code schema}, {@code identifier},
 *     {@code column}; a missing key is written as null)
 * @param secrets values masked wherever they appear (only real secrets: a password such as
 *     {@code postgres} would also mask the adapter type and every relation in a database of that name)
 */
public record ArtifactMetadata(String projectName, String adapterType, String dbtVersion, String invocationId,
        Instant generatedAt, Instant invocationStartedAt, Map<String, String> env, Map<String, Object> args,
        String projectRoot, Map<String, Boolean> quoting, Set<String> secrets) {
    /** The prefix of environment variables dbt copies into {@code metadata.env}. */
    public static final String CUSTOM_ENV_PREFIX = "DBT_ENV_CUSTOM_ENV_";
    /** The prefix of environment variables dbt treats as secrets. */
    public static final String SECRET_ENV_PREFIX = "DBT_ENV_SECRET_";

    public ArtifactMetadata {
        requireNonNull(projectName, "projectName is null");
        requireNonNull(dbtVersion, "dbtVersion is null");
        requireNonNull(generatedAt, "generatedAt is null");
        env = Collections.unmodifiableMap(new TreeMap<>(env));
        args = Collections.unmodifiableMap(new TreeMap<>(args));
        quoting = Collections.unmodifiableMap(new LinkedHashMap<>(quoting));
        secrets = Collections.unmodifiableSet(new LinkedHashSet<>(secrets));
    }

    public static Builder builder(String projectName, String adapterType) {
        return new Builder(projectName, adapterType);
    }

    /**
     * The metadata fields every artifact starts with: schema version, dbt version, when, the
     * invocation, and the environment dbt copies.
     */
    Map<String, Object> common(String schemaVersion, Instant startedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dbt_schema_version", schemaVersion);
        m.put("dbt_version", dbtVersion);
        m.put("generated_at", DbtTime.timestamp(generatedAt));
        m.put("invocation_id", invocationId);
        m.put("invocation_started_at", startedAt == null ? null : DbtTime.timestamp(startedAt));
        m.put("env", env);
        return m;
    }

    /** dbt's {@code project_id}: the MD5 of the project name, in hex. */
    public String projectId() {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(projectName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Secrets scrubber() {
        return new Secrets(secrets);
    }

    /** Collects the metadata; only the project name, the adapter type and the times are needed. */
    public static final class Builder {
        private final String projectName;
        private final String adapterType;
        private String dbtVersion = Sluice.DBT_VERSION;
        private String invocationId;
        private Instant generatedAt;
        private Instant invocationStartedAt;
        private final Map<String, String> env = new TreeMap<>();
        private final Map<String, Object> args = new LinkedHashMap<>();
        private String projectRoot;
        private final Map<String, Boolean> quoting = new LinkedHashMap<>();
        private final Set<String> secrets = new LinkedHashSet<>();

        private Builder(String projectName, String adapterType) {
            this.projectName = requireNonNull(projectName, "projectName is null");
            this.adapterType = adapterType;
        }

        public Builder dbtVersion(String version) {
            this.dbtVersion = requireNonNull(version, "version is null");
            return this;
        }

        public Builder invocationId(String id) {
            this.invocationId = id;
            return this;
        }

        public Builder generatedAt(Instant at) {
            this.generatedAt = at;
            return this;
        }

        public Builder invocationStartedAt(Instant at) {
            this.invocationStartedAt = at;
            return this;
        }

        /**
         * Takes from a process environment what dbt would: {@code DBT_ENV_CUSTOM_ENV_*} variables
         * (without the prefix) into {@code env}, except those whose names look like secrets; and the
         * values of {@code DBT_ENV_SECRET_*} variables as secrets.
         */
        public Builder environment(Map<String, String> environment) {
            environment.forEach((name, value) -> {
                if (name.startsWith(CUSTOM_ENV_PREFIX) && !Secrets.isSecretName(name) && value != null) {
                    env.put(name.substring(CUSTOM_ENV_PREFIX.length()), value);
                }
                if (name.startsWith(SECRET_ENV_PREFIX)) {
                    secret(value);
                }
            });
            return this;
        }

        /** One invocation argument for {@code run_results.json}; a password-like name is masked. */
        public Builder arg(String name, Object value) {
            args.put(requireNonNull(name, "name is null"), value);
            return this;
        }

        public Builder args(Map<String, ?> values) {
            values.forEach(this::arg);
            return this;
        }

        public Builder projectRoot(String root) {
            this.projectRoot = root;
            return this;
        }

        /** The quoting in effect, as {@code metadata.quoting} reports it; null leaves a part unsaid. */
        public Builder quoting(Boolean database, Boolean schema, Boolean identifier, Boolean column) {
            quoting.put("database", database);
            quoting.put("schema", schema);
            quoting.put("identifier", identifier);
            quoting.put("column", column);
            return this;
        }

        /** A value never to be written (a target's password); null and blank are ignored. */
        public Builder secret(String value) {
            if (value != null && !value.isBlank()) {
                secrets.add(value);
            }
            return this;
        }

        public ArtifactMetadata build() {
            Instant generated = generatedAt == null ? Instant.now() : generatedAt;
            return new ArtifactMetadata(projectName, adapterType, dbtVersion, invocationId, generated,
                    invocationStartedAt, env, args, projectRoot, quoting, secrets);
        }
    }
}
