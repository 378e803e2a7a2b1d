package com.classentra.platform.security;

import java.util.List;

/**
 * Origins whose pages this application's pages may embed (a video provider's web client in a session's room page),
 * added to the Content-Security-Policy's {@code frame-src}. Answered on every page request: cheap, cached by the feature.
 */
public interface FrameSources {

    List<String> frameSources();
}
