package io.admin.auth.httpbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readWhenContentLengthThenSkipsExactlyTheBody() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 401 \r\ncontent-length: 0\r\n\r\n");

        assertEquals(new HttpResponseReader.Response(200, false), HttpResponseReader.read(in));
        assertEquals(new HttpResponseReader.Response(401, false), HttpResponseReader.read(in));
        assertEquals(-1, in.read());
    }

    @Test
    void readWhenChunkedWithExtensionAndTrailerThenSkipsToTheNextResponse() throws IOException {
        InputStream in = stream("HTTP/1.1 401 \r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\n{\"a\":\r\n3\r\n1}\n\r\n0\r\nX-Trailer: t\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

        assertEquals(401, HttpResponseReader.read(in).status());
        HttpResponseReader.Response second = HttpResponseReader.read(in);
        assertEquals(200, second.status());
        assertTrue(second.close());
    }

    @Test
    void readWhenNoBodyHeadersThenReadsHeadersOnly() throws IOException {
        HttpResponseReader.Response r = HttpResponseReader.read(stream("HTTP/1.1 204 No Content\r\n\r\n"));

        assertEquals(204, r.status());
        assertFalse(r.close());
    }

    @Test
    void readWhenNotHttpThenFails() {
        assertThrows(IOException.class, () -> HttpResponseReader.read(stream("SSH-2.0-OpenSSH\r\n\r\n")));
    }

    @Test
    void readWhenConnectionClosesInsideBodyThenFails() {
        assertThrows(EOFException.class,
                () -> HttpResponseReader.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")));
    }
}
