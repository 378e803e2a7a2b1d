package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.accounts.Profiles.EmailChange;
import com.classentra.accounts.Profiles.EmailChangeRefusal;
import com.classentra.accounts.Profiles.Profile;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.QueuedEmails;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 12 item 4: a person corrects their profile and changes their address only once the new one confirms it. */
@ClassentraTest
class ProfilesTest {

    @Autowired
    Profiles profiles;
    @Autowired
    OnboardingSurvey survey;
    @Autowired
    Classrooms classrooms;
    @Autowired
    PlatformSql platform;
    @Autowired
    QueuedEmails queuedEmails;

    private String tokenSentTo(String address) {
        var email = platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.TO_ADDRESS.eq(address).and(EMAIL_OUTBOX.TEMPLATE.eq("email-change")))
                .fetchSingle());
        Matcher link = Pattern.compile("/verify-email-change\\?token=([^\\s\"]+)").matcher(queuedEmails.text(email));
        assertThat(link.find()).isTrue();
        return java.net.URLDecoder.decode(link.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private int emails(String address, String template) {
        return platform.count(EMAIL_OUTBOX, EMAIL_OUTBOX.TO_ADDRESS.eq(address).and(EMAIL_OUTBOX.TEMPLATE.eq(template)));
    }

    @Test
    void theProfileIsCorrectedAndBadInputIsRefusedFieldByField() {
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        assertThat(profiles.update(teacher, new Profile(" ", "x".repeat(101), "y".repeat(101), null, null, "fr", null)))
                .containsOnlyKeys("firstName", "lastName", "title", "language");
        assertThat(profiles.profile(teacher).firstName()).as("nothing saved").isEqualTo("Ines");

        assertThat(profiles.update(teacher, new Profile(" Inès ", "Rossi-Bauer", "Maestra", null, null, "en", ZoneId.of("Europe/Rome")))).isEmpty();

        Profile saved = profiles.profile(teacher);
        assertThat(saved.firstName()).isEqualTo("Inès");
        assertThat(saved.lastName()).isEqualTo("Rossi-Bauer");
        assertThat(saved.title()).isEqualTo("Maestra");
        assertThat(saved.timeZone()).isEqualTo(ZoneId.of("Europe/Rome"));
        assertThat(profiles.timeZone(teacher.id())).contains(ZoneId.of("Europe/Rome"));
        assertThat(profiles.update(teacher, new Profile("Inès", "Rossi-Bauer", "", null, null, "en", null))).isEmpty();
        assertThat(profiles.profile(teacher).title()).isNull();
        assertThat(profiles.timeZone(teacher.id())).as("back to the browser's").isEmpty();
    }

    @Test
    void aNewAddressIsUsedOnlyOnceItConfirmsAndTheOldOneIsTold() {
        SignedInUser student = classrooms.student("Luca", "Moretti");
        String fresh = "new-" + UUID.randomUUID() + "@example.com";
        assertThat(profiles.requestEmailChange(student, "not an address", Classrooms.PASSWORD)).isEqualTo(EmailChangeRefusal.NOT_AN_ADDRESS);
        assertThat(profiles.requestEmailChange(student, student.email().toUpperCase(), Classrooms.PASSWORD)).isEqualTo(EmailChangeRefusal.SAME_ADDRESS);
        assertThat(profiles.requestEmailChange(student, fresh, "wrong")).isEqualTo(EmailChangeRefusal.WRONG_PASSWORD);
        assertThat(emails(fresh, "email-change")).isZero();

        assertThat(profiles.requestEmailChange(student, fresh, Classrooms.PASSWORD)).isNull();
        assertThat(profiles.profile(student).email()).as("unchanged until confirmed").isEqualTo(student.email());
        assertThat(profiles.profile(student).pendingEmail()).isEqualTo(fresh);
        String token = tokenSentTo(fresh);
        assertThat(profiles.confirmEmailChange(token.substring(0, token.length() - 2) + "xx")).isEqualTo(EmailChange.INVALID);

        assertThat(profiles.confirmEmailChange(token)).isEqualTo(EmailChange.CHANGED);

        assertThat(platform.value(APP_USER.EMAIL, APP_USER.ID.eq(student.id()))).isEqualTo(fresh);
        assertThat(platform.value(APP_USER.PENDING_EMAIL, APP_USER.ID.eq(student.id()))).isNull();
        assertThat(emails(student.email(), "email-changed")).isEqualTo(1);
        assertThat(profiles.confirmEmailChange(token)).as("once").isEqualTo(EmailChange.INVALID);
    }

    @Test
    void anAddressOfAnotherAccountIsNeitherTakenNorRevealed() {
        SignedInUser student = classrooms.student("Luca", "Moretti");
        SignedInUser other = classrooms.student("Mara", "Bianchi");
        assertThat(profiles.requestEmailChange(student, other.email(), Classrooms.PASSWORD)).as("the form says nothing more").isNull();
        assertThat(profiles.profile(student).pendingEmail()).isNull();
        assertThat(emails(other.email(), "email-change-taken")).isEqualTo(1);

        String fresh = "race-" + UUID.randomUUID() + "@example.com";
        profiles.requestEmailChange(student, fresh, Classrooms.PASSWORD);
        String token = tokenSentTo(fresh);
        platform.call(sql -> sql.update(APP_USER).set(APP_USER.EMAIL, fresh).where(APP_USER.ID.eq(other.id())).execute());
        assertThat(profiles.confirmEmailChange(token)).as("signed up with it meanwhile").isEqualTo(EmailChange.TAKEN);
        assertThat(platform.value(APP_USER.EMAIL, APP_USER.ID.eq(student.id()))).isEqualTo(student.email());
    }

    @Test
    void surveyAnswersCanBeReviewed() {
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        assertThat(survey.answersOf(teacher)).isEmpty();
        survey.submit(teacher, Map.of("audience", List.of("Adults and professionals"), "goals", List.of("Run live classes", "Sell courses")));
        assertThat(survey.answersOf(teacher)).extracting(OnboardingSurvey.Answered::question, OnboardingSurvey.Answered::answers)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("What do you want Classentra for?", List.of("Run live classes", "Sell courses")),
                        org.assertj.core.groups.Tuple.tuple("Who are your learners?", List.of("Adults and professionals")));
    }
}
