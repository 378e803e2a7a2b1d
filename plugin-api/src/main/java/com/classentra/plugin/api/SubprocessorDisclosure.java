package com.classentra.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * The row a provider adds to the public subprocessor page while it is active.
 *
 * @param sharesPersonalData false for providers that keep everything on this server
 * @param legalEntity    company that processes the data, e.g. "Resend, Inc."
 * @param purpose        what it does for Classentra
 * @param location       where it processes the data
 * @param dataCategories kinds of personal data it receives
 * @param dpfStatus      EU-US Data Privacy Framework certification status
 */
public record SubprocessorDisclosure(
        boolean sharesPersonalData,
        String legalEntity,
        String purpose,
        String location,
        List<String> dataCategories,
        DpfStatus dpfStatus) {

    public SubprocessorDisclosure {
        Objects.requireNonNull(purpose, "purpose");
        dataCategories = List.copyOf(dataCategories);
        if (sharesPersonalData) {
            Objects.requireNonNull(legalEntity, "legalEntity");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(dpfStatus, "dpfStatus");
            if (dataCategories.isEmpty()) {
                throw new IllegalArgumentException("A subprocessor must name the data categories it receives");
            }
        }
    }

    /** Disclosure of a third party that receives personal data. */
    public static SubprocessorDisclosure thirdParty(
            String legalEntity, String purpose, String location, List<String> dataCategories, DpfStatus dpfStatus) {
        return new SubprocessorDisclosure(true, legalEntity, purpose, location, dataCategories, dpfStatus);
    }

    /** Disclosure of a provider that runs inside this server: no personal data leaves it. */
    public static SubprocessorDisclosure onThisServer(String purpose) {
        return new SubprocessorDisclosure(false, null, purpose, "This server", List.of(), DpfStatus.NOT_APPLICABLE);
    }

    /**
     * Disclosure of a provider that runs on infrastructure the operator runs themselves, outside this server (their
     * own Redis, a self-hosted Sentry): no third party receives the data.
     */
    public static SubprocessorDisclosure selfHosted(String purpose) {
        return new SubprocessorDisclosure(false, null, purpose, "Infrastructure you operate", List.of(), DpfStatus.NOT_APPLICABLE);
    }

    /** EU-US Data Privacy Framework status, as the subprocessor page states it. */
    public enum DpfStatus {
        YES("Yes"), LIKELY("Likely"), VERIFY("Verify"), NO("No"), NOT_APPLICABLE("n/a");

        private final String label;

        DpfStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
