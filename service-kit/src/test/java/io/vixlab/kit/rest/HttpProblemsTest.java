package io.vixlab.kit.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answers no hostile request in the services' tests can provoke on purpose. */
class HttpProblemsTest {

    private final HttpProblems problems = new HttpProblems();

    @Test
    void unexpectedFailureAnswers500WithAnErrorIdAndNothingOfTheCause() {
        Response answer = problems.unexpected(new IllegalStateException("cannot open /srv/vixlab/secret.db"));

        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getMediaType()).hasToString(Problems.MEDIA_TYPE);
        Map<?, ?> body = (Map<?, ?>) answer.getEntity();
        assertThat(body.get("errorId")).asString().hasSize(36);
        assertThat(body.get("detail")).asString().endsWith("error id " + body.get("errorId"))
                .doesNotContain("/srv", "IllegalStateException");
    }

    @Test
    void mistypedJsonOfARequestWithoutBodyIsTheServicesFaultNotTheClients() {
        HttpHeaders noBody = (HttpHeaders) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> method.getName().equals("getLength") ? -1 : null);

        Response answer = problems.mistypedBody(MismatchedInputException.from((JsonParser) null, Integer.class, "stored row"), noBody);

        assertThat(answer.getStatus()).isEqualTo(500);
    }

    @Test
    void parameterOfATypeWithoutOurConverterAnswers400NotJaxRs404() {
        DateTimeParseException conversion = new DateTimeParseException("Text 'yesterday' could not be parsed", "yesterday", 0);

        Response answer = problems.webError(new NotFoundException(conversion), null, null);

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(((Map<?, ?>) answer.getEntity()).get("detail")).asString().contains("parameter is not a value of its type");
    }
}
