package com.example.ats.refhost.plugins;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Finds the implementation of a module class: the OSGi service of the plugin's bundle whose
 * {@code component.name} is that class name (how Declarative Services names a component).
 */
public final class ModuleServices {
    public static final String COMPONENT_NAME = "component.name";

    private final BundleContext hostContext;

    public ModuleServices(BundleContext hostContext) {
        this.hostContext = hostContext;
    }

    /** Calls {@code use} with the service while holding it; empty when the plugin offers none. */
    public <S, R> Optional<R> withService(Bundle bundle, Class<S> type, String className, Function<S, R> use) {
        Optional<ServiceReference<S>> reference = find(bundle, type, className);
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        S service = hostContext.getService(reference.get());
        if (service == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(use.apply(service));
        } finally {
            hostContext.ungetService(reference.get());
        }
    }

    /**
     * Asks each service of the type that the bundle registered (whatever its component name);
     * the first non-empty answer wins.
     */
    public <S, R> Optional<R> firstAnswer(Bundle bundle, Class<S> type, Function<S, Optional<R>> ask) {
        Collection<ServiceReference<S>> references;
        try {
            references = hostContext.getServiceReferences(type,
                    "(" + Constants.SERVICE_BUNDLEID + "=" + bundle.getBundleId() + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<S> reference : references) {
            S service = hostContext.getService(reference);
            if (service == null) {
                continue;
            }
            try {
                Optional<R> answer = ask.apply(service);
                if (answer.isPresent()) {
                    return answer;
                }
            } finally {
                hostContext.ungetService(reference);
            }
        }
        return Optional.empty();
    }

    /** The filter matching a module class's service of a bundle, of the given service type. */
    public static String filter(Class<?> type, Bundle bundle, String className) {
        return "(&(" + Constants.OBJECTCLASS + "=" + type.getName() + ")" + moduleFilter(bundle, className) + ")";
    }

    private static String moduleFilter(Bundle bundle, String className) {
        return "(&(" + COMPONENT_NAME + "=" + className + ")(" + Constants.SERVICE_BUNDLEID + "="
                + bundle.getBundleId() + "))";
    }

    private <S> Optional<ServiceReference<S>> find(Bundle bundle, Class<S> type, String className) {
        try {
            return hostContext.getServiceReferences(type, moduleFilter(bundle, className)).stream().findFirst();
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Not a valid class name for a filter: " + className, e);
        }
    }
}
