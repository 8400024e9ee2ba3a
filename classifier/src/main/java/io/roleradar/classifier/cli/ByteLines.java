package io.roleradar.classifier.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * The lines of an input as bytes, not yet decoded: a line that is not valid UTF-8 can then be
 * rejected alone, with its number and its bytes kept as they were, instead of failing the whole
 * input (a strict reader) or being silently changed (a lenient one). The first bytes can be looked
 * at before any line is read, to tell what kind of input it is.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean ended;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /**
     * Up to {@code max} bytes from the start of the input, without consuming them; call it before
     * the first {@link #next()}.
     */
    byte[] head(int max) throws IOException {
        while (limit - position < max && !ended) {
            fill();
        }
        return Arrays.copyOfRange(buffer, position, position + Math.min(max, limit - position));
    }

    /** The next line without its line end ({@code \n} or {@code \r\n}), or null after the last. */
    byte[] next() throws IOException {
        int scanned = position;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    byte[] line = line(position, i);
                    position = i + 1;
                    return line;
                }
            }
            if (ended) {
                if (position == limit) {
                    return null;
                }
                byte[] line = line(position, limit);
                position = limit;
                return line;
            }
            int scannedAhead = limit - position;
            fill();
            scanned = position + scannedAhead;
        }
    }

    /** What has not been read yet, as one stream: the bytes looked at by {@link #head} and the rest. */
    InputStream rest() {
        return new SequenceInputStream(new ByteArrayInputStream(buffer, position, limit - position), in);
    }

    private byte[] line(int from, int to) {
        int end = to > from && buffer[to - 1] == '\r' ? to - 1 : to;
        return Arrays.copyOfRange(buffer, from, end);
    }

    /** Reads more, first moving what is unread to the front (and growing the buffer for a long line). */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            ended = true;
        } else {
            limit += n;
        }
    }
}
