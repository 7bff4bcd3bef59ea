package io.vixlab.contracts;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A SHA-256 checksum in an event: 64 lower-case hexadecimal digits. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "^[0-9a-f]{64}$")
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Sha256Hex {

    String message() default "must be 64 lower-case hexadecimal digits";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
