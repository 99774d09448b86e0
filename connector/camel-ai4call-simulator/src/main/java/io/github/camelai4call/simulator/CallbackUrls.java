package io.github.camelai4call.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The URLs a customer gives the platform to call (webhookUrl, redirectUrl, serverUrl): absolute http or https. */
final class CallbackUrls {

    private CallbackUrls() {
    }

    /** The URL, or a 422 naming the field when it is not an absolute http(s) URL with a host. */
    static String require(String url, String field) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) return url;
        } catch (URISyntaxException e) {
            // refused below
        }
        throw ApiException.unprocessable(field + " must be an absolute http or https URL", field);
    }
}
