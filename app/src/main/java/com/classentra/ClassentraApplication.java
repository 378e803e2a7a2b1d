package com.classentra;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Push;
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
// Server push: live updates such as the notification bell reach open pages without a reload.
@Push
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
