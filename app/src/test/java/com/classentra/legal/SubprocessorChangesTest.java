package com.classentra.legal;

import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_CHANGE;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_NOTICE;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_OBJECTION;
import static com.classentra.db.jooq.Tables.TENANT;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.legal.SubprocessorObjections.Outcome;
import com.classentra.platform.plugins.ConfigRejectedException;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.plugin.api.Slot;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.QueuedEmails;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.TestSwitches;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.JSONB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@ClassentraTest
@WithMockUser(roles = "ADMIN")
class SubprocessorChangesTest {

    private static final Map<String, String> RECORDING = Map.of("apiKey", "sk_test_announced");
    private static final Pattern NOTICE_LINK = Pattern.compile("/subprocessor-changes/([^\\s\"<]+)");

    @Autowired
    SubprocessorChanges changes;
    @Autowired
    SubprocessorObjections objections;
    @Autowired
    SubprocessorList subprocessors;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    SlotRegistry slots;
    @Autowired
    PolicyText policyText;
    @Autowired
    PolicyDocuments documents;
    @Autowired
    PlatformSql platform;
    @Autowired
    QueuedEmails emails;
    @Autowired
    TestAccounts accounts;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private String contact;
    private UUID withContact;
    private UUID withoutContact;
    private Account owner;
    private Account personalTeacher;

    @BeforeEach
    void organizations() {
        contact = "privacy-" + UUID.randomUUID() + "@example.org";
        owner = accounts.create(Role.TEACHER);
        personalTeacher = accounts.create(Role.TEACHER);
        withContact = workspace("ORGANIZATION", "Northwind Academy", contact, null);
        withoutContact = workspace("ORGANIZATION", "Lakeside School", null, owner);
        workspace("PERSONAL", "A teacher's own studio", null, personalTeacher);
    }

    @AfterEach
    void backToDefaults() {
        platform.resetPluginSlots();
        subprocessors.refreshAfterCommit();
    }

    private UUID workspace(String kind, String name, String privacyContact, Account ownedBy) {
        UUID id = UUID.randomUUID();
        platform.call(sql -> {
            sql.insertInto(TENANT).set(TENANT.ID, id).set(TENANT.KIND, kind).set(TENANT.NAME, name)
                    .set(TENANT.PRIVACY_CONTACT_EMAIL, privacyContact).execute();
            return ownedBy == null ? 0 : sql.insertInto(TENANT_MEMBER).set(TENANT_MEMBER.TENANT_ID, id).set(TENANT_MEMBER.USER_ID, ownedBy.id())
                    .set(TENANT_MEMBER.ROLE, "OWNER").execute();
        });
        return id;
    }

