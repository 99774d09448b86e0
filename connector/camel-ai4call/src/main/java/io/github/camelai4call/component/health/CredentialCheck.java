package io.github.camelai4call.component.health;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.Ai4callConfiguration;
import io.github.camelai4call.component.Ai4callEndpoint;
import io.github.camelai4call.component.Ai4callException;
import io.github.camelai4call.component.Ai4callInvalidRequestException;
import io.github.camelai4call.component.Ai4callOperation;
import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.component.request.PreparedRequest;
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
public final class CredentialCheck {

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
    public void verify(Ai4callEndpoint endpoint) {
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
        Message login = new DefaultMessage(endpoint.getCamelContext());
        login.setBody(Map.of("email", email, "portalApiKey", portalApiKey));
        PreparedRequest request = endpoint.getComponent().getRequestFactory().prepare(Ai4callOperation.portalLogin,
                config, endpoint.getApiParameters(), login);
        HttpCallResult result;
        try {
            result = endpoint.httpClient().execute(Ai4callOperation.portalLogin.method(), request.host(),
                    request.target(), request.headers(), request.entity());
        } catch (IOException e) {
            checked.add(account);
            LOG.warn("ai4call:{} verifyCredentials: AI4CALL could not be reached ({}); starting without the check",
                    op, e.getClass().getSimpleName());
            return;
        }
        if (result.status() == 401 || result.status() == 403) {
            Ai4callException refused = endpoint.getComponent().getResponseMapper().toException(
                    Ai4callOperation.portalLogin, result, 1, request.secrets());
            throw new Ai4callInvalidRequestException(op, "portalApiKey", "was refused by AI4CALL for the email " + email
                    + " when the producer started (verifyCredentials): " + refused.getMessage());
        }
        checked.add(account);
        if (result.successful()) {
            LOG.info("ai4call:{} verifyCredentials: AI4CALL accepted the portal credentials of {}", op, email);
        } else {
            LOG.warn("ai4call:{} verifyCredentials: portalLogin answered HTTP {}; starting without the check", op,
                    result.status());
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
