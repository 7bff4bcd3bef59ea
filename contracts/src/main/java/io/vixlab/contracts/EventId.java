package io.vixlab.contracts;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An entity id in an event (study, trial, run, final, dataset): 1 to {@value #MAX_LENGTH} characters.
 * The schemas take the bounds from the {@link Size} below.
 */
@Documented
@Constraint(validatedBy = {})
@Size(min = 1, max = EventId.MAX_LENGTH)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface EventId {

    int MAX_LENGTH = 200;

    String message() default "must be an id of 1 to " + MAX_LENGTH + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
