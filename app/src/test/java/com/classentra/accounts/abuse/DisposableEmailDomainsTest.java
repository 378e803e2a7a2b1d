package com.classentra.accounts.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisposableEmailDomainsTest {

    private final DisposableEmailDomains shipped = new DisposableEmailDomains("");

    @Test
    void refusesShippedDomainsAndTheirSubdomainsInAnyCase() {
        assertThat(shipped.isDisposable("someone@mailinator.com")).isTrue();
        assertThat(shipped.isDisposable("Someone@YOPMAIL.com")).isTrue();
        assertThat(shipped.isDisposable("x@guerrillamail.com.")).as("trailing dot of a fully qualified name").isTrue();
        assertThat(shipped.isDisposable("x@inbox.eu.Sharklasers.com")).isTrue();
        assertThat(shipped.isDisposable("\"odd@local\"@10minutemail.com")).isTrue();
    }

    @Test
    void acceptsOrdinaryProvidersAndLookalikeDomains() {
        assertThat(shipped.isDisposable("amelie@gmail.com")).isFalse();
        assertThat(shipped.isDisposable("amelie@ecole.qc.ca")).isFalse();
        assertThat(shipped.isDisposable("amelie@notmailinator.com.example.org")).as("a listed name inside another domain").isFalse();
        assertThat(shipped.isDisposable("amelie@mymailinator.com")).as("suffix without a dot").isFalse();
        assertThat(shipped.isDisposable("no-at-sign")).isFalse();
    }

    @Test
    void mergesTheOperatorsOwnListWithComments(@TempDir Path directory) throws Exception {
        Path own = Files.writeString(directory.resolve("own.txt"), "# our additions\nthrowaway.example  # seen in March\n\n  Burner.Test \n");
        DisposableEmailDomains merged = new DisposableEmailDomains(own.toString());

        assertThat(merged.isDisposable("a@throwaway.example")).isTrue();
        assertThat(merged.isDisposable("a@mx.burner.test")).isTrue();
        assertThat(merged.isDisposable("a@mailinator.com")).as("the shipped list still applies").isTrue();
        assertThat(shipped.isDisposable("a@throwaway.example")).isFalse();
    }

    @Test
    void aConfiguredListThatIsMissingStopsStartUp(@TempDir Path directory) {
        assertThatThrownBy(() -> new DisposableEmailDomains(directory.resolve("missing.txt").toString()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.txt");
    }
}
