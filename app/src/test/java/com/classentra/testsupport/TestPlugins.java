package com.classentra.testsupport;

import com.classentra.testplugins.CountingRateLimitProvider;
import com.classentra.testplugins.FailingStartPlugin;
import com.classentra.testplugins.NoDisclosureEmailProvider;
import com.classentra.testplugins.RecordingEmailProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds real PF4J plugin folders (plugin.properties, classes/, META-INF/extensions.idx) out of the test
 * classes in com.classentra.testplugins, so the host loads them through its plugin class loaders like any
 * third-party plugin. Also drops a jar that is not a plugin at all.
 */
final class TestPlugins {

    private TestPlugins() {
    }

    static Path install(Path directory) throws IOException {
        Files.createDirectories(directory);
        plugin(directory.resolve("test-recording-email"), "test-recording-email", null, List.of(RecordingEmailProvider.class));
        plugin(directory.resolve("test-failing-start"), "test-failing-start", FailingStartPlugin.class, List.of(RecordingEmailProvider.class));
        plugin(directory.resolve("test-no-disclosure"), "test-no-disclosure", null, List.of(NoDisclosureEmailProvider.class));
        plugin(directory.resolve("test-counting-rate-limits"), "test-counting-rate-limits", null, List.of(CountingRateLimitProvider.class));
        Files.write(directory.resolve("not-a-plugin.jar"), new byte[] {1, 2, 3, 4});
        return directory;
    }

    private static void plugin(Path root, String id, Class<?> pluginClass, List<Class<?>> extensions) throws IOException {
        Path classes = root.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        String properties = "plugin.id=" + id + "\nplugin.version=1.0.0\nplugin.provider=Classentra tests\n"
                + (pluginClass == null ? "" : "plugin.class=" + pluginClass.getName() + "\n");
        Files.writeString(root.resolve("plugin.properties"), properties);
        Files.writeString(classes.resolve("META-INF/extensions.idx"),
                String.join("\n", extensions.stream().map(Class::getName).toList()) + "\n");
        copyPackage(classes);
    }

    /** Copies every compiled class of the testplugins package (nested classes included) into the plugin. */
    private static void copyPackage(Path classes) throws IOException {
        Path source;
        try {
            source = Path.of(RecordingEmailProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(RecordingEmailProvider.class.getPackageName().replace('.', '/'));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path target = Files.createDirectories(classes.resolve(RecordingEmailProvider.class.getPackageName().replace('.', '/')));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }
}
