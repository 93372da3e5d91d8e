package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.EventRound;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

/**
 * An append-only log of committed records, each framed as length, CRC32 and payload. Appends only buffer; a writer
 * waits in {@link #awaitDurable} until its record is as safe as the log's {@link Durability} asks. Whoever waits
 * first writes everything buffered so far, so concurrent writers share one {@code write} and, for
 * {@link Durability#DISK}, one {@code force} (group commit). With {@link Durability#PROCESS} the record only has to
 * reach the operating system, and a syncer thread forces the file every second. A writer that must not block asks
 * {@link #whenDurable} instead: for {@link Durability#DISK} the log's flusher thread forces on its behalf and
 * completes the future, one force for everything appended meanwhile. Positions are logical and keep growing across
 * {@link #switchTo rotations}.
 */
public final class WriteAheadLog implements AutoCloseable {
    static final int HEADER = 8;
    /** A buffer grown past this by a burst of large records is dropped after its flush rather than kept. */
    private static final int MAX_KEPT_BUFFER = 1 << 22;
    private static final Duration SYNC_INTERVAL = Duration.ofSeconds(1);

    private final Durability durability;

    private final Object appendLock = new Object();
    private final ReentrantLock flushLock = new ReentrantLock();
    private final Condition flushed = flushLock.newCondition();
    /** Records appended since the last write; swapped with {@link #spare} by the one writer at a time. */
    private RecordBuffer pending = new RecordBuffer();
    private RecordBuffer spare = new RecordBuffer();
    private long appended;
    /** Positions handed to the operating system, and forced to disk; guarded by flushLock. */
    private long written;
    private long durable;
    private boolean flushing;
    /** Set once {@link #close} has forced everything: nothing more can be written. Guarded by flushLock. */
    private boolean closed;
    /** Why the log stopped; written under flushLock, read without it by {@link #refuseIfFailed}. */
    private volatile IOException failure;
    private FileChannel channel;
    /** Files rotated away from whose records are written but maybe not forced, oldest first; guarded by flushLock. */
    private final ArrayDeque<FileChannel> retired = new ArrayDeque<>();
    private long fileBytes;
    /** Futures waiting for a position, oldest first; guarded by flushLock. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private boolean flusherBusy;
    private final ExecutorService flusher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dynamodb-wal-flusher");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledExecutorService syncer;

    private record Waiter(long position, CompletableFuture<Void> durable) {
    }

    /** A log whose records are forced to disk before they count ({@link Durability#DISK}). */
    public WriteAheadLog(Path file) throws IOException {
        this(file, Durability.DISK);
    }

    public WriteAheadLog(Path file, Durability durability) throws IOException {
        this(file, durability, SYNC_INTERVAL);
    }

