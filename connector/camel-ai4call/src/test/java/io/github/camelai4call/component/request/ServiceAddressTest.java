package io.github.camelai4call.component.request;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceAddressTest {

    @Test
    void baseUrlIsSplitIntoHostPathAndHostHeader() {
        ServiceAddress a = ServiceAddress.of("https://client-api.ai4call.com/");
        assertEquals("https", a.host().getSchemeName());
        assertEquals("client-api.ai4call.com", a.hostHeader());
        assertEquals("", a.basePath());
        assertFalse(a.plainHttp());
        assertFalse(a.loopback());

        ServiceAddress local = ServiceAddress.of("http://127.0.0.1:8089/ai4call/");
        assertEquals("/ai4call", local.basePath());
        assertEquals("127.0.0.1:8089", local.hostHeader());
        assertTrue(local.plainHttp());
        assertTrue(local.loopback());
        assertTrue(ServiceAddress.of("http://[::1]:8089").loopback());
        assertTrue(ServiceAddress.of("http://localhost").loopback());
    }

    @Test
    void loopbackIsDecidedByAddressNotByHowTheNameStarts() {
        assertTrue(ServiceAddress.of("http://127.10.20.30:9").loopback());
        assertTrue(ServiceAddress.of("http://[::ffff:127.0.0.1]:9").loopback());
        assertTrue(ServiceAddress.of("http://LOCALHOST:9").loopback());
        // names are not looked up: a name that starts like a loopback address may resolve anywhere
        assertFalse(ServiceAddress.of("http://127.0.0.1.nip.io:9").loopback());
        assertFalse(ServiceAddress.of("http://127.evil.example:9").loopback());
        assertFalse(ServiceAddress.of("http://localhost.example.com:9").loopback());
        assertFalse(ServiceAddress.of("http://128.0.0.1:9").loopback());
        assertFalse(ServiceAddress.of("http://[::2]:9").loopback());
    }

    @Test
    void onlyAbsoluteUrlsWithAHostAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> ServiceAddress.of("client-api.ai4call.com"));
        assertThrows(IllegalArgumentException.class, () -> ServiceAddress.of("/api"));
        assertThrows(IllegalArgumentException.class, () -> ServiceAddress.of("http://exa mple.com"));
    }

    @Test
    void theFactoryParsesEachBaseUrlOnce() {
        RequestFactory factory = new RequestFactory(new BodySchemaValidator());
        assertSame(factory.address("https://a.example.test"), factory.address("https://a.example.test"));
    }
}
