package com.classentra.platform.errors;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The page Spring Boot's error handling (/error) shows a browser for a request that failed outside Vaadin's router:
 * a refusal by the security chain, a controller's 404, a server error with the reference {@link ServerErrorFilter}
 * left. Spring's model (exception, message, path) is never shown; clients that do not ask for a page keep Spring's
 * JSON answer, which includes neither message nor stack trace (server.error.include-*).
 */
@Component
class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        ErrorPage page = status == HttpStatus.FORBIDDEN ? ErrorPage.refused()
                : ErrorPage.forStatus(status.value(), (String) request.getAttribute(ErrorPage.REFERENCE));
        View view = (ignoredModel, viewRequest, response) -> page.write(viewRequest, response);
        return new ModelAndView(view);
    }
}
