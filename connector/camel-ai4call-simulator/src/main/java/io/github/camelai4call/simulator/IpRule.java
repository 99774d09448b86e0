package io.github.camelai4call.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An exact IPv4/IPv6 address or a CIDR range; parsed without any DNS lookup. */
final class IpRule {

    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]+$");

    private final byte[] address;
    private final int prefix;

    private IpRule(byte[] address, int prefix) {
        this.address = address;
        this.prefix = prefix;
    }

    static IpRule parse(String text) {
        String s = text == null ? "" : text.trim();
        int slash = s.indexOf('/');
        String ip = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literal(ip);
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid prefix length in " + text);
            }
            if (prefix < 0 || prefix > max) throw new IllegalArgumentException("Invalid prefix length in " + text);
        }
        return new IpRule(bytes, prefix);
    }

    private static byte[] literal(String ip) {
        var m = IPV4.matcher(ip);
        if (m.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(m.group(i + 1));
                if (v > 255) throw new IllegalArgumentException("Invalid IPv4 address " + ip);
                b[i] = (byte) v;
            }
            return b;
        }
        if (ip.indexOf(':') >= 0 && IPV6.matcher(ip).matches()) {
            try {
                return InetAddress.getByName(ip).getAddress(); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Invalid IPv6 address " + ip);
            }
        }
        throw new IllegalArgumentException("Not an IP address or CIDR range: " + ip);
    }

    boolean matches(InetAddress remote) {
        byte[] r = remote.getAddress();
        if (r.length != address.length) {
            // IPv4-mapped IPv6 (::ffff:a.b.c.d) against an IPv4 rule
            if (r.length == 16 && address.length == 4 && isMapped(r)) {
                byte[] v4 = new byte[4];
                System.arraycopy(r, 12, v4, 0, 4);
                r = v4;
            } else {
                return false;
            }
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (r[i] != address[i]) return false;
        }
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (r[full] & mask) == (address[full] & mask);
    }

    private static boolean isMapped(byte[] a) {
        for (int i = 0; i < 10; i++) if (a[i] != 0) return false;
        return (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF;
    }
}
