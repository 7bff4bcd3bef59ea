package io.vixlab.tuner.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link StudySpec}'s rules across fields ({@link StudySpec#crossFieldViolations()}), reported as
 * Bean Validation violations of the fields they name, next to the single-field ones.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StudySpecCheck.Validator.class)
public @interface StudySpecCheck {

    String message() default "the study cannot run as asked";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StudySpecCheck, StudySpec> {

        @Override
        public boolean isValid(StudySpec spec, ConstraintValidatorContext context) {
            var violations = spec.crossFieldViolations();
            if (violations.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            violations.forEach(v -> context.buildConstraintViolationWithTemplate(literal(v.reason()))
                    .addPropertyNode(v.field()).addConstraintViolation());
            return false;
        }

        /** A reason may quote a request's values: no message interpolation of them. */
        private static String literal(String text) {
            return text.replaceAll("([\\\\{}$])", "\\\\$1");
        }
    }
}
