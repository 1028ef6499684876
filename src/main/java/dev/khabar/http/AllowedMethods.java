package dev.khabar.http;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;

/**
 * The methods each path accepts, read once from the resource classes, for the {@code Allow} header that RFC 9110
 * requires on a 405 (the REST layer does not fill it in).
 */
final class AllowedMethods {

    private record Route(Pattern path, String method) {
    }

    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    /** Comma-separated methods allowed on this path, HEAD and OPTIONS included where GET is. */
    static String forPath(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                allowed.add(route.method());
            }
        }
        if (allowed.contains(HttpMethod.GET)) {
            allowed.add(HttpMethod.HEAD);
        }
        if (!allowed.isEmpty()) {
            allowed.add(HttpMethod.OPTIONS);
        }
        return String.join(", ", allowed);
    }

    private static List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path classPath = bean.getBeanClass().getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                    Path methodPath = method.getAnnotation(Path.class);
                    for (var annotation : method.getAnnotations()) {
                        HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                        if (http != null) {
                            found.add(new Route(template(classPath.value(), methodPath == null ? "" : methodPath.value()),
                                    http.value()));
                        }
                    }
                }
            }
            routes = List.copyOf(found);
        }
        return routes;
    }

    private static Pattern template(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        StringBuilder regex = new StringBuilder();
        for (String part : joined.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
