package io.github.camelai4call.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The one paging-cursor codec: an opaque base64url text of a kind tag and its fields, {@code kind|field|...}.
 * Lists page by offset (kind {@code o}), analytics feeds by the key of the last record returned (kind {@code k}).
 */
final class Cursor {

    private Cursor() {
    }

    static String encode(String kind, Object... fields) {
        StringBuilder sb = new StringBuilder(kind);
        for (Object f : fields) sb.append('|').append(f);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The fields of a cursor of this kind; a 400 naming {@code cursor} when it is not one.
     *
     * @param of what the cursor pages ("list", "feed"), for the error message
     */
    static String[] decode(String cursor, String kind, int fields, String of) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = s.split("\\|", fields + 1);
            if (parts.length != fields + 1 || !parts[0].equals(kind)) throw new IllegalArgumentException();
            String[] out = new String[fields];
            System.arraycopy(parts, 1, out, 0, fields);
            return out;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor is not a cursor of this " + of, "cursor");
        }
    }
}
