package dev.sluice.core.internal.model;

/** A file checksum as dbt records it: {@code {"name": "sha256", "checksum": "..."}}. */
public record Checksum(String name, String checksum) {
    public static Checksum sha256(String content) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new Checksum("sha256", java.util.HexFormat.of().formatHex(d));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
