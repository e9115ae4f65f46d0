package dev.sluice.core.spi;

/**
 * Creates adapters for one database type; found with {@link java.util.ServiceLoader} (list the
 * class in {@code META-INF/services/dev.sluice.core.spi.AdapterFactory}).
 *
 * <pre>{@code
 * public final class PostgresAdapterFactory implements AdapterFactory {
 *     public String type() { return "postgres"; }
 *     public Adapter create(TargetConfig target, AdapterContext context) { return new PostgresAdapter(target, context); }
 * }
 * }</pre>
 */
public interface AdapterFactory {
    /** The {@code type:} of a profiles.yml target this factory serves. */
    String type();

    /** Connects to the target; fails with a {@link dev.sluice.core.api.SluiceException} naming the target. */
    Adapter create(TargetConfig target, AdapterContext context);

    /** The dialect, available without connecting (compiling and listing need no connection). */
    default Dialect dialect() {
        return new Dialect();
    }
}
