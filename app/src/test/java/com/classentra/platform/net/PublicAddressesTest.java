package com.classentra.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.net.PublicAddresses.Resolver;
import com.classentra.platform.net.PublicAddresses.Scope;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicAddressesTest {

    /** A DNS of a few names; IP literals are parsed as Java parses them, without asking anyone. */
    private static final Map<String, String[]> ZONE = Map.of(
            "mail.example.com", new String[] {"93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"},
            "relay.internal", new String[] {"10.1.2.3"},
            "split.example.com", new String[] {"93.184.215.14", "192.168.1.20"});
    private static final Resolver DNS = host -> {
        String[] addresses = ZONE.get(host);
        if (addresses == null && (host.matches("[0-9.]+") || host.contains(":"))) {
            return InetAddress.getAllByName(host);
        }
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    };

    private static String why(String host) {
        return PublicAddresses.whyNotPublic(host, DNS).orElse("public");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "93.184.215.14, PUBLIC", "8.8.8.8, PUBLIC", "172.32.0.1, PUBLIC", "100.128.0.1, PUBLIC",
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED",
            "127.0.0.1, LOOPBACK", "127.255.0.9, LOOPBACK",
            "169.254.10.1, LINK_LOCAL",
            "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
            // Carrier-grade NAT
            "100.64.0.1, PRIVATE", "100.127.255.254, PRIVATE",
            "224.0.0.1, NOT_UNICAST", "255.255.255.255, NOT_UNICAST",
            "169.254.169.254, CLOUD_METADATA", "100.100.100.200, CLOUD_METADATA",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c, PUBLIC",
            "::, UNSPECIFIED", "::1, LOOPBACK", "fe80::1, LINK_LOCAL",
            // Unique local, and the deprecated site-local
            "fc00::1, PRIVATE", "fd12:3456::1, PRIVATE", "fec0::1, PRIVATE",
            "ff02::1, NOT_UNICAST", "fd00:ec2::254, CLOUD_METADATA",
            // IPv4 inside IPv6 is judged as that IPv4 address: mapped, compatible, NAT64
            "::ffff:127.0.0.1, LOOPBACK", "::ffff:a9fe:a9fe, CLOUD_METADATA", "::ffff:93.184.215.14, PUBLIC",
            "::10.0.0.1, PRIVATE", "64:ff9b::192.168.0.1, PRIVATE", "64:ff9b::93.184.215.14, PUBLIC"})
    void addressesAreClassified(String address, Scope scope) throws Exception {
        assertThat(PublicAddresses.scope(InetAddress.getByName(address))).isEqualTo(scope);
    }

    @Test
    void aMappedAddressBuiltFromBytesIsJudgedAsItsIpv4Address() throws Exception {
        // Java turns ::ffff:a.b.c.d into an IPv4 address when parsing; built from bytes it stays IPv6.
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 7};
        assertThat(PublicAddresses.scope(Inet6Address.getByAddress(null, mapped, -1))).isEqualTo(Scope.PRIVATE);
    }

    @Test
    void numbersInUnusualFormsAreRefusedRatherThanGuessed() throws Exception {
        // Java reads 2130706433 as 127.0.0.1, but 0177.0.0.1 as 177.0.0.1 where C resolvers read 127.0.0.1.
        assertThat(PublicAddresses.scope(InetAddress.getByName("2130706433"))).isEqualTo(Scope.LOOPBACK);
        assertThat(InetAddress.getByName("0177.0.0.1").getHostAddress()).isEqualTo("177.0.0.1");
        for (String host : new String[] {"2130706433", "0177.0.0.1", "127.1", "0x7f.0.0.1", "0x7f000001", "1.2.3.04"}) {
            assertThat(why(host)).as(host).isEqualTo("is not an IP address in the usual form; write it as four decimal numbers, such as 203.0.113.7");
        }
        assertThat(why("203.0.113.7")).isEqualTo("public");
    }

    @Test
    void hostNamesAreJudgedByEveryAddressTheyHave() {
        assertThat(why("mail.example.com")).isEqualTo("public");
        assertThat(why("MAIL.example.com.")).isEqualTo("public");
        assertThat(why("relay.internal")).isEqualTo("is a private network address (10.1.2.3)");
        assertThat(why("split.example.com")).as("one private address is enough").isEqualTo("is a private network address (192.168.1.20)");
        assertThat(why("nowhere.example")).isEqualTo("has no address in DNS");
        assertThat(PublicAddresses.whyNotPublic("localhost", PublicAddresses.DNS)).hasValueSatisfying(why -> assertThat(why).startsWith("is on this machine ("));
    }

    @Test
    void literalsAndMetadataNames() {
        assertThat(why("127.0.0.1")).isEqualTo("is on this machine");
        assertThat(why("[::1]")).isEqualTo("is on this machine");
        assertThat(why("[fd00:ec2::254]")).isEqualTo("is a cloud metadata service");
        assertThat(why("169.254.169.254")).isEqualTo("is a cloud metadata service");
        assertThat(why("[::ffff:169.254.169.254]")).isEqualTo("is a cloud metadata service");
        assertThat(why("metadata.google.internal")).isEqualTo("is a cloud metadata service");
        assertThat(why("Metadata.Google.Internal.")).isEqualTo("is a cloud metadata service");
        assertThat(why("0.0.0.0")).isEqualTo("is an unspecified address");
        assertThat(why("[2606:2800:21f:cb07:6820:80da:af6b:8b2c]")).isEqualTo("public");
    }
}
