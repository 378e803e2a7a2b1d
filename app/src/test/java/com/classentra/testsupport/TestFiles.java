package com.classentra.testsupport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** File contents for upload tests. */
public final class TestFiles {

    /** The smallest PDF that the type sniffer takes for one. */
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** A web page with a script: what a file named ".pdf" may really hold. */
    public static final byte[] HTML = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

    private TestFiles() {
    }

    /** A sender of {@code length} bytes that counts how many were taken from it. */
    public static final class Sender extends InputStream {

        private final long length;
        private long taken;

        public Sender(long length) {
            this.length = length;
        }

        public long taken() {
            return taken;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            int n = (int) Math.min(count, length - taken);
            if (n <= 0) {
                return count == 0 ? 0 : -1;
            }
            Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            taken += n;
            return n;
        }
    }
}
