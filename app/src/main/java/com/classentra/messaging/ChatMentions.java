package com.classentra.messaging;

import com.classentra.accounts.People;
import com.classentra.courses.CourseParticipants;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.security.SignedInUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Finds whom a message mentions: "@" and the full name of someone who reads the channel, or their first name alone when
 * nobody else there shares it. Names are compared without regard to case; "@Ana" does not mention "Anastasia". Runs
 * outside the author's scope: classmates' names are read for these people only, in the platform scope.
 */
@Component
class ChatMentions {

    private final CourseParticipants courses;
    private final ChatAccess access;
    private final People people;
    private final PlatformScope platformScope;

    ChatMentions(CourseParticipants courses, ChatAccess access, People people, PlatformScope platformScope) {
        this.courses = courses;
        this.access = access;
        this.people = people;
        this.platformScope = platformScope;
    }

    /** The people of the channel the text mentions, the author aside, in the order they are first named. */
    List<UUID> in(SignedInUser author, Channel channel, String text) {
        if (text.indexOf('@') < 0) {
            return List.of();
        }
        Collection<UUID> readers = channel.audience() == ChannelAudience.COURSE
                ? courses.everyone(author, access.place(author, channel.courseId())) : channel.members();
        Map<UUID, People.Person> named = platformScope.inTransaction(null, "names whom a chat message may mention", () -> people.visible(readers));
        Map<String, Long> firstNames = named.values().stream().collect(Collectors.groupingBy(p -> p.firstName().toLowerCase(java.util.Locale.ROOT),
                Collectors.counting()));
        List<Found> found = new ArrayList<>();
        for (People.Person person : named.values()) {
            if (person.id().equals(author.id())) {
                continue;
            }
            int at = position(text, person.name());
            if (at < 0 && firstNames.get(person.firstName().toLowerCase(java.util.Locale.ROOT)) == 1) {
                at = position(text, person.firstName());
            }
            if (at >= 0) {
                found.add(new Found(person.id(), at));
            }
        }
        return found.stream().sorted(java.util.Comparator.comparingInt(Found::at)).map(Found::id).toList();
    }

    private record Found(UUID id, int at) {
    }

    /** Where "@name" stands in the text as a whole word; -1 when it does not. */
    static int position(String text, String name) {
        if (name == null || name.isBlank()) {
            return -1;
        }
        var matcher = Pattern.compile("(?<![\\p{L}\\p{N}@])@" + Pattern.quote(name.strip()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        return matcher.find() ? matcher.start() : -1;
    }
}