    WriteAheadLog(Path file, Durability durability, Duration syncInterval) throws IOException {
        this.durability = durability;
        channel = open(file);
        fileBytes = channel.size();
        if (durability == Durability.PROCESS) {
            syncer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dynamodb-wal-sync");
                t.setDaemon(true);
                return t;
            });
            syncer.scheduleWithFixedDelay(this::syncQuietly, syncInterval.toMillis(), syncInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            syncer = null;
        }
    }

    private static FileChannel open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        ch.position(ch.size());
        return ch;
    }

    /** Buffers one record and answers the position {@link #awaitDurable} must reach for it to be on disk. */
    public long append(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        synchronized (appendLock) {
            RecordBuffer out = pending;
            writeInt(out, payload.length);
            writeInt(out, (int) crc.getValue());
            out.write(payload, 0, payload.length);
            appended += HEADER + payload.length;
            return appended;
        }
    }

    private static void writeInt(RecordBuffer out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /** Refuses a new write once the log has failed: what it would change could not be kept. */
    public void refuseIfFailed() {
        IOException failed = failure;
        if (failed != null) {
            throw new LogFailure(failed);
        }
    }

    /** Blocks until every record up to {@code position} is as safe as the log's {@link Durability} asks. */
    public void awaitDurable(long position) {
        await(position, durability == Durability.DISK);
    }

    /**
     * Blocks until every record appended so far is forced to disk, whatever the log's {@link Durability}. The force
     * runs outside the writers' turn: writers keep appending and writing meanwhile.
     */
    public void forceAll() {
        long target = appended();
        await(target, false);
        try {
            forceUpTo(target);
        } catch (IOException e) {
            throw new LogFailure(e);
        }
    }

    private void await(long position, boolean force) {
        flushLock.lock();
        try {
            while ((force ? durable : written) < position) {
                if (failure != null) {
                    throw new LogFailure(failure);
                }
                if (closed) {
                    throw new IllegalStateException("write-ahead log closed");
                }
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                flushLock.unlock();
                long reached = -1;
                IOException failed = null;
                try {
                    reached = writePending();
                    if (force) {
                        forceFiles();
                    }
                } catch (IOException e) {
                    failed = e;
                } finally {
                    flushLock.lock();
                    flushing = false;
                    if (failed != null) {
                        failure = failed;
                    } else if (failure == null) {
                        // another thread's failed force means an earlier file may not be on disk: nothing counts
                        written = Math.max(written, reached);
                        if (force) {
                            durable = Math.max(durable, reached);
                        }
                    }
                    flushed.signalAll();
                }
            }
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * With {@link Durability#PROCESS}, once a second: forces what has been written, outside the writers' turn so
     * none of them waits for the disk.
     */
    private void syncQuietly() {
        long target;
        flushLock.lock();
        try {
            if (failure != null || durable >= written) {
                return;
            }
            target = written;
        } finally {
            flushLock.unlock();
        }
        try {
            forceUpTo(target);
        } catch (IOException e) {
            // kept as the log's failure when it matters (see forceUpTo); the next write reports it
        }
    }

    /** Forces every file; everything written before the call, up to {@code target}, then counts as durable. */
    private void forceUpTo(long target) throws IOException {
        forceFiles();
        flushLock.lock();
        try {
            if (failure == null) {
                durable = Math.max(durable, target);
            }
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Forces the files left by rotations, oldest first, closing each once forced, and then the current one: a record
     * never counts as forced while an earlier one may not be. A failed force stops the log, as a failed write does:
     * the file can no longer be trusted to hold what was written to it. A retired file found closed was forced by
     * another thread, since one is closed only after its force.
     */
    private void forceFiles() throws IOException {
        List<FileChannel> old;
        FileChannel current;
        flushLock.lock();
        try {
            old = retired.isEmpty() ? List.of() : new ArrayList<>(retired);
            current = channel;
        } finally {
            flushLock.unlock();
        }
        for (FileChannel file : old) {
            if (force(file)) {
                boolean mine;
                flushLock.lock();
                try {
                    mine = retired.remove(file);
                } finally {
                    flushLock.unlock();
                }
                if (mine) {
                    file.close();
                }
            }
        }
        force(current);
    }

    /**
     * Forces one file; false when another thread forced and closed it meanwhile (see {@link #forceFiles}). A file
     * found closed any other way (an interrupt closes a channel under every thread using it) was not forced.
     */
    private boolean force(FileChannel file) throws IOException {
        try {
            file.force(false);
            return true;
        } catch (ClosedByInterruptException interrupted) {
            failLog(interrupted);
            throw interrupted;
        } catch (ClosedChannelException closed) {
            flushLock.lock();
            try {
                if (file != channel && !retired.contains(file)) {
                    return false;
                }
            } finally {
                flushLock.unlock();
            }
            failLog(closed);
            throw closed;
        } catch (IOException e) {
            failLog(e);
            throw e;
        }
    }

    private void failLog(IOException e) {
        flushLock.lock();
        try {
            failure = e;
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Completes once every record up to {@code position} is as safe as {@link #awaitDurable} makes it (exceptionally
     * if the log failed). For {@link Durability#DISK} it never blocks the caller; for {@link Durability#PROCESS} it
     * writes at once, or at the end of the calling thread's {@link EventRound} if it runs rounds.
     */
    public CompletableFuture<Void> whenDurable(long position) {
        if (durability == Durability.PROCESS) {
            // one write to the operating system, cheaper done on this thread than handed to another; on an I/O loop,
            // at the end of its round, where the first such write covers every record the round appended
            CompletableFuture<Void> written = new CompletableFuture<>();
            if (!EventRound.defer(() -> completeWhenWritten(position, written))) {
                completeWhenWritten(position, written);
            }
            return written;
        }
        flushLock.lock();
        try {
            if (durable >= position) {
                return CompletableFuture.completedFuture(null);
            }
            if (failure != null) {
                return CompletableFuture.failedFuture(new LogFailure(failure));
            }
            CompletableFuture<Void> future = new CompletableFuture<>();
            waiters.add(new Waiter(position, future));
            if (!flusherBusy) {
                flusherBusy = true;
                try {
                    flusher.execute(this::flushForWaiters);
                } catch (RejectedExecutionException closing) {
                    flusherBusy = false;
                    waiters.removeLast();
                    return CompletableFuture.failedFuture(new IllegalStateException("write-ahead log closed"));
                }
            }
            return future;
        } finally {
            flushLock.unlock();
        }
    }

    private void completeWhenWritten(long position, CompletableFuture<Void> written) {
        try {
            awaitDurable(position);
            written.complete(null);
        } catch (RuntimeException e) {
            written.completeExceptionally(e);
        }
    }

    /** On the flusher thread: forces until no future waits, completing each as its position is reached. */
    private void flushForWaiters() {
        while (true) {
            long target;
            flushLock.lock();
            try {
                if (waiters.isEmpty()) {
                    flusherBusy = false;
                    return;
                }
                target = 0;
                for (Waiter waiter : waiters) {
                    target = Math.max(target, waiter.position());
                }
            } finally {
                flushLock.unlock();
            }
            RuntimeException failed = null;
            try {
                awaitDurable(target);
            } catch (RuntimeException e) {
                failed = e;
            }
            List<Waiter> done = new ArrayList<>();
            flushLock.lock();
            try {
                for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                    Waiter waiter = it.next();
                    if (failed != null || waiter.position() <= durable) {
                        done.add(waiter);
                        it.remove();
                    }
                }
            } finally {
                flushLock.unlock();
            }
            for (Waiter waiter : done) {
                if (failed == null) {
                    waiter.durable().complete(null);
                } else {
                    waiter.durable().completeExceptionally(failed);
                }
            }
        }
    }

    /** Only one thread at a time runs this (the {@code flushing} flag), so one spare buffer is enough. */
    private long writePending() throws IOException {
        RecordBuffer full;
        long end;
        synchronized (appendLock) {
            full = pending;
            pending = spare;
            end = appended;
        }
        ByteBuffer buffer = full.contents();
        int bytes = buffer.remaining();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } finally {
            full.reset();
            spare = full.capacity() > MAX_KEPT_BUFFER ? new RecordBuffer() : full;
        }
        fileBytes += bytes;
        return end;
    }

    /** A byte buffer that is reused from flush to flush rather than copied out and dropped. */
    private static final class RecordBuffer extends ByteArrayOutputStream {
        RecordBuffer() {
            super(1 << 16);
        }

        ByteBuffer contents() {
            return ByteBuffer.wrap(buf, 0, count);
        }

        int capacity() {
            return buf.length;
        }
    }

    /** The position after the last appended record. */
    public long appended() {
        synchronized (appendLock) {
            return appended;
        }
    }

    /**
     * With flushLock held: waits until no writer is in its own write or force. Everything is forced by then, so a
     * writer that finishes now started before; closing the file under it would fail the log.
     */
    private void awaitNoFlush() {
        while (flushing) {
            flushed.awaitUninterruptibly();
        }
    }

    /** The position up to which records are known to be forced to disk. */
    long forced() {
        flushLock.lock();
        try {
            return durable;
        } finally {
            flushLock.unlock();
        }
    }

    /** Bytes written to the current file. */
    public long fileBytes() {
        return fileBytes;
    }

    /**
     * Continues in a new file once every record appended so far is written to the current one. The old file is not
     * forced here, so the caller's turn does not wait for the disk: the next force forces it first. The caller stops
     * appends meanwhile (it holds the engine's write lock).
     */
    public void switchTo(Path file) throws IOException {
        await(appended(), false);
        flushLock.lock();
        try {
            awaitNoFlush();
            FileChannel next = open(file);
            retired.add(channel);
            channel = next;
            fileBytes = channel.size();
        } finally {
            flushLock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            if (syncer != null) {
                // no interrupt: a thread interrupted in force would close the file under the writers
                syncer.shutdown();
                syncer.awaitTermination(30, TimeUnit.SECONDS);
            }
            forceAll();
            flusher.shutdown();
            flusher.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            List<FileChannel> files = new ArrayList<>();
            flushLock.lock();
            try {
                closed = true;
                awaitNoFlush();
                files.addAll(retired);
                retired.clear();
                files.add(channel);
            } finally {
                flushLock.unlock();
            }
            IOException failed = null;
            for (FileChannel file : files) {
                try {
                    file.close();
                } catch (IOException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                throw new UncheckedIOException(failed);
            }
        }
    }
}
