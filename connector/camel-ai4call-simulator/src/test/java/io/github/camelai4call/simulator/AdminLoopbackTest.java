package io.github.camelai4call.simulator;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The admin API answers only loopback callers, also when the simulator listens on every interface. */
class AdminLoopbackTest {

    @Test
    void onlyLoopbackAddressesMayUseTheAdminApi() throws Exception {
        assertTrue(AdminApi.allows(InetAddress.getByName("127.0.0.1")));
        assertTrue(AdminApi.allows(InetAddress.getByName("127.1.2.3")));
        assertTrue(AdminApi.allows(InetAddress.getByName("::1")));
        assertFalse(AdminApi.allows(InetAddress.getByName("203.0.113.10")));
        assertFalse(AdminApi.allows(InetAddress.getByName("2001:db8::1")));
        assertFalse(AdminApi.allows(null));
    }

    @Test
    void aCallerOnAnotherInterfaceGets403FromTheAdminApiButNotFromTheContract() throws Exception {
        InetAddress external = null;
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) continue;
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) external = a;
            }
        }
        assumeTrue(external != null, "no IPv4 address besides loopback on this machine");
        try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().host("0.0.0.0").analyticsRecords(10).build())) {
            TestClient remote = new TestClient("http://" + external.getHostAddress() + ":" + sim.port());
            TestClient local = new TestClient("http://127.0.0.1:" + sim.port());
            for (String path : new String[] {"/__admin/requests", "/__admin/outbound-calls"}) {
                TestClient.Res r = remote.get(path);
                assertEquals(403, r.status(), r.body());
                assertEquals("FORBIDDEN", r.json().get("code").asText());
                assertEquals(200, local.get(path).status());
            }
            assertEquals(403, remote.post("/__admin/reset?all", "{}").status());
            assertEquals(403, remote.call("DELETE", "/__admin/allowed-ips", null).status());
            // the contract's operations answer every interface
            remote.expect(200, "GET", "/api/v1/assistants", null);
        }
    }
}
