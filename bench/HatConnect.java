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
 * not the queueing of parallel sessions.
 *
 * With several targets (Gatehouses with different HATs), the connections take turns: round i
 * connects once to each target, from the same address, in an order that rotates per round. So
 * every target meets the same moments of machine noise (GC elsewhere, a busy core, writeback)
 * and the difference between their percentiles is the HAT's, not the moment's. Prints one line
 * of figures per target.
 *
 * Usage: java HatConnect.java connections secondOctet label=port [label=port ...]
 */
public class HatConnect {

    public static void main(String[] args) throws Exception {
        int connections = Integer.parseInt(args[0]);
        int secondOctet = Integer.parseInt(args[1]);
        int targets = args.length - 2;
        String[] labels = new String[targets];
        int[] ports = new int[targets];
        for (int t = 0; t < targets; t++) {
            String[] labelPort = args[t + 2].split("=", 2);
            labels[t] = labelPort[0];
            ports[t] = Integer.parseInt(labelPort[1]);
        }
        double[][] ms = new double[targets][connections];
        int[] refused = new int[targets];
        String[] lastRefusal = new String[targets];
        for (int i = 0; i < connections; i++) {
            String source = "127." + secondOctet + "." + (1 + i / 250) + "." + (1 + i % 250);
            for (int k = 0; k < targets; k++) {
                int t = (i + k) % targets;
                long start = System.nanoTime();
                String banner = greet(source, ports[t]);
                ms[t][i] = (System.nanoTime() - start) / 1e6;
                if (!banner.startsWith("220")) {
                    refused[t]++;
                    lastRefusal[t] = banner;
                }
            }
        }
        for (int t = 0; t < targets; t++) {
            double[] sorted = ms[t];
            Arrays.sort(sorted);
            System.out.printf("%s connections=%d not_220=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f%s%n", labels[t],
                    connections, refused[t], sorted[connections / 2], sorted[(int) Math.ceil(connections * 0.9) - 1],
                    sorted[(int) Math.ceil(connections * 0.99) - 1], sorted[connections - 1],
                    refused[t] > 0 ? " last_reply=\"" + lastRefusal[t] + "\"" : "");
        }
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
