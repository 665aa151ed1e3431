package org.gatehouse.antispam.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The message files a path names: the file itself, or every regular file under a folder, sorted. */
final class MailFiles {

    private MailFiles() {
    }

    static List<Path> under(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IOException("no such file or folder: " + path);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path, 8)) {
            walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
        }
        return files;
    }
}
