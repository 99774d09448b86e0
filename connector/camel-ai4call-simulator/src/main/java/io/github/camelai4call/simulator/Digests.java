package io.github.camelai4call.simulator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the digest of stored RAG documents (the {@code sha256} property of a RagDocument). */
final class Digests {

    private Digests() {
    }

    /** A fresh SHA-256 digest, for content that is streamed. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The hex SHA-256 of content held in memory. */
    static String sha256Hex(byte[] content) {
        return hex(sha256().digest(content));
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
