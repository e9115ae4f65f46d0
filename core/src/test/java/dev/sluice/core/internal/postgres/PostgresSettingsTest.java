package dev.sluice.core.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.spi.TargetConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {
    private static TargetConfig target(Map<String, Object> settings) {
        return new TargetConfig("p", "dev", "postgres", settings, Location.of("profiles.yml", 4));
    }

    @Test
    void readsDbtPostgresKeysWithTheirDefaults() {
        PostgresSettings s = PostgresSettings.of(target(Map.of("user", "ana", "dbname", "warehouse", "schema", "s")));
        assertThat(s.url()).isEqualTo("jdbc:postgresql://localhost:5432/warehouse");
        assertThat(s.retries()).isEqualTo(1);
        assertThat(s.connectTimeout()).isEqualTo(10);
        Properties p = s.properties();
        assertThat(p.getProperty("user")).isEqualTo("ana");
        assertThat(p.getProperty("ApplicationName")).isEqualTo("sluice");
        assertThat(p.getProperty("connectTimeout")).isEqualTo("10");
        assertThat(p).doesNotContainKeys("password", "options", "sslmode");
        assertThat(s.endpoint()).isEqualTo("localhost:5432/warehouse");
    }

    @Test
    void passesOptionalSettingsToTheDriver() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", "db.example.com");
        m.put("port", "6543");
        m.put("user", "ana");
        m.put("password", "s3cret");
        m.put("database", "my db");
        m.put("sslmode", "require");
        m.put("search_path", "mrt, public");
        m.put("keepalives_idle", 15);
        m.put("connect_timeout", 3);
        PostgresSettings s = PostgresSettings.of(target(m));
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db.example.com:6543/my%20db");
        Properties p = s.properties();
        assertThat(p.getProperty("password")).isEqualTo("s3cret");
        assertThat(p.getProperty("sslmode")).isEqualTo("require");
        assertThat(p.getProperty("tcpKeepAlive")).isEqualTo("true");
        assertThat(p.getProperty("options")).isEqualTo("-c search_path=mrt,\\ public -c tcp_keepalives_idle=15");
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    @Test
    void needsUserAndDatabase() {
        assertThatThrownBy(() -> PostgresSettings.of(target(Map.of("dbname", "x"))))
                .isInstanceOf(SluiceException.class).hasMessageStartingWith("profiles.yml:4: ").hasMessageContaining("'user'");
        assertThatThrownBy(() -> PostgresSettings.of(target(Map.of("user", "x"))))
                .isInstanceOf(SluiceException.class).hasMessageContaining("'dbname'");
    }

    @Test
    void embeddedTargetsConnectAsPostgresOnLoopback() {
        PostgresSettings s = PostgresSettings.embedded(target(Map.of("embedded", true, "schema", "s")), 54321, "sluice");
        assertThat(s.url()).isEqualTo("jdbc:postgresql://127.0.0.1:54321/sluice");
        assertThat(s.user()).isEqualTo("postgres");
        assertThat(s.endpoint()).isEqualTo("127.0.0.1:54321/sluice (embedded)");
    }
}
