package com.classentra.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether a host is a server on the public internet. Provider settings name servers that receive credentials
 * and personal data; one on this machine, its networks or a cloud's metadata service would let whoever edits the
 * settings make this server talk to what only it can reach.
 */
public final class PublicAddresses {

    /** Looks up a host's addresses; tests pass their own instead of DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = InetAddress::getAllByName;

    /** What kind of network an address belongs to; everything but PUBLIC is refused. */
    public enum Scope {
        PUBLIC("a public address"),
        UNSPECIFIED("an unspecified address"),
        LOOPBACK("on this machine"),
        LINK_LOCAL("a link-local address"),
        PRIVATE("a private network address"),
        CLOUD_METADATA("a cloud metadata service"),
        NOT_UNICAST("a multicast or reserved address");

        private final String description;

        Scope(String description) {
            this.description = description;
        }
    }

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog", "instance-data.ec2.internal");
    /** AWS, GCP, Azure and OCI (IPv4, and AWS's IPv6), Alibaba Cloud. */
    private static final Set<String> METADATA_ADDRESSES = Set.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254", "100.100.100.200");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** A last label of digits or hex: meant as an IPv4 address, since no top-level domain is a number. */
    private static final Pattern NUMERIC = Pattern.compile("(?i)(.*\\.)?([0-9]+|0x[0-9a-f]*)");

    private PublicAddresses() {
    }

    /**
     * Why the host is not a public server, as words that follow its name ("is on this machine (127.0.0.1)"); empty when
     * it is one. A name is resolved and every address it has must be public, since a client may use any of them.
     */
    public static Optional<String> whyNotPublic(String host, Resolver resolver) {
        String name = host.toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (METADATA_NAMES.contains(name)) {
            return Optional.of("is " + Scope.CLOUD_METADATA.description);
        }
        boolean literal = name.contains(":") || DOTTED_QUAD.matcher(name).matches();
        // 0177.0.0.1 is 177.0.0.1 to Java but 127.0.0.1 to C resolvers; 2130706433 is 127.0.0.1 to some: never guess.
        if (!literal && NUMERIC.matcher(name).matches()) {
            return Optional.of("is not an IP address in the usual form; write it as four decimal numbers, such as 203.0.113.7");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return Optional.of("has no address in DNS");
        }
        for (InetAddress address : addresses) {
            Scope scope = scope(address);
            if (scope != Scope.PUBLIC) {
                return Optional.of("is " + scope.description + (literal ? "" : " (" + address.getHostAddress() + ")"));
            }
        }
        return Optional.empty();
    }

    public static Scope scope(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Scope.UNSPECIFIED;
        }
        if (address.isLoopbackAddress()) {
            return Scope.LOOPBACK;
        }
        if (METADATA_ADDRESSES.contains(address.getHostAddress())) {
            return Scope.CLOUD_METADATA;
        }
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? scopeV4(address, bytes) : scopeV6(address, bytes);
    }

    private static Scope scopeV4(InetAddress address, byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0) {
            return Scope.UNSPECIFIED;
        }
        if (address.isLinkLocalAddress()) {
            return Scope.LINK_LOCAL;
        }
        // 10/8, 172.16/12 and 192.168/16, and the carrier-grade NAT range 100.64/10.
        if (address.isSiteLocalAddress() || (first == 100 && (second & 0xc0) == 64)) {
            return Scope.PRIVATE;
        }
        return first >= 224 ? Scope.NOT_UNICAST : Scope.PUBLIC;
    }

    private static Scope scopeV6(InetAddress address, byte[] bytes) {
        byte[] embedded = embeddedIpv4(bytes);
        if (embedded != null) {
            try {
                return scope(InetAddress.getByAddress(embedded));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("Four bytes are always an IPv4 address", e);
            }
        }
        if (address.isLinkLocalAddress()) {
            return Scope.LINK_LOCAL;
        }
        // Unique local fc00::/7, and the deprecated site-local fec0::/10.
        if ((bytes[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
            return Scope.PRIVATE;
        }
        return address.isMulticastAddress() ? Scope.NOT_UNICAST : Scope.PUBLIC;
    }

    /**
     * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d)
     * address, which reach that IPv4 address; null for any other IPv6 address.
     */
    private static byte[] embeddedIpv4(byte[] bytes) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        boolean mapped = zeroPrefix && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0;
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        return mapped || compatible || nat64 ? new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]} : null;
    }
}
