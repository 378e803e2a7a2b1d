package com.classentra.platform.plugins;

import com.classentra.platform.ClassentraProperties;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.ProviderFactory;
import com.classentra.plugin.api.Slot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads provider plugins with PF4J: the jars bundled in the application (classpath folder
 * {@code classentra-plugins/}, extracted to {@code <data>/plugins/bundled}) and any jars or plugin folders
 * an operator drops into {@code classentra.plugins.directory}. A plugin that cannot be loaded or started
 * is recorded as failed and skipped; the application keeps running without it.
 */
@Component
public class PluginHost implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final PluginManager manager;
    private final List<LoadedPlugin> unloadable = new ArrayList<>();
    /** Plugins that started but offer a provider that cannot describe itself: shown as failed. */
    private final Map<String, String> providerFailures = new HashMap<>();
    /** Factories are created once, after start-up (PF4J would create new instances on every lookup). */
    private final Map<Slot, List<HostedProvider>> providers = new EnumMap<>(Slot.class);

    public PluginHost(ClassentraProperties properties) throws IOException {
        List<Path> roots = new ArrayList<>();
        roots.add(extractBundledPlugins(properties.dataDirectory().resolve("plugins").resolve("bundled")));
        Path extra = properties.plugins().directory();
        if (extra != null) {
            roots.add(Files.createDirectories(extra));
        }
        this.manager = new DefaultPluginManager(roots);
        try {
            manager.loadPlugins();
        } catch (PluginRuntimeException e) {
            // Dependency resolution runs over all plugins at once; when it fails, none of them is usable.
            log.error("Plugins could not be resolved, the application runs without them: {}", e.getMessage());
            unloadable.add(new LoadedPlugin("(plugin dependencies)", "?", "", "NOT LOADED", true, e.getMessage()));
        }
        manager.startPlugins();
        recordUnloadable(roots);
        for (Slot slot : Slot.values()) {
            providers.put(slot, discover(slot));
        }
        for (LoadedPlugin plugin : plugins()) {
            if (plugin.failed()) {
                log.error("Plugin {} is isolated: {}", plugin.id(), plugin.problem());
            } else {
                log.info("Plugin {} {} {}", plugin.id(), plugin.version(), plugin.state());
            }
        }
    }

    /** Every provider of the slot offered by a started plugin, with the plugin that offers it. */
    public List<HostedProvider> providers(Slot slot) {
        return providers.get(slot);
    }

    /** The slot's provider with this id, when a started plugin offers it. */
    public Optional<HostedProvider> provider(Slot slot, String providerId) {
        return providers(slot).stream().filter(p -> p.descriptor().id().equals(providerId)).findFirst();
    }

    private List<HostedProvider> discover(Slot slot) {
        List<HostedProvider> result = new ArrayList<>();
        for (PluginWrapper plugin : manager.getStartedPlugins()) {
            for (ProviderFactory<?> factory : extensions(slot, plugin.getPluginId())) {
                try {
                    ProviderDescriptor descriptor = factory.descriptor();
                    if (descriptor.slot() != slot) {
                        throw new IllegalStateException(factory.getClass().getName() + " implements the " + slot.key()
                                + " extension point but declares the " + descriptor.slot().key() + " slot");
                    }
                    result.add(new HostedProvider(plugin.getPluginId(), plugin.getPluginClassLoader(), factory, descriptor));
                } catch (RuntimeException | LinkageError e) {
                    log.error("Plugin {} offers a provider that cannot describe itself: {}", plugin.getPluginId(), e.toString());
                    providerFailures.merge(plugin.getPluginId(), describe(e), (a, b) -> a + "; " + b);
                }
            }
        }
        result.sort(Comparator.comparing(p -> p.descriptor().displayName()));
        return List.copyOf(result);
    }

    private List<? extends ProviderFactory<?>> extensions(Slot slot, String pluginId) {
        try {
            return manager.getExtensions(slot.extensionPoint(), pluginId);
        } catch (RuntimeException | LinkageError e) {
            log.error("Plugin {} has extensions that cannot be created: {}", pluginId, e.toString());
            return List.of();
        }
    }

    public Optional<LoadedPlugin> plugin(String pluginId) {
        return plugins().stream().filter(p -> p.id().equals(pluginId)).findFirst();
    }

    /** Every plugin found, including those that failed to load or start. */
    public List<LoadedPlugin> plugins() {
        List<LoadedPlugin> all = new ArrayList<>(unloadable);
        for (PluginWrapper wrapper : manager.getPlugins()) {
            Throwable failure = wrapper.getFailedException();
            String problem = failure != null ? describe(failure) : providerFailures.get(wrapper.getPluginId());
            all.add(new LoadedPlugin(wrapper.getPluginId(), wrapper.getDescriptor().getVersion(),
                    wrapper.getDescriptor().getPluginDescription(), wrapper.getPluginState().toString(),
                    wrapper.getPluginState() == PluginState.FAILED || problem != null, problem));
        }
        all.sort(Comparator.comparing(LoadedPlugin::id));
        return all;
    }

    /**
     * Stops the plugins one by one, last started first, from a copy of the list: PF4J 3.15's own {@code stopPlugins()}
     * removes each plugin from the list it is iterating, which throws ConcurrentModificationException on shutdown as
     * soon as two plugins are started.
     */
    @Override
    public void destroy() {
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        java.util.Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            manager.stopPlugin(plugin.getPluginId());
        }
        manager.unloadPlugins();
    }

    /** Copies the bundled plugin jars out of the application, replacing older copies. */
    private static Path extractBundledPlugins(Path target) throws IOException {
        Files.createDirectories(target);
        Resource[] bundled = new PathMatchingResourcePatternResolver().getResources("classpath*:classentra-plugins/*.jar");
        Set<String> names = Stream.of(bundled).map(Resource::getFilename).collect(Collectors.toSet());
        try (Stream<Path> existing = Files.list(target)) {
            for (Path old : existing.filter(p -> !names.contains(p.getFileName().toString())).toList()) {
                Files.deleteIfExists(old);
            }
        }
        for (Resource jar : bundled) {
            try (InputStream in = jar.getInputStream()) {
                Files.copy(in, target.resolve(jar.getFilename()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    /** Jars and folders in the plugin roots that PF4J could not turn into a plugin. */
    private void recordUnloadable(List<Path> roots) throws IOException {
        Set<Path> loaded = manager.getPlugins().stream().map(p -> p.getPluginPath().toAbsolutePath().normalize()).collect(Collectors.toSet());
        for (Path root : roots) {
            try (Stream<Path> entries = Files.list(root)) {
                for (Path entry : entries.filter(p -> p.toString().endsWith(".jar") || Files.isDirectory(p)).toList()) {
                    if (!loaded.contains(entry.toAbsolutePath().normalize())) {
                        String name = entry.getFileName().toString();
                        unloadable.add(new LoadedPlugin(name, "?", "", "NOT LOADED", true,
                                "Not a valid plugin (missing or invalid Plugin-Id manifest / plugin.properties); see the server log"));
                    }
                }
            }
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** A plugin as the console lists it. */
    public record LoadedPlugin(String id, String version, String description, String state, boolean failed, String problem) {
    }

    /** A provider together with the plugin it came from. */
    public record HostedProvider(String pluginId, ClassLoader classLoader, ProviderFactory<?> factory, ProviderDescriptor descriptor) {
    }
}
