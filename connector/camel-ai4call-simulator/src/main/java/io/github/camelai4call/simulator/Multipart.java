package io.github.camelai4call.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A streaming multipart/form-data parser: each part's content is handed over as an InputStream that reads
 * straight from the request, so a large file never has to be held in memory.
 */
final class Multipart {

    interface PartHandler {
        void part(Map<String, String> headers, InputStream content) throws IOException;
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern PARAM = Pattern.compile("(?i);\\s*([a-z0-9*_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))");
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private Multipart() {
    }

    static String boundary(String contentType) {
        if (contentType == null) return null;
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) return null;
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** The parameters of a header value, e.g. name and filename of a Content-Disposition. */
    static Map<String, String> params(String headerValue) {
        Map<String, String> out = new LinkedHashMap<>();
        if (headerValue == null) return out;
        Matcher m = PARAM.matcher(headerValue);
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            out.put(m.group(1).toLowerCase(Locale.ROOT), v);
        }
        return out;
    }

    static void parse(InputStream in, String boundary, PartHandler handler) throws IOException {
        Source src = new Source(in, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
        // preamble: everything up to the first delimiter
        PartStream preamble = new PartStream(src);
        preamble.transferToNothing();
        if (!preamble.foundDelimiter) throw new IOException("multipart body without boundary");
        while (true) {
            int a = src.readByte();
            int b = src.readByte();
            if (a == '-' && b == '-') return; // close delimiter
            // transport padding then CRLF
            while (a == ' ' || a == '\t') {
                a = b;
                b = src.readByte();
            }
            if (a != '\r' || b != '\n') throw new IOException("malformed multipart delimiter line");
            Map<String, String> headers = new LinkedHashMap<>();
            int total = 0;
            while (true) {
                String line = src.readLine();
                if (line == null) throw new IOException("unexpected end of multipart headers");
                total += line.length();
                if (total > MAX_HEADER_BYTES) throw new IOException("multipart headers too large");
                if (line.isEmpty()) break;
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            PartStream part = new PartStream(src);
            handler.part(headers, part);
            part.transferToNothing();
            if (!part.foundDelimiter) throw new IOException("multipart body ended before the closing boundary");
        }
    }

    /** The request bytes behind a sliding buffer; a virtual CRLF precedes them so every delimiter is CRLF--boundary. */
    private static final class Source {
        final InputStream in;
        final byte[] delimiter;
        final byte[] buf = new byte[64 * 1024];
        int pos;
        int lim;
        boolean eof;

        Source(InputStream in, byte[] delimiter) {
            this.in = in;
            this.delimiter = delimiter;
            buf[0] = '\r';
            buf[1] = '\n';
            lim = 2;
        }

        /** Reads more bytes; false at end of stream. */
        boolean fill() throws IOException {
            if (eof) return false;
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            if (lim == buf.length) return true;
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
                return false;
            }
            lim += n;
            return true;
        }

        int readByte() throws IOException {
            while (pos >= lim) {
                if (!fill()) return -1;
            }
            return buf[pos++] & 0xFF;
        }

        String readLine() throws IOException {
            while (true) {
                for (int i = pos; i + 1 < lim; i++) {
                    if (buf[i] == '\r' && buf[i + 1] == '\n') {
                        String line = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
                        pos = i + 2;
                        return line;
                    }
                }
                if (lim - pos >= MAX_HEADER_BYTES) throw new IOException("multipart header line too long");
                if (!fill()) return null;
            }
        }

        /** Index of the delimiter in buf[pos, lim), or -1. */
        int indexOfDelimiter() {
            byte first = delimiter[0];
            int last = lim - delimiter.length;
            outer:
            for (int i = pos; i <= last; i++) {
                if (buf[i] != first) continue;
                for (int j = 1; j < delimiter.length; j++) {
                    if (buf[i + j] != delimiter[j]) continue outer;
                }
                return i;
            }
            return -1;
        }
    }

    /** The content of one part: ends (and consumes) at the next delimiter. */
    private static final class PartStream extends InputStream {
        final Source src;
        boolean done;
        boolean foundDelimiter;

        PartStream(Source src) {
            this.src = src;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (len == 0) return 0;
            while (true) {
                int k = src.indexOfDelimiter();
                if (k == src.pos) {
                    src.pos += src.delimiter.length;
                    done = true;
                    foundDelimiter = true;
                    return -1;
                }
                if (k > src.pos) {
                    int n = Math.min(len, k - src.pos);
                    System.arraycopy(src.buf, src.pos, b, off, n);
                    src.pos += n;
                    return n;
                }
                int safe = src.lim - src.pos - (src.delimiter.length - 1);
                if (safe > 0) {
                    int n = Math.min(len, safe);
                    System.arraycopy(src.buf, src.pos, b, off, n);
                    src.pos += n;
                    return n;
                }
                if (!src.fill()) {
                    // end of stream without delimiter: hand over what is left, then stop
                    int n = Math.min(len, src.lim - src.pos);
                    if (n <= 0) {
                        done = true;
                        return -1;
                    }
                    System.arraycopy(src.buf, src.pos, b, off, n);
                    src.pos += n;
                    return n;
                }
            }
        }

        void transferToNothing() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // discard
            }
        }
    }
}
