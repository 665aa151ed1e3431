import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Connection setup as a sending host sees it: connect, wait for the 220 banner (the HAT has
 * decided by then: reverse DNS, sender groups, DNS lists), QUIT. Each connection comes from its
 * own loopback address (127.B.x.y, all routed to lo on Linux), so every one is a host the HAT
 * has not seen: no cache helps. One connection at a time: the figure is the decision's cost,
 * not the queueing of parallel sessions. Prints one line of figures.
 *
 * Usage: java HatConnect.java port connections secondOctet [label]
 */
public class HatConnect {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        int secondOctet = Integer.parseInt(args[2]);
        String label = args.length > 3 ? args[3] : "hat";
        double[] ms = new double[connections];
        int refused = 0;
        String lastRefusal = "";
        for (int i = 0; i < connections; i++) {
            String source = "127." + secondOctet + "." + (1 + i / 250) + "." + (1 + i % 250);
            long start = System.nanoTime();
            String banner = greet(source, port);
            ms[i] = (System.nanoTime() - start) / 1e6;
            if (!banner.startsWith("220")) {
                refused++;
                lastRefusal = banner;
            }
        }
        Arrays.sort(ms);
        System.out.printf("%s connections=%d not_220=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%s%n", label, connections,
                refused, ms[connections / 2], ms[(int) Math.ceil(connections * 0.99) - 1], ms[connections - 1],
                refused > 0 ? " last_reply=\"" + lastRefusal + "\"" : "");
    }

    private static String greet(String source, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line = in.readLine();
            while (line != null && line.length() > 3 && line.charAt(3) == '-') {
                line = in.readLine();
            }
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return line == null ? "(closed without a banner)" : line;
        }
    }
}
