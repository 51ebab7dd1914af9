package dev.enrichment.security;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;

/** The role an endpoint needs, from {@link AdminAccess} / {@link BotAccess}; a method's rule wins over its class's. */
final class AccessRules {

    private AccessRules() {}

    /** Empty when neither the method nor its class says: such an endpoint is closed to every key. */
    static Optional<ApiRole> requiredRole(Method method, Class<?> resourceClass) {
        return declared(method)
                .or(() -> resourceClass == null ? Optional.empty() : declared(resourceClass))
                .or(() -> declared(method.getDeclaringClass()));
    }

    private static Optional<ApiRole> declared(AnnotatedElement element) {
        if (element.isAnnotationPresent(AdminAccess.class)) {
            return Optional.of(ApiRole.ADMIN);
        }
        if (element.isAnnotationPresent(BotAccess.class)) {
            return Optional.of(ApiRole.BOT);
        }
        return Optional.empty();
    }
}
