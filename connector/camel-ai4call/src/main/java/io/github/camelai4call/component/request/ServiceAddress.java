package io.github.camelai4call.component.request;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.net.URIAuthority;

/**
 * A base URL split once into the host to connect to and the path that prefixes every operation path, so that no
 * request has to parse a URI. The one place that reads the {@code baseUrl} option: endpoints check it when they
 * initialise and requests reuse it, both through {@link RequestFactory#address(String)}, which parses each base URL
 * once.
 *
 * @param host       scheme, host name and port
 * @param basePath   the base URL's path without a trailing slash ("" for none)
 * @param hostHeader the value of the Host header, formatted once as HttpCore's {@code RequestTargetHost} would for
 *                   each request (with the IPv6 checks of the host name)
 */
public record ServiceAddress(HttpHost host, String basePath, String hostHeader) {

    /**
     * Parses an absolute http(s) base URL; a trailing slash is ignored.
     *
     * @throws IllegalArgumentException when the text is not a URL, or not an absolute one with a host
     */
    public static ServiceAddress of(String baseUrl) {
        URI uri = URI.create(baseUrl);
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("not an absolute URL with a host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
        return new ServiceAddress(host, path, new URIAuthority(host).toString());
    }

    /**
     * Whether the host is this machine: {@code localhost}, or an IP literal that is a loopback address (127.0.0.0/8,
     * ::1). Decided from the text alone, with no DNS look-up: a name such as {@code 127.0.0.1.nip.io} may resolve to
     * anything, at any time, so any other name is not loopback.
     */
    public boolean loopback() {
        String name = host.getHostName();
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.indexOf(':') >= 0) {
            return isIpv6Literal(name) && ipv6Loopback(name);
        }
        return isIpv4Literal(name) && name.startsWith("127.");
    }

    /** An IPv6 literal, parsed by the JDK (never looked up, as it is a literal); IPv4 needs no JDK class loaded. */
    private static boolean ipv6Loopback(String literal) {
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Hex digits and colons, maybe a trailing IPv4 or a zone. */
    private static boolean isIpv6Literal(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ':' && c != '.' && c != '%' && Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Dotted-quad IPv4: four decimal numbers 0-255. */
    private static boolean isIpv4Literal(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !allDigits(part) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether requests would travel unencrypted. */
    public boolean plainHttp() {
        return "http".equalsIgnoreCase(host.getSchemeName());
    }
}
