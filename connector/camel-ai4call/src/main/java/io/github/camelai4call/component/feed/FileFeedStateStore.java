package io.github.camelai4call.component.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One feed's state in one file, replaced as a whole on every write: the new content goes to a temporary file in the
 * same directory, which is forced to disk, renamed over the state file in one atomic step, and then the directory
 * is forced too. A process killed at any instant leaves either the old file or the new one. The file ends with a
 * line that counts its ids, so that a file cut short by other means is refused instead of read as a smaller state.
 * <p>
 * A write holds a lock on {@code <file>.lock} (for other processes) and an in-JVM lock (for other stores of the
 * same file in this JVM), checks that the file still holds the version the state was read at, and only then
 * replaces it: two nodes sharing the file (on a shared disk, behind a cluster service) cannot overwrite each other's
 * state unseen.
 */
public final class FileFeedStateStore implements FeedStateStore {

    private static final String MAGIC = "ai4call-feed-state 1";
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path temporary;
    private final Path lockFile;

    public FileFeedStateStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    public Path file() {
        return file;
    }

    @Override
    public FeedState load(String key, FeedState current) throws IOException {
        String text = read();
        if (text == null) {
            return current != null && current.version() == 0 ? current : new FeedState(null, Map.of(), 0);
        }
        return parse(key, text, current);
    }

    @Override
    public void save(String key, FeedState state) throws IOException {
        byte[] content = format(key, state, state.version() + 1);
        ReentrantLock inJvm = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        inJvm.lock();
        Files.createDirectories(file.getParent());
        try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lock.lock()) {
            String text = read();
            long found = text == null ? 0 : versionOf(text);
            if (found != state.version()) {
                throw new FeedStateConflictException(key, state.version(), found);
            }
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } finally {
            inJvm.unlock();
        }
        state.written(state.version() + 1);
    }

    private String read() throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The rename is durable only once the directory entry is: force the directory (a no-op where not supported). */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the rename itself is still atomic there
        }
    }

    private static byte[] format(String key, FeedState state, long version) {
        StringBuilder out = new StringBuilder(64 + state.ids().size() * 48);
        out.append(MAGIC).append('\n');
        out.append("key ").append(key).append('\n');
        out.append("version ").append(version).append('\n');
        out.append("watermark ").append(state.watermark() == null ? "-" : state.watermark().toString()).append('\n');
        state.ids().forEach((id, time) -> out.append(URLEncoder.encode(id, StandardCharsets.UTF_8)).append(' ')
                .append(time).append('\n'));
        out.append("end ").append(state.ids().size()).append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private FeedState parse(String key, String text, FeedState current) throws IOException {
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            expect(MAGIC.equals(in.readLine()), "does not start with '" + MAGIC + "'");
            String savedKey = value(in.readLine(), "key");
            if (!key.equals(savedKey)) {
                throw new IllegalStateException("the feed state file " + file + " belongs to another endpoint (key "
                                                + savedKey + ", this endpoint's is " + key + "): give each feed "
                                                + "endpoint its own stateFile");
            }
            long version = Long.parseLong(value(in.readLine(), "version"));
            if (current != null && current.version() == version) {
                return current;
            }
            String mark = value(in.readLine(), "watermark");
            Instant watermark = "-".equals(mark) ? null : Instant.parse(mark);
            Map<String, Instant> ids = new HashMap<>();
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("end ")) {
                int space = line.indexOf(' ');
                expect(space > 0, "has a malformed id line");
                ids.put(URLDecoder.decode(line.substring(0, space), StandardCharsets.UTF_8),
                        Instant.parse(line.substring(space + 1)));
            }
            expect(line != null && Integer.parseInt(line.substring(4)) == ids.size(), "is cut short");
            return new FeedState(watermark, ids, version);
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IOException("the feed state file " + file + " is not readable: " + e, e);
        }
    }

    private long versionOf(String text) throws IOException {
        int start = text.indexOf("\nversion ");
        int end = start < 0 ? -1 : text.indexOf('\n', start + 1);
        if (end < 0) {
            throw new IOException("the feed state file " + file + " has no version line");
        }
        return Long.parseLong(text.substring(start + "\nversion ".length(), end));
    }

    private static String value(String line, String name) throws IOException {
        if (line == null || !line.startsWith(name + " ")) {
            throw new IOException("expected a '" + name + "' line, found " + line);
        }
        return line.substring(name.length() + 1);
    }

    private void expect(boolean condition, String problem) throws IOException {
        if (!condition) {
            throw new IOException("the feed state file " + file + " " + problem);
        }
    }
}
