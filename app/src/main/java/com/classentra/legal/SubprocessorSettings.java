package com.classentra.legal;

import com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the subprocessor page says beyond the plugins: who operates this service, and the infrastructure it runs
 * on (hosting, managed database), which no plugin knows about. A self-hosted server on the operator's own
 * machines lists none.
 *
 * @param operator       the legal entity that runs this Classentra service, named in the page's first sentence
 * @param privacyContact where objections and questions go
 */
@ConfigurationProperties("classentra.subprocessors")
public record SubprocessorSettings(String operator, String privacyContact, List<Infrastructure> infrastructure) {

    public SubprocessorSettings {
        operator = operator == null || operator.isBlank() ? "The operator of this Classentra service" : operator;
        infrastructure = infrastructure == null ? List.of() : List.copyOf(infrastructure);
    }

    /** A company whose infrastructure runs the service, e.g. the hosting platform or the managed database. */
    public record Infrastructure(String legalEntity, String purpose, String location, List<String> dataCategories, DpfStatus dpf) {
    }
}
