package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.gatehouse.itests.support.Console;
import org.gatehouse.itests.support.TestPorts;
import org.junit.Before;
import org.junit.Test;

/** The console as an admin reaches it: OpenSSH with the key from etc/keys.properties. */
public class ConsoleIT extends GatehouseTestSupport {

    private Console console;

    @Before
    public void connectWhenSshIsUp() throws Exception {
        console = Console.onPort(port(TestPorts.SSH));
        // The ssh feature may still be starting when the first test runs.
        within(60).until(() -> console.run("echo ready").output().contains("ready"));
    }

    @Test
    public void listenerListShowsBothShippedListenersOnTheirPorts() throws Exception {
        Console.Result result = console.run("gatehouse:listener-list");
        assertEquals(result.output(), 0, result.exitCode());
        assertTrue(result.output(), result.output().contains("public"));
        assertTrue(result.output(), result.output().contains("private"));
        assertTrue(result.output(), result.output().contains("127.0.0.1:" + port(TestPorts.PUBLIC_LISTENER)));
        assertTrue(result.output(), result.output().contains("127.0.0.1:" + port(TestPorts.PRIVATE_LISTENER)));
    }

    @Test
    public void queueListAnswers() throws Exception {
        Console.Result result = console.run("gatehouse:queue-list");
        assertEquals(result.output(), 0, result.exitCode());
        assertTrue(result.output(), !result.output().contains("Command not found"));
    }

    @Test
    public void routeListShowsTheShippedExampleRoute() throws Exception {
        Console.Result result = console.run("gatehouse:route-list");
        assertEquals(result.output(), 0, result.exitCode());
        assertTrue(result.output(), result.output().contains("example.com"));
    }
}
