package org.tl4j.experiments.run;

import org.tl4j.core.eval.RequestException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * An output folder that one command owns while it runs. {@link #lock} checks the location before any work (a file,
 * a folder that cannot be created or written — e.g. under {@code /proc} — is a usage error naming the option),
 * creates the folder and takes an exclusive lock, so two processes given the same folder cannot both proceed.
 * <p>
 * The lock is an operating-system lock ({@link FileChannel#tryLock()}) on the file {@value #LOCK_FILE} in the
 * folder; the file records the holder's process id, start time and command. The operating system releases the lock
 * when the process ends, however it ends, so a lock file left behind by a killed process is never stale: the next
 * command takes it over. The file itself stays (deleting it while another process waits on it would let two
 * processes lock two different files); commands ignore it when they look at what a folder holds. On a file system
 * without locks (some network mounts) locking fails with a message saying so.
 * <p>
 * A start that fails after {@link #lock} calls {@link #abandon()}: the lock is released and, when this command
 * created the folder and wrote nothing else into it, the folder is removed, so the corrected command can run.
 */
public final class OutputFolder implements AutoCloseable {

    /** The lock file's name. */
    public static final String LOCK_FILE = ".tl.lock";

    private final Path dir;
    private final String option;
    private final boolean created;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputFolder(Path dir, String option, boolean created, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.option = option;
        this.created = created;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Checks {@code dir}, creates it if needed and locks it for this process.
     *
     * @param dir     the folder
     * @param option  the option that named it, for messages (e.g. {@code --out})
     * @param command what this process runs, recorded in the lock file
     * @throws RequestException if {@code dir} is a file, cannot be created or written, or another process holds it
     */
    public static OutputFolder lock(Path dir, String option, String command) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new RequestException("Invalid value for " + option + ": " + abs + " is a file, not a folder: "
                    + "choose a folder (it is created if missing)");
        }
        boolean created = !Files.exists(abs);
        try {
            Files.createDirectories(abs);
        } catch (IOException | SecurityException e) {
            throw new RequestException("Invalid value for " + option + ": cannot create the folder " + abs + " ("
                    + reason(e) + "): choose a location you can write to");
        }
        Path lockFile = abs.resolve(LOCK_FILE);
        FileChannel ch;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            removeIfCreated(abs, created);
            throw new RequestException("Invalid value for " + option + ": cannot write in " + abs + " (" + reason(e)
                    + "): choose a location you can write to");
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        } catch (IOException e) {
            close(ch);
            removeIfCreated(abs, created);
            throw new RequestException("Invalid value for " + option + ": cannot lock " + lockFile + " (" + reason(e)
                    + "); this file system may not support locks: choose a local folder");
        }
        if (l == null) {
            close(ch);
            String holder;
            try {
                holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                holder = "";
            }
            throw new RequestException("Invalid value for " + option + ": " + abs + " is in use by another tl process"
                    + (holder.isEmpty() ? "" : " (" + holder.replace('\n', ' ') + ")")
                    + ": wait for it to finish, or choose another " + option);
        }
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started "
                    + OffsetDateTime.now() + ": " + command + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
        } catch (IOException e) {
            release(l, ch);
            removeIfCreated(abs, created);
            throw new RequestException("Invalid value for " + option + ": cannot write in " + abs + " (" + reason(e)
                    + "): choose a location with free space you can write to");
        }
        return new OutputFolder(abs, option, created, ch, l);
    }

    /** The folder (absolute). */
    public Path dir() {
        return dir;
    }

    /** The option that named the folder. */
    public String option() {
        return option;
    }

    /** Whether this command created the folder. */
    public boolean created() {
        return created;
    }

    /** The names of what the folder holds, sorted, without the lock file. */
    public List<String> contents() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.equals(LOCK_FILE)) {
                    names.add(n);
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    /** Deletes those of {@code names} the folder holds (the outputs of an earlier run, for {@code --overwrite}). */
    public void delete(Collection<String> names) throws IOException {
        for (String n : names) {
            Files.deleteIfExists(dir.resolve(n));
        }
    }

    /**
     * Gives the folder up after a failed start: releases the lock and, if this command created the folder and it
     * holds nothing else, removes it.
     */
    public void abandon() {
        boolean empty;
        try {
            empty = contents().isEmpty();
        } catch (IOException e) {
            empty = false;
        }
        if (created && empty) {
            try {
                Files.deleteIfExists(dir.resolve(LOCK_FILE));
            } catch (IOException ignored) {
                // the folder then stays; its lock file does not block a later run
            }
        }
        release(lock, channel);
        if (created && empty) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // as above
            }
        }
    }

    /** Releases the lock; the lock file stays (see the class comment). */
    @Override
    public void close() {
        release(lock, channel);
    }

    private static void release(FileLock l, FileChannel ch) {
        try {
            if (l.isValid()) {
                l.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        close(ch);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was written through it that could be lost
        }
    }

    private static void removeIfCreated(Path dir, boolean created) {
        if (created) {
            try {
                Files.deleteIfExists(dir.resolve(LOCK_FILE));
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // best effort: an empty folder does not block a later run
            }
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
