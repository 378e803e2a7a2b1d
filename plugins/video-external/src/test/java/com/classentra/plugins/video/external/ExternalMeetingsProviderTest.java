package com.classentra.plugins.video.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.WebhookRequest;
import com.classentra.plugin.api.video.RoomRequest;
import com.classentra.plugin.api.video.VideoFeatures;
import com.classentra.plugin.api.video.VideoRooms;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalMeetingsProviderTest {

    private final ExternalMeetingsProvider provider = new ExternalMeetingsProvider();

    @Test
    void itSendsNothingToAnyoneAndSaysSo() {
        assertThat(provider.descriptor().disclosure().sharesPersonalData()).isFalse();
        assertThat(provider.descriptor().configSchema().fields()).isEmpty();
    }

    @Test
    void itMakesNoRoomsAndTellsTheTeacherWhatToDoInstead() {
        VideoRooms rooms = provider.create(ProviderConfig.empty(), null);

        assertThat(rooms.features()).isEqualTo(VideoFeatures.LINKS_ONLY);
        assertThat(rooms.checkHealth().healthy()).isTrue();
        Instant now = Instant.now();
        assertThatThrownBy(() -> rooms.createRoom(new RoomRequest("s-1", now, now.plusSeconds(60), 5, false)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISCONFIGURED);
                    assertThat(e.getMessage()).contains("add a Zoom, Google Meet or Microsoft Teams link");
                });
        assertThatThrownBy(() -> rooms.readWebhook(new WebhookRequest(Map.of(), new byte[0], now)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));
    }
}
