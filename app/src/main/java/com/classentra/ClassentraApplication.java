package com.classentra;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Classentra: a self-hostable live-course operating system for independent teachers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("classentra/styles.css")
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
// Server push, so live updates (the notification bell) reach open pages without a reload. Only the server's
// messages use the WebSocket: the browser's requests stay plain XHR through the security filter chain, so
// idle timeouts, the absolute session lifetime and revocations keep applying to every user action.
@Push(transport = Transport.WEBSOCKET_XHR)
public class ClassentraApplication implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Classentra");
        settings.addMetaTag("description", "Live courses run by independent teachers");
        settings.addLink("icon", "classentra/favicon.svg");
    }

    public static void main(String[] args) {
        SpringApplication.run(ClassentraApplication.class, args);
    }
}
