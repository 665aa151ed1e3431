package org.gatehouse.smtplistener.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP AUTH accounts in a plain file, {@code <user>:pbkdf2-sha256:<iterations>:<salt>:<hash>}
 * a line ({@code #} comments). The file is checked (size and time) at every verification and
 * reread when it changed, so an admin's edit or a copy from another gateway applies at once
 * without a thread watching it. Writes go to a file beside it that is moved in place, readable
 * by the owner only.
 *
 * <p>Chosen over a Karaf JAAS realm: the realm's users are the console's administrators, and mail
 * users must never get a shell; a realm's own file format and backing engine add nothing here.
 */
@Component(configurationPid = "org.gatehouse.smtpauth", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = SmtpUsers.class)
@Designate(ocd = SmtpUsersConfig.class)
public class SmtpUserFile implements SmtpUsers {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpUserFile.class);
    static final String DEFAULT_FILE = "gatehouse-smtp-users";
    private static final int MAX_USER_LENGTH = 256;

    private final Path file;
    private final int iterations;
    /** Verified against when the user is unknown, so that costs as much as a wrong password. */
    private final PasswordHash decoy;
    private Map<String, PasswordHash> users = Map.of();
    private FileTime readTime;
    private long readSize = -1;

    @Activate
    public SmtpUserFile(SmtpUsersConfig config) {
        this(config.users_file() == null || config.users_file().isBlank()
                ? etc().resolve(DEFAULT_FILE) : Path.of(config.users_file().trim()), config.pbkdf2_iterations());
    }

    SmtpUserFile(Path file, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("pbkdf2.iterations must be at least 1, not " + iterations);
        }
        this.file = file;
        this.iterations = iterations;
        this.decoy = PasswordHash.decoy(iterations);
    }

    private static Path etc() {
        String etc = System.getProperty("karaf.etc");
        return Path.of(etc != null ? etc : System.getProperty("java.io.tmpdir"));
    }

    Path file() {
        return file;
    }

    @Override
    public boolean verify(String user, char[] password) {
        PasswordHash hash = current().get(user);
        if (hash == null || password.length == 0) {
            decoy.matches(password.length == 0 ? new char[] {' '} : password);
            return false;
        }
        return hash.matches(password);
    }

    @Override
    public synchronized void put(String user, char[] password) throws IOException {
        checkUser(user);
        if (password.length == 0) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        Map<String, PasswordHash> next = new TreeMap<>(current());
        next.put(user, PasswordHash.of(password, iterations));
        write(next);
    }

    @Override
    public synchronized boolean delete(String user) throws IOException {
        Map<String, PasswordHash> next = new TreeMap<>(current());
        if (next.remove(user) == null) {
            return false;
        }
        write(next);
        return true;
    }

    @Override
    public List<Account> list() {
        List<Account> accounts = new ArrayList<>();
        current().forEach((user, hash) -> accounts.add(new Account(user, PasswordHash.SCHEME, hash.iterations())));
        accounts.sort(Comparator.comparing(Account::user));
        return accounts;
    }

    static void checkUser(String user) {
        if (user == null || user.isEmpty() || user.length() > MAX_USER_LENGTH) {
            throw new IllegalArgumentException("a user name has 1 to " + MAX_USER_LENGTH + " characters");
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c <= ' ' || c == 0x7f || c == ':' || c == '#') {
                throw new IllegalArgumentException("a user name has no spaces, control characters, ':' or '#'");
            }
        }
    }

    /** The accounts as the file has them now: reread when its size or time changed. */
    private synchronized Map<String, PasswordHash> current() {
        FileTime time;
        long size;
        try {
            time = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            users = Map.of();
            readTime = null;
            readSize = -1;
            return users;
        } catch (IOException e) {
            LOG.warn("Cannot read the SMTP users file {}; keeping the accounts read before", file, e);
            return users;
        }
        if (size != readSize || !Objects.equals(time, readTime)) {
            try {
                users = read();
                readTime = time;
                readSize = size;
            } catch (IOException e) {
                LOG.warn("Cannot read the SMTP users file {}; keeping the accounts read before", file, e);
            }
        }
        return users;
    }

    private Map<String, PasswordHash> read() throws IOException {
        Map<String, PasswordHash> read = new TreeMap<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            try {
                if (colon <= 0) {
                    throw new IllegalArgumentException("no user name");
                }
                read.put(trimmed.substring(0, colon), PasswordHash.parse(trimmed.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                // Never the line itself: it holds a hash.
                LOG.warn("SMTP users file {} line {} ignored: {}", file, number, e.getMessage());
            }
        }
        return Map.copyOf(read);
    }

    private void write(Map<String, PasswordHash> accounts) throws IOException {
        StringBuilder text = new StringBuilder("# Gatehouse SMTP AUTH users: <user>:pbkdf2-sha256:<iterations>:<salt>:<hash>\n"
                + "# Edit with gatehouse:smtp-user-add / smtp-user-delete.\n");
        accounts.forEach((user, hash) -> text.append(user).append(':').append(hash).append('\n'));
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, DEFAULT_FILE, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("No POSIX permissions on {}: {}", temporary, e.toString());
            }
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        users = Map.copyOf(accounts);
        readTime = Files.getLastModifiedTime(file);
        readSize = Files.size(file);
    }
}
