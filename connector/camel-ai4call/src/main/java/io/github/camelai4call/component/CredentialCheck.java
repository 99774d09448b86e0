package io.github.camelai4call.component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.support.Digests;

/**
 * The start-up check of {@code verifyCredentials=true}: the endpoint's email and portalApiKey are sent once to
 * {@code portalLogin}, and credentials that AI4CALL refuses fail the start of the producer, so that a wrong key shows
 * when the route starts instead of at its first business call (a readiness probe then never reports ready).
 * <p>
 * Each account is checked once per component, however many endpoints use it. An endpoint without configured
 * credentials (they come per exchange in headers) has nothing to check. When AI4CALL cannot be reached, the start
 * goes on with a warning: a passing outage should not stop the routes, and the readiness check reports it.
 */
final class CredentialCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialCheck.class);

    /** Base URL, email and a digest of the key of the accounts already checked: no key kept in clear. */
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    /**
     * Checks the endpoint's credentials with one portalLogin request, unless this account was checked before. Like
     * a probe it does not retry: with AI4CALL unreachable, a context of many endpoints would otherwise wait through
     * the retries of each.
     *
     * @throws Ai4callInvalidRequestException when AI4CALL refuses them (HTTP 401 or 403)
     */
    void verify(Ai4callEndpoint endpoint) throws InterruptedException {
        Ai4callConfiguration config = endpoint.getConfiguration();
        String email = config.getEmail();
        String portalApiKey = config.getPortalApiKey();
        String op = endpoint.getOperation().name();
        if (isBlank(email) || isBlank(portalApiKey)) {
            LOG.debug("ai4call:{} verifyCredentials: no email and portalApiKey configured, nothing to check", op);
            return;
        }
        String account = config.getBaseUrl() + '\n' + email + '\n' + Digests.sha256Hex(portalApiKey);
        if (checked.contains(account)) {
            return;
        }
        try {
            endpoint.call(Ai4callOperation.portalLogin, Map.of(), Map.of("email", email, "portalApiKey", portalApiKey),
                    false);
        } catch (Ai4callException refused) {
            if (refused.getStatusCode() == 401 || refused.getStatusCode() == 403) {
                throw new Ai4callInvalidRequestException(op, "portalApiKey", "was refused by AI4CALL for the email "
                        + email + " when the producer started (verifyCredentials): " + refused.getMessage());
            }
            checked.add(account);
            if (refused.getStatusCode() > 0) {
                LOG.warn("ai4call:{} verifyCredentials: portalLogin answered HTTP {}; starting without the check", op,
                        refused.getStatusCode());
            } else {
                LOG.warn("ai4call:{} verifyCredentials: AI4CALL could not be reached ({}); starting without the check",
                        op, refused.getCause() == null ? "no answer" : refused.getCause().getClass().getSimpleName());
            }
            return;
        }
        checked.add(account);
        LOG.info("ai4call:{} verifyCredentials: AI4CALL accepted the portal credentials of {}", op, email);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