    @Test
    void aNewCompanyCannotJoinTheListAsAnOrdinaryChange() throws Exception {
        assertThatThrownBy(() -> switcher.switchProvider(Slot.EMAIL, "recording", RECORDING, null))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.message()).startsWith("Recording Test Inc. is not on the subprocessor list today")));
        assertThat(slots.stored(Slot.EMAIL).providerId()).isNotEqualTo("recording");

        // Once the company is on the list, changing its settings needs no notice.
        switcher.switchProvider(Slot.EMAIL, "recording", RECORDING, null, TestSwitches.AT_ONCE);
        switcher.switchProvider(Slot.EMAIL, "recording", Map.of("apiKey", "sk_test_rotated"), null);
    }

    @Test
    void anAnnouncementGivesAtLeastThirtyDaysAndOnlyForANewCompany() throws Exception {
        assertThatThrownBy(() -> changes.announce(Slot.EMAIL, "recording", RECORDING, today.plusDays(29), null))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors().getFirst().message())
                        .contains("30 days' notice"));
        assertThatThrownBy(() -> changes.announce(Slot.EMAIL, "recording", Map.of("apiKey", "pk_not_a_secret_key"), today.plusDays(30), null))
                .as("settings are checked now, not on the day").isInstanceOf(ConfigRejectedException.class);
        assertThatThrownBy(() -> changes.announce(Slot.STORAGE, "local", Map.of(), today.plusDays(30), null))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors().getFirst().message())
                        .contains("needs no notice"));
        assertThat(platform.count(SUBPROCESSOR_CHANGE, SUBPROCESSOR_CHANGE.ID.isNotNull())).isZero();

        changes.announce(Slot.EMAIL, "recording", RECORDING, today.plusDays(30), null);
        assertThatThrownBy(() -> changes.announce(Slot.EMAIL, "recording", RECORDING, today.plusDays(40), null))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors().getFirst().message())
                        .contains("already has an announced change"));
    }

    @Test
    void announcingTellsEveryOrganizationAndTheChangeTakesEffectOnItsDay() throws Exception {
        int versionsBefore = platform.count(com.classentra.db.jooq.Tables.SUBPROCESSOR_LIST_VERSION, org.jooq.impl.DSL.noCondition());
        UUID id = changes.announce(Slot.EMAIL, "recording", RECORDING, today.plusDays(30), null);

        // The contact of the first organization, the owner of the second (no contact on file), no personal workspace.
        assertThat(noticesTo(contact)).singleElement().satisfies(text -> {
            assertThat(text).contains("Northwind Academy").contains("Recording Test Inc.").contains("Nowhere").contains("Email address");
            assertThat(text).contains("/subprocessor-changes/");
        });
        assertThat(noticesTo(owner.email())).singleElement().satisfies(text -> assertThat(text).contains("Lakeside School"));
        assertThat(noticesTo(personalTeacher.email())).isEmpty();
        assertThat(platform.count(SUBPROCESSOR_NOTICE, SUBPROCESSOR_NOTICE.CHANGE_ID.eq(id))).isGreaterThanOrEqualTo(2);

        // Announced, not made: the list shows it as upcoming, the slot still runs as before.
        assertThat(subprocessors.active()).noneMatch(row -> row.legalEntity().equals("Recording Test Inc."));
        assertThat(subprocessors.upcoming()).singleElement().satisfies(upcoming -> {
            assertThat(upcoming.effectiveOn()).isEqualTo(today.plusDays(30));
            assertThat(upcoming.after().legalEntity()).isEqualTo("Recording Test Inc.");
            assertThat(upcoming.after().dpf()).isNotBlank();
        });
        assertThat(platform.count(com.classentra.db.jooq.Tables.SUBPROCESSOR_LIST_VERSION, org.jooq.impl.DSL.noCondition()))
                .as("the page's list changed, so it has a new version and date").isGreaterThan(versionsBefore);

        assertThat(changes.applyDue(today.plusDays(29))).isZero();
        assertThat(slots.stored(Slot.EMAIL).providerId()).isNotEqualTo("recording");
        assertThat(changes.applyDue(today.plusDays(30))).isEqualTo(1);
        assertThat(slots.stored(Slot.EMAIL).providerId()).isEqualTo("recording");
        assertThat(platform.value(SUBPROCESSOR_CHANGE.STATUS, SUBPROCESSOR_CHANGE.ID.eq(id))).isEqualTo("APPLIED");
        assertThat(subprocessors.active()).anyMatch(row -> row.legalEntity().equals("Recording Test Inc."));
        assertThat(subprocessors.upcoming()).isEmpty();
        assertThat(subprocessors.changes(1)).singleElement().satisfies(change -> {
            assertThat(change.after()).isEqualTo("Recording Test Inc.");
            assertThat(change.emergencyReason()).as("made with notice").isNull();
        });
        assertThat(changes.applyDue(today.plusDays(31))).as("made once").isZero();
    }

    @Test
    void aChangeTheProviderRefusesOnTheDayIsMarkedFailedAndTheSlotStaysAsItWas() throws Exception {
        UUID id = changes.announce(Slot.EMAIL, "recording", RECORDING, today.plusDays(30), null);
        // The provider's check fails by then (the test provider fails its health check when told to).
        platform.call(sql -> sql.update(SUBPROCESSOR_CHANGE)
                .set(SUBPROCESSOR_CHANGE.SETTINGS, JSONB.valueOf(sql.select(SUBPROCESSOR_CHANGE.SETTINGS).from(SUBPROCESSOR_CHANGE)
                        .where(SUBPROCESSOR_CHANGE.ID.eq(id)).fetchSingle().value1().data().replace("}", ",\"behaviour\":\"fail\"}")))
                .where(SUBPROCESSOR_CHANGE.ID.eq(id)).execute());

        assertThat(changes.applyDue(today.plusDays(30))).isZero();

        assertThat(platform.value(SUBPROCESSOR_CHANGE.STATUS, SUBPROCESSOR_CHANGE.ID.eq(id))).isEqualTo("FAILED");
        assertThat(platform.value(SUBPROCESSOR_CHANGE.FAILURE, SUBPROCESSOR_CHANGE.ID.eq(id))).contains("not working");
        assertThat(slots.stored(Slot.EMAIL).providerId()).isNotEqualTo("recording");
    }

    @Test
    void aPrivacyContactObjectsFromTheNoticeAndAnOwnerFromSettingsOnceEach() throws Exception {
        UUID id = changes.announce(Slot.EMAIL, "recording", RECORDING, today.plusDays(45), null);
        String token = noticeToken(contact);

        assertThat(objections.byNotice(token)).hasValueSatisfying(shown -> {
            assertThat(shown.workspaceName()).isEqualTo("Northwind Academy");
            assertThat(shown.open()).isTrue();
            assertThat(shown.objectedAt()).isNull();
        });
        assertThat(objections.objectByNotice(token, "   ")).isEqualTo(Outcome.REASON_MISSING);
        assertThat(objections.objectByNotice(token, "x".repeat(4001))).isEqualTo(Outcome.REASON_TOO_LONG);
        assertThat(objections.objectByNotice(token + "x", "We need processing in the EU.")).isEqualTo(Outcome.CHANGE_NOT_OPEN);
        assertThat(objections.byNotice(token.substring(0, token.length() - 2))).isEmpty();
        assertThat(objections.objectByNotice(token, "We need processing in the EU.")).isEqualTo(Outcome.RECORDED);
        assertThat(objections.objectByNotice(token, "Again.")).isEqualTo(Outcome.ALREADY_OBJECTED);
        assertThat(objections.byNotice(token)).hasValueSatisfying(shown -> assertThat(shown.objectedAt()).isNotNull());

        SignedInUser ownerUser = accounts.principal(owner.email());
        SignedInUser stranger = accounts.principal(personalTeacher.email());
        assertThat(objections.forOwner(ownerUser)).singleElement().satisfies(shown -> assertThat(shown.workspaceId()).isEqualTo(withoutContact));
        assertThat(objections.forOwner(stranger)).isEmpty();
        assertThatThrownBy(() -> objections.objectAsOwner(stranger, withoutContact, id, "Not my workspace."))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> objections.objectAsOwner(ownerUser, withContact, id, "Someone else's workspace."))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(objections.objectAsOwner(ownerUser, withoutContact, id, "Our contract requires notice in writing.")).isEqualTo(Outcome.RECORDED);

        assertThat(changes.recent(10)).filteredOn(change -> change.id().equals(id)).singleElement()
                .satisfies(change -> assertThat(change.objections()).isEqualTo(2));
        assertThat(changes.objections(id)).extracting(SubprocessorChanges.ObjectionShown::workspace, SubprocessorChanges.ObjectionShown::fromNoticeLink)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Northwind Academy", true), org.assertj.core.groups.Tuple.tuple("Lakeside School", false));

        // Withdrawn: everyone told, nothing more to object to, nothing applied on the day.
        assertThat(changes.withdraw(id, null)).isTrue();
        assertThat(changes.withdraw(id, null)).isFalse();
        assertThat(templatesTo(contact)).contains("subprocessor-change-withdrawn");
        assertThat(objections.objectByNotice(token, "Late.")).isEqualTo(Outcome.CHANGE_NOT_OPEN);
        assertThat(changes.applyDue(today.plusDays(45))).isZero();
        assertThat(platform.count(SUBPROCESSOR_OBJECTION, SUBPROCESSOR_OBJECTION.CHANGE_ID.eq(id))).isEqualTo(2);
    }

    @Test
    void anEmergencySwitchIsMadeAtOnceWithItsReasonInTheChangeLogAndTheWorkspacesAreTold() throws Exception {
        assertThatThrownBy(() -> changes.switchInEmergency(Slot.EMAIL, "recording", RECORDING, "down", null))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("reason"));

        changes.switchInEmergency(Slot.EMAIL, "recording", RECORDING, "Our email provider has been down for six hours.", null);

        assertThat(slots.stored(Slot.EMAIL).providerId()).isEqualTo("recording");
        assertThat(subprocessors.changes(1)).singleElement()
                .satisfies(change -> assertThat(change.emergencyReason()).isEqualTo("Our email provider has been down for six hours."));
        assertThat(noticesTo(contact)).singleElement().satisfies(text -> assertThat(text)
                .contains("could not give you 30 days' notice").contains("Our email provider has been down for six hours."));
    }

    @Test
    void thePolicyNamesExactlyTheProcessorsInService() throws Exception {
        String policy = policyText.markdown(documents.current(PolicyKind.PRIVACY));
        assertThat(policy).doesNotContain("{{");
        assertThat(policy).contains("No third party receives personal data");
        for (String company : List.of("Vercel", "Neon", "Stripe", "Cloudflare", "OpenAI", "LiveKit", "Resend", "Postmark", "Upstash", "Inngest",
                "Sentry", "Daily", "Google", "Recording Test Inc.")) {
            assertThat(policy).as("a company not in use").doesNotContain(company);
        }

        switcher.switchProvider(Slot.EMAIL, "recording", RECORDING, null, TestSwitches.AT_ONCE);

        String switched = policyText.markdown(documents.current(PolicyKind.PRIVACY));
        assertThat(switched).contains("- Recording Test Inc. — ").contains("Recording Test Inc. (Nowhere)");
        assertThat(switched).doesNotContain("No third party receives personal data");
    }

    private List<String> noticesTo(String address) {
        return platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.TO_ADDRESS.eq(address))
                .and(EMAIL_OUTBOX.TEMPLATE.in("subprocessor-change-announced", "subprocessor-emergency-switch")).fetch())
                .stream().map(emails::text).toList();
    }

    private List<String> templatesTo(String address) {
        return platform.call(sql -> sql.select(EMAIL_OUTBOX.TEMPLATE).from(EMAIL_OUTBOX).where(EMAIL_OUTBOX.TO_ADDRESS.eq(address)).fetch(EMAIL_OUTBOX.TEMPLATE));
    }

    private String noticeToken(String address) {
        Matcher link = NOTICE_LINK.matcher(noticesTo(address).getFirst());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
