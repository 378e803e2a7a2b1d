package com.classentra.messaging;

import com.classentra.platform.security.SignedInUser;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Full-text search of a course's chat (PostgreSQL, the "simple" configuration so any language matches word for word),
 * within the channels the person reads: row-level security leaves out every other channel, direct ones included.
 */
@Service
public class ChatSearch {

    static final int RESULTS = 50;

    private final MessageRepository messages;
    private final ChatAccess access;

    ChatSearch(MessageRepository messages, ChatAccess access) {
        this.messages = messages;
        this.access = access;
    }

    /** The newest messages matching the words ("quoted phrases", -excluded words), each with where it is and an excerpt. */
    public List<SearchHit> search(SignedInUser user, UUID courseId, String words) {
        access.place(user, courseId);
        String query = words == null ? "" : words.strip();
        if (query.isEmpty()) {
            return List.of();
        }
        if (query.length() > 200) {
            throw new MessagingRefusedException("Search for at most 200 characters.");
        }
        return access.as(user, () -> messages.search(courseId, query, RESULTS));
    }
}
