package com.classentra.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every provider module under plugins/ ships inside the application, so a new one cannot be forgotten. */
class PluginBundlingTest {

    @Test
    void everyPluginModuleIsBundledIntoTheApplication() throws IOException {
        String parent = Files.readString(Path.of("..", "plugins", "pom.xml"));
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        List<String> declared = modules.results().map(m -> "classentra-plugin-" + m.group(1) + ".jar").toList();

        Resource[] bundled = new PathMatchingResourcePatternResolver().getResources("classpath*:classentra-plugins/*.jar");
        List<String> names = java.util.Arrays.stream(bundled).map(Resource::getFilename).toList();

        assertThat(declared).isNotEmpty();
        assertThat(names).containsExactlyInAnyOrderElementsOf(declared);
    }
}
