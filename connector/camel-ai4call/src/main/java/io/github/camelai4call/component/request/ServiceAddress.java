package io.github.camelai4call.component.request;

import java.net.URI;

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

    /** Whether the host is this machine (localhost, 127.x.x.x or ::1). */
    public boolean loopback() {
        String name = host.getHostName();
        return name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]") || name.equals("::1");
    }

    /** Whether requests would travel unencrypted. */
    public boolean plainHttp() {
        return "http".equalsIgnoreCase(host.getSchemeName());
    }
}
