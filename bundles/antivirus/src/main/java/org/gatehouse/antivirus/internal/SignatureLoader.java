package org.gatehouse.antivirus.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds a {@link SignatureDatabase} from ClamAV-format files: {@code .hdb}, {@code .hsb},
 * {@code .ndb}, the old {@code .db}, {@code .ign2} (names to leave out) and the signed
 * {@code .cvd}/{@code .cld} containers (their signature check is not done: trust comes from who
 * may write the folder). A line that cannot be read fails the whole load, so a broken update
 * never replaces a working database; signatures using engine features this scanner lacks
 * (target-specific offsets such as {@code EP+n}) are counted as skipped.
 */
public final class SignatureLoader {

    static final String BUILTIN = "builtin.ndb";
    private static final List<String> TEXT_TYPES = List.of("hdb", "hsb", "ndb", "db", "ign2");

    private final Clock clock;
    private final List<SignatureDatabase.SourceFile> sources = new ArrayList<>();
    private final List<BodySignature> bodies = new ArrayList<>();
    private final List<String[]> hashes = new ArrayList<>();
    private final Set<String> ignored = new HashSet<>();
    private int skipped;

    public SignatureLoader(Clock clock) {
        this.clock = clock;
    }

    /** Loads the given files and the files of the given folders (with a known extension). */
    public static SignatureDatabase load(List<Path> paths, boolean builtin, Clock clock)
            throws IOException, SignatureFormatException {
        SignatureLoader loader = new SignatureLoader(clock);
        if (builtin) {
            try (InputStream in = SignatureLoader.class.getResourceAsStream(BUILTIN)) {
                if (in == null) {
                    throw new IOException(BUILTIN + " is missing from the bundle");
                }
                loader.read(BUILTIN, in);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            files.addAll(signatureFiles(p));
        }
        // Ignore lists first, so they apply whatever the order of the files.
        files.sort(Comparator.comparing((Path f) -> !extension(f).equals("ign2")).thenComparing(Path::toString));
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                loader.read(f.toString(), in);
            }
        }
        return loader.build();
    }

    /** The signature files at a path: the file itself, or those in the folder with a known extension. */
    static List<Path> signatureFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new IOException("no such signature file or folder: " + path);
            }
            return List.of(path);
        }
        try (Stream<Path> list = Files.list(path)) {
            return list.filter(Files::isRegularFile).filter(f -> known(extension(f))).sorted().toList();
        }
    }

    private static boolean known(String ext) {
        return TEXT_TYPES.contains(ext) || ext.equals("cvd") || ext.equals("cld");
    }

    static String extension(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    void read(String name, InputStream in) throws IOException, SignatureFormatException {
        String ext = extension(Path.of(name));
        if (ext.equals("cvd") || ext.equals("cld")) {
            for (SignedContainer.Member m : SignedContainer.members(in, name)) {
                if (TEXT_TYPES.contains(extension(Path.of(m.name())))) {
                    read(name + "/" + m.name(), new ByteArrayInputStream(m.content()));
                }
            }
            return;
        }
        if (!TEXT_TYPES.contains(ext)) {
            throw new SignatureFormatException(name + ": not a known signature file type (." + ext + ")");
        }
        int before = bodies.size() + hashes.size() + ignored.size();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                readLine(ext, line);
            } catch (RuntimeException e) {
                throw new SignatureFormatException(name + ":" + number + ": " + e.getMessage());
            }
        }
        sources.add(new SignatureDatabase.SourceFile(name, bodies.size() + hashes.size() + ignored.size() - before));
    }

    private void readLine(String ext, String line) {
        switch (ext) {
            case "hdb", "hsb" -> {
                String[] f = line.split(":", -1);
                if (f.length < 3) {
                    throw new IllegalArgumentException("expected hash:size:name");
                }
                hashes.add(new String[] {f[0], f[1], f[2]});
            }
            case "ndb" -> {
                String[] f = line.split(":", -1);
                if (f.length < 4) {
                    throw new IllegalArgumentException("expected name:target:offset:hexsig");
                }
                BodyOffset offset = BodyOffset.parse(f[2]);
                if (offset == null) {
                    skipped++;
                } else {
                    bodies.add(new BodySignature(f[0], offset, HexPatternParser.parse(f[3])));
                }
            }
            case "db" -> {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected name=hexsig");
                }
                bodies.add(new BodySignature(line.substring(0, eq), BodyOffset.ANYWHERE,
                        HexPatternParser.parse(line.substring(eq + 1))));
            }
            default -> ignored.add(line);
        }
    }

    SignatureDatabase build() {
        HashSignatures hashSet = new HashSignatures();
        for (String[] h : hashes) {
            if (!ignored.contains(h[2])) {
                hashSet.add(h[0], h[1], h[2]);
            }
        }
        List<BodySignature> kept = bodies.stream().filter(b -> !ignored.contains(b.name())).toList();
        return new SignatureDatabase(sources, clock.instant(), skipped, hashSet, new BodyMatcher(kept));
    }
}
