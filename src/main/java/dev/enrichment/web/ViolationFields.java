package dev.enrichment.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.enrichment.problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Turns Bean Validation violations into the problem's {@code fields}, named as on the wire (snake_case). */
final class ViolationFields {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private ViolationFields() {}

    static List<FieldError> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(fieldName(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    /** True when a violation concerns what a method returned: the server's fault, not the caller's. */
    static boolean concernsReturnValue(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().anyMatch(v -> contains(v.getPropertyPath(), ElementKind.RETURN_VALUE));
    }

    /** The last named node of the path ({@code create.request.userId} gives {@code user_id}), with its index if any. */
    static String fieldName(Path path) {
        String name = "request";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                name = SNAKE_CASE.translate(node.getName());
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
                name = name + "[" + node.getIndex() + "]";
            }
        }
        return name;
    }

    private static boolean contains(Path path, ElementKind kind) {
        for (Path.Node node : path) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }
}
