package com.classentra.accounts.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;

/** The sign-up country from a local GeoIP database, on small databases written by {@link TestMmdb}. */
class GeoIpCountriesTest {

    private static final List<String> DEFAULT_BLOCKED = List.of("CN", "RU", "VN", "KZ", "CU", "IR", "KP", "SY");

    @TempDir
    static Path dir;
    static Path database;

    @BeforeAll
    static void writeDatabase() throws IOException {
        database = new TestMmdb()
                .network("198.51.100.0/24", "RU")
                .network("203.0.113.0/24", "CA")
                .network("100.64.0.0/10", "CA")
                .network("100.64.32.0/20", "KP")
                .network("2001:db8::/32", "IR")
                .writeTo(dir.resolve("GeoLite2-Country.mmdb"));
    }

    private static MockHttpServletRequest from(String remoteAddress, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/signup");
        request.setRemoteAddr(remoteAddress);
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void refusesAnAddressInABlockedCountrysNetworkAndAllowsOthers() throws IOException {
        try (GeoIpCountries geoIp = new GeoIpCountries(database.toString())) {
            SignUpCountryPolicy policy = new SignUpCountryPolicy(List.of(), DEFAULT_BLOCKED, geoIp);
            assertThat(policy.knowsCountries()).as("a database alone is enough").isTrue();

            assertThat(policy.refusal(from("198.51.100.7"))).hasValueSatisfying(reason ->
                    assertThat(reason).startsWith("Sorry, Classentra accounts cannot be created from Russia."));
            assertThat(policy.refusal(from("198.51.100.255"))).as("last address of the network").isPresent();
            assertThat(policy.refusal(from("2001:db8:0:0:0:0:0:5"))).as("IPv6").isPresent();
            assertThat(policy.refusal(from("203.0.113.9"))).as("Canada").isEmpty();
            assertThat(policy.country(from("203.0.113.9"))).contains("CA");
            assertThat(policy.country(from("100.64.40.1"))).as("a smaller network inside a wider one").contains("KP");
            assertThat(policy.country(from("100.64.48.1"))).as("the rest of the wider network").contains("CA");
        }
    }

    @Test
    void anAddressNotInTheDatabaseIsUnknownAndAllowed() throws IOException {
        try (GeoIpCountries geoIp = new GeoIpCountries(database.toString())) {
            SignUpCountryPolicy policy = new SignUpCountryPolicy(List.of(), DEFAULT_BLOCKED, geoIp);

            for (String address : List.of("192.0.2.1", "198.51.101.1", "10.0.0.1", "127.0.0.1", "0:0:0:0:0:0:0:1", "2001:db9::1")) {
                assertThat(policy.country(from(address))).as(address).isEmpty();
                assertThat(policy.refusal(from(address))).as(address).isEmpty();
            }
            assertThat(geoIp.country("not-an-address.example")).as("never resolved through DNS").isEmpty();
            assertThat(geoIp.country(null)).isEmpty();
        }
    }

    @Test
    void aTrustedHeaderWinsOverTheDatabase() throws IOException {
        try (GeoIpCountries geoIp = new GeoIpCountries(database.toString())) {
            SignUpCountryPolicy policy = new SignUpCountryPolicy(List.of("CF-IPCountry"), DEFAULT_BLOCKED, geoIp);

            assertThat(policy.refusal(from("198.51.100.7", "CF-IPCountry", "CA"))).isEmpty();
            assertThat(policy.refusal(from("203.0.113.9", "CF-IPCountry", "RU"))).isPresent();
            assertThat(policy.refusal(from("198.51.100.7", "CF-IPCountry", "XX"))).as("the edge does not know: the database does")
                    .isPresent();
            assertThat(policy.refusal(from("198.51.100.7", "X-Vercel-IP-Country", "CA"))).as("an untrusted header is ignored")
                    .isPresent();
        }
    }

    @Test
    void aConfiguredDatabaseThatCannotBeUsedStopsTheStartNamingTheProperty() throws IOException {
        Path text = Files.writeString(dir.resolve("countries.txt"), "RU 198.51.100.0/24\n");
        Path asn = new TestMmdb().databaseType("GeoLite2-ASN").network("198.51.100.0/24", "RU").writeTo(dir.resolve("asn.mmdb"));

        assertThatThrownBy(() -> new GeoIpCountries(dir.resolve("missing.mmdb").toString()))
                .hasMessageStartingWith("classentra.abuse.geoip-database names ").hasMessageContaining("missing.mmdb")
                .hasMessageContaining("not a readable file");
        assertThatThrownBy(() -> new GeoIpCountries(dir.toString())).as("a directory")
                .hasMessageStartingWith("classentra.abuse.geoip-database names ").hasMessageContaining("not a readable file");
        assertThatThrownBy(() -> new GeoIpCountries(text.toString()))
                .hasMessageStartingWith("classentra.abuse.geoip-database names ").hasMessageContaining("cannot be read as a MaxMind DB (.mmdb) file");
        assertThatThrownBy(() -> new GeoIpCountries(asn.toString()))
                .hasMessageStartingWith("classentra.abuse.geoip-database names ").hasMessageContaining("GeoLite2-ASN")
                .hasMessageContaining("no countries");
    }

    @Test
    void isOpenedAtStartUpAndClosedOnShutdown() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withInitializer(context -> context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
                .withBean(GeoIpCountries.class).withBean(SignUpCountryPolicy.class);

        runner.withPropertyValues("classentra.abuse.geoip-database=" + database).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SignUpCountryPolicy.class).refusal(from("198.51.100.7"))).isPresent();
            GeoIpCountries geoIp = context.getBean(GeoIpCountries.class);
            context.close();
            assertThat(geoIp.country("198.51.100.7")).as("closed").isEmpty();
        });
        runner.run(context -> assertThat(context.getBean(SignUpCountryPolicy.class).refusal(from("198.51.100.7")))
                .as("no database configured").isEmpty());
        runner.withPropertyValues("classentra.abuse.geoip-database=" + dir.resolve("missing.mmdb")).run(context ->
                assertThat(context).getFailure().rootCause().hasMessageStartingWith("classentra.abuse.geoip-database names "));
    }
}
