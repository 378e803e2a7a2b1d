package com.classentra.accounts.abuse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Writes small MaxMind DB files for tests, following the public format (https://maxmind.github.io/MaxMind-DB/):
 * an IPv6 binary search tree with 24-bit records (IPv4 networks under ::/96, as in MaxMind's own databases), the
 * 16-byte data section separator, a data section of GeoIP2-style records such as
 * {@code {"country":{"iso_code":"RU","names":{"en":"Russia"}}}}, and the metadata map after
 * {@code "\xAB\xCD\xEFMaxMind.com"}.
 */
final class TestMmdb {

    private static final int RECORD_SIZE = 24;
    private static final byte[] METADATA_MARKER = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'};

    private static final int POINTER = 1;
    private static final int UTF8_STRING = 2;
    private static final int UINT16 = 5;
    private static final int UINT32 = 6;
    private static final int MAP = 7;
    private static final int UINT64 = 9;
    private static final int ARRAY = 11;

    /** A tree node; a child is a Node, a Data (record in the data section) or null (no data). */
    private static final class Node {
        final Object[] children = new Object[2];
    }

    private record Data(int offset) {
    }

    private final Node root = new Node();
    private final ByteArrayOutputStream dataSection = new ByteArrayOutputStream();
    private final Map<String, Data> recordsByCountry = new LinkedHashMap<>();
    private String databaseType = "GeoLite2-Country";

    /** Maps a network in CIDR form ("5.255.192.0/18", "2a02:6b8::/32") to a country's record. */
    TestMmdb network(String cidr, String isoCode) {
        int slash = cidr.indexOf('/');
        byte[] address = InetAddress.ofLiteral(cidr.substring(0, slash)).getAddress();
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        if (address.length == 4) {
            byte[] v6 = new byte[16];
            System.arraycopy(address, 0, v6, 12, 4);
            address = v6;
            prefix += 96;
        }
        Data data = recordsByCountry.computeIfAbsent(isoCode, this::countryRecord);
        insert(address, prefix, data);
        return this;
    }

    TestMmdb databaseType(String type) {
        this.databaseType = type;
        return this;
    }

    Path writeTo(Path file) throws IOException {
        Files.write(file, bytes());
        return file;
    }

    byte[] bytes() {
        List<Node> nodes = new ArrayList<>();
        Map<Node, Integer> numbers = new IdentityHashMap<>();
        Queue<Node> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            Node node = queue.remove();
            numbers.put(node, nodes.size());
            nodes.add(node);
            for (Object child : node.children) {
                if (child instanceof Node next) {
                    queue.add(next);
                }
            }
        }
        int nodeCount = nodes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node node : nodes) {
            for (Object child : node.children) {
                long record = switch (child) {
                    case null -> nodeCount;
                    case Node next -> numbers.get(next);
                    case Data data -> nodeCount + 16L + data.offset();
                    default -> throw new IllegalStateException();
                };
                out.write((int) (record >>> 16) & 0xFF);
                out.write((int) (record >>> 8) & 0xFF);
                out.write((int) record & 0xFF);
            }
        }
        out.writeBytes(new byte[16]);
        out.writeBytes(dataSection.toByteArray());
        out.writeBytes(METADATA_MARKER);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("binary_format_major_version", new Uint16(2));
        metadata.put("binary_format_minor_version", new Uint16(0));
        metadata.put("build_epoch", new Uint64(BigInteger.valueOf(1_767_225_600L)));
        metadata.put("database_type", databaseType);
        metadata.put("description", Map.of("en", "Classentra test database"));
        metadata.put("ip_version", new Uint16(6));
        metadata.put("languages", List.of("en"));
        metadata.put("node_count", new Uint32(nodeCount));
        metadata.put("record_size", new Uint16(RECORD_SIZE));
        encode(metadata, out);
        return out.toByteArray();
    }

    private Data countryRecord(String isoCode) {
        Data data = new Data(dataSection.size());
        encode(Map.of("country", Map.of("iso_code", isoCode, "names", Map.of("en", isoCode + " (test)"))), dataSection);
        return data;
    }

    private void insert(byte[] address, int prefix, Data data) {
        Node node = root;
        for (int i = 0; i < prefix; i++) {
            int bit = (address[i / 8] >>> (7 - i % 8)) & 1;
            if (i == prefix - 1) {
                node.children[bit] = data;
            } else {
                Object child = node.children[bit];
                if (!(child instanceof Node)) {
                    Node split = new Node();
                    split.children[0] = child; // a wider network keeps the rest of its range
                    split.children[1] = child;
                    node.children[bit] = split;
                }
                node = (Node) node.children[bit];
            }
        }
    }

    private record Uint16(int value) {
    }

    private record Uint32(long value) {
    }

    private record Uint64(BigInteger value) {
    }

    private static void encode(Object value, ByteArrayOutputStream out) {
        switch (value) {
            case String text -> {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                control(UTF8_STRING, utf8.length, out);
                out.writeBytes(utf8);
            }
            case Uint16 number -> unsigned(UINT16, BigInteger.valueOf(number.value()), out);
            case Uint32 number -> unsigned(UINT32, BigInteger.valueOf(number.value()), out);
            case Uint64 number -> unsigned(UINT64, number.value(), out);
            case Map<?, ?> map -> {
                control(MAP, map.size(), out);
                map.forEach((key, entry) -> {
                    encode((String) key, out);
                    encode(entry, out);
                });
            }
            case List<?> list -> {
                control(ARRAY, list.size(), out);
                list.forEach(element -> encode(element, out));
            }
            default -> throw new IllegalArgumentException("no MMDB encoding for " + value.getClass());
        }
    }

    /** Big-endian in as few bytes as the value needs (none for zero). */
    private static void unsigned(int type, BigInteger value, ByteArrayOutputStream out) {
        byte[] bytes = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        control(type, bytes.length - skip, out);
        out.write(bytes, skip, bytes.length - skip);
    }

    /** The control byte: type in the top 3 bits (0 and an extra byte for types above 7), then the size. */
    private static void control(int type, int size, ByteArrayOutputStream out) {
        if (type == POINTER) {
            throw new IllegalArgumentException("pointers are not written");
        }
        int sizeBits;
        byte[] sizeBytes;
        if (size < 29) {
            sizeBits = size;
            sizeBytes = new byte[0];
        } else if (size < 29 + 256) {
            sizeBits = 29;
            sizeBytes = new byte[] {(byte) (size - 29)};
        } else if (size < 285 + 65_536) {
            sizeBits = 30;
            sizeBytes = new byte[] {(byte) ((size - 285) >>> 8), (byte) (size - 285)};
        } else {
            sizeBits = 31;
            int rest = size - 65_821;
            sizeBytes = new byte[] {(byte) (rest >>> 16), (byte) (rest >>> 8), (byte) rest};
        }
        if (type <= 7) {
            out.write(type << 5 | sizeBits);
        } else {
            out.write(sizeBits);
            out.write(type - 7);
        }
        out.writeBytes(sizeBytes);
    }
}
