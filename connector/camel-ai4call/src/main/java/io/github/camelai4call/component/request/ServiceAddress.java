package io.github.camelai4call.component.request;

import java.net.URI;

import org.apache.hc.core5.http.HttpHost;

/**
 * A base URL split once into the host to connect to and the path that prefixes every operation path, so that no
 * request has to parse a URI.
 *
 * @param host     scheme, host name and port
 * @param basePath the base URL's path without a trailing slash ("" for none)
 */
public record ServiceAddress(HttpHost host, String basePath) {

    /** Parses an absolute http(s) base URL; a trailing slash is ignored. */
    public static ServiceAddress of(String baseUrl) {
        URI uri = URI.create(baseUrl);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new ServiceAddress(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()), path);
    }
}
